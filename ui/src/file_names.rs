//! Names of the files the page offers for download.

/// The largest workbook opened, in bytes. A 100,000-row firms sheet is about 5 to 9
/// MB as `.xlsx`; a 50 MB workbook unpacks to several hundred MB of XML, more than a
/// browser tab can be sure to have. The page refuses a larger file before reading it,
/// and the workbook module refuses it again (one constant for both).
pub const MAX_WORKBOOK_BYTES: usize = 30 * 1024 * 1024;

/// The longest stem kept, in characters: a 100,000-character project name gave a
/// 100,005-byte download name, which file systems refuse (most allow 255 bytes).
pub const MAX_STEM_CHARS: usize = 80;

/// A file name made safe for every operating system from a project name: characters
/// file systems refuse become `_`, invisible and direction-changing characters (a
/// right-to-left override would show `json.eman` for `name.json`) are dropped, and the
/// stem is cut at [`MAX_STEM_CHARS`] characters.
pub fn safe_file_name(name: &str, extension: &str) -> String {
    let cleaned: String = name
        .chars()
        .filter(|c| !is_invisible(*c))
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .take(MAX_STEM_CHARS)
        .collect();
    let cleaned = cleaned.trim().trim_matches('.');
    let stem = if cleaned.is_empty() {
        "project"
    } else {
        cleaned
    };
    format!("{stem}.{extension}")
}

/// Zero-width characters, the soft hyphen, the byte-order mark and the bidirectional
/// marks, embeddings, overrides and isolates.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00ad}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
    )
}

/// A table saved as text (`.csv`, `.tsv`, `.txt`): data to paste into a table, not a
/// project file.
pub fn is_table_file(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    [".csv", ".tsv", ".txt", ".tab"]
        .iter()
        .any(|ext| name.ends_with(ext))
}
