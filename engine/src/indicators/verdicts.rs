//! What a verdict needs beside its own numbers (SPEC, "Verdicts and their words (v3)"):
//!
//! - [`design_flags`]: the failed design checks that bear on a comparison with the
//!   control group, written as `detail.design_flags` on every `long.*.vs_control`
//!   (including `long.*.innovation.vs_control` and `long.*.new_markets.vs_control`)
//!   and every `pro_poor.non_participants.*.vs_control`, in the order `balance`,
//!   `attrition`, `pretrend`; empty when none. The flags are read from the design
//!   checks' statuses after every indicator is computed ([`apply_design_flags`]), so
//!   an id added later that matches the pattern gets them without more code.
//! - [`top2_share`]: the share of `Y_b` of a panel held by its two largest firms at
//!   `b` (`detail.top2_share` of a `vs_control` on an amount), null under 3 firms.

use serde_json::Value;

use super::panels::{num, Panel};
use cluster_eval_types::results::{Indicator, Status};

/// The measures that have a balance check.
const BALANCE_MEASURES: [&str; 4] = ["sales", "employment", "exports", "productivity"];

/// Under this many panel firms `top2_share` is null (two firms of two are all of it).
pub const TOP2_MIN_FIRMS: usize = 3;

/// The detail key of the flags.
pub const DESIGN_FLAGS: &str = "design_flags";

/// The detail key of the concentration.
pub const TOP2_SHARE: &str = "top2_share";

/// The design checks an id's flags are read from: `(balance, pretrend)` ids, or `None`
/// when the id carries no design flags. The differential attrition bears on every one.
///
/// `long.<group>.<…>.vs_control` (any number of parts between the group and
/// `vs_control`) and `pro_poor.non_participants.<…>.vs_control`. The balance set is
/// `cluster` for `long.cluster.*` and `pro_poor.non_participants.*`, `beneficiaries`
/// otherwise; the measure is the part after the group, with a balance check only for
/// sales, employment, exports and productivity; the pre-trend is employment's for an
/// employment id and sales' for every other.
pub fn flag_sources(id: &str) -> Option<(Option<String>, String)> {
    let parts: Vec<&str> = id.split('.').collect();
    if parts.len() < 4 || parts.last() != Some(&"vs_control") {
        return None;
    }
    let set = match (parts[0], parts[1]) {
        ("long", "cluster") | ("pro_poor", "non_participants") => "cluster",
        ("long", _) => "beneficiaries",
        _ => return None,
    };
    let measure = parts[2];
    let balance = BALANCE_MEASURES
        .contains(&measure)
        .then(|| format!("design.balance.{set}.{measure}"));
    let pretrend = if measure == "employment" {
        "design.pretrend.employment"
    } else {
        "design.pretrend.sales"
    };
    Some((balance, pretrend.to_string()))
}

/// The design flags of `id` given every indicator computed (`None` when the id
/// carries none): `balance`, `attrition`, `pretrend`, each when its check is not_met.
pub fn design_flags(id: &str, results: &[Indicator]) -> Option<Vec<&'static str>> {
    let (balance, pretrend) = flag_sources(id)?;
    let failed = |check: &str| {
        results
            .iter()
            .any(|i| i.id == check && i.status == Status::NotMet)
    };
    let mut flags = Vec::new();
    if balance.as_deref().is_some_and(failed) {
        flags.push("balance");
    }
    if failed("design.attrition.differential") {
        flags.push("attrition");
    }
    if failed(&pretrend) {
        flags.push("pretrend");
    }
    Some(flags)
}

/// Writes `detail.design_flags` on every indicator that carries them (replacing any
/// written before, so it can run again after targets change a design check).
pub fn apply_design_flags(indicators: &mut [Indicator]) {
    let flags: Vec<Option<Vec<&'static str>>> = indicators
        .iter()
        .map(|i| design_flags(&i.id, indicators))
        .collect();
    for (ind, flags) in indicators.iter_mut().zip(flags) {
        if let Some(flags) = flags {
            ind.detail.insert(
                DESIGN_FLAGS.into(),
                Value::Array(flags.into_iter().map(Value::from).collect()),
            );
        }
    }
}

/// The share of the panel's baseline sum held by its two largest firms at baseline;
/// `None` under [`TOP2_MIN_FIRMS`] firms, for a ratio panel (productivity) or when the
/// baseline sum is not positive.
pub fn top2_share(panel: &Panel) -> Option<f64> {
    if panel.ratio || panel.n() < TOP2_MIN_FIRMS {
        return None;
    }
    let total = panel.sums[0];
    if total <= 0.0 || !total.is_finite() {
        return None;
    }
    let (mut first, mut second) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
    for firm in &panel.firms {
        let v = firm[0];
        if v > first {
            second = first;
            first = v;
        } else if v > second {
            second = v;
        }
    }
    let share = (first + second) / total;
    share.is_finite().then_some(share)
}

/// `top2_share` as written in a detail (null when undefined).
pub fn top2_json(panel: &Panel) -> Value {
    top2_share(panel).map_or(Value::Null, num)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn panel(values: &[f64]) -> Panel {
        let mut p = Panel::default();
        for v in values {
            p.push([*v, *v, 1.0, 1.0]);
        }
        p
    }

    #[test]
    fn two_largest_firms_of_three_or_more() {
        // 50 + 30 of 100.
        assert_eq!(top2_share(&panel(&[10.0, 50.0, 30.0, 10.0])), Some(0.8));
        // Ties: 40 + 40 of 100.
        assert_eq!(top2_share(&panel(&[40.0, 20.0, 40.0])), Some(0.8));
        assert_eq!(top2_share(&panel(&[40.0, 60.0])), None);
        assert_eq!(top2_share(&panel(&[0.0, 0.0, 0.0])), None);
        let mut ratio = panel(&[1.0, 2.0, 3.0]);
        ratio.ratio = true;
        assert_eq!(top2_share(&ratio), None);
    }

    #[test]
    fn the_checks_an_id_is_flagged_by() {
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            flag_sources("long.cluster.exports.vs_control"),
            Some((s("design.balance.cluster.exports"), "design.pretrend.sales".into()))
        );
        assert_eq!(
            flag_sources("long.beneficiaries.employment.vs_control"),
            Some((
                s("design.balance.beneficiaries.employment"),
                "design.pretrend.employment".into()
            ))
        );
        assert_eq!(
            flag_sources("long.beneficiaries.innovation.vs_control"),
            Some((None, "design.pretrend.sales".into()))
        );
        assert_eq!(
            flag_sources("pro_poor.non_participants.employment.vs_control"),
            Some((
                s("design.balance.cluster.employment"),
                "design.pretrend.employment".into()
            ))
        );
        for none in [
            "long.beneficiaries.sales.vs_sector",
            "long.cluster.sales.growth",
            "pro_poor.share.women.vs_control",
            "pro_poor.wage_gap.vs_control",
            "design.pretrend.sales",
        ] {
            assert_eq!(flag_sources(none), None, "{none}");
        }
    }
}
