//! The results, grouped by horizon: value in the reader's locale, status in words and
//! colour, interval, `n`, the message when data are insufficient, a target to set, and
//! a "how it was computed" disclosure with the formula and the actual numbers.

use cluster_eval_types::{Horizon, Indicator, Unit};
use leptos::prelude::*;

use crate::components::typed::TypedText;

use crate::components::charts::{Charts, SharesChart};
use crate::components::decimal_check::DecimalChecks;
use crate::components::design::{caveat, evidence, DesignChecks};
use crate::components::execution::ExecutionTable;
use crate::components::how::HowComputed;
use crate::components::report::{PrintedEventStudy, Summary};
use crate::components::screening::ScreeningTable;
use crate::components::winners::WinnersLosers;
use crate::fields::{parse_number, shown_while_typing};
use crate::format;
use crate::i18n::{t, Lang};
use crate::labels::{horizon_hint_key, horizon_key, status_code, target_in_percent};
use crate::names::indicator_name;
use crate::notes::{note_text, warning_text};
use crate::reading::Reading;
use crate::state::AppState;
use crate::verdict::{verdict, verdict_text};

#[component]
pub fn ResultsView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let reading = expect_context::<Reading>();
    let results = reading.results;
    let computing = reading.computing;
    let lang = state.lang;
    view! {
        <section class="results" data-testid="results" aria-labelledby="results-title"
            aria-busy=move || computing.get().to_string()
            data-calculated-in=move || reading.calculated_in.get()
            data-current=move || reading.current.get().to_string()>
            <h2 id="results-title">{move || t(lang.get(), "results.title")}</h2>
            <DecimalChecks />
            <p class="notice computing" role="status" data-testid="computing" hidden=move || !computing.get()>
                {move || t(lang.get(), "results.computing")}
            </p>
            {move || reading.stopped.get().map(|reason| view! {
                <p class="notice problem" role="alert" data-testid="calculation-stopped">
                    {t(lang.get(), "results.stopped")} " "
                    <small>"(" <bdi>{reason}</bdi> ")"</small>
                </p>
            })}
            <Summary />
            <p class="hint" data-testid="results-years">
                {move || results.with(|r| match (r.baseline_year, r.followup_year) {
                    (Some(b), Some(f)) => crate::i18n::tf(lang.get(), "results.years", &[("b", b.to_string()), ("f", f.to_string())]),
                    _ => String::new(),
                })}
            </p>
            <div class="warnings" data-testid="warnings">
                {move || {
                    let lang = lang.get();
                    results.with(|r| r.warnings.iter().map(|w| view! {
                        <p class="notice warning" data-testid="warning" data-code=w.note.code().to_string()>{warning_text(lang, w)}</p>
                    }).collect_view())
                }}
            </div>
            <DesignChecks />
            <h3 id="details" class="details-title">{move || t(lang.get(), "results.details")}</h3>
            {[Horizon::Design, Horizon::Long, Horizon::Medium, Horizon::Short, Horizon::ProPoor, Horizon::Screening]
                .into_iter()
                .map(|h| view! { <HorizonTable horizon=h /> })
                .collect_view()}
            <PovertyImpactTags />
            <WinnersLosers />
        </section>
    }
}

/// The footnote-19 cluster types set on the project: "direct poverty-impact potential".
#[component]
fn PovertyImpactTags() -> impl IntoView {
    let state = expect_context::<AppState>();
    let results = expect_context::<Reading>().results;
    let lang = state.lang;
    view! {
        <p class="card poverty-tags" data-testid="poverty-impact">
            <strong>{move || t(lang.get(), "results.poverty_potential")}</strong>
            " "
            {move || {
                let lang = lang.get();
                results.with(|r| {
                    if r.poverty_impact_tags.is_empty() {
                        t(lang, "results.poverty_none").to_string()
                    } else {
                        r.poverty_impact_tags
                            .iter()
                            .map(|tag| crate::names::tag_name(lang, tag))
                            .collect::<Vec<_>>()
                            .join(" · ")
                    }
                })
            }}
        </p>
    }
}

#[component]
fn HorizonTable(horizon: Horizon) -> impl IntoView {
    let state = expect_context::<AppState>();
    let results = expect_context::<Reading>().results;
    let lang = state.lang;
    let ids = Memo::new(move |_| {
        results.with(|r| {
            r.indicators
                .iter()
                .filter(|i| i.horizon == horizon)
                .map(|i| i.id.clone())
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="card horizon" id=format!("horizon-{}", cluster_eval_ui::summary::horizon_code_of(horizon))>
            <h3>{move || t(lang.get(), horizon_key(horizon))}</h3>
            <p class="hint">{move || t(lang.get(), horizon_hint_key(horizon))}</p>
            <div class="scroll-x" tabindex="0">
                <table class="indicators">
                    <thead>
                        <tr>
                            <th scope="col">{move || t(lang.get(), "results.indicator")}</th>
                            <th scope="col">{move || t(lang.get(), "results.value")}</th>
                            <th scope="col">{move || t(lang.get(), "results.status")}</th>
                            <th scope="col">{move || t(lang.get(), "results.interval")}</th>
                            <th scope="col">"n"</th>
                            <th scope="col" class="no-print">{move || t(lang.get(), "results.target")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || ids.get() key=|id| id.clone() let:id>
                            <IndicatorRow id=id />
                        </For>
                    </tbody>
                </table>
            </div>
            // Charts beside the indicators they illustrate.
            {match horizon {
                Horizon::Long => Some(view! { <Charts /> <PrintedEventStudy /> }.into_any()),
                Horizon::Short => Some(view! { <ExecutionTable /> }.into_any()),
                Horizon::ProPoor => Some(view! { <SharesChart /> }.into_any()),
                Horizon::Screening => Some(view! { <ScreeningTable /> }.into_any()),
                _ => None,
            }}
        </section>
    }
}

#[component]
fn IndicatorRow(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let results = expect_context::<Reading>().results;
    let lang = state.lang;
    let id_for_memo = id.clone();
    let indicator = Memo::new(move |_| results.with(|r| r.indicator(&id_for_memo).cloned()));
    move || {
        let lang = lang.get();
        let currency = state.doc.with(|d| d.project.currency.clone());
        indicator
            .get()
            .map(|i| indicator_row(state, lang, &currency, i))
    }
}

fn indicator_row(state: AppState, lang: Lang, currency: &str, i: Indicator) -> impl IntoView {
    let raw_value = i
        .value
        .map(|v| serde_json::Value::from(v).to_string())
        .unwrap_or_default();
    let status = status_code(i.status);
    let value_text = format::value(lang, &i.id, i.unit, i.value, currency);
    let interval = i.ci.map(|[low, high]| {
        format!(
            "{} … {}",
            format::value(lang, &i.id, i.unit, Some(low), currency),
            format::value(lang, &i.id, i.unit, Some(high), currency)
        )
    });
    let message = note_text(lang, i.note.as_ref(), &i.message);
    let target = state.doc.with_untracked(|d| d.targets.get(&i.id).copied());
    let has_target = target.is_some();
    let verdict = verdict(&i, has_target);
    let target_text = target.map(|t| format::value(lang, &i.id, i.unit, Some(t), currency));
    let verdict_text = verdict_text(lang, &i, verdict, target_text.as_deref());
    let name = indicator_name(lang, &i.id);
    view! {
        <tr id=format!("indicator-{}", i.id) data-testid=format!("indicator-{}", i.id) data-value=raw_value data-status=status data-verdict=verdict.code()>
            <th scope="row">
                <span class="indicator-name">{name}</span>
                <code class="indicator-id">{i.id.clone()}</code>
                {(!message.is_empty()).then(|| view! { <p class="message" data-testid="indicator-message">{message}</p> })}
                {caveat(lang, &i)}
                <HowComputed indicator=i.clone() />
            </th>
            <td class="value" data-label=t(lang, "results.value")>{value_text}{evidence(lang, &i)}</td>
            <td data-label=t(lang, "results.status")>
                <span class=format!("status {status} verdict-{}", verdict.code()) data-testid="verdict">{verdict_text}</span>
            </td>
            <td class="value" data-label=t(lang, "results.interval")>{interval.unwrap_or_else(|| "—".into())}</td>
            <td class="value" data-label="n">{i.n}</td>
            <td class="no-print" data-label=t(lang, "results.target")><TargetInput id=i.id.clone() unit=i.unit /></td>
        </tr>
    }
}

/// The optional target of one indicator; empty removes it.
#[component]
fn TargetInput(id: String, unit: Unit) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let percent = target_in_percent(&id, unit);
    let invalid = RwSignal::new(false);
    let id_value = id.clone();
    let id_change = id.clone();
    // The target as the field shows it (in percent where it is one).
    let stored = Memo::new(move |_| {
        state.doc.with(|d| {
            d.targets
                .get(&id_value)
                .map(|v| if percent { v * 100.0 } else { *v })
        })
    });
    // Saved on every key press that makes a number, like every other edit; the text
    // stays as typed until the field is left (see `shown_while_typing`).
    let TypedText { typed, shown_again } = TypedText::new(state);
    let shown = move || {
        shown_again.track();
        let (lang, value) = (lang.get(), stored.get());
        typed.with_untracked(|t| shown_while_typing(lang, t.as_deref(), value))
    };
    let save = move |id: String, value: Option<f64>| {
        if stored.get_untracked() == value {
            return;
        }
        state.edit(|d| match value {
            Some(v) => {
                d.targets.insert(id, if percent { v / 100.0 } else { v });
            }
            None => {
                d.targets.remove(&id);
            }
        });
    };
    let id_input = id.clone();
    let label = move || {
        format!(
            "{} {}{}",
            t(lang.get(), "results.target_for"),
            indicator_name(lang.get(), &id),
            if percent { " (%)" } else { "" }
        )
    };
    let error_id = format!("target-{id_change}-error");
    view! {
        <input
            type="text"
            inputmode="decimal"
            size="6"
            class="target"
            data-testid=format!("target-{id_change}")
            aria-label=label
            aria-invalid=move || invalid.get().then_some("true")
            aria-describedby=error_id.clone()
            placeholder=if percent { "%" } else { "" }
            prop:value=shown
            on:input=move |ev| {
                let text = event_target_value(&ev);
                typed.set(Some(text.clone()));
                if let Ok(value) = parse_number(lang.get_untracked(), &text) {
                    invalid.set(false);
                    save(id_input.clone(), value);
                }
            }
            on:change=move |ev| {
                let text = event_target_value(&ev);
                match parse_number(lang.get_untracked(), &text) {
                    Ok(value) => {
                        invalid.set(false);
                        save(id_change.clone(), value);
                        typed.set(None);
                        shown_again.update(|n| *n = n.wrapping_add(1));
                    }
                    Err(_) => invalid.set(true),
                }
            }
        />
        <small class="field-error" id=error_id role="alert">
            {move || invalid.get().then(|| t(lang.get(), "facts.not_number"))}
        </small>
    }
}
