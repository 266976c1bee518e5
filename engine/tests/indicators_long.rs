//! Hand-computed long run indicators on small panels: growth, CAGR, vs_control with
//! its bootstrap interval, vs_sector, the level difference-in-differences, series,
//! labour productivity, and every way data can be insufficient.

use cluster_eval_engine::indicators;
use cluster_eval_engine::model::{Dataset, FirmYear, FirmsTable, Group, Measure, TerritoryRow};
use cluster_eval_engine::years::Years;
use cluster_eval_engine::Document;
use cluster_eval_engine::{Indicator, Status, Warning};
use serde_json::{json, Value};

const B: Group = Group::Beneficiary;
const K: Group = Group::Cluster;
const C: Group = Group::Control;
const S: Group = Group::Sector;
const YEARS: Years = Years {
    baseline: 2019,
    followup: 2023,
};

fn row(firm: &str, group: Group, year: i32, sales: Option<f64>, emp: Option<f64>) -> FirmYear {
    let mut r = FirmYear::new(firm, group, year);
    if let Some(s) = sales {
        r = r.with(Measure::Sales, s);
    }
    if let Some(e) = emp {
        r = r.with(Measure::Employment, e);
    }
    r
}

/// The panel of the hand computations (see each test):
/// B1 100→150 (120 in 2021), emp 10→12; B2 200→220, emp 20→20; B3 only in 2019;
/// B4 sales missing in 2019, emp 5→5; K1 100→120; C1 100→110; C2 300→300;
/// S (one aggregate row per year) 1000→1050.
fn rows() -> Vec<FirmYear> {
    vec![
        row("B1", B, 2019, Some(100.0), Some(10.0)),
        row("B1", B, 2021, Some(120.0), Some(10.0)),
        row("B1", B, 2023, Some(150.0), Some(12.0)),
        row("B2", B, 2019, Some(200.0), Some(20.0)),
        row("B2", B, 2023, Some(220.0), Some(20.0)),
        row("B3", B, 2019, Some(50.0), Some(4.0)),
        row("B4", B, 2019, None, Some(5.0)),
        row("B4", B, 2023, Some(80.0), Some(5.0)),
        row("K1", K, 2019, Some(100.0), Some(10.0)),
        row("K1", K, 2023, Some(120.0), Some(10.0)),
        row("C1", C, 2019, Some(100.0), Some(10.0)),
        row("C1", C, 2023, Some(110.0), Some(10.0)),
        row("C2", C, 2019, Some(300.0), Some(30.0)),
        row("C2", C, 2023, Some(300.0), Some(30.0)),
        row("S", S, 2019, Some(1000.0), Some(100.0)),
        row("S", S, 2023, Some(1050.0), Some(100.0)),
    ]
}

fn data(rows: Vec<FirmYear>) -> Dataset {
    Dataset {
        firms: FirmsTable::from_rows(rows),
        ..Dataset::default()
    }
}

fn run(doc: &Document, data: &Dataset) -> (Vec<Indicator>, Vec<Warning>) {
    indicators::compute(doc, data, Some(YEARS))
}

fn get<'a>(inds: &'a [Indicator], id: &str) -> &'a Indicator {
    inds.iter()
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("no indicator {id}"))
}

fn close(a: Option<f64>, b: f64) {
    let a = a.expect("a value");
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

fn code(ind: &Indicator) -> &str {
    ind.note.as_ref().map_or("", |n| n.code())
}

#[test]
fn growth_of_cluster_and_beneficiaries() {
    let (inds, warnings) = run(&Document::new("t"), &data(rows()));
    assert!(warnings.is_empty());
    // K = B1, B2, K1: 400 → 490.
    let k = get(&inds, "long.cluster.sales.growth");
    close(k.value, 0.225);
    assert_eq!(k.status, Status::Met);
    assert_eq!(k.n, 3);
    assert_eq!(k.detail["y_b"], json!(400.0));
    assert_eq!(k.detail["y_f"], json!(490.0));
    close(k.detail["cagr"].as_f64(), 1.225f64.powf(0.25) - 1.0);
    assert_eq!(k.detail["group"], json!("cluster"));
    assert_eq!(k.detail["years"], json!(4));
    assert_eq!(code(k), "panel_used");
    // B = B1, B2 (B3 only in 2019, B4 lacks 2019 sales): 300 → 370.
    let b = get(&inds, "long.beneficiaries.sales.growth");
    close(b.value, 70.0 / 300.0);
    assert_eq!(b.n, 2);
    // Employment: B1, B2, B4: 35 → 37.
    close(
        get(&inds, "long.beneficiaries.employment.growth").value,
        2.0 / 35.0,
    );
}

#[test]
fn series_index_baseline_100_over_panel_firms() {
    let (inds, _) = run(&Document::new("t"), &data(rows()));
    let b = get(&inds, "long.beneficiaries.sales.growth");
    let series = &b.detail["series"];
    // 2021: only B1 of the panel has a value: 120 / 100.
    assert_eq!(
        series["beneficiary"],
        json!([
            [2019, 100.0],
            [2021, 120.0],
            [2023, 100.0 * (1.0 + 70.0 / 300.0)]
        ])
    );
    assert_eq!(
        series["control"],
        json!([[2019, 100.0], [2023, 102.49999999999999]])
    );
    assert_eq!(series["sector"].as_array().map(Vec::len), Some(2));
    assert_eq!(series["cluster"][1], json!([2021, 120.0]));
}

#[test]
fn vs_control_and_vs_sector() {
    let doc = Document::new("t");
    let (inds, _) = run(&doc, &data(rows()));
    // Control: 400 → 410 (2.5%).
    let k = get(&inds, "long.cluster.sales.vs_control");
    close(k.value, 0.2);
    assert_eq!(k.n, 5);
    let b = get(&inds, "long.beneficiaries.sales.vs_control");
    close(b.value, 70.0 / 300.0 - 0.025);
    // Level DiD: B mean 150 → 185 (+35), C mean 200 → 205 (+5).
    close(b.detail["did"]["value"].as_f64(), 30.0);
    close(b.detail["did"]["beneficiary"].as_f64(), 35.0);
    close(b.detail["did"]["control"].as_f64(), 5.0);
    assert_eq!(b.detail["groups"]["control"]["n"], json!(2));
    assert_eq!(b.detail["bootstrap"]["reps"], json!(1000));
    let [low, high] = b.ci.expect("two firms a side: an interval");
    assert!(low <= high);
    let expected = if low > 0.0 {
        Status::Met
    } else {
        Status::Inconclusive
    };
    assert_eq!(b.status, expected);
    assert_eq!(code(b), "compared");
    // Sector: 1000 → 1050 (5%); no interval.
    let s = get(&inds, "long.beneficiaries.sales.vs_sector");
    close(s.value, 70.0 / 300.0 - 0.05);
    assert_eq!(s.ci, None);
    assert_eq!(s.status, Status::Met);
    assert!(s.detail.get("bootstrap").is_none());
}

#[test]
fn labour_productivity_from_sales_and_employment() {
    let (inds, _) = run(&Document::new("t"), &data(rows()));
    // B panel: B1 (100/10, 150/12), B2 (200/20, 220/20): P 300/30 = 10 → 370/32.
    let p = get(&inds, "long.beneficiaries.productivity.growth");
    close(p.value, 370.0 / 32.0 / 10.0 - 1.0);
    assert_eq!(p.detail["method"], json!("labour_productivity"));
    assert_eq!(p.detail["output"], json!("sales"));
    assert_eq!(p.detail["employment_f"], json!(32.0));
    let v = get(&inds, "long.beneficiaries.productivity.vs_control");
    close(v.value, 370.0 / 320.0 - 1.0 - 0.025);
}

#[test]
fn productivity_uses_production_then_column() {
    let mut r = rows();
    for x in r.iter_mut() {
        if let Some(s) = x.get(Measure::Sales) {
            *x = x.clone().with(Measure::Production, s * 2.0);
        }
    }
    // Production doubles sales: same growth, but output named production.
    let (inds, _) = run(&Document::new("t"), &data(r.clone()));
    let p = get(&inds, "long.beneficiaries.productivity.growth");
    assert_eq!(p.detail["output"], json!("production"));
    close(p.value, 370.0 / 32.0 / 10.0 - 1.0);
    // An explicit productivity column is an amount: B1 2 → 3, B2 4 → 4, B4 1 → 1
    // (B3 has only 2019).
    let mut r = rows();
    for x in r.iter_mut() {
        let v = match (x.firm.as_str(), x.year) {
            ("B1", 2019) => 2.0,
            ("B1", 2023) => 3.0,
            ("B2", _) => 4.0,
            _ => 1.0,
        };
        *x = x.clone().with(Measure::Productivity, v);
    }
    let (inds, _) = run(&Document::new("t"), &data(r));
    let p = get(&inds, "long.beneficiaries.productivity.growth");
    assert_eq!(p.detail["method"], json!("productivity_column"));
    close(p.value, 8.0 / 7.0 - 1.0);
    assert_eq!(p.n, 3);
}

#[test]
fn one_firm_control_has_no_interval() {
    let r: Vec<_> = rows().into_iter().filter(|r| r.firm != "C2").collect();
    let (inds, _) = run(&Document::new("t"), &data(r));
    // C1 alone: 100 → 110.
    let b = get(&inds, "long.beneficiaries.sales.vs_control");
    close(b.value, 70.0 / 300.0 - 0.1);
    assert_eq!(b.ci, None);
    // SPEC (v2): without an interval a positive difference is inconclusive — one
    // control firm is never evidence of success (it was met before issue 13).
    assert_eq!(b.status, Status::Inconclusive);
    assert_eq!(b.detail["evidence"], json!("weak"));
    assert_eq!(code(b), "no_interval_few_firms");
    assert!(b.message.contains("control"), "{}", b.message);
    assert_eq!(b.note.as_ref().unwrap().params()["n"], json!(1));
}

#[test]
fn not_met_when_behind_control() {
    let mut r = rows();
    r.push(row("C3", C, 2019, Some(100.0), Some(1.0)));
    r.push(row("C3", C, 2023, Some(1000.0), Some(1.0)));
    let (inds, _) = run(&Document::new("t"), &data(r));
    let b = get(&inds, "long.beneficiaries.sales.vs_control");
    assert!(b.value.unwrap() < 0.0);
    assert_eq!(b.status, Status::NotMet);
}

#[test]
fn no_control_group_and_no_sector() {
    let r: Vec<_> = rows()
        .into_iter()
        .filter(|r| r.group != C && r.group != S)
        .collect();
    let (inds, _) = run(&Document::new("t"), &data(r));
    let v = get(&inds, "long.cluster.sales.vs_control");
    assert_eq!(v.status, Status::InsufficientData);
    assert_eq!(v.value, None);
    assert_eq!(code(v), "no_group");
    assert_eq!(v.message, "the firms table has no control firms");
    let s = get(&inds, "long.beneficiaries.employment.vs_sector");
    assert_eq!(s.status, Status::InsufficientData);
    assert_eq!(s.message, "the firms table has no sector firms");
    // Growth of the cluster is still there.
    close(get(&inds, "long.cluster.sales.growth").value, 0.225);
}

#[test]
fn control_without_both_years_says_what_is_missing() {
    let r: Vec<_> = rows()
        .into_iter()
        .filter(|r| !(r.group == C && r.year == 2023))
        .collect();
    let (inds, _) = run(&Document::new("t"), &data(r));
    let v = get(&inds, "long.cluster.sales.vs_control");
    assert_eq!(v.status, Status::InsufficientData);
    assert_eq!(
        v.message,
        "no control firms with sales in both 2019 and 2023"
    );
    let note = v.note.as_ref().unwrap();
    assert_eq!(note.code(), "no_panel");
    assert_eq!(note.params()["group"], json!("control"));
    assert_eq!(note.params()["baseline"], json!(2019));
    let p = get(&inds, "long.cluster.productivity.vs_control");
    assert_eq!(code(p), "no_productivity_panel");
}

#[test]
fn zero_baseline_is_insufficient_not_infinite() {
    let r = vec![
        row("B1", B, 2019, Some(0.0), Some(0.0)),
        row("B1", B, 2023, Some(10.0), Some(3.0)),
        row("C1", C, 2019, Some(0.0), Some(2.0)),
        row("C1", C, 2023, Some(5.0), Some(2.0)),
        row("C2", C, 2019, Some(0.0), Some(2.0)),
        row("C2", C, 2023, Some(5.0), Some(2.0)),
    ];
    let (inds, _) = run(&Document::new("t"), &data(r));
    let g = get(&inds, "long.beneficiaries.sales.growth");
    assert_eq!(g.status, Status::InsufficientData);
    assert_eq!(g.value, None);
    assert_eq!(code(g), "zero_baseline");
    assert_eq!(g.detail["y_b"], json!(0.0));
    assert_eq!(g.detail["growth"], Value::Null);
    // Employment 0 in 2019: the firm is not in the productivity panel.
    let p = get(&inds, "long.beneficiaries.productivity.growth");
    assert_eq!(code(p), "no_productivity_panel");
    assert_eq!(
        get(&inds, "long.cluster.sales.vs_control").status,
        Status::InsufficientData
    );
    assert_eq!(
        code(get(&inds, "long.cluster.exports.growth")),
        "missing_column"
    );
    let text = serde_json::to_string(&inds).unwrap();
    assert!(!text.contains("NaN") && !text.contains("inf"));
}

#[test]
fn targets_override_status() {
    let mut doc = Document::new("t");
    doc.targets.insert("long.cluster.sales.growth".into(), 0.3);
    doc.targets
        .insert("long.beneficiaries.sales.vs_sector".into(), 0.1);
    let (inds, _) = run(&doc, &data(rows()));
    let k = get(&inds, "long.cluster.sales.growth");
    assert_eq!(k.status, Status::NotMet);
    assert_eq!(k.detail["target"], json!(0.3));
    assert_eq!(
        get(&inds, "long.beneficiaries.sales.vs_sector").status,
        Status::Met
    );
}

#[test]
fn followup_too_early_warning() {
    let mut doc = Document::new("t");
    doc.project.end_year = Some(2021);
    let (_, warnings) = run(&doc, &data(rows()));
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].note.code(), "followup_too_early");
    assert_eq!(warnings[0].note.params()["earliest"], json!(2024));
    doc.project.end_year = Some(2020);
    let (_, warnings) = run(&doc, &data(rows()));
    assert!(warnings.is_empty());
    // Years that overflow once three are added still warn, with no panic.
    doc.project.end_year = Some(i32::MAX);
    let (_, warnings) = run(&doc, &data(rows()));
    assert_eq!(warnings[0].note.params()["earliest"], json!(i32::MAX));
}

#[test]
fn a_project_that_ends_before_it_starts_is_warned_about() {
    let mut doc = Document::new("t");
    doc.project.start_year = Some(2019);
    doc.project.end_year = Some(2016);
    let (_, warnings) = run(&doc, &data(rows()));
    let codes: Vec<&str> = warnings.iter().map(|w| w.note.code()).collect();
    assert!(codes.contains(&"project_years_reversed"), "{codes:?}");
    doc.project.end_year = Some(2019);
    let (_, warnings) = run(&doc, &data(rows()));
    assert!(warnings
        .iter()
        .all(|w| w.note.code() != "project_years_reversed"));
}

fn territory(rows: &[(i32, f64, f64)]) -> Vec<TerritoryRow> {
    rows.iter()
        .map(|&(year, l, n)| TerritoryRow {
            year,
            line: 0,
            local_gdp: Some(l),
            national_gdp: Some(n),
        })
        .collect()
}

#[test]
fn local_gdp_versus_national() {
    let mut d = data(rows());
    d.territory = territory(&[
        (2019, 100.0, 1000.0),
        (2021, 110.0, 1050.0),
        (2023, 130.0, 1100.0),
    ]);
    let (inds, _) = run(&Document::new("t"), &d);
    let t = get(&inds, "long.local_gdp_vs_national");
    close(t.value, 0.2);
    assert_eq!(t.status, Status::Met);
    close(t.detail["g_local"].as_f64(), 0.3);
    close(t.detail["cagr_national"].as_f64(), 1.1f64.powf(0.25) - 1.0);
    assert_eq!(code(t), "territory_years");
    // b and f absent from the territory table: its first and last years.
    d.territory = territory(&[(2018, 100.0, 1000.0), (2022, 90.0, 1100.0)]);
    let (inds, _) = run(&Document::new("t"), &d);
    let t = get(&inds, "long.local_gdp_vs_national");
    close(t.value, -0.2);
    assert_eq!(t.status, Status::NotMet);
    assert_eq!(code(t), "territory_fallback");
    assert_eq!(t.detail["baseline_year"], json!(2018));
    // One year only, or none.
    d.territory = territory(&[(2019, 100.0, 1000.0)]);
    let (inds, _) = run(&Document::new("t"), &d);
    assert_eq!(
        code(get(&inds, "long.local_gdp_vs_national")),
        "territory_missing"
    );
    d.territory = territory(&[(2019, 0.0, 1000.0), (2023, 5.0, 1000.0)]);
    let (inds, _) = run(&Document::new("t"), &d);
    let t = get(&inds, "long.local_gdp_vs_national");
    assert_eq!(t.status, Status::InsufficientData);
    assert_eq!(code(t), "territory_zero");
}

#[test]
fn without_years_before_after_indicators_say_why() {
    let mut doc = Document::new("t");
    doc.project.social_benefits = Some(70.0);
    doc.project.cost_total = Some(10.0);
    let mut d = data(rows());
    d.territory = territory(&[(2019, 100.0, 1000.0), (2023, 130.0, 1100.0)]);
    let (inds, warnings) = indicators::compute(&doc, &d, None);
    assert!(warnings.is_empty());
    let g = get(&inds, "long.cluster.sales.growth");
    assert_eq!(g.status, Status::InsufficientData);
    assert_eq!(code(g), "no_years");
    assert_eq!(code(get(&inds, "medium.strategies.any")), "no_years");
    close(get(&inds, "long.return_per_dollar").value, 7.0);
    close(get(&inds, "long.local_gdp_vs_national").value, 0.2);
    close(get(&inds, "short.participating_firms").value, 4.0);
}

#[test]
fn ids_in_spec_order() {
    let (inds, _) = run(&Document::new("t"), &data(rows()));
    let ids: Vec<&str> = inds.iter().map(|i| i.id.as_str()).collect();
    let (none, _) = indicators::compute(&Document::new("t"), &data(rows()), None);
    let ids_none: Vec<&str> = none.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ids_none);
    assert_eq!(
        ids,
        [
            "design.balance.beneficiaries.sales",
            "design.balance.beneficiaries.employment",
            "design.balance.beneficiaries.exports",
            "design.balance.beneficiaries.productivity",
            "design.balance.cluster.sales",
            "design.balance.cluster.employment",
            "design.balance.cluster.exports",
            "design.balance.cluster.productivity",
            "design.attrition.beneficiaries",
            "design.attrition.control",
            "design.attrition.differential",
            "design.pretrend.sales",
            "design.pretrend.employment",
            "long.local_gdp_vs_national",
            "long.cluster.productivity.growth",
            "long.cluster.sales.growth",
            "long.cluster.exports.growth",
            "long.cluster.productivity.vs_control",
            "long.cluster.sales.vs_control",
            "long.cluster.exports.vs_control",
            "long.beneficiaries.sales.growth",
            "long.beneficiaries.productivity.growth",
            "long.beneficiaries.employment.growth",
            "long.beneficiaries.sales.vs_control",
            "long.beneficiaries.productivity.vs_control",
            "long.beneficiaries.employment.vs_control",
            "long.beneficiaries.sales.vs_sector",
            "long.beneficiaries.productivity.vs_sector",
            "long.beneficiaries.employment.vs_sector",
            // v3 (issue 23).
            "long.cluster.production.growth",
            "long.cluster.production.vs_control",
            "long.beneficiaries.production.growth",
            "long.beneficiaries.production.vs_control",
            "long.beneficiaries.production.vs_sector",
            "long.cluster.innovation",
            "long.cluster.innovation.vs_control",
            "long.cluster.new_markets",
            "long.cluster.new_markets.vs_control",
            "long.beneficiaries.innovation",
            "long.beneficiaries.innovation.vs_control",
            "long.beneficiaries.new_markets",
            "long.beneficiaries.new_markets.vs_control",
            "long.cluster.export_destinations.growth",
            "long.cluster.export_destinations.vs_control",
            "long.beneficiaries.export_destinations.growth",
            "long.beneficiaries.export_destinations.vs_control",
            "long.return_per_dollar",
            "long.return_per_mif_dollar",
            "long.cost_per_job",
            "long.cost_per_additional_job",
            "long.cost_per_beneficiary_firm",
            // SPEC v3 (issue 25): the jobs created net of the jobs of the firms gone.
            "long.beneficiaries.jobs_net",
            "medium.strategies.quality",
            "medium.strategies.management",
            "medium.strategies.eco_efficiency",
            "medium.strategies.marketing",
            "medium.strategies.any",
            "medium.institutions",
            "medium.knowledge_institutions",
            "medium.firm_cooperation",
            "medium.improved_position",
            "short.institutional_arrangement",
            "short.strategic_plan",
            "short.participating_firms",
            "short.participation_share",
            "short.subsidies_total",
            "short.activities_executed",
            "short.disbursement_rate",
        ]
    );
}
