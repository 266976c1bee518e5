//! The tables as typed rows: what the reader produces and the indicators consume.
//!
//! Every row keeps the 1-based line of the pasted text where it starts, so anything
//! computed from it can point back at the user's own data. Cell values are `Option`s:
//! `None` is a missing value (empty, `NA`, `-`…), which is not an error.

use std::collections::BTreeSet;
use std::fmt;


pub use cluster_eval_types::vocab::{ActivityStatus, Flag, Group, Measure, TableKind};

/// One valid row of the firms table: one firm in one year.
#[derive(Clone, PartialEq)]
pub struct FirmYear {
    pub firm: String,
    pub group: Group,
    pub year: i32,
    /// 1-based line of the pasted text where the row starts.
    pub line: usize,
    /// The measures in [`Measure::ALL`] order (see [`FirmYear::get`]): a value where
    /// `present` has the measure's bit, 0 elsewhere, so that the derived equality is
    /// the equality of every `get`. About half the size of `[Option<f64>; 17]`: a large
    /// table's rows are built, kept and scanned again and again.
    values: [f64; Measure::COUNT],
    present: u32,
    pub flags: [Option<bool>; Flag::COUNT],
}

// One bit of `FirmYear::present` per measure.
const _: () = assert!(Measure::COUNT <= u32::BITS as usize);

impl fmt::Debug for FirmYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FirmYear")
            .field("firm", &self.firm)
            .field("group", &self.group)
            .field("year", &self.year)
            .field("line", &self.line)
            .field("measures", &self.measures())
            .field("flags", &self.flags)
            .finish()
    }
}

impl FirmYear {
    /// A row with every value missing (handy for building rows in code and tests).
    pub fn new(firm: &str, group: Group, year: i32) -> Self {
        FirmYear {
            firm: firm.to_string(),
            group,
            year,
            line: 0,
            values: [0.0; Measure::COUNT],
            present: 0,
            flags: [None; Flag::COUNT],
        }
    }

    pub fn get(&self, measure: Measure) -> Option<f64> {
        let i = measure.index();
        (self.present & (1 << i) != 0).then(|| self.values[i])
    }

    /// Sets (or, with `None`, clears) a measure.
    pub fn set(&mut self, measure: Measure, value: Option<f64>) {
        let i = measure.index();
        match value {
            Some(v) => {
                self.values[i] = v;
                self.present |= 1 << i;
            }
            None => {
                self.values[i] = 0.0;
                self.present &= !(1 << i);
            }
        }
    }

    /// Every measure, in [`Measure::ALL`] order.
    pub fn measures(&self) -> [Option<f64>; Measure::COUNT] {
        Measure::ALL.map(|m| self.get(m))
    }

    pub fn flag(&self, flag: Flag) -> Option<bool> {
        self.flags[flag.index()]
    }

    /// Builder-style setter, for tests and examples.
    pub fn with(mut self, measure: Measure, value: f64) -> Self {
        self.set(measure, Some(value));
        self
    }

    /// Builder-style setter, for tests and examples.
    pub fn with_flag(mut self, flag: Flag, value: bool) -> Self {
        self.flags[flag.index()] = Some(value);
        self
    }
}

/// The firms table after reading: valid rows in table order, and which columns the
/// pasted table had (some indicators change definition with the columns present).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FirmsTable {
    pub rows: Vec<FirmYear>,
    pub measures_present: BTreeSet<Measure>,
    pub flags_present: BTreeSet<Flag>,
    /// False when the table had no `group` column: every row was read as beneficiary.
    pub group_column_present: bool,
}

impl FirmsTable {
    /// A table of the given rows, with every column they use marked present.
    pub fn from_rows(rows: Vec<FirmYear>) -> Self {
        let mut table = FirmsTable {
            rows,
            group_column_present: true,
            ..FirmsTable::default()
        };
        for row in &table.rows {
            for m in Measure::ALL {
                if row.get(m).is_some() {
                    table.measures_present.insert(m);
                }
            }
            for f in Flag::ALL {
                if row.flag(f).is_some() {
                    table.flags_present.insert(f);
                }
            }
        }
        table
    }

    pub fn has(&self, measure: Measure) -> bool {
        self.measures_present.contains(&measure)
    }

    pub fn has_flag(&self, flag: Flag) -> bool {
        self.flags_present.contains(&flag)
    }
}

/// One row of the territory table.
#[derive(Debug, Clone, PartialEq)]
pub struct TerritoryRow {
    pub year: i32,
    pub line: usize,
    pub local_gdp: Option<f64>,
    pub national_gdp: Option<f64>,
}

/// One joint activity for competitiveness in one year.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityRow {
    pub activity: String,
    pub year: i32,
    pub line: usize,
    /// Number of firms involved.
    pub firms: Option<f64>,
    /// v3: `None` when the table has no `status` column; a blank status is
    /// [`ActivityStatus::Done`] (a listed activity took place).
    pub status: Option<ActivityStatus>,
}

impl ActivityRow {
    /// Whether the activity took place (no status column, a blank status, or done):
    /// only these count in `medium.firm_cooperation`.
    pub fn done(&self) -> bool {
        matches!(self.status, None | Some(ActivityStatus::Done))
    }
}

/// One non-firm actor taking part in one year.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorRow {
    pub actor: String,
    pub kind: Option<String>,
    pub year: i32,
    pub line: usize,
}

/// Subsidies disbursed in one year (optionally per component).
#[derive(Debug, Clone, PartialEq)]
pub struct SubsidyRow {
    pub year: i32,
    pub line: usize,
    pub amount: Option<f64>,
    pub component: Option<String>,
    /// v3: the amount planned for the year and component, when the table has a
    /// `budget` column and the cell a value.
    pub budget: Option<f64>,
}

/// One entity submitting a proposal for a joint initiative (SPEC, "proposals": one
/// row per proposal and entity). The proposal's flags, year and amount may be filled
/// on its first row only.
#[derive(Debug, Clone, PartialEq)]
pub struct ProposalRow {
    pub proposal: String,
    pub entity: String,
    /// The entity type as typed (trimmed); see [`cluster_eval_types::entity::entity_type`].
    pub entity_type: Option<String>,
    pub innovative: Option<bool>,
    /// Environmentally sustainable and compliant with domestic standards.
    pub environmental: Option<bool>,
    pub year: Option<i32>,
    pub amount: Option<f64>,
    pub line: usize,
}

impl ProposalRow {
    /// A row with every optional value missing (for building rows in code and tests).
    pub fn new(proposal: &str, entity: &str, entity_type: &str) -> Self {
        ProposalRow {
            proposal: proposal.to_string(),
            entity: entity.to_string(),
            entity_type: (!entity_type.is_empty()).then(|| entity_type.to_string()),
            innovative: None,
            environmental: None,
            year: None,
            amount: None,
            line: 0,
        }
    }

    /// Builder-style setter of the two flags, for tests and examples.
    pub fn with_flags(mut self, innovative: Option<bool>, environmental: Option<bool>) -> Self {
        self.innovative = innovative;
        self.environmental = environmental;
        self
    }
}

/// All the tables, typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dataset {
    pub firms: FirmsTable,
    pub territory: Vec<TerritoryRow>,
    pub activities: Vec<ActivityRow>,
    pub actors: Vec<ActorRow>,
    pub subsidies: Vec<SubsidyRow>,
    /// Empty when no proposals table was pasted.
    pub proposals: Vec<ProposalRow>,
}
