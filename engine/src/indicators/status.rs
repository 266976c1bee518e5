//! Status rules of the SPEC ("Status", and the rule under each indicator) and the
//! user's targets, which override them.
//!
//! Public so the pro-poor section uses the same target rule: with a target for an id,
//! status is `met` when the value reaches it (`ceiling = false`: value ≥ target) or
//! stays at or below it (`ceiling = true`, for `pro_poor.wage_gap`), else `not_met`.
//! An indicator without a value keeps `insufficient_data` whatever the target.

use std::collections::BTreeMap;

use cluster_eval_types::results::{Indicator, Status};

/// `met` if `value > 0`, else `not_met` (growths, differences of growths, changes).
pub fn positive(value: f64) -> Status {
    if value > 0.0 {
        Status::Met
    } else {
        Status::NotMet
    }
}

/// The `vs_control` rule: met if the interval's low end is above 0; not_met if the
/// value is ≤ 0; otherwise inconclusive. Without an interval (fewer than 2 firms on a
/// side): inconclusive if > 0, else not_met — one control firm is never evidence of
/// success.
pub fn vs_control(value: f64, ci: Option<[f64; 2]>) -> Status {
    match ci {
        _ if value <= 0.0 => Status::NotMet,
        Some([low, _]) if low > 0.0 => Status::Met,
        Some(_) => Status::Inconclusive,
        None => Status::Inconclusive,
    }
}

/// Overrides the status of `ind` with the user's target for its id, if any. The
/// target is recorded in `detail.target` so the page can show what was tested.
/// `ceiling`: the value must stay at or below the target instead of reaching it.
pub fn apply_target(ind: &mut Indicator, targets: &BTreeMap<String, f64>, ceiling: bool) {
    let Some(&target) = targets.get(&ind.id) else {
        return;
    };
    if !target.is_finite() {
        return;
    }
    ind.detail.insert("target".into(), target.into());
    let Some(value) = ind.value else {
        return;
    };
    let met = if ceiling {
        value <= target
    } else {
        value >= target
    };
    ind.status = if met { Status::Met } else { Status::NotMet };
}

#[cfg(test)]
mod tests {
    use super::*;
    use cluster_eval_types::results::{Horizon, Unit};

    fn ind(value: Option<f64>) -> Indicator {
        let mut i = Indicator::new("x", Horizon::Long, Unit::Ratio);
        i.value = value;
        i.status = Status::Inconclusive;
        i
    }

    #[test]
    fn target_reached_or_not() {
        let targets = BTreeMap::from([("x".to_string(), 0.2)]);
        let mut a = ind(Some(0.2));
        apply_target(&mut a, &targets, false);
        assert_eq!(a.status, Status::Met);
        let mut b = ind(Some(0.19));
        apply_target(&mut b, &targets, false);
        assert_eq!(b.status, Status::NotMet);
        let mut c = ind(Some(0.19));
        apply_target(&mut c, &targets, true);
        assert_eq!(c.status, Status::Met);
        let mut d = ind(None);
        d.status = Status::InsufficientData;
        apply_target(&mut d, &targets, false);
        assert_eq!(d.status, Status::InsufficientData);
    }

    #[test]
    fn vs_control_rule() {
        assert_eq!(vs_control(0.1, Some([0.01, 0.2])), Status::Met);
        assert_eq!(vs_control(0.1, Some([-0.01, 0.2])), Status::Inconclusive);
        assert_eq!(vs_control(0.0, Some([0.01, 0.2])), Status::NotMet);
        assert_eq!(vs_control(0.1, None), Status::Inconclusive);
        assert_eq!(vs_control(-0.1, None), Status::NotMet);
    }
}
