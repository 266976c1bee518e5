//! The split computation the page uses (the costly core once per data change, the
//! facts, checklist and targets on top) gives exactly the full computation.

use cluster_eval_engine::compute::{compute_data, core_of, finish};
use cluster_eval_engine::model::TableKind;
use cluster_eval_engine::read::assemble;
use cluster_eval_engine::read_document_table;
use cluster_eval_engine::{ChecklistAnswer, Document, YesNoUnknown};

fn rich_document() -> Document {
    let mut doc = Document::new("Split");
    let mut firms = String::from("firm\tgroup\tyear\tsales\texports\temployment\tquality\tinformal\tworkers_women\twage_women\twage_men\n");
    for (i, group) in [
        "beneficiary",
        "beneficiary",
        "beneficiary",
        "cluster",
        "control",
        "control",
        "sector",
    ]
    .iter()
    .enumerate()
    {
        for (k, year) in [2018, 2020, 2022].iter().enumerate() {
            let sales = 100.0 * (i as f64 + 1.0) * (1.0 + 0.1 * k as f64 * (i % 3) as f64);
            let employment = 5 + i * 20 + k;
            firms.push_str(&format!(
                "F{i}\t{group}\t{year}\t{sales}\t{}\t{employment}\t{}\t{}\t{}\t{}\t{}\n",
                sales / 4.0,
                if (i + k) % 2 == 0 { "yes" } else { "no" },
                if k == 0 && i % 2 == 0 { "sí" } else { "no" },
                employment / 3 + k,
                300 + 10 * k,
                350 + 5 * k,
            ));
        }
    }
    doc.tables.firms = firms;
    doc.tables.territory = "year\tlocal_gdp\tnational_gdp\n2018\t10\t100\n2022\t13\t110\n".into();
    doc.tables.activities = "activity\tyear\tfirms\nA\t2018\t2\nB\t2022\t5\n".into();
    doc.tables.actors = "actor\ttype\tyear\nU\tuniversity\t2022\n".into();
    doc.tables.subsidies = "year\tamount\tcomponent\n2019\t1000\tTA\n".into();
    doc.project.end_year = Some(2020);
    doc.project.cost_total = Some(100.0);
    doc.project.cost_mif = Some(50.0);
    doc.project.social_benefits = Some(700.0);
    doc.project.cluster_firms = Some(12.0);
    doc.project.institutional_arrangement = YesNoUnknown::Yes;
    doc.project.strategic_plan_consensus = YesNoUnknown::No;
    doc.project.rural = true;
    doc.checklist
        .insert("poverty_targeting".into(), Some(ChecklistAnswer::Partial));
    doc.targets.insert("long.cluster.sales.growth".into(), 0.5);
    doc.targets.insert("pro_poor.wage_gap".into(), 0.1);
    doc.targets.insert("pro_poor.share.women".into(), 0.2);
    doc.targets.insert("long.return_per_dollar".into(), 10.0);
    doc.settings.bootstrap_reps = 50;
    doc
}

fn assert_split_equals_full(doc: &Document) {
    let reads: Vec<_> = TableKind::ALL
        .into_iter()
        .map(|k| read_document_table(doc, k))
        .collect();
    let data = assemble(&reads);
    let full = compute_data(doc, &data);
    let split = finish(doc, &data, &compute_data(&core_of(doc), &data));
    assert_eq!(
        serde_json::to_string(&split).expect("json"),
        serde_json::to_string(&full).expect("json")
    );
}

#[test]
fn split_computation_equals_the_full_one() {
    let doc = rich_document();
    assert_split_equals_full(&doc);
    let mut other = doc.clone();
    other.targets.clear();
    other.project = Default::default();
    assert_split_equals_full(&other);
    let mut unknown = doc.clone();
    unknown.project.cluster_firms = None;
    unknown.project.cost_mif = Some(0.0);
    unknown.checklist.clear();
    assert_split_equals_full(&unknown);
}

#[test]
fn the_core_ignores_facts_checklist_and_targets() {
    let doc = rich_document();
    let mut edited = doc.clone();
    edited.project.cost_total = Some(1.0);
    edited.project.name = "Other".into();
    edited.checklist.clear();
    edited.targets.clear();
    assert_eq!(core_of(&doc), core_of(&edited));
    edited.project.baseline_year = Some(2020);
    assert_ne!(core_of(&doc), core_of(&edited));
}

/// The session the page keeps (on its main thread or in its worker) always gives what
/// the full computation gives, and reads a table again only when its own inputs change.
#[test]
fn a_session_follows_edits_and_rereads_only_what_changed() {
    use cluster_eval_engine::compute::compute;
    use cluster_eval_engine::session::Session;
    use cluster_eval_engine::DecimalSetting;

    let same = |session: &mut Session, doc: &Document| {
        let update = session.update(doc);
        assert_eq!(
            serde_json::to_string(&update.results).expect("json"),
            serde_json::to_string(&compute(doc)).expect("json")
        );
        update.reread
    };
    let mut session = Session::default();
    let mut doc = rich_document();
    assert_eq!(
        same(&mut session, &doc),
        [true; 6],
        "first update reads all"
    );
    assert_eq!(same(&mut session, &doc), [false; 6], "nothing changed");

    doc.project.cost_total = Some(35.0);
    doc.targets.insert("long.cluster.sales.growth".into(), 0.01);
    assert_eq!(same(&mut session, &doc), [false; 6], "facts and targets");

    doc.settings.bootstrap_reps = 20;
    doc.project.end_year = Some(2019);
    assert_eq!(same(&mut session, &doc), [false; 6], "core settings");

    doc.tables.territory.push_str("2020\t11\t105\n");
    assert_eq!(
        same(&mut session, &doc),
        [false, true, false, false, false, false],
        "one table's text"
    );

    doc.tables.proposals = "propuesta\tentidad\ttipo\nP\tA\tempresa\n".into();
    assert_eq!(
        same(&mut session, &doc),
        [false, false, false, false, false, true],
        "the proposals table"
    );

    doc.columns.insert(
        "subsidies".into(),
        [("component".to_string(), None)].into_iter().collect(),
    );
    assert_eq!(
        same(&mut session, &doc),
        [false, false, false, false, true, false],
        "one table's mapping"
    );

    doc.settings.decimal = DecimalSetting::Comma;
    assert_eq!(same(&mut session, &doc), [true; 6], "reading settings");
    assert!(session.read(TableKind::Firms).is_some());

    let only_territory = session.summaries([false, true, false, false, false, false], false);
    let shown: Vec<bool> = only_territory.iter().map(Option::is_some).collect();
    assert_eq!(shown, [false, true, false, false, false, false]);
    assert_eq!(
        only_territory[1],
        Some(read_document_table(&doc, TableKind::Territory).summary())
    );
    assert!(session
        .summaries([false; 6], true)
        .iter()
        .all(Option::is_some));
}

/// What the page's worker sends back survives the trip through JSON unchanged.
#[test]
fn summaries_and_results_round_trip_through_json() {
    use cluster_eval_engine::read::TableSummary;
    use cluster_eval_engine::Results;

    let mut doc = rich_document();
    doc.tables
        .firms
        .push_str("F9\tsomewhere\t2018\t1,2,3\n F1\tbeneficiary\t2018\t5\t\t\t\t\t\t\t\t\t9\n");
    for kind in TableKind::ALL {
        let summary = read_document_table(&doc, kind).summary();
        let json = serde_json::to_string(&summary).expect("json");
        let back: TableSummary = serde_json::from_str(&json).expect("summary back");
        assert_eq!(back, summary, "{kind}");
    }
    let firms = read_document_table(&doc, TableKind::Firms).summary();
    assert!(!firms.errors.is_empty(), "the bad rows are errors");

    let results = cluster_eval_engine::compute(&doc);
    let json = serde_json::to_string(&results).expect("json");
    let back: Results = serde_json::from_str(&json).expect("results back");
    let again = serde_json::to_string(&back).expect("json");
    let first_difference = again.bytes().zip(json.bytes()).position(|(a, b)| a != b);
    assert!(
        first_difference.is_none() && again.len() == json.len(),
        "results change on the trip at byte {first_difference:?}: {}",
        &json[first_difference.unwrap_or(0).saturating_sub(200)..][..300.min(json.len())]
    );
}
