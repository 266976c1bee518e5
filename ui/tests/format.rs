//! Number formatting in the reader's conventions.

use cluster_eval_ui::fields::{parse_number, show_number};
use cluster_eval_ui::format::{number, percent, points};
use cluster_eval_ui::i18n::Lang;

#[test]
fn formats_in_each_language() {
    assert_eq!(number(Lang::En, 1234567.891, 2), "1,234,567.89");
    assert_eq!(number(Lang::Es, 1234567.891, 2), "1.234.567,89");
    assert_eq!(number(Lang::Pt, -1234.5, 1), "−1.234,5");
    assert_eq!(number(Lang::En, -0.01, 1), "0.0");
    assert_eq!(percent(Lang::Es, 0.253), "25,3\u{a0}%");
    assert_eq!(points(Lang::En, 0.05), "+5.0\u{a0}pp");
    assert_eq!(number(Lang::En, f64::NAN, 1), "—");
}

#[test]
fn typed_numbers_are_read_as_meant() {
    let read = |lang, text| parse_number(lang, text).ok().flatten();
    for lang in [Lang::En, Lang::Es, Lang::Pt] {
        // One point not followed by three digits is a decimal point everywhere (as
        // Mexico and Central America write it); both marks: the later one is decimal.
        assert_eq!(read(lang, "2500000.75"), Some(2500000.75), "{lang:?}");
        assert_eq!(read(lang, "12.50"), Some(12.5), "{lang:?}");
        assert_eq!(read(lang, "0.5"), Some(0.5), "{lang:?}");
        assert_eq!(read(lang, "1.234.567"), Some(1234567.0), "{lang:?}");
        assert_eq!(read(lang, "1,234,567"), Some(1234567.0), "{lang:?}");
        assert_eq!(read(lang, "1.234.567,5"), Some(1234567.5), "{lang:?}");
        assert_eq!(read(lang, "1,234,567.5"), Some(1234567.5), "{lang:?}");
        assert_eq!(read(lang, "2,5"), Some(2.5), "{lang:?}");
        assert_eq!(read(lang, "$ 1 800 000"), Some(1800000.0), "{lang:?}");
        assert_eq!(read(lang, "-3"), Some(-3.0), "{lang:?}");
        assert_eq!(
            parse_number(lang, "1.2.3"),
            Err(cluster_eval_ui::fields::NotANumber)
        );
        assert_eq!(
            parse_number(lang, "twenty"),
            Err(cluster_eval_ui::fields::NotANumber)
        );
        assert_eq!(parse_number(lang, "  "), Ok(None));
    }
    // One mark before three digits: the language's convention.
    assert_eq!(read(Lang::Es, "1.234"), Some(1234.0));
    assert_eq!(read(Lang::Pt, "1.800"), Some(1800.0));
    assert_eq!(read(Lang::En, "1.234"), Some(1.234));
    assert_eq!(read(Lang::En, "1,234"), Some(1234.0));
    assert_eq!(read(Lang::Es, "1,234"), Some(1.234));
}

#[test]
fn stored_numbers_are_shown_without_rounding_noise() {
    assert_eq!(show_number(Lang::En, Some(0.07 * 100.0)), "7");
    assert_eq!(show_number(Lang::Es, Some(0.29 * 100.0)), "29");
    assert_eq!(show_number(Lang::Es, Some(2500000.75)), "2500000,75");
    assert_eq!(show_number(Lang::En, Some(0.125)), "0.125");
    assert_eq!(show_number(Lang::En, Some(1800000.0)), "1800000");
    assert_eq!(show_number(Lang::En, None), "");
}

#[test]
fn spanish_numbers_follow_the_readers_region() {
    use cluster_eval_ui::format::number;
    use cluster_eval_ui::i18n::{set_spanish_region, Lang};
    // Spain and South America: decimal comma.
    assert!(!set_spanish_region(["es-ES", "en"]));
    assert_eq!(number(Lang::Es, 1234.5, 1), "1.234,5");
    assert!(!set_spanish_region(["es-AR"]));
    assert_eq!(Lang::Es.marks(), (',', '.'));
    // Mexico (and Central America, the Caribbean, the United States): decimal point.
    assert!(set_spanish_region(["en-US", "es-MX"]));
    assert_eq!(number(Lang::Es, 1234.5, 1), "1,234.5");
    assert_eq!(Lang::Es.marks(), ('.', ','));
    // Portuguese and English are not touched.
    assert_eq!(Lang::Pt.marks(), (',', '.'));
    assert_eq!(Lang::En.marks(), ('.', ','));
    assert!(!set_spanish_region(["es"]));
    assert_eq!(number(Lang::Es, 1234.5, 1), "1.234,5");
}
