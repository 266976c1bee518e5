//! Prints the tables of the built-in example project (Spanish edition) as JSON: one
//! field per table (`firms`, `territory`, `activities`, `actors`, `subsidies`,
//! `proposals`), each the tab-separated text with its header line first.
//! `cargo run -q -p cluster-eval-ui --example example_tables`. Read by
//! `scripts/workbook_fixtures.py`, which writes the workbook fixtures of the e2e tests.

use cluster_eval_ui::example::document;
use cluster_eval_ui::i18n::Lang;

fn main() -> Result<(), serde_json::Error> {
    let tables = document(Lang::Es).tables;
    println!("{}", serde_json::to_string_pretty(&tables)?);
    Ok(())
}
