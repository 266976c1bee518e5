//! From a sheet's rows to a table's text form, the way a person reads a sheet:
//!
//! - Blank rows and a title row above the header are skipped: the header is the first
//!   of the top rows that names the most of the table's columns (of the table the
//!   sheet's name says, else of any table), else the first row with two cells or more.
//! - Merged header cells: a cell merged across several columns (`Ventas` over three
//!   years) leaves the covered cells empty, with the years in the row below. When the
//!   header has such gaps and the row below holds only words and years, the two rows
//!   are read as one header (`Ventas 2019`, `Ventas 2020`…, which the reader takes as
//!   a wide table).
//! - Empty columns left of the header and columns right of its last cell (trailing
//!   empty, formatted columns) are left out; empty rows after the data, however many
//!   are formatted, never make a line. A run of blank rows inside the data keeps one
//!   line per row (up to [`MAX_GAP`]), so a line of the text is a row of the sheet.
//!
//! Rows arrive in order and are streamed: only the top [`LOOKAHEAD`] rows are held
//! while the header is found, so a 100,000-row sheet is written as it is read.

use cluster_eval_engine::{column_of_header, columns, columns_named, ColumnType, TableKind};

use crate::cells::{Cell, Column};
use crate::matching::{kind_by_header, kind_by_name, SheetMatch};

/// The top rows among which the header is looked for.
pub const LOOKAHEAD: usize = 30;
/// At most this many blank lines for one run of blank rows inside the data.
pub const MAX_GAP: u32 = 1_000;

/// One sheet's text form and what was found while making it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SheetText {
    pub text: String,
    pub kind: Option<(TableKind, SheetMatch)>,
    /// The header's row in the sheet, 1-based (`0`: the sheet is empty).
    pub header_row: u32,
    /// 2 when a merged header was read with the row below it.
    pub header_rows: u32,
    /// Non-empty rows above the header (titles, notes), left out.
    pub skipped_above: usize,
    /// Rows with a value below the header.
    pub data_rows: usize,
    /// Columns of the text form.
    pub columns: usize,
}

type Row = (u32, Vec<(u32, Cell)>);

/// Builds a sheet's text form from its rows, given in order.
pub struct SheetBuilder {
    name_kind: Option<TableKind>,
    buffered: Vec<Row>,
    layout: Option<Layout>,
    out: SheetText,
    last_row: u32,
}

/// The columns decided once the header is known.
struct Layout {
    first_col: u32,
    last_col: u32,
    /// Per column from `first_col`: how its cells are written (a date in a year
    /// column gives its year; a formatted number in an id column is its text).
    columns: Vec<Column>,
}

impl SheetBuilder {
    pub fn new(sheet_name: &str) -> Self {
        SheetBuilder {
            name_kind: kind_by_name(sheet_name),
            buffered: Vec::new(),
            layout: None,
            out: SheetText::default(),
            last_row: 0,
        }
    }

    /// One row: its index (0-based) and its cells (column, value), in column order.
    pub fn push(&mut self, row: u32, mut cells: Vec<(u32, Cell)>) {
        if !cells.is_sorted_by_key(|(c, _)| *c) {
            cells.sort_by_key(|(c, _)| *c);
        }
        if cells.iter().all(|(_, c)| c.is_empty()) {
            return;
        }
        if self.layout.is_some() {
            self.write_row(row, &cells);
        } else {
            self.buffered.push((row, cells));
            if self.buffered.len() >= LOOKAHEAD {
                self.decide();
            }
        }
    }

    pub fn finish(mut self) -> SheetText {
        if self.layout.is_none() {
            self.decide();
        }
        self.out
    }

    /// Finds the header among the buffered rows, writes it, then the rows after it.
    fn decide(&mut self) {
        let buffered = std::mem::take(&mut self.buffered);
        if buffered.is_empty() {
            // An empty sheet: nothing to write, and nothing more will come.
            self.layout = Some(Layout {
                first_col: 0,
                last_col: 0,
                columns: Vec::new(),
            });
            return;
        }
        let texts: Vec<Vec<String>> = buffered.iter().map(|(_, cells)| dense(cells)).collect();
        let score = |cells: &[String]| {
            let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
            match self.name_kind {
                Some(kind) => columns_named(kind, &cells),
                None => TableKind::ALL
                    .into_iter()
                    .map(|k| columns_named(k, &cells))
                    .max()
                    .unwrap_or(0),
            }
        };
        let scores: Vec<usize> = texts.iter().map(|t| score(t)).collect();
        let best = scores.iter().copied().max().unwrap_or(0);
        let header_at = if best > 0 {
            scores.iter().position(|s| *s == best)
        } else {
            buffered.iter().position(|(_, cells)| non_empty(cells) >= 2)
        }
        .unwrap_or(0);

        let (row, cells) = &buffered[header_at];
        let mut header = dense(cells);
        let mut header_rows = 1;
        // A merged header: its gaps filled from the left and the row below joined.
        if let Some((below_row, below)) = buffered.get(header_at + 1) {
            if *below_row == row + 1 && is_second_header_row(cells, below) {
                header = join_two_rows(&header, &dense(below));
                header_rows = 2;
            }
        }
        let first_col = header.iter().position(|h| !h.is_empty()).unwrap_or(0);
        let last_col = header.iter().rposition(|h| !h.is_empty()).unwrap_or(0);
        let header: Vec<&str> = header
            .get(first_col..=last_col)
            .unwrap_or_default()
            .iter()
            .map(String::as_str)
            .collect();
        let kind = self
            .name_kind
            .map(|k| (k, SheetMatch::Name))
            .or_else(|| kind_by_header(&header).map(|k| (k, SheetMatch::Header)));
        let column_types = header
            .iter()
            .map(|h| {
                let ty = kind.and_then(|(k, _)| {
                    let name = column_of_header(k, h)?;
                    columns(k).iter().find(|c| c.name == name).map(|c| c.ty)
                });
                match ty {
                    Some(ColumnType::Year) => Column::Year,
                    _ if h.eq_ignore_ascii_case("year") => Column::Year,
                    Some(ColumnType::Number) => Column::Number,
                    Some(_) => Column::Text,
                    None => Column::Unknown,
                }
            })
            .collect();
        self.out.kind = kind;
        self.out.header_row = row + 1;
        self.out.header_rows = header_rows;
        self.out.skipped_above = header_at;
        self.out.columns = header.len();
        self.out.text = header.join("\t");
        self.last_row = row + header_rows - 1;
        self.layout = Some(Layout {
            first_col: first_col as u32,
            last_col: last_col as u32,
            columns: column_types,
        });
        let skip = header_at + header_rows as usize;
        for (row, cells) in buffered.into_iter().skip(skip) {
            self.write_row(row, &cells);
        }
    }

    fn write_row(&mut self, row: u32, cells: &[(u32, Cell)]) {
        let Some(layout) = &self.layout else { return };
        if layout.columns.is_empty() {
            return;
        }
        let in_table = cells
            .iter()
            .any(|(c, v)| (layout.first_col..=layout.last_col).contains(c) && !v.is_empty());
        if !in_table {
            return;
        }
        // One line per row: a run of blank rows keeps its lines (up to MAX_GAP).
        let gap = row
            .saturating_sub(self.last_row)
            .saturating_sub(1)
            .min(MAX_GAP);
        for _ in 0..gap {
            self.out.text.push('\n');
        }
        self.last_row = row;
        self.out.text.push('\n');
        let mut cells = cells.iter().peekable();
        for col in layout.first_col..=layout.last_col {
            if col > layout.first_col {
                self.out.text.push('\t');
            }
            while cells.next_if(|(c, _)| *c < col).is_some() {}
            if let Some((_, cell)) = cells.next_if(|(c, _)| *c == col) {
                let i = (col - layout.first_col) as usize;
                let column = layout.columns.get(i).copied().unwrap_or(Column::Unknown);
                cell.write_in(column, &mut self.out.text);
            }
        }
        self.out.data_rows += 1;
    }
}

fn non_empty(cells: &[(u32, Cell)]) -> usize {
    cells.iter().filter(|(_, c)| !c.is_empty()).count()
}

/// A row's cells as header texts, one per column from column 0.
fn dense(cells: &[(u32, Cell)]) -> Vec<String> {
    let width = cells
        .iter()
        .map(|(c, _)| *c as usize + 1)
        .max()
        .unwrap_or(0);
    let mut out = vec![String::new(); width];
    for (c, cell) in cells {
        if let Some(slot) = out.get_mut(*c as usize) {
            *slot = cell.header_text();
        }
    }
    out
}

/// The row below a header is the second row of a merged header when the header has
/// a gap (an empty cell right of a filled one) above one of its cells, and it holds
/// only words and years: a data row has amounts.
fn is_second_header_row(header: &[(u32, Cell)], below: &[(u32, Cell)]) -> bool {
    let first_filled = header.iter().find(|(_, c)| !c.is_empty()).map(|(c, _)| *c);
    let filled = |col: u32| header.iter().any(|(c, v)| *c == col && !v.is_empty());
    let has_gap = below
        .iter()
        .any(|(col, v)| !v.is_empty() && !filled(*col) && first_filled.is_some_and(|f| *col > f));
    let words_and_years = below.iter().all(|(_, v)| match v {
        Cell::Number(x) => x.fract() == 0.0 && (1900.0..=2100.0).contains(x),
        Cell::Text(t) => t.trim().parse::<f64>().is_err(),
        Cell::Empty => true,
        _ => false,
    });
    has_gap && words_and_years
}

/// The header's gaps filled from the left, each column joined with the row below.
fn join_two_rows(top: &[String], below: &[String]) -> Vec<String> {
    let width = top.len().max(below.len());
    let mut out = Vec::with_capacity(width);
    let mut carried = String::new();
    for i in 0..width {
        let t = top.get(i).map(String::as_str).unwrap_or("");
        let b = below.get(i).map(String::as_str).unwrap_or("");
        if !t.is_empty() {
            carried = t.to_string();
        } else if b.is_empty() {
            carried.clear();
        }
        let t = if t.is_empty() && !b.is_empty() {
            carried.as_str()
        } else {
            t
        };
        out.push(match (t.is_empty(), b.is_empty()) {
            (false, false) if t != b => format!("{t} {b}"),
            (false, _) => t.to_string(),
            (true, _) => b.to_string(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Cell {
        Cell::Text(s.into())
    }
    fn n(x: f64) -> Cell {
        Cell::Number(x)
    }
    fn build(name: &str, rows: Vec<Row>) -> SheetText {
        let mut b = SheetBuilder::new(name);
        for (r, cells) in rows {
            b.push(r, cells);
        }
        b.finish()
    }

    #[test]
    fn a_title_and_blank_rows_above_the_header_are_skipped() {
        let out = build(
            "Territorio",
            vec![
                (0, vec![(0, t("Datos del territorio 2018-2021"))]),
                (
                    3,
                    vec![(1, t("año")), (2, t("PIB local")), (3, t("PIB nacional"))],
                ),
                (4, vec![(1, n(2018.0)), (2, n(1234.5)), (3, n(98765.0))]),
                (6, vec![(1, n(2019.0)), (2, n(1300.25)), (3, n(99000.0))]),
            ],
        );
        assert_eq!(out.kind, Some((TableKind::Territory, SheetMatch::Name)));
        assert_eq!(out.header_row, 4);
        assert_eq!(out.skipped_above, 1);
        assert_eq!(out.data_rows, 2);
        assert_eq!(
            out.text,
            "año\tPIB local\tPIB nacional\n2018\t1234.5\t98765\n\n2019\t1300.25\t99000"
        );
    }

    #[test]
    fn a_merged_header_over_years_reads_as_a_wide_table() {
        let out = build(
            "Hoja1",
            vec![
                (
                    0,
                    vec![(0, t("empresa")), (1, t("grupo")), (2, t("ventas"))],
                ),
                (1, vec![(2, n(2019.0)), (3, n(2020.0))]),
                (
                    2,
                    vec![
                        (0, t("A1")),
                        (1, t("beneficiaria")),
                        (2, n(10.0)),
                        (3, n(12.5)),
                    ],
                ),
            ],
        );
        assert_eq!(out.header_rows, 2);
        assert_eq!(out.kind, Some((TableKind::Firms, SheetMatch::Header)));
        assert_eq!(
            out.text,
            "empresa\tgrupo\tventas 2019\tventas 2020\nA1\tbeneficiaria\t10\t12.5"
        );
    }

    #[test]
    fn trailing_columns_and_a_million_formatted_rows_make_nothing() {
        let out = build(
            "Actores",
            vec![
                (
                    0,
                    vec![
                        (0, t("actor")),
                        (1, t("tipo")),
                        (2, t("año")),
                        (6, Cell::Empty),
                    ],
                ),
                (
                    1,
                    vec![
                        (0, t("UNA")),
                        (1, t("universidad")),
                        (2, Cell::Date(43_525.0)),
                        (9, t(" ")),
                    ],
                ),
                (999_999, vec![(0, Cell::Empty), (4, Cell::Empty)]),
            ],
        );
        assert_eq!(out.text, "actor\ttipo\taño\nUNA\tuniversidad\t2019");
        assert_eq!(out.columns, 3);
    }

    #[test]
    fn an_empty_sheet_gives_an_empty_text() {
        let out = build("Notas", vec![]);
        assert_eq!(out.text, "");
        assert_eq!(out.header_row, 0);
        assert_eq!(out.kind, None);
    }
}
