//! Writes the benchmark's large workbook: the engine's synthetic firms table
//! (`firms_tsv`, 100,000 firm-years by default) as one `Empresas` sheet of typed cells,
//! numbers as numbers. `make bench` opens it in the page (issue 16's 3 s budget).
//!
//!     cargo run --release -p cluster-eval-workbook --example large_xlsx -- OUT.xlsx [ROWS]

use rust_xlsxwriter::Workbook;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = args.next().ok_or("usage: large_xlsx OUT.xlsx [ROWS]")?;
    let rows: usize = args
        .next()
        .map(|r| r.parse())
        .transpose()?
        .unwrap_or(100_000);
    let text = cluster_eval_engine::firms_tsv(rows);
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Empresas")?;
    for (r, line) in text.lines().enumerate() {
        for (c, cell) in line.split('\t').enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell.parse::<f64>() {
                Ok(x) if r > 0 => sheet.write_number(r, c, x)?,
                _ => sheet.write_string(r, c, cell)?,
            };
        }
    }
    book.save(&out)?;
    println!(
        "{out}: {rows} rows, {} bytes",
        std::fs::metadata(&out)?.len()
    );
    Ok(())
}
