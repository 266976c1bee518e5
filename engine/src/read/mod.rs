//! Reading pasted spreadsheet tables (SPEC, "Tables" and "Cell values").
//!
//! The public interface (`read_table`, `TableRead`, `RowError`, `ReadReport`,
//! `assemble`) is what the rest of the engine and the page rely on. The reader takes
//! a table's text, the reading settings and the table's column mapping, never the
//! document (`compute::read_document_table` hands it a document's table). What it
//! reports (`RowError`, `ReadReport`, `Preview`, `TableSummary`), the columns of
//! each table (`schema`) and the text folding and yes/no words are types of
//! `cluster-eval-types`, re-exported here. One concept per file: `dialect`
//! (separator, quotes, BOM, line endings, records), `header` (synonyms, user
//! mapping, duplicate claims), `invisible` (zero-width and direction marks read as
//! absent), `wide` (wide → long), `number` (conventions, decimal mark per column),
//! `cell` (missing, groups), `tables` (typed rows, cross-row checks), `preview`, and
//! `reader`, which runs them in order.
//!
//! Everything here handles text a person pasted: no `unwrap`, `expect`, `panic!` or
//! unchecked indexing (a panic in WebAssembly stops the page), held by clippy.

#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

mod cell;
mod dialect;
mod header;
mod invisible;
mod number;
mod preview;
mod reader;
mod tables;
mod wide;

pub use cluster_eval_types::reading::{
    CellRead, DecimalMark, DecimalReport, DecimalSource, HeaderOutcome, HeaderReport,
    IgnoredBecause, InvisibleChar, MatchedBy, Preview, PreviewCell, PreviewRow, ReadReport,
    RowError, RowErrorKind, Separator, NO_VALUE, SeparatorSource, TableSummary, PREVIEW_ROWS,
};
pub use cluster_eval_types::schema::{columns, ColumnDef, ColumnType};
pub use cluster_eval_types::text::{fold, is_invisible, yes_no};
pub use reader::{column_of_header, columns_named};

use cluster_eval_types::document::Settings;
use crate::model::{
    ActivityRow, ActorRow, Dataset, FirmsTable, ProposalRow, SubsidyRow, TableKind, TerritoryRow,
};
use std::collections::BTreeMap;

/// The typed rows of one table.
#[derive(Debug, Clone, PartialEq)]
pub enum TableRows {
    Firms(FirmsTable),
    Territory(Vec<TerritoryRow>),
    Activities(Vec<ActivityRow>),
    Actors(Vec<ActorRow>),
    Subsidies(Vec<SubsidyRow>),
    Proposals(Vec<ProposalRow>),
}

/// One table read.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRead {
    pub kind: TableKind,
    pub rows: TableRows,
    pub report: ReadReport,
    pub errors: Vec<RowError>,
    /// The first rows as read, for the page's "what was read" grid.
    pub preview: Preview,
}

impl TableRead {
    /// Everything the page shows of this reading.
    pub fn summary(&self) -> TableSummary {
        TableSummary {
            kind: self.kind,
            report: self.report.clone(),
            errors: self.errors.clone(),
            preview: self.preview.clone(),
        }
    }
}

/// Reads one table's raw text with the document's settings and the user's mapping
/// for that table. Never panics, whatever the text.
pub fn read_table(
    kind: TableKind,
    text: &str,
    settings: &Settings,
    mapping: Option<&BTreeMap<String, Option<String>>>,
) -> TableRead {
    reader::read(kind, text, settings, mapping)
}

/// Puts tables read one by one together into a dataset, taking their rows (no copy:
/// on 100,000 rows a copy cost as much as reading the numbers).
pub fn assemble_owned(reads: impl IntoIterator<Item = TableRead>) -> Dataset {
    let mut data = Dataset::default();
    for read in reads {
        match read.rows {
            TableRows::Firms(t) => data.firms = t,
            TableRows::Territory(r) => data.territory = r,
            TableRows::Activities(r) => data.activities = r,
            TableRows::Actors(r) => data.actors = r,
            TableRows::Subsidies(r) => data.subsidies = r,
            TableRows::Proposals(r) => data.proposals = r,
        }
    }
    data
}

/// Puts tables read one by one together into a dataset.
pub fn assemble<'a>(reads: impl IntoIterator<Item = &'a TableRead>) -> Dataset {
    let mut data = Dataset::default();
    for read in reads {
        match &read.rows {
            TableRows::Firms(t) => data.firms = t.clone(),
            TableRows::Territory(r) => data.territory = r.clone(),
            TableRows::Activities(r) => data.activities = r.clone(),
            TableRows::Actors(r) => data.actors = r.clone(),
            TableRows::Subsidies(r) => data.subsidies = r.clone(),
            TableRows::Proposals(r) => data.proposals = r.clone(),
        }
    }
    data
}
