//! The whole calculation: tables in, `results` out.
//!
//! Reading and computing are split so the page can keep each table's reading and
//! only re-read a table whose own text or settings changed.

use cluster_eval_types::document::Document;
use cluster_eval_types::reading::RowError;
use cluster_eval_types::results::{
    ErrorEntry, Horizon, Indicator, Message, Results, Status, Warning,
};

use crate::indicators::firms::FirmIndex;
use crate::model::Dataset;
use crate::model::TableKind;
use crate::read::{self, TableRead};
use crate::{indicators, pro_poor, years};

/// Reads every table of `doc` and computes its results.
pub fn compute(doc: &Document) -> Results {
    let reads: Vec<TableRead> = TableKind::ALL
        .into_iter()
        .map(|kind| read_document_table(doc, kind))
        .collect();
    let refs: Vec<&TableRead> = reads.iter().collect();
    let errors = error_entries(&refs);
    // As `compute_from_reads`, but the rows are moved into the dataset, not copied.
    let data = read::assemble_owned(reads);
    let mut results = compute_data(doc, &data);
    results.errors = errors;
    results
}

/// Reads one table of a document: its text, the document's reading settings and the
/// user's column mapping for that table (the reader never sees the document).
pub fn read_document_table(doc: &Document, kind: TableKind) -> TableRead {
    read::read_table(
        kind,
        doc.table_text(kind),
        &doc.settings,
        doc.columns.get(kind.name()),
    )
}

/// Computes the results of `doc` from tables already read (with the same settings).
pub fn compute_from_reads(doc: &Document, reads: &[&TableRead]) -> Results {
    let data = read::assemble(reads.iter().copied());
    let mut results = compute_data(doc, &data);
    results.errors = error_entries(reads);
    results
}

/// The row errors of tables read, as stored in `results.errors`.
pub fn error_entries(reads: &[&TableRead]) -> Vec<ErrorEntry> {
    reads
        .iter()
        .flat_map(|r| r.errors.iter().map(error_entry))
        .collect()
}

/// One row error as stored in `results.errors`.
pub fn error_entry(error: &RowError) -> ErrorEntry {
    let mut params = error.kind.params();
    if let Some(h) = &error.header {
        if error.column.as_deref() != Some(h.as_str()) {
            params.insert("header".into(), h.as_str().into());
        }
    }
    ErrorEntry {
        table: error.table.name().to_string(),
        line: error.line,
        column: error.column.clone(),
        text: error.text.clone(),
        reason: error.kind.english(error.column.as_deref()),
        code: error.kind.code().to_string(),
        params,
    }
}

/// The part of a document the costly computation depends on: the years and the
/// settings, never the facts, checklist or targets a person edits one by one.
///
/// `finish(doc, data, &compute_data(&core_of(doc), data))` equals
/// `compute_data(doc, data)` (a test holds it), so the page computes the panels and
/// bootstrap intervals again only when the data, years or settings change, and a
/// change of a cost, a checklist answer or a target costs microseconds.
pub fn core_of(doc: &Document) -> Document {
    let mut core = Document::new("");
    core.project.start_year = doc.project.start_year;
    core.project.end_year = doc.project.end_year;
    core.project.baseline_year = doc.project.baseline_year;
    core.project.followup_year = doc.project.followup_year;
    core.settings = doc.settings.clone();
    core
}

/// Completes results computed from [`core_of`]`(doc)`: the indicators of the project
/// facts and checklist computed afresh, targets applied, the winners-and-losers table
/// and the footnote-19 tags.
pub fn finish(doc: &Document, data: &Dataset, core: &Results) -> Results {
    let mut results = core.clone();
    let index = FirmIndex::new(&data.firms);
    let fresh = indicators::returns::returns(&doc.project)
        .into_iter()
        .chain(indicators::short::short(&doc.project, data, &index))
        .chain([pro_poor::checklist::compute(doc)]);
    for indicator in fresh {
        if let Some(slot) = results.indicators.iter_mut().find(|i| i.id == indicator.id) {
            *slot = indicator;
        }
    }
    for indicator in &mut results.indicators {
        indicators::costs::apply_cost(&doc.project, indicator);
        let ceiling = pro_poor::is_ceiling(&indicator.id);
        indicators::status::apply_target(indicator, &doc.targets, ceiling);
        keep_finite(indicator);
    }
    // After the targets: a target on a design check changes its verdict.
    indicators::verdicts::apply_design_flags(&mut results.indicators);
    let poor: Vec<Indicator> = results
        .indicators
        .iter()
        .filter(|i| i.horizon == Horizon::ProPoor)
        .cloned()
        .collect();
    results.winners_losers = pro_poor::winners::table(&poor);
    results.poverty_impact_tags = doc.project.tags().iter().map(|t| t.to_string()).collect();
    results
}

/// Computes the results of `doc` over a dataset (without row errors).
pub fn compute_data(doc: &Document, data: &Dataset) -> Results {
    let mut results = Results::default();
    let years = match years::resolve(&doc.project, &data.firms) {
        Ok(y) => Some(y),
        Err(e) => {
            results.warnings.push(Warning::new(match e {
                years::YearsError::NoData => Message::YearsNoData,
                years::YearsError::NotBefore { baseline, followup } => {
                    Message::YearsNotBefore { baseline, followup }
                }
            }));
            None
        }
    };
    results.baseline_year = years.map(|y| y.baseline);
    results.followup_year = years.map(|y| y.followup);
    // The two halves read the same data and nothing of each other: natively, on a
    // large table, the pro-poor checks run beside the Annex II indicators.
    let ((annex, warnings), (poor, winners)) = both(
        data.firms.rows.len() >= 20_000,
        || indicators::compute(doc, data, years),
        || pro_poor::compute(doc, data, years),
    );
    results.indicators = annex;
    results.indicators.extend(poor);
    results
        .indicators
        .extend(indicators::screening::compute(&data.proposals));
    results.indicators.iter_mut().for_each(keep_finite);
    // SPEC v3: the failed design checks on every comparison they bear on, once every
    // indicator (both halves) is computed.
    indicators::verdicts::apply_design_flags(&mut results.indicators);
    results.warnings.extend(warnings);
    results.winners_losers = winners;
    results.poverty_impact_tags = doc.project.tags().iter().map(|t| t.to_string()).collect();
    results
}

/// `(a(), b())`, natively on two threads when `parallel`.
fn both<A, B: Send>(parallel: bool, a: impl FnOnce() -> A, b: impl Fn() -> B + Sync) -> (A, B) {
    #[cfg(not(target_arch = "wasm32"))]
    if parallel {
        return std::thread::scope(|scope| {
            let helper = std::thread::Builder::new().spawn_scoped(scope, &b);
            let a = a();
            let b = match helper {
                Ok(handle) => handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                // No thread to be had: `b` runs here.
                Err(_) => b(),
            };
            (a, b)
        });
    }
    let _ = parallel;
    (a(), b())
}

/// The last guard of "never NaN or infinity in the output": extreme inputs (1e308
/// divided by 1e-308) can overflow even where every division is checked, so a value
/// that is not a finite number becomes `insufficient_data` with a message, and an
/// interval that is not finite is dropped.
fn keep_finite(indicator: &mut Indicator) {
    if indicator
        .ci
        .is_some_and(|[low, high]| !low.is_finite() || !high.is_finite())
    {
        indicator.ci = None;
    }
    if indicator.value.is_some_and(|v| !v.is_finite()) {
        indicator.value = None;
        indicator.ci = None;
        indicator.status = Status::InsufficientData;
        indicator.say(Message::NotFinite);
    }
}

/// `doc` with its `results` filled in (what export and `cluster-eval compute` write).
pub fn with_results(doc: &Document) -> Document {
    let mut out = doc.clone();
    out.results = Some(compute(doc));
    out
}
