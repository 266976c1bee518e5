//! Annex II indicators: long, medium and short run (SPEC, "Computation" and
//! "Indicators"; seed Annex II).
//!
//! One computation builds the firm pairs of the baseline and follow-up years once,
//! then each metric's four panels (B, K, C, S) and their index series once, and every
//! indicator reads those: no indicator scans the firms table again, and the bootstrap
//! resamples the panels already built.
//!
//! Files: [`status`] (status rules, targets), `crate::message` (the messages),
//! [`productivity`] (what productivity means for a table), [`panels`] (balanced
//! panels and series), [`bootstrap`], [`long`], [`returns`], [`jobs_net`], [`medium`], [`short`], [`screening`] (proposals, Section V),
//! [`verdicts`] (v3: the design flags and concentration of the comparisons).
//!
//! Without years (`None`) every before/after indicator is `insufficient_data` with
//! the `no_years` note; `long.local_gdp_vs_national` then uses the territory table's
//! own first and last years, and the returns and short run indicators are computed as
//! usual.

pub mod bootstrap;
pub mod costs;
pub mod design;
pub mod event;
pub mod execution;
pub mod firms;
pub mod jobs_net;
pub mod long;
pub mod markets;
pub mod medium;
pub mod panels;
pub mod productivity;
pub mod returns;
pub mod screening;
pub mod short;
pub mod spans;
pub mod status;
pub mod verdicts;

use cluster_eval_types::document::Document;
use cluster_eval_types::indicator_id::IndicatorId;
use crate::model::{Dataset, FirmYear, Group, Measure};
use crate::panel::{FirmPair, FirmPairs};
use cluster_eval_types::results::{Horizon, Indicator, Message, Unit, Warning};
use crate::years::Years;

use firms::FirmIndex;
use panels::{bundles, Side};
use productivity::Metric;

/// Everything one computation shares between indicators.
pub struct Ctx<'a> {
    pub doc: &'a Document,
    pub data: &'a Dataset,
    pub years: Years,
    /// Each firm's baseline and follow-up rows.
    pub pairs: FirmPairs<'a>,
    /// Rows of the years strictly between b and f, with the index of their firm's pair
    /// (firms without a row in b or f are in no panel and are left out).
    pub between: Vec<(u32, &'a FirmYear)>,
    /// Whether the firms table has at least one row of each group.
    present: [bool; 4],
}

impl<'a> Ctx<'a> {
    /// Pairs the baseline and follow-up rows of each firm (as [`FirmPairs::new`], in
    /// the order of first appearance in b or f) and collects the rows in between, in
    /// one pass over the table, with the firm slots hashed once in `index`.
    pub fn new(doc: &'a Document, data: &'a Dataset, years: Years, index: &FirmIndex<'a>) -> Self {
        const NONE: u32 = u32::MAX;
        let mut present = [false; 4];
        let mut pair_of = vec![NONE; index.firms.len()];
        let mut pairs: Vec<FirmPair<'a>> = Vec::new();
        let mut between_slots: Vec<(u32, &'a FirmYear)> = Vec::new();
        let (b, f) = (years.baseline, years.followup);
        for (row, &slot) in data.firms.rows.iter().zip(&index.slot) {
            present[group_index(row.group)] = true;
            if row.year > b && row.year < f {
                between_slots.push((slot, row));
                continue;
            }
            if row.year != b && row.year != f {
                continue;
            }
            let at = &mut pair_of[slot as usize];
            if *at == NONE {
                pairs.push(FirmPair {
                    firm: row.firm.as_str(),
                    group: row.group,
                    base: None,
                    follow: None,
                });
                *at = (pairs.len() - 1) as u32;
            }
            let pair = &mut pairs[*at as usize];
            if row.year == b {
                pair.base = Some(row);
            } else {
                pair.follow = Some(row);
            }
        }
        let between = between_slots
            .into_iter()
            .filter_map(|(slot, row)| {
                let at = pair_of[slot as usize];
                (at != NONE).then_some((at, row))
            })
            .collect();
        Ctx {
            doc,
            data,
            years,
            pairs: FirmPairs { pairs },
            between,
            present,
        }
    }

    /// Whether the firms table has any firm of the set.
    pub fn has(&self, side: Side) -> bool {
        side.groups().iter().any(|g| self.present[group_index(*g)])
    }
}

fn group_index(group: Group) -> usize {
    match group {
        Group::Beneficiary => 0,
        Group::Cluster => 1,
        Group::Control => 2,
        Group::Sector => 3,
    }
}

/// The before/after long run ids: (id, set, versus), in the SPEC's order; `versus` is
/// `None` for a growth indicator. The metric is named by the id's third part.
const LONG_PANEL_IDS: [(&str, Side, Option<Side>); 15] = [
    ("long.cluster.productivity.growth", Side::Cluster, None),
    ("long.cluster.sales.growth", Side::Cluster, None),
    ("long.cluster.exports.growth", Side::Cluster, None),
    (
        "long.cluster.productivity.vs_control",
        Side::Cluster,
        Some(Side::Control),
    ),
    (
        "long.cluster.sales.vs_control",
        Side::Cluster,
        Some(Side::Control),
    ),
    (
        "long.cluster.exports.vs_control",
        Side::Cluster,
        Some(Side::Control),
    ),
    ("long.beneficiaries.sales.growth", Side::Beneficiary, None),
    (
        "long.beneficiaries.productivity.growth",
        Side::Beneficiary,
        None,
    ),
    (
        "long.beneficiaries.employment.growth",
        Side::Beneficiary,
        None,
    ),
    (
        "long.beneficiaries.sales.vs_control",
        Side::Beneficiary,
        Some(Side::Control),
    ),
    (
        "long.beneficiaries.productivity.vs_control",
        Side::Beneficiary,
        Some(Side::Control),
    ),
    (
        "long.beneficiaries.employment.vs_control",
        Side::Beneficiary,
        Some(Side::Control),
    ),
    (
        "long.beneficiaries.sales.vs_sector",
        Side::Beneficiary,
        Some(Side::Sector),
    ),
    (
        "long.beneficiaries.productivity.vs_sector",
        Side::Beneficiary,
        Some(Side::Sector),
    ),
    (
        "long.beneficiaries.employment.vs_sector",
        Side::Beneficiary,
        Some(Side::Sector),
    ),
];

/// Every long, medium and short run indicator, in the SPEC's order, with targets
/// applied, and the calculation's warnings. `years` is `None` when they could not be
/// settled (then every before/after indicator is `insufficient_data`).
pub fn compute(
    doc: &Document,
    data: &Dataset,
    years: Option<Years>,
) -> (Vec<Indicator>, Vec<Warning>) {
    let mut out = Vec::with_capacity(36);
    let mut warnings = Vec::new();
    let index = FirmIndex::new(&data.firms);
    out.push(long::local_gdp(data, years));
    match years {
        Some(y) => {
            let ctx = Ctx::new(doc, data, y, &index);
            let [sales, exports, employment, productivity] = bundles(
                &ctx,
                [
                    Metric::Amount(Measure::Sales),
                    Metric::Amount(Measure::Exports),
                    Metric::Amount(Measure::Employment),
                    Metric::productivity(&data.firms),
                ],
            );
            let metric_of = |id: &str| match IndicatorId::parse(id).measure() {
                Some("productivity") => &productivity,
                Some("exports") => &exports,
                Some("employment") => &employment,
                _ => &sales,
            };
            // The panels of the event study (b → t for every other year t) and of the
            // pre-trend (p → b), from the rows grouped by year once.
            let rows = spans::YearRows::new(&data.firms, &index);
            let metrics = [sales.metric, exports.metric, employment.metric, productivity.metric];
            let events = event::EventPanels::build(&ctx, &rows, metrics);
            let pre = design::PreTrend::build(&ctx, &rows);
            let metric_index = |id: &str| match IndicatorId::parse(id).measure() {
                Some("productivity") => 3,
                Some("exports") => 1,
                Some("employment") => 2,
                _ => 0,
            };
            // The bootstrap intervals of every vs_control, every event year and the
            // pre-trend, all at once (in parallel natively); each has its own
            // generator from the seed.
            let mut jobs = event::Jobs::default();
            let mut main_job = vec![None; LONG_PANEL_IDS.len()];
            let mut event_jobs: Vec<Vec<Option<usize>>> = vec![Vec::new(); LONG_PANEL_IDS.len()];
            for (i, (id, side, versus)) in LONG_PANEL_IDS.iter().enumerate() {
                if *versus != Some(Side::Control) {
                    continue;
                }
                let b = metric_of(id);
                main_job[i] = jobs.add(b.panel(*side), b.panel(Side::Control));
                let m = metric_index(id);
                event_jobs[i] = events
                    .years
                    .iter()
                    .map(|(_, p)| jobs.add(&p[m][*side as usize], &p[m][Side::Control as usize]))
                    .collect();
            }
            // Per pre-trend measure, one job per year before b.
            let pre_jobs: [Vec<Option<usize>>; 2] = [0, 1].map(|k| match pre.as_ref() {
                Some(p) => (0..p.years.len())
                    .map(|at| p.pair(at, k).and_then(|(g, c)| jobs.add(g, c)))
                    .collect(),
                None => Vec::new(),
            });
            let found = jobs.run(doc.settings.reps(), doc.settings.seed);
            let mut design_out = design::balance(&ctx, productivity.metric);
            design_out.extend(design::attrition(&ctx));
            design_out.extend(design::pretrend(
                &ctx,
                pre.as_ref(),
                pre_jobs.map(|j| j.into_iter().map(|at| event::found(&found, at)).collect()),
            ));
            out.splice(0..0, design_out);
            for (i, (id, side, versus)) in LONG_PANEL_IDS.into_iter().enumerate() {
                let b = metric_of(id);
                let interval = event::found(&found, main_job[i]);
                out.push(match versus {
                    None => long::growth_indicator(&ctx, b, side, id),
                    Some(v) => {
                        let event = (v == Side::Control).then(|| {
                            let m = metric_index(id);
                            let (g, c) = (b.panel(side), b.panel(Side::Control));
                            let mut points: Vec<_> = events
                                .years
                                .iter()
                                .zip(&event_jobs[i])
                                .filter_map(|((t, p), at)| {
                                    event::point(
                                        *t,
                                        &p[m][side as usize],
                                        &p[m][Side::Control as usize],
                                        event::found(&found, *at),
                                    )
                                })
                                .collect();
                            points.extend(event::point(y.followup, g, c, interval));
                            event::series(points)
                        });
                        long::versus_indicator(&ctx, b, side, v, id, interval, event)
                    }
                });
            }
            // v3: production, innovation, new markets, export destinations.
            out.extend(markets::compute(&ctx, &rows));
            out.extend(returns::returns(&doc.project));
            out.extend(costs::costs(
                &doc.project,
                Some(&ctx),
                Some(&employment),
                index.distinct(&[Group::Beneficiary]).count(),
            ));
            out.push(jobs_net::jobs_net(&ctx, &employment));
            out.extend(medium::medium(&ctx, &sales));
            if let Some(end) = doc.project.end_year {
                if y.followup < end.saturating_add(3) {
                    warnings.push(Warning::new(Message::FollowupTooEarly {
                        followup: y.followup,
                        end_year: end,
                        earliest: end.saturating_add(3),
                    }));
                }
            }
        }
        None => {
            let design_out: Vec<Indicator> = design::ids()
                .into_iter()
                .map(|(id, unit)| no_years(&id, Horizon::Design, unit))
                .collect();
            out.splice(0..0, design_out);
            for (id, _, _) in LONG_PANEL_IDS {
                out.push(no_years(id, Horizon::Long, Unit::Ratio));
            }
            for (id, unit) in markets::ids() {
                out.push(no_years(&id, Horizon::Long, unit));
            }
            out.extend(returns::returns(&doc.project));
            out.extend(costs::costs(
                &doc.project,
                None,
                None,
                index.distinct(&[Group::Beneficiary]).count(),
            ));
            out.push(no_years(jobs_net::ID, Horizon::Long, Unit::Count));
            for (id, unit) in medium::IDS {
                out.push(no_years(id, Horizon::Medium, unit));
            }
        }
    }
    out.extend(short::short(&doc.project, data, &index));
    out.extend(execution::compute(data, years));
    let businesses = medium::business_actors(&data.actors);
    if !businesses.is_empty() {
        let count = businesses.len();
        warnings.push(Warning::new(Message::BusinessActorsLeftOut {
            actors: businesses.into_iter().take(5).collect(),
            count,
        }));
    }
    if let (Some(start), Some(end)) = (doc.project.start_year, doc.project.end_year) {
        if end < start {
            warnings.push(Warning::new(Message::ProjectYearsReversed {
                start_year: start,
                end_year: end,
            }));
        }
    }
    for ind in &mut out {
        status::apply_target(ind, &doc.targets, false);
    }
    (out, warnings)
}

fn no_years(id: &str, horizon: Horizon, unit: Unit) -> Indicator {
    let mut ind = Indicator::new(id, horizon, unit);
    ind.say(Message::NoYears);
    ind
}
