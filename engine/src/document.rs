//! The JSON document: the saved and shared unit (SPEC, "The JSON document").
//!
//! A document is project facts + five raw tables + checklist + targets + the user's
//! column mapping + settings, and, on export, the computed `results`. Reading is
//! strict about what matters (it must be JSON, of format `cluster-eval`, of a version
//! this build knows) and lenient about the rest: every struct keeps the fields it does
//! not know in `extra`, so a document written by a newer minor build, or edited by
//! hand, loses nothing when it passes through this one.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::migrate;
use crate::results::Results;

/// The value of the `format` field of every document.
pub const FORMAT: &str = "cluster-eval";
/// The document version this build writes, and the newest it reads.
pub const CURRENT_VERSION: u64 = 1;

/// Why a file could not be read as a document. Each variant says what and where, so
/// the page can translate it and the CLI can print it on one line.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DocumentError {
    #[error("the file is not JSON (line {line}, column {column}: {message})")]
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("the file is JSON but not a document: expected an object at the top, found {found}")]
    NotAnObject { found: &'static str },
    #[error("the file is not a cluster-eval document (its \"format\" is {found})")]
    WrongFormat { found: String },
    #[error("the document has no \"{field}\" field")]
    MissingField { field: String },
    #[error("the document's version {found} is newer than this calculator understands (up to {supported}); open it with a newer version of the calculator")]
    NewerVersion { found: u64, supported: u64 },
    #[error("the document's \"version\" is not a whole number ≥ 0 (found {found})")]
    BadVersion { found: String },
    #[error("the document's field \"{path}\" is invalid: {message}")]
    InvalidField { path: String, message: String },
}

/// What an invalid field should have held, from serde's message, in terms a person
/// can be told (the page translates them; `expected i32` means nothing to an
/// evaluator).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    Number,
    WholeNumber,
    Text,
    TrueFalse,
    List,
    /// A group of named fields (a JSON object).
    Object,
    /// One of these codes, as serde lists them (`` `yes`, `no`, `unknown` ``).
    OneOf(String),
}

impl DocumentError {
    /// For an invalid field, what it should have held, when serde's message says.
    pub fn expected(&self) -> Option<Expected> {
        let DocumentError::InvalidField { message, .. } = self else {
            return None;
        };
        let (_, wanted) = message.split_once("expected ")?;
        if let Some(codes) = wanted.strip_prefix("one of ") {
            return Some(Expected::OneOf(codes.to_string()));
        }
        let wanted = wanted.trim_start_matches("a ").trim_start_matches("an ");
        let word = wanted.split([' ', ',']).next()?;
        Some(match word {
            "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" | "isize"
            | "integer" => Expected::WholeNumber,
            "f32" | "f64" | "number" => Expected::Number,
            "string" | "str" | "borrowed" | "char" => Expected::Text,
            "boolean" | "bool" => Expected::TrueFalse,
            "sequence" | "list" => Expected::List,
            "map" | "struct" => Expected::Object,
            _ => return None,
        })
    }
}

/// A yes / no / unknown project fact (institutional arrangement, strategic plan).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum YesNoUnknown {
    Yes,
    No,
    #[default]
    Unknown,
}

/// One answer of the pro-poor checklist. An unanswered item is absent (or null).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChecklistAnswer {
    Yes,
    Partial,
    No,
}

/// The eleven checklist items of Section 4.3, in the order the page shows them.
pub const CHECKLIST_ITEMS: [&str; 11] = [
    "poverty_targeting",
    "gains_to_poor",
    "winners_losers",
    "social_protection",
    "labor_standards",
    "work_organization",
    "artisan_niches",
    "community_participation",
    "access_barriers",
    "marginalized_institutions",
    "training_system",
];

/// The cluster-type tags of the seed's footnote 19 ("direct poverty-impact potential").
pub const CLUSTER_TAGS: [&str; 5] = [
    "rural",
    "urban_informal",
    "micro_homeworkers",
    "labor_intensive",
    "marginalized_workers",
];

/// Project facts.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Project {
    pub name: String,
    pub currency: String,
    pub start_year: Option<i32>,
    pub end_year: Option<i32>,
    pub baseline_year: Option<i32>,
    pub followup_year: Option<i32>,
    pub cluster_firms: Option<f64>,
    pub institutional_arrangement: YesNoUnknown,
    pub strategic_plan_consensus: YesNoUnknown,
    pub cost_total: Option<f64>,
    pub cost_mif: Option<f64>,
    pub social_benefits: Option<f64>,
    pub rural: bool,
    pub urban_informal: bool,
    pub micro_homeworkers: bool,
    pub labor_intensive: bool,
    pub marginalized_workers: bool,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Project {
    /// The footnote-19 tags that are set, by their ids.
    pub fn tags(&self) -> Vec<&'static str> {
        let flags = [
            self.rural,
            self.urban_informal,
            self.micro_homeworkers,
            self.labor_intensive,
            self.marginalized_workers,
        ];
        CLUSTER_TAGS
            .iter()
            .zip(flags)
            .filter(|(_, on)| *on)
            .map(|(tag, _)| *tag)
            .collect()
    }

    /// Sets a footnote-19 tag by its id; unknown ids are ignored.
    pub fn set_tag(&mut self, tag: &str, on: bool) {
        match tag {
            "rural" => self.rural = on,
            "urban_informal" => self.urban_informal = on,
            "micro_homeworkers" => self.micro_homeworkers = on,
            "labor_intensive" => self.labor_intensive = on,
            "marginalized_workers" => self.marginalized_workers = on,
            _ => {}
        }
    }
}

/// The five tables, each the raw text the user pasted, never altered.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Tables {
    pub firms: String,
    pub territory: String,
    pub activities: String,
    pub actors: String,
    pub subsidies: String,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// How the decimal mark of a numeric column is decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum DecimalSetting {
    #[default]
    #[serde(rename = "auto")]
    Auto,
    #[serde(rename = ".", alias = "point")]
    Point,
    #[serde(rename = ",", alias = "comma")]
    Comma,
}

/// How the field separator of a pasted table is decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum DelimiterSetting {
    #[default]
    #[serde(rename = "auto")]
    Auto,
    #[serde(rename = "tab", alias = "\t")]
    Tab,
    #[serde(rename = ",", alias = "comma")]
    Comma,
    #[serde(rename = ";", alias = "semicolon")]
    Semicolon,
}

/// Per-table reading overrides the user chose on the page (the SPEC is silent on where
/// they live; they sit beside the global settings they override).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TableSettings {
    /// Overrides `settings.delimiter` for this table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delimiter: Option<DelimiterSetting>,
    /// Decimal mark per canonical column name, overriding detection and the project's
    /// `settings.decimal`.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub decimal: BTreeMap<String, DecimalSetting>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Calculation settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub decimal: DecimalSetting,
    pub delimiter: DelimiterSetting,
    pub bootstrap_reps: u32,
    pub seed: u64,
    pub loser_threshold: f64,
    /// Per-table overrides, keyed by table name (`firms`, `territory`, …).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub tables: BTreeMap<String, TableSettings>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The most bootstrap draws a calculation makes. A document may ask for more (a file
/// edited by hand said 4,000,000,000, which ran the page out of memory); the
/// calculation then makes this many, and typing a document caps the setting to it.
/// 100,000 draws take about 0.15 s in the page.
pub const MAX_BOOTSTRAP_REPS: u32 = 100_000;

impl Settings {
    /// The bootstrap draws a calculation makes: `bootstrap_reps`, at most
    /// [`MAX_BOOTSTRAP_REPS`].
    pub fn reps(&self) -> u32 {
        self.bootstrap_reps.min(MAX_BOOTSTRAP_REPS)
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            decimal: DecimalSetting::Auto,
            delimiter: DelimiterSetting::Auto,
            bootstrap_reps: 1000,
            seed: 42,
            loser_threshold: 0.01,
            tables: BTreeMap::new(),
            extra: Map::new(),
        }
    }
}

impl Settings {
    /// The delimiter to use for `table`: its own override, else the global setting.
    pub fn delimiter_for(&self, table: &str) -> DelimiterSetting {
        self.tables
            .get(table)
            .and_then(|t| t.delimiter)
            .unwrap_or(self.delimiter)
    }

    /// The user's decimal-mark override for one column of `table`, if any.
    pub fn decimal_override(&self, table: &str, column: &str) -> Option<DecimalSetting> {
        self.tables
            .get(table)
            .and_then(|t| t.decimal.get(column))
            .copied()
            .filter(|d| *d != DecimalSetting::Auto)
    }
}

/// The user's own header mapping: table → pasted header → canonical column (or `None`
/// to ignore the column). Wins over the built-in synonyms.
pub type ColumnMapping = BTreeMap<String, BTreeMap<String, Option<String>>>;

/// A whole document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub format: String,
    pub version: u64,
    pub project: Project,
    pub tables: Tables,
    #[serde(default)]
    pub checklist: BTreeMap<String, Option<ChecklistAnswer>>,
    #[serde(default)]
    pub targets: BTreeMap<String, f64>,
    #[serde(default)]
    pub columns: ColumnMapping,
    #[serde(default)]
    pub settings: Settings,
    /// Written on export, recomputed on import: never trusted on the way in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub results: Option<Results>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Default for Document {
    fn default() -> Self {
        Document::new("")
    }
}

impl Document {
    /// An empty document of the current version.
    pub fn new(name: &str) -> Self {
        Document {
            format: FORMAT.to_string(),
            version: CURRENT_VERSION,
            project: Project {
                name: name.to_string(),
                currency: "USD".to_string(),
                ..Project::default()
            },
            tables: Tables::default(),
            checklist: BTreeMap::new(),
            targets: BTreeMap::new(),
            columns: BTreeMap::new(),
            settings: Settings::default(),
            results: None,
            extra: Map::new(),
        }
    }

    /// Reads a document from JSON text: refuses what is not JSON, not this format, or
    /// newer than this build; migrates older versions forward.
    pub fn from_json(text: &str) -> Result<Document, DocumentError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // Large tables are decoded faster than by serde_json alone (same value).
        let fast = (text.len() >= 256 * 1024)
            .then(|| crate::json::value_with_long_strings(text))
            .flatten();
        let value: Value = match fast {
            Some(value) => value,
            None => serde_json::from_str(text).map_err(|e| DocumentError::NotJson {
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            })?,
        };
        Document::from_value(value)
    }

    /// Reads a document from an already parsed JSON value (see [`Document::from_json`]).
    pub fn from_value(value: Value) -> Result<Document, DocumentError> {
        let Value::Object(mut object) = value else {
            return Err(DocumentError::NotAnObject {
                found: json_kind(&value),
            });
        };
        match object.get("format") {
            Some(Value::String(f)) if f == FORMAT => {}
            Some(other) => {
                return Err(DocumentError::WrongFormat {
                    found: other.to_string(),
                })
            }
            None => {
                return Err(DocumentError::MissingField {
                    field: "format".into(),
                })
            }
        }
        let version = match object.get("version") {
            None => {
                return Err(DocumentError::MissingField {
                    field: "version".into(),
                })
            }
            Some(v) => v.as_u64().ok_or_else(|| DocumentError::BadVersion {
                found: v.to_string(),
            })?,
        };
        if version > CURRENT_VERSION {
            return Err(DocumentError::NewerVersion {
                found: version,
                supported: CURRENT_VERSION,
            });
        }
        migrate::to_current(&mut object, version);
        for field in ["project", "tables"] {
            if !object.contains_key(field) {
                return Err(DocumentError::MissingField {
                    field: field.into(),
                });
            }
        }
        // Results are recomputed, never trusted: drop them before typing so a stale or
        // hand-edited `results` can never make an otherwise good file unreadable.
        object.remove("results");
        let mut document: Document = serde_path_deserialize(Value::Object(object))?;
        document.settings.bootstrap_reps = document.settings.reps();
        Ok(document)
    }

    /// The document as pretty JSON (what export writes and the CLI prints).
    pub fn to_json(&self) -> String {
        let tables = self.tables_len();
        let mut out = Vec::with_capacity(tables + tables / 4 + 64 * 1024);
        // Serialising plain data with string keys cannot fail, and what is written is
        // UTF-8; fall back to an empty object rather than panic if it ever were not.
        match self.write_json(&mut out) {
            Ok(()) => String::from_utf8(out).unwrap_or_else(|_| "{}".to_string()),
            Err(_) => "{}".to_string(),
        }
    }

    /// Writes [`Document::to_json`]'s text to `out` without building it in memory
    /// first (the CLI streams a 10 MB document to standard output).
    ///
    /// The same bytes as `serde_json::to_writer_pretty` (a test holds it), faster for
    /// large tables: they are most of the bytes, and are escaped here in one tight loop
    /// while serde_json writes the rest of the document around empty tables.
    pub fn write_json<W: std::io::Write>(&self, mut out: W) -> std::io::Result<()> {
        let texts = self.table_texts();
        if self.tables_len() >= 64 * 1024 {
            let shell = self.without_table_texts();
            let text = serde_json::to_vec_pretty(&shell).map_err(std::io::Error::from)?;
            if let Some(holes) = table_holes(&text) {
                let mut written = 0;
                for (hole, table) in holes.into_iter().zip(texts) {
                    out.write_all(text.get(written..hole).unwrap_or_default())?;
                    write_escaped(&mut out, table)?;
                    written = hole;
                }
                return out.write_all(text.get(written..).unwrap_or_default());
            }
        }
        serde_json::to_writer_pretty(out, self).map_err(std::io::Error::from)
    }

    /// This document with empty table texts, everything else copied: what goes
    /// around the tables, without copying megabytes of them (the JSON writer above,
    /// and the page's messages to its worker, which sends the texts apart).
    pub fn without_table_texts(&self) -> Document {
        Document {
            format: self.format.clone(),
            version: self.version,
            project: self.project.clone(),
            tables: Tables {
                extra: self.tables.extra.clone(),
                ..Tables::default()
            },
            checklist: self.checklist.clone(),
            targets: self.targets.clone(),
            columns: self.columns.clone(),
            settings: self.settings.clone(),
            results: self.results.clone(),
            extra: self.extra.clone(),
        }
    }

    /// The five tables' texts, in the order of [`Tables`]' fields.
    fn table_texts(&self) -> [&str; 5] {
        let t = &self.tables;
        [
            &t.firms,
            &t.territory,
            &t.activities,
            &t.actors,
            &t.subsidies,
        ]
    }

    /// The length in bytes of the five tables' raw text together (what decides where
    /// the page calculates and whether a browser can store the project).
    pub fn tables_len(&self) -> usize {
        self.table_texts().iter().map(|t| t.len()).sum()
    }

    /// The raw text of a table by its name.
    pub fn table_text(&self, table: crate::model::TableKind) -> &str {
        use crate::model::TableKind::*;
        match table {
            Firms => &self.tables.firms,
            Territory => &self.tables.territory,
            Activities => &self.tables.activities,
            Actors => &self.tables.actors,
            Subsidies => &self.tables.subsidies,
        }
    }

    /// Mutable access to the raw text of a table.
    pub fn table_text_mut(&mut self, table: crate::model::TableKind) -> &mut String {
        use crate::model::TableKind::*;
        match table {
            Firms => &mut self.tables.firms,
            Territory => &mut self.tables.territory,
            Activities => &mut self.tables.activities,
            Actors => &mut self.tables.actors,
            Subsidies => &mut self.tables.subsidies,
        }
    }
}

/// Where the texts of the five tables go in the pretty JSON of a document whose
/// tables are empty: just after the opening quote of each `""`. The `tables` key at
/// depth 1 is found by its line (a raw line break cannot occur inside a JSON string),
/// its fields follow in declaration order.
fn table_holes(text: &[u8]) -> Option<[usize; 5]> {
    let find = |needle: &[u8], from: usize| {
        text.get(from..)?
            .windows(needle.len())
            .position(|w| w == needle)
            .map(|i| from + i + needle.len())
    };
    let mut at = find(b"\n  \"tables\": {", 0)?;
    let mut holes = [0; 5];
    for (hole, name) in
        holes
            .iter_mut()
            .zip(["firms", "territory", "activities", "actors", "subsidies"])
    {
        at = find(format!("\n    \"{name}\": \"\"").as_bytes(), at)?;
        *hole = at - 1;
    }
    Some(holes)
}

/// How serde_json escapes each byte in a string: 0 not at all, `u` as `\u00xx`, any
/// other as a backslash and that byte.
const ESCAPES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// Writes `s` as the inside of a JSON string, escaped exactly as serde_json does:
/// `"` and `\\`, `\b \t \n \f \r`, other control characters as `\u00xx`, nothing
/// else. Without a branch per byte: a pasted table has a tab or a line break every few
/// bytes, where a branch would be mispredicted.
fn write_escaped<W: std::io::Write>(out: &mut W, s: &str) -> std::io::Result<()> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    const BLOCK: usize = 1 << 14;
    // Each byte takes at most 6 bytes of output.
    let mut buf = vec![0u8; BLOCK * 6];
    for block in s.as_bytes().chunks(BLOCK) {
        let mut j = 0;
        for &b in block {
            let e = ESCAPES[usize::from(b)];
            if e == b'u' {
                let hex = |n: u8| HEX[usize::from(n & 0xf)];
                if let Some(slot) = buf.get_mut(j..j + 6) {
                    slot.copy_from_slice(&[b'\\', b'u', b'0', b'0', hex(b >> 4), hex(b)]);
                }
                j += 6;
                continue;
            }
            let escaped = usize::from(e != 0);
            if let Some(slot) = buf.get_mut(j..j + 2) {
                slot[0] = if escaped == 1 { b'\\' } else { b };
                slot[1] = e;
            }
            j += 1 + escaped;
        }
        out.write_all(buf.get(..j).unwrap_or_default())?;
    }
    Ok(())
}

/// Typed deserialisation that names the offending field.
fn serde_path_deserialize(value: Value) -> Result<Document, DocumentError> {
    // serde_json's own error message names the expected type and found value; the path
    // is found by retrying each top-level section alone, which is cheap and keeps the
    // dependency list short (no serde_path_to_error). The retries run on a copy without
    // the long strings (the tables: 10 MB is worth not copying), which types exactly as
    // the original does: every string field takes an empty string as well as a long
    // one, and no enum has a name anywhere near that long.
    let skeleton = without_long_strings(&value);
    match serde_json::from_value::<Document>(value) {
        Ok(doc) => Ok(doc),
        Err(error) => {
            let path = locate_invalid_section(&skeleton).unwrap_or_else(|| "(document)".into());
            Err(DocumentError::InvalidField {
                path,
                message: error.to_string(),
            })
        }
    }
}

/// `value` with every string longer than 64 bytes made empty.
fn without_long_strings(value: &Value) -> Value {
    match value {
        Value::String(s) if s.len() > 64 => Value::String(String::new()),
        Value::Array(items) => Value::Array(items.iter().map(without_long_strings).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), without_long_strings(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

fn locate_invalid_section(value: &Value) -> Option<String> {
    let object = value.as_object()?;
    type Check = fn(&Value) -> bool;
    let checks: [(&str, Check); 6] = [
        ("project", |v| {
            serde_json::from_value::<Project>(v.clone()).is_ok()
        }),
        ("tables", |v| {
            serde_json::from_value::<Tables>(v.clone()).is_ok()
        }),
        ("checklist", |v| {
            serde_json::from_value::<BTreeMap<String, Option<ChecklistAnswer>>>(v.clone()).is_ok()
        }),
        ("targets", |v| {
            serde_json::from_value::<BTreeMap<String, f64>>(v.clone()).is_ok()
        }),
        ("columns", |v| {
            serde_json::from_value::<ColumnMapping>(v.clone()).is_ok()
        }),
        ("settings", |v| {
            serde_json::from_value::<Settings>(v.clone()).is_ok()
        }),
    ];
    for (name, ok) in checks {
        if let Some(section) = object.get(name) {
            if !ok(section) {
                if let Some(fields) = section.as_object() {
                    for key in fields.keys() {
                        let mut probe = section.clone();
                        if let Some(map) = probe.as_object_mut() {
                            map.remove(key);
                        }
                        if ok(&probe) {
                            return Some(format!("{name}.{key}"));
                        }
                    }
                }
                return Some(name.to_string());
            }
        }
    }
    None
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a true/false value",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_holes_of_the_tables_are_found() {
        let mut doc = Document::new("\"tables\": {");
        doc.tables.extra.insert("firms".into(), "x".into());
        doc.tables.extra.insert("more".into(), "".into());
        doc.extra.insert("tables2".into(), Value::Null);
        doc.results = Some(Results::default());
        let text = serde_json::to_vec_pretty(&doc).expect("serialises");
        let holes = table_holes(&text).expect("found");
        let mut names = ["firms", "territory", "activities", "actors", "subsidies"].iter();
        for h in holes {
            assert_eq!(&text[h - 1..=h], b"\"\"");
            let line_start = text[..h].iter().rposition(|b| *b == b'\n').unwrap_or(0);
            let line = String::from_utf8_lossy(&text[line_start..h]).to_string();
            assert_eq!(line, format!("\n    \"{}\": \"", names.next().unwrap()));
        }
    }
}
