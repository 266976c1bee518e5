//! Every error kind: its code, parameters, line, column and rejected text; the row
//! is excluded and the rest is read. In English, Spanish and Portuguese tables.

mod read_support;

use cluster_eval_engine::error_entry;
use cluster_eval_engine::model::{Group, TableKind};
use cluster_eval_engine::read::RowErrorKind;
use read_support::*;

#[test]
fn each_cell_error_with_its_line_in_three_languages() {
    let tables = [
        "firm\tgroup\tyear\tsales\tquality\n\
         A\tbeneficiary\t2019\t10\tyes\n\
         B\tbeneficiary\t2019\tten\tyes\n\
         C\tbeneficiary\t2019\t-5\tyes\n\
         D\tvip\t2019\t5\tyes\n\
         E\tbeneficiary\t2019.5\t5\tyes\n\
         \tbeneficiary\t2019\t5\tyes\n\
         G\tbeneficiary\t\t5\tyes\n\
         H\tbeneficiary\t2019\t5\tmaybe\n",
        "empresa;grupo;año;ventas;calidad\n\
         A;beneficiaria;2019;10;sí\n\
         B;beneficiaria;2019;diez;sí\n\
         C;beneficiaria;2019;(5);sí\n\
         D;otro;2019;5;sí\n\
         E;beneficiaria;dos mil;5;sí\n\
         ;beneficiaria;2019;5;sí\n\
         G;beneficiaria;NA;5;sí\n\
         H;beneficiaria;2019;5;quizás\n",
        "empresa;grupo;ano;vendas;qualidade\n\
         A;beneficiária;2019;10;sim\n\
         B;beneficiária;2019;dez;sim\n\
         C;beneficiária;2019;-5;sim\n\
         D;outro;2019;5;sim\n\
         E;beneficiária;19,5;5;sim\n\
         -;beneficiária;2019;5;sim\n\
         G;beneficiária;-;5;sim\n\
         H;beneficiária;2019;5;talvez\n",
    ];
    for text in tables {
        let r = read(TableKind::Firms, text);
        let c = |s: &str| Some(s.to_string());
        assert_eq!(
            codes(&r),
            [
                (3, "not_a_number", c("sales")),
                (4, "negative_amount", c("sales")),
                (5, "unknown_group", c("group")),
                (6, "year_not_integer", c("year")),
                (7, "missing_value", c("firm")),
                (8, "missing_value", c("year")),
                (9, "invalid_yes_no", c("quality")),
            ],
            "{text}"
        );
        assert_eq!(firm_rows(&r).len(), 1);
        assert_eq!(r.report.rows_read, 1);
        assert_eq!(r.report.rows_excluded, 7);
    }
}

#[test]
fn errors_carry_the_rejected_text_and_translate() {
    let r = read(TableKind::Firms, "firm\tyear\tsales\nA\t2019\t 12a \n");
    let e = &r.errors[0];
    assert_eq!(e.kind, RowErrorKind::NotANumber);
    assert_eq!(e.text, " 12a ");
    assert_eq!(e.header.as_deref(), Some("sales"));
    let entry = error_entry(e);
    assert_eq!(entry.table, "firms");
    assert_eq!(entry.line, 2);
    assert_eq!(entry.column.as_deref(), Some("sales"));
    assert_eq!(entry.code, "not_a_number");
    assert!(entry.reason.contains("not a number"));
    assert!(entry.params.is_empty());
    // A synonym header travels in the params, so the page can show what was pasted.
    let r = read(TableKind::Firms, "empresa;año;ventas\nA;2019;x\n");
    assert_eq!(error_entry(&r.errors[0]).params["header"], "ventas");
}

#[test]
fn the_later_duplicate_is_the_error() {
    let text = "empresa;grupo;año;ventas\nA;control;2019;1\nB;control;2019;2\nA;control;2020;3\nA;control;2019;4\n";
    let r = read(TableKind::Firms, text);
    assert_eq!(codes(&r), [(5, "duplicate_row", Some("firm".into()))]);
    assert_eq!(r.errors[0].kind, RowErrorKind::Duplicate { first_line: 2 });
    let e = error_entry(&r.errors[0]);
    assert_eq!(e.params["first_line"], 2);
    assert_eq!(e.text, "A");
    let lines: Vec<usize> = firm_rows(&r).iter().map(|f| f.line).collect();
    assert_eq!(lines, [2, 3, 4]);
}

#[test]
fn a_duplicate_of_an_excluded_row_is_still_a_duplicate() {
    let r = read(
        TableKind::Firms,
        "firm\tyear\tsales\nA\t2019\tbad\nA\t2019\t5\n",
    );
    assert_eq!(
        codes(&r),
        [
            (2, "not_a_number", Some("sales".into())),
            (3, "duplicate_row", Some("firm".into()))
        ]
    );
}

#[test]
fn rows_whose_group_differs_from_the_first_are_errors() {
    let text = "empresa\tgrupo\tano\nA\tbeneficiária\t2019\nA\tcontrole\t2020\nA\tparticipante\t2021\nA\tsetor\t2022\n";
    let r = read(TableKind::Firms, text);
    assert_eq!(
        codes(&r),
        [
            (3, "group_changed", Some("group".into())),
            (5, "group_changed", Some("group".into()))
        ]
    );
    assert_eq!(
        r.errors[0].kind,
        RowErrorKind::GroupChanged {
            first_line: 2,
            first_group: Group::Beneficiary,
            group: Group::Control
        }
    );
    assert_eq!(r.errors[0].text, "controle");
    let e = error_entry(&r.errors[1]);
    assert_eq!(e.code, "group_changed");
    assert_eq!(e.params["first_line"], 2);
    assert_eq!(e.params["first_group"], "beneficiary");
    assert_eq!(e.params["group"], "sector");
    let years: Vec<i32> = firm_rows(&r).iter().map(|f| f.year).collect();
    assert_eq!(years, [2019, 2021]);
}

#[test]
fn a_row_with_several_bad_cells_lists_each() {
    let r = read(
        TableKind::Firms,
        "firm\tyear\tsales\texports\nA\t2019\tx\ty\n",
    );
    assert_eq!(codes(&r).len(), 2);
    assert_eq!(r.report.rows_excluded, 1);
}

#[test]
fn every_code_is_stable_snake_case() {
    let kinds = [
        RowErrorKind::NotANumber,
        RowErrorKind::Negative,
        RowErrorKind::UnknownGroup,
        RowErrorKind::YearNotInteger,
        RowErrorKind::MissingValue,
        RowErrorKind::InvalidYesNo,
        RowErrorKind::Duplicate { first_line: 2 },
        RowErrorKind::TooFewCells {
            expected: 3,
            found: 2,
        },
        RowErrorKind::TooManyCells {
            expected: 3,
            found: 4,
        },
        RowErrorKind::MissingColumn,
        RowErrorKind::DuplicateColumn {
            first_header: "a".into(),
            second_header: "b".into(),
        },
    ];
    for k in kinds {
        let code = k.code();
        assert!(
            code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
            "{code}"
        );
        assert!(!k.english(Some("sales")).is_empty());
    }
}

#[test]
fn errors_in_the_other_tables() {
    let r = read(
        TableKind::Subsidies,
        "año;monto\n2019;-1\n2020;mil\n2021;1.000,5\n",
    );
    let c = |s: &str| Some(s.to_string());
    assert_eq!(
        codes(&r),
        [
            (2, "negative_amount", c("amount")),
            (3, "not_a_number", c("amount"))
        ]
    );
    let r = read(
        TableKind::Actors,
        "actor\ttype\tyear\n\tuniversity\t2019\nU\tx\t20x9\n",
    );
    assert_eq!(
        codes(&r),
        [
            (2, "missing_value", c("actor")),
            (3, "year_not_integer", c("year"))
        ]
    );
    let r = read(
        TableKind::Activities,
        "activity\tyear\tfirms\nFair\t2019\t-2\n",
    );
    assert_eq!(codes(&r), [(2, "negative_amount", c("firms"))]);
    let r = read(
        TableKind::Territory,
        "year\tlocal_gdp\tnational_gdp\n2019\tabc\t1\n",
    );
    assert_eq!(codes(&r), [(2, "not_a_number", c("local_gdp"))]);
}

#[test]
fn amounts_too_large_to_add_up_are_row_errors() {
    // Issue 14, #7: two sales of 1e308 and 1.5e308 summed to infinity, and the panel
    // was reported as "summing to 0".
    let r = read(
        TableKind::Firms,
        "firm\tgroup\tyear\tsales\n\
         A\tbeneficiary\t2019\t1e308\n\
         B\tbeneficiary\t2019\t1.5e308\n\
         C\tbeneficiary\t2019\t1e999\n\
         D\tbeneficiary\t2019\t1000000000000000\n\
         E\tbeneficiary\t2019\t1000000000000001\n",
    );
    let c = |s: &str| Some(s.to_string());
    assert_eq!(
        codes(&r),
        [
            (2, "too_large", c("sales")),
            (3, "too_large", c("sales")),
            (4, "too_large", c("sales")),
            (6, "too_large", c("sales")),
        ]
    );
    assert_eq!(firm_rows(&r).len(), 1, "1e15 itself is a figure");
    assert!(error_entry(&r.errors[0]).reason.contains("too large"));

    let mut doc = cluster_eval_engine::Document::new("overflow");
    doc.tables.firms = "firm\tgroup\tyear\tsales\n\
        A\tbeneficiary\t2019\t1e308\nB\tbeneficiary\t2019\t1.5e308\n\
        A\tbeneficiary\t2020\t1e308\nB\tbeneficiary\t2020\t1.5e308\n"
        .into();
    let results = cluster_eval_engine::compute(&doc);
    let json = serde_json::to_string(&results).expect("serialises");
    assert!(!json.contains("zero_baseline"), "{json}");
    assert_eq!(
        results
            .errors
            .iter()
            .filter(|e| e.code == "too_large")
            .count(),
        4
    );
}
