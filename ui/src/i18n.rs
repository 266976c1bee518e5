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
    match CATALOGUE.iter().find(|row| row.0 == key) {
        Some(&(_, en, es, pt)) => match lang {
            Lang::En => en,
            Lang::Es => es,
            Lang::Pt => pt,
        },
        None => key,
    }
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
    CATALOGUE
        .iter()
        .find(|row| row.0 == key)
        .map(|&(_, en, es, pt)| match lang {
            Lang::En => en,
            Lang::Es => es,
            Lang::Pt => pt,
        })
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
