//! Number fields while they are typed into (issue 14, item 3): every valid keystroke
//! is saved, and the field keeps the text as typed while it reads as the saved value.

use cluster_eval_ui::fields::{parse_number, shown_while_typing};
use cluster_eval_ui::i18n::Lang;

#[test]
fn a_field_keeps_the_text_as_typed_while_it_reads_as_the_saved_value() {
    // What each keystroke of `1.5` saves, and what the field then shows.
    for (typed, saved) in [("1", 1.0), ("1.", 1.0), ("1.5", 1.5)] {
        let value = parse_number(Lang::En, typed).unwrap();
        assert_eq!(value, Some(saved));
        assert_eq!(shown_while_typing(Lang::En, Some(typed), value), typed);
    }
    assert_eq!(
        shown_while_typing(Lang::Es, Some("12.000"), Some(12000.0)),
        "12.000"
    );
    assert_eq!(
        shown_while_typing(Lang::Pt, Some("1,50"), Some(1.5)),
        "1,50"
    );
    assert_eq!(shown_while_typing(Lang::En, Some(""), None), "");
    // A target in percent, stored as a fraction.
    assert_eq!(
        shown_while_typing(Lang::En, Some("7."), Some(0.07 * 100.0)),
        "7."
    );
}

#[test]
fn a_value_changed_elsewhere_replaces_the_typed_text() {
    assert_eq!(shown_while_typing(Lang::En, Some("12"), Some(13.0)), "13");
    assert_eq!(shown_while_typing(Lang::En, Some("12"), None), "");
    assert_eq!(
        shown_while_typing(Lang::Es, None, Some(1234.5)),
        "1234,5",
        "a field left shows the value in the reader's convention"
    );
}
