//! Social return per dollar (Annex II, long run; the seed's Córdoba figures: 7 dollars
//! per dollar of the project, 14 per MIF dollar).
//!
//! `long.return_per_dollar = social_benefits / cost_total`,
//! `long.return_per_mif_dollar = social_benefits / cost_mif`; reported (SPEC v3: the
//! benefits are a figure the user typed, not one the calculator measured, so the
//! ratio is a level with no built-in test; before v3 it was met if ≥ 1). Detail:
//! `social_benefits`, the divisor under its own name, and `currency`. Independent of
//! the years. A missing fact, a divisor of 0 or a negative cost gives
//! `insufficient_data`.

use super::panels::num;
use cluster_eval_types::document::Project;
use crate::panel::finite;
use cluster_eval_types::results::{Horizon, Indicator, Message, Status, Unit};

/// Both return indicators, in the SPEC's order.
pub fn returns(project: &Project) -> Vec<Indicator> {
    vec![
        ratio(
            "long.return_per_dollar",
            project,
            "cost_total",
            project.cost_total,
        ),
        ratio(
            "long.return_per_mif_dollar",
            project,
            "cost_mif",
            project.cost_mif,
        ),
    ]
}

fn ratio(id: &str, project: &Project, field: &str, cost: Option<f64>) -> Indicator {
    let mut ind = Indicator::new(id, Horizon::Long, Unit::Ratio);
    ind.detail
        .insert("currency".into(), project.currency.clone().into());
    let benefits = project.social_benefits.filter(|v| v.is_finite());
    let cost = cost.filter(|v| v.is_finite());
    if let Some(b) = benefits {
        ind.detail.insert("social_benefits".into(), num(b));
    }
    if let Some(c) = cost {
        ind.detail.insert(field.into(), num(c));
    }
    let (Some(b), Some(c)) = (benefits, cost) else {
        let missing = if benefits.is_none() {
            "social_benefits"
        } else {
            field
        };
        ind.say(Message::MissingFact {
            field: missing.into(),
        });
        return ind;
    };
    if c == 0.0 {
        ind.say(Message::ZeroFact {
            field: field.into(),
        });
        return ind;
    }
    if c < 0.0 {
        ind.say(Message::NegativeFact {
            field: field.into(),
        });
        return ind;
    }
    if let Some(v) = finite(b / c) {
        ind.value = Some(v);
        ind.status = Status::Reported;
    }
    ind
}
