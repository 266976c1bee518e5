//! Reading a document with large tables faster than serde_json alone.
//!
//! A document is a few kilobytes of JSON around its tables, and a pasted table is one
//! long JSON string with an escape (`\t`, `\n`) every few bytes, which serde_json's
//! string reader takes one at a time and copies twice (into its scratch space, then
//! into the string). Here the long strings are decoded straight into the `String`
//! kept, the text between escapes found and copied eight bytes at a time; the rest of
//! the text, with a short placeholder for each long string, is read by serde_json; the
//! placeholders are then replaced.
//!
//! The result is exactly `serde_json::from_str::<Value>`'s (a test holds it). Anything
//! unusual (an escape serde_json would refuse, a placeholder's text already in the
//! document, a text that is not JSON) gives `None`, and the caller reads the text with
//! serde_json, which also words any error.

use serde_json::Value;

/// Strings at least this long (in bytes, as written) are decoded here.
const LONG: usize = 64 * 1024;

/// What an escaped byte stands for: 0 for an escape JSON does not have, [`HEX`] for
/// `\u`.
const UNESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table[b'/' as usize] = b'/';
    table[b'b' as usize] = 0x08;
    table[b'f' as usize] = 0x0c;
    table[b'n' as usize] = b'\n';
    table[b'r' as usize] = b'\r';
    table[b't' as usize] = b'\t';
    table[b'u' as usize] = HEX;
    table
};

/// The mark of `\u` in [`UNESCAPE`] (no escape stands for 0xff).
const HEX: u8 = 0xff;

/// The placeholder of the `k`-th long string, as JSON, and as the string it reads as.
fn placeholder(k: usize) -> (String, String) {
    (
        format!("\"\\u0000cluster-eval-long-{k}\""),
        format!("\u{0}cluster-eval-long-{k}"),
    )
}

/// `serde_json::from_str::<Value>(text)`, or `None` (see the module documentation).
pub fn value_with_long_strings(text: &str) -> Option<Value> {
    let bytes = text.as_bytes();
    let mut shell: Vec<u8> = Vec::new();
    let mut long: Vec<String> = Vec::new();
    // Decoding space, at least as long as the rest of the text (allocated zeroed, so
    // its pages are only touched where written); a long string keeps the buffer it
    // was decoded into.
    let mut scratch: Vec<u8> = Vec::new();
    let (mut at, mut copied) = (0, 0);
    while let Some(found) = memchr::memchr(b'"', bytes.get(at..)?) {
        let start = at + found + 1;
        let rest = bytes.get(start..)?;
        // A string without escapes ends at the next quote.
        let first = memchr::memchr2(b'"', b'\\', rest)?;
        if rest.get(first) == Some(&b'"') {
            at = start + first + 1;
            continue;
        }
        if scratch.len() < rest.len() + 8 {
            scratch = vec![0; rest.len() + 8];
        }
        let (used, written) = decode(rest, &mut scratch)?;
        at = start + used;
        if used - 1 < LONG {
            continue;
        }
        let mut decoded = std::mem::take(&mut scratch);
        decoded.truncate(written);
        long.push(String::from_utf8(decoded).ok()?);
        shell.extend_from_slice(bytes.get(copied..start - 1)?);
        shell.extend_from_slice(placeholder(long.len() - 1).0.as_bytes());
        copied = at;
    }
    if long.is_empty() {
        return None;
    }
    shell.extend_from_slice(bytes.get(copied..)?);
    let shell = String::from_utf8(shell).ok()?;
    let mut value: Value = serde_json::from_str(&shell).ok()?;
    let marks: Vec<String> = (0..long.len()).map(|k| placeholder(k).1).collect();
    let mut slots: Vec<Option<&mut String>> = (0..long.len()).map(|_| None).collect();
    if !find_placeholders(&mut value, &marks, &mut slots) {
        return None;
    }
    for (slot, text) in slots.into_iter().zip(long) {
        *slot? = text;
    }
    Some(value)
}

/// Finds where each placeholder is, once; false if one is found twice or as a key.
fn find_placeholders<'v>(
    value: &'v mut Value,
    marks: &[String],
    slots: &mut [Option<&'v mut String>],
) -> bool {
    let prefix = "\u{0}cluster-eval-long-";
    match value {
        Value::String(s) if s.starts_with(prefix) => match marks.iter().position(|m| m == s) {
            Some(k) => match slots.get_mut(k) {
                Some(slot @ None) => {
                    *slot = Some(s);
                    true
                }
                _ => false,
            },
            None => true,
        },
        Value::Array(items) => items
            .iter_mut()
            .all(|item| find_placeholders(item, marks, slots)),
        Value::Object(map) => {
            if map.keys().any(|k| k.starts_with(prefix)) {
                return false;
            }
            map.values_mut()
                .all(|item| find_placeholders(item, marks, slots))
        }
        _ => true,
    }
}

/// The bytes of `w` that end a run of plain string text: `\\`, `"` and control
/// characters, as the high bit of each byte (exactly: no carry crosses a byte).
fn specials(w: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |x: u64| !((((x & LOW7) + LOW7) | x) | LOW7);
    let backslash = zero(w ^ 0x5c5c_5c5c_5c5c_5c5c);
    let quote = zero(w ^ 0x2222_2222_2222_2222);
    // Below 0x20: adding 0x60 to the low seven bits leaves the high bit clear.
    let control = !(((w & LOW7) + 0x6060_6060_6060_6060) | w) & HIGH;
    backslash | quote | control
}

/// Decodes the JSON string that starts at `src` (just after its opening quote) into
/// `dst` (at least 8 bytes longer than `src`): the bytes used (closing quote included)
/// and written, or `None` for a string serde_json would refuse (a control character,
/// an unknown escape, a lone surrogate) or that does not end. The text between
/// escapes is found and copied eight bytes at a time.
fn decode(src: &[u8], dst: &mut [u8]) -> Option<(usize, usize)> {
    let (mut k, mut j) = (0usize, 0usize);
    loop {
        // Eight bytes copied whole (what follows a special byte is overwritten next).
        let run = match src.get(k..k + 8) {
            Some(word) => {
                let mut w = [0u8; 8];
                w.copy_from_slice(word);
                dst.get_mut(j..j + 8)?.copy_from_slice(&w);
                let special = specials(u64::from_le_bytes(w));
                if special == 0 {
                    k += 8;
                    j += 8;
                    continue;
                }
                (special.trailing_zeros() / 8) as usize
            }
            // The last few bytes, one at a time.
            None => {
                let b = *src.get(k)?;
                if b != b'\\' && b != b'"' && b >= 0x20 {
                    *dst.get_mut(j)? = b;
                    k += 1;
                    j += 1;
                    continue;
                }
                0
            }
        };
        k += run;
        j += run;
        match *src.get(k)? {
            b'"' => return Some((k + 1, j)),
            b'\\' => {
                let m = UNESCAPE[usize::from(*src.get(k + 1)?)];
                if m == HEX {
                    let (c, used) = unicode_escape(src, k + 2)?;
                    let mut utf8 = [0u8; 4];
                    let c = c.encode_utf8(&mut utf8).as_bytes();
                    dst.get_mut(j..j + c.len())?.copy_from_slice(c);
                    j += c.len();
                    k += 2 + used;
                } else if m != 0 {
                    *dst.get_mut(j)? = m;
                    j += 1;
                    k += 2;
                } else {
                    return None;
                }
            }
            // A control character.
            _ => return None,
        }
    }
}

/// The character of the `\u` escape whose hex digits start at `src[at]`, and the
/// bytes it used, as serde_json reads it into a string: a pair of escapes for a
/// character past U+FFFF, no lone surrogate.
fn unicode_escape(src: &[u8], at: usize) -> Option<(char, usize)> {
    let hex = |at: usize| -> Option<u32> {
        src.get(at..at + 4)?
            .iter()
            .try_fold(0u32, |v, &c| Some(v * 16 + char::from(c).to_digit(16)?))
    };
    let high = hex(at)?;
    match high {
        0xd800..=0xdbff => {
            if src.get(at + 4..at + 6)? != b"\\u" {
                return None;
            }
            let low = hex(at + 6)?;
            if !(0xdc00..=0xdfff).contains(&low) {
                return None;
            }
            let c = 0x1_0000 + ((high - 0xd800) << 10) + (low - 0xdc00);
            Some((char::from_u32(c)?, 10))
        }
        0xdc00..=0xdfff => None,
        _ => Some((char::from_u32(high)?, 4)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(table: &str) -> String {
        let table = serde_json::to_string(table).expect("string");
        format!(
            r#"{{"format":"cluster-eval","version":1,"n":1.5e300,"tables":{{"firms":{table},"x":[{table},"\t\u00e9\ud83d\ude00"]}},"k":"\\"}}"#
        )
    }

    #[test]
    fn reads_as_serde_json_does() {
        let every: String = (0u8..0x80).map(char::from).collect();
        let table = format!("{every}é€😀\u{2028}\"\\").repeat(1000);
        for text in [
            doc(&table),
            doc(&"a\tb\n".repeat(20_000)),
            // Escapes as other writers write them.
            doc(&table)
                .replace("\\u001f", "\\u001F")
                .replace('é', "\\u00E9"),
            doc(&table).replace("😀", "\\ud83d\\ude00"),
            doc(&table).replace('/', "\\/"),
        ] {
            let want: Value = serde_json::from_str(&text).expect("JSON");
            assert_eq!(value_with_long_strings(&text), Some(want));
        }
    }

    proptest::proptest! {
        #[test]
        fn decodes_strings_as_serde_json_does(pieces in proptest::collection::vec(0usize..14, 0..80)) {
            const PIECES: [&str; 14] = [
                "a", "abcdefghij", "\\t", "\\n", "\\\\", "\\\"", "\\/", "\\u00e9",
                "\\ud83d\\ude00", "\\ud800", "\\q", "\u{1}", "é€", "\\u12",
            ];
            let body: String = pieces.iter().map(|&p| PIECES[p]).collect();
            let literal = format!("\"{body}\" ");
            let src = &literal.as_bytes()[1..];
            let mut dst = vec![0; src.len() + 8];
            let want = serde_json::from_str::<String>(&literal).ok();
            let got = decode(src, &mut dst).map(|(used, n)| {
                (used, String::from_utf8(dst[..n].to_vec()).expect("UTF-8"))
            });
            proptest::prop_assert_eq!(got.as_ref().map(|g| g.1.clone()), want);
            if let Some((used, _)) = got {
                proptest::prop_assert_eq!(used, body.len() + 1);
            }
        }
    }

    #[test]
    fn leaves_to_serde_json_what_it_would_refuse_or_has_no_long_string() {
        let long = "a\\tb".repeat(20_000);
        for text in [
            r#"{"a":"b"}"#.to_string(),
            format!(r#"{{"a":"{long}\ud800"}}"#),
            format!(r#"{{"a":"{long}\udc00x"}}"#),
            format!(r#"{{"a":"{long}\q"}}"#),
            format!("{{\"a\":\"{long}\u{1}\"}}"),
            format!(r#"{{"a":"{long}"#),
            format!(r#"{{"a":"{long}"}} x"#),
            format!(r#"{{"a":"{long}","b":"\u0000cluster-eval-long-0"}}"#),
            format!(r#"{{"\u0000cluster-eval-long-1":"{long}"}}"#),
        ] {
            assert_eq!(value_with_long_strings(&text), None, "{}", &text[..20]);
        }
        // A long key is read by serde_json: the placeholder would be a key.
        let text = format!(r#"{{"{long}":1}}"#);
        assert_eq!(value_with_long_strings(&text), None);
    }
}
