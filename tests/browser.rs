//! Browser unit tests (headless Chromium through wasm-bindgen-test): local storage.
//! What needs no browser is tested natively in `ui/tests/`.

// Compiled only for the browser: a plain `cargo test` on the host skips this file.
#![cfg(target_arch = "wasm32")]

use cluster_eval_app::storage::{Storage, WebStorage, INDEX_KEY};
use cluster_eval_types::Document;
use cluster_eval_ui::i18n::Lang;
use cluster_eval_ui::store::{memory::StepClock, Notice, Store};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_browser_storage_round_trips_and_lists_its_keys() {
    let mut local = WebStorage::Local;
    assert!(local.is_available(), "headless Chromium has local storage");
    local.set("cluster-eval/v1/test", "value").expect("write");
    assert_eq!(local.get("cluster-eval/v1/test").as_deref(), Some("value"));
    assert!(local.keys().iter().any(|k| k == "cluster-eval/v1/test"));
    local.remove("cluster-eval/v1/test");
    assert_eq!(local.get("cluster-eval/v1/test"), None);
    let mut session = WebStorage::Session;
    session.set("cluster-eval/v1/test", "tab").expect("write");
    assert_eq!(local.get("cluster-eval/v1/test"), None, "two storages");
    session.remove("cluster-eval/v1/test");
}

#[wasm_bindgen_test]
fn the_store_over_the_browser_storage_sets_an_unreadable_list_aside() {
    let mut local = WebStorage::Local;
    local.set(INDEX_KEY, "{not json").expect("write");
    let mut store = Store::new(WebStorage::Local, WebStorage::Session, StepClock::new("b"));
    let mut doc = Document::default();
    store.load(&mut doc, Lang::En);
    let backup = store
        .notices()
        .iter()
        .find_map(|n| match n {
            Notice::Recovered { backup_key } => Some(backup_key.clone()),
            _ => None,
        })
        .expect("the unreadable index is kept aside");
    assert_eq!(local.get(&backup).as_deref(), Some("{not json"));
    for key in local.keys() {
        if key.starts_with("cluster-eval/") {
            local.remove(&key);
        }
    }
}
