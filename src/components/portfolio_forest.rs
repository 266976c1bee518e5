//! The portfolio's forest plot (issues 15, 25): a line per pooled project (its
//! estimate as a square sized by its weight, its 95% interval), the pooled estimate as
//! a diamond over its Hartung–Knapp interval, the 95% prediction interval as a thin
//! line through the diamond, a dashed line at 0, and a legend under the drawing.
//!
//! Names never clip: each is wrapped on up to two lines, cut with an ellipsis past
//! that, and carries its full text in a `<title>` (what a pointer shows; a screen
//! reader reads the plot's label and the table). Ends of the scale are anchored
//! inwards so their labels stay inside the drawing.

use leptos::prelude::*;

use cluster_eval_types::portfolio::{Estimate, PoolLine};
use cluster_eval_types::Unit;
use cluster_eval_ui::format;
use cluster_eval_ui::i18n::Lang;
use cluster_eval_ui::portfolio::{interval, t, wrap_name};

/// The scale of a plot: from the lowest to the highest end drawn, 0 included.
pub fn scale<'a>(
    lines: impl IntoIterator<Item = &'a PoolLine>,
    estimates: impl IntoIterator<Item = (f64, f64)>,
) -> (f64, f64) {
    let mut lo = 0.0f64;
    let mut hi = 0.0f64;
    for l in lines.into_iter().filter(|l| l.pooled) {
        for v in [l.low, l.high]
            .into_iter()
            .flatten()
            .filter(|v| v.is_finite())
        {
            lo = lo.min(v);
            hi = hi.max(v);
        }
    }
    for (a, b) in estimates {
        for v in [a, b].into_iter().filter(|v| v.is_finite()) {
            lo = lo.min(v);
            hi = hi.max(v);
        }
    }
    if hi - lo < 1e-9 {
        hi = lo + 1.0;
    }
    (lo, hi)
}

/// The ends a pooled estimate draws: its Hartung–Knapp interval and its prediction
/// interval.
pub fn estimate_ends(e: &Estimate) -> Vec<(f64, f64)> {
    let mut out = vec![interval(e), (e.low, e.high)];
    if let (Some(a), Some(b)) = (e.pi_low, e.pi_high) {
        out.push((a, b));
    }
    out
}

/// The pooled row of a plot: its label, value and ends.
pub struct Diamond {
    pub label: String,
    pub pooled: f64,
    pub low: f64,
    pub high: f64,
    pub prediction: Option<(f64, f64)>,
}

impl Diamond {
    pub fn of(label: String, e: &Estimate) -> Diamond {
        let (low, high) = interval(e);
        Diamond {
            label,
            pooled: e.pooled,
            low,
            high,
            prediction: e
                .pi_low
                .zip(e.pi_high)
                .filter(|(a, b)| a.is_finite() && b.is_finite()),
        }
    }
}

/// The forest plot of `lines` (the pooled ones drawn) and the `diamond`, on the scale
/// `(lo, hi)`, with a legend when `legend`.
pub fn forest(
    lang: Lang,
    id: &str,
    unit: Option<Unit>,
    lines: &[PoolLine],
    diamond: Option<Diamond>,
    (lo, hi): (f64, f64),
    legend: bool,
) -> impl IntoView {
    let lines: Vec<&PoolLine> = lines.iter().filter(|l| l.pooled).collect();
    let (left, width, row, line_h): (f64, f64, f64, f64) = (200.0, 320.0, 24.0, 13.0);
    let x = move |v: f64| left + (v - lo) / (hi - lo) * width;
    let wrapped: Vec<Vec<String>> = lines.iter().map(|l| wrap_name(&l.name)).collect();
    // Each row is as tall as its name's lines.
    let mut ys = Vec::new();
    let mut y = 8.0;
    for w in &wrapped {
        let h = row.max(line_h * w.len() as f64 + 8.0);
        ys.push(y + h / 2.0);
        y += h;
    }
    let diamond_y = y + row / 2.0;
    let height = y + row + 28.0;
    let axis_y = height - 8.0;
    let zero = x(0.0);
    let unit = unit.unwrap_or(Unit::Ratio);
    let id_owned = id.to_string();
    let mut ticks_at = vec![lo, 0.0, hi];
    ticks_at.dedup();
    let ticks = ticks_at
        .into_iter()
        .map(|v| {
            let label = format::value(lang, &id_owned, unit, Some(v), "");
            // The ends anchored inwards: a label never passes the drawing's edge.
            let anchor = if (v - lo).abs() < 1e-12 && v != 0.0 {
                "start"
            } else if (v - hi).abs() < 1e-12 && v != 0.0 {
                "end"
            } else {
                "middle"
            };
            view! { <text x=x(v) y=axis_y font-size="11" text-anchor=anchor fill="#5b6475">{label}</text> }
        })
        .collect_view();
    let items = lines
        .iter()
        .zip(&wrapped)
        .zip(&ys)
        .map(|((l, name_lines), &y)| {
            let (v, a, b) = (l.value.unwrap_or(0.0), l.low.unwrap_or(0.0), l.high.unwrap_or(0.0));
            let size = 3.0 + 6.0 * l.weight.unwrap_or(0.0).sqrt();
            let n = name_lines.len() as f64;
            let first = y - (n - 1.0) * line_h / 2.0 + 4.0;
            let spans = name_lines
                .iter()
                .enumerate()
                .map(|(i, text)| {
                    view! { <tspan x="4" y=first + i as f64 * line_h>{text.clone()}</tspan> }
                })
                .collect_view();
            view! {
                <g data-testid=format!("forest-line-{}", l.index)>
                    <title>{l.name.clone()}</title>
                    <text font-size="12" unicode-bidi="isolate">{spans}</text>
                    <line x1=x(a) x2=x(b) y1=y y2=y stroke="#1d2330" stroke-width="1.5" />
                    <rect x=x(v) - size / 2.0 y=y - size / 2.0 width=size height=size fill="#0b5cad" />
                </g>
            }
        })
        .collect_view();
    let diamond = diamond.map(|d| {
        let y = diamond_y;
        let points = format!(
            "{},{} {},{} {},{} {},{}",
            x(d.low),
            y,
            x(d.pooled),
            y - 7.0,
            x(d.high),
            y,
            x(d.pooled),
            y + 7.0
        );
        let prediction = d.prediction.map(|(a, b)| {
            view! {
                <line x1=x(a) x2=x(b) y1=y y2=y stroke="#b35c00" stroke-width="1" data-testid="prediction-line" />
                <line x1=x(a) x2=x(a) y1=y - 4.0 y2=y + 4.0 stroke="#b35c00" stroke-width="1" />
                <line x1=x(b) x2=x(b) y1=y - 4.0 y2=y + 4.0 stroke="#b35c00" stroke-width="1" />
            }
        });
        let label_lines = wrap_name(&d.label);
        let n = label_lines.len() as f64;
        let first = y - (n - 1.0) * line_h / 2.0 + 4.0;
        let spans = label_lines
            .iter()
            .enumerate()
            .map(|(i, text)| view! { <tspan x="4" y=first + i as f64 * line_h>{text.clone()}</tspan> })
            .collect_view();
        view! {
            <g>
                <title>{d.label.clone()}</title>
                <text font-size="12" font-weight="bold">{spans}</text>
                {prediction}
                <polygon points=points fill="#b35c00" data-testid="pooled-diamond" />
            </g>
        }
    });
    let legend = legend.then(|| {
        view! {
            <ul class="forest-legend" data-testid="forest-legend">
                <li><span class="key key-project" aria-hidden="true"></span> {t(lang, "legend.project")}</li>
                <li><span class="key key-diamond" aria-hidden="true"></span> {t(lang, "legend.diamond")}</li>
                <li><span class="key key-prediction" aria-hidden="true"></span> {t(lang, "legend.prediction")}</li>
            </ul>
        }
    });
    view! {
        <svg
            class="forest"
            role="img"
            aria-label=t(lang, "pool.plot")
            viewBox=format!("0 0 {} {}", left + width + 24.0, height)
            width="100%"
            style="max-width: 42rem"
            data-testid="forest-plot"
        >
            <line x1=zero x2=zero y1="4" y2=height - 22.0 stroke="#888" stroke-dasharray="3 3" />
            {items}
            {ticks}
            {diamond}
        </svg>
        {legend}
    }
}
