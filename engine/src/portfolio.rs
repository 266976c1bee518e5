//! The portfolio: several computed projects side by side (SPEC, "Portfolio").
//!
//! Each project is a document computed exactly as when it is opened alone
//! ([`member`]). From them: the table ([`table`]) — one row per project with
//! its facts (name, country, sector, executing agency, years, distinct firms) and, per
//! chosen indicator id, each project's value, status and interval, with a summary per
//! indicator (projects by status, the median value) — and, for one id, the pooled
//! estimate ([`pool`]): DerSimonian–Laird random effects over the projects that have
//! an interval ([`dersimonian_laird`]), with, for few projects (v3), the
//! Hartung–Knapp–Sidik–Jonkman interval ([`hartung_knapp`]) and the prediction interval
//! ([`prediction`]), both with quantiles of Student's t ([`student_t`]).
//!
//! Two rules of this module the SPEC does not state (see `docs/portfolio.md`):
//! - **Copies.** Two documents of the same content (everything but their `results`
//!   and the project's `name`) are one project opened twice: both rows are shown, the
//!   later one marked a copy of the first ([`Duplicate`]), and it is counted once — left out
//!   of the summaries, the medians and the pooling.
//! - **Currencies.** Pooling a currency-valued id across projects of different
//!   `project.currency` is refused ([`PoolError::MixedCurrencies`]); the median of such
//!   an id is left empty (`mixed_currencies`). Ratios and shares are pooled whatever
//!   the currencies.

pub mod student_t;

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use rustc_hash::FxHashSet;

use cluster_eval_types::document::{Document, Project};
use cluster_eval_types::results::{Indicator, Results, Status, Unit};

use crate::compute::{compute_from_reads, read_document_table};
use crate::model::TableKind;
use crate::read::{TableRead, TableRows};

pub use cluster_eval_types::portfolio::{
    Cell, Duplicate, Estimate, Member, NotPooled, PoolError, PoolLine, Pooled, Row, StatusCounts,
    Summary, Table,
};
// v3: the types of a portfolio by context (computed in `crate::contexts`).
pub use cluster_eval_types::portfolio::{ByContext, ContextFact, Level, Totals, UNKNOWN_LEVEL};

/// The indicators a portfolio shows when none are chosen (issue 15): the
/// beneficiaries' and the cluster's `vs_control` comparisons, the design checks'
/// verdicts, the women's and unskilled workers' shares, participation and the return
/// per dollar. Ids no project has are left out by [`default_ids`].
pub const DEFAULT_IDS: [&str; 14] = [
    "long.beneficiaries.sales.vs_control",
    "long.beneficiaries.productivity.vs_control",
    "long.beneficiaries.employment.vs_control",
    "long.cluster.sales.vs_control",
    "long.cluster.productivity.vs_control",
    "long.cluster.exports.vs_control",
    "design.balance.beneficiaries.sales",
    "design.attrition.differential",
    "design.pretrend.sales",
    "pro_poor.share.women",
    "pro_poor.share.unskilled",
    "short.participation_share",
    "long.return_per_dollar",
    "pro_poor.wage_gap",
];

/// z for a two-sided 95% interval, as the SPEC writes it.
const Z95: f64 = 1.96;
/// The width of a 95% interval in standard errors (2 × 1.96).
const WIDTH_IN_SE: f64 = 3.92;

/// Computes `document` as when it is opened alone (the same results as
/// [`crate::compute`]), reading its tables once.
pub fn member(document: Document) -> Member {
    let reads: Vec<TableRead> = TableKind::ALL
        .into_iter()
        .map(|kind| read_document_table(&document, kind))
        .collect();
    let firms = reads.first().map_or(0, distinct_firms);
    let refs: Vec<&TableRead> = reads.iter().collect();
    let results = compute_from_reads(&document, &refs);
    Member {
        document,
        results,
        firms,
    }
}

/// A document already computed (the page keeps its results): reads the firms table
/// again only to count the firms.
pub fn member_from_computed(document: Document, results: Results) -> Member {
    let firms = distinct_firms(&read_document_table(&document, TableKind::Firms));
    Member {
        document,
        results,
        firms,
    }
}

fn distinct_firms(read: &TableRead) -> usize {
    match &read.rows {
        TableRows::Firms(table) => table
            .rows
            .iter()
            .map(|row| row.firm.as_str())
            .collect::<FxHashSet<_>>()
            .len(),
        _ => 0,
    }
}

/// The ids of [`DEFAULT_IDS`] that at least one project has.
pub fn default_ids(members: &[Member]) -> Vec<String> {
    DEFAULT_IDS
        .iter()
        .filter(|id| members.iter().any(|m| m.results.indicator(id).is_some()))
        .map(|id| id.to_string())
        .collect()
}

/// For each member, the position of the first earlier member of the same content
/// (everything but `results` and the project's name), if any.
pub fn copies(members: &[Member]) -> Vec<Option<usize>> {
    // Documents are grouped by a hash of their tables, then compared in full: only
    // documents with the same tables are ever compared.
    let mut seen: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut out = Vec::with_capacity(members.len());
    for (i, member) in members.iter().enumerate() {
        let mut hasher = DefaultHasher::new();
        member.document.tables.firms.hash(&mut hasher);
        member.document.tables.territory.hash(&mut hasher);
        member.document.tables.activities.hash(&mut hasher);
        member.document.tables.actors.hash(&mut hasher);
        member.document.tables.subsidies.hash(&mut hasher);
        member.document.tables.proposals.hash(&mut hasher);
        let bucket = seen.entry(hasher.finish()).or_default();
        let first = bucket
            .iter()
            .copied()
            .find(|&j| same_content(&members[j].document, &member.document));
        if first.is_none() {
            bucket.push(i);
        }
        out.push(first);
    }
    out
}

/// Equal in everything but `results` and the project's name. Destructured field by
/// field, so a field added to [`Document`] must be decided on here.
fn same_content(a: &Document, b: &Document) -> bool {
    let Document {
        format,
        version,
        project,
        tables,
        checklist,
        targets,
        columns,
        settings,
        results: _,
        extra,
    } = a;
    let unnamed = |p: &Project| Project {
        name: String::new(),
        ..p.clone()
    };
    *format == b.format
        && *version == b.version
        && *tables == b.tables
        && *checklist == b.checklist
        && *targets == b.targets
        && *columns == b.columns
        && *settings == b.settings
        && *extra == b.extra
        && unnamed(project) == unnamed(&b.project)
}

/// One project's value of `id` (everything empty without such an indicator).
fn cell(id: &str, indicator: Option<&Indicator>) -> Cell {
    Cell {
        id: id.to_string(),
        value: indicator.and_then(|i| i.value),
        unit: indicator.map(|i| i.unit),
        status: indicator.map(|i| i.status),
        ci: indicator.and_then(|i| i.ci),
    }
}

/// Counts one project's status (`None`: no such indicator).
fn count(counts: &mut StatusCounts, status: Option<Status>) {
    let slot = match status {
        Some(Status::Met) => &mut counts.met,
        Some(Status::NotMet) => &mut counts.not_met,
        Some(Status::Inconclusive) => &mut counts.inconclusive,
        Some(Status::InsufficientData) => &mut counts.insufficient_data,
        Some(Status::Reported) => &mut counts.reported,
        None => &mut counts.absent,
    };
    *slot += 1;
}

/// The portfolio table of `members` for the indicators `ids`.
pub fn table<S: AsRef<str>>(members: &[Member], ids: &[S]) -> Table {
    let copy_of = copies(members);
    let ids: Vec<String> = ids.iter().map(|id| id.as_ref().to_string()).collect();
    let rows = members
        .iter()
        .zip(&copy_of)
        .enumerate()
        .map(|(index, (member, copy_of))| {
            let project = &member.document.project;
            Row {
                index,
                name: project.name.clone(),
                country: project.country.clone(),
                sector: project.sector.clone(),
                executing_agency: project.executing_agency.clone(),
                currency: project.currency.clone(),
                baseline_year: member.results.baseline_year,
                followup_year: member.results.followup_year,
                firms: member.firms,
                copy_of: *copy_of,
                cells: ids
                    .iter()
                    .map(|id| cell(id, member.results.indicator(id)))
                    .collect(),
            }
        })
        .collect();
    let summaries = ids
        .iter()
        .map(|id| summary(members, &copy_of, id))
        .collect();
    let copies = copy_of
        .iter()
        .enumerate()
        .filter_map(|(index, of)| of.map(|of| Duplicate { index, of }))
        .collect();
    Table {
        ids,
        rows,
        summaries,
        copies,
    }
}

fn summary(members: &[Member], copy_of: &[Option<usize>], id: &str) -> Summary {
    let mut counts = StatusCounts::default();
    let mut values = Vec::new();
    let mut unit = None;
    let mut currencies = Vec::new();
    for (member, _) in members.iter().zip(copy_of).filter(|(_, c)| c.is_none()) {
        let indicator = member.results.indicator(id);
        count(&mut counts, indicator.map(|i| i.status));
        unit = unit.or(indicator.map(|i| i.unit));
        if let Some(value) = indicator.and_then(|i| i.value).filter(|v| v.is_finite()) {
            values.push(value);
            currencies.push(member.currency());
        }
    }
    currencies.sort();
    currencies.dedup();
    let mixed_currencies = unit == Some(Unit::Currency) && currencies.len() > 1;
    Summary {
        id: id.to_string(),
        unit,
        counts,
        with_value: values.len(),
        median: if mixed_currencies {
            None
        } else {
            median(&mut values)
        },
        mixed_currencies,
    }
}

/// The median of `values` (the mean of the middle two for an even number); `None`
/// for none.
pub fn median(values: &mut [f64]) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}

/// DerSimonian–Laird over `(x_i, se_i)` pairs, exactly as the SPEC writes it:
/// `w_i = 1/se_i²`, `x̄ = Σw_i x_i / Σw_i`, `Q = Σw_i (x_i − x̄)²`,
/// `τ² = max(0, (Q − (k−1)) / (Σw_i − Σw_i²/Σw_i))`, `w*_i = 1/(se_i² + τ²)`,
/// pooled `= Σw*_i x_i / Σw*_i`, se `= 1/√Σw*_i`, interval pooled ± 1.96 se,
/// `I² = max(0, (Q − (k−1))/Q)`, 0 when Q = 0. `None` for fewer than 2 pairs, or when
/// a pair is not a finite value with a finite positive se (callers leave those out).
pub fn dersimonian_laird(points: &[(f64, f64)]) -> Option<Estimate> {
    let k = points.len();
    let usable = |&(x, se): &(f64, f64)| {
        x.is_finite() && se.is_finite() && se > 0.0 && (1.0 / (se * se)).is_finite()
    };
    if k < 2 || !points.iter().all(usable) {
        return None;
    }
    let w: Vec<f64> = points.iter().map(|(_, se)| 1.0 / (se * se)).collect();
    let sum_w: f64 = w.iter().sum();
    let sum_w2: f64 = w.iter().map(|w| w * w).sum();
    let fixed = points.iter().zip(&w).map(|((x, _), w)| w * x).sum::<f64>() / sum_w;
    let q: f64 = points
        .iter()
        .zip(&w)
        .map(|((x, _), w)| w * (x - fixed).powi(2))
        .sum();
    let df = (k - 1) as f64;
    let c = sum_w - sum_w2 / sum_w;
    let tau2 = if c > 0.0 {
        ((q - df) / c).max(0.0)
    } else {
        0.0
    };
    let w_star: Vec<f64> = points
        .iter()
        .map(|(_, se)| 1.0 / (se * se + tau2))
        .collect();
    let sum_star: f64 = w_star.iter().sum();
    let pooled = points
        .iter()
        .zip(&w_star)
        .map(|((x, _), w)| w * x)
        .sum::<f64>()
        / sum_star;
    let se = 1.0 / sum_star.sqrt();
    let i2 = if q > 0.0 {
        ((q - df) / q).max(0.0)
    } else {
        0.0
    };
    let (hk_low, hk_high) = hartung_knapp(points, &w_star, pooled).map_or((None, None), |half| {
        (Some(pooled - half), Some(pooled + half))
    });
    let (pi_low, pi_high) = prediction(k, tau2, se).map_or((None, None), |half| {
        (Some(pooled - half), Some(pooled + half))
    });
    let estimate = Estimate {
        pooled,
        se,
        low: pooled - Z95 * se,
        high: pooled + Z95 * se,
        tau2,
        i2,
        q,
        k,
        hk_low,
        hk_high,
        pi_low,
        pi_high,
        weights: w_star,
    };
    [estimate.pooled, estimate.se, estimate.tau2, estimate.i2, q]
        .iter()
        .all(|v| v.is_finite())
        .then_some(estimate)
}

/// The half-width of the Hartung–Knapp–Sidik–Jonkman interval (SPEC v3):
/// `t(k−1) × sqrt(Σw*_i (x_i − pooled)² / ((k − 1) Σw*_i))`, `t` the 97.5% quantile of
/// Student's t; `None` below 2 points or when not finite.
pub fn hartung_knapp(points: &[(f64, f64)], w_star: &[f64], pooled: f64) -> Option<f64> {
    let k = points.len();
    if k < 2 || w_star.len() != k {
        return None;
    }
    let sum_star: f64 = w_star.iter().sum();
    let spread: f64 = points
        .iter()
        .zip(w_star)
        .map(|((x, _), w)| w * (x - pooled).powi(2))
        .sum();
    let half = student_t::t975(k - 1)? * (spread / ((k - 1) as f64 * sum_star)).sqrt();
    half.is_finite().then_some(half)
}

/// The half-width of the 95% prediction interval (SPEC v3): `t(k−2) × sqrt(τ² + se²)`;
/// `None` below 3 points or when not finite.
pub fn prediction(k: usize, tau2: f64, se: f64) -> Option<f64> {
    if k < 3 {
        return None;
    }
    let half = student_t::t975(k - 2)? * (tau2 + se * se).sqrt();
    half.is_finite().then_some(half)
}

/// Under this many pooled projects the page says "few projects" (SPEC v3).
pub const FEW_PROJECTS: usize = 5;

/// The pooled estimate of `id` over `members` (SPEC, "Portfolio"): every project is
/// listed; those with a value and an interval of finite ends and positive width are
/// pooled; copies are listed and not pooled.
pub fn pool(members: &[Member], id: &str) -> Result<Pooled, PoolError> {
    let copy_of = copies(members);
    let unit = members
        .iter()
        .find_map(|m| m.results.indicator(id))
        .map(|i| i.unit);
    if unit == Some(Unit::Currency) {
        let mut currencies: Vec<String> = members
            .iter()
            .zip(&copy_of)
            .filter(|(m, c)| c.is_none() && m.results.indicator(id).and_then(|i| i.value).is_some())
            .map(|(m, _)| m.currency())
            .collect();
        currencies.sort();
        currencies.dedup();
        if currencies.len() > 1 {
            let currencies = currencies
                .into_iter()
                .map(|c| if c.is_empty() { "(none)".into() } else { c })
                .collect();
            return Err(PoolError::MixedCurrencies {
                id: id.to_string(),
                currencies,
            });
        }
    }
    let mut projects: Vec<PoolLine> = members
        .iter()
        .zip(&copy_of)
        .enumerate()
        .map(|(index, (member, copy_of))| line(index, member, *copy_of, id))
        .collect();
    let points: Vec<(f64, f64)> = projects
        .iter()
        .filter(|l| l.pooled)
        .filter_map(|l| Some((l.value?, l.se?)))
        .collect();
    let estimate = dersimonian_laird(&points);
    if let Some(e) = &estimate {
        let total: f64 = e.weights.iter().sum();
        for (line, w) in projects.iter_mut().filter(|l| l.pooled).zip(&e.weights) {
            line.weight = Some(w / total);
        }
    }
    Ok(Pooled {
        id: id.to_string(),
        unit,
        estimate,
        k: points.len(),
        few_projects: points.len() < FEW_PROJECTS,
        projects,
    })
}

fn line(index: usize, member: &Member, copy_of: Option<usize>, id: &str) -> PoolLine {
    let indicator = member.results.indicator(id);
    let value = indicator.and_then(|i| i.value).filter(|v| v.is_finite());
    let ci = indicator.and_then(|i| i.ci);
    let se = ci.map(|[low, high]| (high - low) / WIDTH_IN_SE);
    let reason = if copy_of.is_some() {
        Some(NotPooled::Copy)
    } else if indicator.is_none() {
        Some(NotPooled::Absent)
    } else if value.is_none() {
        Some(NotPooled::NoValue)
    } else if ci.is_none() {
        Some(NotPooled::NoInterval)
    } else if ci.is_some_and(|[low, high]| !low.is_finite() || !high.is_finite()) {
        Some(NotPooled::MissingEnd)
    } else if !se.is_some_and(|se| se > 0.0 && (1.0 / (se * se)).is_finite()) {
        Some(NotPooled::ZeroWidth)
    } else {
        None
    };
    PoolLine {
        index,
        name: member.document.project.name.clone(),
        value,
        low: ci.map(|c| c[0]).filter(|v| v.is_finite()),
        high: ci.map(|c| c[1]).filter(|v| v.is_finite()),
        se: se.filter(|_| reason.is_none()),
        weight: None,
        pooled: reason.is_none(),
        reason,
        copy_of,
    }
}
