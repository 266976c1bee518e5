//! Every message that crosses between the page, the compute worker and the workbook
//! worker, as serde types: one module per worker. Web-free, so both sides and their
//! native tests share the exact types (docs/architecture.md draws who sends what).

pub mod compute;
pub mod workbook;
