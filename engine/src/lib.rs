//! `cluster-eval-engine`: reads pasted cluster-monitoring tables and computes the IDB
//! Annex II monitoring and evaluation indicators and the pro-poor targeting checks.
//!
//! A pure library: no web dependency. The page (the root crate) and the
//! `cluster-eval` command-line tool are thin fronts over it.
//!
//! The flow: [`Document`] (raw tables as pasted) → [`read`] (typed rows, reading
//! reports, row errors) → [`indicators`] and [`pro_poor`] → [`Results`].

pub mod compute;
pub mod document;
pub mod entity;
pub mod indicator_id;
pub mod indicators;
mod json;
pub mod message;
pub mod migrate;
pub mod model;
pub mod panel;
pub mod portfolio;
pub mod pro_poor;
pub mod read;
pub mod results;
pub mod session;
pub mod synth;
pub mod years;

pub use compute::{compute, compute_from_reads, with_results};
pub use document::{Document, DocumentError};
pub use results::{Indicator, Results, Status};
