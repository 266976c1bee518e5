//! Short run (Annex II: monitoring during implementation).
//!
//! - `short.institutional_arrangement`, `short.strategic_plan`: yes → 1 (met), no → 0
//!   (not_met), unknown → insufficient_data. Unit `boolean`.
//! - `short.participating_firms`: distinct beneficiary firms over every year of the
//!   firms table (valid rows only). Detail: `firms` (the ids, up to 1,000 ids are
//!   listed), `years`.
//! - `short.participation_share`: that number / `cluster_firms`, else / the distinct
//!   cluster firms (B ∪ cluster) of the firms table. Detail: `participating`,
//!   `denominator`, `source` (`cluster_firms` or `firms_table`).
//! - `short.subsidies_total`: Σ `amount` of *subsidies*; detail `by_year`
//!   (`[[year, amount]]`, ascending), `by_component` (`[[component or null, amount]]`,
//!   in order of first appearance), `rows` (rows with an amount), `currency`.
//!
//! These do not need the baseline and follow-up years.

use std::collections::BTreeMap;

use serde_json::Value;

use super::firms::FirmIndex;
use super::panels::num;
use super::panels::Side;
use cluster_eval_types::detail::{to_map, Participation};
use cluster_eval_types::document::{Project, YesNoUnknown};
use crate::model::{Dataset, Group, TableKind};
use cluster_eval_types::results::{Horizon, Indicator, Message, Status, Unit};

pub fn short(project: &Project, data: &Dataset, index: &FirmIndex<'_>) -> Vec<Indicator> {
    let (participating, participants) = participating_firms(data, index);
    vec![
        fact(
            "short.institutional_arrangement",
            "institutional_arrangement",
            project.institutional_arrangement,
        ),
        fact(
            "short.strategic_plan",
            "strategic_plan_consensus",
            project.strategic_plan_consensus,
        ),
        participants,
        participation_share(project, data, index, participating),
        subsidies_total(project, data),
    ]
}

fn fact(id: &str, field: &str, answer: YesNoUnknown) -> Indicator {
    let mut ind = Indicator::new(id, Horizon::Short, Unit::Boolean);
    ind.detail
        .insert("answer".into(), answer_text(answer).into());
    match answer {
        YesNoUnknown::Yes => {
            ind.value = Some(1.0);
            ind.status = Status::Met;
        }
        YesNoUnknown::No => {
            ind.value = Some(0.0);
            ind.status = Status::NotMet;
        }
        YesNoUnknown::Unknown => ind.say(Message::FactUnknown {
            field: field.into(),
        }),
    }
    ind
}

fn answer_text(answer: YesNoUnknown) -> &'static str {
    match answer {
        YesNoUnknown::Yes => "yes",
        YesNoUnknown::No => "no",
        YesNoUnknown::Unknown => "unknown",
    }
}

/// Most firm ids listed in `detail.firms` (the count is always exact).
const MAX_LISTED: usize = 1000;

fn participating_firms(data: &Dataset, index: &FirmIndex<'_>) -> (usize, Indicator) {
    let mut ind = Indicator::new("short.participating_firms", Horizon::Short, Unit::Count);
    if data.firms.rows.is_empty() {
        ind.say(Message::TableEmpty {
            table: TableKind::Firms,
        });
        return (0, ind);
    }
    let firms: Vec<&str> = index.distinct(&[Group::Beneficiary]).collect();
    let years: std::collections::BTreeSet<i32> = data
        .firms
        .rows
        .iter()
        .filter(|r| r.group == Group::Beneficiary)
        .map(|r| r.year)
        .collect();
    ind.value = Some(firms.len() as f64);
    ind.n = firms.len();
    ind.status = Status::Reported;
    ind.detail.insert(
        "firms".into(),
        Value::from(firms.iter().take(MAX_LISTED).copied().collect::<Vec<_>>()),
    );
    ind.detail.insert(
        "years".into(),
        Value::from(years.into_iter().collect::<Vec<_>>()),
    );
    if !data.firms.group_column_present {
        ind.detail
            .insert("all_rows_beneficiary".into(), true.into());
    }
    (firms.len(), ind)
}

fn participation_share(
    project: &Project,
    data: &Dataset,
    index: &FirmIndex<'_>,
    participating: usize,
) -> Indicator {
    let mut ind = Indicator::new("short.participation_share", Horizon::Short, Unit::Share);
    let declared = project.cluster_firms.filter(|v| v.is_finite() && *v > 0.0);
    let (denominator, source) = match declared {
        Some(d) => (d, "cluster_firms"),
        None => {
            if data.firms.rows.is_empty() {
                ind.say(Message::TableEmpty {
                    table: TableKind::Firms,
                });
                return ind;
            }
            let k = index.distinct(Side::Cluster.groups()).count();
            (k as f64, "firms_table")
        }
    };
    ind.n = participating;
    ind.detail.extend(to_map(&Participation {
        participating,
        denominator,
        source: source.into(),
    }));
    if denominator <= 0.0 {
        ind.say(Message::NoGroup {
            group: Side::Cluster,
        });
        return ind;
    }
    let value = participating as f64 / denominator;
    ind.value = Some(value);
    ind.status = Status::Reported;
    if value > 1.0 {
        ind.say(Message::ShareAboveOne {
            participating,
            denominator,
        });
    } else {
        ind.say(Message::ShareDenominator {
            source: source.into(),
            denominator,
        });
    }
    ind
}

fn subsidies_total(project: &Project, data: &Dataset) -> Indicator {
    let mut ind = Indicator::new("short.subsidies_total", Horizon::Short, Unit::Currency);
    ind.detail
        .insert("currency".into(), project.currency.clone().into());
    let rows: Vec<_> = data
        .subsidies
        .iter()
        .filter_map(|r| Some((r, r.amount.filter(|a| a.is_finite())?)))
        .collect();
    if rows.is_empty() {
        ind.say(Message::TableEmpty {
            table: TableKind::Subsidies,
        });
        return ind;
    }
    let mut by_year: BTreeMap<i32, f64> = BTreeMap::new();
    let mut by_component: Vec<(Option<&str>, f64)> = Vec::new();
    let mut total = 0.0;
    for (row, amount) in &rows {
        total += amount;
        *by_year.entry(row.year).or_insert(0.0) += amount;
        let component = row
            .component
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty());
        match by_component.iter_mut().find(|(c, _)| *c == component) {
            Some(entry) => entry.1 += amount,
            None => by_component.push((component, *amount)),
        }
    }
    ind.value = Some(total);
    ind.n = rows.len();
    ind.status = Status::Reported;
    let by_year: Vec<Value> = by_year
        .into_iter()
        .map(|(y, a)| Value::Array(vec![y.into(), num(a)]))
        .collect();
    let by_component: Vec<Value> = by_component
        .into_iter()
        .map(|(c, a)| Value::Array(vec![c.map(Value::from).unwrap_or(Value::Null), num(a)]))
        .collect();
    ind.detail.insert("by_year".into(), Value::Array(by_year));
    ind.detail
        .insert("by_component".into(), Value::Array(by_component));
    ind.detail.insert("rows".into(), rows.len().into());
    ind
}
