//! Baseline and follow-up years (SPEC, "Computation: Years").

use cluster_eval_types::document::Project;
use crate::model::FirmsTable;

/// The two years every before/after indicator compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Years {
    pub baseline: i32,
    pub followup: i32,
}

impl Years {
    /// Number of years between baseline and follow-up (> 0).
    pub fn span(self) -> i32 {
        self.followup - self.baseline
    }
}

/// Why the years could not be settled (worded by `Message::YearsNoData` and
/// `Message::YearsNotBefore`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearsError {
    /// No year set in the project and no valid row in the firms table to take it from.
    NoData,
    /// The baseline is not before the follow-up: an input error.
    NotBefore { baseline: i32, followup: i32 },
}

/// Baseline = `baseline_year`, else the earliest year in *firms*; follow-up =
/// `followup_year`, else the latest.
pub fn resolve(project: &Project, firms: &FirmsTable) -> Result<Years, YearsError> {
    let earliest = firms.rows.iter().map(|r| r.year).min();
    let latest = firms.rows.iter().map(|r| r.year).max();
    let baseline = project
        .baseline_year
        .or(earliest)
        .ok_or(YearsError::NoData)?;
    let followup = project.followup_year.or(latest).ok_or(YearsError::NoData)?;
    if baseline >= followup {
        return Err(YearsError::NotBefore { baseline, followup });
    }
    Ok(Years { baseline, followup })
}
