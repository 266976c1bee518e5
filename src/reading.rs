//! Each table read once per change of its own inputs.
//!
//! A table is read again only when its own text, the reading settings or its column
//! mapping change: editing a project fact or a target recomputes the indicators from
//! the tables already read. The inputs are compared before the reading runs, so a
//! change elsewhere in the document costs a comparison, not a parse.

use std::collections::BTreeMap;

use cluster_eval_engine::compute;
use cluster_eval_engine::document::Settings;
use cluster_eval_engine::model::TableKind;
use cluster_eval_engine::read::{self, read_table, TableRead};
use cluster_eval_engine::Results;
use leptos::prelude::*;

use crate::state::AppState;

/// What the reading of one table depends on.
#[derive(Clone, PartialEq)]
struct ReadInputs {
    text: String,
    settings: Settings,
    mapping: Option<BTreeMap<String, Option<String>>>,
}

/// The five tables read, and the results computed from them.
#[derive(Clone, Copy)]
pub struct Reading {
    reads: [Memo<TableRead>; 5],
    pub results: Memo<Results>,
}

impl Reading {
    pub fn new(state: AppState) -> Self {
        let reads = TableKind::ALL.map(|kind| {
            let inputs = Memo::new(move |_| {
                state.doc.with(|d| ReadInputs {
                    text: d.table_text(kind).to_string(),
                    settings: reading_settings(&d.settings),
                    mapping: d.columns.get(kind.name()).cloned(),
                })
            });
            Memo::new(move |_| {
                inputs.with(|i| read_table(kind, &i.text, &i.settings, i.mapping.as_ref()))
            })
        });
        let [a, b, c, d, e] = reads;
        let with_reads = move |f: &mut dyn FnMut(&[&TableRead; 5])| {
            a.with(|a| b.with(|b| c.with(|c| d.with(|d| e.with(|e| f(&[a, b, c, d, e]))))))
        };
        let data = Memo::new(move |_| {
            let mut out = None;
            with_reads(&mut |r| out = Some(read::assemble(r.iter().copied())));
            out.unwrap_or_default()
        });
        let errors = Memo::new(move |_| {
            let mut out = Vec::new();
            with_reads(&mut |r| out = compute::error_entries(r));
            out
        });
        // The costly part (panels, bootstrap intervals) runs again only when the data,
        // the years or the settings change; facts, checklist and targets are applied
        // on top by `finish` (the engine's own split, tested equal to the full run).
        let core = Memo::new(move |_| state.doc.with(compute::core_of));
        let core_results = Memo::new(move |_| {
            core.with(|core| data.with(|data| compute::compute_data(core, data)))
        });
        let results = Memo::new(move |_| {
            state.doc.with(|doc| {
                data.with(|data| {
                    core_results.with(|core| {
                        let mut results = compute::finish(doc, data, core);
                        results.errors = errors.get();
                        results
                    })
                })
            })
        });
        Reading { reads, results }
    }

    /// The reading of one table.
    pub fn table(&self, kind: TableKind) -> Memo<TableRead> {
        self.reads[TableKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)]
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
