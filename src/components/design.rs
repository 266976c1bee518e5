//! The design checks at the top of the results (issue 13): one plain sentence per
//! check, the balance at baseline, the firms gone and the trends before the programme
//! (markup from `cluster_eval_ui::design`, set as `inner_html` like the charts and the
//! summary); and, for each comparison with the control group, its evidence level, the
//! cluster caveat and its event-study chart.

use cluster_eval_types::{Horizon, Indicator};
use cluster_eval_ui::design::{caveat_text, event_chart, evidence_text, section_html};
use leptos::prelude::*;

use crate::i18n::{t, Lang};
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
            <div inner_html=move || results.with(|r| section_html(lang.get(), r))></div>
        </section>
    }
}

/// The evidence level of a comparison with the control group, under its value.
pub fn evidence(lang: Lang, i: &Indicator) -> Option<impl IntoView> {
    let level = i.detail.get("evidence")?.as_str()?.to_string();
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
    event_chart(lang, &indicator, start, end).map(|svg| {
        view! {
            <figure class="event-study" data-testid="event-study">
                <div inner_html=svg></div>
                <figcaption class="hint">{t(lang, "design.event_hint")}</figcaption>
            </figure>
        }
    })
}
