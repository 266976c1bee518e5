//! The messages of the Annex II indicators: each one an English text and a
//! translatable [`Note`] (a stable snake_case code and its parameters).
//!
//! Codes and their parameters (the page translates from these):
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
//! | `territory_fallback` | `baseline`, `followup`, `first`, `last` | b or f absent from *territory*: its first→last years used |
//! | `territory_missing` | — | fewer than two territory years with both GDPs |
//! | `territory_zero` | `column`, `year` | a GDP of 0 in the first year: growth undefined |
//! | `missing_fact` | `field` | a project fact is not set |
//! | `zero_fact` | `field` | a project fact is 0 (a divisor) |
//! | `negative_fact` | `field` | a project cost is negative (a typing slip) |
//! | `project_years_reversed` | `start_year`, `end_year` | warning: the project ends before it starts |
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
//!
//! Warnings: `followup_too_early` (`followup`, `end_year`, `earliest`).

use crate::results::{Indicator, Note, Warning};

/// An English message and its translatable note.
#[derive(Debug, Clone, PartialEq)]
pub struct Msg {
    pub english: String,
    pub note: Note,
}

impl Msg {
    fn new(english: String, note: Note) -> Self {
        Msg { english, note }
    }

    /// Writes the message into the indicator.
    pub fn say(self, ind: &mut Indicator) {
        ind.say(self.english, self.note);
    }

    pub fn warning(self) -> Warning {
        Warning::new(self.english, self.note)
    }
}

/// English name of a group key as used in the detail and notes.
pub fn group_label(group: &str) -> &'static str {
    match group {
        "beneficiary" => "beneficiary firms",
        "cluster" => "cluster firms (beneficiaries and other cluster firms)",
        "control" => "control firms",
        "sector" => "sector firms",
        _ => "firms",
    }
}

pub fn no_years() -> Msg {
    Msg::new(
        "no baseline and follow-up years: set them in the project, or paste a firms table with at least two years".into(),
        Note::new("no_years"),
    )
}

pub fn missing_column(column: &str) -> Msg {
    Msg::new(
        format!("the firms table has no {column} column"),
        Note::new("missing_column").with("column", column),
    )
}

pub fn no_group(group: &str) -> Msg {
    Msg::new(
        format!("the firms table has no {}", group_label(group)),
        Note::new("no_group").with("group", group),
    )
}

pub fn no_panel(group: &str, measure: &str, b: i32, f: i32) -> Msg {
    Msg::new(
        format!(
            "no {} with {measure} in both {b} and {f}",
            group_label(group)
        ),
        Note::new("no_panel")
            .with("group", group)
            .with("measure", measure)
            .with("baseline", b)
            .with("followup", f),
    )
}

pub fn no_productivity_panel(group: &str, output: &str, b: i32, f: i32) -> Msg {
    Msg::new(
        format!(
            "no {} with {output} and employment above 0 in both {b} and {f}",
            group_label(group)
        ),
        Note::new("no_productivity_panel")
            .with("group", group)
            .with("output", output)
            .with("baseline", b)
            .with("followup", f),
    )
}

pub fn zero_baseline(group: &str, measure: &str, b: i32) -> Msg {
    Msg::new(
        format!(
            "the {}' {measure} sum to 0 in {b}: growth is undefined",
            group_label(group)
        ),
        Note::new("zero_baseline")
            .with("group", group)
            .with("measure", measure)
            .with("baseline", b),
    )
}

pub fn panel_used(group: &str, measure: &str, n: usize, b: i32, f: i32) -> Msg {
    Msg::new(
        format!(
            "{measure} of {n} {} with data in both {b} and {f} (balanced panel)",
            group_label(group)
        ),
        Note::new("panel_used")
            .with("group", group)
            .with("measure", measure)
            .with("n", n)
            .with("baseline", b)
            .with("followup", f),
    )
}

pub fn compared(
    group: &str,
    versus: &str,
    measure: &str,
    (n, n_versus): (usize, usize),
    b: i32,
    f: i32,
) -> Msg {
    Msg::new(
        format!(
            "{measure} growth {b}→{f} of {n} {} minus that of {n_versus} {}",
            group_label(group),
            group_label(versus)
        ),
        Note::new("compared")
            .with("group", group)
            .with("versus", versus)
            .with("measure", measure)
            .with("n", n)
            .with("n_versus", n_versus)
            .with("baseline", b)
            .with("followup", f),
    )
}

pub fn no_interval_few_firms(group: &str, n: usize) -> Msg {
    Msg::new(
        format!(
            "no confidence interval: the {} panel has {n} firm(s), at least 2 are needed on each side",
            group_label(group)
        ),
        Note::new("no_interval_few_firms")
            .with("group", group)
            .with("n", n),
    )
}

pub fn no_interval_no_reps() -> Msg {
    Msg::new(
        "no confidence interval: the number of bootstrap draws is set to 0".into(),
        Note::new("no_interval_no_reps"),
    )
}

pub fn no_interval_undefined() -> Msg {
    Msg::new(
        "no confidence interval: no bootstrap draw gave a defined growth (baselines of 0)".into(),
        Note::new("no_interval_undefined"),
    )
}

pub fn territory_years(b: i32, f: i32) -> Msg {
    Msg::new(
        format!("local and national GDP growth {b}→{f}"),
        Note::new("territory_years")
            .with("baseline", b)
            .with("followup", f),
    )
}

pub fn territory_fallback(years: Option<(i32, i32)>, first: i32, last: i32) -> Msg {
    let mut note = Note::new("territory_fallback")
        .with("first", first)
        .with("last", last);
    let english = match years {
        Some((b, f)) => {
            note = note.with("baseline", b).with("followup", f);
            format!("the territory table has no GDP for both {b} and {f}: its first and last years with both GDPs, {first}→{last}, were used")
        }
        None => format!(
            "no baseline and follow-up years: the territory table's first and last years with both GDPs, {first}→{last}, were used"
        ),
    };
    Msg::new(english, note)
}

pub fn territory_missing() -> Msg {
    Msg::new(
        "the territory table needs local and national GDP in at least two years".into(),
        Note::new("territory_missing"),
    )
}

pub fn territory_zero(column: &str, year: i32) -> Msg {
    Msg::new(
        format!("{column} is 0 in {year}: growth is undefined"),
        Note::new("territory_zero")
            .with("column", column)
            .with("year", year),
    )
}

pub fn missing_fact(field: &str) -> Msg {
    Msg::new(
        format!("the project's {field} is not set"),
        Note::new("missing_fact").with("field", field),
    )
}

pub fn zero_fact(field: &str) -> Msg {
    Msg::new(
        format!("the project's {field} is 0: the ratio is undefined"),
        Note::new("zero_fact").with("field", field),
    )
}

pub fn negative_fact(field: &str) -> Msg {
    Msg::new(
        format!("the project's {field} is negative: a cost cannot be"),
        Note::new("negative_fact").with("field", field),
    )
}

pub fn no_flag_panel(flag: &str, b: i32, f: i32) -> Msg {
    Msg::new(
        format!("no cluster firm has {flag} known in both {b} and {f}"),
        Note::new("no_flag_panel")
            .with("flag", flag)
            .with("baseline", b)
            .with("followup", f),
    )
}

pub fn flag_panel_used(flag: &str, n: usize, b: i32, f: i32) -> Msg {
    Msg::new(
        format!("share of {n} cluster firms with {flag} known in both {b} and {f}"),
        Note::new("flag_panel_used")
            .with("flag", flag)
            .with("n", n)
            .with("baseline", b)
            .with("followup", f),
    )
}

pub fn table_empty(table: &str) -> Msg {
    Msg::new(
        format!("the {table} table has no valid row"),
        Note::new("table_empty").with("table", table),
    )
}

pub fn year_absent(table: &str, year: i32) -> Msg {
    Msg::new(
        format!("the {table} table has no row in {year}: counted as 0"),
        Note::new("year_absent")
            .with("table", table)
            .with("year", year),
    )
}

pub fn counted_years(table: &str, b: i32, f: i32) -> Msg {
    Msg::new(
        format!("{table} counted in {f} minus in {b}"),
        Note::new("counted_years")
            .with("table", table)
            .with("baseline", b)
            .with("followup", f),
    )
}

pub fn no_flag_in_year(flag: &str, group: &str, year: i32) -> Msg {
    Msg::new(
        format!("no {} has {flag} known in {year}", group_label(group)),
        Note::new("no_flag_in_year")
            .with("flag", flag)
            .with("group", group)
            .with("year", year),
    )
}

pub fn improved_flag_used(n: usize, year: i32) -> Msg {
    Msg::new(
        format!("share of {n} beneficiary firms answering \"improved\" in {year}"),
        Note::new("improved_flag_used")
            .with("n", n)
            .with("year", year),
    )
}

pub fn improved_by_growth(versus: &str, n: usize, b: i32, f: i32) -> Msg {
    Msg::new(
        format!(
            "no improved column: share of {n} beneficiary firms whose own sales grew more than those of the {} {b}→{f}",
            group_label(versus)
        ),
        Note::new("improved_by_growth")
            .with("versus", versus)
            .with("n", n)
            .with("baseline", b)
            .with("followup", f),
    )
}

pub fn improved_no_reference(b: i32, f: i32) -> Msg {
    Msg::new(
        format!("no improved column, and no sales growth {b}→{f} of sector or control firms to compare with"),
        Note::new("improved_no_reference")
            .with("baseline", b)
            .with("followup", f),
    )
}

pub fn fact_unknown(field: &str) -> Msg {
    Msg::new(
        format!("the project's {field} is unknown"),
        Note::new("fact_unknown").with("field", field),
    )
}

pub fn share_denominator(source: &str, denominator: f64) -> Msg {
    let english = match source {
        "cluster_firms" => format!("over the project's {denominator} cluster firms"),
        _ => format!("over the {denominator} distinct cluster firms of the firms table (the project's cluster_firms is not set)"),
    };
    Msg::new(
        english,
        Note::new("share_denominator")
            .with("source", source)
            .with("denominator", denominator),
    )
}

pub fn share_above_one(participating: usize, denominator: f64) -> Msg {
    Msg::new(
        format!("{participating} participating firms is more than the {denominator} firms of the cluster"),
        Note::new("share_above_one")
            .with("participating", participating)
            .with("denominator", denominator),
    )
}

pub fn project_years_reversed(start_year: i32, end_year: i32) -> Msg {
    Msg::new(
        format!(
            "the project ends ({end_year}) before it starts ({start_year}): check the two years"
        ),
        Note::new("project_years_reversed")
            .with("start_year", start_year)
            .with("end_year", end_year),
    )
}

pub fn followup_too_early(followup: i32, end_year: i32) -> Msg {
    let earliest = end_year.saturating_add(3);
    Msg::new(
        format!("the follow-up year {followup} is earlier than three years after the end of the project ({end_year}): Annex II measures long-run impact from {earliest}"),
        Note::new("followup_too_early")
            .with("followup", followup)
            .with("end_year", end_year)
            .with("earliest", earliest),
    )
}
