//! The text dialect of a paste: byte-order mark, separator (tab, `;` or `,`, detected
//! or forced), quoting, line endings; and the split into records, each with the line
//! where it starts.
//!
//! The `csv` crate splits records (quotes, doubled quotes, separators and line breaks
//! inside quotes, CR/LF/CRLF). Line numbers are counted here from byte offsets, not
//! taken from `csv`, which counts `\n` only and places a record before the blank
//! lines it skipped.


use super::cell;
pub use cluster_eval_types::reading::Separator;

/// The text without its UTF-8 byte-order mark, and whether it had one.
pub fn strip_bom(text: &str) -> (&str, bool) {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => (rest, true),
        None => (text, false),
    }
}

fn reader(text: &str, sep: Separator) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sep.byte())
        .from_reader(text.as_bytes())
}

/// How many records the detection looks at.
const SNIFF_RECORDS: usize = 20;

/// Picks the separator that splits the first records into a consistent number of
/// columns. Tab wins when the header has one (spreadsheet clipboards are TSV, and
/// their cells may hold `,` and `;`).
pub fn detect(text: &str) -> Separator {
    let mut best: Option<(usize, usize, Separator)> = None;
    for sep in [Separator::Tab, Separator::Semicolon, Separator::Comma] {
        let mut rdr = reader(text, sep);
        let mut record = csv::ByteRecord::new();
        let mut header = None;
        let mut consistent = 0usize;
        let mut seen = 0usize;
        while seen < SNIFF_RECORDS {
            match rdr.read_byte_record(&mut record) {
                Ok(true) => {}
                _ => break,
            }
            if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
                continue;
            }
            seen += 1;
            match header {
                None => header = Some(record.len()),
                Some(h) if h == record.len() => consistent += 1,
                Some(_) => {}
            }
        }
        let columns = header.unwrap_or(0);
        if columns < 2 {
            continue;
        }
        if sep == Separator::Tab {
            return Separator::Tab;
        }
        // More consistent rows win, then more columns; `;` is tried before `,` and
        // keeps a tie, since with `;` present commas are most likely decimal marks.
        let score = (consistent, columns, sep);
        if best.is_none_or(|(c, n, _)| (consistent, columns) > (c, n)) {
            best = Some(score);
        }
    }
    best.map_or(Separator::Tab, |(_, _, sep)| sep)
}

/// One record: where it starts and where its fields are in [`Records`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Record {
    /// 1-based line where the record starts.
    pub line: usize,
    /// Byte range of the record in the text, line ending excluded.
    pub start: usize,
    pub end: usize,
    /// Index of the first field in [`Records::ends`], and the number of fields.
    first: usize,
    pub len: usize,
}

impl Record {
    fn new(line: usize, start: usize, end: usize, first: usize, len: usize) -> Record {
        Record {
            line,
            start,
            end,
            first,
            len,
        }
    }
}

/// All non-blank records of a paste, fields copied once into one buffer (a few
/// allocations for the whole table instead of one per cell).
#[derive(Debug, Default)]
pub struct Records<'t> {
    pub text: &'t str,
    arena: String,
    /// End of each field in `arena` (u32: half the memory of usize for a 10 MB paste;
    /// a browser paste never nears 4 GB, and past it fields read empty, no panic).
    ends: Vec<u32>,
    pub rows: Vec<Record>,
    /// Fields are slices of `text` (no quotes anywhere), not of `arena`.
    in_text: bool,
}

impl<'t> Records<'t> {
    /// The `i`-th field of `rec`, untrimmed; `None` past the end of the record.
    pub fn field(&self, rec: &Record, i: usize) -> Option<&str> {
        if i >= rec.len {
            return None;
        }
        let j = rec.first + i;
        let end = *self.ends.get(j)? as usize;
        if self.in_text {
            // Fields are slices of the text, one separator byte apart.
            let start = match i {
                0 => rec.start,
                _ => *self.ends.get(j - 1)? as usize + 1,
            };
            return self.text.get(start..end);
        }
        let start = match j {
            0 => 0,
            _ => *self.ends.get(j - 1)? as usize,
        };
        self.arena.get(start..end)
    }

    /// The raw text of a record, exactly as pasted.
    pub fn raw(&self, rec: &Record) -> &'t str {
        self.text.get(rec.start..rec.end).unwrap_or_default()
    }
}

/// Counts line breaks (`\n`, `\r\n`, lone `\r`) in `bytes`; `prev_cr` says whether
/// the byte before was a `\r` (so a `\n` right after it is not counted twice).
fn count_breaks(bytes: &[u8], prev_cr: bool, lone_cr: bool) -> usize {
    if !lone_cr {
        return bytes.iter().filter(|&&b| b == b'\n').count();
    }
    let mut n = 0;
    let mut cr = prev_cr;
    for &b in bytes {
        if b == b'\n' {
            n += usize::from(!cr);
        } else if b == b'\r' {
            n += 1;
        }
        cr = b == b'\r';
    }
    n
}

/// Is a record blank: no cells, or only empty or blank cells (a spreadsheet's empty
/// row is `\t\t\t`)?
pub(crate) fn blank<'f>(mut fields: impl Iterator<Item = &'f [u8]>) -> bool {
    fields.all(|f| {
        f.iter().all(u8::is_ascii_whitespace)
            || (!f.is_ascii() && cell::trim(&String::from_utf8_lossy(f)).is_empty())
    })
}

fn offset(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Splits a text with no `"` at all: no field can be quoted, so records end at line
/// breaks and fields at separators, and fields are read in place. Spreadsheet
/// clipboards are mostly like this, and it is several times faster than the general
/// parser.
pub fn split_plain(text: &str, sep: Separator) -> Records<'_> {
    let bytes = text.as_bytes();
    let sep = sep.byte();
    let mut out = Records {
        text,
        arena: String::new(),
        ends: Vec::with_capacity(text.len() / 4),
        rows: Vec::new(),
        in_text: true,
    };
    let (mut line, mut start, mut first, mut prev_cr) = (1usize, 0usize, 0usize, false);
    let finish = |out: &mut Records<'_>, line: usize, start: usize, end: usize, first: usize| {
        out.ends.push(offset(end));
        let rec = Record::new(line, start, end, first, out.ends.len() - first);
        let cells = bytes
            .get(start..end)
            .unwrap_or_default()
            .split(|b| *b == sep);
        if blank(cells) {
            out.ends.truncate(first);
        } else {
            out.rows.push(rec);
        }
    };
    for (i, &b) in bytes.iter().enumerate() {
        if b == sep {
            out.ends.push(offset(i));
        } else if b == b'\n' || b == b'\r' {
            if !(b == b'\n' && prev_cr) {
                finish(&mut out, line, start, i, first);
                line += 1;
            }
            start = i + 1;
            first = out.ends.len();
        }
        prev_cr = b == b'\r';
    }
    if start < bytes.len() {
        finish(&mut out, line, start, bytes.len(), first);
    }
    out
}

/// Is a line of a quote-free text blank (see [`blank`])? A line with a visible ASCII
/// character is not, which settles almost every line at its first byte.
pub fn blank_line(line: &str, sep: u8) -> bool {
    let bytes = line.as_bytes();
    if bytes
        .iter()
        .any(|&b| b.is_ascii() && !b.is_ascii_whitespace() && b != sep)
    {
        return false;
    }
    blank(bytes.split(|b| *b == sep))
}

/// The fields of one line of a quote-free text, into `fields` (cleared first).
pub fn split_line<'t>(line: &'t str, sep: Separator, fields: &mut Vec<&'t str>) {
    fields.clear();
    let sep = sep.byte();
    let bytes = line.as_bytes();
    let mut start = 0;
    // `sep` is ASCII, so both ends of every field are character boundaries.
    for i in memchr::memchr_iter(sep, bytes) {
        fields.push(line.get(start..i).unwrap_or_default());
        start = i + 1;
    }
    fields.push(line.get(start..).unwrap_or_default());
}

/// Whether the text has a lone `\r` (a line break of its own, not part of `\r\n`).
pub fn has_lone_cr(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'\r', bytes).any(|i| bytes.get(i + 1) != Some(&b'\n'))
}

/// The 1-based line on which byte `pos` of `text` lies (`lone_cr`: see [`has_lone_cr`]).
pub fn line_at(text: &str, pos: usize, lone_cr: bool) -> usize {
    let bytes = text.as_bytes();
    let before = bytes.get(..pos).unwrap_or(bytes);
    if lone_cr {
        1 + count_breaks(before, false, true)
    } else {
        1 + memchr::memchr_iter(b'\n', before).count()
    }
}

/// The lines of a quote-free text from byte `pos` (the start of line `line`) up to
/// byte `end`, as [`split_plain`] cuts them: `\n`, `\r\n` and a lone `\r` each end a
/// line. Blank lines are counted, not returned.
#[derive(Debug, Clone)]
pub struct PlainLines<'t> {
    text: &'t str,
    sep: u8,
    pos: usize,
    end: usize,
    line: usize,
}

impl<'t> PlainLines<'t> {
    pub fn new(text: &'t str, sep: Separator, pos: usize, end: usize, line: usize) -> Self {
        PlainLines {
            text,
            sep: sep.byte(),
            pos,
            end: end.min(text.len()),
            line,
        }
    }

    /// Where the next line starts, and its number.
    pub fn position(&self) -> (usize, usize) {
        (self.pos, self.line)
    }

    /// The next non-blank line: its number, its byte range and its text (line ending
    /// excluded).
    pub fn next_line(&mut self) -> Option<(usize, usize, usize, &'t str)> {
        let bytes = self.text.as_bytes();
        while self.pos < self.end {
            let (start, line) = (self.pos, self.line);
            let rest = bytes.get(start..self.end).unwrap_or_default();
            let stop = memchr::memchr2(b'\n', b'\r', rest).map_or(self.end, |i| start + i);
            let crlf = bytes.get(stop) == Some(&b'\r') && bytes.get(stop + 1) == Some(&b'\n');
            self.pos = stop + if crlf { 2 } else { 1 };
            self.line += 1;
            let text = self.text.get(start..stop).unwrap_or_default();
            if !blank_line(text, self.sep) {
                return Some((line, start, stop, text));
            }
        }
        None
    }
}

/// Splits the text into records with `sep`, skipping blank records (the reader
/// itself reads a quote-free text line by line, see [`PlainLines`]).
#[cfg(test)]
pub fn split(text: &str, sep: Separator) -> Records<'_> {
    if text.as_bytes().contains(&b'"') {
        split_csv(text, sep)
    } else {
        split_plain(text, sep)
    }
}

/// The general split, by the `csv` crate (quotes, separators and line breaks inside).
pub fn split_csv(text: &str, sep: Separator) -> Records<'_> {
    let bytes = text.as_bytes();
    let lone_cr = bytes.contains(&b'\r')
        && bytes
            .iter()
            .enumerate()
            .any(|(i, &b)| b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
    let mut out = Records {
        text,
        arena: String::new(),
        ends: Vec::with_capacity(text.len() / 4),
        rows: Vec::new(),
        in_text: false,
    };
    // Fields split at ASCII bytes of a `&str` are valid UTF-8, so the bytes are
    // gathered here and checked once at the end rather than field by field.
    let mut arena: Vec<u8> = Vec::with_capacity(text.len());
    let mut rdr = reader(text, sep);
    let mut record = csv::ByteRecord::new();
    // Line counting moves forward only: `counted` bytes have been counted into `line`.
    let (mut counted, mut line) = (0usize, 1usize);
    loop {
        let before = rdr.position().byte() as usize;
        match rdr.read_byte_record(&mut record) {
            Ok(true) => {}
            _ => break,
        }
        let after = (rdr.position().byte() as usize).min(bytes.len());
        // `before` sits ahead of any blank lines the parser skipped.
        let skipped = bytes
            .get(before..after)
            .unwrap_or_default()
            .iter()
            .take_while(|b| **b == b'\n' || **b == b'\r')
            .count();
        let start = (before + skipped).min(after);
        if blank(record.iter()) {
            continue;
        }
        if start > counted {
            let prev_cr = counted > 0 && bytes.get(counted - 1) == Some(&b'\r');
            line += count_breaks(
                bytes.get(counted..start).unwrap_or_default(),
                prev_cr,
                lone_cr,
            );
            counted = start;
        }
        let mut end = after;
        while end > start && matches!(bytes.get(end - 1), Some(b'\n' | b'\r')) {
            end -= 1;
        }
        let first = out.ends.len();
        for field in record.iter() {
            arena.extend_from_slice(field);
            out.ends
                .push(u32::try_from(arena.len()).unwrap_or(u32::MAX));
        }
        out.rows.push(Record {
            line,
            start,
            end,
            first,
            len: record.len(),
        });
    }
    out.arena = String::from_utf8(arena)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, sep: Separator) -> Vec<(usize, Vec<String>)> {
        let r = split(text, sep);
        r.rows
            .iter()
            .map(|rec| {
                let cells = (0..rec.len)
                    .map(|i| r.field(rec, i).unwrap_or("").to_string())
                    .collect();
                (rec.line, cells)
            })
            .collect()
    }

    #[test]
    fn detects_tab_semicolon_comma() {
        assert_eq!(detect("a\tb\n1,5\t2;3\n"), Separator::Tab);
        assert_eq!(
            detect("firma;año;ventas\nA;2019;1,5\nB;2019;2,5\n"),
            Separator::Semicolon
        );
        assert_eq!(
            detect("firm,year,sales\nA,2019,\"1,234.5\"\n"),
            Separator::Comma
        );
        assert_eq!(detect("firm,year\nA,2019\n"), Separator::Comma);
        assert_eq!(detect("firm\nA\n"), Separator::Tab);
        assert_eq!(detect(""), Separator::Tab);
    }

    #[test]
    fn quotes_line_breaks_and_line_numbers() {
        let text = "a,b\n\"x\ny\",\"1,5\"\n\n3,4\n";
        let got = lines(text, Separator::Comma);
        assert_eq!(got[0], (1, vec!["a".into(), "b".into()]));
        assert_eq!(got[1], (2, vec!["x\ny".into(), "1,5".into()]));
        assert_eq!(got[2], (5, vec!["3".into(), "4".into()]));
    }

    #[test]
    fn crlf_lone_cr_and_blank_rows() {
        let got = lines("a\tb\r\n1\t2\r\n\t\r\n\r\n3\t4\r\n\r\n", Separator::Tab);
        assert_eq!(got.iter().map(|g| g.0).collect::<Vec<_>>(), [1, 2, 5]);
        let got = lines("a\tb\r1\t2\r\r3\t4", Separator::Tab);
        assert_eq!(got.iter().map(|g| g.0).collect::<Vec<_>>(), [1, 2, 4]);
        let r = split("a\tb\r\n1\t2\r\n", Separator::Tab);
        assert_eq!(r.raw(&r.rows[1]), "1\t2");
    }

    fn shape(r: &Records<'_>) -> Vec<(usize, usize, usize, Vec<String>)> {
        r.rows
            .iter()
            .map(|rec| {
                let cells = (0..rec.len).map(|i| r.field(rec, i).unwrap_or("?").to_string());
                (rec.line, rec.start, rec.end, cells.collect())
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn split_line_agrees_with_str_split(line in "[ab\t;,é\u{a0}]{0,40}", s in 0usize..3) {
            let sep = [Separator::Tab, Separator::Semicolon, Separator::Comma][s];
            let mut fields = vec!["stale"];
            split_line(&line, sep, &mut fields);
            let want: Vec<&str> = line.split(char::from(sep.byte())).collect();
            proptest::prop_assert_eq!(fields, want);
        }

        #[test]
        fn plain_split_agrees_with_csv(text in "[ab\t;, \r\n\u{a0}é]{0,60}", s in 0usize..3) {
            let sep = [Separator::Tab, Separator::Semicolon, Separator::Comma][s];
            proptest::prop_assert_eq!(shape(&split_plain(&text, sep)), shape(&split_csv(&text, sep)));
        }
    }

    #[test]
    fn bom() {
        assert_eq!(strip_bom("\u{feff}a"), ("a", true));
        assert_eq!(strip_bom("a"), ("a", false));
    }
}
