//! The portfolio page's logic (issue 15): files in and out, filters, sorting, the
//! sentence of a pooled estimate and the table as CSV.

use cluster_eval_engine::portfolio::{self, Member};
use cluster_eval_engine::{Document, DocumentError, Horizon, Indicator, Results, Status, Unit};
use cluster_eval_ui::i18n::Lang;
use cluster_eval_ui::portfolio::{
    choices, filter, link_text, read_file, sentence, sort, table_csv, to_json, FileError, Filters,
    SortKey, TEXTS,
};
use cluster_eval_ui::{example, messages};

const ID: &str = "long.beneficiaries.sales.vs_control";

fn member(name: &str, country: &str, value: Option<f64>, ci: Option<[f64; 2]>) -> Member {
    let mut document = Document::new(name);
    document.project.currency = "USD".into();
    document.project.country = Some(country.into());
    document.tables.firms = format!("firm\tyear\n{name}\t2019\n");
    let mut indicator = Indicator::new(ID, Horizon::Long, Unit::Ratio);
    indicator.value = value;
    indicator.ci = ci;
    indicator.status = if value.is_some() {
        Status::Met
    } else {
        Status::InsufficientData
    };
    Member {
        document,
        results: Results {
            indicators: vec![indicator],
            baseline_year: Some(2019),
            followup_year: Some(2023),
            ..Results::default()
        },
        firms: 1,
    }
}

fn three() -> Vec<Member> {
    vec![
        member("A", "Nicaragua", Some(0.10), Some([0.002, 0.198])),
        member("B", "Argentina", Some(0.30), Some([0.104, 0.496])),
        member("C", "Nicaragua", Some(0.20), Some([0.102, 0.298])),
    ]
}

#[test]
fn every_text_is_in_three_languages_and_listed_once() {
    let mut keys: Vec<&str> = TEXTS.iter().map(|r| r.0).collect();
    keys.sort();
    let before = keys.len();
    keys.dedup();
    assert_eq!(before, keys.len(), "a key is listed twice");
    for (key, en, es, pt) in TEXTS {
        assert!(!en.is_empty() && !es.is_empty() && !pt.is_empty(), "{key}");
    }
    // The main page's only text of the portfolio is its link, outside its catalogue.
    assert!(messages::CATALOGUE
        .iter()
        .all(|r| !r.0.starts_with("portfolio")));
    assert_eq!(
        Lang::ALL.map(link_text),
        ["Portfolio", "Cartera", "Portfólio"]
    );
}

#[test]
fn the_sentence_says_what_the_pooled_estimate_means_in_three_languages() {
    let pooled = portfolio::pool(&three(), ID).unwrap();
    let en = sentence(Lang::En, &pooled).unwrap();
    assert_eq!(
        en,
        "Across 3 projects, beneficiary firms' sales grew 18\u{a0}pp more than their control firms' (95% interval 8 to 28\u{a0}pp); the projects differ moderately (I² 50\u{a0}%)."
    );
    let es = sentence(Lang::Es, &pooled).unwrap();
    assert!(
        es.starts_with(
            "En 3 proyectos, las ventas de las empresas beneficiarias crecieron 18\u{a0}pp más"
        ),
        "{es}"
    );
    let pt = sentence(Lang::Pt, &pooled).unwrap();
    assert!(
        pt.starts_with(
            "Em 3 projetos, as vendas das empresas beneficiárias cresceram 18\u{a0}pp mais"
        ),
        "{pt}"
    );
    // Nothing pooled, no sentence.
    let one = portfolio::pool(&three()[..1], ID).unwrap();
    assert!(sentence(Lang::En, &one).is_none());
}

#[test]
fn a_negative_pooled_difference_reads_as_less() {
    let members = vec![
        member("A", "X", Some(-0.10), Some([-0.198, -0.002])),
        member("B", "Y", Some(-0.10), Some([-0.198, -0.002])),
    ];
    let text = sentence(Lang::En, &portfolio::pool(&members, ID).unwrap()).unwrap();
    assert!(text.contains("grew 10\u{a0}pp less"), "{text}");
    assert!(text.contains("differ little"), "{text}");
}

#[test]
fn filters_and_their_choices() {
    let members = three();
    assert_eq!(
        choices(&members, cluster_eval_ui::portfolio::Fact::Country),
        ["Argentina", "Nicaragua"]
    );
    let nicaragua = Filters {
        country: Some("Nicaragua".into()),
        ..Filters::default()
    };
    assert_eq!(filter(&members, &nicaragua), [0, 2]);
    assert_eq!(filter(&members, &Filters::default()), [0, 1, 2]);
}

#[test]
fn sorting_by_a_value_puts_projects_without_one_last() {
    let mut members = three();
    members.push(member("D", "Peru", None, None));
    let table = portfolio::table(&members, &[ID]);
    assert_eq!(sort(&table, &SortKey::Id(ID.into()), false), [0, 2, 1, 3]);
    assert_eq!(sort(&table, &SortKey::Id(ID.into()), true), [1, 2, 0, 3]);
    assert_eq!(sort(&table, &SortKey::Country, false), [1, 0, 2, 3]);
    assert_eq!(sort(&table, &SortKey::Name, true), [3, 2, 1, 0]);
}

#[test]
fn the_csv_opens_in_a_spanish_excel() {
    let members = three();
    let table = portfolio::table(&members, &[ID]);
    let pooled = portfolio::pool(&members, ID).unwrap();
    let es = table_csv(Lang::Es, &table, Some(&pooled));
    assert!(es.starts_with('\u{feff}'));
    let lines: Vec<&str> = es.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert!(
        lines[0].starts_with("\"row\";\"Proyecto\";\"País\""),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].contains(";0,1;0,002;0,198;\"met\""),
        "{}",
        lines[1]
    );
    assert!(lines[4].starts_with("\"median\";"), "{}", lines[4]);
    assert!(lines[4].contains(";0,2;"), "{}", lines[4]);
    assert!(
        es.contains("\"pooled\";\"long.beneficiaries.sales.vs_control\";0,17"),
        "{es}"
    );
    let en = table_csv(Lang::En, &table, None);
    assert!(en
        .split("\r\n")
        .nth(1)
        .unwrap()
        .contains(",0.1,0.002,0.198,\"met\""));
    // A project named like a formula is guarded.
    let mut evil = three();
    evil[0].document.project.name = "=1+2".into();
    let table = portfolio::table(&evil, &[ID]);
    assert!(table_csv(Lang::En, &table, None).contains("\"'=1+2\""));
}

#[test]
fn the_portfolio_file_reopens_as_the_same_documents() {
    let mut a = example::document(Lang::En);
    a.project.name = "Masaya".into();
    let mut b = example::document(Lang::Es);
    b.project.name = "Chontales".into();
    let members: Vec<Member> = [a.clone(), b.clone()]
        .into_iter()
        .map(portfolio::member)
        .collect();
    let text = to_json(&members);
    assert!(text.contains("\"format\": \"cluster-eval-portfolio\""));
    assert!(text.contains("\"results\""));
    let back = read_file(&text).expect("reopens");
    assert_eq!(back, vec![a.clone(), b]);
    let again: Vec<Member> = back.into_iter().map(portfolio::member).collect();
    assert_eq!(
        portfolio::table(&again, &[ID]),
        portfolio::table(&members, &[ID])
    );
    // A single document is read as a portfolio of one.
    assert_eq!(read_file(&a.to_json()).unwrap(), vec![a]);
}

#[test]
fn bad_files_are_refused_with_their_reason() {
    assert!(matches!(
        read_file(r#"{"format":"something-else","version":1}"#),
        Err(FileError::Document(DocumentError::WrongFormat { .. }))
    ));
    assert_eq!(
        read_file(r#"{"format":"cluster-eval-portfolio","version":2,"documents":[]}"#),
        Err(FileError::NewerPortfolio { found: 2 })
    );
    assert_eq!(
        read_file(r#"{"format":"cluster-eval-portfolio","version":1}"#),
        Err(FileError::BadPortfolio)
    );
    assert!(matches!(
        read_file(
            r#"{"format":"cluster-eval-portfolio","version":1,"documents":[{"format":"cluster-eval","version":99}]}"#
        ),
        Err(FileError::InPortfolio {
            n: 1,
            error: DocumentError::NewerVersion { .. }
        })
    ));
    assert!(matches!(
        read_file(r#"{"format":"cluster-eval","version":99,"project":{},"tables":{}}"#),
        Err(FileError::Document(DocumentError::NewerVersion { .. }))
    ));
}
