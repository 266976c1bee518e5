//! Long run (Annex II: impact three years after the end of the project): growth of
//! the cluster and of the beneficiaries, their comparison with the control group and
//! with the rest of the sector, and local versus national GDP.
//!
//! Detail of a growth indicator: `measure`, `method` (`amount`, `productivity_column`,
//! `labour_productivity`), `output` (labour productivity only), `group`,
//! `baseline_year`, `followup_year`, `years`, then the panel numbers `n`, `y_b`, `y_f`,
//! `growth`, `cagr`, `mean_b`, `mean_f` (and `output_b`, `output_f`, `employment_b`,
//! `employment_f` for labour productivity), and `series`.
//!
//! Detail of a comparison (`vs_control`, `vs_sector`): the same header plus `versus`,
//! `groups` (`{group: panel numbers, versus: panel numbers}`), `difference`, `did`
//! (`{value, <group>: mean_f − mean_b, <versus>: mean_f − mean_b}`: the level
//! difference-in-differences), `bootstrap` (`vs_control` only: `reps`, `seed`,
//! `draws`, `percentiles`) and `series`. Its `n` is the number of firms of both panels.

use serde_json::{Map, Value};

use super::bootstrap::Interval;
use super::panels::{num, opt, Bundle, Panel, Side};
use super::productivity::Metric;
use super::status;
use super::Ctx;
use crate::model::{Dataset, TerritoryRow};
use crate::panel::{cagr, finite, growth};
use cluster_eval_types::detail::{to_map, ControlReading, Evidence, LocalGdp};
use cluster_eval_types::results::{Horizon, Indicator, Message, Unit};
use crate::years::Years;

/// The panel of `side`, or why its growth cannot be computed.
pub(crate) fn checked<'b>(
    ctx: &Ctx<'_>,
    bundle: &'b Bundle,
    side: Side,
) -> Result<&'b Panel, Message> {
    let metric = bundle.metric;
    if let Some(column) = metric.missing_column(&ctx.data.firms) {
        return Err(Message::MissingColumn {
            column: column.into(),
        });
    }
    if !ctx.has(side) {
        return Err(Message::NoGroup { group: side });
    }
    let (b, f) = (ctx.years.baseline, ctx.years.followup);
    let panel = bundle.panel(side);
    if panel.n() == 0 {
        return Err(match metric {
            Metric::Labour { output } => Message::NoProductivityPanel {
                group: side,
                output: output.name().into(),
                baseline: b,
                followup: f,
            },
            Metric::Amount(_) => Message::NoPanel {
                group: side,
                measure: metric.key().into(),
                baseline: b,
                followup: f,
            },
        });
    }
    if panel.growth().is_none() {
        return Err(Message::ZeroBaseline {
            group: side,
            measure: metric.key().into(),
            baseline: b,
        });
    }
    Ok(panel)
}

/// `measure`, `method`, `output`, `group`, years: the head of every growth detail.
fn head(ctx: &Ctx<'_>, metric: Metric, side: Side) -> Map<String, Value> {
    let mut d = Map::new();
    d.insert("measure".into(), metric.key().into());
    d.insert("method".into(), metric.method().into());
    if let Metric::Labour { output } = metric {
        d.insert("output".into(), output.name().into());
    }
    d.insert("group".into(), side.key().into());
    d.insert("baseline_year".into(), ctx.years.baseline.into());
    d.insert("followup_year".into(), ctx.years.followup.into());
    d.insert("years".into(), ctx.years.span().into());
    d
}

/// `long.<set>.<measure>.growth`: `Y_f / Y_b − 1` over the set's panel. met if > 0.
pub fn growth_indicator(ctx: &Ctx<'_>, bundle: &Bundle, side: Side, id: &str) -> Indicator {
    let mut ind = Indicator::new(id, Horizon::Long, Unit::Ratio);
    ind.detail = head(ctx, bundle.metric, side);
    let panel = bundle.panel(side);
    ind.n = panel.n();
    if panel.n() > 0 {
        ind.detail.extend(panel.stats(ctx.years.span()));
    }
    match checked(ctx, bundle, side) {
        Err(msg) => ind.say(msg),
        Ok(panel) => {
            if let Some(g) = panel.growth() {
                ind.value = Some(g);
                ind.status = status::positive(g);
            }
            ind.detail.insert("series".into(), bundle.series_json());
            ind.say(Message::PanelUsed {
                group: side,
                measure: bundle.metric.key().into(),
                n: panel.n(),
                baseline: ctx.years.baseline,
                followup: ctx.years.followup,
            });
        }
    }
    ind
}

/// `long.<set>.<measure>.vs_control` (with the bootstrap interval) or `.vs_sector`.
/// `interval` is the bootstrap interval of the two panels, computed beforehand (see
/// [`super::bootstrap::intervals`]) when both have at least 2 firms; `event` is the
/// event study of a `vs_control` ([`super::event`]).
pub fn versus_indicator(
    ctx: &Ctx<'_>,
    bundle: &Bundle,
    side: Side,
    versus: Side,
    id: &str,
    interval: Option<Interval>,
    event: Option<Value>,
) -> Indicator {
    let with_interval = versus == Side::Control;
    let span = ctx.years.span();
    let mut ind = Indicator::new(id, Horizon::Long, Unit::Ratio);
    ind.detail = head(ctx, bundle.metric, side);
    ind.detail.insert("versus".into(), versus.key().into());
    let (pg, pc) = (bundle.panel(side), bundle.panel(versus));
    let mut groups = Map::new();
    for (s, p) in [(side, pg), (versus, pc)] {
        if p.n() > 0 {
            groups.insert(s.key().into(), Value::Object(p.stats(span)));
        }
    }
    ind.detail.insert("groups".into(), Value::Object(groups));
    ind.n = pg.n() + pc.n();
    let (g, c) = match (checked(ctx, bundle, side), checked(ctx, bundle, versus)) {
        (Err(msg), _) | (_, Err(msg)) => {
            ind.say(msg);
            return ind;
        }
        (Ok(g), Ok(c)) => (g, c),
    };
    let (Some(gg), Some(gc)) = (g.growth(), c.growth()) else {
        return ind;
    };
    let Some(value) = finite(gg - gc) else {
        return ind;
    };
    ind.value = Some(value);
    ind.detail.insert("difference".into(), num(value));
    let mut did = Map::new();
    let (dg, dc) = (g.change(), c.change());
    did.insert(
        "value".into(),
        opt(dg.zip(dc).and_then(|(a, b)| finite(a - b))),
    );
    did.insert(side.key().into(), opt(dg));
    did.insert(versus.key().into(), opt(dc));
    ind.detail.insert("did".into(), Value::Object(did));
    if with_interval {
        comparison_detail(&mut ind, g, c, span);
        if let Some(event) = event {
            ind.detail.insert("event".into(), event);
        }
    }

    let mut message = Message::Compared {
        group: side,
        versus,
        measure: bundle.metric.key().into(),
        n: g.n(),
        n_versus: c.n(),
        baseline: ctx.years.baseline,
        followup: ctx.years.followup,
    };
    if with_interval {
        let reps = ctx.doc.settings.reps();
        let seed = ctx.doc.settings.seed;
        let mut boot = Map::new();
        boot.insert("reps".into(), reps.into());
        boot.insert("seed".into(), seed.into());
        boot.insert("percentiles".into(), Value::from(vec![2.5, 97.5]));
        if g.n() < 2 || c.n() < 2 {
            let (s, p) = if g.n() < 2 { (side, g) } else { (versus, c) };
            message = Message::NoIntervalFewFirms { group: s, n: p.n() };
        } else if reps == 0 {
            message = Message::NoIntervalNoReps;
        } else {
            match interval {
                Some(i) => {
                    ind.ci = Some([i.low, i.high]);
                    boot.insert("draws".into(), i.draws.into());
                }
                None => message = Message::NoIntervalUndefined,
            }
        }
        ind.detail.insert("bootstrap".into(), Value::Object(boot));
        ind.status = status::vs_control(value, ind.ci);
    } else {
        ind.status = status::positive(value);
    }
    ind.detail.insert("series".into(), bundle.series_json());
    ind.say(message);
    ind
}

/// `ratio` (`(1 + growth_G) / (1 + growth_C) − 1`), `cagr_difference`, `evidence` and
/// the cluster `caveat` of a `vs_control` (SPEC, "Long run").
fn comparison_detail(ind: &mut Indicator, g: &Panel, c: &Panel, span: i32) {
    let ratio = g
        .growth()
        .zip(c.growth())
        .and_then(|(a, b)| (1.0 + b != 0.0).then(|| (1.0 + a) / (1.0 + b) - 1.0))
        .and_then(finite);
    ind.detail.insert("ratio".into(), opt(ratio));
    let cagr_difference = g
        .cagr(span)
        .zip(c.cagr(span))
        .and_then(|(a, b)| finite(a - b));
    ind.detail
        .insert("cagr_difference".into(), opt(cagr_difference));
    ind.detail.extend(to_map(&ControlReading {
        evidence: Evidence::of(g.n().min(c.n())),
        caveat: Message::ClusterCaveat,
    }));
    // SPEC v3, concentration: on an amount, the share of the group's baseline held by
    // its two largest firms (not for labour productivity, a ratio).
    if !g.ratio {
        ind.detail
            .insert(super::verdicts::TOP2_SHARE.into(), super::verdicts::top2_json(g));
    }
}

/// `long.local_gdp_vs_national`: `g_local − g_national` over b→f, or over the first
/// and last territory years with both GDPs when b or f lacks them (also when the years
/// could not be settled). Detail: years used, the four GDPs, both growths and CAGRs.
pub fn local_gdp(data: &Dataset, years: Option<Years>) -> Indicator {
    let mut ind = Indicator::new("long.local_gdp_vs_national", Horizon::Long, Unit::Ratio);
    // Rows with both GDPs; the first such row of a year counts.
    let valid = |r: &&TerritoryRow| {
        r.local_gdp.is_some_and(f64::is_finite) && r.national_gdp.is_some_and(f64::is_finite)
    };
    let row_of = |year: i32| data.territory.iter().filter(valid).find(|r| r.year == year);
    let at_years = years.and_then(|y| Some((row_of(y.baseline)?, row_of(y.followup)?)));
    let (first, last, message) = match at_years {
        Some((rb, rf)) => (rb, rf, None),
        None => {
            let first = data.territory.iter().filter(valid).min_by_key(|r| r.year);
            let last = data.territory.iter().filter(valid).max_by_key(|r| r.year);
            match (first, last) {
                (Some(a), Some(z)) if a.year < z.year => {
                    let fallback = Message::TerritoryFallback {
                        first: a.year,
                        last: z.year,
                        baseline: years.map(|y| y.baseline),
                        followup: years.map(|y| y.followup),
                    };
                    (a, z, Some(fallback))
                }
                _ => {
                    ind.say(Message::TerritoryMissing);
                    return ind;
                }
            }
        }
    };
    let (b, f) = (first.year, last.year);
    let (lb, lf) = (
        first.local_gdp.unwrap_or(0.0),
        last.local_gdp.unwrap_or(0.0),
    );
    let (nb, nf) = (
        first.national_gdp.unwrap_or(0.0),
        last.national_gdp.unwrap_or(0.0),
    );
    let d = &mut ind.detail;
    d.insert("baseline_year".into(), b.into());
    d.insert("followup_year".into(), f.into());
    d.insert("years".into(), (f - b).into());
    d.insert("fallback".into(), message.is_some().into());
    d.insert("local_b".into(), num(lb));
    d.insert("local_f".into(), num(lf));
    d.insert("national_b".into(), num(nb));
    d.insert("national_f".into(), num(nf));
    let (gl, gn) = (growth(lb, lf), growth(nb, nf));
    d.extend(to_map(&LocalGdp {
        g_local: gl,
        g_national: gn,
    }));
    d.insert("cagr_local".into(), opt(cagr(lb, lf, f - b)));
    d.insert("cagr_national".into(), opt(cagr(nb, nf, f - b)));
    ind.n = 2;
    let (Some(gl), Some(gn)) = (gl, gn) else {
        let column = if gl.is_none() {
            "local_gdp"
        } else {
            "national_gdp"
        };
        ind.say(Message::TerritoryZero {
            column: column.into(),
            year: b,
        });
        return ind;
    };
    if let Some(v) = finite(gl - gn) {
        ind.value = Some(v);
        ind.status = status::positive(v);
    }
    ind.say(message.unwrap_or(Message::TerritoryYears {
        baseline: b,
        followup: f,
    }));
    ind
}
