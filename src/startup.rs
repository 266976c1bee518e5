//! What both pages set up before anything else: the reader's number style, and a
//! panic hook that says so on the page.
//!
//! A panic on the page's own thread stops its WebAssembly for good: nothing drawn by
//! Leptos answers any more. The hook logs it (console_error_panic_hook) and puts a
//! plain notice at the top of the page, in the page's language, saying that it stopped
//! and that saved projects are safe (every edit is saved within a fraction of a second,
//! `state.rs`), so the reader reloads instead of typing into a dead page.

use crate::i18n::{t, Lang};

/// Sets the reader's number style (Spanish with a decimal point in Mexico…) from the
/// browser's locales, and installs the panic hook.
pub fn start() {
    if let Some(navigator) = web_sys::window().map(|w| w.navigator()) {
        let locales: Vec<String> = navigator
            .languages()
            .iter()
            .filter_map(|v| v.as_string())
            .chain(navigator.language())
            .collect();
        crate::i18n::set_spanish_region(locales.iter().map(String::as_str));
    }
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_stopped();
    }));
}

/// The notice, built with plain DOM calls (the page's reactive runtime may be the
/// thing that stopped).
fn show_stopped() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let lang = document
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or(Lang::En);
    let Ok(notice) = document.create_element("p") else {
        return;
    };
    notice.set_class_name("notice error page-stopped");
    let _ = notice.set_attribute("role", "alert");
    let _ = notice.set_attribute("data-testid", "page-stopped");
    notice.set_text_content(Some(t(lang, "page.stopped")));
    if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(&notice);
    }
}
