//! The summary: status counts per horizon and the key findings, natively. Exact
//! sentences are checked on results pinned in `tests/data/summary_results.json` (the
//! built-in example's long, medium, short and pro-poor results before design checks
//! and screening), changed to reach every branch of the rule; the live example is
//! checked by rule (whatever its data become).

use cluster_eval_engine::{Results, Status};
use cluster_eval_ui::i18n::Lang;
use cluster_eval_ui::summary::{self, Finding};
use cluster_eval_ui::verdict::{verdict, Verdict};
use cluster_eval_ui::{example, i18n};

/// The pinned results.
fn example_results() -> Results {
    serde_json::from_str(include_str!("data/summary_results.json")).expect("pinned results")
}

/// The built-in example as it computes today.
fn live_example() -> Results {
    cluster_eval_engine::compute(&example::document(Lang::En))
}

fn no_targets() -> summary::Targets {
    summary::Targets::new()
}

fn texts(findings: &[Finding]) -> Vec<&str> {
    findings.iter().map(|f| f.text.as_str()).collect()
}

#[test]
fn counts_cover_every_indicator_by_horizon_in_order() {
    let results = example_results();
    let counts = summary::counts(&results, &no_targets());
    let horizons: Vec<&str> = counts.iter().map(|c| c.horizon.as_str()).collect();
    assert_eq!(horizons, ["long", "medium", "short", "pro_poor"]);
    let total: usize = counts.iter().map(|c| c.total()).sum();
    assert_eq!(total, results.indicators.len());
    for count in &counts {
        let by_hand = |wanted: &[Verdict]| {
            results
                .indicators
                .iter()
                .filter(|i| {
                    summary::horizon_code(i) == count.horizon && wanted.contains(&verdict(i, false))
                })
                .count()
        };
        use Verdict::*;
        assert_eq!(count.positive, by_hand(&[Favourable, Passed, TargetMet]));
        assert_eq!(
            count.negative,
            by_hand(&[Unfavourable, Failed, TargetNotMet])
        );
        assert_eq!(count.not_conclusive, by_hand(&[NotConclusive]));
        assert_eq!(count.insufficient + count.no_verdict, by_hand(&[None]));
    }
    let long = &counts[0];
    assert_eq!(
        (long.positive, long.negative, long.insufficient),
        (18, 0, 0)
    );
    // Unskilled and informal workers lose jobs and share; micro and small firms lag.
    let pro_poor = &counts[3];
    assert_eq!(pro_poor.negative, 6);
}

#[test]
fn horizons_come_in_the_summary_order_whatever_the_results_order() {
    let mut results = example_results();
    results.indicators.reverse();
    let horizons: Vec<String> = summary::counts(&results, &no_targets())
        .into_iter()
        .map(|c| c.horizon)
        .collect();
    assert_eq!(horizons, ["long", "medium", "short", "pro_poor"]);
    // Horizons other engines add: design first, screening after the pro-poor checks,
    // one this page does not know last.
    let mut codes = ["screening", "newer", "pro_poor", "long", "design"];
    codes.sort_by_key(|c| summary::horizon_rank(c));
    assert_eq!(codes, ["design", "long", "pro_poor", "screening", "newer"]);
    for lang in Lang::ALL {
        for code in summary::HORIZON_ORDER {
            assert!(!summary::horizon_label(lang, code).contains('.'), "{code}");
        }
        assert_eq!(summary::horizon_label(lang, "newer"), "newer");
    }
}

#[test]
fn the_example_english_findings() {
    let findings = summary::findings(Lang::En, &example_results(), &no_targets());
    let nb = '\u{a0}';
    // The whole cluster first (the seed: "it should always be evaluated the performance
    // of the cluster as a whole"), then the beneficiaries; each comparison worded by
    // its verdict, never "met". These pinned results name no loser: their
    // winners-and-losers lines predate the comparison with the control firms, by which
    // alone a group is named when there is a control group.
    assert_eq!(
        texts(&findings),
        [
            format!("The cluster's sales grew 58.0{nb}% from 2018 to 2023, 37.3 percentage points more than the control firms (95% confidence interval 23.2 to 48.1). Favourable."),
            format!("Beneficiary firms' sales grew 69.8{nb}% from 2018 to 2023, 49.1 percentage points more than the control firms (95% confidence interval 45.7 to 51.4). Favourable."),
            format!("Beneficiary firms' employment grew 23.2{nb}% from 2018 to 2023, 15.3 percentage points more than the control firms (95% confidence interval 11.7 to 22.2). Favourable."),
            format!("Local GDP grew 21.5{nb}% from 2018 to 2023, 8.8 percentage points more than national GDP (12.7{nb}%). This compares the territory with the country; it does not measure the project's effect."),
            "Social benefits, as entered, are 7.00 times the project's cost and 14.00 times the MIF's contribution.".to_string(),
            format!("12 beneficiary firms took part, 30.0{nb}% of the cluster's 40 firms."),
        ]
    );
    let ids: Vec<&str> = findings.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "long.cluster.sales.vs_control",
            "long.beneficiaries.sales.vs_control",
            "long.beneficiaries.employment.vs_control",
            "long.local_gdp_vs_national",
            "long.return_per_dollar",
            "short.participation_share",
        ]
    );
}

#[test]
fn the_live_example_speaks_of_evidence_flags_losers_against_control_and_jobs_net() {
    let doc = example::document(Lang::En);
    let results = cluster_eval_engine::compute(&doc);
    let findings = summary::findings(Lang::En, &results, &doc.targets);
    let text = |id: &str| {
        findings
            .iter()
            .find(|f| f.id == id)
            .map(|f| f.text.clone())
            .unwrap_or_else(|| panic!("no finding from {id}: {findings:?}"))
    };
    assert!(findings[0].id.starts_with("design."));
    assert!(text("long.cluster.sales.vs_control")
        .ends_with("Favourable; evidence weak (fewer than 10 firms on a side)."));
    // Unskilled workers lose share among the beneficiaries, but as much among the
    // control firms: not named. Informal workers fall behind the control firms.
    let losers = text("pro_poor.share.informal.vs_control");
    assert!(
        losers.starts_with("Falling behind the control firms"),
        "{losers}"
    );
    assert!(
        !losers.contains("unskilled") && !losers.contains("micro"),
        "{losers}"
    );
    assert!(text("pro_poor.wage_gap.vs_control").contains("unfavourable"));
    assert!(text("long.beneficiaries.jobs_net").contains("175 in the firms followed, less 20"));
    // Innovation (the seed's claim for clusters): share, comparison and its verdict.
    let innovation = text("long.beneficiaries.innovation.vs_control");
    assert!(
        innovation.starts_with("66.7\u{a0}% of beneficiary firms introduced a new product or process between 2018 and 2023, 41.7 percentage points more than the control firms (95% confidence interval 0.0 to 79.2). Not conclusive"),
        "{innovation}"
    );
    assert!(findings
        .iter()
        .all(|f| !f.text.contains(" met") && !f.text.contains("Met")));
}

#[test]
fn a_favourable_comparison_with_a_failed_design_check_says_but() {
    let doc = example::document(Lang::Es);
    let mut results = cluster_eval_engine::compute(&doc);
    let c = results
        .indicators
        .iter_mut()
        .find(|i| i.id == "long.cluster.sales.vs_control")
        .expect("in the example");
    c.detail.insert(
        "design_flags".into(),
        serde_json::json!(["balance", "pretrend"]),
    );
    let finding = summary::findings(Lang::Es, &results, &doc.targets)
        .into_iter()
        .find(|f| f.id == "long.cluster.sales.vs_control")
        .expect("a finding");
    assert!(
        finding.text.contains("Favorable, pero los grupos diferían en la línea de base; las tendencias de los grupos ya diferían antes del programa; evidencia débil"),
        "{}",
        finding.text
    );
}

#[test]
fn findings_in_every_language_are_whole_sentences_with_the_locale_numbers() {
    let results = example_results();
    for lang in Lang::ALL {
        let findings = summary::findings(lang, &results, &no_targets());
        assert!(
            (5..=summary::MAX_FINDINGS).contains(&findings.len()),
            "{lang:?}: {} findings",
            findings.len()
        );
        for f in &findings {
            assert!(
                results.indicator(&f.id).is_some(),
                "{lang:?}: {} is no indicator",
                f.id
            );
            assert!(
                !f.text.contains('{') && !f.text.contains('}') && !f.text.contains("summary."),
                "{lang:?}: placeholder left in “{}”",
                f.text
            );
            assert!(f.text.ends_with('.'), "{lang:?}: “{}”", f.text);
            assert!(f
                .text
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()));
        }
        let first = &findings[1].text;
        let (growth, low) = match lang {
            Lang::En => ("69.8", "45.7"),
            Lang::Es | Lang::Pt => ("69,8", "45,7"),
        };
        assert!(
            first.contains(growth) && first.contains(low),
            "{lang:?}: {first}"
        );
    }
    let es = summary::findings(Lang::Es, &results, &no_targets());
    assert_eq!(
        es[1].text,
        "Las ventas de las empresas beneficiarias crecieron 69,8\u{a0}% entre 2018 y 2023, 49,1 puntos porcentuales más que las empresas de control (intervalo de confianza del 95 %: 45,7 a 51,4). Favorable."
    );
    assert!(es[2]
        .text
        .starts_with("El empleo de las empresas beneficiarias creció 23,2"));
    let pt = summary::findings(Lang::Pt, &results, &no_targets());
    assert!(pt[1]
        .text
        .starts_with("As vendas das empresas beneficiárias cresceram 69,8"));
    assert!(pt[5]
        .text
        .starts_with("Participaram 12 empresas beneficiárias, 30,0"));
}

#[test]
fn a_negative_or_inconclusive_comparison_says_so() {
    let mut results = example_results();
    let c = results
        .indicators
        .iter_mut()
        .find(|i| i.id == "long.beneficiaries.sales.vs_control")
        .expect("in the example");
    c.value = Some(-0.05);
    c.ci = Some([-0.12, 0.02]);
    c.status = Status::Inconclusive;
    let first = summary::findings(Lang::En, &results, &no_targets())
        .into_iter()
        .find(|f| f.id == "long.beneficiaries.sales.vs_control")
        .expect("its finding")
        .text;
    assert!(
        first.ends_with("5.0 percentage points less than the control firms (95% confidence interval −12.0 to 2.0). Not conclusive: the interval includes zero, so the difference could go either way."),
        "{first}"
    );
    // The same words for a negative result the engine marks not met: its interval
    // spans zero too (symmetric wording).
    let c = results
        .indicators
        .iter_mut()
        .find(|i| i.id == "long.beneficiaries.sales.vs_control")
        .expect("in the example");
    c.status = Status::NotMet;
    let again = summary::findings(Lang::En, &results, &no_targets())
        .into_iter()
        .find(|f| f.id == "long.beneficiaries.sales.vs_control")
        .expect("its finding")
        .text;
    assert_eq!(again, first);
    let g = results
        .indicators
        .iter_mut()
        .find(|i| i.id == "long.beneficiaries.sales.growth")
        .expect("in the example");
    g.value = Some(-0.1);
    let first = summary::findings(Lang::Es, &results, &no_targets())
        .into_iter()
        .find(|f| f.id == "long.beneficiaries.sales.vs_control")
        .expect("its finding")
        .text;
    assert!(
        first.starts_with("Las ventas de las empresas beneficiarias cayeron 10,0"),
        "{first}"
    );
}

#[test]
fn insufficient_data_is_skipped_and_the_sector_stands_in_for_the_control() {
    let mut results = example_results();
    for i in &mut results.indicators {
        if i.id.ends_with(".vs_control") || i.id.starts_with("long.return") {
            i.value = None;
            i.ci = None;
            i.status = Status::InsufficientData;
        }
    }
    let findings = summary::findings(Lang::En, &results, &no_targets());
    assert_eq!(findings[1].id, "long.beneficiaries.sales.vs_sector");
    assert!(
        findings[1]
            .text
            .ends_with("51.1 percentage points more than the rest of the sector."),
        "{}",
        findings[1].text
    );
    // The cluster has no comparison with the sector: its growth alone.
    assert!(findings.iter().any(|f| f.id == "long.cluster.sales.growth"
        && f.text == "The cluster's sales grew 58.0\u{a0}% from 2018 to 2023."));
    assert!(findings.iter().all(|f| !f.id.starts_with("long.return")));
    for f in &findings {
        let i = results.indicator(&f.id).expect("an indicator");
        assert_ne!(i.status, Status::InsufficientData, "{}", f.id);
    }
}

#[test]
fn a_project_with_few_data_has_few_findings_and_an_empty_one_none() {
    assert!(summary::findings(Lang::En, &Results::default(), &no_targets()).is_empty());
    assert!(summary::counts(&Results::default(), &no_targets()).is_empty());
    let mut doc = cluster_eval_engine::Document::new("Few");
    doc.tables.firms =
        "firm\tgroup\tyear\tsales\nA\tbeneficiary\t2019\t100\nA\tbeneficiary\t2023\t125\n".into();
    let results = cluster_eval_engine::compute(&doc);
    let findings = summary::findings(Lang::Pt, &results, &no_targets());
    assert_eq!(
        texts(&findings)[0],
        // The cluster is the beneficiaries alone: told once, as the beneficiaries.
        "As vendas das empresas beneficiárias cresceram 25,0\u{a0}% entre 2019 e 2023."
    );
    assert!(findings.len() < 5);
}

#[test]
fn design_checks_come_first_naming_the_first_one_not_met() {
    let mut results = example_results();
    fn check(results: &mut Results, id: &str, status: Status) {
        let mut i = results.indicators[0].clone();
        i.id = id.to_string();
        i.status = status;
        results.indicators.push(i);
    }
    check(
        &mut results,
        "design.balance.beneficiaries.sales",
        Status::Met,
    );
    check(&mut results, "design.attrition.differential", Status::Met);
    let findings = summary::findings(Lang::En, &results, &no_targets());
    assert_eq!(findings[0].id, "design.balance.beneficiaries.sales");
    assert!(findings[0]
        .text
        .starts_with("Design checks passed: all 2 with data."));
    check(&mut results, "design.pretrend.sales", Status::NotMet);
    check(
        &mut results,
        "design.pretrend.employment",
        Status::InsufficientData,
    );
    for lang in Lang::ALL {
        let findings = summary::findings(lang, &results, &no_targets());
        assert!(findings.len() <= summary::MAX_FINDINGS);
        assert_eq!(findings[0].id, "design.pretrend.sales");
        assert!(findings[0].text.contains("1") && findings[0].text.contains("3"));
        assert!(!findings[0].text.contains('{'));
    }
    // Participation, the last of the rule, still fits.
    let findings = summary::findings(Lang::En, &results, &no_targets());
    assert_eq!(
        findings.last().map(|f| f.id.as_str()),
        Some("short.participation_share")
    );
    assert!(!i18n::t(Lang::En, "summary.title").contains('.'));
}

#[test]
fn the_summary_carries_the_counts_and_every_finding() {
    use cluster_eval_ui::report::{summary, COUNT_KEYS};
    let results = example_results();
    let s = summary(Lang::En, &results, &no_targets()).unwrap();
    let (long, name) = s.counts.iter().find(|(c, _)| c.horizon == "long").unwrap();
    assert_eq!(name, "Long run");
    assert_eq!(long.numbers(), [18, 0, 0, 0, 0]);
    let (pro_poor, _) = &s
        .counts
        .iter()
        .find(|(c, _)| c.horizon == "pro_poor")
        .unwrap();
    assert_eq!(pro_poor.numbers()[..2], [16, 6]);
    assert_eq!(
        COUNT_KEYS.map(|k| i18n::t(Lang::En, k))[..2],
        ["Favourable", "Unfavourable"]
    );
    assert_eq!(
        s.findings,
        summary::findings(Lang::En, &results, &no_targets())
    );
    // Texts are kept as they are (the page draws them as text): the apostrophes stay.
    assert!(s
        .findings
        .iter()
        .any(|f| f.text.starts_with("Beneficiary firms' sales grew")));
    assert_eq!(summary(Lang::Es, &Results::default(), &no_targets()), None);
    assert!(i18n::t(Lang::Es, "summary.none").contains("Aún no hay hallazgos"));
}

#[test]
fn the_report_title_and_method_in_three_languages() {
    use cluster_eval_ui::report::{method, title_block, Fact, TitleFacts};
    let facts = TitleFacts {
        name: "Masaya <furniture>",
        country: Some("Nicaragua"),
        sector: Some(" "),
        start_year: Some(2003),
        end_year: Some(2006),
        baseline_year: Some(2003),
        followup_year: Some(2009),
        date: "1 December 2026",
        sources: vec![("table.firms", 162, 3)],
        ..TitleFacts::default()
    };
    let en = title_block(Lang::En, &facts);
    assert_eq!(en.kind, "Evaluation report");
    assert_eq!(en.name, "Masaya <furniture>", "the name as typed");
    let fact = |label: &'static str, value: &str, typed: bool| Fact {
        label,
        value: value.to_string(),
        typed,
    };
    assert_eq!(
        en.facts,
        [
            fact("Country", "Nicaragua", true),
            fact("Project period", "2003–2006", false),
            fact("Baseline and follow-up years", "2003 → 2009", false),
            fact("Control cluster and how it was chosen", "not stated", false),
            fact("Prices", "not stated", false),
            fact("Source of the data", "not stated", false),
            fact("Date", "1 December 2026", false),
            fact("Data sources", "Firms: 162 rows read, 3 excluded", false),
        ],
        "a blank fact (the sector) and an unset one (the agency) are left out; the \
         reviewer's facts say \"not stated\" so that the gap shows"
    );
    // The reviewer's facts when given: typed text as typed, the price basis in words.
    let stated = TitleFacts {
        control_description: " San Isidro, 80 km away ",
        data_source: "Yearly survey",
        prices: Some(cluster_eval_types::Prices::Constant),
        price_base_year: Some(2015),
        ..facts.clone()
    };
    let labelled = |lang, label: &str| {
        title_block(lang, &stated)
            .facts
            .into_iter()
            .find(|f| f.label == label)
            .unwrap_or_else(|| panic!("{label}"))
    };
    assert_eq!(
        labelled(Lang::En, "Control cluster and how it was chosen"),
        fact(
            "Control cluster and how it was chosen",
            "San Isidro, 80 km away",
            true
        )
    );
    assert_eq!(
        labelled(Lang::En, "Source of the data").value,
        "Yearly survey"
    );
    assert_eq!(
        labelled(Lang::En, "Prices").value,
        "constant, base year 2015"
    );
    assert_eq!(
        labelled(Lang::Es, "Precios").value,
        "constantes, año base 2015"
    );
    let nominal = TitleFacts {
        prices: Some(cluster_eval_types::Prices::Nominal),
        ..facts.clone()
    };
    assert!(title_block(Lang::Pt, &nominal)
        .facts
        .iter()
        .any(|f| f.label == "Preços" && f.value.starts_with("nominais")));
    let es = title_block(
        Lang::Es,
        &TitleFacts {
            sources: vec![],
            ..facts.clone()
        },
    );
    assert_eq!(es.kind, "Informe de evaluación");
    assert!(es
        .facts
        .last()
        .unwrap()
        .value
        .contains("ninguna tabla pegada"));
    for lang in Lang::ALL {
        let m = method(lang, 1000, 42, 0.01);
        let all = format!("{} {} {}", m.title, m.paragraphs.join(" "), m.hint);
        assert!(all.contains("1000") && all.contains("42"), "{all}");
        // The thresholds are said to be this calculator's, Annex II's only one named.
        assert!(all.contains("0.25") || all.contains("0,25"), "{all}");
        assert!(all.contains(" 10 ") && all.contains(" 1 "), "{all}");
        assert!(!all.contains('{') && !all.contains("print."), "{all}");
        let title = title_block(lang, &facts);
        assert!(
            !title.kind.contains("print.")
                && title.facts.iter().all(|f| !f.label.contains("print.")),
            "{title:?}"
        );
    }
}

#[test]
fn the_report_limitations_say_each_caveat_once_and_warn_of_concentration() {
    use cluster_eval_ui::report::limitations;
    let results = live_example();
    let en = limitations(Lang::En, &results);
    assert_eq!(en.title, "Limitations");
    let all = en.paragraphs.join("\n");
    assert!(all.contains("firm-level"), "{all}");
    assert!(all.contains("One treated cluster"), "{all}");
    assert!(all.contains("2 of 14 beneficiary firms"), "{all}");
    assert!(
        all.contains("Evidence: weak (fewer than 10 firms on a side): "),
        "the evidence levels once: {all}"
    );
    assert!(all.contains("as entered"), "{all}");
    // Every vs_control whose two largest firms hold more than half of the baseline, and
    // only those.
    let concentrated: Vec<_> = results
        .indicators
        .iter()
        .filter(|i| i.id.ends_with(".vs_control"))
        .filter(|i| {
            i.detail
                .get("top2_share")
                .and_then(|v| v.as_f64())
                .is_some_and(|s| s > 0.5)
        })
        .collect();
    assert!(!concentrated.is_empty());
    let warnings = en
        .paragraphs
        .iter()
        .filter(|p| p.starts_with("Concentration"))
        .count();
    assert_eq!(warnings, concentrated.len(), "{all}");
    assert!(
        all.contains("two firms hold 65\u{a0}% of the beneficiaries' baseline sales: the growth is mostly theirs"),
        "{all}"
    );
    let es = limitations(Lang::Es, &results).paragraphs.join("\n");
    assert!(
        es.contains("el 65\u{a0}% de las ventas de las beneficiarias en la línea de base"),
        "{es}"
    );
    for lang in Lang::ALL {
        let l = limitations(lang, &results);
        for p in &l.paragraphs {
            assert!(!p.contains('{') && !p.contains("limits."), "{p}");
        }
    }
}

#[test]
fn the_live_example_is_summed_up_by_the_rule_in_three_languages() {
    let results = live_example();
    let counts = summary::counts(&results, &no_targets());
    let total: usize = counts.iter().map(|c| c.total()).sum();
    assert_eq!(total, results.indicators.len());
    let horizons: Vec<&str> = counts.iter().map(|c| c.horizon.as_str()).collect();
    let mut sorted = horizons.clone();
    sorted.sort_by_key(|h| summary::horizon_rank(h));
    assert_eq!(horizons, sorted);
    for lang in Lang::ALL {
        let findings = summary::findings(lang, &results, &no_targets());
        assert!(
            (5..=summary::MAX_FINDINGS).contains(&findings.len()),
            "{lang:?}"
        );
        for f in &findings {
            let i = results.indicator(&f.id).expect("an indicator");
            assert_ne!(i.status, Status::InsufficientData, "{}", f.id);
            assert!(
                !f.text.contains('{') && !f.text.contains("summary."),
                "{}",
                f.text
            );
        }
        // Design checks, when the example has verdicts, come first.
        let design = results.indicators.iter().any(|i| {
            summary::horizon_code(i) == "design" && matches!(i.status, Status::Met | Status::NotMet)
        });
        assert_eq!(findings[0].id.starts_with("design."), design, "{lang:?}");
        assert!(findings
            .iter()
            .any(|f| f.id == "long.beneficiaries.sales.vs_control"));
    }
}

#[test]
fn non_participants_who_fall_behind_the_control_firms_are_told() {
    let doc = example::document(Lang::En);
    let mut results = cluster_eval_engine::compute(&doc);
    let np = results
        .indicators
        .iter_mut()
        .find(|i| i.id == "pro_poor.non_participants.sales.vs_control")
        .expect("in the example");
    np.value = Some(-0.08);
    np.ci = Some([-0.12, -0.03]);
    np.status = Status::NotMet;
    let findings = summary::findings(Lang::En, &results, &doc.targets);
    let told = findings
        .iter()
        .find(|f| f.id == "pro_poor.non_participants.sales.vs_control")
        .expect("told");
    assert_eq!(
        told.text,
        "The cluster's firms that did not take part fell behind: their sales grew 8.0 percentage points less than the control firms' (95% confidence interval −12.0 to −3.0). Unfavourable."
    );
}
