//! The execution table of the short run (`cluster_eval_ui::execution`): per year, the
//! activities done, planned and cancelled, and the money disbursed against the
//! budget. Hidden when the tables record neither a status nor a budget.

use cluster_eval_ui::execution::{execution_years, ExecutionYear};
use leptos::prelude::*;

use crate::format;
use crate::i18n::{t, Lang};
use crate::reading::Reading;
use crate::state::AppState;

/// An amount of money in the project's currency.
fn money(lang: Lang, amount: f64, currency: &str) -> String {
    format::value(
        lang,
        "short.subsidies_total",
        cluster_eval_types::Unit::Currency,
        Some(amount),
        currency,
    )
}

fn row(lang: Lang, currency: &str, y: ExecutionYear) -> impl IntoView {
    let count = |v: Option<u32>| v.map_or_else(|| "—".to_string(), |v| v.to_string());
    let [done, planned, cancelled] = y.activities.map_or([None; 3], |a| a.map(Some));
    let (disbursed, budget, rate) = match y.money {
        Some([amount, budget]) => (
            money(lang, amount, currency),
            money(lang, budget, currency),
            if budget > 0.0 {
                format::percent(lang, amount / budget)
            } else {
                "—".into()
            },
        ),
        None => ("—".into(), "—".into(), "—".into()),
    };
    view! {
        <tr data-testid=format!("execution-{}", y.year)>
            <th scope="row">{y.year}</th>
            <td class="value" data-label=t(lang, "exec.done")>{count(done)}</td>
            <td class="value" data-label=t(lang, "exec.planned")>{count(planned)}</td>
            <td class="value" data-label=t(lang, "exec.cancelled")>{count(cancelled)}</td>
            <td class="value" data-label=t(lang, "exec.disbursed")>{disbursed}</td>
            <td class="value" data-label=t(lang, "exec.budget")>{budget}</td>
            <td class="value" data-label=t(lang, "exec.rate")>{rate}</td>
        </tr>
    }
}

#[component]
pub fn ExecutionTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let results = expect_context::<Reading>().results;
    move || {
        let years = results.with(execution_years);
        (!years.is_empty()).then(|| {
            let lang = state.lang.get();
            let currency = state.doc.with(|d| d.project.currency.clone());
            let heads = [
                "exec.year",
                "exec.done",
                "exec.planned",
                "exec.cancelled",
                "exec.disbursed",
                "exec.budget",
                "exec.rate",
            ];
            view! {
                <h4 id="execution-title">{t(lang, "exec.title")}</h4>
                <p class="hint">{t(lang, "exec.hint")}</p>
                <div class="scroll-x" tabindex="0" role="region" aria-labelledby="execution-title">
                    <table class="indicators execution" data-testid="execution-table">
                        <thead><tr>
                            {heads.map(|h| view! { <th scope="col">{t(lang, h)}</th> })}
                        </tr></thead>
                        <tbody>
                            {years.into_iter().map(|y| row(lang, &currency, y)).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
        })
    }
}
