//! Charts as plain SVG geometry (no chart library: a few kilobytes instead of
//! hundreds): each group's year-by-year index, baseline-versus-follow-up bars like the
//! seed's Masaya figure, and the change in each worker group's share (the event study
//! of a comparison with the control group is `design::event_chart`). Lines differ by
//! dash pattern and marker as well as colour, and every chart has a text title.
//!
//! Each chart is a [`Chart`]: its title and a list of [`Shape`]s in drawing order,
//! coordinates rounded to a tenth; the page draws the shapes as `<svg>` elements, one
//! small view per kind of shape, the same for every chart.

use cluster_eval_types::{Family, GrowthDetail, IndicatorId, Results};

use crate::format;
use crate::i18n::{pieces, t, tf, Lang, Piece};
use crate::names::{group_name, indicator_name};

/// How a text is anchored at its `x`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    /// The `text-anchor` value.
    pub fn code(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// One element of a chart.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Line {
        x1: f64,
        y1: f64,
        x2: f64,
        y2: f64,
        stroke: &'static str,
        /// `stroke-width`, `None` for the default (1).
        width: Option<f64>,
        /// `stroke-dasharray`, empty for a solid line.
        dash: &'static str,
    },
    Text {
        x: f64,
        y: f64,
        size: u8,
        anchor: Anchor,
        /// `None` for the default (black).
        fill: Option<&'static str>,
        bold: bool,
        text: String,
    },
    Rect {
        x: f64,
        y: f64,
        width: f64,
        height: f64,
        fill: &'static str,
    },
    Circle {
        x: f64,
        y: f64,
        r: f64,
        fill: &'static str,
        /// A hollow point's outline (width 1.5).
        stroke: Option<&'static str>,
    },
    /// A line through points (`points`: "x,y x,y…").
    Polyline {
        points: String,
        stroke: &'static str,
        dash: &'static str,
    },
    /// A path (`d`), stroked 1.5 wide, not filled.
    Path { d: String, stroke: &'static str },
}

/// A chart: its title (the SVG's accessible name and `<title>`), an optional longer
/// description (`<desc>`), its size and its shapes.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub title: String,
    pub desc: Option<String>,
    pub width: f64,
    pub height: f64,
    pub shapes: Vec<Shape>,
}

impl Chart {
    /// The texts of the chart, in drawing order.
    pub fn texts(&self) -> Vec<&str> {
        self.shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }
}

/// A piece of a visible title: the page's words, or what a person typed (which the
/// page isolates in its own `<bdi>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Run {
    Page(String),
    Typed(String),
}

/// A coordinate rounded to a tenth (what the SVG is written with).
pub fn r1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// A text of the chart.
pub fn text(x: f64, y: f64, size: u8, anchor: Anchor, text: String) -> Shape {
    Shape::Text {
        x: r1(x),
        y: r1(y),
        size,
        anchor,
        fill: None,
        bold: false,
        text,
    }
}

/// A line of the chart.
pub fn line(x1: f64, y1: f64, x2: f64, y2: f64, stroke: &'static str) -> Shape {
    Shape::Line {
        x1: r1(x1),
        y1: r1(y1),
        x2: r1(x2),
        y2: r1(y2),
        stroke,
        width: None,
        dash: "",
    }
}

/// A filled rectangle of the chart.
pub fn rect(x: f64, y: f64, width: f64, height: f64, fill: &'static str) -> Shape {
    Shape::Rect {
        x: r1(x),
        y: r1(y),
        width: r1(width),
        height: r1(height),
        fill,
    }
}

/// A filled point of the chart.
pub fn circle(x: f64, y: f64, r: f64, fill: &'static str) -> Shape {
    Shape::Circle {
        x: r1(x),
        y: r1(y),
        r,
        fill,
        stroke: None,
    }
}

const GROUPS: [(&str, &str, &str, &str); 4] = [
    ("beneficiary", "group.beneficiary", "#0b5cad", ""),
    // In the engine's series `cluster` is the whole cluster K (beneficiaries included).
    ("cluster", "chart.cluster_all", "#1a7f37", "6 3"),
    ("control", "group.control", "#b3261e", "2 3"),
    ("sector", "group.sector", "#5b6475", "8 3 2 3"),
];

/// The measures the index chart can show: (indicator id, the measure's catalogue key).
pub const INDEX_MEASURES: [(&str, &str); 4] = [
    ("long.cluster.sales.growth", "m.sales"),
    ("long.cluster.exports.growth", "m.exports"),
    ("long.cluster.productivity.growth", "m.productivity"),
    ("long.beneficiaries.employment.growth", "m.employment"),
];

fn series(results: &Results, id: &str, group: &str) -> Vec<(f64, f64)> {
    results
        .indicator(id)
        .and_then(|i| i.detail_as::<GrowthDetail>()?.series)
        .map(|series| {
            series
                .of(group)
                .iter()
                .filter_map(|&(year, v)| Some((f64::from(year), v?)))
                .filter(|(_, v)| v.is_finite())
                .collect()
        })
        .unwrap_or_default()
}

/// Year-by-year index (baseline = 100) of each group, for one growth indicator, the
/// programme's years (`start`..=`end`, within the chart's years) shaded.
pub fn index_chart(
    lang: Lang,
    results: &Results,
    id: &str,
    start: Option<i32>,
    end: Option<i32>,
) -> Option<Chart> {
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
    let mut shapes = Vec::new();
    if let (Some(s), Some(e)) = (start, end.or(start)) {
        let (a, b) = (
            px((f64::from(s) - 0.5).max(x0)),
            px((f64::from(e) + 0.5).min(x1)),
        );
        if a < b {
            shapes.push(rect(a, top, b - a, h - top - bottom, "#e3ecf7"));
            shapes.push(Shape::Text {
                x: r1((a + b) / 2.0),
                y: top - 6.0,
                size: 11,
                anchor: Anchor::Middle,
                fill: Some("#35506f"),
                bold: false,
                text: t(lang, "design.event_programme").to_string(),
            });
        }
    }
    for k in 0..=4 {
        let v = y0 + (y1 - y0) * f64::from(k) / 4.0;
        let y = py(v);
        shapes.push(line(left, y, w - right, y, "#d5dae3"));
        shapes.push(text(
            left - 6.0,
            y + 4.0,
            11,
            Anchor::End,
            format::number(lang, v, 0),
        ));
    }
    let years = (x1 - x0) as i64;
    for step in 0..=years {
        let x = x0 + step as f64;
        shapes.push(text(
            px(x),
            h - bottom + 16.0,
            11,
            Anchor::Middle,
            x.to_string(),
        ));
    }
    for (i, ((_, key, colour, dash), points)) in lines.iter().enumerate() {
        let path: Vec<String> = points
            .iter()
            .map(|(x, y)| format!("{:.1},{:.1}", px(*x), py(*y)))
            .collect();
        shapes.push(Shape::Polyline {
            points: path.join(" "),
            stroke: colour,
            dash,
        });
        for (x, y) in points {
            shapes.push(circle(px(*x), py(*y), 3.0, colour));
        }
        let ly = top + 16.0 + i as f64 * 20.0;
        let last = points.last().map(|p| p.1).unwrap_or(100.0);
        shapes.push(Shape::Line {
            x1: w - right + 10.0,
            y1: ly,
            x2: w - right + 36.0,
            y2: ly,
            stroke: colour,
            width: Some(2.5),
            dash,
        });
        shapes.push(text(
            w - right + 40.0,
            ly + 4.0,
            12,
            Anchor::Start,
            format!("{} ({})", t(lang, key), format::number(lang, last, 0)),
        ));
    }
    Some(Chart {
        title: tf(
            lang,
            "chart.index_title",
            &[("name", indicator_name(lang, id))],
        ),
        desc: None,
        width: w,
        height: h,
        shapes,
    })
}

/// Average per firm in the baseline and the follow-up year (the seed's Masaya
/// figure), and its visible title with the currency as typed set apart.
pub fn bars_chart(lang: Lang, results: &Results, currency: &str) -> Option<(Chart, Vec<Run>)> {
    let measures = [
        ("long.cluster.sales.growth", "m.sales"),
        ("long.cluster.exports.growth", "m.exports"),
        ("long.beneficiaries.employment.growth", "m.employment"),
    ];
    let bars: Vec<(&str, f64, f64)> = measures
        .iter()
        .filter_map(|(id, key)| {
            let d = results.indicator(id)?.detail_as::<GrowthDetail>()?;
            Some((*key, d.mean_b?, d.mean_f?))
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
    let args = [
        ("b", b_year.to_string()),
        ("f", f_year.to_string()),
        ("currency", currency.to_string()),
    ];
    let mut shapes = Vec::new();
    for (i, (key, b, f)) in bars.iter().enumerate() {
        let max = b.max(*f).max(f64::MIN_POSITIVE);
        let y = top + row * i as f64;
        shapes.push(text(0.0, y + 26.0, 12, Anchor::Start, t(lang, key).into()));
        for (j, (year, v, colour)) in [(b_year, *b, "#9fb8d6"), (f_year, *f, "#0b5cad")]
            .iter()
            .enumerate()
        {
            let by = y + 6.0 + j as f64 * 24.0;
            let len = (v / max).max(0.0) * bar_w;
            shapes.push(rect(label_w, by, len, 20.0, colour));
            shapes.push(text(
                label_w + len + 6.0,
                by + 15.0,
                12,
                Anchor::Start,
                format!("{year}: {}", format::number(lang, *v, 0)),
            ));
        }
    }
    let runs = pieces(t(lang, "chart.bars_title"))
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(s) => Run::Page(s.to_string()),
            Piece::Slot("currency") => Run::Typed(currency.to_string()),
            Piece::Slot(slot) => Run::Page(
                args.iter()
                    .find(|(name, _)| *name == slot)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default(),
            ),
        })
        .collect();
    let chart = Chart {
        title: tf(lang, "chart.bars_title", &args),
        desc: None,
        width: w,
        height: h,
        shapes,
    };
    Some((chart, runs))
}

/// Change in each worker group's share of employment, with the loser threshold.
pub fn shares_chart(lang: Lang, results: &Results, threshold: f64) -> Option<Chart> {
    let rows: Vec<(String, f64)> = results
        .indicators
        .iter()
        .filter_map(|i| match IndicatorId::parse(&i.id).family() {
            Family::WorkerShare(group) => Some((group_name(lang, "workers", group), i.value?)),
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
    let tx = zero - threshold * scale;
    let mut shapes = vec![
        line(zero, top, zero, h - 20.0, "#1d2330"),
        Shape::Line {
            x1: r1(tx),
            y1: top,
            x2: r1(tx),
            y2: r1(h - 20.0),
            stroke: "#b3261e",
            width: None,
            dash: "4 3",
        },
        Shape::Text {
            x: r1(tx),
            y: r1(h - 6.0),
            size: 11,
            anchor: Anchor::Middle,
            fill: Some("#b3261e"),
            bold: false,
            text: format!("−{}", format::points(lang, threshold).replace('+', "")),
        },
    ];
    for (i, (name, v)) in rows.into_iter().enumerate() {
        let y = top + row * i as f64;
        let len = v * scale;
        let (x, width) = if len >= 0.0 {
            (zero, len)
        } else {
            (zero + len, -len)
        };
        let loses = v < -threshold;
        let colour = if loses { "#b3261e" } else { "#1a7f37" };
        let mark = if loses { " ▼" } else { "" };
        shapes.push(text(0.0, y + 13.0, 12, Anchor::Start, name));
        shapes.push(rect(x, y + 1.0, width, 16.0, colour));
        shapes.push(text(
            zero + mid_w.min(len.max(0.0)) + 6.0,
            y + 13.0,
            12,
            Anchor::Start,
            format!("{}{mark}", format::points(lang, v)),
        ));
    }
    Some(Chart {
        title: t(lang, "chart.shares_title").to_string(),
        desc: None,
        width: w,
        height: h,
        shapes,
    })
}
