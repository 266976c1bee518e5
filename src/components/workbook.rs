//! The workbook bar (issue 16): open a `.xlsx`/`.xls`/`.ods` (by the bar's input, or
//! dropped anywhere: index.html hands it to the input), download the template, export
//! the results as a workbook.
//!
//! Only the bar is in the page's first visit. Its actions load the workbook module
//! (`clusterWorkbook()` in index.html: `workbook.json`, then the module on the main
//! thread, which starts its own worker) and hand it the step's place; the module draws
//! the sheet-to-table step there and, when the reader confirms, sends the chosen
//! tables back in one `cluster-eval-workbook` event, which [`apply`] puts into the
//! project. Nothing changes before that. See docs/workbooks.md.

use cluster_eval_types::{TableKind, TableSource};
use cluster_eval_ui::workbook_step::{bar_html, notice_html};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::t;
use crate::state::AppState;

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// index.html: the workbook module, loaded once (a promise of its exports).
    #[wasm_bindgen(js_name = clusterWorkbook)]
    fn cluster_workbook() -> js_sys::Promise;
}

fn field(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// The element the module draws the step in.
fn step_host() -> Option<web_sys::Element> {
    web_sys::window()?
        .document()?
        .query_selector("[data-testid=workbook-step]")
        .ok()?
}

/// Loads the module and calls its `function` with the step's place first.
fn call_module(state: AppState, function: &'static str, args: js_sys::Array) {
    let lang = state.lang.get_untracked();
    let Some(host) = step_host() else { return };
    host.set_inner_html(&notice_html(lang, t(lang, "wb.loading"), true));
    args.unshift(&host);
    leptos::task::spawn_local(async move {
        let module = wasm_bindgen_futures::JsFuture::from(cluster_workbook()).await;
        let called = module.ok().and_then(|m| {
            let f: js_sys::Function = field(&m, function).dyn_into().ok()?;
            f.apply(&JsValue::NULL, &args).ok()
        });
        if called.is_none() {
            host.set_inner_html(&notice_html(lang, t(lang, "wb.unavailable"), false));
        }
    });
}

/// The tables a confirmed step sends (`detail`: `{file, tables: [{table, sheet,
/// text}]}`) go into the project with their source; the other tables stay as they are.
fn apply(state: AppState, detail: &JsValue) {
    let file = field(detail, "file").as_string().unwrap_or_default();
    let tables = js_sys::Array::from(&field(detail, "tables"));
    state.edit(|d| {
        for entry in tables.iter() {
            let Some(kind) = field(&entry, "table")
                .as_string()
                .and_then(|n| TableKind::from_name(&n))
            else {
                continue;
            };
            *d.table_text_mut(kind) = field(&entry, "text").as_string().unwrap_or_default();
            let settings = d
                .settings
                .tables
                .entry(kind.name().to_string())
                .or_default();
            // The old text's reading overrides do not apply to the sheet's text form.
            settings.delimiter = None;
            settings.decimal.clear();
            settings.source = Some(TableSource {
                file: file.clone(),
                sheet: field(&entry, "sheet").as_string().unwrap_or_default(),
            });
        }
    });
    state.reloaded.update(|n| *n = n.wrapping_add(1));
}

#[component]
pub fn WorkbookBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let applied = window_event_listener_untyped("cluster-eval-workbook", move |ev| {
        if let Some(ev) = ev.dyn_ref::<web_sys::CustomEvent>() {
            apply(state, &ev.detail());
        }
    });
    on_cleanup(move || applied.remove());
    // One handler for the bar: the file input's change and the buttons' clicks.
    let on_event = move |ev: web_sys::Event| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let code = JsValue::from_str(state.lang.get_untracked().code());
        if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
            if ev.type_() != "change" {
                return;
            }
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                let with_text: js_sys::Array = state.doc.with_untracked(|d| {
                    TableKind::ALL
                        .into_iter()
                        .filter(|k| !d.table_text(*k).trim().is_empty())
                        .map(|k| JsValue::from_str(k.name()))
                        .collect()
                });
                call_module(
                    state,
                    "step_open",
                    js_sys::Array::of3(&file, &code, &with_text),
                );
            }
            // Let the same file be chosen again after a refusal.
            input.set_value("");
            return;
        }
        let (op, doc, name) = match target.get_attribute("data-action").as_deref() {
            Some("template") => (
                "template",
                JsValue::UNDEFINED,
                t(state.lang.get_untracked(), "wb.template_file").to_string(),
            ),
            Some("results") => state.doc.with_untracked(|d| {
                // The results on screen, computed by the compute worker: nothing is
                // computed again here.
                let mut doc = d.clone();
                doc.results =
                    use_context::<crate::reading::Reading>().and_then(|r| r.current_results());
                let doc = doc.to_json();
                ("results", JsValue::from_str(&doc), d.project.name.clone())
            }),
            _ => return,
        };
        let name = JsValue::from_str(&crate::files::safe_file_name(&name, "xlsx"));
        call_module(
            state,
            "step_write",
            js_sys::Array::of4(&JsValue::from_str(op), &code, &doc, &name),
        );
    };
    view! {
        <div
            class="workbook-bar no-print"
            on:change=on_event
            on:click=move |ev: web_sys::MouseEvent| on_event(ev.into())
            inner_html=move || bar_html(lang.get())
        ></div>
        <div class="workbook-step-host" data-testid="workbook-step"></div>
    }
}
