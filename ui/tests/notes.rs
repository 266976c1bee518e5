//! Tests of the page's wording of the engine's messages: every message the engine
//! emits on a few documents is a known [`Message`] worded in the three languages;
//! every variant (one of each, built below) has a text in each language with nothing
//! left unfilled; a message from a newer engine is shown raw.

use std::collections::BTreeSet;

use cluster_eval_engine::Document;
use cluster_eval_engine::Side;
use cluster_eval_engine::TableKind;
use cluster_eval_engine::YesNoUnknown;
use cluster_eval_engine::{Message, Results};
use cluster_eval_ui::notes::{message_text, note_text, warning_text};
use cluster_eval_ui::{example, i18n};
use serde_json::json;

/// Firms of two groups only (no control firm, no rest of the sector), few columns.
const SMALL_FIRMS: &str = "firm\tgroup\tyear\tsales\temployment\tworkers_women\tworkers_youth\twage_women\twage_men\tquality\timproved
B1\tbeneficiary\t2019\t100\t5\t0\t0\t\t300\tsí\t
B1\tbeneficiary\t2022\t150\t6\t0\t0\t\t320\tno\t
B2\tbeneficiary\t2019\t0\t0\t0\t0\t\t\t\t
B2\tbeneficiary\t2022\t80\t3\t1\t0\t250\t280\t\t
K1\tcluster\t2019\t200\t12\t4\t1\t310\t330\tno\t
K1\tcluster\t2022\t260\t14\t5\t1\t320\t340\tsí\t";

/// One firm per group, so the bootstrap has too few firms on each side.
const TINY_FIRMS: &str = "firm\tgroup\tyear\tsales\texports\temployment
B1\tbeneficiary\t2019\t100\t0\t5
B1\tbeneficiary\t2022\t150\t0\t6
C1\tcontrol\t2019\t90\t10\t4
C1\tcontrol\t2022\t95\t12\t4
S1\tsector\t2019\t1000\t100\t50
S1\tsector\t2022\t1100\t90\t55";

fn documents() -> Vec<Document> {
    let mut docs = vec![Document::new("empty")];

    let mut small = Document::new("small");
    small.tables.firms = SMALL_FIRMS.into();
    small.project.cost_total = Some(0.0);
    small.project.social_benefits = Some(10.0);
    docs.push(small);

    let mut tiny = Document::new("tiny");
    tiny.tables.firms = TINY_FIRMS.into();
    tiny.tables.territory = "year\tlocal_gdp\tnational_gdp\n2019\t0\t100\n2022\t10\t120".into();
    tiny.project.cluster_firms = Some(0.5);
    tiny.project.institutional_arrangement = YesNoUnknown::No;
    docs.push(tiny);

    docs.push(example::document(i18n::Lang::En));

    let mut reversed = example::document(i18n::Lang::En);
    reversed.project.baseline_year = Some(2023);
    reversed.project.followup_year = Some(2023);
    docs.push(reversed);

    let mut early = example::document(i18n::Lang::En);
    early.project.end_year = Some(2022);
    docs.push(early);

    let mut no_draws = example::document(i18n::Lang::En);
    no_draws.settings.bootstrap_reps = 0;
    docs.push(no_draws);

    let mut variant = example::document(i18n::Lang::En);
    variant.settings.bootstrap_reps = 0;
    variant.project.cluster_firms = None;
    variant.project.cost_mif = None;
    variant.project.baseline_year = Some(2017);
    variant.project.followup_year = Some(2023);
    variant.checklist.clear();
    docs.push(variant);

    docs
}

/// Every message the engine gives on the documents, as read back from their JSON.
fn emitted() -> Vec<Message> {
    let mut out = Vec::new();
    for doc in documents() {
        let results = cluster_eval_engine::compute(&doc);
        let json = serde_json::to_string(&results).expect("serialisable");
        let again: cluster_eval_engine::Results = serde_json::from_str(&json).expect("readable");
        assert_eq!(
            again, results,
            "{}: results change through JSON",
            doc.project.name
        );
        out.extend(results.indicators.iter().filter_map(|i| i.note.clone()));
        out.extend(results.warnings.iter().map(|w| w.note.clone()));
    }
    out
}

/// One message of every variant. The `match` in [`variant_index`] has no catch-all,
/// so a new variant fails to compile here until it is added; the test below then
/// checks that this list reaches it.
fn one_of_each() -> Vec<Message> {
    use Message as M;
    let s = |text: &str| text.to_string();
    vec![
        M::YearsNoData,
        M::YearsNotBefore {
            baseline: 2023,
            followup: 2019,
        },
        M::FollowupTooEarly {
            followup: 2023,
            end_year: 2022,
            earliest: 2025,
        },
        M::ProjectYearsReversed {
            start_year: 2020,
            end_year: 2018,
        },
        M::NoYears,
        M::MissingColumn {
            column: s("exports"),
        },
        M::NoGroup {
            group: Side::Control,
        },
        M::NoPanel {
            group: Side::Cluster,
            measure: s("sales"),
            baseline: 2019,
            followup: 2022,
        },
        M::NoProductivityPanel {
            group: Side::Sector,
            output: s("production"),
            baseline: 2019,
            followup: 2022,
        },
        M::ZeroBaseline {
            group: Side::Beneficiary,
            measure: s("exports"),
            baseline: 2019,
        },
        M::PanelUsed {
            group: Side::Beneficiary,
            measure: s("employment"),
            n: 12,
            baseline: 2019,
            followup: 2022,
        },
        M::Compared {
            group: Side::Beneficiary,
            versus: Side::Control,
            measure: s("productivity"),
            n: 12,
            n_versus: 9,
            baseline: 2019,
            followup: 2022,
        },
        M::NoIntervalFewFirms {
            group: Side::Control,
            n: 1,
        },
        M::NoIntervalNoReps,
        M::NoIntervalUndefined,
        M::TerritoryYears {
            baseline: 2019,
            followup: 2022,
        },
        M::TerritoryFallback {
            first: 2018,
            last: 2021,
            baseline: Some(2019),
            followup: Some(2022),
        },
        M::TerritoryMissing,
        M::TerritoryZero {
            column: s("local_gdp"),
            year: 2019,
        },
        M::MissingFact {
            field: s("cost_total"),
        },
        M::ZeroFact {
            field: s("cost_mif"),
        },
        M::NegativeFact {
            field: s("cost_total"),
        },
        M::NoFlagPanel {
            flag: s("quality"),
            baseline: 2019,
            followup: 2022,
        },
        M::FlagPanelUsed {
            flag: s("any"),
            n: 30,
            baseline: 2019,
            followup: 2022,
        },
        M::TableEmpty {
            table: TableKind::Actors,
        },
        M::YearAbsent {
            table: TableKind::Activities,
            year: 2022,
        },
        M::CountedYears {
            table: TableKind::Actors,
            baseline: 2019,
            followup: 2022,
        },
        M::NoFlagInYear {
            flag: s("improved"),
            group: Side::Beneficiary,
            year: 2022,
        },
        M::ImprovedFlagUsed { n: 8, year: 2022 },
        M::ImprovedByGrowth {
            versus: Side::Sector,
            n: 8,
            baseline: 2019,
            followup: 2022,
        },
        M::ImprovedNoReference {
            baseline: 2019,
            followup: 2022,
        },
        M::FactUnknown {
            field: s("strategic_plan_consensus"),
        },
        M::ShareDenominator {
            source: s("firms_table"),
            denominator: 40.0,
        },
        M::ShareAboveOne {
            participating: 45,
            denominator: 40.5,
        },
        M::NotFinite,
        M::ProPoorNoYears,
        M::ProPoorMissingColumns {
            columns: vec![s("workers_women"), s("wage_men")],
        },
        M::ProPoorNoPanel {
            columns: vec![s("sales")],
            baseline: 2019,
            followup: 2022,
        },
        M::ProPoorPanel {
            n: 3,
            columns: vec![s("employment"), s("workers_youth")],
            baseline: 2019,
            followup: 2022,
        },
        M::ProPoorGroupAbsent {
            group: s("afro"),
            n: 3,
            baseline: 2019,
            followup: 2022,
        },
        M::ProPoorGroupNew {
            group: s("migrant"),
            n: 3,
            baseline: 2019,
            followup: 2022,
        },
        M::ProPoorZeroEmployment {
            n: 3,
            year: 2019,
            group: s("women"),
        },
        M::ProPoorWageNoWorkers {
            side: s("women"),
            year: 2019,
            n: 3,
        },
        M::ProPoorWageZeroMen { year: 2019 },
        M::ProPoorNoBaselineEmployment { baseline: 2019 },
        M::ProPoorMicroFirms {
            micro: 2,
            n: 3,
            baseline: 2019,
        },
        M::ProPoorNoClassFirms {
            class: s("small"),
            above: Some(10.0),
            up_to: Some(50.0),
            baseline: 2019,
            followup: 2022,
        },
        M::ProPoorZeroSales {
            class: s("micro"),
            baseline: 2019,
        },
        M::ProPoorClassPanel {
            class: s("medium"),
            n: 2,
            all_n: 9,
            baseline: 2019,
            followup: 2022,
        },
        M::ProPoorChecklistUnanswered,
        M::ProPoorChecklistAnswered {
            answered: 4,
            total: 11,
        },
        M::ClusterCaveat,
        M::BalanceCompared {
            group: Side::Beneficiary,
            measure: s("exports"),
            n: 12,
            n_control: 10,
            baseline: 2019,
        },
        M::BalanceFewFirms {
            group: Side::Control,
            measure: s("productivity"),
            n: 1,
            baseline: 2019,
        },
        M::BalanceNoSpread {
            measure: s("employment"),
            baseline: 2019,
        },
        M::AttritionCounted {
            group: Side::Beneficiary,
            gone: 2,
            firms: 14,
            baseline: 2019,
            followup: 2023,
        },
        M::AttritionNoFirms {
            group: Side::Control,
            baseline: 2019,
        },
        M::AttritionDifferential {
            baseline: 2019,
            followup: 2023,
        },
        M::PretrendNoPreYear { baseline: 2019 },
        M::CostDivided {
            what: s("additional_jobs"),
            denominator: 35.5,
        },
        M::CostDenominatorNotPositive {
            what: s("jobs"),
            denominator: -4.0,
        },
        M::ActorTypesMissing,
        M::ActorTypesUnknown {
            types: vec![s("NGO"), s("Fundación")],
            count: 2,
            baseline: 2019,
            followup: 2023,
        },
        M::ProPoorShareVsControl {
            group: s("women"),
            n: 12,
            n_control: 9,
            baseline: 2019,
            followup: 2023,
        },
        M::ProPoorNoControlPanel {
            columns: vec![s("employment"), s("workers_youth")],
            baseline: 2019,
            followup: 2023,
        },
        M::ProPoorShareUndefined {
            group: Side::Control,
            year: 2023,
        },
        M::ProPoorWageGapVsControl {
            n: 12,
            n_control: 9,
            baseline: 2019,
            followup: 2023,
        },
        M::ProPoorWageGapNoFirms {
            group: Side::Control,
            baseline: 2019,
            followup: 2023,
        },
        M::ProPoorWageGapUndefined {
            group: Side::Beneficiary,
            year: 2019,
        },
        M::ProPoorExitedJobs {
            jobs: 23.0,
            gone: 2,
            firms: 14,
            baseline: 2019,
            followup: 2023,
        },
        M::PretrendYears {
            years: 2,
            with_interval: 2,
            outside: 1,
            first: 2016,
            last: 2017,
            baseline: 2019,
        },
        M::ProPoorClassFewFirms {
            class: s("micro"),
            n: 4,
            min: 5,
            baseline: 2019,
            followup: 2023,
        },
        M::JobsNet {
            panel: 175.0,
            n: 12,
            gone: 20.0,
            exited: 2,
            baseline: 2018,
            followup: 2023,
        },
        M::AdoptionShare {
            group: Side::Beneficiary,
            flag: "innovation".into(),
            n: 12,
            baseline: 2019,
            followup: 2023,
        },
        M::NoAdoptionPanel {
            group: Side::Control,
            flag: "new_market".into(),
            baseline: 2019,
            followup: 2023,
        },
        M::AdoptionCompared {
            group: Side::Cluster,
            flag: "innovation".into(),
            n: 12,
            n_control: 9,
            baseline: 2019,
            followup: 2023,
        },
        M::NonParticipantsCompared {
            measure: "sales".into(),
            n: 4,
            n_control: 9,
            baseline: 2019,
            followup: 2023,
        },
        M::NoNonParticipants,
        M::TableColumnMissing {
            table: TableKind::Activities,
            column: "status".into(),
        },
        M::ActivitiesCounted {
            rows: 7,
            baseline: 2019,
            followup: 2023,
        },
        M::NoActivitiesInYears {
            baseline: 2019,
            followup: 2023,
        },
        M::DisbursementCounted { rows: 5 },
        M::BudgetZero,
        M::BusinessActorsLeftOut {
            actors: vec!["Coop".into()],
            count: 1,
        },
    ]
}

/// Position of the variant: exhaustive on purpose (see [`one_of_each`]).
fn variant_index(message: &Message) -> usize {
    use Message as M;
    match message {
        M::YearsNoData => 0,
        M::YearsNotBefore { .. } => 1,
        M::FollowupTooEarly { .. } => 2,
        M::ProjectYearsReversed { .. } => 3,
        M::NoYears => 4,
        M::MissingColumn { .. } => 5,
        M::NoGroup { .. } => 6,
        M::NoPanel { .. } => 7,
        M::NoProductivityPanel { .. } => 8,
        M::ZeroBaseline { .. } => 9,
        M::PanelUsed { .. } => 10,
        M::Compared { .. } => 11,
        M::NoIntervalFewFirms { .. } => 12,
        M::NoIntervalNoReps => 13,
        M::NoIntervalUndefined => 14,
        M::TerritoryYears { .. } => 15,
        M::TerritoryFallback { .. } => 16,
        M::TerritoryMissing => 17,
        M::TerritoryZero { .. } => 18,
        M::MissingFact { .. } => 19,
        M::ZeroFact { .. } => 20,
        M::NegativeFact { .. } => 21,
        M::NoFlagPanel { .. } => 22,
        M::FlagPanelUsed { .. } => 23,
        M::TableEmpty { .. } => 24,
        M::YearAbsent { .. } => 25,
        M::CountedYears { .. } => 26,
        M::NoFlagInYear { .. } => 27,
        M::ImprovedFlagUsed { .. } => 28,
        M::ImprovedByGrowth { .. } => 29,
        M::ImprovedNoReference { .. } => 30,
        M::FactUnknown { .. } => 31,
        M::ShareDenominator { .. } => 32,
        M::ShareAboveOne { .. } => 33,
        M::NotFinite => 34,
        M::ProPoorNoYears => 35,
        M::ProPoorMissingColumns { .. } => 36,
        M::ProPoorNoPanel { .. } => 37,
        M::ProPoorPanel { .. } => 38,
        M::ProPoorGroupAbsent { .. } => 39,
        M::ProPoorGroupNew { .. } => 40,
        M::ProPoorZeroEmployment { .. } => 41,
        M::ProPoorWageNoWorkers { .. } => 42,
        M::ProPoorWageZeroMen { .. } => 43,
        M::ProPoorNoBaselineEmployment { .. } => 44,
        M::ProPoorMicroFirms { .. } => 45,
        M::ProPoorNoClassFirms { .. } => 46,
        M::ProPoorZeroSales { .. } => 47,
        M::ProPoorClassPanel { .. } => 48,
        M::ProPoorChecklistUnanswered => 49,
        M::ProPoorChecklistAnswered { .. } => 50,
        M::ClusterCaveat => 51,
        M::BalanceCompared { .. } => 52,
        M::BalanceFewFirms { .. } => 53,
        M::BalanceNoSpread { .. } => 54,
        M::AttritionCounted { .. } => 55,
        M::AttritionNoFirms { .. } => 56,
        M::AttritionDifferential { .. } => 57,
        M::PretrendNoPreYear { .. } => 58,
        M::CostDivided { .. } => 59,
        M::CostDenominatorNotPositive { .. } => 60,
        M::ActorTypesMissing => 61,
        M::ActorTypesUnknown { .. } => 62,
        M::ProPoorShareVsControl { .. } => 63,
        M::ProPoorNoControlPanel { .. } => 64,
        M::ProPoorShareUndefined { .. } => 65,
        M::ProPoorWageGapVsControl { .. } => 66,
        M::ProPoorWageGapNoFirms { .. } => 67,
        M::ProPoorWageGapUndefined { .. } => 68,
        M::ProPoorExitedJobs { .. } => 69,
        M::PretrendYears { .. } => 70,
        M::ProPoorClassFewFirms { .. } => 71,
        M::JobsNet { .. } => 72,
        M::AdoptionShare { .. } => 73,
        M::NoAdoptionPanel { .. } => 74,
        M::AdoptionCompared { .. } => 75,
        M::NonParticipantsCompared { .. } => 76,
        M::NoNonParticipants => 77,
        M::TableColumnMissing { .. } => 78,
        M::ActivitiesCounted { .. } => 79,
        M::NoActivitiesInYears { .. } => 80,
        M::DisbursementCounted { .. } => 81,
        M::BudgetZero => 82,
        M::BusinessActorsLeftOut { .. } => 83,
        M::Unknown { .. } => usize::MAX,
    }
}

#[test]
fn one_of_each_reaches_every_variant() {
    let all = one_of_each();
    let indices: BTreeSet<usize> = all.iter().map(variant_index).collect();
    assert_eq!(indices.len(), all.len(), "a variant listed twice");
    assert_eq!(indices, (0..Message::CODES.len()).collect());
    let codes: BTreeSet<&str> = all.iter().map(Message::code).collect();
    assert_eq!(codes, Message::CODES.iter().copied().collect());
}

#[test]
fn every_variant_has_a_filled_text_in_every_language() {
    for message in one_of_each() {
        // Each variant is written and read back as itself (not as an unknown code).
        let json = serde_json::to_value(&message).expect("serialisable");
        let again: Message = serde_json::from_value(json.clone()).expect("readable");
        assert_eq!(again, message, "{json}");
        for lang in i18n::Lang::ALL {
            let text = message_text(lang, &message);
            assert!(
                !text.trim().is_empty(),
                "{lang:?} {}: empty",
                message.code()
            );
            assert!(
                !text.contains('{') && !text.contains('}'),
                "{lang:?} {}: unfilled placeholder in “{text}”",
                message.code()
            );
            assert!(
                !text.contains(message.code()),
                "{lang:?}: “{text}” shows its code"
            );
        }
        assert_eq!(
            message_text(i18n::Lang::En, &message).is_empty(),
            message.to_string().is_empty()
        );
    }
}

#[test]
fn every_emitted_message_is_known_and_worded() {
    let emitted = emitted();
    let codes: BTreeSet<&str> = emitted.iter().map(Message::code).collect();
    let unknown: Vec<&Message> = emitted
        .iter()
        .filter(|m| matches!(m, Message::Unknown { .. }))
        .collect();
    assert!(unknown.is_empty(), "read back as unknown: {unknown:?}");
    // The documents are meant to reach most of the engine's messages.
    assert!(
        codes.len() >= 30,
        "only {} codes seen: {codes:?}",
        codes.len()
    );
    println!(
        "{} codes seen of {}; not seen: {:?}",
        codes.len(),
        Message::CODES.len(),
        Message::CODES
            .iter()
            .filter(|c| !codes.contains(*c))
            .collect::<Vec<_>>()
    );
}

#[test]
fn notes_are_filled_and_worded_in_the_reader_language() {
    for doc in documents() {
        let results = cluster_eval_engine::compute(&doc);
        for lang in i18n::Lang::ALL {
            for ind in &results.indicators {
                let text = note_text(lang, ind.note.as_ref(), &ind.message);
                assert!(
                    !text.contains('{'),
                    "{}: unfilled placeholder in “{text}”",
                    ind.id
                );
                // Codes are worded, not shown.
                for code in ["cluster_firms", "firms_table"] {
                    assert!(!text.contains(code), "{}: “{code}” in “{text}”", ind.id);
                }
            }
            for warning in &results.warnings {
                assert!(!warning_text(lang, warning).contains('{'));
            }
        }
    }
}

#[test]
fn parameters_are_worded_in_the_reader_language() {
    let message = Message::Compared {
        group: Side::Cluster,
        versus: Side::Control,
        measure: "sales".into(),
        n: 12,
        n_versus: 9,
        baseline: 2019,
        followup: 2022,
    };
    let es = message_text(i18n::Lang::Es, &message);
    assert!(
        es.starts_with(
            "crecimiento de ventas 2019→2022 de 12 empresa(s) del grupo «clúster (beneficiarias"
        ),
        "{es}"
    );
    let share = Message::ShareAboveOne {
        participating: 45,
        denominator: 40.5,
    };
    assert!(message_text(i18n::Lang::Pt, &share).contains("40,5"));
    let en = message_text(
        i18n::Lang::En,
        &Message::ShareDenominator {
            source: "cluster_firms".into(),
            denominator: 40.0,
        },
    );
    assert_eq!(en, "over 40 cluster firms (source: the project facts)");
}

/// Results as a newer engine could write them (the `results` of an exported file, or
/// what the page's worker sends): an indicator's note and a warning with codes this
/// engine does not know, and a known code with a group it does not know.
const FROM_A_NEWER_ENGINE: &str = include_str!("data/newer_results.json");

#[test]
fn a_message_from_a_newer_engine_is_shown_raw() {
    let results: Results = serde_json::from_str(FROM_A_NEWER_ENGINE).expect("readable");
    let note = results.indicators[0].note.as_ref().expect("a note");
    assert_eq!(note.code(), "from_the_future");
    assert!(matches!(note, Message::Unknown { .. }));
    let odd_group = results.indicators[1].note.as_ref().expect("a note");
    assert!(
        matches!(odd_group, Message::Unknown { .. }),
        "{odd_group:?}"
    );
    for lang in i18n::Lang::ALL {
        assert_eq!(
            note_text(lang, Some(note), &results.indicators[0].message),
            "from_the_future (horizon: 7, why: a reason)"
        );
        assert_eq!(
            note_text(lang, Some(odd_group), &results.indicators[1].message),
            "no_group (group: suppliers)"
        );
        assert_eq!(
            warning_text(lang, &results.warnings[0]),
            "warning_from_the_future"
        );
    }
    // Written back as read.
    let written = serde_json::to_value(&results).expect("serialisable");
    assert_eq!(
        written["indicators"][0]["note"],
        json!({"code": "from_the_future", "params": {"horizon": 7, "why": "a reason"}})
    );
    assert_eq!(
        written["warnings"][0],
        json!({"code": "warning_from_the_future", "message": "a warning from the future"})
    );
}

/// The messages of [`one_of_each`] and of the documents, with every wording of the
/// costs and values that hold braces (filled in one pass, never read as placeholders).
fn representative() -> Vec<Message> {
    use Message as M;
    let s = |text: &str| text.to_string();
    let mut all = one_of_each();
    all.extend(emitted());
    for what in ["jobs", "additional_jobs", "firms", "other"] {
        for denominator in [35.0, 35.5, -4.0, 0.0, 1234567.25] {
            all.push(M::CostDivided {
                what: s(what),
                denominator,
            });
            all.push(M::CostDenominatorNotPositive {
                what: s(what),
                denominator,
            });
        }
    }
    all.push(M::MissingColumn { column: s("{n}") });
    all.push(M::ProPoorMissingColumns {
        columns: vec![s("{baseline}"), s("a}b{c"), s("ventas_{year}")],
    });
    all.push(M::ActorTypesUnknown {
        types: vec![s("{count}"), s("{"), s("Fundación {types}")],
        count: 3,
        baseline: 2019,
        followup: 2023,
    });
    all
}

#[test]
fn every_message_text_is_read_from_the_source_for_the_language_files() {
    let notes = cluster_eval_ui::notes::note_texts();
    let source = include_str!("../src/notes.rs");
    let written = source
        .lines()
        .filter(|l| !l.trim_start().starts_with("//") && l.contains("tr! {"))
        .count();
    assert_eq!(notes.len(), written, "a `tr!` was not read");
    assert!(notes.len() > 60, "{}", notes.len());
    let mut keys = BTreeSet::new();
    for note in &notes {
        assert!(note.key.starts_with("note."), "{}", note.key);
        assert!(keys.insert(note.key.clone()), "{} twice", note.key);
        assert!(
            i18n::lookup(i18n::Lang::En, &note.key).is_none(),
            "{} is also a catalogue key",
            note.key
        );
        let mut used = BTreeSet::new();
        for text in [&note.en, &note.es, &note.pt] {
            assert!(!text.trim().is_empty(), "{}", note.key);
            // Only `{name}` placeholders, each a listed value: what `format!` and
            // `i18n::fill` read alike.
            for piece in i18n::pieces(text) {
                match piece {
                    i18n::Piece::Text(t) => assert!(
                        !t.contains('{') && !t.contains('}'),
                        "{}: a brace that is not a `{{name}}` placeholder in “{text}”",
                        note.key
                    ),
                    i18n::Piece::Slot(name) => {
                        assert!(
                            note.args.iter().any(|a| a == name),
                            "{}: {{{name}}} is not in the list {:?}",
                            note.key,
                            note.args
                        );
                        used.insert(name.to_string());
                    }
                }
            }
        }
        for arg in &note.args {
            assert!(used.contains(arg), "{}: {arg} is never used", note.key);
        }
    }
}

#[test]
fn the_language_file_path_gives_the_same_texts_as_the_direct_one() {
    let messages = representative();
    for lang in [i18n::Lang::Es, i18n::Lang::Pt] {
        // Natively, with nothing installed: the texts written in the source.
        let direct: Vec<String> = messages.iter().map(|m| message_text(lang, m)).collect();
        // As in the page: the language's file installed, each text filled at run time.
        assert!(i18n::install(lang, &i18n::language_file(lang)));
        for (message, direct) in messages.iter().zip(&direct) {
            assert_eq!(&message_text(lang, message), direct, "{lang:?} {message:?}");
        }
    }
    // And the file's text is the one used: a changed file shows its change.
    let file = i18n::language_file(i18n::Lang::Es);
    let mut map: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&file).expect("a language file");
    map.insert(
        "note.years_not_before".into(),
        json!("{followup} << {baseline} {unknown}"),
    );
    assert!(i18n::install(
        i18n::Lang::Es,
        &serde_json::to_string(&map).expect("json")
    ));
    let message = Message::YearsNotBefore {
        baseline: 2023,
        followup: 2019,
    };
    assert_eq!(
        message_text(i18n::Lang::Es, &message),
        "2019 << 2023 {unknown}"
    );
    assert!(i18n::install(i18n::Lang::Es, &file));
}

#[test]
fn fill_reads_placeholders_as_format_does() {
    let (a, b) = (7, "x{a}y");
    let args: [(&str, &dyn std::fmt::Display); 2] = [("a", &a), ("b", &b)];
    for template in [
        "",
        "plain",
        "{a}",
        "{a}{b}{a}",
        "«{b}» — {a}…",
        "{b} {c}",
        "{a",
    ] {
        let expected = match template {
            "" => String::new(),
            "plain" => "plain".to_string(),
            "{a}" => format!("{a}"),
            "{a}{b}{a}" => format!("{a}{b}{a}"),
            "«{b}» — {a}…" => format!("«{b}» — {a}…"),
            "{b} {c}" => format!("{b} {{c}}"),
            _ => "{a".to_string(),
        };
        assert_eq!(i18n::fill(template, &args), expected, "{template}");
    }
}
