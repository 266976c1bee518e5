//! Hand-computed tests of `pro_poor.wage_gap`, including its target as a ceiling.

use cluster_eval_engine::model::{FirmYear, Group, Measure};
use cluster_eval_engine::Document;
use cluster_eval_engine::{Indicator, Status};
use serde_json::json;

mod pro_poor_support;
use pro_poor_support::{get, run};

use Measure::{Employment as E, WageMen as WM, WageWomen as WW, WorkersWomen as W};

const ID: &str = "pro_poor.wage_gap";

fn gap(doc: &Document, rows: Vec<FirmYear>) -> Indicator {
    let (out, _) = run(doc, rows);
    get(&out, ID).clone()
}

fn b(firm: &str, year: i32) -> FirmYear {
    FirmYear::new(firm, Group::Beneficiary, year)
}

fn num(ind: &Indicator, key: &str) -> f64 {
    ind.detail[key]
        .as_f64()
        .unwrap_or_else(|| panic!("detail.{key} is not a number"))
}

/// 2019: women 4 at 80; men 6 at 100 and 5 at 200 → W_women 80, W_men 1600/11,
/// gap = 1 − 80·11/1600 = 0.45.
/// 2023: women 5 at 90 and 1 at 150 → 100; men 5 at 110 and 4 at 200 → 150,
/// gap = 1/3. F2 has no women in 2019 and no wage_women then: still in the panel.
/// F3 lacks the men's wage in 2023 (excluded); F4 has more women than workers.
fn narrowing() -> Vec<FirmYear> {
    vec![
        b("F1", 2019)
            .with(E, 10.0)
            .with(W, 4.0)
            .with(WW, 80.0)
            .with(WM, 100.0),
        b("F1", 2023)
            .with(E, 10.0)
            .with(W, 5.0)
            .with(WW, 90.0)
            .with(WM, 110.0),
        b("F2", 2019).with(E, 5.0).with(W, 0.0).with(WM, 200.0),
        b("F2", 2023)
            .with(E, 5.0)
            .with(W, 1.0)
            .with(WW, 150.0)
            .with(WM, 200.0),
        b("F3", 2019)
            .with(E, 10.0)
            .with(W, 5.0)
            .with(WW, 10.0)
            .with(WM, 1000.0),
        b("F3", 2023).with(E, 10.0).with(W, 5.0).with(WW, 10.0),
        b("F4", 2019)
            .with(E, 3.0)
            .with(W, 5.0)
            .with(WW, 10.0)
            .with(WM, 10.0),
        b("F4", 2023)
            .with(E, 5.0)
            .with(W, 5.0)
            .with(WW, 10.0)
            .with(WM, 10.0),
    ]
}

#[test]
fn narrowing_gap_is_met_with_both_years_in_detail() {
    let ind = gap(&Document::default(), narrowing());
    assert!((ind.value.unwrap_or(f64::NAN) - 1.0 / 3.0).abs() < 1e-12);
    assert_eq!(ind.status, Status::Met);
    assert_eq!(ind.n, 2);
    assert!((num(&ind, "gap_b") - 0.45).abs() < 1e-12);
    assert!((num(&ind, "gap_f") - 1.0 / 3.0).abs() < 1e-12);
    assert!((num(&ind, "w_women_b") - 80.0).abs() < 1e-12);
    assert!((num(&ind, "w_men_b") - 1600.0 / 11.0).abs() < 1e-9);
    assert!((num(&ind, "w_women_f") - 100.0).abs() < 1e-12);
    assert!((num(&ind, "w_men_f") - 150.0).abs() < 1e-12);
    assert_eq!(ind.detail["workers_women_b"], json!(4.0));
    assert_eq!(ind.detail["workers_men_b"], json!(11.0));
    assert_eq!(ind.detail["workers_women_f"], json!(6.0));
    assert_eq!(ind.detail["workers_men_f"], json!(9.0));
    assert_eq!(ind.detail["excluded"], json!(2));
    assert_eq!(ind.detail["inconsistent"], json!(1));
}

#[test]
fn widening_gap_is_not_met() {
    let rows = vec![
        b("F1", 2019)
            .with(E, 10.0)
            .with(W, 5.0)
            .with(WW, 90.0)
            .with(WM, 100.0),
        b("F1", 2023)
            .with(E, 10.0)
            .with(W, 5.0)
            .with(WW, 80.0)
            .with(WM, 100.0),
    ];
    let ind = gap(&Document::default(), rows.clone());
    assert!((ind.value.unwrap_or(f64::NAN) - 0.2).abs() < 1e-12);
    assert!((num(&ind, "gap_b") - 0.1).abs() < 1e-12);
    assert_eq!(ind.status, Status::NotMet);

    // Unchanged gap: did not widen, met.
    let mut same = rows;
    same[1] = same[1].clone().with(WW, 90.0);
    assert_eq!(gap(&Document::default(), same).status, Status::Met);
}

#[test]
fn target_is_a_ceiling() {
    let mut doc = Document::default();
    // Narrowed from 0.45 to 0.333, but the ceiling 0.30 is not reached.
    doc.targets.insert(ID.into(), 0.30);
    let ind = gap(&doc, narrowing());
    assert_eq!(ind.status, Status::NotMet);
    assert_eq!(ind.detail["target"], json!(0.30));
    doc.targets.insert(ID.into(), 0.40);
    assert_eq!(gap(&doc, narrowing()).status, Status::Met);
}

#[test]
fn missing_wage_column_is_named() {
    let rows = vec![
        b("F1", 2019).with(E, 10.0).with(W, 5.0).with(WW, 90.0),
        b("F1", 2023).with(E, 10.0).with(W, 5.0).with(WW, 80.0),
    ];
    let ind = gap(&Document::default(), rows);
    assert_eq!(ind.status, Status::InsufficientData);
    assert_eq!(ind.message, "the firms table has no wage_men column");
    let note = ind.note.expect("a note");
    assert_eq!(note.code(), "pro_poor_missing_columns");
    assert_eq!(note.params()["columns"], json!(["wage_men"]));
}

#[test]
fn no_women_at_all_leaves_the_gap_undefined() {
    let rows = vec![
        b("F1", 2019).with(E, 10.0).with(W, 0.0).with(WM, 100.0),
        b("F1", 2023)
            .with(E, 10.0)
            .with(W, 1.0)
            .with(WW, 50.0)
            .with(WM, 100.0),
    ];
    let ind = gap(&Document::default(), rows);
    assert_eq!(ind.status, Status::InsufficientData);
    assert_eq!(ind.value, None);
    let note = ind.note.expect("a note");
    assert_eq!(note.code(), "pro_poor_wage_no_workers");
    assert_eq!(note.params()["side"], json!("women"));
    assert_eq!(note.params()["year"], json!(2019));
}

#[test]
fn no_firm_valid_in_both_years() {
    let rows = narrowing().into_iter().filter(|r| r.year == 2019).collect();
    let ind = gap(&Document::default(), rows);
    assert_eq!(ind.status, Status::InsufficientData);
    assert_eq!(
        ind.note.map(|n| n.code().to_string()),
        Some("pro_poor_no_panel".to_string())
    );
}
