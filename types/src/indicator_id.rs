//! Indicator ids read as what they say: `long.beneficiaries.sales.vs_control` is the
//! long run, the beneficiaries' panel, sales, compared with the control group.
//!
//! The document keeps ids as strings (`Indicator.id`); [`IndicatorId::parse`] reads
//! one into its horizon and family, so a reader asks for the measure or comparison
//! instead of splitting the string itself. An id of no known family (a newer engine's)
//! parses as [`Family::Other`], never as another indicator.

use crate::results::Horizon;

/// What a panel indicator compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    /// `growth`: the panel's own growth.
    Growth,
    /// `vs_control`: minus the control group's growth (with a bootstrap interval).
    VsControl,
    /// `vs_sector`: minus the rest of the sector's growth.
    VsSector,
    /// `vs_beneficiaries`: a size class minus all beneficiaries (pro-poor).
    VsBeneficiaries,
}

impl Comparison {
    pub fn from_key(key: &str) -> Option<Comparison> {
        Some(match key {
            "growth" => Comparison::Growth,
            "vs_control" => Comparison::VsControl,
            "vs_sector" => Comparison::VsSector,
            "vs_beneficiaries" => Comparison::VsBeneficiaries,
            _ => return None,
        })
    }

    pub fn key(self) -> &'static str {
        match self {
            Comparison::Growth => "growth",
            Comparison::VsControl => "vs_control",
            Comparison::VsSector => "vs_sector",
            Comparison::VsBeneficiaries => "vs_beneficiaries",
        }
    }
}

/// The family of an indicator and the parts of its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family<'a> {
    /// `long.<group>.<measure>.<comparison>`: `group` is `cluster` or `beneficiaries`.
    Panel {
        group: &'a str,
        measure: &'a str,
        comparison: Comparison,
    },
    /// `medium.strategies.<strategy>` (`quality`…, or `any`).
    Strategy(&'a str),
    /// `pro_poor.jobs.<group>`: jobs of a worker group (`women`…).
    WorkerJobs(&'a str),
    /// `pro_poor.share.<group>`: a worker group's share of employment.
    WorkerShare(&'a str),
    /// `pro_poor.firms.<class>.vs_beneficiaries`: a size class (`micro`…).
    SizeClass(&'a str),
    /// `pro_poor.share.<group>.vs_control`: a worker group's change of share against
    /// the control firms.
    WorkerShareVsControl(&'a str),
    /// `design.balance.<group>.<measure>`: `group` is `beneficiaries` or `cluster`.
    Balance { group: &'a str, measure: &'a str },
    /// `design.attrition.<group>`: `beneficiaries`, `control` or `differential`.
    Attrition(&'a str),
    /// `design.pretrend.<measure>`.
    Pretrend(&'a str),
    /// v3: `long.<group>.<flag>`, the share of the group's flag panel that adopted
    /// (`flag`: `innovation` or `new_markets`); the comparison with the control group
    /// is a [`Family::Panel`] (`long.<group>.innovation.vs_control`).
    Adoption { group: &'a str, flag: &'a str },
    /// v3: `pro_poor.non_participants.<measure>.vs_control`: the cluster's firms that
    /// did not take part against the control firms.
    NonParticipants(&'a str),
    /// An indicator of its own, by the name after the horizon
    /// (`long.return_per_dollar` → `return_per_dollar`).
    Single(&'a str),
    /// An id of no known shape.
    Other,
}

/// A parsed indicator id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndicatorId<'a> {
    id: &'a str,
    horizon: Option<Horizon>,
    family: Family<'a>,
}

impl<'a> IndicatorId<'a> {
    pub fn parse(id: &'a str) -> IndicatorId<'a> {
        let parts: Vec<&str> = id.split('.').collect();
        let horizon = match parts.first().copied() {
            Some("long") => Some(Horizon::Long),
            Some("medium") => Some(Horizon::Medium),
            Some("short") => Some(Horizon::Short),
            Some("pro_poor") => Some(Horizon::ProPoor),
            Some("design") => Some(Horizon::Design),
            Some("screening") => Some(Horizon::Screening),
            _ => None,
        };
        let family = match parts.as_slice() {
            _ if horizon.is_none() => Family::Other,
            ["long", group @ ("cluster" | "beneficiaries"), measure, comparison] => {
                match Comparison::from_key(comparison) {
                    Some(comparison) if comparison != Comparison::VsBeneficiaries => {
                        Family::Panel {
                            group,
                            measure,
                            comparison,
                        }
                    }
                    _ => Family::Other,
                }
            }
            ["long", group @ ("cluster" | "beneficiaries"), flag @ ("innovation" | "new_markets")] => {
                Family::Adoption { group, flag }
            }
            ["pro_poor", "non_participants", measure, "vs_control"] => {
                Family::NonParticipants(measure)
            }
            ["medium", "strategies", strategy] => Family::Strategy(strategy),
            ["pro_poor", "jobs", group] => Family::WorkerJobs(group),
            ["pro_poor", "share", group] => Family::WorkerShare(group),
            ["pro_poor", "firms", class, "vs_beneficiaries"] => Family::SizeClass(class),
            ["pro_poor", "share", group, "vs_control"] => Family::WorkerShareVsControl(group),
            ["design", "balance", group, measure] => Family::Balance { group, measure },
            ["design", "attrition", group] => Family::Attrition(group),
            ["design", "pretrend", measure] => Family::Pretrend(measure),
            // An indicator of its own whose name has two parts.
            ["pro_poor", "wage_gap", "vs_control"] => {
                Family::Single(id.get("pro_poor.".len()..).unwrap_or(id))
            }
            ["long", "beneficiaries", "jobs_net"] => {
                Family::Single(id.get("long.".len()..).unwrap_or(id))
            }
            [_, name] => Family::Single(name),
            _ => Family::Other,
        };
        IndicatorId {
            id,
            horizon,
            family,
        }
    }

    /// The id as written.
    pub fn as_str(&self) -> &'a str {
        self.id
    }

    /// The horizon its first part names, if any.
    pub fn horizon(&self) -> Option<Horizon> {
        self.horizon
    }

    pub fn family(&self) -> Family<'a> {
        self.family
    }

    /// The set of firms (`cluster`, `beneficiaries`), worker group or size class.
    pub fn group(&self) -> Option<&'a str> {
        match self.family {
            Family::Panel { group, .. } | Family::Adoption { group, .. } => Some(group),
            Family::WorkerJobs(g)
            | Family::WorkerShare(g)
            | Family::SizeClass(g)
            | Family::WorkerShareVsControl(g)
            | Family::Attrition(g)
            | Family::Balance { group: g, .. } => Some(g),
            _ => None,
        }
    }

    /// The measure of a panel indicator (`sales`, `exports`, `productivity`…).
    pub fn measure(&self) -> Option<&'a str> {
        match self.family {
            Family::Panel { measure, .. }
            | Family::Balance { measure, .. }
            | Family::Pretrend(measure)
            | Family::NonParticipants(measure) => Some(measure),
            _ => None,
        }
    }

    pub fn comparison(&self) -> Option<Comparison> {
        match self.family {
            Family::Panel { comparison, .. } => Some(comparison),
            Family::SizeClass(_) => Some(Comparison::VsBeneficiaries),
            Family::WorkerShareVsControl(_) | Family::NonParticipants(_) => {
                Some(Comparison::VsControl)
            }
            _ => None,
        }
    }

    /// `long.return_per_dollar` or `long.return_per_mif_dollar`: money per money.
    pub fn is_return(&self) -> bool {
        matches!(
            (self.horizon, self.family),
            (
                Some(Horizon::Long),
                Family::Single("return_per_dollar" | "return_per_mif_dollar")
            )
        )
    }

    /// True when the value is one growth minus another (read in percentage points):
    /// the comparisons, `long.local_gdp_vs_national`, the pre-trends, the
    /// differential attrition and the wage gap's change against the control group.
    pub fn is_difference(&self) -> bool {
        self.comparison().is_some_and(|c| c != Comparison::Growth)
            || matches!(
                (self.horizon, self.family),
                (Some(Horizon::Long), Family::Single("local_gdp_vs_national"))
                    | (Some(Horizon::Design), Family::Pretrend(_))
                    | (Some(Horizon::Design), Family::Attrition("differential"))
            )
            || matches!(
                (self.horizon, self.family),
                (
                    Some(Horizon::ProPoor),
                    Family::Single("wage_gap.vs_control")
                )
            )
    }

    /// True for a panel comparison with the control group
    /// (`long.<group>.<measure>.vs_control`): it has an event study and the cluster
    /// caveat.
    pub fn is_panel_vs_control(&self) -> bool {
        matches!(
            self.family,
            Family::Panel {
                comparison: Comparison::VsControl,
                ..
            }
        )
    }
}
