//! Writes `lang/es.json` and `lang/pt.json` (the Spanish and Portuguese texts the
//! page loads when they are chosen) from the catalogue, `ui/src/messages.rs`, and
//! from the wording of the engine's messages, the `tr!`s of `ui/src/notes.rs`
//! (keys `note.…`): `cargo run -p cluster-eval-ui --example lang_files`. The test
//! `language_files_are_up_to_date` fails when they are out of date.

use cluster_eval_ui::i18n::{language_file, Lang};

fn main() -> std::io::Result<()> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../lang");
    std::fs::create_dir_all(&dir)?;
    for lang in [Lang::Es, Lang::Pt] {
        let path = dir.join(format!("{}.json", lang.code()));
        std::fs::write(&path, language_file(lang))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
