//! Migration of older document versions to the current one.
//!
//! Version 0 is the draft format of the first prototype (before the SPEC fixed the
//! names): it called the years `project.baseline` / `project.followup` and the number
//! of bootstrap draws `settings.reps`, and kept `tables` as lists of lines. Each step
//! rewrites the JSON object in place, one version at a time, so a later version adds
//! one step and never touches the earlier ones.

use serde_json::{Map, Value};

/// The document version this build writes, and the newest it reads.
pub const CURRENT_VERSION: u64 = 1;

/// Brings `object`, a document of `version` (≤ current), up to the current version.
pub fn to_current(object: &mut Map<String, Value>, version: u64) {
    let mut version = version;
    while version < CURRENT_VERSION {
        if version == 0 {
            v0_to_v1(object);
        }
        version += 1;
    }
    object.insert("version".into(), Value::from(CURRENT_VERSION));
}

fn rename(object: &mut Map<String, Value>, from: &str, to: &str) {
    if let Some(value) = object.remove(from) {
        object.entry(to.to_string()).or_insert(value);
    }
}

fn v0_to_v1(object: &mut Map<String, Value>) {
    if let Some(Value::Object(project)) = object.get_mut("project") {
        rename(project, "baseline", "baseline_year");
        rename(project, "followup", "followup_year");
    }
    if let Some(Value::Object(settings)) = object.get_mut("settings") {
        rename(settings, "reps", "bootstrap_reps");
    }
    if let Some(Value::Object(tables)) = object.get_mut("tables") {
        for (_, table) in tables.iter_mut() {
            if let Value::Array(lines) = table {
                let text: Vec<String> = lines
                    .iter()
                    .map(|line| match line {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    })
                    .collect();
                *table = Value::String(text.join("\n"));
            }
        }
    }
}
