//! Design checks: can the comparison with the control group be trusted? (SPEC, "Design
//! checks"; seed Section III: compare with a *similar* cluster.)
//!
//! - `design.balance.{beneficiaries,cluster}.{sales,employment,exports,productivity}`:
//!   the standardised mean difference at baseline between the set (B or K) and the
//!   control firms, `(mean_G − mean_C) / sqrt((s²_G + s²_C) / 2)`, over the firms of
//!   each set with the measure valid in year `b` (`s²` with `n − 1`). Productivity is
//!   the firm's own: the `productivity` column when the table has one, else output /
//!   employment over the firms with employment > 0 (output as in "Productivity").
//!   met if |value| ≤ 0.25. Detail: `measure`, `method`, `group`, `versus`,
//!   `baseline_year`, `groups` (`{beneficiary|cluster: {n, mean, sd}, control: {…}}`),
//!   `pooled_sd`.
//! - `design.attrition.{beneficiaries,control}`: the share of the group's firms with a
//!   row in `b` and none in `f` (reported). Detail: `firms_b`, `gone`,
//!   `employment_b_gone` (the employment in `b` of the firms gone), `employment_unknown`
//!   (firms gone with no employment in `b`), the years.
//! - `design.attrition.differential`: attrition(B) − attrition(C); met if |value| ≤ 0.10.
//! - `design.pretrend.{sales,employment}` (v3): from every year `t` before `b`, the
//!   growth `t → b` of the beneficiaries minus that of the control firms (balanced
//!   panels of (t, b)), with the bootstrap interval of the comparisons
//!   (`detail.years`: `[t, value, low, high]`). met when every interval contains 0
//!   (ends included), not_met when one does not, reported when no year has an
//!   interval. The value is the earliest year's (`pre_year`); a year without a panel on
//!   a side is left out. Detail as a comparison of the earliest year: `pre_year`,
//!   `groups`, `difference`, `bootstrap`, then `years`.

use serde_json::{Map, Value};

use super::bootstrap::Interval;
use super::panels::{num, opt, Panel, Side};
use super::productivity::Metric;
use super::spans::YearRows;
use super::Ctx;
use cluster_eval_types::detail::{to_map, AttritionCounts, EventYear};
use cluster_eval_types::document::Settings;
use crate::model::{FirmYear, Measure};
use crate::panel::finite;
use cluster_eval_types::results::{Horizon, Indicator, Message, Status, Unit};

/// Tolerance of the threshold comparisons (as the pro-poor checks').
const EPS: f64 = 1e-9;

/// A design check is met when its value is within `limit` either way (`EPS` spares a
/// value that equals the limit from a rounding error).
fn within(value: f64, limit: f64) -> Status {
    if value.abs() <= limit + EPS {
        Status::Met
    } else {
        Status::NotMet
    }
}

/// |smd| at or below this is balance.
pub const BALANCE_LIMIT: f64 = 0.25;
/// |differential attrition| at or below this is acceptable.
pub const ATTRITION_LIMIT: f64 = 0.10;

/// The measures of the balance checks, in id order.
pub const BALANCE_MEASURES: [&str; 4] = ["sales", "employment", "exports", "productivity"];

/// The two measures of the pre-trend check.
pub const PRETREND_MEASURES: [Measure; 2] = [Measure::Sales, Measure::Employment];

/// Every design id with its unit, in order (for the no-years case).
pub fn ids() -> Vec<(String, Unit)> {
    let mut out = Vec::new();
    for set in ["beneficiaries", "cluster"] {
        for m in BALANCE_MEASURES {
            out.push((format!("design.balance.{set}.{m}"), Unit::Smd));
        }
    }
    for g in ["beneficiaries", "control", "differential"] {
        out.push((format!("design.attrition.{g}"), Unit::Share));
    }
    for m in PRETREND_MEASURES {
        out.push((format!("design.pretrend.{}", m.name()), Unit::Ratio));
    }
    out
}

/// n, mean and sample standard deviation of some values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Moments {
    pub n: usize,
    pub mean: f64,
    /// With `n − 1`; `None` below 2 values.
    pub sd: Option<f64>,
}

impl Moments {
    /// Two passes (the mean, then the squared deviations): stable for large amounts.
    pub fn of(values: &[f64]) -> Option<Moments> {
        if values.is_empty() {
            return None;
        }
        let n = values.len();
        let mean = values.iter().sum::<f64>() / n as f64;
        let sd = (n >= 2).then(|| {
            let ss: f64 = values.iter().map(|v| (v - mean) * (v - mean)).sum();
            (ss / (n - 1) as f64).sqrt()
        });
        finite(mean)?;
        Some(Moments { n, mean, sd })
    }

    /// As stored in `detail.groups` (the page reads it as
    /// [`cluster_eval_types::detail::Moments`]).
    fn json(&self) -> Value {
        serde_json::to_value(cluster_eval_types::detail::Moments {
            n: self.n,
            mean: finite(self.mean),
            sd: self.sd.and_then(finite),
        })
        .unwrap_or(Value::Null)
    }
}

/// The firm's own value of a balance measure in a row.
fn firm_value(measure: &str, productivity: Metric, row: &FirmYear) -> Option<f64> {
    let v = match measure {
        "sales" => row.get(Measure::Sales),
        "employment" => row.get(Measure::Employment),
        "exports" => row.get(Measure::Exports),
        _ => match productivity {
            Metric::Amount(m) => row.get(m),
            Metric::Labour { output } => {
                let emp = row.get(Measure::Employment).filter(|e| *e > 0.0)?;
                Some(row.get(output)? / emp)
            }
        },
    };
    v.and_then(finite)
}

/// The columns a balance measure needs that the table lacks (the first), if any.
fn balance_missing(ctx: &Ctx<'_>, measure: &str, productivity: Metric) -> Option<&'static str> {
    let firms = &ctx.data.firms;
    let amount = |m: Measure| (!firms.has(m)).then_some(m.name());
    match measure {
        "sales" => amount(Measure::Sales),
        "employment" => amount(Measure::Employment),
        "exports" => amount(Measure::Exports),
        _ => match productivity {
            Metric::Amount(m) => amount(m),
            Metric::Labour { output } => amount(output).or_else(|| amount(Measure::Employment)),
        },
    }
}

/// The eight balance checks.
pub fn balance(ctx: &Ctx<'_>, productivity: Metric) -> Vec<Indicator> {
    let mut out = Vec::with_capacity(8);
    for (set, side) in [
        ("beneficiaries", Side::Beneficiary),
        ("cluster", Side::Cluster),
    ] {
        for measure in BALANCE_MEASURES {
            out.push(balance_one(ctx, set, side, measure, productivity));
        }
    }
    out
}

fn balance_one(
    ctx: &Ctx<'_>,
    set: &str,
    side: Side,
    measure: &str,
    productivity: Metric,
) -> Indicator {
    let mut ind = Indicator::new(
        format!("design.balance.{set}.{measure}"),
        Horizon::Design,
        Unit::Smd,
    );
    let b = ctx.years.baseline;
    let method = if measure == "productivity" {
        productivity.method()
    } else {
        "amount"
    };
    let d = &mut ind.detail;
    d.insert("measure".into(), measure.into());
    d.insert("method".into(), method.into());
    d.insert("group".into(), side.key().into());
    d.insert("versus".into(), Side::Control.key().into());
    d.insert("baseline_year".into(), b.into());
    if let Some(column) = balance_missing(ctx, measure, productivity) {
        ind.say(Message::MissingColumn {
            column: column.into(),
        });
        return ind;
    }
    for s in [side, Side::Control] {
        if !ctx.has(s) {
            ind.say(Message::NoGroup { group: s });
            return ind;
        }
    }
    let values = |s: Side| -> Vec<f64> {
        ctx.pairs
            .of(s.groups())
            .filter_map(|p| firm_value(measure, productivity, p.base?))
            .collect()
    };
    let (vg, vc) = (values(side), values(Side::Control));
    let (mg, mc) = (Moments::of(&vg), Moments::of(&vc));
    let mut groups = Map::new();
    for (s, m) in [(side, mg), (Side::Control, mc)] {
        if let Some(m) = m {
            groups.insert(s.key().into(), m.json());
        }
    }
    ind.detail.insert("groups".into(), Value::Object(groups));
    ind.n = vg.len() + vc.len();
    for (s, n) in [(side, vg.len()), (Side::Control, vc.len())] {
        if n < 2 {
            ind.say(Message::BalanceFewFirms {
                group: s,
                measure: measure.into(),
                n,
                baseline: b,
            });
            return ind;
        }
    }
    let (Some(g), Some(c)) = (mg, mc) else {
        ind.say(Message::NotFinite);
        return ind;
    };
    let (Some(sg), Some(sc)) = (g.sd, c.sd) else {
        return ind;
    };
    let pooled = ((sg * sg + sc * sc) / 2.0).sqrt();
    ind.detail.insert("pooled_sd".into(), num(pooled));
    if pooled <= 0.0 || !pooled.is_finite() {
        ind.say(Message::BalanceNoSpread {
            measure: measure.into(),
            baseline: b,
        });
        return ind;
    }
    let Some(smd) = finite((g.mean - c.mean) / pooled) else {
        ind.say(Message::NotFinite);
        return ind;
    };
    ind.value = Some(smd);
    ind.status = within(smd, BALANCE_LIMIT);
    ind.say(Message::BalanceCompared {
        group: side,
        measure: measure.into(),
        n: g.n,
        n_control: c.n,
        baseline: b,
    });
    ind
}

/// One group's attrition: firms with a row in b, gone (no row in f), their employment
/// in b, and the gone firms without employment in b.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Attrition {
    pub firms: usize,
    pub gone: usize,
    pub employment_gone: f64,
    pub employment_unknown: usize,
}

impl Attrition {
    /// Over the firm pairs of `groups` (a pair has the firm's rows in b and f).
    pub fn of<'p, 'a: 'p>(
        pairs: impl Iterator<Item = &'p crate::panel::FirmPair<'a>>,
    ) -> Attrition {
        let mut a = Attrition::default();
        for pair in pairs {
            let Some(base) = pair.base else { continue };
            a.firms += 1;
            if pair.follow.is_none() {
                a.gone += 1;
                match base.get(Measure::Employment).and_then(finite) {
                    Some(e) => a.employment_gone += e,
                    None => a.employment_unknown += 1,
                }
            }
        }
        a
    }

    pub fn share(&self) -> Option<f64> {
        (self.firms > 0).then(|| self.gone as f64 / self.firms as f64)
    }
}

/// The three attrition checks.
pub fn attrition(ctx: &Ctx<'_>) -> Vec<Indicator> {
    let (b, f) = (ctx.years.baseline, ctx.years.followup);
    let mut out = Vec::with_capacity(3);
    let mut shares = [None; 2];
    for (k, (name, side)) in [
        ("beneficiaries", Side::Beneficiary),
        ("control", Side::Control),
    ]
    .into_iter()
    .enumerate()
    {
        let mut ind = Indicator::new(
            format!("design.attrition.{name}"),
            Horizon::Design,
            Unit::Share,
        );
        let a = Attrition::of(ctx.pairs.of(side.groups()));
        let d = &mut ind.detail;
        d.insert("group".into(), side.key().into());
        d.insert("baseline_year".into(), b.into());
        d.insert("followup_year".into(), f.into());
        d.extend(to_map(&AttritionCounts {
            firms_b: a.firms,
            gone: a.gone,
            employment_b_gone: Some(a.employment_gone + 0.0),
        }));
        d.insert("employment_unknown".into(), a.employment_unknown.into());
        ind.n = a.firms;
        match a.share() {
            Some(share) => {
                ind.value = Some(share);
                ind.status = Status::Reported;
                shares[k] = Some(share);
                ind.say(Message::AttritionCounted {
                    group: side,
                    gone: a.gone,
                    firms: a.firms,
                    baseline: b,
                    followup: f,
                });
            }
            None => ind.say(Message::AttritionNoFirms {
                group: side,
                baseline: b,
            }),
        }
        out.push(ind);
    }
    let mut ind = Indicator::new(
        "design.attrition.differential",
        Horizon::Design,
        Unit::Share,
    );
    ind.detail.insert("baseline_year".into(), b.into());
    ind.detail.insert("followup_year".into(), f.into());
    ind.detail.insert("beneficiary".into(), opt(shares[0]));
    ind.detail.insert("control".into(), opt(shares[1]));
    ind.n = out.iter().map(|i| i.n).sum();
    match shares {
        [Some(sb), Some(sc)] => {
            let v = sb - sc;
            ind.value = Some(v);
            ind.status = within(v, ATTRITION_LIMIT);
            ind.say(Message::AttritionDifferential {
                baseline: b,
                followup: f,
            });
        }
        [None, _] => ind.say(Message::AttritionNoFirms {
            group: Side::Beneficiary,
            baseline: b,
        }),
        [_, None] => ind.say(Message::AttritionNoFirms {
            group: Side::Control,
            baseline: b,
        }),
    }
    out.push(ind);
    out
}

/// The panels of the pre-trend: per year `t` before b (in order) and per measure of
/// [`PRETREND_MEASURES`], the four panels (t, b). `None` without a year before b.
pub struct PreTrend {
    /// `(t, panels[measure][side])`, earliest first; never empty.
    pub years: Vec<(i32, [[Panel; 4]; 2])>,
}

impl PreTrend {
    pub fn build(ctx: &Ctx<'_>, rows: &YearRows<'_>) -> Option<PreTrend> {
        let b = ctx.years.baseline;
        let years: Vec<(i32, [[Panel; 4]; 2])> = rows
            .years()
            .filter(|t| *t < b)
            .map(|t| (t, rows.panels(t, b, PRETREND_MEASURES.map(Metric::Amount))))
            .collect();
        (!years.is_empty()).then_some(PreTrend { years })
    }

    /// The earliest year before b.
    pub fn pre_year(&self) -> i32 {
        self.years.first().map_or(i32::MIN, |(t, _)| *t)
    }

    /// The beneficiaries' and control panels of measure `k` from the `at`-th year.
    pub fn pair(&self, at: usize, k: usize) -> Option<(&Panel, &Panel)> {
        let p = &self.years.get(at)?.1[k];
        Some((&p[Side::Beneficiary as usize], &p[Side::Control as usize]))
    }
}

/// The two pre-trend checks (SPEC v3): the comparison of the beneficiaries with the
/// control firms from every year `t` before b to b (`detail.years`:
/// `[t, value, low, high]` as the event study), met when every interval contains 0
/// (ends included), not_met when one does not, reported when no year has an interval.
/// `intervals[k][at]` is the bootstrap interval of measure `k` from the `at`-th year
/// (computed with every other interval), when both panels have at least 2 firms.
///
/// A year without a panel on a side (or with a baseline sum of 0) is left out of
/// `detail.years`. The value, its interval and the detail of the panels are those of
/// the earliest year that has a comparison (`pre_year`), normally the earliest year
/// before b; with none, insufficient data with the earliest year's reason.
pub fn pretrend(
    ctx: &Ctx<'_>,
    pre: Option<&PreTrend>,
    intervals: [Vec<Option<Interval>>; 2],
) -> Vec<Indicator> {
    let b = ctx.years.baseline;
    let mut out = Vec::with_capacity(2);
    for (k, measure) in PRETREND_MEASURES.into_iter().enumerate() {
        let mut ind = Indicator::new(
            format!("design.pretrend.{}", measure.name()),
            Horizon::Design,
            Unit::Ratio,
        );
        ind.detail.insert("measure".into(), measure.name().into());
        ind.detail
            .insert("group".into(), Side::Beneficiary.key().into());
        ind.detail
            .insert("versus".into(), Side::Control.key().into());
        ind.detail.insert("baseline_year".into(), b.into());
        let Some(pre) = pre else {
            ind.say(Message::PretrendNoPreYear { baseline: b });
            out.push(ind);
            continue;
        };
        let checked = |side: Side, panel: &Panel, p: i32| -> Result<f64, Message> {
            if !ctx.data.firms.has(measure) {
                return Err(Message::MissingColumn {
                    column: measure.name().into(),
                });
            }
            if !ctx.has(side) {
                return Err(Message::NoGroup { group: side });
            }
            if panel.n() == 0 {
                return Err(Message::NoPanel {
                    group: side,
                    measure: measure.name().into(),
                    baseline: p,
                    followup: b,
                });
            }
            panel.growth().ok_or(Message::ZeroBaseline {
                group: side,
                measure: measure.name().into(),
                baseline: p,
            })
        };
        // Every year's comparison: (at, t, value), or the earliest year's reason.
        let mut points: Vec<(usize, i32, f64)> = Vec::new();
        let mut first_reason = None;
        for (at, (t, _)) in pre.years.iter().enumerate() {
            let Some((g, c)) = pre.pair(at, k) else {
                continue;
            };
            match (checked(Side::Beneficiary, g, *t), checked(Side::Control, c, *t)) {
                (Err(m), _) | (_, Err(m)) => {
                    first_reason.get_or_insert(m);
                }
                (Ok(a), Ok(z)) => match finite(a - z) {
                    Some(v) => points.push((at, *t, v)),
                    None => {
                        first_reason.get_or_insert(Message::NotFinite);
                    }
                },
            }
        }
        let interval_of = |at: usize| -> Option<[f64; 2]> {
            intervals[k]
                .get(at)
                .copied()
                .flatten()
                .filter(|i| i.low.is_finite() && i.high.is_finite())
                .map(|i| [i.low, i.high])
        };
        let Some(&(at, p, value)) = points.first() else {
            ind.detail.insert("pre_year".into(), pre.pre_year().into());
            if let Some((g, c)) = pre.pair(0, k) {
                ind.n = g.n() + c.n();
            }
            ind.detail.insert("years".into(), Value::Array(Vec::new()));
            ind.say(first_reason.unwrap_or(Message::NotFinite));
            out.push(ind);
            continue;
        };
        let Some((g, c)) = pre.pair(at, k) else {
            out.push(ind);
            continue;
        };
        ind.detail.insert("pre_year".into(), p.into());
        ind.n = g.n() + c.n();
        let mut groups = Map::new();
        for (s, panel) in [(Side::Beneficiary, g), (Side::Control, c)] {
            if panel.n() > 0 {
                groups.insert(s.key().into(), Value::Object(panel.stats(b - p)));
            }
        }
        ind.detail.insert("groups".into(), Value::Object(groups));
        ind.value = Some(value);
        ind.detail.insert("difference".into(), num(value));
        let interval = intervals[k].get(at).copied().flatten();
        let (message, ci) = interval_note(&ctx.doc.settings, Side::Beneficiary, g, c, interval);
        ind.detail.insert(
            "bootstrap".into(),
            bootstrap_json(&ctx.doc.settings, interval),
        );
        ind.ci = ci;
        let years: Vec<EventYear> = points
            .iter()
            .map(|&(at, t, v)| {
                let i = interval_of(at);
                EventYear(t, v, i.map(|i| i[0]), i.map(|i| i[1]))
            })
            .collect();
        let with_interval: Vec<[f64; 2]> = points
            .iter()
            .filter_map(|&(at, _, _)| interval_of(at))
            .collect();
        let outside = with_interval
            .iter()
            .filter(|[low, high]| !(*low <= 0.0 && 0.0 <= *high))
            .count();
        ind.status = match (with_interval.is_empty(), outside) {
            (true, _) => Status::Reported,
            (false, 0) => Status::Met,
            (false, _) => Status::NotMet,
        };
        ind.detail.insert(
            "years".into(),
            serde_json::to_value(&years).unwrap_or(Value::Array(Vec::new())),
        );
        let last = points.last().map_or(p, |(_, t, _)| *t);
        ind.say(if points.len() > 1 && !with_interval.is_empty() {
            Message::PretrendYears {
                years: points.len(),
                with_interval: with_interval.len(),
                outside,
                first: p,
                last,
                baseline: b,
            }
        } else {
            message.unwrap_or(Message::Compared {
                group: Side::Beneficiary,
                versus: Side::Control,
                measure: measure.name().into(),
                n: g.n(),
                n_versus: c.n(),
                baseline: p,
                followup: b,
            })
        });
        out.push(ind);
    }
    out
}

/// `detail.bootstrap` of a comparison with an interval: `reps`, `seed`, `percentiles`
/// and, with an interval, `draws`.
pub fn bootstrap_json(settings: &Settings, interval: Option<Interval>) -> Value {
    let mut boot = Map::new();
    boot.insert("reps".into(), settings.reps().into());
    boot.insert("seed".into(), settings.seed.into());
    boot.insert("percentiles".into(), Value::from(vec![2.5, 97.5]));
    if let Some(i) = interval {
        boot.insert("draws".into(), i.draws.into());
    }
    Value::Object(boot)
}

/// The interval of a comparison, or the message saying why there is none (fewer than
/// two firms on a side, no bootstrap draws, or an undefined interval). Shared by every
/// comparison with a bootstrap interval (pre-trends, innovation and markets,
/// non-participants, pro-poor shares).
pub fn interval_note(
    settings: &Settings,
    side: Side,
    g: &Panel,
    c: &Panel,
    interval: Option<Interval>,
) -> (Option<Message>, Option<[f64; 2]>) {
    if g.n() < 2 || c.n() < 2 {
        let (s, p) = if g.n() < 2 {
            (side, g)
        } else {
            (Side::Control, c)
        };
        return (
            Some(Message::NoIntervalFewFirms { group: s, n: p.n() }),
            None,
        );
    }
    if settings.reps() == 0 {
        return (Some(Message::NoIntervalNoReps), None);
    }
    match interval {
        Some(i) => (None, Some([i.low, i.high])),
        None => (Some(Message::NoIntervalUndefined), None),
    }
}
