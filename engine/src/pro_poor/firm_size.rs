//! Which firms gain: the share of micro firms among beneficiaries
//! (`pro_poor.micro_share`) and the sales growth of each size class against all
//! beneficiaries (`pro_poor.firms.{micro,small,medium,large}.vs_beneficiaries`).
//!
//! The seed: "cluster growth produces winners and losers among firms … it is critical
//! to note which types of firms … gain over time, and which lose out". A size class
//! loses out when its sales grew by more than the loser threshold less than those of
//! all beneficiaries.
//!
//! Choices where the SPEC is silent:
//! - Size is the firm's `employment` in the baseline year. The classes are contiguous
//!   intervals closed above: micro ≤ 10, small (10, 50], medium (50, 250], large > 250,
//!   so a fractional count (full-time equivalents) such as 10.5 is small and 50.5 is
//!   medium: every number falls in exactly one class.
//! - The reference "all beneficiaries" is the balanced sales panel of every beneficiary
//!   firm (as `long.beneficiaries.sales.growth`), including firms whose baseline
//!   employment is unknown; those are counted in `detail.unclassified`.
//! - Growth is of summed sales (`Y_f / Y_b − 1`, SPEC "Balanced panel").
//! - v3: a class with fewer than 5 firms in its sales panel is `insufficient_data`
//!   (`pro_poor_class_few_firms`); its `growth` stays in the detail, the value is null.

use crate::model::Measure;
use crate::panel::PanelSums;
use cluster_eval_types::results::{Horizon, Indicator, Message, Status, Unit};

use super::{missing_columns, no_panel, no_years, plain, put, put_years, Ctx, EPS};

pub const MICRO_SHARE: &str = "pro_poor.micro_share";

/// SPEC v3: a size class with fewer firms than this in its sales panel is
/// `insufficient_data` (a loser is not named on four firms).
pub const MIN_CLASS_FIRMS: usize = 5;

/// A size class: its id suffix, the employment it starts above (exclusive) and the
/// employment it goes up to (inclusive).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SizeClass {
    pub name: &'static str,
    pub above: Option<f64>,
    pub up_to: Option<f64>,
}

/// The four size classes, smallest first.
pub const CLASSES: [SizeClass; 4] = [
    SizeClass {
        name: "micro",
        above: None,
        up_to: Some(10.0),
    },
    SizeClass {
        name: "small",
        above: Some(10.0),
        up_to: Some(50.0),
    },
    SizeClass {
        name: "medium",
        above: Some(50.0),
        up_to: Some(250.0),
    },
    SizeClass {
        name: "large",
        above: Some(250.0),
        up_to: None,
    },
];

impl SizeClass {
    pub fn contains(&self, employment: f64) -> bool {
        self.above.is_none_or(|a| employment > a) && self.up_to.is_none_or(|u| employment <= u)
    }

    /// The id of its indicator.
    pub fn id(&self) -> String {
        format!("pro_poor.firms.{}.vs_beneficiaries", self.name)
    }
}

/// The class of a baseline employment (for the engine's own tests).
#[cfg(any(test, feature = "internals"))]
pub fn class_of(employment: f64) -> Option<&'static SizeClass> {
    CLASSES.iter().find(|c| c.contains(employment))
}

/// Share of beneficiary firms with employment in the baseline year that are micro.
pub fn micro_share(ctx: &Ctx<'_>) -> Indicator {
    let mut ind = Indicator::new(MICRO_SHARE, Horizon::ProPoor, Unit::Share);
    let Some((years, firms)) = ctx.beneficiaries() else {
        no_years(&mut ind);
        return ind;
    };
    let missing = ctx.missing(&[Measure::Employment]);
    if !missing.is_empty() {
        missing_columns(&mut ind, &missing);
        return ind;
    }
    let sizes: Vec<f64> = firms
        .iter()
        .filter_map(|p| p.base?.get(Measure::Employment))
        .collect();
    let micro = sizes.iter().filter(|e| CLASSES[0].contains(**e)).count();
    put_years(&mut ind, years);
    put(&mut ind, "n", sizes.len());
    put(&mut ind, "micro", micro);
    put(&mut ind, "micro_up_to", 10.0);
    if sizes.is_empty() {
        ind.say(Message::ProPoorNoBaselineEmployment {
            baseline: years.baseline,
        });
        return ind;
    }
    ind.n = sizes.len();
    ind.value = Some(micro as f64 / sizes.len() as f64);
    ind.status = Status::Reported;
    ind.say(Message::ProPoorMicroFirms {
        micro,
        n: sizes.len(),
        baseline: years.baseline,
    });
    ind
}

/// One indicator per size class, smallest first.
pub fn vs_beneficiaries(ctx: &Ctx<'_>) -> Vec<Indicator> {
    CLASSES.iter().map(|c| class_vs_all(ctx, c)).collect()
}

fn class_vs_all(ctx: &Ctx<'_>, class: &SizeClass) -> Indicator {
    let mut ind = Indicator::new(class.id(), Horizon::ProPoor, Unit::Ratio);
    let Some((years, firms)) = ctx.beneficiaries() else {
        no_years(&mut ind);
        return ind;
    };
    let missing = ctx.missing(&[Measure::Sales, Measure::Employment]);
    if !missing.is_empty() {
        missing_columns(&mut ind, &missing);
        return ind;
    }
    put_years(&mut ind, years);
    put(&mut ind, "employment_above", class.above);
    put(&mut ind, "employment_up_to", class.up_to);
    put(&mut ind, "loser_threshold", ctx.threshold);

    // The reference panel: every beneficiary with sales in both years.
    let all = PanelSums::from_values(
        firms
            .iter()
            .filter_map(|p| p.both(Measure::Sales))
            .collect(),
    );
    let unclassified = firms
        .iter()
        .filter(|p| p.both(Measure::Sales).is_some())
        .filter(|p| p.base.and_then(|r| r.get(Measure::Employment)).is_none())
        .count();
    let own = PanelSums::from_values(
        firms
            .iter()
            .filter(|p| {
                p.base
                    .and_then(|r| r.get(Measure::Employment))
                    .is_some_and(|e| class.contains(e))
            })
            .filter_map(|p| p.both(Measure::Sales))
            .collect(),
    );
    put(&mut ind, "n", own.n());
    put(&mut ind, "sales_b", plain(own.y_b));
    put(&mut ind, "sales_f", plain(own.y_f));
    put(&mut ind, "growth", own.growth());
    put(&mut ind, "all_n", all.n());
    put(&mut ind, "all_sales_b", plain(all.y_b));
    put(&mut ind, "all_sales_f", plain(all.y_f));
    put(&mut ind, "all_growth", all.growth());
    put(&mut ind, "unclassified", unclassified);

    if all.n() == 0 {
        no_panel(&mut ind, &[Measure::Sales.name()], years);
        return ind;
    }
    if own.n() == 0 {
        ind.say(Message::ProPoorNoClassFirms {
            class: class.name.into(),
            above: class.above,
            up_to: class.up_to,
            baseline: years.baseline,
            followup: years.followup,
        });
        return ind;
    }
    ind.n = own.n();
    if own.n() < MIN_CLASS_FIRMS {
        ind.say(Message::ProPoorClassFewFirms {
            class: class.name.into(),
            n: own.n(),
            min: MIN_CLASS_FIRMS,
            baseline: years.baseline,
            followup: years.followup,
        });
        return ind;
    }
    let (Some(growth), Some(all_growth)) = (own.growth(), all.growth()) else {
        ind.say(Message::ProPoorZeroSales {
            class: class.name.into(),
            baseline: years.baseline,
        });
        return ind;
    };
    let gap = growth - all_growth;
    ind.value = Some(gap);
    ind.status = if gap < -ctx.threshold - EPS {
        Status::NotMet
    } else {
        Status::Met
    };
    ind.say(Message::ProPoorClassPanel {
        class: class.name.into(),
        n: own.n(),
        all_n: all.n(),
        baseline: years.baseline,
        followup: years.followup,
    });
    ind
}
