//! Reading errors as data (SPEC, "Cell values: Errors"): a kind with its parameters,
//! the line where the row starts, the column and the rejected text. The English
//! sentence and the stable code are derived from the kind, so the page can translate
//! from `code` and `params` and the CLI can print `reason`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::DecimalMark;
use crate::vocab::{Group, TableKind};

/// How a workbook writes a formula without a cached value in a table's text form,
/// followed by the cell's reference (`#NOVALUE! Empresas!C12`): the reader reports
/// a cell that starts so as [`RowErrorKind::NoValue`], in any column.
pub const NO_VALUE: &str = "#NOVALUE!";

/// Why a row (or a whole table) was rejected.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum RowErrorKind {
    /// Text where a number was expected.
    NotANumber,
    /// A number whose `.`/`,` do not fit the column's decimal mark (`1.5` in a
    /// column read with a decimal comma).
    DecimalMismatch { decimal: DecimalMark },
    /// A negative amount or count.
    Negative,
    /// An amount above `MAX_AMOUNT` of the reader (10^15): sums of such values
    /// overflow, and no firm's figure is that large.
    TooLarge,
    /// A group that is none of beneficiary, cluster, control, sector (or synonyms).
    UnknownGroup,
    /// A year that is not a whole number.
    YearNotInteger,
    /// A required value (firm, year, group, activity, actor) is empty or missing.
    MissingValue,
    /// A workbook cell holding a formula that was never calculated (no cached value:
    /// a file written by a script or a converter); its text is [`NO_VALUE`] and the
    /// cell's reference (`Empresas!C12`). Never read as a blank.
    NoValue,
    /// A yes/no cell that is neither.
    InvalidYesNo,
    /// v3: a count that must be whole (`export_destinations`) has a fractional part.
    NotWholeNumber,
    /// v3: an activity status that is none of done, planned, cancelled (or synonyms).
    UnknownStatus,
    /// A second row for the same firm and year (territory: the same year); the
    /// later row is the error.
    Duplicate { first_line: usize },
    /// The firm's group differs from its group on its first row.
    GroupChanged {
        first_line: usize,
        first_group: Group,
        group: Group,
    },
    /// A proposal's yes/no flag (`innovative`, `environmental`) contradicts the value
    /// an earlier row of the same proposal gave it (on line `first_line`).
    ProposalChanged { first_line: usize, first: bool },
    /// The row has fewer cells than the header.
    TooFewCells { expected: usize, found: usize },
    /// The row has more (non-empty) cells than the header.
    TooManyCells { expected: usize, found: usize },
    /// Table level: a required column is absent, so the table is not read.
    MissingColumn,
    /// Table level: two headers claim the same column, so neither is read.
    DuplicateColumn {
        first_header: String,
        second_header: String,
    },
}

impl RowErrorKind {
    /// The stable, translatable code.
    pub fn code(&self) -> &'static str {
        match self {
            RowErrorKind::NotANumber => "not_a_number",
            RowErrorKind::DecimalMismatch { .. } => "decimal_mismatch",
            RowErrorKind::Negative => "negative_amount",
            RowErrorKind::TooLarge => "too_large",
            RowErrorKind::UnknownGroup => "unknown_group",
            RowErrorKind::YearNotInteger => "year_not_integer",
            RowErrorKind::MissingValue => "missing_value",
            RowErrorKind::NoValue => "formula_without_value",
            RowErrorKind::InvalidYesNo => "invalid_yes_no",
            RowErrorKind::NotWholeNumber => "not_whole_number",
            RowErrorKind::UnknownStatus => "unknown_status",
            RowErrorKind::Duplicate { .. } => "duplicate_row",
            RowErrorKind::GroupChanged { .. } => "group_changed",
            RowErrorKind::ProposalChanged { .. } => "proposal_changed",
            RowErrorKind::TooFewCells { .. } => "too_few_cells",
            RowErrorKind::TooManyCells { .. } => "too_many_cells",
            RowErrorKind::MissingColumn => "missing_column",
            RowErrorKind::DuplicateColumn { .. } => "duplicate_column",
        }
    }

    /// The kind's parameters, as JSON.
    pub fn params(&self) -> Map<String, Value> {
        let mut p = Map::new();
        let mut put = |k: &str, v: Value| {
            p.insert(k.to_string(), v);
        };
        match self {
            RowErrorKind::DecimalMismatch { decimal } => {
                put("decimal", decimal.as_char().to_string().into())
            }
            RowErrorKind::Duplicate { first_line } => put("first_line", (*first_line).into()),
            RowErrorKind::GroupChanged {
                first_line,
                first_group,
                group,
            } => {
                put("first_line", (*first_line).into());
                put("first_group", first_group.name().into());
                put("group", group.name().into());
            }
            RowErrorKind::ProposalChanged { first_line, first } => {
                put("first_line", (*first_line).into());
                put("first", (*first).into());
            }
            RowErrorKind::TooFewCells { expected, found }
            | RowErrorKind::TooManyCells { expected, found } => {
                put("expected", (*expected).into());
                put("found", (*found).into());
            }
            RowErrorKind::DuplicateColumn {
                first_header,
                second_header,
            } => {
                put("first_header", first_header.as_str().into());
                put("second_header", second_header.as_str().into());
            }
            _ => {}
        }
        p
    }

    /// The English reason.
    pub fn english(&self, column: Option<&str>) -> String {
        let col = column.unwrap_or("?");
        match self {
            RowErrorKind::NotANumber => format!("{col}: not a number"),
            RowErrorKind::DecimalMismatch { decimal } => format!(
                "{col}: the marks in this number do not fit the column's decimal mark '{}'",
                decimal.as_char()
            ),
            RowErrorKind::Negative => format!("{col}: a negative amount"),
            RowErrorKind::TooLarge => format!(
                "{col}: too large to be a figure (above 1,000,000,000,000,000): check the units and the decimal mark"
            ),
            RowErrorKind::UnknownGroup => {
                "unknown group (expected beneficiary, cluster, control or sector)".to_string()
            }
            RowErrorKind::YearNotInteger => "the year is not a whole number".to_string(),
            RowErrorKind::MissingValue => format!("{col}: a value is required"),
            RowErrorKind::NoValue => format!(
                "{col}: a formula without a calculated value (open the workbook in a spreadsheet program, let it calculate, and save it)"
            ),
            RowErrorKind::InvalidYesNo => format!("{col}: expected yes or no"),
            RowErrorKind::NotWholeNumber => format!("{col}: expected a whole number"),
            RowErrorKind::UnknownStatus => format!(
                "{col}: unknown status (expected done, planned or cancelled)"
            ),
            RowErrorKind::Duplicate { first_line } => {
                format!("a second row for the same firm and year (the first is on line {first_line})")
            }
            RowErrorKind::GroupChanged {
                first_line,
                first_group,
                group,
            } => format!(
                "the firm's group is {} here but {} on its first row (line {first_line})",
                group.name(),
                first_group.name()
            ),
            RowErrorKind::ProposalChanged { first_line, first } => format!(
                "{col}: contradicts the proposal's earlier row (line {first_line}: {})",
                if *first { "yes" } else { "no" }
            ),
            RowErrorKind::TooFewCells { expected, found } => {
                format!("too few cells: {found} where the header has {expected}")
            }
            RowErrorKind::TooManyCells { expected, found } => {
                format!("too many cells: {found} where the header has {expected}")
            }
            RowErrorKind::MissingColumn => format!("the table has no {col} column"),
            RowErrorKind::DuplicateColumn {
                first_header,
                second_header,
            } => format!(
                "two headers are read as {col}: \"{first_header}\" and \"{second_header}\"; neither is used (map one of them by hand)"
            ),
        }
    }
}

/// One rejected row, or a table-level problem (line of the header).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RowError {
    pub table: TableKind,
    /// 1-based line of the pasted text where the row starts (the header is line 1).
    pub line: usize,
    /// The canonical column, or the pasted header text when it has none.
    pub column: Option<String>,
    /// The rejected text, exactly as pasted (the whole row for a ragged row).
    pub text: String,
    pub kind: RowErrorKind,
    /// The pasted header of the cell (for a wide table, with its year).
    pub header: Option<String>,
}
