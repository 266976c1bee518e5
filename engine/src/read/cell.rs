//! One cell's text: missing markers, numbers, years and groups (SPEC, "Cell values").
//! Yes/no and the accent folding that headers and words are compared with are
//! `cluster_eval_types::text`'s.

use cluster_eval_types::reading::RowErrorKind;
use super::number::{self, DecimalMark, NumberError};
use cluster_eval_types::schema::ColumnType;
use crate::model::Group;
use cluster_eval_types::text::{fold, yes_no};

/// A cell read according to its column.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value<'a> {
    Missing,
    Number(f64),
    Flag(bool),
    Year(i32),
    Group(Group),
    /// Identifiers and free text, trimmed.
    Text(&'a str),
}

/// Reads one cell of a column of type `ty` (numbers with the column's decimal mark;
/// `buf` is scratch space reused between cells).
pub fn read<'a>(
    ty: ColumnType,
    raw: &'a str,
    mark: DecimalMark,
    buf: &mut String,
) -> Result<Value<'a>, RowErrorKind> {
    let mut value = Value::Missing;
    read_into(ty, raw, mark, buf, &mut value).map(|()| value)
}

/// [`read`] into `slot`, which is left alone on an error. The reader's form: a value
/// written where it goes, not moved there through the stack.
#[inline]
pub fn read_into<'a>(
    ty: ColumnType,
    raw: &'a str,
    mark: DecimalMark,
    buf: &mut String,
    slot: &mut Value<'a>,
) -> Result<(), RowErrorKind> {
    let s = trim(raw);
    if is_missing(s) {
        *slot = Value::Missing;
        return Ok(());
    }
    match ty {
        ColumnType::Id | ColumnType::Text => *slot = Value::Text(s),
        ColumnType::Group => match group(s) {
            Some(g) => *slot = Value::Group(g),
            None => return Err(RowErrorKind::UnknownGroup),
        },
        ColumnType::Year => match year(s) {
            Some(y) => *slot = Value::Year(y),
            None => return Err(RowErrorKind::YearNotInteger),
        },
        ColumnType::Flag => match yes_no(s) {
            Some(b) => *slot = Value::Flag(b),
            None => return Err(RowErrorKind::InvalidYesNo),
        },
        ColumnType::Number => *slot = amount(number::parse(s, mark, buf), mark)?,
    }
    Ok(())
}

/// The largest amount a cell may hold: 10^15, a thousand times the world's yearly
/// product in dollars, and still far below what a sum of millions of rows needs to
/// stay finite (two sales of 1e308 and 1.5e308 summed to infinity and were reported
/// as a baseline "summing to 0"). A larger value is a [`RowErrorKind::TooLarge`] row
/// error, with its line, rather than a figure no indicator can use.
pub const MAX_AMOUNT: f64 = 1e15;

/// The value of a number cell parsed with the column's decimal mark `mark`: an
/// amount, never negative, at most [`MAX_AMOUNT`].
#[inline]
pub fn amount<'a>(
    parsed: Result<f64, NumberError>,
    mark: DecimalMark,
) -> Result<Value<'a>, RowErrorKind> {
    amount_of(parsed, mark).map(Value::Number)
}

/// [`amount`] as a plain number.
#[inline]
pub fn amount_of(parsed: Result<f64, NumberError>, mark: DecimalMark) -> Result<f64, RowErrorKind> {
    match parsed {
        Ok(v) if v < 0.0 => Err(RowErrorKind::Negative),
        Ok(v) if v > MAX_AMOUNT => Err(RowErrorKind::TooLarge),
        // `-0` reads as 0.
        Ok(v) => Ok(v + 0.0),
        Err(NumberError::NotANumber) => Err(RowErrorKind::NotANumber),
        Err(NumberError::MarkMismatch) => Err(RowErrorKind::DecimalMismatch { decimal: mark }),
        Err(NumberError::TooLarge) => Err(RowErrorKind::TooLarge),
    }
}

/// A whole-number year (digits only: `2019`, not `2019.5`, `'19` or `2,019`).
#[inline]
pub fn year(s: &str) -> Option<i32> {
    // `2018.0` and `2018,00` are years too: a script's export (pandas writes a year
    // column with a missing value as floats) or a cell formatted with decimals. Only
    // zeros may follow the mark; `2018.5` stays an error.
    let s = match s.find(['.', ',']) {
        Some(at) if at > 0 && s.len() > at + 1 && s[at + 1..].bytes().all(|b| b == b'0') => {
            &s[..at]
        }
        _ => s,
    };
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Trims spaces, including the non-breaking and narrow spaces spreadsheets write.
#[inline]
pub fn trim(s: &str) -> &str {
    // Fast path: most cells start and end with a visible ASCII character.
    let b = s.as_bytes();
    match (b.first(), b.last()) {
        (Some(f), Some(l)) if f.is_ascii_graphic() && l.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

/// The texts of a missing value (compared ignoring ASCII case), none longer than 4
/// bytes.
const MISSING_MARKERS: [&str; 15] = [
    "na", "n/a", "#n/a", "-", "—", "–", "..", "...", "s/d", "nd", "n.d.", "n/d", "null", "nan",
    "s.d.",
];

/// Is this (trimmed) cell a missing value? Missing is not an error.
#[inline]
pub fn is_missing(s: &str) -> bool {
    match s.as_bytes().first() {
        None => true,
        // Fast path: no marker starts with a digit, or is longer than 4 bytes.
        Some(b) if b.is_ascii_digit() || s.len() > 4 => false,
        _ => is_marker(s),
    }
}

#[inline(never)]
fn is_marker(s: &str) -> bool {
    MISSING_MARKERS.iter().any(|m| s.eq_ignore_ascii_case(m))
}

#[cfg(test)]
#[test]
fn no_missing_marker_is_longer_than_the_fast_path_allows() {
    for m in MISSING_MARKERS {
        assert!(m.len() <= 4 && is_missing(m), "{m}");
    }
}

/// Reads a (trimmed, non-missing) group cell: `None` when it is no known group.
#[inline]
pub fn group(s: &str) -> Option<Group> {
    // Fast path: the canonical names as most tables write them.
    match s {
        "beneficiary" => Some(Group::Beneficiary),
        "cluster" => Some(Group::Cluster),
        "control" => Some(Group::Control),
        "sector" => Some(Group::Sector),
        _ if s.len() > 40 => None,
        _ => group_word(s),
    }
}

#[inline(never)]
fn group_word(s: &str) -> Option<Group> {
    let folded = fold(s);
    match folded.as_str() {
        "beneficiary" | "beneficiaries" | "beneficiaria" | "beneficiario" | "beneficiarias"
        | "beneficiarios" | "participant" | "participants" | "participante" | "participantes"
        | "treated" | "treatment" | "tratamiento" | "tratado" | "tratada" | "tratamento" | "b" => {
            Some(Group::Beneficiary)
        }
        "cluster" | "noparticipante" | "naoparticipante" | "nonparticipant" | "notparticipant"
        | "nonbeneficiary" | "nobeneficiaria" | "nobeneficiario" | "naobeneficiaria"
        | "naobeneficiario" | "conglomerado" | "aglomerado" => Some(Group::Cluster),
        "control" | "controls" | "comparison" | "comparacion" | "controle" | "comparacao"
        | "grupodecontrol" | "grupodecontrole" | "testigo" | "controlgroup" | "comparisongroup" => {
            Some(Group::Control)
        }
        "sector" | "restofsector" | "restofthesector" | "restodelsector" | "setor"
        | "restodosetor" | "sectortotal" | "totalsector" | "totalsetor" => Some(Group::Sector),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_markers() {
        for m in [
            "", "NA", "N/A", "n/a", "-", "—", "..", "s/d", "S/D", "nd", "ND", "null", "NULL",
            "#N/A",
        ] {
            assert!(is_missing(m), "{m}");
        }
        for v in ["0", "no", "x", "n", "1,5"] {
            assert!(!is_missing(v), "{v}");
        }
    }

    #[test]
    fn groups_in_three_languages() {
        use Group::*;
        let cases = [
            ("beneficiary", Beneficiary),
            ("Beneficiaria", Beneficiary),
            ("beneficiário", Beneficiary),
            ("beneficiária", Beneficiary),
            ("Participante", Beneficiary),
            ("treated", Beneficiary),
            ("Tratamiento", Beneficiary),
            ("cluster", Cluster),
            ("Clúster", Cluster),
            ("no participante", Cluster),
            ("Não participante", Cluster),
            ("control", Control),
            ("comparison", Control),
            ("Comparación", Control),
            ("controle", Control),
            ("sector", Sector),
            ("rest of sector", Sector),
            ("Resto del sector", Sector),
            ("setor", Sector),
            ("resto do setor", Sector),
        ];
        for (text, g) in cases {
            assert_eq!(group(text), Some(g), "{text}");
        }
        assert_eq!(group("vip"), None);
    }

    #[test]
    fn a_year_with_a_zero_fraction_is_a_year() {
        assert_eq!(year("2018"), Some(2018));
        assert_eq!(year("2018.0"), Some(2018));
        assert_eq!(year("2018,00"), Some(2018));
        assert_eq!(year("2018.5"), None);
        assert_eq!(year("2018."), None);
        assert_eq!(year(".0"), None);
        assert_eq!(year("20a8"), None);
    }
}
