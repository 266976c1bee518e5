//! The workbook bar and the sheet-to-table step of opening a workbook: the rules
//! (which choices can be confirmed, which tables they replace) and the markup.
//!
//! The page draws the bar ([`bar_html`]); the step ([`html`]) is drawn by the workbook
//! module, which the page loads when a workbook is first used, so the step's code is
//! not in the first visit (issue 16 lets it grow by 5 KB at most). Both are HTML text
//! listened to with delegated handlers (`data-action` on buttons, `data-sheet` on
//! selects), and both are tested here, natively.

use cluster_eval_types::TableKind;

use crate::i18n::{t, tf, Lang};
use crate::labels::table_title_key;
use crate::report::esc;

/// One sheet as the step shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetRow {
    pub name: String,
    /// What was read from it, worded by the workbook module.
    pub note: String,
}

/// A table chosen for two sheets or more: the step cannot be confirmed.
pub fn chosen_twice(choice: &[Option<TableKind>]) -> Option<TableKind> {
    TableKind::ALL
        .into_iter()
        .find(|k| choice.iter().filter(|c| **c == Some(*k)).count() > 1)
}

/// Whether the choices can be confirmed: at least one sheet goes to a table, and no
/// table gets two.
pub fn can_confirm(choice: &[Option<TableKind>]) -> bool {
    choice.iter().any(Option::is_some) && chosen_twice(choice).is_none()
}

/// The tables the choices would replace: those chosen that hold text now.
pub fn replaced(
    choice: &[Option<TableKind>],
    has_text: impl Fn(TableKind) -> bool,
) -> Vec<TableKind> {
    TableKind::ALL
        .into_iter()
        .filter(|k| choice.contains(&Some(*k)) && has_text(*k))
        .collect()
}

/// The sentence under the choices: what confirming replaces, or why it cannot be
/// confirmed yet.
pub fn status_text(lang: Lang, choice: &[Option<TableKind>], replaced: &[TableKind]) -> String {
    if let Some(kind) = chosen_twice(choice) {
        return tf(
            lang,
            "wb.twice",
            &[("table", t(lang, table_title_key(kind)).into())],
        );
    }
    if choice.iter().all(Option::is_none) {
        return t(lang, "wb.choose").to_string();
    }
    if replaced.is_empty() {
        return String::new();
    }
    let names: Vec<&str> = replaced
        .iter()
        .map(|k| t(lang, table_title_key(*k)))
        .collect();
    tf(lang, "wb.replaces", &[("tables", names.join(", "))])
}

/// Where the workbook step stands, as the markup needs it.
#[derive(Debug, Clone, Copy)]
pub enum StepView<'a> {
    Idle,
    /// Reading a file or writing a workbook.
    Busy(&'a str),
    /// A refusal, already worded.
    Failed(&'a str),
    Choose {
        file: &'a str,
        sheets: &'a [SheetRow],
        choice: &'a [Option<TableKind>],
        no_table: Option<&'a str>,
        replaced: &'a [TableKind],
    },
}

/// The bar (open, template, results), drawn by the page. A dropped workbook is handed
/// to its input by index.html.
pub fn bar_html(lang: Lang) -> String {
    format!(
        r#"<label class="file-button"><span>{}</span><input type="file" accept=".xlsx,.xlsm,.xls,.ods" data-testid="open-workbook"></label> <button type="button" data-action="template" data-testid="download-template">{}</button> <button type="button" data-action="results" data-testid="export-xlsx">{}</button>"#,
        esc(t(lang, "wb.open")),
        esc(t(lang, "wb.template")),
        esc(t(lang, "wb.export")),
    )
}

/// A status line (`busy`) or a refusal, drawn in the step's place.
pub fn notice_html(lang: Lang, text: &str, busy: bool) -> String {
    if busy {
        format!(
            r#"<p class="notice info" role="status" data-testid="workbook-busy">{}</p>"#,
            esc(text)
        )
    } else {
        format!(
            r#"<p class="notice error" role="alert" data-testid="workbook-error">{} <button type="button" data-action="close">{}</button></p>"#,
            esc(text),
            esc(t(lang, "wb.close"))
        )
    }
}

/// The step under the bar, drawn by the workbook module.
pub fn html(lang: Lang, step: StepView<'_>) -> String {
    match step {
        StepView::Idle => String::new(),
        StepView::Busy(text) => notice_html(lang, text, true),
        StepView::Failed(text) => notice_html(lang, text, false),
        StepView::Choose {
            file,
            sheets,
            choice,
            no_table,
            replaced,
        } => {
            let mut html = String::from(
                r#"<section class="workbook-step notice info no-print" data-testid="workbook-dialog">"#,
            );
            html.push_str(&sheets_html(lang, file, sheets, choice, no_table));
            html.push_str(&format!(
                r#"<p data-testid="workbook-replaces" role="status">{}</p><button type="button" data-action="confirm" data-testid="workbook-confirm"{}>{}</button> <button type="button" data-action="cancel" data-testid="workbook-cancel">{}</button></section>"#,
                esc(&status_text(lang, choice, replaced)),
                if can_confirm(choice) { "" } else { " disabled" },
                esc(t(lang, "wb.confirm")),
                esc(t(lang, "wb.cancel")),
            ));
            html
        }
    }
}

/// The step's heading, the module's warning when no sheet looks like a table, and one
/// row per sheet: its name, a select of the tables (`data-sheet` = its index) with the
/// proposed one selected, and its note.
pub fn sheets_html(
    lang: Lang,
    file: &str,
    sheets: &[SheetRow],
    choice: &[Option<TableKind>],
    no_table: Option<&str>,
) -> String {
    let mut html = format!(
        r#"<h3 tabindex="-1">{}</h3>"#,
        esc(&tf(lang, "wb.title", &[("file", file.to_string())]))
    );
    if let Some(text) = no_table {
        html.push_str(&format!(
            r#"<p class="notice warning" data-testid="workbook-no-table">{}</p>"#,
            esc(text)
        ));
    }
    html.push_str(r#"<div class="table-scroll"><table class="workbook-sheets"><tbody>"#);
    for (i, sheet) in sheets.iter().enumerate() {
        let chosen = choice.get(i).copied().flatten();
        let name = esc(&sheet.name);
        html.push_str(&format!(
            r#"<tr data-testid="workbook-sheet-{i}"><th scope="row">{name}</th><td><select data-sheet="{i}" data-testid="workbook-table-{i}" aria-label="{}"><option value=""{}>{}</option>"#,
            esc(&tf(lang, "wb.table_for", &[("sheet", sheet.name.clone())])),
            selected(chosen.is_none()),
            esc(t(lang, "wb.ignore")),
        ));
        for kind in TableKind::ALL {
            html.push_str(&format!(
                r#"<option value="{}"{}>{}</option>"#,
                kind.name(),
                selected(chosen == Some(kind)),
                esc(t(lang, table_title_key(kind)))
            ));
        }
        html.push_str(&format!(
            r#"</select></td><td class="hint">{}</td></tr>"#,
            esc(&sheet.note)
        ));
    }
    html.push_str("</tbody></table></div>");
    html
}

fn selected(yes: bool) -> &'static str {
    if yes {
        " selected"
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use TableKind::*;

    #[test]
    fn a_table_chosen_twice_or_nothing_chosen_cannot_be_confirmed() {
        assert!(can_confirm(&[Some(Firms), None, Some(Territory)]));
        assert!(!can_confirm(&[Some(Firms), Some(Firms)]));
        assert_eq!(chosen_twice(&[Some(Firms), None, Some(Firms)]), Some(Firms));
        assert!(!can_confirm(&[None, None]));
        assert!(!can_confirm(&[]));
    }

    #[test]
    fn only_tables_with_text_are_said_to_be_replaced() {
        let choice = [Some(Firms), Some(Actors), None];
        let got = replaced(&choice, |k| k == Firms || k == Subsidies);
        assert_eq!(got, vec![Firms]);
        let text = status_text(Lang::Es, &choice, &got);
        assert!(text.contains("Empresas"), "{text}");
        assert!(status_text(Lang::En, &[Some(Firms), Some(Firms)], &[]).contains("Firms"));
        assert_eq!(status_text(Lang::En, &[Some(Actors)], &[]), "");
        assert!(!status_text(Lang::En, &[None], &[]).is_empty());
    }

    #[test]
    fn the_markup_selects_the_proposal_and_escapes_names() {
        let sheets = vec![
            SheetRow {
                name: "Empresas".into(),
                note: "120 filas".into(),
            },
            SheetRow {
                name: "<Notas & más>".into(),
                note: String::new(),
            },
        ];
        let html = sheets_html(
            Lang::Es,
            "datos \"2024\".xlsx",
            &sheets,
            &[Some(Firms), None],
            Some("nada"),
        );
        assert!(
            html.contains(r#"<option value="firms" selected>Empresas</option>"#),
            "{html}"
        );
        assert!(html.contains(r#"data-sheet="1""#));
        assert!(html.contains("&lt;Notas &amp; más&gt;"));
        assert!(html.contains("datos &quot;2024&quot;.xlsx"));
        assert!(html.contains(r#"data-testid="workbook-no-table""#));
        // The second sheet proposes nothing: "ignore" is selected.
        let second = &html[html.find(r#"data-sheet="1""#).unwrap_or(0)..];
        assert!(second.contains(r#"<option value="" selected>"#));
    }

    #[test]
    fn the_bar_and_the_step_are_drawn_apart() {
        let bar = bar_html(Lang::Pt);
        assert!(bar.contains(r#"data-testid="open-workbook""#));
        assert!(bar.contains("Baixar o modelo"));
        assert_eq!(html(Lang::Pt, StepView::Idle), "");
        let failed = html(Lang::En, StepView::Failed("a <b>.xlsx is damaged"));
        assert!(failed.contains("a &lt;b&gt;.xlsx is damaged"));
        assert!(failed.contains(r#"data-action="close""#));
        let sheets = [SheetRow {
            name: "Hoja1".into(),
            note: String::new(),
        }];
        let choose = |choice: &[Option<TableKind>]| {
            html(
                Lang::En,
                StepView::Choose {
                    file: "a.xlsx",
                    sheets: &sheets,
                    choice,
                    no_table: None,
                    replaced: &[],
                },
            )
        };
        assert!(choose(&[None]).contains(r#"data-testid="workbook-confirm" disabled>"#));
        assert!(choose(&[Some(Firms)]).contains(r#"data-testid="workbook-confirm">"#));
    }
}
