//! `cluster-eval portfolio … --id ID --by FACT [--json]` (v3, issue 23): the pooled
//! estimate of ID within each level of a project fact, the test for subgroup
//! differences and the portfolio's totals. The numbers are the library's
//! (`cluster_eval_engine::contexts::by_context`); this file only writes them.
//!
//! JSON: `{"id", "by", "levels": [{"level", "k", "pooled", "se", "low", "high",
//! "tau2", "i2", "projects": [{"file", "value", "low", "high"}]}], "q_between", "df",
//! "p", "totals": {"projects", "clusters", "countries", "cost_total": {CUR: sum},
//! "cost_mif": {CUR: sum}, "beneficiary_firms"}}`.

use cluster_eval_engine::portfolio::ByContext;
use serde_json::{json, Value};

/// The JSON object above; `files` are the documents' paths in portfolio order.
pub fn json(by: &ByContext, files: &[String]) -> String {
    let levels: Vec<Value> = by
        .levels
        .iter()
        .map(|l| {
            let projects: Vec<Value> = l
                .projects
                .iter()
                .map(|p| {
                    json!({
                        "file": files.get(p.index),
                        "value": p.value,
                        "low": p.low,
                        "high": p.high,
                    })
                })
                .collect();
            json!({
                "level": l.level,
                "k": l.k,
                "pooled": l.pooled,
                "se": l.se,
                "low": l.low,
                "high": l.high,
                "tau2": l.tau2,
                "i2": l.i2,
                "projects": projects,
            })
        })
        .collect();
    let value = json!({
        "id": by.id,
        "by": by.by.name(),
        "levels": levels,
        "q_between": by.q_between,
        "df": by.df,
        "p": by.p,
        "totals": by.totals,
    });
    format!("{value:#}\n")
}

/// Plain text: one line per level, the test, the totals.
pub fn text(by: &ByContext) -> String {
    let n = |x: Option<f64>| x.map_or("-".to_string(), |v| format!("{v:.4}"));
    let mut out = format!("{} by {}\n", by.id, by.by.name());
    for l in &by.levels {
        out.push_str(&format!(
            "  {}: {} pooled of {}, estimate {}, 95% interval {} to {}, tau² {}, I² {}\n",
            l.level,
            l.k,
            l.projects.len(),
            n(l.pooled),
            n(l.low),
            n(l.high),
            n(l.tau2),
            n(l.i2),
        ));
    }
    match (by.q_between, by.df, by.p) {
        (Some(q), Some(df), p) => out.push_str(&format!(
            "test for subgroup differences: Q = {q:.4}, df = {df}, p = {}\n",
            n(p)
        )),
        _ => out.push_str(
            "test for subgroup differences: fewer than 2 levels with a pooled estimate\n",
        ),
    }
    let t = &by.totals;
    let sums = |m: &std::collections::BTreeMap<String, f64>| {
        if m.is_empty() {
            "-".to_string()
        } else {
            m.iter()
                .map(|(c, v)| format!("{v:.2} {c}"))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    out.push_str(&format!(
        "totals: {} projects, {} clusters, {} countries, cost {}, MIF cost {}, {} beneficiary firms\n",
        t.projects,
        t.clusters,
        t.countries,
        sums(&t.cost_total),
        sums(&t.cost_mif),
        t.beneficiary_firms
    ));
    out
}
