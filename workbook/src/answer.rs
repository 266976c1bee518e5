//! The worker's answers: one [`WorkbookRequest`] in, one [`WorkbookReply`] out (the
//! bytes of a file beside each, see `cluster_eval_protocol::workbook`). The worker's
//! `onmessage` (`src/bin/workbook-worker/main.rs`) only decodes and posts; what it
//! answers is decided here, natively tested. Never panics on a user's file: the
//! crate's readers and writers return typed errors.

use cluster_eval_protocol::workbook::{OpenedStep, StepSheet, WorkbookReply, WorkbookRequest};
use cluster_eval_ui::i18n::Lang;

use crate::open::{open, proposal};
use crate::texts::{no_table, open_error, sheet_note, worded};

/// The language of a request's code (English when unknown).
pub fn lang(code: &str) -> Lang {
    Lang::from_code(code).unwrap_or(Lang::En)
}

/// The reply to `request`, whose file (for `Open`) is `bytes`; a written workbook's
/// bytes come back beside the reply. The texts of the request's language must be
/// installed (`cluster_eval_ui::i18n::install`) for a workbook written in it.
pub fn answer(
    request: WorkbookRequest,
    bytes: Option<Vec<u8>>,
) -> (WorkbookReply, Option<Vec<u8>>) {
    let written = match request {
        WorkbookRequest::Open { file } => {
            let Some(bytes) = bytes else {
                return (WorkbookReply::Failed("no bytes to open".into()), None);
            };
            return (opened(&file, bytes), None);
        }
        WorkbookRequest::Template { lang: code } => crate::template::template(lang(&code)),
        WorkbookRequest::Results {
            document,
            tables,
            lang: code,
        } => crate::results_book::results_workbook(&document, &tables, lang(&code)),
    };
    match written {
        Ok(bytes) => (WorkbookReply::File, Some(bytes)),
        Err(e) => (WorkbookReply::Failed(e.to_string()), None),
    }
}

/// A workbook's sheets for the step, or why it cannot be read, worded.
fn opened(file: &str, bytes: Vec<u8>) -> WorkbookReply {
    let book = match open(bytes) {
        Ok(book) => book,
        Err(e) => return WorkbookReply::Refused(worded(|l| open_error(&e, file, l))),
    };
    let proposed = proposal(&book);
    let no_table = (!book.any_table()).then(|| worded(|l| no_table(file, l)));
    let sheets = book
        .sheets
        .into_iter()
        .zip(proposed)
        .map(|(sheet, proposed)| StepSheet {
            note: worded(|l| sheet_note(&sheet, l)),
            name: sheet.name,
            text: sheet.text,
            proposed,
        })
        .collect();
    WorkbookReply::Opened(OpenedStep { sheets, no_table })
}
