//! The design checks as a programme officer reads them (SPEC "Design checks"): the
//! balance at baseline side by side, the firms gone by group, one plain sentence per
//! check, and, for every comparison with the control group, its evidence level, the
//! cluster caveat and the event-study chart (its geometry, [`Chart`]). Pure: the page
//! draws these as views, and `ui/tests/design.rs` tests them natively.

use cluster_eval_types::{AttritionCounts, BalanceDetail, Indicator, Message, Results, Status};

use crate::charts::{circle, line, r1, rect, text, Anchor, Chart, Shape};
use crate::format::{number, points};
use crate::i18n::{t, tf, Lang};
use crate::notes::message_text;

/// The balance measures, in the engine's order.
pub const MEASURES: [&str; 4] = ["sales", "employment", "exports", "productivity"];

/// A standardised difference above this (in absolute value) marks the groups as
/// different at baseline.
pub const SMD_LIMIT: f64 = 0.25;

/// One side of a balance comparison at baseline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stats {
    pub n: f64,
    pub mean: f64,
    pub sd: f64,
}

/// One measure of the balance table: each side's numbers and both differences.
#[derive(Debug, Clone, PartialEq)]
pub struct BalanceRow {
    pub measure: &'static str,
    pub beneficiaries: Option<Stats>,
    pub cluster: Option<Stats>,
    pub control: Option<Stats>,
    pub smd_beneficiaries: Option<f64>,
    pub smd_cluster: Option<f64>,
}

/// True when a standardised difference marks the groups as different.
pub fn differs(smd: f64) -> bool {
    smd.abs() > SMD_LIMIT
}

fn stats(indicator: &Indicator, side: &str) -> Option<Stats> {
    let detail = indicator.detail_as::<BalanceDetail>()?;
    let g = detail.groups.side(side)?;
    let mean = g.mean?;
    mean.is_finite().then_some(Stats {
        n: g.n as f64,
        mean,
        sd: g.sd.unwrap_or(f64::NAN),
    })
}

/// The balance table: one row per measure the results have.
pub fn balance(results: &Results) -> Vec<BalanceRow> {
    MEASURES
        .iter()
        .filter_map(|&measure| {
            let b = results.indicator(&format!("design.balance.beneficiaries.{measure}"));
            let k = results.indicator(&format!("design.balance.cluster.{measure}"));
            if b.is_none() && k.is_none() {
                return None;
            }
            let control = b
                .and_then(|i| stats(i, "control"))
                .or_else(|| k.and_then(|i| stats(i, "control")));
            Some(BalanceRow {
                measure,
                beneficiaries: b.and_then(|i| stats(i, "beneficiary")),
                cluster: k.and_then(|i| stats(i, "cluster")),
                control,
                smd_beneficiaries: b.and_then(|i| i.value).filter(|v| v.is_finite()),
                smd_cluster: k.and_then(|i| i.value).filter(|v| v.is_finite()),
            })
        })
        .collect()
}

/// A mean or deviation of a balance measure, at the precision its size asks for.
pub fn level(lang: Lang, measure: &str, v: f64) -> String {
    let decimals = match measure {
        "productivity" => 2,
        "employment" => 1,
        _ => 0,
    };
    number(lang, v, decimals)
}

/// A standardised difference as shown ("0.48 SD").
pub fn smd_text(lang: Lang, v: f64) -> String {
    format!("{}\u{a0}{}", number(lang, v, 2), t(lang, "design.sd"))
}

/// One group's firms gone by the follow-up.
#[derive(Debug, Clone, PartialEq)]
pub struct Attrition {
    /// `beneficiary` or `control`.
    pub group: &'static str,
    pub id: &'static str,
    pub firms_b: Option<f64>,
    pub gone: Option<f64>,
    pub share: Option<f64>,
    /// Employment in the baseline year of the firms gone.
    pub jobs_gone: Option<f64>,
}

/// The firms gone of an attrition check (or of the jobs in firms gone).
fn counts(indicator: &Indicator) -> Option<AttritionCounts> {
    indicator.detail_as()
}

/// The attrition table: beneficiaries and control firms.
pub fn attrition(results: &Results) -> Vec<Attrition> {
    [
        ("beneficiary", "design.attrition.beneficiaries"),
        ("control", "design.attrition.control"),
    ]
    .into_iter()
    .filter_map(|(group, id)| {
        let i = results.indicator(id)?;
        let c = counts(i);
        Some(Attrition {
            group,
            id,
            firms_b: c.map(|c| c.firms_b as f64),
            gone: c.map(|c| c.gone as f64),
            share: i.value.filter(|v| v.is_finite()),
            jobs_gone: c.and_then(|c| c.employment_b_gone),
        })
    })
    .collect()
}

/// One plain sentence about one check.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// `balance`, `pretrend`, `attrition` or `exited`.
    pub check: &'static str,
    /// The indicator the sentence is about (the first not met, where several are).
    pub id: String,
    pub status: Status,
    pub text: String,
}

fn measure_word(lang: Lang, measure: &str) -> String {
    let key = match measure {
        "sales" => "m.sales",
        "employment" => "m.employment",
        "exports" => "m.exports",
        "productivity" => "m.productivity",
        _ => return measure.to_string(),
    };
    t(lang, key).to_lowercase()
}

/// "a", "a and b", "a, b and c" in the reader's language.
fn list(lang: Lang, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), t(lang, "design.and")),
    }
}

/// A year of the detail as shown, `—` without it.
fn year_text(year: Option<i32>) -> String {
    year.map(|y| y.to_string()).unwrap_or_else(|| "—".into())
}

/// A share difference in points without a sign ("3.2").
fn pts(lang: Lang, v: f64) -> String {
    number(lang, v.abs() * 100.0, 1)
}

fn whole(lang: Lang, v: f64) -> String {
    number(lang, v, if v.fract() == 0.0 { 0 } else { 1 })
}

fn balance_sentence(lang: Lang, results: &Results, group: &str) -> Option<Sentence> {
    let ids: Vec<String> = MEASURES
        .iter()
        .map(|m| format!("design.balance.{group}.{m}"))
        .collect();
    let present: Vec<&Indicator> = ids.iter().filter_map(|id| results.indicator(id)).collect();
    let first = present.first()?;
    let who = t(
        lang,
        if group == "cluster" {
            "design.to_cluster"
        } else {
            "design.to_beneficiaries"
        },
    )
    .to_string();
    let decided: Vec<&&Indicator> = present
        .iter()
        .filter(|i| matches!(i.status, Status::Met | Status::NotMet) && i.value.is_some())
        .collect();
    if decided.is_empty() {
        return Some(Sentence {
            check: "balance",
            id: first.id.clone(),
            status: Status::InsufficientData,
            text: tf(lang, "design.balance_unknown", &[("group", who)]),
        });
    }
    let off: Vec<&&&Indicator> = decided
        .iter()
        .filter(|i| i.status == Status::NotMet)
        .collect();
    let measure_of = |i: &Indicator| {
        let m = i.id.rsplit('.').next().unwrap_or("");
        measure_word(lang, m)
    };
    let total = decided.len();
    let (key, id, status) = match off.first() {
        None => ("design.balance_all", first.id.clone(), Status::Met),
        Some(o) if off.len() == total => ("design.balance_none", o.id.clone(), Status::NotMet),
        Some(o) => ("design.balance_some", o.id.clone(), Status::NotMet),
    };
    let differed: Vec<String> = off.iter().map(|i| measure_of(i)).collect();
    let all: Vec<String> = decided.iter().map(|i| measure_of(i)).collect();
    let text = tf(
        lang,
        key,
        &[
            ("group", who),
            ("similar", (total - off.len()).to_string()),
            ("total", total.to_string()),
            (
                "measures",
                list(lang, if off.is_empty() { &all } else { &differed }),
            ),
        ],
    );
    Some(Sentence {
        check: "balance",
        id,
        status,
        text,
    })
}

fn pretrend_sentence(lang: Lang, i: &Indicator) -> Sentence {
    let measure = measure_word(lang, i.id.rsplit('.').next().unwrap_or(""));
    let years = i.detail_years();
    let span = format!(
        "{}→{}",
        year_text(years.pre_year),
        year_text(years.baseline_year)
    );
    let mut args = vec![("measure", measure), ("span", span)];
    let key = match (i.status, i.value, i.ci) {
        (Status::Met | Status::NotMet, Some(v), Some([low, high])) => {
            args.push(("diff", points(lang, v)));
            args.push(("low", points(lang, low)));
            args.push(("high", points(lang, high)));
            if i.status == Status::Met {
                "design.pretrend_parallel"
            } else {
                "design.pretrend_diverging"
            }
        }
        (_, Some(v), _) => {
            args.push(("diff", points(lang, v)));
            "design.pretrend_no_interval"
        }
        _ => {
            let reason = crate::notes::note_text(lang, i.note.as_ref(), &i.message);
            args.push(("reason", reason));
            "design.pretrend_unknown"
        }
    };
    Sentence {
        check: "pretrend",
        id: i.id.clone(),
        status: i.status,
        text: tf(lang, key, &args),
    }
}

fn attrition_sentence(lang: Lang, results: &Results) -> Option<Sentence> {
    let diff = results.indicator("design.attrition.differential")?;
    let b = results.indicator("design.attrition.beneficiaries");
    let c = results.indicator("design.attrition.control");
    let (b, c) = (b.and_then(counts), c.and_then(counts));
    let (Some(b), Some(c), Some(v)) = (b, c, diff.value.filter(|v| v.is_finite())) else {
        return Some(Sentence {
            check: "attrition",
            id: diff.id.clone(),
            status: diff.status,
            text: t(lang, "design.attrition_unknown").to_string(),
        });
    };
    let (gone_b, firms_b) = (b.gone as f64, b.firms_b as f64);
    let (gone_c, firms_c) = (c.gone as f64, c.firms_b as f64);
    let key = if gone_b == 0.0 && gone_c == 0.0 {
        "design.attrition_none"
    } else if diff.status == Status::NotMet {
        "design.attrition_different"
    } else {
        "design.attrition_similar"
    };
    let text = tf(
        lang,
        key,
        &[
            ("gone_b", whole(lang, gone_b)),
            ("firms_b", whole(lang, firms_b)),
            ("gone_c", whole(lang, gone_c)),
            ("firms_c", whole(lang, firms_c)),
            ("diff", pts(lang, v)),
            ("f", year_text(diff.detail_years().followup_year)),
        ],
    );
    Some(Sentence {
        check: "attrition",
        id: diff.id.clone(),
        status: diff.status,
        text,
    })
}

fn exited_sentence(lang: Lang, results: &Results) -> Option<Sentence> {
    let i = results.indicator("pro_poor.exited_firms_jobs")?;
    let jobs = i.value.filter(|v| v.is_finite())?;
    let gone = counts(i).map_or(0.0, |c| c.gone as f64);
    let years = i.detail_years();
    let key = if gone == 0.0 {
        "design.exited_none"
    } else if gone == 1.0 {
        "design.exited_one"
    } else {
        "design.exited"
    };
    let text = tf(
        lang,
        key,
        &[
            ("gone", whole(lang, gone)),
            ("jobs", whole(lang, jobs)),
            ("b", year_text(years.baseline_year)),
            ("f", year_text(years.followup_year)),
        ],
    );
    Some(Sentence {
        check: "exited",
        id: i.id.clone(),
        status: i.status,
        text,
    })
}

/// One plain sentence per check, in the order of the section: balance of the
/// beneficiaries and of the whole cluster, the trends before the programme, the firms
/// gone, the jobs in the beneficiary firms gone.
pub fn sentences(lang: Lang, results: &Results) -> Vec<Sentence> {
    let mut out = Vec::new();
    out.extend(balance_sentence(lang, results, "beneficiaries"));
    out.extend(balance_sentence(lang, results, "cluster"));
    let pretrends: Vec<&Indicator> = ["sales", "employment"]
        .iter()
        .filter_map(|m| results.indicator(&format!("design.pretrend.{m}")))
        .collect();
    // Without a year before the baseline, one sentence says so for both measures.
    let no_pre_year = |i: &&Indicator| matches!(i.note, Some(Message::PretrendNoPreYear { .. }));
    if !pretrends.is_empty() && pretrends.iter().all(no_pre_year) {
        let i = pretrends[0];
        out.push(Sentence {
            check: "pretrend",
            id: i.id.clone(),
            status: i.status,
            text: tf(
                lang,
                "design.pretrend_no_year",
                &[("b", year_text(i.detail_years().baseline_year))],
            ),
        });
    } else {
        out.extend(pretrends.into_iter().map(|i| pretrend_sentence(lang, i)));
    }
    out.extend(attrition_sentence(lang, results));
    out.extend(exited_sentence(lang, results));
    out
}

/// "Evidence: weak (fewer than 10 firms on a side)", for a comparison that has one.
pub fn evidence_text(lang: Lang, indicator: &Indicator) -> Option<String> {
    let level = indicator.control_reading()?.evidence.code();
    Some(tf(
        lang,
        "design.evidence",
        &[("level", crate::detail_names::value(lang, level))],
    ))
}

/// The cluster caveat of a comparison with the control group, as a sentence.
pub fn caveat_text(lang: Lang, indicator: &Indicator) -> Option<String> {
    let message = indicator.control_reading()?.caveat;
    let text = message_text(lang, &message);
    let mut chars = text.chars();
    let first = chars.next()?;
    Some(format!(
        "{}{}.",
        first.to_uppercase(),
        chars.as_str().trim_end_matches('.')
    ))
}

/// One year of an event study: the comparison over b→t and its interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EventPoint {
    pub year: i32,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
}

/// The event study of a comparison with the control group (`detail.event`).
pub fn event_points(indicator: &Indicator) -> Vec<EventPoint> {
    let finite = |v: Option<f64>| v.filter(|v| v.is_finite());
    indicator
        .event_years()
        .into_iter()
        .filter(|p| p.value().is_finite())
        .map(|p| EventPoint {
            year: p.year(),
            value: p.value(),
            low: finite(p.low()),
            high: finite(p.high()),
        })
        .collect()
}

/// The event-study chart of a comparison with the control group: one point and
/// whisker (its 95% interval) per year, a line at 0, the baseline year as the hollow
/// reference point, and the programme's years (`start`..=`end`) shaded. `None` when
/// the comparison has no event study.
pub fn event_chart(
    lang: Lang,
    indicator: &Indicator,
    start: Option<i32>,
    end: Option<i32>,
) -> Option<Chart> {
    let events = event_points(indicator);
    if events.is_empty() {
        return None;
    }
    let baseline = indicator.detail_years().baseline_year;
    // Narrow, so that its text stays legible where the chart is shown small (the
    // indicator column of the results).
    let (w, h, left, right, top, bottom) = (380.0, 230.0, 58.0, 8.0, 34.0, 30.0);
    let mut x0 = events.iter().map(|p| p.year).min()?;
    let mut x1 = events.iter().map(|p| p.year).max()?;
    if let Some(b) = baseline {
        x0 = x0.min(b);
        x1 = x1.max(b);
    }
    let (lo, hi) = events.iter().fold((0.0f64, 0.0f64), |(lo, hi), p| {
        (
            lo.min(p.value).min(p.low.unwrap_or(p.value)),
            hi.max(p.value).max(p.high.unwrap_or(p.value)),
        )
    });
    // Ticks at a round step (1, 2 or 5 times a power of ten, in points).
    let raw = ((hi - lo) / 4.0).max(0.001);
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let (y0, y1) = ((lo / step).floor() * step, (hi / step).ceil() * step);
    let ticks = ((y1 - y0) / step).round() as i32;
    let span = f64::from((x1 - x0).max(1));
    let px = |x: f64| left + 14.0 + (x - f64::from(x0)) / span * (w - left - right - 28.0);
    let py = |y: f64| top + (y1 - y) / (y1 - y0) * (h - top - bottom);
    let title = tf(
        lang,
        "design.event_title",
        &[("name", crate::names::indicator_name(lang, &indicator.id))],
    );
    let mut desc: Vec<String> = events
        .iter()
        .map(|p| match (p.low, p.high) {
            (Some(l), Some(u)) => format!(
                "{}: {} ({} … {})",
                p.year,
                points(lang, p.value),
                points(lang, l),
                points(lang, u)
            ),
            _ => format!("{}: {}", p.year, points(lang, p.value)),
        })
        .collect();
    if let Some(b) = baseline {
        desc.insert(
            0,
            tf(lang, "design.event_reference", &[("b", b.to_string())]),
        );
    }
    // The row above names the comparison: the chart's visible title stays short.
    let mut shapes = vec![Shape::Text {
        x: 0.0,
        y: 16.0,
        size: 13,
        anchor: Anchor::Start,
        fill: None,
        bold: true,
        text: t(lang, "design.event_heading").to_string(),
    }];
    // The programme's years, shaded.
    if let (Some(s), Some(e)) = (start, end.or(start)) {
        let (s, e) = (s.max(x0), e.min(x1));
        if s <= e {
            let (a, b) = (px(f64::from(s) - 0.4), px(f64::from(e) + 0.4));
            shapes.push(rect(a, top, b - a, h - top - bottom, "#e3ecf7"));
            shapes.push(Shape::Text {
                x: r1((a + b) / 2.0),
                y: top + 12.0,
                size: 12,
                anchor: Anchor::Middle,
                fill: Some("#35506f"),
                bold: false,
                text: t(lang, "design.event_programme").to_string(),
            });
        }
    }
    let decimals = if step * 100.0 >= 1.0 { 0 } else { 1 };
    for k in 0..=ticks {
        let v = y0 + step * f64::from(k);
        let y = py(v);
        shapes.push(line(left, y, w - right, y, "#e4e7ee"));
        shapes.push(text(
            left - 6.0,
            y + 4.0,
            12,
            Anchor::End,
            format!(
                "{}{}\u{a0}pp",
                if v > step / 2.0 { "+" } else { "" },
                number(lang, v * 100.0, decimals)
            ),
        ));
    }
    let zero = py(0.0);
    shapes.push(Shape::Line {
        x1: left,
        y1: r1(zero),
        x2: w - right,
        y2: r1(zero),
        stroke: "#1d2330",
        width: Some(1.2),
        dash: "",
    });
    let every = if x1 - x0 > 10 { 2 } else { 1 };
    for year in (x0..=x1).filter(|y| (y - x0) % every == 0) {
        shapes.push(text(
            px(f64::from(year)),
            h - bottom + 16.0,
            12,
            Anchor::Middle,
            year.to_string(),
        ));
    }
    for p in &events {
        let x = px(f64::from(p.year));
        if let (Some(l), Some(u)) = (p.low, p.high) {
            let (yl, yu) = (py(l), py(u));
            shapes.push(Shape::Path {
                d: format!(
                    "M{x:.1} {yl:.1}V{yu:.1}M{:.1} {yl:.1}h8M{:.1} {yu:.1}h8",
                    x - 4.0,
                    x - 4.0
                ),
                stroke: "#0b5cad",
            });
        }
        shapes.push(circle(x, py(p.value), 4.0, "#0b5cad"));
    }
    if let Some(b) = baseline {
        shapes.push(Shape::Circle {
            x: r1(px(f64::from(b))),
            y: r1(zero),
            r: 4.0,
            fill: "#fff",
            stroke: Some("#0b5cad"),
        });
    }
    Some(Chart {
        title,
        desc: Some(desc.join("; ")),
        width: w,
        height: h,
        shapes,
    })
}

/// One group's line of the balance table, for one measure, as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct BalanceLine {
    /// `beneficiaries`, `cluster` or `control` (`data-testid="balance-<measure>-<side>"`).
    pub side: &'static str,
    /// The group's name.
    pub group: &'static str,
    pub firms: String,
    pub mean: String,
    pub sd: String,
    /// The standardised difference as shown ("0.48\u{a0}SD"; "—" for the control group).
    pub smd: String,
    /// Its value, unrounded (`data-smd`).
    pub smd_value: Option<f64>,
    /// Past [`SMD_LIMIT`]: the groups differ.
    pub differs: bool,
}

/// One measure of the balance table: its name and its three lines.
#[derive(Debug, Clone, PartialEq)]
pub struct BalanceMeasure {
    pub measure: &'static str,
    pub name: &'static str,
    pub lines: Vec<BalanceLine>,
}

/// One group's line of the firms-gone table: its cells in the order of
/// [`attrition_heads`] after the group's name.
#[derive(Debug, Clone, PartialEq)]
pub struct AttritionLine {
    /// `beneficiary` or `control`.
    pub group: &'static str,
    pub name: &'static str,
    /// Employment at baseline of the firms gone, unrounded (`data-jobs-gone`).
    pub jobs_gone: Option<f64>,
    pub cells: [String; 4],
}

/// One measure of the table of trends before the programme.
#[derive(Debug, Clone, PartialEq)]
pub struct PretrendLine {
    /// `sales` or `employment`.
    pub measure: &'static str,
    pub status: Status,
    /// The measure and the years compared ("Sales (2016→2018)").
    pub name: String,
    pub difference: String,
    pub interval: String,
}

/// The body of the "Design checks" section, as the page lays it out: the sentences,
/// the balance table (and its hint), the firms gone and the trends before the
/// programme; each table empty when the results lack it.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub sentences: Vec<Sentence>,
    pub balance: Vec<BalanceMeasure>,
    pub balance_hint: String,
    pub attrition: Vec<AttritionLine>,
    pub pretrend: Vec<PretrendLine>,
}

fn measure_key(measure: &str) -> &'static str {
    match measure {
        "sales" => "m.sales",
        "employment" => "m.employment",
        "exports" => "m.exports",
        _ => "m.productivity",
    }
}

fn or_dash(v: Option<f64>, f: impl Fn(f64) -> String) -> String {
    v.map(f).unwrap_or_else(|| "—".into())
}

fn balance_lines(lang: Lang, row: &BalanceRow) -> Vec<BalanceLine> {
    [
        (
            "beneficiaries",
            "design.g.beneficiaries",
            row.beneficiaries,
            row.smd_beneficiaries,
        ),
        ("cluster", "design.g.cluster", row.cluster, row.smd_cluster),
        ("control", "design.g.control", row.control, None),
    ]
    .into_iter()
    .map(|(side, key, stats, value)| {
        let (firms, mean, sd) = match stats {
            Some(st) => (
                whole(lang, st.n),
                level(lang, row.measure, st.mean),
                level(lang, row.measure, st.sd),
            ),
            None => ("—".into(), "—".into(), "—".into()),
        };
        BalanceLine {
            side,
            group: t(lang, key),
            firms,
            mean,
            sd,
            smd: or_dash(value, |v| smd_text(lang, v)),
            smd_value: value,
            differs: value.is_some_and(differs),
        }
    })
    .collect()
}

/// The "Design checks" section; `None` when the results have no design check.
pub fn section(lang: Lang, results: &Results) -> Option<Section> {
    let said = sentences(lang, results);
    if said.is_empty() {
        return None;
    }
    let balance = balance(results)
        .iter()
        .map(|row| BalanceMeasure {
            measure: row.measure,
            name: t(lang, measure_key(row.measure)),
            lines: balance_lines(lang, row),
        })
        .collect();
    let b = results
        .baseline_year
        .map(|y| y.to_string())
        .unwrap_or_default();
    let attrition = attrition(results)
        .into_iter()
        .map(|a| AttritionLine {
            group: a.group,
            name: t(
                lang,
                if a.group == "control" {
                    "design.g.control"
                } else {
                    "design.g.beneficiaries"
                },
            ),
            jobs_gone: a.jobs_gone,
            cells: [
                or_dash(a.firms_b, |v| whole(lang, v)),
                or_dash(a.gone, |v| whole(lang, v)),
                or_dash(a.share, |v| crate::format::percent(lang, v)),
                or_dash(a.jobs_gone, |v| whole(lang, v)),
            ],
        })
        .collect();
    let pretrend = ["sales", "employment"]
        .into_iter()
        .filter_map(|measure| {
            let i = results.indicator(&format!("design.pretrend.{measure}"))?;
            let years = i.detail_years();
            let span = match (years.pre_year, years.baseline_year) {
                (Some(p), Some(b)) => format!(" ({p}→{b})"),
                _ => String::new(),
            };
            Some(PretrendLine {
                measure,
                status: i.status,
                name: format!("{}{span}", t(lang, measure_key(measure))),
                difference: or_dash(i.value, |v| points(lang, v)),
                interval: i
                    .ci
                    .map(|[l, h]| format!("{} … {}", points(lang, l), points(lang, h)))
                    .unwrap_or_else(|| "—".into()),
            })
        })
        .collect();
    Some(Section {
        sentences: said,
        balance,
        balance_hint: tf(lang, "design.balance_hint", &[("b", b)]),
        attrition,
        pretrend,
    })
}

/// The attrition table's column titles (the page's section and the results workbook).
pub fn attrition_heads(lang: Lang) -> [&'static str; 5] {
    [
        t(lang, "design.group"),
        t(lang, "design.firms_b"),
        t(lang, "design.gone"),
        t(lang, "design.share_gone"),
        t(lang, "design.jobs_gone"),
    ]
}
