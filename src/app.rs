//! The page: header, project list, the open project's data and its results.

use leptos::prelude::*;

use crate::components::{
    facts::{CalculationSettings, Checklist, ProjectFacts},
    notices::Notices,
    projects::ProjectList,
    report::{Annex, Limitations, Method, ReportTitle},
    results_view::ResultsView,
    share::ProjectBar,
    table_input::TableInput,
    workbook::{WorkbookStep, Workbooks},
};
use crate::i18n::{t, Lang};
use crate::reading::Reading;
use crate::state::AppState;
use cluster_eval_types::TableKind;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);
    let reading = Reading::new(state);
    provide_context(reading);
    Workbooks::provide(state, reading);
    provide_context(crate::components::how::OpenSections::default());
    // Edits are saved shortly after they happen; never lose the last one.
    let flush = window_event_listener(leptos::ev::pagehide, move |_| state.flush());
    on_cleanup(move || flush.remove());
    // Two tabs of the page share one storage: follow what the other one saves.
    let other_tab = window_event_listener(leptos::ev::storage, move |ev| {
        state.on_other_tab(ev.key().as_deref(), ev.new_value());
    });
    on_cleanup(move || other_tab.remove());
    // The portfolio link, offline (issue 24): a first visit to the portfolio page would
    // end on the browser's offline error, as the service worker keeps that page only
    // once visited. A script of index.html (a few bytes, where a Rust handler would
    // cost the first visit a kilobyte) follows the link offline only when the page is
    // kept (`caches.match`), else sends this event: the page stays and says a
    // connection is needed once. The page's root: its listener is never removed.
    let _ = window_event_listener_untyped("portfolio-offline", move |_| {
        state.notify(crate::state::Notice::PortfolioUnavailable)
    });
    let lang = state.lang;
    Effect::new(move |_| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.get().code());
        }
    });
    view! {
        <header class="app-header">
            <h1>{move || t(lang.get(), "app.title")}</h1>
            <p class="tagline">{move || t(lang.get(), "app.tagline")}</p>
            <LangSwitch />
            // The portfolio is a page of its own (portfolio.html, built into
            // portfolio/): none of it is in this page's first visit.
            <a class="portfolio-link no-print" href="portfolio/" data-testid="portfolio-link">
                {move || cluster_eval_ui::portfolio::link_text(lang.get())}
            </a>
        </header>
        <Notices />
        <div class="layout">
            <nav class="sidebar" aria-label=move || t(lang.get(), "projects.title")>
                <ProjectList />
            </nav>
            <main class="main" id="main">
                <ReportTitle />
                <ProjectName />
                <ProjectBar />
                <WorkbookStep />
                <nav class="sections no-print" aria-label=move || t(lang.get(), "nav.label")>
                    <a href="#data" on:click=move |_| fold_data(true)>{move || t(lang.get(), "nav.data")}</a>
                    <a href="#project">{move || t(lang.get(), "nav.project")}</a>
                    <a href="#summary">{move || t(lang.get(), "nav.summary")}</a>
                    <a href="#details">{move || t(lang.get(), "nav.details")}</a>
                </nav>
                <DataFold />
                <div id="project">
                    <ProjectFacts />
                    <Checklist />
                    <CalculationSettings />
                </div>
                <ResultsView />
                <Limitations />
                <Method />
                <Annex />
            </main>
        </div>
    }
}

#[component]
fn LangSwitch() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <label class="lang-switch">
            {move || t(state.lang.get(), "lang.label")}
            " "
            <select
                data-testid="lang-switch"
                on:change=move |ev| {
                    let select: web_sys::HtmlSelectElement = event_target(&ev);
                    if let Some(lang) = Lang::from_code(&select.value()) {
                        state.set_lang(lang, move |was| select.set_value(was.code()));
                    }
                }
            >
                {Lang::ALL
                    .into_iter()
                    .map(|l| {
                        view! {
                            <option value=l.code() selected=move || state.lang.get() == l>
                                {l.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

#[component]
fn ProjectName() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <label class="project-name">
            <span>{move || t(state.lang.get(), "project.name")}</span>
            <input
                type="text"
                data-testid="project-name"
                prop:value=move || state.doc.with(|d| d.project.name.clone())
                on:input=move |ev| {
                    let name = event_target_value(&ev);
                    state.edit(|d| d.project.name = name);
                }
            />
        </label>
    }
}

/// Folds or unfolds the data boxes.
fn fold_data(open: bool) {
    if let Some(fold) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("data-fold"))
    {
        let _ = if open {
            fold.set_attribute("open", "")
        } else {
            fold.remove_attribute("open")
        };
    }
}

/// The data boxes, folded away when the project opened already holds data (its results
/// are then what the reader came for) and open otherwise. Decided when a project is
/// opened, never while typing: a first paste does not fold the boxes under the cursor.
#[component]
fn DataFold() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    Effect::new(move |_| {
        state.current.track();
        fold_data(state.doc.with_untracked(|d| {
            TableKind::ALL
                .into_iter()
                .all(|table| d.table_text(table).trim().is_empty())
        }));
    });
    view! {
        <details class="data-fold" id="data-fold" data-testid="data-fold">
            <summary>
                <h2 id="data">{move || t(lang.get(), "data.title")}</h2>
                <span class="hint">{move || t(lang.get(), "data.fold_hint")}</span>
            </summary>
            {TableKind::ALL.into_iter().map(|table| view! { <TableInput table=table /> }).collect_view()}
        </details>
    }
}
