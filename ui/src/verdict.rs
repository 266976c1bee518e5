//! What a result *says* (SPEC, "Verdicts and their words (v3)"): the engine's status
//! codes stay in the JSON, but the page, the summary, the report and the exports word
//! them by the kind of result, so that nothing certifies more than the evidence does.
//!
//! - a comparison (against control, sector or the beneficiaries; and the before-after
//!   checks with a built-in rule) is **favourable**, **unfavourable** or **not
//!   conclusive** — never "met": one treated and one control cluster show a
//!   difference, not that the programme caused it;
//! - a design check **passed** or **failed**;
//! - an id with a target: **target met** / **target not met**, with the target;
//! - a level (`reported`) has no verdict; a figure the user typed (the social benefits
//!   of the returns per dollar) says **as entered**.
//!
//! A favourable comparison whose design checks failed is worded "favourable, but …",
//! naming each failed check (`detail.design_flags`).

use cluster_eval_types::{Horizon, Indicator, Status};

use crate::i18n::{t, tf, Lang};

/// The verdict of one result: its code is the page's `data-verdict`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Favourable,
    Unfavourable,
    NotConclusive,
    Passed,
    Failed,
    TargetMet,
    TargetNotMet,
    /// A level, a typed figure, or a result without the data for a verdict.
    None,
}

impl Verdict {
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Favourable => "favourable",
            Verdict::Unfavourable => "unfavourable",
            Verdict::NotConclusive => "not_conclusive",
            Verdict::Passed => "passed",
            Verdict::Failed => "failed",
            Verdict::TargetMet => "target_met",
            Verdict::TargetNotMet => "target_not_met",
            Verdict::None => "none",
        }
    }

    /// Good news (favourable, passed, target met).
    pub fn is_positive(self) -> bool {
        matches!(
            self,
            Verdict::Favourable | Verdict::Passed | Verdict::TargetMet
        )
    }

    /// Bad news (unfavourable, failed, target not met).
    pub fn is_negative(self) -> bool {
        matches!(
            self,
            Verdict::Unfavourable | Verdict::Failed | Verdict::TargetNotMet
        )
    }
}

/// The ids whose value is a figure the user typed (the social benefits), not one the
/// calculator measured.
pub fn is_typed_figure(id: &str) -> bool {
    matches!(id, "long.return_per_dollar" | "long.return_per_mif_dollar")
}

/// The verdict of `indicator`; `has_target`: the user set a target for its id.
pub fn verdict(indicator: &Indicator, has_target: bool) -> Verdict {
    match indicator.status {
        Status::InsufficientData | Status::Reported => return Verdict::None,
        Status::Met | Status::NotMet | Status::Inconclusive => {}
    }
    let met = indicator.status == Status::Met;
    if has_target && indicator.status != Status::Inconclusive {
        return if met {
            Verdict::TargetMet
        } else {
            Verdict::TargetNotMet
        };
    }
    if indicator.horizon == Horizon::Design || indicator.id.starts_with("design.") {
        return match indicator.status {
            Status::Met => Verdict::Passed,
            Status::NotMet => Verdict::Failed,
            _ => Verdict::None,
        };
    }
    match indicator.status {
        Status::Met => Verdict::Favourable,
        // Symmetric words: a negative comparison with the control group whose interval
        // spans zero (or that has none: fewer than two firms on a side) is as
        // inconclusive as a positive one would be.
        Status::NotMet if spans_zero(indicator) => Verdict::NotConclusive,
        Status::NotMet => Verdict::Unfavourable,
        _ => Verdict::NotConclusive,
    }
}

/// A comparison with the control group whose interval contains zero, or that has no
/// interval.
fn spans_zero(indicator: &Indicator) -> bool {
    if !indicator.id.ends_with(".vs_control") || indicator.id.starts_with("pro_poor.wage_gap") {
        return false;
    }
    match indicator.ci {
        Some([low, high]) => low <= 0.0 && high >= 0.0,
        None => true,
    }
}

/// The failed design checks that bear on a comparison (`detail.design_flags`:
/// `balance`, `attrition`, `pretrend`), in the engine's order.
pub fn design_flags(indicator: &Indicator) -> Vec<String> {
    indicator
        .detail
        .get("design_flags")
        .and_then(|f| f.as_array())
        .map(|flags| {
            flags
                .iter()
                .filter_map(|f| f.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The reservation a failed design check puts on a favourable comparison ("the
/// groups differed at baseline"), in the reader's language.
pub fn flag_text(lang: Lang, flag: &str) -> String {
    match flag {
        "balance" => t(lang, "verdict.flag.balance").to_string(),
        "attrition" => t(lang, "verdict.flag.attrition").to_string(),
        "pretrend" => t(lang, "verdict.flag.pretrend").to_string(),
        other => other.to_string(),
    }
}

/// The verdict's word ("Favourable", "Target not met"); for a result without one,
/// what it is ("Insufficient data", "Level", "As entered").
pub fn verdict_word(lang: Lang, indicator: &Indicator, verdict: Verdict) -> &'static str {
    let key = match verdict {
        Verdict::Favourable => "verdict.favourable",
        Verdict::Unfavourable => "verdict.unfavourable",
        Verdict::NotConclusive => "verdict.not_conclusive",
        Verdict::Passed => "verdict.passed",
        Verdict::Failed => "verdict.failed",
        Verdict::TargetMet => "verdict.target_met",
        Verdict::TargetNotMet => "verdict.target_not_met",
        Verdict::None => match indicator.status {
            Status::InsufficientData => "status.insufficient_data",
            _ if is_typed_figure(&indicator.id) => "verdict.as_entered",
            _ => "verdict.level",
        },
    };
    t(lang, key)
}

/// The verdict as the row and the exports write it: its word, the reservations of a
/// favourable comparison ("Favourable, but the groups differed at baseline"), and a
/// target with its value ("Target not met (target: 80%)"); `target` is the target
/// as the reader writes it.
pub fn verdict_text(
    lang: Lang,
    indicator: &Indicator,
    verdict: Verdict,
    target: Option<&str>,
) -> String {
    let word = verdict_word(lang, indicator, verdict);
    match verdict {
        Verdict::Favourable => {
            let flags = design_flags(indicator);
            if flags.is_empty() {
                word.to_string()
            } else {
                let reservations: Vec<String> = flags.iter().map(|f| flag_text(lang, f)).collect();
                tf(
                    lang,
                    "verdict.favourable_but",
                    &[("reservations", reservations.join("; "))],
                )
            }
        }
        Verdict::TargetMet | Verdict::TargetNotMet => match target {
            Some(target) => tf(
                lang,
                "verdict.with_target",
                &[
                    ("verdict", word.to_string()),
                    ("target", target.to_string()),
                ],
            ),
            None => word.to_string(),
        },
        _ => word.to_string(),
    }
}
