//! The results as a workbook, in the page's language: the indicators with their
//! values as numbers under a number format by unit (so a spreadsheet can compute with
//! them, where the CSV export gives text the reader's Excel must parse), the design
//! checks, the winners and losers, the row errors, and one sheet per input table with
//! its cells.
//!
//! Input cells are written as text, except in the columns the reader took as numbers
//! or years: there a cell that is a plain number under the column's decimal mark (as
//! the reader decided it; digits, optionally grouped by the other mark) is written as
//! a number. So `007` in a firm column stays `007`, and `1.234,5` in a column read
//! with a decimal comma is the number 1234.5; anything else (`n/a`, `$12`) is text.
//!
//! Words come from the page's catalogue (`cluster_eval_ui::i18n`) where it has them;
//! the sheet names and the few column titles it lacks are in [`WORDS`] below.

use cluster_eval_engine::{
    DecimalMark, Document, ErrorEntry, Family, Horizon, Indicator, IndicatorId, Results, Status,
    TableKind, Unit, WinnerLoser,
};
use cluster_eval_protocol::workbook::TableLayout;
use cluster_eval_ui::design;
use cluster_eval_ui::i18n::{lookup, t, Lang};
use cluster_eval_ui::labels::{horizon_key, status_key};
use cluster_eval_ui::verdict;

/// A target as the reader writes it (`80.0 %` for a share).
fn crate_format_value(lang: Lang, i: &Indicator, value: f64, money: &str) -> String {
    cluster_eval_ui::format::value(lang, &i.id, i.unit, Some(value), money)
}
use cluster_eval_ui::{names, notes};
use rust_xlsxwriter::{Format, Worksheet, XlsxError};
use serde_json::Value;

use crate::matching::sheet_name;
use crate::readme_texts::pick;
use crate::template::new_workbook;

/// Sheet names and column titles the catalogue lacks: `[en, es, pt]`.
struct Words {
    indicators: [&'static str; 3],
    design: [&'static str; 3],
    winners: [&'static str; 3],
    errors: [&'static str; 3],
    table: [&'static str; 3],
    line: [&'static str; 3],
    column: [&'static str; 3],
    text: [&'static str; 3],
    reason: [&'static str; 3],
    no_results: [&'static str; 3],
}

const WORDS: Words = Words {
    indicators: ["Indicators", "Indicadores", "Indicadores"],
    design: [
        "Design checks",
        "Verificaciones del diseño",
        "Verificações do desenho",
    ],
    winners: [
        "Winners and losers",
        "Ganadores y perdedores",
        "Ganhadores e perdedores",
    ],
    errors: ["Row errors", "Errores de filas", "Erros de linhas"],
    table: ["Table", "Tabla", "Tabela"],
    line: ["Line", "Línea", "Linha"],
    column: ["Column", "Columna", "Coluna"],
    text: ["Text", "Texto", "Texto"],
    reason: ["Reason", "Motivo", "Motivo"],
    no_results: [
        "The page had no results to write when this workbook was made: only the input tables are here.",
        "La página no tenía resultados que escribir cuando se hizo este libro: aquí solo están las tablas de entrada.",
        "A página não tinha resultados para escrever quando esta pasta de trabalho foi feita: aqui estão só as tabelas de entrada.",
    ],
};

/// The names of the results workbook's own sheets in `lang`: indicators, design
/// checks, winners and losers, row errors (the input tables follow, named as in the
/// template).
pub fn sheet_names(lang: Lang) -> [&'static str; 4] {
    [
        pick(&WORDS.indicators, lang),
        pick(&WORDS.design, lang),
        pick(&WORDS.winners, lang),
        pick(&WORDS.errors, lang),
    ]
}

/// The results workbook of `doc` in `lang`, from the results it carries (the page's
/// own, computed by the page): this module never computes. Without results it writes
/// the input tables and an Indicators sheet that says so. `tables`: how the page read
/// each input table (its cells are written as numbers where it read numbers); a table
/// without a layout is written as tab-separated text.
pub fn results_workbook(
    doc: &Document,
    tables: &[TableLayout],
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let Some(results) = &doc.results else {
        return inputs_only(doc, tables, lang);
    };
    let money = money_format(&doc.project.currency);
    let [ind, des, win, err] = sheet_names(lang);
    let mut book = new_workbook()?;

    let sheet = book.add_worksheet().set_name(ind)?;
    let all: Vec<&Indicator> = results.indicators.iter().collect();
    indicator_table(sheet, 0, &all, Some(doc), &money, lang)?;
    sheet.set_freeze_panes(1, 0)?;

    let sheet = book.add_worksheet().set_name(des)?;
    design_sheet(sheet, results, &money, lang)?;

    let sheet = book.add_worksheet().set_name(win)?;
    winners_sheet(sheet, &results.winners_losers, lang)?;

    let sheet = book.add_worksheet().set_name(err)?;
    errors_sheet(sheet, &results.errors, lang)?;

    input_sheets(&mut book, doc, tables, lang)?;

    let sheet = book.add_worksheet().set_name(t(lang, "facts.title"))?;
    facts_sheet(sheet, doc, lang)?;
    book.save_to_buffer()
}

/// The project's facts, as the form has them: the years, costs, context (SPEC v3:
/// sector, area and agency type, productive systems) and what a reviewer asks first
/// (control cluster, data source, price basis). A fact not given is left blank.
fn facts_sheet(sheet: &mut Worksheet, doc: &Document, lang: Lang) -> Result<(), XlsxError> {
    use cluster_eval_engine::YesNoUnknown;
    let p = &doc.project;
    let yes_no = |v: YesNoUnknown| match v {
        YesNoUnknown::Yes => t(lang, "answer.yes").to_string(),
        YesNoUnknown::No => t(lang, "answer.no").to_string(),
        YesNoUnknown::Unknown => String::new(),
    };
    let word = |code: Option<&'static str>| {
        code.map(|c| {
            cluster_eval_ui::i18n::lookup(lang, &format!("ctx.{c}"))
                .map_or_else(|| c.to_string(), str::to_string)
        })
        .unwrap_or_default()
    };
    let year = |y: Option<i32>| y.map(f64::from);
    let rows: Vec<(&str, Result<Option<f64>, String>)> = vec![
        ("project.name", Err(p.name.clone())),
        ("facts.currency", Err(p.currency.clone())),
        ("facts.start_year", Ok(year(p.start_year))),
        ("facts.end_year", Ok(year(p.end_year))),
        ("facts.baseline_year", Ok(year(p.baseline_year))),
        ("facts.followup_year", Ok(year(p.followup_year))),
        ("facts.cluster_firms", Ok(p.cluster_firms)),
        (
            "facts.institutional_arrangement",
            Err(yes_no(p.institutional_arrangement)),
        ),
        (
            "facts.strategic_plan_consensus",
            Err(yes_no(p.strategic_plan_consensus)),
        ),
        ("facts.cost_total", Ok(p.cost_total)),
        ("facts.cost_mif", Ok(p.cost_mif)),
        ("facts.social_benefits", Ok(p.social_benefits)),
        ("facts.country", Err(p.country.clone().unwrap_or_default())),
        ("facts.sector", Err(p.sector.clone().unwrap_or_default())),
        (
            "facts.executing_agency",
            Err(p.executing_agency.clone().unwrap_or_default()),
        ),
        (
            "facts.sector_type",
            Err(word(p.sector_type.map(|v| v.code()))),
        ),
        ("facts.area_type", Err(word(p.area_type.map(|v| v.code())))),
        (
            "facts.agency_type",
            Err(word(p.agency_type.map(|v| v.code()))),
        ),
        ("facts.clusters", Ok(p.clusters.map(f64::from))),
        ("facts.prices", Err(word(p.prices.map(|v| v.code())))),
        ("facts.price_base_year", Ok(year(p.price_base_year))),
        ("facts.data_source", Err(p.data_source.clone())),
        (
            "facts.control_description",
            Err(p.control_description.clone()),
        ),
    ];
    for (row, (key, value)) in (0u32..).zip(rows) {
        sheet.write_string(row, 0, t(lang, key))?;
        match value {
            Ok(Some(n)) => {
                sheet.write_number(row, 1, n)?;
            }
            Ok(None) => {}
            // Typed text: a string cell, never read as a formula.
            Err(text) if !text.is_empty() => {
                sheet.write_string(row, 1, text)?;
            }
            Err(_) => {}
        }
    }
    widths(sheet, &[48, 60])
}

/// A document without results: a line saying so, and its input tables.
fn inputs_only(doc: &Document, tables: &[TableLayout], lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = new_workbook()?;
    let sheet = book.add_worksheet().set_name(sheet_names(lang)[0])?;
    sheet.write_string(0, 0, pick(&WORDS.no_results, lang))?;
    input_sheets(&mut book, doc, tables, lang)?;
    book.save_to_buffer()
}

/// One sheet per non-empty input table, named as in the template.
fn input_sheets(
    book: &mut rust_xlsxwriter::Workbook,
    doc: &Document,
    tables: &[TableLayout],
    lang: Lang,
) -> Result<(), XlsxError> {
    for kind in TableKind::ALL {
        if !doc.table_text(kind).trim().is_empty() {
            let sheet = book.add_worksheet().set_name(sheet_name(kind, lang))?;
            let layout = tables.iter().find(|t| t.table == kind);
            input_sheet(sheet, doc.table_text(kind), layout)?;
        }
    }
    Ok(())
}

/// `#,##0.00 "USD"` with the project's currency code (USD when it has none).
fn money_format(currency: &str) -> String {
    let code: String = currency
        .trim()
        .chars()
        .filter(|c| !matches!(c, '"' | '\\') && !c.is_control())
        .collect();
    let code = if code.is_empty() { "USD" } else { &code };
    format!("#,##0.00 \"{code}\"")
}

/// Text in quotes for a number format (a quote or backslash in it dropped).
fn quoted(text: &str) -> String {
    let clean: String = text.chars().filter(|c| !matches!(c, '"' | '\\')).collect();
    format!("\"{clean}\"")
}

const SIGNED_PERCENT: &str = "+0.0%;-0.0%;0.0%";

/// The number format of an indicator's value (and interval and target), as the page
/// shows it (`cluster_eval_ui::format::value`): fractions as percentages, changes of
/// shares and differences with their sign, returns and costs in the currency.
pub fn value_format(id: &str, unit: Unit, value: f64, money: &str, lang: Lang) -> String {
    let parsed = IndicatorId::parse(id);
    match unit {
        Unit::Share => {
            let change = matches!(
                parsed.family(),
                Family::WorkerShare(_)
                    | Family::WorkerShareVsControl(_)
                    | Family::Strategy(_)
                    | Family::Single("formalization")
            );
            if change || parsed.is_difference() {
                SIGNED_PERCENT.into()
            } else {
                "0.0%".into()
            }
        }
        Unit::Ratio if parsed.is_return() => money.into(),
        Unit::Ratio if parsed.is_difference() => SIGNED_PERCENT.into(),
        Unit::Ratio => "0.0%".into(),
        Unit::Count => {
            let body = if value.fract() == 0.0 {
                "#,##0"
            } else {
                "#,##0.0"
            };
            let signed = parsed.horizon() == Some(Horizon::Medium)
                || matches!(parsed.family(), Family::WorkerJobs(_));
            if signed {
                format!("+{body};-{body};0")
            } else {
                body.into()
            }
        }
        Unit::Currency => money.into(),
        Unit::Smd => format!("0.00 {}", quoted(t(lang, "design.sd"))),
        Unit::Boolean => {
            let (yes, no) = (quoted(t(lang, "answer.yes")), quoted(t(lang, "answer.no")));
            format!("{yes};{yes};{no}")
        }
    }
}

/// A number cell with a format, or nothing when there is no finite value.
fn number(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: Option<f64>,
    format: &str,
) -> Result<(), XlsxError> {
    if let Some(v) = value.filter(|v| v.is_finite()) {
        let format = Format::new().set_num_format(format);
        sheet.write_number_with_format(row, col, v, &format)?;
    }
    Ok(())
}

/// A bold row of titles.
fn titles(sheet: &mut Worksheet, row: u32, titles: &[&str]) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    for (col, title) in (0u16..).zip(titles) {
        sheet.write_string_with_format(row, col, *title, &bold)?;
    }
    Ok(())
}

fn widths(sheet: &mut Worksheet, widths: &[u32]) -> Result<(), XlsxError> {
    for (col, w) in (0u16..).zip(widths) {
        sheet.set_column_width(col, f64::from(*w))?;
    }
    Ok(())
}

/// A table of indicators from `row` on: id, name, horizon, value, status, interval,
/// n, target (when `doc` is given: its targets) and message. Returns the next row.
fn indicator_table(
    sheet: &mut Worksheet,
    mut row: u32,
    indicators: &[&Indicator],
    doc: Option<&Document>,
    money: &str,
    lang: Lang,
) -> Result<u32, XlsxError> {
    let mut heads = vec![
        "id",
        t(lang, "results.indicator"),
        t(lang, "csv.horizon"),
        t(lang, "results.value"),
        t(lang, "results.status"),
        t(lang, "csv.ci_low"),
        t(lang, "csv.ci_high"),
        "n",
    ];
    if doc.is_some() {
        heads.push(t(lang, "results.target"));
    }
    heads.push(t(lang, "csv.message"));
    titles(sheet, row, &heads)?;
    row += 1;
    for i in indicators {
        let format = value_format(&i.id, i.unit, i.value.unwrap_or(0.0), money, lang);
        sheet.write_string(row, 0, &i.id)?;
        sheet.write_string(row, 1, names::indicator_name(lang, &i.id))?;
        sheet.write_string(row, 2, t(lang, horizon_key(i.horizon)))?;
        number(sheet, row, 3, i.value, &format)?;
        // The verdict's words by kind (never "met" for a comparison), with the target.
        let target = doc.and_then(|d| d.targets.get(&i.id).copied());
        let target_text = target.map(|v| crate_format_value(lang, i, v, money));
        let words = verdict::verdict_text(
            lang,
            i,
            verdict::verdict(i, target.is_some()),
            target_text.as_deref(),
        );
        sheet.write_string(row, 4, words)?;
        number(sheet, row, 5, i.ci.map(|c| c[0]), &format)?;
        number(sheet, row, 6, i.ci.map(|c| c[1]), &format)?;
        sheet.write_number(row, 7, i.n as f64)?;
        let mut col = 8;
        if let Some(doc) = doc {
            number(sheet, row, col, doc.targets.get(&i.id).copied(), &format)?;
            col += 1;
        }
        let message = notes::note_text(lang, i.note.as_ref(), &i.message);
        if !message.is_empty() {
            sheet.write_string(row, col, message)?;
        }
        row += 1;
    }
    if doc.is_some() {
        widths(sheet, &[34, 50, 24, 14, 18, 14, 14, 6, 12, 80])?;
    } else {
        widths(sheet, &[34, 50, 24, 14, 18, 14, 14, 6, 80])?;
    }
    Ok(row)
}

/// The design checks: their indicators, what they say, the balance at baseline and
/// the firms gone (as `cluster_eval_ui::design` lays them out for the page).
fn design_sheet(
    sheet: &mut Worksheet,
    results: &Results,
    money: &str,
    lang: Lang,
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let checks: Vec<&Indicator> = results
        .indicators
        .iter()
        .filter(|i| i.horizon == Horizon::Design)
        .collect();
    let mut row = indicator_table(sheet, 0, &checks, None, money, lang)?;
    sheet.set_freeze_panes(1, 0)?;

    let sentences = design::sentences(lang, results);
    if !sentences.is_empty() {
        row += 1;
        sheet.write_string_with_format(row, 0, t(lang, "design.sentences"), &bold)?;
        row += 1;
        for s in sentences {
            let key = match s.status {
                Status::Met => "verdict.passed",
                Status::NotMet => "verdict.failed",
                other => status_key(other),
            };
            sheet.write_string(row, 0, t(lang, key))?;
            sheet.write_string(row, 1, &s.text)?;
            row += 1;
        }
    }

    let balance = design::balance(results);
    if !balance.is_empty() {
        row += 1;
        sheet.write_string_with_format(row, 0, t(lang, "design.balance_title"), &bold)?;
        row += 1;
        let mean = t(lang, "design.mean");
        let smd = t(lang, "design.smd");
        let (ben, clu, con) = (
            t(lang, "design.g.beneficiaries"),
            t(lang, "design.g.cluster"),
            t(lang, "design.g.control"),
        );
        let heads = [
            t(lang, "design.measure").to_string(),
            format!("{mean}: {ben}"),
            format!("{mean}: {clu}"),
            format!("{mean}: {con}"),
            format!("{smd}: {ben}"),
            format!("{smd}: {clu}"),
        ];
        let heads: Vec<&str> = heads.iter().map(String::as_str).collect();
        titles(sheet, row, &heads)?;
        row += 1;
        let smd_format = value_format("design.balance", Unit::Smd, 0.0, money, lang);
        for b in balance {
            sheet.write_string(row, 0, names::column_name(lang, b.measure))?;
            let level = if b.measure == "productivity" {
                "#,##0.00"
            } else {
                "#,##0.0"
            };
            number(sheet, row, 1, b.beneficiaries.map(|s| s.mean), level)?;
            number(sheet, row, 2, b.cluster.map(|s| s.mean), level)?;
            number(sheet, row, 3, b.control.map(|s| s.mean), level)?;
            number(sheet, row, 4, b.smd_beneficiaries, &smd_format)?;
            number(sheet, row, 5, b.smd_cluster, &smd_format)?;
            row += 1;
        }
    }

    let attrition = design::attrition(results);
    if !attrition.is_empty() {
        row += 1;
        sheet.write_string_with_format(row, 0, t(lang, "design.attrition_title"), &bold)?;
        row += 1;
        titles(sheet, row, &design::attrition_heads(lang))?;
        row += 1;
        for a in attrition {
            let group = if a.group == "control" {
                "design.g.control"
            } else {
                "design.g.beneficiaries"
            };
            sheet.write_string(row, 0, t(lang, group))?;
            number(sheet, row, 1, a.firms_b, "#,##0")?;
            number(sheet, row, 2, a.gone, "#,##0")?;
            number(sheet, row, 3, a.share, "0.0%")?;
            number(sheet, row, 4, a.jobs_gone, "#,##0")?;
            row += 1;
        }
    }
    Ok(())
}

/// The winners-and-losers table: one line per worker group and firm size.
fn winners_sheet(
    sheet: &mut Worksheet,
    lines: &[WinnerLoser],
    lang: Lang,
) -> Result<(), XlsxError> {
    let heads = [
        t(lang, "winners.group"),
        t(lang, "winners.jobs"),
        t(lang, "winners.change"),
        t(lang, "winners.verdict"),
        t(lang, "winners.vs_control"),
        t(lang, "results.status"),
        pick(&WORDS.indicators, lang),
    ];
    titles(sheet, 0, &heads)?;
    sheet.set_freeze_panes(1, 0)?;
    for (row, line) in (1u32..).zip(lines) {
        // The names say which: "women", "Micro (≤ 10 workers)"…
        sheet.write_string(row, 0, names::group_name(lang, &line.kind, &line.group))?;
        number(sheet, row, 1, line.jobs_change, "+#,##0;-#,##0;0")?;
        number(sheet, row, 2, line.change, SIGNED_PERCENT)?;
        let verdict = match line.loses {
            Some(true) => "winners.loses",
            Some(false) => "winners.does_not_lose",
            None => "winners.no_data",
        };
        sheet.write_string(row, 3, t(lang, verdict))?;
        number(sheet, row, 4, line.vs_control, SIGNED_PERCENT)?;
        if let Some(status) = line.vs_control_status {
            let key = match status {
                Status::NotMet => "winners.loses",
                Status::Met => "winners.does_not_lose",
                other => status_key(other),
            };
            sheet.write_string(row, 5, t(lang, key))?;
        }
        sheet.write_string(row, 6, line.indicators.join(", "))?;
    }
    widths(sheet, &[36, 12, 16, 16, 16, 18, 60])
}

/// The row errors: table, line, column, rejected text, reason.
fn errors_sheet(sheet: &mut Worksheet, errors: &[ErrorEntry], lang: Lang) -> Result<(), XlsxError> {
    let heads = [
        pick(&WORDS.table, lang),
        pick(&WORDS.line, lang),
        pick(&WORDS.column, lang),
        pick(&WORDS.text, lang),
        pick(&WORDS.reason, lang),
    ];
    titles(sheet, 0, &heads)?;
    sheet.set_freeze_panes(1, 0)?;
    for (row, e) in (1u32..).zip(errors) {
        let table =
            TableKind::from_name(&e.table).map_or(e.table.as_str(), |k| sheet_name(k, lang));
        sheet.write_string(row, 0, table)?;
        sheet.write_number(row, 1, e.line as f64)?;
        let column = e
            .params
            .get("header")
            .and_then(Value::as_str)
            .or(e.column.as_deref())
            .unwrap_or("");
        sheet.write_string(row, 2, column)?;
        sheet.write_string(row, 3, &e.text)?;
        sheet.write_string(row, 4, reason(lang, e, column))?;
    }
    widths(sheet, &[16, 8, 20, 30, 80])
}

/// A parameter of a row error as a person reads it.
fn param_text(lang: Lang, value: &Value) -> String {
    match value {
        Value::String(s) => cluster_eval_engine::Group::ALL
            .into_iter()
            .find(|g| g.name() == s)
            .map_or_else(|| s.clone(), |g| names::firm_group(lang, g).to_string()),
        Value::Bool(b) => t(lang, if *b { "detail.yes" } else { "detail.no" }).to_string(),
        other => other.to_string(),
    }
}

/// Why a row was rejected, in `lang`: the catalogue's `err.<code>` filled with the
/// error's parameters, or the engine's English when the code is unknown.
pub fn reason(lang: Lang, error: &ErrorEntry, column: &str) -> String {
    let Some(template) = lookup(lang, &format!("err.{}", error.code)) else {
        return error.reason.clone();
    };
    let mut text = template.to_string();
    let mut fill = |name: &str, value: String| {
        text = text.replace(&format!("{{{name}}}"), &value);
    };
    let param = |name: &str| {
        error
            .params
            .get(name)
            .map(|v| param_text(lang, v))
            .unwrap_or_default()
    };
    if error.code == "duplicate_column" {
        fill("first", param("first_header"));
        fill("second", param("second_header"));
    }
    for (name, value) in &error.params {
        fill(name, param_text(lang, value));
    }
    fill("column", column.to_string());
    text
}

/// One input table's cells, split as the page's reader split them (`layout`).
fn input_sheet(
    sheet: &mut Worksheet,
    text: &str,
    layout: Option<&TableLayout>,
) -> Result<(), XlsxError> {
    let sep = layout.map_or('\t', TableLayout::separator_char);
    // The decimal mark of each pasted column the reader took as numbers or years.
    let marks: &[Option<DecimalMark>] = layout.map_or(&[], |l| &l.marks);
    let bold = Format::new().set_bold();
    let mut width: Vec<usize> = Vec::new();
    for (row, cells) in (0u32..).zip(records(text, sep)) {
        for (col, cell) in (0u16..).zip(&cells) {
            let at = usize::from(col);
            if width.len() <= at {
                width.resize(at + 1, 0);
            }
            if let Some(w) = width.get_mut(at) {
                *w = (*w).max(cell.chars().count());
            }
            let mark = marks.get(at).copied().flatten();
            match (row, mark.and_then(|m| plain_number(cell, m))) {
                (0, _) => {
                    sheet.write_string_with_format(0, col, cell, &bold)?;
                }
                (_, Some(v)) => {
                    sheet.write_number(row, col, v)?;
                }
                _ if cell.is_empty() => {}
                _ => {
                    sheet.write_string(row, col, cell)?;
                }
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    for (col, w) in (0u16..).zip(width) {
        let w = u32::try_from(w).unwrap_or(u32::MAX).clamp(8, 40) + 2;
        sheet.set_column_width(col, f64::from(w))?;
    }
    Ok(())
}

/// The records of a pasted table (quotes as in CSV, blank lines skipped, BOM dropped).
pub fn records(text: &str, sep: char) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut field = String::new();
    let (mut quoted, mut at_start) = (false, true);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
        } else if c == '"' && at_start {
            quoted = true;
            at_start = false;
        } else if c == sep {
            row.push(std::mem::take(&mut field).trim().to_string());
            at_start = true;
        } else if c == '\n' || c == '\r' {
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
            }
            row.push(std::mem::take(&mut field).trim().to_string());
            end_row(&mut row, &mut out);
            at_start = true;
        } else {
            field.push(c);
            at_start = at_start && c.is_whitespace();
        }
    }
    row.push(field.trim().to_string());
    end_row(&mut row, &mut out);
    out
}

/// Ends a record: kept unless every cell is blank.
fn end_row(row: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    if row.iter().any(|c| !c.trim().is_empty()) {
        out.push(std::mem::take(row));
    } else {
        row.clear();
    }
}

/// `text` as a number if it is a plain one under the decimal mark `mark`: an
/// optional `-`, digits (optionally grouped by threes with the other mark), and
/// optionally the mark and more digits.
pub fn plain_number(text: &str, mark: DecimalMark) -> Option<f64> {
    let (point, group) = match mark {
        DecimalMark::Point => ('.', ','),
        DecimalMark::Comma => (',', '.'),
    };
    let (negative, body) = match text.trim().strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.trim()),
    };
    let (whole, fraction) = match body.split_once(point) {
        Some((w, f)) => (w, Some(f)),
        None => (body, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let mut groups = whole.split(group);
    let first = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    let grouped_ok =
        rest.is_empty() || (first.len() <= 3 && rest.iter().all(|g| g.len() == 3 && digits(g)));
    if !digits(first) || !grouped_ok || fraction.is_some_and(|f| !digits(f)) {
        return None;
    }
    let plain = format!(
        "{}{}{}{}",
        if negative { "-" } else { "" },
        whole.replace(group, ""),
        if fraction.is_some() { "." } else { "" },
        fraction.unwrap_or("")
    );
    plain.parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_numbers_by_the_decimal_mark() {
        use DecimalMark::{Comma, Point};
        assert_eq!(plain_number("1234.5", Point), Some(1234.5));
        assert_eq!(plain_number("1,234.5", Point), Some(1234.5));
        assert_eq!(plain_number("1.234,5", Comma), Some(1234.5));
        assert_eq!(plain_number("-12", Point), Some(-12.0));
        assert_eq!(plain_number("007", Point), Some(7.0));
        assert_eq!(plain_number("1,5", Point), None);
        assert_eq!(plain_number("1.5", Comma), None);
        assert_eq!(plain_number("n/a", Point), None);
        assert_eq!(plain_number("$12", Point), None);
        assert_eq!(plain_number("", Point), None);
        assert_eq!(plain_number("1e5", Point), None);
    }

    #[test]
    fn records_with_quotes_and_blank_lines() {
        let text = "\u{feff}a;b\r\n\r\n\"x;y\";\"say \"\"hi\"\"\"\n1;\"two\nlines\"\n";
        assert_eq!(
            records(text, ';'),
            [
                vec!["a", "b"],
                vec!["x;y", "say \"hi\""],
                vec!["1", "two\nlines"]
            ]
        );
    }

    #[test]
    fn money_takes_the_project_currency() {
        assert_eq!(money_format("EUR"), "#,##0.00 \"EUR\"");
        assert_eq!(money_format(" "), "#,##0.00 \"USD\"");
        assert_eq!(money_format("U\"S"), "#,##0.00 \"US\"");
    }
}
