//! What the page must tell the user: storage trouble, refused files, undo.

use cluster_eval_engine::Expected;
use cluster_eval_engine::DocumentError;
use leptos::prelude::*;

use crate::components::share::{export_document, export_project};
use crate::files;
use crate::i18n::{t, tf, Lang};
use crate::state::{AppState, Notice};

#[component]
pub fn Notices() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="notices" role="status" aria-live="polite" data-testid="notices">
            {move || {
                let lang = state.lang.get();
                state
                    .notices
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(index, notice)| notice_view(state, lang, index, notice))
                    .collect_view()
            }}
        </div>
    }
}

fn notice_view(state: AppState, lang: Lang, index: usize, notice: Notice) -> impl IntoView {
    let (kind, class, text) = describe(lang, &notice);
    let undo = matches!(notice, Notice::Deleted { .. }).then(|| {
        view! {
            <button type="button" data-testid="undo-delete" on:click=move |_| state.undo_delete()>
                {t(lang, "notice.undo")}
            </button>
        }
    });
    // A notice about projects kept only in this tab exports each of them, whichever
    // is open; without storage, the open one.
    let projects = notice.projects().to_vec();
    let several = projects.len() > 1;
    let export = projects
        .into_iter()
        .map(|project| {
            let label = if several {
                tf(lang, "notice.export_named", &[("name", project.name.clone())])
            } else {
                t(lang, "notice.export_now").to_string()
            };
            view! {
                <button type="button" data-testid="notice-export" on:click=move |_| export_project(state, &project.id)>
                    {label}
                </button>
            }
        })
        .collect_view();
    let export_open = matches!(notice, Notice::StorageUnavailable).then(|| {
        view! {
            <button type="button" on:click=move |_| export_document(state)>
                {t(lang, "notice.export_now")}
            </button>
        }
    });
    let stopped = match &notice {
        Notice::StoppedLastTime { id, name } => {
            let (open_id, stored_id, name) = (id.clone(), id.clone(), name.clone());
            Some(view! {
                <button type="button" data-testid="open-anyway" on:click=move |_| {
                    state.dismiss(index);
                    state.open(&open_id);
                }>
                    {t(lang, "notice.open_anyway")}
                </button>
                <button type="button" data-testid="download-stored" on:click=move |_| {
                    let text = state.stored_text(&stored_id).unwrap_or_default();
                    let _ = files::download(&files::safe_file_name(&name, "json"), "application/json", &text);
                }>
                    {t(lang, "notice.download_stored")}
                </button>
            })
        }
        _ => None,
    };
    // Errors interrupt (an alert); everything else waits its turn in the status region.
    let role = (class == "error").then_some("alert");
    let dismiss_label = format!("{}: {text}", t(lang, "notice.dismiss"));
    view! {
        <div class=format!("notice {class}") role=role data-testid=format!("notice-{kind}")>
            <span>{text}</span>
            {undo}
            {export}
            {export_open}
            {stopped}
            <button type="button" class="dismiss" aria-label=dismiss_label on:click=move |_| state.dismiss(index)>
                {t(lang, "notice.dismiss")}
            </button>
        </div>
    }
}

/// (test id suffix, css class, text) of a notice.
fn describe(lang: Lang, notice: &Notice) -> (&'static str, &'static str, String) {
    match notice {
        Notice::StorageUnavailable => (
            "storage-unavailable",
            "warning",
            t(lang, "notice.storage_unavailable").to_string(),
        ),
        Notice::QuotaFull { projects } => (
            "quota-full",
            "error",
            tf(lang, "notice.quota_full", &[("names", names(projects))]),
        ),
        Notice::TooLargeToStore { projects, mb } => (
            "too-large",
            "warning",
            tf(
                lang,
                "notice.too_large",
                &[
                    ("names", names(projects)),
                    ("mb", crate::format::number(lang, *mb, 1)),
                ],
            ),
        ),
        Notice::Recovered { backup_key } => (
            "recovered",
            "warning",
            tf(lang, "notice.recovered", &[("key", backup_key.clone())]),
        ),
        Notice::ImportRefused { file, error } => (
            "import-refused",
            "error",
            tf(
                lang,
                "notice.import_refused",
                &[
                    ("file", file.clone()),
                    ("reason", document_error(lang, error)),
                ],
            ),
        ),
        Notice::ImportUnreadable { file } => (
            "import-refused",
            "error",
            tf(lang, "notice.import_unreadable", &[("file", file.clone())]),
        ),
        Notice::Imported { name, encoding } => (
            "imported",
            "info",
            match encoding {
                None => tf(lang, "notice.imported", &[("name", name.clone())]),
                Some(encoding) => tf(
                    lang,
                    "notice.imported_encoding",
                    &[("name", name.clone()), ("encoding", encoding.to_string())],
                ),
            },
        ),
        Notice::Deleted { meta, .. } => (
            "deleted",
            "info",
            tf(lang, "notice.deleted", &[("name", meta.name.clone())]),
        ),
        Notice::ChangedInOtherTab { kept_this_tab } => (
            "other-tab",
            "info",
            t(
                lang,
                if *kept_this_tab {
                    "notice.kept_this_tab"
                } else {
                    "notice.changed_in_other_tab"
                },
            )
            .to_string(),
        ),
        Notice::OtherTabSavedOverUnsaved { .. } => (
            "other-tab-unsaved",
            "warning",
            t(lang, "notice.other_tab_unsaved").to_string(),
        ),
        Notice::StoppedLastTime { name, .. } => (
            "stopped-last-time",
            "error",
            tf(lang, "notice.stopped_last_time", &[("name", name.clone())]),
        ),
        Notice::DeletedInOtherTab { project } => (
            "deleted-in-other-tab",
            "warning",
            tf(
                lang,
                "notice.deleted_in_other_tab",
                &[("name", project.name.clone())],
            ),
        ),
    }
}

/// The projects a notice is about, quoted: “Masaya”, “Chontales”.
fn names(projects: &[crate::state::ProjectRef]) -> String {
    projects
        .iter()
        .map(|p| format!("“{}”", p.name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A document error in the reader's language.
pub fn document_error(lang: Lang, error: &DocumentError) -> String {
    match error {
        DocumentError::NotJson { line, column } => tf(
            lang,
            "doc.not_json",
            &[("line", line.to_string()), ("column", column.to_string())],
        ),
        DocumentError::TooDeep { line, column } => tf(
            lang,
            "doc.too_deep",
            &[
                ("line", line.to_string()),
                ("column", column.to_string()),
                (
                    "levels",
                    cluster_eval_engine::MAX_DEPTH.to_string(),
                ),
            ],
        ),
        DocumentError::NumberTooLarge { line, column } => tf(
            lang,
            "doc.number_too_large",
            &[("line", line.to_string()), ("column", column.to_string())],
        ),
        DocumentError::NotAnObject { .. } => t(lang, "doc.not_object").to_string(),
        DocumentError::WrongFormat { found } => {
            tf(lang, "doc.wrong_format", &[("found", found.clone())])
        }
        DocumentError::MissingField { field } => {
            tf(lang, "doc.missing_field", &[("field", field.clone())])
        }
        DocumentError::NewerVersion { found, supported } => tf(
            lang,
            "doc.newer_version",
            &[
                ("found", found.to_string()),
                ("supported", supported.to_string()),
            ],
        ),
        DocumentError::BadVersion { found } => {
            tf(lang, "doc.bad_version", &[("found", found.clone())])
        }
        DocumentError::UnknownVersion { found, supported } => tf(
            lang,
            "doc.unknown_version",
            &[
                ("found", found.clone()),
                ("supported", supported.to_string()),
            ],
        ),
        DocumentError::InvalidField { path, .. } => match error.expected() {
            Some(expected) => tf(
                lang,
                "doc.invalid_field_expected",
                &[
                    ("path", path.clone()),
                    ("expected", expected_text(lang, &expected)),
                ],
            ),
            None => tf(lang, "doc.invalid_field", &[("path", path.clone())]),
        },
    }
}

/// What a field should hold, in the reader's language.
fn expected_text(lang: Lang, expected: &Expected) -> String {
    match expected {
        Expected::Number => t(lang, "doc.expected_number").to_string(),
        Expected::WholeNumber => t(lang, "doc.expected_whole_number").to_string(),
        Expected::Text => t(lang, "doc.expected_text").to_string(),
        Expected::TrueFalse => t(lang, "doc.expected_true_false").to_string(),
        Expected::List => t(lang, "doc.expected_list").to_string(),
        Expected::Object => t(lang, "doc.expected_object").to_string(),
        Expected::OneOf(codes) => tf(lang, "doc.expected_one_of", &[("codes", codes.clone())]),
    }
}
