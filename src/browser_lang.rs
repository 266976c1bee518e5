//! The reader's language as the browser states it.

use crate::i18n::Lang;

/// The first of the browser's preferred languages that the page speaks.
pub fn from_browser() -> Lang {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Lang::En;
    };
    let preferred = navigator.languages();
    for value in preferred.iter() {
        if let Some(lang) = value.as_string().and_then(|c| Lang::from_code(&c)) {
            return lang;
        }
    }
    navigator
        .language()
        .and_then(|c| Lang::from_code(&c))
        .unwrap_or(Lang::En)
}
