//! The list of saved projects: open, create, delete (with undo from the notice).

use leptos::prelude::*;

use crate::i18n::{t, tf};
use crate::state::AppState;

#[component]
pub fn ProjectList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    view! {
        <h2>{move || t(lang.get(), "projects.title")}</h2>
        <button
            type="button"
            data-testid="new-project"
            on:click=move |_| state.new_project(t(lang.get_untracked(), "projects.new_name"))
        >
            {move || t(lang.get(), "projects.new")}
        </button>
        <div class="project-actions">
            <button
                type="button"
                data-testid="duplicate-project"
                on:click=move |_| {
                    let name = state.doc.with_untracked(|d| d.project.name.clone());
                    state.duplicate(&tf(lang.get_untracked(), "projects.copy_of", &[("name", name)]));
                }
            >
                {move || t(lang.get(), "projects.duplicate")}
            </button>
            <button
                type="button"
                data-testid="restore-example"
                on:click=move |_| {
                    state.add_project(crate::example::document(lang.get_untracked()));
                }
            >
                {move || t(lang.get(), "projects.restore_example")}
            </button>
        </div>
        <ul data-testid="project-list" class="project-list">
            <For
                each=move || state.projects.get()
                key=|m| (m.id.clone(), m.name.clone(), m.updated.to_bits())
                let:meta
            >
                {
                    let id = meta.id.clone();
                    let id_open = id.clone();
                    let id_delete = id.clone();
                    let is_current = move || state.current.get().as_deref() == Some(id.as_str());
                    let is_current_class = is_current.clone();
                    let id_kept = meta.id.clone();
                    let only_here = move || state.only_here.with(|u| u.contains(&id_kept));
                    let only_here_class = only_here.clone();
                    let name = if meta.name.trim().is_empty() { "—".to_string() } else { meta.name.clone() };
                    let name_for_label = name.clone();
                    let delete_label = move || format!("{} {}", t(lang.get(), "projects.delete"), name_for_label);
                    view! {
                        <li data-testid="project-item" class:current=is_current_class class:unsaved=only_here_class>
                            <button
                                type="button"
                                class="project-open"
                                aria-current=move || if is_current() { Some("true") } else { None }
                                on:click=move |_| state.open(&id_open)
                            >
                                <bdi class="project-name-text">{name}</bdi>
                                <small>{format_updated(meta.updated)}</small>
                                {move || only_here().then(|| view! {
                                    <small class="unsaved" data-testid="project-unsaved">
                                        {t(lang.get(), "projects.only_here")}
                                    </small>
                                })}
                            </button>
                            <button
                                type="button"
                                class="project-delete"
                                data-testid="delete-project"
                                aria-label=delete_label
                                on:click=move |_| {
                                    state.delete(&id_delete);
                                    focus_undo();
                                }
                            >
                                "✕"
                            </button>
                        </li>
                    }
                }
            </For>
        </ul>
    }
}

/// The last change as local date and time.
fn format_updated(ms: f64) -> String {
    if ms <= 0.0 {
        return String::new();
    }
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// After a delete, the button that was pressed is gone: focus goes to the notice's
/// Undo (once it is on the page), not to the top of the page.
fn focus_undo() {
    request_animation_frame(|| {
        let undo = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("[data-testid=undo-delete]").ok().flatten())
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
        if let Some(undo) = undo {
            let _ = undo.focus();
        }
    });
}
