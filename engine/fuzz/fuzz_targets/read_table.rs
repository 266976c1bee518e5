//! Fuzzes the table reader: any bytes (made UTF-8 lossily), any table, any
//! separator and decimal setting, with and without a user mapping, must read
//! without panicking; a proposals table is screened too, and a firms table of
//! moderate size is computed whole (Annex II, pro-poor, design checks and the event
//! study, with a few bootstrap draws) and must give no NaN or infinite number. `cargo +nightly fuzz run
//! read_table fuzz/corpus/read_table fuzz/seeds/read_table` from
//! `engine/` (the committed seeds: the first byte is the knobs, `0xA0` a proposals
//! table, `0xB0` one with the mapping; v3: `firms_v3`, `activities_status`,
//! `subsidies_budget` hold the issue-23 columns).
#![no_main]

use std::collections::BTreeMap;

use cluster_eval_engine::error_entry;
use cluster_eval_engine::{DecimalSetting, DelimiterSetting, Document, Settings};
use cluster_eval_engine::indicators::screening;
use cluster_eval_engine::model::TableKind;
use cluster_eval_engine::read::{read_table, TableRows};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&knobs, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let settings = Settings {
        delimiter: match knobs & 3 {
            0 => DelimiterSetting::Auto,
            1 => DelimiterSetting::Tab,
            2 => DelimiterSetting::Semicolon,
            _ => DelimiterSetting::Comma,
        },
        decimal: match (knobs >> 2) % 3 {
            0 => DecimalSetting::Auto,
            1 => DecimalSetting::Point,
            _ => DecimalSetting::Comma,
        },
        ..Settings::default()
    };
    let mut mapping = BTreeMap::new();
    if knobs & 0x10 != 0 {
        mapping.insert("a".to_string(), Some("sales".to_string()));
        mapping.insert("b".to_string(), None);
        mapping.insert("ventas".to_string(), Some("year".to_string()));
        mapping.insert("c".to_string(), Some("entity_type".to_string()));
        mapping.insert("d".to_string(), Some("environmental".to_string()));
        // v3: the new columns (a count that must be whole, a status, a budget, flags).
        mapping.insert("e".to_string(), Some("export_destinations".to_string()));
        mapping.insert("f".to_string(), Some("status".to_string()));
        mapping.insert("g".to_string(), Some("budget".to_string()));
        mapping.insert("h".to_string(), Some("innovation".to_string()));
        mapping.insert("i".to_string(), Some("new_market".to_string()));
    }
    let kind = TableKind::ALL[usize::from(knobs >> 5) % TableKind::ALL.len()];
    let read = read_table(kind, &text, &settings, Some(&mapping));
    for e in &read.errors {
        let _ = error_entry(e);
    }
    if let TableRows::Proposals(rows) = &read.rows {
        let _ = screening::compute(rows);
    }
    if kind == TableKind::Firms && text.len() <= 4096 {
        let mut doc = Document::new("fuzz");
        doc.settings = Settings {
            bootstrap_reps: 8,
            ..settings
        };
        doc.tables.firms = text.into_owned();
        let results = cluster_eval_engine::compute(&doc);
        for ind in &results.indicators {
            assert!(ind.value.is_none_or(f64::is_finite), "{}", ind.id);
            assert!(
                ind.ci.is_none_or(|[a, b]| a.is_finite() && b.is_finite()),
                "{}",
                ind.id
            );
        }
    }
});
