//! The paste box of one table. The raw text is stored as typed, never altered.

use cluster_eval_engine::model::TableKind;
use leptos::prelude::*;

use crate::i18n::t;
use crate::state::AppState;

pub fn table_title_key(table: TableKind) -> &'static str {
    match table {
        TableKind::Firms => "table.firms",
        TableKind::Territory => "table.territory",
        TableKind::Activities => "table.activities",
        TableKind::Actors => "table.actors",
        TableKind::Subsidies => "table.subsidies",
    }
}

#[component]
pub fn TableInput(table: TableKind) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let id = format!("table-{}", table.name());
    view! {
        <section class="table-input">
            <h3><label for=id.clone()>{move || t(lang.get(), table_title_key(table))}</label></h3>
            <p class="hint">{move || t(lang.get(), "table.paste_hint")}</p>
            <textarea
                id=id
                data-testid=format!("table-input-{}", table.name())
                rows="10"
                spellcheck="false"
                wrap="off"
                prop:value=move || state.doc.with(|d| d.table_text(table).to_string())
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    state.edit(|d| *d.table_text_mut(table) = text);
                }
            ></textarea>
        </section>
    }
}
