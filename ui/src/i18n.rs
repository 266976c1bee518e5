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

    /// The decimal mark and thousands separator of the reader's locale: the
    /// language's usual one, except Spanish as written where the decimal point is the
    /// rule (Mexico, Central America, the Caribbean, the United States:
    /// [`set_spanish_region`]).
    pub fn marks(self) -> (char, char) {
        match self {
            Lang::En => ('.', ','),
            Lang::Es if SPANISH_DECIMAL_POINT.with(std::cell::Cell::get) => ('.', ','),
            Lang::Es | Lang::Pt => (',', '.'),
        }
    }
}

thread_local! {
    /// The reader writes Spanish with a decimal point (see [`set_spanish_region`]).
    static SPANISH_DECIMAL_POINT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The Spanish-speaking regions that write `1,234.5` (a decimal point): Mexico,
/// Guatemala, Honduras, El Salvador, Nicaragua, Panama, the Dominican Republic, Puerto
/// Rico and the United States. Spain and the rest of South America write `1.234,5`.
const DECIMAL_POINT_REGIONS: [&str; 9] = ["mx", "gt", "hn", "sv", "ni", "pa", "do", "pr", "us"];

/// Takes the reader's locales, as the browser lists them (`es-MX`, `es-419`…): the
/// first Spanish one decides how Spanish numbers are written on the page. Returns
/// whether it writes a decimal point.
pub fn set_spanish_region<'a>(locales: impl IntoIterator<Item = &'a str>) -> bool {
    let point = locales
        .into_iter()
        .map(|l| l.trim().to_ascii_lowercase().replace('_', "-"))
        .find(|l| l == "es" || l.starts_with("es-"))
        .and_then(|l| l.split('-').nth(1).map(str::to_string))
        .is_some_and(|region| DECIMAL_POINT_REGIONS.contains(&region.as_str()));
    SPANISH_DECIMAL_POINT.with(|p| p.set(point));
    point
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

/// The text of `key` in `lang`'s installed file, if any (never for English). The
/// engine's messages (`crate::notes`) read their Spanish and Portuguese wording here
/// in WebAssembly; natively they do too once a file is installed, which is how the
/// tests check that a file gives the same words as the texts written in the source.
pub fn installed_text(lang: Lang, key: &str) -> Option<&'static str> {
    installed(lang, key)
}

/// The text of one of the engine's messages in WebAssembly (what `tr!` of
/// `crate::notes` calls there): `key`'s installed template in `lang`, else the English
/// one, filled with `args`. One shared function, so that each message adds only its
/// list of values to the page's code.
#[inline(never)]
pub fn fill_installed(
    lang: Lang,
    key: &str,
    english: &str,
    args: &[(&str, &dyn std::fmt::Display)],
) -> String {
    fill(installed(lang, key).unwrap_or(english), args)
}

/// `template` with each `{name}` placeholder replaced by its value among `args`, in
/// one pass: a value that itself holds braces is written as it is, and a placeholder
/// without a value stays as written. For a template whose only braces are `{name}`
/// placeholders, this is what `format!` makes of the same template with the same
/// values in scope.
pub fn fill(template: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(template.len() + 16 * args.len());
    for piece in pieces(template) {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Slot(name) => match args.iter().find(|(arg, _)| *arg == name) {
                Some((_, value)) => {
                    let _ = write!(out, "{value}");
                }
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            },
        }
    }
    out
}

/// Whether `lang`'s texts are at hand (English always; natively, every language).
pub fn is_installed(lang: Lang) -> bool {
    match slot(lang) {
        None => true,
        Some(_) if !cfg!(target_arch = "wasm32") => true,
        Some(slot) => INSTALLED.with(|t| t.borrow().get(slot).is_some_and(Option::is_some)),
    }
}

/// A language's file: `{"key": "text", …}` for every key of the catalogue, then for
/// every text of the engine's messages (`note.…`, read from `ui/src/notes.rs` itself:
/// natively only, where that source is at hand).
pub fn language_file(lang: Lang) -> String {
    let column = |&(key, en, es, pt): &(&str, &str, &str, &str)| {
        let text = match lang {
            Lang::En => en,
            Lang::Es => es,
            Lang::Pt => pt,
        };
        (key.to_string(), serde_json::Value::String(text.to_string()))
    };
    #[allow(unused_mut)]
    let mut map: serde_json::Map<String, serde_json::Value> =
        CATALOGUE.iter().map(column).collect();
    #[cfg(not(target_arch = "wasm32"))]
    for note in crate::notes::note_texts() {
        let text = match lang {
            Lang::En => note.en,
            Lang::Es => note.es,
            Lang::Pt => note.pt,
        };
        map.insert(note.key, serde_json::Value::String(text));
    }
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
