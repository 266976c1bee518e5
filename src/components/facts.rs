//! Project facts, footnote-19 tags and the pro-poor checklist, as forms.
//!
//! Number fields accept the reader's own conventions (`1.234,5` or `1,234.5`) and are
//! saved on every key press that makes a valid value, like the name and the tables
//! (a reload without leaving the field lost what was typed); the field keeps the text
//! as typed until it is left (`1.` is not rewritten into `1` under the reader's
//! fingers), then shows it in the reader's convention. A value that cannot be read is
//! left in the field, marked invalid with a message when the field is left, and not
//! saved.

use cluster_eval_types::{
    AgencyType, AreaType, ChecklistAnswer, DecimalSetting, Document, Prices, SectorType,
    YesNoUnknown, CHECKLIST_ITEMS, CLUSTER_TAGS, MAX_BOOTSTRAP_REPS,
};
use leptos::prelude::*;

use crate::components::typed::TypedText;

use crate::fields::{parse_number, shown_while_typing};
use crate::i18n::{t, tf, Lang};
use crate::state::AppState;

/// One number field of the project.
#[component]
fn NumberField(
    key: &'static str,
    testid: &'static str,
    get: fn(&Document) -> Option<f64>,
    set: fn(&mut Document, Option<f64>),
    #[prop(optional)] integer: bool,
    /// A calendar year (an integer from 1900 to 2100): `99999999999` is a typing
    /// slip, not a year, and would overflow the engine's year arithmetic.
    #[prop(optional)]
    year: bool,
    /// An amount or a count, never below zero.
    #[prop(optional)]
    non_negative: bool,
    /// The largest value the field takes (a cap is said, never applied in silence).
    #[prop(optional)]
    max: Option<f64>,
) -> impl IntoView {
    let integer = integer || year;
    // What is wrong with a typed text: the key of the message that says so, and the
    // maximum it names.
    let problem = move |lang: Lang, text: &str| -> Option<(&'static str, String)> {
        let said = |key: &'static str| Some((key, String::new()));
        let Ok(value) = parse_number(lang, text) else {
            return said(if integer {
                "facts.not_integer"
            } else {
                "facts.not_number"
            });
        };
        let v = value?;
        if year && (v.fract() != 0.0 || !(1900.0..=2100.0).contains(&v)) {
            said("facts.not_year")
        } else if integer && v.fract() != 0.0 {
            said("facts.not_integer")
        } else if non_negative && v < 0.0 {
            said("facts.negative")
        } else if let Some(max) = max.filter(|max| v > *max) {
            Some(("facts.at_most", crate::format::number(lang, max, 0)))
        } else {
            None
        }
    };
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let invalid = RwSignal::new(None::<(&'static str, String)>);
    // The field's own value: the box is rewritten only when it changes, so an edit
    // elsewhere never throws away what is being typed here (nor leaves its error
    // beside a value it no longer belongs to).
    let stored = Memo::new(move |_| state.doc.with(get));
    // A new value, a new project or a language switch clears a pending error.
    Effect::new(move |_| {
        stored.track();
        state.current.track();
        lang.track();
        invalid.set(None);
    });
    // The text as typed, until the field is left (see `shown_while_typing`); another
    // project or another tab's version shows the stored value again.
    let TypedText { typed, shown_again } = TypedText::new(state);
    let error_id = format!("{testid}-error");
    view! {
        <label>
            <span>{move || t(lang.get(), key)}</span>
            <input
                type="text"
                inputmode=if integer { "numeric" } else { "decimal" }
                data-testid=testid
                aria-invalid=move || invalid.get().map(|_| "true")
                aria-describedby=error_id.clone()
                prop:value=move || {
                    shown_again.track();
                    let (lang, value) = (lang.get(), stored.get());
                    typed.with_untracked(|t| shown_while_typing(lang, t.as_deref(), value))
                }
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    let lang = lang.get_untracked();
                    let fine = problem(lang, &text).is_none();
                    typed.set(Some(text.clone()));
                    if fine {
                        invalid.set(None);
                        let value = parse_number(lang, &text).ok().flatten();
                        if stored.get_untracked() != value {
                            state.edit(|d| set(d, value));
                        }
                    }
                }
                on:change=move |ev| {
                    let text = event_target_value(&ev);
                    let lang = lang.get_untracked();
                    let wrong = problem(lang, &text);
                    let fine = wrong.is_none();
                    invalid.set(wrong);
                    if fine {
                        let value = parse_number(lang, &text).ok().flatten();
                        if stored.get_untracked() != value {
                            state.edit(|d| set(d, value));
                        }
                        typed.set(None);
                        shown_again.update(|n| *n = n.wrapping_add(1));
                    }
                }
            />
            <small class="field-error" id=error_id role="alert">
                {move || invalid.get().map(|(key, max)| tf(lang.get(), key, &[("max", max)]))}
            </small>
        </label>
    }
}

#[component]
fn YesNoField(
    key: &'static str,
    testid: &'static str,
    get: fn(&Document) -> YesNoUnknown,
    set: fn(&mut Document, YesNoUnknown),
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let options = [
        (YesNoUnknown::Unknown, "unknown", "answer.unknown"),
        (YesNoUnknown::Yes, "yes", "answer.yes"),
        (YesNoUnknown::No, "no", "answer.no"),
    ];
    view! {
        <label>
            <span>{move || t(lang.get(), key)}</span>
            <select
                data-testid=testid
                on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    if let Some((value, _, _)) = options.iter().find(|o| o.1 == chosen) {
                        let value = *value;
                        state.edit(|d| set(d, value));
                    }
                }
            >
                {options
                    .into_iter()
                    .map(|(value, code, label)| {
                        view! {
                            <option value=code selected=move || state.doc.with(|d| get(d) == value)>
                                {move || t(lang.get(), label)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

/// One free-text fact (a country, the data source…): saved when the field is left,
/// trimmed; a blank field is "not stated".
#[component]
fn TextField(
    key: &'static str,
    testid: &'static str,
    get: fn(&Document) -> String,
    set: fn(&mut Document, String),
    /// Several lines (how the control cluster was chosen).
    #[prop(optional)]
    long: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let value = move || state.doc.with(get);
    let save = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev).trim().to_string();
        if state.doc.with_untracked(get) != text {
            state.edit(|d| set(d, text));
        }
    };
    let field = if long {
        view! { <textarea data-testid=testid rows="3" maxlength="2000" prop:value=value on:change=save></textarea> }
            .into_any()
    } else {
        view! { <input type="text" data-testid=testid maxlength="200" prop:value=value on:change=save /> }
            .into_any()
    };
    view! {
        <label class:wide=long>
            <span>{move || t(lang.get(), key)}</span>
            {field}
        </label>
    }
}

/// One fact chosen from a vocabulary (`""`: not stated): the options are the codes
/// with their catalogue keys.
#[component]
fn ChoiceField(
    key: &'static str,
    testid: &'static str,
    options: &'static [(&'static str, &'static str)],
    get: fn(&Document) -> &'static str,
    set: fn(&mut Document, &str),
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    view! {
        <label>
            <span>{move || t(lang.get(), key)}</span>
            <select
                data-testid=testid
                on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    if state.doc.with_untracked(get) != chosen {
                        state.edit(|d| set(d, &chosen));
                    }
                }
            >
                <option value="" selected=move || state.doc.with(get).is_empty()>
                    {move || t(lang.get(), "facts.not_stated")}
                </option>
                {options
                    .iter()
                    .map(|(code, label)| {
                        view! {
                            <option value=*code selected=move || state.doc.with(get) == *code>
                                {move || t(lang.get(), label)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

const SECTOR_TYPES: &[(&str, &str)] =
    &[("modern", "ctx.modern"), ("traditional", "ctx.traditional")];
const AREA_TYPES: &[(&str, &str)] = &[("booming", "ctx.booming"), ("marginal", "ctx.marginal")];
const AGENCY_TYPES: &[(&str, &str)] = &[
    ("public", "ctx.public"),
    ("private", "ctx.private"),
    ("mixed", "ctx.mixed"),
    ("university", "ctx.university"),
];
const PRICE_BASES: &[(&str, &str)] = &[("nominal", "ctx.nominal"), ("constant", "ctx.constant")];

/// A free-text fact kept as `Option<String>` (blank: `None`).
fn optional(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

/// The project's context (Section II of the seed compares portfolios by it) and what a
/// reviewer asks first: which cluster is the control and how it was chosen, where the
/// data come from, and the price basis. Printed in the report's title block.
#[component]
fn ContextFacts() -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    view! {
        <fieldset class="context-facts" data-testid="context-facts">
            <legend>{move || t(lang.get(), "facts.context")}</legend>
            <div class="form-grid">
                <TextField key="facts.country" testid="fact-country"
                    get=|d| d.project.country.clone().unwrap_or_default()
                    set=|d, v| d.project.country = optional(v) />
                <TextField key="facts.sector" testid="fact-sector"
                    get=|d| d.project.sector.clone().unwrap_or_default()
                    set=|d, v| d.project.sector = optional(v) />
                <TextField key="facts.executing_agency" testid="fact-executing_agency"
                    get=|d| d.project.executing_agency.clone().unwrap_or_default()
                    set=|d, v| d.project.executing_agency = optional(v) />
                <ChoiceField key="facts.sector_type" testid="fact-sector_type" options=SECTOR_TYPES
                    get=|d| d.project.sector_type.map_or("", SectorType::code)
                    set=|d, v| d.project.sector_type = SectorType::from_word(v) />
                <ChoiceField key="facts.area_type" testid="fact-area_type" options=AREA_TYPES
                    get=|d| d.project.area_type.map_or("", AreaType::code)
                    set=|d, v| d.project.area_type = AreaType::from_word(v) />
                <ChoiceField key="facts.agency_type" testid="fact-agency_type" options=AGENCY_TYPES
                    get=|d| d.project.agency_type.map_or("", AgencyType::code)
                    set=|d, v| d.project.agency_type = AgencyType::from_word(v) />
                <NumberField key="facts.clusters" testid="fact-clusters" integer=true non_negative=true
                    get=|d| d.project.clusters.map(f64::from)
                    set=|d, v| d.project.clusters = v.map(|v| v.clamp(0.0, 10_000.0) as i32) />
                <ChoiceField key="facts.prices" testid="fact-prices" options=PRICE_BASES
                    get=|d| d.project.prices.map_or("", Prices::code)
                    set=|d, v| d.project.prices = Prices::from_word(v) />
                <NumberField key="facts.price_base_year" testid="fact-price_base_year" year=true
                    get=|d| d.project.price_base_year.map(f64::from)
                    set=|d, v| d.project.price_base_year = v.map(|v| v as i32) />
                <TextField key="facts.data_source" testid="fact-data_source"
                    get=|d| d.project.data_source.clone()
                    set=|d, v| d.project.data_source = v />
                <TextField key="facts.control_description" testid="fact-control_description" long=true
                    get=|d| d.project.control_description.clone()
                    set=|d, v| d.project.control_description = v />
            </div>
        </fieldset>
    }
}

#[component]
pub fn ProjectFacts() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    view! {
        <section class="card" aria-labelledby="facts-title">
            <h2 id="facts-title">{move || t(lang.get(), "facts.title")}</h2>
            <div class="form-grid">
                <label>
                    <span>{move || t(lang.get(), "facts.currency")}</span>
                    <input
                        type="text"
                        data-testid="fact-currency"
                        maxlength="12"
                        prop:value=move || state.doc.with(|d| d.project.currency.clone())
                        on:change=move |ev| {
                            let currency = event_target_value(&ev);
                            state.edit(|d| d.project.currency = currency.trim().to_string());
                        }
                    />
                </label>
                <NumberField key="facts.start_year" testid="fact-start_year" year=true
                    get=|d| d.project.start_year.map(f64::from)
                    set=|d, v| d.project.start_year = v.map(|v| v as i32) />
                <NumberField key="facts.end_year" testid="fact-end_year" year=true
                    get=|d| d.project.end_year.map(f64::from)
                    set=|d, v| d.project.end_year = v.map(|v| v as i32) />
                <NumberField key="facts.baseline_year" testid="fact-baseline_year" year=true
                    get=|d| d.project.baseline_year.map(f64::from)
                    set=|d, v| d.project.baseline_year = v.map(|v| v as i32) />
                <NumberField key="facts.followup_year" testid="fact-followup_year" year=true
                    get=|d| d.project.followup_year.map(f64::from)
                    set=|d, v| d.project.followup_year = v.map(|v| v as i32) />
                <NumberField key="facts.cluster_firms" testid="fact-cluster_firms" non_negative=true
                    get=|d| d.project.cluster_firms
                    set=|d, v| d.project.cluster_firms = v />
                <YesNoField key="facts.institutional_arrangement" testid="fact-institutional_arrangement"
                    get=|d| d.project.institutional_arrangement
                    set=|d, v| d.project.institutional_arrangement = v />
                <YesNoField key="facts.strategic_plan_consensus" testid="fact-strategic_plan_consensus"
                    get=|d| d.project.strategic_plan_consensus
                    set=|d, v| d.project.strategic_plan_consensus = v />
                <NumberField key="facts.cost_total" testid="fact-cost_total" non_negative=true
                    get=|d| d.project.cost_total
                    set=|d, v| d.project.cost_total = v />
                <NumberField key="facts.cost_mif" testid="fact-cost_mif" non_negative=true
                    get=|d| d.project.cost_mif
                    set=|d, v| d.project.cost_mif = v />
                <NumberField key="facts.social_benefits" testid="fact-social_benefits" non_negative=true
                    get=|d| d.project.social_benefits
                    set=|d, v| d.project.social_benefits = v />
            </div>
            <ContextFacts />
            <fieldset class="tags">
                <legend>{move || t(lang.get(), "facts.tags")}</legend>
                {CLUSTER_TAGS
                    .into_iter()
                    .map(|tag| {
                        view! {
                            <label class="check">
                                <input
                                    type="checkbox"
                                    data-testid=format!("tag-{tag}")
                                    prop:checked=move || state.doc.with(|d| d.project.tags().contains(&tag))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        state.edit(|d| d.project.set_tag(tag, on));
                                    }
                                />
                                " "
                                {move || crate::names::tag_name(lang.get(), tag)}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
        </section>
    }
}

/// Calculation settings: the decimal mark used when a column's own values do not
/// decide it, the bootstrap draws and seed, and the loser threshold (as a percentage).
#[component]
pub fn CalculationSettings() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let decimal_options: [(DecimalSetting, &str, &'static str); 3] = [
        (DecimalSetting::Auto, "auto", "settings.decimal_auto"),
        (DecimalSetting::Point, ".", "report.point"),
        (DecimalSetting::Comma, ",", "report.comma_mark"),
    ];
    view! {
        <details class="card settings">
            <summary>{move || t(lang.get(), "settings.title")}</summary>
            <div class="form-grid">
                <label>
                    <span>{move || t(lang.get(), "settings.decimal")}</span>
                    <select
                        data-testid="setting-decimal"
                        on:change=move |ev| {
                            let chosen = event_target_value(&ev);
                            if let Some((value, _, _)) = decimal_options.iter().find(|o| o.1 == chosen) {
                                let value = *value;
                                state.edit(|d| d.settings.decimal = value);
                            }
                        }
                    >
                        {decimal_options
                            .into_iter()
                            .map(|(value, code, key)| view! {
                                <option value=code selected=move || state.doc.with(|d| d.settings.decimal == value)>
                                    {move || t(lang.get(), key)}
                                </option>
                            })
                            .collect_view()}
                    </select>
                </label>
                // Checked where typed (whole, not negative, at most the cap); the
                // clamps below only guard values no field lets through.
                <NumberField key="settings.bootstrap_reps" testid="setting-bootstrap_reps" integer=true
                    non_negative=true max=f64::from(MAX_BOOTSTRAP_REPS)
                    get=|d| Some(f64::from(d.settings.bootstrap_reps))
                    set=|d, v| d.settings.bootstrap_reps = v.map(|v| v.clamp(0.0, f64::from(MAX_BOOTSTRAP_REPS)) as u32).unwrap_or(1000) />
                <NumberField key="settings.seed" testid="setting-seed" integer=true non_negative=true
                    get=|d| Some(d.settings.seed as f64)
                    set=|d, v| d.settings.seed = v.map(|v| v.max(0.0) as u64).unwrap_or(42) />
                <NumberField key="settings.loser_threshold" testid="setting-loser_threshold"
                    non_negative=true max=100.0
                    get=|d| Some(d.settings.loser_threshold * 100.0)
                    set=|d, v| d.settings.loser_threshold = v.map(|v| v.clamp(0.0, 100.0) / 100.0).unwrap_or(0.01) />
            </div>
            <p class="hint">{move || t(lang.get(), "settings.hint")}</p>
        </details>
    }
}

/// Where in the seed an item of the checklist comes from: the list of challenges of
/// Section 4.3, its three "inputs" of social inclusion, or its closing paragraph on
/// the labour dimension.
fn checklist_source(item: &str) -> &'static str {
    match item {
        "community_participation" | "access_barriers" | "marginalized_institutions" => {
            "check.source.inputs"
        }
        "training_system" => "check.source.labour",
        _ => "check.source.challenges",
    }
}

#[component]
pub fn Checklist() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let answers: [(Option<ChecklistAnswer>, &str, &'static str); 4] = [
        (None, "", "answer.unanswered"),
        (Some(ChecklistAnswer::Yes), "yes", "answer.yes"),
        (Some(ChecklistAnswer::Partial), "partial", "answer.partial"),
        (Some(ChecklistAnswer::No), "no", "answer.no"),
    ];
    view! {
        <section class="card" aria-labelledby="checklist-title">
            <h2 id="checklist-title">{move || t(lang.get(), "check.title")}</h2>
            <p class="hint">{move || t(lang.get(), "check.hint")}</p>
            <div class="checklist">
                {CHECKLIST_ITEMS
                    .into_iter()
                    .map(|item| {
                        view! {
                            <label class="checklist-item">
                                <span>{move || crate::names::checklist_item(lang.get(), item)}</span>
                                <small class="hint checklist-source">{move || t(lang.get(), checklist_source(item))}</small>
                                <select
                                    data-testid=format!("check-{item}")
                                    on:change=move |ev| {
                                        let chosen = event_target_value(&ev);
                                        let answer = answers.iter().find(|a| a.1 == chosen).and_then(|a| a.0);
                                        state.edit(|d| {
                                            if answer.is_some() {
                                                d.checklist.insert(item.to_string(), answer);
                                            } else {
                                                d.checklist.remove(item);
                                            }
                                        });
                                    }
                                >
                                    {answers
                                        .into_iter()
                                        .map(|(answer, code, label)| {
                                            view! {
                                                <option
                                                    value=code
                                                    selected=move || state.doc.with(|d| d.checklist.get(item).copied().flatten() == answer)
                                                >
                                                    {move || t(lang.get(), label)}
                                                </option>
                                            }
                                        })
                                        .collect_view()}
                                </select>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
        </section>
    }
}
