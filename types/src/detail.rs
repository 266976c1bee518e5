//! Typed views of an indicator's `detail`, for the parts the page reads.
//!
//! [`Indicator::detail`] stays a JSON map in the document (the numbers an indicator
//! was computed from, shown by name under "how it was computed"). The structs here
//! name the parts that the page and `ui/` read to say something (a balance table, an
//! event-study chart, the screening table…): each has exactly the keys and value
//! shapes the engine writes, and the engine builds those parts from these same structs
//! (serialised with [`to_map`] or `serde_json::to_value`), so one definition serves
//! both sides and the document keeps its shape (same keys, same order, same numbers:
//! a count stays an integer, an amount a float).
//!
//! A struct covers the keys it names, not the whole map: decode one with
//! [`Indicator::detail_as`] (or the named accessors below), which ignores the other
//! keys; `None` when a key it needs is absent or of another shape (an indicator
//! computed without the data, or a detail of another kind).
//!
//! Numbers a struct holds keep the JSON type the engine writes: counts are `usize`,
//! amounts `f64`, and `Option<f64>` where the engine writes `null` for an undefined
//! value. Codes a newer file may hold and this page not know (a screening reason, an
//! entity type) stay strings, shown as they are.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::message::Message;
use crate::results::Indicator;

/// The years an indicator compares (`baseline_year`, `followup_year`, and for a
/// pre-trend `pre_year`), where it has them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DetailYears {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pre_year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline_year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub followup_year: Option<i32>,
}

/// What an indicator compares, where it says: the `method` (`amount`,
/// `labour_productivity`…), the `group` and the group it is compared `versus` (detail
/// keys of a set: `beneficiary`, `cluster`, `control`, `sector`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DetailHead {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub versus: Option<String>,
}

/// One side of a balance check at baseline (`detail.groups.<side>` of
/// `design.balance.*`): firms, mean and standard deviation (null with one firm).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Moments {
    pub n: usize,
    /// Null when not finite.
    #[serde(deserialize_with = "Option::deserialize")]
    pub mean: Option<f64>,
    /// Null below 2 firms.
    #[serde(deserialize_with = "Option::deserialize")]
    pub sd: Option<f64>,
}

/// `detail.groups` of a balance check: the group compared (beneficiaries or the whole
/// cluster) and the control firms, each present when it has a firm.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct BalanceGroups {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beneficiary: Option<Moments>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<Moments>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub control: Option<Moments>,
}

impl BalanceGroups {
    /// The side named by its detail key (`beneficiary`, `cluster`, `control`).
    pub fn side(&self, key: &str) -> Option<&Moments> {
        match key {
            "beneficiary" => self.beneficiary.as_ref(),
            "cluster" => self.cluster.as_ref(),
            "control" => self.control.as_ref(),
            _ => None,
        }
    }
}

/// The detail of a balance check (`design.balance.*`) the page reads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct BalanceDetail {
    pub groups: BalanceGroups,
}

/// The firms gone by the follow-up (`design.attrition.beneficiaries|control`, and
/// `pro_poor.exited_firms_jobs` without the employment).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct AttritionCounts {
    /// Firms with a row in the baseline year.
    pub firms_b: usize,
    /// Of those, the firms without a row in the follow-up year.
    pub gone: usize,
    /// Their employment in the baseline year (absent from the exited-jobs indicator,
    /// whose value it is).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employment_b_gone: Option<f64>,
}

/// How much a comparison with the control group rests on (`detail.evidence`):
/// `weak` when the smaller panel has fewer than 10 firms, `limited` under 30.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    Weak,
    Limited,
    Adequate,
}

impl Evidence {
    /// The level of a comparison whose smaller panel has `n_smaller` firms: `weak`
    /// under 10 firms, `limited` under 30, else `adequate`.
    pub fn of(n_smaller: usize) -> Evidence {
        match n_smaller {
            0..=9 => Evidence::Weak,
            10..=29 => Evidence::Limited,
            _ => Evidence::Adequate,
        }
    }

    /// The level as written in the detail (`weak`…).
    pub fn code(self) -> &'static str {
        match self {
            Evidence::Weak => "weak",
            Evidence::Limited => "limited",
            Evidence::Adequate => "adequate",
        }
    }
}

/// The reading of a comparison with the control group (`*.vs_control`): its evidence
/// level and the cluster caveat, written together after `cagr_difference`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ControlReading {
    pub evidence: Evidence,
    /// The caveat, a stored [`Message`] (`{"code", "params"}`).
    pub caveat: Message,
}

/// One year of an event study, stored as `[year, value, low, high]` (`low` and `high`
/// null without an interval).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct EventYear(pub i32, pub f64, pub Option<f64>, pub Option<f64>);

impl EventYear {
    pub fn year(&self) -> i32 {
        self.0
    }
    pub fn value(&self) -> f64 {
        self.1
    }
    pub fn low(&self) -> Option<f64> {
        self.2
    }
    pub fn high(&self) -> Option<f64> {
        self.3
    }
}

/// `detail.event` of a comparison with the control group: the points in year order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventDetail {
    pub event: Vec<EventYear>,
}

/// One point of an index series: `[year, index]` (baseline = 100; null when not
/// finite).
pub type SeriesPoint = (i32, Option<f64>);

/// `detail.series` of a long-run growth or comparison: the index series of each set
/// that has one, in the order beneficiaries, cluster, control, sector.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Series {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beneficiary: Option<Vec<SeriesPoint>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<Vec<SeriesPoint>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub control: Option<Vec<SeriesPoint>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<Vec<SeriesPoint>>,
}

impl Series {
    /// The series of a set by its detail key (`beneficiary`, `cluster`, `control`,
    /// `sector`); empty when it has none.
    pub fn of(&self, key: &str) -> &[SeriesPoint] {
        let s = match key {
            "beneficiary" => &self.beneficiary,
            "cluster" => &self.cluster,
            "control" => &self.control,
            "sector" => &self.sector,
            _ => &None,
        };
        s.as_deref().unwrap_or_default()
    }

    /// The series of a set by its detail key, to fill in.
    pub fn of_mut(&mut self, key: &str) -> Option<&mut Option<Vec<SeriesPoint>>> {
        match key {
            "beneficiary" => Some(&mut self.beneficiary),
            "cluster" => Some(&mut self.cluster),
            "control" => Some(&mut self.control),
            "sector" => Some(&mut self.sector),
            _ => None,
        }
    }
}

/// The parts of a long-run growth the charts read: the series, and the mean per firm
/// in the baseline and follow-up years (null when undefined).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GrowthDetail {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mean_b: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mean_f: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<Series>,
}

/// `long.local_gdp_vs_national`: the growth of local and of national GDP (null when a
/// GDP is zero).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LocalGdp {
    // Present, null or not: a detail without them is not this one (serde would take
    // a missing `Option` for `None`).
    #[serde(deserialize_with = "Option::deserialize")]
    pub g_local: Option<f64>,
    #[serde(deserialize_with = "Option::deserialize")]
    pub g_national: Option<f64>,
}

/// `short.participation_share`: the participating firms over the firms of the
/// cluster, and where that denominator came from (`cluster_firms` or `firms_table`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Participation {
    pub participating: usize,
    pub denominator: f64,
    pub source: String,
}

fn other() -> String {
    "other".into()
}

/// One distinct entity of a proposal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProposalMember {
    /// The name as on its first row.
    pub entity: String,
    /// `business`, `knowledge`, `government`, `association` or `other`.
    #[serde(rename = "type", default = "other")]
    pub kind: String,
    /// The type as typed (first non-blank), null when blank on every row.
    pub typed: Option<String>,
}

/// One screened proposal, as stored in `screening.eligible`'s `detail.proposals`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProposalDetail {
    pub proposal: String,
    pub entities: usize,
    pub businesses: usize,
    pub knowledge: usize,
    pub innovative: Option<bool>,
    pub environmental: Option<bool>,
    pub eligible: bool,
    /// Reason codes (`too_few_entities`…); empty when eligible.
    #[serde(default)]
    pub reasons: Vec<String>,
    /// The line of its first row in the pasted table.
    pub line: usize,
    pub year: Option<i32>,
    pub amount: Option<f64>,
    #[serde(default)]
    pub members: Vec<ProposalMember>,
}

/// The whole detail of `screening.eligible`: the counts and the proposals, already
/// ranked (eligible innovative proposals first).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ScreeningDetail {
    pub eligible: usize,
    pub eligible_innovative: usize,
    pub proposals_count: usize,
    pub proposals: Vec<ProposalDetail>,
}

/// A struct's fields as detail entries, in its field order (the engine adds them to a
/// detail with `extend`). Empty if `part` is not a struct.
pub fn to_map<T: Serialize>(part: &T) -> Map<String, Value> {
    match serde_json::to_value(part) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

impl Indicator {
    /// The detail read as `T`, or `None` when it lacks a key `T` needs or has it in
    /// another shape. Keys `T` does not name are ignored.
    pub fn detail_as<T: DeserializeOwned>(&self) -> Option<T> {
        T::deserialize(&self.detail).ok()
    }

    /// The years compared (any of them may be absent).
    pub fn detail_years(&self) -> DetailYears {
        self.detail_as().unwrap_or_default()
    }

    /// What the indicator compares (any part may be absent).
    pub fn detail_head(&self) -> DetailHead {
        self.detail_as().unwrap_or_default()
    }

    /// The evidence level and cluster caveat of a comparison with the control group.
    pub fn control_reading(&self) -> Option<ControlReading> {
        self.detail_as()
    }

    /// The event study of a comparison with the control group (empty without one).
    pub fn event_years(&self) -> Vec<EventYear> {
        self.detail_as::<EventDetail>()
            .map(|d| d.event)
            .unwrap_or_default()
    }

    /// The proposals of `screening.eligible`, `None` without a proposals table.
    pub fn screening_detail(&self) -> Option<ScreeningDetail> {
        self.detail_as()
    }
}
