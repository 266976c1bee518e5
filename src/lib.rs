//! The page's library: components, state and storage, shared by the binary and the
//! browser tests in `tests/`.
//!
//! What the page decides without a browser (texts, formatting, names, note wording,
//! CSV, the example) lives in the `cluster-eval-ui` crate and is re-exported here
//! under its old paths, so a component writes `crate::i18n::t` as before.

pub mod app;
pub mod browser_lang;
pub mod components;
pub mod compute_link;
pub mod files;
pub mod lang_files;
pub mod reading;
pub mod startup;
pub mod state;
pub mod storage;
pub mod timers;
pub mod workbook_link;

pub use cluster_eval_ui::{
    csv_export, detail_names, example, fields, format, formulas, i18n, labels, messages, names,
    notes, verdict,
};
