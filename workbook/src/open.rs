//! Opening a workbook file: what kind of file it is (by its bytes, not its name), its
//! sheets in order, each as a table's text form ([`crate::header_row`]) and the table
//! it looks like ([`crate::matching`]).
//!
//! Every way a person's file can fail is a typed [`OpenError`], worded for the page in
//! [`crate::texts`]: too large, empty, a text file renamed, password-protected, not a
//! workbook, damaged. A sheet that cannot be read is listed with its own error while
//! the others are read.

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Ods, Range, Reader, Xls, Xlsx};
use cluster_eval_engine::TableKind;
use serde::{Deserialize, Serialize};

use crate::cells::Cell;
use crate::header_row::{SheetBuilder, SheetText};
use crate::matching::SheetMatch;
use crate::sheet_paths::sheet_paths;
pub use crate::sheet_scan::Exceeded;
use crate::sheet_scan::{column_letters, scan, Scanned};
use crate::shown::Pattern;

/// Files larger than this are refused before being read (see the constant's note).
pub const MAX_FILE_BYTES: usize = cluster_eval_ui::file_names::MAX_WORKBOOK_BYTES;

/// What a workbook file is, by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Xlsx,
    Xls,
    Ods,
}

/// Why a file could not be opened as a workbook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum OpenError {
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    Empty,
    /// The file is text (a CSV or TSV renamed, for instance): paste it instead.
    Text,
    PasswordProtected,
    /// Neither a zip (xlsx, ods) nor an Office 97 file (xls).
    NotAWorkbook,
    /// It looks like a workbook but could not be read (`detail`: the library's words).
    Damaged {
        detail: String,
    },
    NoSheets,
    /// A sheet larger than a spreadsheet can be, or than the page can use, refused
    /// before it is read (`crate::sheet_scan`).
    SheetTooLarge {
        sheet: String,
        exceeded: Exceeded,
    },
}

/// One sheet, read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenedSheet {
    pub name: String,
    /// The table it looks like, and how that was found.
    pub kind: Option<TableKind>,
    pub matched: Option<SheetMatch>,
    pub text: String,
    pub header_row: u32,
    pub header_rows: u32,
    pub skipped_above: usize,
    pub data_rows: usize,
    pub columns: usize,
    /// The sheet could not be read (the others were).
    pub error: Option<String>,
}

impl OpenedSheet {
    fn from_text(name: String, s: SheetText) -> Self {
        OpenedSheet {
            name,
            kind: s.kind.map(|(k, _)| k),
            matched: s.kind.map(|(_, m)| m),
            text: s.text,
            header_row: s.header_row,
            header_rows: s.header_rows,
            skipped_above: s.skipped_above,
            data_rows: s.data_rows,
            columns: s.columns,
            error: None,
        }
    }

    fn unreadable(name: String, detail: String) -> Self {
        OpenedSheet {
            name,
            kind: None,
            matched: None,
            text: String::new(),
            header_row: 0,
            header_rows: 0,
            skipped_above: 0,
            data_rows: 0,
            columns: 0,
            error: Some(detail),
        }
    }
}

/// A workbook's sheets, in the workbook's order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenedWorkbook {
    pub format: Format,
    pub sheets: Vec<OpenedSheet>,
}

impl OpenedWorkbook {
    /// Whether any sheet was matched to a table.
    pub fn any_table(&self) -> bool {
        self.sheets.iter().any(|s| s.kind.is_some())
    }
}

const ZIP: &[u8] = b"PK\x03\x04";
const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// What the bytes are, before any library sees them.
fn sniff(bytes: &[u8]) -> Result<Format, OpenError> {
    if bytes.is_empty() {
        return Err(OpenError::Empty);
    }
    if bytes.starts_with(ZIP) {
        // An OpenDocument zip names its type in its first entry, `mimetype`, stored.
        let head = bytes.get(..256).unwrap_or(bytes);
        let ods = head
            .windows(b"opendocument.spreadsheet".len())
            .any(|w| w == b"opendocument.spreadsheet");
        return Ok(if ods { Format::Ods } else { Format::Xlsx });
    }
    if bytes.starts_with(OLE) {
        // An encrypted .xlsx is an Office 97 container with an `EncryptedPackage`
        // stream; its directory names are UTF-16.
        let encrypted: Vec<u8> = "EncryptedPackage"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        if bytes
            .windows(encrypted.len())
            .any(|w| w == encrypted.as_slice())
        {
            return Err(OpenError::PasswordProtected);
        }
        return Ok(Format::Xls);
    }
    if looks_like_text(bytes) {
        return Err(OpenError::Text);
    }
    Err(OpenError::NotAWorkbook)
}

/// Text: the first KB has no control bytes but tabs and line ends (UTF-8, UTF-16 with
/// its mark, or a one-byte code page).
fn looks_like_text(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let head = bytes.get(..1024).unwrap_or(bytes);
    head.iter()
        .all(|&b| b >= 0x20 || matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
}

fn damaged(e: impl std::fmt::Display) -> OpenError {
    let detail = e.to_string();
    if detail.to_ascii_lowercase().contains("password") {
        OpenError::PasswordProtected
    } else {
        OpenError::Damaged { detail }
    }
}

/// Opens a workbook from its bytes.
pub fn open(bytes: Vec<u8>) -> Result<OpenedWorkbook, OpenError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(OpenError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let format = sniff(&bytes)?;
    let cursor = Cursor::new(bytes.as_slice());
    let sheets = match format {
        Format::Xlsx => {
            let mut book: Xlsx<_> = open_workbook_from_rs(cursor).map_err(damaged)?;
            // The sheets' XML, for the scan before each is read.
            let mut zip = zip::ZipArchive::new(Cursor::new(bytes.as_slice())).map_err(damaged)?;
            let paths = sheet_paths(&mut zip);
            let names = book.sheet_names();
            let mut sheets = Vec::with_capacity(names.len());
            for (i, name) in names.into_iter().enumerate() {
                let path = paths
                    .iter()
                    .find(|(n, _)| *n == name)
                    .or_else(|| paths.get(i))
                    .map(|(_, p)| p.as_str());
                let scanned = match path.map(|p| zip.by_name(p)) {
                    Some(Ok(xml)) => match scan(xml) {
                        Ok(Ok(scanned)) => scanned,
                        Ok(Err(exceeded)) => {
                            return Err(OpenError::SheetTooLarge {
                                sheet: name,
                                exceeded,
                            })
                        }
                        Err(e) => {
                            sheets.push(OpenedSheet::unreadable(name, e.to_string()));
                            continue;
                        }
                    },
                    // Not found here: calamine says why when it reads it.
                    _ => Scanned::default(),
                };
                sheets.push(match xlsx_sheet(&mut book, &name, &scanned) {
                    Ok(text) => OpenedSheet::from_text(name, text),
                    Err(e) => OpenedSheet::unreadable(name, e.to_string()),
                });
            }
            sheets
        }
        Format::Xls => {
            let mut book: Xls<_> = open_workbook_from_rs(cursor).map_err(damaged)?;
            ranged(&mut book)
        }
        Format::Ods => {
            let mut book: Ods<_> = open_workbook_from_rs(cursor).map_err(damaged)?;
            ranged(&mut book)
        }
    };
    if sheets.is_empty() {
        return Err(OpenError::NoSheets);
    }
    Ok(OpenedWorkbook { format, sheets })
}

/// A sheet's name as a formula writes it (`Empresas`, `'Datos 2024'`).
fn quoted_sheet(name: &str) -> String {
    if name.chars().all(|c| c.is_alphanumeric() || c == '_') {
        name.to_string()
    } else {
        format!("'{}'", name.replace('\'', "''"))
    }
}

/// An `.xlsx` sheet, streamed cell by cell: empty cells (a million formatted rows)
/// are never stored, and no sheet-sized grid is built. `scanned`: what the scan found
/// (the formulas without a value). A number whose format changes what is shown
/// (`000`) carries the text shown ([`Pattern`]).
fn xlsx_sheet(
    book: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
    scanned: &Scanned,
) -> Result<SheetText, calamine::XlsxError> {
    let mut builder = SheetBuilder::new(name);
    let mut reader = book.worksheet_cells_reader(name)?;
    // Each style's pattern, worked out once.
    let patterns: Vec<Option<Pattern>> = reader
        .styles()
        .iter()
        .map(|s| {
            s.number_format
                .as_ref()
                .and_then(|f| Pattern::of(&f.format_code))
        })
        .collect();
    let mut row: Option<u32> = None;
    let mut cells: Vec<(u32, Cell)> = Vec::new();
    while let Some((cell, style)) = reader.next_cell_with_style_id()? {
        let (r, c) = cell.get_position();
        let value = cell.get_value();
        let cell = match value {
            calamine::DataRef::Empty if scanned.uncached.contains(&(r, c)) => Cell::NoValue(
                format!("{}!{}{}", quoted_sheet(name), column_letters(c), r + 1),
            ),
            calamine::DataRef::Empty => continue,
            calamine::DataRef::Int(_) | calamine::DataRef::Float(_) => {
                let number = Cell::from(value);
                let pattern = patterns.get(style).and_then(Option::as_ref);
                match (number, pattern) {
                    (Cell::Number(v), Some(p)) => match p.show(v) {
                        Some(text) => Cell::Shown {
                            value: v,
                            text,
                            padded: p.padded_only(),
                        },
                        None => Cell::Number(v),
                    },
                    (number, _) => number,
                }
            }
            _ => Cell::from(value),
        };
        if row != Some(r) {
            if let Some(done) = row {
                builder.push(done, std::mem::take(&mut cells));
            }
            row = Some(r);
        }
        cells.push((c, cell));
    }
    if let Some(done) = row {
        builder.push(done, cells);
    }
    Ok(builder.finish())
}

/// The sheets of an `.xls` or `.ods`, through calamine's ranges.
fn ranged<'a, R>(book: &mut R) -> Vec<OpenedSheet>
where
    R: Reader<Cursor<&'a [u8]>>,
    R::Error: std::fmt::Display,
{
    let names = book.sheet_names();
    names
        .into_iter()
        .map(|name| match book.worksheet_range(&name) {
            Ok(range) => OpenedSheet::from_text(name.clone(), range_sheet(&name, &range)),
            Err(e) => OpenedSheet::unreadable(name, e.to_string()),
        })
        .collect()
}

fn range_sheet(name: &str, range: &Range<calamine::Data>) -> SheetText {
    let mut builder = SheetBuilder::new(name);
    let (row0, col0) = range.start().unwrap_or((0, 0));
    for (i, row) in range.rows().enumerate() {
        let cells: Vec<(u32, Cell)> = row
            .iter()
            .enumerate()
            .filter(|(_, d)| !matches!(d, calamine::Data::Empty))
            .map(|(j, d)| (col0 + j as u32, Cell::from(d)))
            .collect();
        if !cells.is_empty() {
            builder.push(row0 + i as u32, cells);
        }
    }
    builder.finish()
}

/// The sheets matched to each table, for the page's first proposal: for each table,
/// the first sheet that goes to it.
pub fn proposal(book: &OpenedWorkbook) -> Vec<Option<TableKind>> {
    let mut taken = [false; TableKind::COUNT];
    book.sheets
        .iter()
        .map(|s| {
            let kind = s.kind?;
            let slot = TableKind::ALL.iter().position(|k| *k == kind)?;
            if std::mem::replace(taken.get_mut(slot)?, true) {
                None
            } else {
                Some(kind)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_told_apart_by_their_bytes() {
        assert_eq!(sniff(b""), Err(OpenError::Empty));
        assert_eq!(
            sniff(b"firm;group;year\nA;beneficiary;2019\n"),
            Err(OpenError::Text)
        );
        assert_eq!(sniff(&[0, 1, 2, 3, 200, 0]), Err(OpenError::NotAWorkbook));
        assert_eq!(sniff(b"PK\x03\x04rest"), Ok(Format::Xlsx));
        let mut ods =
            b"PK\x03\x04\0\0\0\0mimetypeapplication/vnd.oasis.opendocument.spreadsheet".to_vec();
        ods.extend_from_slice(&[0; 10]);
        assert_eq!(sniff(&ods), Ok(Format::Ods));
        let mut encrypted = OLE.to_vec();
        encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(sniff(&encrypted), Err(OpenError::PasswordProtected));
    }

    #[test]
    fn a_damaged_zip_is_damaged_not_a_panic() {
        let mut bytes = b"PK\x03\x04".to_vec();
        bytes.extend_from_slice(&[7; 500]);
        assert!(matches!(open(bytes), Err(OpenError::Damaged { .. })));
    }

    #[test]
    fn too_large_is_refused_before_reading() {
        let bytes = vec![0u8; MAX_FILE_BYTES + 1];
        assert!(matches!(open(bytes), Err(OpenError::TooLarge { .. })));
    }
}
