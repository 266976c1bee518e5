//! "What was read": the first rows of a paste as the engine understood them, with the
//! cells in error marked (colour and an icon with a text alternative, never colour
//! alone).

use cluster_eval_types::TableKind;
use cluster_eval_types::{CellRead, TableSummary};
use leptos::prelude::*;

use crate::format;
use crate::i18n::{t, tf};
use crate::state::AppState;

#[component]
pub fn PreviewGrid(table: TableKind, read: RwSignal<TableSummary>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let name = table.name();
    // The grid is built when first opened (and kept up to date from then on): five
    // closed grids of fifty rows would otherwise weigh on every first visit.
    let open = RwSignal::new(false);
    view! {
        <details class="preview" on:toggle=move |_| open.set(true)>
            <summary data-testid=format!("preview-open-{name}")>{move || t(lang.get(), "preview.title")}</summary>
            <Show when=move || open.get()>
                <div class="scroll-x" tabindex="0" role="region" aria-label=move || t(lang.get(), "preview.title") data-testid=format!("preview-{name}")>
                    {move || {
                        let lang = lang.get();
                        read.with(|r| {
                            let p = &r.preview;
                            view! {
                                <table class="grid">
                                    <thead>
                                        <tr>
                                            <th scope="col">{t(lang, "preview.line")}</th>
                                            {p.headers.iter().map(|h| view! { <th scope="col">{crate::names::column_label(lang, h)}</th> }).collect_view()}
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {p.rows.iter().map(|row| view! {
                                            <tr class:bad-row=row.error>
                                                <th scope="row">{row.line}{row.error.then_some(" ⚠")}</th>
                                                {row.cells.iter().map(|c| {
                                                    let shown = match &c.read {
                                                        CellRead::Number(v) => format::number(lang, *v, if v.fract() == 0.0 { 0 } else { 2 }),
                                                        CellRead::Flag(b) => t(lang, if *b { "answer.yes" } else { "answer.no" }).to_string(),
                                                        CellRead::Year(y) => y.to_string(),
                                                        CellRead::Group(g) => crate::names::firm_group(lang, *g).to_string(),
                                                        CellRead::Missing => "·".to_string(),
                                                        _ => c.text.clone(),
                                                    };
                                                    let numeric = matches!(c.read, CellRead::Number(_));
                                                    let ignored = matches!(c.read, CellRead::Ignored);
                                                    view! {
                                                        <td class:num=numeric class:bad=c.error class:ignored=ignored title=c.text.clone()>
                                                            {c.error.then(|| view! { <span aria-label=t(lang, "preview.error")>"⚠ "</span> })}
                                                            {shown}
                                                        </td>
                                                    }
                                                }).collect_view()}
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                                {(p.more_rows > 0).then(|| view! { <p class="hint">{tf(lang, "preview.more", &[("count", p.more_rows.to_string())])}</p> })}
                            }
                        })
                    }}
                </div>
            </Show>
        </details>
    }
}
