//! `cluster-eval-protocol`: every message between the page and its workers, as serde
//! types, one module per worker. No web dependency: how a message crosses (JSON text,
//! transferred bytes) is said in each module and done by one module on each side.

pub mod workbook;
