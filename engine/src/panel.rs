//! Balanced panels: the firms of a set observed in both the baseline and the
//! follow-up year (SPEC, "Computation: Balanced panel").
//!
//! [`FirmPairs`] pairs each firm's baseline row with its follow-up row once; every
//! indicator then filters those pairs instead of searching the table again.

use crate::model::{FirmYear, FirmsTable, Group, Measure};
use crate::years::Years;
use rustc_hash::FxHashMap;

/// One firm's rows in the baseline and the follow-up year.
#[derive(Debug, Clone, Copy)]
pub struct FirmPair<'a> {
    /// Named in `Debug` output when a panel is inspected; no calculation reads it.
    #[allow(dead_code)]
    pub firm: &'a str,
    pub group: Group,
    pub base: Option<&'a FirmYear>,
    pub follow: Option<&'a FirmYear>,
}

impl<'a> FirmPair<'a> {
    /// The firm's value of `measure` in both years, when it has both.
    pub fn both(&self, measure: Measure) -> Option<(f64, f64)> {
        Some((self.base?.get(measure)?, self.follow?.get(measure)?))
    }
}

/// Every firm that has a row in the baseline or the follow-up year, in the order of
/// its first appearance in the table.
#[derive(Debug, Clone)]
pub struct FirmPairs<'a> {
    pub pairs: Vec<FirmPair<'a>>,
}

impl<'a> FirmPairs<'a> {
    pub fn new(table: &'a FirmsTable, years: Years) -> Self {
        let mut position: FxHashMap<&'a str, usize> =
            FxHashMap::with_capacity_and_hasher(table.rows.len() / 4, Default::default());
        let mut pairs: Vec<FirmPair<'a>> = Vec::new();
        for row in &table.rows {
            if row.year != years.baseline && row.year != years.followup {
                continue;
            }
            let at = *position.entry(row.firm.as_str()).or_insert_with(|| {
                pairs.push(FirmPair {
                    firm: row.firm.as_str(),
                    group: row.group,
                    base: None,
                    follow: None,
                });
                pairs.len() - 1
            });
            let pair = &mut pairs[at];
            if row.year == years.baseline {
                pair.base = Some(row);
            } else {
                pair.follow = Some(row);
            }
        }
        FirmPairs { pairs }
    }

    /// The pairs of the firms whose group is one of `groups`.
    pub fn of<'s>(&'s self, groups: &'s [Group]) -> impl Iterator<Item = &'s FirmPair<'a>> + 's {
        self.pairs.iter().filter(move |p| groups.contains(&p.group))
    }
}

/// The sums of an amount over a balanced panel, with each firm's own pair of values
/// (kept for the bootstrap and for "how it was computed").
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PanelSums {
    /// (baseline value, follow-up value) of each panel firm.
    pub values: Vec<(f64, f64)>,
    pub y_b: f64,
    pub y_f: f64,
}

impl PanelSums {
    pub fn from_values(values: Vec<(f64, f64)>) -> Self {
        let y_b = values.iter().map(|v| v.0).sum();
        let y_f = values.iter().map(|v| v.1).sum();
        PanelSums { values, y_b, y_f }
    }

    pub fn n(&self) -> usize {
        self.values.len()
    }

    /// `Y_f / Y_b − 1`, or `None` with no firm or a zero baseline.
    pub fn growth(&self) -> Option<f64> {
        growth(self.y_b, self.y_f)
    }

    /// `(Y_f / Y_b)^(1/span) − 1`, or `None` where growth is undefined.
    #[cfg(any(test, feature = "internals"))]
    pub fn cagr(&self, span: i32) -> Option<f64> {
        cagr(self.y_b, self.y_f, span)
    }
}

/// `to / from − 1`, finite or `None`.
pub fn growth(from: f64, to: f64) -> Option<f64> {
    if from == 0.0 || !from.is_finite() || !to.is_finite() {
        return None;
    }
    finite(to / from - 1.0)
}

/// Compound annual growth rate over `span` years, finite or `None`.
pub fn cagr(from: f64, to: f64, span: i32) -> Option<f64> {
    if span <= 0 {
        return None;
    }
    let ratio = growth(from, to)? + 1.0;
    if ratio < 0.0 {
        return None;
    }
    finite(ratio.powf(1.0 / f64::from(span)) - 1.0)
}

/// `Some(x)` when `x` is a finite number.
pub fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}
