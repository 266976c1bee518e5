//! The results read like a report: the summary at their top (status counts per
//! horizon and the key findings, each linking to its indicator), and, for the printed
//! evaluation report only, a title block and a short method section. What they say and
//! their markup come from `cluster_eval_ui::report` (set as `inner_html`, like the
//! charts: far less code in the first visit than views); the print layout is CSS
//! (`@media print`).

use cluster_eval_types::TableKind;
use cluster_eval_ui::report::{method_html, summary_html, title_html, TitleFacts};
use leptos::prelude::*;

use crate::components::table_input::table_title_key;
use crate::i18n::Lang;
use crate::reading::Reading;
use crate::state::AppState;

#[component]
pub fn Summary() -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let results = expect_context::<Reading>().results;
    view! {
        <section class="card summary" id="summary" data-testid="summary" aria-labelledby="summary-title"
            class:empty=move || results.with(|r| r.indicators.is_empty())
            inner_html=move || results.with(|r| summary_html(lang.get(), r))>
        </section>
    }
}

/// Today's date in the reader's language, written out ("1 de diciembre de 2026").
fn today(lang: Lang) -> String {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    js_sys::Date::new_0()
        .to_locale_date_string(lang.code(), &options)
        .into()
}

/// The printed report's title block (shown in print only).
#[component]
pub fn ReportTitle() -> impl IntoView {
    let state = expect_context::<AppState>();
    let reading = expect_context::<Reading>();
    let html = move || {
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
            title_html(
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
                },
            )
        })
    };
    view! { <header class="report-title print-only" data-testid="report-title" inner_html=html></header> }
}

/// The printed report's method section (shown in print only).
#[component]
pub fn Method() -> impl IntoView {
    let state = expect_context::<AppState>();
    let html = move || {
        let (reps, seed) = state.doc.with(|d| (d.settings.reps(), d.settings.seed));
        method_html(state.lang.get(), reps, seed)
    };
    view! {
        <section class="report-method print-only" data-testid="report-method" aria-labelledby="method-title"
            inner_html=html>
        </section>
    }
}
