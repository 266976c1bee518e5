//! "How it was computed": the formula of an indicator with its actual numbers, and
//! every number it came from (the engine's `detail`), in the reader's language.

use cluster_eval_types::Indicator;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::design::EventStudy;
use crate::detail_names;
use crate::formulas::{entries, formula};
use crate::i18n::t;
use crate::state::AppState;

/// The indicators whose "how it was computed" is open. The sections are built anew
/// whenever the results or the language change; this keeps an open one open, with
/// its content (it used to come back as an open section with nothing in it).
#[derive(Clone, Copy, Default)]
pub struct OpenSections(RwSignal<std::collections::HashSet<String>>);

#[component]
pub fn HowComputed(indicator: Indicator) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang.get_untracked();
    if indicator.detail.is_empty() {
        return None;
    }
    let sections = use_context::<OpenSections>().unwrap_or_default();
    let id = indicator.id.clone();
    let was_open = sections.0.with_untracked(|s| s.contains(&id));
    // Built when first opened: sixty closed sections of numbers would cost the first
    // visit a layout of thousands of elements nobody has asked to see yet.
    let open = RwSignal::new(was_open);
    let on_toggle = move |ev: leptos::ev::Event| {
        let is_open = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
            .map(|d| d.open())
            .unwrap_or(true);
        if is_open {
            open.set(true);
        }
        sections.0.update_untracked(|s| {
            if is_open {
                s.insert(id.clone());
            } else {
                s.remove(&id);
            }
        });
    };
    Some(view! {
        <details class="how" data-testid="how-computed" open=was_open on:toggle=on_toggle>
            <summary>{t(lang, "how.title")}</summary>
            <Show when=move || open.get()>
                {
                    let lines = formula(lang, &indicator);
                    let numbers = entries(lang, &indicator.detail);
                    let event = (!indicator.event_years().is_empty()).then(|| view! { <EventStudy indicator=indicator.clone() /> });
                    view! {
                        {(!lines.is_empty()).then(|| view! {
                            <div class="formula" data-testid="formula">
                                {lines.into_iter().map(|l| view! { <div>{l}</div> }).collect_view()}
                            </div>
                        })}
                        {event}
                        <dl class="detail">
                            {numbers.into_iter().map(|(k, v)| view! {
                                // The engine's own key stays in `data-key`, for support.
                                <dt data-key=k.clone()>{detail_names::label(lang, &k)}</dt><dd>{v}</dd>
                            }).collect_view()}
                        </dl>
                    }
                }
            </Show>
        </details>
    })
}
