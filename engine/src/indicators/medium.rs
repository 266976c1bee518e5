//! Medium run (Annex II: intermediate results at the end of the programme).
//!
//! - `medium.strategies.{quality,management,eco_efficiency,marketing,any}`: over the
//!   cluster firms (K) whose flag is known in both b and f, share following the
//!   strategy in f minus share in b. `any` follows at least one of the four: it is
//!   yes when a known flag is yes, no when every strategy column of the table is known
//!   and no, unknown otherwise. Detail: `flag`, `n`, `followers_b`, `followers_f`,
//!   `share_b`, `share_f`, `baseline_year`, `followup_year`. met if > 0.
//! - `medium.institutions`: distinct actors (names compared trimmed and
//!   case-insensitively) in f minus in b; a year without rows counts 0 (and the
//!   message says so). v3: an actor typed business (firm, cooperative, producer) in a
//!   year's row is left out of that year (Annex II counts non-firm actors). Detail:
//!   `count_b`, `count_f`, `by_year` (`[[year, count]]`), `types_b`, `types_f`,
//!   `businesses_left_out`; a warning names the businesses.
//! - `medium.firm_cooperation`: distinct activities with `firms ≥ 4` in f minus in b
//!   (v3: done activities only; a blank status is done).
//!   Detail: `count_b`, `count_f`, `by_year` (`[[year, count]]` for every year of the
//!   table), `unknown_firms` (rows of b or f without a number of firms).
//! - `medium.improved_position` (reported): share of beneficiary firms with
//!   `improved = yes` among those answering in f; without an `improved` column, share
//!   of the beneficiary firms of the sales panel whose own sales growth exceeds the
//!   growth of the sector panel (else the control panel). Firms with baseline sales of
//!   0 have no growth and are left out (`excluded_zero_baseline`).

use std::collections::{BTreeMap, HashSet};

use serde_json::Value;

use super::panels::{num, Bundle, Side};
use super::status;
use super::Ctx;
use cluster_eval_types::entity::{entity_type, EntityType};
use crate::model::{ActorRow, FirmYear, Flag, Group, TableKind};
use crate::panel::{finite, growth};
use cluster_eval_types::results::{Horizon, Indicator, Message, Status, Unit};

pub fn medium(ctx: &Ctx<'_>, sales: &Bundle) -> Vec<Indicator> {
    let mut out: Vec<Indicator> = Flag::STRATEGIES
        .iter()
        .map(|&flag| strategy(ctx, Some(flag)))
        .collect();
    out.push(strategy(ctx, None));
    out.push(institutions(ctx));
    out.push(knowledge_institutions(ctx));
    out.push(cooperation(ctx));
    out.push(improved(ctx, sales));
    out
}

/// The ids of the medium run indicators, in order (for the no-years case).
pub const IDS: [(&str, Unit); 9] = [
    ("medium.strategies.quality", Unit::Share),
    ("medium.strategies.management", Unit::Share),
    ("medium.strategies.eco_efficiency", Unit::Share),
    ("medium.strategies.marketing", Unit::Share),
    ("medium.strategies.any", Unit::Share),
    ("medium.institutions", Unit::Count),
    ("medium.knowledge_institutions", Unit::Count),
    ("medium.firm_cooperation", Unit::Count),
    ("medium.improved_position", Unit::Share),
];

/// Whether the row follows `flag`, or (for `None`) any strategy of the table.
fn follows(row: &FirmYear, flag: Option<Flag>, present: &[Flag]) -> Option<bool> {
    match flag {
        Some(f) => row.flag(f),
        None => {
            let mut all_known = true;
            for &f in present {
                match row.flag(f) {
                    Some(true) => return Some(true),
                    Some(false) => {}
                    None => all_known = false,
                }
            }
            all_known.then_some(false)
        }
    }
}

fn strategy(ctx: &Ctx<'_>, flag: Option<Flag>) -> Indicator {
    let key = flag.map_or("any", Flag::name);
    let mut ind = Indicator::new(
        format!("medium.strategies.{key}"),
        Horizon::Medium,
        Unit::Share,
    );
    let present: Vec<Flag> = Flag::STRATEGIES
        .into_iter()
        .filter(|f| ctx.data.firms.has_flag(*f))
        .collect();
    if present.is_empty() || flag.is_some_and(|f| !present.contains(&f)) {
        ind.say(Message::MissingColumn {
            column: flag
                .map_or("quality/management/eco_efficiency/marketing", Flag::name)
                .into(),
        });
        return ind;
    }
    let (b, f) = (ctx.years.baseline, ctx.years.followup);
    let (mut n, mut before, mut after) = (0usize, 0usize, 0usize);
    for pair in ctx.pairs.of(Side::Cluster.groups()) {
        let (Some(rb), Some(rf)) = (pair.base, pair.follow) else {
            continue;
        };
        if let (Some(xb), Some(xf)) = (follows(rb, flag, &present), follows(rf, flag, &present)) {
            n += 1;
            before += usize::from(xb);
            after += usize::from(xf);
        }
    }
    ind.n = n;
    let d = &mut ind.detail;
    d.insert("flag".into(), key.into());
    d.insert("baseline_year".into(), b.into());
    d.insert("followup_year".into(), f.into());
    d.insert("n".into(), n.into());
    if n == 0 {
        ind.say(Message::NoFlagPanel {
            flag: key.into(),
            baseline: b,
            followup: f,
        });
        return ind;
    }
    let (sb, sf) = (before as f64 / n as f64, after as f64 / n as f64);
    d.insert("followers_b".into(), before.into());
    d.insert("followers_f".into(), after.into());
    d.insert("share_b".into(), num(sb));
    d.insert("share_f".into(), num(sf));
    if let Some(v) = finite(sf - sb) {
        ind.value = Some(v);
        ind.status = status::positive(v);
    }
    ind.say(Message::FlagPanelUsed {
        flag: key.into(),
        n,
        baseline: b,
        followup: f,
    });
    ind
}

/// Normalised name: trimmed, lower case (so "UNI " and "uni" are one actor).
fn norm(name: &str) -> String {
    name.trim().to_lowercase()
}

/// `medium.institutions` / `medium.firm_cooperation` from per-year distinct names.
fn change_of_counts(
    ctx: &Ctx<'_>,
    id: &str,
    table: TableKind,
    by_year: BTreeMap<i32, HashSet<String>>,
) -> Indicator {
    let mut ind = Indicator::new(id, Horizon::Medium, Unit::Count);
    let (b, f) = (ctx.years.baseline, ctx.years.followup);
    let count = |y: i32| by_year.get(&y).map_or(0, HashSet::len);
    let (cb, cf) = (count(b), count(f));
    let d = &mut ind.detail;
    d.insert("baseline_year".into(), b.into());
    d.insert("followup_year".into(), f.into());
    d.insert("count_b".into(), cb.into());
    d.insert("count_f".into(), cf.into());
    let series: Vec<Value> = by_year
        .iter()
        .map(|(y, s)| Value::Array(vec![(*y).into(), s.len().into()]))
        .collect();
    d.insert("by_year".into(), Value::Array(series));
    let value = cf as f64 - cb as f64;
    ind.value = Some(value);
    ind.n = cb.max(cf);
    ind.status = status::positive(value);
    ind.say(if !by_year.contains_key(&b) {
        Message::YearAbsent { table, year: b }
    } else if !by_year.contains_key(&f) {
        Message::YearAbsent { table, year: f }
    } else {
        Message::CountedYears {
            table,
            baseline: b,
            followup: f,
        }
    });
    ind
}

fn institutions(ctx: &Ctx<'_>) -> Indicator {
    let id = "medium.institutions";
    if ctx.data.actors.is_empty() {
        let mut ind = Indicator::new(id, Horizon::Medium, Unit::Count);
        ind.say(Message::TableEmpty {
            table: TableKind::Actors,
        });
        return ind;
    }
    let mut by_year: BTreeMap<i32, HashSet<String>> = BTreeMap::new();
    for row in &ctx.data.actors {
        let name = norm(&row.actor);
        let entry = by_year.entry(row.year).or_default();
        // v3: Annex II counts non-firm actors; a row typed business counts nowhere
        // (the year still counts as present).
        if !name.is_empty() && !is_business(row) {
            entry.insert(name);
        }
    }
    let mut ind = change_of_counts(ctx, id, TableKind::Actors, by_year);
    ind.detail.insert(
        "businesses_left_out".into(),
        business_actors(&ctx.data.actors).len().into(),
    );
    // The counts by actor type (an actor's type in a year: its first row's).
    let (b, f) = (ctx.years.baseline, ctx.years.followup);
    for (key, year) in [("types_b", b), ("types_f", f)] {
        let mut seen: HashSet<String> = HashSet::new();
        let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
        for row in ctx.data.actors.iter().filter(|r| r.year == year) {
            let name = norm(&row.actor);
            if name.is_empty() || is_business(row) || !seen.insert(name) {
                continue;
            }
            let kind = entity_type(row.kind.as_deref().unwrap_or(""));
            *counts.entry(kind.key()).or_default() += 1;
        }
        let counts: serde_json::Map<String, Value> = counts
            .into_iter()
            .map(|(k, n)| (k.to_string(), n.into()))
            .collect();
        ind.detail.insert(key.into(), Value::Object(counts));
    }
    ind
}

/// v3: whether an actor's row is typed as a business (a firm, cooperative or
/// producer): left out of `medium.institutions`, which counts non-firm actors.
fn is_business(row: &ActorRow) -> bool {
    entity_type(row.kind.as_deref().unwrap_or("")) == EntityType::Business
}

/// v3: the distinct actors (as first typed, trimmed) with a row typed business, in
/// table order: `detail.businesses_left_out` counts them and a warning names them.
pub fn business_actors(actors: &[ActorRow]) -> Vec<String> {
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for row in actors.iter().filter(|r| is_business(r)) {
        let name = norm(&row.actor);
        if !name.is_empty() && seen.insert(name) {
            out.push(row.actor.trim().to_string());
        }
    }
    out
}

/// At most this many unrecognised actor types are named in the message.
const MAX_UNKNOWN_TYPES: usize = 5;

/// `medium.knowledge_institutions`: as `medium.institutions`, over the actors whose
/// type is a knowledge institution ([`entity_type`]). An actor counts in a year when
/// one of its rows of that year has such a type. Without any actor type at all the
/// count cannot be told: `insufficient_data`. Types nobody knows are counted as other
/// and named in the message (`detail.unknown_types`).
fn knowledge_institutions(ctx: &Ctx<'_>) -> Indicator {
    let id = "medium.knowledge_institutions";
    let mut ind = Indicator::new(id, Horizon::Medium, Unit::Count);
    if ctx.data.actors.is_empty() {
        ind.say(Message::TableEmpty {
            table: TableKind::Actors,
        });
        return ind;
    }
    let typed = |r: &&crate::model::ActorRow| r.kind.as_deref().is_some_and(|k| !k.trim().is_empty());
    if !ctx.data.actors.iter().any(|r| typed(&r)) {
        ind.say(Message::ActorTypesMissing);
        return ind;
    }
    let mut by_year: BTreeMap<i32, HashSet<String>> = BTreeMap::new();
    let mut unknown: Vec<String> = Vec::new();
    let mut unknown_rows = 0usize;
    for row in &ctx.data.actors {
        let entry = by_year.entry(row.year).or_default();
        let kind = row.kind.as_deref().unwrap_or("").trim();
        match entity_type(kind) {
            EntityType::Knowledge => {
                let name = norm(&row.actor);
                if !name.is_empty() {
                    entry.insert(name);
                }
            }
            EntityType::Other if !kind.is_empty() => {
                unknown_rows += 1;
                if !unknown.iter().any(|u| u.eq_ignore_ascii_case(kind)) {
                    unknown.push(kind.to_string());
                }
            }
            _ => {}
        }
    }
    let mut ind = change_of_counts(ctx, id, TableKind::Actors, by_year);
    ind.detail.insert(
        "unknown_types".into(),
        Value::from(unknown.clone()),
    );
    ind.detail.insert("unknown_rows".into(), unknown_rows.into());
    if !unknown.is_empty() {
        let count = unknown.len();
        unknown.truncate(MAX_UNKNOWN_TYPES);
        ind.say(Message::ActorTypesUnknown {
            types: unknown,
            count,
            baseline: ctx.years.baseline,
            followup: ctx.years.followup,
        });
    }
    ind
}

/// Activities involving more than three firms.
const MIN_FIRMS: f64 = 4.0;

fn cooperation(ctx: &Ctx<'_>) -> Indicator {
    let id = "medium.firm_cooperation";
    if ctx.data.activities.is_empty() {
        let mut ind = Indicator::new(id, Horizon::Medium, Unit::Count);
        ind.say(Message::TableEmpty {
            table: TableKind::Activities,
        });
        return ind;
    }
    let (b, f) = (ctx.years.baseline, ctx.years.followup);
    let mut by_year: BTreeMap<i32, HashSet<String>> = BTreeMap::new();
    let mut unknown = 0usize;
    // v3: only activities that took place count (a planned or cancelled one did not).
    for row in ctx.data.activities.iter().filter(|r| r.done()) {
        let entry = by_year.entry(row.year).or_default();
        match row.firms {
            Some(n) if n >= MIN_FIRMS => {
                entry.insert(norm(&row.activity));
            }
            Some(_) => {}
            None => unknown += usize::from(row.year == b || row.year == f),
        }
    }
    let mut ind = change_of_counts(ctx, id, TableKind::Activities, by_year);
    ind.detail.insert("min_firms".into(), num(MIN_FIRMS));
    ind.detail.insert("unknown_firms".into(), unknown.into());
    ind
}

fn improved(ctx: &Ctx<'_>, sales: &Bundle) -> Indicator {
    let mut ind = Indicator::new("medium.improved_position", Horizon::Medium, Unit::Share);
    let (b, f) = (ctx.years.baseline, ctx.years.followup);
    if !ctx.has(Side::Beneficiary) {
        ind.say(Message::NoGroup {
            group: Side::Beneficiary,
        });
        return ind;
    }
    if ctx.data.firms.has_flag(Flag::Improved) {
        let (mut n, mut yes) = (0usize, 0usize);
        for pair in ctx.pairs.of(&[Group::Beneficiary]) {
            if let Some(x) = pair.follow.and_then(|r| r.flag(Flag::Improved)) {
                n += 1;
                yes += usize::from(x);
            }
        }
        let d = &mut ind.detail;
        d.insert("method".into(), "improved_flag".into());
        d.insert("followup_year".into(), f.into());
        d.insert("n".into(), n.into());
        d.insert("improved".into(), yes.into());
        ind.n = n;
        if n == 0 {
            ind.say(Message::NoFlagInYear {
                flag: "improved".into(),
                group: Side::Beneficiary,
                year: f,
            });
            return ind;
        }
        ind.value = Some(yes as f64 / n as f64);
        ind.status = Status::Reported;
        ind.say(Message::ImprovedFlagUsed { n, year: f });
        return ind;
    }
    // No `improved` column: beneficiaries whose own sales grew more than the sector's
    // (else the control group's).
    let reference = [Side::Sector, Side::Control]
        .into_iter()
        .find_map(|s| Some((s, sales.panel(s).growth()?)));
    let Some((versus, reference_growth)) = reference else {
        ind.say(Message::ImprovedNoReference {
            baseline: b,
            followup: f,
        });
        return ind;
    };
    let panel = sales.panel(Side::Beneficiary);
    let (mut n, mut better, mut excluded) = (0usize, 0usize, 0usize);
    for firm in &panel.firms {
        match growth(firm[0], firm[1]) {
            Some(g) => {
                n += 1;
                better += usize::from(g > reference_growth);
            }
            None => excluded += 1,
        }
    }
    let d = &mut ind.detail;
    d.insert("method".into(), "sales_growth".into());
    d.insert("versus".into(), versus.key().into());
    d.insert("reference_growth".into(), num(reference_growth));
    d.insert("baseline_year".into(), b.into());
    d.insert("followup_year".into(), f.into());
    d.insert("n".into(), n.into());
    d.insert("improved".into(), better.into());
    d.insert("excluded_zero_baseline".into(), excluded.into());
    ind.n = n;
    if n == 0 {
        ind.say(Message::NoPanel {
            group: Side::Beneficiary,
            measure: "sales".into(),
            baseline: b,
            followup: f,
        });
        return ind;
    }
    ind.value = Some(better as f64 / n as f64);
    ind.status = Status::Reported;
    ind.say(Message::ImprovedByGrowth {
        versus,
        n,
        baseline: b,
        followup: f,
    });
    ind
}
