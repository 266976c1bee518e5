//! Charts as plain SVG views (no chart library): each group's year-by-year index,
//! baseline-versus-follow-up bars like the seed's Masaya figure, and the change in each
//! worker group's share. Their geometry is `cluster_eval_ui::charts`'s (and the event
//! study's `cluster_eval_ui::design::event_chart`); [`svg`] draws any of them.

use cluster_eval_ui::charts::{
    bars_chart, index_chart, shares_chart, Chart, Run, Shape, INDEX_MEASURES,
};
use leptos::prelude::*;

use crate::i18n::t;
use crate::reading::Reading;
use crate::state::AppState;

/// One shape of a chart.
fn shape(s: Shape) -> AnyView {
    match s {
        Shape::Line {
            x1,
            y1,
            x2,
            y2,
            stroke,
            width,
            dash,
        } => view! {
            <line x1=x1 y1=y1 x2=x2 y2=y2 stroke=stroke stroke-width=width
                stroke-dasharray=(!dash.is_empty()).then_some(dash) />
        }
        .into_any(),
        Shape::Text {
            x,
            y,
            size,
            anchor,
            fill,
            bold,
            text,
        } => view! {
            <text x=x y=y font-size=size text-anchor=anchor.code() fill=fill
                font-weight=bold.then_some("600")>{text}</text>
        }
        .into_any(),
        Shape::Rect {
            x,
            y,
            width,
            height,
            fill,
        } => view! { <rect x=x y=y width=width height=height fill=fill /> }.into_any(),
        Shape::Circle {
            x,
            y,
            r,
            fill,
            stroke,
        } => view! {
            <circle cx=x cy=y r=r fill=fill stroke=stroke stroke-width=stroke.map(|_| "1.5") />
        }
        .into_any(),
        Shape::Polyline {
            points,
            stroke,
            dash,
        } => view! {
            <polyline fill="none" stroke=stroke stroke-width="2.5"
                stroke-dasharray=(!dash.is_empty()).then_some(dash) points=points />
        }
        .into_any(),
        Shape::Path { d, stroke } => view! {
            <path d=d stroke=stroke stroke-width="1.5" fill="none" />
        }
        .into_any(),
    }
}

/// A chart as SVG (`class`: `chart`, or `chart event-chart`), named by its title.
pub fn svg(chart: Chart, class: &'static str) -> impl IntoView {
    let Chart {
        title,
        desc,
        width,
        height,
        shapes,
    } = chart;
    let label = title.clone();
    view! {
        <svg class=class viewBox=format!("0 0 {width} {height}") role="img" aria-label=label>
            <title>{title}</title>
            {desc.map(|d| view! { <desc>{d}</desc> })}
            {shapes.into_iter().map(shape).collect_view()}
        </svg>
    }
}

/// A chart with its visible title above it.
fn titled(title: impl IntoView, chart: Chart) -> impl IntoView {
    view! {
        <p class="chart-title">{title}</p>
        {svg(chart, "chart")}
    }
}

#[component]
pub fn Charts() -> impl IntoView {
    let state = expect_context::<AppState>();
    let results = expect_context::<Reading>().results;
    let lang = state.lang;
    let measure = RwSignal::new(INDEX_MEASURES[0].0);
    view! {
        <section class="card charts" aria-labelledby="charts-title">
            <h3 id="charts-title">{move || t(lang.get(), "chart.title")}</h3>
            <div class="tabs no-print" role="group" aria-label=move || t(lang.get(), "chart.measure")>
                {INDEX_MEASURES.map(|(id, key)| view! {
                    <button type="button" aria-pressed=move || if measure.get() == id { "true" } else { "false" }
                        data-testid=format!("chart-measure-{id}")
                        on:click=move |_| measure.set(id)>{move || t(lang.get(), key)}</button>
                })}
            </div>
            <div data-testid="chart-index">{move || {
                let lang = lang.get();
                let (start, end) = state.doc.with(|d| (d.project.start_year, d.project.end_year));
                match results.with(|r| index_chart(lang, r, measure.get(), start, end)) {
                    Some(chart) => {
                        let title = chart.title.clone();
                        titled(title, chart).into_any()
                    }
                    None => view! { <p class="hint">{t(lang, "chart.no_data")}</p> }.into_any(),
                }
            }}</div>
            <div data-testid="chart-bars">{move || {
                let lang = lang.get();
                state.doc.with(|d| results.with(|r| bars_chart(lang, r, &d.project.currency)))
                    .map(|(chart, runs)| {
                        let title = runs
                            .into_iter()
                            .map(|run| match run {
                                Run::Page(s) => s.into_any(),
                                Run::Typed(s) => view! { <bdi>{s}</bdi> }.into_any(),
                            })
                            .collect_view();
                        titled(title, chart)
                    })
            }}</div>
        </section>
    }
}

/// The change in each worker group's share, beside the pro-poor checks it illustrates.
#[component]
pub fn SharesChart() -> impl IntoView {
    let state = expect_context::<AppState>();
    let results = expect_context::<Reading>().results;
    let lang = state.lang;
    view! {
        <div class="chart-box" data-testid="chart-shares">{move || {
            let threshold = state.doc.with(|d| d.settings.loser_threshold);
            results.with(|r| shares_chart(lang.get(), r, threshold)).map(|chart| {
                let title = chart.title.clone();
                titled(title, chart)
            })
        }}</div>
    }
}
