//! Wide tables (`sales_2019`, `ventas 2023`, `2019 sales`…) reshaped to long rows.

mod read_support;

use cluster_eval_engine::error_entry;
use cluster_eval_engine::model::{Measure, TableKind};
use cluster_eval_engine::read::TableRows;
use cluster_eval_engine::read::{HeaderOutcome, IgnoredBecause};
use read_support::*;

fn years_and_sales(
    r: &cluster_eval_engine::read::TableRead,
) -> Vec<(String, i32, Option<f64>, usize)> {
    firm_rows(r)
        .iter()
        .map(|f| (f.firm.clone(), f.year, f.get(Measure::Sales), f.line))
        .collect()
}

#[test]
fn english_spanish_portuguese_wide_headers() {
    for text in [
        "firm\tgroup\tsales_2019\tsales_2020\temployment_2019\temployment_2020\nA\tcontrol\t10\t12\t3\t4\nB\tcontrol\t5\t6\t1\t1\n",
        "Empresa;Grupo;Ventas 2019;Ventas 2020;Empleo 2019;Empleo 2020\nA;control;10;12;3;4\nB;control;5;6;1;1\n",
        "empresa;grupo;2019 vendas;2020 vendas;2019 empregados;2020 empregados\nA;controle;10;12;3;4\nB;controle;5;6;1;1\n",
        "firm\tgroup\tSales (2019)\tSales (2020)\tJobs (2019)\tJobs (2020)\nA\tcontrol\t10\t12\t3\t4\nB\tcontrol\t5\t6\t1\t1\n",
    ] {
        let r = read(TableKind::Firms, text);
        assert!(r.errors.is_empty(), "{text}: {:?}", r.errors);
        assert!(r.report.reshaped);
        assert_eq!(r.report.wide_years, [2019, 2020]);
        assert_eq!(
            years_and_sales(&r),
            [
                ("A".into(), 2019, Some(10.0), 2),
                ("A".into(), 2020, Some(12.0), 2),
                ("B".into(), 2019, Some(5.0), 3),
                ("B".into(), 2020, Some(6.0), 3),
            ],
            "{text}"
        );
        assert_eq!(firm_rows(&r)[1].get(Measure::Employment), Some(4.0));
        assert_eq!(r.report.rows_read, 4);
    }
}

#[test]
fn a_year_with_no_values_makes_no_row_and_errors_keep_the_source_line() {
    let text = "firm\tsales_2019\tsales_2020\tsales_2021\nA\t\t5\t6\nB\t1\tx\t3\n";
    let r = read(TableKind::Firms, text);
    assert_eq!(codes(&r), [(3, "not_a_number", Some("sales".into()))]);
    assert_eq!(r.errors[0].header.as_deref(), Some("sales_2020"));
    assert_eq!(error_entry(&r.errors[0]).params["header"], "sales_2020");
    let got: Vec<(String, i32)> = firm_rows(&r)
        .iter()
        .map(|f| (f.firm.clone(), f.year))
        .collect();
    assert_eq!(
        got,
        [
            ("A".into(), 2020),
            ("A".into(), 2021),
            ("B".into(), 2019),
            ("B".into(), 2021)
        ]
    );
    assert_eq!(r.report.rows_excluded, 1);
}

#[test]
fn a_shared_error_excludes_every_year_of_its_row() {
    let r = read(
        TableKind::Firms,
        "firm\tgroup\tsales 2019\tsales 2020\nA\tvip\t1\t2\nB\tcontrol\t1\t2\n",
    );
    assert_eq!(codes(&r), [(2, "unknown_group", Some("group".into()))]);
    assert_eq!(r.report.rows_excluded, 2);
    assert_eq!(firm_rows(&r).len(), 2);
}

#[test]
fn the_same_firm_on_two_wide_rows_is_a_duplicate() {
    let r = read(TableKind::Firms, "firm\tsales_2019\nA\t1\nA\t2\n");
    assert_eq!(codes(&r), [(3, "duplicate_row", Some("firm".into()))]);
    assert_eq!(error_entry(&r.errors[0]).params["first_line"], 2);
}

#[test]
fn user_mapping_uses_the_header_without_its_year() {
    let r = read_mapped(
        TableKind::Firms,
        "Código\tFacturado 2019\tFacturado 2020\nA\t1\t2\n",
        &[("Código", Some("firm")), ("Facturado", Some("sales"))],
    );
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(firm_rows(&r).len(), 2);
    assert_eq!(firm_rows(&r)[1].get(Measure::Sales), Some(2.0));
}

#[test]
fn each_year_suffixed_header_reports_the_header_without_its_year() {
    // What the page keys a person's mapping by, so one choice serves every year.
    let r = read(
        TableKind::Firms,
        "Código\tFacturado 2019\tFacturado (2020)\t2021_facturado\tventas\nA\t1\t2\t3\t4\n",
    );
    let bases: Vec<Option<&str>> = r.report.headers.iter().map(|h| h.base.as_deref()).collect();
    assert_eq!(
        bases,
        [
            None,
            Some("Facturado"),
            Some("Facturado"),
            Some("facturado"),
            None
        ]
    );
    // Mapped under that key, every year is read.
    let r = read_mapped(
        TableKind::Firms,
        "Código\tFacturado 2019\tFacturado (2020)\nA\t1\t2\n",
        &[("Código", Some("firm")), ("Facturado", Some("sales"))],
    );
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(firm_rows(&r).len(), 2);
}

#[test]
fn columns_without_a_year_in_a_wide_table_are_ignored() {
    let r = read(TableKind::Firms, "firm\temployment\tsales_2019\nA\t5\t1\n");
    assert_eq!(
        r.report.header("employment"),
        Some(&HeaderOutcome::Ignored {
            because: IgnoredBecause::NoYearInWideTable
        })
    );
    assert_eq!(firm_rows(&r)[0].get(Measure::Employment), None);
}

#[test]
fn with_a_year_column_year_suffixed_headers_are_not_wide() {
    let r = read(TableKind::Firms, "firm\tyear\tsales_2019\nA\t2019\t1\n");
    assert!(!r.report.reshaped);
    assert_eq!(
        r.report.header("sales_2019"),
        Some(&HeaderOutcome::Ignored {
            because: IgnoredBecause::YearColumnPresent
        })
    );
}

#[test]
fn wide_territory_and_subsidies() {
    let r = read(
        TableKind::Territory,
        "local_gdp_2019\tlocal_gdp_2020\tnational_gdp_2019\tnational_gdp_2020\n1\t2\t10\t20\n",
    );
    let TableRows::Territory(rows) = &r.rows else {
        panic!()
    };
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (rows[1].year, rows[1].local_gdp, rows[1].national_gdp),
        (2020, Some(2.0), Some(20.0))
    );
    let r = read(
        TableKind::Subsidies,
        "componente;monto 2019;monto 2020\nA;1,5;2,5\n",
    );
    let TableRows::Subsidies(rows) = &r.rows else {
        panic!()
    };
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].amount, Some(1.5));
}
