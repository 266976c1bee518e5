//! Workbooks written by a real spreadsheet program (LibreOffice, by
//! `scripts/make-workbook-fixtures.sh`; never by this crate) are opened, and the
//! indicators computed from their sheets equal those of the same tables pasted as
//! text. The bad files each get their own refusal.

use std::collections::BTreeMap;

use cluster_eval_engine::{compute, Document, TableKind, TableSource};
use cluster_eval_ui::{example, i18n::Lang};
use cluster_eval_workbook::{open, proposal, OpenError, SheetMatch};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/../e2e/fixtures/workbooks/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn pasted(name: &str) -> BTreeMap<String, String> {
    serde_json::from_slice(&fixture(name)).expect("tables json")
}

/// The example's facts with `tables` as pasted text.
fn pasted_doc(tables: &BTreeMap<String, String>) -> Document {
    let mut doc = example::document(Lang::Es);
    for kind in TableKind::ALL {
        *doc.table_text_mut(kind) = tables.get(kind.name()).cloned().unwrap_or_default();
    }
    doc
}

/// The example's facts with the workbook's sheets put where the page proposes.
fn workbook_doc(file: &str) -> (Document, Vec<(String, Option<TableKind>)>) {
    let book = open(fixture(file)).expect("opens");
    let chosen = proposal(&book);
    let mut doc = example::document(Lang::Es);
    for kind in TableKind::ALL {
        doc.table_text_mut(kind).clear();
    }
    for (sheet, kind) in book.sheets.iter().zip(&chosen) {
        let Some(kind) = kind else { continue };
        *doc.table_text_mut(*kind) = sheet.text.clone();
        doc.settings
            .tables
            .entry(kind.name().into())
            .or_default()
            .source = Some(TableSource {
            file: file.into(),
            sheet: sheet.name.clone(),
        });
    }
    let names = book
        .sheets
        .iter()
        .map(|s| s.name.clone())
        .zip(chosen)
        .collect();
    (doc, names)
}

fn assert_same_results(a: &Document, b: &Document) {
    let (ra, rb) = (compute(a), compute(b));
    assert!(ra.errors.is_empty(), "pasted: {:?}", ra.errors.first());
    assert!(rb.errors.is_empty(), "workbook: {:?}", rb.errors.first());
    assert_eq!(ra.indicators.len(), rb.indicators.len());
    for (x, y) in ra.indicators.iter().zip(&rb.indicators) {
        assert_eq!(x.id, y.id);
        assert_eq!(x.value, y.value, "{}", x.id);
        assert_eq!(x.status, y.status, "{}", x.id);
        assert_eq!(x.ci, y.ci, "{}", x.id);
        assert_eq!(x.n, y.n, "{}", x.id);
    }
}

#[test]
fn a_spanish_xlsx_gives_the_indicators_of_the_same_data_pasted() {
    let (doc, sheets) = workbook_doc("ejemplo-es.xlsx");
    let expected = [
        ("Empresas", Some(TableKind::Firms)),
        ("Territorio", Some(TableKind::Territory)),
        ("Actividades", Some(TableKind::Activities)),
        ("Actores", Some(TableKind::Actors)),
        ("Subsidios", Some(TableKind::Subsidies)),
        ("Notas", None),
    ];
    let got: Vec<(&str, Option<TableKind>)> =
        sheets.iter().map(|(n, k)| (n.as_str(), *k)).collect();
    assert_eq!(got, expected);
    assert_same_results(&pasted_doc(&pasted("ejemplo-es.tables.json")), &doc);
}

#[test]
fn a_portuguese_ods_gives_the_indicators_of_the_same_data_pasted() {
    let (doc, sheets) = workbook_doc("exemplo-pt.ods");
    assert_eq!(sheets.iter().filter(|(_, k)| k.is_some()).count(), 5);
    assert!(sheets.contains(&("Território".into(), Some(TableKind::Territory))));
    assert!(sheets.contains(&("Subsídios".into(), Some(TableKind::Subsidies))));
    assert_same_results(&pasted_doc(&pasted("exemplo-pt.tables.json")), &doc);
}

#[test]
fn the_title_row_above_the_header_is_skipped() {
    let book = open(fixture("ejemplo-es.xlsx")).expect("opens");
    let firms = &book.sheets[0];
    assert!(firms.skipped_above >= 1, "{firms:?}");
    assert!(firms.text.starts_with("empresa\t"), "{}", &firms.text[..60]);
}

#[test]
fn an_old_xls_sheet_without_a_table_name_is_matched_by_its_header() {
    let book = open(fixture("sin-nombres.xls")).expect("opens");
    assert_eq!(book.sheets[0].name, "Hoja1");
    assert_eq!(book.sheets[0].kind, Some(TableKind::Firms));
    assert_eq!(book.sheets[0].matched, Some(SheetMatch::Header));
    let tables = pasted("ejemplo-es.tables.json");
    let mut a = pasted_doc(&BTreeMap::new());
    *a.table_text_mut(TableKind::Firms) = tables["firms"].clone();
    let mut b = pasted_doc(&BTreeMap::new());
    *b.table_text_mut(TableKind::Firms) = book.sheets[0].text.clone();
    b.settings.tables.entry("firms".into()).or_default().source = Some(TableSource::default());
    assert_same_results(&a, &b);
}

#[test]
fn a_million_formatted_rows_make_no_lines() {
    let book = open(fixture("filas-vacias.xlsx")).expect("opens");
    let sheet = &book.sheets[0];
    assert_eq!(sheet.kind, Some(TableKind::Territory));
    assert!(sheet.text.len() < 1_000, "{} bytes", sheet.text.len());
    assert!(sheet.data_rows < 20, "{}", sheet.data_rows);
}

#[test]
fn a_workbook_without_tables_says_so() {
    let book = open(fixture("sin-tablas.xlsx")).expect("opens");
    assert!(!book.any_table());
}

#[test]
fn bad_files_are_refused_with_their_reason() {
    assert!(matches!(
        open(fixture("corrupto.xlsx")),
        Err(OpenError::Damaged { .. })
    ));
    assert_eq!(open(fixture("texto.xlsx")), Err(OpenError::Text));
    let protected = format!(
        "{}/../e2e/fixtures/workbooks/con-clave.xlsx",
        env!("CARGO_MANIFEST_DIR")
    );
    if let Ok(bytes) = std::fs::read(protected) {
        assert_eq!(open(bytes), Err(OpenError::PasswordProtected));
    }
}

#[test]
fn a_merged_two_row_header_reads_as_a_wide_firms_table() {
    let book = open(fixture("ancho-combinado.xlsx")).expect("opens");
    let firms = &book.sheets[0];
    assert_eq!(firms.name, "Ventas por año");
    assert_eq!(firms.kind, Some(TableKind::Firms));
    assert_eq!(firms.matched, Some(SheetMatch::Header));
    assert_eq!(firms.header_rows, 2);
    assert_eq!(firms.data_rows, 8);
    let header = "empresa\tgrupo\tventas 2019\tventas 2020\tventas 2021\t\
                  empleo 2019\templeo 2020\templeo 2021\n";
    assert!(firms.text.starts_with(header), "{}", firms.text);
    assert!(
        firms
            .text
            .contains("\nVV-B01\tbeneficiary\t1234.5\t1310\t1502.25\t12\t13\t15\n"),
        "{}",
        firms.text
    );

    let (mut doc, sheets) = workbook_doc("ancho-combinado.xlsx");
    assert_eq!(sheets[0], ("Ventas por año".into(), Some(TableKind::Firms)));
    doc.project.baseline_year = Some(2019);
    doc.project.followup_year = Some(2021);
    let results = compute(&doc);
    assert!(results.errors.is_empty(), "{:?}", results.errors);
    // The beneficiaries' sales in the fixture (scripts/workbook_fixtures.py).
    let sales_2019 = 1234.5 + 2200.0 + 980.75 + 3100.0;
    let sales_2021 = 1502.25 + 2610.0 + 1190.5 + 3555.5;
    let growth = results
        .indicators
        .iter()
        .find(|i| i.id == "long.beneficiaries.sales.growth")
        .and_then(|i| i.value)
        .expect("sales growth of the beneficiaries");
    let expected: f64 = sales_2021 / sales_2019 - 1.0;
    assert!((growth - expected).abs() < 1e-12, "{growth} vs {expected}");
}

#[test]
fn dates_in_a_year_column_give_their_year() {
    let book = open(fixture("ancho-combinado.xlsx")).expect("opens");
    let territory = &book.sheets[1];
    assert_eq!(territory.name, "Territorio");
    assert_eq!(territory.kind, Some(TableKind::Territory));
    let years: Vec<&str> = territory
        .text
        .lines()
        .skip(1)
        .map(|line| line.split('\t').next().unwrap_or(""))
        .collect();
    assert_eq!(
        years,
        ["2018", "2019", "2020", "2021"],
        "{}",
        territory.text
    );
    assert!(
        territory.text.contains("\n2018\t412.5\t13118\n"),
        "{}",
        territory.text
    );
}
