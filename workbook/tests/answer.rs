//! The worker's answers to the page's requests (`cluster_eval_protocol::workbook`),
//! as its `onmessage` gets them: a workbook opened into the step's sheets, refusals
//! worded in three languages, and the two workbooks written from what the page sends.

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Reader};
use cluster_eval_engine::{read_document_table, with_results, TableKind};
use cluster_eval_protocol::workbook::{TableLayout, WorkbookReply, WorkbookRequest};
use cluster_eval_ui::i18n::Lang;
use cluster_eval_workbook::answer;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/../e2e/fixtures/workbooks/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn open(file: &str) -> WorkbookReply {
    let request = WorkbookRequest::Open { file: file.into() };
    // Through JSON, as on the wire.
    let request = WorkbookRequest::from_json(&request.to_json()).expect("a request");
    let (reply, bytes) = answer(request, Some(fixture(file)));
    assert!(bytes.is_none());
    WorkbookReply::from_json(&reply.to_json()).expect("a reply")
}

fn sheet_names(bytes: &[u8]) -> Vec<String> {
    open_workbook_auto_from_rs(Cursor::new(bytes.to_vec()))
        .expect("opens")
        .sheet_names()
}

#[test]
fn an_opened_workbook_gives_its_sheets_proposals_and_notes_in_three_languages() {
    let WorkbookReply::Opened(step) = open("ejemplo-es.xlsx") else {
        panic!("not opened");
    };
    let proposed: Vec<Option<TableKind>> = step.sheets.iter().map(|s| s.proposed).collect();
    let expected: Vec<Option<TableKind>> = TableKind::ALL[..5].iter().copied().map(Some).collect();
    assert_eq!(proposed[..5], expected[..]);
    assert_eq!(proposed[5], None);
    let firms = &step.sheets[0];
    assert_eq!(firms.name, "Empresas");
    assert!(
        firms.text.starts_with("empresa\tgrupo\taño"),
        "{}",
        firms.text
    );
    assert!(firms.note.en.contains("231 rows"), "{:?}", firms.note);
    assert!(firms.note.es.contains("231 filas"), "{:?}", firms.note);
    assert!(firms.note.pt.contains("231 linhas"), "{:?}", firms.note);
    assert_eq!(step.no_table, None);

    let WorkbookReply::Opened(step) = open("sin-tablas.xlsx") else {
        panic!("not opened");
    };
    assert!(step.sheets.iter().all(|s| s.proposed.is_none()));
    let said = step.no_table.expect("said");
    assert!(said.get("es").contains("sin-tablas.xlsx"));
}

#[test]
fn a_bad_file_is_refused_by_name_and_a_request_without_bytes_fails() {
    let WorkbookReply::Refused(why) = open("corrupto.xlsx") else {
        panic!("not refused");
    };
    for code in ["en", "es", "pt"] {
        assert!(why.get(code).contains("corrupto.xlsx"), "{why:?}");
    }
    assert!(why.pt.contains("danificado"), "{why:?}");
    let (reply, _) = answer(
        WorkbookRequest::Open {
            file: "a.xlsx".into(),
        },
        None,
    );
    assert!(matches!(reply, WorkbookReply::Failed(_)));
}

#[test]
fn the_template_and_the_results_come_back_as_bytes_beside_the_reply() {
    let (reply, bytes) = answer(WorkbookRequest::Template { lang: "es".into() }, None);
    assert_eq!(reply, WorkbookReply::File);
    assert!(sheet_names(&bytes.expect("bytes")).contains(&"Empresas".to_string()));

    let doc = with_results(&cluster_eval_ui::example::document(Lang::En));
    let tables = TableKind::ALL
        .into_iter()
        .map(|k| TableLayout::from_report(k, &read_document_table(&doc, k).report))
        .collect();
    let request = WorkbookRequest::Results {
        document: Box::new(doc),
        tables,
        lang: "en".into(),
    };
    // Through JSON, as on the wire: the results cross with the document.
    let request = WorkbookRequest::from_json(&request.to_json()).expect("a request");
    let (reply, bytes) = answer(request, None);
    assert_eq!(reply, WorkbookReply::File);
    let names = sheet_names(&bytes.expect("bytes"));
    assert_eq!(
        names[..4],
        [
            "Indicators",
            "Design checks",
            "Winners and losers",
            "Row errors"
        ]
    );

    // A request the worker cannot decode is refused before anything is written.
    assert!(WorkbookRequest::from_json(r#"{"Results":{"document":1}}"#).is_err());
}
