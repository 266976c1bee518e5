//! `cluster-eval-workbook`: workbooks in and out, kept out of the page's first visit.
//!
//! - [`open`]: a `.xlsx`, `.xls` or `.ods` file's sheets, read with `calamine` as the
//!   typed values they are, each turned into the *text form* a table keeps as its raw
//!   text (tab-separated, numbers with a `.`, see `TableSource` in the engine) and
//!   matched to a table by its name or its header row.
//! - [`template`]: the template to fill in, in the page's language (`rust_xlsxwriter`).
//! - [`results_book`]: the results as a workbook, with proper number formats.
//!
//! - [`answer`]: the worker's reply to each of the page's requests
//!   (`cluster_eval_protocol::workbook`).
//!
//! It computes nothing: the results workbook is written from the results the page
//! gives it (the engine is a dependency for its types only). No web dependency: it is
//! tested natively with `cargo test`. The page runs it in a Web Worker of its own
//! (`src/bin/workbook-worker/main.rs`), a second WebAssembly module that is not part
//! of the first visit.

#![forbid(unsafe_code)]

pub mod answer;
mod cells;
mod header_row;
mod matching;
pub mod open;
pub mod readme_texts;
pub mod results_book;
mod sheet_paths;
pub mod sheet_scan;
mod shown;
pub mod template;
pub mod texts;

pub use answer::answer;
pub use header_row::SheetText;
pub use matching::{sheet_kind, sheet_name, SheetMatch};
pub use open::{open, proposal, Format, OpenError, OpenedSheet, OpenedWorkbook, MAX_FILE_BYTES};
