//! `cluster-eval`: the command-line front of the engine.
//!
//! `cluster-eval compute DOC.json` prints the document with its `results` filled in,
//! as JSON, on stdout. A file that cannot be read as a document exits with code 2 and
//! one line on stderr saying why. Other tools rely on this name and behaviour.
//!
//! `cluster-eval portfolio A.json B.json … [--id ID] [--csv | --json]` prints several
//! projects side by side and, for `--id`, their pooled estimate (`portfolio.rs`);
//! with `--by FACT` (v3), the estimate within each level of a project fact, the test
//! for subgroup differences and the totals (`by_context.rs`).

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use cluster_eval_engine::{compute, Document};

#[path = "cluster-eval/by_context.rs"]
mod by_context;
#[path = "cluster-eval/portfolio.rs"]
mod portfolio;

const USAGE: &str = "usage: cluster-eval compute DOC.json   (use - to read standard input)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [command, path] if command == "compute" => run(path),
        [command, rest @ ..] if command == "portfolio" => portfolio::run(rest),
        [flag] if flag == "--help" || flag == "-h" => {
            println!("{USAGE}\n{}", portfolio::USAGE);
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}\n{}", portfolio::USAGE);
            ExitCode::from(2)
        }
    }
}

/// The text of a file (`-`: standard input), or why it cannot be read, naming it.
fn read_text(path: &str) -> Result<String, String> {
    if path == "-" {
        let mut buffer = String::new();
        match std::io::Read::read_to_string(&mut std::io::stdin(), &mut buffer) {
            Ok(_) => Ok(buffer),
            Err(e) => Err(format!("cannot read standard input: {e}")),
        }
    } else {
        match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Ok(text),
                Err(_) => Err(format!("{path}: the file is not UTF-8 text")),
            },
            Err(e) => Err(format!("{path}: cannot read the file: {e}")),
        }
    }
}

fn run(path: &str) -> ExitCode {
    let text = match read_text(path) {
        Ok(text) => text,
        Err(reason) => return fail(&reason),
    };
    let mut doc = match Document::from_json(&text) {
        Ok(doc) => doc,
        Err(e) => return fail(&format!("{path}: {e}")),
    };
    // `with_results`, without copying the document first.
    doc.results = Some(compute(&doc));
    let written = write(&doc);
    // The process ends here: the document, its tables and the text are left to the
    // operating system rather than freed one allocation at a time.
    std::mem::forget(doc);
    std::mem::forget(text);
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cluster-eval: cannot write the result: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The document as pretty JSON and a newline on stdout, streamed through a buffer.
fn write(doc: &Document) -> std::io::Result<()> {
    let stdout = std::io::stdout();
    let lock = stdout.lock();
    // Standard output is line-buffered, which looks for the last line break of every
    // block written; the document is written in large blocks straight to its file
    // descriptor instead (a copy of it, while the lock keeps anything else out).
    #[cfg(unix)]
    let sink: Box<dyn Write> = {
        use std::os::fd::AsFd;
        match lock.as_fd().try_clone_to_owned() {
            Ok(fd) => Box::new(std::fs::File::from(fd)),
            Err(_) => Box::new(lock),
        }
    };
    #[cfg(not(unix))]
    let sink: Box<dyn Write> = Box::new(lock);
    let mut out = BufWriter::with_capacity(1 << 20, sink);
    doc.write_json(&mut out)?;
    out.write_all(b"\n")?;
    out.flush()
}

fn fail(reason: &str) -> ExitCode {
    // One line: newlines inside a library message would break scripts that read it.
    eprintln!("cluster-eval: {}", reason.replace('\n', " "));
    ExitCode::from(2)
}
