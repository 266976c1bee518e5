//! Each table read once per change of its own inputs.
//!
//! A table is read again only when its own text, the reading settings or its column
//! mapping change: editing a project fact or a target recomputes the indicators from
//! the tables already read. The inputs are compared before the reading runs, so a
//! change elsewhere in the document costs a comparison, not a parse.

use std::collections::BTreeMap;

use cluster_eval_engine::document::Settings;
use cluster_eval_engine::model::TableKind;
use cluster_eval_engine::read::{read_table, TableRead};
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
        let results = Memo::new(move |_| {
            let [a, b, c, d, e] = reads;
            a.with(|a| {
                b.with(|b| {
                    c.with(|c| {
                        d.with(|d| {
                            e.with(|e| {
                                state.doc.with(|doc| {
                                    cluster_eval_engine::compute_from_reads(doc, &[a, b, c, d, e])
                                })
                            })
                        })
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
