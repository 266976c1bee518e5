//! Cell values: numbers in every convention with the decimal mark decided per
//! column (values, setting, override), yes/no and missing markers, identifiers.

mod read_support;

use cluster_eval_engine::error_entry;
use cluster_eval_engine::model::{Flag, Measure, TableKind};
use cluster_eval_engine::read::{read_table, DecimalMark, DecimalSource, TableRows};
use cluster_eval_engine::{DecimalSetting, Settings, TableSettings};
use read_support::*;

fn sales(
    text: &str,
    settings: &Settings,
) -> (Vec<Option<f64>>, cluster_eval_engine::read::TableRead) {
    let r = read_table(TableKind::Firms, text, settings, None);
    (
        firm_rows(&r)
            .iter()
            .map(|f| f.get(Measure::Sales))
            .collect(),
        r,
    )
}

fn column(values: &[&str]) -> String {
    let mut t = String::from("firm\tyear\tsales\n");
    for (i, v) in values.iter().enumerate() {
        t.push_str(&format!("F{i}\t2019\t{v}\n"));
    }
    t
}

#[test]
fn every_convention_in_a_column() {
    let cases: [(&[&str], DecimalMark, &[f64]); 6] = [
        (
            &["1234.5", "1,234.5", "$1,234.50"],
            DecimalMark::Point,
            &[1234.5, 1234.5, 1234.5],
        ),
        (
            &["1.234,5", "1234,5", "R$ 1.234,50"],
            DecimalMark::Comma,
            &[1234.5; 3],
        ),
        (
            &["1 234,5", "1\u{a0}234,5", "1\u{202f}234,5"],
            DecimalMark::Comma,
            &[1234.5; 3],
        ),
        (
            &["€1.234,5", "1.234,5 €", "S/ 1,5"],
            DecimalMark::Comma,
            &[1234.5, 1234.5, 1.5],
        ),
        (
            &["US$ 1,234", "1,234.0", "S/. 2"],
            DecimalMark::Point,
            &[1234.0, 1234.0, 2.0],
        ),
        (
            &["1,5E+06", "0,25", "12%"],
            DecimalMark::Comma,
            &[1.5e6, 0.25, 0.12],
        ),
    ];
    for (values, mark, expected) in cases {
        let (got, r) = sales(&column(values), &Settings::default());
        assert!(r.errors.is_empty(), "{values:?}: {:?}", r.errors);
        let d = r.report.decimal("sales").unwrap();
        assert_eq!(
            (d.mark, d.source),
            (mark, DecimalSource::Detected),
            "{values:?}"
        );
        let want: Vec<Option<f64>> = expected.iter().map(|v| Some(*v)).collect();
        assert_eq!(got, want, "{values:?}");
    }
}

#[test]
fn ambiguous_values_follow_the_setting_then_point() {
    let text = column(&["1,234", "2,500"]);
    let (got, r) = sales(&text, &Settings::default());
    assert_eq!(got, [Some(1234.0), Some(2500.0)]);
    assert_eq!(
        r.report.decimal("sales").unwrap().source,
        DecimalSource::Default
    );
    let settings = Settings {
        decimal: DecimalSetting::Comma,
        ..Settings::default()
    };
    let (got, r) = sales(&text, &settings);
    assert_eq!(got, [Some(1.234), Some(2.5)]);
    assert_eq!(
        r.report.decimal("sales").unwrap().source,
        DecimalSource::Setting
    );
}

#[test]
fn an_undecided_column_follows_the_tables_other_columns() {
    // `10.000` alone is ambiguous; the other column's `1.234.567,50` says comma.
    let text = "firm\tyear\tsales\texports\nA\t2019\t10.000\t1.234.567,50\nB\t2019\t2.500\t3\n";
    let r = read_table(TableKind::Firms, text, &Settings::default(), None);
    let rows = firm_rows(&r);
    assert_eq!(rows[0].get(Measure::Sales), Some(10000.0));
    assert_eq!(rows[1].get(Measure::Sales), Some(2500.0));
    assert_eq!(rows[0].get(Measure::Exports), Some(1234567.5));
    let d = r.report.decimal("sales").unwrap();
    assert_eq!(
        (d.mark, d.source),
        (DecimalMark::Comma, DecimalSource::Table)
    );
    // Columns that disagree are no evidence: the default stays.
    let text = "firm\tyear\tsales\texports\temployment\nA\t2019\t10.000\t1,5\t2.5\n";
    let r = read_table(TableKind::Firms, text, &Settings::default(), None);
    let d = r.report.decimal("sales").unwrap();
    assert_eq!(
        (d.mark, d.source),
        (DecimalMark::Point, DecimalSource::Default)
    );
    // The project's own setting comes before the other columns.
    let settings = Settings {
        decimal: DecimalSetting::Point,
        ..Settings::default()
    };
    let text = "firm\tyear\tsales\texports\nA\t2019\t10.000\t7,5\n";
    let r = read_table(TableKind::Firms, text, &settings, None);
    assert_eq!(firm_rows(&r)[0].get(Measure::Sales), Some(10.0));
}

#[test]
fn a_semicolon_table_reads_undecided_numbers_with_a_decimal_comma() {
    // A Spanish Excel's CSV: `;` between cells, `.` between thousands.
    let text = "Año;Monto\n2019;150.000\n2020;80.000\n";
    let r = read_table(TableKind::Subsidies, text, &Settings::default(), None);
    let d = r.report.decimal("amount").unwrap();
    assert_eq!(
        (d.mark, d.source),
        (DecimalMark::Comma, DecimalSource::Separator)
    );
    let TableRows::Subsidies(rows) = &r.rows else {
        panic!("subsidies rows");
    };
    let amounts: Vec<Option<f64>> = rows.iter().map(|s| s.amount).collect();
    assert_eq!(amounts, [Some(150000.0), Some(80000.0)]);
    // A value that decides still wins: `1.5` can only be a decimal point.
    let r = read_table(
        TableKind::Subsidies,
        "year;amount\n2019;1.5\n2020;150.000\n",
        &Settings::default(),
        None,
    );
    let d = r.report.decimal("amount").unwrap();
    assert_eq!(
        (d.mark, d.source),
        (DecimalMark::Point, DecimalSource::Detected)
    );
    // And a tab-separated paste keeps the point.
    let r = read_table(
        TableKind::Subsidies,
        "year\tamount\n2019\t150.000\n",
        &Settings::default(),
        None,
    );
    assert_eq!(
        r.report.decimal("amount").unwrap().source,
        DecimalSource::Default
    );
}

#[test]
fn one_decisive_value_decides_the_whole_column() {
    // `1.234` alone is ambiguous; `7,5` says the comma is decimal.
    let (got, _) = sales(&column(&["1.234", "7,5"]), &Settings::default());
    assert_eq!(got, [Some(1234.0), Some(7.5)]);
    // Decided per column: another column can use the other mark.
    let text = "firm\tyear\tsales\texports\nA\t2019\t1.234\t1.5\nB\t2019\t7,5\t2\n";
    let r = read_table(TableKind::Firms, text, &Settings::default(), None);
    let rows = firm_rows(&r);
    assert_eq!(rows[0].get(Measure::Sales), Some(1234.0));
    assert_eq!(rows[0].get(Measure::Exports), Some(1.5));
}

#[test]
fn the_users_override_wins() {
    let mut settings = Settings::default();
    let mut t = TableSettings::default();
    t.decimal.insert("sales".into(), DecimalSetting::Comma);
    settings.tables.insert("firms".into(), t);
    let (got, r) = sales(&column(&["1.234", "1.5"]), &settings);
    assert_eq!(got, [Some(1234.0)]);
    assert_eq!(codes(&r), [(3, "decimal_mismatch", Some("sales".into()))]);
    let d = r.report.decimal("sales").unwrap();
    assert_eq!(
        (d.mark, d.source),
        (DecimalMark::Comma, DecimalSource::Override)
    );
    assert_eq!(error_entry(&r.errors[0]).params["decimal"], ",");
}

#[test]
fn conflicting_values_take_the_majority_and_misfits_are_errors() {
    let (got, r) = sales(&column(&["1,5", "2,5", "3.25"]), &Settings::default());
    assert_eq!(got, [Some(1.5), Some(2.5)]);
    assert_eq!(codes(&r), [(4, "decimal_mismatch", Some("sales".into()))]);
    let votes = r.report.decimal("sales").unwrap().votes;
    assert_eq!((votes.point, votes.comma), (1, 2));
}

#[test]
fn negatives_in_parentheses_and_with_signs_are_errors_in_amounts() {
    let r = read(
        TableKind::Firms,
        &column(&["(1,234)", "-5", "$-5", "\u{2212}5", "-0"]),
    );
    let lines: Vec<_> = codes(&r).into_iter().map(|(l, c, _)| (l, c)).collect();
    assert_eq!(
        lines,
        [
            (2, "negative_amount"),
            (3, "negative_amount"),
            (4, "negative_amount"),
            (5, "negative_amount")
        ]
    );
    assert_eq!(firm_rows(&r)[0].get(Measure::Sales), Some(0.0));
}

#[test]
fn missing_markers_are_not_errors() {
    let values = [
        "", "NA", "N/A", "n/a", "-", "—", "..", "s/d", "nd", "null", "ND", "NULL",
    ];
    let r = read(TableKind::Firms, &column(&values));
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(firm_rows(&r).len(), values.len());
    assert!(firm_rows(&r)
        .iter()
        .all(|f| f.get(Measure::Sales).is_none()));
}

#[test]
fn yes_no_in_three_languages() {
    let yes = [
        "1",
        "yes",
        "Y",
        "sí",
        "si",
        "SIM",
        "true",
        "VERDADERO",
        "verdadeiro",
        "x",
        "X",
    ];
    let no = [
        "0", "no", "n", "NO", "não", "nao", "false", "FALSO", "falso",
    ];
    let mut text = String::from("firm\tyear\tquality\n");
    for (i, v) in yes
        .iter()
        .chain(no.iter())
        .chain(["", "NA", "-"].iter())
        .enumerate()
    {
        text.push_str(&format!("F{i}\t2019\t{v}\n"));
    }
    let r = read(TableKind::Firms, &text);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let flags: Vec<Option<bool>> = firm_rows(&r)
        .iter()
        .map(|f| f.flag(Flag::Quality))
        .collect();
    let mut want = vec![Some(true); yes.len()];
    want.extend(vec![Some(false); no.len()]);
    want.extend([None, None, None]);
    assert_eq!(flags, want);
}

#[test]
fn identifiers_stay_text() {
    let r = read(
        TableKind::Firms,
        "firm\tyear\n007\t2019\n  0042 \t2019\n1.5\t2019\n",
    );
    let ids: Vec<&str> = firm_rows(&r).iter().map(|f| f.firm.as_str()).collect();
    assert_eq!(ids, ["007", "0042", "1.5"]);
}

#[test]
fn raw_text_is_not_altered() {
    let text = "firm\tyear\tsales\nA\t2019\t12,3,4\n";
    let r = read(TableKind::Firms, text);
    assert_eq!(r.errors[0].text, "12,3,4");
    assert_eq!(text, "firm\tyear\tsales\nA\t2019\t12,3,4\n");
}

#[test]
fn preview_shows_what_was_read() {
    let text = "firm\tyear\tsales\tnotes\nA\t2019\t1.234,5\thello\nB\t2019\tabc\t\nC\t2019\n";
    let r = read(TableKind::Firms, text);
    let p = &r.preview;
    assert_eq!(p.headers, ["firm", "year", "sales", "notes"]);
    assert_eq!(p.rows.len(), 3);
    use cluster_eval_engine::read::CellRead;
    assert_eq!(p.rows[0].cells[2].read, CellRead::Number(1234.5));
    assert_eq!(p.rows[0].cells[3].read, CellRead::Ignored);
    assert!(!p.rows[0].cells[2].error);
    assert!(p.rows[1].cells[2].error);
    assert!(!p.rows[1].cells[0].error);
    assert!(p.rows[2].error);
    assert_eq!(p.rows[2].line, 4);
}

#[test]
fn currencies_of_latin_america_and_the_caribbean_are_read() {
    // Issue 14, #6: each of these rows was dropped as "not a number".
    let cells = [
        "C$ 1,000",
        "C$1,000",
        "1,000 C$",
        "NIO 1,000",
        "Q1,000",
        "L 1,000",
        "$U 1,000",
        "RD$1,000",
        "B/. 1,000",
        "₲ 1,000",
        "¢1,000",
        "GTQ 1,000",
        "1,000 HNL",
        "PYG1,000",
        "VES 1,000",
        "US$ 1,000",
        "1,000 €",
    ];
    let (values, r) = sales(&column(&cells), &Settings::default());
    assert!(r.errors.is_empty(), "{:?}", codes(&r));
    assert_eq!(values, vec![Some(1000.0); cells.len()]);
    // Text in a number column is still an error.
    let (_, r) = sales(&column(&["Quintal", "L", "C$"]), &Settings::default());
    assert_eq!(r.errors.len(), 3, "{:?}", codes(&r));
}

#[test]
fn invisible_characters_are_read_as_absent_and_reported_where() {
    // Issue 14, #9: a zero-width space in a number made it "not a number", and one in
    // an id made a second firm.
    let text = "firm\tgroup\tyear\tsales\n\
        F01\tbeneficiary\t2019\t1\u{200b}000\n\
        F0\u{200b}1\tbeneficiary\t2020\t2\u{feff}000\n\
        F02\tbeneficiary\t2019\t\u{ad}5\u{200d}\n\
        F0\u{2060}2\tbeneficiary\t2019\t6\n";
    let r = read_table(TableKind::Firms, text, &Settings::default(), None);
    let rows = firm_rows(&r);
    assert_eq!(rows.len(), 3, "{:?}", codes(&r));
    assert_eq!(
        rows.iter()
            .map(|f| (f.firm.as_str(), f.year, f.get(Measure::Sales)))
            .collect::<Vec<_>>(),
        [
            ("F01", 2019, Some(1000.0)),
            ("F01", 2020, Some(2000.0)),
            ("F02", 2019, Some(5.0)),
        ]
    );
    // The same firm and year twice, once with a word joiner in its id.
    assert_eq!(codes(&r), [(5, "duplicate_row", Some("firm".into()))]);
    assert_eq!(r.report.invisible_count, 6);
    let at: Vec<_> = r
        .report
        .invisible
        .iter()
        .map(|i| (i.line, i.column.as_deref(), i.position, i.code_point))
        .collect();
    assert_eq!(
        at,
        [
            (2, Some("sales"), 2, 0x200b),
            (3, Some("firm"), 3, 0x200b),
            (3, Some("sales"), 2, 0xfeff),
            (4, Some("sales"), 1, 0xad),
            (4, Some("sales"), 3, 0x200d),
            (5, Some("firm"), 3, 0x2060),
        ]
    );
    // The raw text is not altered; a paste without any says nothing.
    assert!(text.contains('\u{200b}'));
    let plain = read_table(
        TableKind::Firms,
        "firm\tyear\tsales\nF\t2019\t1.5\n",
        &Settings::default(),
        None,
    );
    assert!(plain.report.invisible.is_empty() && plain.report.invisible_count == 0);
}

/// Issue 14, item 5: `987`, `1.234`, `850`, `1.050` in a tab-separated paste were read
/// with a decimal point, so `1.234` was 1.234 and the sales growth −99.9 %, with
/// nothing said. Read that way, the ambiguous values are about 1,000 times smaller
/// than the column's plain values: the thousands reading is the likely one.
#[test]
fn a_reading_that_makes_values_jump_by_about_a_thousand_is_the_unlikely_one() {
    let (got, r) = sales(
        &column(&["987", "1.234", "850", "1.050"]),
        &Settings::default(),
    );
    assert_eq!(got, [Some(987.0), Some(1234.0), Some(850.0), Some(1050.0)]);
    let d = r.report.decimal("sales").unwrap();
    assert_eq!(
        (d.mark, d.source),
        (DecimalMark::Comma, DecimalSource::Magnitude)
    );
    assert_eq!(d.ambiguous, 2);
    assert_eq!(d.example.as_deref(), Some("1.234"));
    assert!(d.guessed(), "said where the results are read");
    assert_eq!(d.other(), DecimalMark::Point);
    // The comma the same way: `1,234` among 987 and 850 is a thousand and some.
    let (got, r) = sales(&column(&["987", "1,234", "850"]), &Settings::default());
    assert_eq!(got, [Some(987.0), Some(1234.0), Some(850.0)]);
    let d = r.report.decimal("sales").unwrap();
    assert_eq!(
        (d.mark, d.source),
        (DecimalMark::Point, DecimalSource::Magnitude)
    );
    // And the other way round: `2.500` among 3 and 4 is two and a half.
    let (got, r) = sales(&column(&["3", "2.500", "4"]), &Settings::default());
    assert_eq!(got, [Some(3.0), Some(2.5), Some(4.0)]);
    let d = r.report.decimal("sales").unwrap();
    assert_eq!(
        (d.mark, d.source),
        (DecimalMark::Point, DecimalSource::Magnitude)
    );
    // With `;` between cells, the decimal comma is also the sizes' choice.
    let text = "firm;year;sales\nA;2019;987\nB;2019;1.234\nC;2019;850\n";
    let r = read_table(TableKind::Firms, text, &Settings::default(), None);
    assert_eq!(firm_rows(&r)[1].get(Measure::Sales), Some(1234.0));
}

#[test]
fn sizes_that_do_not_tell_leave_the_default_and_the_column_is_flagged() {
    // Plain values spread over every size: neither reading stands out.
    let (got, r) = sales(
        &column(&["5", "40000", "1.234", "300"]),
        &Settings::default(),
    );
    assert_eq!(got[2], Some(1.234));
    let d = r.report.decimal("sales").unwrap();
    assert_eq!(
        (d.mark, d.source),
        (DecimalMark::Point, DecimalSource::Default)
    );
    assert_eq!(d.ambiguous, 1);
    assert!(d.guessed());
    // A single plain neighbour is too little to go on.
    let (_, r) = sales(&column(&["987", "1.234"]), &Settings::default());
    assert_eq!(
        r.report.decimal("sales").unwrap().source,
        DecimalSource::Default
    );
    // Values that decide the mark are not flagged, nor is a column with no ambiguity.
    let (_, r) = sales(&column(&["1.234", "7,5"]), &Settings::default());
    let d = r.report.decimal("sales").unwrap();
    assert_eq!((d.ambiguous, d.guessed()), (0, false));
    let (_, r) = sales(&column(&["987", "850"]), &Settings::default());
    assert!(!r.report.decimal("sales").unwrap().guessed());
    // The project's setting comes before the sizes, and is not a guess.
    let settings = Settings {
        decimal: DecimalSetting::Point,
        ..Settings::default()
    };
    let (got, r) = sales(&column(&["987", "1.234", "850"]), &settings);
    assert_eq!(got[1], Some(1.234));
    let d = r.report.decimal("sales").unwrap();
    assert_eq!(d.source, DecimalSource::Setting);
    assert!(!d.guessed());
    // The user's override is not a guess either.
    let mut settings = Settings::default();
    let mut t = TableSettings::default();
    t.decimal.insert("sales".into(), DecimalSetting::Point);
    settings.tables.insert("firms".into(), t);
    let (got, r) = sales(&column(&["987", "1.234", "850"]), &settings);
    assert_eq!(got[1], Some(1.234));
    assert!(!r.report.decimal("sales").unwrap().guessed());
}

/// Issue 24, #6: a NUL byte in a pasted id split the firm, while U+200B was merged
/// and reported. C0 controls (but tab and line ends) are invisible characters too.
#[test]
fn a_nul_or_other_control_character_is_an_invisible_character() {
    let text = "firm\tgroup\tyear\tsales\n\
        F01\tbeneficiary\t2019\t1000\n\
        F0\u{0}1\tbeneficiary\t2020\t2\u{1b}000\n";
    let r = read_table(TableKind::Firms, text, &Settings::default(), None);
    let rows = firm_rows(&r);
    assert_eq!(
        rows.iter()
            .map(|f| (f.firm.as_str(), f.year, f.get(Measure::Sales)))
            .collect::<Vec<_>>(),
        [("F01", 2019, Some(1000.0)), ("F01", 2020, Some(2000.0))],
        "{:?}",
        codes(&r)
    );
    assert_eq!(r.report.invisible_count, 2);
    let at: Vec<_> = r
        .report
        .invisible
        .iter()
        .map(|i| (i.line, i.column.as_deref(), i.position, i.code_point))
        .collect();
    assert_eq!(at, [(3, Some("firm"), 3, 0), (3, Some("sales"), 2, 0x1b)]);
}

/// Issue 24, #5: a workbook's formula without a cached value is written as
/// `#NOVALUE!` and its cell; the reader makes it a row error in any column, never a
/// blank (an optional column) nor an id (a text column).
#[test]
fn a_formula_without_a_value_is_a_row_error_in_any_column() {
    let text = "firm\tgroup\tyear\tsales\temployees\n\
        F01\tbeneficiary\t2019\t1000\t#NOVALUE! Empresas!E2\n\
        #NOVALUE! Empresas!A3\tbeneficiary\t2019\t5\t3\n";
    let r = read_table(TableKind::Firms, text, &Settings::default(), None);
    assert!(firm_rows(&r).is_empty());
    assert_eq!(
        codes(&r),
        [
            (2, "formula_without_value", Some("employment".into())),
            (3, "formula_without_value", Some("firm".into())),
        ]
    );
    assert_eq!(r.errors[0].text, "#NOVALUE! Empresas!E2");
}
