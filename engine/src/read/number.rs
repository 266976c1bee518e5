//! Numbers in every common convention (SPEC, "Cell values"): `1234.5`, `1,234.5`,
//! `1.234,5`, `1 234,5` (also with non-breaking or narrow spaces), `1234,5`, currency
//! signs, `(1,234)` and `-1234` as negatives, a trailing `%`, `1,5E+06`.
//!
//! A lone `,` or `.` followed by exactly three digits (`1,234`) could be either mark,
//! so the decimal mark is decided per column from all its values ([`Votes`]), not per
//! cell: a value with both marks decides, a mark followed by other than three digits
//! decides, a mark seen twice is a thousands mark and decides the other.


pub use cluster_eval_types::reading::{DecimalMark, Votes};

/// Why a cell is not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    /// Not a number at all (letters, symbols).
    NotANumber,
    /// Digits and marks, but the marks do not fit the column's decimal mark
    /// (`1.5` in a column whose decimal mark is `,`).
    MarkMismatch,
    /// A number beyond what a double can hold (`1e999`).
    TooLarge,
}

/// A number's text without its decorations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Core<'a> {
    pub body: &'a str,
    pub negative: bool,
    pub percent: bool,
}

/// Currency signs and ISO codes of Latin America and the Caribbean (and the dollar,
/// euro, pound and yen), written before or after a number, with or without a space,
/// in any case. Longest first, so `RD$` wins over `$` and `B/.` over nothing at all
/// (a test holds the order).
const CURRENCIES: &[&str] = &[
    // Five and four characters.
    "Bs.S.", "Bs.F.", "COL$", "Mex$", "ARS$", "CLP$", "CUC$", "BDS$", "Bs.S", "Bs.F", "Bs.D",
    // Three.
    "U$S", "US$", "MX$", "RD$", "S/.", "B/.", "TT$", "BZ$", "EC$", "JA$", "Gs.", "USD", "EUR",
    "GBP", "JPY", "CAD", "ARS", "BOB", "BOV", "BRL", "CLP", "COP", "CRC", "CUP", "CUC", "DOP",
    "GTQ", "HNL", "HTG", "MXN", "NIO", "PAB", "PEN", "PYG", "UYU", "VES", "VED", "VEF", "JMD",
    "TTD", "BBD", "BSD", "BZD", "XCD", "GYD", "SRD", "AWG", "ANG", "KYD", "Bs.", // Two.
    "R$", "C$", "$U", "$b", "J$", "S/", "Bs", "Gs", // One.
    "$", "€", "£", "¥", "₡", "₲", "¢",
];

/// Currency letters written only before a number, and only in capitals: Guatemala's
/// quetzal (`Q1,000`) and Honduras's lempira (`L 1,000`). After a number, or in lower
/// case, a lone letter is more likely a unit or a typo than a currency.
const CURRENCY_LETTERS: [char; 2] = ['Q', 'L'];

fn strip_prefix_ci<'a>(s: &'a str, p: &str) -> Option<&'a str> {
    let head = s.get(..p.len())?;
    head.eq_ignore_ascii_case(p)
        .then(|| s.get(p.len()..))
        .flatten()
}

fn strip_suffix_ci<'a>(s: &'a str, p: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(p.len())?;
    let tail = s.get(cut..)?;
    tail.eq_ignore_ascii_case(p).then(|| s.get(..cut)).flatten()
}

fn strip_currency_prefix(s: &str) -> Option<&str> {
    CURRENCIES
        .iter()
        .find_map(|c| strip_prefix_ci(s, c))
        .or_else(|| s.strip_prefix(CURRENCY_LETTERS))
}

fn strip_currency_suffix(s: &str) -> Option<&str> {
    CURRENCIES.iter().find_map(|c| strip_suffix_ci(s, c))
}

impl<'a> Core<'a> {
    /// The core of a cell that is its own body (no sign, percent or currency).
    pub fn plain(body: &'a str) -> Self {
        Core {
            body,
            negative: false,
            percent: false,
        }
    }
}

/// Takes off sign, parentheses, currency and percent, in whatever order they were
/// written (`-$5`, `$-5`, `($1,234)`, `US$ (5)`, `5 €`, `12%`). `None` when the signs
/// contradict each other (`-(5)`, `--5`).
#[inline]
pub fn core(s: &str) -> Option<Core<'_>> {
    let s = super::cell::trim(s);
    let bytes = s.as_bytes();
    // Fast path (inlined, so the result stays in registers): plain digits at both ends.
    if bytes.first().is_some_and(u8::is_ascii_digit) && bytes.last().is_some_and(u8::is_ascii_digit)
    {
        return Some(Core {
            body: s,
            negative: false,
            percent: false,
        });
    }
    decorated_core(s)
}

/// [`core`] of a trimmed cell that does not start and end with a digit.
#[inline(never)]
fn decorated_core(s: &str) -> Option<Core<'_>> {
    let mut s = s;
    let mut signs = 0;
    let mut percent = false;
    // Each pass peels one decoration off either end; a handful is all a real cell has.
    for _ in 0..8 {
        if let Some(inner) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
            signs += 1;
            s = inner.trim();
        } else if let Some(rest) = s.strip_prefix('-').or_else(|| s.strip_prefix('\u{2212}')) {
            signs += 1;
            s = rest.trim();
        } else if let Some(rest) = s.strip_prefix('+') {
            s = rest.trim();
        } else if let Some(rest) = s.strip_suffix('%') {
            if percent {
                return None;
            }
            percent = true;
            s = rest.trim();
        } else if let Some(rest) = strip_currency_prefix(s).or_else(|| strip_currency_suffix(s)) {
            s = rest.trim();
        } else {
            break;
        }
    }
    if signs > 1 {
        return None;
    }
    Some(Core {
        body: s,
        negative: signs == 1,
        percent,
    })
}

/// Spaces used to group thousands: plain, no-break, narrow no-break, thin; and the
/// apostrophe of Swiss-style `1'234`.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '’')
}

/// The mantissa: the body up to an exponent (`1,5E+06`).
fn mantissa(body: &str) -> &str {
    match body.bytes().position(|b| b == b'e' || b == b'E') {
        Some(i) => body.get(..i).unwrap_or(body),
        None => body,
    }
}

/// Whether a body has a `.` or `,`: the only bodies whose reading depends on the
/// column's decimal mark.
pub fn has_mark(body: &str) -> bool {
    body.bytes().any(|b| b == b'.' || b == b',')
}

/// What one value says about its column's decimal mark, if anything.
pub fn evidence(body: &str) -> Option<DecimalMark> {
    let m = mantissa(body).as_bytes();
    let (mut dots, mut commas, mut last_dot, mut last_comma) = (0usize, 0usize, 0usize, 0usize);
    for (i, &b) in m.iter().enumerate() {
        if b == b'.' {
            dots += 1;
            last_dot = i;
        } else if b == b',' {
            commas += 1;
            last_comma = i;
        }
    }
    let mark_of = |b: u8| {
        if b == b'.' {
            DecimalMark::Point
        } else {
            DecimalMark::Comma
        }
    };
    match (dots, commas) {
        (0, 0) => None,
        (d, c) if d > 0 && c > 0 => Some(if last_dot > last_comma {
            DecimalMark::Point
        } else {
            DecimalMark::Comma
        }),
        (d, 0) if d > 1 => Some(DecimalMark::Comma),
        (0, c) if c > 1 => Some(DecimalMark::Point),
        _ => {
            let at = if dots == 1 { last_dot } else { last_comma };
            let mark = m.get(at).copied().map(mark_of)?;
            let after = m.get(at + 1..).unwrap_or_default();
            if !after.iter().all(u8::is_ascii_digit) {
                return None; // not a number; parsing will say so
            }
            if after.len() != 3 {
                return Some(mark);
            }
            // `1234,567`, `,567` and `0,567` cannot be thousands groups.
            let before = m.get(..at).unwrap_or_default();
            let run = before
                .iter()
                .rev()
                .take_while(|b| b.is_ascii_digit())
                .count();
            let starts_number = run == before.len();
            if run == 0 || run > 3 || (starts_number && before.first() == Some(&b'0')) {
                return Some(mark);
            }
            None
        }
    }
}

/// Whether a number body reads either way: one `.` or `,` followed by exactly three
/// digits, after one to three digits that are not a lone leading zero (`1.234`,
/// `12,500`): a thousands separator or a decimal mark. Such values say nothing
/// about their column's mark ([`evidence`] is `None`).
pub fn ambiguous(body: &str) -> bool {
    let m = mantissa(body);
    has_mark(m)
        && m.bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        && evidence(body).is_none()
}

/// How far apart, in powers of ten, the two readings of a column's ambiguous values
/// must fit its other values for the sizes to decide: one reading must land within
/// about half a power of ten of the column's typical plain value where the other lands
/// about three powers away (a jump of about 1,000).
const SIZE_MARGIN: f64 = 2.0;

/// What the sizes of an undecided column's values say about its decimal mark. A
/// column whose marks decide nothing (`987`, `1.234`, `850`, `1.050`) can still be
/// read one way that makes some values jump by a factor of about 1,000 against the
/// others (`1.234` as 1.234 among 987 and 850): the other way is the likely one.
/// Gathered over the whole column, in table order, only for such columns.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sizes {
    /// log10 of the values without a mark (plain integers), zeros left out.
    plain: Vec<f64>,
    /// log10 of the ambiguous values read with their mark as a thousands separator,
    /// and whether that mark is a `.`.
    ambiguous: Vec<(f64, bool)>,
    /// The first ambiguous cell, as pasted.
    pub example: Option<String>,
}

impl Sizes {
    /// Counts one cell: its body (see [`core`]) and its text as pasted.
    pub fn add(&mut self, body: &str, text: &str) {
        let bytes = body.as_bytes();
        if !bytes.is_empty() && bytes.iter().all(u8::is_ascii_digit) {
            if let Ok(v) = body.parse::<f64>() {
                if v > 0.0 {
                    self.plain.push(v.log10());
                }
            }
        } else if ambiguous(body) {
            let dot = body.contains('.');
            let digits: String = mantissa(body)
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            if let Ok(v) = digits.parse::<f64>() {
                if v > 0.0 {
                    self.ambiguous.push((v.log10(), dot));
                }
            }
            if self.example.is_none() {
                self.example = Some(text.to_string());
            }
        }
    }

    /// How many values read either way.
    pub fn ambiguous(&self) -> usize {
        self.ambiguous.len()
    }

    /// The mark under which the ambiguous values fit the column's plain values, when
    /// one clearly does (at least two plain values, and [`SIZE_MARGIN`]).
    pub fn likely(&self) -> Option<DecimalMark> {
        if self.plain.len() < 2 || self.ambiguous.is_empty() {
            return None;
        }
        let typical = median(self.plain.clone())?;
        // Read with `mark` as the decimal mark, an ambiguous value written with that
        // mark is 1,000 times smaller than read as thousands.
        let under = |mark: DecimalMark| {
            let logs = self.ambiguous.iter().map(|&(log, dot)| {
                let decimal = dot == (mark == DecimalMark::Point);
                if decimal {
                    log - 3.0
                } else {
                    log
                }
            });
            median(logs.collect()).map(|m| (m - typical).abs())
        };
        let point = under(DecimalMark::Point)?;
        let comma = under(DecimalMark::Comma)?;
        if point - comma >= SIZE_MARGIN {
            Some(DecimalMark::Comma)
        } else if comma - point >= SIZE_MARGIN {
            Some(DecimalMark::Point)
        } else {
            None
        }
    }
}

fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable_by(f64::total_cmp);
    let mid = values.len() / 2;
    let upper = *values.get(mid)?;
    if values.len() % 2 == 1 {
        return Some(upper);
    }
    Some((values.get(mid - 1)? + upper) / 2.0)
}

/// Powers of ten exactly representable as `f64`.
const POW10: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// `123456.78` (digits, at most one decimal mark `dec`, at most 15 digits) without
/// the general parser: an integer below 2^53 divided by an exact power of ten is one
/// correctly rounded operation, so the result is the same `f64` as `str::parse` gives.
fn plain_decimal(bytes: &[u8], dec: u8) -> Option<f64> {
    let (mut m, mut digits, mut frac, mut dot) = (0u64, 0usize, 0usize, false);
    for &b in bytes {
        match b {
            b'0'..=b'9' => {
                m = m * 10 + u64::from(b - b'0');
                digits += 1;
                frac += usize::from(dot);
                if digits > 15 {
                    return None;
                }
            }
            _ if b == dec && !dot => dot = true,
            _ => return None,
        }
    }
    if digits == 0 {
        return None;
    }
    Some(m as f64 / POW10.get(frac).copied()?)
}

/// Parses a number body (see [`core`]) with the column's decimal mark. `buf` is a
/// scratch buffer reused between cells.
pub fn parse_body(body: &str, mark: DecimalMark, buf: &mut String) -> Result<f64, NumberError> {
    let bytes = body.as_bytes();
    // Fast path: digits and at most one decimal mark.
    let dec = match mark {
        DecimalMark::Point => b'.',
        DecimalMark::Comma => b',',
    };
    if let Some(v) = plain_decimal(bytes, dec) {
        return Ok(v);
    }
    let (dec, thou) = match mark {
        DecimalMark::Point => ('.', ','),
        DecimalMark::Comma => (',', '.'),
    };
    // A grouping problem involving `.` or `,` is a mark mismatch; with spaces it is
    // simply not a number.
    let fail = |c: char| {
        if c == '.' || c == ',' {
            NumberError::MarkMismatch
        } else {
            NumberError::NotANumber
        }
    };
    buf.clear();
    let mut group_len = 0usize;
    let mut groups = 0usize;
    let mut seen_dec = false;
    let mut digits = 0usize;
    let mut exponent = None;
    let mut last_sep = thou;
    for (i, c) in body.char_indices() {
        if c.is_ascii_digit() {
            buf.push(c);
            digits += 1;
            if !seen_dec {
                group_len += 1;
            }
        } else if c == dec {
            if seen_dec || (groups > 0 && group_len != 3) {
                return Err(NumberError::MarkMismatch);
            }
            seen_dec = true;
            buf.push('.');
        } else if c == thou || is_group_space(c) {
            let bad_group = if groups == 0 {
                group_len == 0 || group_len > 3
            } else {
                group_len != 3
            };
            if seen_dec || bad_group {
                return Err(fail(c));
            }
            groups += 1;
            group_len = 0;
            last_sep = c;
        } else if (c == 'e' || c == 'E') && digits > 0 {
            exponent = body.get(i + 1..);
            break;
        } else {
            return Err(NumberError::NotANumber);
        }
    }
    if digits == 0 {
        return Err(NumberError::NotANumber);
    }
    if !seen_dec && groups > 0 && group_len != 3 {
        return Err(fail(last_sep));
    }
    if let Some(exp) = exponent {
        let digits = exp.strip_prefix(['+', '-']).unwrap_or(exp);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(NumberError::NotANumber);
        }
        buf.push('e');
        buf.push_str(exp);
    }
    match buf.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        Ok(v) if v.is_infinite() => Err(NumberError::TooLarge),
        _ => Err(NumberError::NotANumber),
    }
}

/// A number body read in one go: its value with the column's mark, what it says about
/// the column's mark ([`evidence`]), and whether it has a `.` or `,` at all ([`has_mark`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    pub value: Result<f64, NumberError>,
    pub evidence: Option<DecimalMark>,
    pub marked: bool,
}

/// [`parse_core`], [`evidence`] and [`has_mark`] of a cell taken apart by [`core`],
/// in one scan when the body is plain digits with at most one `.` or `,` (what
/// spreadsheets paste); anything else goes the long way, with the same results.
#[inline(always)]
pub fn read_core(core: Core<'_>, mark: DecimalMark, buf: &mut String) -> Reading {
    let bytes = core.body.as_bytes();
    let (mut m, mut digits, mut at, mut marks) = (0u64, 0usize, 0usize, 0usize);
    let mut plain = true;
    for (i, &b) in bytes.iter().enumerate() {
        let d = b.wrapping_sub(b'0');
        if d < 10 {
            m = m.wrapping_mul(10).wrapping_add(u64::from(d));
            digits += 1;
        } else if b == b'.' || b == b',' {
            marks += 1;
            at = i;
        } else {
            plain = false;
            break;
        }
    }
    if !plain || marks > 1 || digits == 0 || digits > 15 {
        return Reading {
            value: parse_core(core, mark, buf),
            evidence: evidence(core.body),
            marked: has_mark(core.body),
        };
    }
    let finish = |v: f64| {
        let v = if core.percent { v / 100.0 } else { v };
        Ok(if core.negative { -v } else { v })
    };
    if marks == 0 {
        return Reading {
            value: finish(m as f64),
            evidence: None,
            marked: false,
        };
    }
    // One mark, at `at`, between digits only.
    let found = match bytes.get(at) {
        Some(b'.') => DecimalMark::Point,
        _ => DecimalMark::Comma,
    };
    let after = bytes.len() - at - 1;
    let evidence = if after != 3 || at == 0 || at > 3 || bytes.first() == Some(&b'0') {
        Some(found)
    } else {
        None
    };
    let value = if found == mark {
        match POW10.get(after) {
            Some(p) => finish(m as f64 / p),
            None => parse_core(core, mark, buf),
        }
    } else {
        parse_core(core, mark, buf)
    };
    Reading {
        value,
        evidence,
        marked: true,
    }
}

/// Parses a whole (trimmed, non-missing) cell with the column's decimal mark.
pub fn parse(s: &str, mark: DecimalMark, buf: &mut String) -> Result<f64, NumberError> {
    parse_core(core(s).ok_or(NumberError::NotANumber)?, mark, buf)
}

/// [`parse`] of a cell already taken apart by [`core`].
pub fn parse_core(core: Core<'_>, mark: DecimalMark, buf: &mut String) -> Result<f64, NumberError> {
    let mut v = parse_body(core.body, mark, buf)?;
    if core.percent {
        v /= 100.0;
    }
    Ok(if core.negative { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;
    use DecimalMark::*;

    fn p(s: &str, mark: DecimalMark) -> Result<f64, NumberError> {
        parse(s, mark, &mut String::new())
    }

    #[test]
    fn every_convention() {
        assert_eq!(p("1234.5", Point), Ok(1234.5));
        assert_eq!(p("1,234.5", Point), Ok(1234.5));
        assert_eq!(p("1.234,5", Comma), Ok(1234.5));
        assert_eq!(p("1 234,5", Comma), Ok(1234.5));
        assert_eq!(p("1\u{a0}234,5", Comma), Ok(1234.5));
        assert_eq!(p("1\u{202f}234,5", Comma), Ok(1234.5));
        assert_eq!(p("1234,5", Comma), Ok(1234.5));
        assert_eq!(p("1,234,567.25", Point), Ok(1234567.25));
        assert_eq!(p("1.234.567", Comma), Ok(1234567.0));
        assert_eq!(p(".5", Point), Ok(0.5));
        assert_eq!(p("1,5E+06", Comma), Ok(1.5e6));
        assert_eq!(p("2.5e-3", Point), Ok(0.0025));
    }

    #[test]
    fn currency_sign_and_parentheses() {
        assert_eq!(p("$1,234.50", Point), Ok(1234.5));
        assert_eq!(p("US$ 1,234", Point), Ok(1234.0));
        assert_eq!(p("R$ 1.234,50", Comma), Ok(1234.5));
        assert_eq!(p("€1.234,5", Comma), Ok(1234.5));
        assert_eq!(p("1.234,5 €", Comma), Ok(1234.5));
        assert_eq!(p("S/ 1,234.5", Point), Ok(1234.5));
        assert_eq!(p("S/. 10", Point), Ok(10.0));
        assert_eq!(p("usd 10", Point), Ok(10.0));
        assert_eq!(p("(1,234)", Point), Ok(-1234.0));
        assert_eq!(p("($1,234)", Point), Ok(-1234.0));
        assert_eq!(p("-1234", Point), Ok(-1234.0));
        assert_eq!(p("-$5", Point), Ok(-5.0));
        assert_eq!(p("$-5", Point), Ok(-5.0));
        assert_eq!(p("\u{2212}5", Point), Ok(-5.0));
        assert_eq!(p("25%", Point), Ok(0.25));
        assert_eq!(p("12,5 %", Comma), Ok(0.125));
    }

    #[test]
    fn currencies_of_latin_america_and_the_caribbean() {
        for cell in [
            "C$ 1,000",
            "C$1,000",
            "1,000 C$",
            "NIO 1,000",
            "Q1,000",
            "L 1,000",
            "$U 1,000",
            "RD$1,000",
            "B/. 1,000",
            "₲ 1,000",
            "¢1,000",
            "₡1,000",
            "1,000 ₡",
            "ARS 1,000",
            "1,000 BOB",
            "BRL1,000",
            "CLP 1,000",
            "1,000 COP",
            "CRC 1,000",
            "CUP 1,000",
            "DOP 1,000",
            "GTQ 1,000",
            "HNL 1,000",
            "MXN 1,000",
            "1,000 MXN",
            "PAB 1,000",
            "PEN 1,000",
            "PYG 1,000",
            "UYU 1,000",
            "VES 1,000",
            "US$1,000",
            "1,000 US$",
            "USD1,000",
            "1,000USD",
            "EUR 1,000",
            "€1,000",
            "1,000 €",
            "S/1,000",
            "1,000 S/",
            "Bs. 1,000",
            "Gs. 1,000",
            "J$1,000",
            "TT$ 1,000",
            "C$\u{a0}1,000",
            "(C$ 1,000)",
        ] {
            let want = if cell.starts_with('(') {
                -1000.0
            } else {
                1000.0
            };
            assert_eq!(p(cell, Point), Ok(want), "{cell}");
        }
        assert_eq!(p("L 1.000,50", Comma), Ok(1000.5));
        // Plain numbers and text stay what they were.
        assert_eq!(p("1000", Point), Ok(1000.0));
        assert_eq!(p("1e3", Point), Ok(1000.0));
        for text in [
            "Q", "L", "C$", "q1,000", "1,000 Q", "1,000 L", "Lote 5", "USD", "COP$",
        ] {
            assert_eq!(p(text, Point), Err(NumberError::NotANumber), "{text}");
        }
    }

    #[test]
    fn longer_currencies_are_tried_first() {
        // A sign that begins or ends another must come after it, or the longer one
        // would never match (`$` before `RD$` read `RD$5` as text).
        for (i, first) in CURRENCIES.iter().enumerate() {
            for later in CURRENCIES.get(i + 1..).unwrap_or_default() {
                let (a, b) = (first.to_ascii_lowercase(), later.to_ascii_lowercase());
                assert!(
                    a == b || !(b.starts_with(&a) || b.ends_with(&a)),
                    "{later} comes after {first}, which it begins or ends with"
                );
            }
        }
    }

    #[test]
    fn rejects_text_and_misfit_marks() {
        use NumberError::*;
        assert_eq!(p("abc", Point), Err(NotANumber));
        assert_eq!(p("12a", Point), Err(NotANumber));
        assert_eq!(p("12,3,4", Point), Err(MarkMismatch));
        assert_eq!(p("1.5", Comma), Err(MarkMismatch));
        assert_eq!(p("1,5", Point), Err(MarkMismatch));
        assert_eq!(p("1.2.3", Point), Err(MarkMismatch));
        assert_eq!(p("--5", Point), Err(NotANumber));
        assert_eq!(p("-(5)", Point), Err(NotANumber));
        assert_eq!(p("1e999", Point), Err(TooLarge));
        assert_eq!(p("inf", Point), Err(NotANumber));
        assert_eq!(p("NaN", Point), Err(NotANumber));
        assert_eq!(p("$", Point), Err(NotANumber));
        assert_eq!(p("1 2", Point), Err(NotANumber));
    }

    #[test]
    fn evidence_rules() {
        assert_eq!(evidence("1,234.5"), Some(Point));
        assert_eq!(evidence("1.234,5"), Some(Comma));
        assert_eq!(evidence("1234,5"), Some(Comma));
        assert_eq!(evidence("1234.50"), Some(Point));
        assert_eq!(evidence("1,234"), None);
        assert_eq!(evidence("1.234"), None);
        assert_eq!(evidence("1 234,567"), None);
        assert_eq!(evidence("1234,567"), Some(Comma));
        assert_eq!(evidence("0,567"), Some(Comma));
        assert_eq!(evidence(",567"), Some(Comma));
        assert_eq!(evidence("1.234.567"), Some(Comma));
        assert_eq!(evidence("1,234,567"), Some(Point));
        assert_eq!(evidence("1234"), None);
        assert_eq!(evidence("1,5E+06"), Some(Comma));
    }

    proptest::proptest! {
        #[test]
        fn fast_path_matches_the_standard_parser(int in 0u64..10_000_000_000, frac in 0u32..100_000, places in 0usize..6) {
            let text = if places == 0 {
                int.to_string()
            } else {
                format!("{int}.{:0places$}", frac % 10u32.pow(places as u32))
            };
            let want: f64 = text.parse().unwrap();
            proptest::prop_assert_eq!(p(&text, Point), Ok(want));
        }
    }

    proptest::proptest! {
        #[test]
        fn one_scan_reads_as_the_long_way(cell in "[-($]?[0-9]{0,5}[.,]?[0-9]{0,5}[.,]?[0-9]{0,3}[%)]?", comma in proptest::bool::ANY) {
            let mark = if comma { Comma } else { Point };
            if let Some(core) = core(&cell) {
                let fast = read_core(core, mark, &mut String::new());
                proptest::prop_assert_eq!(fast.value, parse_core(core, mark, &mut String::new()));
                proptest::prop_assert_eq!(fast.evidence, evidence(core.body));
                proptest::prop_assert_eq!(fast.marked, has_mark(core.body));
            }
        }

        #[test]
        fn comma_fast_path_matches_the_standard_parser(int in 0u64..10_000_000_000, frac in 0u32..100_000, places in 1usize..6) {
            let text = format!("{int},{:0places$}", frac % 10u32.pow(places as u32));
            let want: f64 = text.replace(',', ".").parse().unwrap();
            proptest::prop_assert_eq!(p(&text, Comma), Ok(want));
        }
    }

    #[test]
    fn votes_take_the_majority() {
        let mut v = Votes::default();
        for s in ["1,234", "12,5", "3,25", "1.5"] {
            v.count(evidence(s));
        }
        assert_eq!(v, Votes { point: 1, comma: 2 });
        assert_eq!(v.decided(), Some(Comma));
        assert_eq!(Votes::default().decided(), None);
    }
}
