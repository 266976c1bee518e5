//! The workbook module's entry points, run in a Web Worker of its own by
//! `workbook-loader.js` (the page never loads this WebAssembly on its main thread,
//! and never on a first visit: it is fetched when a workbook is first used, or by
//! the service worker in the background once the first visit has finished).
//!
//! Each entry point answers in JSON or bytes, never panics on a user's file (the
//! crate returns typed errors), and words its answers in the page's language.

#[cfg(target_arch = "wasm32")]
mod worker {
    use cluster_eval_engine::Document;
    use cluster_eval_ui::i18n::{self, Lang};
    use cluster_eval_workbook as workbook;
    use wasm_bindgen::prelude::*;

    fn lang(code: &str) -> Lang {
        Lang::from_code(code).unwrap_or(Lang::En)
    }

    /// Installs the page's texts of a language (`lang/<code>.json`), which name the
    /// indicators, statuses and tables in the workbooks this module writes.
    #[wasm_bindgen]
    pub fn install_language(code: &str, json: &str) -> bool {
        i18n::install(lang(code), json)
    }

    /// Opens a workbook: `{"sheets": [...], "proposal": [...], "no_table": text?}`, or
    /// `{"error": text}` naming the file.
    #[wasm_bindgen]
    pub fn open_workbook(file: &str, bytes: Vec<u8>, code: &str) -> String {
        let lang = lang(code);
        let answer = match workbook::open(bytes) {
            Ok(book) => {
                let notes: Vec<String> = book
                    .sheets
                    .iter()
                    .map(|s| workbook::texts::sheet_note(s, lang))
                    .collect();
                serde_json::json!({
                    "format": book.format,
                    "sheets": book.sheets,
                    "notes": notes,
                    "proposal": workbook::proposal(&book),
                    "no_table": (!book.any_table()).then(|| workbook::texts::no_table(file, lang)),
                })
            }
            Err(e) => serde_json::json!({ "error": workbook::texts::open_error(&e, file, lang) }),
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
}

fn main() {}
