//! Formalization of beneficiary firms: `pro_poor.formalization`.
//!
//! The seed stresses that poor workers and women are "often … in the informal
//! economy". The value is the share of beneficiary firms informal at baseline minus
//! the share informal at follow-up (a positive value = firms formalized), over the
//! beneficiary firms whose `informal` flag is known in both years, so the two shares
//! are of the same firms. Met when it is ≥ 0 (informality did not grow).

use crate::model::Flag;
use cluster_eval_types::results::{Horizon, Indicator, Status, Unit};

use super::{
    missing_columns, no_panel, no_years, observed_both, panel_used, put, put_years, Ctx, EPS,
};

pub const ID: &str = "pro_poor.formalization";

pub fn compute(ctx: &Ctx<'_>) -> Indicator {
    let mut ind = Indicator::new(ID, Horizon::ProPoor, Unit::Share);
    let Some((years, firms)) = ctx.beneficiaries() else {
        no_years(&mut ind);
        return ind;
    };
    let column = Flag::Informal.name();
    if !ctx.data.firms.has_flag(Flag::Informal) {
        missing_columns(&mut ind, &[column]);
        return ind;
    }
    let flags: Vec<(bool, bool)> = firms
        .iter()
        .filter_map(|p| {
            Some((
                p.base?.flag(Flag::Informal)?,
                p.follow?.flag(Flag::Informal)?,
            ))
        })
        .collect();
    let n = flags.len();
    let informal_b = flags.iter().filter(|f| f.0).count();
    let informal_f = flags.iter().filter(|f| f.1).count();
    put_years(&mut ind, years);
    put(&mut ind, "n", n);
    put(&mut ind, "excluded", observed_both(&firms) - n);
    put(&mut ind, "informal_b", informal_b);
    put(&mut ind, "informal_f", informal_f);
    if n == 0 {
        no_panel(&mut ind, &[column], years);
        return ind;
    }
    ind.n = n;
    let share_b = informal_b as f64 / n as f64;
    let share_f = informal_f as f64 / n as f64;
    put(&mut ind, "share_b", share_b);
    put(&mut ind, "share_f", share_f);
    let value = share_b - share_f;
    ind.value = Some(value);
    ind.status = if value >= -EPS {
        Status::Met
    } else {
        Status::NotMet
    };
    panel_used(&mut ind, &[column], years, n);
    ind
}
