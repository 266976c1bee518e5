//! Messages as stored: the same `code` + `params` shape as before they were typed,
//! read back as the same variant, and a code or parameter this engine does not know
//! kept as it was read.

use cluster_eval_engine::indicators::panels::Side;
use cluster_eval_engine::{Message, Warning};
use serde_json::json;

#[test]
fn a_message_is_stored_as_a_code_and_its_params_in_order() {
    let m = Message::Compared {
        group: Side::Beneficiary,
        versus: Side::Control,
        measure: "sales".into(),
        n: 12,
        n_versus: 9,
        baseline: 2019,
        followup: 2022,
    };
    assert_eq!(
        serde_json::to_string(&m).unwrap(),
        r#"{"code":"compared","params":{"group":"beneficiary","versus":"control","measure":"sales","n":12,"n_versus":9,"baseline":2019,"followup":2022}}"#
    );
    assert_eq!(
        m.to_string(),
        "sales growth 2019→2022 of 12 beneficiary firms minus that of 9 control firms"
    );
    assert_eq!(
        serde_json::to_string(&Message::NoYears).unwrap(),
        r#"{"code":"no_years"}"#
    );
    // An optional parameter left out when absent; the other way round, null kept.
    let fallback = Message::TerritoryFallback {
        first: 2018,
        last: 2021,
        baseline: None,
        followup: None,
    };
    assert_eq!(
        serde_json::to_value(&fallback).unwrap(),
        json!({"code": "territory_fallback", "params": {"first": 2018, "last": 2021}})
    );
    let class = Message::ProPoorNoClassFirms {
        class: "micro".into(),
        above: None,
        up_to: Some(10.0),
        baseline: 2019,
        followup: 2022,
    };
    let json = serde_json::to_value(&class).unwrap();
    assert_eq!(json["params"]["above"], json!(null));
    assert_eq!(serde_json::from_value::<Message>(json).unwrap(), class);
}

#[test]
fn unknown_codes_and_params_are_kept_as_read() {
    let text = r#"{"code":"from_the_future","params":{"b":1,"a":"x"}}"#;
    let m: Message = serde_json::from_str(text).unwrap();
    assert!(matches!(m, Message::Unknown { .. }));
    assert_eq!(m.code(), "from_the_future");
    assert_eq!(serde_json::to_string(&m).unwrap(), text);
    // A known code whose parameter does not fit its field.
    let odd: Message =
        serde_json::from_str(r#"{"code":"no_group","params":{"group":"suppliers"}}"#).unwrap();
    assert!(matches!(odd, Message::Unknown { .. }));
    let missing: Message = serde_json::from_str(r#"{"code":"missing_column"}"#).unwrap();
    assert!(matches!(missing, Message::Unknown { .. }));
    // Every known code without its parameters is still readable.
    for code in Message::CODES {
        let m: Message = serde_json::from_value(json!({ "code": code })).unwrap();
        assert_eq!(m.code(), *code);
    }
}

#[test]
fn a_warning_keeps_its_shape() {
    let w = Warning::new(Message::YearsNotBefore {
        baseline: 2023,
        followup: 2019,
    });
    let text = serde_json::to_string(&w).unwrap();
    assert_eq!(
        text,
        r#"{"code":"years_not_before","message":"the baseline year 2023 must come before the follow-up year 2019","params":{"baseline":2023,"followup":2019}}"#
    );
    assert_eq!(serde_json::from_str::<Warning>(&text).unwrap(), w);
}
