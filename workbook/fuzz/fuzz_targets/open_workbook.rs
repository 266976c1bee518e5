//! Fuzzes the workbook reader (issue 24): any bytes given as a workbook must be read
//! or refused, never panic, and every sheet it reads must then be read by the table
//! reader as a paste of its text would be. The corpus starts from the committed
//! fixtures, real files written by LibreOffice and the hostile ones of
//! `careful_fixtures`: from `workbook/`,
//! `cargo +nightly fuzz run open_workbook fuzz/corpus/open_workbook ../e2e/fixtures/workbooks`
//! (the first directory is where new inputs go; the fixtures are only read).
#![no_main]

use cluster_eval_engine::{read_table, Settings, TableKind};
use cluster_eval_workbook::open::open;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(book) = open(data.to_vec()) else {
        return;
    };
    let settings = Settings::default();
    for sheet in &book.sheets {
        for kind in TableKind::ALL {
            let _ = read_table(kind, &sheet.text, &settings, None);
        }
    }
});
