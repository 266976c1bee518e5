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
use crate::verdict::{verdict, verdict_text, Verdict};

/// The document's targets, by id.
pub type Targets = std::collections::BTreeMap<String, f64>;

/// The most findings the summary shows.
pub const MAX_FINDINGS: usize = 12;

/// Horizons in the order the summary lists them; others follow, as they come.
pub const HORIZON_ORDER: [&str; 6] = ["design", "long", "medium", "short", "pro_poor", "screening"];

/// The verdicts of one horizon's results (`crate::verdict`): a comparison is counted
/// as favourable, unfavourable or not conclusive, a design check as passed (with the
/// favourable) or failed (with the unfavourable), an id with a target by its target;
/// levels and typed figures carry no verdict.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HorizonCount {
    /// The horizon as the results write it (`long`, `pro_poor`…).
    pub horizon: String,
    /// Favourable, passed or target met.
    pub positive: usize,
    /// Unfavourable, failed or target not met.
    pub negative: usize,
    pub not_conclusive: usize,
    pub insufficient: usize,
    /// Levels and typed figures: no verdict.
    pub no_verdict: usize,
}

impl HorizonCount {
    pub fn total(&self) -> usize {
        self.positive + self.negative + self.not_conclusive + self.insufficient + self.no_verdict
    }

    /// The counts in the order of the summary's columns (`report::COUNT_KEYS`).
    pub fn numbers(&self) -> [usize; 5] {
        [
            self.positive,
            self.negative,
            self.not_conclusive,
            self.insufficient,
            self.no_verdict,
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

/// Verdict counts per horizon, in [`HORIZON_ORDER`]; `targets`: the ids with a target.
pub fn counts(results: &Results, targets: &Targets) -> Vec<HorizonCount> {
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
        let v = verdict(indicator, targets.contains_key(&indicator.id));
        if v.is_positive() {
            count.positive += 1;
        } else if v.is_negative() {
            count.negative += 1;
        } else if v == Verdict::NotConclusive {
            count.not_conclusive += 1;
        } else if indicator.status == Status::InsufficientData {
            count.insufficient += 1;
        } else {
            count.no_verdict += 1;
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

/// The key findings, in the order of the rule (docs/choices.md, "The summary"): the
/// design checks, the whole cluster against the control cluster (the seed: "it should
/// always be evaluated the performance of the cluster as a whole"), then the
/// beneficiaries, then who wins and who loses, the jobs net of firms gone, and the
/// levels that are not comparisons; at most [`MAX_FINDINGS`].
pub fn findings(lang: Lang, results: &Results, targets: &Targets) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    out.extend(design(lang, results));
    // The whole cluster first, unless it is the beneficiaries alone (no other cluster
    // firm: the same panel would be told twice).
    let cluster_is_beneficiaries = match (
        results.indicator("long.cluster.sales.growth"),
        results.indicator("long.beneficiaries.sales.growth"),
    ) {
        (Some(k), Some(b)) => k.n == b.n && k.value == b.value,
        _ => false,
    };
    for (group, measure) in [
        ("cluster", "sales"),
        ("beneficiaries", "sales"),
        ("beneficiaries", "employment"),
    ] {
        if group == "cluster" && cluster_is_beneficiaries {
            continue;
        }
        out.extend(panel(lang, results, targets, group, measure));
    }
    for flag in ["innovation", "new_markets"] {
        out.extend(adoption(lang, results, targets, flag));
    }
    out.extend(losers(lang, results));
    out.extend(left_behind(lang, results));
    out.extend(wage_gap(lang, results));
    out.extend(jobs_net(lang, results));
    out.extend(local_gdp(lang, results));
    out.extend(returns(lang, results));
    out.extend(participation(lang, results));
    out.truncate(MAX_FINDINGS);
    out
}

/// The verdict of a comparison as the summary closes its sentence: "Favourable, but
/// the groups differed at baseline (evidence: weak, fewer than 10 firms on a side)."
pub fn verdict_clause(lang: Lang, indicator: &Indicator, targets: &Targets) -> String {
    let target = targets.get(&indicator.id);
    let v = verdict(indicator, target.is_some());
    let target =
        target.map(|t| crate::format::value(lang, &indicator.id, indicator.unit, Some(*t), ""));
    let mut clause = verdict_text(lang, indicator, v, target.as_deref());
    if v == Verdict::NotConclusive {
        let why = if indicator.ci.is_some() {
            "summary.why_zero"
        } else {
            "summary.why_few"
        };
        clause = tf(
            lang,
            "summary.not_conclusive",
            &[("verdict", clause), ("why", t(lang, why).to_string())],
        );
    }
    if let Some(reading) = indicator.control_reading() {
        let level = crate::detail_names::value(lang, reading.evidence.code());
        clause = tf(
            lang,
            "summary.with_evidence",
            &[("verdict", clause), ("level", level)],
        );
    }
    clause.push('.');
    clause
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

/// How a comparison with the control firms closes a finding's sentence: ", 12.3
/// percentage points more than the control firms (95% confidence interval …).
/// Favourable; evidence …".
fn against_control(lang: Lang, c: &Indicator, diff: f64, targets: &Targets) -> String {
    let key = if diff < 0.0 {
        "summary.less_control"
    } else {
        "summary.more_control"
    };
    let mut text = tf(
        lang,
        key,
        &[
            ("diff", pts(lang, diff.abs())),
            ("interval", interval(lang, c.ci)),
        ],
    );
    text.push(' ');
    text.push_str(&verdict_clause(lang, c, targets));
    text
}

/// A panel's growth, and how it compares with the control group (else the sector),
/// with the comparison's verdict, design reservations and evidence.
fn panel(
    lang: Lang,
    results: &Results,
    targets: &Targets,
    group: &str,
    measure: &str,
) -> Option<Finding> {
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
        text.push_str(&against_control(lang, c, diff, targets));
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

/// Innovation or new markets (the seed's central claim for clusters): the share of
/// the beneficiary firms (else of the cluster's firms) that adopted between the
/// baseline and the follow-up, and how it compares with the control firms.
fn adoption(lang: Lang, results: &Results, targets: &Targets, flag: &str) -> Option<Finding> {
    let (group, (share_of, share)) = ["beneficiaries", "cluster"]
        .iter()
        .find_map(|g| known(results, &format!("long.{g}.{flag}")).map(|found| (*g, found)))?;
    let (b, f) = years(share_of, results)?;
    let subject = t(
        lang,
        if group == "cluster" {
            "summary.firms.cluster"
        } else {
            "summary.firms.beneficiaries"
        },
    );
    let mut text = tf(
        lang,
        if flag == "innovation" {
            "summary.innovation"
        } else {
            "summary.new_markets"
        },
        &[
            ("share", percent(lang, share)),
            ("subject", subject.to_string()),
            ("b", b.to_string()),
            ("f", f.to_string()),
        ],
    );
    let id = match known(results, &format!("long.{group}.{flag}.vs_control")) {
        Some((c, diff)) => {
            text.push_str(&against_control(lang, c, diff, targets));
            c.id.clone()
        }
        None => {
            text.push('.');
            share_of.id.clone()
        }
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

/// Whether the results compare the beneficiaries with a control group at all.
fn has_control(results: &Results) -> bool {
    ["sales", "employment"]
        .iter()
        .any(|m| known(results, &format!("long.beneficiaries.{m}.vs_control")).is_some())
}

/// Who loses out as the cluster upgrades (Section 4.3), or that no one does. A group
/// is named only where its comparison with the control firms says so; without a
/// control group, by its own before-and-after check, and worded as such. Firm sizes
/// are compared with the other beneficiaries only, so they are named only without a
/// control group.
fn losers(lang: Lang, results: &Results) -> Option<Finding> {
    let control = has_control(results);
    let decided = |w: &&cluster_eval_types::WinnerLoser| {
        if control {
            w.kind != "firms"
                && w.vs_control_status
                    .is_some_and(|s| s != Status::InsufficientData)
        } else {
            w.loses.is_some()
        }
    };
    let loses = |w: &&cluster_eval_types::WinnerLoser| {
        if control {
            w.vs_control_status == Some(Status::NotMet)
        } else {
            w.loses == Some(true)
        }
    };
    let lines: Vec<_> = results.winners_losers.iter().filter(decided).collect();
    let losing: Vec<_> = lines.iter().filter(|w| loses(w)).collect();
    let Some(first) = losing.first() else {
        let id = lines.iter().find_map(|w| loser_indicator(&w.indicators))?;
        let key = if control {
            "summary.no_losers_control"
        } else {
            "summary.no_losers_bna"
        };
        return Some(Finding {
            id,
            text: t(lang, key).to_string(),
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
            } else if control {
                let against = w
                    .vs_control
                    .map(|c| points(lang, c))
                    .unwrap_or_else(|| "—".into());
                tf(
                    lang,
                    "summary.loser_workers_control",
                    &[
                        ("group", group_name(lang, &w.kind, &w.group)),
                        ("change", change),
                        ("against", against),
                    ],
                )
            } else {
                tf(
                    lang,
                    "summary.loser_workers",
                    &[
                        ("group", group_name(lang, &w.kind, &w.group)),
                        ("change", change),
                    ],
                )
            }
        })
        .collect();
    let key = if control {
        "summary.losers_control"
    } else {
        "summary.losers_bna"
    };
    Some(Finding {
        id: loser_indicator(&first.indicators)?,
        text: tf(lang, key, &[("list", items.join("; "))]),
    })
}

/// The cluster's firms that did not take part, when they fell behind the control
/// firms (Section 4.3: firms can "lose out as clusters upgrade").
fn left_behind(lang: Lang, results: &Results) -> Option<Finding> {
    ["sales", "employment"].iter().find_map(|m| {
        let (i, diff) = known(
            results,
            &format!("pro_poor.non_participants.{m}.vs_control"),
        )?;
        (i.status == Status::NotMet).then(|| Finding {
            id: i.id.clone(),
            text: tf(
                lang,
                if *m == "sales" {
                    "summary.left_behind_sales"
                } else {
                    "summary.left_behind_employment"
                },
                &[
                    ("diff", pts(lang, diff.abs())),
                    ("interval", interval(lang, i.ci)),
                ],
            ),
        })
    })
}

/// The gender wage gap, when it widened more among the beneficiaries than among the
/// control firms (an unfavourable comparison is always told).
fn wage_gap(lang: Lang, results: &Results) -> Option<Finding> {
    let (i, diff) = known(results, "pro_poor.wage_gap.vs_control")?;
    (i.status == Status::NotMet && diff > 0.0).then(|| Finding {
        id: i.id.clone(),
        text: tf(lang, "summary.wage_gap", &[("diff", pts(lang, diff))]),
    })
}

/// The jobs created by the beneficiaries net of the jobs in their firms that closed
/// or left (`long.beneficiaries.jobs_net`): a count of jobs "created" that ignores
/// the firms gone overstates them.
fn jobs_net(lang: Lang, results: &Results) -> Option<Finding> {
    let (i, net) = known(results, "long.beneficiaries.jobs_net")?;
    let number_of = |key: &str| {
        i.detail
            .get(key)
            .and_then(|v| v.as_f64())
            .map(|v| number(lang, v, 0))
    };
    let (panel, gone) = (number_of("jobs_panel")?, number_of("jobs_gone")?);
    let (b, f) = years(i, results)?;
    Some(Finding {
        id: i.id.clone(),
        text: tf(
            lang,
            "summary.jobs_net",
            &[
                ("net", number(lang, net, 0)),
                ("panel", panel),
                ("gone", gone),
                ("b", b.to_string()),
                ("f", f.to_string()),
            ],
        ),
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
