//! `cluster-eval`: the command-line front of the engine.
//!
//! `cluster-eval compute DOC.json` prints the document with its `results` filled in,
//! as JSON, on stdout. A file that cannot be read as a document exits with code 2 and
//! one line on stderr saying why. Other tools rely on this name and behaviour.

use std::process::ExitCode;

use cluster_eval_engine::{with_results, Document};

const USAGE: &str = "usage: cluster-eval compute DOC.json   (use - to read standard input)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [command, path] if command == "compute" => compute(path),
        [flag] if flag == "--help" || flag == "-h" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn compute(path: &str) -> ExitCode {
    let text = if path == "-" {
        let mut buffer = String::new();
        match std::io::Read::read_to_string(&mut std::io::stdin(), &mut buffer) {
            Ok(_) => buffer,
            Err(e) => return fail(&format!("cannot read standard input: {e}")),
        }
    } else {
        match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(_) => return fail(&format!("{path}: the file is not UTF-8 text")),
            },
            Err(e) => return fail(&format!("{path}: cannot read the file: {e}")),
        }
    };
    let doc = match Document::from_json(&text) {
        Ok(doc) => doc,
        Err(e) => return fail(&format!("{path}: {e}")),
    };
    let out = with_results(&doc);
    println!("{}", out.to_json());
    ExitCode::SUCCESS
}

fn fail(reason: &str) -> ExitCode {
    // One line: newlines inside a library message would break scripts that read it.
    eprintln!("cluster-eval: {}", reason.replace('\n', " "));
    ExitCode::from(2)
}
