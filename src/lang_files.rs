//! The Spanish and Portuguese texts, fetched when a reader needs them
//! (`lang/<code>.json`, written from the catalogue and the engine messages' wording
//! by `cargo run -p cluster-eval-ui --example lang_files`) and installed into `cluster_eval_ui::i18n`. The page's
//! WebAssembly carries English only: a first visit downloads one language, not
//! three. The light shell of index.html starts the download of the reader's file
//! while the WebAssembly arrives, and the service worker keeps the files for
//! offline use once fetched.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::{self, Lang};
use crate::storage::{Storage, WebStorage, LANG_KEY};

/// The language the page will open in: the one chosen last, else the browser's.
pub fn starting_language() -> Lang {
    WebStorage::Local
        .get(LANG_KEY)
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_else(crate::browser_lang::from_browser)
}

/// Makes `lang`'s texts available; false when its file could not be had (offline
/// before it was ever fetched): the page then stays in English.
pub async fn ensure(lang: Lang) -> bool {
    ensure_from("", lang).await
}

/// [`ensure`] for a page whose `lang/` folder is at `base` (`../` for the portfolio
/// page, which lives in `portfolio/`).
pub async fn ensure_from(base: &str, lang: Lang) -> bool {
    if i18n::is_installed(lang) {
        return true;
    }
    match fetch_text(&format!("{base}lang/{}.json", lang.code())).await {
        Some(text) => i18n::install(lang, &text),
        None => false,
    }
}

async fn fetch_text(url: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}
