//! Writes a synthetic firms table (TSV) for benchmarks: `cargo run --example
//! synth_firms -- ROWS > firms.tsv`. Deterministic (see `cluster_eval_engine::synth`),
//! so every run and every machine measures the same input.
//!
//! `ROWS` firm-year rows = ROWS / 5 firms × the years 2019–2023; about 100 bytes a
//! row, so 100,000 rows are about 10 MB. Groups: 40% beneficiary, 20% cluster, 30%
//! control, 10% sector.

use std::io::Write;

fn main() -> std::io::Result<()> {
    let rows: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    std::io::stdout()
        .lock()
        .write_all(cluster_eval_engine::firms_tsv(rows).as_bytes())
}
