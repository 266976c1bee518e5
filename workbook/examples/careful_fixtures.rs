//! Writes the workbook fixtures of issue 24's end-to-end tests into
//! `e2e/fixtures/workbooks/` (see the README there): workbooks a careless or hostile
//! file would be, made with `rust_xlsxwriter` and, where a spreadsheet program would
//! never write so, rewritten in their XML. `cargo run -p cluster-eval-workbook
//! --example careful_fixtures`; commit the outputs.

use std::io::{Cursor, Read, Write};
use std::path::Path;

use rust_xlsxwriter::{Format, Workbook, Worksheet};

type Failure = Box<dyn std::error::Error>;

fn header(sheet: &mut Worksheet) -> Result<(), Failure> {
    for (c, h) in ["empresa", "grupo", "año", "ventas"]
        .into_iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, h)?;
    }
    Ok(())
}

/// Firm 8 kept as the number 8 formatted `000` in 2018 and as the text `008` in 2023
/// (Excel shows `008` in both), and firm `009` as text in both years.
fn id_formatted() -> Result<Vec<u8>, Failure> {
    let mut book = Workbook::new();
    let padded = Format::new().set_num_format("000");
    let sheet = book.add_worksheet().set_name("Empresas")?;
    header(sheet)?;
    sheet.write_number_with_format(1, 0, 8, &padded)?;
    sheet.write_string(2, 0, "008")?;
    sheet.write_string(3, 0, "009")?;
    sheet.write_string(4, 0, "009")?;
    for (r, year, sales) in [
        (1, 2018, 100.0),
        (2, 2023, 150.0),
        (3, 2018, 200.0),
        (4, 2023, 220.0),
    ] {
        sheet.write_string(r, 1, "beneficiaria")?;
        sheet.write_number(r, 2, f64::from(year))?;
        sheet.write_number(r, 3, sales)?;
    }
    Ok(book.save_to_buffer()?)
}

/// Sales as numbers, and one as the text `36.232` (a thousands point typed into a
/// text cell): it reads as 36,232, as a paste would.
fn thousands_text() -> Result<Vec<u8>, Failure> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Empresas")?;
    header(sheet)?;
    let rows: [(&str, u32, Option<f64>); 4] = [
        ("F1", 2018, Some(35_120.0)),
        ("F1", 2023, None),
        ("F2", 2018, Some(41_005.0)),
        ("F2", 2023, Some(38_400.0)),
    ];
    for (i, (firm, year, sales)) in rows.into_iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, 0, firm)?;
        sheet.write_string(r, 1, "beneficiaria")?;
        sheet.write_number(r, 2, f64::from(year))?;
        match sales {
            Some(v) => sheet.write_number(r, 3, v)?,
            None => sheet.write_string(r, 3, "36.232")?,
        };
    }
    Ok(book.save_to_buffer()?)
}

/// `bytes` with the zip entry `path` rewritten by `edit`.
fn rezip(bytes: &[u8], path: &str, edit: impl Fn(String) -> String) -> Result<Vec<u8>, Failure> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut file = zip.by_index(i)?;
        let name = file.name()?.to_string();
        let mut text = String::new();
        file.read_to_string(&mut text)?;
        if name == path {
            text = edit(text);
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())?;
        out.write_all(text.as_bytes())?;
    }
    Ok(out.finish()?.into_inner())
}

/// A formula without a cached value in D3 (what scripts and converters write).
fn formula_without_value() -> Result<Vec<u8>, Failure> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Empresas")?;
    header(sheet)?;
    for (r, year) in [(1u32, 2018.0), (2, 2023.0)] {
        sheet.write_string(r, 0, "F1")?;
        sheet.write_string(r, 1, "beneficiaria")?;
        sheet.write_number(r, 2, year)?;
    }
    sheet.write_number(1, 3, 10.0)?;
    sheet.write_formula(2, 3, "=D2*2")?;
    let bytes = book.save_to_buffer()?;
    rezip(&bytes, "xl/worksheets/sheet1.xml", |xml| {
        xml.replace("<f>D2*2</f><v>0</v>", "<f>D2*2</f>")
    })
}

/// The issue's hostile file: 39,321,600 rows of one number (about 1.2 GB of XML)
/// in a zip of a few megabytes, on a sheet `Hoja1`.
fn millions_of_rows() -> Result<Vec<u8>, Failure> {
    let mut book = Workbook::new();
    book.add_worksheet().set_name("Hoja1")?;
    let template = book.save_to_buffer()?;
    let mut zip = zip::ZipArchive::new(Cursor::new(template.as_slice()))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let best = zip::write::SimpleFileOptions::default()
        .compression_level(Some(9))
        .large_file(true);
    const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#;
    for i in 0..zip.len() {
        let mut file = zip.by_index(i)?;
        let name = file.name()?.to_string();
        out.start_file(name.clone(), best)?;
        if name == "xl/worksheets/sheet1.xml" {
            out.write_all(HEAD.as_bytes())?;
            let block = b"<row><c><v>12345</v></c></row>".repeat(9_600);
            for _ in 0..4_096 {
                out.write_all(&block)?;
            }
            out.write_all(b"</sheetData></worksheet>")?;
        } else {
            std::io::copy(&mut file, &mut out)?;
        }
    }
    Ok(out.finish()?.into_inner())
}

fn main() -> Result<(), Failure> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../e2e/fixtures/workbooks");
    for (name, bytes) in [
        ("id-con-formato.xlsx", id_formatted()?),
        ("miles-como-texto.xlsx", thousands_text()?),
        ("formula-sin-valor.xlsx", formula_without_value()?),
        ("millones-de-filas.xlsx", millions_of_rows()?),
    ] {
        std::fs::write(dir.join(name), &bytes)?;
        println!("wrote {name} ({} bytes)", bytes.len());
    }
    Ok(())
}
