//! The names of the numbers listed under "how it was computed", in the reader's
//! language. The engine names them with stable keys (`employment_b`,
//! `groups.cluster.mean_f`, `bootstrap.reps`); a key path is shown segment by segment,
//! each from the catalogue (`detail.<segment>`), or as a column, group, size class or
//! strategy name, with `_b` / `_f` read as "at the baseline" / "at the follow-up". A
//! key nothing knows is shown as it is, so a newer engine's number is never hidden.

use crate::i18n::{lookup, t, Lang};
use crate::names;

/// The label of a detail key path (`groups.cluster.mean_b`).
pub fn label(lang: Lang, path: &str) -> String {
    path.split('.')
        .map(|segment| segment_name(lang, segment))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A text value of the detail (a measure, a method, a group, a code).
pub fn value(lang: Lang, text: &str) -> String {
    word(lang, text).unwrap_or_else(|| text.to_string())
}

fn segment_name(lang: Lang, segment: &str) -> String {
    if let Some(name) = word(lang, segment) {
        return name;
    }
    for (suffix, when) in [("_b", "detail.at_baseline"), ("_f", "detail.at_followup")] {
        if let Some(name) = segment
            .strip_suffix(suffix)
            .and_then(|base| word(lang, base))
        {
            return format!("{name} ({})", t(lang, when));
        }
    }
    segment.to_string()
}

fn word(lang: Lang, word: &str) -> Option<String> {
    if let Some(text) = lookup(lang, &format!("detail.{word}")) {
        return Some(text.to_string());
    }
    // In the engine's details, as in its notes, `cluster` is the whole cluster
    // (beneficiaries and the other cluster firms), not the table's group.
    if word == "cluster" {
        return Some(t(lang, "group.cluster_all").to_string());
    }
    names::known_column_name(lang, word).or_else(|| names::strategy_name(lang, word))
}
