//! v3: a portfolio by context (issue 23): the library against hand-computed numbers,
//! and `cluster-eval portfolio --id ID --by FACT --json` against the library.

use std::process::Command;

use cluster_eval_engine::contexts::{by_context, chi2_upper, totals};
use cluster_eval_engine::portfolio::{self, ContextFact, Member};
use cluster_eval_engine::synth::firms_tsv_seeded;
use cluster_eval_engine::{
    AgencyType, Document, Horizon, Indicator, Results, SectorType, Status, Unit,
};

const ID: &str = "long.beneficiaries.sales.vs_control";

/// A project whose results hold `ID` with `value` and `ci`, and 10 beneficiary firms.
fn member(
    name: &str,
    country: &str,
    sector: Option<SectorType>,
    value: f64,
    ci: [f64; 2],
) -> Member {
    let mut document = Document::new(name);
    document.project.currency = "USD".into();
    document.project.country = Some(country.into());
    document.project.sector_type = sector;
    document.project.cost_total = Some(200_000.0);
    document.project.cost_mif = Some(100_000.0);
    let mut ind = Indicator::new(ID, Horizon::Long, Unit::Ratio);
    ind.value = Some(value);
    ind.ci = Some(ci);
    ind.status = Status::Inconclusive;
    let mut firms = Indicator::new("short.participating_firms", Horizon::Short, Unit::Count);
    firms.value = Some(10.0);
    let results = Results {
        indicators: vec![ind, firms],
        ..Results::default()
    };
    Member {
        document,
        results,
        firms: 10,
    }
}

fn close(x: Option<f64>, want: f64) {
    let x = x.expect("a number");
    assert!((x - want).abs() < 1e-9, "{x} != {want}");
}

#[test]
fn levels_pooled_by_hand_and_the_subgroup_test() {
    // se = (high − low) / 3.92: A and B 0.1, C 0.05.
    let mut members = vec![
        member(
            "A",
            "Nicaragua",
            Some(SectorType::Modern),
            0.2,
            [0.004, 0.396],
        ),
        member(
            "B",
            "Honduras",
            Some(SectorType::Modern),
            0.4,
            [0.204, 0.596],
        ),
        member(
            "C",
            "nicaragua ",
            Some(SectorType::Traditional),
            0.1,
            [0.002, 0.198],
        ),
        member("D", "", None, 0.3, [0.3, 0.3]),
    ];
    members[1].document.project.clusters = Some(3);
    let by = by_context(&members, ID, ContextFact::SectorType).expect("pooled");
    let names: Vec<&str> = by.levels.iter().map(|l| l.level.as_str()).collect();
    assert_eq!(names, ["modern", "traditional", "unknown"]);
    // Modern: w = 100 each, x̄ = 0.3, Q = 2, C = 200 − 20000/200 = 100, τ² = 0.01,
    // w* = 50 each: pooled 0.3, se 0.1, I² = (2 − 1)/2 = 0.5.
    let m = &by.levels[0];
    assert_eq!(m.k, 2);
    close(m.pooled, 0.3);
    close(m.se, 0.1);
    close(m.tau2, 0.01);
    close(m.i2, 0.5);
    close(m.low, 0.3 - 0.196);
    // Traditional: one project: its value and se, no τ² or I².
    let t = &by.levels[1];
    assert_eq!(t.k, 1);
    close(t.pooled, 0.1);
    close(t.se, 0.05);
    assert_eq!(t.tau2, None);
    // Unknown: D has a zero-width interval: listed, not pooled, no estimate.
    let u = &by.levels[2];
    assert_eq!((u.k, u.projects.len(), u.pooled), (0, 1, None));
    // Q_between: weights 100 and 400, θ̄ = 70/500 = 0.14,
    // Q = 100 × 0.16² + 400 × 0.04² = 3.2, df 1, p = erfc(√1.6) = 0.0736383.
    close(by.q_between, 3.2);
    assert_eq!(by.df, Some(1));
    close(by.p, 0.073_638_270_120_302_66);
    // Totals: 4 projects, clusters 1 + 3 + 1 + 1, countries Nicaragua and Honduras
    // (trimmed, any case), costs per currency, 4 × 10 beneficiary firms.
    let t = &by.totals;
    assert_eq!((t.projects, t.clusters, t.countries), (4, 6, 2));
    assert_eq!(t.cost_total.get("USD"), Some(&800_000.0));
    assert_eq!(t.cost_mif.get("USD"), Some(&400_000.0));
    assert_eq!(t.beneficiary_firms, 40);
    // One level with an estimate: no test.
    let by = by_context(&members[..2], ID, ContextFact::SectorType).expect("pooled");
    assert_eq!((by.q_between, by.df, by.p), (None, None, None));
    // Free-text facts are levels as typed, trimmed.
    let by = by_context(&members, ID, ContextFact::Country).expect("pooled");
    let names: Vec<&str> = by.levels.iter().map(|l| l.level.as_str()).collect();
    assert_eq!(names, ["Nicaragua", "Honduras", "nicaragua", "unknown"]);
    // Cost bands: every project is 150k–500k.
    let by = by_context(&members, ID, ContextFact::CostBand).expect("pooled");
    assert_eq!(by.levels[0].level, "150k_500k");
    assert_eq!(totals(&members).projects, 4);
    assert!((chi2_upper(3.2, 1.0).unwrap_or(0.0) - 0.073_638_27).abs() < 1e-8);
}

#[test]
fn the_command_line_prints_levels_test_and_totals() {
    let dir = std::env::temp_dir().join(format!("cluster-eval-by-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let agencies = [
        Some(AgencyType::Public),
        Some(AgencyType::Private),
        Some(AgencyType::Public),
        None,
    ];
    let mut paths = Vec::new();
    let mut members = Vec::new();
    for (i, agency) in agencies.into_iter().enumerate() {
        let mut doc = Document::new(&format!("P{i}"));
        doc.project.currency = "USD".into();
        doc.project.agency_type = agency;
        doc.project.country = Some(format!("Country {}", i % 2));
        doc.project.cost_total = Some(100_000.0 * (i + 1) as f64);
        doc.settings.bootstrap_reps = 200;
        doc.tables.firms = firms_tsv_seeded(60, 11 + i as u64);
        let path = dir.join(format!("p{i}.json"));
        std::fs::write(&path, doc.to_json()).expect("write");
        paths.push(path.to_string_lossy().into_owned());
        members.push(portfolio::member(doc));
    }
    let out = Command::new(env!("CARGO_BIN_EXE_cluster-eval"))
        .args(["portfolio", "--id", ID, "--by", "agency_type", "--json"])
        .args(&paths)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let want = by_context(&members, ID, ContextFact::AgencyType).expect("pooled");
    assert_eq!(json["id"], ID);
    assert_eq!(json["by"], "agency_type");
    let levels = json["levels"].as_array().expect("levels");
    let names: Vec<&str> = levels.iter().filter_map(|l| l["level"].as_str()).collect();
    assert_eq!(names, ["public", "private", "unknown"]);
    for (got, want) in levels.iter().zip(&want.levels) {
        assert_eq!(got["k"], want.k);
        assert_eq!(got["pooled"].as_f64(), want.pooled);
        assert_eq!(got["low"].as_f64(), want.low);
        assert_eq!(
            got["projects"].as_array().map(Vec::len),
            Some(want.projects.len())
        );
        for (p, w) in got["projects"]
            .as_array()
            .into_iter()
            .flatten()
            .zip(&want.projects)
        {
            assert_eq!(p["file"].as_str(), Some(paths[w.index].as_str()));
            assert_eq!(p["value"].as_f64(), w.value);
        }
    }
    assert_eq!(json["q_between"].as_f64(), want.q_between);
    assert_eq!(json["p"].as_f64(), want.p);
    assert_eq!(json["df"].as_u64().map(|d| d as usize), want.df);
    let totals = &json["totals"];
    assert_eq!(totals["projects"], 4);
    assert_eq!(totals["clusters"], 4);
    assert_eq!(totals["countries"], 2);
    assert_eq!(totals["cost_total"]["USD"], 1_000_000.0);
    assert!(totals["cost_mif"].as_object().is_some_and(|m| m.is_empty()));
    assert!(totals["beneficiary_firms"].as_u64().is_some_and(|n| n > 0));

    // Refusals: an unknown fact; --by without --id.
    let bad = Command::new(env!("CARGO_BIN_EXE_cluster-eval"))
        .args(["portfolio", "--id", ID, "--by", "planet", "--json"])
        .args(&paths)
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("sector_type"));
    let bad = Command::new(env!("CARGO_BIN_EXE_cluster-eval"))
        .args(["portfolio", "--by", "sector_type"])
        .args(&paths)
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(2));
    // Without --by the output is today's: the pooled object, no levels.
    let plain = Command::new(env!("CARGO_BIN_EXE_cluster-eval"))
        .args(["portfolio", "--id", ID, "--json"])
        .args(&paths)
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&plain.stdout).expect("JSON");
    assert!(json.get("levels").is_none() && json.get("pooled").is_some());
    let _ = std::fs::remove_dir_all(&dir);
}
