//! Text as people type it: accent and case folding (how headers, entity types and
//! words are compared), yes/no in three languages, and the invisible characters a
//! paste can hide.
//!
//! No regex or Unicode-normalisation crate (the engine ships to the browser): Latin
//! accents are folded by hand, which covers English, Spanish and Portuguese.

/// Folds one lowercase character: Latin letters lose their accents.
#[inline]
fn fold_char(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        other => other,
    }
}

/// Appends `s` to `out` lowercased, accent-folded, keeping letters and digits only
/// (so case, accents, spaces, `_`, `-` and punctuation are all ignored).
pub fn fold_into(s: &str, out: &mut String) {
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
            continue;
        }
        // Ordinal indicators (`Nº`) are marks, not letters, to a reader.
        if c == 'º' || c == 'ª' {
            continue;
        }
        for lower in c.to_lowercase() {
            let f = fold_char(lower);
            if f.is_alphanumeric() {
                out.push(f);
            }
        }
    }
}

/// [`fold_into`] into a new string.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Reads a (trimmed, non-missing) yes/no cell: `None` when it is neither.
#[inline]
pub fn yes_no(s: &str) -> Option<bool> {
    match s.as_bytes() {
        [b'1'] => Some(true),
        [b'0'] => Some(false),
        _ => yes_no_word(s),
    }
}

#[inline(never)]
fn yes_no_word(s: &str) -> Option<bool> {
    match s {
        "1" | "1.0" | "1,0" => return Some(true),
        "0" | "0.0" | "0,0" => return Some(false),
        _ => {}
    }
    if s.len() > 12 {
        return None;
    }
    let mut folded = String::with_capacity(s.len());
    fold_into(s, &mut folded);
    match folded.as_str() {
        "yes" | "y" | "si" | "s" | "sim" | "true" | "t" | "verdadero" | "verdadeiro" | "v"
        | "x" => Some(true),
        "no" | "n" | "nao" | "false" | "f" | "falso" => Some(false),
        _ => None,
    }
}

/// The invisible characters read as if absent.
#[inline]
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        // C0 controls but tab and line ends (a NUL in an id split the firm in two)
        '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}'
        | '\u{00ad}'             // soft hyphen
        | '\u{061c}'             // Arabic letter mark
        | '\u{180e}'             // Mongolian vowel separator
        | '\u{200b}'..='\u{200f}' // zero-width space, non-joiner, joiner; LRM, RLM
        | '\u{202a}'..='\u{202e}' // direction embeddings and overrides
        | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}' // direction isolates
        | '\u{feff}'             // zero-width no-break space (a BOM inside the text)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_case_and_separators() {
        assert_eq!(fold("Año"), "ano");
        assert_eq!(fold("Exportações"), "exportacoes");
        assert_eq!(fold("ID_Empresa"), "idempresa");
        assert_eq!(fold("eco-Efficiency"), "ecoefficiency");
        assert_eq!(fold("Nº empresas"), "nempresas");
    }

    #[test]
    fn yes_no_in_three_languages() {
        for y in [
            "1",
            "yes",
            "Yes",
            "Y",
            "sí",
            "Sí",
            "si",
            "SIM",
            "sim",
            "true",
            "TRUE",
            "verdadero",
            "VERDADERO",
            "verdadeiro",
            "x",
            "X",
            "1.0",
        ] {
            assert_eq!(yes_no(y), Some(true), "{y}");
        }
        for n in [
            "0", "no", "No", "n", "N", "não", "nao", "NÃO", "false", "FALSO", "falso", "0,0",
        ] {
            assert_eq!(yes_no(n), Some(false), "{n}");
        }
        for bad in ["maybe", "2", "10", "quizás", "talvez", "yes please"] {
            assert_eq!(yes_no(bad), None, "{bad}");
        }
    }
}
