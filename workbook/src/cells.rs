//! One cell's typed value, and how it is written in a table's text form.
//!
//! A number is a number: it is written with a `.` and no thousands separator, the way
//! the engine reads a workbook table (`TableSource`), so no decimal mark is guessed.
//! A formula gives its cached value (calamine reads that). A date in a year column
//! gives its year; elsewhere it is written as an ISO date, which a number column then
//! reports as an error with its text, as it would a pasted date.

use calamine::{Data, DataRef};

/// A cell as the text form needs it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// Days since 1899-12-30 (the spreadsheet serial date).
    Date(f64),
    /// A date written as text by the file (`2019-03-01`, `2019-03-01T00:00:00`).
    IsoDate(String),
    /// A formula's error (`#DIV/0!`), kept as its text.
    Error(String),
    /// A number whose format changes the text a person sees (`8` formatted `000`
    /// shows `008`): `text` is that text. Written as `text` in a column of ids or
    /// text, as the number in a column of amounts or years (see [`crate::shown`]).
    Shown {
        value: f64,
        text: String,
        /// The text only pads the number with zeros (`008`), so it reads as the
        /// same number wherever it goes.
        padded: bool,
    },
    /// A formula without a cached value (never calculated: written by a script or a
    /// converter), at the cell named `reference` (`Empresas!C12`). Written as
    /// [`NO_VALUE`] and the reference, which the engine reads as a row error.
    NoValue(String),
}

/// How a formula without a value starts in the text form (the engine's reader
/// reports a cell that starts so as such, in any column).
pub use cluster_eval_engine::NO_VALUE;

/// How a column's cells are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// Amounts and counts: a number stays a number.
    Number,
    /// Years: a date gives its year, a number stays a number.
    Year,
    /// Ids and text: a number is written as it is shown.
    Text,
    /// A header no table's column has: a number is written as shown only when that
    /// reads as the same number.
    Unknown,
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as header text (a year written as a number in a header stays `2019`).
    pub fn header_text(&self) -> String {
        let mut out = String::new();
        self.write(false, &mut out);
        out.replace(['\t', '\r', '\n'], " ").trim().to_string()
    }

    /// Appends the cell's text form to `out`, as a cell of `column`.
    pub fn write_in(&self, column: Column, out: &mut String) {
        match self {
            Cell::Shown {
                value,
                text,
                padded,
            } => match column {
                Column::Text => write_text(text, out),
                Column::Unknown if *padded => write_text(text, out),
                _ => write_number(*value, out),
            },
            _ => self.write(column == Column::Year, out),
        }
    }

    /// Appends the cell's text form to `out`. `year_column`: a date gives its year.
    pub fn write(&self, year_column: bool, out: &mut String) {
        use std::fmt::Write;
        match self {
            Cell::Shown { value, .. } => write_number(*value, out),
            Cell::NoValue(reference) => write_text(&format!("{NO_VALUE} {reference}"), out),
            Cell::Empty => {}
            Cell::Text(t) => write_text(t, out),
            Cell::Number(x) => write_number(*x, out),
            Cell::Bool(b) => out.push_str(if *b { "yes" } else { "no" }),
            Cell::Date(serial) => {
                let (y, m, d) = civil_from_serial(*serial);
                if year_column {
                    let _ = write!(out, "{y}");
                } else {
                    let _ = write!(out, "{y:04}-{m:02}-{d:02}");
                }
            }
            Cell::IsoDate(s) => {
                let date = s.split('T').next().unwrap_or(s);
                match (year_column, date.get(..4)) {
                    (true, Some(year)) if year.bytes().all(|b| b.is_ascii_digit()) => {
                        out.push_str(year)
                    }
                    _ => write_text(date, out),
                }
            }
            Cell::Error(e) => write_text(e, out),
        }
    }
}

impl From<&Data> for Cell {
    fn from(d: &Data) -> Self {
        match d {
            Data::Empty => Cell::Empty,
            Data::Int(i) => Cell::Number(*i as f64),
            Data::Float(f) => Cell::Number(*f),
            Data::String(s) => Cell::Text(s.clone()),
            Data::Bool(b) => Cell::Bool(*b),
            Data::DateTime(dt) if dt.is_datetime() => Cell::Date(dt.as_f64()),
            Data::DateTime(dt) => Cell::Number(dt.as_f64()),
            Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::IsoDate(s.clone()),
            Data::Error(e) => Cell::Error(e.to_string()),
        }
    }
}

impl From<&DataRef<'_>> for Cell {
    fn from(d: &DataRef<'_>) -> Self {
        match d {
            DataRef::Empty => Cell::Empty,
            DataRef::Int(i) => Cell::Number(*i as f64),
            DataRef::Float(f) => Cell::Number(*f),
            DataRef::String(s) => Cell::Text(s.clone()),
            DataRef::SharedString(s) => Cell::Text((*s).to_string()),
            DataRef::Bool(b) => Cell::Bool(*b),
            DataRef::DateTime(dt) if dt.is_datetime() => Cell::Date(dt.as_f64()),
            DataRef::DateTime(dt) => Cell::Number(dt.as_f64()),
            DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::IsoDate(s.clone()),
            DataRef::Error(e) => Cell::Error(e.to_string()),
        }
    }
}

/// A number with a `.`, no thousands separator and no exponent: whole numbers as
/// integers (`2019`, not `2019.0`), others in the shortest form that reads back as
/// the same `f64` (Rust's `Display`).
///
/// A number that would read either way (`36.232`: one `.` before three digits, which
/// a paste may mean as a thousands point) gets a trailing zero (`36.2320`): it is the
/// same number, and it tells the reader that the column's `.` is a decimal point, so
/// that text cells beside it go through the paste's rules and a number cell never
/// does (docs/workbooks.md).
fn write_number(x: f64, out: &mut String) {
    use std::fmt::Write;
    if x.is_finite() && x.fract() == 0.0 && x.abs() < 1e15 {
        let _ = write!(out, "{}", x as i64);
    } else {
        let start = out.len();
        let _ = write!(out, "{x}");
        if reads_either_way(out.get(start..).unwrap_or_default()) {
            out.push('0');
        }
    }
}

/// `1.234`, `-36.232`, `123.456`: one to three digits (not a lone `0`), a `.`, three
/// digits, as the engine's reader finds ambiguous.
fn reads_either_way(s: &str) -> bool {
    let s = s.strip_prefix('-').unwrap_or(s);
    let Some((int, frac)) = s.split_once('.') else {
        return false;
    };
    (1..=3).contains(&int.len())
        && int != "0"
        && frac.len() == 3
        && int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
}

/// Text, on one line (a tab or line break inside a cell would split the row), and
/// quoted when it holds a quote, as the reader's CSV-style quoting expects.
fn write_text(t: &str, out: &mut String) {
    let t = t.trim();
    let one_line = t.contains(['\t', '\r', '\n']);
    let t: std::borrow::Cow<str> = if one_line {
        t.replace(['\t', '\r', '\n'], " ").into()
    } else {
        t.into()
    };
    if t.contains('"') {
        out.push('"');
        out.push_str(&t.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&t);
    }
}

/// Year, month and day of a spreadsheet serial date (days since 1899-12-30, the 1900
/// date system; its fictitious 1900-02-29 is day 60 and never a real cell's value).
pub fn civil_from_serial(serial: f64) -> (i64, u32, u32) {
    // Days since 1970-01-01, then Howard Hinnant's `civil_from_days`.
    let z = serial.floor() as i64 - 25_569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(c: Cell, year: bool) -> String {
        let mut s = String::new();
        c.write(year, &mut s);
        s
    }

    #[test]
    fn numbers_are_written_with_a_point_and_no_separator() {
        assert_eq!(text(Cell::Number(1234.5), false), "1234.5");
        assert_eq!(text(Cell::Number(2019.0), false), "2019");
        assert_eq!(text(Cell::Number(-3.0), false), "-3");
        assert_eq!(text(Cell::Number(0.1 + 0.2), false), "0.30000000000000004");
        assert_eq!(text(Cell::Number(1e20), false), "100000000000000000000");
        // Read either way as text, so written so that they read one way only.
        assert_eq!(text(Cell::Number(36.232), false), "36.2320");
        assert_eq!(text(Cell::Number(-1.5), false), "-1.5");
        assert_eq!(text(Cell::Number(0.125), false), "0.125");
        assert_eq!(text(Cell::Number(1234.567), false), "1234.567");
    }

    #[test]
    fn dates_give_their_year_in_a_year_column() {
        // 2019-03-01 is serial 43525.
        assert_eq!(civil_from_serial(43_525.0), (2019, 3, 1));
        assert_eq!(civil_from_serial(1.0), (1899, 12, 31));
        assert_eq!(civil_from_serial(61.0), (1900, 3, 1));
        assert_eq!(text(Cell::Date(43_525.0), true), "2019");
        assert_eq!(text(Cell::Date(43_525.5), false), "2019-03-01");
        assert_eq!(
            text(Cell::IsoDate("2021-07-01T00:00:00".into()), true),
            "2021"
        );
        assert_eq!(
            text(Cell::IsoDate("2021-07-01".into()), false),
            "2021-07-01"
        );
    }

    #[test]
    fn text_stays_on_one_line_and_quotes_are_escaped() {
        assert_eq!(text(Cell::Text("a\tb\nc".into()), false), "a b c");
        assert_eq!(
            text(Cell::Text("La \"Vaca\"".into()), false),
            "\"La \"\"Vaca\"\"\""
        );
        assert_eq!(text(Cell::Bool(true), false), "yes");
        assert!(Cell::Text("  ".into()).is_empty());
    }
}
