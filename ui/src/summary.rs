//! The summary at the top of the results and of the printed report: how many
//! indicators of each horizon are met, not met, inconclusive or lack data, and the key
//! findings as sentences with their numbers and intervals, in the reader's language.
//!
//! Horizons are counted as the results name them (`design`, `long`, `medium`, `short`,
//! `pro_poor`, `screening` or any newer one), never from a fixed list, so a horizon a
//! newer engine adds is counted too. Findings follow a fixed rule (`docs/choices.md`,
//! "The summary"): the design checks' verdict, the beneficiaries' sales and employment
//! and the cluster's sales against the control group (else the sector, else alone),
//! local against national GDP, the return per dollar, who loses out, and participation
//! — each only when its indicator has a value, at most [`MAX_FINDINGS`].

use cluster_eval_types::{Indicator, LocalGdp, Participation, Results, Status};

use crate::format::{number, percent, points};
use crate::i18n::{lookup, t, tf, Lang};
use crate::names::{group_name, indicator_name};

/// The most findings the summary shows.
pub const MAX_FINDINGS: usize = 8;

/// Horizons in the order the summary lists them; others follow, as they come.
pub const HORIZON_ORDER: [&str; 6] = ["design", "long", "medium", "short", "pro_poor", "screening"];

/// The statuses of one horizon's indicators.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HorizonCount {
    /// The horizon as the results write it (`long`, `pro_poor`…).
    pub horizon: String,
    pub met: usize,
    pub not_met: usize,
    pub inconclusive: usize,
    pub insufficient: usize,
    /// Levels with no built-in test (`reported`).
    pub reported: usize,
}

impl HorizonCount {
    pub fn total(&self) -> usize {
        self.met + self.not_met + self.inconclusive + self.insufficient + self.reported
    }

    /// The counts in the order of the summary's columns (`report::STATUS_KEYS`): met,
    /// not met, inconclusive, insufficient data, reported.
    pub fn numbers(&self) -> [usize; 5] {
        [
            self.met,
            self.not_met,
            self.inconclusive,
            self.insufficient,
            self.reported,
        ]
    }
}

/// One key finding: a sentence and the indicator it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub id: String,
    pub text: String,
}

/// A horizon as the results write it (`long`, `pro_poor`…), for the engine's
/// `Horizon` of any version.
pub fn horizon_code_of(horizon: impl serde::Serialize) -> String {
    match serde_json::to_value(horizon) {
        Ok(serde_json::Value::String(code)) => code,
        _ => String::new(),
    }
}

/// The horizon of an indicator as the results write it.
pub fn horizon_code(indicator: &Indicator) -> String {
    let code = horizon_code_of(indicator.horizon);
    if code.is_empty() {
        indicator
            .id
            .split('.')
            .next()
            .unwrap_or_default()
            .to_string()
    } else {
        code
    }
}

/// Where a horizon comes in the summary.
pub fn horizon_rank(code: &str) -> usize {
    HORIZON_ORDER
        .iter()
        .position(|h| *h == code)
        .unwrap_or(HORIZON_ORDER.len())
}

/// The short name of a horizon in the summary (the code itself for an unknown one).
pub fn horizon_label(lang: Lang, code: &str) -> String {
    lookup(lang, &format!("summary.h.{code}"))
        .map(str::to_string)
        .unwrap_or_else(|| code.to_string())
}

/// Status counts per horizon, in [`HORIZON_ORDER`].
pub fn counts(results: &Results) -> Vec<HorizonCount> {
    let mut out: Vec<HorizonCount> = Vec::new();
    for indicator in &results.indicators {
        let code = horizon_code(indicator);
        let slot = match out.iter().position(|c| c.horizon == code) {
            Some(slot) => slot,
            None => {
                out.push(HorizonCount {
                    horizon: code,
                    ..HorizonCount::default()
                });
                out.len() - 1
            }
        };
        let count = &mut out[slot];
        match indicator.status {
            Status::Met => count.met += 1,
            Status::NotMet => count.not_met += 1,
            Status::Inconclusive => count.inconclusive += 1,
            Status::InsufficientData => count.insufficient += 1,
            Status::Reported => count.reported += 1,
        }
    }
    // In the summary's order, without a sort (a stable sort costs the page kilobytes).
    let mut ordered = Vec::with_capacity(out.len());
    for code in HORIZON_ORDER {
        if let Some(at) = out.iter().position(|c| c.horizon == code) {
            ordered.push(out.remove(at));
        }
    }
    ordered.extend(out);
    ordered
}

/// The key findings, in the order of the rule, at most [`MAX_FINDINGS`].
pub fn findings(lang: Lang, results: &Results) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    out.extend(design(lang, results));
    for (group, measure) in [
        ("beneficiaries", "sales"),
        ("beneficiaries", "employment"),
        ("cluster", "sales"),
    ] {
        out.extend(panel(lang, results, group, measure));
    }
    out.extend(local_gdp(lang, results));
    out.extend(returns(lang, results));
    out.extend(losers(lang, results));
    out.extend(participation(lang, results));
    out.truncate(MAX_FINDINGS);
    out
}

/// An indicator with a value to speak of.
fn known<'a>(results: &'a Results, id: &str) -> Option<(&'a Indicator, f64)> {
    let indicator = results.indicator(id)?;
    let value = indicator.value.filter(|v| v.is_finite())?;
    (indicator.status != Status::InsufficientData).then_some((indicator, value))
}

/// The baseline and follow-up years of an indicator, else those of the results.
fn years(indicator: &Indicator, results: &Results) -> Option<(i32, i32)> {
    let y = indicator.detail_years();
    Some((
        y.baseline_year.or(results.baseline_year)?,
        y.followup_year.or(results.followup_year)?,
    ))
}

/// A fraction as percentage points without the unit (`0.491` → `49.1`).
fn pts(lang: Lang, fraction: f64) -> String {
    number(lang, fraction * 100.0, 1)
}

/// "grew" or "fell" (agreeing with a plural subject where the language asks), and the
/// size of the change.
fn verb(lang: Lang, plural: bool, change: f64) -> (&'static str, f64) {
    let key = match (change < 0.0, plural) {
        (false, false) => "summary.grew",
        (false, true) => "summary.grew_pl",
        (true, false) => "summary.fell",
        (true, true) => "summary.fell_pl",
    };
    (t(lang, key), change.abs())
}

fn interval(lang: Lang, ci: Option<[f64; 2]>) -> String {
    match ci {
        Some([low, high]) => tf(
            lang,
            "summary.interval",
            &[("low", pts(lang, low)), ("high", pts(lang, high))],
        ),
        None => t(lang, "summary.no_interval").to_string(),
    }
}

/// The design checks' verdict: the first one not met, or that all with data were met.
fn design(lang: Lang, results: &Results) -> Option<Finding> {
    let decided: Vec<&Indicator> = results
        .indicators
        .iter()
        .filter(|i| horizon_code(i) == "design" || i.id.starts_with("design."))
        .filter(|i| matches!(i.status, Status::Met | Status::NotMet))
        .collect();
    let total = decided.len().to_string();
    let not_met: Vec<&&Indicator> = decided
        .iter()
        .filter(|i| i.status == Status::NotMet)
        .collect();
    if let Some(first) = not_met.first() {
        return Some(Finding {
            id: first.id.clone(),
            text: tf(
                lang,
                "summary.design_not_met",
                &[
                    ("count", not_met.len().to_string()),
                    ("total", total),
                    ("name", indicator_name(lang, &first.id)),
                ],
            ),
        });
    }
    // "The control group looks comparable" only when a balance check was decided.
    let balance_checked = decided.iter().any(|i| i.id.starts_with("design.balance."));
    let key = if balance_checked {
        "summary.design_met"
    } else {
        "summary.design_met_no_balance"
    };
    decided.first().map(|first| Finding {
        id: first.id.clone(),
        text: tf(lang, key, &[("total", total)]),
    })
}

/// A panel's growth, and how it compares with the control group (else the sector).
fn panel(lang: Lang, results: &Results, group: &str, measure: &str) -> Option<Finding> {
    let (growth, g) = known(results, &format!("long.{group}.{measure}.growth"))?;
    let subject = lookup(lang, &format!("summary.subj.{group}.{measure}"))?;
    let (verb, size) = verb(lang, matches!(measure, "sales" | "exports"), g);
    let (b, f) = years(growth, results)?;
    let mut text = tf(
        lang,
        "summary.growth",
        &[
            ("subject", subject.to_string()),
            ("verb", verb.to_string()),
            ("growth", percent(lang, size)),
            ("b", b.to_string()),
            ("f", f.to_string()),
        ],
    );
    let control = known(results, &format!("long.{group}.{measure}.vs_control"));
    let sector = known(results, &format!("long.{group}.{measure}.vs_sector"));
    let id = if let Some((c, diff)) = control {
        let key = if diff < 0.0 {
            "summary.less_control"
        } else {
            "summary.more_control"
        };
        text.push_str(&tf(
            lang,
            key,
            &[
                ("diff", pts(lang, diff.abs())),
                ("interval", interval(lang, c.ci)),
            ],
        ));
        if c.status == Status::Inconclusive {
            text.push(' ');
            // "The interval includes zero" only where there is an interval.
            text.push_str(t(
                lang,
                if c.ci.is_some() {
                    "summary.inconclusive"
                } else {
                    "summary.inconclusive_no_interval"
                },
            ));
        }
        c.id.clone()
    } else if let Some((s, diff)) = sector {
        let key = if diff < 0.0 {
            "summary.less_sector"
        } else {
            "summary.more_sector"
        };
        text.push_str(&tf(lang, key, &[("diff", pts(lang, diff.abs()))]));
        s.id.clone()
    } else {
        text.push('.');
        growth.id.clone()
    };
    Some(Finding { id, text })
}

/// Local GDP against national GDP.
fn local_gdp(lang: Lang, results: &Results) -> Option<Finding> {
    let (i, diff) = known(results, "long.local_gdp_vs_national")?;
    let gdp = i.detail_as::<LocalGdp>()?;
    let (local, national) = (gdp.g_local?, gdp.g_national?);
    let (b, f) = years(i, results)?;
    let (verb, size) = verb(lang, false, local);
    let key = if diff < 0.0 {
        "summary.gdp_less"
    } else {
        "summary.gdp_more"
    };
    let text = tf(
        lang,
        key,
        &[
            ("verb", verb.to_string()),
            ("local", percent(lang, size)),
            ("b", b.to_string()),
            ("f", f.to_string()),
            ("diff", pts(lang, diff.abs())),
            ("national", percent(lang, national)),
        ],
    );
    Some(Finding {
        id: i.id.clone(),
        text,
    })
}

/// Social benefits per dollar of cost (and of the MIF's contribution).
fn returns(lang: Lang, results: &Results) -> Option<Finding> {
    let (i, times) = known(results, "long.return_per_dollar")?;
    let text = match known(results, "long.return_per_mif_dollar") {
        Some((_, mif)) => tf(
            lang,
            "summary.return_mif",
            &[
                ("times", number(lang, times, 2)),
                ("mif", number(lang, mif, 2)),
            ],
        ),
        None => tf(lang, "summary.return", &[("times", number(lang, times, 2))]),
    };
    Some(Finding {
        id: i.id.clone(),
        text,
    })
}

/// The indicator a line of the winners-and-losers table is read from (of its
/// `indicators`): the change of share (workers) or of growth (firms), the last one.
fn loser_indicator(indicators: &[String]) -> Option<String> {
    indicators.last().cloned()
}

/// Who loses out as the cluster upgrades (Section 4.3), or that no one does.
fn losers(lang: Lang, results: &Results) -> Option<Finding> {
    let lines: Vec<_> = results
        .winners_losers
        .iter()
        .filter(|w| w.loses.is_some())
        .collect();
    let losing: Vec<_> = lines.iter().filter(|w| w.loses == Some(true)).collect();
    let Some(first) = losing.first() else {
        let id = lines.iter().find_map(|w| loser_indicator(&w.indicators))?;
        return Some(Finding {
            id,
            text: t(lang, "summary.no_losers").to_string(),
        });
    };
    let items: Vec<String> = losing
        .iter()
        .map(|w| {
            let change = w
                .change
                .map(|c| points(lang, c))
                .unwrap_or_else(|| "—".into());
            if w.kind == "firms" {
                let name = lookup(lang, &format!("summary.z.{}", w.group))
                    .map(str::to_string)
                    .unwrap_or_else(|| group_name(lang, &w.kind, &w.group));
                tf(
                    lang,
                    "summary.loser_firms",
                    &[("group", name), ("change", change)],
                )
            } else {
                let name = group_name(lang, &w.kind, &w.group);
                tf(
                    lang,
                    "summary.loser_workers",
                    &[("group", name), ("change", change)],
                )
            }
        })
        .collect();
    Some(Finding {
        id: loser_indicator(&first.indicators)?,
        text: tf(lang, "summary.losers", &[("list", items.join("; "))]),
    })
}

/// How many beneficiary firms took part, and what share of the cluster they are.
fn participation(lang: Lang, results: &Results) -> Option<Finding> {
    let (firms, count) = known(results, "short.participating_firms")?;
    let count = number(lang, count, 0);
    let share = known(results, "short.participation_share").and_then(|(i, share)| {
        let total = i.detail_as::<Participation>()?.denominator;
        Some((i, share, total))
    });
    Some(match share {
        Some((i, share, total)) => Finding {
            id: i.id.clone(),
            text: tf(
                lang,
                "summary.participation",
                &[
                    ("firms", count),
                    ("share", percent(lang, share)),
                    ("total", number(lang, total, 0)),
                ],
            ),
        },
        None => Finding {
            id: firms.id.clone(),
            text: tf(lang, "summary.participants", &[("firms", count)]),
        },
    })
}
