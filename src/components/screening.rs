//! The screening table of proposals (Section V): one row per proposal, in the engine's
//! order (eligible innovative proposals first), a mark per criterion, the verdict and
//! the reasons in words; a filter to the ineligible ones and the table as CSV. The
//! logic and the words are `cluster_eval_ui::screening`'s; this draws them.

use cluster_eval_ui::screening::{self, Criterion, Label, ProposalLine};
use leptos::prelude::*;

use crate::files;
use crate::i18n::Lang;
use crate::reading::Reading;
use crate::state::AppState;

#[component]
pub fn ScreeningTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let results = expect_context::<Reading>().results;
    let lang = state.lang;
    let lines = Memo::new(move |_| {
        results.with(|r| {
            r.indicator(screening::ID)
                .map(screening::lines)
                .unwrap_or_default()
        })
    });
    let only_ineligible = RwSignal::new(false);
    let download = move |_| {
        let lang = lang.get_untracked();
        let name = state.doc.with_untracked(|d| d.project.name.clone());
        let text = lines.with_untracked(|l| screening::csv(lang, l));
        let file = files::safe_file_name(&format!("{name} screening"), "csv");
        let _ = files::download(&file, "text/csv;charset=utf-8", &text);
    };
    move || {
        if lines.with(Vec::is_empty) {
            return None;
        }
        let lang = lang.get();
        let label = move |l: Label| screening::label(lang, l);
        Some(view! {
            <div class="screening" data-testid="screening">
                <h4>{label(Label::Title)}</h4>
                <p class="no-print screening-controls">
                    <label>
                        <input type="checkbox" data-testid="screening-only-ineligible"
                            prop:checked=move || only_ineligible.get()
                            on:change=move |ev| only_ineligible.set(event_target_checked(&ev)) />
                        " " {label(Label::OnlyIneligible)}
                    </label>
                    " "
                    <button type="button" data-testid="screening-csv" on:click=download>{label(Label::Csv)}</button>
                </p>
                <div class="scroll-x" tabindex="0">
                    <table class="screening-table">
                        <thead>
                            <tr>
                                <th scope="col">{label(Label::Proposal)}</th>
                                {Criterion::ALL.map(|c| view! { <th scope="col">{screening::criterion_name(lang, c)}</th> }).collect_view()}
                                <th scope="col">{label(Label::Verdict)}</th>
                                <th scope="col">{label(Label::Reasons)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || lines.with(|all| {
                                let shown = screening::filtered(all, only_ineligible.get());
                                let total = shown.len();
                                let rows = shown.into_iter().take(screening::SHOWN).map(|l| row(lang, l)).collect_view();
                                let capped = (total > screening::SHOWN).then(|| view! {
                                    <tr><td colspan="8" class="hint">{
                                        screening::label(lang, Label::Capped)
                                            .replace("{shown}", &screening::SHOWN.to_string())
                                            .replace("{total}", &total.to_string())
                                    }</td></tr>
                                });
                                view! { {rows} {capped} }
                            })}
                        </tbody>
                    </table>
                </div>
            </div>
        })
    }
}

fn row(lang: Lang, l: &ProposalLine) -> impl IntoView {
    let members = screening::members_text(lang, l);
    let members_title = members.clone();
    let line = format!("{} {}", screening::label(lang, Label::Line), l.line);
    view! {
        <tr data-testid="proposal-row" data-eligible=l.eligible.to_string() data-proposal=l.proposal.clone()
            class=if l.eligible { "eligible" } else { "not-eligible" }>
            <th scope="row">
                {l.proposal.clone()}
                <small class="members" title=members_title>{format!(" ({line}) ")}{members}</small>
            </th>
            {Criterion::ALL.map(|c| {
                let mark = screening::mark(l, c);
                let word = screening::mark_word(lang, mark);
                let count = match c {
                    Criterion::Entities => Some(l.entities),
                    Criterion::Business => Some(l.businesses),
                    Criterion::Knowledge => Some(l.knowledge),
                    _ => None,
                };
                view! {
                    <td class=format!("mark {}", mark.key()) data-criterion=c.key() data-mark=mark.key() title=word>
                        <span aria-hidden="true">{mark.symbol()}</span>
                        <span class="visually-hidden">{word}</span>
                        {count.map(|n| format!(" {n}"))}
                    </td>
                }
            }).collect_view()}
            <td class=format!("verdict {}", if l.eligible { "met" } else { "not_met" })>{screening::verdict(lang, l.eligible)}</td>
            <td class="reasons">{screening::reasons_text(lang, l)}</td>
        </tr>
    }
}
