//! Annex II indicators: long, medium and short run (SPEC, "Indicators").
//!
//! STUB: to be replaced by the full computation (issue 4).

pub mod status;

use crate::document::Document;
use crate::model::Dataset;
use crate::results::{Indicator, Warning};
use crate::years::Years;

/// Every long, medium and short run indicator, in the SPEC's order, with targets
/// applied, and the calculation's warnings. `years` is `None` when they could not be
/// settled (then every before/after indicator is `insufficient_data`).
pub fn compute(
    _doc: &Document,
    _data: &Dataset,
    _years: Option<Years>,
) -> (Vec<Indicator>, Vec<Warning>) {
    (Vec::new(), Vec::new())
}
