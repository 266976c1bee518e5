//! Reading, refusing, migrating and writing documents.

use cluster_eval_engine::{
    ChecklistAnswer, DecimalSetting, DelimiterSetting, Document, DocumentError, Expected,
    YesNoUnknown, CURRENT_VERSION, MAX_BOOTSTRAP_REPS,
};

fn minimal(version: u64) -> String {
    format!(
        r#"{{"format":"cluster-eval","version":{version},"project":{{"name":"Masaya"}},"tables":{{"firms":"firm\tyear\n007\t2019"}}}}"#
    )
}

#[test]
fn reads_a_minimal_document_with_defaults() {
    let doc = Document::from_json(&minimal(1)).expect("valid");
    assert_eq!(doc.project.name, "Masaya");
    assert_eq!(doc.tables.firms, "firm\tyear\n007\t2019");
    assert_eq!(doc.tables.territory, "");
    assert_eq!(doc.settings.bootstrap_reps, 1000);
    assert_eq!(doc.settings.seed, 42);
    assert_eq!(doc.settings.loser_threshold, 0.01);
    assert_eq!(doc.settings.decimal, DecimalSetting::Auto);
    assert_eq!(doc.settings.delimiter, DelimiterSetting::Auto);
}

#[test]
fn refuses_text_that_is_not_json_and_says_where() {
    let err = Document::from_json("{\n  \"format\": \"cluster-eval\",\n  oops\n}").unwrap_err();
    match err {
        DocumentError::NotJson { line, .. } => assert_eq!(line, 3),
        other => panic!("expected NotJson, got {other:?}"),
    }
    assert!(matches!(
        Document::from_json("firm\tyear\n1\t2019"),
        Err(DocumentError::NotJson { .. })
    ));
    // An empty file, and one cut short, say so (not "line 1, column 0").
    assert!(matches!(Document::from_json(""), Err(DocumentError::Empty)));
    assert!(matches!(
        Document::from_json(" \n"),
        Err(DocumentError::Empty)
    ));
    assert!(matches!(
        Document::from_json("{\n  \"format\": \"cluster-eval\",\n  \"project\": {\"name\": \"Mas"),
        Err(DocumentError::Truncated { line: 3 })
    ));
}

#[test]
fn refuses_json_that_is_not_an_object() {
    assert_eq!(
        Document::from_json("[1,2]").unwrap_err(),
        DocumentError::NotAnObject { found: "a list" }
    );
}

#[test]
fn refuses_another_format() {
    let err = Document::from_json(r#"{"format":"something-else","version":1}"#).unwrap_err();
    assert_eq!(
        err,
        DocumentError::WrongFormat {
            found: "\"something-else\"".into()
        }
    );
    let err = Document::from_json(r#"{"name":"x"}"#).unwrap_err();
    assert_eq!(
        err,
        DocumentError::MissingField {
            field: "format".into()
        }
    );
}

#[test]
fn refuses_a_newer_version_and_names_both_versions() {
    let err = Document::from_json(&minimal(CURRENT_VERSION + 1)).unwrap_err();
    assert_eq!(
        err,
        DocumentError::NewerVersion {
            found: CURRENT_VERSION + 1,
            supported: CURRENT_VERSION
        }
    );
    assert!(err.to_string().contains("newer"));
}

#[test]
fn refuses_a_bad_or_missing_version() {
    let err = Document::from_json(r#"{"format":"cluster-eval","version":"one"}"#).unwrap_err();
    assert!(matches!(err, DocumentError::BadVersion { .. }));
    // A number, but no version a document ever had: not "not a whole number".
    for v in ["-1", "1.5", "-0"] {
        let err = Document::from_json(&format!(r#"{{"format":"cluster-eval","version":{v}}}"#))
            .unwrap_err();
        assert!(
            matches!(
                &err,
                DocumentError::UnknownVersion {
                    supported: CURRENT_VERSION,
                    ..
                }
            ),
            "{v}: {err:?}"
        );
        assert!(
            err.to_string()
                .contains("not a version this calculator knows"),
            "{err}"
        );
    }
    let err = Document::from_json(r#"{"format":"cluster-eval"}"#).unwrap_err();
    assert_eq!(
        err,
        DocumentError::MissingField {
            field: "version".into()
        }
    );
}

#[test]
fn refuses_missing_sections() {
    let err =
        Document::from_json(r#"{"format":"cluster-eval","version":1,"tables":{}}"#).unwrap_err();
    assert_eq!(
        err,
        DocumentError::MissingField {
            field: "project".into()
        }
    );
    let err =
        Document::from_json(r#"{"format":"cluster-eval","version":1,"project":{}}"#).unwrap_err();
    assert_eq!(
        err,
        DocumentError::MissingField {
            field: "tables".into()
        }
    );
}

#[test]
fn names_the_invalid_field() {
    let err = Document::from_json(
        r#"{"format":"cluster-eval","version":1,"project":{"name":"x","start_year":"soon"},"tables":{}}"#,
    )
    .unwrap_err();
    match err {
        DocumentError::InvalidField { path, .. } => assert_eq!(path, "project.start_year"),
        other => panic!("expected InvalidField, got {other:?}"),
    }
    let err = Document::from_json(
        r#"{"format":"cluster-eval","version":1,"project":{},"tables":{"firms":42}}"#,
    )
    .unwrap_err();
    match err {
        DocumentError::InvalidField { path, .. } => assert_eq!(path, "tables.firms"),
        other => panic!("expected InvalidField, got {other:?}"),
    }
}

#[test]
fn says_what_an_invalid_field_should_hold() {
    let cases = [
        (
            r#""project":{"start_year":"2003"}"#,
            "project.start_year",
            Some(Expected::WholeNumber),
        ),
        (
            r#""project":{"cost_total":"1.800.000"}"#,
            "project.cost_total",
            Some(Expected::Number),
        ),
        (
            r#""project":{"name":7}"#,
            "project.name",
            Some(Expected::Text),
        ),
        (
            r#""project":{},"targets":[1]"#,
            "targets",
            Some(Expected::Object),
        ),
        (
            r#""project":{"institutional_arrangement":"maybe"}"#,
            "project.institutional_arrangement",
            Some(Expected::OneOf("`yes`, `no`, `unknown`".into())),
        ),
    ];
    for (body, path, want) in cases {
        let body = if body.contains("\"tables\"") {
            body.to_string()
        } else {
            format!(r#"{body},"tables":{{}}"#)
        };
        let text = format!(r#"{{"format":"cluster-eval","version":1,{body}}}"#);
        let err = Document::from_json(&text).unwrap_err();
        match &err {
            DocumentError::InvalidField { path: found, .. } => assert_eq!(found, path, "{body}"),
            other => panic!("expected InvalidField, got {other:?}"),
        }
        assert_eq!(err.expected(), want, "{body}: {err}");
    }
    assert_eq!(
        DocumentError::MissingField { field: "x".into() }.expected(),
        None
    );
}

#[test]
fn names_the_invalid_field_beside_long_strings() {
    // The field is found on a copy of the document without its long strings.
    let table = r"firm\tyear\n".repeat(20);
    let long = "x".repeat(100);
    let cases = [
        (
            format!(
                r#""project":{{"name":"{long}","end_year":"late"}},"tables":{{"firms":"{table}"}}"#
            ),
            "project.end_year",
        ),
        (
            format!(
                r#""project":{{}},"tables":{{"firms":"{table}"}},"settings":{{"decimal":"{long}"}}"#
            ),
            "settings.decimal",
        ),
        (
            format!(r#""project":{{}},"tables":{{"firms":"{table}","actors":["{long}"]}}"#),
            "tables.actors",
        ),
    ];
    for (body, want) in cases {
        let text = format!(r#"{{"format":"cluster-eval","version":1,{body}}}"#);
        match Document::from_json(&text).unwrap_err() {
            DocumentError::InvalidField { path, .. } => assert_eq!(path, want),
            other => panic!("expected InvalidField, got {other:?}"),
        }
    }
}

#[test]
fn keeps_unknown_fields_everywhere() {
    let text = r#"{"format":"cluster-eval","version":1,"made_by":"sheet-tool",
        "project":{"name":"x","region":"Boaco"},
        "tables":{"firms":"","notes":"kept"},
        "settings":{"bootstrap_reps":200,"theme":"dark"}}"#;
    let doc = Document::from_json(text).expect("valid");
    assert_eq!(doc.settings.bootstrap_reps, 200);
    let out = doc.to_json();
    for kept in ["made_by", "sheet-tool", "region", "Boaco", "notes", "theme"] {
        assert!(out.contains(kept), "{kept} lost in {out}");
    }
    let again = Document::from_json(&out).expect("round trip");
    assert_eq!(again, doc);
}

#[test]
fn round_trips_every_field() {
    let mut doc = Document::new("Chontales");
    doc.project.baseline_year = Some(2000);
    doc.project.followup_year = Some(2006);
    doc.project.cost_total = Some(1_000_000.0);
    doc.project.rural = true;
    doc.tables.firms = "empresa;año;ventas\r\n007;2000;\"1.234,5\"\r\n".into();
    doc.checklist
        .insert("poverty_targeting".into(), Some(ChecklistAnswer::Partial));
    doc.targets.insert("long.cluster.sales.growth".into(), 0.2);
    doc.columns
        .entry("firms".into())
        .or_default()
        .insert("Notas".into(), None);
    doc.settings.decimal = DecimalSetting::Comma;
    doc.settings.delimiter = DelimiterSetting::Semicolon;
    let again = Document::from_json(&doc.to_json()).expect("round trip");
    assert_eq!(again, doc);
    assert_eq!(again.tables.firms, doc.tables.firms);
}

#[test]
fn accepts_a_byte_order_mark() {
    let text = format!("\u{feff}{}", minimal(1));
    assert!(Document::from_json(&text).is_ok());
}

#[test]
fn migrates_version_0_forward() {
    let v0 = r#"{"format":"cluster-eval","version":0,
        "project":{"name":"old","baseline":2003,"followup":2006},
        "tables":{"firms":["firm\tyear\tsales","A\t2003\t10"]},
        "settings":{"reps":300}}"#;
    let doc = Document::from_json(v0).expect("migrated");
    assert_eq!(doc.version, CURRENT_VERSION);
    assert_eq!(doc.project.baseline_year, Some(2003));
    assert_eq!(doc.project.followup_year, Some(2006));
    assert_eq!(doc.settings.bootstrap_reps, 300);
    assert_eq!(doc.tables.firms, "firm\tyear\tsales\nA\t2003\t10");
    assert!(!doc.to_json().contains("\"baseline\""));
}

#[test]
fn bootstrap_draws_are_capped() {
    // A hand-edited file asked for four billion draws: the page ran out of memory on
    // it, and again at every reload, as the project reopened.
    let text = r#"{"format":"cluster-eval","version":1,"project":{},"tables":{},
        "settings":{"bootstrap_reps":4000000000}}"#;
    let doc = Document::from_json(text).expect("a valid document");
    assert_eq!(doc.settings.bootstrap_reps, MAX_BOOTSTRAP_REPS);
    // A document built in code is capped where the draws are made.
    let mut doc = Document::default();
    doc.settings.bootstrap_reps = u32::MAX;
    assert_eq!(doc.settings.reps(), MAX_BOOTSTRAP_REPS);
    doc.settings.bootstrap_reps = 250;
    assert_eq!(doc.settings.reps(), 250);
}

#[test]
fn ignores_stale_results_on_the_way_in() {
    let text = r#"{"format":"cluster-eval","version":1,"project":{},"tables":{},
        "results":{"indicators":"garbage"}}"#;
    let doc = Document::from_json(text).expect("results are recomputed, not read");
    assert!(doc.results.is_none());
}

#[test]
fn large_documents_are_written_as_serde_json_writes_them() {
    // Every byte that JSON escapes, and some that it does not, in tables large
    // enough for the fast writer; unknown fields inside and around the tables.
    let every: String = (0u8..0x80).map(char::from).collect();
    let odd = format!("{every}é€\u{2028}\u{7f}\"\\\\\t\n");
    let mut doc = Document::new("Córdoba \"tables\": {");
    doc.tables.firms = cluster_eval_engine::synth::firms_tsv(2000);
    doc.tables.activities = odd.repeat(700);
    doc.tables.subsidies = "year\tamount\n2019\t5\n".into();
    doc.tables.extra.insert("notes".into(), odd.clone().into());
    doc.extra.insert("tables_copy".into(), odd.clone().into());
    doc.project
        .extra
        .insert("x".into(), "\n    \"firms\": \"\"".into());
    doc.results = Some(cluster_eval_engine::compute(&doc));
    let want = serde_json::to_string_pretty(&doc).expect("serialises");
    assert_eq!(doc.to_json(), want);
    let mut written = Vec::new();
    doc.write_json(&mut written).expect("writes");
    assert_eq!(String::from_utf8(written).expect("UTF-8"), want);
    // Round trip.
    let again = Document::from_json(&want).expect("reads back");
    assert_eq!(again.tables, doc.tables);
}

fn doc_with(body: &str) -> String {
    let body = if body.contains("\"tables\"") {
        body.to_string()
    } else {
        format!(r#"{body},"tables":{{}}"#)
    };
    format!(r#"{{"format":"cluster-eval","version":1,{body}}}"#)
}

#[test]
fn says_what_is_wrong_with_json_it_cannot_read() {
    // Issue 14, #10: both were "not a JSON file (line 1, column 209)".
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    match Document::from_json(&deep).unwrap_err() {
        DocumentError::TooDeep { line: 1, column } => assert!(column <= 130, "{column}"),
        other => panic!("expected TooDeep, got {other:?}"),
    }
    let deep = format!(
        r#"{{"format":"cluster-eval","version":1,"project":{}1{}}}"#,
        "{\"a\":".repeat(200),
        "}".repeat(200)
    );
    assert!(matches!(
        Document::from_json(&deep),
        Err(DocumentError::TooDeep { .. })
    ));
    for big in ["1e309", "-1e309", "1.5E+400", "123456789e400"] {
        let text = doc_with(&format!(r#""project":{{"cost_total":{big}}}"#));
        match Document::from_json(&text).unwrap_err() {
            DocumentError::NumberTooLarge { line: 1, .. } => {}
            other => panic!("{big}: expected NumberTooLarge, got {other:?}"),
        }
    }
    // Deep strings and large numbers inside strings are fine; a plain syntax error is
    // still "not JSON".
    let text = doc_with(&format!(
        r#""project":{{"name":"{} 1e999"}}"#,
        "[".repeat(500)
    ));
    assert!(Document::from_json(&text).is_ok());
    assert!(matches!(
        Document::from_json(r#"{"format": 1e3x}"#),
        Err(DocumentError::NotJson { .. })
    ));
}

#[test]
fn names_the_field_when_two_are_invalid() {
    // Issue 14, #11: this blamed the field "project".
    let text = doc_with(r#""project":{"start_year":-0,"end_year":1e308}"#);
    let err = Document::from_json(&text).unwrap_err();
    assert_eq!(
        err,
        DocumentError::InvalidField {
            path: "project.end_year".into(),
            expected: Some(Expected::WholeNumber),
        }
    );
    // A year written as a double is a year; -0 is 0.
    let doc = Document::from_json(&doc_with(
        r#""project":{"start_year":-0,"end_year":2019.0}"#,
    ))
    .expect("valid");
    assert_eq!(
        (doc.project.start_year, doc.project.end_year),
        (Some(0), Some(2019))
    );
    // Two invalid fields in different sections: the first in the file is named.
    let text = doc_with(r#""project":{"cost_total":"x"},"settings":{"seed":"y"}"#);
    match Document::from_json(&text).unwrap_err() {
        DocumentError::InvalidField { path, .. } => assert_eq!(path, "project.cost_total"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn reads_yes_no_facts_written_as_json_booleans() {
    // Issue 12: documents written by other tools.
    let text = doc_with(
        r#""project":{"institutional_arrangement":true,"strategic_plan_consensus":false,
            "rural":"yes","urban_informal":1,"micro_homeworkers":null,"labor_intensive":"sí",
            "marginalized_workers":true},
           "checklist":{"poverty_targeting":true,"gains_to_poor":false,"winners_losers":"Partial",
            "social_protection":null,"labor_standards":"YES"}"#,
    );
    let doc = Document::from_json(&text).expect("valid");
    assert_eq!(doc.project.institutional_arrangement, YesNoUnknown::Yes);
    assert_eq!(doc.project.strategic_plan_consensus, YesNoUnknown::No);
    assert_eq!(
        doc.project.tags(),
        [
            "rural",
            "urban_informal",
            "labor_intensive",
            "marginalized_workers"
        ]
    );
    let answers: Vec<_> = doc
        .checklist
        .iter()
        .map(|(k, v)| (k.as_str(), *v))
        .collect();
    assert_eq!(
        answers,
        [
            ("gains_to_poor", Some(ChecklistAnswer::No)),
            ("labor_standards", Some(ChecklistAnswer::Yes)),
            ("poverty_targeting", Some(ChecklistAnswer::Yes)),
            ("social_protection", None),
            ("winners_losers", Some(ChecklistAnswer::Partial)),
        ]
    );
    // Written back as the SPEC's codes.
    let out = doc.to_json();
    assert!(
        out.contains(r#""institutional_arrangement": "yes""#),
        "{out}"
    );
    assert!(out.contains(r#""poverty_targeting": "yes""#), "{out}");
    assert_eq!(Document::from_json(&out).expect("round trip"), doc);
    // What is still refused is said in the reader's terms, never serde's.
    for (body, path, expected) in [
        (
            r#""project":{"institutional_arrangement":"maybe"}"#,
            "project.institutional_arrangement",
            Expected::OneOf("`yes`, `no`, `unknown`".into()),
        ),
        (
            r#""project":{"rural":"often"}"#,
            "project.rural",
            Expected::TrueFalse,
        ),
        (
            r#""checklist":{"gains_to_poor":2},"project":{}"#,
            "checklist.gains_to_poor",
            Expected::OneOf("`yes`, `partial`, `no`".into()),
        ),
        (
            r#""project":{},"targets":{"long.cluster.sales.growth":"20%"}"#,
            "targets.long.cluster.sales.growth",
            Expected::Number,
        ),
        (
            r#""project":{},"columns":{"firms":{"Ventas":3}}"#,
            "columns.firms.Ventas",
            Expected::Text,
        ),
        (
            r#""project":{},"tables":{},"settings":{"tables":{"firms":{"decimal":{"sales":"?"}}}}"#,
            "settings.tables.firms.decimal.sales",
            Expected::OneOf("`auto`, `.`, `,`".into()),
        ),
    ] {
        let err = Document::from_json(&doc_with(body)).unwrap_err();
        assert_eq!(
            err,
            DocumentError::InvalidField {
                path: path.into(),
                expected: Some(expected)
            },
            "{body}"
        );
        let said = err.to_string();
        for serde_word in [
            "invalid type",
            "invalid value",
            "expected `",
            "untagged",
            "variant",
        ] {
            assert!(!said.contains(serde_word), "{said}");
        }
    }
}

#[test]
fn every_typed_field_is_named_with_what_it_should_hold() {
    // The schema of `expected_at` against the document's own fields: each, holding a
    // list of lists (valid nowhere), is refused by its path with what it should hold.
    let mut doc = Document::new("x");
    doc.settings
        .tables
        .entry("firms".into())
        .or_default()
        .delimiter = Some(DelimiterSetting::Tab);
    doc.settings
        .tables
        .entry("firms".into())
        .or_default()
        .decimal
        .insert("sales".into(), DecimalSetting::Comma);
    doc.checklist
        .insert("gains_to_poor".into(), Some(ChecklistAnswer::Yes));
    doc.targets.insert("t".into(), 1.0);
    doc.columns
        .entry("firms".into())
        .or_default()
        .insert("H".into(), Some("sales".into()));
    let value = serde_json::to_value(&doc).expect("serialises");
    let mut paths = Vec::new();
    fn leaves(v: &serde_json::Value, at: Vec<String>, out: &mut Vec<Vec<String>>) {
        match v {
            serde_json::Value::Object(m) if !m.is_empty() => {
                if !at.is_empty() {
                    out.push(at.clone());
                }
                for (k, v) in m {
                    let mut next = at.clone();
                    next.push(k.clone());
                    leaves(v, next, out);
                }
            }
            _ => out.push(at),
        }
    }
    leaves(&value, Vec::new(), &mut paths);
    let bad = serde_json::json!([[1]]);
    let mut checked = 0;
    for path in paths {
        if path[0] == "format" || path[0] == "version" {
            continue;
        }
        let mut v = value.clone();
        let mut slot = &mut v;
        for key in &path {
            slot = slot.get_mut(key).expect("present");
        }
        *slot = bad.clone();
        let err = Document::from_value(v).unwrap_err();
        let want = path.join(".");
        match &err {
            DocumentError::InvalidField { path, expected } => {
                assert_eq!(path, &want);
                assert!(
                    expected.is_some(),
                    "{want}: nothing said of what it should hold"
                );
            }
            other => panic!("{want}: {other:?}"),
        }
        checked += 1;
    }
    assert!(checked > 30, "{checked}");
}
