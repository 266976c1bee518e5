//! Two tabs' versions of one project, merged part by part.
//!
//! Each tab keeps the version of its open project it last saw stored (the *base*:
//! what it wrote or read). When another tab's save arrives while this tab has a change
//! of its own waiting, or a save finds that storage moved on since the base, the two
//! versions are merged against the base, one part at a time: each table on its own,
//! each project fact, each checklist item, each target, each table's column mapping,
//! each setting (and each table's reading overrides). A part changed on one side only
//! takes that side; a part changed on both sides to different values keeps this tab's
//! version and is reported as a conflict, so that the other version can be offered
//! (the store keeps it for a download). Without this, the later whole document won
//! and the earlier tab's edits (a paste, a rename) were silently lost.

use std::collections::BTreeMap;

use cluster_eval_types::Document;
use serde_json::{Map, Value};

/// Where a part is in the document's JSON: `["tables", "firms"]`,
/// `["project", "name"]`, `["targets", "long.beneficiaries.sales"]`.
pub type Part = Vec<String>;

/// The objects whose members merge one by one (the document itself too).
const SPLIT: &[&[&str]] = &[
    &[],
    &["tables"],
    &["project"],
    &["checklist"],
    &["targets"],
    &["columns"],
    &["settings"],
    &["settings", "tables"],
];

/// The outcome of a merge.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// The merged document: this tab's, with the parts only the other tab changed.
    pub doc: Document,
    /// The parts taken from the other tab's version.
    pub taken: Vec<Part>,
    /// The parts both tabs changed, differently: this tab's version was kept.
    pub conflicts: Vec<Part>,
}

/// Merges `mine` and `theirs`, two versions of one document that both started from
/// `base`. Results are left out of the comparison; the merged document has none.
/// `None` when the merged version could not be read back as a document (which two
/// valid documents of this page do not produce): the caller then keeps `mine`.
pub fn merge(base: &Document, mine: &Document, theirs: &Document) -> Option<Merged> {
    let base = parts(base);
    let theirs = parts(theirs);
    let mut merged = value_of(mine);
    let mine = parts_of(merged.clone());
    let mut every: Vec<&Part> = mine
        .keys()
        .chain(theirs.keys())
        .chain(base.keys())
        .collect();
    every.sort_unstable();
    every.dedup();
    let (mut taken, mut conflicts) = (Vec::new(), Vec::new());
    for part in every {
        let (b, m, t) = (base.get(part), mine.get(part), theirs.get(part));
        if m == t || t == b {
            continue; // the same on both sides, or unchanged there: this tab's stands
        }
        if m == b {
            set(&mut merged, part, t.cloned());
            taken.push(part.clone());
        } else {
            conflicts.push(part.clone());
        }
    }
    let doc = Document::from_value(merged).ok()?;
    Some(Merged {
        doc,
        taken,
        conflicts,
    })
}

/// The document's JSON without its results.
fn value_of(doc: &Document) -> Value {
    let mut value = serde_json::to_value(doc).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        map.remove("results");
    }
    value
}

/// A document's parts, by where they are.
pub fn parts(doc: &Document) -> BTreeMap<Part, Value> {
    parts_of(value_of(doc))
}

fn parts_of(value: Value) -> BTreeMap<Part, Value> {
    let mut out = BTreeMap::new();
    flatten(Vec::new(), value, &mut out);
    out
}

fn flatten(at: Part, value: Value, out: &mut BTreeMap<Part, Value>) {
    let split = SPLIT.iter().any(|s| s.iter().eq(at.iter()));
    match value {
        Value::Object(map) if split => {
            for (key, value) in map {
                let mut below = at.clone();
                below.push(key);
                flatten(below, value, out);
            }
        }
        value => {
            out.insert(at, value);
        }
    }
}

/// Puts `value` at `part` (`None`: removes what is there), making the objects on the
/// way when they are missing.
fn set(root: &mut Value, part: &[String], value: Option<Value>) {
    let Some((last, path)) = part.split_last() else {
        if let Some(value) = value {
            *root = value;
        }
        return;
    };
    let mut node = root;
    for key in path {
        let Value::Object(map) = node else {
            return;
        };
        node = map
            .entry(key.clone())
            .or_insert_with(|| Value::Object(Map::new()));
        if !node.is_object() {
            *node = Value::Object(Map::new());
        }
    }
    if let Value::Object(map) = node {
        match value {
            Some(value) => {
                map.insert(last.clone(), value);
            }
            None => {
                map.remove(last);
            }
        }
    }
}
