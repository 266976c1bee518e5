//! Above the results: the columns whose decimal mark was guessed while some of their
//! values read either way (`1.234`), each with the reading chosen, what it makes of an
//! example, and one click to the other reading or to keep this one (see
//! `cluster_eval_ui::decimal_check`).

use cluster_eval_types::TableKind;
use leptos::prelude::*;

use crate::i18n::t;
use crate::reading::Reading;
use crate::state::AppState;
use cluster_eval_ui::decimal_check::checks;

#[component]
pub fn DecimalChecks() -> impl IntoView {
    let state = expect_context::<AppState>();
    let reading = expect_context::<Reading>();
    let found = Memo::new(move |_| {
        let summaries: Vec<_> = TableKind::ALL
            .iter()
            .map(|kind| reading.table(*kind).get())
            .collect();
        checks(&summaries)
    });
    move || {
        let lang = state.lang.get();
        let found = found.get();
        (!found.is_empty()).then(|| {
            let items = found
                .into_iter()
                .map(|check| {
                    let text = check.text(lang);
                    let switch = check.switch_label(lang);
                    let (other, kept) = (check.clone(), check.clone());
                    view! {
                        <p class="notice warning" data-testid="decimal-check"
                            data-table=check.table data-column=check.column.clone()>
                            <span>{text}</span>
                            " "
                            <button type="button" data-testid="decimal-check-switch"
                                on:click=move |_| state.edit(|d| other.choose(d, other.other()))>
                                {switch}
                            </button>
                            " "
                            <button type="button" data-testid="decimal-check-keep"
                                on:click=move |_| state.edit(|d| kept.choose(d, kept.mark))>
                                {t(lang, "decimal_check.keep")}
                            </button>
                        </p>
                    }
                })
                .collect_view();
            view! {
                <div class="decimal-checks" role="alert" data-testid="decimal-checks">
                    <h3>{t(lang, "decimal_check.title")}</h3>
                    {items}
                </div>
            }
        })
    }
}
