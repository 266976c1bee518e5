//! The sheet-to-table step, run on the page's main thread by this module (loaded there
//! by the page's `clusterWorkbook()` in index.html when a workbook is first used): the
//! page's first visit carries only the bar (`src/components/workbook.rs`).
//!
//! The page calls [`step_open`] or [`step_write`] with the element to draw the step
//! in; the step's rules and markup are `cluster_eval_ui::workbook_step`. Nothing in
//! the project changes until the reader confirms: then this module dispatches one
//! `cluster-eval-workbook` event on the window, `{file, tables: [{table, sheet,
//! text}]}`, and the page puts the tables in the project.

use std::cell::RefCell;

use cluster_eval_engine::TableKind;
use cluster_eval_ui::i18n::{self, t, tf, Lang};
use cluster_eval_ui::workbook_step::{
    can_confirm, html, replaced, status_text, SheetRow, StepView,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use cluster_eval_workbook::{proposal, texts, OpenError, OpenedWorkbook};

use crate::bridge::{download_bytes, request, Failure};
use crate::worker::lang;

/// Where the step stands. Texts are worded when drawn, so a change of language
/// while the step is shown words it again.
#[derive(Default)]
enum Step {
    #[default]
    Idle,
    /// Reading `file` (`Some`) or writing a workbook (`None`).
    Busy(Option<String>),
    /// The worker refused the file.
    Refused { file: String, error: OpenError },
    /// Anything else that went wrong, worded.
    Failed(String),
    Choose {
        file: String,
        book: OpenedWorkbook,
        choice: Vec<Option<TableKind>>,
        /// Tables of the project that hold text now (the page said so).
        with_text: Vec<TableKind>,
    },
}

thread_local! {
    static STEP: RefCell<Step> = const { RefCell::new(Step::Idle) };
    /// The element the step is drawn in, and the language.
    static HOST: RefCell<Option<(web_sys::Element, Lang)>> = const { RefCell::new(None) };
}

/// The page's texts of `lang` for this instance (the catalogue's Spanish and
/// Portuguese are not compiled into WebAssembly): the same `lang/<code>.json` the page
/// reads, from the service worker's cache once fetched. Without it, English.
async fn ensure_language(lang: Lang) {
    if i18n::is_installed(lang) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(response) =
        JsFuture::from(window.fetch_with_str(&format!("lang/{}.json", lang.code()))).await
    else {
        return;
    };
    let Ok(response) = response.dyn_into::<web_sys::Response>() else {
        return;
    };
    if !response.ok() {
        return;
    }
    if let Ok(text) = response.text() {
        if let Ok(text) = JsFuture::from(text).await {
            if let Some(text) = text.as_string() {
                i18n::install(lang, &text);
            }
        }
    }
}

/// Sets the step and draws it.
fn set(step: Step) {
    STEP.with(|s| *s.borrow_mut() = step);
    draw();
}

fn draw() {
    HOST.with(|host| {
        let host = host.borrow();
        let Some((element, lang)) = host.as_ref() else {
            return;
        };
        let markup = STEP.with(|s| markup(*lang, &s.borrow()));
        element.set_inner_html(&markup);
    });
}

fn markup(lang: Lang, step: &Step) -> String {
    let rows: Vec<SheetRow>;
    let replaced_tables: Vec<TableKind>;
    let no_table: Option<String>;
    let worded: String;
    let view = match step {
        Step::Idle => StepView::Idle,
        Step::Busy(Some(file)) => {
            worded = tf(lang, "wb.busy", &[("file", file.clone())]);
            StepView::Busy(&worded)
        }
        Step::Busy(None) => StepView::Busy(t(lang, "wb.writing")),
        Step::Refused { file, error } => {
            worded = texts::open_error(error, file, lang);
            StepView::Failed(&worded)
        }
        Step::Failed(text) => StepView::Failed(text),
        Step::Choose {
            file,
            book,
            choice,
            with_text,
        } => {
            rows = book
                .sheets
                .iter()
                .map(|s| SheetRow {
                    name: s.name.clone(),
                    note: texts::sheet_note(s, lang),
                })
                .collect();
            replaced_tables = replaced(choice, |k| with_text.contains(&k));
            no_table = (!book.any_table()).then(|| texts::no_table(file, lang));
            StepView::Choose {
                file,
                sheets: &rows,
                choice,
                no_table: no_table.as_deref(),
                replaced: &replaced_tables,
            }
        }
    };
    html(lang, view)
}

/// The step's own style, added by this module (the page's stylesheet, in its first
/// visit, has none of it): a table of sheets, stacked on a narrow screen.
const STYLE: &str = ".workbook-step table{border-collapse:collapse}\
.workbook-step th,.workbook-step td{text-align:left;padding:.25rem .5rem .25rem 0;vertical-align:top}\
@media (max-width:40rem){.workbook-step tr,.workbook-step th,.workbook-step td{display:block}\
.workbook-step tr{margin-bottom:.6rem}.workbook-step select{max-width:100%}}";

/// Takes `host` as the step's place (its handlers and style are added once).
fn take_host(host: web_sys::Element, lang: Lang) {
    if host.get_attribute("data-step-ready").is_none() {
        let _ = host.set_attribute("data-step-ready", "");
        if let Ok(style) = host
            .owner_document()
            .map_or(Err(JsValue::NULL), |d| d.create_element("style"))
        {
            style.set_text_content(Some(STYLE));
            let _ = host.before_with_node_1(&style);
        }
        let on_change = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
            if let Some(select) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            {
                choose(&select);
            }
        });
        let on_click = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
            let action = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.get_attribute("data-action"));
            match action.as_deref() {
                Some("confirm") => confirm(),
                Some("cancel" | "close") => {
                    set(Step::Idle);
                    focus("[data-testid=open-workbook]");
                }
                _ => {}
            }
        });
        let _ = host.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        let _ = host.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        on_change.forget();
        on_click.forget();
        follow_language();
    }
    HOST.with(|h| *h.borrow_mut() = Some((host, lang)));
}

/// The page sets `<html lang>` when the reader changes language: the step is worded
/// again in it (its texts loaded first).
fn follow_language() {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let changed = Closure::<dyn Fn()>::new(|| {
        let code = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|r| r.get_attribute("lang"))
            .unwrap_or_default();
        let lang = lang(&code);
        wasm_bindgen_futures::spawn_local(async move {
            ensure_language(lang).await;
            let drawn_in = HOST.with(|h| {
                h.borrow_mut()
                    .as_mut()
                    .map(|(_, l)| std::mem::replace(l, lang))
            });
            if drawn_in.is_some_and(|l| l != lang) {
                draw();
            }
        });
    });
    if let Ok(observer) = web_sys::MutationObserver::new(changed.as_ref().unchecked_ref()) {
        let options = web_sys::MutationObserverInit::new();
        options.set_attribute_filter(&js_sys::Array::of1(&"lang".into()));
        let _ = observer.observe_with_options(&root, &options);
    }
    changed.forget();
}

/// Focus for a keyboard reader: on the step's heading when it opens, back on the
/// bar's file input when it closes.
fn focus(selector: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// A select changed: the choice follows, and so do the step's sentence and confirm
/// button (the step is not drawn again, so the select keeps its focus).
fn choose(select: &web_sys::HtmlSelectElement) {
    let Some(i) = select
        .get_attribute("data-sheet")
        .and_then(|i| i.parse::<usize>().ok())
    else {
        return;
    };
    let (choice, with_text) = STEP.with(|s| match &mut *s.borrow_mut() {
        Step::Choose {
            choice, with_text, ..
        } => {
            if let Some(slot) = choice.get_mut(i) {
                *slot = TableKind::from_name(&select.value());
            }
            (choice.clone(), with_text.clone())
        }
        _ => (Vec::new(), Vec::new()),
    });
    let lang = HOST
        .with(|h| h.borrow().as_ref().map(|(_, l)| *l))
        .unwrap_or(Lang::En);
    let section = select.closest("section").ok().flatten();
    let find = |id: &str| {
        section.as_ref().and_then(|s| {
            s.query_selector(&format!("[data-testid={id}]"))
                .ok()
                .flatten()
        })
    };
    if let Some(p) = find("workbook-replaces") {
        let replaced = replaced(&choice, |k| with_text.contains(&k));
        p.set_text_content(Some(&status_text(lang, &choice, &replaced)));
    }
    if let Some(button) = find("workbook-confirm") {
        let _ = button.toggle_attribute_with_force("disabled", !can_confirm(&choice));
    }
}

/// The reader confirmed: the chosen sheets go to the page in one event.
fn confirm() {
    let step = STEP.with(|s| std::mem::take(&mut *s.borrow_mut()));
    let Step::Choose {
        file, book, choice, ..
    } = &step
    else {
        return set(step);
    };
    if !can_confirm(choice) {
        return STEP.with(|s| *s.borrow_mut() = step);
    }
    let tables = js_sys::Array::new();
    for (sheet, kind) in book.sheets.iter().zip(choice) {
        let Some(kind) = kind else { continue };
        let entry = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&entry, &"table".into(), &kind.name().into());
        let _ = js_sys::Reflect::set(&entry, &"sheet".into(), &sheet.name.as_str().into());
        let _ = js_sys::Reflect::set(&entry, &"text".into(), &sheet.text.as_str().into());
        tables.push(&entry);
    }
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"file".into(), &file.as_str().into());
    let _ = js_sys::Reflect::set(&detail, &"tables".into(), &tables);
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&detail);
    if let (Some(window), Ok(event)) = (
        web_sys::window(),
        web_sys::CustomEvent::new_with_event_init_dict("cluster-eval-workbook", &init),
    ) {
        let _ = window.dispatch_event(&event);
    }
    set(Step::Idle);
    focus("[data-testid=open-workbook]");
}

fn failed(lang: Lang, file: &str, failure: Failure) -> Step {
    match failure {
        Failure::Unavailable => Step::Failed(t(lang, "wb.unavailable").to_string()),
        Failure::Answer(text) => Step::Failed(tf(
            lang,
            "wb.failed",
            &[("file", file.into()), ("error", text)],
        )),
    }
}

/// Opens `file` in the worker and shows its sheets in `host`; `with_text`: the names
/// of the project's tables that hold text now.
#[wasm_bindgen]
pub async fn step_open(
    host: web_sys::Element,
    file: web_sys::File,
    code: String,
    with_text: js_sys::Array,
) {
    let lang = lang(&code);
    ensure_language(lang).await;
    take_host(host, lang);
    let name = file.name();
    let limit = cluster_eval_ui::file_names::MAX_WORKBOOK_BYTES as f64;
    if file.size() > limit {
        let mb = |bytes: f64| format!("{:.1} MB", bytes / (1024.0 * 1024.0));
        let args = [
            ("file", name),
            ("size", mb(file.size())),
            ("limit", mb(limit)),
        ];
        return set(Step::Failed(tf(lang, "wb.too_large", &args)));
    }
    set(Step::Busy(Some(name.clone())));
    let Ok(buffer) = JsFuture::from(file.array_buffer()).await else {
        return set(Step::Failed(tf(lang, "wb.unreadable", &[("file", name)])));
    };
    let fields = [("op", JsValue::from_str("open")), ("bytes", buffer.clone())];
    let answer = match request(&fields, Some(&buffer)).await {
        Ok(answer) => answer.as_string().unwrap_or_default(),
        Err(failure) => return set(failed(lang, &name, failure)),
    };
    #[derive(serde::Deserialize)]
    struct Answer {
        book: Option<OpenedWorkbook>,
        refused: Option<OpenError>,
    }
    let step = match serde_json::from_str::<Answer>(&answer) {
        Ok(Answer {
            book: Some(book), ..
        }) => {
            let with_text = with_text
                .iter()
                .filter_map(|v| v.as_string().and_then(|n| TableKind::from_name(&n)))
                .collect();
            let choice = proposal(&book);
            Step::Choose {
                file: name,
                book,
                choice,
                with_text,
            }
        }
        Ok(Answer {
            refused: Some(error),
            ..
        }) => Step::Refused { file: name, error },
        Ok(_) => Step::Failed(tf(
            lang,
            "wb.failed",
            &[("file", name), ("error", String::new())],
        )),
        Err(e) => Step::Failed(tf(
            lang,
            "wb.failed",
            &[("file", name), ("error", e.to_string())],
        )),
    };
    let choosing = matches!(step, Step::Choose { .. });
    set(step);
    if choosing {
        focus("[data-testid=workbook-dialog] h3");
    }
}

/// Writes a workbook in the worker (`op`: `template`, or `results` of `doc`, the
/// page's document with its results, as JSON) and downloads it as `file_name`.
#[wasm_bindgen]
pub async fn step_write(
    host: web_sys::Element,
    op: String,
    code: String,
    doc: Option<String>,
    file_name: String,
) {
    let lang = lang(&code);
    ensure_language(lang).await;
    take_host(host, lang);
    set(Step::Busy(None));
    let mut fields = vec![
        ("op", JsValue::from_str(&op)),
        ("lang", JsValue::from_str(lang.code())),
    ];
    if let Some(doc) = doc {
        fields.push(("doc", JsValue::from_str(&doc)));
    }
    match request(&fields, None).await {
        Ok(bytes) => {
            let _ = download_bytes(&file_name, &bytes);
            set(Step::Idle);
        }
        Err(failure) => set(failed(lang, &file_name, failure)),
    }
}
