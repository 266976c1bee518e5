//! The screening table of proposals (Section V): one row per proposal, in the engine's
//! order (eligible innovative proposals first), a mark per criterion, the verdict and
//! the reasons in words; a filter to the ineligible ones and the table as CSV. The
//! logic and the words are `cluster_eval_ui::screening`'s; this draws them, every
//! pasted name (proposal, entity, type as typed) in its own `<bdi>`. (No memo of the
//! rows: each use reads them from the results, which costs the first visit 1 KB less.)

use cluster_eval_types::Results;
use cluster_eval_ui::screening::{self, Criterion, Label, ProposalLine};
use leptos::prelude::*;

use crate::files;
use crate::i18n::Lang;
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
        let lines = results.with(lines);
        let (rows, capped) = screening::shown(lang, lines, only_ineligible.get());
        view! {
            <table class="screening-table">
                <thead>
                    <tr>
                        <th scope="col">{screening::label(lang, Label::Proposal)}</th>
                        {Criterion::ALL
                            .map(|c| view! { <th scope="col">{screening::criterion_name(lang, c)}</th> })}
                        <th scope="col">{screening::label(lang, Label::Verdict)}</th>
                        <th scope="col">{screening::label(lang, Label::Reasons)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|l| row(lang, l)).collect_view()}
                    {capped.map(|text| view! { <tr><td colspan="8" class="hint">{text}</td></tr> })}
                </tbody>
            </table>
        }
    };
    // Hidden without a proposals table (the detail then has no list). A presence
    // check on the map: decoding 10,000 proposals to see whether there are any would
    // cost more than the table it hides (the rows come typed, `screening::lines`).
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
            <div class="scroll-x" tabindex="0">{table}</div>
        </div>
    }
}

/// One proposal's row: its name, first line and entities, a cell per criterion, the
/// verdict and the reasons.
fn row(lang: Lang, l: ProposalLine) -> impl IntoView {
    let (class, verdict_class) = screening::classes(l.eligible);
    let marks = Criterion::ALL.map(|c| {
        let (m, count) = screening::cell(&l, c);
        let word = screening::mark_word(lang, m);
        view! {
            <td class=format!("mark {}", m.key()) data-criterion=c.key() data-mark=m.key() title=word>
                <span aria-hidden="true">{m.symbol()}</span>
                <span class="visually-hidden">{word}</span>
                {count.map(|n| format!(" {n}"))}
            </td>
        }
    });
    let reasons = screening::reasons_text(lang, &l);
    let name = l.proposal.clone();
    let members = l
        .members
        .into_iter()
        .enumerate()
        .map(|(i, m)| {
            let typed = screening::typed_shown(&m.kind, m.typed.as_deref())
                .map(|t| view! { ": "<bdi>{t.to_string()}</bdi> });
            view! {
                {(i > 0).then_some(" · ")}
                <bdi>{m.entity}</bdi>
                " (" {screening::type_word(lang, &m.kind)} {typed} ")"
            }
        })
        .collect_view();
    view! {
        <tr data-testid="proposal-row" data-eligible=l.eligible.to_string()
            data-proposal=name class=class>
            <th scope="row">
                <bdi>{l.proposal}</bdi>
                <small class="members">
                    {screening::label(lang, Label::Line)} " " {l.line} " · " {members}
                </small>
            </th>
            {marks}
            <td class=format!("verdict {verdict_class}")>{screening::verdict(lang, l.eligible)}</td>
            <td class="reasons">{reasons}</td>
        </tr>
    }
}
