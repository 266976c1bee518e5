//! v3: the firms the cluster left out (SPEC, `pro_poor.non_participants.*`; the
//! seed's Section 4.3 warns that firms can "lose out as clusters upgrade").
//!
//! `pro_poor.non_participants.{sales,employment}.vs_control`: the growth of the
//! cluster's firms that did not take part (group `cluster`: K \ B) minus the growth
//! of the control firms, over balanced panels, with the stratified bootstrap interval
//! of every `vs_control`. The reading is the other way round from a programme's
//! comparison: **not_met** (they fell behind) when the interval lies below 0 (its
//! upper end below 0), **met** (they gained alongside) when it lies above 0 (its lower
//! end above 0), inconclusive otherwise, and inconclusive without an interval. No
//! non-participating firm, or no panel on a side: insufficient_data, never an error.
//!
//! Detail, as a `vs_control`'s: `groups` (`{non_participants, control}`: the panel
//! numbers `n`, `y_b`, `y_f`, `growth`, `cagr`, `mean_b`, `mean_f`), `difference`,
//! `did`, `ratio`, `cagr_difference`, `evidence`, `caveat`, `bootstrap`.

use serde_json::{Map, Value};

use super::{no_years, put, put_years, Ctx};
use crate::indicators::bootstrap::{self, Interval};
use crate::indicators::design::{bootstrap_json, interval_note};
use crate::indicators::panels::{num, opt, Panel, Side};
use crate::model::{Group, Measure};
use crate::panel::finite;
use crate::years::Years;
use cluster_eval_types::detail::{to_map, ControlReading, Evidence};
use cluster_eval_types::results::{Horizon, Indicator, Message, Status, Unit};

/// The two measures, in the SPEC's order.
const MEASURES: [Measure; 2] = [Measure::Sales, Measure::Employment];

/// The id of a measure's comparison.
pub fn id(measure: Measure) -> String {
    format!("pro_poor.non_participants.{}.vs_control", measure.name())
}

/// The amount panel of one group of firms (`[v_b, v_f, 1, 1]` per firm valid in
/// both years, as the long run's panels).
fn panel(ctx: &Ctx<'_>, group: Group, measure: Measure) -> Panel {
    let mut p = Panel::default();
    if let Some(pairs) = ctx.pairs {
        for pair in pairs.pairs.iter().filter(|p| p.group == group) {
            if let Some((b, f)) = pair.both(measure) {
                p.push([b, f, 1.0, 1.0]);
            }
        }
    }
    p
}

/// Both comparisons.
pub fn compute(ctx: &Ctx<'_>, settings: &cluster_eval_types::document::Settings) -> Vec<Indicator> {
    let mut out: Vec<Indicator> = MEASURES
        .iter()
        .map(|m| Indicator::new(id(*m), Horizon::ProPoor, Unit::Ratio))
        .collect();
    let Some(years) = ctx.years.filter(|_| ctx.pairs.is_some()) else {
        out.iter_mut().for_each(no_years);
        return out;
    };
    let panels: Vec<(Panel, Panel)> = MEASURES
        .iter()
        .map(|m| (panel(ctx, Group::Cluster, *m), panel(ctx, Group::Control, *m)))
        .collect();
    let jobs: Vec<(&Panel, &Panel)> = panels
        .iter()
        .filter(|(g, c)| g.n() >= 2 && c.n() >= 2)
        .map(|(g, c)| (g, c))
        .collect();
    let mut found = bootstrap::intervals(&jobs, settings.reps(), settings.seed).into_iter();
    let has_cluster = ctx
        .data
        .firms
        .rows
        .iter()
        .any(|r| r.group == Group::Cluster);
    for ((ind, measure), (g, c)) in out.iter_mut().zip(MEASURES).zip(&panels) {
        let interval = if g.n() >= 2 && c.n() >= 2 {
            found.next().flatten()
        } else {
            None
        };
        put_years(ind, years);
        if !has_cluster {
            ind.say(Message::NoNonParticipants);
            continue;
        }
        one(ind, settings, years, measure, g, c, interval);
    }
    out
}

/// The `vs_control` reading of the non-participants: gained alongside, fell behind,
/// or not conclusive (and not conclusive without an interval).
pub fn status_of(ci: Option<[f64; 2]>) -> Status {
    match ci {
        Some([low, _]) if low > 0.0 => Status::Met,
        Some([_, high]) if high < 0.0 => Status::NotMet,
        _ => Status::Inconclusive,
    }
}

fn one(
    ind: &mut Indicator,
    settings: &cluster_eval_types::document::Settings,
    years: Years,
    measure: Measure,
    g: &Panel,
    c: &Panel,
    interval: Option<Interval>,
) {
    let span = years.span();
    put(ind, "measure", measure.name());
    let mut groups = Map::new();
    if g.n() > 0 {
        groups.insert("non_participants".into(), Value::Object(g.stats(span)));
    }
    if c.n() > 0 {
        groups.insert(Side::Control.key().into(), Value::Object(c.stats(span)));
    }
    put(ind, "groups", Value::Object(groups));
    ind.n = g.n() + c.n();
    let no_panel = |side: Side| Message::NoPanel {
        group: side,
        measure: measure.name().into(),
        baseline: years.baseline,
        followup: years.followup,
    };
    if g.n() == 0 {
        ind.say(no_panel(Side::Cluster));
        return;
    }
    if c.n() == 0 {
        ind.say(no_panel(Side::Control));
        return;
    }
    let (Some(gg), Some(gc)) = (g.growth(), c.growth()) else {
        let side = if g.growth().is_none() {
            Side::Cluster
        } else {
            Side::Control
        };
        ind.say(Message::ZeroBaseline {
            group: side,
            measure: measure.name().into(),
            baseline: years.baseline,
        });
        return;
    };
    let Some(value) = finite(gg - gc) else {
        ind.say(Message::NotFinite);
        return;
    };
    ind.value = Some(value);
    put(ind, "difference", num(value));
    let mut did = Map::new();
    let (dg, dc) = (g.change(), c.change());
    did.insert(
        "value".into(),
        opt(dg.zip(dc).and_then(|(a, b)| finite(a - b))),
    );
    did.insert("non_participants".into(), opt(dg));
    did.insert(Side::Control.key().into(), opt(dc));
    put(ind, "did", Value::Object(did));
    let ratio = (1.0 + gc != 0.0)
        .then(|| (1.0 + gg) / (1.0 + gc) - 1.0)
        .and_then(finite);
    put(ind, "ratio", opt(ratio));
    let cagr = g.cagr(span).zip(c.cagr(span)).and_then(|(a, b)| finite(a - b));
    put(ind, "cagr_difference", opt(cagr));
    ind.detail.extend(to_map(&ControlReading {
        evidence: Evidence::of(g.n().min(c.n())),
        caveat: Message::ClusterCaveat,
    }));
    let mut message = Message::NonParticipantsCompared {
        measure: measure.name().into(),
        n: g.n(),
        n_control: c.n(),
        baseline: years.baseline,
        followup: years.followup,
    };
    let (why, ci) = interval_note(settings, Side::Cluster, g, c, interval);
    ind.ci = ci;
    if let Some(why) = why {
        message = why;
    }
    put(ind, "bootstrap", bootstrap_json(settings, interval));
    ind.status = status_of(ind.ci);
    ind.say(message);
}
