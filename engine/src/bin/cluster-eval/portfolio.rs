//! `cluster-eval portfolio A.json B.json … [--id ID] [--csv | --json]`: several
//! documents side by side (`cluster_eval_engine::portfolio`).
//!
//! Each file is read and computed as by `compute`, on every core (std threads pulling
//! the next file from a shared counter). A file that cannot be read is named on stderr
//! with its reason, in `compute`'s words; the others are still computed and shown, and
//! the exit code is 2. Refusing to pool (amounts in different currencies) is exit code
//! 2 too, with its reason on stderr.
//!
//! Output: the table as plain text (default), as CSV (`--csv`), or as JSON (`--json`);
//! with `--id ID` the pooled estimate of ID follows, and `--json --id ID` prints only
//! the pooled estimate: `{"id", "pooled", "low", "high", "hk_low", "hk_high",
//! "pi_low", "pi_high", "tau2", "i2", "k", "few_projects", "projects"}`. With `--by
//! FACT` (v3, needs `--id`): the estimate within each level of the fact, the test for
//! subgroup differences and the totals (`by_context.rs`); `--json --by` prints only
//! that object.

use std::io::Write;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::by_context;
use cluster_eval_engine::contexts;
use cluster_eval_engine::portfolio::{self, ContextFact, Member, Pooled, Table};
use cluster_eval_engine::Document;
use cluster_eval_engine::{Status, Unit};
use serde_json::Value;

pub const USAGE: &str =
    "usage: cluster-eval portfolio A.json B.json … [--id ID [--by FACT]] [--csv | --json]";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Csv,
    Json,
}

struct Options {
    files: Vec<String>,
    id: Option<String>,
    /// v3: pool `id` by this project fact.
    by: Option<ContextFact>,
    format: Format,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        files: Vec::new(),
        id: None,
        by: None,
        format: Format::Text,
    };
    let mut args = args.iter();
    let set_format = |options: &mut Options, format: Format| {
        if options.format != Format::Text && options.format != format {
            return Err("--csv and --json cannot be used together".to_string());
        }
        options.format = format;
        Ok(())
    };
    while let Some(arg) = args.next() {
        let id = match arg.as_str() {
            "--csv" => {
                set_format(&mut options, Format::Csv)?;
                continue;
            }
            "--json" => {
                set_format(&mut options, Format::Json)?;
                continue;
            }
            "--id" => Some(args.next().ok_or("--id needs an indicator id")?.clone()),
            "--by" => {
                let fact = args.next().ok_or("--by needs a project fact")?;
                set_by(&mut options, fact)?;
                continue;
            }
            other => match other.strip_prefix("--by=") {
                Some(fact) => {
                    set_by(&mut options, fact)?;
                    continue;
                }
                None => other.strip_prefix("--id=").map(str::to_string),
            },
        };
        match id {
            Some(_) if options.id.is_some() => return Err("--id is given twice".into()),
            Some(id) => options.id = Some(id),
            None if arg.starts_with("--") => return Err(format!("unknown option {arg}")),
            None => options.files.push(arg.clone()),
        }
    }
    if options.files.is_empty() {
        return Err("no document given".into());
    }
    if options.by.is_some() && options.id.is_none() {
        return Err("--by needs --id: the indicator to pool by context".into());
    }
    if options.by.is_some() && options.format == Format::Csv {
        return Err("--by prints text or JSON (--json), not CSV".into());
    }
    Ok(options)
}

/// `--by FACT`: one of the facts a portfolio is compared by.
fn set_by(options: &mut Options, fact: &str) -> Result<(), String> {
    if options.by.is_some() {
        return Err("--by is given twice".into());
    }
    let names: Vec<&str> = ContextFact::ALL.iter().map(|f| f.name()).collect();
    options.by = Some(ContextFact::from_name(fact).ok_or_else(|| {
        format!(
            "unknown fact for --by: {fact} (expected one of {})",
            names.join(", ")
        )
    })?);
    Ok(())
}

/// Runs `cluster-eval portfolio` with the arguments after `portfolio`.
pub fn run(args: &[String]) -> ExitCode {
    let options = match parse(args) {
        Ok(options) => options,
        Err(reason) => {
            eprintln!("cluster-eval: {reason}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut failed = false;
    let mut files = Vec::new();
    let mut members = Vec::new();
    for (path, loaded) in options.files.iter().zip(load_all(&options.files)) {
        match loaded {
            Ok(member) => {
                files.push(path.clone());
                members.push(member);
            }
            Err(reason) => {
                failed = true;
                eprintln!("cluster-eval: {}", reason.replace('\n', " "));
            }
        }
    }
    let mut ids = portfolio::default_ids(&members);
    if let Some(id) = &options.id {
        if !ids.contains(id) {
            ids.push(id.clone());
        }
    }
    let table = portfolio::table(&members, &ids);
    let pooled = match options
        .id
        .as_deref()
        .map(|id| portfolio::pool(&members, id))
    {
        None => None,
        Some(Ok(pooled)) => Some(pooled),
        Some(Err(refused)) => {
            failed = true;
            eprintln!("cluster-eval: cannot pool: {refused}");
            None
        }
    };
    let by = match (options.by, &options.id, &pooled) {
        (Some(fact), Some(id), Some(_)) => match contexts::by_context(&members, id, fact) {
            Ok(by) => Some(by),
            Err(refused) => {
                failed = true;
                eprintln!("cluster-eval: cannot pool: {refused}");
                None
            }
        },
        _ => None,
    };
    let text = match (options.format, &by) {
        (Format::Json, Some(by)) => Some(by_context::json(by, &files)),
        (Format::Text, Some(by)) => Some(format!(
            "{}\n{}",
            text(&table, &files, pooled.as_ref(), failed),
            by_context::text(by)
        )),
        _ if options.by.is_some() && options.format == Format::Json => None,
        _ => match options.format {
            Format::Json => match (&options.id, &pooled) {
                (Some(_), Some(pooled)) => Some(pooled_json(pooled, &files)),
                (Some(_), None) => None,
                (None, _) => Some(table_json(&table, &files)),
            },
            Format::Csv => Some(csv(&table, &files, pooled.as_ref())),
            Format::Text => Some(text(&table, &files, pooled.as_ref(), failed)),
        },
    };
    // The process ends here: the documents are left to the operating system.
    std::mem::forget(members);
    if let Some(text) = text {
        let mut out = std::io::stdout().lock();
        if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
            eprintln!("cluster-eval: cannot write the result: {e}");
            return ExitCode::FAILURE;
        }
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// Reads and computes every file, on every core, in the order given.
fn load_all(paths: &[String]) -> Vec<Result<Member, String>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(paths.len())
        .max(1);
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<Result<Member, String>>> = paths.iter().map(|_| None).collect();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(path) = paths.get(i) else { break };
                        let loaded = std::panic::catch_unwind(|| load(path)).unwrap_or_else(|_| {
                            Err(format!("{path}: the calculation stopped unexpectedly"))
                        });
                        done.push((i, loaded));
                    }
                    done
                })
            })
            .collect();
        for worker in workers {
            for (i, loaded) in worker.join().unwrap_or_default() {
                if let Some(slot) = slots.get_mut(i) {
                    *slot = Some(loaded);
                }
            }
        }
    });
    slots
        .into_iter()
        .zip(paths)
        .map(|(slot, path)| {
            slot.unwrap_or_else(|| Err(format!("{path}: the calculation stopped unexpectedly")))
        })
        .collect()
}

fn load(path: &str) -> Result<Member, String> {
    let text = crate::read_text(path)?;
    let document = Document::from_json(&text).map_err(|e| format!("{path}: {e}"))?;
    drop(text);
    Ok(portfolio::member(document))
}

fn number(value: f64, unit: Option<Unit>) -> String {
    match unit {
        Some(Unit::Currency) => format!("{value:.2}"),
        Some(Unit::Count) if value.fract() == 0.0 && value.abs() < 1e15 => format!("{value:.0}"),
        Some(Unit::Count) => format!("{value:.2}"),
        _ => format!("{value:.4}"),
    }
}

fn years(b: Option<i32>, f: Option<i32>) -> String {
    match (b, f) {
        (Some(b), Some(f)) => format!("{b}–{f}"),
        _ => "-".into(),
    }
}

/// Columns padded to their widest cell, two spaces apart.
fn aligned(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (cell, width) in row.iter().zip(&widths) {
            line.push_str(cell);
            line.extend(std::iter::repeat_n(' ', width - cell.chars().count() + 2));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn text(table: &Table, files: &[String], pooled: Option<&Pooled>, failed: bool) -> String {
    let mut out = String::new();
    let n = table.rows.len();
    out.push_str(&format!(
        "{n} project{}{}\n\n",
        if n == 1 { "" } else { "s" },
        if failed {
            " (files that could not be read are named on standard error)"
        } else {
            ""
        }
    ));
    let mut rows = vec![[
        "#",
        "project",
        "country",
        "sector",
        "executing agency",
        "currency",
        "years",
        "firms",
        "file",
    ]
    .map(String::from)
    .to_vec()];
    for (row, file) in table.rows.iter().zip(files) {
        let or_dash = |s: &Option<String>| s.clone().unwrap_or_else(|| "-".into());
        let mut file = file.clone();
        if let Some(of) = row.copy_of {
            file.push_str(&format!(" (a copy of #{}: counted once)", of + 1));
        }
        rows.push(vec![
            format!("#{}", row.index + 1),
            row.name.clone(),
            or_dash(&row.country),
            or_dash(&row.sector),
            or_dash(&row.executing_agency),
            row.currency.clone(),
            years(row.baseline_year, row.followup_year),
            row.firms.to_string(),
            file,
        ]);
    }
    out.push_str(&aligned(&rows));
    for (c, summary) in table.summaries.iter().enumerate() {
        out.push_str(&format!("\n{}\n", summary.id));
        let mut rows = vec![["#", "project", "value", "95% interval", "status"]
            .map(String::from)
            .to_vec()];
        for row in &table.rows {
            let Some(cell) = row.cells.get(c) else {
                continue;
            };
            rows.push(vec![
                format!("#{}", row.index + 1),
                row.name.clone(),
                cell.value
                    .map_or("-".into(), |v| number(v, cell.unit.or(summary.unit))),
                cell.ci.map_or("-".into(), |[l, h]| {
                    format!("{} to {}", number(l, cell.unit), number(h, cell.unit))
                }),
                cell.status.map_or("(absent)", Status::code).to_string(),
            ]);
        }
        out.push_str(&aligned(&rows));
        let median = match (summary.median, summary.mixed_currencies) {
            (_, true) => "none (different currencies)".to_string(),
            (Some(m), _) => number(m, summary.unit),
            (None, _) => "-".to_string(),
        };
        let counts: Vec<String> = summary
            .counts
            .pairs()
            .iter()
            .map(|(code, n)| format!("{code} {n}"))
            .collect();
        out.push_str(&format!(
            "summary: {} with a value, median {median}; {}{}\n",
            summary.with_value,
            counts.join(", "),
            if table.copies.is_empty() {
                ""
            } else {
                " (copies counted once)"
            }
        ));
    }
    if let Some(pooled) = pooled {
        out.push('\n');
        out.push_str(&pooled_text(pooled));
    }
    if !table.copies.is_empty() {
        out.push_str("\nwarnings:\n");
        for copy in &table.copies {
            let name = |i: usize| table.rows.get(i).map_or("", |r| r.name.as_str());
            out.push_str(&format!(
                "  #{} \"{}\" is a copy of #{} \"{}\" (the same document): shown, counted once\n",
                copy.index + 1,
                name(copy.index),
                copy.of + 1,
                name(copy.of),
            ));
        }
    }
    out
}

fn pooled_text(pooled: &Pooled) -> String {
    let unit = pooled.unit;
    let mut out = format!(
        "pooled estimate of {} (DerSimonian–Laird random effects)\n",
        pooled.id
    );
    match &pooled.estimate {
        Some(e) => out.push_str(&(format!(
            "{} projects pooled: {}, 95% interval {} to {}, se {}, tau² {:.6}, I² {:.1}%, Q {:.4}\n",
            e.k,
            number(e.pooled, unit),
            number(e.low, unit),
            number(e.high, unit),
            number(e.se, unit),
            e.tau2,
            e.i2 * 100.0,
            e.q,
        ) + &few_projects_text(e, unit))),
        None => out.push_str(&format!(
            "{} project{} with an interval: a pooled estimate needs at least 2\n",
            pooled.k,
            if pooled.k == 1 { "" } else { "s" }
        )),
    }
    let mut rows = vec![
        ["#", "project", "value", "95% interval", "weight", "pooled"]
            .map(String::from)
            .to_vec(),
    ];
    for line in &pooled.projects {
        let interval = match (line.low, line.high) {
            (Some(l), Some(h)) => format!("{} to {}", number(l, unit), number(h, unit)),
            _ => "-".into(),
        };
        rows.push(vec![
            format!("#{}", line.index + 1),
            line.name.clone(),
            line.value.map_or("-".into(), |v| number(v, unit)),
            interval,
            line.weight
                .map_or("-".into(), |w| format!("{:.1}%", w * 100.0)),
            match line.reason {
                None => "yes".into(),
                Some(reason) => format!("no: {}", reason.english()),
            },
        ]);
    }
    out.push_str(&aligned(&rows));
    out
}

/// The v3 lines under the pooled estimate: the HKSJ interval, the prediction interval
/// (k ≥ 3), and "few projects" under 5.
fn few_projects_text(e: &portfolio::Estimate, unit: Option<Unit>) -> String {
    let mut out = String::new();
    if let (Some(l), Some(h)) = (e.hk_low, e.hk_high) {
        out.push_str(&format!(
            "Hartung–Knapp–Sidik–Jonkman 95% interval {} to {}\n",
            number(l, unit),
            number(h, unit)
        ));
    }
    if let (Some(l), Some(h)) = (e.pi_low, e.pi_high) {
        out.push_str(&format!(
            "95% prediction interval {} to {}\n",
            number(l, unit),
            number(h, unit)
        ));
    }
    if e.k < portfolio::FEW_PROJECTS {
        out.push_str(&format!(
            "few projects (fewer than {}): read the Hartung–Knapp–Sidik–Jonkman interval\n",
            portfolio::FEW_PROJECTS
        ));
    }
    out
}

fn with_files(mut rows: Value, files: &[String]) -> Value {
    if let Some(rows) = rows.as_array_mut() {
        for row in rows {
            let file = row
                .get("index")
                .and_then(Value::as_u64)
                .and_then(|i| files.get(usize::try_from(i).ok()?));
            if let (Some(object), Some(file)) = (row.as_object_mut(), file) {
                object.insert("file".into(), Value::String(file.clone()));
            }
        }
    }
    rows
}

fn pooled_json(pooled: &Pooled, files: &[String]) -> String {
    let mut value = pooled.to_json();
    if let Some(projects) = value.get_mut("projects") {
        *projects = with_files(projects.take(), files);
    }
    format!("{value:#}\n")
}

fn table_json(table: &Table, files: &[String]) -> String {
    let mut value = serde_json::to_value(table).unwrap_or(Value::Null);
    if let Some(rows) = value.get_mut("rows") {
        *rows = with_files(rows.take(), files);
    }
    format!("{value:#}\n")
}

/// A text cell as a spreadsheet will not run it as a formula (a leading `=`, `+`,
/// `-`, `@`, tab or carriage return gets an apostrophe).
fn text_cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

fn csv(table: &Table, files: &[String], pooled: Option<&Pooled>) -> String {
    const FACTS: [&str; 11] = [
        "#",
        "file",
        "project",
        "country",
        "sector",
        "executing_agency",
        "currency",
        "baseline_year",
        "followup_year",
        "firms",
        "copy_of",
    ];
    let mut header: Vec<String> = std::iter::once("row".to_string())
        .chain(FACTS.iter().map(|s| s.to_string()))
        .collect();
    for id in &table.ids {
        for suffix in ["", " low", " high", " status"] {
            header.push(format!("{id}{suffix}"));
        }
    }
    let width = header.len();
    let blank = |label: &str| {
        let mut row = vec![String::new(); width];
        row[0] = label.to_string();
        row
    };
    let mut records = vec![header];
    let opt = |v: Option<String>| v.unwrap_or_default();
    for (row, file) in table.rows.iter().zip(files) {
        let mut record = vec![
            "project".to_string(),
            (row.index + 1).to_string(),
            text_cell(file),
            text_cell(&row.name),
            opt(row.country.as_deref().map(text_cell)),
            opt(row.sector.as_deref().map(text_cell)),
            opt(row.executing_agency.as_deref().map(text_cell)),
            text_cell(&row.currency),
            opt(row.baseline_year.map(|y| y.to_string())),
            opt(row.followup_year.map(|y| y.to_string())),
            row.firms.to_string(),
            opt(row.copy_of.map(|i| (i + 1).to_string())),
        ];
        for cell in &row.cells {
            record.push(opt(cell.value.map(|v| v.to_string())));
            record.push(opt(cell.ci.map(|c| c[0].to_string())));
            record.push(opt(cell.ci.map(|c| c[1].to_string())));
            record.push(cell.status.map_or("", Status::code).to_string());
        }
        records.push(record);
    }
    let column = |c: usize| 1 + FACTS.len() + 4 * c;
    let mut median = blank("median");
    for (c, summary) in table.summaries.iter().enumerate() {
        median[column(c)] = opt(summary.median.map(|m| m.to_string()));
    }
    records.push(median);
    for (k, (code, _)) in portfolio::StatusCounts::default()
        .pairs()
        .iter()
        .enumerate()
    {
        let mut row = blank(&format!("count {code}"));
        for (c, summary) in table.summaries.iter().enumerate() {
            row[column(c)] = summary.counts.pairs()[k].1.to_string();
        }
        records.push(row);
    }
    if let Some(pooled) = pooled {
        if let Some(c) = table.ids.iter().position(|id| *id == pooled.id) {
            let e = pooled.estimate.as_ref();
            let mut row = blank("pooled");
            row[column(c)] = opt(e.map(|e| e.pooled.to_string()));
            row[column(c) + 1] = opt(e.map(|e| e.low.to_string()));
            row[column(c) + 2] = opt(e.map(|e| e.high.to_string()));
            records.push(row);
            for (label, value) in [
                ("tau2", e.map(|e| e.tau2.to_string())),
                ("i2", e.map(|e| e.i2.to_string())),
                ("k", Some(pooled.k.to_string())),
            ] {
                let mut row = blank(label);
                row[column(c)] = opt(value);
                records.push(row);
            }
        }
    }
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    for record in &records {
        // Writing to memory cannot fail.
        let _ = writer.write_record(record);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
