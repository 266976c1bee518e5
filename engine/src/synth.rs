//! Deterministic synthetic data: the firms table of the benchmarks
//! (`examples/synth_firms.rs` prints it; `cargo bench` generates it in memory), and the
//! small generator behind it, shared by everything that needs reproducible "random"
//! numbers without a dependency (the page's example project too).

use std::fmt::Write;

pub use cluster_eval_types::lcg::Lcg;

/// `rows` firm-year rows as TSV (header included); about 100 bytes a row.
pub fn firms_tsv(rows: usize) -> String {
    firms_tsv_seeded(rows, 42)
}

/// As [`firms_tsv`], from another seed: other numbers, the same shape (the portfolio
/// benchmark's thousand different projects).
pub fn firms_tsv_seeded(rows: usize, seed: u64) -> String {
    let firms = rows.div_ceil(5);
    let mut rng = Lcg(seed);
    let mut out = String::with_capacity(rows * 110);
    out.push_str(
        "firm\tgroup\tyear\tsales\texports\tinvestment\temployment\tquality\tmanagement\teco_efficiency\tmarketing\timproved\tinformal\tworkers_women\tworkers_unskilled\tworkers_youth\twage_women\twage_men\n",
    );
    let mut written = 0;
    'firms: for f in 0..firms {
        let group = match f % 10 {
            0..=3 => "beneficiary",
            4..=5 => "cluster",
            6..=8 => "control",
            _ => "sector",
        };
        let size = 2.0 + rng.next() * 300.0;
        let mut sales = size * (20_000.0 + rng.next() * 30_000.0);
        let trend = if group == "beneficiary" { 0.08 } else { 0.04 };
        for year in 2019..2024 {
            if written == rows {
                break 'firms;
            }
            let employment = (size * (0.9 + rng.next() * 0.2)).round();
            let women = (employment * (0.2 + rng.next() * 0.3)).round();
            let yes = |r: f64| if r < 0.5 { "1" } else { "0" };
            let _ = writeln!(
                out,
                "F{f:06}\t{group}\t{year}\t{sales:.2}\t{:.2}\t{:.2}\t{employment}\t{}\t{}\t{}\t{}\t{}\t{}\t{women}\t{}\t{}\t{:.2}\t{:.2}",
                sales * 0.3 * rng.next(),
                sales * 0.05 * rng.next(),
                yes(rng.next()),
                yes(rng.next()),
                yes(rng.next()),
                yes(rng.next()),
                yes(rng.next()),
                yes(rng.next() * 1.5),
                (employment * 0.4).round(),
                (employment * 0.25).round(),
                300.0 + rng.next() * 200.0,
                350.0 + rng.next() * 250.0,
            );
            sales *= 1.0 + trend + (rng.next() - 0.5) * 0.1;
            written += 1;
        }
    }
    out
}
