//! Proposal screening (SPEC, "Proposal screening"; Section V of the seed): which
//! proposals for joint initiatives meet the funding criteria.
//!
//! A proposal is **eligible** when it has at least [`MIN_ENTITIES`] distinct entities,
//! at least one business and one knowledge institution among them (types read with
//! the one vocabulary of [`cluster_eval_types::entity`]), and `environmental = yes`. Innovative
//! eligible proposals rank first (a preference, not a condition).
//!
//! - `screening.eligible`: the number of eligible proposals (count, reported). Its
//!   detail `proposals` has one entry per proposal, ranked: eligible innovative ones
//!   first, then the other eligible ones, then the rest, each group in table order.
//!   An entry: `proposal`, `entities`, `businesses`, `knowledge`, `innovative`,
//!   `environmental` (true, false or null when blank on every row), `eligible`,
//!   `reasons` (codes, below), `line` (its first row), `year` and `amount` (from its
//!   first row that has one, else null) and `members` (each distinct entity with its
//!   `type` key and the type as `typed`, null when blank).
//! - `screening.eligible_share`: eligible / proposals (share, reported); detail
//!   `eligible`, `proposals`.
//!
//! Both are `insufficient_data` (`table_empty`) without a valid proposals row.
//!
//! Reason codes: `too_few_entities`, `no_business`, `no_knowledge`,
//! `not_environmental`, `environmental_unknown`.
//!
//! Rules of the fine print: an entity counts once per proposal (its name trimmed and
//! compared case-insensitively; its type is the first non-blank one it was given); an
//! unknown type counts as *other* and is kept as typed; a proposal's flags are the
//! first non-blank values among its rows (the reader has already rejected later rows
//! that contradict them); a blank `innovative` ranks as not innovative.

use rustc_hash::FxHashMap;

use cluster_eval_types::detail::{to_map, ProposalDetail, ProposalMember, ScreeningDetail};
use cluster_eval_types::entity::{entity_type, EntityType};
use crate::model::{ProposalRow, TableKind};
use cluster_eval_types::results::{Horizon, Indicator, Message, Status, Unit};

pub const ELIGIBLE: &str = "screening.eligible";
pub const ELIGIBLE_SHARE: &str = "screening.eligible_share";

/// The fewest distinct entities an eligible proposal has.
pub const MIN_ENTITIES: usize = 3;

/// Why a proposal is not eligible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    /// Fewer than [`MIN_ENTITIES`] distinct entities.
    TooFewEntities,
    /// No business among the entities.
    NoBusiness,
    /// No knowledge institution among the entities.
    NoKnowledge,
    /// `environmental = no`.
    NotEnvironmental,
    /// `environmental` blank on every row of the proposal.
    EnvironmentalUnknown,
}

impl Reason {
    /// The stable code, as stored in the detail.
    pub fn code(self) -> &'static str {
        match self {
            Reason::TooFewEntities => "too_few_entities",
            Reason::NoBusiness => "no_business",
            Reason::NoKnowledge => "no_knowledge",
            Reason::NotEnvironmental => "not_environmental",
            Reason::EnvironmentalUnknown => "environmental_unknown",
        }
    }
}

/// One distinct entity of a proposal.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The name as on its first row.
    pub entity: String,
    pub kind: EntityType,
    /// The type as typed (first non-blank), `None` when blank on every row.
    pub typed: Option<String>,
}

/// One proposal screened.
#[derive(Debug, Clone, PartialEq)]
pub struct Screened {
    pub proposal: String,
    /// The line of its first row.
    pub line: usize,
    pub members: Vec<Member>,
    pub innovative: Option<bool>,
    pub environmental: Option<bool>,
    pub year: Option<i32>,
    pub amount: Option<f64>,
}

impl Screened {
    pub fn entities(&self) -> usize {
        self.members.len()
    }

    fn count(&self, kind: EntityType) -> usize {
        self.members.iter().filter(|m| m.kind == kind).count()
    }

    pub fn businesses(&self) -> usize {
        self.count(EntityType::Business)
    }

    pub fn knowledge(&self) -> usize {
        self.count(EntityType::Knowledge)
    }

    /// Why it is not eligible (empty: eligible).
    pub fn reasons(&self) -> Vec<Reason> {
        let mut reasons = Vec::new();
        if self.entities() < MIN_ENTITIES {
            reasons.push(Reason::TooFewEntities);
        }
        if self.businesses() == 0 {
            reasons.push(Reason::NoBusiness);
        }
        if self.knowledge() == 0 {
            reasons.push(Reason::NoKnowledge);
        }
        match self.environmental {
            Some(true) => {}
            Some(false) => reasons.push(Reason::NotEnvironmental),
            None => reasons.push(Reason::EnvironmentalUnknown),
        }
        reasons
    }

    pub fn eligible(&self) -> bool {
        self.reasons().is_empty()
    }

    /// 0: eligible and innovative; 1: eligible; 2: not eligible.
    fn rank(&self) -> u8 {
        match (self.eligible(), self.innovative == Some(true)) {
            (true, true) => 0,
            (true, false) => 1,
            (false, _) => 2,
        }
    }

    /// As stored in `detail.proposals` (and read by the page).
    fn detail(&self) -> ProposalDetail {
        let members = self
            .members
            .iter()
            .map(|m| ProposalMember {
                entity: m.entity.clone(),
                kind: m.kind.key().to_string(),
                typed: m.typed.clone(),
            })
            .collect();
        let reasons: Vec<String> = self
            .reasons()
            .into_iter()
            .map(|r| r.code().to_string())
            .collect();
        ProposalDetail {
            proposal: self.proposal.clone(),
            entities: self.entities(),
            businesses: self.businesses(),
            knowledge: self.knowledge(),
            innovative: self.innovative,
            environmental: self.environmental,
            eligible: reasons.is_empty(),
            reasons,
            line: self.line,
            year: self.year,
            amount: self.amount.filter(|a| a.is_finite()),
            members,
        }
    }
}

/// The entity's key: trimmed, case-insensitive.
fn entity_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// The proposals of a table, in ranking order (eligible innovative, eligible, the
/// rest; each in table order).
pub fn screen(rows: &[ProposalRow]) -> Vec<Screened> {
    let mut at: FxHashMap<&str, usize> = FxHashMap::default();
    let mut out: Vec<Screened> = Vec::new();
    let mut keys: Vec<FxHashMap<String, usize>> = Vec::new();
    for row in rows {
        let i = *at.entry(row.proposal.as_str()).or_insert_with(|| {
            out.push(Screened {
                proposal: row.proposal.clone(),
                line: row.line,
                members: Vec::new(),
                innovative: None,
                environmental: None,
                year: None,
                amount: None,
            });
            keys.push(FxHashMap::default());
            out.len() - 1
        });
        let (Some(p), Some(seen)) = (out.get_mut(i), keys.get_mut(i)) else {
            continue;
        };
        p.innovative = p.innovative.or(row.innovative);
        p.environmental = p.environmental.or(row.environmental);
        p.year = p.year.or(row.year);
        p.amount = p.amount.or(row.amount);
        let typed = row
            .entity_type
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty());
        let key = entity_key(&row.entity);
        match seen.get(&key) {
            Some(&m) => {
                // A second row of the same entity: counted once; it may give the type
                // its first row left blank.
                if let Some(member) = p.members.get_mut(m) {
                    if member.typed.is_none() {
                        if let Some(t) = typed {
                            member.kind = entity_type(t);
                            member.typed = Some(t.to_string());
                        }
                    }
                }
            }
            None => {
                seen.insert(key, p.members.len());
                p.members.push(Member {
                    entity: row.entity.trim().to_string(),
                    kind: typed.map_or(EntityType::Other, entity_type),
                    typed: typed.map(str::to_string),
                });
            }
        }
    }
    // A stable sort: table order within each rank.
    out.sort_by_key(Screened::rank);
    out
}

/// `screening.eligible` and `screening.eligible_share`.
pub fn compute(rows: &[ProposalRow]) -> Vec<Indicator> {
    let mut count = Indicator::new(ELIGIBLE, Horizon::Screening, Unit::Count);
    let mut share = Indicator::new(ELIGIBLE_SHARE, Horizon::Screening, Unit::Share);
    let screened = screen(rows);
    if screened.is_empty() {
        for ind in [&mut count, &mut share] {
            ind.say(Message::TableEmpty {
                table: TableKind::Proposals,
            });
        }
        return vec![count, share];
    }
    let total = screened.len();
    let eligible = screened.iter().filter(|p| p.eligible()).count();
    let innovative = screened
        .iter()
        .filter(|p| p.eligible() && p.innovative == Some(true))
        .count();
    count.value = Some(eligible as f64);
    count.status = Status::Reported;
    count.n = total;
    count.detail = to_map(&ScreeningDetail {
        eligible,
        eligible_innovative: innovative,
        proposals_count: total,
        proposals: screened.iter().map(Screened::detail).collect(),
    });
    share.value = Some(eligible as f64 / total as f64);
    share.status = Status::Reported;
    share.n = total;
    share.detail.insert("eligible".into(), eligible.into());
    share.detail.insert("proposals".into(), total.into());
    vec![count, share]
}
