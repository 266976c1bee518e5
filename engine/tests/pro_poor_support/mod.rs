//! What the pro-poor test files share: the years, a dataset of firm rows, one run of
//! the section, and finding an indicator by id.

#![allow(dead_code)] // each test file uses its own part

use cluster_eval_engine::model::{Dataset, FirmYear, FirmsTable};
use cluster_eval_engine::pro_poor;
use cluster_eval_engine::years::Years;
use cluster_eval_engine::Document;
use cluster_eval_engine::{Indicator, WinnerLoser};

pub const YEARS: Years = Years {
    baseline: 2019,
    followup: 2023,
};

pub fn data(rows: Vec<FirmYear>) -> Dataset {
    Dataset {
        firms: FirmsTable::from_rows(rows),
        ..Dataset::default()
    }
}

/// The pro-poor section over `rows`, baseline 2019, follow-up 2023.
pub fn run(doc: &Document, rows: Vec<FirmYear>) -> (Vec<Indicator>, Vec<WinnerLoser>) {
    pro_poor::compute(doc, &data(rows), Some(YEARS))
}

pub fn get<'a>(out: &'a [Indicator], id: &str) -> &'a Indicator {
    out.iter()
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("no indicator {id}"))
}
