//! The page and the workbook worker (`workbook/`, docs/workbooks.md).
//!
//! The page posts one [`WorkbookRequest`] and gets one [`WorkbookReply`] back. On the
//! wire a message is a three-element array `[id, json, bytes]`: `id` a number that
//! pairs a reply with its request, `json` the message as JSON text ([`to_json`] and
//! [`from_json`] below), and `bytes` an `ArrayBuffer`, transferred (not copied), for
//! the two messages that carry a file — [`WorkbookRequest::Open`] (the workbook read)
//! and [`WorkbookReply::File`] (the workbook written) — and `undefined` otherwise.
//! The bytes travel beside the JSON so that a 30 MB workbook is never escaped into
//! text, nor copied into the page's own WebAssembly memory.
//!
//! JSON text rather than `serde-wasm-bindgen`: both sides already link `serde_json`
//! (the page for its documents and storage, the worker for the document it writes),
//! so the text costs the page's first visit nothing, where `serde-wasm-bindgen` would
//! add its own serializer to it; and a sheet's text form (up to a few MB) crosses as
//! one string instead of one JavaScript object per field.
//!
//! The page side is `src/workbook_link.rs`, the worker side
//! `workbook/src/bin/workbook-worker/main.rs`; the answers are made by
//! `cluster_eval_workbook::answer`, natively tested.
//!
//! [`to_json`]: WorkbookRequest::to_json
//! [`from_json`]: WorkbookRequest::from_json

use cluster_eval_types::{
    columns, ColumnType, DecimalMark, Document, HeaderOutcome, ReadReport, Separator, TableKind,
};
use serde::{Deserialize, Serialize};

/// The worker's files, named after their content (`workbook.json`, written by
/// `scripts/workbook-hash.sh`): a cached old worker is never mixed with a new page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkbookManifest {
    /// wasm-bindgen's `no-modules` glue.
    pub js: String,
    /// The WebAssembly.
    pub wasm: String,
}

/// What the page asks the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum WorkbookRequest {
    /// Read the workbook `file` (its name, for the refusals and notes) into the
    /// tables' text form. Its bytes travel beside the request.
    Open { file: String },
    /// The template to fill in, in the language `lang` (`en`, `es`, `pt`).
    Template { lang: String },
    /// The results workbook of a document. `document` carries the results the compute
    /// worker computed in `Document::results` (typed here, not `Document::from_json`,
    /// which drops results on purpose): the workbook worker writes them, and never
    /// computes; without results it writes the inputs and says so. The document's
    /// table texts travel beside the JSON (`src/workbook_link.rs`), not in it.
    /// `tables`: how the page read each input table, so that its cells are written as
    /// it read them.
    Results {
        document: Box<Document>,
        tables: Vec<TableLayout>,
        lang: String,
    },
}

/// What the worker answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum WorkbookReply {
    /// The sheets of an opened workbook, for the sheet-to-table step.
    Opened(OpenedStep),
    /// The file is not a workbook that can be read: why, worded and naming the file.
    Refused(Worded),
    /// A workbook written; its bytes travel beside the reply.
    File,
    /// Anything else that went wrong (a library's words, or a malformed request).
    Failed(String),
}

/// A sentence in the page's three languages (the worker words it in all three, so
/// that the step follows a change of language without asking again).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Worded {
    pub en: String,
    pub es: String,
    pub pt: String,
}

impl Worded {
    /// The sentence in the language whose code is `code` (English when unknown).
    pub fn get(&self, code: &str) -> &str {
        match code {
            "es" => &self.es,
            "pt" => &self.pt,
            _ => &self.en,
        }
    }
}

/// An opened workbook as the sheet-to-table step shows it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OpenedStep {
    /// In the workbook's order.
    pub sheets: Vec<StepSheet>,
    /// Said when no sheet looks like any table.
    pub no_table: Option<Worded>,
}

/// One sheet of an opened workbook.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepSheet {
    /// The sheet's name, as typed by whoever made the workbook.
    pub name: String,
    /// The sheet in the tables' text form (tab-separated, numbers with a `.`).
    pub text: String,
    /// The table proposed for it (by its name or its header row; a table proposed for
    /// one sheet only).
    pub proposed: Option<TableKind>,
    /// What was read from it (rows, columns, header row, how it was matched).
    pub note: Worded,
}

/// How the page read one input table: its separator and, per pasted column, the
/// decimal mark of a column read as numbers or years (`None`: text, or ignored).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableLayout {
    pub table: TableKind,
    pub separator: Option<Separator>,
    pub marks: Vec<Option<DecimalMark>>,
}

impl TableLayout {
    /// The layout of `table` from the page's reading of it.
    pub fn from_report(table: TableKind, report: &ReadReport) -> Self {
        let marks = report
            .headers
            .iter()
            .map(|h| match &h.outcome {
                HeaderOutcome::Column { column, .. } => {
                    match columns(table)
                        .iter()
                        .find(|c| c.name == column)
                        .map(|c| c.ty)
                    {
                        Some(ColumnType::Number) => Some(
                            report
                                .decimal(column)
                                .map_or(DecimalMark::Point, |d| d.mark),
                        ),
                        Some(ColumnType::Year) => Some(DecimalMark::Point),
                        _ => None,
                    }
                }
                HeaderOutcome::Ignored { .. } => None,
            })
            .collect();
        TableLayout {
            table,
            separator: report.separator,
            marks,
        }
    }

    /// The separator as a character (a tab when the table was empty).
    pub fn separator_char(&self) -> char {
        match self.separator {
            Some(Separator::Semicolon) => ';',
            Some(Separator::Comma) => ',',
            _ => '\t',
        }
    }
}

macro_rules! json_text {
    ($($t:ty),*) => {$(
        impl $t {
            /// The message as JSON text, for the wire. Pretty, as `Document::to_json`
            /// writes: the page then links one serializer of the document, not two
            /// (9.5 KB of WebAssembly); the few spaces cost nothing beside the tables.
            pub fn to_json(&self) -> String {
                serde_json::to_string_pretty(self).unwrap_or_default()
            }

            /// The message from its JSON text.
            pub fn from_json(text: &str) -> Result<Self, String> {
                serde_json::from_str(text).map_err(|e| e.to_string())
            }
        }
    )*};
}

json_text!(WorkbookRequest, WorkbookReply, WorkbookManifest);

impl WorkbookRequest {
    /// Whether bytes travel beside this request.
    pub fn carries_bytes(&self) -> bool {
        matches!(self, WorkbookRequest::Open { .. })
    }
}

impl WorkbookReply {
    /// Whether bytes travel beside this reply.
    pub fn carries_bytes(&self) -> bool {
        matches!(self, WorkbookReply::File)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_cross_as_json_text() {
        let requests = [
            WorkbookRequest::Open {
                file: "datos \"2024\".xlsx".into(),
            },
            WorkbookRequest::Template { lang: "es".into() },
            WorkbookRequest::Results {
                document: Box::default(),
                tables: vec![TableLayout {
                    table: TableKind::Firms,
                    separator: Some(Separator::Tab),
                    marks: vec![None, Some(DecimalMark::Comma)],
                }],
                lang: "pt".into(),
            },
        ];
        for r in requests {
            assert_eq!(WorkbookRequest::from_json(&r.to_json()), Ok(r));
        }
        let reply = WorkbookReply::Opened(OpenedStep {
            sheets: vec![StepSheet {
                name: "Empresas".into(),
                text: "empresa\tgrupo\nF1\tb".into(),
                proposed: Some(TableKind::Firms),
                note: Worded::default(),
            }],
            no_table: None,
        });
        assert_eq!(WorkbookReply::from_json(&reply.to_json()), Ok(reply));
        assert!(WorkbookReply::File.carries_bytes());
        assert!(WorkbookReply::from_json("{\"Nope\":1}").is_err());
    }

    #[test]
    fn a_worded_sentence_falls_back_to_english() {
        let w = Worded {
            en: "a".into(),
            es: "b".into(),
            pt: "c".into(),
        };
        assert_eq!((w.get("es"), w.get("pt"), w.get("fr")), ("b", "c", "a"));
    }
}
