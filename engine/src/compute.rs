//! The whole calculation: tables in, `results` out.
//!
//! Reading and computing are split so the page can keep each table's reading and
//! only re-read a table whose own text or settings changed.

use crate::document::Document;
use crate::model::TableKind;
use crate::read::{self, TableRead};
use crate::results::{Note, Results, Warning};
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
    results.warnings.extend(warnings);
    results.winners_losers = winners;
    results.poverty_impact_tags = doc.project.tags().iter().map(|t| t.to_string()).collect();
    results.errors = reads
        .iter()
        .flat_map(|r| r.errors.iter().map(|e| e.entry()))
        .collect();
    results
}

/// `doc` with its `results` filled in (what export and `cluster-eval compute` write).
pub fn with_results(doc: &Document) -> Document {
    let mut out = doc.clone();
    out.results = Some(compute(doc));
    out
}
