//! "What was read": the first rows of a paste as a grid, each cell with the value it
//! was read as and a flag when it is in error (the engine's reader builds it).

use serde::{Deserialize, Serialize};

use crate::vocab::Group;

/// How many data rows the preview keeps.
pub const PREVIEW_ROWS: usize = 50;

/// What a cell was read as.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CellRead {
    Missing,
    Number(f64),
    Flag(bool),
    Year(i32),
    Group(Group),
    Text,
    /// The column is not read (unknown or ignored header, or a cell past the header).
    Ignored,
    /// The cell could not be read (see the table's errors).
    Error,
}

/// One cell of the preview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreviewCell {
    /// The cell as pasted (quotes removed).
    pub text: String,
    pub read: CellRead,
    /// An error names this cell (bad value, duplicate, group change…).
    pub error: bool,
}

/// One pasted row of the preview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreviewRow {
    pub line: usize,
    pub cells: Vec<PreviewCell>,
    /// An error concerns the whole row (too few or too many cells).
    pub error: bool,
}

/// The first rows of a paste as read.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Preview {
    pub headers: Vec<String>,
    pub rows: Vec<PreviewRow>,
    /// Data rows not shown.
    pub more_rows: usize,
}
