//! Properties of the reader: any table of numbers written in any supported dialect
//! reads back to the same values, and no input whatsoever makes it panic.

mod read_support;

use cluster_eval_engine::error_entry;
use cluster_eval_engine::model::{Measure, TableKind};
use cluster_eval_engine::read::read_table;
use cluster_eval_engine::{DecimalSetting, DelimiterSetting, Settings};
use proptest::prelude::*;
use read_support::*;
use std::collections::BTreeMap;

const MEASURES: [Measure; 4] = [
    Measure::Sales,
    Measure::Exports,
    Measure::Investment,
    Measure::Employment,
];

#[derive(Debug, Clone)]
struct Dialect {
    sep: char,
    comma_decimal: bool,
    /// 0 none, 1 the other mark, 2 space, 3 no-break space, 4 narrow no-break space.
    thousands: u8,
    quote_all: bool,
    crlf: bool,
    wide: bool,
    /// Tell the reader the decimal mark through the project setting (and then also
    /// write whole numbers without decimals, which alone decide nothing).
    hint: bool,
}

fn dialect() -> impl Strategy<Value = Dialect> {
    (
        prop::sample::select(vec!['\t', ';', ',']),
        any::<bool>(),
        0u8..5,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(sep, comma_decimal, thousands, quote_all, crlf, wide, hint)| Dialect {
                sep,
                comma_decimal,
                thousands,
                quote_all,
                crlf,
                wide,
                hint,
            },
        )
}

/// Values in cents (`None` = missing), per firm, year and measure.
type Table = Vec<Vec<Vec<Option<u64>>>>;

fn table() -> impl Strategy<Value = (usize, usize, Table)> {
    (1usize..=4, 1usize..=3, 1usize..=6).prop_flat_map(|(measures, years, firms)| {
        let cell = prop_oneof![1 => Just(None), 6 => (0u64..100_000_000_000).prop_map(Some)];
        let firm = prop::collection::vec(prop::collection::vec(cell, measures), years);
        (
            Just(measures),
            Just(years),
            prop::collection::vec(firm, firms),
        )
    })
}

fn number(cents: u64, d: &Dialect) -> String {
    let (mark, other) = if d.comma_decimal {
        (',', '.')
    } else {
        ('.', ',')
    };
    let sep = match d.thousands {
        1 => Some(other),
        2 => Some(' '),
        3 => Some('\u{a0}'),
        4 => Some('\u{202f}'),
        _ => None,
    };
    let int = (cents / 100).to_string();
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            if let Some(s) = sep {
                out.push(s);
            }
        }
        out.push(c);
    }
    if !(d.hint && cents.is_multiple_of(100)) {
        out.push(mark);
        out.push_str(&format!("{:02}", cents % 100));
    }
    out
}

fn field(text: &str, d: &Dialect) -> String {
    let needs = text.contains([d.sep, '"', '\n', '\r']);
    if d.quote_all || needs {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn write(measures: usize, years: usize, t: &Table, d: &Dialect) -> String {
    let eol = if d.crlf { "\r\n" } else { "\n" };
    let mut header = vec!["firm".to_string()];
    if d.wide {
        for m in &MEASURES[..measures] {
            for y in 0..years {
                header.push(format!("{}_{}", m.name(), 2015 + y));
            }
        }
    } else {
        header.push("year".into());
        header.extend(MEASURES[..measures].iter().map(|m| m.name().to_string()));
    }
    let line = |cells: Vec<String>| {
        cells
            .iter()
            .map(|c| field(c, d))
            .collect::<Vec<_>>()
            .join(&d.sep.to_string())
    };
    let cell = |v: Option<u64>| v.map_or(String::new(), |c| number(c, d));
    let mut out = line(header) + eol;
    for (f, firm) in t.iter().enumerate() {
        if d.wide {
            let mut cells = vec![format!("F{f}")];
            for m in 0..measures {
                for year in firm.iter().take(years) {
                    cells.push(cell(year[m]));
                }
            }
            out += &(line(cells) + eol);
        } else {
            for (y, year) in firm.iter().enumerate() {
                let mut cells = vec![format!("F{f}"), (2015 + y).to_string()];
                cells.extend(year.iter().map(|v| cell(*v)));
                out += &(line(cells) + eol);
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn numbers_read_back_in_any_dialect((measures, years, t) in table(), d in dialect()) {
        let text = write(measures, years, &t, &d);
        let settings = Settings {
            decimal: match (d.hint, d.comma_decimal) {
                (false, _) => DecimalSetting::Auto,
                (true, true) => DecimalSetting::Comma,
                (true, false) => DecimalSetting::Point,
            },
            ..Settings::default()
        };
        let r = read_table(TableKind::Firms, &text, &settings, None);
        prop_assert!(r.errors.is_empty(), "{:?}\n{}", r.errors, text);
        let mut expected = Vec::new();
        for (f, firm) in t.iter().enumerate() {
            for (y, year) in firm.iter().enumerate() {
                // A wide table has no row for a year with no values at all.
                if d.wide && year.iter().all(Option::is_none) {
                    continue;
                }
                let values: Vec<Option<f64>> = year.iter().map(|v| v.map(|c| c as f64 / 100.0)).collect();
                expected.push((format!("F{f}"), 2015 + y as i32, values));
            }
        }
        let got: Vec<(String, i32, Vec<Option<f64>>)> = firm_rows(&r)
            .iter()
            .map(|row| (row.firm.clone(), row.year, MEASURES[..measures].iter().map(|m| row.get(*m)).collect()))
            .collect();
        prop_assert_eq!(got, expected, "{}", text);
        prop_assert_eq!(r.report.reshaped, d.wide);
    }

    #[test]
    fn never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400), knobs in any::<u8>()) {
        let text = String::from_utf8_lossy(&bytes);
        never_panics(&text, knobs);
    }

    #[test]
    fn never_panics_on_table_like_text(
        header in prop::sample::select(vec![
            "firm\tgroup\tyear\tsales\tquality", "empresa;grupo;año;ventas", "firm,sales_2019,sales 2020",
            "year\tlocal_gdp", "actividad;año;empresas", "actor,type,year", "año;monto;componente", "",
        ]),
        body in "[\t;,\"\r\n0-9.,a-zA-Z$()%€ \u{a0}-]{0,300}",
        knobs in any::<u8>(),
    ) {
        never_panics(&format!("{header}\n{body}"), knobs);
    }
}

fn never_panics(text: &str, knobs: u8) {
    let settings = Settings {
        delimiter: match knobs % 4 {
            0 => DelimiterSetting::Auto,
            1 => DelimiterSetting::Tab,
            2 => DelimiterSetting::Semicolon,
            _ => DelimiterSetting::Comma,
        },
        decimal: match (knobs / 4) % 3 {
            0 => DecimalSetting::Auto,
            1 => DecimalSetting::Point,
            _ => DecimalSetting::Comma,
        },
        ..Settings::default()
    };
    let mut mapping = BTreeMap::new();
    if knobs & 0x80 != 0 {
        mapping.insert("a".to_string(), Some("sales".to_string()));
        mapping.insert("x".to_string(), None);
        mapping.insert("sales".to_string(), Some("firm".to_string()));
    }
    for kind in TableKind::ALL {
        let r = read_table(kind, text, &settings, Some(&mapping));
        for e in &r.errors {
            let _ = error_entry(e);
        }
    }
}
