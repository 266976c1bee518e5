//! The portfolio's data (SPEC, "Portfolio"): a project opened with its results
//! ([`Member`]), the portfolio table ([`Table`]: one [`Row`] per project, a
//! [`Summary`] per indicator) and the pooled estimate of one indicator ([`Pooled`]).
//! The engine's `portfolio` module computes them.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::document::Document;
use crate::results::{Results, Status, Unit};

/// One project of a portfolio: its document, its results, and the number of distinct
/// firms its firms table holds (rows read without error, every group).
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub document: Document,
    pub results: Results,
    pub firms: usize,
}

impl Member {
    /// The project's currency as compared across projects: trimmed, upper case.
    pub fn currency(&self) -> String {
        self.document.project.currency.trim().to_uppercase()
    }
}

/// A later document of the same content as an earlier one: shown, counted once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duplicate {
    /// The copy's position in the portfolio (0-based).
    pub index: usize,
    /// The position of the first document of that content.
    pub of: usize,
}

/// One project's value of one indicator. Everything is empty when the project's
/// results have no such indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    pub id: String,
    pub value: Option<f64>,
    pub unit: Option<Unit>,
    pub status: Option<Status>,
    pub ci: Option<[f64; 2]>,
}

/// One row of the portfolio table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// The project's position in the portfolio (0-based).
    pub index: usize,
    pub name: String,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub executing_agency: Option<String>,
    pub currency: String,
    pub baseline_year: Option<i32>,
    pub followup_year: Option<i32>,
    /// Distinct firms of the firms table.
    pub firms: usize,
    /// Set when this document is a copy of an earlier one (its position).
    pub copy_of: Option<usize>,
    /// One cell per chosen id, in the order chosen.
    pub cells: Vec<Cell>,
}

/// Projects by status, for one indicator. `absent`: the project's results have no
/// such indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StatusCounts {
    pub met: usize,
    pub not_met: usize,
    pub inconclusive: usize,
    pub insufficient_data: usize,
    pub reported: usize,
    pub absent: usize,
}

impl StatusCounts {
    /// The counts with their status codes, in the order above.
    pub fn pairs(&self) -> [(&'static str, usize); 6] {
        [
            ("met", self.met),
            ("not_met", self.not_met),
            ("inconclusive", self.inconclusive),
            ("insufficient_data", self.insufficient_data),
            ("reported", self.reported),
            ("absent", self.absent),
        ]
    }
}

/// The summary of one indicator over the portfolio (copies counted once).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub id: String,
    pub unit: Option<Unit>,
    pub counts: StatusCounts,
    /// Projects with a value.
    pub with_value: usize,
    /// The median value over every project with a value; empty for a currency-valued
    /// id whose projects are in different currencies.
    pub median: Option<f64>,
    pub mixed_currencies: bool,
}

/// The portfolio table.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub ids: Vec<String>,
    pub rows: Vec<Row>,
    pub summaries: Vec<Summary>,
    pub copies: Vec<Duplicate>,
}

/// The DerSimonian–Laird random-effects estimate (SPEC, "Portfolio").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Estimate {
    pub pooled: f64,
    pub se: f64,
    pub low: f64,
    pub high: f64,
    pub tau2: f64,
    pub i2: f64,
    pub q: f64,
    pub k: usize,
    /// v3: the Hartung–Knapp–Sidik–Jonkman interval,
    /// `pooled ± t(k−1) × sqrt(Σw*_i (x_i − pooled)² / ((k − 1) Σw*_i))`.
    #[serde(default)]
    pub hk_low: Option<f64>,
    #[serde(default)]
    pub hk_high: Option<f64>,
    /// v3: the 95% prediction interval `pooled ± t(k−2) × sqrt(τ² + se²)`, k ≥ 3.
    #[serde(default)]
    pub pi_low: Option<f64>,
    #[serde(default)]
    pub pi_high: Option<f64>,
    /// Each study's random-effects weight `w*_i`, in the order given.
    #[serde(skip)]
    pub weights: Vec<f64>,
}

/// Why a project is listed but not pooled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotPooled {
    /// The document is a copy of an earlier one (counted there).
    Copy,
    /// The project's results have no such indicator.
    Absent,
    NoValue,
    NoInterval,
    /// An end of the interval is missing (not a finite number).
    MissingEnd,
    /// The interval has zero width (or is reversed, or too narrow to weigh).
    ZeroWidth,
}

impl NotPooled {
    pub fn english(self) -> &'static str {
        match self {
            NotPooled::Copy => "a copy of another project",
            NotPooled::Absent => "no such indicator",
            NotPooled::NoValue => "no value",
            NotPooled::NoInterval => "no interval",
            NotPooled::MissingEnd => "an end of its interval is missing",
            NotPooled::ZeroWidth => "its interval has zero width",
        }
    }
}

/// One project's line of a pooled estimate (a line of the forest plot).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PoolLine {
    /// The project's position in the portfolio (0-based).
    pub index: usize,
    pub name: String,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// `(high − low) / 3.92`, for a pooled project.
    pub se: Option<f64>,
    /// The project's share of the random-effects weight (`w*_i / Σw*`), when pooled.
    pub weight: Option<f64>,
    pub pooled: bool,
    /// Why it is not pooled.
    pub reason: Option<NotPooled>,
    pub copy_of: Option<usize>,
}

/// The pooled estimate of one indicator over a portfolio.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pooled {
    pub id: String,
    pub unit: Option<Unit>,
    /// `None` with fewer than 2 pooled projects.
    pub estimate: Option<Estimate>,
    /// The number of projects pooled (those with a usable interval), even below 2.
    pub k: usize,
    /// v3: fewer than 5 projects pooled (the page says "few projects").
    #[serde(default)]
    pub few_projects: bool,
    pub projects: Vec<PoolLine>,
}

impl Pooled {
    /// `{"id", "pooled", "low", "high", "hk_low", "hk_high", "pi_low", "pi_high",
    /// "tau2", "i2", "k", "few_projects", "projects"}` (issue 15; v3 the HKSJ and
    /// prediction intervals, issue 25), the pooled numbers null with fewer than 2
    /// pooled projects (the prediction interval below 3).
    pub fn to_json(&self) -> Value {
        let e = self.estimate.as_ref();
        json!({
            "id": self.id,
            "pooled": e.map(|e| e.pooled),
            "low": e.map(|e| e.low),
            "high": e.map(|e| e.high),
            "hk_low": e.and_then(|e| e.hk_low),
            "hk_high": e.and_then(|e| e.hk_high),
            "pi_low": e.and_then(|e| e.pi_low),
            "pi_high": e.and_then(|e| e.pi_high),
            "tau2": e.map(|e| e.tau2),
            "i2": e.map(|e| e.i2),
            "k": self.k,
            "few_projects": self.few_projects,
            "projects": self.projects,
        })
    }
}

/// Why a pooled estimate is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum PoolError {
    /// A currency-valued id over projects in different currencies.
    #[error("{id} is an amount of money, and the projects are in different currencies ({}): amounts in different currencies cannot be pooled", .currencies.join(", "))]
    MixedCurrencies { id: String, currencies: Vec<String> },
}

/// v3: a project fact a portfolio can be compared by (SPEC, "Portfolio: totals and
/// contexts"). The free-text facts form one level per value as typed (trimmed); the
/// vocabulary facts one level per code; a blank fact is the level `unknown`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContextFact {
    Country,
    Sector,
    ExecutingAgency,
    SectorType,
    AreaType,
    AgencyType,
    /// From `cost_total` in USD ([`crate::context::CostBand`]).
    CostBand,
}

impl ContextFact {
    pub const ALL: [ContextFact; 7] = [
        ContextFact::Country,
        ContextFact::Sector,
        ContextFact::ExecutingAgency,
        ContextFact::SectorType,
        ContextFact::AreaType,
        ContextFact::AgencyType,
        ContextFact::CostBand,
    ];

    /// The fact's name (`sector_type`, `cost_band`…): the `--by` argument and the
    /// page's option value.
    pub fn name(self) -> &'static str {
        match self {
            ContextFact::Country => "country",
            ContextFact::Sector => "sector",
            ContextFact::ExecutingAgency => "executing_agency",
            ContextFact::SectorType => "sector_type",
            ContextFact::AreaType => "area_type",
            ContextFact::AgencyType => "agency_type",
            ContextFact::CostBand => "cost_band",
        }
    }

    pub fn from_name(name: &str) -> Option<ContextFact> {
        ContextFact::ALL
            .into_iter()
            .find(|f| f.name() == name.trim())
    }
}

/// The level of projects whose fact is blank (or, for `cost_band`, whose cost is
/// absent or not in USD).
pub const UNKNOWN_LEVEL: &str = "unknown";

/// One level of a comparison by context: DerSimonian–Laird over its pooled projects
/// (with one pooled project: its value, se and interval, τ² and I² null; with none:
/// every number null).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Level {
    /// The canonical code (`modern`, `under_150k`, `unknown`) or the value as typed.
    pub level: String,
    /// The projects pooled in this level.
    pub k: usize,
    pub pooled: Option<f64>,
    pub se: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub tau2: Option<f64>,
    pub i2: Option<f64>,
    /// Every project of the level (copies and projects without an interval listed,
    /// not pooled), in portfolio order.
    pub projects: Vec<PoolLine>,
}

/// The totals of a portfolio (copies counted once).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    pub projects: usize,
    /// Σ `clusters` (a project without the fact counts 1).
    pub clusters: i64,
    /// Distinct non-blank `country` (trimmed, case-insensitive).
    pub countries: usize,
    /// Σ `cost_total` per currency (trimmed, upper case; `(none)` when blank).
    pub cost_total: std::collections::BTreeMap<String, f64>,
    pub cost_mif: std::collections::BTreeMap<String, f64>,
    /// Σ distinct beneficiary firms (`short.participating_firms`).
    pub beneficiary_firms: usize,
}

/// The pooled estimate of one id by context, with the test for subgroup differences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ByContext {
    pub id: String,
    pub by: ContextFact,
    pub unit: Option<Unit>,
    pub levels: Vec<Level>,
    /// `Σ_g (θ_g − θ̄)² / se_g²` over the levels with a pooled estimate; null with
    /// fewer than 2 such levels.
    pub q_between: Option<f64>,
    /// Those levels − 1.
    pub df: Option<usize>,
    /// The upper tail of χ²(df) at `q_between`.
    pub p: Option<f64>,
    pub totals: Totals,
}
