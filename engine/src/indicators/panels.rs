//! The balanced panels of the four sets B, K, C, S for one metric, built in one pass
//! over the firm pairs, and their year-by-year index series (for charts).
//!
//! A panel keeps, for each of its firms, `[num_b, num_f, den_b, den_f]`: for an amount
//! `num` is the value and `den` is 1; for labour productivity `num` is output and `den`
//! employment. The panel level of a year is `Σ num` (amount) or `Σ num / Σ den`
//! (productivity), so growth, CAGR and every bootstrap draw come from the same sums.
//!
//! **Series.** For each set, the index of year `y` (baseline = 100) compares the panel
//! firms that have a valid value in `y` with the same firms in the baseline:
//! `100 × level_y / level_b(same firms)`. The follow-up point is then exactly
//! `100 × (1 + growth)`. Years in between with no valid value are left out.

use serde_json::{Map, Value};

use super::productivity::Metric;
use super::Ctx;
use crate::model::Group;
use crate::panel::{cagr, growth};

pub use cluster_eval_types::vocab::Side;

/// Bit mask of the [`Side`]s a firm of `group` belongs to.
#[inline]
pub(crate) fn side_mask(group: Group) -> u8 {
    match group {
        Group::Beneficiary => 0b0011,
        Group::Cluster => 0b0010,
        Group::Control => 0b0100,
        Group::Sector => 0b1000,
    }
}

/// One set's balanced panel for one metric.
#[derive(Debug, Clone, Default)]
pub struct Panel {
    pub ratio: bool,
    /// The statistic is the change of the ratio `Σ num_f / Σ den_f − Σ num_b / Σ den_b`
    /// (a share of employment), not a growth (the pro-poor comparisons with the
    /// control group; `ratio` is then true too).
    pub change: bool,
    /// `[num_b, num_f, den_b, den_f]` per panel firm, in table order.
    pub firms: Vec<[f64; 4]>,
    /// Column sums of `firms`.
    pub sums: [f64; 4],
}

impl Panel {
    pub(crate) fn push(&mut self, firm: [f64; 4]) {
        for (s, v) in self.sums.iter_mut().zip(firm) {
            *s += v;
        }
        self.firms.push(firm);
    }

    pub fn n(&self) -> usize {
        self.firms.len()
    }

    /// `Y_b` (amount) or `P_b` (productivity).
    pub fn level_b(&self) -> f64 {
        level(self.sums[0], self.sums[2], self.ratio)
    }

    /// `Y_f` (amount) or `P_f` (productivity).
    pub fn level_f(&self) -> f64 {
        level(self.sums[1], self.sums[3], self.ratio)
    }

    pub fn growth(&self) -> Option<f64> {
        if self.firms.is_empty() {
            return None;
        }
        growth(self.level_b(), self.level_f())
    }

    /// What the bootstrap compares: the growth, or for a `change` panel the change of
    /// the ratio (see [`Panel::change`]).
    pub fn stat(&self) -> Option<f64> {
        if self.change {
            if self.firms.is_empty() {
                return None;
            }
            let [nb, nf, db, df] = self.sums;
            super::bootstrap::share_change(nb, nf, db, df)
        } else {
            self.growth()
        }
    }

    pub fn cagr(&self, span: i32) -> Option<f64> {
        if self.firms.is_empty() {
            return None;
        }
        cagr(self.level_b(), self.level_f(), span)
    }

    /// The level per firm used by the difference-in-differences: the mean amount per
    /// panel firm, or, for productivity, the aggregate productivity itself (already a
    /// per-worker level).
    pub fn mean_b(&self) -> Option<f64> {
        self.mean(self.level_b())
    }

    pub fn mean_f(&self) -> Option<f64> {
        self.mean(self.level_f())
    }

    fn mean(&self, level: f64) -> Option<f64> {
        if self.firms.is_empty() {
            None
        } else if self.ratio {
            finite(level)
        } else {
            finite(level / self.firms.len() as f64)
        }
    }

    /// `mean_f − mean_b`.
    pub fn change(&self) -> Option<f64> {
        finite(self.mean_f()? - self.mean_b()?)
    }

    /// The numbers of this panel, as shown under "how it was computed".
    pub fn stats(&self, span: i32) -> Map<String, Value> {
        let mut m = Map::new();
        m.insert("n".into(), self.n().into());
        m.insert("y_b".into(), num(self.level_b()));
        m.insert("y_f".into(), num(self.level_f()));
        if self.ratio {
            m.insert("output_b".into(), num(self.sums[0]));
            m.insert("output_f".into(), num(self.sums[1]));
            m.insert("employment_b".into(), num(self.sums[2]));
            m.insert("employment_f".into(), num(self.sums[3]));
        }
        m.insert("growth".into(), opt(self.growth()));
        m.insert("cagr".into(), opt(self.cagr(span)));
        m.insert("mean_b".into(), opt(self.mean_b()));
        m.insert("mean_f".into(), opt(self.mean_f()));
        m
    }
}

/// Level of summed values: `num` or `num / den`; 0 when a ratio has no denominator
/// (never happens for a non-empty productivity panel: employment > 0 is required).
#[inline]
pub fn level(num: f64, den: f64, ratio: bool) -> f64 {
    if !ratio {
        num
    } else if den > 0.0 {
        num / den
    } else {
        0.0
    }
}

/// The four panels of one metric and their index series.
#[derive(Debug, Clone)]
pub struct Bundle {
    pub metric: Metric,
    pub panels: [Panel; 4],
    /// `[(year, index)]` per set, empty where growth is undefined.
    pub series: [Vec<(i32, f64)>; 4],
}

impl Bundle {
    pub fn panel(&self, side: Side) -> &Panel {
        &self.panels[side as usize]
    }

    /// `{"beneficiary": [[2019, 100.0], …], "cluster": …}` for the sets with a series.
    /// Built as the page reads it, [`cluster_eval_types::detail::Series`].
    pub fn series_json(&self) -> Value {
        let mut series = cluster_eval_types::detail::Series::default();
        for side in Side::ALL {
            let s = &self.series[side as usize];
            if let (false, Some(slot)) = (s.is_empty(), series.of_mut(side.key())) {
                *slot = Some(s.iter().map(|&(y, v)| (y, Some(v))).collect());
            }
        }
        serde_json::to_value(series).unwrap_or(Value::Null)
    }
}

/// Longest span for which the years in between get their own series points.
const MAX_SERIES_SPAN: i32 = 200;

/// Builds the four panels of `metric` and their series (see [`bundles`]); the
/// engine's own tests look at one metric this way.
#[cfg(any(test, feature = "internals"))]
pub fn bundle(ctx: &Ctx<'_>, metric: Metric) -> Bundle {
    let [b] = bundles(ctx, [metric]);
    b
}

/// Builds the four panels of each metric and their series in one pass over the pairs
/// and one over the rows of the years in between: each row is read once for all the
/// metrics (rows are large, and memory traffic was most of the cost).
pub fn bundles<const N: usize>(ctx: &Ctx<'_>, metrics: [Metric; N]) -> [Bundle; N] {
    let mut panels: [[Panel; 4]; N] = std::array::from_fn(|m| {
        std::array::from_fn(|_| Panel {
            ratio: metrics[m].is_ratio(),
            ..Panel::default()
        })
    });
    let pairs = &ctx.pairs.pairs;
    // Per pair and metric: the sets whose panel it joined, and its baseline (num, den).
    let mut member = vec![[0u8; N]; pairs.len()];
    let mut base = vec![[[0.0f64; 2]; N]; pairs.len()];
    for (i, pair) in pairs.iter().enumerate() {
        let (Some(b), Some(f)) = (pair.base, pair.follow) else {
            continue;
        };
        let mask = side_mask(pair.group);
        for (m, metric) in metrics.iter().enumerate() {
            let (Some(vb), Some(vf)) = (metric.values(b), metric.values(f)) else {
                continue;
            };
            let firm = [vb.0, vf.0, vb.1, vf.1];
            for side in Side::ALL {
                if mask & (1 << side as u8) != 0 {
                    panels[m][side as usize].push(firm);
                }
            }
            member[i][m] = mask;
            base[i][m] = [vb.0, vb.1];
        }
    }

    let (b, f) = (ctx.years.baseline, ctx.years.followup);
    let slots = if ctx.years.span() <= MAX_SERIES_SPAN {
        (ctx.years.span() - 1).max(0) as usize
    } else {
        0
    };
    // Per metric, set and year in between: Σ num_y, Σ den_y, Σ num_b, Σ den_b, firms.
    let mut acc = vec![[0.0f64; 5]; N * 4 * slots];
    if slots > 0 {
        for &(i, row) in &ctx.between {
            let slot = (row.year - b - 1) as usize;
            for (m, metric) in metrics.iter().enumerate() {
                let mask = member[i as usize][m];
                if mask == 0 {
                    continue;
                }
                let Some((n, d)) = metric.values(row) else {
                    continue;
                };
                let [nb, db] = base[i as usize][m];
                for side in 0..4 {
                    if mask & (1 << side) != 0 {
                        let a = &mut acc[(m * 4 + side) * slots + slot];
                        a[0] += n;
                        a[1] += d;
                        a[2] += nb;
                        a[3] += db;
                        a[4] += 1.0;
                    }
                }
            }
        }
    }
    let mut panels = panels.into_iter();
    std::array::from_fn(|m| {
        let panels = panels.next().unwrap_or_default();
        let ratio = metrics[m].is_ratio();
        let series = std::array::from_fn(|side| {
            let Some(g) = panels[side].growth() else {
                return Vec::new();
            };
            let mut points = vec![(b, 100.0)];
            for slot in 0..slots {
                let a = acc[(m * 4 + side) * slots + slot];
                if a[4] == 0.0 {
                    continue;
                }
                let index = growth(level(a[2], a[3], ratio), level(a[0], a[1], ratio));
                if let Some(x) = index.and_then(|x| finite(100.0 * (1.0 + x))) {
                    points.push((b + 1 + slot as i32, x));
                }
            }
            if let Some(x) = finite(100.0 * (1.0 + g)) {
                points.push((f, x));
            }
            points
        });
        Bundle {
            metric: metrics[m],
            panels,
            series,
        }
    })
}

/// A JSON number, or null for a non-finite value (never NaN in the output).
pub fn num(x: f64) -> Value {
    serde_json::Number::from_f64(x)
        .map(Value::Number)
        .unwrap_or(Value::Null)
}

/// A JSON number or null.
pub fn opt(x: Option<f64>) -> Value {
    x.map(num).unwrap_or(Value::Null)
}

pub use crate::panel::finite;
