//! v3, short run: execution of what was planned (SPEC, "Short run"; the seed's
//! footnote 10 names "execution of planned activities" as a short-run goal, and
//! programme officers check activities done against planned and money disbursed
//! against budget every quarter).
//!
//! - `short.activities_executed`: over the *activities* rows with a year in `[b, f]`,
//!   done / (done + planned + cancelled). Rows are counted, not distinct activity
//!   names (an activity planned in 2019 and done in 2020 is two rows). A blank status
//!   is done. Share, reported. insufficient_data without a `status` column, without
//!   years, or without rows in `[b, f]`. Detail: `done`, `planned`, `cancelled`,
//!   `rows`, `baseline_year`, `followup_year`, `by_year` (`[[year, done, planned,
//!   cancelled]]`).
//! - `short.disbursement_rate`: over the *subsidies* rows with a budget, Σ amount /
//!   Σ budget (a blank amount on such a row is 0: nothing disbursed yet). Share,
//!   reported; insufficient_data without a `budget` column or when Σ budget = 0.
//!   Detail: `amount`, `budget`, `rows`, `by_year` (`[[year, amount, budget]]`).
//!
//! Neither depends on the project facts, so both are computed with the panels (the
//! page's "core" computation) and not again when a fact changes.

use std::collections::BTreeMap;

use serde_json::Value;

use super::panels::num;
use crate::model::{ActivityStatus, Dataset, TableKind};
use crate::years::Years;
use cluster_eval_types::results::{Horizon, Indicator, Message, Status, Unit};

pub const ACTIVITIES_EXECUTED: &str = "short.activities_executed";
pub const DISBURSEMENT_RATE: &str = "short.disbursement_rate";

/// The two execution indicators, in the SPEC's order.
pub fn compute(data: &Dataset, years: Option<Years>) -> Vec<Indicator> {
    vec![activities_executed(data, years), disbursement_rate(data)]
}

fn activities_executed(data: &Dataset, years: Option<Years>) -> Indicator {
    let mut ind = Indicator::new(ACTIVITIES_EXECUTED, Horizon::Short, Unit::Share);
    if data.activities.is_empty() {
        ind.say(Message::TableEmpty {
            table: TableKind::Activities,
        });
        return ind;
    }
    // Without the column every status is None (a blank cell under it is Done).
    if data.activities.iter().all(|r| r.status.is_none()) {
        ind.say(Message::TableColumnMissing {
            table: TableKind::Activities,
            column: "status".into(),
        });
        return ind;
    }
    let Some(y) = years else {
        ind.say(Message::NoYears);
        return ind;
    };
    let (b, f) = (y.baseline, y.followup);
    ind.detail.insert("baseline_year".into(), b.into());
    ind.detail.insert("followup_year".into(), f.into());
    let mut by_year: BTreeMap<i32, [usize; 3]> = BTreeMap::new();
    for row in data.activities.iter().filter(|r| r.year >= b && r.year <= f) {
        let k = match row.status.unwrap_or(ActivityStatus::Done) {
            ActivityStatus::Done => 0,
            ActivityStatus::Planned => 1,
            ActivityStatus::Cancelled => 2,
        };
        by_year.entry(row.year).or_default()[k] += 1;
    }
    let mut totals = [0usize; 3];
    for counts in by_year.values() {
        for (t, c) in totals.iter_mut().zip(counts) {
            *t += c;
        }
    }
    let rows: usize = totals.iter().sum();
    let d = &mut ind.detail;
    d.insert("done".into(), totals[0].into());
    d.insert("planned".into(), totals[1].into());
    d.insert("cancelled".into(), totals[2].into());
    d.insert("rows".into(), rows.into());
    let series: Vec<Value> = by_year
        .iter()
        .map(|(year, [done, planned, cancelled])| {
            Value::from(vec![
                Value::from(*year),
                (*done).into(),
                (*planned).into(),
                (*cancelled).into(),
            ])
        })
        .collect();
    d.insert("by_year".into(), Value::Array(series));
    ind.n = rows;
    if rows == 0 {
        ind.say(Message::NoActivitiesInYears {
            baseline: b,
            followup: f,
        });
        return ind;
    }
    ind.value = Some(totals[0] as f64 / rows as f64);
    ind.status = Status::Reported;
    ind.say(Message::ActivitiesCounted {
        rows,
        baseline: b,
        followup: f,
    });
    ind
}

fn disbursement_rate(data: &Dataset) -> Indicator {
    let mut ind = Indicator::new(DISBURSEMENT_RATE, Horizon::Short, Unit::Share);
    let budgeted: Vec<(i32, f64, f64)> = data
        .subsidies
        .iter()
        .filter_map(|r| {
            let budget = r.budget.filter(|b| b.is_finite())?;
            let amount = r.amount.filter(|a| a.is_finite()).unwrap_or(0.0);
            Some((r.year, amount, budget))
        })
        .collect();
    if budgeted.is_empty() {
        ind.say(if data.subsidies.is_empty() {
            Message::TableEmpty {
                table: TableKind::Subsidies,
            }
        } else {
            Message::TableColumnMissing {
                table: TableKind::Subsidies,
                column: "budget".into(),
            }
        });
        return ind;
    }
    let mut by_year: BTreeMap<i32, (f64, f64)> = BTreeMap::new();
    let (mut amount, mut budget) = (0.0, 0.0);
    for (year, a, b) in &budgeted {
        amount += a;
        budget += b;
        let e = by_year.entry(*year).or_insert((0.0, 0.0));
        e.0 += a;
        e.1 += b;
    }
    let d = &mut ind.detail;
    d.insert("amount".into(), num(amount));
    d.insert("budget".into(), num(budget));
    d.insert("rows".into(), budgeted.len().into());
    let series: Vec<Value> = by_year
        .into_iter()
        .map(|(y, (a, b))| Value::Array(vec![y.into(), num(a), num(b)]))
        .collect();
    d.insert("by_year".into(), Value::Array(series));
    ind.n = budgeted.len();
    if budget <= 0.0 {
        ind.say(Message::BudgetZero);
        return ind;
    }
    ind.value = Some(amount / budget);
    ind.status = Status::Reported;
    ind.say(Message::DisbursementCounted {
        rows: budgeted.len(),
    });
    ind
}
