//! The rows of a table that were not read: line, column, rejected text and why, in the
//! reader's language. Each row error is one element with its `data-line`.

use cluster_eval_types::TableKind;
use cluster_eval_types::{RowError, RowErrorKind, TableSummary};
use leptos::prelude::*;

use crate::i18n::{t, tf, Lang};
use crate::state::AppState;

/// Errors listed at most; a census with thousands of bad rows must not freeze the page.
const SHOWN: usize = 200;

#[component]
pub fn RowErrors(table: TableKind, read: RwSignal<TableSummary>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let name = table.name();
    view! {
        <div class="row-errors" data-testid=format!("table-errors-{name}")>
            {move || {
                let lang = lang.get();
                read.with(|r| {
                    if r.errors.is_empty() {
                        return None;
                    }
                    let more = r.errors.len().saturating_sub(SHOWN);
                    Some(view! {
                        <h4>{tf(lang, "errors.title", &[("count", r.errors.len().to_string())])}</h4>
                        <ul>
                            {r.errors.iter().take(SHOWN).map(|e| view! {
                                <li class="row-error" data-testid="row-error" data-line=e.line.to_string()>
                                    {row_error_text(lang, e)}
                                </li>
                            }).collect_view()}
                        </ul>
                        {(more > 0).then(|| view! { <p>{tf(lang, "errors.more", &[("count", more.to_string())])}</p> })}
                    })
                })
            }}
        </div>
    }
}

/// "Line 7, column sales: “12,3,4” — not a number."
pub fn row_error_text(lang: Lang, error: &RowError) -> String {
    let column = error
        .header
        .clone()
        .or_else(|| error.column.clone())
        .unwrap_or_default();
    let reason = reason(lang, error.table, &error.kind, &column);
    let mut text = tf(lang, "errors.line", &[("line", error.line.to_string())]);
    if !column.is_empty() {
        text.push_str(&tf(lang, "errors.column", &[("column", column)]));
    }
    if !error.text.is_empty() && !matches!(error.kind, RowErrorKind::DuplicateColumn { .. }) {
        let shown: String = error.text.chars().take(80).collect();
        let cut = if error.text.chars().count() > 80 {
            "…"
        } else {
            ""
        };
        // Isolated (FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, the plain-text
        // `<bdi>`): right-to-left text in a cell cannot reorder the quotes around it.
        text.push_str(&format!(": “\u{2068}{shown}{cut}\u{2069}”"));
    }
    format!("{text} — {reason}")
}

fn reason(lang: Lang, table: TableKind, kind: &RowErrorKind, column: &str) -> String {
    match kind {
        RowErrorKind::NotANumber => t(lang, "err.not_a_number").to_string(),
        RowErrorKind::DecimalMismatch { decimal } => tf(
            lang,
            "err.decimal_mismatch",
            &[("decimal", decimal.as_char().to_string())],
        ),
        RowErrorKind::Negative => t(lang, "err.negative_amount").to_string(),
        RowErrorKind::TooLarge => t(lang, "err.too_large").to_string(),
        RowErrorKind::UnknownGroup => t(lang, "err.unknown_group").to_string(),
        RowErrorKind::YearNotInteger => t(lang, "err.year_not_integer").to_string(),
        RowErrorKind::MissingValue => t(lang, "err.missing_value").to_string(),
        RowErrorKind::NoValue => t(lang, "err.formula_without_value").to_string(),
        RowErrorKind::InvalidYesNo => t(lang, "err.invalid_yes_no").to_string(),
        RowErrorKind::NotWholeNumber => t(lang, "err.not_whole_number").to_string(),
        RowErrorKind::UnknownStatus => t(lang, "err.unknown_status").to_string(),
        RowErrorKind::Duplicate { first_line } => tf(
            lang,
            // The territory has one row per year, not per firm and year.
            if table == TableKind::Territory {
                "err.duplicate_year"
            } else {
                "err.duplicate_row"
            },
            &[("first_line", first_line.to_string())],
        ),
        RowErrorKind::GroupChanged {
            first_line,
            first_group,
            group,
        } => tf(
            lang,
            "err.group_changed",
            &[
                ("first_line", first_line.to_string()),
                (
                    "first_group",
                    crate::names::firm_group(lang, *first_group).to_string(),
                ),
                ("group", crate::names::firm_group(lang, *group).to_string()),
            ],
        ),
        RowErrorKind::ProposalChanged { first_line, first } => tf(
            lang,
            "err.proposal_changed",
            &[
                ("first_line", first_line.to_string()),
                (
                    "first",
                    crate::detail_names::value(lang, if *first { "yes" } else { "no" }),
                ),
            ],
        ),
        RowErrorKind::TooFewCells { expected, found } => tf(
            lang,
            "err.too_few_cells",
            &[
                ("expected", expected.to_string()),
                ("found", found.to_string()),
            ],
        ),
        RowErrorKind::TooManyCells { expected, found } => tf(
            lang,
            "err.too_many_cells",
            &[
                ("expected", expected.to_string()),
                ("found", found.to_string()),
            ],
        ),
        RowErrorKind::MissingColumn => tf(
            lang,
            "err.missing_column",
            // In the reader's words (`ventas`), as the template writes the header.
            &[("column", crate::names::column_label(lang, column))],
        ),
        RowErrorKind::DuplicateColumn {
            first_header,
            second_header,
        } => tf(
            lang,
            "err.duplicate_column",
            &[
                ("first", first_header.clone()),
                ("second", second_header.clone()),
            ],
        ),
    }
}
