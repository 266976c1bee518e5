//! Reading pasted spreadsheet tables (SPEC, "Tables" and "Cell values").
//!
//! STUB: to be replaced by the full reader (issue 3). The public interface below is
//! the contract the rest of the engine and the page rely on.

use crate::document::{Document, Settings};
use crate::model::{
    ActivityRow, ActorRow, Dataset, FirmsTable, SubsidyRow, TableKind, TerritoryRow,
};
use crate::results::ErrorEntry;
use std::collections::BTreeMap;

/// One rejected row, or a table-level problem (line of the header).
#[derive(Debug, Clone, PartialEq)]
pub struct RowError {
    pub table: TableKind,
    pub line: usize,
    pub column: Option<String>,
    pub text: String,
}

impl RowError {
    /// The error as stored in `results.errors`.
    pub fn entry(&self) -> ErrorEntry {
        ErrorEntry {
            table: self.table.name().to_string(),
            line: self.line,
            column: self.column.clone(),
            text: self.text.clone(),
            reason: String::new(),
            code: String::new(),
            params: Default::default(),
        }
    }
}

/// What the page shows under a paste box.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReadReport {
    pub rows_read: usize,
    pub rows_excluded: usize,
}

/// The typed rows of one table.
#[derive(Debug, Clone, PartialEq)]
pub enum TableRows {
    Firms(FirmsTable),
    Territory(Vec<TerritoryRow>),
    Activities(Vec<ActivityRow>),
    Actors(Vec<ActorRow>),
    Subsidies(Vec<SubsidyRow>),
}

/// One table read.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRead {
    pub kind: TableKind,
    pub rows: TableRows,
    pub report: ReadReport,
    pub errors: Vec<RowError>,
}

/// Reads one table's raw text with the document's settings and the user's mapping
/// for that table. Never panics, whatever the text.
pub fn read_table(
    kind: TableKind,
    _text: &str,
    _settings: &Settings,
    _mapping: Option<&BTreeMap<String, Option<String>>>,
) -> TableRead {
    let rows = match kind {
        TableKind::Firms => TableRows::Firms(FirmsTable::default()),
        TableKind::Territory => TableRows::Territory(Vec::new()),
        TableKind::Activities => TableRows::Activities(Vec::new()),
        TableKind::Actors => TableRows::Actors(Vec::new()),
        TableKind::Subsidies => TableRows::Subsidies(Vec::new()),
    };
    TableRead {
        kind,
        rows,
        report: ReadReport::default(),
        errors: Vec::new(),
    }
}

/// Reads one table of a document.
pub fn read_document_table(doc: &Document, kind: TableKind) -> TableRead {
    read_table(
        kind,
        doc.table_text(kind),
        &doc.settings,
        doc.columns.get(kind.name()),
    )
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
        }
    }
    data
}
