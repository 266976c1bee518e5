//! The v3 ids (issue 23) through the whole pipeline (pasted tables → results), each
//! against values computed by hand in the comments; the new row errors; the new
//! project facts and their refusals.

use cluster_eval_engine::{
    compute, AgencyType, AreaType, Document, DocumentError, Expected, Indicator, Prices, Results,
    SectorType, Status,
};

/// Baseline 2019, follow-up 2023 (the first and last years of the table).
const FIRMS: &str = "\
firm\tgroup\tyear\tsales\temployment\tproduction\tinnovation\tnew_market\texport_destinations
B1\tbeneficiary\t2019\t100\t10\t50\tno\tno\t1
B1\tbeneficiary\t2021\t\t\t\tyes\t\t
B1\tbeneficiary\t2023\t150\t12\t60\tno\tyes\t3
B2\tbeneficiary\t2019\t100\t10\t50\tno\tno\t0
B2\tbeneficiary\t2023\t120\t11\t55\tno\tno\t1
N1\tcluster\t2019\t100\t5\t40\tno\tno\t0
N1\tcluster\t2023\t80\t4\t30\tyes\tno\t0
N2\tcluster\t2019\t100\t5\t40\t\t\t
N2\tcluster\t2023\t90\t5\t45\t\t\t
C1\tcontrol\t2019\t100\t10\t50\tno\tno\t2
C1\tcontrol\t2023\t110\t10\t50\tyes\tno\t2
C2\tcontrol\t2019\t100\t10\t50\tno\tno\t1
C2\tcontrol\t2023\t100\t10\t60\tno\tno\t1
";

const ACTIVITIES: &str = "\
activity\tyear\tfirms\tstatus
A\t2019\t5\tdone
B\t2019\t4\tplanned
C\t2021\t6\tcancelled
D\t2023\t4\t
E\t2023\t5\tejecutada
F\t2018\t3\tplanned
";

const SUBSIDIES: &str = "\
year\tamount\tbudget
2019\t100\t200
2020\t50\t100
2021\t\t100
2022\t70\t
";

const ACTORS: &str = "\
actor\ttype\tyear
Uni\tuniversity\t2019
Uni\tuniversity\t2023
Gov\tgovernment\t2023
Chamber\tassociation\t2023
Coop\tcooperativa\t2023
";

fn doc() -> Document {
    let mut d = Document::new("v3");
    d.tables.firms = FIRMS.into();
    d.tables.activities = ACTIVITIES.into();
    d.tables.subsidies = SUBSIDIES.into();
    d.tables.actors = ACTORS.into();
    d
}

fn get<'a>(r: &'a Results, id: &str) -> &'a Indicator {
    r.indicators
        .iter()
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("{id} missing"))
}

fn close(x: Option<f64>, want: f64) {
    let x = x.expect("a value");
    assert!((x - want).abs() < 1e-9, "{x} != {want}");
}

#[test]
fn production_is_defined_as_sales() {
    let r = compute(&doc());
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    // B: 50 + 50 → 60 + 55: 115 / 100 − 1 = 0.15.
    close(get(&r, "long.beneficiaries.production.growth").value, 0.15);
    // K adds N1 (40 → 30) and N2 (40 → 45): 180 → 190, 10 / 180.
    close(
        get(&r, "long.cluster.production.growth").value,
        10.0 / 180.0,
    );
    // C: 100 → 110, growth 0.10; B − C = 0.05; K − C = 0.0556 − 0.10 < 0: not met.
    let b = get(&r, "long.beneficiaries.production.vs_control");
    close(b.value, 0.05);
    assert!(b.ci.is_some());
    let k = get(&r, "long.cluster.production.vs_control");
    close(k.value, 10.0 / 180.0 - 0.10);
    assert_eq!(k.status, Status::NotMet);
    assert!(k.detail.contains_key("event"));
    // No sector firm.
    let s = get(&r, "long.beneficiaries.production.vs_sector");
    assert_eq!(s.status, Status::InsufficientData);
}

#[test]
fn innovation_and_new_markets_over_the_flag_panel() {
    let r = compute(&doc());
    // Innovation. B1: yes in 2021 (between b and f) → adopted; B2: no in 2023 →
    // known, not adopted. 1 of 2.
    let b = get(&r, "long.beneficiaries.innovation");
    close(b.value, 0.5);
    assert_eq!(b.status, Status::Reported);
    assert_eq!(b.n, 2);
    // K: + N1 (yes in 2023); N2's flag is blank every year: not in the panel. 2 of 3.
    let k = get(&r, "long.cluster.innovation");
    close(k.value, 2.0 / 3.0);
    assert_eq!(k.n, 3);
    // C: C1 yes, C2 no: 0.5. B − C = 0 → not met; K − C = 1/6, an interval that
    // reaches below 0 (a draw of B2, N1, B2 against C1, C1) → inconclusive.
    let bv = get(&r, "long.beneficiaries.innovation.vs_control");
    close(bv.value, 0.0);
    assert_eq!(bv.status, Status::NotMet);
    assert_eq!(bv.detail["share_control"], 0.5);
    assert_eq!(bv.detail["n_control"], 2);
    assert_eq!(bv.detail["evidence"], "weak");
    let kv = get(&r, "long.cluster.innovation.vs_control");
    close(kv.value, 2.0 / 3.0 - 0.5);
    let [low, high] = kv.ci.expect("interval");
    assert!(low < 0.0 && high > 0.0, "{low} {high}");
    assert_eq!(kv.status, Status::Inconclusive);
    // New markets. B1 yes in 2023, B2 no: 0.5; K: N1 no, N2 unknown: 1 of 3; C: 0.
    close(get(&r, "long.beneficiaries.new_markets").value, 0.5);
    close(get(&r, "long.cluster.new_markets").value, 1.0 / 3.0);
    let nv = get(&r, "long.beneficiaries.new_markets.vs_control");
    close(nv.value, 0.5);
    // A draw of B2, B2 gives 0 − 0: the interval's low end is 0, not above it.
    assert_eq!(nv.status, Status::Inconclusive);
}

#[test]
fn export_destinations_are_counted_as_an_amount() {
    let r = compute(&doc());
    // B: 1 + 0 → 3 + 1: growth 3; C: 2 + 1 → 2 + 1: growth 0.
    close(
        get(&r, "long.beneficiaries.export_destinations.growth").value,
        3.0,
    );
    close(
        get(&r, "long.beneficiaries.export_destinations.vs_control").value,
        3.0,
    );
    // K adds N1 (0 → 0); N2 has no count: n = 3, the same sums.
    let k = get(&r, "long.cluster.export_destinations.growth");
    close(k.value, 3.0);
    assert_eq!(k.n, 3);
}

#[test]
fn non_participants_against_the_control_firms() {
    let r = compute(&doc());
    // Sales: N 200 → 170 (−0.15), C 200 → 210 (+0.05): −0.20. Every draw is between
    // −0.30 and −0.10: the interval lies below 0 → not met (they fell behind).
    let s = get(&r, "pro_poor.non_participants.sales.vs_control");
    close(s.value, -0.20);
    let [_, high] = s.ci.expect("interval");
    assert!(high < 0.0);
    assert_eq!(s.status, Status::NotMet);
    assert_eq!(s.detail["groups"]["non_participants"]["n"], 2);
    // Employment: N 10 → 9 (−0.10), C 20 → 20 (0): −0.10; a draw of N2, N2 gives 0,
    // so the interval reaches 0 → inconclusive.
    let e = get(&r, "pro_poor.non_participants.employment.vs_control");
    close(e.value, -0.10);
    assert_eq!(e.status, Status::Inconclusive);
    // No cluster firm at all: insufficient data, never an error.
    let mut d = doc();
    d.tables.firms = FIRMS
        .lines()
        .filter(|l| !l.contains("\tcluster\t"))
        .collect::<Vec<_>>()
        .join("\n");
    let r = compute(&d);
    let s = get(&r, "pro_poor.non_participants.sales.vs_control");
    assert_eq!(s.status, Status::InsufficientData);
    assert_eq!(
        s.note.as_ref().map(|n| n.code()),
        Some("no_non_participants")
    );
}

#[test]
fn execution_of_activities_and_budget() {
    let r = compute(&doc());
    // Rows of 2019–2023: A done, B planned, C cancelled, D blank (done), E done; F
    // (2018) counts nowhere. 3 / 5.
    let a = get(&r, "short.activities_executed");
    close(a.value, 0.6);
    assert_eq!(a.status, Status::Reported);
    assert_eq!(
        a.detail["by_year"],
        serde_json::json!([[2019, 1, 1, 0], [2021, 0, 0, 1], [2023, 2, 0, 0]])
    );
    // Only done activities count in firm cooperation: 2019 has A (B is planned),
    // 2023 has D and E: 2 − 1 = 1 (it was 2 − 2 = 0 before v3).
    close(get(&r, "medium.firm_cooperation").value, 1.0);
    // Rows with a budget: (100 + 50 + 0) / (200 + 100 + 100) = 0.375; 2022 has no budget.
    let d = get(&r, "short.disbursement_rate");
    close(d.value, 0.375);
    assert_eq!(d.detail["budget"], 400.0);
    // Without the columns: insufficient data.
    let mut plain = doc();
    plain.tables.activities = "activity\tyear\tfirms\nA\t2019\t5\n".into();
    plain.tables.subsidies = "year\tamount\n2019\t100\n".into();
    let r = compute(&plain);
    for id in ["short.activities_executed", "short.disbursement_rate"] {
        let i = get(&r, id);
        assert_eq!(i.status, Status::InsufficientData, "{id}");
        assert_eq!(
            i.note.as_ref().map(|n| n.code()),
            Some("table_column_missing")
        );
    }
}

#[test]
fn institutions_leave_business_actors_out() {
    let r = compute(&doc());
    // 2019: Uni; 2023: Uni, Gov, Chamber (Coop, a cooperative, is a business): 3 − 1.
    let i = get(&r, "medium.institutions");
    close(i.value, 2.0);
    assert_eq!(i.detail["businesses_left_out"], 1);
    assert_eq!(i.detail["count_f"], 3);
    let w = r
        .warnings
        .iter()
        .find(|w| w.note.code() == "business_actors_left_out")
        .expect("a warning names the business");
    assert_eq!(w.note.params()["actors"], serde_json::json!(["Coop"]));
}

#[test]
fn bad_values_are_row_errors_naming_the_column() {
    let mut d = doc();
    d.tables
        .firms
        .push_str("X1\tbeneficiary\t2019\t1\t1\t1\tno\tno\t2.5\n");
    d.tables.activities.push_str("G\t2020\t4\tfuturistic\n");
    d.tables.subsidies.push_str("2023\t10\t-5\n");
    let r = compute(&d);
    let errors: Vec<(&str, usize, Option<&str>, &str)> = r
        .errors
        .iter()
        .map(|e| {
            (
                e.table.as_str(),
                e.line,
                e.column.as_deref(),
                e.code.as_str(),
            )
        })
        .collect();
    assert!(errors.contains(&("firms", 15, Some("export_destinations"), "not_whole_number")));
    assert!(errors.contains(&("activities", 8, Some("status"), "unknown_status")));
    assert!(errors.contains(&("subsidies", 6, Some("budget"), "negative_amount")));
    // Nothing else changes: the rows are left out.
    close(get(&r, "short.activities_executed").value, 0.6);
    close(get(&r, "short.disbursement_rate").value, 0.375);
}

#[test]
fn synonyms_of_the_new_columns() {
    let mut d = Document::new("es");
    d.tables.firms = "empresa\tgrupo\taño\tinnovación\tnuevo_mercado\tdestinos\n\
        1\tbeneficiaria\t2019\tno\tno\t1\n1\tbeneficiaria\t2023\tsí\tsí\t2\n"
        .into();
    d.tables.activities = "actividad\taño\tempresas\testado\nA\t2019\t4\tpendiente\n".into();
    d.tables.subsidies = "año\tmonto\tpresupuesto\n2019\t5\t10\n".into();
    let r = compute(&d);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    close(get(&r, "long.beneficiaries.innovation").value, 1.0);
    close(get(&r, "long.beneficiaries.new_markets").value, 1.0);
    close(
        get(&r, "long.beneficiaries.export_destinations.growth").value,
        1.0,
    );
    close(get(&r, "short.activities_executed").value, 0.0);
    close(get(&r, "short.disbursement_rate").value, 0.5);
}

#[test]
fn project_context_facts_are_read_and_refused_with_the_field_named() {
    let json = r#"{"format":"cluster-eval","version":1,"project":{"name":"P",
        "sector_type":"Tradicional","area_type":"pujante","agency_type":"mista",
        "clusters":3,"control_description":"Masaya","data_source":"census",
        "prices":"constantes","price_base_year":2015},"tables":{}}"#;
    let d = Document::from_json(json).expect("valid");
    assert_eq!(d.project.sector_type, Some(SectorType::Traditional));
    assert_eq!(d.project.area_type, Some(AreaType::Booming));
    assert_eq!(d.project.agency_type, Some(AgencyType::Mixed));
    assert_eq!(d.project.clusters, Some(3));
    assert_eq!(d.project.prices, Some(Prices::Constant));
    assert_eq!(d.project.price_base_year, Some(2015));
    assert_eq!(d.project.control_description, "Masaya");
    // Written as codes, read back the same.
    let again = Document::from_json(&d.to_json()).expect("valid");
    assert_eq!(again.project, d.project);
    assert!(d.to_json().contains("\"sector_type\": \"traditional\""));
    // A document without them keeps its shape.
    assert!(!Document::new("x").to_json().contains("sector_type"));
    for (field, value) in [
        ("sector_type", "\"futuristic\""),
        ("area_type", "\"lunar\""),
        ("agency_type", "7"),
        ("prices", "\"imaginary\""),
        ("clusters", "1.5"),
    ] {
        let json = format!(
            r#"{{"format":"cluster-eval","version":1,"project":{{"{field}":{value}}},"tables":{{}}}}"#
        );
        match Document::from_json(&json) {
            Err(DocumentError::InvalidField { path, expected }) => {
                assert_eq!(path, format!("project.{field}"));
                if field != "clusters" {
                    assert!(matches!(expected, Some(Expected::OneOf(_))), "{field}");
                }
            }
            other => panic!("{field}: expected a refusal, got {other:?}"),
        }
    }
    // Blank is not set.
    let json = r#"{"format":"cluster-eval","version":1,"project":{"sector_type":" "},"tables":{}}"#;
    assert_eq!(
        Document::from_json(json)
            .expect("valid")
            .project
            .sector_type,
        None
    );
}
