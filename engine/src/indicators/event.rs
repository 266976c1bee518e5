//! The event study of every `vs_control` (SPEC, "Design checks": `detail.event`): for
//! every year `t ≠ b` of the firms table with a panel on both sides, the same
//! comparison over `b → t` (balanced panels of (b, t)) and its bootstrap interval.
//!
//! Years before `b` are included (their value is the literal comparison over `b → t`),
//! and so are years after `f`. A year without a panel on both sides, or whose growth is
//! undefined on a side (a baseline of 0), is left out. The point at `t = f` is the
//! `vs_control` itself: the same panels and the same interval, so the two always agree.
//!
//! All intervals (the `vs_control`s, every event year, the pre-trend) are drawn by one
//! call of [`super::bootstrap::intervals`] ([`Jobs`]): panels of equal sizes share their
//! draws, and the draws run on every core natively.

use serde_json::Value;

use super::bootstrap::{self, Interval};
use super::panels::Panel;
use cluster_eval_types::detail::EventYear;
use super::productivity::Metric;
use super::spans::YearRows;
use super::Ctx;

/// The panels of (b, t) of each metric, for every year t of the table other than b
/// and f (f's are the long run's own panels).
pub struct EventPanels {
    /// `(t, panels[metric][side])`, years in order.
    pub years: Vec<(i32, [[Panel; 4]; 4])>,
}

impl EventPanels {
    pub fn build(ctx: &Ctx<'_>, rows: &YearRows<'_>, metrics: [Metric; 4]) -> EventPanels {
        let (b, f) = (ctx.years.baseline, ctx.years.followup);
        let years = rows
            .years()
            .filter(|t| *t != b && *t != f)
            .map(|t| (t, rows.panels(b, t, metrics)))
            .collect();
        EventPanels { years }
    }
}

/// Comparisons whose intervals are drawn together.
#[derive(Default)]
pub struct Jobs<'p> {
    pairs: Vec<(&'p Panel, &'p Panel)>,
}

impl<'p> Jobs<'p> {
    /// Adds a comparison when both panels have at least 2 firms (else it has no
    /// interval); its index in [`Jobs::run`]'s result.
    pub fn add(&mut self, g: &'p Panel, c: &'p Panel) -> Option<usize> {
        if g.n() < 2 || c.n() < 2 {
            return None;
        }
        self.pairs.push((g, c));
        Some(self.pairs.len() - 1)
    }

    /// Every interval, in the order added.
    pub fn run(&self, reps: u32, seed: u64) -> Vec<Option<Interval>> {
        bootstrap::intervals(&self.pairs, reps, seed)
    }
}

/// The interval of job `at`, if any.
pub fn found(all: &[Option<Interval>], at: Option<usize>) -> Option<Interval> {
    at.and_then(|i| all.get(i).copied().flatten())
}

/// One point of the event study: `[t, value, low, high]`, `low` and `high` null
/// without an interval; `None` when the value is undefined.
pub fn point(t: i32, g: &Panel, c: &Panel, interval: Option<Interval>) -> Option<(i32, Value)> {
    if g.n() == 0 || c.n() == 0 {
        return None;
    }
    let value = g.growth()? - c.growth()?;
    if !value.is_finite() {
        return None;
    }
    let (low, high) = match interval {
        Some(i) if i.low.is_finite() && i.high.is_finite() => (Some(i.low), Some(i.high)),
        _ => (None, None),
    };
    let point = EventYear(t, value, low, high);
    Some((t, serde_json::to_value(point).unwrap_or(Value::Null)))
}

/// The event study as stored: the points in year order.
pub fn series(mut points: Vec<(i32, Value)>) -> Value {
    // Unstable: each year comes once, and a stable sort is a few KB more of wasm.
    points.sort_unstable_by_key(|(t, _)| *t);
    Value::Array(points.into_iter().map(|(_, v)| v).collect())
}
