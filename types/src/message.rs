//! Every message the engine gives about a result, as one enum with typed fields.
//!
//! A [`Message`] is written into the document as it always was: a stable snake_case
//! `code` and a `params` object whose keys are the variant's field names (the `note`
//! of an indicator, the `code`/`params` of a warning). Its English is its `Display`,
//! written once here; the engine copies that English into `Indicator.message` /
//! `Warning.message` for the CLI and for older readers. The page words each variant
//! in its three languages by an exhaustive `match` (`cluster-eval-ui`'s `notes`), so a
//! new variant without its texts does not compile.
//!
//! Reading a code this engine does not know (a file from a newer version), or a known
//! code whose parameters do not fit its fields, never fails: it is kept as
//! [`Message::Unknown`] with its code and parameters as they were, and written back
//! unchanged. Parameters a known code does not use are ignored.
//!
//! | code | params | meaning |
//! |---|---|---|
//! | `no_years` | — | baseline/follow-up years could not be settled |
//! | `missing_column` | `column` | the firms table has no such column |
//! | `no_group` | `group` | the firms table has no firm of that group |
//! | `no_panel` | `group`, `measure`, `baseline`, `followup` | no firm of the group has the measure in both years |
//! | `no_productivity_panel` | `group`, `output`, `baseline`, `followup` | no firm with output and employment > 0 in both years |
//! | `zero_baseline` | `group`, `measure`, `baseline` | the panel's baseline sum is 0: growth undefined |
//! | `panel_used` | `group`, `measure`, `n`, `baseline`, `followup` | growth over a balanced panel of `n` firms |
//! | `compared` | `group`, `versus`, `measure`, `n`, `n_versus`, `baseline`, `followup` | growth difference between two panels |
//! | `no_interval_few_firms` | `group`, `n` | fewer than 2 panel firms on one side: no bootstrap interval |
//! | `no_interval_no_reps` | — | `settings.bootstrap_reps` is 0 |
//! | `no_interval_undefined` | — | no bootstrap draw gave a defined difference |
//! | `territory_years` | `baseline`, `followup` | territory growth over the project's years |
//! | `territory_fallback` | `first`, `last`, (`baseline`, `followup`) | b or f absent from *territory*: its first→last years used |
//! | `territory_missing` | — | fewer than two territory years with both GDPs |
//! | `territory_zero` | `column`, `year` | a GDP of 0 in the first year: growth undefined |
//! | `missing_fact` | `field` | a project fact is not set |
//! | `zero_fact` | `field` | a project fact is 0 (a divisor) |
//! | `negative_fact` | `field` | a project cost is negative (a typing slip) |
//! | `no_flag_panel` | `flag`, `baseline`, `followup` | no cluster firm with the flag known in both years |
//! | `flag_panel_used` | `flag`, `n`, `baseline`, `followup` | strategy shares over `n` cluster firms |
//! | `table_empty` | `table` | the table has no valid row |
//! | `year_absent` | `table`, `year` | the table has no row in that year: counted as 0 |
//! | `counted_years` | `table`, `baseline`, `followup` | counts in the follow-up minus the baseline year |
//! | `no_flag_in_year` | `flag`, `group`, `year` | no firm of the group has the flag known in that year |
//! | `improved_flag_used` | `n`, `year` | share of `n` beneficiaries answering `improved` in `year` |
//! | `improved_by_growth` | `versus`, `n`, `baseline`, `followup` | share of beneficiaries whose sales grew more than `versus` |
//! | `improved_no_reference` | `baseline`, `followup` | no `improved` column, and neither sector nor control growth |
//! | `fact_unknown` | `field` | a yes/no project fact is unknown |
//! | `share_denominator` | `source`, `denominator` | denominator of the participation share (`cluster_firms` or `firms_table`) |
//! | `share_above_one` | `participating`, `denominator` | more participants than cluster firms |
//! | `not_finite` | — | a value too large to be represented |
//! | `pro_poor_*` | see docs/pro-poor.md | the pro-poor checks |
//! | `pretrend_years` | `years`, `with_interval`, `outside`, `first`, `last`, `baseline` | v3 pre-trend from every year before b |
//! | `jobs_net` | `panel`, `n`, `gone`, `exited`, `baseline`, `followup` | v3 jobs created net of the jobs of the firms gone |
//! | `adoption_share`, `no_adoption_panel`, `adoption_compared` | `group`, `flag`, (`n`, `n_control`), `baseline`, `followup` | v3 innovation and new markets |
//! | `non_participants_compared`, `no_non_participants` | `measure`, `n`, `n_control`, `baseline`, `followup` | v3 non-participating cluster firms against C |
//! | `table_column_missing` | `table`, `column` | v3: a table other than firms lacks the column |
//! | `activities_counted`, `no_activities_in_years` | `rows`, `baseline`, `followup` | v3 `short.activities_executed` |
//! | `disbursement_counted`, `budget_zero` | `rows` | v3 `short.disbursement_rate` |
//!
//! Warnings: `years_no_data`, `years_not_before` (`baseline`, `followup`),
//! `followup_too_early` (`followup`, `end_year`, `earliest`), `project_years_reversed`
//! (`start_year`, `end_year`), `business_actors_left_out` (`actors`, `count`; v3).

use std::fmt;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use crate::vocab::{Side, TableKind};

/// A parameter as JSON (a value that cannot be written, such as NaN, becomes null).
fn to_json<T: Serialize>(value: T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// A parameter read back; `None` when absent or not of the field's type.
fn take<T: DeserializeOwned>(params: &Map<String, Value>, name: &str) -> Option<T> {
    T::deserialize(params.get(name).unwrap_or(&Value::Null)).ok()
}

macro_rules! put_param {
    ($params:ident, $field:ident) => {
        $params.insert(stringify!($field).to_string(), to_json($field));
    };
    // An optional parameter left out of `params` when absent (not written as null).
    ($params:ident, $field:ident, omit_none) => {
        if let Some(value) = $field {
            $params.insert(stringify!($field).to_string(), to_json(value));
        }
    };
}

/// Declares [`Message`] with its codes, and the conversions to and from a code and a
/// parameter map. Fields are listed in the order their parameters are written.
macro_rules! messages {
    ($(
        $(#[$doc:meta])*
        $variant:ident = $code:literal $({ $( $field:ident : $ty:ty $([$omit:ident])? ),* $(,)? })?
    ),* $(,)?) => {
        /// A message about a result: a code and its typed parameters.
        #[derive(Debug, Clone, PartialEq)]
        pub enum Message {
            $( $(#[$doc])* $variant $({ $( $field: $ty ),* })?, )*
            /// A code this engine does not know, or whose parameters do not fit it,
            /// kept as read.
            Unknown { code: String, params: Map<String, Value> },
        }

        impl Message {
            /// Every known code, in declaration order.
            pub const CODES: &'static [&'static str] = &[$($code),*];

            /// The stable code written to the document.
            pub fn code(&self) -> &str {
                match self {
                    $( Message::$variant { .. } => $code, )*
                    Message::Unknown { code, .. } => code,
                }
            }

            /// The parameters as written to the document.
            pub fn params(&self) -> Map<String, Value> {
                #[allow(unused_mut)]
                let mut params = Map::new();
                match self {
                    $( Message::$variant $({ $( $field ),* })? => {
                        $($( put_param!(params, $field $(, $omit)?); )*)?
                    } )*
                    Message::Unknown { params, .. } => return params.clone(),
                }
                params
            }

            /// The message of a code and its parameters; [`Message::Unknown`] when the
            /// code is not known or a parameter does not fit.
            #[allow(clippy::redundant_closure_call)]
            pub fn from_parts(code: &str, params: &Map<String, Value>) -> Message {
                #[allow(unused_variables)]
                let known: Option<Message> = match code {
                    $( $code => (|| {
                        Some(Message::$variant $({ $( $field: take(params, stringify!($field))? ),* })?)
                    })(), )*
                    _ => None,
                };
                known.unwrap_or_else(|| Message::Unknown {
                    code: code.to_string(),
                    params: params.clone(),
                })
            }
        }
    };
}

messages! {
    // Years (calculation warnings).
    /// No year set in the project and no firms row to take one from.
    YearsNoData = "years_no_data",
    /// The baseline is not before the follow-up.
    YearsNotBefore = "years_not_before" { baseline: i32, followup: i32 },
    /// The follow-up is earlier than three years after the end of the project.
    FollowupTooEarly = "followup_too_early" { followup: i32, end_year: i32, earliest: i32 },
    /// The project ends before it starts.
    ProjectYearsReversed = "project_years_reversed" { start_year: i32, end_year: i32 },

    // Annex II indicators.
    NoYears = "no_years",
    MissingColumn = "missing_column" { column: String },
    NoGroup = "no_group" { group: Side },
    NoPanel = "no_panel" { group: Side, measure: String, baseline: i32, followup: i32 },
    NoProductivityPanel = "no_productivity_panel" { group: Side, output: String, baseline: i32, followup: i32 },
    ZeroBaseline = "zero_baseline" { group: Side, measure: String, baseline: i32 },
    PanelUsed = "panel_used" { group: Side, measure: String, n: usize, baseline: i32, followup: i32 },
    Compared = "compared" {
        group: Side,
        versus: Side,
        measure: String,
        n: usize,
        n_versus: usize,
        baseline: i32,
        followup: i32,
    },
    NoIntervalFewFirms = "no_interval_few_firms" { group: Side, n: usize },
    NoIntervalNoReps = "no_interval_no_reps",
    NoIntervalUndefined = "no_interval_undefined",
    TerritoryYears = "territory_years" { baseline: i32, followup: i32 },
    /// `baseline`/`followup` are absent when the years could not be settled.
    TerritoryFallback = "territory_fallback" {
        first: i32,
        last: i32,
        baseline: Option<i32> [omit_none],
        followup: Option<i32> [omit_none],
    },
    TerritoryMissing = "territory_missing",
    TerritoryZero = "territory_zero" { column: String, year: i32 },
    MissingFact = "missing_fact" { field: String },
    ZeroFact = "zero_fact" { field: String },
    NegativeFact = "negative_fact" { field: String },
    NoFlagPanel = "no_flag_panel" { flag: String, baseline: i32, followup: i32 },
    FlagPanelUsed = "flag_panel_used" { flag: String, n: usize, baseline: i32, followup: i32 },
    TableEmpty = "table_empty" { table: TableKind },
    YearAbsent = "year_absent" { table: TableKind, year: i32 },
    CountedYears = "counted_years" { table: TableKind, baseline: i32, followup: i32 },
    NoFlagInYear = "no_flag_in_year" { flag: String, group: Side, year: i32 },
    ImprovedFlagUsed = "improved_flag_used" { n: usize, year: i32 },
    ImprovedByGrowth = "improved_by_growth" { versus: Side, n: usize, baseline: i32, followup: i32 },
    ImprovedNoReference = "improved_no_reference" { baseline: i32, followup: i32 },
    FactUnknown = "fact_unknown" { field: String },
    /// `source`: `cluster_firms` (the project's fact) or `firms_table`.
    ShareDenominator = "share_denominator" { source: String, denominator: f64 },
    ShareAboveOne = "share_above_one" { participating: usize, denominator: f64 },
    /// A value that overflowed.
    NotFinite = "not_finite",

    // Pro-poor checks (docs/pro-poor.md).
    ProPoorNoYears = "pro_poor_no_years",
    ProPoorMissingColumns = "pro_poor_missing_columns" { columns: Vec<String> },
    ProPoorNoPanel = "pro_poor_no_panel" { columns: Vec<String>, baseline: i32, followup: i32 },
    ProPoorPanel = "pro_poor_panel" { n: usize, columns: Vec<String>, baseline: i32, followup: i32 },
    /// `group`: a worker group suffix (`women`…).
    ProPoorGroupAbsent = "pro_poor_group_absent" { group: String, n: usize, baseline: i32, followup: i32 },
    ProPoorGroupNew = "pro_poor_group_new" { group: String, n: usize, baseline: i32, followup: i32 },
    ProPoorZeroEmployment = "pro_poor_zero_employment" { n: usize, year: i32, group: String },
    /// `side`: `men` or `women`, the side with nobody employed.
    ProPoorWageNoWorkers = "pro_poor_wage_no_workers" { side: String, year: i32, n: usize },
    ProPoorWageZeroMen = "pro_poor_wage_zero_men" { year: i32 },
    ProPoorNoBaselineEmployment = "pro_poor_no_baseline_employment" { baseline: i32 },
    ProPoorMicroFirms = "pro_poor_micro_firms" { micro: usize, n: usize, baseline: i32 },
    /// `class`: a size class (`micro`…), with its employment bounds.
    ProPoorNoClassFirms = "pro_poor_no_class_firms" {
        class: String,
        above: Option<f64>,
        up_to: Option<f64>,
        baseline: i32,
        followup: i32,
    },
    ProPoorZeroSales = "pro_poor_zero_sales" { class: String, baseline: i32 },
    ProPoorClassPanel = "pro_poor_class_panel" {
        class: String,
        n: usize,
        all_n: usize,
        baseline: i32,
        followup: i32,
    },
    ProPoorChecklistUnanswered = "pro_poor_checklist_unanswered",
    ProPoorChecklistAnswered = "pro_poor_checklist_answered" { answered: usize, total: usize },

    // Design checks, comparisons with the control group, costs (issue 13).
    /// Every vs_control: a firm-level interval reflects the sampling of firms, not the
    /// differences between clusters.
    ClusterCaveat = "cluster_caveat",
    BalanceCompared = "balance_compared" { group: Side, measure: String, n: usize, n_control: usize, baseline: i32 },
    BalanceFewFirms = "balance_few_firms" { group: Side, measure: String, n: usize, baseline: i32 },
    BalanceNoSpread = "balance_no_spread" { measure: String, baseline: i32 },
    AttritionCounted = "attrition_counted" { group: Side, gone: usize, firms: usize, baseline: i32, followup: i32 },
    AttritionNoFirms = "attrition_no_firms" { group: Side, baseline: i32 },
    AttritionDifferential = "attrition_differential" { baseline: i32, followup: i32 },
    PretrendNoPreYear = "pretrend_no_pre_year" { baseline: i32 },
    /// `what`: `jobs`, `additional_jobs` or `firms`.
    CostDivided = "cost_divided" { what: String, denominator: f64 },
    CostDenominatorNotPositive = "cost_denominator_not_positive" { what: String, denominator: f64 },
    ActorTypesMissing = "actor_types_missing",
    /// `types`: the first few types not recognised, as typed; `count`: how many.
    ActorTypesUnknown = "actor_types_unknown" { types: Vec<String>, count: usize, baseline: i32, followup: i32 },
    ProPoorShareVsControl = "pro_poor_share_vs_control" { group: String, n: usize, n_control: usize, baseline: i32, followup: i32 },
    ProPoorNoControlPanel = "pro_poor_no_control_panel" { columns: Vec<String>, baseline: i32, followup: i32 },
    ProPoorShareUndefined = "pro_poor_share_undefined" { group: Side, year: i32 },
    ProPoorWageGapVsControl = "pro_poor_wage_gap_vs_control" { n: usize, n_control: usize, baseline: i32, followup: i32 },
    ProPoorWageGapNoFirms = "pro_poor_wage_gap_no_firms" { group: Side, baseline: i32, followup: i32 },
    ProPoorWageGapUndefined = "pro_poor_wage_gap_undefined" { group: Side, year: i32 },
    ProPoorExitedJobs = "pro_poor_exited_jobs" { jobs: f64, gone: usize, firms: usize, baseline: i32, followup: i32 },

    // Verdicts an evaluator can sign (issue 25, SPEC v3).
    /// The pre-trend compared from `years` years before the baseline (`first` to
    /// `last`), `with_interval` of them with an interval, `outside` of those not
    /// containing 0.
    PretrendYears = "pretrend_years" { years: usize, with_interval: usize, outside: usize, first: i32, last: i32, baseline: i32 },
    /// A size class with fewer than `min` firms in its sales panel: no loser is named.
    ProPoorClassFewFirms = "pro_poor_class_few_firms" { class: String, n: usize, min: usize, baseline: i32, followup: i32 },
    /// `long.beneficiaries.jobs_net`: `panel` jobs created over `n` panel firms minus
    /// `gone` jobs of the `exited` firms gone.
    JobsNet = "jobs_net" { panel: f64, n: usize, gone: f64, exited: usize, baseline: i32, followup: i32 },
    // v3: innovation and new markets, execution, non-participants, actors (issue 23).
    /// `flag`: `innovation` or `new_market`; the flag panel of `group`.
    AdoptionShare = "adoption_share" { group: Side, flag: String, n: usize, baseline: i32, followup: i32 },
    NoAdoptionPanel = "no_adoption_panel" { group: Side, flag: String, baseline: i32, followup: i32 },
    AdoptionCompared = "adoption_compared" { group: Side, flag: String, n: usize, n_control: usize, baseline: i32, followup: i32 },
    /// The firms of the cluster that did not take part (group `cluster`) against C.
    NonParticipantsCompared = "non_participants_compared" { measure: String, n: usize, n_control: usize, baseline: i32, followup: i32 },
    NoNonParticipants = "no_non_participants",
    /// A column of a table other than *firms* is absent (`status`, `budget`).
    TableColumnMissing = "table_column_missing" { table: TableKind, column: String },
    ActivitiesCounted = "activities_counted" { rows: usize, baseline: i32, followup: i32 },
    NoActivitiesInYears = "no_activities_in_years" { baseline: i32, followup: i32 },
    DisbursementCounted = "disbursement_counted" { rows: usize },
    BudgetZero = "budget_zero",
    /// Warning: actors typed as businesses, left out of `medium.institutions`.
    BusinessActorsLeftOut = "business_actors_left_out" { actors: Vec<String>, count: usize },
}

/// English name of a set of firms as used in the messages.
pub fn group_label(group: Side) -> &'static str {
    match group {
        Side::Beneficiary => "beneficiary firms",
        Side::Cluster => "cluster firms (beneficiaries and other cluster firms)",
        Side::Control => "control firms",
        Side::Sector => "sector firms",
    }
}

/// "1 beneficiary firm", "2 beneficiary firms".
fn firms_en(n: usize) -> String {
    if n == 1 {
        "1 beneficiary firm".into()
    } else {
        format!("{n} beneficiary firms")
    }
}

/// `innovation` / `new_market` in English sentences.
fn flag_en(flag: &str) -> &str {
    match flag {
        "innovation" => "a new product or process",
        "new_market" => "a new market",
        other => other,
    }
}

/// What a cost is divided by, in English.
fn cost_what(what: &str) -> &str {
    match what {
        "jobs" => "jobs created by the beneficiaries",
        "additional_jobs" => "jobs beyond the control group's growth",
        "firms" => "beneficiary firms",
        other => other,
    }
}

/// The employment range of a size class, in English.
fn class_range(above: Option<f64>, up_to: Option<f64>) -> String {
    match (above, up_to) {
        (None, Some(u)) => format!("employment ≤ {u}"),
        (Some(a), Some(u)) => format!("employment > {a} and ≤ {u}"),
        (Some(a), None) => format!("employment > {a}"),
        (None, None) => "any employment".into(),
    }
}

impl fmt::Display for Message {
    /// The English text (`Indicator.message`, `Warning.message`, the CLI).
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Message as M;
        match self {
            M::YearsNoData => out.write_str("no baseline or follow-up year: set them in the project, or paste a firms table with years"),
            M::YearsNotBefore { baseline, followup } => write!(out, "the baseline year {baseline} must come before the follow-up year {followup}"),
            M::FollowupTooEarly { followup, end_year, earliest } => write!(out, "the follow-up year {followup} is earlier than three years after the end of the project ({end_year}): Annex II measures long-run impact from {earliest}"),
            M::ProjectYearsReversed { start_year, end_year } => write!(out, "the project ends ({end_year}) before it starts ({start_year}): check the two years"),
            M::NoYears => out.write_str("no baseline and follow-up years: set them in the project, or paste a firms table with at least two years"),
            M::MissingColumn { column } => write!(out, "the firms table has no {column} column"),
            M::NoGroup { group } => write!(out, "the firms table has no {}", group_label(*group)),
            M::NoPanel { group, measure, baseline, followup } => write!(out, "no {} with {measure} in both {baseline} and {followup}", group_label(*group)),
            M::NoProductivityPanel { group, output, baseline, followup } => write!(out, "no {} with {output} and employment above 0 in both {baseline} and {followup}", group_label(*group)),
            M::ZeroBaseline { group, measure, baseline } => write!(out, "the {}' {measure} sum to 0 in {baseline}: growth is undefined", group_label(*group)),
            M::PanelUsed { group, measure, n, baseline, followup } => write!(out, "{measure} of {n} {} with data in both {baseline} and {followup} (balanced panel)", group_label(*group)),
            M::Compared { group, versus, measure, n, n_versus, baseline, followup } => write!(out, "{measure} growth {baseline}→{followup} of {n} {} minus that of {n_versus} {}", group_label(*group), group_label(*versus)),
            M::NoIntervalFewFirms { group, n } => write!(out, "no confidence interval: the {} panel has {n} firm(s), at least 2 are needed on each side", group_label(*group)),
            M::NoIntervalNoReps => out.write_str("no confidence interval: the number of bootstrap draws is set to 0"),
            M::NoIntervalUndefined => out.write_str("no confidence interval: no bootstrap draw gave a defined growth (baselines of 0)"),
            M::TerritoryYears { baseline, followup } => write!(out, "local and national GDP growth {baseline}→{followup}"),
            M::TerritoryFallback { first, last, baseline: Some(b), followup: Some(f) } => write!(out, "the territory table has no GDP for both {b} and {f}: its first and last years with both GDPs, {first}→{last}, were used"),
            M::TerritoryFallback { first, last, .. } => write!(out, "no baseline and follow-up years: the territory table's first and last years with both GDPs, {first}→{last}, were used"),
            M::TerritoryMissing => out.write_str("the territory table needs local and national GDP in at least two years"),
            M::TerritoryZero { column, year } => write!(out, "{column} is 0 in {year}: growth is undefined"),
            M::MissingFact { field } => write!(out, "the project's {field} is not set"),
            M::ZeroFact { field } => write!(out, "the project's {field} is 0: the ratio is undefined"),
            M::NegativeFact { field } => write!(out, "the project's {field} is negative: a cost cannot be"),
            M::NoFlagPanel { flag, baseline, followup } => write!(out, "no cluster firm has {flag} known in both {baseline} and {followup}"),
            M::FlagPanelUsed { flag, n, baseline, followup } => write!(out, "share of {n} cluster firms with {flag} known in both {baseline} and {followup}"),
            M::TableEmpty { table } => write!(out, "the {table} table has no valid row"),
            M::YearAbsent { table, year } => write!(out, "the {table} table has no row in {year}: counted as 0"),
            M::CountedYears { table, baseline, followup } => write!(out, "{table} counted in {followup} minus in {baseline}"),
            M::NoFlagInYear { flag, group, year } => write!(out, "no {} has {flag} known in {year}", group_label(*group)),
            M::ImprovedFlagUsed { n, year } => write!(out, "share of {n} beneficiary firms answering \"improved\" in {year}"),
            M::ImprovedByGrowth { versus, n, baseline, followup } => write!(out, "no improved column: share of {n} beneficiary firms whose own sales grew more than those of the {} {baseline}→{followup}", group_label(*versus)),
            M::ImprovedNoReference { baseline, followup } => write!(out, "no improved column, and no sales growth {baseline}→{followup} of sector or control firms to compare with"),
            M::FactUnknown { field } => write!(out, "the project's {field} is unknown"),
            M::ShareDenominator { source, denominator } if source == "cluster_firms" => write!(out, "over the project's {denominator} cluster firms"),
            M::ShareDenominator { denominator, .. } => write!(out, "over the {denominator} distinct cluster firms of the firms table (the project's cluster_firms is not set)"),
            M::ShareAboveOne { participating, denominator } => write!(out, "{participating} participating firms is more than the {denominator} firms of the cluster"),
            M::NotFinite => out.write_str("the result is too large to be represented (check the magnitudes of the inputs)"),
            M::ProPoorNoYears => out.write_str("no baseline and follow-up years: set them in the project, or paste a firms table with years"),
            M::ProPoorMissingColumns { columns } => {
                let noun = if columns.len() == 1 { "column" } else { "columns" };
                write!(out, "the firms table has no {} {noun}", columns.join(", "))
            }
            M::ProPoorNoPanel { columns, baseline, followup } => write!(out, "no beneficiary firms with {} in both {baseline} and {followup}", columns.join(" and ")),
            M::ProPoorPanel { n, columns, baseline, followup } => write!(out, "{} with {} in both {baseline} and {followup}", firms_en(*n), columns.join(" and ")),
            M::ProPoorGroupAbsent { group, n, baseline, followup } => write!(out, "no {group} workers in {baseline} or {followup} in the panel ({})", firms_en(*n)),
            M::ProPoorGroupNew { group, n, baseline, followup } => write!(out, "no {group} workers in {baseline} in the panel ({}): the change is the whole {followup} share", firms_en(*n)),
            M::ProPoorZeroEmployment { n, year, group } => write!(out, "no employment in {year} in the panel ({}): the share of {group} workers is undefined", firms_en(*n)),
            M::ProPoorWageNoWorkers { side, year, n } => write!(out, "no {side} employed in {year} in the panel ({}): the wage gap is undefined", firms_en(*n)),
            M::ProPoorWageZeroMen { year } => write!(out, "the men's average wage is zero in {year}: the wage gap is undefined"),
            M::ProPoorNoBaselineEmployment { baseline } => write!(out, "no beneficiary firms with employment in {baseline}"),
            M::ProPoorMicroFirms { micro, n, baseline } => write!(out, "{micro} of {} had employment ≤ 10 in {baseline}", firms_en(*n)),
            M::ProPoorNoClassFirms { class, above, up_to, baseline, followup } => write!(out, "no {class} beneficiary firms ({} in {baseline}) with sales in both {baseline} and {followup}", class_range(*above, *up_to)),
            M::ProPoorZeroSales { class, baseline } => write!(out, "the sales of the {class} beneficiary firms sum to zero in {baseline}: growth is undefined"),
            M::ProPoorClassPanel { class, n, all_n, baseline, followup } => write!(out, "{n} {class} of {} with sales in both {baseline} and {followup}", firms_en(*all_n)),
            M::ProPoorChecklistUnanswered => out.write_str("no item of the pro-poor checklist is answered"),
            M::ProPoorChecklistAnswered { answered, total } => write!(out, "{answered} of {total} checklist items answered"),
            M::ClusterCaveat => out.write_str("the interval reflects the sampling of firms, not the differences between clusters: with one treated and one control cluster, a programme effect cannot be told from a cluster effect"),
            M::BalanceCompared { group, measure, n, n_control, baseline } => write!(out, "{measure} in {baseline} of {n} {} against {n_control} control firms (standardised mean difference)", group_label(*group)),
            M::BalanceFewFirms { group, measure, n, baseline } => write!(out, "{n} {} with {measure} in {baseline}: at least 2 are needed on each side", group_label(*group)),
            M::BalanceNoSpread { measure, baseline } => write!(out, "every firm has the same {measure} in {baseline}: the standardised difference is undefined"),
            M::AttritionCounted { group, gone, firms, baseline, followup } => write!(out, "{gone} of {firms} {} with a row in {baseline} have none in {followup} (closed or lost to follow-up)", group_label(*group)),
            M::AttritionNoFirms { group, baseline } => write!(out, "no {} with a row in {baseline}", group_label(*group)),
            M::AttritionDifferential { baseline, followup } => write!(out, "share of beneficiary firms gone {baseline}→{followup} minus that of control firms"),
            M::PretrendNoPreYear { baseline } => write!(out, "the firms table has no year before the baseline {baseline}: the trends before the programme cannot be compared"),
            M::CostDivided { what, denominator } => write!(out, "cost_total divided by {denominator} {}", cost_what(what)),
            M::CostDenominatorNotPositive { what, denominator } => write!(out, "{} is {denominator}: a cost per unit needs more than 0", cost_what(what)),
            M::ActorTypesMissing => out.write_str("no actor in the actors table has a type: knowledge institutions cannot be told apart"),
            M::ActorTypesUnknown { types, count, baseline, followup } => write!(out, "knowledge institutions counted in {followup} minus in {baseline}; {count} actor type(s) not recognised and counted as other: {}", types.join(", ")),
            M::ProPoorShareVsControl { group, n, n_control, baseline, followup } => write!(out, "change {baseline}→{followup} of the share of {group} workers in {} minus that in {n_control} control firms", firms_en(*n)),
            M::ProPoorNoControlPanel { columns, baseline, followup } => write!(out, "no control firms with {} in both {baseline} and {followup}", columns.join(" and ")),
            M::ProPoorShareUndefined { group, year } => write!(out, "no employment in {year} among the {}: the share is undefined", group_label(*group)),
            M::ProPoorWageGapVsControl { n, n_control, baseline, followup } => write!(out, "change {baseline}→{followup} of the wage gap in {} minus that in {n_control} control firms", firms_en(*n)),
            M::ProPoorWageGapNoFirms { group, baseline, followup } => write!(out, "no {} with employment, women workers and wages in both {baseline} and {followup}", group_label(*group)),
            M::ProPoorWageGapUndefined { group, year } => write!(out, "the wage gap of the {} is undefined in {year} (nobody of one sex employed, or a men's wage of 0)", group_label(*group)),
            M::ProPoorExitedJobs { jobs, gone, firms, baseline, followup } => write!(out, "{gone} of {} with a row in {baseline} have none in {followup}; they employed {jobs} in {baseline}", firms_en(*firms)),
            M::PretrendYears { years, with_interval, outside, first, last, baseline } => write!(out, "compared from each of {years} year(s) before the baseline {baseline} ({first} to {last}): {with_interval} with an interval, {outside} of them not containing 0"),
            M::ProPoorClassFewFirms { class, n, min, baseline, followup } => write!(out, "only {n} {class} beneficiary firm(s) with sales in both {baseline} and {followup}: at least {min} are needed to say whether the class loses out"),
            M::JobsNet { panel, n, gone, exited, baseline, followup } => write!(out, "{panel} jobs created {baseline}→{followup} in {} with employment in both years, minus {gone} jobs in {baseline} of the {exited} beneficiary firm(s) gone by {followup}", firms_en(*n)),
            M::AdoptionShare { group, flag, n, baseline, followup } => write!(out, "share of {n} {} with rows in {baseline} and {followup} that reported {} in a year after {baseline} up to {followup}", group_label(*group), flag_en(flag)),
            M::NoAdoptionPanel { group, flag, baseline, followup } => write!(out, "no {} with rows in {baseline} and {followup} and {flag} known in a year after {baseline} up to {followup}", group_label(*group)),
            M::AdoptionCompared { group, flag, n, n_control, baseline, followup } => write!(out, "share of {n} {} that reported {} {baseline}→{followup} minus that of {n_control} control firms", group_label(*group), flag_en(flag)),
            M::NonParticipantsCompared { measure, n, n_control, baseline, followup } => write!(out, "{measure} growth {baseline}→{followup} of {n} non-participating cluster firms minus that of {n_control} control firms"),
            M::NoNonParticipants => out.write_str("the firms table has no non-participating cluster firms (group cluster)"),
            M::TableColumnMissing { table, column } => write!(out, "the {table} table has no {column} column"),
            M::ActivitiesCounted { rows, baseline, followup } => write!(out, "activities done out of {rows} activity rows of {baseline}–{followup} (done, planned or cancelled)"),
            M::NoActivitiesInYears { baseline, followup } => write!(out, "the activities table has no row in {baseline}–{followup}"),
            M::DisbursementCounted { rows } => write!(out, "amount disbursed over the budget of {rows} subsidy rows with a budget"),
            M::BudgetZero => out.write_str("the budgets sum to 0: the disbursement rate is undefined"),
            M::BusinessActorsLeftOut { actors, count } => write!(out, "{count} actor(s) typed as a business left out of the institutions counted (Annex II counts non-firm actors): {}", actors.join(", ")),
            M::Unknown { code, params } => {
                out.write_str(code)?;
                if !params.is_empty() {
                    write!(out, " {}", Value::Object(params.clone()))?;
                }
                Ok(())
            }
        }
    }
}

/// The stored shape: `{"code": …, "params": {…}}`, `params` left out when empty.
#[derive(Serialize, Deserialize)]
struct Stored {
    code: String,
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    params: Map<String, Value>,
}

impl Serialize for Message {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Stored {
            code: self.code().to_string(),
            params: self.params(),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Message {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let stored = Stored::deserialize(deserializer)?;
        Ok(Message::from_parts(&stored.code, &stored.params))
    }
}
