//! From pasted headers to canonical columns: the user's own mapping first (from the
//! document's `columns`), then the built-in names and synonyms, then wide headers
//! (`sales_2019`, `ventas 2023`, `2019 sales`); everything else is ignored and shown
//! as ignored. Two headers that claim one column are a table-level error, and neither
//! is read: guessing which one the user meant could silently compute the wrong thing.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use cluster_eval_types::text::fold;
use cluster_eval_types::reading::{RowError, RowErrorKind};
use cluster_eval_types::reading::{HeaderOutcome, HeaderReport, IgnoredBecause, MatchedBy};
use cluster_eval_types::schema::{self, ColumnDef, ColumnType};
use crate::model::TableKind;

/// Where one pasted column goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Target {
    /// Index into the table's schema.
    pub col: usize,
    /// The year of a wide column.
    pub year: Option<i32>,
}

/// The pasted header resolved.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// Per pasted column.
    pub targets: Vec<Option<Target>>,
    /// Per pasted column, for the report.
    pub headers: Vec<HeaderReport>,
    /// Per schema column: is it read from the paste?
    pub present: Vec<bool>,
    /// Sorted years of a wide table; empty for a long table.
    pub wide_years: Vec<i32>,
    /// Table-level errors (duplicate claims, missing required columns).
    pub errors: Vec<RowError>,
}

impl Layout {
    pub fn is_wide(&self) -> bool {
        !self.wide_years.is_empty()
    }
}

/// Removes bracketed notes (`Sales (USD)`) but keeps a bracketed year (`Sales (2019)`).
fn drop_notes(h: &str) -> String {
    let mut out = String::with_capacity(h.len());
    let mut rest = h;
    while let Some(open) = rest.find(['(', '[']) {
        let (before, from) = rest.split_at(open);
        out.push_str(before);
        let close = if from.starts_with('(') { ')' } else { ']' };
        match from.find(close) {
            Some(end) => {
                let inner = from.get(1..end).unwrap_or_default().trim();
                if inner.len() == 4 && inner.bytes().all(|b| b.is_ascii_digit()) {
                    out.push(' ');
                    out.push_str(inner);
                }
                rest = from.get(end + 1..).unwrap_or_default();
            }
            None => {
                out.push_str(from);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The folded key of a header (see `cell::fold`), notes dropped.
pub fn key(header: &str) -> String {
    fold(&drop_notes(header))
}

/// The pasted header without its year, as typed (`Ventas (2019)` → `Ventas`), when
/// what is left has the key `base`; else the key itself.
fn base_text(header: &str, base: &str, year: i32) -> Option<String> {
    let year = year.to_string();
    let separators = |c: char| c.is_whitespace() || "_-–()[]".contains(c);
    let trimmed = header.trim_matches(separators);
    let rest = trimmed
        .strip_suffix(year.as_str())
        .or_else(|| trimmed.strip_prefix(year.as_str()))
        .map(|rest| rest.trim_matches(separators));
    match rest {
        Some(rest) if !rest.is_empty() && key(rest) == base => Some(rest.to_string()),
        _ => (!base.is_empty()).then(|| base.to_string()),
    }
}

/// A wide header's key without its year, and the year: `ventas2023` → (`ventas`,
/// 2023); `2019sales` → (`sales`, 2019).
pub fn split_year(key: &str) -> Option<(&str, i32)> {
    let is_year = |s: &str| {
        s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) && {
            let y: i32 = s.parse().unwrap_or(0);
            (1900..=2100).contains(&y)
        }
    };
    let n = key.len();
    if n > 4 {
        if let (Some(head), Some(tail)) = (key.get(..n - 4), key.get(n - 4..)) {
            if is_year(tail) && !head.ends_with(|c: char| c.is_ascii_digit()) {
                return Some((head, tail.parse().ok()?));
            }
        }
        if let (Some(head), Some(tail)) = (key.get(..4), key.get(4..)) {
            if is_year(head) && !tail.starts_with(|c: char| c.is_ascii_digit()) {
                return Some((tail, head.parse().ok()?));
            }
        }
    }
    None
}

type Synonyms = HashMap<String, (usize, bool)>;

/// The folded synonyms of each table, built once (the page re-reads a table on every
/// edit, and most pastes are small).
fn synonyms_of(kind: TableKind) -> &'static Synonyms {
    static CACHE: [OnceLock<Synonyms>; TableKind::COUNT] =
        [const { OnceLock::new() }; TableKind::COUNT];
    let i = TableKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
    match CACHE.get(i) {
        Some(cell) => cell.get_or_init(|| synonyms(schema::columns(kind))),
        None => unreachable_synonyms(),
    }
}

/// Not reachable (a slot per table); an empty map rather than a panic.
fn unreachable_synonyms() -> &'static Synonyms {
    static EMPTY: OnceLock<Synonyms> = OnceLock::new();
    EMPTY.get_or_init(HashMap::new)
}

/// The built-in names and synonyms of a table, folded.
fn synonyms(cols: &[ColumnDef]) -> Synonyms {
    let mut map = HashMap::new();
    for (i, c) in cols.iter().enumerate() {
        for s in c.synonyms() {
            map.entry(fold(s)).or_insert((i, false));
        }
    }
    // Canonical names last, so they win over any synonym of another column.
    for (i, c) in cols.iter().enumerate() {
        map.insert(fold(c.name), (i, true));
    }
    map
}

/// The user's choice for a header: exact text first, then the folded key.
fn user_choice<'m>(
    mapping: Option<&'m BTreeMap<String, Option<String>>>,
    exact: &str,
    key: &str,
) -> Option<&'m Option<String>> {
    let mapping = mapping?;
    if let Some(choice) = mapping.get(exact) {
        return Some(choice);
    }
    mapping
        .iter()
        .find(|(h, _)| !key.is_empty() && self::key(h) == key)
        .map(|(_, c)| c)
}

fn canonical(cols: &[ColumnDef], name: &str) -> Option<usize> {
    let k = fold(name);
    cols.iter().position(|c| fold(c.name) == k)
}

/// A header matched by the built-in names: the canonical name itself or a synonym.
fn built_in(cols: &[ColumnDef], col: usize, exact: bool, year: Option<i32>) -> HeaderOutcome {
    HeaderOutcome::Column {
        column: cols.get(col).map_or("", |c| c.name).to_string(),
        year,
        by: if exact {
            MatchedBy::Name
        } else {
            MatchedBy::Synonym
        },
    }
}

/// Resolves the pasted header of a `kind` table (`line` is where the header starts).
pub fn resolve(
    kind: TableKind,
    cells: &[&str],
    mapping: Option<&BTreeMap<String, Option<String>>>,
    line: usize,
) -> Layout {
    let cols = schema::columns(kind);
    let syn = synonyms_of(kind);
    let mut targets = Vec::with_capacity(cells.len());
    let mut headers = Vec::with_capacity(cells.len());
    for (index, raw) in cells.iter().enumerate() {
        let header = raw.trim();
        let key = key(header);
        let wide = split_year(&key);
        let outcome = if key.is_empty() && header.is_empty() {
            HeaderOutcome::Ignored {
                because: IgnoredBecause::Empty,
            }
        } else if let Some(choice) = user_choice(mapping, header, &key) {
            user_outcome(cols, choice, None)
        } else if let Some(&(col, exact)) = syn.get(&key) {
            built_in(cols, col, exact, None)
        } else if let Some((base, year)) = wide {
            if let Some(choice) = user_choice(mapping, "\u{0}", base) {
                user_outcome(cols, choice, Some(year))
            } else if let Some(&(col, exact)) = syn.get(base) {
                built_in(cols, col, exact, Some(year))
            } else {
                HeaderOutcome::Ignored {
                    because: IgnoredBecause::Unknown,
                }
            }
        } else {
            HeaderOutcome::Ignored {
                because: IgnoredBecause::Unknown,
            }
        };
        targets.push(match &outcome {
            HeaderOutcome::Column { column, year, .. } => {
                canonical(cols, column).map(|col| Target { col, year: *year })
            }
            HeaderOutcome::Ignored { .. } => None,
        });
        headers.push(HeaderReport {
            index,
            header: header.to_string(),
            outcome,
            base: wide.and_then(|(base, year)| base_text(header, base, year)),
        });
    }
    let mut layout = Layout {
        targets,
        headers,
        present: vec![false; cols.len()],
        ..Layout::default()
    };
    settle_wide(&mut layout, cols);
    claims(&mut layout, kind, cols, line);
    for t in layout.targets.iter().flatten() {
        if let Some(p) = layout.present.get_mut(t.col) {
            *p = true;
        }
    }
    let wide = layout.is_wide();
    for (i, c) in cols.iter().enumerate() {
        let have =
            layout.present.get(i).copied().unwrap_or(false) || (wide && c.ty == ColumnType::Year);
        if c.required && !have {
            layout.errors.push(RowError {
                table: kind,
                line,
                column: Some(c.name.to_string()),
                text: String::new(),
                kind: RowErrorKind::MissingColumn,
                header: None,
            });
        }
    }
    layout
}

fn user_outcome(cols: &[ColumnDef], choice: &Option<String>, year: Option<i32>) -> HeaderOutcome {
    match choice {
        None => HeaderOutcome::Ignored {
            because: IgnoredBecause::ByUser,
        },
        Some(target) => match canonical(cols, target).and_then(|col| cols.get(col)) {
            Some(col) if year.is_none() || col.ty.can_be_wide() => HeaderOutcome::Column {
                column: col.name.to_string(),
                year,
                by: MatchedBy::User,
            },
            _ => HeaderOutcome::Ignored {
                because: IgnoredBecause::InvalidMapping {
                    target: target.clone(),
                },
            },
        },
    }
}

fn ignore(layout: &mut Layout, i: usize, because: IgnoredBecause) {
    if let Some(t) = layout.targets.get_mut(i) {
        *t = None;
    }
    if let Some(h) = layout.headers.get_mut(i) {
        h.outcome = HeaderOutcome::Ignored { because };
    }
}

/// Decides whether the table is wide. With a `year` column, year-suffixed headers are
/// not wide; in a wide table, amount and yes/no columns without a year are ignored
/// (repeating one value over every year would invent data). A table whose year is
/// optional (*proposals*: one row per proposal and entity) is never wide: its
/// year-suffixed headers are ignored.
fn settle_wide(layout: &mut Layout, cols: &[ColumnDef]) {
    let can_be_wide = cols.iter().any(|c| c.ty == ColumnType::Year && c.required);
    let has_year_col = layout
        .targets
        .iter()
        .flatten()
        .any(|t| t.year.is_none() && cols.get(t.col).is_some_and(|c| c.ty == ColumnType::Year));
    let mut years = Vec::new();
    for i in 0..layout.targets.len() {
        let Some(Some(t)) = layout.targets.get(i).copied() else {
            continue;
        };
        let Some(def) = cols.get(t.col) else { continue };
        match t.year {
            Some(_) if !can_be_wide => ignore(layout, i, IgnoredBecause::Unknown),
            Some(_) if has_year_col => ignore(layout, i, IgnoredBecause::YearColumnPresent),
            Some(_) if !def.ty.can_be_wide() => ignore(layout, i, IgnoredBecause::Unknown),
            Some(y) => years.push(y),
            None => {}
        }
    }
    years.sort_unstable();
    years.dedup();
    if !years.is_empty() {
        for i in 0..layout.targets.len() {
            let Some(Some(t)) = layout.targets.get(i).copied() else {
                continue;
            };
            if t.year.is_none() && cols.get(t.col).is_some_and(|c| c.ty.can_be_wide()) {
                ignore(layout, i, IgnoredBecause::NoYearInWideTable);
            }
        }
    }
    layout.wide_years = years;
}

/// A column (and year) claimed by two headers: an error naming both, neither read.
fn claims(layout: &mut Layout, kind: TableKind, cols: &[ColumnDef], line: usize) {
    let mut first: HashMap<Target, usize> = HashMap::new();
    let mut losers = Vec::new();
    for (i, t) in layout.targets.iter().enumerate() {
        let Some(t) = t else { continue };
        match first.get(t) {
            Some(&j) => {
                losers.push((j, i));
                let name = |k: usize| {
                    layout
                        .headers
                        .get(k)
                        .map(|h| h.header.clone())
                        .unwrap_or_default()
                };
                layout.errors.push(RowError {
                    table: kind,
                    line,
                    column: cols.get(t.col).map(|c| c.name.to_string()),
                    text: name(i),
                    kind: RowErrorKind::DuplicateColumn {
                        first_header: name(j),
                        second_header: name(i),
                    },
                    header: Some(name(i)),
                });
            }
            None => {
                first.insert(*t, i);
            }
        }
    }
    for (j, i) in losers {
        let header_of = |k: usize| {
            layout
                .headers
                .get(k)
                .map(|h| h.header.clone())
                .unwrap_or_default()
        };
        let (hj, hi) = (header_of(j), header_of(i));
        ignore(layout, j, IgnoredBecause::ClaimedTwice { other: hi });
        ignore(layout, i, IgnoredBecause::ClaimedTwice { other: hj });
    }
    // Wide years must be recomputed if a claim removed every column of a year.
    let mut years: Vec<i32> = layout
        .targets
        .iter()
        .flatten()
        .filter_map(|t| t.year)
        .collect();
    years.sort_unstable();
    years.dedup();
    layout.wide_years = years;
}
