//! The page's components, one concept per file.

pub mod charts;
pub mod decimal_check;
pub mod design;
pub mod errors;
pub mod execution;
pub mod facts;
pub mod how;
pub mod notices;
pub mod portfolio;
pub mod portfolio_contexts;
pub mod portfolio_forest;
pub mod preview;
pub mod projects;
pub mod report;
pub mod results_view;
pub mod screening;
pub mod share;
pub mod table_input;
pub mod typed;
pub mod winners;
pub mod workbook;
