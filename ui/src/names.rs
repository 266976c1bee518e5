//! Indicator names in the reader's language, composed from the stable ids: a family
//! template (`long.cluster.*.growth` → "{m} of the cluster: growth") filled with the
//! translated measure, strategy, worker group or size class. Unknown ids show as they
//! are, so a newer engine's indicator is never hidden.

use cluster_eval_types::Group;
use cluster_eval_types::{Comparison, Family, IndicatorId};

use crate::i18n::{t, tf, Lang};

/// The translated name of an indicator id.
pub fn indicator_name(lang: Lang, id: &str) -> String {
    let fill = |template: &'static str, key: &str, part: &str| -> String {
        match part_key(key, part) {
            Some(k) => tf(lang, template, &[("x", t(lang, k).to_string())]),
            None => id.to_string(),
        }
    };
    use Comparison as C;
    match IndicatorId::parse(id).family() {
        Family::Panel {
            group,
            measure: m,
            comparison,
        } => match (group, comparison) {
            ("cluster", C::Growth) => fill("tpl.cluster_growth", "m", m),
            ("cluster", C::VsControl) => fill("tpl.cluster_vs_control", "m", m),
            ("beneficiaries", C::Growth) => fill("tpl.ben_growth", "m", m),
            ("beneficiaries", C::VsControl) => fill("tpl.ben_vs_control", "m", m),
            ("beneficiaries", C::VsSector) => fill("tpl.ben_vs_sector", "m", m),
            _ => id.to_string(),
        },
        Family::Strategy(s) => fill("tpl.strategy", "s", s),
        Family::WorkerJobs(g) => fill("tpl.jobs", "g", g),
        Family::WorkerShare(g) => fill("tpl.share", "g", g),
        Family::SizeClass(z) => fill("tpl.size_vs_ben", "z", z),
        Family::WorkerShareVsControl(g) => fill("tpl.share_vs_control", "g", g),
        Family::Balance { group, measure } => match group {
            "beneficiaries" => fill("tpl.balance_ben", "m", measure),
            "cluster" => fill("tpl.balance_cluster", "m", measure),
            _ => id.to_string(),
        },
        Family::Pretrend(m) => fill("tpl.pretrend", "m", m),
        // v3: innovation and new markets, the non-participating firms.
        Family::Adoption { group, flag } => match group {
            "cluster" => fill("tpl.cluster_adoption", "m", flag),
            "beneficiaries" => fill("tpl.ben_adoption", "m", flag),
            _ => id.to_string(),
        },
        Family::NonParticipants(m) => fill("tpl.non_participants_vs_control", "m", m),
        Family::Attrition(_) => match fixed_key(id) {
            Some(key) => t(lang, key).to_string(),
            None => id.to_string(),
        },
        Family::Single(_) | Family::Other => match fixed_key(id) {
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
        ("m", "production") => "m.production",
        ("m", "innovation") => "m.innovation",
        ("m", "new_markets") => "m.new_markets",
        ("m", "export_destinations") => "m.export_destinations",
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
        "short.activities_executed" => "ind.short.activities_executed",
        "short.disbursement_rate" => "ind.short.disbursement_rate",
        "pro_poor.wage_gap" => "ind.pro_poor.wage_gap",
        "pro_poor.micro_share" => "ind.pro_poor.micro_share",
        "pro_poor.formalization" => "ind.pro_poor.formalization",
        "pro_poor.checklist" => "ind.pro_poor.checklist",
        "design.attrition.beneficiaries" => "ind.design.attrition.beneficiaries",
        "design.attrition.control" => "ind.design.attrition.control",
        "design.attrition.differential" => "ind.design.attrition.differential",
        "long.cost_per_job" => "ind.long.cost_per_job",
        "long.cost_per_additional_job" => "ind.long.cost_per_additional_job",
        "long.cost_per_beneficiary_firm" => "ind.long.cost_per_beneficiary_firm",
        "medium.knowledge_institutions" => "ind.medium.knowledge_institutions",
        "pro_poor.wage_gap.vs_control" => "ind.pro_poor.wage_gap.vs_control",
        "pro_poor.exited_firms_jobs" => "ind.pro_poor.exited_firms_jobs",
        "long.beneficiaries.jobs_net" => "ind.long.beneficiaries.jobs_net",
        "screening.eligible" => "ind.screening.eligible",
        "screening.eligible_share" => "ind.screening.eligible_share",
        _ => return None,
    })
}

/// A canonical column or group name as the reader would say it (parameters of
/// messages); anything else is shown as it is.
pub fn column_name(lang: Lang, name: &str) -> String {
    known_column_name(lang, name).unwrap_or_else(|| name.to_string())
}

/// A table's column as a header in the reader's language (`sales` → `ventas`): the
/// word the template writes, which the reader reads back. A header with a year
/// (`sales 2019`, a wide table's) keeps its year; an unknown one stays as it is.
pub fn column_label(lang: Lang, name: &str) -> String {
    let (base, year) = match name.rsplit_once(' ') {
        Some((base, year)) if year.bytes().all(|b| b.is_ascii_digit()) => (base, Some(year)),
        _ => (name, None),
    };
    match crate::i18n::lookup(lang, &format!("colname.{base}")) {
        Some(word) => match year {
            Some(year) => format!("{word} {year}"),
            None => word.to_string(),
        },
        None => name.to_string(),
    }
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

/// The name of a group of firms, as in the firms table's `group` column.
pub fn firm_group(lang: Lang, group: Group) -> &'static str {
    t(
        lang,
        match group {
            Group::Beneficiary => "group.beneficiary",
            Group::Cluster => "group.cluster",
            Group::Control => "group.control",
            Group::Sector => "group.sector",
        },
    )
}

/// The name of a cluster-type tag (footnote 19); a tag this page does not know (from
/// a newer file) is shown as it is.
pub fn tag_name(lang: Lang, tag: &str) -> String {
    let key = match tag {
        "rural" => "tag.rural",
        "urban_informal" => "tag.urban_informal",
        "micro_homeworkers" => "tag.micro_homeworkers",
        "labor_intensive" => "tag.labor_intensive",
        "marginalized_workers" => "tag.marginalized_workers",
        other => return other.to_string(),
    };
    t(lang, key).to_string()
}

/// The question of a pro-poor checklist item; an unknown item is shown as it is.
pub fn checklist_item(lang: Lang, item: &str) -> String {
    let key = match item {
        "poverty_targeting" => "check.poverty_targeting",
        "gains_to_poor" => "check.gains_to_poor",
        "winners_losers" => "check.winners_losers",
        "social_protection" => "check.social_protection",
        "labor_standards" => "check.labor_standards",
        "work_organization" => "check.work_organization",
        "artisan_niches" => "check.artisan_niches",
        "community_participation" => "check.community_participation",
        "access_barriers" => "check.access_barriers",
        "marginalized_institutions" => "check.marginalized_institutions",
        "training_system" => "check.training_system",
        other => return other.to_string(),
    };
    t(lang, key).to_string()
}
