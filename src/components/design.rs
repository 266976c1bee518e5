//! The design checks at the top of the results (issue 13): one plain sentence per
//! check, the balance at baseline, the firms gone and the trends before the programme
//! (what they say is `cluster_eval_ui::design::section`'s); and, for each comparison
//! with the control group, its evidence level, the cluster caveat and its event-study
//! chart.

use cluster_eval_types::{Horizon, Indicator, Status};
use cluster_eval_ui::design::{
    attrition_heads, caveat_text, event_chart, evidence_text, section, BalanceLine, Section,
};
use leptos::prelude::*;

use crate::components::charts::svg;
use crate::i18n::{t, Lang};
use crate::labels::{status_code, status_key};
use crate::reading::Reading;
use crate::state::AppState;

#[component]
pub fn DesignChecks() -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let results = expect_context::<Reading>().results;
    let empty = Memo::new(move |_| {
        results.with(|r| !r.indicators.iter().any(|i| i.horizon == Horizon::Design))
    });
    view! {
        <section class="card design-checks" id="design-checks" data-testid="design-checks"
            aria-labelledby="design-title" hidden=move || empty.get()>
            <h3 id="design-title">{move || t(lang.get(), "horizon.design")}</h3>
            <p class="hint">{move || t(lang.get(), "horizon.design.hint")}</p>
            <div>{move || {
                let lang = lang.get();
                results.with(|r| section(lang, r)).map(|s| body(lang, s))
            }}</div>
        </section>
    }
}

/// The evidence level of a comparison with the control group, under its value.
pub fn evidence(lang: Lang, i: &Indicator) -> Option<impl IntoView> {
    let level = i.control_reading()?.evidence.code();
    let text = evidence_text(lang, i)?;
    Some(
        view! { <small class="evidence" data-testid="evidence" data-evidence=level>{text}</small> },
    )
}

/// The cluster caveat of a comparison with the control group, where it is read.
pub fn caveat(lang: Lang, i: &Indicator) -> Option<impl IntoView> {
    caveat_text(lang, i)
        .map(|text| view! { <small class="caveat" data-testid="caveat">{text}</small> })
}

/// The event study of a comparison with the control group, the programme's years
/// shaded (built when its "how it was computed" is opened).
#[component]
pub fn EventStudy(indicator: Indicator) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang.get_untracked();
    let (start, end) = state
        .doc
        .with_untracked(|d| (d.project.start_year, d.project.end_year));
    event_chart(lang, &indicator, start, end).map(|svg_chart| {
        view! {
            <figure class="event-study" data-testid="event-study">
                <div>{svg(svg_chart, "chart event-chart")}</div>
                <figcaption class="hint">{t(lang, "design.event_hint")}</figcaption>
            </figure>
        }
    })
}

/// A design check's status as a coloured word: passed or failed (never "met": SPEC,
/// "Verdicts and their words").
fn status(lang: Lang, s: Status) -> impl IntoView {
    let key = match s {
        Status::Met => "verdict.passed",
        Status::NotMet => "verdict.failed",
        other => status_key(other),
    };
    view! { <span class=format!("status {}", status_code(s))>{t(lang, key)}</span> }
}

/// A cell of a value, labelled by its column for the stacked phone layout.
fn cell(label: &'static str, class: &'static str, text: String) -> impl IntoView {
    view! { <td class=class data-label=label>{text}</td> }
}

/// One of the section's tables: its heading, a scrollable region named by it, the
/// table (`indicators <name>`, `data-testid="<name>-table"`) with its header row.
fn table(
    name: &'static str,
    title: &'static str,
    hint: Option<String>,
    heads: &[&'static str],
    body: impl IntoView,
) -> impl IntoView {
    let heading = format!("{name}-title");
    view! {
        <h4 id=heading.clone()>{title}</h4>
        {hint.map(|h| view! { <p class="hint">{h}</p> })}
        <div class="scroll-x" tabindex="0" role="region" aria-labelledby=heading>
            <table class=format!("indicators {name}") data-testid=format!("{name}-table")>
                <thead><tr>
                    {heads.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}
                </tr></thead>
                {body}
            </table>
        </div>
    }
}

fn balance_line(lang: Lang, measure: &'static str, l: BalanceLine) -> impl IntoView {
    let smd_label = t(lang, "design.smd");
    let smd = if l.differs {
        view! {
            <td class="value smd off" data-label=smd_label>
                <span aria-hidden="true">"⚠ "</span>{l.smd}" "
                <span class="differs">{t(lang, "design.differs")}</span>
            </td>
        }
        .into_any()
    } else {
        cell(smd_label, "value smd", l.smd).into_any()
    };
    view! {
        <tr data-testid=format!("balance-{measure}-{}", l.side)
            data-smd=l.smd_value.map(|v| v.to_string()).unwrap_or_default()
            data-differs=l.differs.to_string()>
            <th scope="row">{l.group}</th>
            {cell(t(lang, "design.firms"), "value", l.firms)}
            {cell(t(lang, "design.mean"), "value", l.mean)}
            {cell(t(lang, "design.sd"), "value", l.sd)}
            {smd}
        </tr>
    }
}

/// The body of the section: the sentences, the balance table, the firms gone and the
/// trends before the programme.
fn body(lang: Lang, s: Section) -> impl IntoView {
    let Section {
        sentences,
        balance,
        balance_hint,
        attrition,
        pretrend,
    } = s;
    let sentences = sentences
        .into_iter()
        .map(|s| {
            view! {
                <li data-testid="design-sentence" data-check=s.check data-indicator=s.id
                    data-status=status_code(s.status)>
                    {status(lang, s.status)} " " {s.text}
                </li>
            }
        })
        .collect_view();
    let balance = (!balance.is_empty()).then(|| {
        let rows = balance
            .into_iter()
            .map(|m| {
                let measure = m.measure;
                view! {
                    <tbody>
                        <tr class="measure"><th scope="rowgroup" colspan="5">{m.name}</th></tr>
                        {m.lines.into_iter().map(|l| balance_line(lang, measure, l)).collect_view()}
                    </tbody>
                }
            })
            .collect_view();
        let heads = [
            "design.group",
            "design.firms",
            "design.mean",
            "design.sd",
            "design.smd",
        ]
        .map(|k| t(lang, k));
        table(
            "balance",
            t(lang, "design.balance_title"),
            Some(balance_hint),
            &heads,
            rows,
        )
    });
    let attrition = (!attrition.is_empty()).then(|| {
        let heads = attrition_heads(lang);
        let rows = attrition
            .into_iter()
            .map(|a| {
                let [firms, gone, share, jobs] = a.cells;
                view! {
                    <tr data-testid=format!("attrition-{}", a.group)
                        data-jobs-gone=a.jobs_gone.map(|v| v.to_string()).unwrap_or_default()>
                        <th scope="row">{a.name}</th>
                        {cell(heads[1], "value", firms)}
                        {cell(heads[2], "value", gone)}
                        {cell(heads[3], "value", share)}
                        {cell(heads[4], "value", jobs)}
                    </tr>
                }
            })
            .collect_view();
        table(
            "attrition",
            t(lang, "design.attrition_title"),
            None,
            &heads,
            view! { <tbody>{rows}</tbody> },
        )
    });
    let pretrend = (!pretrend.is_empty()).then(|| {
        let heads = [
            t(lang, "design.measure"),
            t(lang, "design.difference"),
            t(lang, "results.interval"),
            t(lang, "results.status"),
        ];
        let rows = pretrend
            .into_iter()
            .map(|p| {
                view! {
                    <tr data-testid=format!("pretrend-{}", p.measure) data-status=status_code(p.status)>
                        <th scope="row">{p.name}</th>
                        {cell(heads[1], "value", p.difference)}
                        {cell(heads[2], "value", p.interval)}
                        <td data-label=heads[3]>{status(lang, p.status)}</td>
                    </tr>
                }
            })
            .collect_view();
        table(
            "pretrend",
            t(lang, "design.pretrend_title"),
            None,
            &heads,
            view! { <tbody>{rows}</tbody> },
        )
    });
    view! {
        <ul class="design-sentences" data-testid="design-sentences" aria-label=t(lang, "design.sentences")>
            {sentences}
        </ul>
        {balance}
        {attrition}
        {pretrend}
    }
}
