//! What the reader reports about a table, as the page displays it: the decimal mark
//! and separator of a paste, the headers matched or ignored, the invisible characters
//! found, the rows rejected ([`RowError`]) and the first rows as read ([`Preview`]).
//! The reading itself is the engine's.

use serde::{Deserialize, Serialize};

use crate::document::{DecimalSetting, DelimiterSetting};
use crate::vocab::TableKind;

mod error;
mod preview;
mod report;

pub use error::{RowError, RowErrorKind, NO_VALUE};
pub use preview::{CellRead, Preview, PreviewCell, PreviewRow, PREVIEW_ROWS};
pub use report::{
    DecimalReport, DecimalSource, HeaderOutcome, HeaderReport, IgnoredBecause, MatchedBy,
    ReadReport, SeparatorSource,
};

/// The decimal mark of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DecimalMark {
    #[serde(rename = ".")]
    Point,
    #[serde(rename = ",")]
    Comma,
}

impl DecimalMark {
    #[inline]
    pub fn as_char(self) -> char {
        match self {
            DecimalMark::Point => '.',
            DecimalMark::Comma => ',',
        }
    }

    pub fn from_setting(setting: DecimalSetting) -> Option<DecimalMark> {
        match setting {
            DecimalSetting::Auto => None,
            DecimalSetting::Point => Some(DecimalMark::Point),
            DecimalSetting::Comma => Some(DecimalMark::Comma),
        }
    }
}

/// A field separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Separator {
    #[serde(rename = "tab")]
    Tab,
    #[serde(rename = ";")]
    Semicolon,
    #[serde(rename = ",")]
    Comma,
}

impl Separator {
    #[inline]
    pub fn byte(self) -> u8 {
        match self {
            Separator::Tab => b'\t',
            Separator::Semicolon => b';',
            Separator::Comma => b',',
        }
    }

    pub fn from_setting(setting: DelimiterSetting) -> Option<Separator> {
        match setting {
            DelimiterSetting::Auto => None,
            DelimiterSetting::Tab => Some(Separator::Tab),
            DelimiterSetting::Semicolon => Some(Separator::Semicolon),
            DelimiterSetting::Comma => Some(Separator::Comma),
        }
    }
}

/// Decimal-mark evidence gathered over a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Votes {
    pub point: usize,
    pub comma: usize,
}

impl Votes {
    /// Counts one value's evidence (the reader's `number::evidence`).
    #[inline]
    pub fn count(&mut self, evidence: Option<DecimalMark>) {
        match evidence {
            Some(DecimalMark::Point) => self.point += 1,
            Some(DecimalMark::Comma) => self.comma += 1,
            None => {}
        }
    }

    /// The mark the values decide, if they decide one (the majority when they
    /// disagree; a tie decides nothing).
    pub fn decided(&self) -> Option<DecimalMark> {
        use std::cmp::Ordering::*;
        match self.point.cmp(&self.comma) {
            Greater => Some(DecimalMark::Point),
            Less => Some(DecimalMark::Comma),
            Equal => None,
        }
    }
}

/// One invisible character of a paste, where it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvisibleChar {
    /// 1-based line of the paste.
    pub line: usize,
    /// The canonical column of its cell, when the cell is in a column that is read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// The pasted header of its column (without invisible characters), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header: Option<String>,
    /// 1-based position of the character in its cell, in characters.
    pub position: usize,
    /// Its Unicode code point (the page shows `U+200B`).
    pub code_point: u32,
}

/// What the page shows of one table read: everything but the typed rows, which can
/// be large and stay where the calculation runs (the page's main thread or its
/// worker, see the engine's `session`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableSummary {
    pub kind: TableKind,
    pub report: ReadReport,
    pub errors: Vec<RowError>,
    pub preview: Preview,
}

impl TableSummary {
    /// The summary of an empty table (before anything is read).
    pub fn empty(kind: TableKind) -> Self {
        TableSummary {
            kind,
            report: ReadReport::default(),
            errors: Vec::new(),
            preview: Preview::default(),
        }
    }
}
