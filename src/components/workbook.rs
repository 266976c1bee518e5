//! Workbooks in and out (issue 16): open a `.xlsx`/`.xls`/`.ods` by its button or by
//! dropping it anywhere on the page, choose which sheet goes to which table, then
//! confirm; download the template; export the results as a workbook.
//!
//! The reading and writing happen in the workbook module's worker (`crate::workbook`);
//! this component holds the steps. Nothing in the project changes before the user
//! confirms the sheet-to-table step, and a refused file changes nothing at all.

use cluster_eval_engine::{TableKind, TableSource};
use leptos::prelude::*;
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};

use crate::components::table_input::table_title_key;
use crate::i18n::{t, tf};
use crate::state::AppState;
use crate::workbook::{download_bytes, request, Failure};

/// One sheet as the module read it.
#[derive(Debug, Clone, Deserialize)]
struct Sheet {
    name: String,
    text: String,
}

/// The module's answer to "open".
#[derive(Debug, Clone, Deserialize)]
struct Opened {
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    sheets: Vec<Sheet>,
    #[serde(default)]
    notes: Vec<String>,
    #[serde(default)]
    proposal: Vec<Option<TableKind>>,
    #[serde(default)]
    no_table: Option<String>,
}

/// Where the workbook step stands.
#[derive(Debug, Clone)]
enum Step {
    Idle,
    Busy(String),
    Failed(String),
    /// The sheets read, waiting for the user's choice (one per sheet).
    Choose {
        file: String,
        opened: Opened,
        choice: Vec<Option<TableKind>>,
    },
}

fn failure_text(lang: crate::i18n::Lang, file: &str, failure: Failure) -> String {
    match failure {
        Failure::Unavailable => t(lang, "wb.unavailable").to_string(),
        Failure::Answer(text) => tf(
            lang,
            "wb.failed",
            &[("file", file.to_string()), ("error", text)],
        ),
    }
}

pub fn is_workbook_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    [".xlsx", ".xlsm", ".xls", ".ods"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

/// Reads a chosen or dropped file in the module and shows its sheets.
fn open_file(state: AppState, step: RwSignal<Step>, file: web_sys::File) {
    let lang = state.lang.get_untracked();
    let name = file.name();
    let limit = cluster_eval_ui::file_names::MAX_WORKBOOK_BYTES as f64;
    if file.size() > limit {
        let mb = |bytes: f64| format!("{:.1} MB", bytes / (1024.0 * 1024.0));
        let args = [
            ("file", name),
            ("size", mb(file.size())),
            ("limit", mb(limit)),
        ];
        return step.set(Step::Failed(tf(lang, "wb.too_large", &args)));
    }
    step.set(Step::Busy(tf(lang, "wb.busy", &[("file", name.clone())])));
    leptos::task::spawn_local(async move {
        let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await else {
            step.set(Step::Failed(tf(lang, "wb.unreadable", &[("file", name)])));
            return;
        };
        let fields = [
            ("op", JsValue::from_str("open")),
            ("file", JsValue::from_str(&name)),
            ("bytes", buffer.clone()),
            ("lang", JsValue::from_str(lang.code())),
        ];
        let answer = match request(&fields, Some(&buffer)).await {
            Ok(answer) => answer.as_string().unwrap_or_default(),
            Err(failure) => return step.set(Step::Failed(failure_text(lang, &name, failure))),
        };
        match serde_json::from_str::<Opened>(&answer) {
            Ok(Opened { error: Some(e), .. }) => step.set(Step::Failed(e)),
            Ok(opened) => {
                let choice = (0..opened.sheets.len())
                    .map(|i| opened.proposal.get(i).copied().flatten())
                    .collect();
                step.set(Step::Choose {
                    file: name,
                    opened,
                    choice,
                });
            }
            Err(e) => step.set(Step::Failed(failure_text(
                lang,
                &name,
                Failure::Answer(e.to_string()),
            ))),
        }
    });
}

/// Puts the chosen sheets into their tables, with their source; the other tables
/// stay as they are.
fn apply(state: AppState, file: &str, opened: &Opened, choice: &[Option<TableKind>]) {
    state.edit(|d| {
        for (sheet, kind) in opened.sheets.iter().zip(choice) {
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
                sheet: sheet.name.clone(),
            });
        }
    });
    state.reloaded.update(|n| *n = n.wrapping_add(1));
}

/// Asks the module for a workbook (`op`: template or results) and downloads it.
fn write_workbook(state: AppState, step: RwSignal<Step>, op: &'static str) {
    let lang = state.lang.get_untracked();
    let (name, doc) = state.doc.with_untracked(|d| {
        let doc = (op == "results").then(|| cluster_eval_engine::with_results(d).to_json());
        (d.project.name.clone(), doc)
    });
    let file_name = if op == "template" {
        crate::files::safe_file_name(t(lang, "wb.template_file"), "xlsx")
    } else {
        crate::files::safe_file_name(&name, "xlsx")
    };
    step.set(Step::Busy(t(lang, "wb.writing").to_string()));
    leptos::task::spawn_local(async move {
        let mut fields = vec![
            ("op", JsValue::from_str(op)),
            ("lang", JsValue::from_str(lang.code())),
        ];
        if let Some(doc) = doc {
            fields.push(("doc", JsValue::from_str(&doc)));
        }
        match request(&fields, None).await {
            Ok(bytes) => {
                let _ = download_bytes(&file_name, &bytes);
                step.set(Step::Idle);
            }
            Err(failure) => step.set(Step::Failed(failure_text(lang, &file_name, failure))),
        }
    });
}

fn chosen_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files().and_then(|f| f.get(0));
    // Let the same file be chosen again after a refusal.
    input.set_value("");
    file
}

#[component]
pub fn WorkbookBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let step = RwSignal::new(Step::Idle);
    // A workbook dropped anywhere on the page (a drop zone of its own, such as a
    // table's or the .json one, takes its files first); any other file dropped
    // outside a zone is refused here rather than opened by the browser in place of
    // the page, which would leave it.
    let over = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        if ev.default_prevented() {
            return;
        }
        ev.prevent_default();
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            if is_workbook_name(&file.name()) {
                open_file(state, step, file);
            }
        }
    });
    on_cleanup(move || {
        over.remove();
        drop.remove();
    });

    view! {
        <div class="workbook-bar no-print">
            <label class="file-button">
                <span>{move || t(lang.get(), "wb.open")}</span>
                <input
                    type="file"
                    accept=".xlsx,.xlsm,.xls,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet"
                    data-testid="open-workbook"
                    on:change=move |ev| {
                        if let Some(file) = chosen_file(&ev) {
                            open_file(state, step, file);
                        }
                    }
                />
            </label>
            <button type="button" data-testid="download-template" on:click=move |_| write_workbook(state, step, "template")>
                {move || t(lang.get(), "wb.template")}
            </button>
            <button type="button" data-testid="export-xlsx" on:click=move |_| write_workbook(state, step, "results")>
                {move || t(lang.get(), "wb.export")}
            </button>
        </div>
        {move || match step.get() {
            Step::Idle => ().into_any(),
            Step::Busy(text) => view! { <p class="notice info" role="status" data-testid="workbook-busy">{text}</p> }.into_any(),
            Step::Failed(text) => view! {
                <p class="notice error" role="alert" data-testid="workbook-error">
                    {text} " "
                    <button type="button" on:click=move |_| step.set(Step::Idle)>{t(lang.get_untracked(), "wb.close")}</button>
                </p>
            }.into_any(),
            Step::Choose { file, opened, choice } => view! { <ChooseSheets file opened choice step /> }.into_any(),
        }}
    }
}

/// The sheet-to-table step: one choice per sheet, what will be replaced, confirm.
#[component]
fn ChooseSheets(
    file: String,
    opened: Opened,
    choice: Vec<Option<TableKind>>,
    step: RwSignal<Step>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang.get_untracked();
    let choice = RwSignal::new(choice);
    let twice = move || {
        choice.with(|c| {
            TableKind::ALL
                .into_iter()
                .find(|k| c.iter().filter(|x| **x == Some(*k)).count() > 1)
        })
    };
    let replaced = move || {
        let names: Vec<&str> = choice.with(|c| {
            state.doc.with(|d| {
                TableKind::ALL
                    .into_iter()
                    .filter(|k| c.contains(&Some(*k)) && !d.table_text(*k).trim().is_empty())
                    .map(|k| t(lang, table_title_key(k)))
                    .collect()
            })
        });
        names.join(", ")
    };
    let none = move || choice.with(|c| c.iter().all(Option::is_none));
    let rows = opened
        .sheets
        .iter()
        .enumerate()
        .map(|(i, sheet)| {
            let note = opened.notes.get(i).cloned().unwrap_or_default();
            let options = TableKind::ALL
                .into_iter()
                .map(|k| {
                    let selected = move || choice.with(|c| c.get(i).copied().flatten() == Some(k));
                    view! { <option value=k.name() selected=selected>{t(lang, table_title_key(k))}</option> }
                })
                .collect_view();
            view! {
                <tr data-testid=format!("workbook-sheet-{i}")>
                    <th scope="row">{sheet.name.clone()}</th>
                    <td>
                        <select
                            aria-label=sheet.name.clone()
                            data-testid=format!("workbook-table-{i}")
                            on:change=move |ev| {
                                let kind = TableKind::from_name(&event_target_value(&ev));
                                choice.update(|c| if let Some(slot) = c.get_mut(i) { *slot = kind });
                            }
                        >
                            <option value="" selected=move || choice.with(|c| c.get(i).copied().flatten().is_none())>
                                {t(lang, "wb.ignore")}
                            </option>
                            {options}
                        </select>
                    </td>
                    <td class="hint">{note}</td>
                </tr>
            }
        })
        .collect_view();
    let title = tf(lang, "wb.title", &[("file", file)]);
    let label = title.clone();
    let no_table = opened.no_table.clone();
    let confirm = move |_| {
        if twice().is_some() || none() {
            return;
        }
        if let Step::Choose { file, opened, .. } = step.get_untracked() {
            apply(state, &file, &opened, &choice.get_untracked());
        }
        step.set(Step::Idle);
    };
    view! {
        <section class="workbook-step notice info" data-testid="workbook-dialog" aria-label=label>
            <h3>{title}</h3>
            {no_table.map(|text| view! { <p class="notice warning" data-testid="workbook-no-table">{text}</p> })}
            <div class="table-scroll">
                <table class="workbook-sheets">
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p data-testid="workbook-replaces">
                {move || {
                    let names = replaced();
                    if names.is_empty() { String::new() } else { tf(lang, "wb.replaces", &[("tables", names)]) }
                }}
            </p>
            <p class="notice error" role="alert" hidden=move || twice().is_none()>
                {move || twice().map(|k| tf(lang, "wb.twice", &[("table", t(lang, table_title_key(k)).to_string())]))}
            </p>
            <button type="button" data-testid="workbook-confirm" disabled=move || twice().is_some() || none() on:click=confirm>
                {t(lang, "wb.confirm")}
            </button>
            " "
            <button type="button" data-testid="workbook-cancel" on:click=move |_| step.set(Step::Idle)>
                {t(lang, "wb.cancel")}
            </button>
        </section>
    }
}
