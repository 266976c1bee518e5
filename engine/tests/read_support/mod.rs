//! Helpers shared by the `read_*` tests.
#![allow(dead_code)]

use std::collections::BTreeMap;

use cluster_eval_engine::model::{FirmYear, FirmsTable, TableKind};
use cluster_eval_engine::read::{read_table, TableRead, TableRows};
use cluster_eval_engine::Settings;

/// Reads with default settings and no mapping.
pub fn read(kind: TableKind, text: &str) -> TableRead {
    read_table(kind, text, &Settings::default(), None)
}

/// Reads with a user mapping.
pub fn read_mapped(kind: TableKind, text: &str, mapping: &[(&str, Option<&str>)]) -> TableRead {
    let map: BTreeMap<String, Option<String>> = mapping
        .iter()
        .map(|(h, c)| (h.to_string(), c.map(str::to_string)))
        .collect();
    read_table(kind, text, &Settings::default(), Some(&map))
}

pub fn firms(read: &TableRead) -> &FirmsTable {
    match &read.rows {
        TableRows::Firms(t) => t,
        other => panic!("not firms: {other:?}"),
    }
}

pub fn firm_rows(read: &TableRead) -> &[FirmYear] {
    &firms(read).rows
}

/// (line, code, column) of every error.
pub fn codes(read: &TableRead) -> Vec<(usize, &'static str, Option<String>)> {
    read.errors
        .iter()
        .map(|e| (e.line, e.kind.code(), e.column.clone()))
        .collect()
}
