//! Languages of the page: English, Spanish and Portuguese.
//!
//! A flat catalogue of `(key, en, es, pt)` rows rather than an i18n crate: the page has
//! a few hundred short texts, and a static table costs a few kilobytes of wasm where
//! the crates bring ICU data or build-time macros. Every row carries all three
//! languages by construction, so no text can be missing in one of them; a test checks
//! that no key is listed twice and the page falls back to English for an unknown key.

use crate::messages::CATALOGUE;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Es,
    Pt,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Es, Lang::Pt];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Pt => "pt",
        }
    }

    /// The language's own name, as shown in the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
            Lang::Pt => "Português",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        let primary = code.split(['-', '_']).next().unwrap_or("");
        match primary {
            "en" => Some(Lang::En),
            "es" => Some(Lang::Es),
            "pt" => Some(Lang::Pt),
            _ => None,
        }
    }

    /// The decimal mark and thousands separator of the language's usual locale.
    pub fn marks(self) -> (char, char) {
        match self {
            Lang::En => ('.', ','),
            Lang::Es | Lang::Pt => (',', '.'),
        }
    }
}

/// The text of `key` in `lang` (the key itself when the catalogue lacks it, so a
/// missing text shows up on the page instead of a blank).
pub fn t(lang: Lang, key: &'static str) -> &'static str {
    lookup(lang, key).unwrap_or(key)
}

/// `t` with `{name}` placeholders replaced by the given values.
pub fn tf(lang: Lang, key: &'static str, args: &[(&str, String)]) -> String {
    let mut text = t(lang, key).to_string();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// The text of a key built at run time (message codes from the engine), if the
/// catalogue has it.
pub fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    let &(key, en, es, pt) = CATALOGUE.iter().find(|row| row.0 == key)?;
    let text = match lang {
        Lang::En => en,
        Lang::Es => es,
        Lang::Pt => pt,
    };
    // In WebAssembly the Spanish and Portuguese columns are empty: the text comes
    // from the language's file once installed, and is English until then.
    Some(if text.is_empty() {
        installed(lang, key).unwrap_or(en)
    } else {
        text
    })
}

thread_local! {
    /// The Spanish and Portuguese texts loaded from `lang/<code>.json` (page only).
    static INSTALLED: std::cell::RefCell<[Option<std::collections::HashMap<&'static str, &'static str>>; 2]> =
        const { std::cell::RefCell::new([None, None]) };
}

fn slot(lang: Lang) -> Option<usize> {
    match lang {
        Lang::En => None,
        Lang::Es => Some(0),
        Lang::Pt => Some(1),
    }
}

fn installed(lang: Lang, key: &str) -> Option<&'static str> {
    let slot = slot(lang)?;
    INSTALLED.with(|t| t.borrow().get(slot)?.as_ref()?.get(key).copied())
}

/// Whether `lang`'s texts are at hand (English always; natively, every language).
pub fn is_installed(lang: Lang) -> bool {
    match slot(lang) {
        None => true,
        Some(_) if !cfg!(target_arch = "wasm32") => true,
        Some(slot) => INSTALLED.with(|t| t.borrow().get(slot).is_some_and(Option::is_some)),
    }
}

/// A language's file: `{"key": "text", …}` for every key of the catalogue.
pub fn language_file(lang: Lang) -> String {
    let column = |&(key, en, es, pt): &(&str, &str, &str, &str)| {
        let text = match lang {
            Lang::En => en,
            Lang::Es => es,
            Lang::Pt => pt,
        };
        (key.to_string(), serde_json::Value::String(text.to_string()))
    };
    let map: serde_json::Map<String, serde_json::Value> = CATALOGUE.iter().map(column).collect();
    let mut text = serde_json::to_string_pretty(&map).unwrap_or_default();
    text.push('\n');
    text
}

/// Installs `lang`'s texts from its file (what [`language_file`] wrote). Each text is
/// kept for the life of the page, like the catalogue's own. A file that is not such
/// an object installs nothing, and the page stays in English.
pub fn install(lang: Lang, file: &str) -> bool {
    let Some(slot) = slot(lang) else {
        return true;
    };
    let Ok(map) = serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(file) else {
        return false;
    };
    let table: std::collections::HashMap<&'static str, &'static str> = map
        .into_iter()
        .filter_map(|(k, v)| match v {
            serde_json::Value::String(text) => Some((
                &*Box::leak(k.into_boxed_str()),
                &*Box::leak(text.into_boxed_str()),
            )),
            _ => None,
        })
        .collect();
    INSTALLED.with(|t| {
        if let Some(place) = t.borrow_mut().get_mut(slot) {
            *place = Some(table);
        }
    });
    true
}

/// A piece of a catalogue text: words of the page, or a `{name}` placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Slot(&'a str),
}

/// A catalogue text cut at its `{name}` placeholders, so that the page can put each
/// value in its own element: a name, a file name or pasted text shown in a notice is
/// isolated (`<bdi>`), so that a right-to-left override in it cannot reverse the
/// words and punctuation around it. A `{` without a closing `}` is text.
pub fn pieces(template: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        let name = &rest[open + 1..close];
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            out.push(Piece::Text(&rest[..=open]));
            rest = &rest[open + 1..];
            continue;
        }
        if open > 0 {
            out.push(Piece::Text(&rest[..open]));
        }
        out.push(Piece::Slot(name));
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}
