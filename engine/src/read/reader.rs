//! Reading one table, start to end: dialect → records → header → decimal marks →
//! cells → typed rows, with the report, the errors and the preview.
//!
//! Nothing here indexes with a user-controlled number: every lookup is `get`, so no
//! paste can make the reader panic (a property test and a fuzz target hold it to that).

use std::collections::BTreeMap;

use super::cell::{self, Value};
use super::dialect::{self, Separator};
use super::error::{RowError, RowErrorKind};
use super::header::{self, Layout};
use super::number::{self, DecimalMark, Votes};
use super::preview;
use super::report::{DecimalReport, DecimalSource, ReadReport, SeparatorSource};
use super::schema::{self, ColumnDef, ColumnType};
use super::tables::{self, Builder};
use super::wide::Shape;
use super::TableRead;
use crate::document::Settings;
use crate::model::TableKind;

/// Chooses the decimal mark of every numeric column present.
fn decide_marks(
    kind: TableKind,
    cols: &[ColumnDef],
    layout: &Layout,
    records: &dialect::Records<'_>,
    body: &[dialect::Record],
    settings: &Settings,
) -> (Vec<DecimalMark>, Vec<DecimalReport>) {
    let mut marks = vec![DecimalMark::Point; cols.len()];
    let mut reports = Vec::new();
    for (ci, c) in cols.iter().enumerate() {
        if c.ty != ColumnType::Number || !layout.present.get(ci).copied().unwrap_or(false) {
            continue;
        }
        let over = settings
            .decimal_override(kind.name(), c.name)
            .and_then(DecimalMark::from_setting);
        let mut votes = Votes::default();
        if over.is_none() {
            let pasted: Vec<usize> = layout
                .targets
                .iter()
                .enumerate()
                .filter_map(|(i, t)| t.filter(|t| t.col == ci).map(|_| i))
                .collect();
            for rec in body {
                for &p in &pasted {
                    let s = cell::trim(records.field(rec, p).unwrap_or(""));
                    if !cell::is_missing(s) {
                        if let Some(core) = number::core(s) {
                            votes.add(core.body);
                        }
                    }
                }
            }
        }
        let (mark, source) = over
            .map(|m| (m, DecimalSource::Override))
            .or_else(|| votes.decided().map(|m| (m, DecimalSource::Detected)))
            .or_else(|| {
                DecimalMark::from_setting(settings.decimal).map(|m| (m, DecimalSource::Setting))
            })
            .unwrap_or((DecimalMark::Point, DecimalSource::Default));
        if let Some(slot) = marks.get_mut(ci) {
            *slot = mark;
        }
        reports.push(DecimalReport {
            column: c.name.to_string(),
            mark,
            source,
            votes,
        });
    }
    (marks, reports)
}

/// See [`super::read_table`].
pub fn read(
    kind: TableKind,
    text: &str,
    settings: &Settings,
    mapping: Option<&BTreeMap<String, Option<String>>>,
) -> TableRead {
    let (text, had_bom) = dialect::strip_bom(text);
    let mut report = ReadReport {
        had_bom,
        ..ReadReport::default()
    };
    let empty = |report: ReadReport, errors: Vec<RowError>| TableRead {
        kind,
        rows: tables::empty(kind),
        report,
        errors,
        preview: preview::Preview::default(),
    };
    if text.trim().is_empty() {
        return empty(report, Vec::new());
    }
    let forced = Separator::from_setting(settings.delimiter_for(kind.name()));
    let sep = forced.unwrap_or_else(|| dialect::detect(text));
    report.separator = Some(sep);
    report.separator_source = Some(if forced.is_some() {
        SeparatorSource::Forced
    } else {
        SeparatorSource::Detected
    });
    let records = dialect::split(text, sep);
    let Some((head, body)) = records.rows.split_first() else {
        return empty(report, Vec::new());
    };
    let header_cells: Vec<&str> = (0..head.len)
        .map(|i| records.field(head, i).unwrap_or(""))
        .collect();
    let layout = header::resolve(kind, &header_cells, mapping, head.line);
    let cols = schema::columns(kind);
    report.header_line = head.line;
    report.headers = layout.headers.clone();
    report.reshaped = layout.is_wide();
    report.wide_years = layout.wide_years.clone();
    report.data_rows = body.len();
    report.group_column_missing = kind == TableKind::Firms
        && !layout
            .present
            .get(schema::FIRMS_GROUP)
            .copied()
            .unwrap_or(false);
    let mut errors = layout.errors.clone();
    let (marks, decimals) = decide_marks(kind, cols, &layout, &records, body, settings);
    report.decimals = decimals;
    if errors.iter().any(|e| e.kind == RowErrorKind::MissingColumn) {
        report.unreadable = true;
        report.rows_excluded = body.len();
        let preview = preview::build(&records, body, &layout, cols, &marks, &errors);
        return TableRead {
            preview,
            ..empty(report, errors)
        };
    }
    let mut rows = RowReader {
        kind,
        cols,
        layout: &layout,
        records: &records,
        marks: &marks,
        shape: Shape::of(&layout),
        year_col: cols
            .iter()
            .position(|c| c.ty == ColumnType::Year)
            .unwrap_or(0),
        // Exact for a long table; a wide one grows as needed (a hint of rows × years
        // could ask for gigabytes up front).
        builder: Builder::new(kind, layout.present.clone(), body.len()),
        errors: &mut errors,
        report: &mut report,
        buf: String::new(),
        vals: Vec::new(),
        raws: Vec::new(),
        yvals: Vec::new(),
        yraws: Vec::new(),
        complaints: Vec::new(),
    };
    for rec in body {
        rows.row(rec);
    }
    let rows_typed = rows.builder.finish();
    let preview = preview::build(&records, body, &layout, cols, &marks, &errors);
    TableRead {
        kind,
        rows: rows_typed,
        report,
        errors,
        preview,
    }
}

/// The per-row state of a reading.
struct RowReader<'a, 'r> {
    kind: TableKind,
    cols: &'static [ColumnDef],
    layout: &'a Layout,
    records: &'r dialect::Records<'r>,
    marks: &'a [DecimalMark],
    shape: Shape,
    year_col: usize,
    builder: Builder<'r>,
    errors: &'a mut Vec<RowError>,
    report: &'a mut ReadReport,
    buf: String,
    vals: Vec<Value<'r>>,
    raws: Vec<&'r str>,
    yvals: Vec<Value<'r>>,
    yraws: Vec<&'r str>,
    complaints: Vec<tables::Complaint<'r>>,
}

impl<'a, 'r> RowReader<'a, 'r> {
    fn error(
        &mut self,
        line: usize,
        col: Option<usize>,
        pasted: Option<usize>,
        kind: RowErrorKind,
        text: &str,
    ) {
        let header = pasted
            .and_then(|p| self.layout.headers.get(p))
            .map(|h| h.header.clone());
        let column = col
            .and_then(|c| self.cols.get(c))
            .map(|c| c.name.to_string())
            .or_else(|| header.clone());
        self.errors.push(RowError {
            table: self.kind,
            line,
            column,
            text: text.to_string(),
            kind,
            header,
        });
    }

    /// Reads the cells `cells` of `rec` into `vals`/`raws`; returns whether all read
    /// and whether any had a value.
    fn cells(
        &mut self,
        rec: &dialect::Record,
        cells: &[(usize, usize)],
        vals: &mut [Value<'r>],
        raws: &mut [&'r str],
    ) -> (bool, bool) {
        let records = self.records;
        let (mut ok, mut any) = (true, false);
        for &(pasted, col) in cells {
            let raw = records.field(rec, pasted).unwrap_or("");
            let Some(def) = self.cols.get(col) else {
                continue;
            };
            let mark = self.marks.get(col).copied().unwrap_or(DecimalMark::Point);
            match cell::read(def.ty, raw, mark, &mut self.buf) {
                Ok(v) => {
                    any |= v != Value::Missing;
                    if def.ty.value_required() && v == Value::Missing {
                        ok = false;
                        self.error(
                            rec.line,
                            Some(col),
                            Some(pasted),
                            RowErrorKind::MissingValue,
                            raw,
                        );
                    }
                    if let (Some(slot), Some(r)) = (vals.get_mut(col), raws.get_mut(col)) {
                        *slot = v;
                        *r = cell::trim(raw);
                    }
                }
                Err(kind) => {
                    ok = false;
                    any = true;
                    self.error(rec.line, Some(col), Some(pasted), kind, raw);
                }
            }
        }
        (ok, any)
    }

    fn row(&mut self, rec: &dialect::Record) {
        // A row needs a cell under every named header; trailing header cells that are
        // empty (a CSV line ending in a separator) ask for nothing.
        let width = self.layout.headers.len();
        let named = self
            .layout
            .headers
            .iter()
            .rposition(|h| !h.header.is_empty())
            .map_or(0, |i| i + 1);
        let years = self.shape.years.len();
        if rec.len < named {
            let expected = named;
            let kind = RowErrorKind::TooFewCells {
                expected,
                found: rec.len,
            };
            self.error(rec.line, None, None, kind, self.records.raw(rec));
            self.report.rows_excluded += years;
            return;
        }
        // Extra cells that are all empty are harmless (a selection one column too wide).
        let expected = width;
        let extra_filled = (expected..rec.len)
            .any(|i| !cell::trim(self.records.field(rec, i).unwrap_or("")).is_empty());
        if extra_filled {
            let kind = RowErrorKind::TooManyCells {
                expected,
                found: rec.len,
            };
            self.error(rec.line, None, None, kind, self.records.raw(rec));
            self.report.rows_excluded += years;
            return;
        }
        // Row buffers live in `self` so a row costs no allocation; taken out while
        // `self.cells` borrows `self`.
        let mut vals = std::mem::take(&mut self.vals);
        let mut raws = std::mem::take(&mut self.raws);
        let mut yvals = std::mem::take(&mut self.yvals);
        let mut yraws = std::mem::take(&mut self.yraws);
        let mut complaints = std::mem::take(&mut self.complaints);
        vals.clear();
        vals.resize(self.cols.len(), Value::Missing);
        raws.clear();
        raws.resize(self.cols.len(), "");
        let shared = std::mem::take(&mut self.shape.shared);
        let (shared_ok, _) = self.cells(rec, &shared, &mut vals, &mut raws);
        self.shape.shared = shared;
        let wide = self.shape.is_wide();
        let mut made = 0;
        let year_cells = std::mem::take(&mut self.shape.years);
        for (year, cells) in &year_cells {
            // A long table has no per-year cells: the shared values are the row.
            let (ok, any) = if year.is_none() && cells.is_empty() {
                std::mem::swap(&mut vals, &mut yvals);
                std::mem::swap(&mut raws, &mut yraws);
                (true, false)
            } else {
                yvals.clone_from(&vals);
                yraws.clone_from(&raws);
                self.cells(rec, cells, &mut yvals, &mut yraws)
            };
            if wide && !any {
                continue;
            }
            if let (Some(y), Some(slot)) = (year, yvals.get_mut(self.year_col)) {
                *slot = Value::Year(*y);
            }
            made += 1;
            let kept =
                self.builder
                    .accept(rec.line, &yvals, &yraws, shared_ok && ok, &mut complaints);
            for (col, kind, text) in complaints.drain(..) {
                let pasted = self
                    .layout
                    .targets
                    .iter()
                    .position(|t| t.is_some_and(|t| t.col == col && t.year.is_none()));
                self.error(rec.line, Some(col), pasted, kind, text);
            }
            if kept {
                self.report.rows_read += 1;
            } else {
                self.report.rows_excluded += 1;
            }
        }
        (self.vals, self.raws, self.yvals, self.yraws) = (vals, raws, yvals, yraws);
        self.complaints = complaints;
        self.shape.years = year_cells;
        if made == 0 && !shared_ok {
            self.report.rows_excluded += 1;
        }
    }
}
