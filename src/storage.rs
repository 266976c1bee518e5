//! Projects in the browser's local storage, under versioned keys.
//!
//! Layout (version 1 of the storage layout, independent of the document version):
//! - `cluster-eval/v1/index`: the list of projects (`[{id, name, updated}]`),
//! - `cluster-eval/v1/doc/<id>`: one document's JSON (without results),
//! - `cluster-eval/v1/last`: the id of the project open last (also kept per tab, in
//!   the tab's session storage, so a reload reopens that tab's own project),
//! - `cluster-eval/v1/lang`: the chosen language;
//! - in the tab's session storage, `cluster-eval/v1/calculating`: the project being
//!   calculated, while it is.
//!
//! Nothing stored is ever deleted because it could not be read: it is copied under
//! `cluster-eval/v1/backup/<key>/<time>` and reported. When storage is unavailable
//! (private mode, locked-down browsers) every call fails softly and the page works in
//! memory; when the quota is full the caller keeps its data in memory and says so.

use serde::{Deserialize, Serialize};
use web_sys::Storage;

pub const PREFIX: &str = "cluster-eval/v1/";
pub const INDEX_KEY: &str = "cluster-eval/v1/index";
pub const LAST_KEY: &str = "cluster-eval/v1/last";
pub const LANG_KEY: &str = "cluster-eval/v1/lang";
/// The id of the project being calculated on the page, set for the length of each
/// calculation: if one never returns (a panic stops the whole page), the mark stays,
/// and the next load does not reopen that project by itself, again and again. Kept
/// in the tab's session storage, which a reload keeps and other tabs do not see (a
/// tab opened during another's calculation must not take it for a stop).
pub const CALCULATING_KEY: &str = "cluster-eval/v1/calculating";

/// One line of the project list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectMeta {
    pub id: String,
    pub name: String,
    /// Last change, milliseconds since the epoch.
    pub updated: f64,
}

/// Why a write did not happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteError {
    /// The browser gives no storage (or refuses access to it).
    Unavailable,
    /// The storage quota is full.
    QuotaFull,
    /// The document is larger than any browser keeps in local storage; it was not
    /// even tried (serialising and refusing 10 MB freezes the page for half a second).
    TooLarge { chars: usize },
}

/// What browsers keep in local storage per site, in characters: Chromium allows 10 MiB
/// of UTF-16 (5 Mi characters), Firefox and Safari 5 MB. A project whose tables alone
/// are longer cannot be stored.
pub const STORAGE_LIMIT_CHARS: usize = 5 * 1024 * 1024;

pub fn doc_key(id: &str) -> String {
    format!("{PREFIX}doc/{id}")
}

/// The browser's local storage, or `None` where there is none or it is refused.
pub fn local() -> Option<Storage> {
    // Accessing localStorage throws in some locked-down configurations: treat a throw
    // like no storage at all.
    let storage = web_sys::window()?.local_storage().ok()??;
    // Safari's old private mode has a storage whose writes always fail: probe it, once
    // per page. Probing on every access cost two extra writes per read or write, each
    // also a `storage` event in every other tab; a write that fails later is answered
    // where it fails (see [`set`]).
    thread_local! {
        static WRITABLE: std::cell::Cell<Option<bool>> = const { std::cell::Cell::new(None) };
    }
    let writable = WRITABLE.with(|w| match w.get() {
        Some(known) => known,
        None => {
            let found = takes_writes(&storage);
            w.set(Some(found));
            found
        }
    });
    writable.then_some(storage)
}

/// Whether a write goes through (a full storage counts: it is there, only full).
fn takes_writes(storage: &Storage) -> bool {
    let probe = format!("{PREFIX}probe");
    match storage.set_item(&probe, "1") {
        Ok(()) => {
            let _ = storage.remove_item(&probe);
            true
        }
        Err(e) => is_quota_error(&e),
    }
}

pub fn get(key: &str) -> Option<String> {
    local()?.get_item(key).ok()?
}

pub fn set(key: &str, value: &str) -> Result<(), WriteError> {
    let storage = local().ok_or(WriteError::Unavailable)?;
    storage.set_item(key, value).map_err(|e| {
        if is_quota_error(&e) {
            WriteError::QuotaFull
        } else {
            WriteError::Unavailable
        }
    })
}

pub fn remove(key: &str) {
    if let Some(storage) = local() {
        let _ = storage.remove_item(key);
    }
}

fn session() -> Option<Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// Remembers the project open in this tab: in the tab's session storage, so that a
/// reload reopens *this* tab's project even when another tab opened one since, and in
/// local storage, for the next new tab.
pub fn set_last(id: &str) {
    if let Some(s) = session() {
        let _ = s.set_item(LAST_KEY, id);
    }
    let _ = set(LAST_KEY, id);
}

/// The project to reopen: this tab's own, else the one opened last in any tab.
pub fn last() -> Option<String> {
    session()
        .and_then(|s| s.get_item(LAST_KEY).ok().flatten())
        .or_else(|| get(LAST_KEY))
}

/// Marks `id` as being calculated (see [`CALCULATING_KEY`]); false if it could not be.
pub fn mark_calculating(id: &str) -> bool {
    session().is_some_and(|s| s.set_item(CALCULATING_KEY, id).is_ok())
}

pub fn unmark_calculating() {
    if let Some(s) = session() {
        let _ = s.remove_item(CALCULATING_KEY);
    }
}

/// The project whose calculation stopped the page before this load, if any.
pub fn take_calculating_mark() -> Option<String> {
    let s = session()?;
    let id = s.get_item(CALCULATING_KEY).ok()??;
    let _ = s.remove_item(CALCULATING_KEY);
    Some(id)
}

/// Copies an unreadable stored value aside (never deletes it) and returns the backup
/// key. The original key is then free to be written again.
pub fn back_up(key: &str, value: &str) -> Option<String> {
    let stamp = js_sys::Date::now() as u64;
    let backup = format!("{PREFIX}backup/{}/{stamp}", key.trim_start_matches(PREFIX));
    set(&backup, value).ok().map(|_| backup)
}

fn is_quota_error(error: &wasm_bindgen::JsValue) -> bool {
    use wasm_bindgen::JsCast;
    match error.dyn_ref::<web_sys::DomException>() {
        // 22 is the legacy code of QuotaExceededError; Firefox names it differently.
        Some(dom) => {
            dom.code() == 22
                || dom.name() == "QuotaExceededError"
                || dom.name() == "NS_ERROR_DOM_QUOTA_REACHED"
        }
        None => false,
    }
}

/// Outcome of reading the project list.
pub struct LoadedIndex {
    pub projects: Vec<ProjectMeta>,
    /// Backup key of an unreadable index that was set aside.
    pub backed_up: Option<String>,
}

/// Reads the project list; an unreadable list is set aside and rebuilt from the
/// documents that are still readable.
pub fn load_index() -> LoadedIndex {
    let Some(text) = get(INDEX_KEY) else {
        return LoadedIndex {
            projects: Vec::new(),
            backed_up: None,
        };
    };
    match serde_json::from_str::<Vec<ProjectMeta>>(&text) {
        Ok(projects) => LoadedIndex {
            projects,
            backed_up: None,
        },
        Err(_) => {
            let backed_up = back_up(INDEX_KEY, &text);
            LoadedIndex {
                projects: rebuild_index(),
                backed_up,
            }
        }
    }
}

/// Scans storage for documents when the index is lost.
fn rebuild_index() -> Vec<ProjectMeta> {
    let Some(storage) = local() else {
        return Vec::new();
    };
    let prefix = format!("{PREFIX}doc/");
    let count = storage.length().unwrap_or(0);
    let mut projects = Vec::new();
    for i in 0..count {
        let Ok(Some(key)) = storage.key(i) else {
            continue;
        };
        let Some(id) = key.strip_prefix(&prefix) else {
            continue;
        };
        let Ok(Some(text)) = storage.get_item(&key) else {
            continue;
        };
        if let Ok(doc) = cluster_eval_engine::Document::from_json(&text) {
            projects.push(ProjectMeta {
                id: id.to_string(),
                name: doc.project.name,
                updated: 0.0,
            });
        }
    }
    projects
}

pub fn save_index(projects: &[ProjectMeta]) -> Result<(), WriteError> {
    let text = serde_json::to_string(projects).unwrap_or_else(|_| "[]".into());
    set(INDEX_KEY, &text)
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

/// Writes one change into the *stored* list, not this tab's copy of it: another tab
/// of the page may have added or deleted projects since this one read the list, and
/// writing the copy would drop them. Returns the list as stored now.
pub fn change_index(change: &ListChange) -> (Vec<ProjectMeta>, Result<(), WriteError>) {
    let mut list = load_index().projects;
    change.apply(&mut list);
    let outcome = save_index(&list);
    (list, outcome)
}
