//! Typed rows: turns the cells of one row (already read by column type) into the
//! model's rows, with the checks that need more than one row — a second row for the
//! same firm and year (territory: the same year), a firm whose group changes. The
//! first row in table order is the reference; later rows are the errors.

use std::collections::HashMap;

use super::cell::Value;
use super::error::RowErrorKind;
use super::schema::{
    self, FIRMS_FIRM, FIRMS_FLAG_START, FIRMS_GROUP, FIRMS_MEASURE_START, FIRMS_YEAR,
};
use super::TableRows;
use crate::model::{
    ActivityRow, ActorRow, FirmYear, FirmsTable, Flag, Group, Measure, SubsidyRow, TableKind,
    TerritoryRow,
};

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

use crate::fasthash::FastMap as FxMap;

/// What the firms checks remember of each firm.
struct FirmState {
    group: Option<(Group, usize)>,
    years: Vec<(i32, usize)>,
}

/// Builds the rows of one table.
pub struct Builder<'r> {
    kind: TableKind,
    present: Vec<bool>,
    firms: FxMap<&'r str, FirmState>,
    firm_rows: Vec<FirmYear>,
    territory_years: HashMap<i32, usize>,
    territory: Vec<TerritoryRow>,
    activities: Vec<ActivityRow>,
    actors: Vec<ActorRow>,
    subsidies: Vec<SubsidyRow>,
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
            firms: FxMap::with_capacity_and_hasher(firms_hint / 4, Default::default()),
            firm_rows: Vec::with_capacity(firms_hint),
            territory_years: HashMap::new(),
            territory: Vec::new(),
            activities: Vec::new(),
            actors: Vec::new(),
            subsidies: Vec::new(),
        }
    }

    fn has(&self, col: usize) -> bool {
        self.present.get(col).copied().unwrap_or(false)
    }

    /// Takes one row's values (by schema column). `clean` is false when a cell of the
    /// row is already in error: the row is then only remembered for the cross-row
    /// checks. Cross-row errors go to `complain`. Returns whether the row was kept.
    pub fn accept(
        &mut self,
        line: usize,
        vals: &[Value<'r>],
        raws: &[&'r str],
        clean: bool,
        complain: &mut Vec<Complaint<'r>>,
    ) -> bool {
        match self.kind {
            TableKind::Firms => self.firm(line, vals, raws, clean, complain),
            TableKind::Territory => {
                let Some(y) = year(vals, 0) else { return false };
                if let Some(&first_line) = self.territory_years.get(&y) {
                    complain.push((
                        0,
                        RowErrorKind::Duplicate { first_line },
                        raws.first().copied().unwrap_or(""),
                    ));
                    return false;
                }
                self.territory_years.insert(y, line);
                if clean {
                    self.territory.push(TerritoryRow {
                        year: y,
                        line,
                        local_gdp: num(vals, 1),
                        national_gdp: num(vals, 2),
                    });
                }
                clean
            }
            TableKind::Activities => {
                let (Some(activity), Some(y)) = (text(vals, 0), year(vals, 1)) else {
                    return false;
                };
                if clean {
                    self.activities.push(ActivityRow {
                        activity: activity.to_string(),
                        year: y,
                        line,
                        firms: num(vals, 2),
                    });
                }
                clean
            }
            TableKind::Actors => {
                let (Some(actor), Some(y)) = (text(vals, 0), year(vals, 2)) else {
                    return false;
                };
                if clean {
                    self.actors.push(ActorRow {
                        actor: actor.to_string(),
                        kind: text(vals, 1).map(str::to_string),
                        year: y,
                        line,
                    });
                }
                clean
            }
            TableKind::Subsidies => {
                let Some(y) = year(vals, 0) else { return false };
                if clean {
                    self.subsidies.push(SubsidyRow {
                        year: y,
                        line,
                        amount: num(vals, 1),
                        component: text(vals, 2).map(str::to_string),
                    });
                }
                clean
            }
        }
    }

    fn firm(
        &mut self,
        line: usize,
        vals: &[Value<'r>],
        raws: &[&'r str],
        clean: bool,
        complain: &mut Vec<Complaint<'r>>,
    ) -> bool {
        let (Some(firm), Some(y)) = (text(vals, FIRMS_FIRM), year(vals, FIRMS_YEAR)) else {
            return false;
        };
        let group = if self.has(FIRMS_GROUP) {
            match vals.get(FIRMS_GROUP) {
                Some(Value::Group(g)) => Some(*g),
                _ => None,
            }
        } else {
            Some(Group::Beneficiary)
        };
        let state = self.firms.entry(firm).or_insert_with(|| FirmState {
            group: None,
            years: Vec::new(),
        });
        let mut ok = clean && group.is_some();
        if let Some(g) = group {
            match state.group {
                None => state.group = Some((g, line)),
                Some((first_group, first_line)) if first_group != g => {
                    let raw = raws.get(FIRMS_GROUP).copied().unwrap_or("");
                    complain.push((
                        FIRMS_GROUP,
                        RowErrorKind::GroupChanged {
                            first_line,
                            first_group,
                            group: g,
                        },
                        raw,
                    ));
                    ok = false;
                }
                Some(_) => {}
            }
        }
        match state.years.iter().find(|(seen, _)| *seen == y) {
            Some(&(_, first_line)) => {
                complain.push((FIRMS_FIRM, RowErrorKind::Duplicate { first_line }, firm));
                ok = false;
            }
            None => state.years.push((y, line)),
        }
        if ok {
            let mut row = FirmYear::new(firm, group.unwrap_or(Group::Beneficiary), y);
            row.line = line;
            for m in Measure::ALL {
                row.measures[m.index()] = num(vals, FIRMS_MEASURE_START + m.index());
            }
            for f in Flag::ALL {
                row.flags[f.index()] = match vals.get(FIRMS_FLAG_START + f.index()) {
                    Some(Value::Flag(b)) => Some(*b),
                    _ => None,
                };
            }
            self.firm_rows.push(row);
        }
        ok
    }

    /// The typed rows.
    pub fn finish(self) -> TableRows {
        match self.kind {
            TableKind::Firms => {
                let mut table = FirmsTable {
                    rows: self.firm_rows,
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
        }
    }
}

/// Empty rows of a table (nothing pasted, or a table that could not be read).
pub fn empty(kind: TableKind) -> TableRows {
    Builder::new(kind, Vec::new(), 0).finish()
}
