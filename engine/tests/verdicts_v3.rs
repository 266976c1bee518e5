//! Issue 25, the engine half: the SPEC's v3 rules that change numbers ("Verdicts and
//! their words (v3)", the pre-trend over every pre-year, the return per dollar as
//! reported, `long.beneficiaries.jobs_net`, size classes under 5 firms, the project
//! facts a reviewer asks for). The portfolio's intervals are in `portfolio.rs`.

use cluster_eval_engine::{compute, Document, DocumentError, Expected, Prices};

fn document(json: &str) -> Result<Document, DocumentError> {
    Document::from_json(json)
}

// ---- Rule 8: the project facts a reviewer asks for ----

#[test]
fn reviewer_facts_are_read_in_three_languages_and_kept_optional() {
    let doc = document(
        r#"{"format":"cluster-eval","version":1,
            "project":{"name":"M","control_description":"Boaco, chosen by sector and size",
                       "data_source":"Annual survey of the association",
                       "prices":"Constantes","price_base_year":2018},
            "tables":{}}"#,
    )
    .expect("a document");
    let p = &doc.project;
    assert_eq!(
        p.control_description.as_deref(),
        Some("Boaco, chosen by sector and size")
    );
    assert_eq!(
        p.data_source.as_deref(),
        Some("Annual survey of the association")
    );
    assert_eq!(p.prices, Some(Prices::Constant));
    assert_eq!(p.price_base_year, Some(2018));
    assert!(p.extra.is_empty());
    let written: serde_json::Value = serde_json::from_str(&doc.to_json()).expect("json");
    assert_eq!(written["project"]["prices"], "constant");
    assert_eq!(written["project"]["price_base_year"], 2018);

    for (word, want) in [
        ("nominal", Prices::Nominal),
        ("NOMINALES", Prices::Nominal),
        ("nominais", Prices::Nominal),
        ("constant", Prices::Constant),
        ("constantes", Prices::Constant),
    ] {
        let doc = document(&format!(
            r#"{{"format":"cluster-eval","version":1,"project":{{"prices":"{word}"}},"tables":{{}}}}"#
        ))
        .expect("a document");
        assert_eq!(doc.project.prices, Some(want), "{word}");
    }
    // Absent: not written, so an older document keeps its shape.
    let old = document(r#"{"format":"cluster-eval","version":1,"project":{},"tables":{}}"#)
        .expect("a document");
    assert_eq!(old.project.prices, None);
    let written: serde_json::Value = serde_json::from_str(&old.to_json()).expect("json");
    let project = written["project"].as_object().expect("object");
    for key in [
        "control_description",
        "data_source",
        "prices",
        "price_base_year",
    ] {
        assert!(!project.contains_key(key), "{key}");
    }
}

#[test]
fn another_price_basis_is_refused_with_the_field_named() {
    let err = document(
        r#"{"format":"cluster-eval","version":1,"project":{"prices":"real"},"tables":{}}"#,
    )
    .expect_err("refused");
    match err {
        DocumentError::InvalidField { path, expected } => {
            assert_eq!(path, "project.prices");
            assert_eq!(
                expected,
                Some(Expected::OneOf("`nominal`, `constant`".into()))
            );
        }
        other => panic!("{other:?}"),
    }
    let err = document(
        r#"{"format":"cluster-eval","version":1,"project":{"price_base_year":"2018b"},"tables":{}}"#,
    )
    .expect_err("refused");
    assert!(
        matches!(&err, DocumentError::InvalidField { path, .. } if path == "project.price_base_year"),
        "{err:?}"
    );
    let _ = compute;
}
