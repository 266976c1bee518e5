//! Reading one table, start to end: dialect → header → cells → typed rows, with the
//! report, the errors and the preview.
//!
//! **One pass over the cells.** A numeric column's decimal mark is decided from all its
//! values (SPEC, "Cell values"), yet the cells are read in the same pass that gathers
//! those votes: the pass reads with the marks the first rows vote for (else the
//! setting), and when the whole column then decides otherwise and one of its cells
//! has a `.` or `,` (the only cells whose reading depends on the mark), the pass runs
//! again with the decided marks. The guess saves a pass; it never changes a result.
//!
//! **Chunks.** The pass reads each row without looking at any other; the rows are then
//! settled in table order ([`Builder::settle`]: duplicates, group changes). Natively,
//! a large table is cut into one chunk per core (at line breaks, or between records of
//! a quoted CSV) read on scoped threads, and the chunks are settled one after the
//! other: rows, errors and line numbers are the same whatever the number of chunks (a
//! test holds it). On wasm32 the table is one chunk, read on the calling thread.
//!
//! Nothing here indexes with a user-controlled number: every lookup is `get`, so no
//! paste can make the reader panic (a property test and a fuzz target hold it to that).

use std::collections::BTreeMap;

use super::cell::{self, Value};
use super::dialect::{self, PlainLines, Records, Separator};
use cluster_eval_types::reading::{RowError, RowErrorKind, NO_VALUE};
use super::header::{self, Layout};
use super::invisible::Found;
use super::number::{self, DecimalMark, Sizes, Votes};
use super::preview;
use cluster_eval_types::reading::PREVIEW_ROWS;
use cluster_eval_types::reading::{DecimalReport, DecimalSource, ReadReport, SeparatorSource};
use cluster_eval_types::schema::{self, ColumnDef, ColumnType};
use super::tables::{self, Builder, Prepared};
use super::wide::Shape;
use super::TableRead;
use cluster_eval_types::document::Settings;
use crate::model::{FirmYear, TableKind};
use cluster_eval_types::vocab::ActivityStatus;

/// Body rows the decimal marks are first guessed from.
const GUESS_ROWS: usize = 256;

/// Below this many bytes (or records, for a quoted CSV: a record is tens of bytes) a
/// table is read in one chunk: a thread costs more than it saves.
#[cfg(not(target_arch = "wasm32"))]
const MIN_CHUNK_BYTES: usize = 128 * 1024;
#[cfg(not(target_arch = "wasm32"))]
const MIN_CHUNK_RECORDS: usize = 4 * 1024;

/// Where the rows of a table come from.
#[derive(Clone, Copy)]
enum Source<'r> {
    /// A text without `"`: each non-blank line is a record, split in place.
    Plain { text: &'r str, sep: Separator },
    /// Records split by the `csv` crate (a text with quotes).
    Records(&'r Records<'r>),
}

/// The body: where the rows after the header are.
#[derive(Debug, Clone, Copy)]
enum Body {
    /// From byte `start` (line `line`) to the end of a plain text.
    Lines { start: usize, line: usize },
    /// Records `from..to`.
    Records { from: usize, to: usize },
}

/// A run of body rows read together.
#[derive(Debug, Clone, Copy)]
enum Chunk {
    /// Bytes `start..end` of a plain text; `line` is the line at `start`, `None` when
    /// it is to be counted (`lone_cr`: see [`dialect::has_lone_cr`]).
    Lines {
        start: usize,
        end: usize,
        line: Option<usize>,
        lone_cr: bool,
    },
    /// Records `from..to`.
    Records { from: usize, to: usize },
}

impl<'r> Source<'r> {
    /// Calls `f(line, raw, fields)` for each row of `chunk`, in order, until it
    /// returns false.
    fn rows(&self, chunk: Chunk, mut f: impl FnMut(usize, &'r str, &[&'r str]) -> bool) {
        let mut fields: Vec<&'r str> = Vec::new();
        match (*self, chunk) {
            (
                Source::Plain { text, sep },
                Chunk::Lines {
                    start,
                    end,
                    line,
                    lone_cr,
                },
            ) => {
                let line = line.unwrap_or_else(|| dialect::line_at(text, start, lone_cr));
                let mut lines = PlainLines::new(text, sep, start, end, line);
                while let Some((line, _, _, raw)) = lines.next_line() {
                    dialect::split_line(raw, sep, &mut fields);
                    if !f(line, raw, &fields) {
                        break;
                    }
                }
            }
            (Source::Records(records), Chunk::Records { from, to }) => {
                for rec in records.rows.get(from..to).unwrap_or_default() {
                    fields.clear();
                    fields.extend((0..rec.len).map(|i| records.field(rec, i).unwrap_or("")));
                    if !f(rec.line, records.raw(rec), &fields) {
                        break;
                    }
                }
            }
            _ => {}
        }
    }

    /// The whole body as one chunk.
    fn whole(&self, body: Body) -> Chunk {
        match (*self, body) {
            (Source::Plain { text, .. }, Body::Lines { start, line }) => Chunk::Lines {
                start,
                end: text.len(),
                line: Some(line),
                lone_cr: false,
            },
            (_, Body::Records { from, to }) => Chunk::Records { from, to },
            (Source::Records(_), Body::Lines { .. }) => Chunk::Records { from: 0, to: 0 },
        }
    }

    /// The body cut into `n` chunks or fewer (plain text at line breaks).
    fn chunks(&self, body: Body, n: usize) -> Vec<Chunk> {
        let whole = self.whole(body);
        if n <= 1 {
            return vec![whole];
        }
        match (*self, whole) {
            (Source::Plain { text, .. }, Chunk::Lines { start, end, .. }) => {
                let bytes = text.as_bytes();
                let lone_cr = dialect::has_lone_cr(text);
                let mut cuts = vec![start];
                for k in 1..n {
                    let target = start + (end - start) / n * k;
                    let Some(last) = cuts.last().copied() else {
                        break;
                    };
                    let from = target.max(last);
                    match memchr::memchr(b'\n', bytes.get(from..end).unwrap_or_default()) {
                        Some(i) if from + i + 1 < end => cuts.push(from + i + 1),
                        _ => break,
                    }
                }
                let mut chunks = Vec::with_capacity(cuts.len());
                for (k, &at) in cuts.iter().enumerate() {
                    chunks.push(Chunk::Lines {
                        start: at,
                        end: cuts.get(k + 1).copied().unwrap_or(end),
                        line: if k == 0 {
                            match whole {
                                Chunk::Lines { line, .. } => line,
                                Chunk::Records { .. } => None,
                            }
                        } else {
                            None
                        },
                        lone_cr,
                    });
                }
                chunks
            }
            (_, Chunk::Records { from, to }) => {
                let per = (to - from).div_ceil(n).max(1);
                (from..to)
                    .step_by(per)
                    .map(|at| Chunk::Records {
                        from: at,
                        to: (at + per).min(to),
                    })
                    .collect()
            }
            _ => vec![whole],
        }
    }

    /// How many chunks the body is worth cutting into.
    fn parallelism(&self, body: Body) -> usize {
        #[cfg(not(target_arch = "wasm32"))]
        {
            let worth = match (*self, body) {
                (Source::Plain { text, .. }, Body::Lines { start, .. }) => {
                    text.len().saturating_sub(start) / MIN_CHUNK_BYTES
                }
                (_, Body::Records { from, to }) => to.saturating_sub(from) / MIN_CHUNK_RECORDS,
                _ => 1,
            };
            if worth >= 2 {
                let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
                return cores.min(worth).min(16);
            }
        }
        let _ = body;
        1
    }
}

/// What the cell pass makes of a row, in table order.
enum Event<'r> {
    /// A cell or row error, complete.
    Error(Box<RowError>),
    /// Typed rows excluded before any was made (a ragged row, a row whose shared cells
    /// are in error and that made no typed row).
    Excluded(usize),
    /// A typed row to settle.
    Row { line: usize, prepared: Prepared<'r> },
}

/// What the cell pass made of one chunk.
struct ChunkOut<'r> {
    events: Vec<Event<'r>>,
    /// The firm rows prepared (see [`Prepared::Firm`]), in order.
    firm_rows: Vec<FirmYear>,
    /// Per schema column: the decimal-mark votes of its cells.
    votes: Vec<Votes>,
    /// Per schema column: the cells read as numbers whose body has a `.` or `,`.
    marked: Vec<usize>,
    /// Non-blank rows of the chunk.
    rows: usize,
}

/// Scratch space of the cell pass, reused from row to row.
#[derive(Default)]
struct Scratch<'r> {
    buf: String,
    vals: Vec<Value<'r>>,
    raws: Vec<&'r str>,
    yvals: Vec<Value<'r>>,
    yraws: Vec<&'r str>,
}

/// One cell of a row to read: its pasted column, its schema column and that
/// column's type, and whether its decimal-mark votes are counted.
#[derive(Debug, Clone, Copy)]
struct Plan {
    pasted: usize,
    col: usize,
    ty: ColumnType,
    counted: bool,
    /// A missing value is an error (see [`ColumnDef::value_required`]).
    needed: bool,
}

/// Everything the cell pass needs, shared by the chunks.
struct Reading<'a> {
    kind: TableKind,
    cols: &'static [ColumnDef],
    layout: &'a Layout,
    /// The cells shared by every typed row of a pasted row (see [`Shape`]).
    shared: Vec<Plan>,
    /// Per typed row of a pasted row: its year (wide only) and its own cells.
    years: Vec<(Option<i32>, Vec<Plan>)>,
    wide: bool,
    /// A row needs a cell under every named header; trailing header cells that are
    /// empty (a CSV line ending in a separator) ask for nothing.
    named: usize,
    /// The number of header cells.
    width: usize,
    year_col: usize,
    has_group: bool,
    /// Per schema column: its votes are counted (a numeric column present, without
    /// the user's override).
    counted: Vec<bool>,
}

impl<'a> Reading<'a> {
    fn new(kind: TableKind, layout: &'a Layout, settings: &Settings) -> Self {
        let cols = schema::columns(kind);
        let present = |ci: usize| layout.present.get(ci).copied().unwrap_or(false);
        let shape = Shape::of(layout);
        let counted: Vec<bool> = cols
            .iter()
            .enumerate()
            .map(|(ci, c)| {
                c.ty == ColumnType::Number
                    && present(ci)
                    && override_of(kind, c, settings).is_none()
            })
            .collect();
        let plan = |cells: &[(usize, usize)]| -> Vec<Plan> {
            cells
                .iter()
                .filter_map(|&(pasted, col)| {
                    let def = cols.get(col)?;
                    Some(Plan {
                        pasted,
                        col,
                        ty: def.ty,
                        counted: counted.get(col).copied().unwrap_or(false),
                        needed: def.value_required(),
                    })
                })
                .collect()
        };
        Reading {
            kind,
            cols,
            layout,
            wide: shape.is_wide(),
            shared: plan(&shape.shared),
            years: shape.years.iter().map(|(y, c)| (*y, plan(c))).collect(),
            named: layout
                .headers
                .iter()
                .rposition(|h| !h.header.is_empty())
                .map_or(0, |i| i + 1),
            width: layout.headers.len(),
            year_col: cols
                .iter()
                .position(|c| c.ty == ColumnType::Year)
                .unwrap_or(0),
            // For activities (v3): whether the table has a `status` column.
            has_group: (kind == TableKind::Firms && present(schema::FIRMS_GROUP))
                || (kind == TableKind::Activities && present(schema::ACTIVITIES_STATUS)),
            counted,
        }
    }

    fn error(
        &self,
        line: usize,
        col: Option<usize>,
        pasted: Option<usize>,
        kind: RowErrorKind,
        text: &str,
    ) -> RowError {
        let header = pasted
            .and_then(|p| self.layout.headers.get(p))
            .map(|h| h.header.clone());
        let column = col
            .and_then(|c| self.cols.get(c))
            .map(|c| c.name.to_string())
            .or_else(|| header.clone());
        RowError {
            table: self.kind,
            line,
            column,
            text: text.to_string(),
            kind,
            header,
        }
    }

    /// Counts the votes of a row's numeric cells without reading them.
    fn vote(&self, fields: &[&str], votes: &mut [Votes]) {
        for (pasted, target) in self.layout.targets.iter().enumerate() {
            let Some(t) = target else { continue };
            if !self.counted.get(t.col).copied().unwrap_or(false) {
                continue;
            }
            let s = cell::trim(fields.get(pasted).copied().unwrap_or(""));
            if !cell::is_missing(s) {
                if let (Some(core), Some(v)) = (number::core(s), votes.get_mut(t.col)) {
                    v.count(number::evidence(core.body));
                }
            }
        }
    }

    /// The sizes of the values of the columns marked in `which` (see [`Sizes`]), in
    /// one pass over the body, in table order. Only columns whose marks decided
    /// nothing and that have a value with a mark need it: rarely any.
    fn sizes(&self, source: &Source<'_>, body: Body, which: &[bool]) -> Vec<Sizes> {
        let mut sizes = vec![Sizes::default(); self.cols.len()];
        source.rows(source.whole(body), |_, _, fields| {
            for (pasted, target) in self.layout.targets.iter().enumerate() {
                let Some(t) = target else { continue };
                if !which.get(t.col).copied().unwrap_or(false) {
                    continue;
                }
                let s = cell::trim(fields.get(pasted).copied().unwrap_or(""));
                if cell::is_missing(s) {
                    continue;
                }
                if let (Some(core), Some(z)) = (number::core(s), sizes.get_mut(t.col)) {
                    z.add(core.body, s);
                }
            }
            true
        });
        sizes
    }

    /// The votes of the first `rows` rows of the body, and how many rows were seen.
    fn votes(&self, source: &Source<'_>, body: Body, rows: usize) -> (Vec<Votes>, usize) {
        let mut votes = vec![Votes::default(); self.cols.len()];
        let mut seen = 0;
        source.rows(source.whole(body), |_, _, fields| {
            self.vote(fields, &mut votes);
            seen += 1;
            seen < rows
        });
        (votes, seen)
    }

    /// The cell pass over the chunks, natively on one thread per chunk.
    fn pass<'r>(
        &self,
        source: &Source<'r>,
        chunks: &[Chunk],
        marks: &[DecimalMark],
    ) -> Vec<ChunkOut<'r>> {
        #[cfg(not(target_arch = "wasm32"))]
        if let [first, rest @ ..] = chunks {
            if !rest.is_empty() {
                return std::thread::scope(|scope| {
                    let spawned: Vec<_> = rest
                        .iter()
                        .map(|&chunk| {
                            let work = move || self.chunk(source, chunk, marks);
                            (chunk, std::thread::Builder::new().spawn_scoped(scope, work))
                        })
                        .collect();
                    let mut outs = vec![self.chunk(source, *first, marks)];
                    for (chunk, handle) in spawned {
                        outs.push(match handle {
                            Ok(handle) => handle
                                .join()
                                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                            // No thread to be had: read the chunk here.
                            Err(_) => self.chunk(source, chunk, marks),
                        });
                    }
                    outs
                });
            }
        }
        chunks
            .iter()
            .map(|&chunk| self.chunk(source, chunk, marks))
            .collect()
    }

    /// The cell pass over one chunk.
    fn chunk<'r>(&self, source: &Source<'r>, chunk: Chunk, marks: &[DecimalMark]) -> ChunkOut<'r> {
        let hint = match (*source, chunk) {
            (Source::Plain { text, .. }, Chunk::Lines { start, end, .. }) => {
                let bytes = text.as_bytes().get(start..end).unwrap_or_default();
                memchr::memchr_iter(b'\n', bytes).count() + 1
            }
            (_, Chunk::Records { from, to }) => to.saturating_sub(from),
            _ => 0,
        };
        let n = self.cols.len();
        let mut out = ChunkOut {
            events: Vec::with_capacity(hint),
            firm_rows: Vec::with_capacity(if self.kind == TableKind::Firms && !self.wide {
                hint
            } else {
                0
            }),
            votes: vec![Votes::default(); n],
            marked: vec![0; n],
            rows: 0,
        };
        let mut scratch = Scratch::default();
        source.rows(chunk, |line, raw, fields| {
            self.row(&mut scratch, &mut out, marks, line, raw, fields);
            true
        });
        out
    }

    /// Reads one pasted row.
    fn row<'r>(
        &self,
        st: &mut Scratch<'r>,
        out: &mut ChunkOut<'r>,
        marks: &[DecimalMark],
        line: usize,
        raw: &'r str,
        fields: &[&'r str],
    ) {
        out.rows += 1;
        let years = self.years.len();
        let found = fields.len();
        let ragged = if found < self.named {
            Some(RowErrorKind::TooFewCells {
                expected: self.named,
                found,
            })
        } else if fields
            .get(self.width..)
            .unwrap_or_default()
            .iter()
            // Extra cells that are all empty are harmless (a selection one column too wide).
            .any(|f| !cell::trim(f).is_empty())
        {
            Some(RowErrorKind::TooManyCells {
                expected: self.width,
                found,
            })
        } else {
            None
        };
        if let Some(kind) = ragged {
            self.vote(fields, &mut out.votes);
            let error = self.error(line, None, None, kind, raw);
            out.events.push(Event::Error(Box::new(error)));
            out.events.push(Event::Excluded(years));
            return;
        }
        let n = self.cols.len();
        st.vals.clear();
        st.vals.resize(n, Value::Missing);
        st.raws.clear();
        st.raws.resize(n, "");
        let (shared_ok, _) = self.cells(
            &mut st.buf,
            out,
            marks,
            line,
            fields,
            &self.shared,
            &mut st.vals,
            &mut st.raws,
        );
        let mut made = 0;
        for (year, cells) in &self.years {
            // A long table has no per-year cells: the shared values are the row.
            let (ok, any) = if year.is_none() && cells.is_empty() {
                std::mem::swap(&mut st.vals, &mut st.yvals);
                std::mem::swap(&mut st.raws, &mut st.yraws);
                (true, false)
            } else {
                st.yvals.clone_from(&st.vals);
                st.yraws.clone_from(&st.raws);
                self.cells(
                    &mut st.buf,
                    out,
                    marks,
                    line,
                    fields,
                    cells,
                    &mut st.yvals,
                    &mut st.yraws,
                )
            };
            if self.wide && !any {
                continue;
            }
            if let (Some(y), Some(slot)) = (year, st.yvals.get_mut(self.year_col)) {
                *slot = Value::Year(*y);
            }
            made += 1;
            let prepared = tables::prepare(
                self.kind,
                self.has_group,
                line,
                &st.yvals,
                &st.yraws,
                shared_ok && ok,
                &mut out.firm_rows,
            );
            out.events.push(Event::Row { line, prepared });
        }
        if made == 0 && !shared_ok {
            out.events.push(Event::Excluded(1));
        }
    }

    /// Reads the cells `cells` of a row into `vals`/`raws`; returns whether all read
    /// and whether any had a value.
    #[allow(clippy::too_many_arguments)]
    fn cells<'r>(
        &self,
        buf: &mut String,
        out: &mut ChunkOut<'r>,
        marks: &[DecimalMark],
        line: usize,
        fields: &[&'r str],
        cells: &[Plan],
        vals: &mut [Value<'r>],
        raws: &mut [&'r str],
    ) -> (bool, bool) {
        let (mut ok, mut any) = (true, false);
        for &Plan {
            pasted,
            col,
            ty,
            counted,
            needed,
        } in cells
        {
            let raw = fields.get(pasted).copied().unwrap_or("");
            let mark = marks.get(col).copied().unwrap_or(DecimalMark::Point);
            // Numbers apart: their value goes straight to its slot (a `Value` made on
            // two paths was stored and loaded again, a stall on every cell).
            let mut spare = Value::Missing;
            let (slot, raw_slot) = match (vals.get_mut(col), raws.get_mut(col)) {
                (Some(slot), Some(r)) => (slot, Some(r)),
                _ => (&mut spare, None),
            };
            // Each value is written straight to its slot (a `Value` made on several
            // paths was stored and loaded again, a stall on every cell). A workbook's
            // formula without a value is an error in any column, never a blank or an
            // id (one byte compared on every other cell).
            let read = if raw.as_bytes().first() == Some(&b'#') && raw.starts_with(NO_VALUE) {
                Err(RowErrorKind::NoValue)
            } else if ty == ColumnType::Number {
                self.number(col, counted, raw, mark, buf, out).map(|v| {
                    *slot = v.map_or(Value::Missing, Value::Number);
                })
            } else {
                cell::read_into(ty, raw, mark, buf, slot)
            };
            let read = read.and_then(|()| self.v3_check(col, slot));
            match read {
                Ok(()) => {
                    let missing = matches!(slot, Value::Missing);
                    any |= !missing;
                    if let Some(r) = raw_slot {
                        *r = cell::trim(raw);
                    }
                    if missing && needed {
                        ok = false;
                        let kind = RowErrorKind::MissingValue;
                        let error = self.error(line, Some(col), Some(pasted), kind, raw);
                        out.events.push(Event::Error(Box::new(error)));
                    }
                }
                Err(kind) => {
                    ok = false;
                    any = true;
                    let error = self.error(line, Some(col), Some(pasted), kind, raw);
                    out.events.push(Event::Error(Box::new(error)));
                }
            }
        }
        (ok, any)
    }

    /// The v3 checks of a value already read: a count that must be whole
    /// (`export_destinations`), an activity status nobody knows. Row errors naming the
    /// column, as a negative amount is.
    #[inline]
    fn v3_check(&self, col: usize, slot: &Value<'_>) -> Result<(), RowErrorKind> {
        match slot {
            Value::Number(v)
                if v.fract() != 0.0 && self.cols.get(col).is_some_and(ColumnDef::whole_number) =>
            {
                Err(RowErrorKind::NotWholeNumber)
            }
            Value::Text(s)
                if self.kind == TableKind::Activities && col == schema::ACTIVITIES_STATUS =>
            {
                match ActivityStatus::from_word(s) {
                    Some(_) => Ok(()),
                    None => Err(RowErrorKind::UnknownStatus),
                }
            }
            _ => Ok(()),
        }
    }

    /// `cell::read` of a number cell (`None`: missing), counting its decimal-mark vote
    /// on the way.
    fn number(
        &self,
        col: usize,
        counted: bool,
        raw: &str,
        mark: DecimalMark,
        buf: &mut String,
        out: &mut ChunkOut<'_>,
    ) -> Result<Option<f64>, RowErrorKind> {
        let s = cell::trim(raw);
        if cell::is_missing(s) {
            return Ok(None);
        }
        let bytes = s.as_bytes();
        // Digits at both ends (most cells) read on their own path, all in registers.
        let read = if bytes.first().is_some_and(u8::is_ascii_digit)
            && bytes.last().is_some_and(u8::is_ascii_digit)
        {
            number::read_core(number::Core::plain(s), mark, buf)
        } else {
            match number::core(s) {
                Some(core) => number::read_core(core, mark, buf),
                None => return Err(RowErrorKind::NotANumber),
            }
        };
        if counted {
            if let Some(v) = out.votes.get_mut(col) {
                v.count(read.evidence);
            }
        }
        if read.marked {
            if let Some(m) = out.marked.get_mut(col) {
                *m += 1;
            }
        }
        cell::amount_of(read.value, mark).map(Some)
    }
}

/// The parts put end to end, natively on a helper thread while `meanwhile` runs on
/// this one.
fn concat_while<T: Send>(parts: Vec<Vec<T>>, meanwhile: impl FnOnce()) -> Vec<T> {
    let concat = |parts: Vec<Vec<T>>| {
        let total = parts.iter().map(Vec::len).sum::<usize>();
        let mut parts = parts.into_iter();
        let mut all = parts.next().unwrap_or_default();
        all.reserve_exact(total - all.len());
        for mut part in parts {
            all.append(&mut part);
        }
        all
    };
    #[cfg(not(target_arch = "wasm32"))]
    if parts.len() > 1 {
        let parts = std::sync::Mutex::new(Some(parts));
        let take = || {
            let parts = parts.lock().ok().and_then(|mut p| p.take());
            parts.map(concat).unwrap_or_default()
        };
        return std::thread::scope(|scope| {
            let helper = std::thread::Builder::new().spawn_scoped(scope, take);
            meanwhile();
            match helper {
                Ok(handle) => handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                // No thread to be had: the copy is made here.
                Err(_) => take(),
            }
        });
    }
    meanwhile();
    concat(parts)
}

/// How many of `kind`'s columns a header row names by the built-in names and synonyms,
/// not counting `year` (every table has one). A workbook sheet whose name says nothing
/// goes to the table its header row names the most columns of.
pub fn columns_named(kind: TableKind, header_cells: &[&str]) -> usize {
    let layout = header::resolve(kind, header_cells, None, 1);
    schema::columns(kind)
        .iter()
        .zip(&layout.present)
        .filter(|(c, present)| **present && c.name != "year")
        .count()
}

/// The canonical column a single header cell names in `kind`, by the built-in names
/// and synonyms (a wide header such as `ventas 2019` names `sales`).
pub fn column_of_header(kind: TableKind, header: &str) -> Option<&'static str> {
    let layout = header::resolve(kind, &[header], None, 1);
    let target = layout.targets.first().copied().flatten()?;
    schema::columns(kind).get(target.col).map(|c| c.name)
}

/// The table a header belongs to when it is not this one's: it names none of
/// `kind`'s columns but `year` (shared by every table), and more of another table's.
/// (The firms table pasted into the territory box was read as years without data,
/// with nothing said.)
fn looks_like(kind: TableKind, layout: &Layout, header_cells: &[&str]) -> Option<TableKind> {
    let named = |kind: TableKind, present: &[bool]| {
        schema::columns(kind)
            .iter()
            .zip(present)
            .filter(|(c, present)| **present && c.name != "year")
            .count()
    };
    if named(kind, &layout.present) > 0 {
        return None;
    }
    // The table naming the most columns; on a tie, the earlier table (reversed, as
    // `max_by_key` keeps the last of equals).
    TableKind::ALL
        .into_iter()
        .rev()
        .filter(|other| *other != kind)
        .map(|other| {
            let layout = header::resolve(other, header_cells, None, 1);
            (named(other, &layout.present), other)
        })
        .filter(|(n, _)| *n > 0)
        .max_by_key(|(n, _)| *n)
        .map(|(_, other)| other)
}

/// The user's decimal-mark override for a column, if any.
fn override_of(kind: TableKind, c: &ColumnDef, settings: &Settings) -> Option<DecimalMark> {
    settings
        .decimal_override(kind.name(), c.name)
        .and_then(DecimalMark::from_setting)
}

/// Chooses the decimal mark of every numeric column present. In order: the user's
/// override for the column; the column's own values; the project's setting; the
/// sizes of the column's values ([`Sizes`], when gathered: a reading that makes some
/// values jump by about 1,000 against the others is the unlikely one); the mark the
/// table's other columns decided on, when they agree; a comma when the table is
/// separated by `;` (spreadsheets write `;` where the comma is the decimal mark, as in
/// Spanish and Portuguese); a point. Without the last two steps a Spanish `150.000`
/// was read as 150.
fn decide_marks(
    reading: &Reading<'_>,
    settings: &Settings,
    votes: &[Votes],
    sep: Separator,
    sizes: &[Sizes],
) -> (Vec<DecimalMark>, Vec<DecimalReport>) {
    let cols = reading.cols;
    let numeric = |ci: usize, c: &ColumnDef| {
        c.ty == ColumnType::Number && reading.layout.present.get(ci).copied().unwrap_or(false)
    };
    let workbook = settings.source_of(reading.kind.name()).is_some();
    // The column's own evidence first: the override, else its votes.
    let own: Vec<Option<(DecimalMark, DecimalSource, Votes)>> = cols
        .iter()
        .enumerate()
        .map(|(ci, c)| {
            if !numeric(ci, c) {
                return None;
            }
            if let Some(mark) = override_of(reading.kind, c, settings) {
                return Some((mark, DecimalSource::Override, Votes::default()));
            }
            if workbook {
                // A workbook writes its number cells with a `.` that never reads
                // either way (`36.2320`, see the workbook module's `cells`): only its
                // text cells (`36.232` typed as text) can leave the column undecided,
                // and they go through the paste's rules below. A `,` is taken only
                // when no value has a decimal point, so a number cell is never misread.
                let votes = votes.get(ci).copied().unwrap_or_default();
                return Some(match votes.decided() {
                    Some(DecimalMark::Comma) if votes.point == 0 => {
                        (DecimalMark::Comma, DecimalSource::Detected, votes)
                    }
                    None => (DecimalMark::Point, DecimalSource::Default, votes),
                    Some(_) => (DecimalMark::Point, DecimalSource::Workbook, votes),
                });
            }
            let votes = votes.get(ci).copied().unwrap_or_default();
            Some(match votes.decided() {
                Some(mark) => (mark, DecimalSource::Detected, votes),
                None => (DecimalMark::Point, DecimalSource::Default, votes),
            })
        })
        .collect();
    let mut detected = own
        .iter()
        .flatten()
        .filter(|(_, source, _)| *source == DecimalSource::Detected)
        .map(|(mark, _, _)| *mark);
    let table = detected
        .next()
        .filter(|first| detected.all(|mark| mark == *first));
    let fallback = DecimalMark::from_setting(settings.decimal)
        .map(|m| (m, DecimalSource::Setting))
        .or_else(|| table.map(|m| (m, DecimalSource::Table)))
        .or_else(|| {
            (sep == Separator::Semicolon).then_some((DecimalMark::Comma, DecimalSource::Separator))
        })
        .unwrap_or((DecimalMark::Point, DecimalSource::Default));
    let mut marks = vec![DecimalMark::Point; cols.len()];
    let mut reports = Vec::new();
    for ((ci, c), own) in cols.iter().enumerate().zip(own) {
        let Some((mut mark, mut source, votes)) = own else {
            continue;
        };
        let undecided = source == DecimalSource::Default;
        let size = sizes.get(ci).filter(|_| undecided);
        if undecided {
            let by_size = size
                .filter(|_| settings.decimal == cluster_eval_types::document::DecimalSetting::Auto)
                .and_then(Sizes::likely);
            (mark, source) = match by_size {
                Some(mark) => (mark, DecimalSource::Magnitude),
                // A workbook's column that nothing decided: its numbers have a `.`;
                // said as a guess (the check above the results) only when some of
                // its text cells read either way.
                None if workbook => match size.map_or(0, Sizes::ambiguous) {
                    0 => (DecimalMark::Point, DecimalSource::Workbook),
                    _ => (DecimalMark::Point, DecimalSource::Default),
                },
                None => fallback,
            };
        }
        if let Some(slot) = marks.get_mut(ci) {
            *slot = mark;
        }
        reports.push(DecimalReport {
            column: c.name.to_string(),
            mark,
            source,
            votes,
            ambiguous: size.map_or(0, Sizes::ambiguous),
            example: size.and_then(|s| s.example.clone()),
        });
    }
    (marks, reports)
}

/// How a reading is run; the defaults are what [`read`] does. Tests vary them to hold
/// that they change nothing but speed.
#[derive(Debug, Clone, Copy, Default)]
struct Run {
    /// The number of chunks (`None`: one per core for a large table).
    chunks: Option<usize>,
    /// The marks the pass starts with, for every numeric column (`None`: guessed).
    guess: Option<DecimalMark>,
}

/// See [`super::read_table`].
pub fn read(
    kind: TableKind,
    text: &str,
    settings: &Settings,
    mapping: Option<&BTreeMap<String, Option<String>>>,
) -> TableRead {
    read_with(kind, text, settings, mapping, Run::default())
}

fn read_with(
    kind: TableKind,
    text: &str,
    settings: &Settings,
    mapping: Option<&BTreeMap<String, Option<String>>>,
    run: Run,
) -> TableRead {
    let (pasted, had_bom) = dialect::strip_bom(text);
    // Invisible characters are read as if absent (see `invisible`): the table is read
    // from a copy without them, where every line keeps its number.
    let invisible = Found::scan(pasted);
    let cleaned = (!invisible.is_empty()).then(|| invisible.remove(pasted));
    let text = cleaned.as_deref().unwrap_or(pasted);
    let mut report = ReadReport {
        had_bom,
        ..ReadReport::default()
    };
    let empty = |report: ReadReport, errors: Vec<RowError>| TableRead {
        kind,
        rows: tables::empty(kind),
        report,
        errors,
        preview: cluster_eval_types::reading::Preview::default(),
    };
    if text.trim().is_empty() {
        return empty(report, Vec::new());
    }
    let forced = Separator::from_setting(settings.delimiter_for(kind.name()));
    let sep = forced.unwrap_or_else(|| dialect::detect(text));
    report.separator = Some(sep);
    let own = settings.tables.get(kind.name()).and_then(|t| t.delimiter);
    report.separator_source = Some(if own.is_none() && settings.source_of(kind.name()).is_some() {
        SeparatorSource::Workbook
    } else if forced.is_some() {
        SeparatorSource::Forced
    } else {
        SeparatorSource::Detected
    });
    let quoted = text
        .as_bytes()
        .contains(&b'"')
        .then(|| dialect::split_csv(text, sep));
    let source = match &quoted {
        Some(records) => Source::Records(records),
        None => Source::Plain { text, sep },
    };
    // The header: the first record.
    let (head_line, head_end, header_cells, body) = match source {
        Source::Plain { text, sep } => {
            let mut lines = PlainLines::new(text, sep, 0, text.len(), 1);
            let Some((line, _, end, raw)) = lines.next_line() else {
                return empty(report, Vec::new());
            };
            let (start, next) = lines.position();
            let mut cells = Vec::new();
            dialect::split_line(raw, sep, &mut cells);
            let start = start.min(text.len());
            (line, end, cells, Body::Lines { start, line: next })
        }
        Source::Records(records) => {
            let Some(head) = records.rows.first() else {
                return empty(report, Vec::new());
            };
            let cells = (0..head.len)
                .map(|i| records.field(head, i).unwrap_or(""))
                .collect();
            let to = records.rows.len();
            (head.line, head.end, cells, Body::Records { from: 1, to })
        }
    };
    let layout = header::resolve(kind, &header_cells, mapping, head_line);
    let cols = schema::columns(kind);
    report.looks_like = looks_like(kind, &layout, &header_cells);
    if !invisible.is_empty() {
        report.invisible = invisible.locate(pasted, sep, &layout, cols);
        report.invisible_count = invisible.count();
    }
    report.header_line = head_line;
    report.headers = layout.headers.clone();
    report.reshaped = layout.is_wide();
    report.wide_years = layout.wide_years.clone();
    report.group_column_missing = kind == TableKind::Firms
        && !layout
            .present
            .get(schema::FIRMS_GROUP)
            .copied()
            .unwrap_or(false);
    let mut errors = layout.errors.clone();
    let reading = Reading::new(kind, &layout, settings);
    let preview = |marks: &[DecimalMark], errors: &[RowError], total: usize| match source {
        Source::Records(records) => {
            let body = records.rows.get(1..).unwrap_or_default();
            preview::build(records, body, total, &layout, cols, marks, errors)
        }
        Source::Plain { text, sep } => {
            // The header and the rows shown, split again as records.
            let mut end = head_end;
            if let Body::Lines { start, line } = body {
                let mut lines = PlainLines::new(text, sep, start, text.len(), line);
                for _ in 0..PREVIEW_ROWS {
                    match lines.next_line() {
                        Some((_, _, stop, _)) => end = stop,
                        None => break,
                    }
                }
            }
            let records = dialect::split_plain(text.get(..end).unwrap_or(text), sep);
            let body = records.rows.get(1..).unwrap_or_default();
            preview::build(&records, body, total, &layout, cols, marks, errors)
        }
    };
    if errors.iter().any(|e| e.kind == RowErrorKind::MissingColumn) {
        let (votes, rows) = reading.votes(&source, body, usize::MAX);
        let (marks, decimals) = decide_marks(&reading, settings, &votes, sep, &[]);
        report.decimals = decimals;
        report.data_rows = rows;
        report.unreadable = true;
        // Nothing is read, so nothing is read as a beneficiary either.
        report.group_column_missing = false;
        report.rows_excluded = rows;
        let preview = preview(&marks, &errors, rows);
        return TableRead {
            preview,
            ..empty(report, errors)
        };
    }
    // The cell pass, with the marks the first rows vote for; again with the decided
    // marks if a column decides otherwise and has a cell that depends on it.
    let (first_votes, _) = reading.votes(&source, body, GUESS_ROWS);
    let (mut guess, _) = decide_marks(&reading, settings, &first_votes, sep, &[]);
    if let Some(mark) = run.guess {
        guess.iter_mut().for_each(|m| *m = mark);
    }
    let chunks = source.chunks(body, run.chunks.unwrap_or_else(|| source.parallelism(body)));
    let mut outs = reading.pass(&source, &chunks, &guess);
    // Per column: point votes, comma votes, cells with a mark.
    let mut totals = vec![(0usize, 0usize, 0usize); cols.len()];
    for out in &outs {
        for (ci, t) in totals.iter_mut().enumerate() {
            let v = out.votes.get(ci).copied().unwrap_or_default();
            let marked = out.marked.get(ci).copied().unwrap_or(0);
            *t = (t.0 + v.point, t.1 + v.comma, t.2 + marked);
        }
    }
    let votes: Vec<Votes> = totals
        .iter()
        .map(|&(point, comma, _)| Votes { point, comma })
        .collect();
    // A column whose marks decide nothing though some of its values have one: the
    // sizes of its values may (see `Sizes`), and the report counts those values.
    let undecided: Vec<bool> = (0..cols.len())
        .map(|ci| {
            reading.counted.get(ci).copied().unwrap_or(false)
                && votes.get(ci).is_some_and(|v| v.decided().is_none())
                && totals.get(ci).is_some_and(|t| t.2 > 0)
        })
        .collect();
    let sizes = if undecided.contains(&true) {
        reading.sizes(&source, body, &undecided)
    } else {
        Vec::new()
    };
    let (marks, decimals) = decide_marks(&reading, settings, &votes, sep, &sizes);
    let guessed_wrong = marks
        .iter()
        .zip(&guess)
        .zip(&totals)
        .any(|((m, g), t)| m != g && t.2 > 0);
    if guessed_wrong {
        outs = reading.pass(&source, &chunks, &marks);
    }
    report.decimals = decimals;
    let total: usize = outs.iter().map(|o| o.rows).sum();
    report.data_rows = total;
    // The rows settled in table order, while the chunks' firm rows are put end to end
    // (natively on a helper thread: on a large table that copy is as long as the
    // settling); the rows settled out are then dropped.
    let mut builder = Builder::new(kind, layout.present.clone(), total);
    let (events, parts): (Vec<_>, Vec<_>) =
        outs.into_iter().map(|o| (o.events, o.firm_rows)).unzip();
    let mut keep: Vec<bool> = Vec::with_capacity(parts.iter().map(Vec::len).sum());
    let settle = || {
        let mut complaints = Vec::new();
        for event in events.into_iter().flatten() {
            match event {
                Event::Error(e) => errors.push(*e),
                Event::Excluded(n) => report.rows_excluded += n,
                Event::Row { line, prepared } => {
                    let built = matches!(prepared, Prepared::Firm { built: true, .. });
                    let kept = builder.settle(line, prepared, &mut complaints);
                    if built {
                        keep.push(kept);
                    }
                    for (col, kind, text) in complaints.drain(..) {
                        let pasted = layout
                            .targets
                            .iter()
                            .position(|t| t.is_some_and(|t| t.col == col && t.year.is_none()));
                        errors.push(reading.error(line, Some(col), pasted, kind, text));
                    }
                    if kept {
                        report.rows_read += 1;
                    } else {
                        report.rows_excluded += 1;
                    }
                }
            }
        }
    };
    let mut firm_rows = concat_while(parts, settle);
    let mut kept = keep.into_iter();
    firm_rows.retain(|_| kept.next().unwrap_or(false));
    let rows = builder.finish(firm_rows);
    let preview = preview(&marks, &errors, total);
    TableRead {
        kind,
        rows,
        report,
        errors,
        preview,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const CELLS: [&str; 16] = [
        "A",
        "B",
        "C",
        "beneficiary",
        "cluster",
        "vip",
        "2019",
        "2020",
        "x",
        "1.5",
        "1,5",
        "1.234",
        "-3",
        "NA",
        "",
        "1",
    ];

    /// A firms table of cells picked from [`CELLS`], with any line endings, blank
    /// lines, ragged rows and (sometimes) quotes.
    fn text() -> impl Strategy<Value = String> {
        let row = prop::collection::vec(0..CELLS.len(), 0..7);
        let end = prop::sample::select(vec!["\n", "\r\n", "\r", "\n\n", "\n\t\n"]);
        (
            prop::collection::vec((row, end), 0..60),
            prop::sample::select(vec!['\t', ';']),
            any::<bool>(),
        )
            .prop_map(|(rows, sep, quote)| {
                let s = sep.to_string();
                let mut text = ["firm", "group", "year", "sales", "employment", "quality"].join(&s);
                text.push('\n');
                for (i, (cells, end)) in rows.iter().enumerate() {
                    let cells: Vec<String> = cells
                        .iter()
                        .map(|&c| match (quote && i % 7 == 3, CELLS[c]) {
                            (true, v) => format!("\"{v}\""),
                            (false, v) => v.to_string(),
                        })
                        .collect();
                    text.push_str(&cells.join(&s));
                    text.push_str(end);
                }
                text
            })
    }

    proptest! {
        #[test]
        fn chunks_and_guesses_change_nothing(text in text(), chunks in 2usize..6, comma in any::<bool>()) {
            let settings = Settings::default();
            let one = Run { chunks: Some(1), guess: None };
            let want = read_with(TableKind::Firms, &text, &settings, None, one);
            let many = Run { chunks: Some(chunks), guess: None };
            prop_assert_eq!(&read_with(TableKind::Firms, &text, &settings, None, many), &want);
            let mark = if comma { DecimalMark::Comma } else { DecimalMark::Point };
            let guessed = Run { chunks: Some(chunks), guess: Some(mark) };
            prop_assert_eq!(&read_with(TableKind::Firms, &text, &settings, None, guessed), &want);
        }
    }

    #[test]
    fn a_large_table_reads_the_same_in_any_number_of_chunks() {
        // Errors of every kind, far apart, so that they fall in different chunks: an
        // unknown group, a group change and a duplicate of a firm of the first chunk
        // in the last, a ragged row, blank lines.
        let mut text = String::new();
        for (i, line) in crate::synth::firms_tsv(3000).lines().enumerate() {
            let line = match i {
                700 | 2100 => {
                    let mut cells: Vec<&str> = line.split('\t').collect();
                    cells[1] = "vip";
                    cells.join("\t")
                }
                2400 => "\t \t".to_string(),
                2600 => line.replacen("\t", "\tbad\t", 1),
                _ => line.to_string(),
            };
            text.push_str(&line);
            text.push_str(if i % 2 == 0 { "\n" } else { "\r\n" });
        }
        text.push_str("F000003\tcluster\t2019\t5\t\t\t\t\t\t\t\t\t\t\t\t\t\t\n");
        text.push_str("F000004\tcluster\t2031\t5\t\t\t\t\t\t\t\t\t\t\t\t\t\t\n");
        text.push_str("F000001\tbeneficiary\t2019\t1\n\r\n");
        let settings = Settings::default();
        let read = |chunks| {
            let run = Run {
                chunks: Some(chunks),
                guess: None,
            };
            read_with(TableKind::Firms, &text, &settings, None, run)
        };
        let want = read(1);
        assert!(want.errors.len() >= 5, "{:?}", want.errors);
        for chunks in [2, 3, 8] {
            assert_eq!(read(chunks), want, "{chunks} chunks");
        }
        // And with marks guessed wrong: every column decided again.
        let run = Run {
            chunks: Some(2),
            guess: Some(DecimalMark::Comma),
        };
        assert_eq!(
            read_with(TableKind::Firms, &text, &settings, None, run),
            want
        );
        let comma = text.replace('.', ",");
        let run = |guess| Run {
            chunks: Some(2),
            guess,
        };
        assert_eq!(
            read_with(
                TableKind::Firms,
                &comma,
                &settings,
                None,
                run(Some(DecimalMark::Point))
            ),
            read_with(TableKind::Firms, &comma, &settings, None, run(None)),
        );
    }
}
