//! Balanced panels between any two years of the firms table, for the design checks
//! (the pre-trend over `p → b`) and the event study (`b → t` for every year `t`).
//!
//! The rows are grouped by year once ([`YearRows::new`], one pass over the table with
//! the firm slots already hashed by [`super::firms::FirmIndex`]); a pair of years then
//! costs one pass over the rows of those two years. The panels are the ones of
//! [`super::panels`] (`[num_from, num_to, den_from, den_to]` per firm), so growths and
//! bootstrap draws are computed exactly as for `b → f`.

use std::collections::BTreeMap;

use super::firms::FirmIndex;
use super::panels::{Panel, Side};
use super::productivity::Metric;
use crate::model::{FirmYear, FirmsTable};

/// The rows of the firms table by year, each with its firm's slot.
pub struct YearRows<'a> {
    by_year: BTreeMap<i32, Vec<(u32, &'a FirmYear)>>,
    slots: usize,
}

impl<'a> YearRows<'a> {
    pub fn new(table: &'a FirmsTable, index: &FirmIndex<'a>) -> Self {
        let mut by_year: BTreeMap<i32, Vec<(u32, &'a FirmYear)>> = BTreeMap::new();
        for (row, &slot) in table.rows.iter().zip(&index.slot) {
            by_year.entry(row.year).or_default().push((slot, row));
        }
        YearRows {
            by_year,
            slots: index.firms.len(),
        }
    }

    /// The years of the table, in order.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.by_year.keys().copied()
    }

    /// The four panels (in [`Side::ALL`] order) of each metric between `from` and `to`:
    /// the firms with a row in both years and the metric valid in both, in the order
    /// of their rows in `to`.
    pub fn panels<const N: usize>(
        &self,
        from: i32,
        to: i32,
        metrics: [Metric; N],
    ) -> [[Panel; 4]; N] {
        let mut out: [[Panel; 4]; N] = std::array::from_fn(|m| {
            std::array::from_fn(|_| Panel {
                ratio: metrics[m].is_ratio(),
                ..Panel::default()
            })
        });
        let (Some(rows_from), Some(rows_to)) = (self.by_year.get(&from), self.by_year.get(&to))
        else {
            return out;
        };
        let mut at: Vec<Option<&FirmYear>> = vec![None; self.slots];
        for &(slot, row) in rows_from {
            if let Some(a) = at.get_mut(slot as usize) {
                *a = Some(row);
            }
        }
        for &(slot, row) in rows_to {
            let Some(Some(start)) = at.get(slot as usize).copied() else {
                continue;
            };
            if start.group != row.group {
                continue;
            }
            let mask = super::panels::side_mask(row.group);
            for (m, metric) in metrics.iter().enumerate() {
                let (Some(a), Some(z)) = (metric.values(start), metric.values(row)) else {
                    continue;
                };
                let firm = [a.0, z.0, a.1, z.1];
                for side in Side::ALL {
                    if mask & (1 << side as u8) != 0 {
                        out[m][side as usize].push(firm);
                    }
                }
            }
        }
        out
    }
}
