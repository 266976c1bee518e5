//! Winners and losers: each worker group and firm-size class with its change and
//! whether it loses out (Section 4.3), as one table.

use leptos::prelude::*;

use crate::format;
use crate::i18n::t;
use crate::labels::{status_code, status_key};
use crate::names::group_name;
use crate::reading::Reading;
use crate::state::AppState;
use cluster_eval_types::Status;

#[component]
pub fn WinnersLosers() -> impl IntoView {
    let state = expect_context::<AppState>();
    let results = expect_context::<Reading>().results;
    let lang = state.lang;
    view! {
        <section class="card" aria-labelledby="winners-title">
            <h3 id="winners-title">{move || t(lang.get(), "winners.title")}</h3>
            <p class="hint">{move || t(lang.get(), "winners.hint")}</p>
            <div class="scroll-x" tabindex="0">
                <table class="indicators" data-testid="winners-losers">
                    <thead>
                        <tr>
                            <th scope="col">{move || t(lang.get(), "winners.group")}</th>
                            <th scope="col">{move || t(lang.get(), "winners.jobs")}</th>
                            <th scope="col">{move || t(lang.get(), "winners.change")}</th>
                            <th scope="col">{move || t(lang.get(), "winners.verdict")}</th>
                            <th scope="col">{move || t(lang.get(), "winners.vs_control")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let lang = lang.get();
                            results.with(|r| r.winners_losers.iter().map(|w| {
                                let (class, key) = match w.loses {
                                    Some(true) => ("not_met", "winners.loses"),
                                    Some(false) => ("met", "winners.does_not_lose"),
                                    None => ("insufficient_data", "winners.no_data"),
                                };
                                let change = w.change.map(|c| format::points(lang, c)).unwrap_or_else(|| "—".into());
                                let jobs = w.jobs_change.map(|j| {
                                    let text = format::number(lang, j, 0);
                                    if j > 0.0 { format!("+{text}") } else { text }
                                }).unwrap_or_else(|| "—".into());
                                // The same change against the control firms (workers only).
                                let against = w.vs_control.map(|v| {
                                    // In the table's own words: loses out against the control firms or not.
                                    let status = w.vs_control_status.map(|s| {
                                        let key = match s {
                                            Status::NotMet => "winners.loses",
                                            Status::Met => "winners.does_not_lose",
                                            other => status_key(other),
                                        };
                                        view! { " " <span class=format!("status {}", status_code(s))>{t(lang, key)}</span> }
                                    });
                                    view! { {format::points(lang, v)} {status} }
                                });
                                let kind_key = if w.kind == "firms" { "winners.firms" } else { "winners.workers" };
                                view! {
                                    <tr data-testid=format!("winner-{}-{}", w.kind, w.group)
                                        data-vs-control=w.vs_control.map(|v| v.to_string()).unwrap_or_default()
                                        data-vs-control-status=w.vs_control_status.map(status_code).unwrap_or_default()
                                        data-loses=match w.loses { Some(true) => "true", Some(false) => "false", None => "" }>
                                        <th scope="row">{group_name(lang, &w.kind, &w.group)}" · "<small>{t(lang, kind_key)}</small></th>
                                        <td class="value" data-label=t(lang, "winners.jobs")>{jobs}</td>
                                        <td class="value" data-label=t(lang, "winners.change")>{change}</td>
                                        <td data-label=t(lang, "winners.verdict")><span class=format!("status {class}")>{t(lang, key)}</span></td>
                                        <td class="value against" data-label=t(lang, "winners.vs_control")>{against.map(|a| a.into_any()).unwrap_or_else(|| "—".into_any())}</td>
                                    </tr>
                                }
                            }).collect_view())
                        }}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
