//! The workbook bar and the sheet-to-table step of opening a workbook, as the page
//! decides them: which files go to the workbook worker, what the step says, which
//! choices can be confirmed and which tables they replace, and what goes into the
//! project. Data, not markup: the page draws it as Leptos views
//! (`src/components/workbook.rs`), and it is tested here, natively.

use cluster_eval_protocol::workbook::{OpenedStep, StepSheet, Worded};
use cluster_eval_types::TableKind;

use crate::file_names::MAX_WORKBOOK_BYTES;
use crate::i18n::{t, tf, Lang};
use crate::labels::table_title_key;

/// Whether a file goes to the workbook worker (by its name: its bytes are told apart
/// there), rather than to the project import.
pub fn is_workbook_file(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    [".xlsx", ".xlsm", ".xls", ".ods"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

/// What the step says in the bar's place instead of the sheets: a status while busy,
/// or why nothing happened. Worded when drawn, so it follows a change of language.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// Reading `file`.
    Reading(String),
    /// Writing a workbook.
    Writing,
    /// The worker could not be had (offline before it was ever fetched).
    Unavailable,
    /// Refused from its size, before it is read.
    TooLarge { file: String, bytes: f64 },
    /// The browser could not read the file from the disk.
    Unreadable(String),
    /// The worker failed (a library's words).
    Failed { file: String, error: String },
    /// The worker refused the file, worded by it.
    Refused(Worded),
}

impl Notice {
    /// A status (shown as busy), not a refusal.
    pub fn is_busy(&self) -> bool {
        matches!(self, Notice::Reading(_) | Notice::Writing)
    }

    pub fn text(&self, lang: Lang) -> String {
        let mb = |bytes: f64| format!("{:.1} MB", bytes / (1024.0 * 1024.0));
        match self {
            Notice::Reading(file) => tf(lang, "wb.busy", &[("file", file.clone())]),
            Notice::Writing => t(lang, "wb.writing").to_string(),
            Notice::Unavailable => t(lang, "wb.unavailable").to_string(),
            Notice::TooLarge { file, bytes } => tf(
                lang,
                "wb.too_large",
                &[
                    ("file", file.clone()),
                    ("size", mb(*bytes)),
                    ("limit", mb(MAX_WORKBOOK_BYTES as f64)),
                ],
            ),
            Notice::Unreadable(file) => tf(lang, "wb.unreadable", &[("file", file.clone())]),
            Notice::Failed { file, error } => tf(
                lang,
                "wb.failed",
                &[("file", file.clone()), ("error", error.clone())],
            ),
            Notice::Refused(worded) => worded.get(lang.code()).to_string(),
        }
    }
}

/// A file of `bytes` is refused before it is read (and before the worker is asked).
pub fn size_refusal(file: &str, bytes: f64) -> Option<Notice> {
    (bytes > MAX_WORKBOOK_BYTES as f64).then(|| Notice::TooLarge {
        file: file.to_string(),
        bytes,
    })
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

/// A workbook opened, while the reader chooses which sheet goes to which table.
#[derive(Debug, Clone, PartialEq)]
pub struct Choosing {
    pub file: String,
    pub sheets: Vec<StepSheet>,
    /// Said when no sheet looks like any table.
    pub no_table: Option<Worded>,
    /// The tables of the project that hold text now (they would be replaced).
    pub with_text: Vec<TableKind>,
}

impl Choosing {
    /// The step of `file`, and its first proposal (the worker's).
    pub fn new(
        file: String,
        opened: OpenedStep,
        with_text: Vec<TableKind>,
    ) -> (Self, Vec<Option<TableKind>>) {
        let choice = opened.sheets.iter().map(|s| s.proposed).collect();
        let step = Choosing {
            file,
            sheets: opened.sheets,
            no_table: opened.no_table,
            with_text,
        };
        (step, choice)
    }

    /// The sentence under the choices.
    pub fn status(&self, lang: Lang, choice: &[Option<TableKind>]) -> String {
        let replaced = replaced(choice, |k| self.with_text.contains(&k));
        status_text(lang, choice, &replaced)
    }

    /// What confirming puts into the project: each chosen table with its sheet's name
    /// and text (`None` when the choices cannot be confirmed).
    pub fn confirm(self, choice: &[Option<TableKind>]) -> Option<Confirmed> {
        if !can_confirm(choice) {
            return None;
        }
        let tables = self
            .sheets
            .into_iter()
            .zip(choice)
            .filter_map(|(sheet, kind)| Some((kind.as_ref().copied()?, sheet.name, sheet.text)))
            .collect();
        Some(Confirmed {
            file: self.file,
            tables,
        })
    }
}

/// The tables a confirmed step puts into the project: `(table, sheet, text)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Confirmed {
    pub file: String,
    pub tables: Vec<(TableKind, String, String)>,
}

/// A sheet's choice from a select's value (`""`: ignored).
pub fn choice_of(value: &str) -> Option<TableKind> {
    TableKind::from_name(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use TableKind::*;

    fn sheet(name: &str, proposed: Option<TableKind>) -> StepSheet {
        StepSheet {
            name: name.into(),
            text: format!("text of {name}"),
            proposed,
            note: Worded {
                en: "120 rows".into(),
                es: "120 filas".into(),
                pt: "120 linhas".into(),
            },
        }
    }

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
    fn the_worker_proposal_is_the_first_choice_and_only_chosen_sheets_are_confirmed() {
        let opened = OpenedStep {
            sheets: vec![
                sheet("Empresas", Some(Firms)),
                sheet("<Notas & más>", None),
                sheet("Territorio", Some(Territory)),
            ],
            no_table: None,
        };
        let (step, mut choice) = Choosing::new("datos.xlsx".into(), opened, vec![Firms]);
        assert_eq!(choice, vec![Some(Firms), None, Some(Territory)]);
        assert!(step.status(Lang::En, &choice).contains("Firms"));
        choice[2] = choice_of("firms");
        assert!(step.clone().confirm(&choice).is_none());
        choice[2] = choice_of("");
        let confirmed = step.confirm(&choice).expect("confirmed");
        assert_eq!(confirmed.file, "datos.xlsx");
        assert_eq!(
            confirmed.tables,
            vec![(Firms, "Empresas".into(), "text of Empresas".into())]
        );
    }

    #[test]
    fn notices_are_worded_when_drawn_and_large_files_are_refused_by_size() {
        assert!(is_workbook_file("Datos.XLSX") && is_workbook_file("a.ods"));
        assert!(!is_workbook_file("proyecto.json"));
        assert_eq!(size_refusal("a.xlsx", 1024.0), None);
        let big = size_refusal("censo.xlsx", 50.0 * 1024.0 * 1024.0).expect("refused");
        let text = big.text(Lang::En);
        assert!(
            text.contains("censo.xlsx") && text.contains("50.0 MB"),
            "{text}"
        );
        assert!(!big.is_busy() && Notice::Writing.is_busy());
        let refused = Notice::Refused(Worded {
            en: "damaged".into(),
            es: "dañado".into(),
            pt: "danificado".into(),
        });
        assert_eq!(refused.text(Lang::Pt), "danificado");
        assert!(Notice::Reading("a.xlsx".into())
            .text(Lang::Es)
            .contains("a.xlsx"));
    }
}
