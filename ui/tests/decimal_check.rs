//! Issue 14, item 5: a column whose decimal mark was guessed while some of its values
//! read either way is said where the results are read, with the reading chosen and
//! one click to the other.

use cluster_eval_engine::{read_document_table, DecimalMark, DecimalSetting, Document, TableKind};
use cluster_eval_ui::decimal_check::{checks, value_text};
use cluster_eval_ui::i18n::Lang;

fn doc(firms: &str) -> Document {
    let mut doc = Document::new("Test");
    doc.tables.firms = firms.to_string();
    doc
}

fn checks_of(doc: &Document) -> Vec<cluster_eval_ui::decimal_check::Check> {
    let summaries: Vec<_> = TableKind::ALL
        .iter()
        .map(|k| read_document_table(doc, *k).summary())
        .collect();
    checks(&summaries)
}

const SALES: &str = "firm\tgroup\tyear\tsales\nA\tbeneficiary\t2019\t987\nA\tbeneficiary\t2022\t1.234\nB\tbeneficiary\t2019\t850\nB\tbeneficiary\t2022\t1.050\n";

#[test]
fn a_guessed_column_is_named_with_its_reading_and_an_example() {
    let mut doc = doc(SALES);
    let found = checks_of(&doc);
    assert_eq!(found.len(), 1, "{found:?}");
    let check = &found[0];
    assert_eq!((check.table, check.column.as_str()), ("firms", "sales"));
    assert_eq!(
        check.mark,
        DecimalMark::Comma,
        "by the sizes: 1.234 is 1234"
    );
    assert_eq!((check.count, check.example.as_str()), (2, "1.234"));
    let text = check.text(Lang::En);
    assert!(
        text.starts_with("Firms, column “sales”: 2 values such as “1.234”"),
        "{text}"
    );
    assert!(text.contains("read with “,” as the decimal mark"), "{text}");
    assert!(text.ends_with("so “1.234” is 1234."), "{text}");
    assert!(check
        .text(Lang::Es)
        .starts_with("Empresas, columna «sales»"));
    assert!(check.text(Lang::Pt).starts_with("Empresas, coluna “sales”"));
    assert_eq!(
        check.switch_label(Lang::En),
        "Read “.” as the decimal mark instead (1.234 = 1.234)"
    );
    assert_eq!(
        check.switch_label(Lang::Es),
        "Leer «.» como separador decimal (1.234 = 1,234)"
    );
    // One click: the column's override, and the check goes.
    check.choose(&mut doc, check.other());
    assert_eq!(
        doc.settings.decimal_override("firms", "sales"),
        Some(DecimalSetting::Point)
    );
    assert!(checks_of(&doc).is_empty());
    let read = read_document_table(&doc, TableKind::Firms);
    let TableRowsSales(sales) = sales_of(&read);
    assert_eq!(sales, [987.0, 1.234, 850.0, 1.05]);
}

struct TableRowsSales(Vec<f64>);

fn sales_of(read: &cluster_eval_engine::TableRead) -> TableRowsSales {
    let cluster_eval_engine::TableRows::Firms(firms) = &read.rows else {
        panic!("firms");
    };
    TableRowsSales(
        firms
            .rows
            .iter()
            .filter_map(|r| r.get(cluster_eval_engine::Measure::Sales))
            .collect(),
    )
}

#[test]
fn keeping_the_reading_also_ends_the_check() {
    let mut doc = doc(SALES);
    let check = checks_of(&doc).remove(0);
    check.choose(&mut doc, check.mark);
    assert!(checks_of(&doc).is_empty());
    assert_eq!(
        doc.settings.decimal_override("firms", "sales"),
        Some(DecimalSetting::Comma)
    );
}

#[test]
fn columns_whose_values_decide_are_not_listed() {
    let doc =
        doc("firm\tgroup\tyear\tsales\nA\tbeneficiary\t2019\t987,5\nA\tbeneficiary\t2022\t1.234\n");
    assert!(checks_of(&doc).is_empty());
    let doc = doc_plain();
    assert!(checks_of(&doc).is_empty());
}

fn doc_plain() -> Document {
    doc("firm\tgroup\tyear\tsales\nA\tbeneficiary\t2019\t987\nA\tbeneficiary\t2022\t1234\n")
}

#[test]
fn a_value_is_written_without_thousands_separators() {
    assert_eq!(value_text(Lang::En, "1.234", DecimalMark::Comma), "1234");
    assert_eq!(value_text(Lang::En, "1.234", DecimalMark::Point), "1.234");
    assert_eq!(value_text(Lang::Pt, "1.234", DecimalMark::Point), "1,234");
    assert_eq!(value_text(Lang::Es, "$1,050", DecimalMark::Comma), "1,05");
    assert_eq!(value_text(Lang::En, "(2.500)", DecimalMark::Comma), "−2500");
}

#[test]
fn the_example_has_nothing_to_check() {
    for lang in Lang::ALL {
        assert!(checks_of(&cluster_eval_ui::example::document(lang)).is_empty());
    }
}
