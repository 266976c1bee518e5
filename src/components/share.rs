//! Sharing: export the document as `<project name>.json`, import one from a file.

use cluster_eval_ui::decode::Encoding;
use leptos::prelude::*;

use crate::files;
use crate::i18n::t;
use crate::state::AppState;

/// Downloads the open document with its results, once the calculation under way (if
/// any) has answered: the compute worker computed them, nothing is computed again
/// here. If the calculation stopped, the document goes without results, which every
/// reader of the format recomputes anyway ("never trusted on the way in").
pub fn export_document(state: AppState) {
    let reading = use_context::<crate::reading::Reading>();
    leptos::task::spawn_local(async move {
        let results = match reading {
            Some(reading) => reading.settled_results().await,
            None => None,
        };
        let (name, json) = state.doc.with_untracked(|d| {
            let mut doc = d.clone();
            doc.results = results;
            (d.project.name.clone(), doc.to_json())
        });
        let _ = files::download(
            &files::safe_file_name(&name, "json"),
            "application/json",
            &json,
        );
    });
}

/// Downloads one project: the open one with its results, or one that is not open (a
/// notice's project, kept only in this tab) as it is kept, without results: the page
/// computes only the open project, and an import recomputes them.
pub fn export_project(state: AppState, id: &str) {
    if state.current.get_untracked().as_deref() == Some(id) {
        return export_document(state);
    }
    let Some(doc) = state.document(id) else {
        return;
    };
    let json = doc.to_json();
    let _ = files::download(
        &files::safe_file_name(&doc.project.name, "json"),
        "application/json",
        &json,
    );
}

/// Reads a file and imports it as a new project; a refused file changes nothing.
pub fn import_file(state: AppState, file: web_sys::File) {
    leptos::task::spawn_local(async move {
        let name = file.name();
        match files::read_text(&file).await {
            Ok((text, encoding)) => {
                let assumed = (encoding != Encoding::Utf8).then(|| encoding.name());
                state.import(&name, &text, assumed)
            }
            Err(_) => state.import_unreadable(&name),
        }
    });
}

/// Downloads the results as CSV for the reader's spreadsheet.
fn export_csv(state: AppState, results: &cluster_eval_types::Results) {
    let lang = state.lang.get_untracked();
    let (name, targets, currency) = state.doc.with_untracked(|d| {
        (
            d.project.name.clone(),
            d.targets.clone(),
            d.project.currency.clone(),
        )
    });
    let text = crate::csv_export::results_csv(lang, results, &name, &targets, &currency);
    let _ = files::download(
        &files::safe_file_name(&name, "csv"),
        "text/csv;charset=utf-8",
        &text,
    );
}

fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Closes the export menu (a `<details>`) once an item is chosen.
fn close_menu(ev: &leptos::ev::MouseEvent) {
    use wasm_bindgen::JsCast;
    let menu = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("details").ok().flatten())
        .and_then(|d| d.dyn_into::<web_sys::HtmlDetailsElement>().ok());
    if let Some(menu) = menu {
        menu.set_open(false);
    }
}

/// The project bar: one "Open" (a project's .json, a workbook, a table's .csv is
/// answered; or a file dropped anywhere), one "Export" menu (the project's .json, the
/// results as .csv or as a workbook, the blank template) and "Print report".
#[component]
pub fn ProjectBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let results = expect_context::<crate::reading::Reading>().results;
    let workbooks = expect_context::<crate::components::workbook::Workbooks>();
    let lang = state.lang;
    let dragging = RwSignal::new(false);
    let open_file = move |file: web_sys::File| {
        if cluster_eval_ui::workbook_step::is_workbook_file(&file.name()) {
            workbooks.open(file);
        } else {
            import_file(state, file);
        }
    };
    let item = move |testid: &'static str,
                     key: &'static str,
                     action: fn(
        AppState,
        crate::components::workbook::Workbooks,
        leptos::prelude::RwSignal<cluster_eval_types::Results>,
    )| {
        view! {
            <button type="button" role="menuitem" data-testid=testid on:click=move |ev| {
                close_menu(&ev);
                action(state, workbooks, results);
            }>
                {move || t(lang.get(), key)}
            </button>
        }
    };
    view! {
        <div
            class="share-bar drop-zone no-print"
            class:active=move || dragging.get()
            data-testid="drop-zone"
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev: web_sys::DragEvent| {
                dragging.set(false);
                if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                    // A workbook goes on to the step's drop listener (on the window,
                    // src/components/workbook.rs).
                    if cluster_eval_ui::workbook_step::is_workbook_file(&file.name()) {
                        return;
                    }
                    ev.prevent_default();
                    import_file(state, file);
                }
            }
        >
            <label class="file-button open-button">
                <span>{move || t(lang.get(), "bar.open")}</span>
                <input
                    type="file"
                    id=crate::components::workbook::INPUT_ID
                    accept=".json,application/json,.xlsx,.xlsm,.xls,.ods,.csv,.tsv,.txt"
                    data-testid="open-file"
                    on:change=move |ev| {
                        if let Some(file) = crate::files::take_chosen_file(&ev) {
                            open_file(file);
                        }
                    }
                />
            </label>
            <details class="menu export-menu" data-testid="export-menu">
                <summary data-testid="export-menu-button">{move || t(lang.get(), "bar.export")}</summary>
                <div class="menu-items" role="menu">
                    {item("export-json", "bar.export_json", |state, _, _| export_document(state))}
                    {item("export-csv", "bar.export_csv", |state, _, results| results.with_untracked(|r| export_csv(state, r)))}
                    {item("export-xlsx", "bar.export_xlsx", |_, workbooks, _| workbooks.export())}
                    {item("download-template", "bar.template", |_, workbooks, _| workbooks.template())}
                </div>
            </details>
            <button type="button" data-testid="print" on:click=move |_| print_page()>
                {move || t(lang.get(), "share.print")}
            </button>
            <span class="hint">{move || t(lang.get(), "share.drop")}</span>
        </div>
    }
}
