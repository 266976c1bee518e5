//! Issue 25, the engine half: the SPEC's v3 rules that change numbers ("Verdicts and
//! their words (v3)", the pre-trend over every pre-year, the return per dollar as
//! reported, `long.beneficiaries.jobs_net`, size classes under 5 firms, the project
//! facts a reviewer asks for). The portfolio's intervals are in `portfolio.rs`.

use cluster_eval_engine::compute::{compute_data, core_of, finish};
use cluster_eval_engine::model::{Dataset, FirmYear, FirmsTable, Group, Measure};
use cluster_eval_engine::{Document, DocumentError, Expected, Indicator, Prices, Results, Status};
use serde_json::{json, Value};

use Measure::{Employment as E, Sales as S};

const B: Group = Group::Beneficiary;
const C: Group = Group::Control;

fn row(firm: &str, group: Group, year: i32, sales: f64, emp: f64) -> FirmYear {
    FirmYear::new(firm, group, year).with(S, sales).with(E, emp)
}

/// The hand-worked project (baseline 2019, follow-up 2023, pre-years 2016 and 2017):
///
/// | firm | 2016 | 2017 | 2019 | 2023 |
/// |---|---|---|---|---|
/// | B1 | 100 / 10 | 100 / 10 | 110 / 10 | 121 / 12 |
/// | B2 | 200 / 20 | 200 / 20 | 220 / 20 | 242 / 25 |
/// | B3 | | | 500 / 4 | (gone) |
/// | B4 | 300 / 30 | 300 / 30 | 330 / 30 | 363 / 30 |
/// | C1 | 50 / 10 | 55 / 10 | 55 / 10 | 60.5 / 10 |
/// | C2 | 100 / 20 | 110 / 20 | 110 / 20 | 121 / 20 |
///
/// (sales / employment). Every firm's sales grow by exactly 10% from 2016 and from
/// 2019, so every bootstrap draw gives the same difference and the intervals are
/// points: from 2016 the sales difference is 0 (interval [0, 0], contains 0); from
/// 2017 the control firms did not grow (55 + 110 both years) and the difference is
/// 0.1, interval [0.1, 0.1] (does not). Employment is flat before 2019: difference 0.
fn rows() -> Vec<FirmYear> {
    let mut out = Vec::new();
    for (firm, group, years) in [
        (
            "B1",
            B,
            [
                (2016, 100.0, 10.0),
                (2017, 100.0, 10.0),
                (2019, 110.0, 10.0),
                (2023, 121.0, 12.0),
            ]
            .as_slice(),
        ),
        (
            "B2",
            B,
            &[
                (2016, 200.0, 20.0),
                (2017, 200.0, 20.0),
                (2019, 220.0, 20.0),
                (2023, 242.0, 25.0),
            ],
        ),
        ("B3", B, &[(2019, 500.0, 4.0)]),
        (
            "B4",
            B,
            &[
                (2016, 300.0, 30.0),
                (2017, 300.0, 30.0),
                (2019, 330.0, 30.0),
                (2023, 363.0, 30.0),
            ],
        ),
        (
            "C1",
            C,
            &[
                (2016, 50.0, 10.0),
                (2017, 55.0, 10.0),
                (2019, 55.0, 10.0),
                (2023, 60.5, 10.0),
            ],
        ),
        (
            "C2",
            C,
            &[
                (2016, 100.0, 20.0),
                (2017, 110.0, 20.0),
                (2019, 110.0, 20.0),
                (2023, 121.0, 20.0),
            ],
        ),
    ] {
        for (year, sales, emp) in years {
            out.push(row(firm, group, *year, *sales, *emp));
        }
    }
    out
}

fn doc() -> Document {
    let mut d = Document::new("t");
    d.project.baseline_year = Some(2019);
    d.project.followup_year = Some(2023);
    d.settings.bootstrap_reps = 200;
    d
}

fn run(doc: &Document, rows: Vec<FirmYear>) -> Results {
    compute_data(
        doc,
        &Dataset {
            firms: FirmsTable::from_rows(rows),
            ..Dataset::default()
        },
    )
}

fn get<'a>(r: &'a Results, id: &str) -> &'a Indicator {
    r.indicator(id)
        .unwrap_or_else(|| panic!("no indicator {id}"))
}

fn close(a: Option<f64>, b: f64) {
    let a = a.expect("a value");
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

fn code(ind: &Indicator) -> &str {
    ind.note.as_ref().map_or("", |n| n.code())
}

/// `detail.years` as `(t, value, low, high)`.
fn years(ind: &Indicator) -> Vec<(i64, f64, Option<f64>, Option<f64>)> {
    ind.detail["years"]
        .as_array()
        .expect("years")
        .iter()
        .map(|p| {
            (
                p[0].as_i64().expect("year"),
                p[1].as_f64().expect("value"),
                p[2].as_f64(),
                p[3].as_f64(),
            )
        })
        .collect()
}

// ---- Rule 1: the pre-trend from every year before the baseline ----

#[test]
fn pretrend_looks_at_every_pre_year() {
    let r = run(&doc(), rows());
    let s = get(&r, "design.pretrend.sales");
    // The value stays the earliest year's: 2016 → 2019, B 600 → 660, C 150 → 165.
    close(s.value, 0.0);
    assert_eq!(s.ci, Some([0.0, 0.0]));
    assert_eq!(s.detail["pre_year"], json!(2016));
    let y = years(s);
    assert_eq!(y.len(), 2);
    assert_eq!(y[0], (2016, 0.0, Some(0.0), Some(0.0)));
    // 2017 → 2019: B 600 → 660 (+10%), C 165 → 165 (0%).
    let d = 660.0 / 600.0 - 1.0;
    assert_eq!(y[1].0, 2017);
    close(Some(y[1].1), d);
    close(y[1].2, d);
    close(y[1].3, d);
    // 2016's interval contains 0 (its ends are 0: ends included), 2017's does not.
    assert_eq!(s.status, Status::NotMet);
    assert_eq!(code(s), "pretrend_years");
    // Employment was flat on both sides from both years: every interval is [0, 0].
    let e = get(&r, "design.pretrend.employment");
    assert_eq!(e.status, Status::Met);
    assert_eq!(
        years(e),
        vec![
            (2016, 0.0, Some(0.0), Some(0.0)),
            (2017, 0.0, Some(0.0), Some(0.0))
        ]
    );

    // Without 2017 the single pre-year's interval contains 0: met, as before v3.
    let r = run(
        &doc(),
        rows().into_iter().filter(|x| x.year != 2017).collect(),
    );
    let s = get(&r, "design.pretrend.sales");
    assert_eq!(s.status, Status::Met);
    assert_eq!(years(s).len(), 1);
    assert_eq!(code(s), "compared");
}

#[test]
fn a_pre_year_without_a_panel_on_a_side_is_left_out() {
    // 2015: beneficiaries only. It is the earliest year, but with no control panel it
    // is skipped: the value and pre_year are 2016's.
    let mut r = rows();
    r.push(row("B1", B, 2015, 90.0, 10.0));
    r.push(row("B2", B, 2015, 180.0, 20.0));
    let res = run(&doc(), r);
    let s = get(&res, "design.pretrend.sales");
    assert_eq!(s.detail["pre_year"], json!(2016));
    close(s.value, 0.0);
    assert_eq!(
        years(s).iter().map(|p| p.0).collect::<Vec<_>>(),
        [2016, 2017]
    );
    assert_eq!(s.status, Status::NotMet);
    // No pre-year with a control panel: insufficient data, the earliest year's reason.
    let only_b: Vec<FirmYear> = rows()
        .into_iter()
        .filter(|x| !(x.group == C && x.year < 2019))
        .collect();
    let res = run(&doc(), only_b);
    let s = get(&res, "design.pretrend.sales");
    assert_eq!(s.status, Status::InsufficientData);
    assert_eq!(s.value, None);
    assert_eq!(code(s), "no_panel");
    assert_eq!(s.detail["pre_year"], json!(2016));
    // No year before the baseline at all.
    let res = run(
        &doc(),
        rows().into_iter().filter(|x| x.year >= 2019).collect(),
    );
    let s = get(&res, "design.pretrend.sales");
    assert_eq!(s.status, Status::InsufficientData);
    assert_eq!(code(s), "pretrend_no_pre_year");
}

#[test]
fn a_pretrend_without_any_interval_is_reported() {
    // One firm a side: a value for each pre-year, never an interval.
    let few: Vec<FirmYear> = rows()
        .into_iter()
        .filter(|x| x.firm == "B1" || x.firm == "C1")
        .collect();
    let r = run(&doc(), few);
    let s = get(&r, "design.pretrend.sales");
    assert_eq!(s.status, Status::Reported);
    assert_eq!(s.ci, None);
    // 2016: B1 100 → 110, C1 50 → 55: 0. 2017: B1 100 → 110, C1 55 → 55: 0.1.
    let y = years(s);
    assert_eq!(y.len(), 2);
    assert_eq!((y[0].2, y[1].2), (None, None));
    close(s.value, 0.0);
    assert_eq!(code(s), "no_interval_few_firms");
}

// ---- Rule 2: design flags ----

/// The design checks of [`rows`], by hand:
/// - balance of sales (B: 110, 220, 500, 330, mean 290, s² 27 666.7; C: 55, 110, mean
///   82.5, s² 1 512.5): (290 − 82.5) / √((27 666.7 + 1 512.5)/2) = 1.72: not_met;
/// - balance of employment (B: 10, 20, 4, 30, mean 16, s² 130.7; C: 10, 20, mean 15,
///   s² 50): 1 / √90.3 = 0.105: met;
/// - balance of productivity (B: 11, 11, 125, 11; C: 5.5, 5.5): 34 / √(3 249/2) = 0.84:
///   not_met;
/// - attrition: B 1 of 4 gone, C none: 0.25 > 0.10: not_met;
/// - pre-trend: sales not_met, employment met (above).
#[test]
fn comparisons_carry_the_failed_design_checks_in_order() {
    let r = run(&doc(), rows());
    let status = |id: &str| get(&r, id).status;
    assert_eq!(status("design.balance.beneficiaries.sales"), Status::NotMet);
    assert_eq!(
        status("design.balance.beneficiaries.employment"),
        Status::Met
    );
    assert_eq!(
        status("design.balance.beneficiaries.productivity"),
        Status::NotMet
    );
    assert_eq!(
        status("design.balance.cluster.exports"),
        Status::InsufficientData
    );
    assert_eq!(status("design.attrition.differential"), Status::NotMet);
    let flags = |id: &str| get(&r, id).detail["design_flags"].clone();
    assert_eq!(
        flags("long.beneficiaries.sales.vs_control"),
        json!(["balance", "attrition", "pretrend"])
    );
    assert_eq!(
        flags("long.beneficiaries.employment.vs_control"),
        json!(["attrition"])
    );
    assert_eq!(
        flags("long.beneficiaries.productivity.vs_control"),
        json!(["balance", "attrition", "pretrend"])
    );
    // No exports column: its balance check is not failed, only insufficient.
    assert_eq!(
        flags("long.cluster.exports.vs_control"),
        json!(["attrition", "pretrend"])
    );
    // Not a comparison with the control group: no flags at all.
    assert!(get(&r, "long.beneficiaries.sales.vs_sector")
        .detail
        .get("design_flags")
        .is_none());
    assert!(get(&r, "long.cluster.sales.growth")
        .detail
        .get("design_flags")
        .is_none());

    // No failed check: an empty list. Without B3 nobody is gone, without the
    // pre-years there is no pre-trend, and without an exports column no balance of
    // exports.
    let clean: Vec<FirmYear> = rows()
        .into_iter()
        .filter(|x| x.firm != "B3" && x.year >= 2019)
        .collect();
    let r = run(&doc(), clean);
    assert_eq!(
        get(&r, "long.cluster.exports.vs_control").detail["design_flags"],
        json!([])
    );
    // Employment is now unbalanced (B 10, 20, 30 against C 10, 20: 5 / √75 = 0.58).
    assert_eq!(
        get(&r, "long.beneficiaries.employment.vs_control").detail["design_flags"],
        json!(["balance"])
    );
}

#[test]
fn a_target_on_a_design_check_changes_the_flags_in_both_paths() {
    // A target on the differential attrition (value 0.25) reached: met, no flag. The
    // split computation (`finish` over the core results) gives the same.
    let mut d = doc();
    d.targets
        .insert("design.attrition.differential".into(), 0.2);
    let data = Dataset {
        firms: FirmsTable::from_rows(rows()),
        ..Dataset::default()
    };
    let whole = compute_data(&d, &data);
    let split = finish(&d, &data, &compute_data(&core_of(&d), &data));
    for r in [&whole, &split] {
        assert_eq!(get(r, "design.attrition.differential").status, Status::Met);
        assert_eq!(
            get(r, "long.beneficiaries.employment.vs_control").detail["design_flags"],
            json!([])
        );
    }
    assert_eq!(whole, split);
}

// ---- Rule 3: concentration ----

#[test]
fn top2_share_of_the_group_panel_at_baseline() {
    let r = run(&doc(), rows());
    // B's sales panel at 2019: 110, 220, 330 (B3 gone): (220 + 330) / 660.
    close(
        get(&r, "long.beneficiaries.sales.vs_control").detail["top2_share"].as_f64(),
        550.0 / 660.0,
    );
    close(
        get(&r, "long.cluster.sales.vs_control").detail["top2_share"].as_f64(),
        550.0 / 660.0,
    );
    // Employment: 10, 20, 30: (20 + 30) / 60.
    close(
        get(&r, "long.beneficiaries.employment.vs_control").detail["top2_share"].as_f64(),
        50.0 / 60.0,
    );
    // Labour productivity is a ratio, not an amount: no concentration.
    assert!(get(&r, "long.beneficiaries.productivity.vs_control")
        .detail
        .get("top2_share")
        .is_none());
    // Two panel firms: null.
    let two: Vec<FirmYear> = rows().into_iter().filter(|x| x.firm != "B4").collect();
    let r = run(&doc(), two);
    assert_eq!(
        get(&r, "long.beneficiaries.sales.vs_control").detail["top2_share"],
        Value::Null
    );
}

// ---- Rule 5: jobs net of the firms gone ----

#[test]
fn jobs_net_of_the_jobs_in_firms_gone() {
    let r = run(&doc(), rows());
    let j = get(&r, "long.beneficiaries.jobs_net");
    // Panel 10 + 20 + 30 = 60 → 12 + 25 + 30 = 67: 7 jobs; B3 gone with 4 in 2019.
    close(j.value, 3.0);
    assert_eq!(j.status, Status::Reported);
    assert_eq!(j.detail["jobs_panel"], json!(7.0));
    assert_eq!(j.detail["jobs_gone"], json!(4.0));
    assert_eq!(code(j), "jobs_net");
    close(get(&r, "pro_poor.exited_firms_jobs").value, 4.0);
    // Without years: insufficient data.
    let mut d = doc();
    d.project.baseline_year = Some(2030);
    let r = run(&d, rows());
    assert_eq!(
        get(&r, "long.beneficiaries.jobs_net").status,
        Status::InsufficientData
    );
}

// ---- Rule 6: a size class under 5 firms ----

#[test]
fn a_size_class_under_five_firms_is_insufficient() {
    let r = run(&doc(), rows());
    // Micro (employment ≤ 10 in 2019): B1 alone in the sales panel.
    let micro = get(&r, "pro_poor.firms.micro.vs_beneficiaries");
    assert_eq!(micro.status, Status::InsufficientData);
    assert_eq!(micro.value, None);
    assert_eq!(micro.n, 1);
    assert_eq!(code(micro), "pro_poor_class_few_firms");
    // Five small firms (20 workers, sales 100 → 90) beside B1, B2 and B4: a verdict.
    let mut more = rows();
    for k in 0..5 {
        let firm = format!("S{k}");
        more.push(row(&firm, B, 2019, 100.0, 20.0));
        more.push(row(&firm, B, 2023, 90.0, 20.0));
    }
    let r = run(&doc(), more);
    let small = get(&r, "pro_poor.firms.small.vs_beneficiaries");
    // Small: B2, B4 and S0..S4 = 7 firms, 220 + 330 + 500 = 1050 → 242 + 363 + 450 = 1055.
    // All: those and B1: 1160 → 1176.
    close(small.value, 1055.0 / 1050.0 - 1176.0 / 1160.0);
    assert_eq!(small.status, Status::Met);
    assert_eq!(small.n, 7);
}

// ---- Rule 4: returns per dollar ----

#[test]
fn returns_per_dollar_are_reported_whatever_their_size() {
    for (benefits, cost) in [(7.0, 1.0), (0.5, 1.0)] {
        let mut d = doc();
        d.project.social_benefits = Some(benefits);
        d.project.cost_total = Some(cost);
        d.project.cost_mif = Some(cost);
        let r = run(&d, rows());
        for id in ["long.return_per_dollar", "long.return_per_mif_dollar"] {
            assert_eq!(get(&r, id).status, Status::Reported, "{id}");
            close(get(&r, id).value, benefits / cost);
        }
    }
}

fn document(json: &str) -> Result<Document, DocumentError> {
    Document::from_json(json)
}

// ---- Rule 8: the project facts a reviewer asks for ----

#[test]
fn reviewer_facts_are_read_in_three_languages_and_kept_optional() {
    let doc = document(
        r#"{"format":"cluster-eval","version":1,
            "project":{"name":"M","control_description":"Boaco, chosen by sector and size",
                       "data_source":"Annual survey of the association",
                       "prices":"Constantes","price_base_year":2018},
            "tables":{}}"#,
    )
    .expect("a document");
    let p = &doc.project;
    assert_eq!(p.control_description, "Boaco, chosen by sector and size");
    assert_eq!(p.data_source, "Annual survey of the association");
    assert_eq!(p.prices, Some(Prices::Constant));
    assert_eq!(p.price_base_year, Some(2018));
    assert!(p.extra.is_empty());
    let written: serde_json::Value = serde_json::from_str(&doc.to_json()).expect("json");
    assert_eq!(written["project"]["prices"], "constant");
    assert_eq!(written["project"]["price_base_year"], 2018);

    for (word, want) in [
        ("nominal", Prices::Nominal),
        ("NOMINALES", Prices::Nominal),
        ("nominais", Prices::Nominal),
        ("constant", Prices::Constant),
        ("constantes", Prices::Constant),
    ] {
        let doc = document(&format!(
            r#"{{"format":"cluster-eval","version":1,"project":{{"prices":"{word}"}},"tables":{{}}}}"#
        ))
        .expect("a document");
        assert_eq!(doc.project.prices, Some(want), "{word}");
    }
    // Absent: not written, so an older document keeps its shape.
    let old = document(r#"{"format":"cluster-eval","version":1,"project":{},"tables":{}}"#)
        .expect("a document");
    assert_eq!(old.project.prices, None);
    let written: serde_json::Value = serde_json::from_str(&old.to_json()).expect("json");
    let project = written["project"].as_object().expect("object");
    for key in [
        "control_description",
        "data_source",
        "prices",
        "price_base_year",
    ] {
        assert!(!project.contains_key(key), "{key}");
    }
}

#[test]
fn another_price_basis_is_refused_with_the_field_named() {
    let err =
        document(r#"{"format":"cluster-eval","version":1,"project":{"prices":"ppp"},"tables":{}}"#)
            .expect_err("refused");
    match err {
        DocumentError::InvalidField { path, expected } => {
            assert_eq!(path, "project.prices");
            assert_eq!(
                expected,
                Some(Expected::OneOf("`nominal`, `constant`".into()))
            );
        }
        other => panic!("{other:?}"),
    }
    let err = document(
        r#"{"format":"cluster-eval","version":1,"project":{"price_base_year":"2018b"},"tables":{}}"#,
    )
    .expect_err("refused");
    assert!(
        matches!(&err, DocumentError::InvalidField { path, .. } if path == "project.price_base_year"),
        "{err:?}"
    );
}
