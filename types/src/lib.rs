//! `cluster-eval-types`: the shared vocabulary of the cluster evaluation calculator —
//! what the page, `ui/`, the workbook module and the engine all speak, and none of the
//! computing.
//!
//! The JSON [`document`] with its settings, the [`results`] a computation writes into
//! it (indicators, warnings, [`message`]s, row errors) and typed views of the parts of
//! an indicator's detail the page reads ([`detail`]), what the reader reports about a
//! table ([`reading`]), the tables' columns ([`schema`]), the portfolio's data
//! ([`portfolio`]), and the words below them all ([`vocab`], [`entity`], [`text`]).
//! The engine (`cluster-eval-engine`) reads the tables and computes; it re-exports
//! every item here at its own crate root.
//!
//! The modules form layers, each using only those below it (a test of the engine,
//! `engine/tests/layers.rs`, fails on a cycle), bottom to top: `text`, `vocab`,
//! `lcg`, `migrate`, `json`; `context`, `entity`, `schema`, `message`; `results`;
//! `detail`, `document`, `indicator_id`; `reading`, `portfolio`.

#![forbid(unsafe_code)]

pub mod context;
pub mod detail;
pub mod document;
pub mod entity;
pub mod indicator_id;
mod json;
pub mod lcg;
pub mod message;
mod migrate;
pub mod portfolio;
pub mod reading;
pub mod results;
pub mod schema;
pub mod text;
pub mod vocab;

pub use context::{AgencyType, AreaType, CostBand, Prices, SectorType};
pub use detail::{
    AttritionCounts, BalanceDetail, BalanceGroups, ControlReading, DetailHead, DetailYears,
    EventDetail, EventYear, Evidence, GrowthDetail, LocalGdp, Moments, Participation,
    ProposalDetail, ProposalMember, ScreeningDetail, Series, SeriesPoint,
};
pub use document::{
    expected_at, ChecklistAnswer, ColumnMapping, DecimalSetting, DelimiterSetting, Document,
    DocumentError, Expected, Project, Settings, TableSettings, TableSource, Tables, YesNoUnknown,
    CHECKLIST_ITEMS, CLUSTER_TAGS, CURRENT_VERSION, FORMAT, MAX_BOOTSTRAP_REPS, MAX_DEPTH,
};
pub use entity::{entity_type, EntityType};
pub use indicator_id::{Comparison, Family, IndicatorId};
pub use lcg::Lcg;
pub use message::Message;
pub use reading::{
    CellRead, DecimalMark, DecimalReport, DecimalSource, HeaderOutcome, HeaderReport,
    IgnoredBecause, InvisibleChar, MatchedBy, Preview, PreviewCell, PreviewRow, ReadReport,
    RowError, RowErrorKind, Separator, SeparatorSource, TableSummary, PREVIEW_ROWS,
};
pub use results::{ErrorEntry, Horizon, Indicator, Results, Status, Unit, Warning, WinnerLoser};
pub use schema::{columns, ColumnDef, ColumnType};
pub use text::{fold, is_invisible, yes_no};
pub use vocab::{ActivityStatus, Flag, Group, Measure, Side, TableKind};
