//! The Annex II computation on 100,000 firm-year rows (20,000 firms × 2019–2023),
//! built directly as a `Dataset` so the figure is the indicators' own, without the
//! table reader: `cargo bench -p cluster-eval-engine --bench indicators`.
//!
//! The rows follow `examples/synth_firms.rs` (same groups and trends, fixed generator).

use criterion::{criterion_group, criterion_main, Criterion};

use cluster_eval_engine::indicators;
use cluster_eval_engine::model::{Dataset, FirmYear, FirmsTable, Flag, Group, Measure};
use cluster_eval_engine::synth::Lcg;
use cluster_eval_engine::years::Years;
use cluster_eval_engine::Document;

fn dataset(rows: usize) -> Dataset {
    let mut rng = Lcg(42);
    let mut out = Vec::with_capacity(rows);
    'firms: for f in 0..rows.div_ceil(5) {
        let group = match f % 10 {
            0..=3 => Group::Beneficiary,
            4..=5 => Group::Cluster,
            6..=8 => Group::Control,
            _ => Group::Sector,
        };
        let size = 2.0 + rng.next() * 300.0;
        let mut sales = size * (20_000.0 + rng.next() * 30_000.0);
        let trend = if group == Group::Beneficiary {
            0.08
        } else {
            0.04
        };
        for year in 2019..2024 {
            if out.len() == rows {
                break 'firms;
            }
            let employment = (size * (0.9 + rng.next() * 0.2)).round();
            let mut row = FirmYear::new(&format!("F{f:06}"), group, year)
                .with(Measure::Sales, sales)
                .with(Measure::Exports, sales * 0.3 * rng.next())
                .with(Measure::Investment, sales * 0.05 * rng.next())
                .with(Measure::Employment, employment);
            for flag in [
                Flag::Quality,
                Flag::Management,
                Flag::EcoEfficiency,
                Flag::Marketing,
                Flag::Improved,
            ] {
                row = row.with_flag(flag, rng.next() < 0.5);
            }
            out.push(row);
            sales *= 1.0 + trend + (rng.next() - 0.5) * 0.1;
        }
    }
    Dataset {
        firms: FirmsTable::from_rows(out),
        ..Dataset::default()
    }
}

fn bench(c: &mut Criterion) {
    let data = dataset(100_000);
    let years = Years {
        baseline: 2019,
        followup: 2023,
    };
    for reps in [0u32, 200, 1000] {
        let mut doc = Document::new("bench");
        doc.settings.bootstrap_reps = reps;
        c.bench_function(&format!("indicators 100k rows, {reps} draws"), |b| {
            b.iter(|| indicators::compute(&doc, &data, Some(years)))
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
