//! Incremental calculation of a document that is edited again and again.
//!
//! A person types a fact, answers the checklist, sets a target, pastes a table: each
//! time the page needs the results of the whole document. A [`Session`] keeps what the
//! last calculation built and redoes only what the change touches:
//! - a table is read again only when its own text, the reading settings or its column
//!   mapping change;
//! - the costly part (panels, bootstrap intervals) is computed again only when the
//!   data, the years or the settings change ([`compute::core_of`]);
//! - facts, checklist answers and targets only re-run [`compute::finish`].
//!
//! [`Session::update`] always returns what [`compute::compute`] would (a test holds
//! it). The page runs a session on its main thread for small projects and inside a
//! Web Worker for large ones, so both paths share this one piece of logic.

use std::collections::BTreeMap;

use crate::compute;
use cluster_eval_types::document::{Document, Settings};
use crate::model::{Dataset, TableKind};
use crate::read::{self, read_table, TableRead, TableSummary};
use cluster_eval_types::results::Results;

/// What the reading of one table depends on.
#[derive(Debug, Clone, PartialEq)]
struct ReadInputs {
    text: String,
    settings: Settings,
    mapping: Option<BTreeMap<String, Option<String>>>,
}

impl ReadInputs {
    fn of(doc: &Document, kind: TableKind) -> Self {
        ReadInputs {
            text: doc.table_text(kind).to_string(),
            settings: reading_settings(&doc.settings),
            mapping: doc.columns.get(kind.name()).cloned(),
        }
    }

    /// Compares without copying the (possibly 10 MB) text.
    fn same_as(&self, doc: &Document, kind: TableKind) -> bool {
        self.text == doc.table_text(kind)
            && self.settings == reading_settings(&doc.settings)
            && self.mapping.as_ref() == doc.columns.get(kind.name())
    }
}

/// Only the settings that change how tables are read: the bootstrap or the loser
/// threshold must not trigger a new parse.
fn reading_settings(settings: &Settings) -> Settings {
    Settings {
        decimal: settings.decimal,
        delimiter: settings.delimiter,
        tables: settings.tables.clone(),
        ..Settings::default()
    }
}

/// One table as last read.
#[derive(Debug)]
struct Cached {
    inputs: ReadInputs,
    read: TableRead,
}

/// The results of one update, and which tables were read again for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Update {
    /// In the order of [`TableKind::ALL`].
    pub reread: [bool; TableKind::COUNT],
    pub results: Results,
}

/// What the last calculation built (see the module documentation).
#[derive(Debug, Default)]
pub struct Session {
    tables: [Option<Cached>; TableKind::COUNT],
    /// The tables put together; `None` once a table was read again.
    data: Option<Dataset>,
    /// `core_of(doc)` and the results computed from it over `data`.
    core: Option<(Document, Results)>,
}

impl Session {
    /// The results of `doc`, reusing whatever its change did not touch.
    pub fn update(&mut self, doc: &Document) -> Update {
        let mut reread = [false; TableKind::COUNT];
        for (slot, (cached, kind)) in self.tables.iter_mut().zip(TableKind::ALL).enumerate() {
            if cached.as_ref().is_some_and(|c| c.inputs.same_as(doc, kind)) {
                continue;
            }
            let inputs = ReadInputs::of(doc, kind);
            let read = read_table(
                kind,
                &inputs.text,
                &inputs.settings,
                inputs.mapping.as_ref(),
            );
            *cached = Some(Cached { inputs, read });
            reread[slot] = true;
        }
        if reread.contains(&true) {
            self.data = None;
            self.core = None;
        }
        let reads: Vec<&TableRead> = self.tables.iter().flatten().map(|c| &c.read).collect();
        let data = self
            .data
            .get_or_insert_with(|| read::assemble(reads.iter().copied()));
        let core_doc = compute::core_of(doc);
        if self.core.as_ref().is_some_and(|(old, _)| *old != core_doc) {
            self.core = None;
        }
        let (_, core_results) = self.core.get_or_insert_with(|| {
            let core_results = compute::compute_data(&core_doc, data);
            (core_doc, core_results)
        });
        let mut results = compute::finish(doc, data, core_results);
        results.errors = compute::error_entries(&reads);
        Update { reread, results }
    }

    /// What the page shows of the tables (in the order of [`TableKind::ALL`]): the
    /// summary of each table read again by the last update (`reread`), or of every
    /// table with `all`; `None` for a table whose summary on screen is still right.
    pub fn summaries(
        &self,
        reread: [bool; TableKind::COUNT],
        all: bool,
    ) -> Vec<Option<TableSummary>> {
        TableKind::ALL
            .into_iter()
            .zip(reread)
            .map(|(kind, reread)| {
                (reread || all)
                    .then(|| self.read(kind).map(TableRead::summary))
                    .flatten()
            })
            .collect()
    }

    /// The last reading of a table (`None` before the first update).
    pub fn read(&self, kind: TableKind) -> Option<&TableRead> {
        let slot = TableKind::ALL.iter().position(|k| *k == kind)?;
        self.tables[slot].as_ref().map(|c| &c.read)
    }
}
