//! `cluster-eval portfolio`: several files in, the table and the pooled estimate out;
//! a file that cannot be read is named with its reason, the others still computed,
//! exit code 2.

use std::path::PathBuf;
use std::process::Command;

use cluster_eval_engine::portfolio::{self, Member};
use cluster_eval_engine::synth::firms_tsv_seeded;
use cluster_eval_engine::Document;

const ID: &str = "long.beneficiaries.sales.vs_control";

fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_cluster-eval"))
}

fn dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "cluster-eval-portfolio-{}-{test}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn project(name: &str, seed: u64, currency: &str) -> Document {
    let mut doc = Document::new(name);
    doc.project.currency = currency.into();
    doc.project.country = Some("Nicaragua".into());
    doc.project.sector = Some("dairy".into());
    doc.project.executing_agency = Some("INPYME".into());
    doc.settings.bootstrap_reps = 200;
    doc.tables.firms = firms_tsv_seeded(200, seed);
    doc.tables.subsidies = "year\tamount\n2020\t1000\n".into();
    doc
}

fn write(dir: &std::path::Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path.to_string_lossy().into_owned()
}

/// Three good projects and two files that cannot be read.
fn files(dir: &std::path::Path) -> (Vec<String>, Vec<Document>) {
    let docs: Vec<Document> = (0..3)
        .map(|i| project(&format!("P{i}"), 7 + i, "USD"))
        .collect();
    let mut paths: Vec<String> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| write(dir, &format!("p{i}.json"), &d.to_json()))
        .collect();
    paths.insert(1, write(dir, "broken.json", "not json at all"));
    paths.push(dir.join("missing.json").to_string_lossy().into_owned());
    (paths, docs)
}

#[test]
fn an_unreadable_file_is_named_the_others_are_computed_and_the_exit_code_is_2() {
    let dir = dir("unreadable");
    let (paths, docs) = files(&dir);
    let out = cli()
        .arg("portfolio")
        .args(&paths)
        .args(["--id", ID, "--json"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    // The same wording as `compute`.
    assert!(
        lines[0].contains(&format!("{}: the file is not JSON", paths[1])),
        "{stderr}"
    );
    assert!(
        lines[1].contains(&format!("{}: cannot read the file", paths[4])),
        "{stderr}"
    );
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let keys: Vec<&str> = printed
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    // Issue 25: the HKSJ and prediction intervals are printed.
    assert_eq!(
        keys,
        [
            "id",
            "pooled",
            "low",
            "high",
            "hk_low",
            "hk_high",
            "pi_low",
            "pi_high",
            "tau2",
            "i2",
            "k",
            "few_projects",
            "projects"
        ]
    );
    assert_eq!(printed["id"], ID);
    assert_eq!(printed["k"], 3);
    let projects = printed["projects"].as_array().unwrap();
    assert_eq!(projects.len(), 3);
    assert_eq!(projects[1]["file"], paths[2]);
    assert_eq!(projects[1]["name"], "P1");
    // The same numbers as the library over the same documents, each computed alone.
    let members: Vec<Member> = docs
        .into_iter()
        .map(cluster_eval_engine::portfolio::member)
        .collect();
    let expected = portfolio::pool(&members, ID).unwrap();
    let e = expected.estimate.as_ref().unwrap();
    assert_eq!(printed["pooled"].as_f64(), Some(e.pooled));
    assert_eq!(printed["low"].as_f64(), Some(e.low));
    assert_eq!(printed["high"].as_f64(), Some(e.high));
    assert_eq!(printed["tau2"].as_f64(), Some(e.tau2));
    assert_eq!(printed["i2"].as_f64(), Some(e.i2));
    assert_eq!(printed["hk_low"].as_f64(), e.hk_low);
    assert_eq!(printed["hk_high"].as_f64(), e.hk_high);
    assert_eq!(printed["pi_low"].as_f64(), e.pi_low);
    assert_eq!(printed["pi_high"].as_f64(), e.pi_high);
    assert!(e.hk_low.is_some() && e.pi_low.is_some());
    assert_eq!(printed["few_projects"], true);
    assert_eq!(
        projects[0]["value"].as_f64(),
        members[0].results.indicator(ID).unwrap().value
    );
}

#[test]
fn prints_the_table_as_text_and_as_csv() {
    let dir = dir("table");
    let docs: Vec<Document> = (0..2)
        .map(|i| project(&format!("P{i}"), 3 + i, "USD"))
        .collect();
    let paths: Vec<String> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| write(&dir, &format!("p{i}.json"), &d.to_json()))
        .collect();
    let out = cli()
        .arg("portfolio")
        .args(&paths)
        .args(["--id", ID])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("2 projects\n"), "{text}");
    assert!(text.contains("Nicaragua"), "{text}");
    assert!(text.contains("INPYME"), "{text}");
    assert!(text.contains("summary: 2 with a value, median"), "{text}");
    assert!(text.contains("2 projects pooled:"), "{text}");

    let out = cli()
        .arg("portfolio")
        .args(&paths)
        .arg(format!("--id={ID}"))
        .arg("--csv")
        .output()
        .expect("run");
    assert!(out.status.success());
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header = reader.headers().unwrap().clone();
    let column = header.iter().position(|h| h == ID).expect("id column");
    assert_eq!(&header[column + 1], format!("{ID} low"));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let labels: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(
        labels,
        [
            "project",
            "project",
            "median",
            "count met",
            "count not_met",
            "count inconclusive",
            "count insufficient_data",
            "count reported",
            "count absent",
            "pooled",
            "tau2",
            "i2",
            "k"
        ]
    );
    assert_eq!(&rows[0][3], "P0");
    assert_eq!(&rows[0][4], "Nicaragua");
    assert_eq!(&rows[12][column], "2");
    let member = cluster_eval_engine::portfolio::member(docs[1].clone());
    let value: f64 = rows[1][column].parse().unwrap();
    assert_eq!(Some(value), member.results.indicator(ID).unwrap().value);

    // Without --id, --json prints the table.
    let out = cli()
        .arg("portfolio")
        .args(&paths)
        .arg("--json")
        .output()
        .expect("run");
    assert!(out.status.success());
    let table: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(table["rows"][1]["file"], paths[1]);
    assert_eq!(table["rows"][1]["country"], "Nicaragua");
    assert!(table["ids"].as_array().unwrap().iter().any(|id| id == ID));
}

#[test]
fn pooling_money_across_currencies_is_refused_and_copies_are_flagged() {
    let dir = dir("currency");
    let a = project("A", 1, "USD");
    let b = project("B", 2, "NIO");
    let paths = [
        write(&dir, "a.json", &a.to_json()),
        write(&dir, "b.json", &b.to_json()),
        write(&dir, "a-again.json", &a.to_json()),
    ];
    let out = cli()
        .arg("portfolio")
        .args(&paths)
        .args(["--id", "short.subsidies_total", "--json"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("different currencies (NIO, USD)"),
        "{stderr}"
    );

    let out = cli()
        .arg("portfolio")
        .args(&paths)
        .args(["--id", ID])
        .output()
        .expect("run");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("#3 \"A\" is a copy of #1 \"A\""),
        "a warning names both: {text}"
    );
    assert!(text.contains("2 projects pooled"), "{text}");
}

#[test]
fn bad_arguments_exit_2_with_the_usage() {
    for args in [
        vec!["portfolio"],
        vec!["portfolio", "a.json", "--csv", "--json"],
        vec!["portfolio", "a.json", "--id"],
        vec!["portfolio", "a.json", "--what"],
    ] {
        let out = cli().args(&args).output().expect("run");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        assert!(String::from_utf8_lossy(&out.stderr).contains("usage: cluster-eval portfolio"));
    }
}
