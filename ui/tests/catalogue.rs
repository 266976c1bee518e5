//! The page's texts and the built-in example, natively: every catalogue key is unique
//! and translated, placeholders are filled, file names are safe, the example
//! computes, and no number under "how it was computed" is shown by its raw key.

use std::collections::HashSet;

use cluster_eval_ui::{detail_names, example, file_names, formulas, i18n, messages};

#[test]
fn every_catalogue_key_is_unique_and_translated() {
    let mut seen = HashSet::new();
    for (key, en, es, pt) in messages::CATALOGUE {
        assert!(seen.insert(*key), "key {key} listed twice");
        for text in [en, es, pt] {
            assert!(!text.trim().is_empty(), "{key} has an empty text");
        }
    }
}

#[test]
fn placeholders_are_filled() {
    let text = i18n::tf(
        i18n::Lang::Es,
        "notice.imported",
        &[("name", "Masaya".to_string())],
    );
    assert_eq!(text, "Se importó «Masaya».");
    assert_eq!(i18n::t(i18n::Lang::Pt, "no.such.key"), "no.such.key");
}

#[test]
fn languages_from_codes() {
    assert_eq!(i18n::Lang::from_code("pt-BR"), Some(i18n::Lang::Pt));
    assert_eq!(i18n::Lang::from_code("es_419"), Some(i18n::Lang::Es));
    assert_eq!(i18n::Lang::from_code("fr"), None);
}

#[test]
fn file_names_are_safe() {
    assert_eq!(
        file_names::safe_file_name("Masaya: 2003/2006", "json"),
        "Masaya_ 2003_2006.json"
    );
    assert_eq!(file_names::safe_file_name("  ", "csv"), "project.csv");
}

#[test]
fn the_example_fills_every_table_and_computes() {
    let doc = example::document(i18n::Lang::En);
    for table in cluster_eval_engine::TableKind::ALL {
        assert!(!doc.table_text(table).is_empty(), "{table} is empty");
    }
    let again = cluster_eval_engine::Document::from_json(&doc.to_json()).expect("valid");
    assert_eq!(again, doc);
    let results = cluster_eval_engine::compute(&doc);
    assert_eq!(results.baseline_year, Some(2018));
    assert_eq!(results.followup_year, Some(2023));
}

#[test]
fn every_number_under_how_it_was_computed_is_named_in_the_reader_language() {
    // No engine key left as it is (snake_case), in any language.
    let doc = example::document(i18n::Lang::En);
    let results = cluster_eval_engine::compute(&doc);
    for lang in i18n::Lang::ALL {
        for ind in &results.indicators {
            for (key, _) in formulas::entries(lang, &ind.detail) {
                let label = detail_names::label(lang, &key);
                assert!(
                    !label.contains('_'),
                    "{lang:?} {}: “{key}” shown as “{label}”",
                    ind.id
                );
            }
        }
    }
}

/// Issue 14, item 12: notices put each value in its own element (`<bdi>` on the
/// page), so they are cut at their placeholders.
#[test]
fn a_text_is_cut_at_its_placeholders() {
    use i18n::Piece::{Slot, Text};
    assert_eq!(
        i18n::pieces("Deleted “{name}”."),
        [Text("Deleted “"), Slot("name"), Text("”.")]
    );
    assert_eq!(
        i18n::pieces("{names} ({mb} MB)"),
        [Slot("names"), Text(" ("), Slot("mb"), Text(" MB)")]
    );
    assert_eq!(i18n::pieces("a { b"), [Text("a { b")]);
    assert_eq!(
        i18n::pieces("{} {x y}"),
        [Text("{"), Text("} {"), Text("x y}")]
    );
    // Every notice's placeholders are found whole, in every language.
    for (key, en, es, pt) in messages::CATALOGUE {
        if key.starts_with("notice.") {
            for text in [en, es, pt] {
                let joined: String = i18n::pieces(text)
                    .iter()
                    .map(|p| match p {
                        Text(t) => t.to_string(),
                        Slot(s) => format!("{{{s}}}"),
                    })
                    .collect();
                assert_eq!(&joined, text, "{key}");
            }
        }
    }
}

#[test]
fn language_files_are_up_to_date() {
    // The page's WebAssembly carries English only and loads these files.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../lang");
    for lang in [i18n::Lang::Es, i18n::Lang::Pt] {
        let path = dir.join(format!("{}.json", lang.code()));
        let stored = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            stored == i18n::language_file(lang),
            "{} is out of date: run `cargo run -p cluster-eval-ui --example lang_files`",
            path.display()
        );
    }
}

#[test]
fn an_installed_language_file_gives_the_same_texts() {
    for lang in [i18n::Lang::Es, i18n::Lang::Pt] {
        assert!(i18n::install(lang, &i18n::language_file(lang)));
        assert!(i18n::is_installed(lang));
        assert_eq!(i18n::t(lang, "app.title"), i18n::t(lang, "app.title"));
    }
    assert!(!i18n::install(i18n::Lang::Es, "not json"));
}
