//! The gender wage gap among beneficiary firms: `pro_poor.wage_gap`.
//!
//! The seed notes that "even when women occupy the same jobs as men, they receive lower
//! salaries". The gap in a year is `(W_men − W_women) / W_men`, where `W_women` is the
//! mean of `wage_women` weighted by `workers_women` and `W_men` the mean of `wage_men`
//! weighted by the men, `employment − workers_women`. The value is the gap in the
//! follow-up year; it is met when the gap did not widen (`gap_f ≤ gap_b`). A user
//! target is a ceiling: met when the follow-up gap is at or below it.
//!
//! Choices where the SPEC is silent:
//! - A firm enters the panel when, in both years, it has `employment` and
//!   `workers_women`, and the wage of each sex that it employs: a firm with no women
//!   (or no men) in a year needs no wage for them, since its weight would be 0 anyway.
//!   This keeps all-male and all-female workshops, which rarely fill in a wage for
//!   nobody, in the other sex's average.
//! - A firm whose `workers_women` exceeds its `employment` in either year is left out
//!   (its weight for men would be negative) and counted in `detail.inconsistent`.
//! - Both averages are over the same panel in both years, so the change in the gap is
//!   not an artefact of firms entering or leaving.

use crate::model::Measure;
use cluster_eval_types::results::{Horizon, Indicator, Message, Status, Unit};

use super::{
    missing_columns, no_panel, no_years, observed_both, panel_used, put, put_years, Ctx, EPS,
};

pub const ID: &str = "pro_poor.wage_gap";

pub const NEEDED: [Measure; 4] = [
    Measure::Employment,
    Measure::WorkersWomen,
    Measure::WageWomen,
    Measure::WageMen,
];

/// Weighted wage sums of one year.
#[derive(Debug, Clone, Copy, Default)]
struct YearSums {
    women: f64,
    women_pay: f64,
    men: f64,
    men_pay: f64,
}

impl YearSums {
    fn add(&mut self, f: FirmYearValues) {
        self.women += f.women;
        self.women_pay += f.women * f.wage_women;
        self.men += f.men;
        self.men_pay += f.men * f.wage_men;
    }
}

/// One firm's values in one year, with wages of an absent sex set to 0.
#[derive(Debug, Clone, Copy)]
struct FirmYearValues {
    women: f64,
    men: f64,
    wage_women: f64,
    wage_men: f64,
}

/// Why a firm-year cannot enter the panel.
enum Reject {
    Missing,
    Inconsistent,
}

fn firm_year(row: Option<&crate::model::FirmYear>) -> Result<FirmYearValues, Reject> {
    let row = row.ok_or(Reject::Missing)?;
    let employment = row.get(Measure::Employment).ok_or(Reject::Missing)?;
    let women = row.get(Measure::WorkersWomen).ok_or(Reject::Missing)?;
    let men = employment - women;
    if men < 0.0 {
        return Err(Reject::Inconsistent);
    }
    // The wage of a sex the firm does not employ is not needed (weight 0).
    let wage = |count: f64, m: Measure| -> Result<f64, Reject> {
        match row.get(m) {
            Some(w) => Ok(w),
            None if count == 0.0 => Ok(0.0),
            None => Err(Reject::Missing),
        }
    };
    Ok(FirmYearValues {
        women,
        men,
        wage_women: wage(women, Measure::WageWomen)?,
        wage_men: wage(men, Measure::WageMen)?,
    })
}

pub fn compute(ctx: &Ctx<'_>) -> Indicator {
    let mut ind = Indicator::new(ID, Horizon::ProPoor, Unit::Ratio);
    let Some((years, firms)) = ctx.beneficiaries() else {
        no_years(&mut ind);
        return ind;
    };
    let missing = ctx.missing(&NEEDED);
    if !missing.is_empty() {
        missing_columns(&mut ind, &missing);
        return ind;
    }
    let columns: Vec<&str> = NEEDED.iter().map(|m| m.name()).collect();
    let (mut base, mut follow) = (YearSums::default(), YearSums::default());
    let (mut n, mut inconsistent) = (0usize, 0usize);
    for pair in &firms {
        match (firm_year(pair.base), firm_year(pair.follow)) {
            (Ok(b), Ok(f)) => {
                n += 1;
                base.add(b);
                follow.add(f);
            }
            (Err(Reject::Inconsistent), _) | (_, Err(Reject::Inconsistent)) => inconsistent += 1,
            _ => {}
        }
    }
    put_years(&mut ind, years);
    put(&mut ind, "n", n);
    put(&mut ind, "excluded", observed_both(&firms) - n);
    put(&mut ind, "inconsistent", inconsistent);
    if n == 0 {
        no_panel(&mut ind, &columns, years);
        return ind;
    }
    ind.n = n;
    let mut gaps = [0.0; 2];
    for (i, (suffix, year, sums)) in [("b", years.baseline, base), ("f", years.followup, follow)]
        .into_iter()
        .enumerate()
    {
        put(&mut ind, &format!("workers_women_{suffix}"), sums.women);
        put(&mut ind, &format!("workers_men_{suffix}"), sums.men);
        let w_women = (sums.women > 0.0).then(|| sums.women_pay / sums.women);
        let w_men = (sums.men > 0.0).then(|| sums.men_pay / sums.men);
        put(&mut ind, &format!("w_women_{suffix}"), w_women);
        put(&mut ind, &format!("w_men_{suffix}"), w_men);
        let (Some(w_women), Some(w_men)) = (w_women, w_men) else {
            let side = if sums.women > 0.0 { "men" } else { "women" };
            ind.say(Message::ProPoorWageNoWorkers {
                side: side.into(),
                year,
                n,
            });
            return ind;
        };
        if w_men <= 0.0 {
            ind.say(Message::ProPoorWageZeroMen { year });
            return ind;
        }
        gaps[i] = (w_men - w_women) / w_men;
        put(&mut ind, &format!("gap_{suffix}"), gaps[i]);
    }
    let [gap_b, gap_f] = gaps;
    put(&mut ind, "gap_change", gap_f - gap_b);
    ind.value = Some(gap_f);
    ind.status = if gap_f <= gap_b + EPS {
        Status::Met
    } else {
        Status::NotMet
    };
    panel_used(&mut ind, &columns, years, n);
    ind
}

/// The wage gaps of a group of firms in both years (for the comparison with the
/// control group, `pro_poor.wage_gap.vs_control`): over its firms valid in both years,
/// as [`compute`] takes them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Gaps {
    pub n: usize,
    pub gap_b: f64,
    pub gap_f: f64,
}

/// Why a group has no wage gaps.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum GapFailure {
    /// No firm valid in both years.
    NoFirms,
    /// Nobody of one sex employed, or the men's wage 0, in that year.
    Undefined { year: i32 },
}

/// The gaps of the firms of `pairs` (see [`Gaps`]).
pub fn gaps(pairs: &[&crate::panel::FirmPair<'_>]) -> Result<Gaps, GapFailure> {
    let (mut base, mut follow) = (YearSums::default(), YearSums::default());
    let mut n = 0usize;
    let (mut year_b, mut year_f) = (0, 0);
    for pair in pairs {
        if let (Ok(b), Ok(f)) = (firm_year(pair.base), firm_year(pair.follow)) {
            n += 1;
            base.add(b);
            follow.add(f);
            year_b = pair.base.map_or(0, |r| r.year);
            year_f = pair.follow.map_or(0, |r| r.year);
        }
    }
    if n == 0 {
        return Err(GapFailure::NoFirms);
    }
    let gap = |sums: YearSums, year: i32| -> Result<f64, GapFailure> {
        if sums.women <= 0.0 || sums.men <= 0.0 {
            return Err(GapFailure::Undefined { year });
        }
        let w_women = sums.women_pay / sums.women;
        let w_men = sums.men_pay / sums.men;
        if w_men <= 0.0 {
            return Err(GapFailure::Undefined { year });
        }
        let g = (w_men - w_women) / w_men;
        if g.is_finite() {
            Ok(g)
        } else {
            Err(GapFailure::Undefined { year })
        }
    };
    Ok(Gaps {
        n,
        gap_b: gap(base, year_b)?,
        gap_f: gap(follow, year_f)?,
    })
}
