//! Messages between a page (the calculator or the portfolio) and the compute worker,
//! the one place in the browser where the engine runs.
//!
//! A message is a JSON text (serde_json is in every module already) with, beside it,
//! the large texts it refers to as plain JavaScript strings: a census-size table (10
//! MB) crosses without being escaped into JSON and parsed back. [`Envelope`] pairs the
//! two; the transports (`src/compute_link.rs` on the page, `compute-worker/` in the
//! worker) are the only code that packs and unpacks one.

use cluster_eval_types::portfolio::{ByContext, ContextFact, PoolError, Pooled, Table, Totals};
use cluster_eval_types::{Results, TableKind, TableSummary};
use serde::{Deserialize, Serialize};

/// A request to the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Read the document's tables and compute its results. `document` is the
    /// document's JSON *without* its table texts and results; the texts travel in the
    /// envelope, one slot per table in the order of [`TableKind::ALL`], `None` for a
    /// text unchanged since the previous `Compute` (the worker keeps what it was
    /// sent). `all` asks for the summary of every table, not only of those read again.
    Compute { document: String, all: bool },
    /// Portfolio: compute one project (its document's full JSON, tables included) and
    /// keep it under `key` for the requests below.
    AddProject { key: u32, document: String },
    /// Portfolio: forget the projects under these keys.
    RemoveProjects { keys: Vec<u32> },
    /// Portfolio: the table of the projects `shown` (in this order), what can be
    /// pooled over them and the pooled estimate of `pool` (else of the first that
    /// can), and which of `all` (every project, in order) are copies of an earlier one.
    /// v3: the totals of the projects shown, and with `by` the pooled estimate of
    /// that id within each level of the fact, with the test for subgroup differences.
    Portfolio {
        shown: Vec<u32>,
        all: Vec<u32>,
        pool: Option<String>,
        #[serde(default)]
        by: Option<ContextFact>,
    },
}

/// The worker's answer to one request (the same sequence number comes back).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    Computed(Computed),
    /// The project under `key`, computed: its results and the distinct firms of its
    /// firms table.
    Project {
        key: u32,
        results: Results,
        firms: usize,
    },
    /// The projects were forgotten.
    Removed,
    Portfolio(Box<PortfolioView>),
    /// The request could not be served (a document the engine cannot read, a key it
    /// does not have); worded in English for the log, the page says it in the
    /// reader's language.
    Refused {
        reason: String,
    },
}

/// What a `Compute` gives back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Computed {
    /// In the order of [`TableKind::ALL`]; `None` for a table whose summary is
    /// unchanged since the last answer.
    pub reads: Vec<Option<TableSummary>>,
    pub results: Results,
}

/// What the portfolio page shows of the projects it has (a `Portfolio` answer).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PortfolioView {
    /// The table of the projects shown, over the default indicator ids they have.
    pub table: Table,
    /// What can be pooled: every `vs_control` comparison the projects have (the
    /// default set's first, in its order), then the amounts of money.
    pub pool_ids: Vec<String>,
    /// The indicator pooled: the one asked for if it can be, else the first.
    pub pool_id: Option<String>,
    pub pooled: Option<Result<Pooled, PoolError>>,
    /// For each project of `all`, the position of the first earlier one of the same
    /// content, if any.
    pub copies: Vec<Option<usize>>,
    /// v3: the totals of the projects shown (copies counted once).
    #[serde(default)]
    pub totals: Totals,
    /// v3: the pooled id compared by the fact asked for (`by`), when there is one.
    #[serde(default)]
    pub by_context: Option<Result<ByContext, PoolError>>,
}

/// A message and the large texts beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Envelope<T> {
    /// Answers carry the number of the request they answer.
    pub seq: u32,
    pub message: T,
    /// For `Compute`: one slot per table, [`TableKind::COUNT`] of them.
    pub texts: Vec<Option<String>>,
}

/// The number of text slots a `Compute` carries.
pub const TEXT_SLOTS: usize = TableKind::COUNT;

/// Encodes a message as the JSON text that crosses.
pub fn encode<T: Serialize>(message: &T) -> String {
    // A message of these types always serialises (no maps with non-string keys).
    serde_json::to_string(message).unwrap_or_default()
}

/// Decodes the JSON text of a message.
pub fn decode<T: for<'de> Deserialize<'de>>(json: &str) -> Result<T, String> {
    // Through a `Value`, the way documents are read: that decoder is already in the
    // page, a direct one for each message type would add a second copy of much the
    // same code to the page's WebAssembly (docs/performance.md).
    serde_json::from_str::<serde_json::Value>(json)
        .and_then(serde_json::from_value::<T>)
        .map_err(|e| e.to_string())
}
