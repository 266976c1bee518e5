//! The engine's messages (a code and its parameters) in the reader's language. A code
//! the catalogue does not know falls back to the engine's English text, so a message
//! is never lost.

use cluster_eval_engine::results::{Note, Warning};
use serde_json::{Map, Value};

use crate::i18n::{lookup, Lang};

/// A parameter as shown. Column names (`column`, `columns`) stay the names a person
/// types in a header when they have no translation (`workers_women`); other codes,
/// such as a project field (`cost_total`), are worded.
fn param_text(lang: Lang, name: &str, value: &Value) -> String {
    match value {
        Value::String(s) if name == "column" || name == "columns" => {
            crate::names::column_name(lang, s)
        }
        Value::String(s) => crate::detail_names::value(lang, s),
        Value::Number(n) => n
            .as_f64()
            .map(|v| {
                if v.fract() == 0.0 {
                    format!("{v:.0}")
                } else {
                    crate::format::num(lang, v)
                }
            })
            .unwrap_or_default(),
        Value::Array(items) => items
            .iter()
            .map(|v| param_text(lang, name, v))
            .collect::<Vec<_>>()
            .join(", "),
        Value::Bool(b) => b.to_string(),
        Value::Null => "—".into(),
        Value::Object(_) => String::new(),
    }
}

/// Fills `{name}` placeholders of a template with the parameters.
pub fn fill(lang: Lang, template: &str, params: &Map<String, Value>) -> String {
    let mut text = template.to_string();
    for (name, value) in params {
        let placeholder = format!("{{{name}}}");
        if text.contains(&placeholder) {
            // Codes (the group `cluster`, meaning the whole cluster; a field; where a
            // share's denominator came from) are worded as in "how it was computed".
            let shown = param_text(lang, name, value);
            text = text.replace(&placeholder, &shown);
        }
    }
    text
}

/// An indicator's message.
pub fn note_text(lang: Lang, note: Option<&Note>, english: &str) -> String {
    note.and_then(|n| {
        lookup(lang, &format!("note.{}", n.code)).map(|template| fill(lang, template, &n.params))
    })
    .unwrap_or_else(|| english.to_string())
}

/// A calculation warning.
pub fn warning_text(lang: Lang, warning: &Warning) -> String {
    lookup(lang, &format!("note.{}", warning.code))
        .map(|template| fill(lang, template, &warning.params))
        .unwrap_or_else(|| warning.message.clone())
}
