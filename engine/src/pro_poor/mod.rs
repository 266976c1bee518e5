//! Pro-poor targeting checks (SPEC, "Pro-poor targeting checks"; seed Section 4.3).
//!
//! Section 4.3 of the seed asks "which types of firms, and workers, gain over time, and
//! which lose out" as a cluster upgrades. The checks are split one concept per file:
//!
//! - [`workers`]: jobs and employment shares of the eight worker groups;
//! - [`wage_gap`]: the gender wage gap among beneficiary firms;
//! - [`firm_size`]: the share of micro firms and the sales growth of each size class
//!   against all beneficiaries;
//! - [`formalization`]: the fall in the share of informal beneficiary firms;
//! - [`checklist`]: the eleven yes / partial / no items of Section 4.3;
//! - [`non_participants`]: v3, the cluster's firms that did not take part against
//!   the control firms;
//! - [`winners`]: the winners-and-losers table built from the indicators above.
//!
//! User targets override the built-in statuses through the same public rule as the
//! Annex II indicators ([`crate::indicators::status::apply_target`]); the wage gap's
//! target is a ceiling.
//!
//! This file holds what they share: the context (years, firm pairs, loser threshold)
//! and the helpers that write details and the common messages. Every message is
//! written twice: English text and a typed [`Message`] (codes in `docs/pro-poor.md`).

pub mod checklist;
pub mod firm_size;
pub mod formalization;
pub mod non_participants;
pub mod vs_control;
pub mod wage_gap;
pub mod winners;
pub mod workers;

use serde_json::Value;

use cluster_eval_types::document::Document;
use crate::indicators::status;
use crate::model::{Dataset, Group, Measure};
use crate::panel::{FirmPair, FirmPairs};
use cluster_eval_types::results::{Indicator, Message, WinnerLoser};
use crate::years::Years;

/// Tolerance of every comparison with a threshold or a target. Shares and growths are
/// computed in binary floating point, so a share that falls by exactly 1 pp in the
/// user's data may come out as −0.010000000000000009; without a tolerance it would be
/// judged below a −0.01 threshold. 1e-9 is far below any difference that matters.
pub const EPS: f64 = 1e-9;

/// Every `pro_poor.*` indicator with targets applied, and the winners-and-losers table.
///
/// Ids come in the order of the SPEC: `jobs.*`, `share.*` (groups in
/// [`Measure::WORKER_GROUPS`] order), `wage_gap`, `micro_share`,
/// `firms.{micro,small,medium,large}.vs_beneficiaries`, `formalization`, `checklist`.
/// With `years == None` every before/after indicator is `insufficient_data`; the
/// checklist, which needs no years, is still computed.
pub fn compute(
    doc: &Document,
    data: &Dataset,
    years: Option<Years>,
) -> (Vec<Indicator>, Vec<WinnerLoser>) {
    let pairs = years.map(|y| FirmPairs::new(&data.firms, y));
    let ctx = Ctx {
        data,
        years,
        pairs: pairs.as_ref(),
        threshold: loser_threshold(doc.settings.loser_threshold),
    };
    let (jobs, shares) = workers::compute(&ctx);
    let mut out = jobs;
    out.extend(shares);
    out.push(wage_gap::compute(&ctx));
    out.push(firm_size::micro_share(&ctx));
    out.extend(firm_size::vs_beneficiaries(&ctx));
    out.push(formalization::compute(&ctx));
    out.push(checklist::compute(doc));
    out.extend(vs_control::shares(&ctx, &doc.settings));
    out.push(vs_control::wage_gap(&ctx));
    out.push(vs_control::exited_jobs(&ctx));
    out.extend(non_participants::compute(&ctx, &doc.settings));
    for indicator in &mut out {
        let ceiling = is_ceiling(&indicator.id);
        status::apply_target(indicator, &doc.targets, ceiling);
    }
    let table = winners::table(&out);
    (out, table)
}

/// Whether a target for `id` is a ceiling (the value must stay at or below it): the
/// wage gap, and its change against the control group.
pub fn is_ceiling(id: &str) -> bool {
    id == wage_gap::ID || id == vs_control::WAGE_GAP_VS_CONTROL
}

/// The loser threshold actually used: the setting when it is a finite number ≥ 0,
/// else the SPEC's default 0.01 (a negative threshold would call a group that gained
/// share a loser, which is never what the user meant).
pub fn loser_threshold(setting: f64) -> f64 {
    if setting.is_finite() && setting >= 0.0 {
        setting
    } else {
        0.01
    }
}

/// What every check needs: the tables, the years and the firms paired across them.
pub struct Ctx<'a> {
    pub data: &'a Dataset,
    pub years: Option<Years>,
    pub pairs: Option<&'a FirmPairs<'a>>,
    pub threshold: f64,
}

impl<'a> Ctx<'a> {
    /// The years and the beneficiary firms' pairs, or `None` when the years could not
    /// be settled (the caller then reports [`no_years`]).
    pub fn beneficiaries(&self) -> Option<(Years, Vec<&'a FirmPair<'a>>)> {
        let years = self.years?;
        let pairs = self.pairs?;
        Some((years, pairs.of(&[Group::Beneficiary]).collect()))
    }

    /// The columns of `needed` that the firms table does not have at all.
    pub fn missing(&self, needed: &[Measure]) -> Vec<&'static str> {
        needed
            .iter()
            .filter(|m| !self.data.firms.has(**m))
            .map(|m| m.name())
            .collect()
    }
}

/// Beneficiary firms observed (with a row) in both years: the denominator of
/// "excluded because a value is missing in one year".
pub fn observed_both(pairs: &[&FirmPair<'_>]) -> usize {
    pairs
        .iter()
        .filter(|p| p.base.is_some() && p.follow.is_some())
        .count()
}

/// Sets `detail[key]`; non-finite numbers become null (never NaN in the file).
pub fn put(ind: &mut Indicator, key: &str, value: impl Into<Value>) {
    ind.detail.insert(key.to_string(), value.into());
}

/// The years of the comparison, in every year-based indicator's detail.
pub fn put_years(ind: &mut Indicator, years: Years) {
    put(ind, "baseline_year", years.baseline);
    put(ind, "followup_year", years.followup);
}

/// `insufficient_data`: the years could not be settled.
pub fn no_years(ind: &mut Indicator) {
    ind.say(Message::ProPoorNoYears);
}

/// `insufficient_data`: the firms table lacks these columns altogether.
pub fn missing_columns(ind: &mut Indicator, columns: &[&str]) {
    ind.say(Message::ProPoorMissingColumns {
        columns: strings(columns),
    });
}

/// `insufficient_data`: no beneficiary firm has all of `columns` in both years.
pub fn no_panel(ind: &mut Indicator, columns: &[&str], years: Years) {
    ind.say(Message::ProPoorNoPanel {
        columns: strings(columns),
        baseline: years.baseline,
        followup: years.followup,
    });
}

/// The column names as the message's parameter.
fn strings(columns: &[&str]) -> Vec<String> {
    columns.iter().map(|c| c.to_string()).collect()
}

/// `x` with a negative zero made positive: an empty `f64` sum is −0.0, which would be
/// written as `-0.0` in the file.
pub fn plain(x: f64) -> f64 {
    x + 0.0
}

/// Informational message of a computed before/after indicator: which firms and years.
pub fn panel_used(ind: &mut Indicator, columns: &[&str], years: Years, n: usize) {
    ind.say(Message::ProPoorPanel {
        n,
        columns: strings(columns),
        baseline: years.baseline,
        followup: years.followup,
    });
}
