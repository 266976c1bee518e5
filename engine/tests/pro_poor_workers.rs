//! Hand-computed tests of `pro_poor.jobs.*`, `pro_poor.share.*` and the worker lines of
//! the winners-and-losers table.

use cluster_eval_engine::model::{FirmYear, Group, Measure};
use cluster_eval_engine::Document;
use cluster_eval_engine::{Status, WinnerLoser};
use serde_json::json;

mod pro_poor_support;
use pro_poor_support::{get, run};

use Measure::{Employment as E, WorkersUnskilled as U, WorkersWomen as W};

fn line<'a>(table: &'a [WinnerLoser], group: &str) -> &'a WinnerLoser {
    table
        .iter()
        .find(|l| l.group == group)
        .unwrap_or_else(|| panic!("no line {group}"))
}

fn b(firm: &str, year: i32) -> FirmYear {
    FirmYear::new(firm, Group::Beneficiary, year)
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-12)
}

/// F1, F2 in the panel; F3 lacks workers_women in 2023 (excluded from women, but in the
/// unskilled panel); C1 is a cluster firm (never counted).
fn panel() -> Vec<FirmYear> {
    vec![
        b("F1", 2019).with(E, 10.0).with(W, 4.0).with(U, 0.0),
        b("F1", 2023).with(E, 12.0).with(W, 5.0).with(U, 2.0),
        b("F2", 2019).with(E, 20.0).with(W, 6.0).with(U, 0.0),
        b("F2", 2023).with(E, 30.0).with(W, 8.0).with(U, 0.0),
        b("F3", 2019).with(E, 10.0).with(W, 2.0).with(U, 0.0),
        b("F3", 2023).with(E, 10.0).with(U, 0.0),
        FirmYear::new("C1", Group::Cluster, 2019)
            .with(E, 100.0)
            .with(W, 50.0),
        FirmYear::new("C1", Group::Cluster, 2023)
            .with(E, 100.0)
            .with(W, 0.0),
    ]
}

#[test]
fn women_jobs_grow_but_share_falls_and_the_table_says_they_lose() {
    let (out, table) = run(&Document::default(), panel());
    // Panel F1, F2: women 10 → 13, employment 30 → 42.
    let jobs = get(&out, "pro_poor.jobs.women");
    assert_eq!(jobs.value, Some(3.0));
    assert_eq!(jobs.status, Status::Met);
    assert_eq!(jobs.n, 2);
    assert_eq!(jobs.detail["excluded"], json!(1));
    assert_eq!(jobs.detail["workers_b"], json!(10.0));
    assert_eq!(jobs.detail["workers_f"], json!(13.0));
    assert_eq!(jobs.detail["employment_b"], json!(30.0));
    assert_eq!(jobs.detail["employment_f"], json!(42.0));

    let share = get(&out, "pro_poor.share.women");
    assert!(close(share.value, 13.0 / 42.0 - 10.0 / 30.0)); // −0.0238
    assert_eq!(share.status, Status::NotMet);
    assert_eq!(share.detail["share_b"], json!(10.0 / 30.0));
    assert_eq!(share.detail["share_f"], json!(13.0 / 42.0));
    assert_eq!(share.detail["loser_threshold"], json!(0.01));
    assert_eq!(
        share.note.as_ref().map(|n| n.code()),
        Some("pro_poor_panel")
    );

    let women = line(&table, "women");
    assert_eq!(women.kind, "workers");
    assert_eq!(women.jobs_change, Some(3.0));
    assert!(close(women.change, 13.0 / 42.0 - 10.0 / 30.0));
    assert_eq!(women.loses, Some(true));
    assert_eq!(
        women.indicators,
        vec![
            "pro_poor.jobs.women",
            "pro_poor.share.women",
            "pro_poor.share.women.vs_control"
        ]
    );
}

#[test]
fn a_wider_threshold_makes_the_same_fall_acceptable() {
    let mut doc = Document::default();
    doc.settings.loser_threshold = 0.05;
    let (out, table) = run(&doc, panel());
    assert_eq!(get(&out, "pro_poor.share.women").status, Status::Met);
    assert_eq!(line(&table, "women").loses, Some(false));
}

#[test]
fn group_with_zero_workers_at_baseline() {
    let (out, table) = run(&Document::default(), panel());
    // Panel F1, F2, F3 (all have employment and unskilled in both years): 0 → 2.
    let jobs = get(&out, "pro_poor.jobs.unskilled");
    assert_eq!(jobs.value, Some(2.0));
    assert_eq!(jobs.n, 3);
    assert_eq!(jobs.status, Status::Met);
    let share = get(&out, "pro_poor.share.unskilled");
    assert_eq!(share.detail["share_b"], json!(0.0));
    assert!(close(share.value, 2.0 / 52.0));
    assert_eq!(share.status, Status::Met);
    let note = share.note.as_ref().map(|n| n.code());
    assert_eq!(note, Some("pro_poor_group_new"));
    assert_eq!(line(&table, "unskilled").loses, Some(false));
}

#[test]
fn group_absent_in_both_years_is_not_a_loser_but_is_said() {
    let rows = vec![
        b("F1", 2019).with(E, 10.0).with(Measure::WorkersAfro, 0.0),
        b("F1", 2023).with(E, 12.0).with(Measure::WorkersAfro, 0.0),
    ];
    let (out, _) = run(&Document::default(), rows);
    let share = get(&out, "pro_poor.share.afro");
    assert_eq!(share.value, Some(0.0));
    assert_eq!(share.status, Status::Met);
    let note = share.note.clone().expect("a note");
    assert_eq!(note.code(), "pro_poor_group_absent");
    assert_eq!(note.params()["group"], json!("afro"));
}

#[test]
fn missing_column_names_it() {
    let (out, table) = run(&Document::default(), panel());
    for id in ["pro_poor.jobs.youth", "pro_poor.share.youth"] {
        let ind = get(&out, id);
        assert_eq!(ind.status, Status::InsufficientData);
        assert_eq!(ind.value, None);
        assert!(ind.message.contains("workers_youth"), "{}", ind.message);
        let note = ind.note.clone().expect("a note");
        assert_eq!(note.code(), "pro_poor_missing_columns");
        assert_eq!(note.params()["columns"], json!(["workers_youth"]));
    }
    let youth = line(&table, "youth");
    assert_eq!(
        (youth.jobs_change, youth.change, youth.loses),
        (None, None, None)
    );
}

#[test]
fn column_only_in_one_year_gives_no_panel() {
    let rows = vec![
        b("F1", 2019)
            .with(E, 10.0)
            .with(Measure::WorkersMigrant, 1.0),
        b("F1", 2023).with(E, 12.0),
    ];
    let (out, _) = run(&Document::default(), rows);
    let ind = get(&out, "pro_poor.jobs.migrant");
    assert_eq!(ind.status, Status::InsufficientData);
    assert_eq!(
        ind.message,
        "no beneficiary firms with employment and workers_migrant in both 2019 and 2023"
    );
    assert_eq!(ind.detail["excluded"], json!(1));
}

#[test]
fn threshold_boundary() {
    // Share 0.50 → 0.49: a fall of exactly the default threshold (0.01) is met, even
    // though 0.49 − 0.5 is −0.010000000000000009 in floating point.
    let exact = vec![
        b("F1", 2019).with(E, 100.0).with(W, 50.0),
        b("F1", 2023).with(E, 100.0).with(W, 49.0),
    ];
    let (out, table) = run(&Document::default(), exact);
    let share = get(&out, "pro_poor.share.women");
    assert!(close(share.value, -0.01));
    assert_eq!(share.status, Status::Met);
    assert_eq!(get(&out, "pro_poor.jobs.women").status, Status::NotMet);
    // Jobs fell by one: the group loses out through its jobs.
    assert_eq!(line(&table, "women").loses, Some(true));

    let below = vec![
        b("F1", 2019).with(E, 100.0).with(W, 50.0),
        b("F1", 2023).with(E, 200.0).with(W, 97.98),
    ];
    let (out, table) = run(&Document::default(), below);
    let share = get(&out, "pro_poor.share.women");
    assert!(close(share.value, -0.0101));
    assert_eq!(share.status, Status::NotMet);
    assert_eq!(get(&out, "pro_poor.jobs.women").status, Status::Met);
    assert_eq!(line(&table, "women").loses, Some(true));
}

#[test]
fn zero_employment_leaves_share_undefined_but_counts_jobs() {
    let rows = vec![
        b("F1", 2019).with(E, 0.0).with(W, 0.0),
        b("F1", 2023).with(E, 0.0).with(W, 0.0),
    ];
    let (out, table) = run(&Document::default(), rows);
    assert_eq!(get(&out, "pro_poor.jobs.women").value, Some(0.0));
    let share = get(&out, "pro_poor.share.women");
    assert_eq!(share.status, Status::InsufficientData);
    assert_eq!(share.value, None);
    assert_eq!(
        share.note.as_ref().map(|n| n.code()),
        Some("pro_poor_zero_employment")
    );
    assert_eq!(line(&table, "women").loses, None);
}

#[test]
fn targets_override_jobs_and_share() {
    let mut doc = Document::default();
    doc.targets.insert("pro_poor.jobs.women".into(), 5.0);
    doc.targets.insert("pro_poor.share.women".into(), -0.05);
    let (out, table) = run(&doc, panel());
    let jobs = get(&out, "pro_poor.jobs.women");
    assert_eq!(jobs.status, Status::NotMet); // +3 < 5
    assert_eq!(jobs.detail["target"], json!(5.0));
    assert_eq!(get(&out, "pro_poor.share.women").status, Status::Met); // −0.024 ≥ −0.05
    assert_eq!(line(&table, "women").loses, Some(true));
}

#[test]
fn ids_come_in_spec_order() {
    let (out, table) = run(&Document::default(), panel());
    let ids: Vec<&str> = out.iter().map(|i| i.id.as_str()).collect();
    let groups = [
        "women",
        "unskilled",
        "informal",
        "youth",
        "indigenous",
        "afro",
        "disabled",
        "migrant",
    ];
    let mut expected: Vec<String> = groups
        .iter()
        .map(|g| format!("pro_poor.jobs.{g}"))
        .collect();
    expected.extend(groups.iter().map(|g| format!("pro_poor.share.{g}")));
    expected.push("pro_poor.wage_gap".into());
    expected.push("pro_poor.micro_share".into());
    for c in ["micro", "small", "medium", "large"] {
        expected.push(format!("pro_poor.firms.{c}.vs_beneficiaries"));
    }
    expected.push("pro_poor.formalization".into());
    expected.push("pro_poor.checklist".into());
    // Against the control group (issue 13).
    expected.extend(
        groups
            .iter()
            .map(|g| format!("pro_poor.share.{g}.vs_control")),
    );
    expected.push("pro_poor.wage_gap.vs_control".into());
    expected.push("pro_poor.exited_firms_jobs".into());
    // v3: the cluster's non-participating firms against the control firms.
    expected.push("pro_poor.non_participants.sales.vs_control".into());
    expected.push("pro_poor.non_participants.employment.vs_control".into());
    assert_eq!(ids, expected);
    let lines: Vec<(&str, &str)> = table
        .iter()
        .map(|l| (l.kind.as_str(), l.group.as_str()))
        .collect();
    let mut expected_lines: Vec<(&str, &str)> = groups.iter().map(|g| ("workers", *g)).collect();
    for c in ["micro", "small", "medium", "large"] {
        expected_lines.push(("firms", c));
    }
    assert_eq!(lines, expected_lines);
}
