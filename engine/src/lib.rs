//! `cluster-eval-engine`: reads pasted cluster-monitoring tables and computes the IDB
//! Annex II monitoring and evaluation indicators and the pro-poor targeting checks.
//!
//! A pure library: no web dependency. The page (the root crate) and the
//! `cluster-eval` command-line tool are thin fronts over it.
//!
//! The flow: [`Document`] (raw tables as pasted) → [`read`] (typed rows, reading
//! reports, row errors) → [`indicators`] and [`pro_poor`] → [`Results`].
//!
//! The document, the result types, the reading reports and the shared vocabulary live
//! in the bottom crate `cluster-eval-types` (which the page's logic, `ui/`, uses
//! without the engine); every one of them is re-exported here at the path it always
//! had.

#![forbid(unsafe_code)]

// The modules are private: what the page, the command line and other tools use is the
// `pub use` list below. The engine's own integration tests, benchmarks and fuzz target
// reach inside through the `internals` feature (enabled by the engine's
// dev-dependency on itself), which nothing else turns on.
macro_rules! internal_modules {
    ($($name:ident),* $(,)?) => {
        $(
            #[cfg(feature = "internals")]
            pub mod $name;
            #[cfg(not(feature = "internals"))]
            mod $name;
        )*
    };
}

internal_modules!(compute, indicators, model, panel, pro_poor, read, session, synth, years);
/// v3: a portfolio's totals and its pooled estimate by context (sector type, area,
/// agency, cost band…), with the test for subgroup differences.
pub mod contexts;
/// Several projects side by side: the portfolio table and the pooled estimate.
pub mod portfolio;

pub use cluster_eval_types::{
    entity_type, expected_at, ChecklistAnswer, ColumnMapping, Comparison, DecimalSetting,
    DelimiterSetting, Document, DocumentError, EntityType, ErrorEntry, Expected, Family, Horizon,
    Indicator, IndicatorId, Message, Prices, Project, Results, Settings, Side, Status,
    TableSettings, TableSource, Tables, Unit, Warning, WinnerLoser, YesNoUnknown, CHECKLIST_ITEMS,
    CLUSTER_TAGS, CURRENT_VERSION, FORMAT, MAX_BOOTSTRAP_REPS, MAX_DEPTH,
};
pub use cluster_eval_types::{ActivityStatus, AgencyType, AreaType, CostBand, SectorType};
pub use compute::{
    compute, compute_from_reads, core_of, error_entries, error_entry, finish, read_document_table,
    with_results,
};
pub use model::{Dataset, FirmYear, FirmsTable, Flag, Group, Measure, TableKind};
pub use read::{
    assemble, assemble_owned, column_of_header, columns, columns_named, fold, is_invisible,
    read_table, yes_no, CellRead, ColumnDef, ColumnType, DecimalMark, DecimalReport, DecimalSource,
    HeaderOutcome, HeaderReport, IgnoredBecause, InvisibleChar, MatchedBy, Preview, PreviewCell,
    PreviewRow, ReadReport, RowError, RowErrorKind, Separator, SeparatorSource, TableRead,
    TableRows, TableSummary, NO_VALUE, PREVIEW_ROWS,
};
pub use session::{Session, Update};
pub use synth::{firms_tsv, firms_tsv_seeded, Lcg};
pub use years::{Years, YearsError};
