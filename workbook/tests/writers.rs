//! The two workbooks the crate writes, read back with `calamine` (as the page's
//! reader does) and checked against the engine: the template's sheets, headers and
//! example rows read with `cluster_eval_engine::read_table`, and the results
//! workbook's indicator values against results computed here (the engine is a
//! dev-dependency: the module itself only writes the results it is given).

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Range, Reader, Xlsx};
use cluster_eval_engine::Document;
use cluster_eval_engine::{
    columns, columns_named, read_table, with_results, yes_no, Group, HeaderOutcome, Horizon,
    Settings, TableKind, TableRead, TableRows, TableSettings, TableSource, Unit,
};
use cluster_eval_protocol::workbook::TableLayout;
use cluster_eval_ui::i18n::Lang;
use cluster_eval_workbook::results_book::{self, results_workbook};
use cluster_eval_workbook::template::{
    group_also, group_word, header, sheet_names, template, validation_list, yes_no_words, NO_WORDS,
    YES_WORDS,
};
use cluster_eval_workbook::{readme_texts, sheet_kind, SheetMatch};

/// How the page read each table of `doc` (it sends this with the document).
fn layouts(doc: &Document) -> Vec<TableLayout> {
    TableKind::ALL
        .into_iter()
        .map(|k| {
            TableLayout::from_report(k, &cluster_eval_engine::read_document_table(doc, k).report)
        })
        .collect()
}

/// Every sheet of a workbook, by name, in order.
fn sheets(bytes: &[u8]) -> Vec<(String, Range<Data>)> {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).expect("opens");
    let names = book.sheet_names();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("sheet");
            (name, range)
        })
        .collect()
}

/// A sheet as tab-separated text, numbers written with Rust's `{}`: the text form a
/// workbook sheet is read as.
fn tsv(range: &Range<Data>) -> String {
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Settings for a table read from a workbook sheet.
fn workbook_settings(kind: TableKind, sheet: &str) -> Settings {
    let mut settings = Settings::default();
    settings.tables.insert(
        kind.name().to_string(),
        TableSettings {
            source: Some(TableSource {
                file: "template.xlsx".into(),
                sheet: sheet.into(),
            }),
            ..TableSettings::default()
        },
    );
    settings
}

/// The typed rows of a reading, comparable across readings (for firms: the rows
/// only, not which columns the table had).
fn rows_of(read: &TableRead) -> String {
    match &read.rows {
        TableRows::Firms(t) => format!("{:?}", t.rows),
        other => format!("{other:?}"),
    }
}

/// The built-in example's header and first data row of a table.
fn example_first_row(kind: TableKind) -> String {
    let doc = cluster_eval_ui::example::document(Lang::En);
    doc.table_text(kind)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(2)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_template_has_a_read_me_then_one_sheet_per_table() {
    for lang in Lang::ALL {
        let bytes = template(lang).expect("template");
        eprintln!("template {}: {} bytes", lang.code(), bytes.len());
        let names: Vec<String> = sheets(&bytes).into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, sheet_names(lang));
        assert_eq!(names.len(), 1 + TableKind::COUNT);
        assert_eq!(sheet_kind(&names[0], &[]), None, "{}", names[0]);
        for (name, kind) in names[1..].iter().zip(TableKind::ALL) {
            assert_eq!(sheet_kind(name, &[]), Some((kind, SheetMatch::Name)));
        }
    }
    let first = |lang| sheet_names(lang)[0];
    assert_eq!(first(Lang::En), "Read me");
    assert_eq!(first(Lang::Es), "Léame");
    assert_eq!(first(Lang::Pt), "Leia-me");
    assert_eq!(sheet_names(Lang::Es)[1], "Empresas");
}

#[test]
fn the_same_template_twice_is_the_same_bytes() {
    assert_eq!(
        template(Lang::Es).expect("1"),
        template(Lang::Es).expect("2")
    );
}

#[test]
fn every_header_is_read_back_as_its_column() {
    for lang in Lang::ALL {
        let bytes = template(lang).expect("template");
        for (name, range) in sheets(&bytes).iter().skip(1) {
            let (kind, _) = sheet_kind(name, &[]).expect("a table sheet");
            let written: Vec<String> = range
                .rows()
                .next()
                .expect("a header row")
                .iter()
                .map(|c| c.to_string())
                .collect();
            let expected: Vec<&str> = columns(kind)
                .iter()
                .map(|c| header(kind, c.name, lang))
                .collect();
            assert_eq!(written, expected, "{name}");
            let refs: Vec<&str> = written.iter().map(String::as_str).collect();
            // `columns_named` leaves `year` out (every table has one).
            let not_year = columns(kind).iter().filter(|c| c.name != "year").count();
            assert_eq!(columns_named(kind, &refs), not_year, "{name}");
            let read = read_table(kind, &refs.join("\t"), &Settings::default(), None);
            for (report, def) in read.report.headers.iter().zip(columns(kind)) {
                match &report.outcome {
                    HeaderOutcome::Column { column, year, .. } => {
                        assert_eq!((column.as_str(), *year), (def.name, None), "{name}")
                    }
                    other => panic!("{name}: {} read as {other:?}", report.header),
                }
            }
            // The header row alone says which table the sheet is, whatever its name.
            assert_eq!(
                sheet_kind("Sheet1", &refs).map(|(k, _)| k),
                Some(kind),
                "{name}"
            );
        }
    }
}

#[test]
fn each_table_sheet_reads_as_the_example_first_row() {
    for lang in Lang::ALL {
        let bytes = template(lang).expect("template");
        for (name, range) in sheets(&bytes).iter().skip(1) {
            let (kind, _) = sheet_kind(name, &[]).expect("a table sheet");
            let text = tsv(range);
            let read = read_table(kind, &text, &workbook_settings(kind, name), None);
            assert!(read.errors.is_empty(), "{name}: {:?}\n{text}", read.errors);
            assert_eq!(read.report.data_rows, 1, "{name}");
            assert_eq!(read.report.rows_read, 1, "{name}");
            let example = read_table(kind, &example_first_row(kind), &Settings::default(), None);
            assert!(example.errors.is_empty());
            assert_eq!(rows_of(&read), rows_of(&example), "{name}\n{text}");
        }
    }
}

#[test]
fn the_header_row_is_bold() {
    let bytes = template(Lang::Pt).expect("template");
    let mut book = Xlsx::new(Cursor::new(bytes)).expect("xlsx");
    for name in &sheet_names(Lang::Pt)[1..] {
        let styles = book.worksheet_style(name).expect("styles");
        let bold = |col| {
            styles
                .get((0, col))
                .and_then(|s| s.font.as_ref())
                .is_some_and(|f| f.is_bold())
        };
        assert!(bold(0) && bold(1), "{name}");
    }
}

/// The group a one-row firms table with `word` in its group column is read as.
fn group_read(word: &str) -> Option<Group> {
    let text = format!("firm\tgroup\tyear\nA\t{word}\t2020");
    match read_table(TableKind::Firms, &text, &Settings::default(), None).rows {
        TableRows::Firms(t) => t.rows.first().map(|r| r.group),
        _ => None,
    }
}

#[test]
fn every_listed_value_is_one_the_engine_reads() {
    for lang in Lang::ALL {
        for kind in TableKind::ALL {
            for def in columns(kind) {
                let Some(list) = validation_list(def, lang) else {
                    continue;
                };
                match def.ty {
                    cluster_eval_engine::ColumnType::Group => {
                        let read: Vec<Option<Group>> = list.iter().map(|w| group_read(w)).collect();
                        assert_eq!(read, Group::ALL.map(Some).to_vec(), "{}", lang.code());
                    }
                    _ => assert_eq!(
                        list.iter().map(|w| yes_no(w)).collect::<Vec<_>>(),
                        [Some(true), Some(false)],
                        "{kind}.{}",
                        def.name
                    ),
                }
            }
        }
        for group in Group::ALL {
            assert_eq!(group_read(group_word(group, lang)), Some(group));
        }
        assert_eq!(yes_no(yes_no_words(lang)[0]), Some(true));
        assert_eq!(yes_no(yes_no_words(lang)[1]), Some(false));
    }
    for group in Group::ALL {
        for word in group_also(group).split(", ") {
            assert_eq!(group_read(word), Some(group), "{word}");
        }
    }
    for word in YES_WORDS.split(", ") {
        assert_eq!(yes_no(word), Some(true), "{word}");
    }
    for word in NO_WORDS.split(", ") {
        assert_eq!(yes_no(word), Some(false), "{word}");
    }
}

#[test]
fn the_read_me_lists_every_column_with_its_text() {
    for lang in Lang::ALL {
        let bytes = template(lang).expect("template");
        let all = sheets(&bytes);
        let (_, readme) = &all[0];
        let rows: Vec<Vec<String>> = readme
            .rows()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect();
        let mut listed: BTreeMap<(String, String), usize> = BTreeMap::new();
        for row in &rows {
            if let [sheet, head, _, holds, ..] = row.as_slice() {
                if !holds.is_empty() {
                    *listed.entry((sheet.clone(), head.clone())).or_default() += 1;
                }
            }
        }
        for kind in TableKind::ALL {
            let sheet =
                &sheet_names(lang)[1 + TableKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)];
            for def in columns(kind) {
                let head = header(kind, def.name, lang).to_string();
                let row = rows
                    .iter()
                    .find(|r| r.first() == Some(&sheet.to_string()) && r.get(1) == Some(&head))
                    .unwrap_or_else(|| panic!("{sheet}: {head} missing"));
                assert_eq!(
                    row.get(3).map(String::as_str),
                    readme_texts::column_text(kind, def.name, lang)
                );
                for synonym in def.synonyms().filter(|s| *s != head) {
                    assert!(
                        row[4].split(", ").any(|s| s == synonym),
                        "{head}: {synonym}"
                    );
                }
            }
        }
        for group in Group::ALL {
            let word = group_word(group, lang).to_string();
            assert!(rows.iter().any(|r| r.get(1) == Some(&word)
                && r.get(3).map(String::as_str) == Some(readme_texts::group_text(group, lang))));
        }
    }
}

/// The row of each indicator id in a sheet whose first column is the id.
fn rows_by_id(range: &Range<Data>) -> BTreeMap<String, Vec<Data>> {
    range
        .rows()
        .skip(1)
        .filter_map(|r| Some((r.first()?.to_string(), r.to_vec())))
        .collect()
}

fn close(cell: Option<&Data>, value: Option<f64>) -> bool {
    match (cell, value) {
        (Some(Data::Float(f)), Some(v)) => (f - v).abs() <= 1e-12 * v.abs().max(1.0),
        (None | Some(Data::Empty), None) => true,
        _ => false,
    }
}

#[test]
fn every_indicator_is_in_the_indicators_sheet_with_its_value() {
    let doc = with_results(&cluster_eval_ui::example::document(Lang::En));
    let results = doc.results.clone().expect("results");
    assert!(results.indicators.len() > 50);
    for lang in Lang::ALL {
        let bytes = results_workbook(&doc, &layouts(&doc), lang).expect("workbook");
        eprintln!("results {}: {} bytes", lang.code(), bytes.len());
        let all = sheets(&bytes);
        let names: Vec<&str> = all.iter().map(|(n, _)| n.as_str()).collect();
        let mut expected: Vec<&str> = results_book::sheet_names(lang).to_vec();
        expected.extend(sheet_names(lang)[1..].iter().copied());
        // The project's facts close the workbook (SPEC v3: context and reviewer facts).
        let facts = cluster_eval_ui::i18n::t(lang, "facts.title");
        expected.push(facts);
        assert_eq!(names, expected);
        let (_, fact_rows) = all.last().expect("the facts sheet");
        assert!(
            format!("{fact_rows:?}").contains(&doc.project.name),
            "the project's name is among its facts"
        );
        let rows = rows_by_id(&all[0].1);
        for i in &results.indicators {
            let row = rows
                .get(&i.id)
                .unwrap_or_else(|| panic!("{}: {} missing", lang.code(), i.id));
            assert!(close(row.get(3), i.value), "{}: {row:?}", i.id);
            assert!(close(row.get(5), i.ci.map(|c| c[0])), "{}: {row:?}", i.id);
            assert!(close(row.get(6), i.ci.map(|c| c[1])), "{}: {row:?}", i.id);
            assert_eq!(row.get(7), Some(&Data::Float(i.n as f64)), "{}", i.id);
        }
        assert_eq!(rows.len(), results.indicators.len());
        // The design checks' own sheet has every design indicator.
        let design = rows_by_id(&all[1].1);
        for i in results
            .indicators
            .iter()
            .filter(|i| i.horizon == Horizon::Design)
        {
            assert!(
                close(design.get(&i.id).and_then(|r| r.get(3)), i.value),
                "{}",
                i.id
            );
        }
        // One line per winner or loser.
        assert_eq!(all[2].1.rows().count(), 1 + results.winners_losers.len());
    }
}

#[test]
fn values_carry_a_number_format_by_unit() {
    let doc = with_results(&cluster_eval_ui::example::document(Lang::En));
    let results = doc.results.clone().expect("results");
    let bytes = results_workbook(&doc, &layouts(&doc), Lang::Es).expect("workbook");
    let name = results_book::sheet_names(Lang::Es)[0];
    let range = sheets(&bytes).remove(0).1;
    let mut book = Xlsx::new(Cursor::new(bytes)).expect("xlsx");
    let styles = book.worksheet_style(name).expect("styles");
    let format_of = |id: &str| {
        let row = range
            .rows()
            .position(|r| r.first().map(|c| c.to_string()).as_deref() == Some(id))
            .expect("row");
        let row = u32::try_from(row).expect("row");
        styles
            .get((row, 3))
            .and_then(|s| s.number_format.as_ref())
            .map(|f| f.format_code.clone())
            .unwrap_or_default()
    };
    let share = results
        .indicators
        .iter()
        .find(|i| i.id == "short.participation_share" && i.value.is_some())
        .expect("a share with a value");
    assert_eq!(share.unit, Unit::Share);
    assert_eq!(format_of(&share.id), "0.0%");
    let currency = results
        .indicators
        .iter()
        .find(|i| i.unit == Unit::Currency && i.value.is_some())
        .expect("an amount");
    assert!(
        format_of(&currency.id).contains("\"USD\""),
        "{}",
        format_of(&currency.id)
    );
    let bold = styles
        .get((0, 1))
        .and_then(|s| s.font.as_ref())
        .is_some_and(|f| f.is_bold());
    assert!(bold);
}

#[test]
fn without_results_the_inputs_are_written_and_it_says_so() {
    // The module never computes: a document without results gives its input tables
    // and a sentence instead of indicators.
    let doc = cluster_eval_ui::example::document(Lang::Pt);
    assert!(doc.results.is_none());
    let bytes = results_workbook(&doc, &layouts(&doc), Lang::Pt).expect("workbook");
    let all = sheets(&bytes);
    let names: Vec<&str> = all.iter().map(|(n, _)| n.as_str()).collect();
    let mut expected = vec![results_book::sheet_names(Lang::Pt)[0]];
    expected.extend(sheet_names(Lang::Pt)[1..].iter().copied());
    assert_eq!(names, expected);
    let said = all[0]
        .1
        .get((0, 0))
        .map(|c| c.to_string())
        .unwrap_or_default();
    assert!(said.contains("resultados"), "{said}");
    assert_eq!(all[0].1.rows().count(), 1);
}

#[test]
fn a_table_without_a_layout_is_written_as_text() {
    let doc = with_results(&cluster_eval_ui::example::document(Lang::En));
    let bytes = results_workbook(&doc, &[], Lang::En).expect("workbook");
    let all = sheets(&bytes);
    let firms = &all.iter().find(|(n, _)| n == "Firms").expect("firms").1;
    assert!(
        matches!(firms.get((1, 3)), Some(Data::String(_))),
        "{:?}",
        firms.get((1, 3))
    );
    let bytes = results_workbook(&doc, &layouts(&doc), Lang::En).expect("workbook");
    let all = sheets(&bytes);
    let firms = &all.iter().find(|(n, _)| n == "Firms").expect("firms").1;
    assert!(
        matches!(firms.get((1, 3)), Some(Data::Float(_))),
        "{:?}",
        firms.get((1, 3))
    );
}

#[test]
fn row_errors_are_listed_and_worded() {
    let mut doc = cluster_eval_ui::example::document(Lang::En);
    let first = doc.tables.firms.lines().nth(1).expect("a row").to_string();
    let bad: Vec<&str> = first
        .split('\t')
        .enumerate()
        .map(|(i, c)| match i {
            0 => "BAD01",
            1 => "vip",
            _ => c,
        })
        .collect();
    let line = doc.tables.firms.lines().count() + 1;
    doc.tables.firms.push('\n');
    doc.tables.firms.push_str(&bad.join("\t"));
    let doc = with_results(&doc);
    for lang in Lang::ALL {
        let bytes = results_workbook(&doc, &layouts(&doc), lang).expect("workbook");
        let all = sheets(&bytes);
        let errors: Vec<Vec<String>> = all[3]
            .1
            .rows()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect();
        assert_eq!(errors.len(), 2, "{errors:?}");
        let firms = sheet_names(lang)[1];
        let expected = [
            firms.to_string(),
            line.to_string(),
            "group".to_string(),
            "vip".to_string(),
            cluster_eval_ui::i18n::t(lang, "err.unknown_group").to_string(),
        ];
        assert_eq!(errors[1], expected);
    }
}

#[test]
fn input_sheets_read_back_as_the_tables_they_came_from() {
    let mut doc = cluster_eval_ui::example::document(Lang::Es);
    // A Spanish paste: `;`, decimal comma, points grouping thousands.
    doc.tables.territory =
        "año;pib local;pib nacional\n2018;412,5;13.118\n2019;428,1;13.025,5\n".into();
    let bytes = results_workbook(&doc, &layouts(&doc), Lang::Es).expect("workbook");
    let all = sheets(&bytes);
    for kind in TableKind::ALL {
        let name =
            sheet_names(Lang::Es)[1 + TableKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)];
        let (_, range) = all.iter().find(|(n, _)| n == name).expect("a sheet");
        let read = read_table(kind, &tsv(range), &workbook_settings(kind, name), None);
        let original = cluster_eval_engine::read_document_table(&doc, kind);
        assert!(read.errors.is_empty(), "{name}: {:?}", read.errors);
        assert_eq!(rows_of(&read), rows_of(&original), "{name}");
    }
    let territory = &all
        .iter()
        .find(|(n, _)| n == "Territorio")
        .expect("territory")
        .1;
    assert_eq!(territory.get((1, 1)), Some(&Data::Float(412.5)));
    assert_eq!(territory.get((2, 2)), Some(&Data::Float(13025.5)));
    assert_eq!(
        territory.get((0, 1)),
        Some(&Data::String("pib local".into()))
    );
    // Identifiers stay text.
    let firms = &all.iter().find(|(n, _)| n == "Empresas").expect("firms").1;
    assert_eq!(firms.get((1, 0)), Some(&Data::String("VV-B01".into())));
}
