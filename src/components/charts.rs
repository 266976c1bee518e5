//! Charts as plain SVG (no chart library: a few kilobytes instead of hundreds):
//! each group's year-by-year index, baseline-versus-follow-up bars like the seed's
//! Masaya figure, and the change in each worker group's share. Lines differ by dash
//! pattern and marker as well as colour, and every chart has a text title.

use cluster_eval_types::Results;
use cluster_eval_types::{Family, IndicatorId};
use leptos::prelude::*;
use serde_json::Value;

use crate::format;
use crate::i18n::{t, tf, Lang};
use crate::names::indicator_name;
use crate::reading::Reading;
use crate::state::AppState;

const GROUPS: [(&str, &str, &str, &str); 4] = [
    ("beneficiary", "group.beneficiary", "#0b5cad", ""),
    // In the engine's series `cluster` is the whole cluster K (beneficiaries included).
    ("cluster", "chart.cluster_all", "#1a7f37", "6 3"),
    ("control", "group.control", "#b3261e", "2 3"),
    ("sector", "group.sector", "#5b6475", "8 3 2 3"),
];

/// Escapes text for SVG markup.
fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn series(results: &Results, id: &str, group: &str) -> Vec<(f64, f64)> {
    results
        .indicator(id)
        .and_then(|i| i.detail.get("series"))
        .and_then(|s| s.get(group))
        .and_then(Value::as_array)
        .map(|points| {
            points
                .iter()
                .filter_map(|p| Some((p.get(0)?.as_f64()?, p.get(1)?.as_f64()?)))
                .filter(|(_, v)| v.is_finite())
                .collect()
        })
        .unwrap_or_default()
}

/// Year-by-year index (baseline = 100) of each group, for one growth indicator.
pub fn index_chart(lang: Lang, results: &Results, id: &str) -> Option<String> {
    let lines: Vec<_> = GROUPS
        .iter()
        .map(|g| (g, series(results, id, g.0)))
        .filter(|(_, s)| s.len() >= 2)
        .collect();
    if lines.is_empty() {
        return None;
    }
    let (w, h, left, right, top, bottom) = (720.0, 300.0, 56.0, 240.0, 34.0, 36.0);
    let all = lines.iter().flat_map(|(_, s)| s.iter());
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for (x, y) in all {
        x0 = x0.min(*x);
        x1 = x1.max(*x);
        y0 = y0.min(*y);
        y1 = y1.max(*y);
    }
    y0 = y0.min(100.0);
    y1 = y1.max(100.0);
    if x1 <= x0 {
        return None;
    }
    let pad = ((y1 - y0) * 0.08).max(1.0);
    y0 -= pad;
    y1 += pad;
    let px = |x: f64| left + (x - x0) / (x1 - x0) * (w - left - right);
    let py = |y: f64| top + (y1 - y) / (y1 - y0) * (h - top - bottom);
    let title = tf(
        lang,
        "chart.index_title",
        &[("name", indicator_name(lang, id))],
    );
    let mut svg = format!(
        r#"<p class="chart-title">{t}</p><svg class="chart" viewBox="0 0 {w} {h}" role="img" aria-label="{t}"><title>{t}</title>"#,
        t = esc(&title)
    );
    for k in 0..=4 {
        let v = y0 + (y1 - y0) * f64::from(k) / 4.0;
        let y = py(v);
        svg.push_str(&format!(
            r##"<line x1="{left}" x2="{}" y1="{y:.1}" y2="{y:.1}" stroke="#d5dae3"/><text x="{}" y="{:.1}" font-size="11" text-anchor="end">{}</text>"##,
            w - right,
            left - 6.0,
            y + 4.0,
            esc(&format::number(lang, v, 0))
        ));
    }
    let years = (x1 - x0) as i64;
    for step in 0..=years {
        let x = x0 + step as f64;
        svg.push_str(&format!(
            r#"<text x="{:.1}" y="{}" font-size="11" text-anchor="middle">{}</text>"#,
            px(x),
            h - bottom + 16.0,
            x
        ));
    }
    for (i, ((_, key, colour, dash), points)) in lines.iter().enumerate() {
        let path: Vec<String> = points
            .iter()
            .map(|(x, y)| format!("{:.1},{:.1}", px(*x), py(*y)))
            .collect();
        svg.push_str(&format!(
            r#"<polyline fill="none" stroke="{colour}" stroke-width="2.5" stroke-dasharray="{dash}" points="{}"/>"#,
            path.join(" ")
        ));
        for (x, y) in points {
            svg.push_str(&format!(
                r#"<circle cx="{:.1}" cy="{:.1}" r="3" fill="{colour}"/>"#,
                px(*x),
                py(*y)
            ));
        }
        let ly = top + 16.0 + i as f64 * 20.0;
        let last = points.last().map(|p| p.1).unwrap_or(100.0);
        svg.push_str(&format!(
            r#"<line x1="{}" x2="{}" y1="{ly}" y2="{ly}" stroke="{colour}" stroke-width="2.5" stroke-dasharray="{dash}"/><text x="{}" y="{}" font-size="12">{} ({})</text>"#,
            w - right + 10.0,
            w - right + 36.0,
            w - right + 40.0,
            ly + 4.0,
            esc(t(lang, key)),
            esc(&format::number(lang, last, 0))
        ));
    }
    svg.push_str("</svg>");
    Some(svg)
}

/// Average per firm in the baseline and the follow-up year (the seed's Masaya figure).
pub fn bars_chart(lang: Lang, results: &Results, currency: &str) -> Option<String> {
    let measures = [
        ("long.cluster.sales.growth", "m.sales"),
        ("long.cluster.exports.growth", "m.exports"),
        ("long.beneficiaries.employment.growth", "m.employment"),
    ];
    let bars: Vec<(&str, f64, f64)> = measures
        .iter()
        .filter_map(|(id, key)| {
            let d = &results.indicator(id)?.detail;
            Some((*key, d.get("mean_b")?.as_f64()?, d.get("mean_f")?.as_f64()?))
        })
        .filter(|(_, b, f)| b.is_finite() && f.is_finite())
        .collect();
    if bars.is_empty() {
        return None;
    }
    let (b_year, f_year) = (results.baseline_year?, results.followup_year?);
    let (w, row, top) = (640.0, 64.0, 40.0);
    let h = top + row * bars.len() as f64 + 10.0;
    let (label_w, bar_w) = (150.0, 360.0);
    let title = tf(
        lang,
        "chart.bars_title",
        &[
            ("b", b_year.to_string()),
            ("f", f_year.to_string()),
            ("currency", currency.to_string()),
        ],
    );
    let mut svg = format!(
        r#"<p class="chart-title">{t}</p><svg class="chart" viewBox="0 0 {w} {h}" role="img" aria-label="{t}"><title>{t}</title>"#,
        t = esc(&title)
    );
    for (i, (key, b, f)) in bars.iter().enumerate() {
        let max = b.max(*f).max(f64::MIN_POSITIVE);
        let y = top + row * i as f64;
        svg.push_str(&format!(
            r#"<text x="0" y="{:.1}" font-size="12">{}</text>"#,
            y + 26.0,
            esc(t(lang, key))
        ));
        for (j, (year, v, colour)) in [(b_year, *b, "#9fb8d6"), (f_year, *f, "#0b5cad")]
            .iter()
            .enumerate()
        {
            let by = y + 6.0 + j as f64 * 24.0;
            let len = (v / max).max(0.0) * bar_w;
            svg.push_str(&format!(
                r#"<rect x="{label_w}" y="{by:.1}" width="{len:.1}" height="20" fill="{colour}"/><text x="{:.1}" y="{:.1}" font-size="12">{year}: {}</text>"#,
                label_w + len + 6.0,
                by + 15.0,
                esc(&format::number(lang, *v, 0))
            ));
        }
    }
    svg.push_str("</svg>");
    Some(svg)
}

/// Change in each worker group's share of employment, with the loser threshold.
pub fn shares_chart(lang: Lang, results: &Results, threshold: f64) -> Option<String> {
    let rows: Vec<(String, f64)> = results
        .indicators
        .iter()
        .filter_map(|i| match IndicatorId::parse(&i.id).family() {
            Family::WorkerShare(group) => {
                Some((crate::names::group_name(lang, "workers", group), i.value?))
            }
            _ => None,
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    let (w, row, top) = (640.0, 26.0, 40.0);
    let h = top + row * rows.len() as f64 + 24.0;
    let extent = rows
        .iter()
        .map(|r| r.1.abs())
        .fold(threshold * 2.0, f64::max)
        .max(1e-6);
    let (label_w, mid_w) = (210.0, 190.0);
    let zero = label_w + mid_w;
    let scale = mid_w / extent;
    let title = t(lang, "chart.shares_title");
    let mut svg = format!(
        r#"<p class="chart-title">{t}</p><svg class="chart" viewBox="0 0 {w} {h}" role="img" aria-label="{t}"><title>{t}</title>"#,
        t = esc(title)
    );
    let tx = zero - threshold * scale;
    svg.push_str(&format!(
        r##"<line x1="{zero}" x2="{zero}" y1="{top}" y2="{:.1}" stroke="#1d2330"/><line x1="{tx:.1}" x2="{tx:.1}" y1="{top}" y2="{:.1}" stroke="#b3261e" stroke-dasharray="4 3"/><text x="{tx:.1}" y="{:.1}" font-size="11" text-anchor="middle" fill="#b3261e">−{}</text>"##,
        h - 20.0,
        h - 20.0,
        h - 6.0,
        esc(&format::points(lang, threshold).replace('+', ""))
    ));
    for (i, (name, v)) in rows.iter().enumerate() {
        let y = top + row * i as f64;
        let len = v * scale;
        let (x, width) = if len >= 0.0 {
            (zero, len)
        } else {
            (zero + len, -len)
        };
        let loses = *v < -threshold;
        let colour = if loses { "#b3261e" } else { "#1a7f37" };
        let mark = if loses { " ▼" } else { "" };
        svg.push_str(&format!(
            r#"<text x="0" y="{:.1}" font-size="12">{}</text><rect x="{x:.1}" y="{:.1}" width="{width:.1}" height="16" fill="{colour}"/><text x="{:.1}" y="{:.1}" font-size="12">{}{mark}</text>"#,
            y + 13.0,
            esc(name),
            y + 1.0,
            zero + mid_w.min(len.max(0.0)) + 6.0,
            y + 13.0,
            esc(&format::points(lang, *v))
        ));
    }
    svg.push_str("</svg>");
    Some(svg)
}

#[component]
pub fn Charts() -> impl IntoView {
    let state = expect_context::<AppState>();
    let results = expect_context::<Reading>().results;
    let lang = state.lang;
    let measure = RwSignal::new("long.cluster.sales.growth");
    let choices = [
        ("long.cluster.sales.growth", "m.sales"),
        ("long.cluster.exports.growth", "m.exports"),
        ("long.cluster.productivity.growth", "m.productivity"),
        ("long.beneficiaries.employment.growth", "m.employment"),
    ];
    view! {
        <section class="card charts" aria-labelledby="charts-title">
            <h3 id="charts-title">{move || t(lang.get(), "chart.title")}</h3>
            <div class="tabs no-print" role="group" aria-label=move || t(lang.get(), "chart.measure")>
                {choices.into_iter().map(|(id, key)| view! {
                    <button type="button" aria-pressed=move || if measure.get() == id { "true" } else { "false" }
                        data-testid=format!("chart-measure-{id}")
                        on:click=move |_| measure.set(id)>{move || t(lang.get(), key)}</button>
                }).collect_view()}
            </div>
            <div data-testid="chart-index" inner_html=move || {
                results.with(|r| index_chart(lang.get(), r, measure.get()))
                    .unwrap_or_else(|| format!("<p class=\"hint\">{}</p>", esc(t(lang.get(), "chart.no_data"))))
            }></div>
            <div data-testid="chart-bars" inner_html=move || {
                let currency = state.doc.with(|d| d.project.currency.clone());
                results.with(|r| bars_chart(lang.get(), r, &currency)).unwrap_or_default()
            }></div>
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
        <div class="chart-box" data-testid="chart-shares" inner_html=move || {
            let threshold = state.doc.with(|d| d.settings.loser_threshold);
            results.with(|r| shares_chart(lang.get(), r, threshold)).unwrap_or_default()
        }></div>
    }
}
