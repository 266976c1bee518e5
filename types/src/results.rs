//! What a computation produces: indicators, warnings, row errors and the
//! winners-and-losers table, as stored in the document's `results`.
//!
//! Messages are written twice over: `message` is English text for the file and the
//! CLI, and `note` carries the same thing as a typed [`Message`] (stored as a code with
//! parameters), so the page can say it in the reader's language.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

pub use crate::message::Message;

/// The time horizon of an indicator (Annex II) or the pro-poor section (Section 4.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Horizon {
    /// Design checks: can the comparison with the control group be trusted?
    Design,
    Long,
    Medium,
    Short,
    ProPoor,
    /// Proposal screening (Section V of the seed).
    Screening,
}

/// How an indicator's value is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A fraction: a growth, a difference of growths, a ratio of money to money.
    Ratio,
    Count,
    Currency,
    Share,
    Boolean,
    /// A standardised mean difference (in standard deviations).
    Smd,
}

/// The verdict on an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    NotMet,
    Inconclusive,
    InsufficientData,
    Reported,
}

impl Status {
    /// The status as written in the document (`not_met`…).
    pub fn code(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::NotMet => "not_met",
            Status::Inconclusive => "inconclusive",
            Status::InsufficientData => "insufficient_data",
            Status::Reported => "reported",
        }
    }
}

/// One computed indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: String,
    pub horizon: Horizon,
    pub value: Option<f64>,
    pub unit: Unit,
    pub status: Status,
    pub ci: Option<[f64; 2]>,
    pub n: usize,
    /// The numbers the value came from, enough to show "how it was computed".
    pub detail: Map<String, Value>,
    /// English: why data are insufficient, which years were used…
    pub message: String,
    /// The same message, translatable; absent when `message` is empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Message>,
}

impl Indicator {
    /// An indicator with no value yet: status `insufficient_data`, empty detail.
    pub fn new(id: impl Into<String>, horizon: Horizon, unit: Unit) -> Self {
        Indicator {
            id: id.into(),
            horizon,
            value: None,
            unit,
            status: Status::InsufficientData,
            ci: None,
            n: 0,
            detail: Map::new(),
            message: String::new(),
            note: None,
        }
    }

    /// Sets the message: its English text and the message itself.
    pub fn say(&mut self, message: Message) {
        self.message = message.to_string();
        self.note = Some(message);
    }
}

/// A warning about the whole calculation (not tied to one indicator). Stored as
/// `{"code", "message", "params"}`: the message's code, its English and its parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    /// English text of `note`.
    pub message: String,
    pub note: Message,
}

impl Warning {
    pub fn new(note: Message) -> Self {
        Warning {
            message: note.to_string(),
            note,
        }
    }
}

#[derive(Serialize, Deserialize)]
struct StoredWarning {
    code: String,
    message: String,
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    params: Map<String, Value>,
}

impl Serialize for Warning {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        StoredWarning {
            code: self.note.code().to_string(),
            message: self.message.clone(),
            params: self.note.params(),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Warning {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let stored = StoredWarning::deserialize(deserializer)?;
        Ok(Warning {
            message: stored.message,
            note: Message::from_parts(&stored.code, &stored.params),
        })
    }
}

/// One rejected row (or table-level problem) as stored in `results.errors`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorEntry {
    pub table: String,
    /// 1-based line of the pasted text where the row starts (the header is line 1).
    pub line: usize,
    pub column: Option<String>,
    pub text: String,
    /// English reason; the page translates from `code` and `params`.
    pub reason: String,
    #[serde(default)]
    pub code: String,
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub params: Map<String, Value>,
}

/// One line of the winners-and-losers table: a worker group or a firm-size class.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WinnerLoser {
    /// `workers` or `firms`.
    pub kind: String,
    /// The group's suffix: `women`, `unskilled`… or `micro`, `small`, `medium`, `large`.
    pub group: String,
    /// Change in jobs (workers) — count; null for firms or without data.
    pub jobs_change: Option<f64>,
    /// Change in the group's share of employment (workers) or sales growth minus the
    /// growth of all beneficiaries (firms), as a fraction.
    pub change: Option<f64>,
    /// True when the group loses out, false when it does not, null without data.
    pub loses: Option<bool>,
    /// The indicator ids this line summarises.
    pub indicators: Vec<String>,
    /// Workers: the change of the group's share among beneficiaries minus among the
    /// control firms (`pro_poor.share.<group>.vs_control`); null without data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vs_control: Option<f64>,
    /// The status of that comparison.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vs_control_status: Option<Status>,
}

/// Everything a computation produces.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Results {
    pub baseline_year: Option<i32>,
    pub followup_year: Option<i32>,
    pub indicators: Vec<Indicator>,
    pub warnings: Vec<Warning>,
    pub errors: Vec<ErrorEntry>,
    pub winners_losers: Vec<WinnerLoser>,
    /// The footnote-19 tags set on the project: "direct poverty-impact potential".
    pub poverty_impact_tags: Vec<String>,
}

impl Results {
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }
}
