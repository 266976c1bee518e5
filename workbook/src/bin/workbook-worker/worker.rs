//! The entry points run in the module's Web Worker (`workbook-loader.js`): reading a
//! workbook, writing the template and the results. Each answers in JSON or bytes,
//! never panics on a user's file (the crate returns typed errors), and words its
//! answers in the page's language.

use cluster_eval_engine::Document;
use cluster_eval_ui::i18n::{self, Lang};
use cluster_eval_workbook as workbook;
use wasm_bindgen::prelude::*;

pub(crate) fn lang(code: &str) -> Lang {
    Lang::from_code(code).unwrap_or(Lang::En)
}

/// Installs the page's texts of a language (`lang/<code>.json`), which name the
/// indicators, statuses and tables in the workbooks this module writes.
#[wasm_bindgen]
pub fn install_language(code: &str, json: &str) -> bool {
    i18n::install(lang(code), json)
}

/// Opens a workbook: `{"book": OpenedWorkbook}` or `{"refused": OpenError}`, as JSON.
/// The step (`page.rs`) words them, in the reader's language at the time.
#[wasm_bindgen]
pub fn open_workbook(bytes: Vec<u8>) -> String {
    let answer = match workbook::open(bytes) {
        Ok(book) => serde_json::json!({ "book": book }),
        Err(e) => serde_json::json!({ "refused": e }),
    };
    answer.to_string()
}

/// The template to fill in, in `code`'s language.
#[wasm_bindgen]
pub fn template(code: &str) -> Result<Vec<u8>, JsValue> {
    workbook::template::template(lang(code)).map_err(|e| JsValue::from_str(&e.to_string()))
}

/// The results workbook of a document (the page's export, results included).
#[wasm_bindgen]
pub fn results_workbook(document: &str, code: &str) -> Result<Vec<u8>, JsValue> {
    let doc = Document::from_json(document).map_err(|e| JsValue::from_str(&e.to_string()))?;
    workbook::results_book::results_workbook(&doc, lang(code))
        .map_err(|e| JsValue::from_str(&e.to_string()))
}
