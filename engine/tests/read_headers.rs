//! Headers: canonical names and synonyms in three languages, the user's mapping,
//! ignored and doubly claimed columns, missing required columns, the five tables.

mod read_support;

use cluster_eval_engine::error_entry;
use cluster_eval_engine::model::{Flag, Group, Measure, TableKind};
use cluster_eval_engine::read::TableRows;
use cluster_eval_engine::read::{HeaderOutcome, IgnoredBecause, MatchedBy};
use read_support::*;

fn column_of(
    r: &cluster_eval_engine::read::TableRead,
    header: &str,
) -> Option<(String, MatchedBy)> {
    match r.report.header(header)? {
        HeaderOutcome::Column { column, by, .. } => Some((column.clone(), *by)),
        HeaderOutcome::Ignored { .. } => None,
    }
}

#[test]
fn english_synonyms() {
    let text = "Company\tGroup\tPeriod\tRevenue\tEmployees\tExports\tOutput\tInvestment\tQuality\tImproved\tWomen workers\tWage women\tWage men\n\
                A\tbeneficiary\t2019\t10\t3\t1\t2\t0\tyes\tno\t1\t300\t350\n";
    let r = read(TableKind::Firms, text);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let row = &firm_rows(&r)[0];
    assert_eq!(row.get(Measure::Sales), Some(10.0));
    assert_eq!(row.get(Measure::Employment), Some(3.0));
    assert_eq!(row.get(Measure::Exports), Some(1.0));
    assert_eq!(row.get(Measure::Production), Some(2.0));
    assert_eq!(row.get(Measure::Investment), Some(0.0));
    assert_eq!(row.flag(Flag::Quality), Some(true));
    assert_eq!(row.flag(Flag::Improved), Some(false));
    assert_eq!(row.get(Measure::WorkersWomen), Some(1.0));
    assert_eq!(row.get(Measure::WageMen), Some(350.0));
    assert_eq!(
        column_of(&r, "Revenue"),
        Some(("sales".into(), MatchedBy::Synonym))
    );
    assert_eq!(
        column_of(&r, "Group"),
        Some(("group".into(), MatchedBy::Name))
    );
}

#[test]
fn spanish_synonyms_with_case_accents_and_separators() {
    let text = "ID_EMPRESA;Tipo;AÑO;Ventas;Empleados;Exportaciones;Producción;Inversión;Productividad;Calidad;Gestión;Ecoeficiencia;Mercadeo;Mejoró;Informal\n\
                007;Beneficiaria;2019;1.234,5;12;0;3;4;5,5;sí;no;x;1;0;no\n";
    let r = read(TableKind::Firms, text);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let row = &firm_rows(&r)[0];
    assert_eq!(row.firm, "007");
    assert_eq!(row.group, Group::Beneficiary);
    assert_eq!(row.get(Measure::Sales), Some(1234.5));
    assert_eq!(row.get(Measure::Productivity), Some(5.5));
    assert_eq!(row.flag(Flag::Quality), Some(true));
    assert_eq!(row.flag(Flag::Management), Some(false));
    assert_eq!(row.flag(Flag::EcoEfficiency), Some(true));
    assert_eq!(row.flag(Flag::Marketing), Some(true));
    assert_eq!(row.flag(Flag::Improved), Some(false));
    assert_eq!(row.flag(Flag::Informal), Some(false));
    for h in ["id empresa", "Id-Empresa", "empresa_id", "EMPRESA"] {
        let r = read(TableKind::Firms, &format!("{h};año\nA;2019\n"));
        assert_eq!(firm_rows(&r).len(), 1, "{h}");
    }
}

#[test]
fn portuguese_synonyms() {
    let text = "Empresa;Grupo;Ano;Faturamento;Empregados;Exportações;Produção;Investimento;Produtividade;Qualidade;Gestão;Ecoeficiência;Melhorou\n\
                A;controle;2020;1.000,5;7;1;2;3;4;sim;não;nao;verdadeiro\n";
    let r = read(TableKind::Firms, text);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let row = &firm_rows(&r)[0];
    assert_eq!(row.group, Group::Control);
    assert_eq!(row.year, 2020);
    assert_eq!(row.get(Measure::Sales), Some(1000.5));
    assert_eq!(row.get(Measure::Exports), Some(1.0));
    assert_eq!(row.flag(Flag::Quality), Some(true));
    assert_eq!(row.flag(Flag::EcoEfficiency), Some(false));
    assert_eq!(row.flag(Flag::Improved), Some(true));
}

#[test]
fn user_mapping_wins_and_ignores() {
    let text = "firm\tyear\tVentas\tTrabajadoras mujeres\tNotas\tsales2\n\
                A\t2019\t10\t4\tok\t99\n";
    let r = read_mapped(
        TableKind::Firms,
        text,
        &[
            ("Ventas", Some("exports")),
            ("trabajadoras  mujeres", Some("workers_women")),
            ("Notas", None),
            ("sales2", Some("no_such_column")),
        ],
    );
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let row = &firm_rows(&r)[0];
    assert_eq!(row.get(Measure::Exports), Some(10.0));
    assert_eq!(row.get(Measure::Sales), None);
    assert_eq!(row.get(Measure::WorkersWomen), Some(4.0));
    assert_eq!(
        column_of(&r, "Ventas"),
        Some(("exports".into(), MatchedBy::User))
    );
    assert_eq!(
        r.report.header("Notas"),
        Some(&HeaderOutcome::Ignored {
            because: IgnoredBecause::ByUser
        })
    );
    assert_eq!(
        r.report.header("sales2"),
        Some(&HeaderOutcome::Ignored {
            because: IgnoredBecause::InvalidMapping {
                target: "no_such_column".into()
            }
        })
    );
}

#[test]
fn unknown_columns_are_reported_ignored() {
    let r = read(
        TableKind::Firms,
        "firm\tyear\tcomentario\tobservações\nA\t2019\tx\ty\n",
    );
    let ignored: Vec<&str> = r.report.ignored().map(|h| h.header.as_str()).collect();
    assert_eq!(ignored, ["comentario", "observações"]);
    assert!(r.errors.is_empty());
    assert_eq!(firm_rows(&r).len(), 1);
}

#[test]
fn a_column_claimed_twice_is_a_table_error_naming_both() {
    let r = read(
        TableKind::Firms,
        "firm\tyear\tVentas\tRevenue\nA\t2019\t1\t2\n",
    );
    assert_eq!(codes(&r), [(1, "duplicate_column", Some("sales".into()))]);
    let e = error_entry(&r.errors[0]);
    assert_eq!(e.params["first_header"], "Ventas");
    assert_eq!(e.params["second_header"], "Revenue");
    assert!(e.reason.contains("Ventas") && e.reason.contains("Revenue"));
    // Neither is read; the rest of the table is.
    assert_eq!(firm_rows(&r)[0].get(Measure::Sales), None);
    assert!(!firms(&r).has(Measure::Sales));
    // Spanish and Portuguese claims too.
    let r = read(
        TableKind::Firms,
        "empresa;año;ventas;ingresos\nA;2019;1;2\n",
    );
    assert_eq!(codes(&r), [(1, "duplicate_column", Some("sales".into()))]);
    let r = read(TableKind::Firms, "empresa;ano;vendas;receita\nA;2019;1;2\n");
    assert_eq!(codes(&r), [(1, "duplicate_column", Some("sales".into()))]);
}

#[test]
fn missing_required_columns_make_the_table_unreadable() {
    let r = read(TableKind::Firms, "empresa\tventas\nA\t1\nB\t2\n");
    assert_eq!(codes(&r), [(1, "missing_column", Some("year".into()))]);
    assert!(r.report.unreadable);
    assert_eq!(r.report.rows_excluded, 2);
    assert!(firm_rows(&r).is_empty());
    let r = read(TableKind::Firms, "ano\tvendas\n2019\t1\n");
    assert_eq!(codes(&r), [(1, "missing_column", Some("firm".into()))]);
    let r = read(TableKind::Subsidies, "año\tcomponente\n2019\tA\n");
    assert_eq!(codes(&r), [(1, "missing_column", Some("amount".into()))]);
}

#[test]
fn missing_group_column_means_every_firm_is_beneficiary() {
    let r = read(
        TableKind::Firms,
        "firm\tyear\tsales\nA\t2019\t1\nB\t2019\t2\n",
    );
    assert!(r.report.group_column_missing);
    assert!(!firms(&r).group_column_present);
    assert!(firm_rows(&r).iter().all(|f| f.group == Group::Beneficiary));
    let r = read(TableKind::Firms, "firm\tgroup\tyear\nA\tcontrol\t2019\n");
    assert!(!r.report.group_column_missing);
    assert!(firms(&r).group_column_present);
}

#[test]
fn columns_present_follow_the_header() {
    let r = read(
        TableKind::Firms,
        "firm\tyear\tsales\tquality\nA\t2019\t\t\n",
    );
    assert!(firms(&r).has(Measure::Sales));
    assert!(!firms(&r).has(Measure::Exports));
    assert!(firms(&r).has_flag(Flag::Quality));
}

#[test]
fn the_other_four_tables_in_three_languages() {
    for text in [
        "year\tlocal_gdp\tnational_gdp\n2019\t100\t1000\n",
        "año;PIB local;PIB nacional\n2019;100;1000\n",
        "ano;pib regional;pib nacional\n2019;100;1000\n",
    ] {
        let r = read(TableKind::Territory, text);
        let TableRows::Territory(rows) = &r.rows else {
            panic!()
        };
        assert_eq!(
            (rows[0].year, rows[0].local_gdp, rows[0].national_gdp),
            (2019, Some(100.0), Some(1000.0)),
            "{text}"
        );
    }
    for text in [
        "activity\tyear\tfirms\nFair\t2019\t5\n",
        "Actividad;Año;Número de empresas\nFair;2019;5\n",
        "atividade;ano;empresas\nFair;2019;5\n",
    ] {
        let r = read(TableKind::Activities, text);
        let TableRows::Activities(rows) = &r.rows else {
            panic!()
        };
        assert_eq!(
            (rows[0].activity.as_str(), rows[0].year, rows[0].firms),
            ("Fair", 2019, Some(5.0)),
            "{text}"
        );
    }
    for text in [
        "actor\ttype\tyear\tUniv\tuniversity\t2019\n".replace("\tUniv", "\nUniv"),
        "Institución;Tipo;Año\nUniv;universidad;2019\n".to_string(),
        "ator;tipo;ano\nUniv;universidade;2019\n".to_string(),
    ] {
        let r = read(TableKind::Actors, &text);
        let TableRows::Actors(rows) = &r.rows else {
            panic!()
        };
        assert_eq!(
            (rows[0].actor.as_str(), rows[0].year),
            ("Univ", 2019),
            "{text}"
        );
        assert!(rows[0].kind.is_some());
    }
    for text in [
        "year\tamount\tcomponent\n2019\t$1,000\tTraining\n",
        "Año;Monto;Componente\n2019;1.000,00;Capacitación\n",
        "ano;valor;componente\n2019;R$ 1.000,00;Capacitação\n",
    ] {
        let r = read(TableKind::Subsidies, text);
        let TableRows::Subsidies(rows) = &r.rows else {
            panic!()
        };
        assert_eq!(
            (rows[0].year, rows[0].amount),
            (2019, Some(1000.0)),
            "{text}"
        );
        assert!(rows[0].component.is_some());
    }
}

#[test]
fn territory_duplicate_year_is_an_error() {
    let r = read(TableKind::Territory, "year\tlocal_gdp\n2019\t1\n2019\t2\n");
    assert_eq!(codes(&r), [(3, "duplicate_row", Some("year".into()))]);
    assert_eq!(error_entry(&r.errors[0]).params["first_line"], 2);
}

#[test]
fn a_table_pasted_into_the_wrong_box_is_named() {
    let firms = "firm\tgroup\tyear\tsales\nA\tbeneficiary\t2019\t10\n";
    let r = read(TableKind::Territory, firms);
    assert_eq!(r.report.looks_like, Some(TableKind::Firms));
    let r = read(TableKind::Activities, "año;monto\n2019;100\n");
    assert_eq!(r.report.looks_like, Some(TableKind::Subsidies));
    // The right box, or a header that names nothing known: no suggestion.
    assert_eq!(read(TableKind::Firms, firms).report.looks_like, None);
    assert_eq!(
        read(TableKind::Territory, "year\tPIB Masaya\n2019\t1\n")
            .report
            .looks_like,
        None
    );
}

#[test]
fn an_unreadable_firms_table_does_not_say_every_firm_is_a_beneficiary() {
    let r = read(TableKind::Firms, "nombre\tventas\nA\t1\n");
    assert!(r.report.unreadable);
    assert!(!r.report.group_column_missing);
    let r = read(TableKind::Firms, "firm\tyear\tsales\nA\t2019\t1\n");
    assert!(!r.report.unreadable);
    assert!(r.report.group_column_missing);
}
