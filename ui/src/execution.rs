//! Execution, as a programme officer checks it every quarter (footnote 10 of the seed:
//! "execution of planned activities" is a short-run goal): per year, the activities
//! done, planned and cancelled, and the money disbursed against the budget. Read from
//! the details of `short.activities_executed` (`by_year`: `[year, done, planned,
//! cancelled]`) and `short.disbursement_rate` (`by_year`: `[year, amount, budget]`).

use cluster_eval_types::Results;

/// One year of the execution table; `None` where that table has no row for the year.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExecutionYear {
    pub year: i32,
    /// Activities done, planned, cancelled.
    pub activities: Option<[u32; 3]>,
    /// Money disbursed, and budgeted.
    pub money: Option<[f64; 2]>,
}

pub const ACTIVITIES_ID: &str = "short.activities_executed";
pub const DISBURSEMENT_ID: &str = "short.disbursement_rate";

/// The rows of an indicator's `by_year` detail, each a list of numbers.
fn by_year(results: &Results, id: &str) -> Vec<Vec<f64>> {
    results
        .indicator(id)
        .and_then(|i| i.detail.get("by_year"))
        .and_then(|v| v.as_array())
        .map(|rows| {
            rows.iter()
                .filter_map(|row| {
                    let cells = row.as_array()?;
                    cells
                        .iter()
                        .map(|c| c.as_f64())
                        .collect::<Option<Vec<f64>>>()
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The year of a `by_year` row (a whole number).
fn year_of(v: f64) -> Option<i32> {
    (v.is_finite() && v.fract() == 0.0).then_some(v as i32)
}

/// The entry of `year`, added when absent.
fn entry(years: &mut Vec<ExecutionYear>, year: i32) -> &mut ExecutionYear {
    let at = match years.iter().position(|y| y.year == year) {
        Some(at) => at,
        None => {
            years.push(ExecutionYear {
                year,
                ..ExecutionYear::default()
            });
            years.len() - 1
        }
    };
    &mut years[at]
}

/// The execution table, by year; empty when neither table says anything.
pub fn execution_years(results: &Results) -> Vec<ExecutionYear> {
    let mut years: Vec<ExecutionYear> = Vec::new();
    let count = |v: f64| v.max(0.0) as u32;
    for row in by_year(results, ACTIVITIES_ID) {
        if let [year, done, planned, cancelled] = row[..] {
            if let Some(year) = year_of(year) {
                entry(&mut years, year).activities =
                    Some([count(done), count(planned), count(cancelled)]);
            }
        }
    }
    for row in by_year(results, DISBURSEMENT_ID) {
        if let [year, amount, budget] = row[..] {
            if let Some(year) = year_of(year) {
                entry(&mut years, year).money = Some([amount, budget]);
            }
        }
    }
    years.sort_by_key(|y| y.year);
    years
}

#[cfg(test)]
mod tests {
    use super::*;
    use cluster_eval_types::{Horizon, Indicator, Unit};

    fn with(id: &str, rows: serde_json::Value) -> Indicator {
        let mut i = Indicator::new(id, Horizon::Short, Unit::Share);
        i.detail.insert("by_year".into(), rows);
        i
    }

    #[test]
    fn years_of_both_tables_are_joined_in_order() {
        let results = Results {
            indicators: vec![
                with(
                    ACTIVITIES_ID,
                    serde_json::json!([[2020, 3, 1, 0], [2019, 2, 0, 1]]),
                ),
                with(
                    DISBURSEMENT_ID,
                    serde_json::json!([[2020, 50.0, 80.0], [2021, 0.0, 40.0]]),
                ),
            ],
            ..Results::default()
        };
        let years = execution_years(&results);
        assert_eq!(
            years.iter().map(|y| y.year).collect::<Vec<_>>(),
            [2019, 2020, 2021]
        );
        assert_eq!(years[0].activities, Some([2, 0, 1]));
        assert_eq!(years[0].money, None);
        assert_eq!(years[1].activities, Some([3, 1, 0]));
        assert_eq!(years[1].money, Some([50.0, 80.0]));
        assert_eq!(years[2].activities, None);
        assert!(execution_years(&Results::default()).is_empty());
    }
}
