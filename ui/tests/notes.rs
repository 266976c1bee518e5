//! Tests of the engine's message catalogue: every code the engine emits on a
//! few documents has a `note.<code>` text in the three languages, and every
//! placeholder of a text is a parameter the engine sends with that code.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use cluster_eval_engine::document::YesNoUnknown;
use cluster_eval_engine::Document;
use cluster_eval_ui::{example, i18n, messages, note_messages};

/// Firms of two groups only (no control firm, no rest of the sector), few columns.
const SMALL_FIRMS: &str = "firm\tgroup\tyear\tsales\temployment\tworkers_women\tworkers_youth\twage_women\twage_men\tquality\timproved
B1\tbeneficiary\t2019\t100\t5\t0\t0\t\t300\tsí\t
B1\tbeneficiary\t2022\t150\t6\t0\t0\t\t320\tno\t
B2\tbeneficiary\t2019\t0\t0\t0\t0\t\t\t\t
B2\tbeneficiary\t2022\t80\t3\t1\t0\t250\t280\t\t
K1\tcluster\t2019\t200\t12\t4\t1\t310\t330\tno\t
K1\tcluster\t2022\t260\t14\t5\t1\t320\t340\tsí\t";

/// One firm per group, so the bootstrap has too few firms on each side.
const TINY_FIRMS: &str = "firm\tgroup\tyear\tsales\texports\temployment
B1\tbeneficiary\t2019\t100\t0\t5
B1\tbeneficiary\t2022\t150\t0\t6
C1\tcontrol\t2019\t90\t10\t4
C1\tcontrol\t2022\t95\t12\t4
S1\tsector\t2019\t1000\t100\t50
S1\tsector\t2022\t1100\t90\t55";

fn documents() -> Vec<Document> {
    let mut docs = vec![Document::new("empty")];

    let mut small = Document::new("small");
    small.tables.firms = SMALL_FIRMS.into();
    small.project.cost_total = Some(0.0);
    small.project.social_benefits = Some(10.0);
    docs.push(small);

    let mut tiny = Document::new("tiny");
    tiny.tables.firms = TINY_FIRMS.into();
    tiny.tables.territory = "year\tlocal_gdp\tnational_gdp\n2019\t0\t100\n2022\t10\t120".into();
    tiny.project.cluster_firms = Some(0.5);
    tiny.project.institutional_arrangement = YesNoUnknown::No;
    docs.push(tiny);

    docs.push(example::document(i18n::Lang::En));

    let mut reversed = example::document(i18n::Lang::En);
    reversed.project.baseline_year = Some(2023);
    reversed.project.followup_year = Some(2023);
    docs.push(reversed);

    let mut early = example::document(i18n::Lang::En);
    early.project.end_year = Some(2022);
    docs.push(early);

    let mut no_draws = example::document(i18n::Lang::En);
    no_draws.settings.bootstrap_reps = 0;
    docs.push(no_draws);

    let mut variant = example::document(i18n::Lang::En);
    variant.settings.bootstrap_reps = 0;
    variant.project.cluster_firms = None;
    variant.project.cost_mif = None;
    variant.project.baseline_year = Some(2017);
    variant.project.followup_year = Some(2023);
    variant.checklist.clear();
    docs.push(variant);

    docs
}

/// Every code seen on the documents, with the parameter names sent with it.
fn seen_codes() -> BTreeMap<String, BTreeSet<String>> {
    let mut seen: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for doc in documents() {
        let results = cluster_eval_engine::compute(&doc);
        for note in results.indicators.iter().filter_map(|i| i.note.as_ref()) {
            seen.entry(note.code.clone())
                .or_default()
                .extend(note.params.keys().cloned());
        }
        for warning in &results.warnings {
            seen.entry(warning.code.clone())
                .or_default()
                .extend(warning.params.keys().cloned());
        }
    }
    seen
}

fn note_template(code: &str) -> Option<(&'static str, [&'static str; 3])> {
    let key = format!("note.{code}");
    messages::CATALOGUE
        .iter()
        .chain(note_messages::NOTE_CATALOGUE.iter())
        .find(|row| row.0 == key)
        .map(|&(key, en, es, pt)| (key, [en, es, pt]))
}

fn placeholders(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                names.push(&after[..end]);
                rest = &after[end + 1..];
            }
            None => break,
        }
    }
    names
}

#[test]
fn no_key_twice_and_no_empty_text() {
    let mut keys = HashSet::new();
    for (key, en, es, pt) in messages::CATALOGUE
        .iter()
        .chain(note_messages::NOTE_CATALOGUE.iter())
    {
        assert!(keys.insert(*key), "key {key} listed twice");
        for text in [en, es, pt] {
            assert!(!text.trim().is_empty(), "{key} has an empty text");
        }
    }
    for (key, ..) in note_messages::NOTE_CATALOGUE {
        assert!(key.starts_with("note."), "{key} is not a note key");
    }
}

#[test]
fn every_emitted_code_is_translated() {
    let seen = seen_codes();
    let missing: Vec<&String> = seen
        .keys()
        .filter(|code| note_template(code).is_none())
        .collect();
    assert!(
        missing.is_empty(),
        "codes without a note.<code> text: {missing:?}"
    );
    // The documents are meant to reach most of the engine's messages.
    assert!(
        seen.len() >= 30,
        "only {} codes seen: {:?}",
        seen.len(),
        seen.keys()
    );
    for lang in i18n::Lang::ALL {
        assert!(i18n::lookup(lang, "note.compared").is_some());
    }
    println!(
        "{} codes seen of {} in the catalogue; not seen: {:?}",
        seen.len(),
        note_messages::NOTE_CATALOGUE.len(),
        note_messages::NOTE_CATALOGUE
            .iter()
            .map(|row| &row.0["note.".len()..])
            .filter(|code| !seen.contains_key(*code))
            .collect::<Vec<_>>()
    );
}

#[test]
fn placeholders_are_parameters_of_the_code() {
    let seen = seen_codes();
    for (code, params) in &seen {
        let Some((key, texts)) = note_template(code) else {
            continue;
        };
        for text in texts {
            for name in placeholders(text) {
                assert!(
                    params.contains(name),
                    "{key}: {{{name}}} is not a parameter of {code} ({params:?}) in “{text}”"
                );
            }
        }
    }
}

#[test]
fn notes_are_filled_and_worded_in_the_reader_language() {
    let doc = example::document(i18n::Lang::En);
    let results = cluster_eval_engine::compute(&doc);
    for lang in i18n::Lang::ALL {
        for ind in &results.indicators {
            let text = cluster_eval_ui::notes::note_text(lang, ind.note.as_ref(), &ind.message);
            assert!(
                !text.contains('{'),
                "{}: unfilled placeholder in “{text}”",
                ind.id
            );
            // Codes are worded, not shown.
            for code in ["cluster_firms", "firms_table"] {
                assert!(!text.contains(code), "{}: “{code}” in “{text}”", ind.id);
            }
        }
    }
}
