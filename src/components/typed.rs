//! The text a person is typing into a number field, kept as typed until the field is
//! left (`cluster_eval_ui::fields::shown_while_typing`), while every valid keystroke is
//! saved; shared by the project's number fields and the targets.

use leptos::prelude::*;

use crate::state::AppState;

/// `typed`: the text as typed, or `None` to show the stored value. `shown_again` is
/// bumped when another project is opened or another tab's version is taken, so the
/// field shows the stored value again.
#[derive(Clone, Copy)]
pub struct TypedText {
    pub typed: RwSignal<Option<String>>,
    pub shown_again: RwSignal<u32>,
}

impl TypedText {
    pub fn new(state: AppState) -> Self {
        let typed = RwSignal::new(None::<String>);
        let shown_again = RwSignal::new(0u32);
        Effect::new(move |_| {
            state.current.track();
            state.reloaded.track();
            typed.set(None);
            shown_again.update(|n| *n = n.wrapping_add(1));
        });
        TypedText { typed, shown_again }
    }
}
