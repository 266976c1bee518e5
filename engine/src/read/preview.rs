//! "What was read": the first rows of a paste as a grid, each cell with the value it
//! was read as and a flag when it is in error, so the page can show the user exactly
//! how their text was understood and highlight what to fix.

use std::collections::HashMap;


use super::cell::{self, Value};
use super::dialect::{Record, Records};
use cluster_eval_types::reading::{CellRead, Preview, PreviewCell, PreviewRow, RowError, PREVIEW_ROWS};
use super::header::Layout;
use super::number::DecimalMark;
use cluster_eval_types::schema::ColumnDef;

/// The preview of a table whose body has `total` rows, of which `body` are the first
/// ones (at least the [`PREVIEW_ROWS`] shown, when there are that many).
pub(crate) fn build(
    records: &Records<'_>,
    body: &[Record],
    total: usize,
    layout: &Layout,
    cols: &[ColumnDef],
    marks: &[DecimalMark],
    errors: &[RowError],
) -> Preview {
    let shown = body.get(..PREVIEW_ROWS.min(body.len())).unwrap_or_default();
    let last_line = shown.last().map_or(0, |r| r.line);
    let mut by_line: HashMap<usize, Vec<&RowError>> = HashMap::new();
    for e in errors.iter().filter(|e| e.line <= last_line) {
        by_line.entry(e.line).or_default().push(e);
    }
    let headers: Vec<String> = layout.headers.iter().map(|h| h.header.clone()).collect();
    let mut buf = String::new();
    let rows = shown
        .iter()
        .map(|rec| {
            let errs = by_line
                .get(&rec.line)
                .map(Vec::as_slice)
                .unwrap_or_default();
            let width = rec.len.max(headers.len());
            let cells = (0..width)
                .map(|i| {
                    let text = records.field(rec, i).unwrap_or("");
                    let target = layout.targets.get(i).copied().flatten();
                    let read = match target.and_then(|t| cols.get(t.col).map(|c| (t, c))) {
                        None => CellRead::Ignored,
                        Some((t, c)) => {
                            let mark = marks.get(t.col).copied().unwrap_or(DecimalMark::Point);
                            match cell::read(c.ty, text, mark, &mut buf) {
                                Ok(Value::Missing) => CellRead::Missing,
                                Ok(Value::Number(v)) => CellRead::Number(v),
                                Ok(Value::Flag(b)) => CellRead::Flag(b),
                                Ok(Value::Year(y)) => CellRead::Year(y),
                                Ok(Value::Group(g)) => CellRead::Group(g),
                                Ok(Value::Text(_)) => CellRead::Text,
                                Err(_) => CellRead::Error,
                            }
                        }
                    };
                    let named = headers.get(i).is_some_and(|h| {
                        errs.iter().any(|e| e.header.as_deref() == Some(h.as_str()))
                    });
                    PreviewCell {
                        text: text.to_string(),
                        error: named || read == CellRead::Error,
                        read,
                    }
                })
                .collect();
            PreviewRow {
                line: rec.line,
                cells,
                error: errs.iter().any(|e| e.header.is_none()),
            }
        })
        .collect();
    Preview {
        headers,
        rows,
        more_rows: total.saturating_sub(shown.len()),
    }
}
