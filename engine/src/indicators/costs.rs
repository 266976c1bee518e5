//! What the jobs and firms cost (SPEC, "Long run"): `cost_total` divided by
//!
//! - `long.cost_per_job`: the jobs created, `E_f − E_b` over the employment panel of
//!   the beneficiaries;
//! - `long.cost_per_additional_job`: the jobs beyond what the control group's growth
//!   would have given, `E_b × (growth_B − growth_C)` with the employment panels of B
//!   and C;
//! - `long.cost_per_beneficiary_firm`: every distinct beneficiary firm of the table
//!   (not only a panel).
//!
//! Currency, reported. A cost that is not set is `insufficient_data` (a cost of 0 is a
//! cost: the value is 0); a negative cost, or a denominator ≤ 0, gives no value and a
//! message. Detail: `currency`, `cost_total` (when set), the denominator under its own
//! name (`jobs`, `additional_jobs`, `firms`) and what it came from (`n`, `employment_b`, `employment_f`;
//! `growth_beneficiary`, `growth_control`).
//!
//! The denominators depend on the data, the cost on a fact a person types: the
//! denominators (or why there is none, `denominator_note`) are kept in the detail, and
//! [`apply_cost`] sets the value from them and the project's cost, so a change of the
//! cost recomputes nothing else (`compute::finish`).

use serde_json::Value;

use super::long::checked;
use super::panels::{num, Bundle, Side};
use super::Ctx;
use cluster_eval_types::document::Project;
use cluster_eval_types::message::Message;
use crate::panel::finite;
use cluster_eval_types::results::{Horizon, Indicator, Status, Unit};

pub const PER_JOB: &str = "long.cost_per_job";
pub const PER_ADDITIONAL_JOB: &str = "long.cost_per_additional_job";
pub const PER_FIRM: &str = "long.cost_per_beneficiary_firm";

/// The three ids, in order.
pub const IDS: [&str; 3] = [PER_JOB, PER_ADDITIONAL_JOB, PER_FIRM];

/// The name of each id's denominator in its detail.
fn denominator_key(id: &str) -> Option<&'static str> {
    match id {
        PER_JOB => Some("jobs"),
        PER_ADDITIONAL_JOB => Some("additional_jobs"),
        PER_FIRM => Some("firms"),
        _ => None,
    }
}

/// The three cost indicators. `employment` is the employment bundle, `firms` the
/// number of distinct beneficiary firms of the table; `ctx` is `None` without years
/// (then only the cost per firm has a denominator).
pub fn costs(
    project: &Project,
    ctx: Option<&Ctx<'_>>,
    employment: Option<&Bundle>,
    firms: usize,
) -> Vec<Indicator> {
    let mut out: Vec<Indicator> = IDS
        .iter()
        .map(|id| Indicator::new(*id, Horizon::Long, Unit::Currency))
        .collect();
    let mut denominator = |i: usize, r: Result<f64, Message>| match r {
        Ok(v) => {
            if let Some(key) = denominator_key(IDS[i]) {
                out[i].detail.insert(key.into(), num(v));
            }
        }
        Err(m) => {
            out[i].detail.insert(
                "denominator_note".into(),
                serde_json::to_value(&m).unwrap_or(Value::Null),
            );
        }
    };
    match (ctx, employment) {
        (Some(ctx), Some(emp)) => {
            let (jobs, extra) = jobs(ctx, emp);
            denominator(0, jobs);
            denominator(1, extra);
        }
        _ => {
            denominator(0, Err(Message::NoYears));
            denominator(1, Err(Message::NoYears));
        }
    }
    denominator(
        2,
        if firms > 0 {
            Ok(firms as f64)
        } else {
            Err(Message::NoGroup {
                group: Side::Beneficiary,
            })
        },
    );
    if let (Some(ctx), Some(emp)) = (ctx, employment) {
        let (pb, pc) = (emp.panel(Side::Beneficiary), emp.panel(Side::Control));
        let d = &mut out[0].detail;
        d.insert("n".into(), pb.n().into());
        d.insert("baseline_year".into(), ctx.years.baseline.into());
        d.insert("followup_year".into(), ctx.years.followup.into());
        if pb.n() > 0 {
            d.insert("employment_b".into(), num(pb.sums[0]));
            d.insert("employment_f".into(), num(pb.sums[1]));
        }
        let d = &mut out[1].detail;
        d.insert("n".into(), pb.n().into());
        d.insert("n_control".into(), pc.n().into());
        d.insert("baseline_year".into(), ctx.years.baseline.into());
        d.insert("followup_year".into(), ctx.years.followup.into());
        if pb.n() > 0 {
            d.insert("employment_b".into(), num(pb.sums[0]));
        }
        if let Some(g) = pb.growth() {
            d.insert("growth_beneficiary".into(), num(g));
        }
        if let Some(g) = pc.growth() {
            d.insert("growth_control".into(), num(g));
        }
    }
    for ind in &mut out {
        ind.n = match ind.id.as_str() {
            PER_FIRM => firms,
            _ => employment.map_or(0, |e| e.panel(Side::Beneficiary).n()),
        };
        apply_cost(project, ind);
    }
    out
}

/// The jobs created and the additional jobs, or why they cannot be counted.
fn jobs(ctx: &Ctx<'_>, emp: &Bundle) -> (Result<f64, Message>, Result<f64, Message>) {
    let pb = checked(ctx, emp, Side::Beneficiary);
    let created = pb
        .clone()
        .and_then(|p| finite(p.sums[1] - p.sums[0]).ok_or(Message::NotFinite));
    let extra = pb.and_then(|p| {
        let c = checked(ctx, emp, Side::Control)?;
        let (Some(gb), Some(gc)) = (p.growth(), c.growth()) else {
            return Err(Message::NotFinite);
        };
        finite(p.sums[0] * (gb - gc)).ok_or(Message::NotFinite)
    });
    (created, extra)
}

/// Sets the value, status and message of a cost indicator from its denominator (in its
/// detail) and the project's `cost_total`. Does nothing to other ids.
pub fn apply_cost(project: &Project, ind: &mut Indicator) {
    let Some(key) = denominator_key(&ind.id) else {
        return;
    };
    ind.value = None;
    ind.status = Status::InsufficientData;
    ind.detail
        .insert("currency".into(), project.currency.clone().into());
    ind.detail.remove("cost_total");
    let cost = project.cost_total.filter(|c| c.is_finite());
    if let Some(c) = cost {
        ind.detail.insert("cost_total".into(), num(c));
    }
    let denominator = ind.detail.get(key).and_then(Value::as_f64);
    let why = ind
        .detail
        .get("denominator_note")
        .and_then(|v| serde_json::from_value::<Message>(v.clone()).ok());
    let message = match (cost, denominator) {
        (None, _) => Message::MissingFact {
            field: "cost_total".into(),
        },
        (Some(c), _) if c < 0.0 => Message::NegativeFact {
            field: "cost_total".into(),
        },
        (Some(_), None) => why.unwrap_or(Message::NotFinite),
        (Some(_), Some(d)) if d <= 0.0 => Message::CostDenominatorNotPositive {
            what: key.into(),
            denominator: d,
        },
        (Some(c), Some(d)) => match finite(c / d) {
            Some(v) => {
                ind.value = Some(v + 0.0);
                ind.status = Status::Reported;
                Message::CostDivided {
                    what: key.into(),
                    denominator: d,
                }
            }
            None => Message::NotFinite,
        },
    };
    ind.say(message);
}
