//! Hand-computed medium and short run indicators and the returns per dollar.

use cluster_eval_engine::indicators;
use cluster_eval_engine::model::{
    ActivityRow, ActorRow, Dataset, FirmYear, FirmsTable, Flag, Group, Measure, SubsidyRow,
};
use cluster_eval_engine::years::Years;
use cluster_eval_engine::Document;
use cluster_eval_engine::YesNoUnknown;
use cluster_eval_engine::{Indicator, Status};
use serde_json::json;

const B: Group = Group::Beneficiary;
const YEARS: Years = Years {
    baseline: 2019,
    followup: 2023,
};

fn get<'a>(inds: &'a [Indicator], id: &str) -> &'a Indicator {
    inds.iter()
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("no indicator {id}"))
}

fn code(ind: &Indicator) -> &str {
    ind.note.as_ref().map_or("", |n| n.code())
}

fn close(a: Option<f64>, b: f64) {
    let a = a.expect("a value");
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

fn firm(id: &str, group: Group, year: i32, sales: f64) -> FirmYear {
    FirmYear::new(id, group, year).with(Measure::Sales, sales)
}

/// B1: quality no → yes, management yes → yes, improved yes, sales 100 → 150;
/// B2: quality no → no, management ? → no, improved no, sales 100 → 110;
/// B3: only 2023, improved unknown; K1 (cluster): quality yes → yes, sales 100 → 100;
/// C1 (control, not in K): quality no → yes, sales 100 → 105;
/// S (sector): sales 1000 → 1150.
fn firms() -> Vec<FirmYear> {
    use Flag::*;
    vec![
        firm("B1", B, 2019, 100.0)
            .with_flag(Quality, false)
            .with_flag(Management, true),
        firm("B1", B, 2023, 150.0)
            .with_flag(Quality, true)
            .with_flag(Management, true)
            .with_flag(Improved, true),
        firm("B2", B, 2019, 100.0).with_flag(Quality, false),
        firm("B2", B, 2023, 110.0)
            .with_flag(Quality, false)
            .with_flag(Management, false)
            .with_flag(Improved, false),
        firm("B3", B, 2023, 10.0),
        firm("K1", Group::Cluster, 2019, 100.0).with_flag(Quality, true),
        firm("K1", Group::Cluster, 2023, 100.0).with_flag(Quality, true),
        firm("C1", Group::Control, 2019, 100.0).with_flag(Quality, false),
        firm("C1", Group::Control, 2023, 105.0).with_flag(Quality, true),
        firm("S", Group::Sector, 2019, 1000.0),
        firm("S", Group::Sector, 2023, 1150.0),
    ]
}

fn data(rows: Vec<FirmYear>) -> Dataset {
    Dataset {
        firms: FirmsTable::from_rows(rows),
        ..Dataset::default()
    }
}

fn run(doc: &Document, data: &Dataset) -> Vec<Indicator> {
    indicators::compute(doc, data, Some(YEARS)).0
}

#[test]
fn strategies_shares_over_cluster_firms_known_both_years() {
    let inds = run(&Document::new("t"), &data(firms()));
    // Quality: B1, B2, K1 known in both: 1/3 → 2/3.
    let q = get(&inds, "medium.strategies.quality");
    close(q.value, 1.0 / 3.0);
    assert_eq!(q.status, Status::Met);
    assert_eq!(q.n, 3);
    assert_eq!(q.detail["followers_b"], json!(1));
    assert_eq!(q.detail["followers_f"], json!(2));
    // Management: only B1 known in both: 1 → 1.
    let m = get(&inds, "medium.strategies.management");
    close(m.value, 0.0);
    assert_eq!(m.status, Status::NotMet);
    // No such columns.
    let e = get(&inds, "medium.strategies.eco_efficiency");
    assert_eq!(e.status, Status::InsufficientData);
    assert_eq!(code(e), "missing_column");
    // Any (quality or management): B1 yes → yes, K1 yes → yes; B2 unknown in 2019.
    let a = get(&inds, "medium.strategies.any");
    assert_eq!(a.n, 2);
    close(a.value, 0.0);
}

#[test]
fn institutions_and_cooperation_count_per_year() {
    let mut d = data(firms());
    let actor = |name: &str, year| ActorRow {
        actor: name.into(),
        kind: None,
        year,
        line: 0,
    };
    d.actors = vec![
        actor("Uni", 2019),
        actor("Gov", 2019),
        actor("uni ", 2023),
        actor("Gov", 2023),
        actor("Tech centre", 2023),
        actor("Gov", 2023),
    ];
    let activity = |name: &str, year, firms: Option<f64>| ActivityRow {
        activity: name.into(),
        year,
        line: 0,
        firms,
        status: None,
    };
    d.activities = vec![
        activity("A", 2019, Some(3.0)),
        activity("B", 2019, Some(4.0)),
        activity("C", 2021, Some(5.0)),
        activity("A", 2023, Some(6.0)),
        activity("B", 2023, Some(4.0)),
        activity("D", 2023, Some(10.0)),
        activity("E", 2023, None),
    ];
    let inds = run(&Document::new("t"), &d);
    let i = get(&inds, "medium.institutions");
    close(i.value, 1.0);
    assert_eq!(i.status, Status::Met);
    assert_eq!(i.detail["by_year"], json!([[2019, 2], [2023, 3]]));
    let c = get(&inds, "medium.firm_cooperation");
    close(c.value, 2.0);
    assert_eq!(
        c.detail["by_year"],
        json!([[2019, 1], [2021, 1], [2023, 3]])
    );
    assert_eq!(c.detail["unknown_firms"], json!(1));
    assert_eq!(code(c), "counted_years");
    // No actors in the baseline: counted as 0, and said.
    d.actors.retain(|a| a.year == 2023);
    let inds = run(&Document::new("t"), &d);
    let i = get(&inds, "medium.institutions");
    close(i.value, 3.0);
    assert_eq!(code(i), "year_absent");
    // Empty tables.
    let inds = run(&Document::new("t"), &data(firms()));
    assert_eq!(code(get(&inds, "medium.institutions")), "table_empty");
    assert_eq!(
        get(&inds, "medium.firm_cooperation").status,
        Status::InsufficientData
    );
}

#[test]
fn improved_position_from_flag_or_growth() {
    let inds = run(&Document::new("t"), &data(firms()));
    // improved known in 2023 for B1 (yes), B2 (no); B3 unknown.
    let p = get(&inds, "medium.improved_position");
    close(p.value, 0.5);
    assert_eq!(p.status, Status::Reported);
    assert_eq!(p.detail["method"], json!("improved_flag"));
    // Without the column: B1 +50%, B2 +10% against the sector's +15%.
    let strip = |mut r: FirmYear| {
        r.flags[Flag::Improved.index()] = None;
        r
    };
    let rows: Vec<FirmYear> = firms().into_iter().map(strip).collect();
    let inds = run(&Document::new("t"), &data(rows.clone()));
    let p = get(&inds, "medium.improved_position");
    close(p.value, 0.5);
    assert_eq!(p.detail["versus"], json!("sector"));
    assert_eq!(code(p), "improved_by_growth");
    // No sector: the control's +5%: both beat it.
    let rows: Vec<FirmYear> = rows
        .into_iter()
        .filter(|r| r.group != Group::Sector)
        .collect();
    let inds = run(&Document::new("t"), &data(rows.clone()));
    let p = get(&inds, "medium.improved_position");
    close(p.value, 1.0);
    assert_eq!(p.detail["versus"], json!("control"));
    // Neither: insufficient.
    let rows: Vec<FirmYear> = rows
        .into_iter()
        .filter(|r| r.group != Group::Control)
        .collect();
    let inds = run(&Document::new("t"), &data(rows));
    let p = get(&inds, "medium.improved_position");
    assert_eq!(p.status, Status::InsufficientData);
    assert_eq!(code(p), "improved_no_reference");
}

#[test]
fn short_run_facts_firms_and_subsidies() {
    let mut doc = Document::new("t");
    doc.project.institutional_arrangement = YesNoUnknown::Yes;
    doc.project.strategic_plan_consensus = YesNoUnknown::No;
    let mut d = data(firms());
    let sub = |year, amount: Option<f64>, component: Option<&str>| SubsidyRow {
        year,
        line: 0,
        amount,
        component: component.map(str::to_string),
        budget: None,
    };
    d.subsidies = vec![
        sub(2019, Some(100.0), Some("training")),
        sub(2020, Some(50.0), Some("training")),
        sub(2020, Some(30.0), None),
        sub(2021, None, Some("fairs")),
    ];
    let inds = run(&doc, &d);
    let a = get(&inds, "short.institutional_arrangement");
    assert_eq!((a.value, a.status), (Some(1.0), Status::Met));
    let s = get(&inds, "short.strategic_plan");
    assert_eq!((s.value, s.status), (Some(0.0), Status::NotMet));
    // B1, B2, B3.
    let p = get(&inds, "short.participating_firms");
    close(p.value, 3.0);
    assert_eq!(p.status, Status::Reported);
    // K = B1, B2, B3, K1.
    let sh = get(&inds, "short.participation_share");
    close(sh.value, 0.75);
    assert_eq!(sh.detail["source"], json!("firms_table"));
    let t = get(&inds, "short.subsidies_total");
    close(t.value, 180.0);
    assert_eq!(t.detail["by_year"], json!([[2019, 100.0], [2020, 80.0]]));
    assert_eq!(
        t.detail["by_component"],
        json!([["training", 150.0], [null, 30.0]])
    );
    assert_eq!(t.status, Status::Reported);

    doc.project.cluster_firms = Some(20.0);
    doc.project.strategic_plan_consensus = YesNoUnknown::Unknown;
    let inds = run(&doc, &data(firms()));
    close(get(&inds, "short.participation_share").value, 0.15);
    let s = get(&inds, "short.strategic_plan");
    assert_eq!(s.status, Status::InsufficientData);
    assert_eq!(code(s), "fact_unknown");
    assert_eq!(code(get(&inds, "short.subsidies_total")), "table_empty");
    // An empty firms table.
    let inds = run(&doc, &Dataset::default());
    assert_eq!(
        get(&inds, "short.participating_firms").status,
        Status::InsufficientData
    );
}

#[test]
fn returns_per_dollar() {
    let mut doc = Document::new("t");
    doc.project.social_benefits = Some(70.0);
    doc.project.cost_total = Some(100.0);
    let inds = run(&doc, &Dataset::default());
    let r = get(&inds, "long.return_per_dollar");
    close(r.value, 0.7);
    // SPEC v3: reported whatever the value (the benefits are typed, not measured).
    assert_eq!(r.status, Status::Reported);
    let m = get(&inds, "long.return_per_mif_dollar");
    assert_eq!(m.status, Status::InsufficientData);
    assert_eq!(code(m), "missing_fact");
    doc.project.cost_mif = Some(0.0);
    let inds = run(&doc, &Dataset::default());
    assert_eq!(code(get(&inds, "long.return_per_mif_dollar")), "zero_fact");
    // A negative cost is a typing slip, not a return of −7 dollars per dollar.
    doc.project.cost_mif = Some(-10.0);
    let inds = run(&doc, &Dataset::default());
    let m = get(&inds, "long.return_per_mif_dollar");
    assert_eq!((m.status, m.value), (Status::InsufficientData, None));
    assert_eq!(code(m), "negative_fact");
    doc.project.cost_mif = Some(70.0);
    let inds = run(&doc, &Dataset::default());
    // SPEC v3: reported (before v3, met at ≥ 1).
    assert_eq!(
        get(&inds, "long.return_per_mif_dollar").status,
        Status::Reported
    );
}
