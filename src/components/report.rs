//! The results read like a report: the summary at their top (status counts per
//! horizon and the key findings, each linking to its indicator), and, for the printed
//! evaluation report only, a title block and a short method section. What they say
//! comes from `cluster_eval_ui::report`; the print layout is CSS (`@media print`).

use cluster_eval_types::TableKind;
use cluster_eval_ui::design::event_chart;
use cluster_eval_ui::report::{
    limitations, method, summary, title_block, Limitations, Method, Summary, TitleBlock,
    TitleFacts, COUNT_KEYS,
};
use leptos::prelude::*;

use crate::components::charts::svg;
use crate::components::table_input::table_title_key;
use crate::format;
use crate::i18n::{t, Lang};
use crate::reading::Reading;
use crate::state::AppState;

#[component]
pub fn Summary() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let results = expect_context::<Reading>().results;
    view! {
        <section class="card summary" id="summary" data-testid="summary" aria-labelledby="summary-title"
            class:empty=move || results.with(|r| r.indicators.is_empty())>
            {move || {
                let lang = lang.get();
                let title = view! { <h3 id="summary-title">{t(lang, "summary.title")}</h3> };
                match results.with(|r| state.doc.with(|d| summary(lang, r, &d.targets))) {
                    Some(s) => view! { {title} {summary_body(lang, s)} }.into_any(),
                    None => view! { {title} <p class="hint">{t(lang, "summary.none")}</p> }
                        .into_any(),
                }
            }}
        </section>
    }
}

/// Today's date in the reader's language, written out ("1 de diciembre de 2026").
fn today(lang: Lang) -> String {
    // The options object from its JSON text: nothing is built with `Reflect` outside
    // the modules that talk to the workers.
    let options = js_sys::JSON::parse(r#"{"dateStyle":"long"}"#)
        .unwrap_or_else(|_| js_sys::Object::new().into());
    js_sys::Date::new_0()
        .to_locale_date_string(lang.code(), &options)
        .into()
}

/// The printed report's title block (shown in print only).
#[component]
pub fn ReportTitle() -> impl IntoView {
    let state = expect_context::<AppState>();
    let reading = expect_context::<Reading>();
    let block = move || {
        let lang = state.lang.get();
        let date = today(lang);
        let sources = TableKind::ALL
            .into_iter()
            .filter_map(|kind| {
                reading.table(kind).with(|s| {
                    let r = &s.report;
                    (r.data_rows > 0 || r.rows_read > 0)
                        .then(|| (table_title_key(kind), r.rows_read, r.rows_excluded))
                })
            })
            .collect();
        let (baseline_year, followup_year) =
            reading.results.with(|r| (r.baseline_year, r.followup_year));
        state.doc.with(|d| {
            let p = &d.project;
            title_block(
                lang,
                &TitleFacts {
                    name: &p.name,
                    country: p.country.as_deref(),
                    sector: p.sector.as_deref(),
                    executing_agency: p.executing_agency.as_deref(),
                    start_year: p.start_year,
                    end_year: p.end_year,
                    baseline_year,
                    followup_year,
                    date: &date,
                    sources,
                    control_description: &p.control_description,
                    data_source: &p.data_source,
                    prices: p.prices,
                    price_base_year: p.price_base_year,
                },
            )
        })
    };
    view! {
        <header class="report-title print-only" data-testid="report-title">
            {move || {
                let TitleBlock { kind, name, facts } = block();
                let facts = facts
                    .into_iter()
                    .map(|f| {
                        let value = if f.typed {
                            view! { <bdi>{f.value}</bdi> }.into_any()
                        } else {
                            f.value.into_any()
                        };
                        view! { <dt>{f.label}</dt><dd>{value}</dd> }
                    })
                    .collect_view();
                view! {
                    <p class="report-kind">{kind}</p>
                    <p class="report-name"><bdi>{name}</bdi></p>
                    <dl>{facts}</dl>
                }
            }}
        </header>
    }
}

/// The printed report's method section (shown in print only).
#[component]
pub fn Method() -> impl IntoView {
    let state = expect_context::<AppState>();
    let text = move || {
        let (reps, seed, threshold) = state.doc.with(|d| {
            (
                d.settings.reps(),
                d.settings.seed,
                d.settings.loser_threshold,
            )
        });
        let Method {
            title,
            paragraphs,
            hint,
        } = method(state.lang.get(), reps, seed, threshold);
        view! {
            <h3 id="method-title">{title}</h3>
            {paragraphs.map(|p| view! { <p>{p}</p> })}
            <p class="hint">{hint}</p>
        }
    };
    view! {
        <section class="report-method print-only" data-testid="report-method" aria-labelledby="method-title">
            {text}
        </section>
    }
}

/// The printed report's limitations (shown in print only): what the numbers cannot
/// say, each said once.
#[component]
pub fn Limitations() -> impl IntoView {
    let state = expect_context::<AppState>();
    let results = expect_context::<Reading>().results;
    let text = move || {
        let Limitations { title, paragraphs } = results.with(|r| limitations(state.lang.get(), r));
        view! {
            <h3 id="limits-title">{title}</h3>
            <ul>{paragraphs.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
        }
    };
    view! {
        <section class="report-limits print-only" data-testid="report-limits" aria-labelledby="limits-title">
            {text}
        </section>
    }
}

/// The comparison whose event study the printed report shows.
const PRINTED_EVENT_STUDY: &str = "long.beneficiaries.sales.vs_control";

/// The printed report's event study of the main comparison, with its caption (shown in
/// print only; on the screen it is in that row's "how it was computed").
#[component]
pub fn PrintedEventStudy() -> impl IntoView {
    let state = expect_context::<AppState>();
    let results = expect_context::<Reading>().results;
    move || {
        let lang = state.lang.get();
        let (start, end) = state
            .doc
            .with(|d| (d.project.start_year, d.project.end_year));
        results
            .with(|r| {
                r.indicator(PRINTED_EVENT_STUDY)
                    .and_then(|i| event_chart(lang, i, start, end))
            })
            .map(|chart| {
                let title = chart.title.clone();
                view! {
                    <figure class="report-figure print-only" data-testid="printed-event-study">
                        <p class="chart-title">{title}</p>
                        {svg(chart, "chart event-chart")}
                        <figcaption class="hint">{t(lang, "report.event_caption")}</figcaption>
                    </figure>
                }
            })
    }
}

/// The printed report's annex (shown in print only): every indicator by its id, with
/// its value, interval and n — the only place the ids are printed.
#[component]
pub fn Annex() -> impl IntoView {
    let state = expect_context::<AppState>();
    let results = expect_context::<Reading>().results;
    let rows = move || {
        let lang = state.lang.get();
        let currency = state.doc.with(|d| d.project.currency.clone());
        results.with(|r| {
            r.indicators
                .iter()
                .map(|i| {
                    let value = |v| format::value(lang, &i.id, i.unit, Some(v), &currency);
                    let interval = i
                        .ci
                        .map(|[low, high]| format!("{} … {}", value(low), value(high)))
                        .unwrap_or_else(|| "—".into());
                    view! {
                        <tr data-testid=format!("annex-{}", i.id)>
                            <td><code>{i.id.clone()}</code></td>
                            <td class="value">{format::value(lang, &i.id, i.unit, i.value, &currency)}</td>
                            <td class="value">{interval}</td>
                            <td class="value">{i.n}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let lang = state.lang;
    view! {
        <section class="report-annex print-only" data-testid="report-annex" aria-labelledby="annex-title">
            <h3 id="annex-title">{move || t(lang.get(), "annex.title")}</h3>
            <p class="hint">{move || t(lang.get(), "annex.hint")}</p>
            <table class="annex">
                <thead><tr>
                    <th scope="col">{move || t(lang.get(), "annex.id")}</th>
                    <th scope="col" class="value">{move || t(lang.get(), "results.value")}</th>
                    <th scope="col" class="value">{move || t(lang.get(), "results.interval")}</th>
                    <th scope="col" class="value">"n"</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}

/// The summary under its title: the counts per horizon (each horizon linking to its
/// table) and the key findings (each linking to its indicator's row).
fn summary_body(lang: Lang, s: Summary) -> impl IntoView {
    let labels = COUNT_KEYS.map(|k| t(lang, k));
    let rows = s
        .counts
        .into_iter()
        .map(|(c, name)| {
            // Each count carries its status as a label: on a phone the table's rows are
            // stacked and its header hidden, and bare numbers said nothing.
            let numbers = c.numbers();
            let cells = numbers.map(|n| (n, if n == 0 { "value zero" } else { "value" }));
            let [positive, negative, not_conclusive, insufficient, no_verdict] = numbers;
            view! {
                <tr data-testid=format!("summary-{}", c.horizon) data-positive=positive data-negative=negative
                    data-not-conclusive=not_conclusive data-insufficient=insufficient data-no-verdict=no_verdict>
                    <th scope="row"><a href=format!("#horizon-{}", c.horizon)>{name}</a></th>
                    {cells.into_iter().zip(labels).map(|((n, class), label)| {
                        view! { <td class=class data-label=label>{n}</td> }
                    }).collect_view()}
                </tr>
            }
        })
        .collect_view();
    let findings = s
        .findings
        .into_iter()
        .map(|f| {
            let href = format!("#indicator-{}", f.id);
            view! { <li data-testid="finding" data-indicator=f.id><a href=href>{f.text}</a></li> }
        })
        .collect_view();
    view! {
        <div class="scroll-x" tabindex="0">
            <table class="indicators counts">
                <caption>{t(lang, "summary.counts")}</caption>
                <thead><tr>
                    <th scope="col">{t(lang, "summary.horizon")}</th>
                    {labels.map(|l| view! { <th scope="col" class="value">{l}</th> })}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <h4>{t(lang, "summary.findings")}</h4>
        <p class="hint no-print">{t(lang, "summary.findings_hint")}</p>
        <ol class="findings">{findings}</ol>
    }
}
