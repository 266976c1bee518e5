//! The project list as stored (`cluster-eval/v1/index`) and the one change a tab makes
//! to it at a time: a tab applies its change to the list *as stored*, never writes its
//! own copy over it, so a project another tab added is never dropped.

use serde::{Deserialize, Serialize};

/// One line of the project list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectMeta {
    pub id: String,
    pub name: String,
    /// Last change, milliseconds since the epoch.
    pub updated: f64,
}

/// How one project's line of the list changes.
#[derive(Debug, Clone, PartialEq)]
pub enum ListChange {
    /// Adds the line, or replaces the line with the same id where it stands.
    Put(ProjectMeta),
    Remove(String),
}

impl ListChange {
    /// Applies the change to a list; a new project goes first (newest first).
    pub fn apply(&self, list: &mut Vec<ProjectMeta>) {
        match self {
            ListChange::Put(meta) => match list.iter_mut().find(|m| m.id == meta.id) {
                Some(line) => *line = meta.clone(),
                None => list.insert(0, meta.clone()),
            },
            ListChange::Remove(id) => list.retain(|m| &m.id != id),
        }
    }
}

/// The stored text of a list, or `None` when it cannot be read.
pub fn parse(text: &str) -> Option<Vec<ProjectMeta>> {
    serde_json::from_str(text).ok()
}

pub fn to_text(list: &[ProjectMeta]) -> String {
    serde_json::to_string(list).unwrap_or_else(|_| "[]".into())
}
