//! Pro-poor checks against the control group (SPEC, "Pro-poor checks against the
//! control group"), and the jobs of the beneficiary firms that closed or were lost to
//! follow-up.
//!
//! - `pro_poor.share.<group>.vs_control`: the change of the group's share of
//!   employment among the beneficiary firms minus the same change among the control
//!   firms, each over its firms with `employment` and the group's column valid in both
//!   years (pooled shares, as `pro_poor.share.*`), with a stratified bootstrap interval
//!   over firms (the same draws as the `vs_control`s: [`crate::indicators::bootstrap`],
//!   statistic `Σw_f/Σe_f − Σw_b/Σe_b`). not_met when the value is below
//!   `−loser_threshold` and the interval (if any) lies below 0 (its upper end < 0);
//!   inconclusive when the value is below `−loser_threshold` but the interval reaches
//!   0; met otherwise. Detail: `groups` (`{beneficiary|control: {n, workers_b,
//!   workers_f, employment_b, employment_f, share_b, share_f, change}}`), `difference`,
//!   `loser_threshold`, `bootstrap`.
//! - `pro_poor.wage_gap.vs_control`: `(gap_f − gap_b)` of the beneficiaries minus the
//!   same of the control firms (gap as `pro_poor.wage_gap`, over each group's firms
//!   valid in both years). met if ≤ 0. A target is a ceiling, as the wage gap's.
//! - `pro_poor.exited_firms_jobs`: the employment in `b` of the beneficiary firms with
//!   a row in `b` and none in `f` (count, reported). Detail: `firms_b`, `gone`,
//!   `employment_unknown` (firms gone without employment in `b`).

use serde_json::{Map, Value};

use cluster_eval_types::document::Settings;
use crate::indicators::bootstrap;
use crate::indicators::design::{bootstrap_json, interval_note, Attrition};
use crate::indicators::panels::{Panel, Side};
use crate::model::{Group, Measure};
use crate::panel::FirmPair;
use cluster_eval_types::results::{Horizon, Indicator, Message, Status, Unit};
use crate::years::Years;

use super::wage_gap::{gaps, GapFailure};
use super::{missing_columns, no_panel, no_years, plain, put, put_years, Ctx, EPS};

pub const WAGE_GAP_VS_CONTROL: &str = "pro_poor.wage_gap.vs_control";
pub const EXITED_FIRMS_JOBS: &str = "pro_poor.exited_firms_jobs";

/// The id of a worker group's share comparison.
pub fn share_id(group: &str) -> String {
    format!("pro_poor.share.{group}.vs_control")
}

/// The firms of `group` whose pairs are in `ctx`.
fn pairs_of<'a>(ctx: &Ctx<'a>, group: Group) -> Vec<&'a FirmPair<'a>> {
    ctx.pairs
        .map(|p| p.pairs.iter().filter(|x| x.group == group).collect())
        .unwrap_or_default()
}

/// The change-of-share panel of one group of firms for a worker column.
fn share_panel(pairs: &[&FirmPair<'_>], measure: Measure) -> Panel {
    let mut panel = Panel {
        ratio: true,
        change: true,
        ..Panel::default()
    };
    for pair in pairs {
        if let (Some((e_b, e_f)), Some((w_b, w_f))) =
            (pair.both(Measure::Employment), pair.both(measure))
        {
            if [e_b, e_f, w_b, w_f].iter().all(|v| v.is_finite()) {
                panel.push([w_b, w_f, e_b, e_f]);
            }
        }
    }
    panel
}

/// The eight share comparisons (in [`Measure::WORKER_GROUPS`] order).
pub fn shares(ctx: &Ctx<'_>, settings: &Settings) -> Vec<Indicator> {
    let mut out: Vec<Indicator> = Measure::WORKER_GROUPS
        .iter()
        .map(|(_, g)| Indicator::new(share_id(g), Horizon::ProPoor, Unit::Share))
        .collect();
    let Some(years) = ctx.years.filter(|_| ctx.pairs.is_some()) else {
        out.iter_mut().for_each(no_years);
        return out;
    };
    let (ben, con) = (
        pairs_of(ctx, Group::Beneficiary),
        pairs_of(ctx, Group::Control),
    );
    let panels: Vec<(Panel, Panel)> = Measure::WORKER_GROUPS
        .iter()
        .map(|(m, _)| (share_panel(&ben, *m), share_panel(&con, *m)))
        .collect();
    let jobs: Vec<(&Panel, &Panel)> = panels
        .iter()
        .filter(|(g, c)| g.n() >= 2 && c.n() >= 2)
        .map(|(g, c)| (g, c))
        .collect();
    let mut found = bootstrap::intervals(&jobs, settings.reps(), settings.seed).into_iter();
    for (k, (ind, (measure, group))) in out.iter_mut().zip(Measure::WORKER_GROUPS).enumerate() {
        let Some((g, c)) = panels.get(k) else {
            continue;
        };
        let interval = if g.n() >= 2 && c.n() >= 2 {
            found.next().flatten()
        } else {
            None
        };
        share_one(ctx, settings, years, ind, measure, group, g, c, interval);
    }
    out
}

/// The detail of one side of a share comparison.
fn side_json(p: &Panel) -> Value {
    let mut m = Map::new();
    let [wb, wf, eb, ef] = p.sums;
    m.insert("n".into(), p.n().into());
    m.insert("workers_b".into(), plain(wb).into());
    m.insert("workers_f".into(), plain(wf).into());
    m.insert("employment_b".into(), plain(eb).into());
    m.insert("employment_f".into(), plain(ef).into());
    if eb > 0.0 {
        m.insert("share_b".into(), (wb / eb).into());
    }
    if ef > 0.0 {
        m.insert("share_f".into(), (wf / ef).into());
    }
    if let Some(d) = p.stat() {
        m.insert("change".into(), d.into());
    }
    Value::Object(m)
}

#[allow(clippy::too_many_arguments)]
fn share_one(
    ctx: &Ctx<'_>,
    settings: &Settings,
    years: Years,
    ind: &mut Indicator,
    measure: Measure,
    group: &str,
    g: &Panel,
    c: &Panel,
    interval: Option<bootstrap::Interval>,
) {
    put_years(ind, years);
    let missing = ctx.missing(&[Measure::Employment, measure]);
    if !missing.is_empty() {
        missing_columns(ind, &missing);
        return;
    }
    let columns = [Measure::Employment.name(), measure.name()];
    let mut groups = Map::new();
    groups.insert(Side::Beneficiary.key().into(), side_json(g));
    groups.insert(Side::Control.key().into(), side_json(c));
    put(ind, "groups", Value::Object(groups));
    put(ind, "loser_threshold", ctx.threshold);
    ind.n = g.n() + c.n();
    if g.n() == 0 {
        no_panel(ind, &columns, years);
        return;
    }
    if c.n() == 0 {
        ind.say(Message::ProPoorNoControlPanel {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            baseline: years.baseline,
            followup: years.followup,
        });
        return;
    }
    for (side, p) in [(Side::Beneficiary, g), (Side::Control, c)] {
        let [_, _, eb, ef] = p.sums;
        if eb <= 0.0 || ef <= 0.0 {
            let year = if eb <= 0.0 {
                years.baseline
            } else {
                years.followup
            };
            ind.say(Message::ProPoorShareUndefined { group: side, year });
            return;
        }
    }
    let (Some(dg), Some(dc)) = (g.stat(), c.stat()) else {
        ind.say(Message::NotFinite);
        return;
    };
    let value = dg - dc;
    if !value.is_finite() {
        ind.say(Message::NotFinite);
        return;
    }
    ind.value = Some(value);
    put(ind, "difference", value);
    let mut message = Message::ProPoorShareVsControl {
        group: group.into(),
        n: g.n(),
        n_control: c.n(),
        baseline: years.baseline,
        followup: years.followup,
    };
    let (why, ci) = interval_note(settings, Side::Beneficiary, g, c, interval);
    ind.ci = ci;
    if let Some(why) = why {
        message = why;
    }
    put(ind, "bootstrap", bootstrap_json(settings, interval));
    ind.status = share_status(value, ind.ci, ctx.threshold);
    ind.say(message);
}

/// The rule of the share comparisons: not_met when the value is below `−threshold`
/// and the interval (if any) lies below 0; inconclusive when below `−threshold` but
/// the interval reaches 0; met otherwise.
pub fn share_status(value: f64, ci: Option<[f64; 2]>, threshold: f64) -> Status {
    if value >= -threshold - EPS {
        return Status::Met;
    }
    match ci {
        Some([_, high]) if high >= 0.0 => Status::Inconclusive,
        _ => Status::NotMet,
    }
}

/// `pro_poor.wage_gap.vs_control`.
pub fn wage_gap(ctx: &Ctx<'_>) -> Indicator {
    let mut ind = Indicator::new(WAGE_GAP_VS_CONTROL, Horizon::ProPoor, Unit::Ratio);
    let Some(years) = ctx.years.filter(|_| ctx.pairs.is_some()) else {
        no_years(&mut ind);
        return ind;
    };
    put_years(&mut ind, years);
    let missing = ctx.missing(&super::wage_gap::NEEDED);
    if !missing.is_empty() {
        missing_columns(&mut ind, &missing);
        return ind;
    }
    let mut changes = [0.0; 2];
    let mut ns = [0usize; 2];
    for (k, (side, group)) in [
        (Side::Beneficiary, Group::Beneficiary),
        (Side::Control, Group::Control),
    ]
    .into_iter()
    .enumerate()
    {
        let pairs = pairs_of(ctx, group);
        match gaps(&pairs) {
            Ok(g) => {
                let mut m = Map::new();
                m.insert("n".into(), g.n.into());
                m.insert("gap_b".into(), g.gap_b.into());
                m.insert("gap_f".into(), g.gap_f.into());
                m.insert("gap_change".into(), (g.gap_f - g.gap_b).into());
                put(&mut ind, side.key(), Value::Object(m));
                changes[k] = g.gap_f - g.gap_b;
                ns[k] = g.n;
            }
            Err(e) => {
                ind.say(match e {
                    GapFailure::NoFirms => Message::ProPoorWageGapNoFirms {
                        group: side,
                        baseline: years.baseline,
                        followup: years.followup,
                    },
                    GapFailure::Undefined { year } => {
                        Message::ProPoorWageGapUndefined { group: side, year }
                    }
                });
                return ind;
            }
        }
    }
    let value = changes[0] - changes[1];
    if !value.is_finite() {
        ind.say(Message::NotFinite);
        return ind;
    }
    ind.n = ns[0] + ns[1];
    ind.value = Some(value);
    put(&mut ind, "difference", value);
    ind.status = if value <= EPS {
        Status::Met
    } else {
        Status::NotMet
    };
    ind.say(Message::ProPoorWageGapVsControl {
        n: ns[0],
        n_control: ns[1],
        baseline: years.baseline,
        followup: years.followup,
    });
    ind
}

/// `pro_poor.exited_firms_jobs`.
pub fn exited_jobs(ctx: &Ctx<'_>) -> Indicator {
    let mut ind = Indicator::new(EXITED_FIRMS_JOBS, Horizon::ProPoor, Unit::Count);
    let Some((years, firms)) = ctx.beneficiaries() else {
        no_years(&mut ind);
        return ind;
    };
    put_years(&mut ind, years);
    let missing = ctx.missing(&[Measure::Employment]);
    if !missing.is_empty() {
        missing_columns(&mut ind, &missing);
        return ind;
    }
    let a = Attrition::of(firms.iter().copied());
    put(&mut ind, "firms_b", a.firms);
    put(&mut ind, "gone", a.gone);
    put(&mut ind, "employment_unknown", a.employment_unknown);
    ind.n = a.firms;
    if a.firms == 0 {
        ind.say(Message::ProPoorNoBaselineEmployment {
            baseline: years.baseline,
        });
        return ind;
    }
    ind.value = Some(plain(a.employment_gone));
    ind.status = Status::Reported;
    ind.say(Message::ProPoorExitedJobs {
        jobs: plain(a.employment_gone),
        gone: a.gone,
        firms: a.firms,
        baseline: years.baseline,
        followup: years.followup,
    });
    ind
}
