//! The portfolio page's logic (issue 15): files in and out, filters, sorting, the
//! sentence of a pooled estimate and the table as CSV.

use cluster_eval_engine::contexts;
use cluster_eval_engine::portfolio::ContextFact;
use cluster_eval_engine::portfolio::{self, Member};
use cluster_eval_engine::SectorType;
use cluster_eval_engine::{Document, DocumentError, Horizon, Indicator, Results, Status, Unit};
use cluster_eval_ui::i18n::Lang;
use cluster_eval_ui::portfolio::{
    cell_verdict_word, choices, copy_notice, filter, level_name, link_text, median_text,
    pooled_verdict, read_file, sentence, sort, subgroup_sentence, table_csv, to_json, totals_lines,
    verdict_counts, wrap_name, FileError, Filters, Origin, SortKey, TEXTS,
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
fn the_sentence_uses_hartung_knapp_and_says_few_projects_in_three_languages() {
    let pooled = portfolio::pool(&three(), ID).unwrap();
    assert!(pooled.few_projects);
    // The worked example of docs/portfolio.md: pooled 8/45, HKSJ −0.0465 to 0.4020,
    // prediction −0.8304 to 1.1860.
    let en = sentence(Lang::En, &pooled).unwrap();
    assert_eq!(
        en,
        "Pooled over 3 projects (few projects): the beneficiary firms' sales grew 18 percentage points more than in the control firms (95% confidence interval by Hartung–Knapp −5 to 40): not conclusive. \
         The projects differ moderately (I² 50\u{a0}%). \
         A new project of the same kind would likely fall between −83 and 119 percentage points (95% prediction interval)."
    );
    assert!(!en.contains("met"), "{en}");
    let es = sentence(Lang::Es, &pooled).unwrap();
    assert!(
        es.starts_with(
            "Combinando 3 proyectos (pocos proyectos): las ventas de las empresas beneficiarias crecieron 18 puntos porcentuales más que en las empresas de control (intervalo de confianza del 95 % por Hartung–Knapp: −5 a 40): no concluyente."
        ),
        "{es}"
    );
    assert!(es.contains("intervalo de predicción"), "{es}");
    let pt = sentence(Lang::Pt, &pooled).unwrap();
    assert!(
        pt.starts_with(
            "Combinando 3 projetos (poucos projetos): as vendas das empresas beneficiárias cresceram 18 pontos percentuais mais que nas empresas de controle (intervalo de confiança de 95% por Hartung–Knapp: −5 a 40): não conclusivo."
        ),
        "{pt}"
    );
    assert_eq!(pooled_verdict(&pooled), Some("not_conclusive"));
    // Nothing pooled, no sentence.
    let one = portfolio::pool(&three()[..1], ID).unwrap();
    assert!(sentence(Lang::En, &one).is_none());
    // Five projects: no "few projects"; a Hartung–Knapp interval above zero is
    // favourable.
    let five: Vec<Member> = (0..5)
        .map(|n| {
            let x = 0.15 + 0.01 * n as f64;
            member(&format!("P{n}"), "X", Some(x), Some([x - 0.05, x + 0.05]))
        })
        .collect();
    let pooled = portfolio::pool(&five, ID).unwrap();
    let en = sentence(Lang::En, &pooled).unwrap();
    assert!(en.starts_with("Pooled over 5 projects: "), "{en}");
    assert!(en.contains("): favourable."), "{en}");
    assert_eq!(pooled_verdict(&pooled), Some("favourable"));
}

#[test]
fn a_negative_pooled_difference_reads_as_less() {
    let members = vec![
        member("A", "X", Some(-0.10), Some([-0.198, -0.002])),
        member("B", "Y", Some(-0.10), Some([-0.198, -0.002])),
    ];
    let pooled = portfolio::pool(&members, ID).unwrap();
    let text = sentence(Lang::En, &pooled).unwrap();
    assert!(text.contains("grew 10 percentage points less"), "{text}");
    assert!(text.contains("differ little"), "{text}");
    // Two identical projects: the HKSJ interval has zero width, below zero.
    assert_eq!(pooled_verdict(&pooled), Some("unfavourable"));
    assert!(text.contains(": unfavourable."), "{text}");
}

fn typed(mut m: Member, sector_type: SectorType, cost: f64) -> Member {
    m.document.project.sector_type = Some(sector_type);
    m.document.project.cost_total = Some(cost);
    m
}

fn by_sector_type() -> Vec<Member> {
    vec![
        typed(
            member("A", "Nicaragua", Some(0.24), Some([0.20, 0.28])),
            SectorType::Modern,
            100_000.0,
        ),
        typed(
            member("B", "Peru", Some(0.24), Some([0.21, 0.27])),
            SectorType::Modern,
            200_000.0,
        ),
        typed(
            member("C", "Peru", Some(0.09), Some([0.05, 0.13])),
            SectorType::Traditional,
            2_000_000.0,
        ),
        typed(
            member("D", "Chile", Some(0.09), Some([0.04, 0.14])),
            SectorType::Traditional,
            50_000.0,
        ),
    ]
}

#[test]
fn levels_are_named_in_the_reader_s_words_and_free_text_as_typed() {
    assert_eq!(
        level_name(Lang::En, ContextFact::SectorType, "modern"),
        ("modern sector".to_string(), false)
    );
    assert_eq!(
        level_name(Lang::Es, ContextFact::SectorType, "traditional"),
        ("sector tradicional".to_string(), false)
    );
    assert_eq!(
        level_name(Lang::Pt, ContextFact::AgencyType, "university"),
        ("universidade".to_string(), false)
    );
    assert_eq!(
        level_name(Lang::En, ContextFact::CostBand, "under_150k"),
        ("under US$150,000".to_string(), false)
    );
    assert_eq!(
        level_name(Lang::Es, ContextFact::CostBand, "1500k_plus"),
        ("US$1,5 millones o más".to_string(), false)
    );
    assert_eq!(
        level_name(Lang::Es, ContextFact::Country, "unknown"),
        ("desconocido".to_string(), false)
    );
    // A country is as typed, even one spelled like a code.
    assert_eq!(
        level_name(Lang::Es, ContextFact::Country, "modern"),
        ("modern".to_string(), true)
    );
    assert_eq!(
        level_name(Lang::En, ContextFact::Sector, "Café"),
        ("Café".to_string(), true)
    );
    // Every level code of the engine has its words.
    for fact in ContextFact::ALL {
        for lang in Lang::ALL {
            let members = by_sector_type();
            let by = contexts::by_context(&members, ID, fact).unwrap();
            for l in &by.levels {
                let (name, typed) = level_name(lang, fact, &l.level);
                assert!(!name.is_empty());
                if !typed {
                    assert_ne!(name, format!("level.{}", l.level));
                }
            }
        }
    }
}

#[test]
fn the_subgroup_test_in_a_plain_sentence_in_three_languages() {
    let members = by_sector_type();
    let by = contexts::by_context(&members, ID, ContextFact::SectorType).unwrap();
    assert!(by.p.unwrap() < 0.05, "{by:?}");
    let en = subgroup_sentence(Lang::En, &by).unwrap();
    assert!(
        en.starts_with("The effect differs between modern sector and traditional sector: 24 against 9 percentage points, p "),
        "{en}"
    );
    let es = subgroup_sentence(Lang::Es, &by).unwrap();
    assert!(
        es.starts_with("El efecto difiere entre sector moderno y sector tradicional: 24 frente a 9 puntos porcentuales, p "),
        "{es}"
    );
    let pt = subgroup_sentence(Lang::Pt, &by).unwrap();
    assert!(pt.starts_with("O efeito difere entre setor moderno e setor tradicional: 24 contra 9 pontos percentuais"), "{pt}");
    // Countries: as typed, marked for a <bdi>; no difference shown.
    let mut same = by_sector_type();
    same[2].document.project.country = Some("Nicaragua".into());
    same[1].document.project.country = Some("Chile".into());
    let by = contexts::by_context(&same, ID, ContextFact::Country).unwrap();
    let en = subgroup_sentence(Lang::En, &by).unwrap();
    assert!(en.starts_with("No difference between \u{2068}Nicaragua\u{2069} and \u{2068}Chile\u{2069} could be shown (p "), "{en}");
    assert!(en.contains("(p = 0.") || en.contains("(p = 1"), "{en}");
    // Fewer than two levels with an estimate: no sentence.
    let one = contexts::by_context(&by_sector_type()[..2], ID, ContextFact::SectorType).unwrap();
    assert!(subgroup_sentence(Lang::En, &one).is_none());
}

#[test]
fn totals_per_currency() {
    let mut members = by_sector_type();
    members[3].document.project.currency = "nio".into();
    let totals = contexts::totals(&members);
    let lines = totals_lines(Lang::En, &totals);
    let get = |k: &str| lines.iter().find(|l| l.0 == k).unwrap().2.clone();
    assert_eq!(get("projects"), "4");
    assert_eq!(get("countries"), "3");
    assert_eq!(get("cost_total"), "NIO\u{a0}50,000; USD\u{a0}2,300,000");
    assert_eq!(get("cost_mif"), "—");
    let es = totals_lines(Lang::Es, &totals);
    assert_eq!(es[3].2, "NIO\u{a0}50.000; USD\u{a0}2.300.000");
}

#[test]
fn the_csv_carries_the_levels_and_the_test() {
    let members = by_sector_type();
    let table = portfolio::table(&members, &[ID]);
    let pooled = portfolio::pool(&members, ID).unwrap();
    let by = contexts::by_context(&members, ID, ContextFact::SectorType).unwrap();
    let csv = table_csv(Lang::En, &table, Some(&pooled), Some(&by));
    assert!(csv.contains("\"level\",\"long.beneficiaries.sales.vs_control\",\"sector_type\",\"modern\",\"modern sector\",2,"), "{csv}");
    assert!(csv.contains("\"level\",\"long.beneficiaries.sales.vs_control\",\"sector_type\",\"traditional\",\"traditional sector\",2,"), "{csv}");
    assert!(
        csv.contains("\"subgroup_test\",\"long.beneficiaries.sales.vs_control\",\"sector_type\","),
        "{csv}"
    );
    assert!(
        csv.contains("\"hk_low\",\"hk_high\",\"pi_low\",\"pi_high\""),
        "{csv}"
    );
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
    let es = table_csv(Lang::Es, &table, Some(&pooled), None);
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
    let en = table_csv(Lang::En, &table, None, None);
    assert!(en
        .split("\r\n")
        .nth(1)
        .unwrap()
        .contains(",0.1,0.002,0.198,\"met\""));
    // A project named like a formula is guarded.
    let mut evil = three();
    evil[0].document.project.name = "=1+2".into();
    let table = portfolio::table(&evil, &[ID]);
    assert!(table_csv(Lang::En, &table, None, None).contains("\"'=1+2\""));
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

#[test]
fn names_wrap_on_two_lines_and_are_cut_with_an_ellipsis() {
    assert_eq!(wrap_name("Project 1"), ["Project 1"]);
    assert_eq!(
        wrap_name("Cluster lácteo de Chontales y Boaco, Nicaragua"),
        ["Cluster lácteo de", "Chontales y Boaco,…"]
    );
    let long = wrap_name(
        "Programa de fortalecimiento de la competitividad del cluster de turismo de Uva Isabella",
    );
    assert_eq!(long.len(), 2);
    assert!(long[1].ends_with('…'), "{long:?}");
    assert!(long.iter().all(|l| l.chars().count() <= 26), "{long:?}");
    let word = wrap_name(&"x".repeat(60));
    assert_eq!(word.len(), 2);
    assert!(word[1].ends_with('…'));
}

#[test]
fn the_table_words_verdicts_never_met() {
    let mut members = three();
    members.push(member("D", "Peru", Some(-0.05), Some([-0.2, 0.1])));
    members[3].results.indicators[0].status = Status::NotMet;
    members.push(member("E", "Peru", None, None));
    // A copy is counted once.
    let mut copy = members[0].clone();
    copy.document.project.name = "A again".into();
    members.push(copy);
    let table = portfolio::table(&members, &[ID]);
    let counts = verdict_counts(&table, |_, _| false);
    assert_eq!(
        counts,
        vec![vec![
            ("favourable", 3),
            ("not_conclusive", 1),
            ("insufficient_data", 1)
        ]]
    );
    // With a target, the verdict says so.
    let with_target = verdict_counts(&table, |r, _| r == 0);
    assert_eq!(with_target[0][0], ("favourable", 2));
    assert!(with_target[0].contains(&("target_met", 1)));
    assert_eq!(
        cell_verdict_word(Lang::Es, "not_conclusive"),
        "no concluyente"
    );
    assert_eq!(cell_verdict_word(Lang::Pt, "favourable"), "favorável");
}

#[test]
fn the_json_export_carries_the_levels_and_reopens_as_before() {
    let members = by_sector_type();
    let by = contexts::by_context(&members, ID, ContextFact::SectorType).unwrap();
    let text = cluster_eval_ui::portfolio::to_json_with(&members, Some(&by));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let levels = value["compared_by"]["levels"].as_array().unwrap();
    assert_eq!(levels.len(), 2);
    assert_eq!(levels[0]["level"], "modern");
    assert_eq!(value["compared_by"]["by"], "sector_type");
    let back = read_file(&text).expect("reopens");
    assert_eq!(back.len(), 4);
}

/// Issue 24: two copies have the same project name, so the notice names where each
/// came from: the files the reader opened, or the saved projects.
#[test]
fn the_copy_notice_names_both_files() {
    let file = |name: &str, n, count| Origin::File {
        name: name.into(),
        n,
        count,
    };
    let saved = Origin::Saved {
        name: "Córdoba".into(),
    };
    let plain = |s: String| s.replace(['\u{2068}', '\u{2069}'], "");
    assert_eq!(
        plain(copy_notice(
            Lang::En,
            &file("copy.json", 1, 1),
            &file("d0.json", 1, 1)
        )),
        "“copy.json” is a copy of “d0.json”: both are shown, and it is counted once."
    );
    assert_eq!(
        plain(copy_notice(Lang::En, &saved, &file("all.json", 2, 3))),
        "The saved project “Córdoba” is a copy of document 2 of “all.json”: both are shown, and it is counted once."
    );
    assert_eq!(
        plain(copy_notice(Lang::Es, &file("copia.json", 1, 1), &saved)),
        "«copia.json» es una copia del proyecto guardado «Córdoba»: se muestran ambos y se cuenta una vez."
    );
    assert_eq!(
        plain(copy_notice(Lang::Pt, &saved, &saved)),
        "O projeto salvo “Córdoba” é uma cópia do projeto salvo “Córdoba”: ambos são mostrados e ele é contado uma vez."
    );
    // The names are isolates: a file named in Arabic cannot reorder the sentence.
    let notice = copy_notice(Lang::En, &file("نسخة.json", 1, 1), &file("d0.json", 1, 1));
    assert!(notice.contains("\u{2068}نسخة.json\u{2069}"), "{notice}");
}

/// A project in `currency` with a cost per job and a return per dollar.
fn money(name: &str, currency: &str, cost_per_job: f64, per_dollar: f64) -> Member {
    let mut m = member(name, "Colombia", Some(0.1), None);
    m.document.project.currency = currency.into();
    for (id, unit, value) in [
        ("long.cost_per_job", Unit::Currency, cost_per_job),
        ("long.return_per_dollar", Unit::Ratio, per_dollar),
    ] {
        let mut indicator = Indicator::new(id, Horizon::Long, unit);
        indicator.value = Some(value);
        indicator.status = Status::Reported;
        m.results.indicators.push(indicator);
    }
    m
}

/// Issue 24: the median of a money figure over USD and COP projects is not labelled
/// with one of them: "—" and the currencies; over one currency, in that currency
/// (not the first project's, which may have no value).
#[test]
fn a_median_of_money_over_several_currencies_is_not_labelled_with_one() {
    let ids = ["long.cost_per_job", "long.return_per_dollar", ID];
    let members = vec![
        money("A", "USD", 1000.0, 2.0),
        money("B", "cop ", 4_000_000.0, 3.0),
        money("C", "USD", 3000.0, 5.0),
    ];
    let table = portfolio::table(&members, &ids);
    let text = |lang, i: usize| median_text(lang, &table, &table.summaries[i]);
    let hint = "projects in several currencies: COP, USD".to_string();
    assert_eq!(text(Lang::En, 0), ("—".into(), Some(hint.clone())));
    assert_eq!(text(Lang::En, 1), ("—".into(), Some(hint)));
    assert_eq!(
        text(Lang::Es, 1).1.as_deref(),
        Some("proyectos en varias monedas: COP, USD")
    );
    assert_eq!(
        text(Lang::Pt, 0).1.as_deref(),
        Some("projetos em várias moedas: COP, USD")
    );
    // A ratio without money: its median whatever the currencies.
    assert_eq!(text(Lang::En, 2), ("+10.0\u{a0}pp".into(), None));

    // One currency among the projects with a value: labelled with it.
    let mut members = members;
    members[1].document.project.currency = "EUR".into();
    members[1].results.indicators.retain(|i| i.id == ID);
    members.swap(0, 1);
    let table = portfolio::table(&members, &ids);
    let text = |i: usize| median_text(Lang::En, &table, &table.summaries[i]);
    assert_eq!(text(0), ("2,000 USD".into(), None));
    assert_eq!(text(1), ("3.50 USD".into(), None));
}
