//! The whole calculation: tables in, `results` out.
//!
//! Reading and computing are split so the page can keep each table's reading and
//! only re-read a table whose own text or settings changed.

use crate::document::Document;
use crate::model::TableKind;
use crate::read::{self, TableRead};
use crate::results::{Indicator, Note, Results, Status, Warning};
use crate::{indicators, pro_poor, years};

/// Reads every table of `doc` and computes its results.
pub fn compute(doc: &Document) -> Results {
    let reads: Vec<TableRead> = TableKind::ALL
        .into_iter()
        .map(|kind| read::read_document_table(doc, kind))
        .collect();
    let refs: Vec<&TableRead> = reads.iter().collect();
    compute_from_reads(doc, &refs)
}

/// Computes the results of `doc` from tables already read (with the same settings).
pub fn compute_from_reads(doc: &Document, reads: &[&TableRead]) -> Results {
    let data = read::assemble(reads.iter().copied());
    let mut results = Results::default();
    let years = match years::resolve(&doc.project, &data.firms) {
        Ok(y) => Some(y),
        Err(e) => {
            results.warnings.push(Warning::new(
                e.english(),
                match e {
                    years::YearsError::NoData => Note::new("years_no_data"),
                    years::YearsError::NotBefore { baseline, followup } => {
                        Note::new("years_not_before")
                            .with("baseline", baseline)
                            .with("followup", followup)
                    }
                },
            ));
            None
        }
    };
    results.baseline_year = years.map(|y| y.baseline);
    results.followup_year = years.map(|y| y.followup);
    let (annex, warnings) = indicators::compute(doc, &data, years);
    let (poor, winners) = pro_poor::compute(doc, &data, years);
    results.indicators = annex;
    results.indicators.extend(poor);
    results.indicators.iter_mut().for_each(keep_finite);
    results.warnings.extend(warnings);
    results.winners_losers = winners;
    results.poverty_impact_tags = doc.project.tags().iter().map(|t| t.to_string()).collect();
    results.errors = reads
        .iter()
        .flat_map(|r| r.errors.iter().map(|e| e.entry()))
        .collect();
    results
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
        indicator.say(
            "the result is too large to be represented (check the magnitudes of the inputs)",
            Note::new("not_finite"),
        );
    }
}

/// `doc` with its `results` filled in (what export and `cluster-eval compute` write).
pub fn with_results(doc: &Document) -> Document {
    let mut out = doc.clone();
    out.results = Some(compute(doc));
    out
}
