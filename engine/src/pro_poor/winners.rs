//! The winners-and-losers table: one line per worker group and per firm-size class,
//! built from the indicators already computed (after targets), so the table and the
//! indicators can never disagree.
//!
//! - A worker group loses out when its jobs or its share of employment is `not_met`
//!   (it lost jobs, or its share fell by more than the loser threshold). It does not
//!   lose when both are `met`. With no verdict on either (insufficient data), `loses`
//!   is null. The SPEC's two tests are on one panel, so "one met, the other without
//!   data" only happens when employment sums to zero in a year; then the line stays
//!   null rather than claim the group did not lose on half the evidence.
//! - A size class loses out when its `vs_beneficiaries` is `not_met`; null without data.
//! - A worker group's line also carries its comparison with the control group
//!   (`pro_poor.share.<group>.vs_control`: value and status); `loses` stays the
//!   beneficiaries' own before/after verdict.

use crate::model::Measure;
use cluster_eval_types::results::{Indicator, Status, WinnerLoser};

use super::firm_size::CLASSES;

/// The table: the eight worker groups (in [`Measure::WORKER_GROUPS`] order), then the
/// size classes from micro to large.
pub fn table(indicators: &[Indicator]) -> Vec<WinnerLoser> {
    let find = |id: &str| indicators.iter().find(|i| i.id == id);
    let mut lines = Vec::new();
    for (_, group) in Measure::WORKER_GROUPS {
        let jobs_id = format!("pro_poor.jobs.{group}");
        let share_id = format!("pro_poor.share.{group}");
        let jobs = find(&jobs_id);
        let share = find(&share_id);
        let versus_id = super::vs_control::share_id(group);
        let versus = find(&versus_id);
        let statuses = [jobs.map(|i| i.status), share.map(|i| i.status)];
        let loses = if statuses.contains(&Some(Status::NotMet)) {
            Some(true)
        } else if statuses.iter().all(|s| *s == Some(Status::Met)) {
            Some(false)
        } else {
            None
        };
        lines.push(WinnerLoser {
            kind: "workers".into(),
            group: group.into(),
            jobs_change: jobs.and_then(|i| i.value),
            change: share.and_then(|i| i.value),
            loses,
            indicators: vec![jobs_id, share_id, versus_id],
            vs_control: versus.and_then(|i| i.value),
            vs_control_status: versus.map(|i| i.status),
        });
    }
    for class in CLASSES {
        let id = class.id();
        let ind = find(&id);
        let loses = match ind.map(|i| i.status) {
            Some(Status::NotMet) => Some(true),
            Some(Status::Met) => Some(false),
            _ => None,
        };
        lines.push(WinnerLoser {
            kind: "firms".into(),
            group: class.name.into(),
            jobs_change: None,
            change: ind.and_then(|i| i.value),
            loses,
            indicators: vec![id],
            vs_control: None,
            vs_control_status: None,
        });
    }
    lines
}
