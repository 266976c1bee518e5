//! Numbers typed by a person into a field of the page, and stored numbers as a field
//! shows them, in the reader's convention. Pure, so `cargo test` checks them natively.

use crate::i18n::Lang;

/// A typed text that is not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotANumber;

/// Reads a number typed by a person: empty is "not set"; both `1.234,5` and
/// `1,234.5` are understood. With one kind of mark only, a mark is a thousands
/// separator when every group after it has three digits and either it appears more
/// than once (`1.234.567`) or the language writes it so (`1.234` is 1234 in Spanish,
/// `1,234` is 1234 in English); otherwise it is the decimal mark, so `2500000.75`,
/// which Mexican and Central American spreadsheets write, is read as it is meant in
/// every language.
pub fn parse_number(lang: Lang, text: &str) -> Result<Option<f64>, NotANumber> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '$')
        .collect();
    if cleaned.is_empty() {
        return Ok(None);
    }
    let count = |mark: char| cleaned.matches(mark).count();
    let grouped = |mark: char| {
        cleaned
            .split(mark)
            .skip(1)
            .all(|group| group.len() == 3 && group.bytes().all(|b| b.is_ascii_digit()))
    };
    let (thousands, decimal) = match (cleaned.rfind(','), cleaned.rfind('.')) {
        (Some(c), Some(p)) if c > p => ('.', ','),
        (Some(_), Some(_)) => (',', '.'),
        (Some(_), None) if grouped(',') && (count(',') > 1 || lang.marks().1 == ',') => (',', '.'),
        (Some(_), None) => ('.', ','),
        (None, Some(_)) if grouped('.') && (count('.') > 1 || lang.marks().1 == '.') => ('.', ','),
        _ => (',', '.'),
    };
    cleaned
        .replace(thousands, "")
        .replace(decimal, ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(Some)
        .ok_or(NotANumber)
}

/// A stored number as the field shows it, in the reader's convention. Rounded to 12
/// significant digits: a percentage stored as a fraction comes back as
/// `7.000000000000001` otherwise.
pub fn show_number(lang: Lang, value: Option<f64>) -> String {
    let Some(v) = value else {
        return String::new();
    };
    if v.fract() == 0.0 && v.abs() < 1e15 {
        return format!("{v:.0}");
    }
    let digits = 11 - v.abs().log10().floor().clamp(-300.0, 300.0) as i32;
    let text = if (0..=20).contains(&digits) {
        let fixed = format!("{v:.0$}", digits as usize);
        fixed
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string()
    } else {
        format!("{v}")
    };
    if lang.marks().0 == ',' {
        text.replace('.', ",")
    } else {
        text
    }
}

/// What a number field shows while the person types into it: the text as typed when
/// it reads as the stored value (each valid keystroke is saved at once, and `1.`,
/// `1,50` or `12 000` must not be rewritten into `1`, `1,5` or `12000` under their
/// fingers), else the stored value in the reader's convention (it was changed
/// elsewhere: another tab, another project, an undo). `typed` is `None` once the
/// field is left. Values within 1e-12 (relative) count as one: a percentage stored
/// as a fraction does not come back exactly.
pub fn shown_while_typing(lang: Lang, typed: Option<&str>, value: Option<f64>) -> String {
    if let Some(text) = typed {
        let same = match (parse_number(lang, text), value) {
            (Ok(None), None) => true,
            (Ok(Some(a)), Some(b)) => (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1.0),
            _ => false,
        };
        if same {
            return text.to_string();
        }
    }
    show_number(lang, value)
}
