//! The results read like a report: the summary at the top of the results, and the
//! printed report's title block and method section, as what the page draws (tested
//! natively; the page lays them out as views).

use cluster_eval_types::{Prices, Results};

use crate::i18n::{t, tf, Lang};
use crate::summary::{self, Finding, HorizonCount};

/// Escapes text for HTML markup (element content and quoted attributes): the workbook
/// step's markup (`workbook_step`).
pub fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The verdict columns of the summary's counts, in their order (the numbers of
/// [`HorizonCount::numbers`](crate::summary::HorizonCount::numbers)).
pub const COUNT_KEYS: [&str; 5] = [
    "summary.col.positive",
    "summary.col.negative",
    "summary.col.not_conclusive",
    "summary.col.insufficient",
    "summary.col.no_verdict",
];

/// The summary: the status counts per horizon (each with its horizon's name) and the
/// key findings, each to link to its indicator's row.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub counts: Vec<(HorizonCount, String)>,
    pub findings: Vec<Finding>,
}

/// The summary of the results; `None` when there is no indicator yet. `targets`: the
/// document's, which change how a result is worded.
pub fn summary(lang: Lang, results: &Results, targets: &summary::Targets) -> Option<Summary> {
    let counts = summary::counts(results, targets);
    if counts.is_empty() {
        return None;
    }
    Some(Summary {
        counts: counts
            .into_iter()
            .map(|c| {
                let name = summary::horizon_label(lang, &c.horizon);
                (c, name)
            })
            .collect(),
        findings: summary::findings(lang, results, targets),
    })
}

/// What the printed report's title block says of the project.
#[derive(Debug, Clone, Default)]
pub struct TitleFacts<'a> {
    pub name: &'a str,
    pub country: Option<&'a str>,
    pub sector: Option<&'a str>,
    pub executing_agency: Option<&'a str>,
    pub start_year: Option<i32>,
    pub end_year: Option<i32>,
    pub baseline_year: Option<i32>,
    pub followup_year: Option<i32>,
    /// Today, as the reader writes dates.
    pub date: &'a str,
    /// Each pasted table: its title's catalogue key, rows read and rows excluded.
    pub sources: Vec<(&'static str, usize, usize)>,
    /// What a reviewer asks first (issue 25): which cluster is the control and how it
    /// was chosen, where the data come from, and the price basis; "not stated" when
    /// blank, so that the gap shows.
    pub control_description: &'a str,
    pub data_source: &'a str,
    pub prices: Option<Prices>,
    pub price_base_year: Option<i32>,
}

/// One fact of the title block: its label and its value, and whether the value is
/// text a person typed (the page isolates it in a `<bdi>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub label: &'static str,
    pub value: String,
    pub typed: bool,
}

/// The printed report's title block: what it is, the project's name (typed) and its
/// facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleBlock {
    pub kind: &'static str,
    pub name: String,
    pub facts: Vec<Fact>,
}

/// The printed report's title block (not an `h1`: the page has its own, and this block is
/// shown in print only): what it is, the project, its facts when set, the
/// period, the years compared, the date and the data sources.
pub fn title_block(lang: Lang, facts: &TitleFacts) -> TitleBlock {
    let mut out = Vec::new();
    let mut fact = |key: &'static str, value: Option<String>, typed: bool| {
        if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
            out.push(Fact {
                label: t(lang, key),
                value,
                typed,
            });
        }
    };
    fact("print.country", facts.country.map(str::to_string), true);
    fact("print.sector", facts.sector.map(str::to_string), true);
    fact(
        "print.agency",
        facts.executing_agency.map(str::to_string),
        true,
    );
    fact(
        "print.period",
        match (facts.start_year, facts.end_year) {
            (Some(s), Some(e)) => Some(format!("{s}–{e}")),
            (Some(y), None) | (None, Some(y)) => Some(y.to_string()),
            _ => None,
        },
        false,
    );
    fact(
        "print.years",
        match (facts.baseline_year, facts.followup_year) {
            (Some(b), Some(f)) => Some(format!("{b} → {f}")),
            _ => None,
        },
        false,
    );
    let not_stated = || t(lang, "print.not_stated").to_string();
    let stated = |text: &str| (!text.trim().is_empty()).then(|| text.trim().to_string());
    match stated(facts.control_description) {
        Some(text) => fact("print.control", Some(text), true),
        None => fact("print.control", Some(not_stated()), false),
    }
    let prices = match (facts.prices, facts.price_base_year) {
        (Some(Prices::Nominal), _) => t(lang, "print.prices_nominal").to_string(),
        (Some(Prices::Constant), Some(year)) => {
            tf(lang, "print.prices_constant", &[("year", year.to_string())])
        }
        (Some(Prices::Constant), None) => {
            tf(lang, "print.prices_constant", &[("year", not_stated())])
        }
        (None, _) => not_stated(),
    };
    fact("print.prices", Some(prices), false);
    match stated(facts.data_source) {
        Some(text) => fact("print.data_source", Some(text), true),
        None => fact("print.data_source", Some(not_stated()), false),
    }
    fact("print.date", Some(facts.date.to_string()), false);
    let sources = if facts.sources.is_empty() {
        t(lang, "print.no_sources").to_string()
    } else {
        facts
            .sources
            .iter()
            .map(|(key, read, excluded)| {
                tf(
                    lang,
                    "print.source",
                    &[
                        ("table", t(lang, key).to_string()),
                        ("read", read.to_string()),
                        ("excluded", excluded.to_string()),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    fact("print.sources", Some(sources), false);
    TitleBlock {
        kind: t(lang, "print.title"),
        name: facts.name.to_string(),
        facts: out,
    }
}

/// The printed report's method section: its title, its paragraphs (balanced panels,
/// the bootstrap with the project's draws and seed, what the interval does not
/// cover, what a status means, which thresholds are this calculator's own) and a
/// closing hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Method {
    pub title: &'static str,
    pub paragraphs: [String; 5],
    pub hint: &'static str,
}

/// The printed report's method section.
pub fn method(lang: Lang, reps: u32, seed: u64, loser_threshold: f64) -> Method {
    let points = loser_threshold * 100.0;
    let decimals = if (points - points.round()).abs() < 1e-9 {
        0
    } else {
        1
    };
    let bootstrap = tf(
        lang,
        "print.method_bootstrap",
        &[("reps", reps.to_string()), ("seed", seed.to_string())],
    );
    Method {
        title: t(lang, "print.method"),
        paragraphs: [
            t(lang, "print.method_panels").to_string(),
            bootstrap,
            t(lang, "print.method_limits").to_string(),
            t(lang, "print.method_status").to_string(),
            tf(
                lang,
                "print.method_rules",
                &[("threshold", crate::format::number(lang, points, decimals))],
            ),
        ],
        hint: t(lang, "print.computed"),
    }
}

/// The printed report's limitations: what the numbers cannot say, each once (the
/// page's rows no longer repeat the cluster caveat in print).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limitations {
    pub title: &'static str,
    pub paragraphs: Vec<String>,
}

/// The printed report's limitations section: the intervals are firm-level; one treated
/// and one control cluster (when there is a comparison with control firms); the
/// evidence levels of the comparisons, counted; the firms
/// gone by the follow-up (from `design.attrition.*`); concentration (every `vs_control`
/// whose two largest firms hold more than half of the baseline: SPEC, "Verdicts and
/// their words (v3)"); and the typed figures, which are as entered.
pub fn limitations(lang: Lang, results: &Results) -> Limitations {
    let mut out = vec![t(lang, "limits.intervals").to_string()];
    let controls = results
        .indicators
        .iter()
        .any(|i| i.id.ends_with(".vs_control") && i.ci.is_some());
    if controls {
        out.push(t(lang, "limits.clusters").to_string());
    }
    // The evidence levels of the comparisons, said once (each row no longer repeats it
    // in print; the summary's sentences still carry theirs).
    let mut levels: Vec<(String, usize)> = Vec::new();
    for text in results
        .indicators
        .iter()
        .filter_map(|i| crate::design::evidence_text(lang, i))
    {
        match levels.iter_mut().find(|(t, _)| *t == text) {
            Some((_, n)) => *n += 1,
            None => levels.push((text, 1)),
        }
    }
    if !levels.is_empty() {
        let levels = levels
            .into_iter()
            .map(|(text, n)| {
                tf(
                    lang,
                    "limits.evidence_level",
                    &[("level", text), ("n", n.to_string())],
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        out.push(tf(lang, "limits.evidence", &[("levels", levels)]));
    }
    let gone = |id: &str| {
        let i = results.indicator(id)?;
        let firms = i.detail.get("firms_b")?.as_u64()?;
        let gone = i.detail.get("gone")?.as_u64()?;
        let jobs = i.detail.get("employment_b_gone").and_then(|v| v.as_f64());
        Some((firms, gone, jobs))
    };
    if let Some((firms, n, jobs)) = gone("design.attrition.beneficiaries") {
        let mut text = tf(
            lang,
            "limits.attrition",
            &[
                ("gone", n.to_string()),
                ("firms", firms.to_string()),
                (
                    "year",
                    results
                        .followup_year
                        .map(|y| y.to_string())
                        .unwrap_or_default(),
                ),
                ("jobs", crate::format::number(lang, jobs.unwrap_or(0.0), 0)),
            ],
        );
        if let Some((c_firms, c_gone, _)) = gone("design.attrition.control") {
            text.push(' ');
            text.push_str(&tf(
                lang,
                "limits.attrition_control",
                &[("gone", c_gone.to_string()), ("firms", c_firms.to_string())],
            ));
        }
        out.push(text);
    }
    for i in &results.indicators {
        let Some(share) = i.detail.get("top2_share").and_then(|v| v.as_f64()) else {
            continue;
        };
        if share <= 0.5 || !i.id.ends_with(".vs_control") {
            continue;
        }
        let parts: Vec<&str> = i.id.split('.').collect();
        let (group, measure) = (parts.get(1).copied(), parts.get(2).copied());
        let share_text = crate::format::number(lang, share * 100.0, 0) + "\u{a0}%";
        let whose = match group {
            Some("beneficiaries") => Some("limits.whose.beneficiaries"),
            Some("cluster") => Some("limits.whose.cluster"),
            _ => None,
        };
        let what = match measure {
            Some("sales") => Some("limits.measure.sales"),
            Some("employment") => Some("limits.measure.employment"),
            Some("exports") => Some("limits.measure.exports"),
            Some("production") => Some("limits.measure.production"),
            _ => None,
        };
        let named = whose.zip(what).map(|(whose, what)| {
            tf(
                lang,
                "limits.concentration",
                &[
                    ("share", share_text.clone()),
                    ("whose", t(lang, whose).to_string()),
                    ("measure", t(lang, what).to_string()),
                ],
            )
        });
        out.push(named.unwrap_or_else(|| {
            tf(
                lang,
                "limits.concentration_other",
                &[
                    ("share", share_text),
                    ("name", crate::names::indicator_name(lang, &i.id)),
                ],
            )
        }));
    }
    out.push(t(lang, "limits.typed").to_string());
    Limitations {
        title: t(lang, "limits.title"),
        paragraphs: out,
    }
}
