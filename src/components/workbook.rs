//! Workbooks in and out (issue 16): open a `.xlsx`/`.xls`/`.ods` by its button or by
//! dropping it anywhere on the page (index.html hands a dropped workbook to the
//! button's input), choose which sheet goes to which table, then confirm; download
//! the template; export the results as a workbook.
//!
//! The reading and writing happen in the workbook module's worker (`crate::workbook`);
//! this component holds the steps. Nothing in the project changes before the user
//! confirms, and a refused file changes nothing at all. The step's rules and markup
//! are `cluster_eval_ui::workbook_step` (tested natively).
//!
//! Issue 16 lets the first visit grow by 5 KB at most, and Leptos code is
//! instantiated per type: so the markup is set as `inner_html` with two delegated
//! handlers, the step lives in a plain thread-local cell redrawn through a `u32` signal (a type
//! the page already has), and every request runs in one future type.

use std::cell::RefCell;

use cluster_eval_engine::{TableKind, TableSource};
use cluster_eval_ui::workbook_step::{
    can_confirm, html, replaced, status_text, SheetRow, StepView,
};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::{t, tf, Lang};
use crate::state::AppState;
use crate::workbook::{download_bytes, request, Failure};

/// A sheet as the module read it, with its text form.
#[derive(Clone)]
struct Sheet {
    row: SheetRow,
    text: String,
}

/// Where the workbook step stands.
#[derive(Clone, Default)]
enum Step {
    #[default]
    Idle,
    Busy(String),
    Failed(String),
    /// The sheets read, waiting for the user's choice (one per sheet).
    Choose {
        file: String,
        sheets: Vec<Sheet>,
        choice: Vec<Option<TableKind>>,
        no_table: Option<String>,
    },
}

thread_local! {
    /// The step (the page has one workbook bar), redrawn through `Shared::drawn`.
    static STEP: RefCell<Step> = const { RefCell::new(Step::Idle) };
}

/// The page's state and the signal that redraws the step.
#[derive(Clone, Copy)]
struct Shared {
    state: AppState,
    drawn: RwSignal<u32>,
}

impl Shared {
    fn set(&self, step: Step) {
        STEP.with(|s| *s.borrow_mut() = step);
        self.drawn.update(|n| *n = n.wrapping_add(1));
    }

    fn lang(&self) -> Lang {
        self.state.lang.get_untracked()
    }

    fn choice(&self) -> Vec<Option<TableKind>> {
        STEP.with(|s| match &*s.borrow() {
            Step::Choose { choice, .. } => choice.clone(),
            _ => Vec::new(),
        })
    }

    fn replaced(&self, choice: &[Option<TableKind>]) -> Vec<TableKind> {
        self.state
            .doc
            .with_untracked(|d| replaced(choice, |k| !d.table_text(k).trim().is_empty()))
    }
}

/// What is asked of the module.
enum Job {
    Open(web_sys::File),
    Template,
    Results,
}

fn field(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn strings(value: JsValue) -> Vec<Option<String>> {
    js_sys::Array::from(&value)
        .iter()
        .map(|v| v.as_string())
        .collect()
}

/// Runs a job in the module; the step says how it went.
fn start(shared: Shared, job: Job) {
    let lang = shared.lang();
    let name = match &job {
        Job::Open(file) => file.name(),
        Job::Template => crate::files::safe_file_name(t(lang, "wb.template_file"), "xlsx"),
        Job::Results => shared
            .state
            .doc
            .with_untracked(|d| crate::files::safe_file_name(&d.project.name, "xlsx")),
    };
    if let Job::Open(file) = &job {
        let limit = cluster_eval_ui::file_names::MAX_WORKBOOK_BYTES as f64;
        if file.size() > limit {
            let mb = |bytes: f64| format!("{:.1} MB", bytes / (1024.0 * 1024.0));
            let args = [
                ("file", name),
                ("size", mb(file.size())),
                ("limit", mb(limit)),
            ];
            return shared.set(Step::Failed(tf(lang, "wb.too_large", &args)));
        }
        shared.set(Step::Busy(tf(lang, "wb.busy", &[("file", name.clone())])));
    } else {
        shared.set(Step::Busy(t(lang, "wb.writing").to_string()));
    }
    leptos::task::spawn_local(async move {
        let next = match run(&shared, lang, &name, job).await {
            Ok(step) => step,
            Err(Failure::Unavailable) => Step::Failed(t(lang, "wb.unavailable").to_string()),
            Err(Failure::Answer(text)) => {
                Step::Failed(tf(lang, "wb.failed", &[("file", name), ("error", text)]))
            }
        };
        shared.set(next);
    });
}

async fn run(shared: &Shared, lang: Lang, name: &str, job: Job) -> Result<Step, Failure> {
    let code = JsValue::from_str(lang.code());
    let file = match job {
        Job::Open(file) => file,
        Job::Template | Job::Results => {
            let results = matches!(job, Job::Results);
            let mut fields = vec![
                (
                    "op",
                    JsValue::from_str(if results { "results" } else { "template" }),
                ),
                ("lang", code),
            ];
            if results {
                let doc = shared
                    .state
                    .doc
                    .with_untracked(|d| cluster_eval_engine::with_results(d).to_json());
                fields.push(("doc", JsValue::from_str(&doc)));
            }
            let bytes = request(&fields, None).await?;
            let _ = download_bytes(name, &bytes);
            return Ok(Step::Idle);
        }
    };
    let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await else {
        return Ok(Step::Failed(tf(
            lang,
            "wb.unreadable",
            &[("file", name.into())],
        )));
    };
    let fields = [
        ("op", JsValue::from_str("open")),
        ("file", JsValue::from_str(name)),
        ("bytes", buffer.clone()),
        ("lang", code),
    ];
    let answer = request(&fields, Some(&buffer)).await?;
    if let Some(error) = field(&answer, "error").as_string() {
        return Ok(Step::Failed(error));
    }
    let notes = strings(field(&answer, "notes"));
    let sheets: Vec<Sheet> = js_sys::Array::from(&field(&answer, "sheets"))
        .iter()
        .enumerate()
        .map(|(i, s)| Sheet {
            row: SheetRow {
                name: field(&s, "name").as_string().unwrap_or_default(),
                note: notes.get(i).cloned().flatten().unwrap_or_default(),
            },
            text: field(&s, "text").as_string().unwrap_or_default(),
        })
        .collect();
    let proposal = strings(field(&answer, "proposal"));
    let choice = (0..sheets.len())
        .map(|i| {
            proposal
                .get(i)
                .cloned()
                .flatten()
                .and_then(|n| TableKind::from_name(&n))
        })
        .collect();
    Ok(Step::Choose {
        file: name.to_string(),
        sheets,
        choice,
        no_table: field(&answer, "no_table").as_string(),
    })
}

/// Puts the chosen sheets into their tables, with their source; the other tables
/// stay as they are.
fn apply(state: AppState, file: &str, sheets: &[Sheet], choice: &[Option<TableKind>]) {
    state.edit(|d| {
        for (sheet, kind) in sheets.iter().zip(choice) {
            let Some(kind) = kind else { continue };
            *d.table_text_mut(*kind) = sheet.text.clone();
            let settings = d
                .settings
                .tables
                .entry(kind.name().to_string())
                .or_default();
            // The old text's reading overrides do not apply to the sheet's text form.
            settings.delimiter = None;
            settings.decimal.clear();
            settings.source = Some(TableSource {
                file: file.to_string(),
                sheet: sheet.row.name.clone(),
            });
        }
    });
    state.reloaded.update(|n| *n = n.wrapping_add(1));
}

fn markup(shared: &Shared, lang: Lang) -> String {
    STEP.with(|step| markup_of(shared, lang, &step.borrow()))
}

fn markup_of(shared: &Shared, lang: Lang, step: &Step) -> String {
    let rows: Vec<SheetRow>;
    let replaced_tables: Vec<TableKind>;
    let view = match step {
        Step::Idle => StepView::Idle,
        Step::Busy(text) => StepView::Busy(text),
        Step::Failed(text) => StepView::Failed(text),
        Step::Choose {
            file,
            sheets,
            choice,
            no_table,
        } => {
            rows = sheets.iter().map(|s| s.row.clone()).collect();
            replaced_tables = shared.replaced(choice);
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

/// A select of the step changed: the choice follows, and so do the step's sentence
/// and confirm button (the step is not drawn again, so the select keeps its focus).
fn choose(shared: &Shared, select: &web_sys::HtmlSelectElement) {
    let Some(i) = select
        .get_attribute("data-sheet")
        .and_then(|i| i.parse::<usize>().ok())
    else {
        return;
    };
    STEP.with(|s| {
        if let Step::Choose { choice, .. } = &mut *s.borrow_mut() {
            if let Some(slot) = choice.get_mut(i) {
                *slot = TableKind::from_name(&select.value());
            }
        }
    });
    let choice = shared.choice();
    let section = select.closest("section").ok().flatten();
    let find = |id: &str| {
        section.as_ref().and_then(|s| {
            s.query_selector(&format!("[data-testid={id}]"))
                .ok()
                .flatten()
        })
    };
    if let Some(p) = find("workbook-replaces") {
        let text = status_text(shared.lang(), &choice, &shared.replaced(&choice));
        p.set_text_content(Some(&text));
    }
    if let Some(button) = find("workbook-confirm") {
        let _ = button.toggle_attribute_with_force("disabled", !can_confirm(&choice));
    }
}

#[component]
pub fn WorkbookBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let shared = Shared {
        state,
        drawn: RwSignal::new(0),
    };
    let drawn = shared.drawn;
    // A page opened again starts without a step.
    STEP.with(|s| *s.borrow_mut() = Step::Idle);
    // One handler for the file input and every select of the step.
    let on_change = move |ev: web_sys::Event| {
        let Some(target) = ev.target() else { return };
        if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                start(shared, Job::Open(file));
            }
            // Let the same file be chosen again after a refusal.
            input.set_value("");
        } else if let Some(select) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
            choose(&shared, select);
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let action = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.get_attribute("data-action"));
        match action.as_deref() {
            Some("template") => start(shared, Job::Template),
            Some("results") => start(shared, Job::Results),
            Some("confirm") => {
                let step = STEP.with(|s| std::mem::take(&mut *s.borrow_mut()));
                if let Step::Choose {
                    file,
                    sheets,
                    choice,
                    ..
                } = &step
                {
                    if !can_confirm(choice) {
                        return STEP.with(|s| *s.borrow_mut() = step);
                    }
                    apply(shared.state, file, sheets, choice);
                }
                shared.set(Step::Idle);
            }
            Some("cancel" | "close") => shared.set(Step::Idle),
            _ => {}
        }
    };
    view! {
        <div
            class="workbook"
            on:change=on_change
            on:click=on_click
            inner_html=move || {
                drawn.track();
                markup(&shared, lang.get())
            }
        ></div>
    }
}
