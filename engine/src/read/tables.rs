//! Typed rows: turns the cells of one row (already read by column type) into the
//! model's rows, with the checks that need more than one row — a second row for the
//! same firm and year (territory: the same year), a firm whose group changes, a
//! proposal whose yes/no flag contradicts an earlier row of it. The first row in table
//! order is the reference; later rows are the errors.

use std::collections::HashMap;

use super::cell::Value;
use cluster_eval_types::reading::RowErrorKind;
use cluster_eval_types::schema::{
    self, FIRMS_FIRM, FIRMS_FLAG_START, FIRMS_GROUP, FIRMS_MEASURE_START, FIRMS_YEAR,
};
use super::TableRows;
use crate::model::{
    ActivityRow, ActivityStatus, ActorRow, FirmYear, FirmsTable, Flag, Group, Measure, ProposalRow, SubsidyRow,
    TableKind, TerritoryRow,
};

/// The schema columns of the proposals table (see `schema::PROPOSALS`).
const PROPOSAL: usize = 0;
const ENTITY: usize = 1;
const ENTITY_TYPE: usize = 2;
const INNOVATIVE: usize = 3;
const ENVIRONMENTAL: usize = 4;
const PROPOSAL_YEAR: usize = 5;
const PROPOSAL_AMOUNT: usize = 6;
/// The proposal's two flags, in the order of [`Builder::proposal_flags`].
const PROPOSAL_FLAGS: [usize; 2] = [INNOVATIVE, ENVIRONMENTAL];

/// A cross-row error: the schema column, the kind, the rejected text.
pub type Complaint<'r> = (usize, RowErrorKind, &'r str);

fn text<'r>(vals: &[Value<'r>], col: usize) -> Option<&'r str> {
    match vals.get(col) {
        Some(Value::Text(s)) => Some(s),
        _ => None,
    }
}

fn num(vals: &[Value<'_>], col: usize) -> Option<f64> {
    match vals.get(col) {
        Some(Value::Number(v)) => Some(*v),
        _ => None,
    }
}

fn year(vals: &[Value<'_>], col: usize) -> Option<i32> {
    match vals.get(col) {
        Some(Value::Year(y)) => Some(*y),
        _ => None,
    }
}

fn flag(vals: &[Value<'_>], col: usize) -> Option<bool> {
    match vals.get(col) {
        Some(Value::Flag(b)) => Some(*b),
        _ => None,
    }
}

use rustc_hash::FxHashMap;

/// One typed row made from the cells of a pasted row, before the checks that need the
/// rows above it ([`Builder::settle`]). Preparing needs nothing but the row itself, so
/// rows can be prepared on several threads and settled in table order.
#[derive(Debug)]
pub enum Prepared<'r> {
    /// A key value (firm, activity, actor, year) is missing: excluded, and no other
    /// row is compared with it.
    Skip,
    /// A firm-year. Its row, when the cells were all read and the group is known, was
    /// pushed to the caller's rows (`built`): it is kept if it passes the checks.
    Firm {
        firm: &'r str,
        year: i32,
        group: Option<Group>,
        /// The group cell as pasted (trimmed), for a group-change error.
        group_raw: &'r str,
        built: bool,
    },
    // The rows of the small tables are boxed: a firm's prepared row is the one there
    // are 100,000 of, and it is kept small.
    Territory {
        year: i32,
        year_raw: &'r str,
        /// `None` when a cell of the row is in error.
        row: Option<Box<TerritoryRow>>,
    },
    Activity(Option<Box<ActivityRow>>),
    Actor(Option<Box<ActorRow>>),
    Subsidy(Option<Box<SubsidyRow>>),
    /// A proposal's entity; `None` when a cell of the row is in error (only rows read
    /// whole take part in the flag checks).
    Proposal {
        proposal: &'r str,
        /// The flag cells as pasted (trimmed), for a contradiction error.
        flag_raws: [&'r str; 2],
        row: Option<Box<ProposalRow>>,
    },
}

/// Prepares one row's values (by schema column) of a `kind` table. `clean` is false
/// when a cell of the row is already in error: the row is then only remembered for
/// the cross-row checks. A firm's row goes to `firm_rows` (see [`Prepared::Firm`]);
/// `has_group` says whether the table has a group column (for *activities*, v3:
/// whether it has a `status` column).
pub fn prepare<'r>(
    kind: TableKind,
    has_group: bool,
    line: usize,
    vals: &[Value<'r>],
    raws: &[&'r str],
    clean: bool,
    firm_rows: &mut Vec<FirmYear>,
) -> Prepared<'r> {
    match kind {
        TableKind::Firms => {
            let (Some(firm), Some(y)) = (text(vals, FIRMS_FIRM), year(vals, FIRMS_YEAR)) else {
                return Prepared::Skip;
            };
            let group = if has_group {
                match vals.get(FIRMS_GROUP) {
                    Some(Value::Group(g)) => Some(*g),
                    _ => None,
                }
            } else {
                Some(Group::Beneficiary)
            };
            let built = clean && group.is_some();
            if built {
                let mut row = FirmYear::new(firm, group.unwrap_or(Group::Beneficiary), y);
                row.line = line;
                for m in Measure::ALL {
                    row.set(m, num(vals, FIRMS_MEASURE_START + m.index()));
                }
                for (f, slot) in Flag::ALL.into_iter().zip(row.flags.iter_mut()) {
                    *slot = match vals.get(FIRMS_FLAG_START + f.index()) {
                        Some(Value::Flag(b)) => Some(*b),
                        _ => None,
                    };
                }
                firm_rows.push(row);
            }
            Prepared::Firm {
                firm,
                year: y,
                group,
                group_raw: raws.get(FIRMS_GROUP).copied().unwrap_or(""),
                built,
            }
        }
        TableKind::Territory => {
            let Some(y) = year(vals, 0) else {
                return Prepared::Skip;
            };
            Prepared::Territory {
                year: y,
                year_raw: raws.first().copied().unwrap_or(""),
                row: clean.then(|| {
                    Box::new(TerritoryRow {
                        year: y,
                        line,
                        local_gdp: num(vals, 1),
                        national_gdp: num(vals, 2),
                    })
                }),
            }
        }
        TableKind::Activities => {
            let has_status = has_group;
            let (Some(activity), Some(y)) = (text(vals, 0), year(vals, 1)) else {
                return Prepared::Skip;
            };
            Prepared::Activity(clean.then(|| {
                Box::new(ActivityRow {
                    activity: activity.to_string(),
                    year: y,
                    line,
                    firms: num(vals, 2),
                    // A status column read blank is done; without the column, None.
                    status: has_status.then(|| {
                        text(vals, schema::ACTIVITIES_STATUS)
                            .and_then(ActivityStatus::from_word)
                            .unwrap_or(ActivityStatus::Done)
                    }),
                })
            }))
        }
        TableKind::Actors => {
            let (Some(actor), Some(y)) = (text(vals, 0), year(vals, 2)) else {
                return Prepared::Skip;
            };
            Prepared::Actor(clean.then(|| {
                Box::new(ActorRow {
                    actor: actor.to_string(),
                    kind: text(vals, 1).map(str::to_string),
                    year: y,
                    line,
                })
            }))
        }
        TableKind::Proposals => {
            let (Some(proposal), Some(entity)) = (text(vals, PROPOSAL), text(vals, ENTITY)) else {
                return Prepared::Skip;
            };
            let raw = |col: usize| raws.get(col).copied().unwrap_or("");
            Prepared::Proposal {
                proposal,
                flag_raws: PROPOSAL_FLAGS.map(raw),
                row: clean.then(|| {
                    Box::new(ProposalRow {
                        proposal: proposal.to_string(),
                        entity: entity.to_string(),
                        entity_type: text(vals, ENTITY_TYPE).map(str::to_string),
                        innovative: flag(vals, INNOVATIVE),
                        environmental: flag(vals, ENVIRONMENTAL),
                        year: year(vals, PROPOSAL_YEAR),
                        amount: num(vals, PROPOSAL_AMOUNT),
                        line,
                    })
                }),
            }
        }
        TableKind::Subsidies => {
            let Some(y) = year(vals, 0) else {
                return Prepared::Skip;
            };
            Prepared::Subsidy(clean.then(|| {
                Box::new(SubsidyRow {
                    year: y,
                    line,
                    amount: num(vals, 1),
                    component: text(vals, 2).map(str::to_string),
                    budget: num(vals, 3),
                })
            }))
        }
    }
}

/// What the firms checks remember of each firm: its first group, and its years as a
/// list threaded through [`Builder::years`] (no allocation per firm).
struct FirmState {
    group: Option<(Group, usize)>,
    last_year: u32,
}

/// No year (the end of a firm's list of years).
const NO_YEAR: u32 = u32::MAX;

/// Settles prepared rows in table order and builds the rows of one table.
pub struct Builder<'r> {
    kind: TableKind,
    present: Vec<bool>,
    firms: FxHashMap<&'r str, FirmState>,
    /// Every firm-year seen: (year, its first line, the firm's previous entry).
    years: Vec<(i32, usize, u32)>,
    territory_years: HashMap<i32, usize>,
    territory: Vec<TerritoryRow>,
    activities: Vec<ActivityRow>,
    actors: Vec<ActorRow>,
    subsidies: Vec<SubsidyRow>,
    proposals: Vec<ProposalRow>,
    /// Per proposal: the first value of each flag ([`PROPOSAL_FLAGS`]) and its line.
    proposal_flags: FxHashMap<&'r str, [Option<(bool, usize)>; 2]>,
}

impl<'r> Builder<'r> {
    pub fn new(kind: TableKind, present: Vec<bool>, rows_hint: usize) -> Self {
        let firms_hint = if kind == TableKind::Firms {
            rows_hint
        } else {
            0
        };
        Builder {
            kind,
            present,
            firms: FxHashMap::with_capacity_and_hasher(firms_hint / 4, Default::default()),
            years: Vec::with_capacity(firms_hint),
            territory_years: HashMap::new(),
            territory: Vec::new(),
            activities: Vec::new(),
            actors: Vec::new(),
            subsidies: Vec::new(),
            proposals: Vec::new(),
            proposal_flags: FxHashMap::default(),
        }
    }

    /// Settles one prepared row (of line `line`), in table order: the first row of a
    /// firm and year (territory: of a year) is the reference, later ones are errors,
    /// as is a firm whose group changes. Cross-row errors go to `complain`. Returns
    /// whether the row is kept (a firm's row is kept by the caller, see
    /// [`Prepared::Firm`]).
    pub fn settle(
        &mut self,
        line: usize,
        prepared: Prepared<'r>,
        complain: &mut Vec<Complaint<'r>>,
    ) -> bool {
        match prepared {
            Prepared::Skip => false,
            Prepared::Firm {
                firm,
                year: y,
                group,
                group_raw,
                built,
            } => {
                let state = self.firms.entry(firm).or_insert(FirmState {
                    group: None,
                    last_year: NO_YEAR,
                });
                let mut ok = built;
                if let Some(g) = group {
                    match state.group {
                        None => state.group = Some((g, line)),
                        Some((first_group, first_line)) if first_group != g => {
                            complain.push((
                                FIRMS_GROUP,
                                RowErrorKind::GroupChanged {
                                    first_line,
                                    first_group,
                                    group: g,
                                },
                                group_raw,
                            ));
                            ok = false;
                        }
                        Some(_) => {}
                    }
                }
                let mut at = state.last_year;
                let mut seen = None;
                while let Some(&(year, first_line, previous)) = self.years.get(at as usize) {
                    if year == y {
                        seen = Some(first_line);
                        break;
                    }
                    at = previous;
                }
                match seen {
                    Some(first_line) => {
                        complain.push((FIRMS_FIRM, RowErrorKind::Duplicate { first_line }, firm));
                        ok = false;
                    }
                    None => {
                        self.years.push((y, line, state.last_year));
                        state.last_year = u32::try_from(self.years.len() - 1).unwrap_or(NO_YEAR);
                    }
                }
                ok
            }
            Prepared::Territory {
                year: y,
                year_raw,
                row,
            } => {
                if let Some(&first_line) = self.territory_years.get(&y) {
                    complain.push((0, RowErrorKind::Duplicate { first_line }, year_raw));
                    return false;
                }
                self.territory_years.insert(y, line);
                match row {
                    Some(row) => {
                        self.territory.push(*row);
                        true
                    }
                    None => false,
                }
            }
            Prepared::Activity(row) => row.map(|r| self.activities.push(*r)).is_some(),
            Prepared::Actor(row) => row.map(|r| self.actors.push(*r)).is_some(),
            Prepared::Subsidy(row) => row.map(|r| self.subsidies.push(*r)).is_some(),
            Prepared::Proposal {
                proposal,
                flag_raws,
                row,
            } => {
                let Some(row) = row else { return false };
                let firsts = self.proposal_flags.entry(proposal).or_default();
                let values = [row.innovative, row.environmental];
                let mut ok = true;
                for (((first, value), col), raw) in
                    firsts.iter().zip(values).zip(PROPOSAL_FLAGS).zip(flag_raws)
                {
                    if let (Some((first, first_line)), Some(value)) = (*first, value) {
                        if first != value {
                            let kind = RowErrorKind::ProposalChanged { first_line, first };
                            complain.push((col, kind, raw));
                            ok = false;
                        }
                    }
                }
                if ok {
                    for (first, value) in firsts.iter_mut().zip(values) {
                        if first.is_none() {
                            *first = value.map(|v| (v, line));
                        }
                    }
                    self.proposals.push(*row);
                }
                ok
            }
        }
    }

    /// The typed rows; `firm_rows` are the firm rows kept, in table order.
    pub fn finish(self, firm_rows: Vec<FirmYear>) -> TableRows {
        match self.kind {
            TableKind::Firms => {
                let mut table = FirmsTable {
                    rows: firm_rows,
                    group_column_present: self.present.get(FIRMS_GROUP).copied().unwrap_or(false),
                    ..FirmsTable::default()
                };
                for m in Measure::ALL {
                    if self
                        .present
                        .get(schema::measure_column(m))
                        .copied()
                        .unwrap_or(false)
                    {
                        table.measures_present.insert(m);
                    }
                }
                for f in Flag::ALL {
                    if self
                        .present
                        .get(schema::flag_column(f))
                        .copied()
                        .unwrap_or(false)
                    {
                        table.flags_present.insert(f);
                    }
                }
                TableRows::Firms(table)
            }
            TableKind::Territory => TableRows::Territory(self.territory),
            TableKind::Activities => TableRows::Activities(self.activities),
            TableKind::Actors => TableRows::Actors(self.actors),
            TableKind::Subsidies => TableRows::Subsidies(self.subsidies),
            TableKind::Proposals => TableRows::Proposals(self.proposals),
        }
    }
}

/// Empty rows of a table (nothing pasted, or a table that could not be read).
pub fn empty(kind: TableKind) -> TableRows {
    Builder::new(kind, Vec::new(), 0).finish(Vec::new())
}
