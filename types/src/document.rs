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

use crate::context::{AgencyType, AreaType, Prices, SectorType};
use crate::migrate;
use crate::results::Results;

/// The value of the `format` field of every document.
pub const FORMAT: &str = "cluster-eval";
pub use crate::migrate::CURRENT_VERSION;

/// Why a file could not be read as a document. Each variant says what and where in
/// the reader's terms (never serde's English), so the page can translate it and the
/// CLI can print it on one line.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DocumentError {
    /// Nothing but spaces (an empty file, or a save that never finished).
    #[error("the file is empty")]
    Empty,
    /// JSON that ends before the document does (a download or copy cut short).
    #[error("the file ends before the document does (line {line}): it was cut short")]
    Truncated { line: usize },
    #[error("the file is not JSON (line {line}, column {column})")]
    NotJson { line: usize, column: usize },
    /// Lists or objects nested deeper than a document ever is (JSON readers stop at
    /// [`MAX_DEPTH`] levels).
    #[error("the file is nested too deeply to be a document (more than {MAX_DEPTH} levels of brackets, line {line}, column {column})")]
    TooDeep { line: usize, column: usize },
    /// A number beyond what a double holds (`1e309`).
    #[error("the file holds a number too large to be read (line {line}, column {column})")]
    NumberTooLarge { line: usize, column: usize },
    #[error("the file is JSON but not a document: expected an object at the top, found {found}")]
    NotAnObject { found: &'static str },
    #[error("the file is not a cluster-eval document (its \"format\" is {found})")]
    WrongFormat { found: String },
    #[error("the document has no \"{field}\" field")]
    MissingField { field: String },
    #[error("the document's version {found} is newer than this calculator understands (up to {supported}); open it with a newer version of the calculator")]
    NewerVersion { found: u64, supported: u64 },
    /// The `version` is not a number at all (`"one"`).
    #[error("the document's \"version\" is not a number (found {found})")]
    BadVersion { found: String },
    /// The `version` is a number, but not one a document ever had (`-1`, `1.5`).
    #[error("the document's version {found} is not a version this calculator knows (it reads versions 0 to {supported})")]
    UnknownVersion { found: String, supported: u64 },
    /// A field holds the wrong kind of value; `path` names it (`project.end_year`,
    /// `checklist.gains_to_poor`), `expected` says what it should hold.
    #[error("the document's field \"{path}\" should be {}", .expected.as_ref().map_or("something else (it is invalid)", Expected::english))]
    InvalidField {
        path: String,
        expected: Option<Expected>,
    },
}

/// How deep JSON may be nested: serde_json refuses the 128th level.
pub const MAX_DEPTH: usize = 127;

/// What an invalid field should have held, in terms a person can be told (the page
/// translates them), from the field's place in the document ([`expected_at`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    Number,
    WholeNumber,
    Text,
    TrueFalse,
    List,
    /// A group of named fields (a JSON object).
    Object,
    /// One of these codes (`` `yes`, `no`, `unknown` ``).
    OneOf(String),
}

impl Expected {
    /// The English the CLI prints.
    pub fn english(&self) -> &str {
        match self {
            Expected::Number => "a number (without quotes, with a decimal point)",
            Expected::WholeNumber => "a whole number (in range), without quotes",
            Expected::Text => "a text, in quotes",
            Expected::TrueFalse => "true or false",
            Expected::List => "a list, in brackets [ ]",
            Expected::Object => "a group of named fields, in braces { }",
            Expected::OneOf(codes) => codes,
        }
    }
}

impl DocumentError {
    /// For an invalid field, what it should have held, when known.
    pub fn expected(&self) -> Option<Expected> {
        match self {
            DocumentError::InvalidField { expected, .. } => expected.clone(),
            _ => None,
        }
    }
}

const YES_NO_UNKNOWN: &str = "`yes`, `no`, `unknown`";
const YES_PARTIAL_NO: &str = "`yes`, `partial`, `no`";

/// What the field at `path` (its keys from the top of the document) should hold:
/// the document's schema, written once here rather than read back from serde's
/// English. `None` for a place the schema does not know (a test holds that every
/// typed field is known).
pub fn expected_at(path: &[&str]) -> Option<Expected> {
    use Expected::*;
    Some(match path {
        [] | ["project" | "tables" | "checklist" | "targets" | "columns" | "settings"] => Object,
        ["project", "name" | "currency" | "country" | "sector" | "executing_agency"] => Text,
        ["project", "control_description" | "data_source"] => Text,
        ["project", "clusters" | "price_base_year"] => WholeNumber,
        ["project", "sector_type"] => OneOf(SectorType::EXPECTED.into()),
        ["project", "area_type"] => OneOf(AreaType::EXPECTED.into()),
        ["project", "agency_type"] => OneOf(AgencyType::EXPECTED.into()),
        ["project", "prices"] => OneOf(Prices::EXPECTED.into()),
        ["project", "start_year" | "end_year" | "baseline_year" | "followup_year"] => WholeNumber,
        ["project", "cluster_firms" | "cost_total" | "cost_mif" | "social_benefits"] => Number,
        ["project", "institutional_arrangement" | "strategic_plan_consensus"] => {
            OneOf(YES_NO_UNKNOWN.into())
        }
        ["project", tag] if CLUSTER_TAGS.contains(tag) => TrueFalse,
        ["format", ..] | ["tables", _] => Text,
        ["version"] => WholeNumber,
        ["checklist", _] => OneOf(YES_PARTIAL_NO.into()),
        ["targets", _] => Number,
        ["columns", _] | ["settings", "tables", ..] if path.len() <= 3 => Object,
        ["columns", _, _] => Text,
        ["settings", "decimal"] | ["settings", "tables", _, "decimal", _] => {
            OneOf("`auto`, `.`, `,`".into())
        }
        ["settings", "tables", _, "decimal"] => Object,
        ["settings", "delimiter"] | ["settings", "tables", _, "delimiter"] => {
            OneOf("`auto`, `tab`, `,`, `;`".into())
        }
        ["settings", "bootstrap_reps" | "seed"] => WholeNumber,
        ["settings", "loser_threshold"] => Number,
        _ => return None,
    })
}

/// A yes / no / unknown project fact (institutional arrangement, strategic plan).
/// Read from its code (any case), from `true`/`false` (what other tools write), from
/// a yes/no word of the SPEC (`sí`, `sim`), or `null` (unknown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum YesNoUnknown {
    Yes,
    No,
    #[default]
    Unknown,
}

impl<'de> Deserialize<'de> for YesNoUnknown {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match Lenient::deserialize(d)? {
            Lenient::Null => YesNoUnknown::Unknown,
            Lenient::Bool(true) => YesNoUnknown::Yes,
            Lenient::Bool(false) => YesNoUnknown::No,
            Lenient::Text(s) if s.trim().eq_ignore_ascii_case("unknown") => YesNoUnknown::Unknown,
            Lenient::Text(s) => match crate::text::yes_no(s.trim()) {
                Some(true) => YesNoUnknown::Yes,
                Some(false) => YesNoUnknown::No,
                None => return Err(invalid(&s, YES_NO_UNKNOWN)),
            },
            Lenient::Number(n) => return Err(invalid(&n.to_string(), YES_NO_UNKNOWN)),
        })
    }
}

/// A JSON scalar, as the lenient fields take it.
#[derive(Deserialize)]
#[serde(untagged)]
enum Lenient {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    Text(String),
}

fn invalid<E: serde::de::Error>(found: &str, expected: &'static str) -> E {
    E::invalid_value(serde::de::Unexpected::Str(found), &expected)
}

/// A footnote-19 tag: `true`/`false`, or a yes/no word or `0`/`1` (a sheet exported
/// to JSON), `null` for not set.
fn flag<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    match Lenient::deserialize(d)? {
        Lenient::Null => Ok(false),
        Lenient::Bool(b) => Ok(b),
        Lenient::Number(n) => match n.as_u64() {
            Some(0) => Ok(false),
            Some(1) => Ok(true),
            _ => Err(invalid(&n.to_string(), "true or false")),
        },
        Lenient::Text(s) => {
            crate::text::yes_no(s.trim()).ok_or_else(|| invalid(&s, "true or false"))
        }
    }
}

/// A year: a whole number, also when written as one with a decimal part of zero
/// (`2019.0`, what a tool that keeps every number as a double writes; `-0` is 0).
fn year<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<i32>, D::Error> {
    match Option::<serde_json::Number>::deserialize(d)? {
        None => Ok(None),
        Some(n) => {
            let whole = match (n.as_i64(), n.as_f64()) {
                (Some(i), _) => Some(i),
                (None, Some(f)) if f.fract() == 0.0 && f.abs() <= f64::from(i32::MAX) => {
                    Some(f as i64)
                }
                _ => None,
            };
            whole
                .and_then(|i| i32::try_from(i).ok())
                .map(Some)
                .ok_or_else(|| invalid(&n.to_string(), "a whole number"))
        }
    }
}

/// One answer of the pro-poor checklist. An unanswered item is absent (or null).
/// Read from its code (any case), or `true`/`false` (yes/no) as other tools write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChecklistAnswer {
    Yes,
    Partial,
    No,
}

impl<'de> Deserialize<'de> for ChecklistAnswer {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Lenient::deserialize(d)? {
            Lenient::Bool(true) => Ok(ChecklistAnswer::Yes),
            Lenient::Bool(false) => Ok(ChecklistAnswer::No),
            Lenient::Text(s) if s.trim().eq_ignore_ascii_case("partial") => {
                Ok(ChecklistAnswer::Partial)
            }
            Lenient::Text(s) => match crate::text::yes_no(s.trim()) {
                Some(true) => Ok(ChecklistAnswer::Yes),
                Some(false) => Ok(ChecklistAnswer::No),
                None => Err(invalid(&s, YES_PARTIAL_NO)),
            },
            Lenient::Null => Err(invalid("null", YES_PARTIAL_NO)),
            Lenient::Number(n) => Err(invalid(&n.to_string(), YES_PARTIAL_NO)),
        }
    }
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
    #[serde(deserialize_with = "year")]
    pub start_year: Option<i32>,
    #[serde(deserialize_with = "year")]
    pub end_year: Option<i32>,
    #[serde(deserialize_with = "year")]
    pub baseline_year: Option<i32>,
    #[serde(deserialize_with = "year")]
    pub followup_year: Option<i32>,
    pub cluster_firms: Option<f64>,
    pub institutional_arrangement: YesNoUnknown,
    pub strategic_plan_consensus: YesNoUnknown,
    pub cost_total: Option<f64>,
    pub cost_mif: Option<f64>,
    pub social_benefits: Option<f64>,
    #[serde(deserialize_with = "flag")]
    pub rural: bool,
    #[serde(deserialize_with = "flag")]
    pub urban_informal: bool,
    #[serde(deserialize_with = "flag")]
    pub micro_homeworkers: bool,
    #[serde(deserialize_with = "flag")]
    pub labor_intensive: bool,
    #[serde(deserialize_with = "flag")]
    pub marginalized_workers: bool,
    /// Portfolio facts (SPEC, "Project facts"): free text, absent when not given, and
    /// then not written either, so a document without them keeps its shape.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub executing_agency: Option<String>,
    /// v3, the contexts Section II of the seed compares (SPEC, "Project facts"):
    /// optional, refused with the field named when outside their vocabulary, and left
    /// out of the file when not set (a document without them keeps its shape).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::context::optional"
    )]
    pub sector_type: Option<SectorType>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::context::optional"
    )]
    pub area_type: Option<AreaType>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::context::optional"
    )]
    pub agency_type: Option<AgencyType>,
    /// The number of productive systems the project works with (`None`: 1).
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "year")]
    pub clusters: Option<i32>,
    /// v3, what a reviewer asks first: which cluster serves as control and how it was
    /// chosen, where the data come from (free text, left out of the file when blank).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub control_description: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub data_source: String,
    /// Nominal or constant prices, with the base year of constant prices.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::context::optional"
    )]
    pub prices: Option<Prices>,
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "year")]
    pub price_base_year: Option<i32>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Project {
    /// The number of productive systems (v3 `clusters`; 1 when not set).
    pub fn clusters_or_one(&self) -> i64 {
        self.clusters.map_or(1, i64::from)
    }

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

/// The tables, each the raw text the user pasted, never altered.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Tables {
    pub firms: String,
    pub territory: String,
    pub activities: String,
    pub actors: String,
    pub subsidies: String,
    /// The optional sixth table. Left out of the file when empty, so a document
    /// without proposals is written exactly as before the table existed.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub proposals: String,
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
    /// The workbook sheet the table was read from, when it was (see [`TableSource`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<TableSource>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A table opened from a workbook: the file and the sheet it came from. Its text is
/// then the sheet's *text form*, written by the page from the cells' typed values:
/// separated by tabs, numbers with a `.` decimal mark and no thousands separator. So
/// the table is read as tab-separated and every numeric column with a point, whatever
/// the project's settings say, and nothing is guessed (the SPEC is silent on where the
/// source is kept; it sits with the table's other reading settings).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TableSource {
    /// The workbook's file name, as the user's system gave it.
    pub file: String,
    /// The sheet's name in that workbook.
    pub sheet: String,
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
        let own = self.tables.get(table);
        own.and_then(|t| t.delimiter).unwrap_or_else(|| {
            if self.source_of(table).is_some() {
                DelimiterSetting::Tab
            } else {
                self.delimiter
            }
        })
    }

    /// The workbook sheet `table` was read from, if it was.
    pub fn source_of(&self, table: &str) -> Option<&TableSource> {
        self.tables.get(table).and_then(|t| t.source.as_ref())
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
            None => serde_json::from_str(text).map_err(|e| not_json(text, &e))?,
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
            Some(Value::Number(n)) => n.as_u64().ok_or_else(|| DocumentError::UnknownVersion {
                found: n.to_string(),
                supported: CURRENT_VERSION,
            })?,
            Some(other) => {
                return Err(DocumentError::BadVersion {
                    found: other.to_string(),
                })
            }
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
        let mut document = typed(Value::Object(object))?;
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
    /// first (the CLI streams a 10 MB document to standard output). Plain
    /// serde_json: a hand-written writer that escaped the tables in one loop saved
    /// 0.6 % of `cluster-eval compute`'s instructions and was removed
    /// (docs/performance.md).
    pub fn write_json<W: std::io::Write>(&self, out: W) -> std::io::Result<()> {
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

    /// The tables' texts, in the order of [`Tables`]' fields.
    fn table_texts(&self) -> [&str; crate::vocab::TableKind::COUNT] {
        let t = &self.tables;
        [
            &t.firms,
            &t.territory,
            &t.activities,
            &t.actors,
            &t.subsidies,
            &t.proposals,
        ]
    }

    /// The length in bytes of the tables' raw text together (what decides where
    /// the page calculates and whether a browser can store the project).
    pub fn tables_len(&self) -> usize {
        self.table_texts().iter().map(|t| t.len()).sum()
    }

    /// The raw text of a table by its name.
    pub fn table_text(&self, table: crate::vocab::TableKind) -> &str {
        use crate::vocab::TableKind::*;
        match table {
            Firms => &self.tables.firms,
            Territory => &self.tables.territory,
            Activities => &self.tables.activities,
            Actors => &self.tables.actors,
            Subsidies => &self.tables.subsidies,
            Proposals => &self.tables.proposals,
        }
    }

    /// Mutable access to the raw text of a table.
    pub fn table_text_mut(&mut self, table: crate::vocab::TableKind) -> &mut String {
        use crate::vocab::TableKind::*;
        match table {
            Firms => &mut self.tables.firms,
            Territory => &mut self.tables.territory,
            Activities => &mut self.tables.activities,
            Actors => &mut self.tables.actors,
            Subsidies => &mut self.tables.subsidies,
            Proposals => &mut self.tables.proposals,
        }
    }
}

/// Typed deserialisation that names the offending field. When serde refuses the
/// document, the field is found by probing: each value, alone in an otherwise empty
/// document, is typed again, in document order, and the first one refused is followed
/// down to the innermost field refused on its own; the document's schema
/// ([`expected_at`]) then says what that place should hold. Probing reuses the
/// `Deserialize` code the page has anyway: `serde_path_to_error` gave the same
/// answers but cost the first visit 25 KB gzipped (docs/performance.md).
fn typed(value: Value) -> Result<Document, DocumentError> {
    // The tables are text, never what is refused: the probe copy keeps only the start
    // of long strings, so a good 10 MB document is not copied to be typed.
    let shell = shortened(&value);
    serde_json::from_value(value).map_err(|_| {
        let keys = refused_path(&shell);
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        DocumentError::InvalidField {
            path: if keys.is_empty() {
                "(document)".into()
            } else {
                keys.join(".")
            },
            expected: expected_at(&keys),
        }
    })
}

/// `value` with every string longer than 64 characters cut to its first 64.
fn shortened(value: &Value) -> Value {
    match value {
        Value::String(s) if s.len() > 64 => Value::String(s.chars().take(64).collect()),
        Value::Array(items) => Value::Array(items.iter().map(shortened).collect()),
        Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), shortened(v))).collect())
        }
        other => other.clone(),
    }
}

/// The keys down to the innermost field of `doc` that is refused on its own (see
/// [`typed`]); empty when no single field is.
fn refused_path(doc: &Value) -> Vec<String> {
    let mut path: Vec<String> = Vec::new();
    let mut at = doc;
    'down: while let Value::Object(map) = at {
        for (key, value) in map {
            path.push(key.clone());
            if refused_alone(doc, &path, value) {
                at = value;
                continue 'down;
            }
            path.pop();
        }
        break;
    }
    path
}

/// Whether `value`, placed at `path` in an otherwise empty document (with `doc`'s
/// format and version, and the required sections present), is refused.
fn refused_alone(doc: &Value, path: &[String], value: &Value) -> bool {
    let mut probe = serde_json::Map::new();
    for key in ["format", "version"] {
        if let Some(v) = doc.get(key) {
            probe.insert(key.into(), v.clone());
        }
    }
    probe.insert("project".into(), Value::Object(serde_json::Map::new()));
    probe.insert("tables".into(), Value::Object(serde_json::Map::new()));
    let mut slot = &mut probe;
    for (depth, key) in path.iter().enumerate() {
        if depth + 1 == path.len() {
            slot.insert(key.clone(), value.clone());
            break;
        }
        let next = slot
            .entry(key.clone())
            .or_insert_with(|| Value::Object(serde_json::Map::new()));
        if !next.is_object() {
            *next = Value::Object(serde_json::Map::new());
        }
        match next {
            Value::Object(inner) => slot = inner,
            _ => return false,
        }
    }
    serde_json::from_value::<Document>(Value::Object(probe)).is_err()
}

/// What is wrong with a text serde_json could not read, where it stopped: nested
/// deeper than [`MAX_DEPTH`] before that point, a number too large for a double
/// there, or simply not JSON. Found from the text itself, not from serde_json's
/// English; run only on a refused file.
fn not_json(text: &str, error: &serde_json::Error) -> DocumentError {
    let (line, column) = (error.line(), error.column());
    if text.trim().is_empty() {
        return DocumentError::Empty;
    }
    // Ran out of text inside the document: it began as one, and was cut short.
    if error.is_eof() && text.trim_start().starts_with('{') {
        return DocumentError::Truncated { line };
    }
    let at = offset_of(text, line, column);
    let bytes = text.as_bytes();
    // Up to and with the byte where the reader stopped (the bracket one level too deep).
    let upto = bytes.get(..(at + 1).min(bytes.len())).unwrap_or_default();
    if depth_reached(upto) > MAX_DEPTH {
        return DocumentError::TooDeep { line, column };
    }
    // The number token at or just before where the reader stopped.
    let is_num = |b: &u8| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E');
    let end = at.min(bytes.len());
    let end = end
        + bytes
            .get(end..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| is_num(b))
            .count();
    let start = bytes
        .get(..end)
        .unwrap_or_default()
        .iter()
        .rposition(|b| !is_num(b))
        .map_or(0, |i| i + 1);
    let token = text.get(start..end).unwrap_or_default();
    if token.parse::<f64>().is_ok_and(f64::is_infinite) {
        return DocumentError::NumberTooLarge { line, column };
    }
    DocumentError::NotJson { line, column }
}

/// The byte offset of serde_json's 1-based line and column (a column counts bytes).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let bytes = text.as_bytes();
    let line_start = if line <= 1 {
        0
    } else {
        memchr::memchr_iter(b'\n', bytes)
            .nth(line - 2)
            .map_or(bytes.len(), |i| i + 1)
    };
    (line_start + column).saturating_sub(1).min(bytes.len())
}

/// The deepest nesting of brackets in `bytes`, strings aside.
fn depth_reached(bytes: &[u8]) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for &b in bytes {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
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
