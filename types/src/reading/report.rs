//! The reading report the page shows under a paste box: which separator, which
//! decimal mark per numeric column and why, what each pasted header became, how many
//! rows were read and excluded, whether the table was reshaped from wide, whether the
//! group column was missing. All data (codes and values), no English: the page words it.

use serde::{Deserialize, Serialize};

use super::{DecimalMark, InvisibleChar, Separator, Votes};
use crate::vocab::TableKind;

/// How the separator was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeparatorSource {
    /// Detected from the first lines.
    Detected,
    /// Set by the user (`settings.delimiter`, or the table's own override).
    Forced,
    /// A workbook sheet's text form (`settings.tables.<table>.source`): tabs.
    Workbook,
}

/// How a column's decimal mark was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecimalSource {
    /// The user's override for this column.
    Override,
    /// Decided by the column's own values.
    Detected,
    /// The values did not decide; the project's `settings.decimal`.
    Setting,
    /// The values' marks did not decide and the project says `auto`, but their sizes
    /// did: read the other way, the values that read either way (`1.234`) would be
    /// about 1,000 times smaller or larger than the column's plain values (`987`).
    Magnitude,
    /// The values did not decide and the project says `auto`: the mark the table's
    /// other columns decided on (they all agree).
    Table,
    /// Nothing else decided, and the table is separated by `;`: a comma.
    Separator,
    /// Nothing decided: `.`.
    Default,
    /// The table is a workbook sheet's text form (`settings.tables.<table>.source`),
    /// written with a `.` from the cells' typed values: nothing to decide.
    Workbook,
}

/// The decimal mark of one numeric column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecimalReport {
    /// Canonical column.
    pub column: String,
    pub mark: DecimalMark,
    pub source: DecimalSource,
    /// How many values pointed at each mark (both non-zero: the values disagree,
    /// and those that do not fit the mark are errors).
    pub votes: Votes,
    /// When the column's own values did not decide its mark: how many of them read
    /// either way (`1.234`: a thousand and some, or one and a fraction).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub ambiguous: usize,
    /// The first of those, as pasted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
}

impl DecimalReport {
    /// The mark was guessed (by the values' sizes, the table's other columns, the
    /// separator or the default) for a column with values that read either way:
    /// the page says so where the results are read, and offers the other reading.
    pub fn guessed(&self) -> bool {
        self.ambiguous > 0
            && matches!(
                self.source,
                DecimalSource::Magnitude
                    | DecimalSource::Table
                    | DecimalSource::Separator
                    | DecimalSource::Default
            )
    }

    /// The other mark.
    pub fn other(&self) -> DecimalMark {
        match self.mark {
            DecimalMark::Point => DecimalMark::Comma,
            DecimalMark::Comma => DecimalMark::Point,
        }
    }
}

/// How a header found its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    /// It is the canonical name (case, accents, spaces, `_`, `-` aside).
    Name,
    /// A built-in synonym.
    Synonym,
    /// The user's own mapping in the document's `columns`.
    User,
}

/// Why a header is not read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IgnoredBecause {
    /// No column has this name or synonym.
    Unknown,
    /// The header cell is empty.
    Empty,
    /// The user mapped it to nothing.
    ByUser,
    /// The user mapped it to a column this table does not have.
    InvalidMapping { target: String },
    /// Another header claims the same column (see the table's errors).
    ClaimedTwice { other: String },
    /// A year-suffixed header in a table that has a `year` column.
    YearColumnPresent,
    /// An amount or yes/no column without a year in a wide table.
    NoYearInWideTable,
}

/// What a pasted header became.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HeaderOutcome {
    Column {
        column: String,
        /// The year of a wide column.
        year: Option<i32>,
        by: MatchedBy,
    },
    Ignored {
        because: IgnoredBecause,
    },
}

/// One pasted header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeaderReport {
    /// 0-based position of the column in the paste.
    pub index: usize,
    /// The header as pasted (trimmed).
    pub header: String,
    pub outcome: HeaderOutcome,
    /// The header without its year, when it ends or starts with one (`Fact 2019` →
    /// `Fact`): what a person's mapping of it is keyed by, so that it applies to every
    /// year of a wide table (the SPEC's `columns`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
}

/// What the page shows under a paste box.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ReadReport {
    /// Typed rows read (for a wide table, one per firm and year).
    pub rows_read: usize,
    /// Typed rows excluded by an error (for a wide table, every year of a pasted row
    /// whose shared cells are in error counts).
    pub rows_excluded: usize,
    /// Non-blank data lines of the paste (the header excluded).
    pub data_rows: usize,
    /// `None` when the text is empty.
    pub separator: Option<Separator>,
    pub separator_source: Option<SeparatorSource>,
    pub had_bom: bool,
    /// Line of the header (1 unless the paste starts with blank lines).
    pub header_line: usize,
    pub headers: Vec<HeaderReport>,
    pub decimals: Vec<DecimalReport>,
    /// The table was wide (`sales_2019`…) and was reshaped to one row per year.
    pub reshaped: bool,
    /// The years of a reshaped table.
    pub wide_years: Vec<i32>,
    /// Firms only: there was no `group` column, so every row is a beneficiary.
    pub group_column_missing: bool,
    /// A table-level error (missing column) stopped the reading.
    pub unreadable: bool,
    /// The header names none of this table's columns but `year`, and some of another
    /// table's: the paste probably went into the wrong box.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub looks_like: Option<TableKind>,
    /// Invisible characters (zero-width spaces, soft hyphens, direction marks…) in the
    /// paste, the first few with where they were. The table was read as if they were
    /// absent: `1\u{200b}000` is 1000, and `F01` with one is the firm `F01`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub invisible: Vec<InvisibleChar>,
    /// How many invisible characters there were in all.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub invisible_count: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl ReadReport {
    /// The headers that were not read.
    pub fn ignored(&self) -> impl Iterator<Item = &HeaderReport> {
        self.headers
            .iter()
            .filter(|h| matches!(h.outcome, HeaderOutcome::Ignored { .. }))
    }

    /// The decimal mark used for a canonical column.
    pub fn decimal(&self, column: &str) -> Option<&DecimalReport> {
        self.decimals.iter().find(|d| d.column == column)
    }

    /// What the pasted header `header` became (the first one of that text).
    pub fn header(&self, header: &str) -> Option<&HeaderOutcome> {
        self.headers
            .iter()
            .find(|h| h.header == header)
            .map(|h| &h.outcome)
    }
}
