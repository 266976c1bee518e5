//! "How it was computed" as text: the formula of an indicator with its actual numbers,
//! and every number it came from (the engine's `detail`), in the reader's language.
//! The page's `components::how` lays these lines out.

use cluster_eval_types::{Family, Indicator, IndicatorId};
use serde_json::{Map, Value};

use crate::detail_names;
use crate::format::num;
use crate::i18n::{tf, Lang};

/// A number of the detail by its path of keys (`["groups", "control", "growth"]`).
/// The formulas name the numbers they show as the "how it was computed" list does,
/// by their keys in the document; what the page reads to say something (evidence,
/// event study, series, proposals…) comes typed ([`cluster_eval_types::detail`]).
fn get(detail: &Map<String, Value>, path: &[&str]) -> Option<f64> {
    let mut value = detail.get(path[0])?;
    for key in &path[1..] {
        value = value.get(key)?;
    }
    value.as_f64()
}

/// The formula lines of an indicator, numbers filled in.
pub fn formula(lang: Lang, i: &Indicator) -> Vec<String> {
    let d = &i.detail;
    let n = |v: f64| num(lang, v);
    let value = i.value.map(n).unwrap_or_else(|| "—".into());
    let mut lines = Vec::new();
    let head = i.detail_head();
    let method = head.method.as_deref().unwrap_or("");
    if let Some(design) = design_lines(lang, i, &value) {
        lines.extend(design);
    } else if let Some(versus) = head.versus.as_deref() {
        let group = head.group.as_deref().unwrap_or("");
        let g = get(d, &["groups", group, "growth"]);
        let c = get(d, &["groups", versus, "growth"]);
        if let (Some(g), Some(c)) = (g, c) {
            lines.push(tf(
                lang,
                "how.difference",
                &[("g", n(g)), ("c", n(c)), ("value", value.clone())],
            ));
        }
        if let Some(did) = get(d, &["did", "value"]) {
            lines.push(tf(lang, "how.did", &[("value", n(did))]));
        }
        if let Some(reps) = get(d, &["bootstrap", "reps"]) {
            let seed = get(d, &["bootstrap", "seed"]).unwrap_or(0.0);
            if let Some(p) = get(d, &["pre_year"]) {
                let b = get(d, &["baseline_year"]).unwrap_or(0.0);
                lines.push(tf(
                    lang,
                    "how.pretrend_years",
                    &[("p", format!("{p}")), ("b", format!("{b}"))],
                ));
            }
            lines.push(tf(
                lang,
                "how.bootstrap",
                &[("reps", format!("{reps}")), ("seed", format!("{seed}"))],
            ));
        }
    } else if method == "labour_productivity" {
        if let (Some(ob), Some(eb), Some(of), Some(ef)) = (
            get(d, &["output_b"]),
            get(d, &["employment_b"]),
            get(d, &["output_f"]),
            get(d, &["employment_f"]),
        ) {
            lines.push(tf(
                lang,
                "how.productivity",
                &[
                    ("ob", n(ob)),
                    ("eb", n(eb)),
                    ("of", n(of)),
                    ("ef", n(ef)),
                    ("value", value.clone()),
                ],
            ));
        }
    } else if let (Some(yb), Some(yf)) = (get(d, &["y_b"]), get(d, &["y_f"])) {
        lines.push(tf(
            lang,
            "how.growth",
            &[("yb", n(yb)), ("yf", n(yf)), ("value", value.clone())],
        ));
        if let (Some(cagr), Some(years)) = (get(d, &["cagr"]), get(d, &["years"])) {
            lines.push(tf(
                lang,
                "how.cagr",
                &[("years", format!("{years}")), ("value", n(cagr))],
            ));
        }
    } else if let (Some(gl), Some(gn)) = (get(d, &["g_local"]), get(d, &["g_national"])) {
        lines.push(tf(
            lang,
            "how.gdp",
            &[("l", n(gl)), ("n", n(gn)), ("value", value.clone())],
        ));
    } else if let (Some(sb), Some(sf)) = (get(d, &["share_b"]), get(d, &["share_f"])) {
        lines.push(tf(
            lang,
            "how.share",
            &[("b", n(sb)), ("f", n(sf)), ("value", value.clone())],
        ));
    } else if let (Some(b), Some(f)) = (get(d, &["workers_b"]), get(d, &["workers_f"])) {
        lines.push(tf(
            lang,
            "how.jobs",
            &[("b", n(b)), ("f", n(f)), ("value", value.clone())],
        ));
    } else if let (Some(gb), Some(gf)) = (get(d, &["gap_b"]), get(d, &["gap_f"])) {
        lines.push(tf(lang, "how.wage_gap", &[("b", n(gb)), ("f", n(gf))]));
    } else if let (Some(g), Some(all)) = (get(d, &["growth"]), get(d, &["all_growth"])) {
        lines.push(tf(
            lang,
            "how.difference",
            &[("g", n(g)), ("c", n(all)), ("value", value.clone())],
        ));
    } else if let Some(benefits) = get(d, &["social_benefits"]) {
        if let Some(cost) = get(d, &["cost_total"]).or_else(|| get(d, &["cost_mif"])) {
            lines.push(tf(
                lang,
                "how.return",
                &[("b", n(benefits)), ("c", n(cost)), ("value", value.clone())],
            ));
        }
    } else if let (Some(b), Some(f)) = (get(d, &["count_b"]), get(d, &["count_f"])) {
        lines.push(tf(
            lang,
            "how.count",
            &[("b", n(b)), ("f", n(f)), ("value", value.clone())],
        ));
    }
    if let Some(target) = get(d, &["target"]) {
        lines.push(tf(lang, "how.target", &[("target", n(target))]));
    }
    lines
}

/// The lines of the design checks, the costs and the jobs in firms gone (issue 13),
/// or `None` for another indicator.
fn design_lines(lang: Lang, i: &Indicator, value: &str) -> Option<Vec<String>> {
    let d = &i.detail;
    let n = |v: f64| num(lang, v);
    let value = || ("value", value.to_string());
    let line = match IndicatorId::parse(&i.id).family() {
        Family::Balance { group, .. } => {
            let side = if group == "cluster" {
                "cluster"
            } else {
                "beneficiary"
            };
            let (mg, sg) = (
                get(d, &["groups", side, "mean"])?,
                get(d, &["groups", side, "sd"])?,
            );
            let (mc, sc) = (
                get(d, &["groups", "control", "mean"])?,
                get(d, &["groups", "control", "sd"])?,
            );
            vec![tf(
                lang,
                "how.balance",
                &[
                    ("mg", n(mg)),
                    ("mc", n(mc)),
                    ("sg", n(sg)),
                    ("sc", n(sc)),
                    value(),
                ],
            )]
        }
        Family::Attrition("differential") => {
            let (b, c) = (get(d, &["beneficiary"])?, get(d, &["control"])?);
            vec![tf(
                lang,
                "how.attrition_differential",
                &[("b", n(b)), ("c", n(c)), value()],
            )]
        }
        Family::Attrition(_) => {
            let (gone, firms) = (get(d, &["gone"])?, get(d, &["firms_b"])?);
            let mut out = vec![tf(
                lang,
                "how.attrition",
                &[("gone", n(gone)), ("firms", n(firms)), value()],
            )];
            if let Some(jobs) = get(d, &["employment_b_gone"]) {
                out.push(tf(lang, "how.attrition_jobs", &[("jobs", n(jobs))]));
            }
            out
        }
        Family::Single("cost_per_job") => {
            let cost = get(d, &["cost_total"])?;
            let (eb, ef) = (get(d, &["employment_b"])?, get(d, &["employment_f"])?);
            vec![tf(
                lang,
                "how.cost_per_job",
                &[("cost", n(cost)), ("eb", n(eb)), ("ef", n(ef)), value()],
            )]
        }
        Family::Single("cost_per_additional_job") => {
            let cost = get(d, &["cost_total"])?;
            let eb = get(d, &["employment_b"])?;
            let (gb, gc) = (
                get(d, &["growth_beneficiary"])?,
                get(d, &["growth_control"])?,
            );
            vec![tf(
                lang,
                "how.cost_per_additional_job",
                &[
                    ("cost", n(cost)),
                    ("eb", n(eb)),
                    ("gb", n(gb)),
                    ("gc", n(gc)),
                    value(),
                ],
            )]
        }
        Family::Single("cost_per_beneficiary_firm") => {
            let (cost, firms) = (get(d, &["cost_total"])?, get(d, &["firms"])?);
            vec![tf(
                lang,
                "how.cost_per_firm",
                &[("cost", n(cost)), ("firms", n(firms)), value()],
            )]
        }
        Family::Single("exited_firms_jobs") => {
            let year = |k: &str| get(d, &[k]).map(|y| format!("{y}"));
            vec![tf(
                lang,
                "how.exited",
                &[
                    ("b", year("baseline_year")?),
                    ("f", year("followup_year")?),
                    ("gone", n(get(d, &["gone"])?)),
                    ("firms", n(get(d, &["firms_b"])?)),
                    value(),
                ],
            )]
        }
        _ => return None,
    };
    Some(line)
}

/// The scalar entries of the detail (nested objects one level down), for the list of
/// numbers; long lists (firm ids, series) are summarised. This one walks the map
/// itself, not a typed view: it shows the document as it is, every key by its name,
/// including keys no struct of [`cluster_eval_types::detail`] names.
pub fn entries(lang: Lang, detail: &Map<String, Value>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (key, value) in detail {
        match value {
            // The event study has its own chart, the caveat and a missing
            // denominator's reason are worded where the result is read.
            _ if matches!(key.as_str(), "event" | "caveat" | "denominator_note") => {}
            // The pre-trend's years (`[t, value, low, high]`, v3) are an event study too.
            Value::Array(_) if key == "years" => {}
            Value::Object(inner) if key != "series" && key != "items" => {
                for (k, v) in inner {
                    if let Some(text) = scalar(lang, k, v) {
                        out.push((format!("{key}.{k}"), text));
                    } else if let Value::Object(deeper) = v {
                        for (k2, v2) in deeper {
                            if let Some(text) = scalar(lang, k2, v2) {
                                out.push((format!("{key}.{k}.{k2}"), text));
                            }
                        }
                    }
                }
            }
            // The proposals of the screening have their own table.
            Value::Array(items) if key != "series" && key != "proposals" => {
                let shown: Vec<String> = items
                    .iter()
                    .take(12)
                    .filter_map(|v| scalar(lang, key, v))
                    .collect();
                let more = items.len().saturating_sub(12);
                let mut text = shown.join(", ");
                if more > 0 {
                    text.push_str(&format!(" … (+{more})"));
                }
                out.push((key.clone(), text));
            }
            _ => {
                if let Some(text) = scalar(lang, key, value) {
                    out.push((key.clone(), text));
                }
            }
        }
    }
    out
}

/// A detail value as shown. Years (by their key: `baseline_year`, `years`…) are
/// written bare; every other number in the reader's convention (an employment of
/// 1146 was taken for a year and lost its thousands mark beside the formula's).
fn scalar(lang: Lang, key: &str, value: &Value) -> Option<String> {
    let is_year = key.ends_with("year") || key.ends_with("years");
    match value {
        Value::Number(n) => n.as_f64().map(|v| {
            if is_year && v.fract() == 0.0 {
                format!("{v}")
            } else {
                num(lang, v)
            }
        }),
        Value::String(s) => Some(detail_names::value(lang, s)),
        Value::Bool(b) => Some(detail_names::value(lang, if *b { "true" } else { "false" })),
        Value::Null => Some("—".into()),
        _ => None,
    }
}
