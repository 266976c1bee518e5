//! Browser unit tests (headless Chromium through wasm-bindgen-test): storage,
//! languages, file names and the built-in example.

use std::collections::HashSet;

use cluster_eval_app::{example, files, i18n, messages, storage};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn every_catalogue_key_is_unique_and_translated() {
    let mut seen = HashSet::new();
    for (key, en, es, pt) in messages::CATALOGUE {
        assert!(seen.insert(*key), "key {key} listed twice");
        for text in [en, es, pt] {
            assert!(!text.trim().is_empty(), "{key} has an empty text");
        }
    }
}

#[wasm_bindgen_test]
fn placeholders_are_filled() {
    let text = i18n::tf(
        i18n::Lang::Es,
        "notice.imported",
        &[("name", "Masaya".to_string())],
    );
    assert_eq!(text, "Se importó «Masaya».");
    assert_eq!(i18n::t(i18n::Lang::Pt, "no.such.key"), "no.such.key");
}

#[wasm_bindgen_test]
fn languages_from_codes() {
    assert_eq!(i18n::Lang::from_code("pt-BR"), Some(i18n::Lang::Pt));
    assert_eq!(i18n::Lang::from_code("es_419"), Some(i18n::Lang::Es));
    assert_eq!(i18n::Lang::from_code("fr"), None);
}

#[wasm_bindgen_test]
fn file_names_are_safe() {
    assert_eq!(
        files::safe_file_name("Masaya: 2003/2006", "json"),
        "Masaya_ 2003_2006.json"
    );
    assert_eq!(files::safe_file_name("  ", "csv"), "project.csv");
}

#[wasm_bindgen_test]
fn storage_round_trips_and_sets_unreadable_data_aside() {
    assert!(
        storage::local().is_some(),
        "headless Chromium has local storage"
    );
    storage::set("cluster-eval/v1/test", "value").expect("write");
    assert_eq!(
        storage::get("cluster-eval/v1/test").as_deref(),
        Some("value")
    );
    storage::remove("cluster-eval/v1/test");

    storage::set(storage::INDEX_KEY, "{not json").expect("write");
    let loaded = storage::load_index();
    let backup = loaded
        .backed_up
        .expect("the unreadable index is kept aside");
    assert_eq!(storage::get(&backup).as_deref(), Some("{not json"));
    storage::remove(&backup);
    storage::remove(storage::INDEX_KEY);
}

#[wasm_bindgen_test]
fn a_list_change_goes_into_the_stored_list_not_over_it() {
    let meta = |id: &str, name: &str| storage::ProjectMeta {
        id: id.into(),
        name: name.into(),
        updated: 1.0,
    };
    // What another tab stored after this one read the list.
    storage::save_index(&[meta("a", "Masaya"), meta("b", "Chontales")]).expect("write");
    let (list, outcome) = storage::change_index(&storage::ListChange::Put(meta("c", "Córdoba")));
    outcome.expect("write");
    let ids = |list: &[storage::ProjectMeta]| list.iter().map(|m| m.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&list), ["c", "a", "b"]);
    let (list, _) = storage::change_index(&storage::ListChange::Put(meta("a", "Masaya 2")));
    assert_eq!(
        ids(&list),
        ["c", "a", "b"],
        "a known project keeps its place"
    );
    assert_eq!(list[1].name, "Masaya 2");
    let (list, _) = storage::change_index(&storage::ListChange::Remove("b".into()));
    assert_eq!(ids(&list), ["c", "a"]);
    assert_eq!(ids(&storage::load_index().projects), ["c", "a"]);
    storage::remove(storage::INDEX_KEY);
}

#[wasm_bindgen_test]
fn the_example_fills_every_table_and_computes() {
    let doc = example::document(i18n::Lang::En);
    for table in cluster_eval_engine::model::TableKind::ALL {
        assert!(!doc.table_text(table).is_empty(), "{table} is empty");
    }
    let again = cluster_eval_engine::Document::from_json(&doc.to_json()).expect("valid");
    assert_eq!(again, doc);
    let results = cluster_eval_engine::compute(&doc);
    assert_eq!(results.baseline_year, Some(2018));
    assert_eq!(results.followup_year, Some(2023));
}

#[wasm_bindgen_test]
fn every_number_under_how_it_was_computed_is_named_in_the_reader_language() {
    // No engine key left as it is (snake_case), in any language.
    let doc = example::document(i18n::Lang::En);
    let results = cluster_eval_engine::compute(&doc);
    for lang in i18n::Lang::ALL {
        for ind in &results.indicators {
            for (key, _) in cluster_eval_app::components::how::entries(lang, &ind.detail) {
                let label = cluster_eval_app::detail_names::label(lang, &key);
                assert!(
                    !label.contains('_'),
                    "{lang:?} {}: “{key}” shown as “{label}”",
                    ind.id
                );
            }
        }
    }
}
