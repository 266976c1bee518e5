//! `long.beneficiaries.jobs_net` (SPEC v3, "Long run"): the jobs created by the
//! beneficiaries net of the jobs in the beneficiary firms that closed or left.
//!
//! `jobs_panel` = `E_f − E_b` over the employment panel of B (the numerator of
//! `long.cost_per_job`), `jobs_gone` = the employment in `b` of the B firms with a row
//! in `b` and none in `f` (the value of `pro_poor.exited_firms_jobs`); the value is
//! `jobs_panel − jobs_gone`. Count, reported. A gone firm without employment in `b`
//! counts 0 jobs (`employment_unknown` says how many). Without an employment panel of
//! B: insufficient data, with the reason of `long.beneficiaries.employment.growth`.

use super::design::Attrition;
use super::long::checked;
use super::panels::{num, Bundle, Side};
use super::Ctx;
use crate::panel::finite;
use cluster_eval_types::results::{Horizon, Indicator, Message, Status, Unit};

pub const ID: &str = "long.beneficiaries.jobs_net";

/// The indicator, from the employment bundle.
pub fn jobs_net(ctx: &Ctx<'_>, employment: &Bundle) -> Indicator {
    let mut ind = Indicator::new(ID, Horizon::Long, Unit::Count);
    let (b, f) = (ctx.years.baseline, ctx.years.followup);
    ind.detail.insert("baseline_year".into(), b.into());
    ind.detail.insert("followup_year".into(), f.into());
    let panel = match checked(ctx, employment, Side::Beneficiary) {
        Ok(p) => p,
        Err(m) => {
            ind.say(m);
            return ind;
        }
    };
    let gone = Attrition::of(ctx.pairs.of(Side::Beneficiary.groups()));
    let Some(jobs_panel) = finite(panel.sums[1] - panel.sums[0]) else {
        ind.say(Message::NotFinite);
        return ind;
    };
    let jobs_gone = gone.employment_gone + 0.0;
    let d = &mut ind.detail;
    d.insert("n".into(), panel.n().into());
    d.insert("employment_b".into(), num(panel.sums[0]));
    d.insert("employment_f".into(), num(panel.sums[1]));
    d.insert("jobs_panel".into(), num(jobs_panel + 0.0));
    d.insert("firms_gone".into(), gone.gone.into());
    d.insert("employment_unknown".into(), gone.employment_unknown.into());
    d.insert("jobs_gone".into(), num(jobs_gone));
    ind.n = panel.n() + gone.gone;
    let Some(value) = finite(jobs_panel - jobs_gone) else {
        ind.say(Message::NotFinite);
        return ind;
    };
    ind.value = Some(value + 0.0);
    ind.status = Status::Reported;
    ind.say(Message::JobsNet {
        panel: jobs_panel + 0.0,
        n: panel.n(),
        gone: jobs_gone,
        exited: gone.gone,
        baseline: b,
        followup: f,
    });
    ind
}
