//! Indicator names in the reader's language, composed from the stable ids: a family
//! template (`long.cluster.*.growth` → "{m} of the cluster: growth") filled with the
//! translated measure, strategy, worker group or size class. Unknown ids show as they
//! are, so a newer engine's indicator is never hidden.

use crate::i18n::{t, tf, Lang};

/// The translated name of an indicator id.
pub fn indicator_name(lang: Lang, id: &str) -> String {
    let parts: Vec<&str> = id.split('.').collect();
    let fill = |template: &'static str, key: &str, part: &str| -> String {
        match part_key(key, part) {
            Some(k) => tf(lang, template, &[("x", t(lang, k).to_string())]),
            None => id.to_string(),
        }
    };
    match parts.as_slice() {
        ["long", "cluster", m, "growth"] => fill("tpl.cluster_growth", "m", m),
        ["long", "cluster", m, "vs_control"] => fill("tpl.cluster_vs_control", "m", m),
        ["long", "beneficiaries", m, "growth"] => fill("tpl.ben_growth", "m", m),
        ["long", "beneficiaries", m, "vs_control"] => fill("tpl.ben_vs_control", "m", m),
        ["long", "beneficiaries", m, "vs_sector"] => fill("tpl.ben_vs_sector", "m", m),
        ["medium", "strategies", s] => fill("tpl.strategy", "s", s),
        ["pro_poor", "jobs", g] => fill("tpl.jobs", "g", g),
        ["pro_poor", "share", g] => fill("tpl.share", "g", g),
        ["pro_poor", "firms", s, "vs_beneficiaries"] => fill("tpl.size_vs_ben", "z", s),
        _ => match fixed_key(id) {
            Some(key) => t(lang, key).to_string(),
            None => id.to_string(),
        },
    }
}

fn part_key(kind: &str, part: &str) -> Option<&'static str> {
    Some(match (kind, part) {
        ("m", "sales") => "m.sales",
        ("m", "exports") => "m.exports",
        ("m", "productivity") => "m.productivity",
        ("m", "employment") => "m.employment",
        ("s", "quality") => "s.quality",
        ("s", "management") => "s.management",
        ("s", "eco_efficiency") => "s.eco_efficiency",
        ("s", "marketing") => "s.marketing",
        ("s", "any") => "s.any",
        ("g", "women") => "g.women",
        ("g", "unskilled") => "g.unskilled",
        ("g", "informal") => "g.informal",
        ("g", "youth") => "g.youth",
        ("g", "indigenous") => "g.indigenous",
        ("g", "afro") => "g.afro",
        ("g", "disabled") => "g.disabled",
        ("g", "migrant") => "g.migrant",
        ("z", "micro") => "z.micro",
        ("z", "small") => "z.small",
        ("z", "medium") => "z.medium",
        ("z", "large") => "z.large",
        _ => return None,
    })
}

/// The translated name of a strategy (`quality`, `management`…), if it is one.
pub fn strategy_name(lang: Lang, name: &str) -> Option<String> {
    part_key("s", name).map(|k| t(lang, k).to_lowercase())
}

/// The translated name of a worker group or size class suffix (winners and losers).
pub fn group_name(lang: Lang, kind: &str, group: &str) -> String {
    let key = if kind == "firms" { "z" } else { "g" };
    part_key(key, group)
        .map(|k| t(lang, k).to_string())
        .unwrap_or_else(|| group.to_string())
}

fn fixed_key(id: &str) -> Option<&'static str> {
    Some(match id {
        "long.local_gdp_vs_national" => "ind.long.local_gdp_vs_national",
        "long.return_per_dollar" => "ind.long.return_per_dollar",
        "long.return_per_mif_dollar" => "ind.long.return_per_mif_dollar",
        "medium.institutions" => "ind.medium.institutions",
        "medium.firm_cooperation" => "ind.medium.firm_cooperation",
        "medium.improved_position" => "ind.medium.improved_position",
        "short.institutional_arrangement" => "ind.short.institutional_arrangement",
        "short.strategic_plan" => "ind.short.strategic_plan",
        "short.participating_firms" => "ind.short.participating_firms",
        "short.participation_share" => "ind.short.participation_share",
        "short.subsidies_total" => "ind.short.subsidies_total",
        "pro_poor.wage_gap" => "ind.pro_poor.wage_gap",
        "pro_poor.micro_share" => "ind.pro_poor.micro_share",
        "pro_poor.formalization" => "ind.pro_poor.formalization",
        "pro_poor.checklist" => "ind.pro_poor.checklist",
        _ => return None,
    })
}

/// A canonical column or group name as the reader would say it (parameters of
/// messages); anything else is shown as it is.
pub fn column_name(lang: Lang, name: &str) -> String {
    known_column_name(lang, name).unwrap_or_else(|| name.to_string())
}

/// [`column_name`] for the names it knows only.
pub fn known_column_name(lang: Lang, name: &str) -> Option<String> {
    let key = match name {
        "sales" => "m.sales",
        "exports" => "m.exports",
        "productivity" => "m.productivity",
        "employment" => "m.employment",
        "beneficiary" => "group.beneficiary",
        "cluster" => "group.cluster",
        "control" => "group.control",
        "sector" => "group.sector",
        other => {
            return part_key("g", other)
                .or_else(|| part_key("z", other))
                .map(|k| t(lang, k).to_lowercase())
        }
    };
    Some(t(lang, key).to_lowercase())
}
