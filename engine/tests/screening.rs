//! Proposal screening (SPEC, "proposals", "Proposal screening", "Fine print"): the
//! table read in three languages, its row errors, and every eligibility rule on
//! hand-made proposals.

use std::time::Instant;

use cluster_eval_engine::error_entry;
use cluster_eval_engine::indicators::screening::{self, Reason};
use cluster_eval_engine::model::{ProposalRow, TableKind};
use cluster_eval_engine::read::{read_table, RowErrorKind, TableRead, TableRows};
use cluster_eval_engine::Settings;
use cluster_eval_engine::{compute, Document};
use cluster_eval_engine::{Horizon, Indicator, Status, Unit};
use serde_json::{json, Value};

fn read(text: &str) -> TableRead {
    read_table(TableKind::Proposals, text, &Settings::default(), None)
}

fn rows(r: &TableRead) -> &[ProposalRow] {
    match &r.rows {
        TableRows::Proposals(rows) => rows,
        other => panic!("proposal rows expected, got {other:?}"),
    }
}

fn get<'a>(inds: &'a [Indicator], id: &str) -> &'a Indicator {
    inds.iter().find(|i| i.id == id).expect(id)
}

fn entries(ind: &Indicator) -> &Vec<Value> {
    ind.detail["proposals"]
        .as_array()
        .expect("detail.proposals")
}

fn entry<'a>(ind: &'a Indicator, proposal: &str) -> &'a Value {
    entries(ind)
        .iter()
        .find(|e| e["proposal"] == proposal)
        .unwrap_or_else(|| panic!("{proposal} in the detail"))
}

fn reasons(e: &Value) -> Vec<&str> {
    e["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect()
}

/// A row of a proposal.
fn row(p: &str, entity: &str, ty: &str, inn: Option<bool>, env: Option<bool>) -> ProposalRow {
    ProposalRow::new(p, entity, ty).with_flags(inn, env)
}

/// Three entities, a business and a knowledge institution, environmental: eligible.
fn good(p: &str, innovative: Option<bool>) -> Vec<ProposalRow> {
    vec![
        row(p, "Coop A", "cooperativa", innovative, Some(true)),
        row(p, "Universidad B", "universidad", None, None),
        row(p, "Municipio C", "municipio", None, None),
    ]
}

#[test]
fn an_eligible_proposal_meets_every_condition() {
    let inds = screening::compute(&good("P1", Some(false)));
    let count = get(&inds, "screening.eligible");
    assert_eq!(count.horizon, Horizon::Screening);
    assert_eq!(count.unit, Unit::Count);
    assert_eq!(count.status, Status::Reported);
    assert_eq!(count.value, Some(1.0));
    assert_eq!(count.n, 1);
    let e = entry(count, "P1");
    assert_eq!(e["entities"], 3);
    assert_eq!(e["businesses"], 1);
    assert_eq!(e["knowledge"], 1);
    assert_eq!(e["innovative"], false);
    assert_eq!(e["environmental"], true);
    assert_eq!(e["eligible"], true);
    assert_eq!(e["reasons"], json!([]));
    let share = get(&inds, "screening.eligible_share");
    assert_eq!(share.unit, Unit::Share);
    assert_eq!(share.status, Status::Reported);
    assert_eq!(share.value, Some(1.0));
}

#[test]
fn each_condition_missing_gives_its_reason() {
    let mut rows = Vec::new();
    // Two entities only.
    rows.extend(good("few", None).into_iter().take(2));
    // No business.
    let mut no_business = good("nobiz", None);
    no_business[0].entity_type = Some("ONG".into());
    rows.extend(no_business);
    // No knowledge institution.
    let mut no_knowledge = good("noknow", None);
    no_knowledge[1].entity_type = Some("empresa".into());
    rows.extend(no_knowledge);
    // Not environmental.
    let mut not_env = good("noenv", None);
    not_env[0].environmental = Some(false);
    rows.extend(not_env);
    // Environmental blank on every row.
    let mut unknown = good("unknown", None);
    unknown[0].environmental = None;
    rows.extend(unknown);
    let inds = screening::compute(&rows);
    let count = get(&inds, "screening.eligible");
    assert_eq!(count.value, Some(0.0));
    assert_eq!(count.n, 5);
    assert_eq!(reasons(entry(count, "few")), ["too_few_entities"]);
    assert_eq!(reasons(entry(count, "nobiz")), ["no_business"]);
    assert_eq!(reasons(entry(count, "noknow")), ["no_knowledge"]);
    assert_eq!(reasons(entry(count, "noenv")), ["not_environmental"]);
    assert_eq!(reasons(entry(count, "unknown")), ["environmental_unknown"]);
    assert_eq!(entry(count, "unknown")["environmental"], Value::Null);
    assert_eq!(get(&inds, "screening.eligible_share").value, Some(0.0));
    for (r, code) in [
        (Reason::TooFewEntities, "too_few_entities"),
        (Reason::NoBusiness, "no_business"),
        (Reason::NoKnowledge, "no_knowledge"),
        (Reason::NotEnvironmental, "not_environmental"),
        (Reason::EnvironmentalUnknown, "environmental_unknown"),
    ] {
        assert_eq!(r.code(), code);
    }
}

#[test]
fn an_entity_listed_twice_counts_once() {
    let mut rows = good("P", Some(true));
    // Same name, other case and spaces: the same entity.
    rows.insert(1, row("P", "  coop a ", "cooperativa", None, None));
    rows.truncate(3); // Coop A twice, Universidad B: two distinct entities.
    let inds = screening::compute(&rows);
    let e = entry(get(&inds, "screening.eligible"), "P");
    assert_eq!(e["entities"], 2);
    assert_eq!(e["businesses"], 1);
    assert_eq!(reasons(e), ["too_few_entities"]);
    assert_eq!(e["members"].as_array().unwrap().len(), 2);
}

#[test]
fn a_second_row_may_give_the_type_the_first_left_blank() {
    let rows = vec![
        row("P", "Coop A", "", None, Some(true)),
        row("P", "COOP A", "Productor", None, None),
        row("P", "Univ", "University", None, None),
        row("P", "Gob", "Gobierno", None, None),
    ];
    let inds = screening::compute(&rows);
    let e = entry(get(&inds, "screening.eligible"), "P");
    assert_eq!(e["entities"], 3);
    assert_eq!(e["businesses"], 1);
    assert_eq!(e["eligible"], true);
}

#[test]
fn an_unknown_type_is_other_and_kept_as_typed() {
    let mut rows = good("P", None);
    rows.push(row(
        "P",
        "Fundación D",
        "Fundación sin fines de lucro",
        None,
        None,
    ));
    rows.push(row("P", "Instituto E", "Capacitación técnica", None, None));
    let inds = screening::compute(&rows);
    let e = entry(get(&inds, "screening.eligible"), "P");
    assert_eq!(e["entities"], 5);
    assert_eq!(e["knowledge"], 1, "matched whole, never by substring");
    let members = e["members"].as_array().unwrap();
    assert_eq!(members[3]["type"], "other");
    assert_eq!(members[3]["typed"], "Fundación sin fines de lucro");
    assert_eq!(members[4]["type"], "other");
    assert_eq!(members[0]["type"], "business");
    assert_eq!(members[0]["typed"], "cooperativa");
    // A blank type is other too, with no typed text.
    let inds = screening::compute(&[row("Q", "X", "", None, None)]);
    let e = entry(get(&inds, "screening.eligible"), "Q");
    assert_eq!(e["members"][0]["type"], "other");
    assert_eq!(e["members"][0]["typed"], Value::Null);
}

#[test]
fn eligible_innovative_proposals_rank_first_and_blank_is_not_innovative() {
    let mut rows = Vec::new();
    rows.extend(good("ineligible", Some(true)).into_iter().take(2));
    rows.extend(good("plain", Some(false)));
    rows.extend(good("blank", None));
    rows.extend(good("innovative", Some(true)));
    let inds = screening::compute(&rows);
    let count = get(&inds, "screening.eligible");
    let order: Vec<&str> = entries(count)
        .iter()
        .map(|e| e["proposal"].as_str().unwrap())
        .collect();
    assert_eq!(order, ["innovative", "plain", "blank", "ineligible"]);
    assert_eq!(entry(count, "blank")["innovative"], Value::Null);
    assert_eq!(count.value, Some(3.0));
    assert_eq!(count.detail["eligible_innovative"], 1);
    assert_eq!(get(&inds, "screening.eligible_share").value, Some(0.75));
}

#[test]
fn without_proposals_both_are_insufficient() {
    let inds = screening::compute(&[]);
    for id in ["screening.eligible", "screening.eligible_share"] {
        let ind = get(&inds, id);
        assert_eq!(ind.status, Status::InsufficientData);
        assert_eq!(ind.value, None);
        assert_eq!(ind.note.as_ref().unwrap().code(), "table_empty");
    }
    // And so in a whole calculation of a document without the table.
    let results = compute(&Document::new("no proposals"));
    let ind = results.indicator("screening.eligible").unwrap();
    assert_eq!(ind.status, Status::InsufficientData);
}

const SPANISH: &str = "Propuesta;Entidad;Tipo de entidad;Innovadora;Ambiental;Año;Monto\n\
P-01;Cooperativa Café Alto;Cooperativa;sí;sí;2024;150.000,50\n\
P-01;Universidad del Valle;Universidad;;;;\n\
P-01;Alcaldía;Municipio;;;;\n\
P-02;Lácteos SA;Empresa;no;no;2024;80.000\n\
P-02;SENA;Capacitación;;;;\n\
P-02;Cámara de Comercio;Cámara;;;;\n\
P-03;Textiles Ltda;empresa;;;2025;\n\
P-03;textiles ltda;Empresa;;;;\n\
P-03;Centro Tecnológico;centro tecnologico;;;;\n";

#[test]
fn a_spanish_table_is_read_and_screened() {
    let r = read(SPANISH);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(r.report.rows_read, 9);
    let rows = rows(&r);
    assert_eq!(rows[0].proposal, "P-01");
    assert_eq!(rows[0].entity_type.as_deref(), Some("Cooperativa"));
    assert_eq!(rows[0].innovative, Some(true));
    assert_eq!(rows[0].amount, Some(150000.5));
    assert_eq!(rows[0].year, Some(2024));
    assert_eq!(rows[1].year, None, "a blank year is no error here");
    assert_eq!(rows[0].line, 2);
    let inds = screening::compute(rows);
    let count = get(&inds, "screening.eligible");
    assert_eq!(count.value, Some(1.0));
    assert_eq!(reasons(entry(count, "P-02")), ["not_environmental"]);
    let p3 = entry(count, "P-03");
    assert_eq!(p3["entities"], 2);
    assert_eq!(
        reasons(p3),
        ["too_few_entities", "environmental_unknown"],
        "{p3}"
    );
    assert_eq!(entry(count, "P-01")["amount"], 150000.5);
    assert_eq!(entry(count, "P-01")["year"], 2024);
}

#[test]
fn portuguese_and_english_headers() {
    let pt = "Proposta\tEntidade\tTipo de entidade\tInovadora\tSustentável\tValor\n\
              A\tCooperativa X\tCooperativa\tsim\tsim\t10\n\
              A\tUniversidade Y\tUniversidade\t\t\t\n\
              A\tPrefeitura\tgoverno\t\t\t\n";
    let r = read(pt);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let inds = screening::compute(rows(&r));
    assert_eq!(get(&inds, "screening.eligible").value, Some(1.0));
    let en = "proposal,entity,entity_type,innovative,environmental\n\
              B,Firm 1,firm,yes,yes\nB,Lab,research,,\nB,Chamber,chamber,,\n";
    let r = read(en);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(rows(&r).len(), 3);
    let headers: Vec<String> = r
        .report
        .headers
        .iter()
        .map(|h| format!("{:?}", h.outcome))
        .collect();
    assert!(headers.iter().all(|h| h.contains("Column")), "{headers:?}");
}

#[test]
fn a_later_row_contradicting_a_flag_is_a_row_error() {
    let text = "proposal\tentity\tentity_type\tinnovative\tenvironmental\n\
                P\tA\tfirm\tyes\t\n\
                P\tB\tuniversity\t\tyes\n\
                P\tC\tgovernment\tno\tyes\n\
                P\tD\tfirm\tyes\tno\n\
                Q\tE\tfirm\tno\tno\n";
    let r = read(text);
    let errs: Vec<(usize, Option<&str>, &RowErrorKind)> = r
        .errors
        .iter()
        .map(|e| (e.line, e.column.as_deref(), &e.kind))
        .collect();
    assert_eq!(
        errs,
        [
            (
                4,
                Some("innovative"),
                &RowErrorKind::ProposalChanged {
                    first_line: 2,
                    first: true
                }
            ),
            (
                5,
                Some("environmental"),
                &RowErrorKind::ProposalChanged {
                    first_line: 3,
                    first: true
                }
            ),
        ]
    );
    assert_eq!(r.errors[0].text, "no");
    assert_eq!(error_entry(&r.errors[0]).code, "proposal_changed");
    // The rows in error are excluded: P keeps A and B only; Q is another proposal.
    assert_eq!(r.report.rows_read, 3);
    assert_eq!(r.report.rows_excluded, 2);
    let inds = screening::compute(rows(&r));
    let p = entry(get(&inds, "screening.eligible"), "P");
    assert_eq!(p["entities"], 2);
}

#[test]
fn row_errors_have_their_line() {
    let text = "proposal;entity;entity_type;innovative;environmental;year;amount\n\
                P;A;firm;quizás;sí;2024;10\n\
                P;;firm;;;;\n\
                ;B;firm;;;;\n\
                P;C;firm;;;2024.5;\n\
                P;D;firm;;;;-5\n";
    let r = read(text);
    let lines: Vec<(usize, &str)> = r.errors.iter().map(|e| (e.line, e.kind.code())).collect();
    assert_eq!(
        lines,
        [
            (2, "invalid_yes_no"),
            (3, "missing_value"),
            (4, "missing_value"),
            (5, "year_not_integer"),
            (6, "negative_amount"),
        ]
    );
    assert_eq!(r.report.rows_read, 0);
}

#[test]
fn a_missing_required_column_makes_the_table_unreadable() {
    let r = read("proposal\tentity_type\nP\tfirm\n");
    assert!(r.report.unreadable);
    assert_eq!(r.errors[0].kind, RowErrorKind::MissingColumn);
    assert_eq!(r.errors[0].column.as_deref(), Some("entity"));
    // Without its optional columns it reads: every proposal lacks environmental.
    let r = read("propuesta\tentidad\nP\tA\nP\tB\nP\tC\n");
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let inds = screening::compute(rows(&r));
    let p = entry(get(&inds, "screening.eligible"), "P");
    assert_eq!(
        reasons(p),
        ["no_business", "no_knowledge", "environmental_unknown"]
    );
}

#[test]
fn year_suffixed_headers_do_not_make_proposals_wide() {
    let r = read("proposal\tentity\tamount 2024\nP\tA\t5\n");
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert!(!r.report.reshaped);
    assert_eq!(rows(&r).len(), 1);
}

#[test]
fn the_user_mapping_wins() {
    let mut mapping = std::collections::BTreeMap::new();
    mapping.insert("Socio".to_string(), Some("entity".to_string()));
    mapping.insert("Clase".to_string(), Some("entity_type".to_string()));
    let r = read_table(
        TableKind::Proposals,
        "Propuesta\tSocio\tClase\nP\tA\tempresa\n",
        &Settings::default(),
        Some(&mapping),
    );
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(rows(&r)[0].entity_type.as_deref(), Some("empresa"));
}

#[test]
fn the_document_keeps_the_table_and_compute_gives_the_same() {
    let mut doc = Document::new("screening");
    doc.tables.proposals = SPANISH.to_string();
    let json = doc.to_json();
    assert!(json.contains("\"proposals\""));
    let back = Document::from_json(&json).unwrap();
    assert_eq!(back.tables.proposals, SPANISH);
    let results = compute(&back);
    let ind = results.indicator("screening.eligible").unwrap();
    assert_eq!(ind.value, Some(1.0));
    let direct = screening::compute(rows(&read(SPANISH)));
    assert_eq!(ind, &direct[0]);
    // A document without the table does not mention it.
    let plain = Document::new("plain").to_json();
    assert!(!plain.contains("proposals"), "{plain}");
}

#[test]
fn ten_thousand_proposals_are_fine_and_fast() {
    let mut text = String::from("proposal\tentity\tentity_type\tinnovative\tenvironmental\n");
    for p in 0..10_000 {
        let (inn, env) = (["sí", "no", ""][p % 3], ["sí", "sí", "no", ""][p % 4]);
        text.push_str(&format!("P{p}\tEmpresa {p}\tempresa\t{inn}\t{env}\n"));
        text.push_str(&format!("P{p}\tUniversidad {}\tuniversidad\t\t\n", p % 7));
        if p % 5 != 0 {
            text.push_str(&format!("P{p}\tMunicipio {p}\tmunicipio\t\t\n"));
        }
    }
    let start = Instant::now();
    let mut doc = Document::new("large");
    doc.tables.proposals = text;
    let results = compute(&doc);
    let took = start.elapsed();
    let ind = results.indicator("screening.eligible").unwrap();
    assert!(results.errors.is_empty());
    assert_eq!(ind.n, 10_000);
    let want = (0..10_000)
        .filter(|p| p % 5 != 0 && [true, true, false, false][p % 4])
        .count();
    assert_eq!(ind.value, Some(want as f64));
    assert!(took.as_secs_f64() < 5.0, "{took:?}");
}

#[test]
fn cluster_eval_compute_gives_the_same() {
    let mut doc = Document::new("cli screening");
    doc.tables.proposals = SPANISH.to_string();
    let dir = std::env::temp_dir().join(format!("cluster-eval-screening-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("proposals.json");
    std::fs::write(&path, doc.to_json()).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cluster-eval"))
        .arg("compute")
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(printed["tables"]["proposals"], SPANISH);
    let results = compute(&doc);
    for id in ["screening.eligible", "screening.eligible_share"] {
        let cli = printed["results"]["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap();
        let lib = serde_json::to_value(results.indicator(id).unwrap()).unwrap();
        assert_eq!(cli, &lib, "{id}");
        assert_eq!(cli["horizon"], "screening");
    }
    let _ = std::fs::remove_dir_all(dir);
}
