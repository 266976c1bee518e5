//! What "productivity" means for a given firms table (SPEC, "Computation:
//! Productivity"), and how one row gives its value of any measured quantity.
//!
//! - With a `productivity` column: it is an amount like sales (sum over the panel).
//! - Otherwise aggregate labour productivity `P_y = Σ output_y / Σ employment_y`, over
//!   the firms with output **and** employment above 0 in both years (a firm with 0
//!   output is left out like one with 0 workers: the SPEC's "> 0" is read as applying
//!   to both). Output is `production` when the table has that column, else `sales`.

use crate::model::{FirmYear, FirmsTable, Measure};

/// A quantity measured on the firms of a panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// A column summed over the panel: sales, exports, employment, explicit productivity.
    Amount(Measure),
    /// Aggregate labour productivity: Σ output / Σ employment.
    Labour { output: Measure },
}

impl Metric {
    /// The productivity metric of this table.
    pub fn productivity(firms: &FirmsTable) -> Metric {
        if firms.has(Measure::Productivity) {
            Metric::Amount(Measure::Productivity)
        } else if firms.has(Measure::Production) {
            Metric::Labour {
                output: Measure::Production,
            }
        } else {
            Metric::Labour {
                output: Measure::Sales,
            }
        }
    }

    /// True when the panel level is a ratio of sums (labour productivity).
    pub fn is_ratio(self) -> bool {
        matches!(self, Metric::Labour { .. })
    }

    /// The measure key used in ids, details and notes.
    pub fn key(self) -> &'static str {
        match self {
            Metric::Amount(m) => m.name(),
            Metric::Labour { .. } => "productivity",
        }
    }

    /// `detail.method`: how the value was obtained.
    pub fn method(self) -> &'static str {
        match self {
            Metric::Amount(Measure::Productivity) => "productivity_column",
            Metric::Amount(_) => "amount",
            Metric::Labour { .. } => "labour_productivity",
        }
    }

    /// The columns the metric needs that the table lacks (first one), if any.
    pub fn missing_column(self, firms: &FirmsTable) -> Option<&'static str> {
        match self {
            Metric::Amount(m) => (!firms.has(m)).then_some(m.name()),
            Metric::Labour { output } => {
                if !firms.has(output) {
                    Some(output.name())
                } else if !firms.has(Measure::Employment) {
                    Some(Measure::Employment.name())
                } else {
                    None
                }
            }
        }
    }

    /// The row's (numerator, denominator): `(value, 1)` for an amount, `(output,
    /// employment)` for labour productivity, `None` when the row does not qualify.
    #[inline]
    pub fn values(self, row: &FirmYear) -> Option<(f64, f64)> {
        match self {
            Metric::Amount(m) => row.get(m).filter(|v| v.is_finite()).map(|v| (v, 1.0)),
            Metric::Labour { output } => {
                let out = row.get(output)?;
                let emp = row.get(Measure::Employment)?;
                (out > 0.0 && emp > 0.0 && out.is_finite() && emp.is_finite()).then_some((out, emp))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Group;

    #[test]
    fn productivity_method_follows_columns() {
        let row = |m: Measure| FirmYear::new("a", Group::Beneficiary, 2020).with(m, 1.0);
        let with = |ms: &[Measure]| FirmsTable::from_rows(ms.iter().map(|m| row(*m)).collect());
        assert_eq!(
            Metric::productivity(&with(&[Measure::Productivity, Measure::Production])),
            Metric::Amount(Measure::Productivity)
        );
        assert_eq!(
            Metric::productivity(&with(&[Measure::Production, Measure::Sales])),
            Metric::Labour {
                output: Measure::Production
            }
        );
        assert_eq!(
            Metric::productivity(&with(&[Measure::Sales])),
            Metric::Labour {
                output: Measure::Sales
            }
        );
    }

    #[test]
    fn labour_rows_need_both_above_zero() {
        let m = Metric::Labour {
            output: Measure::Sales,
        };
        let r = FirmYear::new("a", Group::Beneficiary, 2020)
            .with(Measure::Sales, 10.0)
            .with(Measure::Employment, 0.0);
        assert_eq!(m.values(&r), None);
        let r = r.with(Measure::Employment, 2.0);
        assert_eq!(m.values(&r), Some((10.0, 2.0)));
    }
}
