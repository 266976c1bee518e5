//! What the page must tell the user: storage trouble, refused files, undo.

use cluster_eval_types::DocumentError;
use cluster_eval_types::Expected;
use leptos::prelude::*;

use crate::components::share::{export_document, export_project};
use crate::files;
use crate::i18n::{lookup, pieces, t, tf, Lang, Piece};
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
    let (kind, class, key, args) = describe(lang, &notice);
    let text = plain_text(lang, key, &args);
    let shown = isolated(lang, key, args);
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
    let other = match &notice {
        Notice::EditedInBothTabs { project, .. } => {
            let (id, name) = (project.id.clone(), project.name.clone());
            Some(view! {
                <button type="button" data-testid="download-other-version" on:click=move |_| {
                    let text = state.other_version(&id).unwrap_or_default();
                    let stem = tf(lang, "notice.other_file", &[("name", name.clone())]);
                    let _ = files::download(&files::safe_file_name(&stem, "json"), "application/json", &text);
                }>
                    {t(lang, "notice.download_other")}
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
            <span>{shown}</span>
            {undo}
            {export}
            {export_open}
            {stopped}
            {other}
            <button type="button" class="dismiss" aria-label=dismiss_label on:click=move |_| state.dismiss(index)>
                {t(lang, "notice.dismiss")}
            </button>
        </div>
    }
}

/// A value put into a notice's text.
enum Arg {
    /// Typed or chosen by a person (a project or file name): shown isolated.
    User(String),
    /// Project names, each quoted and isolated: “Masaya”, “Chontales”.
    Names(Vec<String>),
    /// Words and numbers of the page.
    Plain(String),
}

type Args = Vec<(&'static str, Arg)>;

/// The notice's text as one string (for the dismiss button's label).
fn plain_text(lang: Lang, key: &'static str, args: &Args) -> String {
    let flat: Vec<(&str, String)> = args
        .iter()
        .map(|(name, arg)| {
            let value = match arg {
                Arg::User(s) | Arg::Plain(s) => s.clone(),
                Arg::Names(names) => names
                    .iter()
                    .map(|n| format!("“{n}”"))
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            (*name, value)
        })
        .collect();
    tf(lang, key, &flat)
}

/// The notice's text with every value a person typed in its own `<bdi>`: a
/// right-to-left override in a project name reversed the notice's punctuation.
fn isolated(lang: Lang, key: &'static str, mut args: Args) -> impl IntoView {
    pieces(t(lang, key))
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.to_string().into_any(),
            Piece::Slot(slot) => match args.iter().position(|(name, _)| *name == slot) {
                Some(at) => match args.swap_remove(at).1 {
                    Arg::User(s) => view! { <bdi>{s}</bdi> }.into_any(),
                    Arg::Plain(s) => s.into_any(),
                    Arg::Names(names) => {
                        let last = names.len().saturating_sub(1);
                        names
                            .into_iter()
                            .enumerate()
                            .map(|(i, n)| {
                                let comma = (i < last).then_some(", ");
                                view! { "“"<bdi>{n}</bdi>"”"{comma} }
                            })
                            .collect_view()
                            .into_any()
                    }
                },
                None => format!("{{{slot}}}").into_any(),
            },
        })
        .collect_view()
}

/// (test id suffix, css class, catalogue key, values) of a notice.
fn describe(lang: Lang, notice: &Notice) -> (&'static str, &'static str, &'static str, Args) {
    match notice {
        Notice::StorageUnavailable => (
            "storage-unavailable",
            "warning",
            "notice.storage_unavailable",
            vec![],
        ),
        Notice::QuotaFull { projects } => (
            "quota-full",
            "error",
            "notice.quota_full",
            vec![("names", names(projects))],
        ),
        Notice::TooLargeToStore { projects, mb } => (
            "too-large",
            "warning",
            "notice.too_large",
            vec![
                ("names", names(projects)),
                ("mb", Arg::Plain(crate::format::number(lang, *mb, 1))),
            ],
        ),
        Notice::Recovered { backup_key } => (
            "recovered",
            "warning",
            "notice.recovered",
            vec![("key", Arg::User(backup_key.clone()))],
        ),
        Notice::ImportRefused { file, error } => (
            "import-refused",
            "error",
            "notice.import_refused",
            vec![
                ("file", Arg::User(file.clone())),
                ("reason", Arg::User(document_error(lang, error))),
            ],
        ),
        Notice::ImportTable { file } => (
            "import-refused",
            "error",
            "notice.import_table",
            vec![("file", Arg::User(file.clone()))],
        ),
        Notice::ImportUnreadable { file } => (
            "import-refused",
            "error",
            "notice.import_unreadable",
            vec![("file", Arg::User(file.clone()))],
        ),
        Notice::LanguageUnavailable { language } => (
            "language-unavailable",
            "warning",
            "notice.language_unavailable",
            vec![("language", Arg::Plain(language.clone()))],
        ),
        Notice::PortfolioUnavailable => (
            "portfolio-offline",
            "warning",
            "notice.portfolio_offline",
            vec![],
        ),
        Notice::WorkbookNotApplied { file } => (
            "workbook-not-applied",
            "warning",
            "notice.workbook_not_applied",
            vec![("file", Arg::User(file.clone()))],
        ),
        Notice::Imported { name, encoding } => (
            "imported",
            "info",
            match encoding {
                None => "notice.imported",
                Some(_) => "notice.imported_encoding",
            },
            vec![
                ("name", Arg::User(name.clone())),
                (
                    "encoding",
                    Arg::Plain(encoding.unwrap_or_default().to_string()),
                ),
            ],
        ),
        Notice::Deleted { meta, .. } => (
            "deleted",
            "info",
            "notice.deleted",
            vec![("name", Arg::User(meta.name.clone()))],
        ),
        Notice::ChangedInOtherTab { kept_this_tab } => (
            "other-tab",
            "info",
            if *kept_this_tab {
                "notice.kept_this_tab"
            } else {
                "notice.changed_in_other_tab"
            },
            vec![],
        ),
        Notice::MergedWithOtherTab => ("other-tab", "info", "notice.merged_with_other_tab", vec![]),
        Notice::EditedInBothTabs { project, parts } => (
            "edited-in-both-tabs",
            "warning",
            "notice.edited_in_both_tabs",
            vec![
                ("name", Arg::User(project.name.clone())),
                ("parts", Arg::Plain(part_names(lang, parts))),
            ],
        ),
        Notice::OtherTabSavedOverUnsaved { .. } => (
            "other-tab-unsaved",
            "warning",
            "notice.other_tab_unsaved",
            vec![],
        ),
        Notice::StoppedLastTime { name, .. } => (
            "stopped-last-time",
            "error",
            "notice.stopped_last_time",
            vec![("name", Arg::User(name.clone()))],
        ),
        Notice::DeletedInOtherTab { project } => (
            "deleted-in-other-tab",
            "warning",
            "notice.deleted_in_other_tab",
            vec![("name", Arg::User(project.name.clone()))],
        ),
    }
}

/// The projects a notice is about.
fn names(projects: &[crate::state::ProjectRef]) -> Arg {
    Arg::Names(projects.iter().map(|p| p.name.clone()).collect())
}

/// The parts of a project two tabs both changed, in words: “the Firms table, the
/// project facts”.
fn part_names(lang: Lang, parts: &[Vec<String>]) -> String {
    let mut out: Vec<String> = Vec::new();
    for part in parts {
        let name = match part.first().map(String::as_str) {
            Some("tables") => {
                let table = part.get(1).cloned().unwrap_or_default();
                let label = lookup(lang, &format!("table.{table}"))
                    .map(str::to_string)
                    .unwrap_or(table);
                tf(lang, "merge.table", &[("table", label)])
            }
            Some("project") => t(lang, "merge.project").to_string(),
            Some("checklist") => t(lang, "merge.checklist").to_string(),
            Some("targets") => t(lang, "merge.targets").to_string(),
            Some("columns") => t(lang, "merge.columns").to_string(),
            Some("settings") => t(lang, "merge.settings").to_string(),
            _ => t(lang, "merge.other").to_string(),
        };
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out.join(", ")
}

/// A document error in the reader's language.
pub fn document_error(lang: Lang, error: &DocumentError) -> String {
    match error {
        DocumentError::Empty => t(lang, "doc.empty").to_string(),
        DocumentError::Truncated { line } => {
            tf(lang, "doc.truncated", &[("line", line.to_string())])
        }
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
                ("levels", cluster_eval_types::MAX_DEPTH.to_string()),
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
