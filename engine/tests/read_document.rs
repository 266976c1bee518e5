//! Reading through a document: its `columns` mapping and per-table settings, and
//! `assemble` putting the five tables together.

mod read_support;

use cluster_eval_engine::model::{Measure, TableKind};
use cluster_eval_engine::read::{assemble, DecimalSource, HeaderOutcome, MatchedBy};
use cluster_eval_engine::{read_document_table, DecimalSetting, Document, TableSettings};
use read_support::*;

#[test]
fn document_mapping_and_settings_are_used() {
    let mut doc = Document::new("test");
    doc.tables.firms =
        "Código;Año;Facturado;Notas\nA;2019;1.234\nB;2019;2.500;x\n".replace("1.234\n", "1.234;\n");
    doc.columns
        .entry("firms".into())
        .or_default()
        .insert("Código".into(), Some("firm".into()));
    doc.columns
        .entry("firms".into())
        .or_default()
        .insert("Facturado".into(), Some("sales".into()));
    doc.columns
        .entry("firms".into())
        .or_default()
        .insert("Notas".into(), None);
    let mut t = TableSettings::default();
    t.decimal.insert("sales".into(), DecimalSetting::Comma);
    doc.settings.tables.insert("firms".into(), t);
    let r = read_document_table(&doc, TableKind::Firms);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let sales: Vec<Option<f64>> = firm_rows(&r)
        .iter()
        .map(|f| f.get(Measure::Sales))
        .collect();
    assert_eq!(sales, [Some(1234.0), Some(2500.0)]);
    assert_eq!(
        r.report.decimal("sales").unwrap().source,
        DecimalSource::Override
    );
    assert!(matches!(
        r.report.header("Código"),
        Some(HeaderOutcome::Column {
            by: MatchedBy::User,
            ..
        })
    ));
}

#[test]
fn assemble_puts_the_tables_together() {
    let mut doc = Document::new("test");
    doc.tables.firms = "firm\tyear\nA\t2019\n".into();
    doc.tables.territory = "year\tlocal_gdp\n2019\t1\n".into();
    doc.tables.activities = "activity\tyear\tfirms\nFair\t2019\t4\n".into();
    doc.tables.actors = "actor\ttype\tyear\nU\tuniversity\t2019\n".into();
    doc.tables.subsidies = "year\tamount\n2019\t10\n".into();
    let reads: Vec<_> = TableKind::ALL
        .into_iter()
        .map(|k| read_document_table(&doc, k))
        .collect();
    let data = assemble(&reads);
    assert_eq!(data.firms.rows.len(), 1);
    assert_eq!(data.territory.len(), 1);
    assert_eq!(data.activities.len(), 1);
    assert_eq!(data.actors.len(), 1);
    assert_eq!(data.subsidies.len(), 1);
}
