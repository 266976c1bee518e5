//! Jobs and employment shares of the eight worker groups (women, unskilled, informal,
//! youth, indigenous, afro-descendant, disabled, migrant): `pro_poor.jobs.*` and
//! `pro_poor.share.*`.
//!
//! The seed warns that "particular categories of workers, especially women and
//! unskilled workers, can lose out as clusters upgrade". A group can lose in two ways:
//! fewer jobs (`jobs`, met if the count did not fall) or a smaller slice of a growing
//! workforce (`share`, not met when it fell by more than the loser threshold).
//!
//! Both are computed over one panel: the beneficiary firms with `employment` and the
//! group's column valid in both years. A firm missing either value in either year is
//! left out of both (counted in `detail.excluded`), so jobs and share always describe
//! the same firms.
//!
//! Choices where the SPEC is silent:
//! - The share is pooled: Σ group workers / Σ employment over the panel, not a mean of
//!   each firm's share, so large employers weigh as much as the jobs they hold.
//! - A group with no workers at baseline has a baseline share of 0, which is well
//!   defined whenever the panel's employment is > 0; its share change is then its whole
//!   follow-up share (met), and the message says the group was absent at baseline.
//!   A group absent in both years has jobs 0 and share change 0 (met), with a message
//!   saying so, since "did not lose" is then trivially true.
//! - Zero total employment in a year makes the share undefined: `insufficient_data`
//!   for the share (the jobs count is still computed).

use crate::model::Measure;
use cluster_eval_types::results::{Horizon, Indicator, Message, Status, Unit};
use crate::years::Years;

use super::{
    missing_columns, no_panel, no_years, observed_both, panel_used, put, put_years, Ctx, EPS,
};

/// The `jobs.*` indicators and the `share.*` indicators, each in the order of
/// [`Measure::WORKER_GROUPS`].
pub fn compute(ctx: &Ctx<'_>) -> (Vec<Indicator>, Vec<Indicator>) {
    Measure::WORKER_GROUPS
        .iter()
        .map(|(measure, suffix)| group(ctx, *measure, suffix))
        .unzip()
}

/// Sums over the panel of one group.
#[derive(Debug, Clone, Copy, Default)]
struct Sums {
    n: usize,
    employment_b: f64,
    employment_f: f64,
    workers_b: f64,
    workers_f: f64,
}

fn group(ctx: &Ctx<'_>, measure: Measure, suffix: &str) -> (Indicator, Indicator) {
    let mut jobs = Indicator::new(
        format!("pro_poor.jobs.{suffix}"),
        Horizon::ProPoor,
        Unit::Count,
    );
    let mut share = Indicator::new(
        format!("pro_poor.share.{suffix}"),
        Horizon::ProPoor,
        Unit::Share,
    );
    let Some((years, firms)) = ctx.beneficiaries() else {
        no_years(&mut jobs);
        no_years(&mut share);
        return (jobs, share);
    };
    let missing = ctx.missing(&[Measure::Employment, measure]);
    if !missing.is_empty() {
        missing_columns(&mut jobs, &missing);
        missing_columns(&mut share, &missing);
        return (jobs, share);
    }
    let columns = [Measure::Employment.name(), measure.name()];
    let mut sums = Sums::default();
    for pair in &firms {
        let (Some((e_b, e_f)), Some((w_b, w_f))) =
            (pair.both(Measure::Employment), pair.both(measure))
        else {
            continue;
        };
        sums.n += 1;
        sums.employment_b += e_b;
        sums.employment_f += e_f;
        sums.workers_b += w_b;
        sums.workers_f += w_f;
    }
    let excluded = observed_both(&firms) - sums.n;
    for ind in [&mut jobs, &mut share] {
        put_years(ind, years);
        put(ind, "n", sums.n);
        put(ind, "excluded", excluded);
        if sums.n == 0 {
            no_panel(ind, &columns, years);
            continue;
        }
        ind.n = sums.n;
        put(ind, "workers_b", sums.workers_b);
        put(ind, "workers_f", sums.workers_f);
        put(ind, "employment_b", sums.employment_b);
        put(ind, "employment_f", sums.employment_f);
        describe(ind, suffix, &columns, years, &sums);
    }
    if sums.n == 0 {
        return (jobs, share);
    }

    let change = sums.workers_f - sums.workers_b;
    jobs.value = Some(change);
    jobs.status = if change >= -EPS {
        Status::Met
    } else {
        Status::NotMet
    };

    put(&mut share, "loser_threshold", ctx.threshold);
    for (year, total) in [
        (years.baseline, sums.employment_b),
        (years.followup, sums.employment_f),
    ] {
        if total <= 0.0 {
            share.say(Message::ProPoorZeroEmployment {
                n: sums.n,
                year,
                group: suffix.into(),
            });
            return (jobs, share);
        }
    }
    let share_b = sums.workers_b / sums.employment_b;
    let share_f = sums.workers_f / sums.employment_f;
    put(&mut share, "share_b", share_b);
    put(&mut share, "share_f", share_f);
    let delta = share_f - share_b;
    if delta.is_finite() {
        share.value = Some(delta);
        share.status = if delta < -ctx.threshold - EPS {
            Status::NotMet
        } else {
            Status::Met
        };
    }
    (jobs, share)
}

/// The message of a computed group: the panel used, or that the group was absent.
fn describe(ind: &mut Indicator, suffix: &str, columns: &[&str], years: Years, sums: &Sums) {
    if sums.workers_b == 0.0 && sums.workers_f == 0.0 {
        ind.say(Message::ProPoorGroupAbsent {
            group: suffix.into(),
            n: sums.n,
            baseline: years.baseline,
            followup: years.followup,
        });
    } else if sums.workers_b == 0.0 {
        ind.say(Message::ProPoorGroupNew {
            group: suffix.into(),
            n: sums.n,
            baseline: years.baseline,
            followup: years.followup,
        });
    } else {
        panel_used(ind, columns, years, sums.n);
    }
}
