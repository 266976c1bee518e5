//! Invisible characters in a paste: zero-width spaces and joiners, word joiners, soft
//! hyphens, byte-order marks inside the text and direction marks. A cell can look
//! like `1000` or `F01` and hold one (copied from a web page, a PDF or a chat), which
//! made a number "not a number" and made `F01` and `F0​1` two firms.
//!
//! They are read as if absent: the table is read from a copy of the paste without
//! them (line breaks are never among them, so every line keeps its number), and the
//! report lists where each was ([`Found::locate`]), so the reader can see why the
//! cell differs from what they typed. The document keeps the paste as it was.
//! A paste without any costs one check that it is all ASCII, or one `memchr` scan.


use super::dialect::Separator;
use cluster_eval_types::reading::InvisibleChar;
use cluster_eval_types::text::is_invisible;
use super::header::Layout;
use cluster_eval_types::schema::ColumnDef;

/// How many invisible characters the report lists one by one; the others are counted.
pub const LISTED: usize = 20;

/// The invisible characters of a text: byte offset and character, in order.
#[derive(Debug, Default)]
pub struct Found {
    at: Vec<(usize, char)>,
}

impl Found {
    /// Finds the invisible characters of `text`. Each is a C0 control byte or starts
    /// with one of the bytes `C2 D8 E1 E2 EF`, so only those are looked at.
    pub fn scan(text: &str) -> Found {
        let bytes = text.as_bytes();
        let control = |b: u8| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r');
        let controls = bytes.iter().any(|&b| control(b));
        let ascii = text.is_ascii();
        if ascii && !controls {
            return Found::default();
        }
        let char_at = |i: usize| text.get(i..).and_then(|s| s.chars().next());
        let mut at: Vec<(usize, char)> = Vec::new();
        if controls {
            at.extend(
                bytes
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| control(**b))
                    .map(|(i, b)| (i, char::from(*b))),
            );
        }
        if !ascii {
            at.extend(
                memchr::memchr3_iter(0xc2, 0xe2, 0xef, bytes)
                    .chain(memchr::memchr2_iter(0xd8, 0xe1, bytes))
                    .filter_map(|i| char_at(i).filter(|c| is_invisible(*c)).map(|c| (i, c))),
            );
        }
        at.sort_unstable_by_key(|(i, _)| *i);
        Found { at }
    }

    pub fn is_empty(&self) -> bool {
        self.at.is_empty()
    }

    pub fn count(&self) -> usize {
        self.at.len()
    }

    /// `text` without its invisible characters.
    pub fn remove(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut from = 0;
        for &(i, c) in &self.at {
            out.push_str(text.get(from..i).unwrap_or_default());
            from = i + c.len_utf8();
        }
        out.push_str(text.get(from..).unwrap_or_default());
        out
    }

    /// Where the first [`LISTED`] characters are in `text` (the paste they were found
    /// in): line, cell (by counting separators outside quotes on that line) and
    /// position in the cell; the cell's column from the table's `layout`.
    pub fn locate(
        &self,
        text: &str,
        sep: Separator,
        layout: &Layout,
        cols: &[ColumnDef],
    ) -> Vec<InvisibleChar> {
        let bytes = text.as_bytes();
        let sep = sep.byte();
        let (mut line, mut line_start, mut scanned) = (1usize, 0usize, 0usize);
        let mut out = Vec::new();
        for &(i, c) in self.at.iter().take(LISTED) {
            // The line breaks between the last character and this one: `\n`, `\r\n`
            // and a lone `\r` each end a line.
            for b in memchr::memchr2_iter(b'\n', b'\r', bytes.get(scanned..i).unwrap_or_default()) {
                let at = scanned + b;
                let crlf = bytes.get(at) == Some(&b'\r') && bytes.get(at + 1) == Some(&b'\n');
                if !crlf {
                    line += 1;
                }
                line_start = at + 1;
            }
            scanned = i;
            // The cell: separators outside quotes before it on its line.
            let (mut field, mut field_start, mut quoted) = (0usize, line_start, false);
            for (k, &b) in bytes
                .get(line_start..i)
                .unwrap_or_default()
                .iter()
                .enumerate()
            {
                if b == b'"' {
                    quoted = !quoted;
                } else if b == sep && !quoted {
                    field += 1;
                    field_start = line_start + k + 1;
                }
            }
            let position = text.get(field_start..i).map_or(0, |s| s.chars().count()) + 1;
            let header = layout
                .headers
                .get(field)
                .map(|h| h.header.clone())
                .filter(|h| !h.is_empty());
            let column = layout
                .targets
                .get(field)
                .copied()
                .flatten()
                .and_then(|t| cols.get(t.col))
                .map(|c| c.name.to_string());
            out.push(InvisibleChar {
                line,
                column,
                header,
                position,
                code_point: u32::from(c),
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_and_removes_each_invisible_character() {
        let text =
            "a\u{200b}b\u{ad}c\u{feff}d\u{2060}e\u{200f}f\u{202e}g\u{2066}h\u{180e}i\u{61c}j";
        let found = Found::scan(text);
        assert_eq!(found.count(), 9);
        assert_eq!(found.remove(text), "abcdefghij");
        // Visible characters that share the first bytes stay.
        let visible = "—“”\u{a0}é€ñ";
        assert!(Found::scan(visible).is_empty());
        assert!(Found::scan("plain ascii").is_empty());
    }

    #[test]
    fn c0_controls_are_invisible_but_tabs_and_line_ends() {
        let text = "F\u{0}01\tx\r\ny\u{1f}\u{7}\u{200b}z\u{b}";
        let found = Found::scan(text);
        assert_eq!(found.count(), 5);
        assert_eq!(found.remove(text), "F01\tx\r\nyz");
        assert!(Found::scan("a\tb\r\nc\n").is_empty());
    }
}
