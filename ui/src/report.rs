//! The results read like a report: the summary at the top of the results, and the
//! printed report's title block and method section, as what the page draws (tested
//! natively; the page lays them out as views).

use cluster_eval_types::Results;

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
/// cover, what a status means) and a closing hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Method {
    pub title: &'static str,
    pub paragraphs: [String; 4],
    pub hint: &'static str,
}

/// The printed report's method section.
pub fn method(lang: Lang, reps: u32, seed: u64) -> Method {
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
        ],
        hint: t(lang, "print.computed"),
    }
}
