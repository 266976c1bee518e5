//! Opens a workbook and prints how long it took and what each sheet gave (the native
//! counterpart of the page's workbook bench).
//!
//!     cargo run --release -p cluster-eval-workbook --example open_timing -- FILE.xlsx

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: open_timing FILE")?;
    let bytes = std::fs::read(&path)?;
    let start = std::time::Instant::now();
    let book = cluster_eval_workbook::open(bytes).map_err(|e| format!("{e:?}"))?;
    let took = start.elapsed();
    for s in &book.sheets {
        println!(
            "{}: {:?}, {} rows, {} bytes of text",
            s.name,
            s.kind,
            s.data_rows,
            s.text.len()
        );
    }
    println!("opened in {:.0} ms", took.as_secs_f64() * 1e3);
    Ok(())
}
