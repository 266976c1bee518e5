//! Limits before work: an `.xlsx` sheet's XML is scanned, streamed straight out of the
//! zip, before `calamine` reads a cell of it.
//!
//! A 3 MB zip can hold a sheet that unzips to 1.2 GB of rows (39 million of them); read
//! cell by cell it took 46 s and then broke the page with a table nobody could hold.
//! The scan stops at the first sign that the sheet is larger than a spreadsheet can
//! be, or than the page can use:
//!
//! - a row past [`MAX_ROWS`] (1,048,576, Excel's and LibreOffice's last row) or a
//!   column past [`MAX_COLUMNS`] (16,384, column XFD), counted as the rows and cells
//!   arrive, or declared so by the sheet's `<dimension>`;
//! - more than [`MAX_CELLS`] cells, empty or not: each costs the reader time, and
//!   20 million cells is twice the largest table the page has been measured on
//!   (10 million values) while its XML is already 400 MB or more, which the reader
//!   streams in seconds, not minutes.
//!
//! The scan is a byte scan (`memchr` to each `<`), not an XML parse: it looks at tag
//! names and two attributes (`r`, `ref`), so a sheet of empty rows is passed over at
//! the speed of decompression. It also notes, on the way, the cells that hold a
//! formula without a cached value ([`Scanned::uncached`]): a file written by a script
//! or a converter that never calculated, which `calamine` reads as an empty cell.

use std::collections::BTreeSet;
use std::io::Read;

/// The last row of a spreadsheet (Excel, LibreOffice), 1-based.
pub const MAX_ROWS: u64 = 1_048_576;
/// The last column of a spreadsheet (`XFD`), 1-based.
pub const MAX_COLUMNS: u64 = 16_384;
/// The cells, empty or not, a sheet may hold (see the module's note).
pub const MAX_CELLS: u64 = 20_000_000;
/// At most this many uncached formulas are noted one by one (each becomes a row
/// error; more than that and the sheet was never calculated at all).
const MAX_NOTED: usize = 10_000;
/// A tag longer than this is not a spreadsheet's (a damaged or hostile file).
const MAX_TAG: usize = 1 << 20;

/// Why a sheet is refused before it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Exceeded {
    /// A row at or past this 1-based number (more than [`MAX_ROWS`]).
    Rows(u64),
    /// A column at or past this 1-based number (more than [`MAX_COLUMNS`]).
    Columns(u64),
    /// More than [`MAX_CELLS`] cells.
    Cells(u64),
}

/// What the scan found in a sheet within the limits.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Scanned {
    /// The cells (0-based row, column) holding a formula without a cached value.
    pub uncached: BTreeSet<(u32, u32)>,
    /// How many `<c>` elements the sheet has.
    pub cells: u64,
}

/// Where the scan is, carried from one chunk of XML to the next.
#[derive(Default)]
struct State {
    out: Scanned,
    /// The current row (0-based) and the next one when a row has no `r`.
    row: u64,
    next_row: u64,
    next_col: u64,
    /// The cell being read: its position, whether it has a formula and a value.
    cell: Option<(u64, u64)>,
    formula: bool,
    value: bool,
    /// Bytes of text since the last tag (a `<v>` with text is a cached value).
    text: bool,
    done: bool,
}

/// Scans a sheet's XML, read from `xml`, against the limits.
pub fn scan(mut xml: impl Read) -> Result<Result<Scanned, Exceeded>, std::io::Error> {
    let mut state = State::default();
    let mut buf = vec![0u8; 1 << 16];
    // The bytes of a tag cut by the end of a chunk, joined to the next.
    let mut carry: Vec<u8> = Vec::new();
    loop {
        let n = xml.read(&mut buf)?;
        if n == 0 {
            break;
        }
        let chunk = buf.get(..n).unwrap_or_default();
        let joined;
        let data: &[u8] = if carry.is_empty() {
            chunk
        } else {
            carry.extend_from_slice(chunk);
            joined = std::mem::take(&mut carry);
            &joined
        };
        let rest = match state.chunk(data) {
            Ok(rest) => rest,
            Err(exceeded) => return Ok(Err(exceeded)),
        };
        if state.done {
            break;
        }
        if rest.len() > MAX_TAG {
            return Err(std::io::Error::other("a tag of more than 1 MB"));
        }
        carry = rest.to_vec();
    }
    Ok(Ok(state.out))
}

impl State {
    /// Scans the complete tags of `data`; returns the incomplete tag at its end.
    fn chunk<'a>(&mut self, data: &'a [u8]) -> Result<&'a [u8], Exceeded> {
        let mut at = 0;
        while let Some(lt) = memchr::memchr(b'<', data.get(at..).unwrap_or_default()) {
            let lt = at + lt;
            if lt > at {
                self.text = true;
            }
            let Some(gt) = memchr::memchr(b'>', data.get(lt..).unwrap_or_default()) else {
                return Ok(data.get(lt..).unwrap_or_default());
            };
            let gt = lt + gt;
            self.tag(data.get(lt + 1..gt).unwrap_or_default())?;
            if self.done {
                return Ok(&[]);
            }
            self.text = false;
            at = gt + 1;
        }
        if at < data.len() {
            self.text = true;
        }
        Ok(&[])
    }

    fn tag(&mut self, tag: &[u8]) -> Result<(), Exceeded> {
        let (closing, body) = match tag.split_first() {
            Some((b'/', rest)) => (true, rest),
            Some((b'?' | b'!', _)) | None => return Ok(()),
            Some(_) => (false, tag),
        };
        let self_closing = body.last() == Some(&b'/');
        let end = body
            .iter()
            .position(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'/'))
            .unwrap_or(body.len());
        let name = body.get(..end).unwrap_or_default();
        // `x:row` is `row`: some writers prefix the sheet's namespace.
        let name = match memchr::memchr(b':', name) {
            Some(i) => name.get(i + 1..).unwrap_or_default(),
            None => name,
        };
        match (name, closing) {
            (b"row", false) => {
                self.row = match attr(body, b"r").and_then(number) {
                    Some(r) => r.saturating_sub(1),
                    None => self.next_row,
                };
                if self.row >= MAX_ROWS {
                    return Err(Exceeded::Rows(self.row + 1));
                }
                self.next_col = 0;
                self.next_row = self.row + 1;
            }
            (b"c", false) => {
                self.out.cells += 1;
                if self.out.cells > MAX_CELLS {
                    return Err(Exceeded::Cells(self.out.cells));
                }
                let (row, col) = match attr(body, b"r").and_then(reference) {
                    Some((r, c)) => (r, c),
                    None => (self.row, self.next_col),
                };
                if row >= MAX_ROWS {
                    return Err(Exceeded::Rows(row + 1));
                }
                if col >= MAX_COLUMNS {
                    return Err(Exceeded::Columns(col + 1));
                }
                self.next_col = col + 1;
                self.cell = (!self_closing).then_some((row, col));
                self.formula = false;
                self.value = false;
            }
            (b"f", false) => self.formula = true,
            (b"is", false) => self.value = true,
            (b"v", true) => self.value |= self.text,
            (b"c", true) => {
                if let Some((row, col)) = self.cell.take() {
                    if self.formula && !self.value && self.out.uncached.len() < MAX_NOTED {
                        // Within the limits above, so both fit in a u32.
                        self.out.uncached.insert((row as u32, col as u32));
                    }
                }
            }
            (b"dimension", false) => {
                let last = attr(body, b"ref")
                    .and_then(|r| r.rsplit(|b| *b == b':').next())
                    .and_then(reference);
                if let Some((row, col)) = last {
                    if row >= MAX_ROWS {
                        return Err(Exceeded::Rows(row + 1));
                    }
                    if col >= MAX_COLUMNS {
                        return Err(Exceeded::Columns(col + 1));
                    }
                }
            }
            (b"sheetData", true) => self.done = true,
            _ => {}
        }
        Ok(())
    }
}

/// The value of attribute `name` in a tag's text (`r="B12"`), without its quotes.
fn attr<'a>(tag: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(tag.get(from..)?, name) {
        let at = from + i;
        let before = at.checked_sub(1).and_then(|b| tag.get(b));
        let after = tag.get(at + name.len()..)?;
        if before.is_some_and(u8::is_ascii_whitespace) {
            let after = after.strip_prefix(b"=")?;
            let (quote, value) = after.split_first()?;
            if matches!(quote, b'"' | b'\'') {
                let end = memchr::memchr(*quote, value)?;
                return value.get(..end);
            }
        }
        from = at + 1;
    }
    None
}

/// A decimal number (saturating: `99999999999999999999` is simply too many).
fn number(digits: &[u8]) -> Option<u64> {
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(digits.iter().fold(0u64, |n, d| {
        n.saturating_mul(10).saturating_add(u64::from(d - b'0'))
    }))
}

/// A cell reference (`B12`, `$B$12`) as its 0-based row and column.
fn reference(r: &[u8]) -> Option<(u64, u64)> {
    let (mut col, mut row, mut letters, mut digits) = (0u64, 0u64, 0, 0);
    for &b in r {
        match b {
            b'$' => {}
            b'A'..=b'Z' | b'a'..=b'z' if digits == 0 => {
                letters += 1;
                let v = u64::from(b.to_ascii_uppercase() - b'A' + 1);
                col = col.saturating_mul(26).saturating_add(v);
            }
            b'0'..=b'9' if letters > 0 => {
                digits += 1;
                row = row.saturating_mul(10).saturating_add(u64::from(b - b'0'));
            }
            _ => return None,
        }
    }
    (digits > 0).then(|| (row.saturating_sub(1), col - 1))
}

/// The column's letters (`0` is `A`, `27` is `AB`), for the messages.
pub fn column_letters(col: u32) -> String {
    let mut n = u64::from(col) + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        out.push(b'A' + rem);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(xml: &str) -> Result<Scanned, Exceeded> {
        // One byte at a time as well: a tag cut anywhere reads the same.
        struct Trickle<'a>(&'a [u8]);
        impl Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let Some((first, rest)) = self.0.split_first() else {
                    return Ok(0);
                };
                buf[0] = *first;
                self.0 = rest;
                Ok(1)
            }
        }
        let whole = scan(xml.as_bytes()).expect("reads");
        let trickled = scan(Trickle(xml.as_bytes())).expect("reads");
        assert_eq!(whole, trickled);
        whole
    }

    #[test]
    fn uncached_formulas_are_noted_and_cached_ones_are_not() {
        let xml = r#"<worksheet><dimension ref="A1:C3"/><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><f>1+1</f><v>2</v></c></row>
            <row r="2"><c r="A2"><f>A1*2</f></c><c r="B2"><f>1</f><v></v></c>
              <c r="C2" t="inlineStr"><f>x</f><is><t>a</t></is></c></row>
            <x:row><x:c><x:f t="shared" si="0"/></x:c></x:row>
            </sheetData></worksheet>"#;
        let out = run(xml).expect("within limits");
        assert_eq!(
            out.uncached.into_iter().collect::<Vec<_>>(),
            [(1, 0), (1, 1), (2, 0)]
        );
        assert_eq!(out.cells, 6);
    }

    #[test]
    fn rows_columns_and_declared_sizes_past_a_spreadsheet_are_refused() {
        let rows = r#"<sheetData><row r="1048577"/></sheetData>"#;
        assert_eq!(run(rows), Err(Exceeded::Rows(1_048_577)));
        let col = r#"<sheetData><row><c r="XFE1"/></row></sheetData>"#;
        assert_eq!(run(col), Err(Exceeded::Columns(16_385)));
        let declared = r#"<dimension ref="A1:C39321600"/><sheetData></sheetData>"#;
        assert_eq!(run(declared), Err(Exceeded::Rows(39_321_600)));
        let fits = r#"<dimension ref="A1:XFD1048576"/><sheetData><row r="1048576"/></sheetData>"#;
        assert!(run(fits).is_ok());
    }

    #[test]
    fn column_letters_are_a_spreadsheets() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(16_383), "XFD");
        assert_eq!(reference(b"$AB$12"), Some((11, 27)));
    }
}
