//! Browser unit tests (headless Chromium through wasm-bindgen-test): local storage.
//! What needs no browser is tested natively in `ui/tests/`.

use cluster_eval_app::storage;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

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
