//! The design checks as the page shows them (issue 13), natively: the sentences of the
//! built-in example in three languages, the balance and attrition tables, the section's
//! markup, the evidence level and caveat of a comparison, the event-study chart, and
//! the formula lines of the new ids.

use cluster_eval_engine::{compute, Document, Results, Status};
use cluster_eval_ui::charts::Shape;
use cluster_eval_ui::design::{
    attrition, balance, caveat_text, differs, event_chart, event_points, evidence_text, section,
    sentences,
};
use cluster_eval_ui::{example, formulas::formula, i18n::Lang};

fn example_results() -> Results {
    compute(&example::document(Lang::En))
}

fn results_of(firms: &str) -> Results {
    let mut doc = Document::new("t");
    doc.tables.firms = firms.into();
    compute(&doc)
}

#[test]
fn the_example_says_one_plain_sentence_per_check() {
    let r = example_results();
    let said: Vec<(String, String)> = sentences(Lang::En, &r)
        .into_iter()
        .map(|s| (s.check.to_string(), s.text))
        .collect();
    let expected = [
        ("balance", "The control firms were similar to the beneficiaries at baseline on 3 of 4 measures; they differed in exports."),
        ("balance", "The control firms were similar to the whole cluster at baseline on 3 of 4 measures; they differed in exports."),
        ("pretrend", "Before the programme (2016→2018), growth in sales was alike in the beneficiary and the control firms (difference 0.0\u{a0}pp, 95% interval −3.4\u{a0}pp to +1.6\u{a0}pp): the trends were parallel."),
        ("pretrend", "Before the programme (2016→2018), growth in employment was alike in the beneficiary and the control firms (difference +0.2\u{a0}pp, 95% interval −0.4\u{a0}pp to +2.6\u{a0}pp): the trends were parallel."),
        ("attrition", "2 of 14 beneficiary firms and 1 of 9 control firms were gone by 2023; both groups lost firms at similar rates (3.2 percentage points apart)."),
        ("exited", "The 2 beneficiary firms that closed or left by 2023 employed 20 people in 2018; those jobs appear in no before-and-after comparison."),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(c, t)| (c.to_string(), t.to_string()))
        .collect();
    assert_eq!(said, expected);
}

#[test]
fn the_sentences_are_worded_in_spanish_and_portuguese() {
    let r = example_results();
    let es = sentences(Lang::Es, &r);
    assert_eq!(
        es[0].text,
        "Las empresas de control eran parecidas a las beneficiarias en la línea de base en 3 de 4 medidas; diferían en exportaciones."
    );
    assert!(
        es[2].text.contains("−3,4\u{a0}pp a +1,6\u{a0}pp"),
        "{}",
        es[2].text
    );
    let pt = sentences(Lang::Pt, &r);
    assert_eq!(
        pt[0].text,
        "As empresas de controle eram semelhantes às beneficiárias na linha de base em 3 de 4 medidas; diferiam em exportações."
    );
    assert!(
        pt[5].text.contains("empregavam 20 pessoas em 2018"),
        "{}",
        pt[5].text
    );
    for lang in Lang::ALL {
        for s in sentences(lang, &r) {
            assert!(
                !s.text.contains('{') && !s.text.contains("NaN"),
                "{}",
                s.text
            );
        }
    }
}

#[test]
fn the_balance_table_puts_the_three_groups_side_by_side() {
    let r = example_results();
    let rows = balance(&r);
    let measures: Vec<&str> = rows.iter().map(|r| r.measure).collect();
    assert_eq!(measures, ["sales", "employment", "exports", "productivity"]);
    let exports = &rows[2];
    assert_eq!(exports.beneficiaries.map(|s| s.n), Some(14.0));
    assert_eq!(exports.cluster.map(|s| s.n), Some(20.0));
    assert_eq!(exports.control.map(|s| s.n), Some(9.0));
    assert!(differs(exports.smd_beneficiaries.unwrap()));
    assert!(!differs(rows[0].smd_beneficiaries.unwrap()));
    // The standardised difference is the engine's, from the shown means and SDs.
    let (b, c) = (exports.beneficiaries.unwrap(), exports.control.unwrap());
    let smd = (b.mean - c.mean) / ((b.sd * b.sd + c.sd * c.sd) / 2.0).sqrt();
    assert!((smd - exports.smd_beneficiaries.unwrap()).abs() < 1e-9);
}

#[test]
fn attrition_counts_the_firms_and_jobs_gone_by_group() {
    let r = example_results();
    let rows = attrition(&r);
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (
            rows[0].group,
            rows[0].firms_b,
            rows[0].gone,
            rows[0].jobs_gone
        ),
        ("beneficiary", Some(14.0), Some(2.0), Some(20.0))
    );
    assert_eq!((rows[1].group, rows[1].gone), ("control", Some(1.0)));
    assert_eq!(
        r.indicator("pro_poor.exited_firms_jobs")
            .and_then(|i| i.value),
        Some(20.0)
    );
}

#[test]
fn the_section_marks_the_measures_that_differ() {
    let r = example_results();
    let s = section(Lang::Es, &r).unwrap();
    assert_eq!(s.sentences.len(), 6);
    let exports = s.balance.iter().find(|m| m.measure == "exports").unwrap();
    let sides: Vec<&str> = exports.lines.iter().map(|l| l.side).collect();
    assert_eq!(sides, ["beneficiaries", "cluster", "control"]);
    let differing: Vec<(&str, &str)> = s
        .balance
        .iter()
        .flat_map(|m| m.lines.iter().map(move |l| (m.measure, l)))
        .filter(|(_, l)| l.differs)
        .map(|(m, l)| (m, l.side))
        .collect();
    assert_eq!(
        differing,
        [("exports", "beneficiaries"), ("exports", "cluster")]
    );
    assert_eq!(exports.lines[0].smd, "0,48\u{a0}DE");
    assert_eq!(exports.lines[0].firms, "14");
    assert!(exports.lines[0].smd_value.unwrap() > 0.25);
    assert_eq!(exports.lines[2].smd, "—");
    assert_eq!(exports.lines[2].firms, "9");
    assert!(s.balance_hint.contains("2018"), "{}", s.balance_hint);
    assert!(s.balance_hint.contains('⚠'), "the hint's mark");
    let gone = &s.attrition[0];
    assert_eq!((gone.group, gone.jobs_gone), ("beneficiary", Some(20.0)));
    assert_eq!(gone.cells, ["14", "2", "14,3\u{a0}%", "20"]);
    assert_eq!(s.attrition[1].cells, ["9", "1", "11,1\u{a0}%", "5"]);
    let trend: Vec<(&str, Status)> = s.pretrend.iter().map(|p| (p.measure, p.status)).collect();
    assert_eq!(trend, [("sales", Status::Met), ("employment", Status::Met)]);
    assert_eq!(s.pretrend[0].name, "Ventas (2016→2018)");
    // Without design checks there is nothing to show.
    assert_eq!(section(Lang::En, &Results::default()), None);
}

#[test]
fn without_a_year_before_the_baseline_one_sentence_says_so() {
    let r = results_of(
        "firm\tgroup\tyear\tsales\temployment\nA\tbeneficiary\t2019\t100\t5\nA\tbeneficiary\t2023\t150\t6\nB\tbeneficiary\t2019\t90\t4\nB\tbeneficiary\t2023\t120\t4\nC\tcontrol\t2019\t100\t5\nC\tcontrol\t2023\t110\t6\nD\tcontrol\t2019\t80\t3\nD\tcontrol\t2023\t85\t3\n",
    );
    let said = sentences(Lang::En, &r);
    let pretrend: Vec<_> = said.iter().filter(|s| s.check == "pretrend").collect();
    assert_eq!(pretrend.len(), 1);
    assert_eq!(
        pretrend[0].text,
        "The firms table has no year before the baseline 2019: whether the groups were already growing apart before the programme cannot be checked."
    );
    let attrition = said.iter().find(|s| s.check == "attrition").unwrap();
    assert_eq!(
        attrition.text,
        "Every beneficiary and control firm of the baseline still had a row in 2023: no firm was lost."
    );
    let exited = said.iter().find(|s| s.check == "exited").unwrap();
    assert_eq!(
        exited.text,
        "No beneficiary firm closed or left between 2019 and 2023."
    );
}

#[test]
fn balance_with_too_few_firms_or_every_measure_off_is_worded() {
    // One control firm: no balance can be measured.
    let r = results_of(
        "firm\tgroup\tyear\tsales\nA\tbeneficiary\t2019\t100\nA\tbeneficiary\t2023\t150\nB\tbeneficiary\t2019\t90\nB\tbeneficiary\t2023\t120\nC\tcontrol\t2019\t100\nC\tcontrol\t2023\t110\n",
    );
    let first = &sentences(Lang::En, &r)[0];
    assert_eq!(first.status, Status::InsufficientData);
    assert_eq!(
        first.text,
        "Too few firms have data to check whether the control firms were similar to the beneficiaries at baseline."
    );
    // Control firms ten times smaller: every measure with data differs.
    let r = results_of(
        "firm\tgroup\tyear\tsales\temployment\nA\tbeneficiary\t2019\t1000\t50\nA\tbeneficiary\t2023\t1500\t60\nB\tbeneficiary\t2019\t900\t40\nB\tbeneficiary\t2023\t1200\t45\nC\tcontrol\t2019\t100\t5\nC\tcontrol\t2023\t110\t5\nD\tcontrol\t2019\t80\t4\nD\tcontrol\t2023\t85\t4\n",
    );
    let first = &sentences(Lang::En, &r)[0];
    assert_eq!(first.status, Status::NotMet);
    assert!(
        first.text.starts_with(
            "The control firms were not similar to the beneficiaries at baseline on any of the"
        ),
        "{}",
        first.text
    );
    assert!(
        first.text.ends_with(
            "any of the 3 measures; they differed in sales, employment and productivity."
        ),
        "{}",
        first.text
    );
}

#[test]
fn a_comparison_with_the_control_group_carries_evidence_caveat_and_event_study() {
    let r = example_results();
    let i = r.indicator("long.beneficiaries.sales.vs_control").unwrap();
    assert_eq!(
        evidence_text(Lang::En, i).as_deref(),
        Some("Evidence: weak (fewer than 10 firms on a side)")
    );
    assert_eq!(
        evidence_text(Lang::Pt, i).as_deref(),
        Some("Evidência: fraca (menos de 10 empresas de um lado)")
    );
    let caveat = caveat_text(Lang::Es, i).unwrap();
    assert!(
        caveat.starts_with("El intervalo refleja el muestreo de empresas"),
        "{caveat}"
    );
    assert!(caveat.ends_with('.'));

    let events = event_points(i);
    let years: Vec<i32> = events.iter().map(|p| p.year).collect();
    assert_eq!(years, [2016, 2017, 2019, 2020, 2021, 2022, 2023]);
    // The point at the follow-up is the comparison itself.
    let last = events.last().unwrap();
    assert_eq!(Some(last.value), i.value);
    assert_eq!(last.low.zip(last.high).map(|(l, h)| [l, h]), i.ci);

    let chart = event_chart(Lang::En, i, Some(2018), Some(2020)).unwrap();
    assert!(chart.title.starts_with("Event study: "), "{}", chart.title);
    assert!(chart.desc.as_deref().unwrap().contains("2023: "));
    // One filled point per year, and the hollow baseline.
    let points = |fill: &str| {
        chart
            .shapes
            .iter()
            .filter(|s| matches!(s, Shape::Circle { fill: f, .. } if *f == fill))
            .count()
    };
    assert_eq!(points("#0b5cad"), 7);
    assert_eq!(points("#fff"), 1);
    // The programme's years are shaded, and every year is labelled.
    let shaded = |c: &cluster_eval_ui::charts::Chart| {
        c.shapes.iter().any(|s| {
            matches!(
                s,
                Shape::Rect {
                    fill: "#e3ecf7",
                    ..
                }
            )
        })
    };
    assert!(shaded(&chart));
    let texts = chart.texts();
    for year in 2016..=2023 {
        assert!(texts.contains(&year.to_string().as_str()), "{year}");
    }
    assert!(texts.contains(&"programme"), "{texts:?}");
    // Without the programme's years nothing is shaded; without an event study, no chart.
    assert!(!shaded(&event_chart(Lang::En, i, None, None).unwrap()));
    let growth = r.indicator("long.beneficiaries.sales.growth").unwrap();
    assert!(event_chart(Lang::En, growth, Some(2018), Some(2020)).is_none());
    assert!(evidence_text(Lang::En, growth).is_none() && caveat_text(Lang::En, growth).is_none());
}

#[test]
fn how_it_was_computed_has_formulas_for_the_new_ids() {
    let r = example_results();
    let line = |id: &str| formula(Lang::En, r.indicator(id).unwrap()).join(" | ");
    assert_eq!(
        line("design.balance.beneficiaries.exports"),
        "standardised difference = (mean_G − mean_C) / √((s²_G + s²_C) / 2) = (29,164 − 12,015) / √((44,766² + 22,308²) / 2) = 0.4849"
    );
    assert_eq!(
        line("design.attrition.beneficiaries"),
        "firms gone / firms at baseline = 2 / 14 = 0.1429 | employment at baseline of the firms gone = 20"
    );
    assert_eq!(
        line("design.attrition.differential"),
        "beneficiaries' share gone − control firms' share gone = 0.1429 − 0.1111 = 0.0317"
    );
    assert!(line("design.pretrend.sales")
        .contains("growth from 2016, before the programme, to the baseline 2018"));
    assert_eq!(
        line("long.cost_per_job"),
        "cost / jobs created = 900,000 / (928 − 753) = 5,143"
    );
    assert_eq!(
        line("long.cost_per_additional_job"),
        "cost / (E_b × (g_B − g_C)) = 900,000 / (753 × (0.2324 − 0.0798)) = 7,832"
    );
    assert_eq!(
        line("long.cost_per_beneficiary_firm"),
        "cost / beneficiary firms = 900,000 / 14 = 64,286"
    );
    assert_eq!(
        line("pro_poor.exited_firms_jobs"),
        "employment in 2018 of the beneficiary firms with no row in 2023 (2 of 14 firms) = 20"
    );
    let es = formula(
        Lang::Es,
        r.indicator("design.balance.cluster.sales").unwrap(),
    );
    assert!(
        es[0].starts_with("diferencia estandarizada = (media_G − media_C)"),
        "{es:?}"
    );
}
