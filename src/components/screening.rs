//! The screening table of proposals (Section V): one row per proposal, in the engine's
//! order (eligible innovative proposals first), a mark per criterion, the verdict and
//! the reasons in words; a filter to the ineligible ones and the table as CSV. The
//! logic, the words and the table's HTML (every pasted text escaped) are
//! `cluster_eval_ui::screening`'s; this sets them on the page. (No memo of the rows:
//! each use reads them from the results, which costs the first visit 1 KB less.)

use cluster_eval_types::Results;
use cluster_eval_ui::screening::{self, Label, ProposalLine};
use leptos::prelude::*;

use crate::files;
use crate::reading::Reading;
use crate::state::AppState;

fn lines(r: &Results) -> Vec<ProposalLine> {
    r.indicator(screening::ID)
        .map(screening::lines)
        .unwrap_or_default()
}

#[component]
pub fn ScreeningTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let results = expect_context::<Reading>().results;
    let lang = state.lang;
    let only_ineligible = RwSignal::new(false);
    let download = move |_| {
        let lang = lang.get_untracked();
        let name = state.doc.with_untracked(|d| d.project.name.clone());
        let text = results.with_untracked(|r| screening::csv(lang, &lines(r)));
        let file = files::safe_file_name(&format!("{name} screening"), "csv");
        let _ = files::download(&file, "text/csv;charset=utf-8", &text);
    };
    let table = move || {
        let lang = lang.get();
        results.with(|r| screening::table_html(lang, &lines(r), only_ineligible.get()))
    };
    // Hidden without a proposals table (the detail then has no list).
    let empty = move || {
        results.with(|r| {
            r.indicator(screening::ID)
                .is_none_or(|i| !i.detail.contains_key("proposals"))
        })
    };
    view! {
        <div class="screening" data-testid="screening" hidden=empty>
            <h4>{move || screening::label(lang.get(), Label::Title)}</h4>
            <p class="no-print">
                <label>
                    <input type="checkbox" data-testid="screening-only-ineligible"
                        on:change=move |ev| only_ineligible.set(event_target_checked(&ev)) />
                    " " {move || screening::label(lang.get(), Label::OnlyIneligible)}
                </label>
                " "
                <button type="button" data-testid="screening-csv" on:click=download>
                    {move || screening::label(lang.get(), Label::Csv)}
                </button>
            </p>
            <div class="scroll-x" tabindex="0" inner_html=table></div>
        </div>
    }
}
