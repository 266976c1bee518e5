//! Number formatting in the reader's conventions.

use cluster_eval_app::format::{number, percent, points};
use cluster_eval_app::i18n::Lang;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn formats_in_each_language() {
    assert_eq!(number(Lang::En, 1234567.891, 2), "1,234,567.89");
    assert_eq!(number(Lang::Es, 1234567.891, 2), "1.234.567,89");
    assert_eq!(number(Lang::Pt, -1234.5, 1), "−1.234,5");
    assert_eq!(number(Lang::En, -0.01, 1), "0.0");
    assert_eq!(percent(Lang::Es, 0.253), "25,3\u{a0}%");
    assert_eq!(points(Lang::En, 0.05), "+5.0\u{a0}pp");
    assert_eq!(number(Lang::En, f64::NAN, 1), "—");
}
