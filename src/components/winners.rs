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
                        {move || non_participants(lang.get(), results)}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// The cluster's firms that did not take part, against the control firms (SPEC v3,
/// `pro_poor.non_participants.*`): Section 4.3 warns that firms "lose out as clusters
/// upgrade", and these are the first to look at.
fn non_participants(
    lang: crate::i18n::Lang,
    results: RwSignal<cluster_eval_types::Results>,
) -> impl IntoView {
    results.with(|r| {
        ["sales", "employment"]
            .into_iter()
            .filter_map(|measure| {
                let id = format!("pro_poor.non_participants.{measure}.vs_control");
                let i = r.indicator(&id)?;
                let value = i.value?;
                let (class, key) = match i.status {
                    Status::NotMet => ("not_met", "winners.falls_behind"),
                    Status::Met => ("met", "winners.gains_alongside"),
                    Status::Inconclusive => ("inconclusive", "verdict.not_conclusive"),
                    _ => return None,
                };
                let measure_key = if measure == "sales" { "winners.np_sales" } else { "winners.np_employment" };
                Some(view! {
                    <tr data-testid=format!("winner-non_participants-{measure}")
                        data-vs-control=value.to_string() data-vs-control-status=status_code(i.status)>
                        <th scope="row">{t(lang, "winners.non_participants")}" · "<small>{t(lang, measure_key)}</small></th>
                        <td class="value" data-label=t(lang, "winners.jobs")>"—"</td>
                        <td class="value" data-label=t(lang, "winners.change")>"—"</td>
                        <td data-label=t(lang, "winners.verdict")><span class=format!("status {class}")>{t(lang, key)}</span></td>
                        <td class="value against" data-label=t(lang, "winners.vs_control")>{format::points(lang, value)}</td>
                    </tr>
                })
            })
            .collect_view()
    })
}
