//! Writes the template in one language, as the page offers it (for checking it with
//! a real spreadsheet program: scripts/check-template-libreoffice.sh).
//!
//!     cargo run -p cluster-eval-workbook --example template -- es OUT.xlsx

use cluster_eval_ui::i18n::Lang;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let lang = args
        .next()
        .and_then(|c| Lang::from_code(&c))
        .ok_or("usage: template en|es|pt OUT.xlsx")?;
    let out = args.next().ok_or("usage: template en|es|pt OUT.xlsx")?;
    std::fs::write(&out, cluster_eval_workbook::template::template(lang)?)?;
    println!("{out}");
    Ok(())
}
