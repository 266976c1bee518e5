//! v3: a portfolio by context (SPEC, "Portfolio: totals and contexts"; issue 23).
//! Section II of the seed compares projects by sector type, area, executing agency,
//! investment and number of productive systems; this module gives the portfolio's
//! totals ([`totals`]) and pools one id within each level of a project fact, with the
//! test for subgroup differences ([`by_context`]).
//!
//! - Each project is placed by its fact: a vocabulary fact by its code, a free-text
//!   fact (`country`, `sector`, `executing_agency`) by its value trimmed (as typed),
//!   `cost_band` from `cost_total` in USD. Blank (or, for the band, a cost absent or
//!   in another currency): the level `unknown`, listed last.
//! - Within a level: DerSimonian–Laird over the projects the portfolio's own pooling
//!   would pool ([`crate::portfolio::pool`]: copies, projects without an interval, or
//!   with a zero-width one are listed and not pooled). One pooled project: its value,
//!   se and interval, τ² and I² null.
//! - `Q_between = Σ_g (θ_g − θ̄)² / se_g²` over the levels with a pooled estimate
//!   (`unknown` included when it has one), `θ̄ = Σ(θ_g / se_g²) / Σ(1 / se_g²)`,
//!   `df = levels − 1`, `p` the upper tail of χ²(df), computed from the regularized
//!   incomplete gamma function ([`chi2_upper`]; no table lookup). Null with fewer than
//!   2 such levels.

use std::collections::{BTreeMap, HashSet};

use cluster_eval_types::context::CostBand;
use cluster_eval_types::document::Project;
use cluster_eval_types::portfolio::{
    ByContext, ContextFact, Level, Member, PoolError, PoolLine, Totals, UNKNOWN_LEVEL,
};

use crate::portfolio::student_t::ln_gamma;
use crate::portfolio::{copies, dersimonian_laird, pool};

/// z for a two-sided 95% interval, as the SPEC writes it.
const Z95: f64 = 1.96;

/// The level of a project for `fact`: `None` is [`UNKNOWN_LEVEL`].
pub fn level_of(project: &Project, fact: ContextFact) -> Option<String> {
    let text = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    match fact {
        ContextFact::Country => text(&project.country),
        ContextFact::Sector => text(&project.sector),
        ContextFact::ExecutingAgency => text(&project.executing_agency),
        ContextFact::SectorType => project.sector_type.map(|v| v.code().to_string()),
        ContextFact::AreaType => project.area_type.map(|v| v.code().to_string()),
        ContextFact::AgencyType => project.agency_type.map(|v| v.code().to_string()),
        ContextFact::CostBand => {
            CostBand::of(project.cost_total, &project.currency).map(|b| b.code().to_string())
        }
    }
}

/// The canonical order of a vocabulary fact's levels (free text: first appearance).
fn canonical(fact: ContextFact) -> Vec<&'static str> {
    use cluster_eval_types::context::{AgencyType, AreaType, SectorType};
    match fact {
        ContextFact::SectorType => SectorType::ALL.iter().map(|v| v.code()).collect(),
        ContextFact::AreaType => AreaType::ALL.iter().map(|v| v.code()).collect(),
        ContextFact::AgencyType => AgencyType::ALL.iter().map(|v| v.code()).collect(),
        ContextFact::CostBand => CostBand::ALL.iter().map(|v| v.code()).collect(),
        _ => Vec::new(),
    }
}

/// The portfolio's totals, copies counted once.
pub fn totals(members: &[Member]) -> Totals {
    let copy_of = copies(members);
    let mut t = Totals::default();
    let mut countries: HashSet<String> = HashSet::new();
    for (m, _) in members.iter().zip(&copy_of).filter(|(_, c)| c.is_none()) {
        let p = &m.document.project;
        t.projects += 1;
        t.clusters += p.clusters_or_one();
        if let Some(c) = p
            .country
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            countries.insert(c.to_lowercase());
        }
        let currency = match m.currency() {
            c if c.is_empty() => "(none)".to_string(),
            c => c,
        };
        for (sum, cost) in [
            (&mut t.cost_total, p.cost_total),
            (&mut t.cost_mif, p.cost_mif),
        ] {
            if let Some(c) = cost.filter(|c| c.is_finite()) {
                *sum.entry(currency.clone()).or_insert(0.0) += c;
            }
        }
        let firms = m
            .results
            .indicator("short.participating_firms")
            .and_then(|i| i.value)
            .filter(|v| v.is_finite() && *v >= 0.0);
        t.beneficiary_firms += firms.map_or(0, |v| v as usize);
    }
    t.countries = countries.len();
    t
}

/// The pooled estimate of `id` within each level of `fact`, and the test for subgroup
/// differences. Refused as [`pool`] refuses (an amount of money over projects in
/// different currencies).
pub fn by_context(members: &[Member], id: &str, fact: ContextFact) -> Result<ByContext, PoolError> {
    let pooled = pool(members, id)?;
    // The levels in order: the vocabulary's, then free text as it first appears,
    // `unknown` last; a level without projects is left out.
    let mut order: Vec<String> = canonical(fact).into_iter().map(str::to_string).collect();
    let mut lines: BTreeMap<String, Vec<PoolLine>> = BTreeMap::new();
    for (member, line) in members.iter().zip(pooled.projects) {
        let level =
            level_of(&member.document.project, fact).unwrap_or_else(|| UNKNOWN_LEVEL.into());
        if level != UNKNOWN_LEVEL && !order.contains(&level) {
            order.push(level.clone());
        }
        lines.entry(level).or_default().push(line);
    }
    order.push(UNKNOWN_LEVEL.into());
    let levels: Vec<Level> = order
        .into_iter()
        .filter_map(|name| {
            let projects = lines.remove(&name)?;
            Some(level(name, projects))
        })
        .collect();
    let (q_between, df, p) = match subgroup_test(&levels) {
        Some((q, df)) => (Some(q), Some(df), chi2_upper(q, df as f64)),
        None => (None, None, None),
    };
    Ok(ByContext {
        id: id.to_string(),
        by: fact,
        unit: pooled.unit,
        levels,
        q_between,
        df,
        p,
        totals: totals(members),
    })
}

/// One level's pooled numbers over its pooled projects.
fn level(name: String, projects: Vec<PoolLine>) -> Level {
    let points: Vec<(f64, f64)> = projects
        .iter()
        .filter(|l| l.pooled)
        .filter_map(|l| Some((l.value?, l.se?)))
        .collect();
    let mut out = Level {
        level: name,
        k: points.len(),
        pooled: None,
        se: None,
        low: None,
        high: None,
        tau2: None,
        i2: None,
        projects,
    };
    match points.as_slice() {
        [] => {}
        [(x, se)] => {
            out.pooled = Some(*x);
            out.se = Some(*se);
            out.low = Some(x - Z95 * se);
            out.high = Some(x + Z95 * se);
        }
        _ => {
            if let Some(e) = dersimonian_laird(&points) {
                out.pooled = Some(e.pooled);
                out.se = Some(e.se);
                out.low = Some(e.low);
                out.high = Some(e.high);
                out.tau2 = Some(e.tau2);
                out.i2 = Some(e.i2);
            }
        }
    }
    out
}

/// `(Q_between, df)` over the levels with a pooled estimate; `None` under 2 levels.
pub fn subgroup_test(levels: &[Level]) -> Option<(f64, usize)> {
    let est: Vec<(f64, f64)> = levels
        .iter()
        .filter_map(|l| Some((l.pooled?, l.se?)))
        .filter(|(x, se)| x.is_finite() && se.is_finite() && *se > 0.0)
        .collect();
    if est.len() < 2 {
        return None;
    }
    let w: Vec<f64> = est.iter().map(|(_, se)| 1.0 / (se * se)).collect();
    let sum_w: f64 = w.iter().sum();
    let mean = est.iter().zip(&w).map(|((x, _), w)| x * w).sum::<f64>() / sum_w;
    let q: f64 = est
        .iter()
        .zip(&w)
        .map(|((x, _), w)| w * (x - mean).powi(2))
        .sum();
    q.is_finite().then_some((q, est.len() - 1))
}

/// The upper tail `P(X ≥ x)` of χ² with `df` degrees of freedom: `Q(df/2, x/2)`, the
/// regularized upper incomplete gamma function. `None` for a non-finite or negative
/// `x` or `df ≤ 0`.
pub fn chi2_upper(x: f64, df: f64) -> Option<f64> {
    if !x.is_finite() || x < 0.0 || !df.is_finite() || df <= 0.0 {
        return None;
    }
    let q = gamma_q(df / 2.0, x / 2.0);
    q.is_finite().then(|| q.clamp(0.0, 1.0))
}

/// `Q(a, x) = Γ(a, x) / Γ(a)`: by its series below `x < a + 1`, by Lentz's continued
/// fraction above (Numerical Recipes, §6.2); both to about 1e-15.
pub fn gamma_q(a: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 1.0;
    }
    let log_prefix = a * x.ln() - x - ln_gamma(a);
    if x < a + 1.0 {
        // P(a, x) = e^{-x} x^a / Γ(a) Σ x^n / (a (a+1) … (a+n)).
        let (mut term, mut sum, mut ap) = (1.0 / a, 1.0 / a, a);
        for _ in 0..1000 {
            ap += 1.0;
            term *= x / ap;
            sum += term;
            if term.abs() < sum.abs() * 1e-16 {
                break;
            }
        }
        1.0 - sum * log_prefix.exp()
    } else {
        let tiny = 1e-300;
        let mut b = x + 1.0 - a;
        let mut c = 1.0 / tiny;
        let mut d = 1.0 / b;
        let mut h = d;
        for i in 1..1000 {
            let an = -(i as f64) * (i as f64 - a);
            b += 2.0;
            d = an * d + b;
            if d.abs() < tiny {
                d = tiny;
            }
            c = b + an / c;
            if c.abs() < tiny {
                c = tiny;
            }
            d = 1.0 / d;
            let delta = d * c;
            h *= delta;
            if (delta - 1.0).abs() < 1e-16 {
                break;
            }
        }
        log_prefix.exp() * h
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chi2_tails_match_known_values() {
        // χ²(1) at 3.841459: 0.05; χ²(2) at x: e^{−x/2}; χ²(3) at 7.814728: 0.05;
        // χ²(10) at 18.307038: 0.05; χ²(1) at 0: 1.
        let close = |a: f64, b: f64| assert!((a - b).abs() < 1e-6, "{a} {b}");
        close(
            chi2_upper(3.841_458_820_694_124, 1.0).unwrap_or(f64::NAN),
            0.05,
        );
        close(chi2_upper(5.0, 2.0).unwrap_or(f64::NAN), (-2.5f64).exp());
        close(
            chi2_upper(7.814_727_903_251_178, 3.0).unwrap_or(f64::NAN),
            0.05,
        );
        close(
            chi2_upper(18.307_038_053_275_146, 10.0).unwrap_or(f64::NAN),
            0.05,
        );
        close(chi2_upper(0.0, 1.0).unwrap_or(f64::NAN), 1.0);
        close(
            chi2_upper(1.0, 4.0).unwrap_or(f64::NAN),
            0.909_795_989_608_004_4,
        );
        assert_eq!(chi2_upper(-1.0, 1.0), None);
        close(ln_gamma(5.0), 24f64.ln());
        close(ln_gamma(0.5), std::f64::consts::PI.sqrt().ln());
    }
}
