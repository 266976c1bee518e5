//! The results as CSV that opens correctly in the reader's Excel: `;` and a decimal
//! comma for Spanish and Portuguese (what their Excel expects), `,` and a point for
//! English, a UTF-8 byte-order mark so accents survive, CRLF line ends, and every
//! text field quoted.
//!
//! Text cells that a spreadsheet would take for a formula (starting with `=`, `+`,
//! `-`, `@`, a tab or a carriage return: a project named `=HYPERLINK(…)` would become
//! a live link in every row) are written with a leading apostrophe, the usual guard
//! (OWASP, "CSV injection"); numbers are written as numbers and never touched.

use cluster_eval_types::Results;

use crate::i18n::{t, Lang};
use crate::names::indicator_name;
use crate::verdict::{verdict, verdict_text};

/// A text cell, quoted, and guarded when a spreadsheet would read it as a formula.
pub fn quote(text: &str) -> String {
    let guard = if starts_like_formula(text) { "'" } else { "" };
    format!("\"{guard}{}\"", text.replace('"', "\"\""))
}

/// Whether a spreadsheet would take a cell starting so for a formula (or, for a tab
/// or a carriage return, strip them and then take it for one).
pub fn starts_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A number cell as the reader's Excel reads it: full precision, the language's
/// decimal mark, empty when there is none.
pub fn number(lang: Lang, value: Option<f64>) -> String {
    match value {
        Some(v) if v.is_finite() => {
            let text = format!("{v}");
            if lang.marks().0 == ',' {
                text.replace('.', ",")
            } else {
                text
            }
        }
        _ => String::new(),
    }
}

/// The CSV text of the results; `targets`: the document's targets, so the verdict
/// column says "Target met (target: 80%)" where one is set, and the words of the
/// verdict elsewhere (SPEC, "Verdicts and their words").
pub fn results_csv(
    lang: Lang,
    results: &Results,
    project: &str,
    targets: &std::collections::BTreeMap<String, f64>,
    currency: &str,
) -> String {
    let sep = if lang.marks().0 == ',' { ";" } else { "," };
    let mut out = String::from("\u{feff}");
    let header = [
        t(lang, "csv.project"),
        "id",
        t(lang, "results.indicator"),
        t(lang, "csv.horizon"),
        t(lang, "results.value"),
        t(lang, "csv.unit"),
        t(lang, "results.status"),
        t(lang, "csv.ci_low"),
        t(lang, "csv.ci_high"),
        "n",
        t(lang, "csv.message"),
    ];
    out.push_str(
        &header
            .iter()
            .map(|h| quote(h))
            .collect::<Vec<_>>()
            .join(sep),
    );
    out.push_str("\r\n");
    for i in &results.indicators {
        let unit = serde_json::to_value(i.unit)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let horizon = serde_json::to_value(i.horizon)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let message = crate::notes::note_text(lang, i.note.as_ref(), &i.message);
        let target = targets.get(&i.id).copied();
        let target_text =
            target.map(|v| crate::format::value(lang, &i.id, i.unit, Some(v), currency));
        let verdict_words = verdict_text(
            lang,
            i,
            verdict(i, target.is_some()),
            target_text.as_deref(),
        );
        let row = [
            quote(project),
            quote(&i.id),
            quote(&indicator_name(lang, &i.id)),
            quote(&horizon),
            number(lang, i.value),
            quote(&unit),
            quote(&verdict_words),
            number(lang, i.ci.map(|c| c[0])),
            number(lang, i.ci.map(|c| c[1])),
            i.n.to_string(),
            quote(&message),
        ];
        out.push_str(&row.join(sep));
        out.push_str("\r\n");
    }
    out
}
