//! The screening table's logic: rows from the engine's detail, in its order, marks,
//! the filter, every reason in words in three languages, and the CSV (separator per
//! language, formula injection guarded).

use cluster_eval_engine::{compute, Document};
use cluster_eval_ui::i18n::Lang;
use cluster_eval_ui::screening::{self, Criterion, Label, Mark};

const SPANISH: &str = "Propuesta;Entidad;Tipo de entidad;Innovadora;Ambiental\n\
P-01;Cooperativa Café Alto;Cooperativa;no;sí\n\
P-01;Universidad del Valle;Universidad;;\n\
P-01;Alcaldía;Municipio;;\n\
=HYPERLINK(\"x\");Lácteos SA;Empresa;sí;no\n\
=HYPERLINK(\"x\");SENA;Capacitación;;\n\
=HYPERLINK(\"x\");Cámara;Cámara;;\n\
P-03;Textiles;empresa;sí;sí\n\
P-03;Centro Tecnológico;centro tecnologico;;\n\
P-03;Fundación Verde;ONG ambiental;;\n\
P-04;Solo;empresa;;\n";

fn lines() -> Vec<screening::ProposalLine> {
    let mut doc = Document::new("screening");
    doc.tables.proposals = SPANISH.to_string();
    let results = compute(&doc);
    let ind = results
        .indicator(screening::ID)
        .expect("screening.eligible");
    screening::lines(ind)
}

#[test]
fn rows_come_in_the_engines_order_with_their_marks() {
    let lines = lines();
    let names: Vec<&str> = lines.iter().map(|l| l.proposal.as_str()).collect();
    assert_eq!(names, ["P-03", "P-01", "=HYPERLINK(\"x\")", "P-04"]);
    let p3 = &lines[0];
    assert!(p3.eligible);
    assert_eq!(p3.line, 8);
    assert_eq!(
        Criterion::ALL.map(|c| screening::mark(p3, c)),
        [Mark::Yes; 5]
    );
    assert_eq!(
        screening::members_text(Lang::Es, p3),
        "Textiles (empresa) · Centro Tecnológico (institución de conocimiento) · Fundación Verde (otro: ONG ambiental)"
    );
    let p4 = &lines[3];
    assert_eq!(screening::mark(p4, Criterion::Environmental), Mark::Unknown);
    assert_eq!(screening::mark(p4, Criterion::Entities), Mark::No);
    assert_eq!(
        screening::reasons_text(Lang::En, p4),
        "fewer than three distinct entities; no knowledge institution (university, technology centre, research or training body); environmental sustainability not stated on any row"
    );
    let ineligible: Vec<&str> = screening::filtered(&lines, true)
        .iter()
        .map(|l| l.proposal.as_str())
        .collect();
    assert_eq!(ineligible, ["=HYPERLINK(\"x\")", "P-04"]);
    assert_eq!(screening::filtered(&lines, false).len(), 4);
}

#[test]
fn every_reason_and_type_is_worded_in_three_languages() {
    for lang in Lang::ALL {
        for code in [
            "too_few_entities",
            "no_business",
            "no_knowledge",
            "not_environmental",
            "environmental_unknown",
        ] {
            let text = screening::reason_text(lang, code);
            assert_ne!(text, code, "{code} in {lang:?}");
        }
        for kind in [
            "business",
            "knowledge",
            "government",
            "association",
            "other",
        ] {
            assert!(!screening::type_text(lang, kind, None).is_empty());
        }
        assert_ne!(
            screening::verdict(lang, true),
            screening::verdict(lang, false)
        );
        assert!(screening::label(lang, Label::Capped).contains("{shown}"));
    }
    // A reason from a newer version is shown as it is.
    assert_eq!(
        screening::reason_text(Lang::Pt, "over_budget"),
        "over_budget"
    );
}

#[test]
fn the_csv_follows_the_language_and_guards_formulas() {
    let lines = lines();
    let es = screening::csv(Lang::Es, &lines);
    assert!(es.starts_with('\u{feff}'));
    let rows: Vec<&str> = es.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(rows.len(), 6, "header, four proposals, the last line break");
    assert!(
        rows[0].starts_with("\"Propuesta\";\"línea\";"),
        "{}",
        rows[0]
    );
    assert!(
        rows[1].starts_with("\"P-03\";8;3;1;1;\"sí\";\"sí\";\"elegible\""),
        "{}",
        rows[1]
    );
    // The proposal named like a formula is written with the apostrophe guard.
    assert!(
        rows[3].starts_with("\"'=HYPERLINK(\"\"x\"\")\";5;"),
        "{}",
        rows[3]
    );
    let en = screening::csv(Lang::En, &lines);
    assert!(
        en.contains("\"P-03\",8,3,1,1,\"yes\",\"yes\",\"eligible\""),
        "{en}"
    );
}

#[test]
fn the_rows_shown_keep_every_pasted_text_as_it_was_typed() {
    let (rows, capped) = screening::shown(Lang::Es, lines(), false);
    assert_eq!(rows.len(), 4);
    assert_eq!(capped, None);
    assert!(rows[0].eligible && rows[0].proposal == "P-03");
    assert_eq!(screening::classes(rows[0].eligible), ("eligible", "met"));
    assert_eq!(screening::classes(false), ("not-eligible", "not_met"));
    // The proposal named like markup is text as typed (the page draws it as text).
    assert_eq!(rows[2].proposal, "=HYPERLINK(\"x\")");
    assert_eq!(
        screening::cell(&rows[3], Criterion::Environmental),
        (Mark::Unknown, None)
    );
    assert_eq!(
        screening::cell(&rows[0], Criterion::Entities),
        (Mark::Yes, Some(3))
    );
    assert_eq!(screening::mark_word(Lang::Es, Mark::Unknown), "sin dato");
    assert!(screening::reasons_text(Lang::Es, &rows[3]).contains("no consta en ninguna fila"));
    // An `other` entity shows its word and, apart, the type as typed.
    let member = &rows[0].members[2];
    assert_eq!(screening::type_word(Lang::Es, &member.kind), "otro");
    assert_eq!(
        screening::typed_shown(&member.kind, member.typed.as_deref()),
        Some("ONG ambiental")
    );
    assert_eq!(
        screening::typed_shown(
            &rows[0].members[0].kind,
            rows[0].members[0].typed.as_deref()
        ),
        None
    );
    let (only, _) = screening::shown(Lang::En, lines(), true);
    assert_eq!(only.len(), 2);
    assert!(only.iter().all(|l| !l.eligible));
}

#[test]
fn a_long_list_is_cut_on_the_page_and_says_so() {
    let line = screening::ProposalLine {
        proposal: "P".into(),
        line: 2,
        entities: 1,
        businesses: 0,
        knowledge: 0,
        innovative: None,
        environmental: None,
        eligible: false,
        reasons: vec!["too_few_entities".into()],
        members: Vec::new(),
    };
    let lines = vec![line; screening::SHOWN + 7];
    let (rows, capped) = screening::shown(Lang::En, lines.clone(), false);
    assert_eq!(rows.len(), screening::SHOWN);
    assert_eq!(
        capped.as_deref(),
        Some("500 of 507 proposals shown; the CSV has them all.")
    );
    assert_eq!(
        screening::csv(Lang::En, &lines).matches("\r\n").count(),
        508
    );
}
