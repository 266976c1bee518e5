//! v3, long run: production, innovation, new markets and export destinations (SPEC,
//! "Long run"; issue 23). The seed's Section II says the cluster projects "stimulated
//! the innovation of products, processes … and facilitated the access to new markets",
//! and five of its reviewed projects reported production growth.
//!
//! - `long.{cluster,beneficiaries}.production.*` and
//!   `long.{cluster,beneficiaries}.export_destinations.*`: the amount treated exactly
//!   as sales, through the same panels, event study and bootstrap
//!   ([`super::long::growth_indicator`], [`super::long::versus_indicator`]).
//! - `long.{cluster,beneficiaries}.{innovation,new_markets}`: the share of the group's
//!   **flag panel** (firms with a valid row in `b` and in `f`, and the flag known in at
//!   least one year `y` with `b < y ≤ f`) that adopted (flag yes in at least one such
//!   year). Share, reported.
//! - `….{innovation,new_markets}.vs_control`: that share minus the control firms'
//!   share, with the stratified bootstrap over the flag-panel firms of each side (a
//!   firm is `[0, adopted, 1, 1]` in a change panel, so a draw's statistic is the mean
//!   of its firms' 0/1) and the `vs_control` status rule.
//!
//! Everything here is drawn with its own bootstrap jobs, after the earlier ids': an
//! id computed before v3 keeps every number it had.

use super::bootstrap::Interval;
use super::design::{bootstrap_json, interval_note};
use super::event::{self, Jobs};
use super::long;
use super::panels::{bundles, num, Bundle, Panel, Side};
use super::productivity::Metric;
use super::spans::YearRows;
use super::status;
use super::Ctx;
use crate::model::{Flag, Measure};
use cluster_eval_types::detail::{to_map, ControlReading, Evidence};
use cluster_eval_types::results::{Horizon, Indicator, Message, Status, Unit};

/// The two flags, with the name their ids use.
const FLAGS: [(Flag, &str); 2] = [(Flag::Innovation, "innovation"), (Flag::NewMarket, "new_markets")];

/// The amount ids: (id, set, versus), in the SPEC's order.
const AMOUNT_IDS: [(&str, Side, Option<Side>); 9] = [
    ("long.cluster.production.growth", Side::Cluster, None),
    ("long.cluster.production.vs_control", Side::Cluster, Some(Side::Control)),
    ("long.beneficiaries.production.growth", Side::Beneficiary, None),
    ("long.beneficiaries.production.vs_control", Side::Beneficiary, Some(Side::Control)),
    ("long.beneficiaries.production.vs_sector", Side::Beneficiary, Some(Side::Sector)),
    ("long.cluster.export_destinations.growth", Side::Cluster, None),
    ("long.cluster.export_destinations.vs_control", Side::Cluster, Some(Side::Control)),
    ("long.beneficiaries.export_destinations.growth", Side::Beneficiary, None),
    ("long.beneficiaries.export_destinations.vs_control", Side::Beneficiary, Some(Side::Control)),
];

/// Every v3 long-run id, in order (for the no-years case): (id, unit).
pub fn ids() -> Vec<(String, Unit)> {
    let mut out: Vec<(String, Unit)> = AMOUNT_IDS[..5]
        .iter()
        .map(|(id, _, _)| (id.to_string(), Unit::Ratio))
        .collect();
    for group in ["cluster", "beneficiaries"] {
        for (_, name) in FLAGS {
            out.push((format!("long.{group}.{name}"), Unit::Share));
            out.push((format!("long.{group}.{name}.vs_control"), Unit::Share));
        }
    }
    out.extend(
        AMOUNT_IDS[5..]
            .iter()
            .map(|(id, _, _)| (id.to_string(), Unit::Ratio)),
    );
    out
}

/// The v3 long-run indicators, in the order of [`ids`].
pub fn compute(ctx: &Ctx<'_>, rows: &YearRows<'_>) -> Vec<Indicator> {
    let metrics = [
        Metric::Amount(Measure::Production),
        Metric::Amount(Measure::ExportDestinations),
    ];
    let bundles: [Bundle; 2] = bundles(ctx, metrics);
    let (b, f) = (ctx.years.baseline, ctx.years.followup);
    // The event study's panels of (b, t) for every other year t, for both amounts.
    let event_years: Vec<(i32, [[Panel; 4]; 2])> = rows
        .years()
        .filter(|t| *t != b && *t != f)
        .map(|t| (t, rows.panels(b, t, metrics)))
        .collect();
    let adoption: Vec<[Panel; 4]> = FLAGS
        .iter()
        .map(|(flag, _)| flag_panels(ctx, *flag))
        .collect();

    let mut jobs = Jobs::default();
    let metric_of = |id: &str| usize::from(id.contains(".export_destinations."));
    let mut main = vec![None; AMOUNT_IDS.len()];
    let mut per_year: Vec<Vec<Option<usize>>> = vec![Vec::new(); AMOUNT_IDS.len()];
    for (i, (id, side, versus)) in AMOUNT_IDS.iter().enumerate() {
        if *versus != Some(Side::Control) {
            continue;
        }
        let m = metric_of(id);
        main[i] = jobs.add(bundles[m].panel(*side), bundles[m].panel(Side::Control));
        per_year[i] = event_years
            .iter()
            .map(|(_, p)| jobs.add(&p[m][*side as usize], &p[m][Side::Control as usize]))
            .collect();
    }
    let mut flag_jobs = Vec::new();
    for panels in &adoption {
        for side in [Side::Cluster, Side::Beneficiary] {
            flag_jobs.push(jobs.add(&panels[side as usize], &panels[Side::Control as usize]));
        }
    }
    let found = jobs.run(ctx.doc.settings.reps(), ctx.doc.settings.seed);

    let amount = |i: usize| {
        let (id, side, versus) = AMOUNT_IDS[i];
        let bundle = &bundles[metric_of(id)];
        let interval = event::found(&found, main[i]);
        match versus {
            None => long::growth_indicator(ctx, bundle, side, id),
            Some(v) => {
                let event = (v == Side::Control).then(|| {
                    let m = metric_of(id);
                    let mut points: Vec<_> = event_years
                        .iter()
                        .zip(&per_year[i])
                        .filter_map(|((t, p), at)| {
                            event::point(
                                *t,
                                &p[m][side as usize],
                                &p[m][Side::Control as usize],
                                event::found(&found, *at),
                            )
                        })
                        .collect();
                    points.extend(event::point(
                        f,
                        bundle.panel(side),
                        bundle.panel(Side::Control),
                        interval,
                    ));
                    event::series(points)
                });
                long::versus_indicator(ctx, bundle, side, v, id, interval, event)
            }
        }
    };
    let mut out: Vec<Indicator> = (0..5).map(amount).collect();
    for (g, (side, group)) in [(Side::Cluster, "cluster"), (Side::Beneficiary, "beneficiaries")]
        .into_iter()
        .enumerate()
    {
        for (k, ((flag, name), panels)) in FLAGS.iter().zip(&adoption).enumerate() {
            let interval = event::found(&found, flag_jobs[k * 2 + g]);
            let (share, versus) = adoption_pair(ctx, *flag, name, group, side, panels, interval);
            out.push(share);
            out.push(versus);
        }
    }
    out.extend((5..AMOUNT_IDS.len()).map(amount));
    out
}

/// The flag panels of the four sets for `flag`: one firm `[0, adopted, 1, 1]` (a
/// change panel, so its statistic is the share that adopted) per firm with a valid
/// row in b and in f whose flag is known in at least one year after b up to f.
fn flag_panels(ctx: &Ctx<'_>, flag: Flag) -> [Panel; 4] {
    // Per pair: whether the flag was known in (b, f], and whether it was ever yes.
    let mut seen: Vec<(bool, bool)> = ctx
        .pairs
        .pairs
        .iter()
        .map(|p| match p.follow.and_then(|r| r.flag(flag)) {
            Some(x) => (true, x),
            None => (false, false),
        })
        .collect();
    for &(at, row) in &ctx.between {
        if let (Some(x), Some(s)) = (row.flag(flag), seen.get_mut(at as usize)) {
            s.0 = true;
            s.1 |= x;
        }
    }
    let mut panels: [Panel; 4] = std::array::from_fn(|_| Panel {
        ratio: true,
        change: true,
        ..Panel::default()
    });
    for (pair, (known, adopted)) in ctx.pairs.pairs.iter().zip(seen) {
        if pair.base.is_none() || pair.follow.is_none() || !known {
            continue;
        }
        let firm = [0.0, if adopted { 1.0 } else { 0.0 }, 1.0, 1.0];
        let mask = super::panels::side_mask(pair.group);
        for side in Side::ALL {
            if mask & (1 << side as u8) != 0 {
                panels[side as usize].push(firm);
            }
        }
    }
    panels
}

/// The share of a flag panel that adopted.
fn share(p: &Panel) -> Option<f64> {
    (p.n() > 0).then(|| p.sums[1] / p.n() as f64)
}

/// `long.<group>.<name>` and `long.<group>.<name>.vs_control`.
fn adoption_pair(
    ctx: &Ctx<'_>,
    flag: Flag,
    name: &str,
    group: &str,
    side: Side,
    panels: &[Panel; 4],
    interval: Option<Interval>,
) -> (Indicator, Indicator) {
    let (b, f) = (ctx.years.baseline, ctx.years.followup);
    let id = format!("long.{group}.{name}");
    let mut level = Indicator::new(id.clone(), Horizon::Long, Unit::Share);
    let mut versus = Indicator::new(format!("{id}.vs_control"), Horizon::Long, Unit::Share);
    let head = |ind: &mut Indicator| {
        ind.detail.insert("flag".into(), flag.name().into());
        ind.detail.insert("group".into(), side.key().into());
        ind.detail.insert("baseline_year".into(), b.into());
        ind.detail.insert("followup_year".into(), f.into());
    };
    head(&mut level);
    head(&mut versus);
    if !ctx.data.firms.has_flag(flag) {
        let msg = Message::MissingColumn {
            column: flag.name().into(),
        };
        level.say(msg.clone());
        versus.say(msg);
        return (level, versus);
    }
    let no_panel = |s: Side| Message::NoAdoptionPanel {
        group: s,
        flag: flag.name().into(),
        baseline: b,
        followup: f,
    };
    let g = &panels[side as usize];
    let c = &panels[Side::Control as usize];
    level.n = g.n();
    match share(g) {
        None => level.say(no_panel(side)),
        Some(x) => {
            level.value = Some(x);
            level.status = Status::Reported;
            level.detail.insert("n".into(), g.n().into());
            level.detail.insert("adopted".into(), num(g.sums[1]));
            level.say(Message::AdoptionShare {
                group: side,
                flag: flag.name().into(),
                n: g.n(),
                baseline: b,
                followup: f,
            });
        }
    }
    versus.n = g.n() + c.n();
    let (Some(sg), Some(sc)) = (share(g), share(c)) else {
        versus.say(no_panel(if g.n() == 0 { side } else { Side::Control }));
        return (level, versus);
    };
    let value = sg - sc;
    versus.value = Some(value);
    let d = &mut versus.detail;
    d.insert("share_group".into(), num(sg));
    d.insert("share_control".into(), num(sc));
    d.insert("n_group".into(), g.n().into());
    d.insert("n_control".into(), c.n().into());
    d.insert("adopted_group".into(), num(g.sums[1]));
    d.insert("adopted_control".into(), num(c.sums[1]));
    d.insert("difference".into(), num(value));
    d.extend(to_map(&ControlReading {
        evidence: Evidence::of(g.n().min(c.n())),
        caveat: Message::ClusterCaveat,
    }));
    let mut message = Message::AdoptionCompared {
        group: side,
        flag: flag.name().into(),
        n: g.n(),
        n_control: c.n(),
        baseline: b,
        followup: f,
    };
    let (why, ci) = interval_note(&ctx.doc.settings, side, g, c, interval);
    versus.ci = ci;
    if let Some(why) = why {
        message = why;
    }
    versus
        .detail
        .insert("bootstrap".into(), bootstrap_json(&ctx.doc.settings, interval));
    versus.status = status::vs_control(value, versus.ci);
    versus.say(message);
    (level, versus)
}
