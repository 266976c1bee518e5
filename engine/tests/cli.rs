//! `cluster-eval compute`: a file in, the document with results out; exit code 2 and
//! one line on stderr for a bad file.

use std::process::Command;

fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_cluster-eval"))
}

fn write_temp(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("cluster-eval-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write temp file");
    path
}

#[test]
fn computes_a_document_and_prints_it_with_results() {
    let path = write_temp(
        "good.json",
        r#"{"format":"cluster-eval","version":1,"keep":"me",
            "project":{"name":"Córdoba","cost_total":100,"cost_mif":50,"social_benefits":700},
            "tables":{"firms":"firm\tgroup\tyear\tsales\nA\tbeneficiary\t2019\t100\nA\tbeneficiary\t2023\t150\n"}}"#,
    );
    let out = cli().arg("compute").arg(&path).output().expect("run");
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(printed["format"], "cluster-eval");
    assert_eq!(printed["keep"], "me");
    assert_eq!(printed["project"]["name"], "Córdoba");
    assert!(printed["results"]["indicators"].is_array());
    // Same input, same output, byte for byte.
    let again = cli().arg("compute").arg(&path).output().expect("run");
    assert_eq!(out.stdout, again.stdout);
}

#[test]
fn reads_standard_input_with_a_dash() {
    use std::io::Write;
    let mut child = cli()
        .args(["compute", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(br#"{"format":"cluster-eval","version":1,"project":{},"tables":{}}"#)
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success());
}

fn assert_refused(text: &str, expect_in_reason: &str) {
    let path = write_temp("bad.json", text);
    let out = cli().arg("compute").arg(&path).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    assert!(stderr.contains(expect_in_reason), "{stderr}");
}

#[test]
fn refuses_bad_files_with_exit_code_2_and_one_line() {
    assert_refused("not json at all", "not JSON");
    assert_refused(
        r#"{"format":"other","version":1}"#,
        "not a cluster-eval document",
    );
    assert_refused(
        r#"{"format":"cluster-eval","version":99,"project":{},"tables":{}}"#,
        "newer",
    );
    assert_refused(r#"{"format":"cluster-eval","version":1}"#, "project");
}

#[test]
fn a_missing_file_or_no_arguments_exit_2() {
    let out = cli()
        .args(["compute", "/nonexistent/doc.json"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let out = cli().output().expect("run");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn extreme_magnitudes_never_give_infinity_or_nan() {
    let path = write_temp(
        "extreme.json",
        r#"{"format":"cluster-eval","version":1,
            "project":{"cost_total":1e-308,"cost_mif":1e-308,"social_benefits":1.7e308,"cluster_firms":1e-308},
            "tables":{"firms":"firm\tgroup\tyear\tsales\nA\tbeneficiary\t2019\t1e-300\nA\tbeneficiary\t2023\t1e300\nK\tcontrol\t2019\t1e-300\nK\tcontrol\t2023\t1e300\n"}}"#,
    );
    let out = cli().arg("compute").arg(&path).output().expect("run");
    assert!(out.status.success());
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    for indicator in printed["results"]["indicators"].as_array().expect("list") {
        let value = &indicator["value"];
        assert!(
            value.is_null() || value.as_f64().is_some_and(f64::is_finite),
            "{indicator}"
        );
        if value.is_null() {
            assert_ne!(indicator["status"], "met", "{indicator}");
        }
    }
}
