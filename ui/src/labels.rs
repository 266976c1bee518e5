//! Catalogue keys of the engine's enumerations (statuses, horizons) and the unit a
//! target is typed in.

use cluster_eval_types::IndicatorId;
use cluster_eval_types::{Horizon, Status, TableKind, Unit};

/// The status as written in the document (`Status::code`), for classes and `data-` attributes.
pub fn status_code(status: Status) -> &'static str {
    status.code()
}

pub fn status_key(status: Status) -> &'static str {
    match status {
        Status::Met => "status.met",
        Status::NotMet => "status.not_met",
        Status::Inconclusive => "status.inconclusive",
        Status::InsufficientData => "status.insufficient_data",
        Status::Reported => "status.reported",
    }
}

pub fn horizon_key(h: Horizon) -> &'static str {
    match h {
        Horizon::Design => "horizon.design",
        Horizon::Long => "horizon.long",
        Horizon::Medium => "horizon.medium",
        Horizon::Short => "horizon.short",
        Horizon::ProPoor => "horizon.pro_poor",
        Horizon::Screening => "horizon.screening",
    }
}

pub fn horizon_hint_key(h: Horizon) -> &'static str {
    match h {
        Horizon::Design => "horizon.design.hint",
        Horizon::Long => "horizon.long.hint",
        Horizon::Medium => "horizon.medium.hint",
        Horizon::Short => "horizon.short.hint",
        Horizon::ProPoor => "horizon.pro_poor.hint",
        Horizon::Screening => "horizon.screening.hint",
    }
}

/// Targets of fractions are typed as percentages (20 for 20 %); others as they are.
pub fn target_in_percent(id: &str, unit: Unit) -> bool {
    matches!(unit, Unit::Ratio | Unit::Share) && !IndicatorId::parse(id).is_return()
}

/// The catalogue key of a table's name (`table.firms`…).
pub fn table_title_key(table: TableKind) -> &'static str {
    match table {
        TableKind::Firms => "table.firms",
        TableKind::Territory => "table.territory",
        TableKind::Activities => "table.activities",
        TableKind::Actors => "table.actors",
        TableKind::Subsidies => "table.subsidies",
        TableKind::Proposals => "table.proposals",
    }
}
