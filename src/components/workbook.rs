//! The workbook bar (issue 16): open a `.xlsx`/`.xls`/`.ods` (by the bar's input, or
//! dropped anywhere on the page), download the template, export the results as a
//! workbook; and the sheet-to-table step under it.
//!
//! The files are read and written by the workbook worker (`crate::workbook_link`,
//! typed messages of `cluster_eval_protocol::workbook`); what the step says and which
//! choices it accepts is `cluster_eval_ui::workbook_step`. Nothing in the project
//! changes until the reader confirms. The results workbook is written from the
//! results on screen (`Reading::results`): the worker never computes. See
//! docs/workbooks.md.

use cluster_eval_protocol::workbook::{TableLayout, WorkbookReply, WorkbookRequest};
use cluster_eval_types::TableKind;
use cluster_eval_ui::labels::table_title_key;
use cluster_eval_ui::workbook_step::{
    can_confirm, choice_of, is_workbook_file, size_refusal, Choosing, Confirmed, Notice,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{t, tf};
use crate::reading::Reading;
use crate::state::AppState;
use crate::workbook_link::{ask, Failure};

/// Where the step stands.
#[derive(Clone, Copy)]
struct Step {
    notice: RwSignal<Option<Notice>>,
    choosing: RwSignal<Option<Choosing>>,
    choice: RwSignal<Vec<Option<TableKind>>>,
    /// The project the workbook was opened in: the step applies to it alone.
    project: StoredValue<Option<String>>,
    /// Bumped when the step is closed or another workbook is opened: the answer of a
    /// reading under way for an older one is then dropped.
    generation: StoredValue<u32>,
}

/// The project bar's "Open" input and the step's heading, for a keyboard reader's
/// focus.
pub const INPUT_ID: &str = "open-file";
const HEADING_ID: &str = "workbook-step-title";

fn focus(id: &str) {
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

impl Step {
    fn say(self, notice: Option<Notice>) {
        self.choosing.set(None);
        self.notice.set(notice);
    }

    fn close(self) {
        self.say(None);
        focus(INPUT_ID);
    }

    fn reading(self) -> bool {
        self.notice
            .with_untracked(|n| matches!(n, Some(Notice::Reading(_))))
    }

    /// Stops a reading under way (the worker with it) and closes the step.
    fn cancel(self) {
        self.generation.update_value(|g| *g = g.wrapping_add(1));
        if self.reading() {
            crate::workbook_link::cancel();
        }
        self.close();
    }

    /// Starts a new reading for the open project; its number. A reading still under
    /// way for another file is stopped: the new one does not wait behind it.
    fn begin(self, project: Option<String>) -> u32 {
        if self.reading() {
            crate::workbook_link::cancel();
        }
        self.project.set_value(project);
        self.generation.update_value(|g| *g = g.wrapping_add(1));
        self.generation.get_value()
    }

    /// Another project was opened (or the step's own deleted): the step, worked out
    /// for its own project, closes, and a reading under way is forgotten.
    fn forget(self) {
        self.generation.update_value(|g| *g = g.wrapping_add(1));
        if self.reading() {
            crate::workbook_link::cancel();
            self.say(None);
        } else if self.choosing.with_untracked(Option::is_some) {
            self.say(None);
        }
    }

    fn is_current(self, generation: u32) -> bool {
        self.generation.get_value() == generation
    }

    fn failed(self, file: &str, failure: Failure) {
        self.say(Some(match failure {
            Failure::Unavailable => Notice::Unavailable,
            Failure::Garbled(error) => Notice::Failed {
                file: file.to_string(),
                error,
            },
        }));
    }
}

/// Opens `file` in the worker and shows its sheets.
fn open(state: AppState, step: Step, file: web_sys::File) {
    let name = file.name();
    if let Some(refused) = size_refusal(&name, file.size()) {
        return step.say(Some(refused));
    }
    let generation = step.begin(state.current.get_untracked());
    step.say(Some(Notice::Reading(name.clone())));
    let with_text: Vec<TableKind> = state.doc.with_untracked(|d| {
        TableKind::ALL
            .into_iter()
            .filter(|k| !d.table_text(*k).trim().is_empty())
            .collect()
    });
    leptos::task::spawn_local(async move {
        let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await else {
            return step.say(Some(Notice::Unreadable(name)));
        };
        let request = WorkbookRequest::Open { file: name.clone() };
        let answer = ask(&request, buffer.dyn_into().ok(), None).await;
        if !step.is_current(generation) {
            // Another project was opened meanwhile: this reading is not for it.
            return;
        }
        match answer {
            Ok((WorkbookReply::Opened(opened), _)) => {
                let (choosing, choice) = Choosing::new(name, opened, with_text);
                step.notice.set(None);
                step.choice.set(choice);
                step.choosing.set(Some(choosing));
                request_animation_frame(|| focus(HEADING_ID));
            }
            Ok((WorkbookReply::Refused(why), _)) => step.say(Some(Notice::Refused(why))),
            Ok((WorkbookReply::Failed(error), _)) => step.failed(&name, Failure::Garbled(error)),
            Ok((WorkbookReply::File, _)) => step.failed(&name, Failure::Garbled(String::new())),
            Err(failure) => step.failed(&name, failure),
        }
    });
}

/// Writes the template or the results workbook in the worker and downloads it. The
/// results workbook waits for the calculation under way, if any: it is written from
/// the open document's own results, computed once, by the compute worker.
fn write(state: AppState, step: Step, results: Option<Reading>) {
    match results {
        Some(reading) => {
            step.say(Some(Notice::Writing));
            leptos::task::spawn_local(async move {
                let settled = reading.settled_results().await;
                write_now(state, step, Some((reading, settled)));
            });
        }
        None => write_now(state, step, None),
    }
}

fn write_now(
    state: AppState,
    step: Step,
    results: Option<(Reading, Option<cluster_eval_types::Results>)>,
) {
    let lang = state.lang.get_untracked();
    let code = lang.code().to_string();
    let (request, name, texts) = if let Some((reading, settled)) = results {
        let tables = TableKind::ALL
            .into_iter()
            .map(|k| {
                reading
                    .table(k)
                    .with_untracked(|s| TableLayout::from_report(k, &s.report))
            })
            .collect();
        state.doc.with_untracked(|d| {
            // The document without its table texts, which travel beside the JSON.
            let mut document = Box::new(d.without_table_texts());
            // The open document's results: the workbook worker writes them and never
            // computes.
            document.results = settled;
            let texts = TableKind::ALL
                .into_iter()
                .map(|k| d.table_text(k).to_string())
                .collect();
            let request = WorkbookRequest::Results {
                document,
                tables,
                lang: code,
            };
            (request, d.project.name.clone(), Some(texts))
        })
    } else {
        let name = t(lang, "wb.template_file").to_string();
        (WorkbookRequest::Template { lang: code }, name, None)
    };
    let name = crate::files::safe_file_name(&name, "xlsx");
    step.say(Some(Notice::Writing));
    leptos::task::spawn_local(async move {
        match ask(&request, None, texts).await {
            Ok((WorkbookReply::File, Some(bytes))) => {
                let options = web_sys::BlobPropertyBag::new();
                options
                    .set_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                let blob = web_sys::Blob::new_with_buffer_source_sequence_and_options(
                    &js_sys::Array::of1(&bytes),
                    &options,
                );
                if let Ok(blob) = blob {
                    let _ = crate::files::download_blob(&name, &blob);
                }
                step.say(None);
            }
            Ok((WorkbookReply::Failed(error), _)) => step.failed(&name, Failure::Garbled(error)),
            Ok(_) => step.failed(&name, Failure::Garbled(String::new())),
            Err(failure) => step.failed(&name, failure),
        }
    });
}

/// The tables of a confirmed step go into the project the workbook was opened in,
/// with their source (the store refuses them for any other); the other tables stay as
/// they are.
fn apply(state: AppState, project: Option<String>, confirmed: Confirmed) {
    let Confirmed { file, tables } = confirmed;
    state.apply_workbook(project, file, tables);
}

/// What the project bar asks of workbooks: open one (into the sheet-to-table step),
/// write the blank template, write the results workbook. One per page, in the
/// context ([`Workbooks::provide`]); the step itself is drawn by [`WorkbookStep`].
#[derive(Clone, Copy)]
pub struct Workbooks {
    state: AppState,
    reading: Reading,
    step: Step,
}

impl Workbooks {
    /// Creates the page's workbook step and puts it in the context.
    pub fn provide(state: AppState, reading: Reading) -> Self {
        let workbooks = Workbooks {
            state,
            reading,
            step: Step {
                notice: RwSignal::new(None),
                choosing: RwSignal::new(None),
                choice: RwSignal::new(Vec::new()),
                project: StoredValue::new(None),
                generation: StoredValue::new(0),
            },
        };
        provide_context(workbooks);
        workbooks
    }

    /// Opens a workbook file into the sheet-to-table step.
    pub fn open(self, file: web_sys::File) {
        open(self.state, self.step, file);
    }

    /// Downloads the blank template, in the reader's language.
    pub fn template(self) {
        write(self.state, self.step, None);
    }

    /// Downloads the results workbook of the open project.
    pub fn export(self) {
        write(self.state, self.step, Some(self.reading));
    }
}

/// The sheet-to-table step (and what the workbook worker says while it reads or
/// writes), under the project bar.
#[component]
pub fn WorkbookStep() -> impl IntoView {
    let Workbooks { state, step, .. } = expect_context::<Workbooks>();
    let lang = state.lang;
    // The step is worked out for the project it was opened in: opening another one
    // (or deleting this one) closes it.
    Effect::new(move |previous: Option<Option<String>>| {
        let open = state.current.get();
        if previous.is_some_and(|p| p != open) {
            step.forget();
        }
        open
    });
    // A workbook dropped anywhere on the page (the project import's drop zone lets
    // workbooks through) opens the same step.
    let dragged = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let dropped = window_event_listener(leptos::ev::drop, move |ev| {
        if ev.default_prevented() {
            return;
        }
        ev.prevent_default();
        let file = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0));
        if let Some(file) = file.filter(|f| is_workbook_file(&f.name())) {
            open(state, step, file);
        }
    });
    on_cleanup(move || {
        dragged.remove();
        dropped.remove();
    });
    let confirm = move |_| {
        // The button is disabled while the choices cannot be confirmed.
        if !step.choice.with_untracked(|c| can_confirm(c)) {
            return;
        }
        let confirmed = step
            .choosing
            .try_update(Option::take)
            .flatten()
            .and_then(|c| c.confirm(&step.choice.get_untracked()));
        if let Some(confirmed) = confirmed {
            apply(state, step.project.get_value(), confirmed);
        }
        step.close();
    };
    // The step is drawn again as a whole when the language changes (rare); a choice
    // changes only the sentence and the confirm button, so a select keeps its focus.
    let notice = move || {
        step.notice.get().map(|n| {
            let l = lang.get();
            let busy = n.is_busy();
            let reading = matches!(n, Notice::Reading(_));
            let close = (!busy).then(|| {
                view! { " " <button type="button" on:click=move |_| step.close()>{t(l, "wb.close")}</button> }
            });
            // A reading can be stopped (a huge sheet takes a while).
            let cancel = reading.then(|| {
                view! { " " <button type="button" data-testid="workbook-cancel-reading" on:click=move |_| step.cancel()>{t(l, "wb.cancel")}</button> }
            });
            view! {
                <p
                    class=if busy { "notice info" } else { "notice error" }
                    role=if busy { "status" } else { "alert" }
                    data-testid=if busy { "workbook-busy" } else { "workbook-error" }
                >
                    {n.text(l)}
                    {close}
                    {cancel}
                </p>
            }
        })
    };
    let status = move || {
        step.choosing.with(|c| {
            c.as_ref()
                .map(|c| step.choice.with(|choice| c.status(lang.get(), choice)))
        })
    };
    let sheets = move || {
        let l = lang.get();
        let code = l.code();
        step.choosing.with(|c| {
            c.as_ref().map(|c| {
                let choice = step.choice.get_untracked();
                let rows = c
                    .sheets
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        let chosen = choice.get(i).copied().flatten();
                        let options = TableKind::ALL.map(|k| {
                            view! {
                                <option value=k.name() selected=chosen == Some(k)>
                                    {t(l, table_title_key(k))}
                                </option>
                            }
                        });
                        let label = tf(l, "wb.table_for", &[("sheet", s.name.clone())]);
                        view! {
                            <tr data-testid=format!("workbook-sheet-{i}")>
                                <th scope="row"><bdi>{s.name.clone()}</bdi></th>
                                <td>
                                    <select
                                        data-testid=format!("workbook-table-{i}")
                                        aria-label=label
                                        on:change=move |ev| {
                                            let value = event_target_value(&ev);
                                            step.choice.update(|c| {
                                                if let Some(slot) = c.get_mut(i) {
                                                    *slot = choice_of(&value);
                                                }
                                            });
                                        }
                                    >
                                        <option value="" selected=chosen.is_none()>{t(l, "wb.ignore")}</option>
                                        {options}
                                    </select>
                                </td>
                                <td class="hint">{s.note.get(code).to_string()}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                // The file's name, typed by someone else, isolated in a <bdi>.
                let title = tf(l, "wb.title", &[("file", "\u{2068}".to_string())]);
                let (before, after) = title.split_once('\u{2068}').unwrap_or((&title, ""));
                let (before, after) = (before.to_string(), after.to_string());
                let no_table = c.no_table.as_ref().map(|w| {
                    view! { <p class="notice warning" data-testid="workbook-no-table">{w.get(code).to_string()}</p> }
                });
                view! {
                    <section class="workbook-step notice info no-print" data-testid="workbook-dialog">
                        <h3 tabindex="-1" id=HEADING_ID>{before}<bdi>{c.file.clone()}</bdi>{after}</h3>
                        {no_table}
                        <div class="table-scroll">
                            <table class="workbook-sheets"><tbody>{rows}</tbody></table>
                        </div>
                        <p data-testid="workbook-replaces" role="status">{status}</p>
                        <button
                            type="button"
                            data-testid="workbook-confirm"
                            disabled=move || !step.choice.with(|c| can_confirm(c))
                            on:click=confirm
                        >
                            {t(l, "wb.confirm")}
                        </button>
                        " "
                        <button type="button" data-testid="workbook-cancel" on:click=move |_| step.close()>
                            {t(l, "wb.cancel")}
                        </button>
                    </section>
                }
            })
        })
    };
    view! {
        <div class="workbook-step-host" data-testid="workbook-step">
            {notice}
            {sheets}
        </div>
    }
}
