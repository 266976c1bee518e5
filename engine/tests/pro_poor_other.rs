//! Hand-computed tests of `pro_poor.formalization` and `pro_poor.checklist`, and of the
//! whole section without years and in the saved JSON.

use cluster_eval_engine::model::{Dataset, FirmYear, Flag, Group, Measure};
use cluster_eval_engine::pro_poor;
use cluster_eval_engine::{ChecklistAnswer, Document};
use cluster_eval_engine::{Indicator, Status};
use serde_json::json;

mod pro_poor_support;
use pro_poor_support::{data, get, YEARS};

fn informal(firm: &str, group: Group, base: Option<bool>, follow: Option<bool>) -> Vec<FirmYear> {
    let mut rows = Vec::new();
    for (year, flag) in [(2019, base), (2023, follow)] {
        let mut row = FirmYear::new(firm, group, year).with(Measure::Employment, 5.0);
        if let Some(flag) = flag {
            row = row.with_flag(Flag::Informal, flag);
        }
        rows.push(row);
    }
    rows
}

fn formalization(rows: Vec<Vec<FirmYear>>) -> Indicator {
    let (out, _) = pro_poor::compute(
        &Document::default(),
        &data(rows.into_iter().flatten().collect()),
        Some(YEARS),
    );
    get(&out, "pro_poor.formalization").clone()
}

#[test]
fn formalization_over_firms_known_in_both_years() {
    let ben = Group::Beneficiary;
    let ind = formalization(vec![
        informal("F1", ben, Some(true), Some(true)),
        informal("F2", ben, Some(true), Some(false)),
        informal("F3", ben, Some(false), Some(false)),
        informal("F4", ben, Some(true), Some(false)),
        // Unknown in 2023: excluded.
        informal("F5", ben, Some(true), None),
        // Not a beneficiary: ignored.
        informal("K1", Group::Cluster, Some(false), Some(true)),
    ]);
    // Informal 3/4 → 1/4.
    assert_eq!(ind.value, Some(0.5));
    assert_eq!(ind.status, Status::Met);
    assert_eq!(ind.n, 4);
    assert_eq!(ind.detail["informal_b"], json!(3));
    assert_eq!(ind.detail["informal_f"], json!(1));
    assert_eq!(ind.detail["share_b"], json!(0.75));
    assert_eq!(ind.detail["share_f"], json!(0.25));
    assert_eq!(ind.detail["excluded"], json!(1));
}

#[test]
fn informality_growing_is_not_met_and_unchanged_is_met() {
    let ben = Group::Beneficiary;
    let worse = formalization(vec![
        informal("F1", ben, Some(false), Some(true)),
        informal("F2", ben, Some(false), Some(false)),
    ]);
    assert_eq!(worse.value, Some(-0.5));
    assert_eq!(worse.status, Status::NotMet);
    let same = formalization(vec![informal("F1", ben, Some(true), Some(true))]);
    assert_eq!(same.value, Some(0.0));
    assert_eq!(same.status, Status::Met);
}

#[test]
fn formalization_without_the_column() {
    let ind = formalization(vec![informal("F1", Group::Beneficiary, None, None)]);
    assert_eq!(ind.status, Status::InsufficientData);
    assert_eq!(ind.message, "the firms table has no informal column");
}

#[test]
fn checklist_score_counts_partial_as_half_and_skips_unanswered() {
    let mut doc = Document::default();
    doc.checklist
        .insert("poverty_targeting".into(), Some(ChecklistAnswer::Yes));
    doc.checklist
        .insert("gains_to_poor".into(), Some(ChecklistAnswer::Yes));
    doc.checklist
        .insert("winners_losers".into(), Some(ChecklistAnswer::Partial));
    doc.checklist
        .insert("training_system".into(), Some(ChecklistAnswer::No));
    doc.checklist.insert("social_protection".into(), None);
    // Not one of the eleven items: ignored.
    doc.checklist
        .insert("something_else".into(), Some(ChecklistAnswer::Yes));
    let (out, _) = pro_poor::compute(&doc, &Dataset::default(), Some(YEARS));
    let ind = get(&out, "pro_poor.checklist");
    assert_eq!(ind.value, Some(2.5 / 4.0));
    assert_eq!(ind.status, Status::Reported);
    assert_eq!(ind.n, 4);
    assert_eq!(ind.detail["yes"], json!(2));
    assert_eq!(ind.detail["partial"], json!(1));
    assert_eq!(ind.detail["no"], json!(1));
    assert_eq!(ind.detail["answered"], json!(4));
    assert_eq!(ind.detail["unanswered"], json!(7));
    assert_eq!(ind.detail["items"]["winners_losers"], json!("partial"));
    assert_eq!(ind.detail["items"]["social_protection"], json!(null));
    assert_eq!(ind.detail["items"].as_object().map(|m| m.len()), Some(11));

    doc.targets.insert("pro_poor.checklist".into(), 0.7);
    let (out, _) = pro_poor::compute(&doc, &Dataset::default(), Some(YEARS));
    assert_eq!(get(&out, "pro_poor.checklist").status, Status::NotMet);
    doc.targets.insert("pro_poor.checklist".into(), 0.6);
    let (out, _) = pro_poor::compute(&doc, &Dataset::default(), Some(YEARS));
    assert_eq!(get(&out, "pro_poor.checklist").status, Status::Met);
}

#[test]
fn checklist_with_nothing_answered() {
    let (out, _) = pro_poor::compute(&Document::default(), &Dataset::default(), Some(YEARS));
    let ind = get(&out, "pro_poor.checklist");
    assert_eq!(ind.status, Status::InsufficientData);
    assert_eq!(ind.value, None);
    assert_eq!(
        ind.note.as_ref().map(|n| n.code().to_string()),
        Some("pro_poor_checklist_unanswered".to_string())
    );
}

#[test]
fn without_years_only_the_checklist_is_computed() {
    let mut doc = Document::default();
    doc.checklist
        .insert("labor_standards".into(), Some(ChecklistAnswer::Partial));
    doc.targets.insert("pro_poor.wage_gap".into(), 0.1);
    let rows = vec![
        FirmYear::new("F1", Group::Beneficiary, 2019).with(Measure::Employment, 5.0),
        FirmYear::new("F1", Group::Beneficiary, 2023).with(Measure::Employment, 6.0),
    ];
    let (out, table) = pro_poor::compute(&doc, &data(rows), None);
    // 34, and the two v3 non-participant comparisons.
    assert_eq!(out.len(), 36);
    for ind in &out {
        if ind.id == "pro_poor.checklist" {
            assert_eq!(ind.value, Some(0.5));
            assert_eq!(ind.status, Status::Reported);
        } else {
            assert_eq!(ind.status, Status::InsufficientData, "{}", ind.id);
            assert_eq!(ind.value, None);
            let code = ind.note.as_ref().map(|n| n.code());
            assert_eq!(code, Some("pro_poor_no_years"), "{}", ind.id);
        }
    }
    assert_eq!(table.len(), 12);
    assert!(table
        .iter()
        .all(|l| l.loses.is_none() && l.change.is_none()));
}

#[test]
fn every_message_has_a_note_and_the_json_has_no_nan() {
    let rows = vec![
        FirmYear::new("F1", Group::Beneficiary, 2019)
            .with(Measure::Employment, 0.0)
            .with(Measure::Sales, 0.0)
            .with(Measure::WorkersWomen, 0.0)
            .with(Measure::WageMen, 0.0),
        FirmYear::new("F1", Group::Beneficiary, 2023)
            .with(Measure::Employment, 0.0)
            .with(Measure::Sales, 10.0)
            .with(Measure::WorkersWomen, 0.0)
            .with(Measure::WageWomen, 0.0),
    ];
    let (out, table) = pro_poor::compute(&Document::default(), &data(rows), Some(YEARS));
    for ind in &out {
        assert!(ind.value.is_none_or(f64::is_finite), "{}", ind.id);
        assert_eq!(ind.message.is_empty(), ind.note.is_none(), "{}", ind.id);
        assert!(!ind.message.is_empty(), "{} has no message", ind.id);
    }
    let text = serde_json::to_string(&(out, table)).unwrap_or_default();
    assert!(!text.is_empty());
    assert!(!text.contains("NaN") && !text.contains("Infinity"));
    assert!(!text.contains("-0.0"), "negative zero in {text}");
}
