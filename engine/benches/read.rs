//! Reading 100,000 firm-year rows (about 10 MB of TSV), the size of the largest
//! monitoring tables evaluators paste. Budget: 100 ms on a 2-core machine.
//! `cargo bench -p cluster-eval-engine --bench read`.

use std::hint::black_box;

use cluster_eval_engine::model::TableKind;
use cluster_eval_engine::read::{read_table, TableRows};
use cluster_eval_engine::Settings;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use cluster_eval_engine::synth;

fn read_100k(c: &mut Criterion) {
    let text = synth::firms_tsv(100_000);
    let settings = Settings::default();
    // The bench measures a table that reads cleanly.
    let check = read_table(TableKind::Firms, &text, &settings, None);
    assert!(check.errors.is_empty(), "{:?}", check.errors.first());
    let TableRows::Firms(t) = &check.rows else {
        unreachable!()
    };
    assert_eq!(t.rows.len(), 100_000);

    let mut group = c.benchmark_group("read");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("firms_100k_rows_tsv", |b| {
        b.iter(|| read_table(TableKind::Firms, black_box(&text), &settings, None))
    });
    group.finish();
}

criterion_group!(benches, read_100k);
criterion_main!(benches);
