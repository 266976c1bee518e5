//! Pro-poor targeting checks (SPEC, "Pro-poor targeting checks"; seed Section 4.3).
//!
//! STUB: to be replaced by the full computation (issue 5).

use crate::document::Document;
use crate::model::Dataset;
use crate::results::{Indicator, WinnerLoser};
use crate::years::Years;

/// Every `pro_poor.*` indicator with targets applied, and the winners-and-losers table.
pub fn compute(_doc: &Document, _data: &Dataset, _years: Option<Years>) -> (Vec<Indicator>, Vec<WinnerLoser>) {
    (Vec::new(), Vec::new())
}
