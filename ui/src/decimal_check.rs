//! The numbers whose decimal mark was guessed: said where the results are read.
//!
//! A column whose values do not decide its mark (`987`, `1.234`, `850`, `1.050`: a
//! lone `.` or `,` before three digits reads either way) gets one by the values'
//! sizes, the table's other columns, the separator or the default; the reading report
//! under the paste box said so, folded away, and a wrong guess turned `1.234` into
//! 1.234 and the sales growth into −99.9 % without a word on screen. Each such column
//! is listed above the results ([`checks`]) with the reading chosen, what it makes of
//! an example, and one click to the other reading (the column's override,
//! `settings.tables.<table>.decimal.<column>`) or to keep this one.

use cluster_eval_types::{DecimalMark, DecimalSetting, DecimalSource, Document, TableSummary};

use crate::i18n::{lookup, t, tf, Lang};

/// A column whose mark was guessed while some of its values read either way.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    /// The table's name (`firms`).
    pub table: &'static str,
    /// The canonical column.
    pub column: String,
    pub mark: DecimalMark,
    pub source: DecimalSource,
    /// How many values read either way.
    pub count: usize,
    /// The first of them, as pasted.
    pub example: String,
}

impl Check {
    pub fn other(&self) -> DecimalMark {
        match self.mark {
            DecimalMark::Point => DecimalMark::Comma,
            DecimalMark::Comma => DecimalMark::Point,
        }
    }

    /// The text shown above the results.
    pub fn text(&self, lang: Lang) -> String {
        let table = lookup(lang, &format!("table.{}", self.table)).unwrap_or(self.table);
        let why = t(lang, source_key(self.source));
        let key = if self.count == 1 {
            "decimal_check.text_one"
        } else {
            "decimal_check.text"
        };
        tf(
            lang,
            key,
            &[
                ("table", table.to_string()),
                ("column", self.column.clone()),
                ("count", self.count.to_string()),
                ("example", self.example.clone()),
                ("mark", self.mark.as_char().to_string()),
                ("why", why.to_string()),
                ("value", value_text(lang, &self.example, self.mark)),
            ],
        )
    }

    /// The label of the button that takes the other reading.
    pub fn switch_label(&self, lang: Lang) -> String {
        let other = self.other();
        tf(
            lang,
            "decimal_check.switch",
            &[
                ("other", other.as_char().to_string()),
                ("example", self.example.clone()),
                ("value", value_text(lang, &self.example, other)),
            ],
        )
    }

    /// Sets the column's override to `mark`: the other reading, or this one kept
    /// (either way the reading is the person's, and the check goes).
    pub fn choose(&self, doc: &mut Document, mark: DecimalMark) {
        let setting = match mark {
            DecimalMark::Point => DecimalSetting::Point,
            DecimalMark::Comma => DecimalSetting::Comma,
        };
        doc.settings
            .tables
            .entry(self.table.to_string())
            .or_default()
            .decimal
            .insert(self.column.clone(), setting);
    }
}

/// The catalogue key of why a mark was chosen (as the reading report words it).
pub fn source_key(source: DecimalSource) -> &'static str {
    match source {
        DecimalSource::Override => "report.decimal_override",
        DecimalSource::Detected => "report.decimal_detected",
        DecimalSource::Setting => "report.decimal_setting",
        DecimalSource::Magnitude => "report.decimal_magnitude",
        DecimalSource::Table => "report.decimal_table",
        DecimalSource::Separator => "report.decimal_separator",
        DecimalSource::Default => "report.decimal_default",
        DecimalSource::Workbook => "report.decimal_workbook",
    }
}

/// The columns of the tables read whose mark was guessed while some of their values
/// read either way, table by table.
pub fn checks<'a>(summaries: impl IntoIterator<Item = &'a TableSummary>) -> Vec<Check> {
    let mut out = Vec::new();
    for summary in summaries {
        for d in &summary.report.decimals {
            if !d.guessed() {
                continue;
            }
            out.push(Check {
                table: summary.kind.name(),
                column: d.column.clone(),
                mark: d.mark,
                source: d.source,
                count: d.ambiguous,
                example: d.example.clone().unwrap_or_default(),
            });
        }
    }
    out
}

/// What a value that reads either way is, read with `mark` as the decimal mark,
/// written without thousands separators (so it cannot be misread in turn): `1.234`
/// is `1234` with a comma as the decimal mark, and `1.234` (`1,234` in Spanish and
/// Portuguese) with a point.
pub fn value_text(lang: Lang, example: &str, mark: DecimalMark) -> String {
    let negative = example.contains('-') || example.contains('(');
    let mut number = String::new();
    for c in example.chars() {
        match c {
            '0'..='9' => number.push(c),
            c if c == mark.as_char() => number.push('.'),
            _ => {}
        }
    }
    let Ok(value) = number.parse::<f64>() else {
        return example.to_string();
    };
    let text = format!("{value}");
    let text = text.replace('.', &lang.marks().0.to_string());
    if negative {
        format!("−{text}")
    } else {
        text
    }
}
