//! The portfolio (SPEC, "Portfolio"): the table, its summaries, copies, and the
//! DerSimonian–Laird pooled estimate against a hand-worked example.

use cluster_eval_engine::portfolio::{
    self, dersimonian_laird, median, Member, NotPooled, PoolError,
};
use cluster_eval_engine::Document;
use cluster_eval_engine::{Horizon, Indicator, Results, Status, Unit};

const ID: &str = "long.beneficiaries.sales.vs_control";

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

fn indicator(id: &str, unit: Unit, value: Option<f64>, ci: Option<[f64; 2]>) -> Indicator {
    let mut i = Indicator::new(id, Horizon::Long, unit);
    i.value = value;
    i.ci = ci;
    i.status = if value.is_some() {
        Status::Met
    } else {
        Status::InsufficientData
    };
    i
}

/// A project whose results hold the given indicators (no tables: the portfolio only
/// reads results, facts and, for copies, the tables).
fn member(name: &str, currency: &str, indicators: Vec<Indicator>) -> Member {
    let mut document = Document::new(name);
    document.project.currency = currency.into();
    // Different tables, so no two test projects are copies of each other.
    document.tables.firms = format!("firm\tyear\n{name}\t2019\n");
    Member {
        document,
        results: Results {
            indicators,
            baseline_year: Some(2019),
            followup_year: Some(2023),
            ..Results::default()
        },
        firms: 1,
    }
}

fn ratio(name: &str, value: Option<f64>, ci: Option<[f64; 2]>) -> Member {
    member(name, "USD", vec![indicator(ID, Unit::Ratio, value, ci)])
}

/// The hand-worked example. Three projects, intervals of half-width 1.96 × se:
///
/// | project | x    | interval         | se   | w = 1/se² |
/// |---------|------|------------------|------|-----------|
/// | A       | 0.10 | [0.002, 0.198]   | 0.05 | 400       |
/// | B       | 0.30 | [0.104, 0.496]   | 0.10 | 100       |
/// | C       | 0.20 | [0.102, 0.298]   | 0.05 | 400       |
///
/// Σw = 900, Σw·x = 40 + 30 + 80 = 150, so x̄ = 150/900 = 1/6.
/// Q = 400·(0.1 − 1/6)² + 100·(0.3 − 1/6)² + 400·(0.2 − 1/6)²
///   = 400/225 + 400/225 + 400/900 = 16/9 + 16/9 + 4/9 = 4.
/// Σw² = 160000 + 10000 + 160000 = 330000; Σw − Σw²/Σw = 900 − 1100/3 = 1600/3.
/// τ² = max(0, (4 − 2) / (1600/3)) = 6/1600 = 0.00375.
/// w* = 1/(0.0025 + 0.00375) = 160, 1/(0.01 + 0.00375) = 800/11, 160;
/// Σw* = 320 + 800/11 = 4320/11; Σw*·x = 16 + 240/11 + 32 = 768/11.
/// pooled = 768/4320 = 8/45 = 0.177777778; se = √(11/4320) = 0.050460839;
/// interval = 8/45 ∓ 1.96·√(11/4320) = [0.078874533, 0.276681023].
/// I² = (4 − 2)/4 = 0.5. Weight shares: 160·11/4320 = 0.4074…, 800/4320 = 0.1851….
fn hand_worked() -> Vec<Member> {
    vec![
        ratio("A", Some(0.10), Some([0.002, 0.198])),
        ratio("B", Some(0.30), Some([0.104, 0.496])),
        ratio("C", Some(0.20), Some([0.102, 0.298])),
    ]
}

#[test]
fn pools_the_hand_worked_example() {
    let pooled = portfolio::pool(&hand_worked(), ID).expect("pooled");
    let e = pooled.estimate.as_ref().expect("k = 3");
    let se = (11.0f64 / 4320.0).sqrt();
    close(e.q, 4.0);
    close(e.tau2, 0.00375);
    close(e.pooled, 8.0 / 45.0);
    close(e.se, se);
    close(e.low, 8.0 / 45.0 - 1.96 * se);
    close(e.high, 8.0 / 45.0 + 1.96 * se);
    close(e.low, 0.078_874_532_877);
    close(e.high, 0.276_681_022_678);
    close(e.se, 0.050_460_839_235);
    close(e.i2, 0.5);
    assert_eq!(e.k, 3);
    assert_eq!(pooled.k, 3);
    let weights: Vec<f64> = pooled.projects.iter().map(|l| l.weight.unwrap()).collect();
    close(weights[0], 1760.0 / 4320.0);
    close(weights[1], 800.0 / 4320.0);
    close(weights[2], 1760.0 / 4320.0);
    close(pooled.projects[1].se.unwrap(), 0.1);
    assert!(pooled
        .projects
        .iter()
        .all(|l| l.pooled && l.reason.is_none()));
}

/// SPEC v3, the hand-worked example continued. Residuals from the pooled 8/45:
/// −7/90, 11/90, 2/90; Σw*(x − pooled)² = (160·49 + (800/11)·121 + 160·4) / 8100
/// = 17280/8100 = 32/15; over (k − 1) Σw* = 2 · 4320/11: (32/15)/(8640/11) = 11/4050.
/// HKSJ = 8/45 ∓ t(2) √(11/4050) = 8/45 ∓ 4.302653 × 0.052116
/// = [−0.046458113, 0.402013669].
/// Prediction = 8/45 ∓ t(1) √(τ² + se²) = 8/45 ∓ 12.706205 × √(0.00375 + 11/4320)
/// = [−0.830449464, 1.186005019].
#[test]
fn hartung_knapp_and_prediction_intervals_of_the_hand_worked_example() {
    let pooled = portfolio::pool(&hand_worked(), ID).expect("pooled");
    let e = pooled.estimate.as_ref().expect("k = 3");
    let t2 = 4.302_652_729_911;
    let t1 = 12.706_204_736_175;
    let half = t2 * (11.0f64 / 4050.0).sqrt();
    close(e.hk_low.unwrap(), 8.0 / 45.0 - half);
    close(e.hk_high.unwrap(), 8.0 / 45.0 + half);
    close(e.hk_low.unwrap(), -0.046_458_113_038);
    close(e.hk_high.unwrap(), 0.402_013_668_594);
    let half = t1 * (0.00375f64 + 11.0 / 4320.0).sqrt();
    close(e.pi_low.unwrap(), 8.0 / 45.0 - half);
    close(e.pi_high.unwrap(), 8.0 / 45.0 + half);
    close(e.pi_low.unwrap(), -0.830_449_463_576);
    assert!(pooled.few_projects);

    // Two projects: an HKSJ interval with t(1), no prediction interval. A and C:
    // w* = 400 each when τ² = 0 (Q = 400·0.05² · 2 = 2 > 1: τ² = (2 − 1)/(800 − 400)
    // = 0.0025, w* = 200 each), pooled 0.15, residuals ∓0.05:
    // Σw*(x − p)² = 200·0.0025·2 = 1, over 1 · 400: 0.0025; half = t(1) × 0.05.
    let two = vec![hand_worked()[0].clone(), hand_worked()[2].clone()];
    let pooled = portfolio::pool(&two, ID).expect("pooled");
    let e = pooled.estimate.as_ref().expect("k = 2");
    close(e.tau2, 0.0025);
    close(e.pooled, 0.15);
    close(e.hk_low.unwrap(), 0.15 - t1 * 0.05);
    close(e.hk_high.unwrap(), 0.15 + t1 * 0.05);
    assert_eq!((e.pi_low, e.pi_high), (None, None));

    // Five projects are no longer few.
    let mut five = hand_worked();
    five.push(ratio("D", Some(0.15), Some([0.052, 0.248])));
    five.push(ratio("E", Some(0.25), Some([0.152, 0.348])));
    let pooled = portfolio::pool(&five, ID).expect("pooled");
    assert!(!pooled.few_projects);
    assert!(pooled.estimate.as_ref().and_then(|e| e.pi_low).is_some());
}

#[test]
fn prints_the_pooled_estimate_as_the_issue_says() {
    let json = portfolio::pool(&hand_worked(), ID).unwrap().to_json();
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    // Issue 25 added the HKSJ and prediction intervals and `few_projects`.
    assert_eq!(
        keys,
        [
            "id",
            "pooled",
            "low",
            "high",
            "hk_low",
            "hk_high",
            "pi_low",
            "pi_high",
            "tau2",
            "i2",
            "k",
            "few_projects",
            "projects"
        ]
    );
    assert_eq!(json["few_projects"], true);
    close(json["hk_low"].as_f64().unwrap(), -0.046_458_113_038);
    close(json["pi_high"].as_f64().unwrap(), 1.186_005_019_131);
    assert_eq!(json["id"], ID);
    assert_eq!(json["k"], 3);
    close(json["pooled"].as_f64().unwrap(), 8.0 / 45.0);
    close(json["i2"].as_f64().unwrap(), 0.5);
    assert_eq!(json["projects"].as_array().unwrap().len(), 3);
    assert_eq!(json["projects"][1]["name"], "B");
    assert_eq!(json["projects"][1]["pooled"], true);
}

#[test]
fn fewer_than_two_intervals_give_null_pooled_numbers() {
    let members = vec![
        ratio("A", Some(0.1), Some([0.0, 0.2])),
        ratio("B", Some(0.2), None),
    ];
    let pooled = portfolio::pool(&members, ID).unwrap();
    assert!(pooled.estimate.is_none());
    assert_eq!(pooled.k, 1);
    assert_eq!(pooled.projects[1].reason, Some(NotPooled::NoInterval));
    let json = pooled.to_json();
    for key in ["pooled", "low", "high", "tau2", "i2"] {
        assert!(json[key].is_null(), "{key}");
    }
    assert_eq!(json["k"], 1);
    assert!(portfolio::pool(&[], ID).unwrap().estimate.is_none());
    assert!(dersimonian_laird(&[(0.1, 0.05)]).is_none());
    assert!(dersimonian_laird(&[]).is_none());
}

#[test]
fn zero_width_and_missing_ends_are_listed_not_pooled() {
    let members = vec![
        ratio("zero", Some(0.1), Some([0.1, 0.1])),
        ratio("no low", Some(0.1), Some([f64::NAN, 0.2])),
        ratio("no high", Some(0.1), Some([0.0, f64::INFINITY])),
        ratio("no value", None, Some([0.0, 0.2])),
        member("absent", "USD", vec![]),
        ratio("A", Some(0.10), Some([0.002, 0.198])),
        ratio("B", Some(0.30), Some([0.104, 0.496])),
        ratio("C", Some(0.20), Some([0.102, 0.298])),
    ];
    let pooled = portfolio::pool(&members, ID).unwrap();
    let reasons: Vec<Option<NotPooled>> = pooled.projects.iter().map(|l| l.reason).collect();
    assert_eq!(
        reasons,
        [
            Some(NotPooled::ZeroWidth),
            Some(NotPooled::MissingEnd),
            Some(NotPooled::MissingEnd),
            Some(NotPooled::NoValue),
            Some(NotPooled::Absent),
            None,
            None,
            None
        ]
    );
    assert_eq!(pooled.projects.len(), 8, "every project is listed");
    assert_eq!(pooled.k, 3);
    // The same estimate as the three alone.
    close(pooled.estimate.unwrap().pooled, 8.0 / 45.0);
    assert!(pooled.projects[0].weight.is_none());
}

#[test]
fn no_heterogeneity_gives_i2_zero_and_tau2_zero() {
    // Q = 0: the same estimate twice.
    let e = dersimonian_laird(&[(0.2, 0.05), (0.2, 0.1)]).unwrap();
    assert_eq!(e.q, 0.0);
    assert_eq!(e.i2, 0.0);
    assert_eq!(e.tau2, 0.0);
    close(e.pooled, 0.2);
    // 0 < Q < k − 1: τ² and I² are clamped at 0, the pooled estimate is the fixed one.
    let e = dersimonian_laird(&[(0.10, 0.1), (0.12, 0.1), (0.11, 0.1)]).unwrap();
    assert!(e.q > 0.0 && e.q < 2.0);
    assert_eq!(e.tau2, 0.0);
    assert_eq!(e.i2, 0.0);
    close(e.pooled, 0.11);
    close(e.se, (0.01f64 / 3.0).sqrt());
}

#[test]
fn pooling_money_across_currencies_is_refused_ratios_are_not() {
    let money = |name: &str, currency: &str| {
        let mut m = member(
            name,
            currency,
            vec![
                indicator("short.subsidies_total", Unit::Currency, Some(1000.0), None),
                indicator(ID, Unit::Ratio, Some(0.1), Some([0.0, 0.2])),
            ],
        );
        m.results.indicators[0].status = Status::Reported;
        m
    };
    let members = vec![money("A", "USD"), money("B", "NIO"), money("C", " usd")];
    let refused = portfolio::pool(&members, "short.subsidies_total").unwrap_err();
    assert_eq!(
        refused,
        PoolError::MixedCurrencies {
            id: "short.subsidies_total".into(),
            currencies: vec!["NIO".into(), "USD".into()],
        }
    );
    assert!(refused.to_string().contains("different currencies"));
    // A ratio pools whatever the currencies.
    assert_eq!(portfolio::pool(&members, ID).unwrap().k, 3);
    // The same currency (trimmed, any case) pools (nothing has an interval: k = 0).
    let same = vec![money("A", "USD"), money("C", " usd")];
    let pooled = portfolio::pool(&same, "short.subsidies_total").unwrap();
    assert_eq!(pooled.k, 0);
    // The table gives no median of amounts in different currencies.
    let table = portfolio::table(&members, &["short.subsidies_total", ID]);
    assert!(table.summaries[0].mixed_currencies);
    assert_eq!(table.summaries[0].median, None);
    assert_eq!(table.summaries[1].median, Some(0.1));
    let table = portfolio::table(&same, &["short.subsidies_total"]);
    assert_eq!(table.summaries[0].median, Some(1000.0));
}

#[test]
fn summaries_count_projects_by_status_and_give_the_median() {
    let mut members = hand_worked();
    members[1].results.indicators[0].status = Status::NotMet;
    members[2].results.indicators[0].status = Status::Inconclusive;
    members.push(ratio("no value", None, None));
    members.push(member("absent", "USD", vec![]));
    let table = portfolio::table(&members, &[ID]);
    let s = &table.summaries[0];
    assert_eq!(s.with_value, 3);
    assert_eq!(s.median, Some(0.2));
    assert_eq!(
        (
            s.counts.met,
            s.counts.not_met,
            s.counts.inconclusive,
            s.counts.insufficient_data,
            s.counts.reported,
            s.counts.absent
        ),
        (1, 1, 1, 1, 0, 1)
    );
    assert_eq!(s.unit, Some(Unit::Ratio));
    // One row per project, in order, each with its cell.
    assert_eq!(table.rows.len(), 5);
    assert_eq!(table.rows[1].name, "B");
    assert_eq!(table.rows[1].cells[0].value, Some(0.3));
    assert_eq!(table.rows[1].cells[0].status, Some(Status::NotMet));
    assert_eq!(table.rows[1].cells[0].ci, Some([0.104, 0.496]));
    assert_eq!(table.rows[4].cells[0].status, None);
    assert_eq!(table.rows[0].baseline_year, Some(2019));
    // The median of an even number of values is the mean of the middle two.
    assert_eq!(median(&mut [0.4, 0.1, 0.3, 0.2]), Some(0.25));
    assert_eq!(median(&mut []), None);
}

#[test]
fn a_second_copy_of_a_project_is_flagged_and_counted_once() {
    let mut members = hand_worked();
    let mut copy = members[2].clone();
    copy.document.project.name = "C (copy)".into();
    copy.results.indicators[0].status = Status::NotMet;
    members.push(copy);
    let table = portfolio::table(&members, &[ID]);
    assert_eq!(table.rows.len(), 4, "both are shown");
    assert_eq!(table.rows[3].copy_of, Some(2));
    assert_eq!(table.copies.len(), 1);
    assert_eq!((table.copies[0].index, table.copies[0].of), (3, 2));
    assert_eq!(table.summaries[0].with_value, 3);
    assert_eq!(table.summaries[0].counts.not_met, 0);
    let pooled = portfolio::pool(&members, ID).unwrap();
    assert_eq!(pooled.k, 3);
    assert_eq!(pooled.projects[3].reason, Some(NotPooled::Copy));
    assert_eq!(pooled.projects[3].copy_of, Some(2));
    close(pooled.estimate.unwrap().pooled, 8.0 / 45.0);
    // A different fact (not the name) makes it another project.
    let mut other = members[2].clone();
    other.document.project.country = Some("Nicaragua".into());
    members[3] = other;
    assert!(portfolio::copies(&members).iter().all(Option::is_none));
}

fn document(json: &str) -> Document {
    Document::from_json(json).expect("a document")
}

#[test]
fn the_new_project_facts_are_read_and_kept_optional() {
    let doc = document(
        r#"{"format":"cluster-eval","version":1,
            "project":{"name":"Masaya","country":"Nicaragua","sector":"dairy","executing_agency":"INPYME"},
            "tables":{}}"#,
    );
    assert_eq!(doc.project.country.as_deref(), Some("Nicaragua"));
    assert_eq!(doc.project.sector.as_deref(), Some("dairy"));
    assert_eq!(doc.project.executing_agency.as_deref(), Some("INPYME"));
    assert!(doc.project.extra.is_empty());
    let written: serde_json::Value = serde_json::from_str(&doc.to_json()).unwrap();
    assert_eq!(written["project"]["executing_agency"], "INPYME");
    // Absent: not written, so an older document keeps its shape.
    let old = document(r#"{"format":"cluster-eval","version":1,"project":{},"tables":{}}"#);
    assert_eq!(old.project.country, None);
    let written: serde_json::Value = serde_json::from_str(&old.to_json()).unwrap();
    let project = written["project"].as_object().unwrap();
    for key in ["country", "sector", "executing_agency"] {
        assert!(!project.contains_key(key), "{key}");
    }
}

#[test]
fn members_are_computed_as_when_opened_alone() {
    let doc = document(
        r#"{"format":"cluster-eval","version":1,
            "project":{"name":"Chontales","country":"Nicaragua"},
            "tables":{"firms":"firm\tgroup\tyear\tsales\nA\tbeneficiary\t2019\t100\nA\tbeneficiary\t2023\t150\nB\tbeneficiary\t2019\t100\nB\tbeneficiary\t2023\t120\nK\tcontrol\t2019\t100\nK\tcontrol\t2023\t110\nL\tcontrol\t2019\t100\nL\tcontrol\t2023\tbad\n"}}"#,
    );
    let alone = cluster_eval_engine::compute(&doc);
    let member = cluster_eval_engine::portfolio::member(doc.clone());
    assert_eq!(member.results, alone);
    // A, B, K and L (L's bad row is an error, its 2019 row is read).
    assert_eq!(member.firms, 4);
    assert_eq!(
        cluster_eval_engine::portfolio::member_from_computed(doc, alone).firms,
        4
    );
    let table = portfolio::table(std::slice::from_ref(&member), &[ID]);
    assert_eq!(table.rows[0].country.as_deref(), Some("Nicaragua"));
    assert_eq!(table.rows[0].firms, 4);
    assert_eq!(
        table.rows[0].cells[0].value,
        member.results.indicator(ID).and_then(|i| i.value)
    );
}

#[test]
fn default_ids_are_those_some_project_has() {
    let members = hand_worked();
    assert_eq!(portfolio::default_ids(&members), [ID]);
    assert!(portfolio::default_ids(&[]).is_empty());
}
