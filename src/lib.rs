//! The page's library: components, state and storage, shared by the binary and the
//! browser tests in `tests/`.

pub mod app;
pub mod components;
pub mod csv_export;
pub mod detail_names;
pub mod engine_worker;
pub mod example;
pub mod files;
pub mod format;
pub mod i18n;
pub mod messages;
pub mod names;
pub mod note_messages;
pub mod notes;
pub mod reading;
pub mod state;
pub mod storage;
