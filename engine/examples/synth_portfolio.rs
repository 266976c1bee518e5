//! Writes a synthetic portfolio for benchmarks: `cargo run --example synth_portfolio --
//! DIR FILES ROWS` writes FILES documents `DIR/project-0001.json`… of ROWS firm-year
//! rows each (`cluster_eval_engine::synth`, a different seed per file, so no two are
//! copies of each other). Deterministic: every run and every machine measures the
//! same input.

use cluster_eval_engine::firms_tsv_seeded;
use cluster_eval_engine::Document;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().unwrap_or_else(|| "portfolio".into()));
    let mut number = |default: usize| args.next().and_then(|a| a.parse().ok()).unwrap_or(default);
    let files = number(1000);
    let rows = number(500);
    std::fs::create_dir_all(&dir)?;
    let countries = ["Nicaragua", "Colombia", "Brasil", "Perú", "México"];
    let sectors = ["dairy", "coffee", "textiles", "tourism"];
    for i in 0..files {
        let mut doc = Document::new(&format!("Project {:04}", i + 1));
        doc.project.country = Some(countries[i % countries.len()].to_string());
        doc.project.sector = Some(sectors[i % sectors.len()].to_string());
        doc.project.executing_agency = Some(format!("Agency {}", i % 7 + 1));
        doc.project.end_year = Some(2020);
        doc.project.cost_total = Some(1_000_000.0);
        doc.project.social_benefits = Some(7_000_000.0);
        doc.tables.firms = firms_tsv_seeded(rows, 42 + i as u64);
        doc.tables.territory =
            "year\tlocal_gdp\tnational_gdp\n2019\t100\t1000\n2023\t125\t1100\n".into();
        std::fs::write(
            dir.join(format!("project-{:04}.json", i + 1)),
            doc.to_json(),
        )?;
    }
    Ok(())
}
