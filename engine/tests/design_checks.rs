//! Hand-computed tests of issue 13: the design checks (balance, attrition, pre-trend),
//! the event study and new detail of every vs_control, the cost ids, knowledge
//! institutions, the pro-poor comparisons with the control group and the jobs of the
//! beneficiary firms gone; bad input (no control baseline, every firm gone, no
//! spread, an unknown actor type) never gives NaN or a panic; and the property that
//! the event study's point at t = f is the vs_control itself.

use cluster_eval_engine::compute::compute_data;
use cluster_eval_engine::model::{ActorRow, Dataset, FirmYear, FirmsTable, Group, Measure};
use cluster_eval_engine::Document;
use cluster_eval_engine::{Indicator, Results, Status};
use proptest::prelude::*;
use serde_json::{json, Value};

use Measure::{
    Employment as E, Exports as X, Sales as S, WageMen as WM, WageWomen as WW, WorkersWomen as W,
};

const B: Group = Group::Beneficiary;
const K: Group = Group::Cluster;
const C: Group = Group::Control;

fn row(firm: &str, group: Group, year: i32, sales: f64, emp: f64) -> FirmYear {
    FirmYear::new(firm, group, year).with(S, sales).with(E, emp)
}

/// The hand-worked project: a pre-programme year 2017, baseline 2019, a middle year
/// 2021 (beneficiaries only), follow-up 2023.
/// B1 80 → 100 → (120) → 150 sales, 8 → 10 → 12 workers; B2 180 → 200 → 220, 18 → 20
/// → 20; B3 only in 2019 (50, 4 workers: gone); K1 100 → 120; C1 90 → 100 → 110,
/// 10 workers; C2 300 → 300 → 300, 30 workers.
fn rows() -> Vec<FirmYear> {
    vec![
        row("B1", B, 2017, 80.0, 8.0),
        row("B1", B, 2019, 100.0, 10.0)
            .with(X, 10.0)
            .with(W, 5.0)
            .with(WW, 100.0)
            .with(WM, 120.0),
        row("B1", B, 2021, 120.0, 11.0),
        row("B1", B, 2023, 150.0, 12.0)
            .with(X, 15.0)
            .with(W, 5.0)
            .with(WW, 110.0)
            .with(WM, 130.0),
        row("B2", B, 2017, 180.0, 18.0),
        row("B2", B, 2019, 200.0, 20.0)
            .with(X, 30.0)
            .with(W, 10.0)
            .with(WW, 90.0)
            .with(WM, 100.0),
        row("B2", B, 2023, 220.0, 20.0)
            .with(X, 30.0)
            .with(W, 8.0)
            .with(WW, 95.0)
            .with(WM, 100.0),
        row("B3", B, 2019, 50.0, 4.0).with(X, 0.0).with(W, 2.0),
        row("K1", K, 2019, 100.0, 10.0).with(X, 5.0),
        row("K1", K, 2023, 120.0, 10.0).with(X, 5.0),
        row("C1", C, 2017, 90.0, 10.0),
        row("C1", C, 2019, 100.0, 10.0)
            .with(X, 10.0)
            .with(W, 5.0)
            .with(WW, 100.0)
            .with(WM, 100.0),
        row("C1", C, 2023, 110.0, 10.0)
            .with(X, 12.0)
            .with(W, 5.0)
            .with(WW, 100.0)
            .with(WM, 100.0),
        row("C2", C, 2017, 300.0, 30.0),
        row("C2", C, 2019, 300.0, 30.0)
            .with(X, 20.0)
            .with(W, 15.0)
            .with(WW, 80.0)
            .with(WM, 100.0),
        row("C2", C, 2023, 300.0, 30.0)
            .with(X, 20.0)
            .with(W, 15.0)
            .with(WW, 80.0)
            .with(WM, 100.0),
    ]
}

fn actor(name: &str, kind: &str, year: i32) -> ActorRow {
    ActorRow {
        actor: name.into(),
        kind: (!kind.is_empty()).then(|| kind.into()),
        year,
        line: 0,
    }
}

fn doc() -> Document {
    let mut d = Document::new("t");
    d.project.baseline_year = Some(2019);
    d.project.followup_year = Some(2023);
    d.project.cost_total = Some(1000.0);
    d.settings.bootstrap_reps = 200;
    d
}

fn data(rows: Vec<FirmYear>) -> Dataset {
    Dataset {
        firms: FirmsTable::from_rows(rows),
        actors: vec![
            actor("Universidad Nacional", "Universidad", 2019),
            actor("Universidad Nacional", "Universidad", 2023),
            actor("Gobernación", "Gobierno", 2019),
            actor("Centro Y", "Centro Tecnológico", 2023),
            actor("ONG Z", "NGO", 2023),
        ],
        ..Dataset::default()
    }
}

fn run(doc: &Document, rows: Vec<FirmYear>) -> Results {
    compute_data(doc, &data(rows))
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

/// Sample mean and sd (n − 1).
fn moments(xs: &[f64]) -> (f64, f64) {
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
    (mean, var.sqrt())
}

/// Every number of the results is finite, and the JSON has no NaN.
fn all_finite(r: &Results) {
    for ind in &r.indicators {
        if let Some(v) = ind.value {
            assert!(v.is_finite(), "{}", ind.id);
        }
        if let Some([a, b]) = ind.ci {
            assert!(a.is_finite() && b.is_finite(), "{}", ind.id);
        }
    }
    let text = serde_json::to_string(r).expect("serialisable");
    assert!(!text.contains("NaN"), "{text}");
}

#[test]
fn balance_is_the_standardised_mean_difference_at_baseline() {
    let r = run(&doc(), rows());
    let ind = get(&r, "design.balance.beneficiaries.sales");
    let (mb, sb) = moments(&[100.0, 200.0, 50.0]);
    let (mc, sc) = moments(&[100.0, 300.0]);
    let smd = (mb - mc) / ((sb * sb + sc * sc) / 2.0).sqrt();
    close(ind.value, smd);
    close(ind.value, -0.733_235_575_9);
    assert_eq!(ind.status, Status::NotMet); // |−0.73| > 0.25
    assert_eq!(ind.detail["groups"]["beneficiary"]["n"], json!(3));
    close(ind.detail["groups"]["control"]["sd"].as_f64(), sc);
    assert_eq!(code(ind), "balance_compared");
    // The cluster: B1, B2, B3 and K1.
    let k = get(&r, "design.balance.cluster.sales");
    let (mk, sk) = moments(&[100.0, 200.0, 50.0, 100.0]);
    close(k.value, (mk - mc) / ((sk * sk + sc * sc) / 2.0).sqrt());
    // Productivity: the firm's sales / employment (no productivity column):
    // B 10, 10, 12.5; C 10, 10.
    let p = get(&r, "design.balance.beneficiaries.productivity");
    let (mp, sp) = moments(&[10.0, 10.0, 12.5]);
    close(p.value, (mp - 10.0) / ((sp * sp + 0.0) / 2.0).sqrt());
    assert_eq!(p.detail["method"], json!("labour_productivity"));
    // Employment: B 10, 20, 4 against C 10, 30.
    let e = get(&r, "design.balance.beneficiaries.employment");
    let (me, se) = moments(&[10.0, 20.0, 4.0]);
    let (mce, sce) = moments(&[10.0, 30.0]);
    close(e.value, (me - mce) / ((se * se + sce * sce) / 2.0).sqrt());
    assert_eq!(e.horizon, cluster_eval_engine::Horizon::Design);
}

#[test]
fn attrition_counts_the_firms_gone_and_their_jobs() {
    let r = run(&doc(), rows());
    let b = get(&r, "design.attrition.beneficiaries");
    close(b.value, 1.0 / 3.0);
    assert_eq!(b.status, Status::Reported);
    assert_eq!(b.detail["firms_b"], json!(3));
    assert_eq!(b.detail["gone"], json!(1));
    assert_eq!(b.detail["employment_b_gone"], json!(4.0));
    let c = get(&r, "design.attrition.control");
    close(c.value, 0.0);
    let d = get(&r, "design.attrition.differential");
    close(d.value, 1.0 / 3.0);
    assert_eq!(d.status, Status::NotMet); // more than 10 pp
    let exited = get(&r, "pro_poor.exited_firms_jobs");
    close(exited.value, 4.0);
    assert_eq!(exited.status, Status::Reported);
    assert_eq!(code(exited), "pro_poor_exited_jobs");
}

#[test]
fn pretrend_compares_growth_before_the_programme() {
    let r = run(&doc(), rows());
    let s = get(&r, "design.pretrend.sales");
    // 2017 → 2019: B 260 → 300, C 390 → 400.
    close(s.value, 300.0 / 260.0 - 400.0 / 390.0);
    assert_eq!(s.detail["pre_year"], json!(2017));
    let [low, high] = s.ci.expect("an interval: two firms on each side");
    let contains = low <= 0.0 && 0.0 <= high;
    assert_eq!(
        s.status,
        if contains {
            Status::Met
        } else {
            Status::NotMet
        }
    );
    let e = get(&r, "design.pretrend.employment");
    close(e.value, 30.0 / 26.0 - 40.0 / 40.0);
    // Without the 2017 rows there is no year before the baseline.
    let later: Vec<_> = rows().into_iter().filter(|r| r.year != 2017).collect();
    let r = run(&doc(), later);
    let s = get(&r, "design.pretrend.sales");
    assert_eq!(s.status, Status::InsufficientData);
    assert_eq!(code(s), "pretrend_no_pre_year");
}

#[test]
fn a_single_pre_year_without_control_rows_is_insufficient() {
    let mut r = rows();
    r.retain(|x| !(x.group == C && x.year == 2017));
    let res = run(&doc(), r);
    let s = get(&res, "design.pretrend.sales");
    assert_eq!(s.status, Status::InsufficientData);
    assert_eq!(code(s), "no_panel");
    assert_eq!(s.value, None);
    all_finite(&res);
}

#[test]
fn every_vs_control_has_its_event_study_and_new_detail() {
    let r = run(&doc(), rows());
    let v = get(&r, "long.beneficiaries.sales.vs_control");
    // b → f: B 300 → 370, C 400 → 410.
    let value = 370.0 / 300.0 - 410.0 / 400.0;
    close(v.value, value);
    close(
        v.detail["ratio"].as_f64(),
        (370.0 / 300.0) / (410.0 / 400.0) - 1.0,
    );
    let cagr = |g: f64| g.powf(0.25) - 1.0;
    close(
        v.detail["cagr_difference"].as_f64(),
        cagr(370.0 / 300.0) - cagr(410.0 / 400.0),
    );
    assert_eq!(v.detail["evidence"], json!("weak"));
    assert_eq!(v.detail["caveat"]["code"], json!("cluster_caveat"));
    let event = v.detail["event"].as_array().expect("an event study");
    // 2017 (before b: the literal b → t comparison) and 2023; 2021 has no control row.
    let years: Vec<i64> = event.iter().map(|p| p[0].as_i64().unwrap()).collect();
    assert_eq!(years, [2017, 2023]);
    close(event[0][1].as_f64(), 260.0 / 300.0 - 390.0 / 400.0);
    assert_eq!(event[1][1].as_f64(), v.value);
    assert_eq!(
        [event[1][2].as_f64(), event[1][3].as_f64()],
        [v.ci.map(|c| c[0]), v.ci.map(|c| c[1])]
    );
    // vs_sector has no event study.
    assert!(get(&r, "long.beneficiaries.sales.vs_sector")
        .detail
        .get("event")
        .is_none());
}

#[test]
fn costs_divide_the_total_cost() {
    let r = run(&doc(), rows());
    // Employment panel of B: B1 10 → 12, B2 20 → 20: 2 jobs; C 40 → 40.
    let job = get(&r, "long.cost_per_job");
    close(job.value, 500.0);
    assert_eq!(job.status, Status::Reported);
    assert_eq!(job.detail["jobs"], json!(2.0));
    let extra = get(&r, "long.cost_per_additional_job");
    close(extra.value, 1000.0 / (30.0 * (32.0 / 30.0 - 1.0)));
    let firm = get(&r, "long.cost_per_beneficiary_firm");
    close(firm.value, 1000.0 / 3.0);
    // No cost: insufficient; a cost of 0 is a cost.
    let mut d = doc();
    d.project.cost_total = None;
    let r = run(&d, rows());
    assert_eq!(
        get(&r, "long.cost_per_job").status,
        Status::InsufficientData
    );
    assert_eq!(code(get(&r, "long.cost_per_job")), "missing_fact");
    d.project.cost_total = Some(0.0);
    let r = run(&d, rows());
    close(get(&r, "long.cost_per_beneficiary_firm").value, 0.0);
    // No job created: no cost per job, and a message.
    let flat: Vec<_> = rows()
        .into_iter()
        .map(|mut x| {
            if x.firm == "B1" && x.year == 2023 {
                x.set(E, Some(10.0));
            }
            x
        })
        .collect();
    let r = run(&doc(), flat);
    let job = get(&r, "long.cost_per_job");
    assert_eq!(job.value, None);
    assert_eq!(code(job), "cost_denominator_not_positive");
}

#[test]
fn a_cost_changed_alone_gives_what_a_full_calculation_gives() {
    use cluster_eval_engine::compute::{core_of, finish};
    let d = doc();
    let data = data(rows());
    let core = compute_data(&core_of(&d), &data);
    assert_eq!(finish(&d, &data, &core), compute_data(&d, &data));
}

#[test]
fn knowledge_institutions_use_the_type_vocabulary() {
    let r = run(&doc(), rows());
    let k = get(&r, "medium.knowledge_institutions");
    // 2019: Universidad Nacional; 2023: it and Centro Y.
    close(k.value, 1.0);
    assert_eq!(k.status, Status::Met);
    assert_eq!(k.detail["unknown_types"], json!(["NGO"]));
    assert_eq!(code(k), "actor_types_unknown");
    let i = get(&r, "medium.institutions");
    assert_eq!(i.detail["types_f"]["knowledge"], json!(2));
    assert_eq!(i.detail["types_f"]["other"], json!(1));
    assert_eq!(i.detail["types_b"]["government"], json!(1));
    // No actor with a type at all: insufficient data.
    let mut data = data(rows());
    for a in &mut data.actors {
        a.kind = None;
    }
    let r = compute_data(&doc(), &data);
    let k = get(&r, "medium.knowledge_institutions");
    assert_eq!(k.status, Status::InsufficientData);
    assert_eq!(code(k), "actor_types_missing");
}

#[test]
fn shares_and_the_wage_gap_against_the_control_group() {
    let r = run(&doc(), rows());
    let w = get(&r, "pro_poor.share.women.vs_control");
    // B (B1, B2): 15/30 → 13/32; C: 20/40 → 20/40.
    let value = (13.0 / 32.0 - 0.5) - 0.0;
    close(w.value, value);
    let expected = match w.ci {
        Some([_, high]) if high >= 0.0 => Status::Inconclusive,
        _ => Status::NotMet,
    };
    assert_eq!(w.status, expected);
    assert_eq!(code(w), "pro_poor_share_vs_control");
    // A group without its column is insufficient.
    let u = get(&r, "pro_poor.share.unskilled.vs_control");
    assert_eq!(u.status, Status::InsufficientData);
    // Wage gaps: B 2019 women (500 + 900) / 15, men (600 + 1000) / 15; 2023 women
    // (550 + 760) / 13, men (910 + 1200) / 19. C: 2019 and 2023 alike.
    let gap = |w: f64, m: f64| (m - w) / m;
    let b_change = gap(1310.0 / 13.0, 2110.0 / 19.0) - gap(1400.0 / 15.0, 1600.0 / 15.0);
    let g = get(&r, "pro_poor.wage_gap.vs_control");
    close(g.value, b_change - 0.0);
    assert_eq!(g.status, Status::Met); // the gap narrowed more than the control's
    let line = r
        .winners_losers
        .iter()
        .find(|l| l.group == "women")
        .unwrap();
    assert_eq!(line.vs_control, w.value);
    assert_eq!(line.vs_control_status, Some(w.status));
}

#[test]
fn share_rule_at_the_threshold() {
    use cluster_eval_engine::pro_poor::vs_control::share_status;
    assert_eq!(share_status(-0.005, None, 0.01), Status::Met);
    assert_eq!(share_status(-0.02, None, 0.01), Status::NotMet);
    assert_eq!(
        share_status(-0.02, Some([-0.05, -0.001]), 0.01),
        Status::NotMet
    );
    assert_eq!(
        share_status(-0.02, Some([-0.05, 0.0]), 0.01),
        Status::Inconclusive
    );
}

#[test]
fn a_control_group_without_baseline_rows() {
    let mut r = rows();
    r.retain(|x| !(x.group == C && x.year == 2019));
    let res = run(&doc(), r);
    let bal = get(&res, "design.balance.beneficiaries.sales");
    assert_eq!(bal.status, Status::InsufficientData);
    assert_eq!(code(bal), "balance_few_firms");
    let att = get(&res, "design.attrition.control");
    assert_eq!(att.status, Status::InsufficientData);
    assert_eq!(code(att), "attrition_no_firms");
    assert_eq!(
        get(&res, "design.attrition.differential").status,
        Status::InsufficientData
    );
    assert_eq!(
        get(&res, "long.beneficiaries.sales.vs_control").status,
        Status::InsufficientData
    );
    all_finite(&res);
}

#[test]
fn every_firm_gone_at_follow_up() {
    // The 2023 rows belong to other firms: nobody of 2019 is seen again.
    let r = vec![
        row("B1", B, 2019, 100.0, 10.0),
        row("B2", B, 2019, 200.0, 20.0),
        row("C1", C, 2019, 100.0, 10.0),
        row("C2", C, 2019, 150.0, 12.0),
        row("B9", B, 2023, 100.0, 10.0),
        row("C9", C, 2023, 100.0, 10.0),
    ];
    let res = run(&doc(), r);
    close(get(&res, "design.attrition.beneficiaries").value, 1.0);
    close(get(&res, "design.attrition.control").value, 1.0);
    close(get(&res, "design.attrition.differential").value, 0.0);
    close(get(&res, "pro_poor.exited_firms_jobs").value, 30.0);
    let v = get(&res, "long.beneficiaries.sales.vs_control");
    assert_eq!(v.status, Status::InsufficientData);
    assert_eq!(code(get(&res, "long.cost_per_job")), "no_panel");
    all_finite(&res);
}

#[test]
fn zero_variance_at_baseline() {
    let r = vec![
        row("B1", B, 2019, 100.0, 10.0),
        row("B2", B, 2019, 100.0, 10.0),
        row("C1", C, 2019, 100.0, 10.0),
        row("C2", C, 2019, 100.0, 10.0),
        row("B1", B, 2023, 120.0, 10.0),
        row("B2", B, 2023, 130.0, 10.0),
        row("C1", C, 2023, 110.0, 10.0),
        row("C2", C, 2023, 100.0, 10.0),
    ];
    let res = run(&doc(), r);
    let bal = get(&res, "design.balance.beneficiaries.sales");
    assert_eq!(bal.status, Status::InsufficientData);
    assert_eq!(bal.value, None);
    assert_eq!(code(bal), "balance_no_spread");
    assert_eq!(bal.detail["pooled_sd"], json!(0.0));
    all_finite(&res);
}

#[test]
fn an_unknown_actor_type_is_named_not_an_error() {
    let mut data = data(rows());
    data.actors = vec![
        actor("A", "Think tank", 2019),
        actor("A", "Think tank", 2023),
    ];
    let r = compute_data(&doc(), &data);
    let k = get(&r, "medium.knowledge_institutions");
    close(k.value, 0.0);
    assert_eq!(k.status, Status::NotMet);
    assert_eq!(code(k), "actor_types_unknown");
    assert!(k.message.contains("Think tank"), "{}", k.message);
    all_finite(&r);
}

#[test]
fn one_control_firm_is_never_evidence_of_success() {
    let mut r = rows();
    r.retain(|x| x.firm != "C2");
    let res = run(&doc(), r);
    let v = get(&res, "long.beneficiaries.sales.vs_control");
    assert!(v.value.unwrap() > 0.0);
    assert_eq!(v.ci, None);
    assert_eq!(v.status, Status::Inconclusive);
    // The event study keeps its points, without intervals.
    let event = v.detail["event"].as_array().unwrap();
    assert!(event
        .iter()
        .all(|p| p[2] == Value::Null && p[3] == Value::Null));
}

fn arb_rows() -> impl Strategy<Value = Vec<FirmYear>> {
    let firm = (
        0usize..3,
        proptest::collection::vec(
            (
                proptest::option::weighted(0.8, 0.0f64..1000.0),
                proptest::option::weighted(0.8, 0.0f64..50.0),
                proptest::option::weighted(0.6, 0.0f64..100.0),
            ),
            5,
        ),
    );
    proptest::collection::vec(firm, 0..14).prop_map(|firms| {
        let mut out = Vec::new();
        for (i, (g, years)) in firms.into_iter().enumerate() {
            let group = [B, K, C][g];
            for (k, (s, e, x)) in years.into_iter().enumerate() {
                if s.is_none() && e.is_none() && x.is_none() {
                    continue; // no row that year
                }
                let mut r = FirmYear::new(&format!("F{i}"), group, 2017 + k as i32);
                r.set(S, s);
                r.set(E, e);
                r.set(X, x);
                out.push(r);
            }
        }
        out
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The event study's point at t = f is the vs_control itself (value and
    /// interval), and nothing is NaN whatever the data.
    #[test]
    fn the_event_point_at_followup_is_the_vs_control(rows in arb_rows()) {
        let mut d = doc();
        d.settings.bootstrap_reps = 30;
        d.project.baseline_year = Some(2018);
        d.project.followup_year = Some(2020);
        let res = run(&d, rows);
        all_finite(&res);
        for v in res.indicators.iter().filter(|i| i.id.ends_with(".vs_control") && i.id.starts_with("long.")) {
            let at_f = v.detail.get("event").and_then(Value::as_array).and_then(|e| {
                e.iter().find(|p| p[0] == json!(2020)).cloned()
            });
            match v.value {
                Some(value) => {
                    let p = at_f.expect("a point at the follow-up");
                    prop_assert_eq!(p[1].as_f64(), Some(value));
                    prop_assert_eq!(p[2].as_f64(), v.ci.map(|c| c[0]));
                    prop_assert_eq!(p[3].as_f64(), v.ci.map(|c| c[1]));
                }
                None => prop_assert!(at_f.is_none()),
            }
        }
    }
}
