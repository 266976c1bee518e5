//! The results read like a report, as markup: the summary at the top of the results,
//! and the printed report's title block and method section. Written here as HTML text
//! (the page sets it with `inner_html`, as it does its charts) rather than as Leptos
//! views: a few kilobytes of string building instead of tens of kilobytes of view code
//! in the first visit, and testable natively.

use cluster_eval_types::Results;

use crate::i18n::{t, tf, Lang};
use crate::summary;

/// Escapes text for HTML markup (element content and quoted attributes).
pub fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The summary's content: its title, the status counts per horizon (each line
/// `data-testid="summary-<horizon>"` with `data-met`, `data-not-met`,
/// `data-inconclusive`, `data-insufficient`, `data-reported`, its horizon linking to
/// that horizon's table), and the key findings, each linking to its indicator's row.
pub fn summary_html(lang: Lang, results: &Results) -> String {
    let mut html = format!(
        r#"<h3 id="summary-title">{}</h3>"#,
        esc(t(lang, "summary.title"))
    );
    let counts = summary::counts(results);
    if counts.is_empty() {
        html.push_str(&format!(
            r#"<p class="hint">{}</p>"#,
            esc(t(lang, "summary.none"))
        ));
        return html;
    }
    html.push_str(&format!(
        r#"<div class="scroll-x" tabindex="0"><table class="indicators counts"><caption>{}</caption><thead><tr><th scope="col">{}</th>"#,
        esc(t(lang, "summary.counts")),
        esc(t(lang, "summary.horizon"))
    ));
    const STATUS_KEYS: [&str; 5] = [
        "status.met",
        "status.not_met",
        "status.inconclusive",
        "status.insufficient_data",
        "status.reported",
    ];
    for key in STATUS_KEYS {
        html.push_str(&format!(
            r#"<th scope="col" class="value">{}</th>"#,
            esc(t(lang, key))
        ));
    }
    html.push_str("</tr></thead><tbody>");
    for c in &counts {
        let h = esc(&c.horizon);
        html.push_str(&format!(
            r##"<tr data-testid="summary-{h}" data-met="{}" data-not-met="{}" data-inconclusive="{}" data-insufficient="{}" data-reported="{}"><th scope="row"><a href="#horizon-{h}">{}</a></th>"##,
            c.met,
            c.not_met,
            c.inconclusive,
            c.insufficient,
            c.reported,
            esc(&summary::horizon_label(lang, &c.horizon))
        ));
        // Each count carries its status as a label: on a phone the table's rows are
        // stacked and its header hidden, and bare numbers said nothing.
        let numbers = [c.met, c.not_met, c.inconclusive, c.insufficient, c.reported];
        for (n, key) in numbers.into_iter().zip(STATUS_KEYS) {
            let class = if n == 0 { "value zero" } else { "value" };
            let label = esc(t(lang, key));
            html.push_str(&format!(
                r#"<td class="{class}" data-label="{label}">{n}</td>"#
            ));
        }
        html.push_str("</tr>");
    }
    html.push_str(&format!(
        r#"</tbody></table></div><h4>{}</h4><p class="hint no-print">{}</p><ol class="findings">"#,
        esc(t(lang, "summary.findings")),
        esc(t(lang, "summary.findings_hint"))
    ));
    for f in summary::findings(lang, results) {
        let id = esc(&f.id);
        html.push_str(&format!(
            r##"<li data-testid="finding" data-indicator="{id}"><a href="#indicator-{id}">{}</a></li>"##,
            esc(&f.text)
        ));
    }
    html.push_str("</ol>");
    html
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

/// The printed report's title block (not an `h1`: the page has its own, and this block is
/// shown in print only): what it is, the project, its facts when set, the
/// period, the years compared, the date and the data sources.
pub fn title_html(lang: Lang, facts: &TitleFacts) -> String {
    let mut html = format!(
        r#"<p class="report-kind">{}</p><p class="report-name">{}</p><dl>"#,
        esc(t(lang, "print.title")),
        esc(facts.name)
    );
    let mut fact = |key: &'static str, value: Option<String>| {
        if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
            html.push_str(&format!(
                "<dt>{}</dt><dd>{}</dd>",
                esc(t(lang, key)),
                esc(&value)
            ));
        }
    };
    fact("print.country", facts.country.map(str::to_string));
    fact("print.sector", facts.sector.map(str::to_string));
    fact("print.agency", facts.executing_agency.map(str::to_string));
    fact(
        "print.period",
        match (facts.start_year, facts.end_year) {
            (Some(s), Some(e)) => Some(format!("{s}–{e}")),
            (Some(y), None) | (None, Some(y)) => Some(y.to_string()),
            _ => None,
        },
    );
    fact(
        "print.years",
        match (facts.baseline_year, facts.followup_year) {
            (Some(b), Some(f)) => Some(format!("{b} → {f}")),
            _ => None,
        },
    );
    fact("print.date", Some(facts.date.to_string()));
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
    fact("print.sources", Some(sources));
    html.push_str("</dl>");
    html
}

/// The printed report's method section: balanced panels, the bootstrap with the
/// project's draws and seed, what the interval does not cover, what a status means.
pub fn method_html(lang: Lang, reps: u32, seed: u64) -> String {
    let mut html = format!(
        r#"<h3 id="method-title">{}</h3>"#,
        esc(t(lang, "print.method"))
    );
    let bootstrap = tf(
        lang,
        "print.method_bootstrap",
        &[("reps", reps.to_string()), ("seed", seed.to_string())],
    );
    for text in [
        t(lang, "print.method_panels"),
        &bootstrap,
        t(lang, "print.method_limits"),
        t(lang, "print.method_status"),
    ] {
        html.push_str(&format!("<p>{}</p>", esc(text)));
    }
    html.push_str(&format!(
        r#"<p class="hint">{}</p>"#,
        esc(t(lang, "print.computed"))
    ));
    html
}
