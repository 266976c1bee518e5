//! Issue 24: a workbook reads as a paste would, and a hostile one is refused before
//! it is read. The workbooks are made here with `rust_xlsxwriter`, and their XML
//! rewritten where a spreadsheet program would never write it so (a formula without
//! a cached value, 39 million rows).

use std::io::{Cursor, Read, Write};
use std::time::{Duration, Instant};

use cluster_eval_engine::{
    read_table, DecimalSource, Measure, RowErrorKind, Settings, TableKind, TableRows, TableSource,
};
use cluster_eval_workbook::open::{open, Exceeded, OpenError, OpenedWorkbook};
use rust_xlsxwriter::{Format, Workbook};

fn opened(book: &mut Workbook) -> OpenedWorkbook {
    open(book.save_to_buffer().expect("writes")).expect("opens")
}

/// The table `kind` read from `text` as the page reads a workbook's sheet.
fn read_as_workbook(kind: TableKind, text: &str) -> cluster_eval_engine::TableRead {
    let mut settings = Settings::default();
    settings
        .tables
        .entry(kind.name().into())
        .or_default()
        .source = Some(TableSource {
        file: "datos.xlsx".into(),
        sheet: "Empresas".into(),
    });
    read_table(kind, text, &settings, None)
}

fn firms_header(sheet: &mut rust_xlsxwriter::Worksheet) {
    for (c, h) in ["empresa", "grupo", "año", "ventas"]
        .into_iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, h).expect("writes");
    }
}

/// Issue 24, #3: `8` formatted `000` and the text `008` are one firm, as Excel shows
/// them and a paste copies them; an amount formatted `000` stays its number.
#[test]
fn an_id_kept_as_a_formatted_number_is_the_text_shown() {
    let mut book = Workbook::new();
    let padded = Format::new().set_num_format("000");
    let prefixed = Format::new().set_num_format("\"F\"000");
    let sheet = book.add_worksheet().set_name("Empresas").expect("names");
    firms_header(sheet);
    sheet.write_number_with_format(1, 0, 8, &padded).expect("w");
    sheet.write_string(2, 0, "008").expect("w");
    sheet
        .write_number_with_format(3, 0, 9, &prefixed)
        .expect("w");
    for r in 1..4 {
        sheet.write_string(r, 1, "beneficiaria").expect("w");
        sheet.write_number(r, 2, 2018.0 + r as f64).expect("w");
        sheet
            .write_number_with_format(r, 3, 5.0, &padded)
            .expect("w");
    }
    let book = opened(&mut book);
    let text = &book.sheets[0].text;
    assert_eq!(
        text,
        "empresa\tgrupo\taño\tventas\n008\tbeneficiaria\t2019\t5\n008\tbeneficiaria\t2020\t5\nF009\tbeneficiaria\t2021\t5"
    );
    let read = read_as_workbook(TableKind::Firms, text);
    let TableRows::Firms(firms) = &read.rows else {
        panic!("firms")
    };
    let ids: Vec<&str> = firms.rows.iter().map(|f| f.firm.as_str()).collect();
    assert_eq!(ids, ["008", "008", "F009"], "{:?}", read.errors);
}

/// Issue 24, #4: numbers kept as text with a thousands point (`36.232`) beside
/// number cells (`35120`) go through the paste's sizes rule: read as 36,232, and
/// said above the results with the one-click fix. A number cell that would read
/// either way as text (36.232 typed as a number) is written so that it cannot.
#[test]
fn text_with_a_thousands_point_beside_numbers_reads_as_a_paste_would() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Empresas").expect("names");
    firms_header(sheet);
    // `None`: the text `36.232`.
    let sales = [Some(35_120.0), None, Some(41_005.0), Some(38_400.0)];
    for (i, value) in sales.into_iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, 0, format!("F{r}")).expect("w");
        sheet.write_string(r, 1, "beneficiaria").expect("w");
        sheet.write_number(r, 2, 2019.0).expect("w");
        match value {
            Some(v) => sheet.write_number(r, 3, v).expect("w"),
            None => sheet.write_string(r, 3, "36.232").expect("w"),
        };
    }
    let text = opened(&mut book).sheets[0].text.clone();
    let read = read_as_workbook(TableKind::Firms, &text);
    let TableRows::Firms(firms) = &read.rows else {
        panic!("firms")
    };
    let got: Vec<Option<f64>> = firms.rows.iter().map(|f| f.get(Measure::Sales)).collect();
    assert_eq!(
        got,
        [
            Some(35_120.0),
            Some(36_232.0),
            Some(41_005.0),
            Some(38_400.0)
        ]
    );
    let sales = read.report.decimal("sales").expect("reported");
    assert_eq!(sales.source, DecimalSource::Magnitude);
    assert!(sales.guessed(), "the check above the results shows it");

    // The same value as a number cell is 36.232, and stays so.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Empresas").expect("names");
    firms_header(sheet);
    for (r, v) in [(1u32, 35_120.0), (2, 36.232), (3, 41_005.0)] {
        sheet.write_string(r, 0, format!("F{r}")).expect("w");
        sheet.write_string(r, 1, "beneficiaria").expect("w");
        sheet.write_number(r, 2, 2019.0).expect("w");
        sheet.write_number(r, 3, v).expect("w");
    }
    let text = opened(&mut book).sheets[0].text.clone();
    let read = read_as_workbook(TableKind::Firms, &text);
    let TableRows::Firms(firms) = &read.rows else {
        panic!("firms")
    };
    assert_eq!(firms.rows[1].get(Measure::Sales), Some(36.232));
    assert!(!read.report.decimal("sales").expect("reported").guessed());
}

/// `bytes` with the zip entry `path` rewritten by `edit` (what a script or converter
/// writes where a spreadsheet program would not).
fn rezip(bytes: &[u8], path: &str, edit: impl Fn(String) -> String) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).expect("entry");
        let name = file.name().expect("name").to_string();
        let mut text = String::new();
        file.read_to_string(&mut text).expect("utf-8");
        if name == path {
            text = edit(text);
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("starts");
        out.write_all(text.as_bytes()).expect("writes");
    }
    out.finish().expect("finishes").into_inner()
}

/// Issue 24, #5: a formula without a cached value was a silent blank (the firm left
/// the panel); it is a row error naming its cell.
#[test]
fn a_formula_without_a_cached_value_is_a_row_error_naming_its_cell() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Empresas").expect("names");
    firms_header(sheet);
    for r in 1..3u32 {
        sheet.write_string(r, 0, format!("F{r}")).expect("w");
        sheet.write_string(r, 1, "beneficiaria").expect("w");
        sheet.write_number(r, 2, 2019.0).expect("w");
    }
    sheet.write_number(1, 3, 10.0).expect("w");
    sheet.write_formula(2, 3, "=D2*2").expect("w");
    let bytes = book.save_to_buffer().expect("writes");
    // rust_xlsxwriter writes a cached 0; a converter writes none.
    let bytes = rezip(&bytes, "xl/worksheets/sheet1.xml", |xml| {
        assert!(xml.contains("<f>D2*2</f><v>0</v>"), "{xml}");
        xml.replace("<f>D2*2</f><v>0</v>", "<f>D2*2</f>")
    });
    let book = open(bytes).expect("opens");
    let text = &book.sheets[0].text;
    assert!(
        text.ends_with("F2\tbeneficiaria\t2019\t#NOVALUE! Empresas!D3"),
        "{text}"
    );
    let read = read_as_workbook(TableKind::Firms, text);
    assert_eq!(read.errors.len(), 1, "{:?}", read.errors);
    assert_eq!(read.errors[0].kind, RowErrorKind::NoValue);
    assert_eq!(read.errors[0].text, "#NOVALUE! Empresas!D3");
}

/// A minimal `.xlsx` whose one sheet, `Hoja1`, is `sheet_xml` (streamed into the
/// zip, compressed fast), as a hostile file is made.
fn xlsx_with_sheet(write_sheet: impl Fn(&mut dyn Write)) -> Vec<u8> {
    let mut book = Workbook::new();
    book.add_worksheet().set_name("Hoja1").expect("names");
    let template = book.save_to_buffer().expect("writes");
    let mut zip = zip::ZipArchive::new(Cursor::new(template.as_slice())).expect("zip");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let fast = zip::write::SimpleFileOptions::default()
        .compression_level(Some(1))
        .large_file(true);
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).expect("entry");
        let name = file.name().expect("name").to_string();
        out.start_file(name.clone(), fast).expect("starts");
        if name == "xl/worksheets/sheet1.xml" {
            write_sheet(&mut out);
        } else {
            std::io::copy(&mut file, &mut out).expect("copies");
        }
    }
    out.finish().expect("finishes").into_inner()
}

const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#;
const TAIL: &str = "</sheetData></worksheet>";

/// `rows` rows of one number each, without a dimension (a hostile file declares
/// none), 30 bytes a row.
fn rows_sheet(rows: u64) -> Vec<u8> {
    xlsx_with_sheet(|out| {
        out.write_all(HEAD.as_bytes()).expect("w");
        let row = b"<row><c><v>12345</v></c></row>";
        let block: Vec<u8> = row.repeat(10_000);
        for _ in 0..rows / 10_000 {
            out.write_all(&block).expect("w");
        }
        out.write_all(TAIL.as_bytes()).expect("w");
    })
}

fn refused(bytes: Vec<u8>) -> (Exceeded, String, Duration) {
    let t = Instant::now();
    let result = open(bytes);
    let took = t.elapsed();
    match result {
        Err(OpenError::SheetTooLarge { sheet, exceeded }) => (exceeded, sheet, took),
        other => panic!("not refused: {:?}", other.map(|b| b.sheets.len())),
    }
}

/// Issue 24, #2: more rows than a spreadsheet allows are refused, naming the sheet,
/// before the sheet is read (2 million rows here; the 39 million rows of the issue
/// are the ignored test below, timed in release).
#[test]
fn more_rows_than_a_spreadsheet_allows_are_refused_naming_the_sheet() {
    let (exceeded, sheet, _) = refused(rows_sheet(2_000_000));
    assert_eq!(exceeded, Exceeded::Rows(1_048_577));
    assert_eq!(sheet, "Hoja1");
    // A declared size beyond a spreadsheet's is refused before any row.
    let declared = xlsx_with_sheet(|out| {
        let head = HEAD.replace(
            "<sheetData>",
            r#"<dimension ref="A1:A39321600"/><sheetData>"#,
        );
        out.write_all(head.as_bytes()).expect("w");
        out.write_all(TAIL.as_bytes()).expect("w");
    });
    assert_eq!(refused(declared).0, Exceeded::Rows(39_321_600));
    // More cells than the budget, in rows a spreadsheet allows.
    let cells = xlsx_with_sheet(|out| {
        out.write_all(HEAD.as_bytes()).expect("w");
        let row = format!("<row>{}</row>", "<c/>".repeat(1_000));
        for _ in 0..20_001 {
            out.write_all(row.as_bytes()).expect("w");
        }
        out.write_all(TAIL.as_bytes()).expect("w");
    });
    assert_eq!(refused(cells).0, Exceeded::Cells(20_000_001));
}

/// The issue's file: a 3 MB zip whose sheet unzips to 1.2 GB (39,321,600 rows) read
/// for 46 s. Timed in release: `cargo test --release -p cluster-eval-workbook --test
/// careful -- --ignored --nocapture`.
#[test]
#[ignore = "builds a 1.2 GB sheet; run in release"]
fn the_issues_39_million_rows_are_refused_within_seconds() {
    let bytes = rows_sheet(39_320_000);
    println!("zip: {:.1} MB", bytes.len() as f64 / 1e6);
    let (exceeded, sheet, took) = refused(bytes);
    println!("refused in {took:?}");
    assert_eq!(
        (exceeded, sheet.as_str()),
        (Exceeded::Rows(1_048_577), "Hoja1")
    );
    assert!(took < Duration::from_secs(10), "{took:?}");
}

/// A sheet of a million empty, formatted rows (each with empty styled cells): read,
/// and quickly, as nothing.
#[test]
#[ignore = "builds a large sheet; run in release"]
fn a_sheet_of_empty_rows_is_passed_over_quickly() {
    let bytes = xlsx_with_sheet(|out| {
        out.write_all(HEAD.as_bytes()).expect("w");
        for r in 1..=1_048_576u32 {
            let row = format!(
                r#"<row r="{r}" spans="1:8" s="1" customFormat="1" ht="15"><c r="A{r}" s="1"/><c r="B{r}" s="1"/><c r="C{r}" s="1"/></row>"#
            );
            out.write_all(row.as_bytes()).expect("w");
        }
        out.write_all(TAIL.as_bytes()).expect("w");
    });
    println!("zip: {:.1} MB", bytes.len() as f64 / 1e6);
    let t = Instant::now();
    let book = open(bytes).expect("opens");
    let took = t.elapsed();
    println!("read in {took:?}");
    assert_eq!(book.sheets[0].text, "");
    assert!(took < Duration::from_secs(10), "{took:?}");
}
