//! `cluster-eval-ui`: everything the page decides that is not a browser call.
//!
//! Texts in three languages ([`i18n`], [`messages`]), numbers as
//! the reader writes them ([`format`], [`fields`]), names of ids, columns and detail
//! keys ([`names`], [`detail_names`], [`labels`]), the wording of the engine's notes
//! ([`notes`]) and formulas ([`formulas`]), the CSV export ([`csv_export`]) and the
//! built-in example ([`example`]), and the project store ([`store`]: saving, two tabs,
//! full storage, as one state machine). No web dependency: plain `cargo test` runs its
//! tests natively, and the page's components (the root crate) import from it, never
//! the reverse.

#![forbid(unsafe_code)]

pub mod charts;
pub mod csv_export;
pub mod decimal_check;
pub mod decode;
pub mod design;
pub mod detail_names;
pub mod example;
pub mod execution;
pub mod fields;
pub mod file_names;
pub mod format;
pub mod formulas;
pub mod i18n;
pub mod labels;
pub mod messages;
pub mod names;
pub mod notes;
pub mod portfolio;
pub mod report;
pub mod screening;
pub mod store;
pub mod summary;
pub mod verdict;
pub mod workbook_step;
