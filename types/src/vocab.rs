//! The vocabulary every part shares: the tables ([`TableKind`]), the groups of firms
//! ([`Group`]), the firms table's measures and yes/no flags ([`Measure`], [`Flag`]),
//! and the four sets the indicators compare ([`Side`]).

use std::fmt;

use serde::{Deserialize, Serialize};

/// The tables of a project (five, and the optional sixth, *proposals*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    Firms,
    Territory,
    Activities,
    Actors,
    Subsidies,
    Proposals,
}

impl TableKind {
    /// The number of tables.
    pub const COUNT: usize = 6;
    pub const ALL: [TableKind; TableKind::COUNT] = [
        TableKind::Firms,
        TableKind::Territory,
        TableKind::Activities,
        TableKind::Actors,
        TableKind::Subsidies,
        TableKind::Proposals,
    ];

    /// The table's id in the document and in `data-testid`s.
    pub fn name(self) -> &'static str {
        match self {
            TableKind::Firms => "firms",
            TableKind::Territory => "territory",
            TableKind::Activities => "activities",
            TableKind::Actors => "actors",
            TableKind::Subsidies => "subsidies",
            TableKind::Proposals => "proposals",
        }
    }

    pub fn from_name(name: &str) -> Option<TableKind> {
        TableKind::ALL.into_iter().find(|t| t.name() == name)
    }
}

impl fmt::Display for TableKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The four groups of firms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// Direct participant of the programme (set B).
    Beneficiary,
    /// Firm of the same cluster that did not participate (B ∪ these = K).
    Cluster,
    /// Firm of a comparable cluster with no programme (C).
    Control,
    /// Rest of the sector, possibly one aggregate row (S).
    Sector,
}

impl Group {
    pub const ALL: [Group; 4] = [
        Group::Beneficiary,
        Group::Cluster,
        Group::Control,
        Group::Sector,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Group::Beneficiary => "beneficiary",
            Group::Cluster => "cluster",
            Group::Control => "control",
            Group::Sector => "sector",
        }
    }
}

/// A numeric column of the firms table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Measure {
    Sales,
    Exports,
    Production,
    Investment,
    Employment,
    Productivity,
    WorkersWomen,
    WorkersUnskilled,
    WorkersInformal,
    WorkersYouth,
    WorkersIndigenous,
    WorkersAfro,
    WorkersDisabled,
    WorkersMigrant,
    WageWomen,
    WageMen,
    /// v3: the number of countries the firm exported to (a whole count ≥ 0).
    ExportDestinations,
}

impl Measure {
    pub const COUNT: usize = 17;
    pub const ALL: [Measure; Measure::COUNT] = [
        Measure::Sales,
        Measure::Exports,
        Measure::Production,
        Measure::Investment,
        Measure::Employment,
        Measure::Productivity,
        Measure::WorkersWomen,
        Measure::WorkersUnskilled,
        Measure::WorkersInformal,
        Measure::WorkersYouth,
        Measure::WorkersIndigenous,
        Measure::WorkersAfro,
        Measure::WorkersDisabled,
        Measure::WorkersMigrant,
        Measure::WageWomen,
        Measure::WageMen,
        Measure::ExportDestinations,
    ];

    /// The eight worker groups of the pro-poor checks, with their id suffix.
    pub const WORKER_GROUPS: [(Measure, &'static str); 8] = [
        (Measure::WorkersWomen, "women"),
        (Measure::WorkersUnskilled, "unskilled"),
        (Measure::WorkersInformal, "informal"),
        (Measure::WorkersYouth, "youth"),
        (Measure::WorkersIndigenous, "indigenous"),
        (Measure::WorkersAfro, "afro"),
        (Measure::WorkersDisabled, "disabled"),
        (Measure::WorkersMigrant, "migrant"),
    ];

    /// The canonical column name.
    pub fn name(self) -> &'static str {
        match self {
            Measure::Sales => "sales",
            Measure::Exports => "exports",
            Measure::Production => "production",
            Measure::Investment => "investment",
            Measure::Employment => "employment",
            Measure::Productivity => "productivity",
            Measure::WorkersWomen => "workers_women",
            Measure::WorkersUnskilled => "workers_unskilled",
            Measure::WorkersInformal => "workers_informal",
            Measure::WorkersYouth => "workers_youth",
            Measure::WorkersIndigenous => "workers_indigenous",
            Measure::WorkersAfro => "workers_afro",
            Measure::WorkersDisabled => "workers_disabled",
            Measure::WorkersMigrant => "workers_migrant",
            Measure::WageWomen => "wage_women",
            Measure::WageMen => "wage_men",
            Measure::ExportDestinations => "export_destinations",
        }
    }

    #[inline]
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A yes/no column of the firms table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Flag {
    Quality,
    Management,
    EcoEfficiency,
    Marketing,
    Improved,
    Informal,
    /// v3: the firm introduced a product or process new to it that year.
    Innovation,
    /// v3: the firm sold that year in a market new to it.
    NewMarket,
}

impl Flag {
    pub const COUNT: usize = 8;
    pub const ALL: [Flag; Flag::COUNT] = [
        Flag::Quality,
        Flag::Management,
        Flag::EcoEfficiency,
        Flag::Marketing,
        Flag::Improved,
        Flag::Informal,
        Flag::Innovation,
        Flag::NewMarket,
    ];

    /// The four competitive strategies of the medium run.
    pub const STRATEGIES: [Flag; 4] = [
        Flag::Quality,
        Flag::Management,
        Flag::EcoEfficiency,
        Flag::Marketing,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Flag::Quality => "quality",
            Flag::Management => "management",
            Flag::EcoEfficiency => "eco_efficiency",
            Flag::Marketing => "marketing",
            Flag::Improved => "improved",
            Flag::Informal => "informal",
            Flag::Innovation => "innovation",
            Flag::NewMarket => "new_market",
        }
    }

    #[inline]
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The four sets of the SPEC. `Cluster` is K = beneficiaries ∪ cluster firms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Beneficiary = 0,
    Cluster = 1,
    Control = 2,
    Sector = 3,
}

impl Side {
    pub const ALL: [Side; 4] = [
        Side::Beneficiary,
        Side::Cluster,
        Side::Control,
        Side::Sector,
    ];

    /// Key in details and notes: `beneficiary`, `cluster` (= K), `control`, `sector`.
    pub fn key(self) -> &'static str {
        match self {
            Side::Beneficiary => "beneficiary",
            Side::Cluster => "cluster",
            Side::Control => "control",
            Side::Sector => "sector",
        }
    }

    /// The groups of firms in this set.
    pub fn groups(self) -> &'static [Group] {
        match self {
            Side::Beneficiary => &[Group::Beneficiary],
            Side::Cluster => &[Group::Beneficiary, Group::Cluster],
            Side::Control => &[Group::Control],
            Side::Sector => &[Group::Sector],
        }
    }
}

/// v3: what became of a joint activity (the *activities* table's optional `status`).
/// A blank status, or no column, is [`ActivityStatus::Done`]: a listed activity took
/// place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityStatus {
    Done,
    Planned,
    Cancelled,
}

impl ActivityStatus {
    pub const ALL: [ActivityStatus; 3] = [
        ActivityStatus::Done,
        ActivityStatus::Planned,
        ActivityStatus::Cancelled,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ActivityStatus::Done => "done",
            ActivityStatus::Planned => "planned",
            ActivityStatus::Cancelled => "cancelled",
        }
    }

    /// Reads a status word in English, Spanish or Portuguese (case, accents, spaces,
    /// `_` and `-` ignored, as headers are); `None` for a word nobody knows.
    pub fn from_word(word: &str) -> Option<ActivityStatus> {
        Some(match crate::text::fold(word).as_str() {
            "done" | "executed" | "completed" | "complete" | "ejecutada" | "ejecutado"
            | "realizada" | "realizado" | "completada" | "completado" | "concluida"
            | "concluido" | "executada" | "executado" | "finalizada" | "finalizado" => {
                ActivityStatus::Done
            }
            "planned" | "pending" | "planificada" | "planificado" | "programada" | "programado"
            | "prevista" | "previsto" | "pendiente" | "planejada" | "planejado" | "pendente" => {
                ActivityStatus::Planned
            }
            "cancelled" | "canceled" | "cancelada" | "cancelado" | "suspendida" | "suspendido"
            | "suspensa" | "suspenso" => ActivityStatus::Cancelled,
            _ => return None,
        })
    }
}
