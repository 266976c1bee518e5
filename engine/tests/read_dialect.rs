//! Dialects of a paste: separators (detected or forced), quotes, BOM, line endings,
//! blank lines, ragged rows; in English, Spanish and Portuguese tables.

mod read_support;

use cluster_eval_engine::error_entry;
use cluster_eval_engine::model::{Measure, TableKind};
use cluster_eval_engine::read::{read_table, Separator, SeparatorSource};
use cluster_eval_engine::{DelimiterSetting, Settings, TableSettings};
use read_support::*;

#[test]
fn tab_separated_english() {
    let r = read(
        TableKind::Firms,
        "firm\tgroup\tyear\tsales\nA\tbeneficiary\t2019\t1,234.5\n",
    );
    assert_eq!(r.report.separator, Some(Separator::Tab));
    assert_eq!(r.report.separator_source, Some(SeparatorSource::Detected));
    assert_eq!(firm_rows(&r)[0].get(Measure::Sales), Some(1234.5));
}

#[test]
fn semicolon_separated_spanish() {
    let r = read(
        TableKind::Firms,
        "Empresa;Grupo;Año;Ventas\nA;beneficiaria;2019;1.234,5\nB;control;2019;2,5\n",
    );
    assert_eq!(r.report.separator, Some(Separator::Semicolon));
    let rows = firm_rows(&r);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].get(Measure::Sales), Some(1234.5));
    assert_eq!(rows[1].get(Measure::Sales), Some(2.5));
}

#[test]
fn comma_separated_portuguese_with_quotes() {
    let text =
        "empresa,grupo,ano,vendas\nA,beneficiária,2019,\"1.234,5\"\nB,controle,2019,\"10,25\"\n";
    let r = read(TableKind::Firms, text);
    assert_eq!(r.report.separator, Some(Separator::Comma));
    let rows = firm_rows(&r);
    assert_eq!(rows[0].get(Measure::Sales), Some(1234.5));
    assert_eq!(rows[1].get(Measure::Sales), Some(10.25));
}

#[test]
fn tab_wins_when_in_header() {
    // Cells full of `;` and `,` do not fool the detection.
    let text = "firm\tyear\tsales\nA;B,C\t2019\t1,5\nD;E,F\t2019\t2,5\n";
    let r = read(TableKind::Firms, text);
    assert_eq!(r.report.separator, Some(Separator::Tab));
    assert_eq!(firm_rows(&r)[0].firm, "A;B,C");
}

#[test]
fn forced_separator_global_and_per_table() {
    let text = "firm;year\nA,1;2019\n";
    let settings = Settings {
        delimiter: DelimiterSetting::Semicolon,
        ..Settings::default()
    };
    let r = read_table(TableKind::Firms, text, &settings, None);
    assert_eq!(r.report.separator, Some(Separator::Semicolon));
    assert_eq!(r.report.separator_source, Some(SeparatorSource::Forced));
    assert_eq!(firm_rows(&r)[0].firm, "A,1");

    let mut settings = Settings::default();
    settings.tables.insert(
        "firms".into(),
        TableSettings {
            delimiter: Some(DelimiterSetting::Comma),
            ..TableSettings::default()
        },
    );
    let r = read_table(TableKind::Firms, "firm,year\nA;1,2019\n", &settings, None);
    assert_eq!(r.report.separator, Some(Separator::Comma));
    assert_eq!(r.report.separator_source, Some(SeparatorSource::Forced));
    assert_eq!(firm_rows(&r)[0].firm, "A;1");
}

#[test]
fn quoted_separators_and_line_breaks_shift_line_numbers() {
    // The firm name spans lines 2–3, so the next row starts on line 4.
    let text = "firm,year,sales\n\"Acme, \"\"the\"\"\nfirst\",2019,10\nB,2019,abc\n";
    let r = read(TableKind::Firms, text);
    assert_eq!(firm_rows(&r)[0].firm, "Acme, \"the\"\nfirst");
    assert_eq!(firm_rows(&r)[0].line, 2);
    assert_eq!(codes(&r), [(4, "not_a_number", Some("sales".into()))]);
}

#[test]
fn bom_crlf_and_blank_lines() {
    let text = "\u{feff}firm\tyear\r\nA\t2019\r\n\r\n\t\r\nB\t2019\r\n\r\n\r\n";
    let r = read(TableKind::Firms, text);
    assert!(r.report.had_bom);
    let rows = firm_rows(&r);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].firm, "A");
    assert_eq!((rows[0].line, rows[1].line), (2, 5));
    assert!(r.errors.is_empty());
    assert_eq!(r.report.data_rows, 2);
}

#[test]
fn lf_and_lone_cr_endings() {
    let r = read(TableKind::Firms, "firm\tyear\nA\t2019\nB\t2020");
    assert_eq!(firm_rows(&r).len(), 2);
    let r = read(TableKind::Firms, "firm\tyear\rA\t2019\rB\tx");
    assert_eq!(codes(&r), [(3, "year_not_integer", Some("year".into()))]);
}

#[test]
fn leading_blank_lines_move_the_header() {
    let r = read(TableKind::Firms, "\n\nfirm\tyear\nA\tbad\n");
    assert_eq!(r.report.header_line, 3);
    assert_eq!(codes(&r), [(4, "year_not_integer", Some("year".into()))]);
}

#[test]
fn ragged_rows_are_row_errors() {
    let text = "firm\tyear\tsales\nA\t2019\nB\t2019\t5\t7\nC\t2019\t5\t\t\nD\t2019\t6\n";
    let r = read(TableKind::Firms, text);
    assert_eq!(
        codes(&r),
        [(2, "too_few_cells", None), (3, "too_many_cells", None)]
    );
    // The raw row is the rejected text; empty extra cells are harmless.
    assert_eq!(r.errors[0].text, "A\t2019");
    assert_eq!(r.errors[1].text, "B\t2019\t5\t7");
    let e = error_entry(&r.errors[0]);
    assert_eq!(e.params["expected"], 3);
    assert_eq!(e.params["found"], 2);
    assert_eq!(firm_rows(&r).len(), 2);
    assert_eq!(r.report.rows_excluded, 2);
    assert_eq!(r.report.rows_read, 2);
}

#[test]
fn trailing_empty_headers_ask_for_no_cells() {
    let r = read(
        TableKind::Firms,
        "firm,year,,\nA,2019\nB,2019,,\nC,2019,,,x\n",
    );
    assert_eq!(codes(&r), [(4, "too_many_cells", None)]);
    assert_eq!(firm_rows(&r).len(), 2);
}

#[test]
fn empty_and_header_only() {
    for kind in TableKind::ALL {
        let r = read(kind, "");
        assert!(r.errors.is_empty());
        assert_eq!(r.report.separator, None);
        let r = read(kind, "  \n\n");
        assert!(r.errors.is_empty());
    }
    let r = read(TableKind::Firms, "firm\tyear\n");
    assert!(r.errors.is_empty());
    assert_eq!(firm_rows(&r).len(), 0);
}
