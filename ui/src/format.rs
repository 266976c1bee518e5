//! Numbers as the reader writes them: decimal mark and thousands separator of the
//! chosen language, shares and growths as percentages. Pure functions, so they are
//! tested without a browser and used by the results, the charts and the CSV export.

use cluster_eval_types::{Family, IndicatorId};
use cluster_eval_types::{Horizon, Unit};

use crate::i18n::Lang;

/// `value` with `decimals` decimals, in the conventions of `lang`.
pub fn number(lang: Lang, value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    let (decimal_mark, thousands) = lang.marks();
    let text = format!("{:.*}", decimals, value.abs());
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (text, None),
    };
    let mut grouped = String::new();
    let digits: Vec<char> = int_part.chars().collect();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(thousands);
        }
        grouped.push(*c);
    }
    let negative = value < 0.0
        && grouped
            .chars()
            .chain(frac_part.iter().flat_map(|f| f.chars()))
            .any(|c| c.is_ascii_digit() && c != '0');
    let mut out = String::new();
    if negative {
        out.push('−');
    }
    out.push_str(&grouped);
    if let Some(frac) = frac_part {
        out.push(decimal_mark);
        out.push_str(&frac);
    }
    out
}

/// A fraction as a percentage (`0.253` → `25.3 %` / `25,3 %`).
pub fn percent(lang: Lang, fraction: f64) -> String {
    format!("{}\u{a0}%", number(lang, fraction * 100.0, 1))
}

/// A difference of fractions in percentage points.
pub fn points(lang: Lang, fraction: f64) -> String {
    let sign = if fraction > 0.0 { "+" } else { "" };
    format!("{sign}{}\u{a0}pp", number(lang, fraction * 100.0, 1))
}

/// True when [`value`] writes the project's currency after the number: an amount,
/// or a return per unit of the project's money.
pub fn carries_currency(id: &str, unit: Unit) -> bool {
    match unit {
        Unit::Currency => true,
        Unit::Ratio => IndicatorId::parse(id).is_return(),
        _ => false,
    }
}

/// An indicator's value for the reader, by its unit and id.
pub fn value(lang: Lang, id: &str, unit: Unit, value: Option<f64>, currency: &str) -> String {
    let Some(v) = value else {
        return "—".to_string();
    };
    let id = IndicatorId::parse(id);
    match unit {
        Unit::Share => {
            // Changes of shares: percentage points.
            if matches!(
                id.family(),
                Family::WorkerShare(_)
                    | Family::WorkerShareVsControl(_)
                    | Family::Strategy(_)
                    | Family::Single("formalization")
            ) || id.is_difference()
            {
                points(lang, v)
            } else {
                percent(lang, v)
            }
        }
        Unit::Ratio => {
            if id.is_return() {
                format!("{} {}", number(lang, v, 2), currency_or_dollar(currency))
            } else if id.is_difference() {
                points(lang, v)
            } else {
                percent(lang, v)
            }
        }
        Unit::Count => {
            let decimals = if v.fract() == 0.0 { 0 } else { 1 };
            let text = number(lang, v, decimals);
            // Changes of counts carry their sign.
            if id.horizon() == Some(Horizon::Medium) || matches!(id.family(), Family::WorkerJobs(_))
            {
                if v > 0.0 {
                    format!("+{text}")
                } else {
                    text
                }
            } else {
                text
            }
        }
        Unit::Currency => format!("{} {}", number(lang, v, 0), currency_or_dollar(currency)),
        // A standardised mean difference: "0.12 SD" ("0,12 DE" in Spanish).
        Unit::Smd => format!(
            "{}\u{a0}{}",
            number(lang, v, 2),
            crate::i18n::t(lang, "design.sd")
        ),
        Unit::Boolean => {
            if v != 0.0 {
                "✓".into()
            } else {
                "✗".into()
            }
        }
    }
}

fn currency_or_dollar(currency: &str) -> String {
    if currency.trim().is_empty() {
        "USD".into()
    } else {
        currency.trim().to_string()
    }
}

/// A number at a sensible precision for a formula.
pub fn num(lang: Lang, v: f64) -> String {
    let decimals = if v.fract() == 0.0 || v.abs() >= 1000.0 {
        0
    } else if v.abs() >= 10.0 {
        2
    } else {
        4
    };
    number(lang, v, decimals)
}
