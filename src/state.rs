//! The page's state: the project list, the open document and what the page must tell
//! the user about storage. Every change goes through [`AppState::edit`], which saves
//! at once; nothing here recomputes indicators (the engine does, in `results`).

use std::collections::HashMap;

use cluster_eval_engine::{Document, DocumentError};
use leptos::prelude::*;

use crate::example;
use crate::i18n::Lang;
use crate::storage::{self, ListChange, ProjectMeta, WriteError};

/// Something the page must say, in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// No local storage: the page works in memory only.
    StorageUnavailable,
    /// A save failed for lack of space; the data stay in memory.
    QuotaFull,
    /// The project is larger than a browser keeps; it stays in memory (size in MB).
    TooLargeToStore { mb: f64 },
    /// Stored data could not be read and were set aside under this key.
    Recovered { backup_key: String },
    /// An imported file was refused; nothing changed.
    ImportRefused { file: String, error: DocumentError },
    /// A file could not be read as text.
    ImportUnreadable { file: String },
    /// A project was imported and opened.
    Imported { name: String },
    /// A project was deleted; it can be restored until the next delete.
    Deleted { meta: ProjectMeta, json: String },
    /// Another tab of the page saved the open project. `kept_this_tab`: this tab had
    /// an unsaved change of its own at that moment, so its version was saved instead.
    ChangedInOtherTab { kept_this_tab: bool },
    /// Another tab saved the open project while this tab holds a version it could
    /// not store: this tab keeps its own, which only an export can keep.
    OtherTabSavedOverUnsaved,
    /// Another tab deleted the open project; it stays open here, in memory.
    DeletedInOtherTab { name: String },
    /// The page stopped while calculating this project last time, so it was not
    /// reopened by itself; it can be opened anyway, or its stored file downloaded.
    StoppedLastTime { id: String, name: String },
}

/// Shared by every component through the context.
#[derive(Clone, Copy)]
pub struct AppState {
    pub projects: RwSignal<Vec<ProjectMeta>>,
    pub current: RwSignal<Option<String>>,
    pub doc: RwSignal<Document>,
    pub notices: RwSignal<Vec<Notice>>,
    pub lang: RwSignal<Lang>,
    /// False when the browser gives no storage: the page says it works in memory.
    pub storage_ok: RwSignal<bool>,
    /// Bumped when the open document is replaced by another tab's version: the
    /// table boxes, which do not follow every keystroke of the document, show it.
    pub reloaded: RwSignal<u32>,
    /// The pending save of the open document (see [`AppState::edit`]).
    save_timer: StoredValue<Option<TimeoutHandle>>,
    /// Documents whose last save failed (full quota, no storage), by project id: they
    /// live here until a save succeeds, so switching projects never drops them.
    unsaved: StoredValue<HashMap<String, Document>>,
    /// The open project, when another tab deleted it: it stays listed and open here
    /// until this tab saves it again, it reappears in storage, or another is opened.
    deleted_elsewhere: StoredValue<Option<String>>,
    /// Projects deleted by another tab that this tab had open and then left: kept
    /// listed, with their content, until opened again, deleted here, or stored again
    /// (then the stored version, which is newer, wins).
    orphans: StoredValue<HashMap<String, Document>>,
}

/// How long edits are gathered before one save. Writing a large project to storage
/// takes time (a 10 MB paste is serialised and copied), so a burst of key presses
/// costs one write, not one per key. The page flushes on `pagehide`, so closing or
/// reloading right after an edit loses nothing.
const SAVE_DELAY: std::time::Duration = std::time::Duration::from_millis(300);

impl AppState {
    /// Loads the list, opens the last project (or creates the example on a first
    /// visit) and reports anything that could not be read.
    pub fn load() -> Self {
        let storage_ok = storage::local().is_some();
        let lang = storage::get(storage::LANG_KEY)
            .and_then(|code| Lang::from_code(&code))
            .unwrap_or_else(crate::browser_lang::from_browser);
        let state = AppState {
            projects: RwSignal::new(Vec::new()),
            current: RwSignal::new(None),
            doc: RwSignal::new(Document::default()),
            notices: RwSignal::new(Vec::new()),
            lang: RwSignal::new(lang),
            storage_ok: RwSignal::new(storage_ok),
            reloaded: RwSignal::new(0),
            save_timer: StoredValue::new(None),
            unsaved: StoredValue::new(HashMap::new()),
            deleted_elsewhere: StoredValue::new(None),
            orphans: StoredValue::new(HashMap::new()),
        };
        if !storage_ok {
            state.notify(Notice::StorageUnavailable);
        }
        let loaded = storage::load_index();
        if let Some(backup_key) = loaded.backed_up {
            state.notify(Notice::Recovered { backup_key });
        }
        state.projects.set(loaded.projects);
        // Left behind by a calculation that stopped the page (see `CALCULATING_KEY`).
        let stopped = storage::take_calculating_mark();
        let last = storage::last();
        let first = state
            .projects
            .with_untracked(|p| p.first().map(|m| m.id.clone()));
        match last
            .filter(|id| {
                state
                    .projects
                    .with_untracked(|p| p.iter().any(|m| &m.id == id))
            })
            .or(first)
        {
            Some(id) if stopped.as_deref() == Some(id.as_str()) => {
                let name = state.meta(&id).map(|m| m.name).unwrap_or_default();
                state.doc.set(Document::new(""));
                state.notify(Notice::StoppedLastTime { id, name });
            }
            Some(id) => state.open(&id),
            None => {
                state.add_project(example::document(lang));
            }
        }
        state
    }

    pub fn notify(&self, notice: Notice) {
        self.notices.update(|n| {
            // A newer notice of the same kind replaces the older one.
            n.retain(|old| std::mem::discriminant(old) != std::mem::discriminant(&notice));
            n.push(notice);
        });
    }

    /// Takes back the notices that no longer apply.
    fn withdraw(&self, gone: impl Fn(&Notice) -> bool) {
        self.notices.update(|n| n.retain(|x| !gone(x)));
    }

    /// The project's last save failed (full quota, no storage, too large): this tab
    /// holds the only copy of its latest version.
    fn is_unsaved(&self, id: &str) -> bool {
        self.unsaved.with_value(|u| u.contains_key(id))
    }

    fn is_deleted_elsewhere(&self, id: &str) -> bool {
        self.deleted_elsewhere.get_value().as_deref() == Some(id)
    }

    pub fn dismiss(&self, index: usize) {
        self.notices.update(|n| {
            if index < n.len() {
                n.remove(index);
            }
        });
    }

    /// Opens a saved project; an unreadable one is set aside and replaced by an empty
    /// document of the same name, and the user is told where the original went.
    pub fn open(&self, id: &str) {
        self.leave_current();
        let stored = storage::get(&storage::doc_key(id));
        if let Some(doc) = self.orphans.try_update_value(|o| o.remove(id)).flatten() {
            if stored.is_none() {
                // Still deleted elsewhere: this tab's copy is the only one.
                self.current.set(Some(id.to_string()));
                self.doc.set(doc);
                self.deleted_elsewhere.set_value(Some(id.to_string()));
                return;
            }
        }
        if let Some(doc) = self.unsaved.with_value(|u| u.get(id).cloned()) {
            self.current.set(Some(id.to_string()));
            self.doc.set(doc);
            storage::set_last(id);
            return;
        }
        if stored.is_none() && !storage::load_index().projects.iter().any(|m| m.id == id) {
            // Deleted (by another tab) since this tab listed it: nothing to open, and
            // an empty project must not take its place under its id.
            self.refresh_list();
            return;
        }
        let doc = match stored.as_deref().map(Document::from_json) {
            Some(Ok(doc)) => doc,
            Some(Err(_)) => {
                let text = stored.unwrap_or_default();
                if let Some(backup_key) = storage::back_up(&storage::doc_key(id), &text) {
                    self.notify(Notice::Recovered { backup_key });
                }
                let name = self.meta(id).map(|m| m.name).unwrap_or_default();
                Document::new(&name)
            }
            None => Document::new(&self.meta(id).map(|m| m.name).unwrap_or_default()),
        };
        self.current.set(Some(id.to_string()));
        self.doc.set(doc);
        storage::set_last(id);
    }

    fn meta(&self, id: &str) -> Option<ProjectMeta> {
        self.projects
            .with_untracked(|p| p.iter().find(|m| m.id == id).cloned())
    }

    /// Before another project is opened: a pending save is written, a project deleted
    /// by another tab is kept as an orphan, and the notices about the project left
    /// (other tabs, a stop) no longer apply.
    fn leave_current(&self) {
        self.flush();
        if let Some(id) = self.current.get_untracked() {
            if self.is_deleted_elsewhere(&id) {
                let doc = self.doc.get_untracked();
                self.orphans.update_value(|o| {
                    o.insert(id, doc);
                });
            }
        }
        self.deleted_elsewhere.set_value(None);
        self.withdraw(|x| {
            matches!(
                x,
                Notice::ChangedInOtherTab { .. }
                    | Notice::OtherTabSavedOverUnsaved
                    | Notice::DeletedInOtherTab { .. }
                    | Notice::StoppedLastTime { .. }
            )
        });
    }

    /// Adds a project to the list, saves it and opens it.
    pub fn add_project(&self, doc: Document) -> String {
        self.leave_current();
        let id = new_id();
        let meta = ProjectMeta {
            id: id.clone(),
            name: doc.project.name.clone(),
            updated: js_sys::Date::now(),
        };
        self.projects.update(|p| p.insert(0, meta));
        self.current.set(Some(id.clone()));
        self.doc.set(doc);
        self.save();
        storage::set_last(&id);
        id
    }

    /// Changes the open document; it is saved within [`SAVE_DELAY`].
    pub fn edit(&self, change: impl FnOnce(&mut Document)) {
        if self.current.get_untracked().is_none() {
            // Every project was deleted and the person goes on typing in the empty
            // form: it becomes a new project, so nothing typed is lost.
            self.doc.update(change);
            self.add_project(self.doc.get_untracked());
            return;
        }
        self.doc.update(change);
        let name = self.doc.with_untracked(|d| d.project.name.clone());
        if let Some(id) = self.current.get_untracked() {
            self.projects.update(|p| {
                if let Some(m) = p.iter_mut().find(|m| m.id == id) {
                    m.name = name;
                    m.updated = js_sys::Date::now();
                }
            });
        }
        self.schedule_save();
    }

    fn schedule_save(&self) {
        let state = *self;
        if let Some(pending) = self.save_timer.get_value() {
            pending.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                state.save_timer.set_value(None);
                state.save();
            },
            SAVE_DELAY,
        );
        match handle {
            Ok(handle) => self.save_timer.set_value(Some(handle)),
            // No timer (should not happen in a browser): save now.
            Err(_) => self.save(),
        }
    }

    /// Saves a pending edit now (the page is being hidden or closed).
    pub fn flush(&self) {
        if let Some(pending) = self.save_timer.get_value() {
            pending.clear();
            self.save_timer.set_value(None);
            self.save();
        }
    }

    /// Writes the open document and the list. A failure keeps everything in memory
    /// and tells the user (with an offer to export).
    pub fn save(&self) {
        let Some(id) = self.current.get_untracked() else {
            return;
        };
        let tables = self.doc.with_untracked(Document::tables_len);
        let outcome = if tables > storage::STORAGE_LIMIT_CHARS {
            Err(WriteError::TooLarge { chars: tables })
        } else {
            let json = self.doc.with_untracked(|d| {
                let mut d = d.clone();
                d.results = None;
                d.to_json()
            });
            storage::set(&storage::doc_key(&id), &json)
        }
        .and_then(|_| {
            let meta = self.meta(&id).unwrap_or_else(|| ProjectMeta {
                id: id.clone(),
                name: self.doc.with_untracked(|d| d.project.name.clone()),
                updated: js_sys::Date::now(),
            });
            self.write_list(ListChange::Put(meta))
        });
        match outcome {
            Ok(()) => {
                self.unsaved.update_value(|u| {
                    u.remove(&id);
                });
                self.back_in_storage(&id);
            }
            Err(_) => {
                let doc = self.doc.get_untracked();
                self.unsaved.update_value(|u| {
                    u.insert(id, doc);
                });
            }
        }
        self.report_write(outcome);
    }

    /// Writes one change of the project list into storage and shows the list as stored
    /// (with this tab's unsaved projects): other tabs may have changed it meanwhile.
    fn write_list(&self, change: ListChange) -> Result<(), WriteError> {
        let (stored, outcome) = storage::change_index(&change);
        match outcome {
            Ok(()) => self.projects.set(self.with_unsaved(stored)),
            Err(_) => self.projects.update(|p| change.apply(p)),
        }
        outcome
    }

    /// The stored list with this tab's projects that are only in memory (a failed
    /// save, no storage, too large): first those missing from storage, and for the
    /// others this tab's line (its name may be newer than the stored one).
    fn with_unsaved(&self, stored: Vec<ProjectMeta>) -> Vec<ProjectMeta> {
        let shown = self.projects.get_untracked();
        let in_memory = |id: &str| {
            self.is_unsaved(id)
                || self.orphans.with_value(|o| o.contains_key(id))
                || self.is_deleted_elsewhere(id)
        };
        let mut list: Vec<ProjectMeta> = shown
            .iter()
            .filter(|m| in_memory(&m.id) && !stored.iter().any(|s| s.id == m.id))
            .cloned()
            .collect();
        list.extend(stored.into_iter().map(|s| {
            match shown.iter().find(|m| m.id == s.id && in_memory(&m.id)) {
                Some(mine) => mine.clone(),
                None => s,
            }
        }));
        list
    }

    /// Another tab of the page wrote to storage (the browser's `storage` event, which
    /// never fires in the tab that wrote): `key` is `None` when it cleared storage.
    /// Nothing this tab holds is dropped: a project deleted there stays open here.
    pub fn on_other_tab(&self, key: Option<&str>, new_value: Option<String>) {
        let open_key = self.current.get_untracked().map(|id| storage::doc_key(&id));
        match key {
            Some(storage::INDEX_KEY) => self.refresh_list(),
            Some(key) if Some(key) == open_key.as_deref() => match new_value {
                Some(json) => self.take_other_tab_version(&json),
                None => self.keep_open_in_memory(),
            },
            None => {
                self.keep_open_in_memory();
                self.refresh_list();
            }
            Some(_) => {}
        }
    }

    fn refresh_list(&self) {
        let mut stored = storage::load_index().projects;
        // Two tabs changing the list within the same millisecond can drop one's
        // change (local storage has no transactions): a project this tab lists whose
        // document is still stored was not deleted, so it is put back.
        let dropped: Vec<ProjectMeta> = self.projects.with_untracked(|p| {
            p.iter()
                .filter(|m| !stored.iter().any(|s| s.id == m.id))
                .filter(|m| storage::get(&storage::doc_key(&m.id)).is_some())
                .cloned()
                .collect()
        });
        for meta in dropped {
            let (list, _) = storage::change_index(&ListChange::Put(meta));
            stored = list;
        }
        let listed = |id: &str| stored.iter().any(|m| m.id == id);
        self.orphans.update_value(|o| o.retain(|id, _| !listed(id)));
        if let Some(id) = self.current.get_untracked() {
            if listed(&id) {
                self.back_in_storage(&id);
            } else if !self.is_unsaved(&id) {
                self.keep_open_in_memory();
            }
        }
        // A project deleted here and back in storage (another tab saved or restored
        // it): undoing the delete would write this tab's older copy over it.
        self.withdraw(|x| matches!(x, Notice::Deleted { meta, .. } if listed(&meta.id)));
        self.projects.set(self.with_unsaved(stored));
    }

    /// The open project was deleted by another tab: keep it here, listed and open,
    /// until the next change saves it again.
    fn keep_open_in_memory(&self) {
        let Some(id) = self.current.get_untracked() else {
            return;
        };
        if self.is_unsaved(&id) || self.is_deleted_elsewhere(&id) {
            return;
        }
        self.deleted_elsewhere.set_value(Some(id));
        let name = self.doc.with_untracked(|d| d.project.name.clone());
        self.notify(Notice::DeletedInOtherTab { name });
    }

    /// A project is stored again (saved here, or by another tab): no longer deleted
    /// elsewhere.
    fn back_in_storage(&self, id: &str) {
        if self.is_deleted_elsewhere(id) {
            self.deleted_elsewhere.set_value(None);
            self.withdraw(|x| matches!(x, Notice::DeletedInOtherTab { .. }));
        }
    }

    /// Another tab saved the open project: show its version, unless this tab has a
    /// change of its own waiting to be saved, which is then saved at once (the other
    /// tab takes it in turn), so the two tabs never go on editing different copies.
    fn take_other_tab_version(&self, json: &str) {
        let unsaved_here = self
            .current
            .get_untracked()
            .is_some_and(|id| self.is_unsaved(&id));
        if unsaved_here {
            // This tab's version could not be stored (full quota, too large): it exists
            // only here, so it is kept, and the person is told to export it.
            self.notify(Notice::OtherTabSavedOverUnsaved);
            return;
        }
        if self.save_timer.get_value().is_some() {
            self.flush();
            self.notify(Notice::ChangedInOtherTab {
                kept_this_tab: true,
            });
            return;
        }
        // Unreadable: that tab's write is not something to show; keep this version.
        let Ok(mut theirs) = Document::from_json(json) else {
            return;
        };
        theirs.results = self.doc.with_untracked(|d| d.results.clone());
        if self.doc.with_untracked(|ours| *ours == theirs) {
            return;
        }
        if let Some(id) = self.current.get_untracked() {
            self.unsaved.update_value(|u| {
                u.remove(&id);
            });
            self.back_in_storage(&id);
        }
        self.doc.set(theirs);
        self.reloaded.update(|n| *n = n.wrapping_add(1));
        self.notify(Notice::ChangedInOtherTab {
            kept_this_tab: false,
        });
    }

    fn report_write(&self, outcome: Result<(), WriteError>) {
        match outcome {
            Ok(()) => {
                self.withdraw(|x| matches!(x, Notice::QuotaFull | Notice::TooLargeToStore { .. }))
            }
            Err(WriteError::QuotaFull) => self.notify(Notice::QuotaFull),
            Err(WriteError::TooLarge { chars }) => self.notify(Notice::TooLargeToStore {
                mb: chars as f64 / 1e6,
            }),
            Err(WriteError::Unavailable) => {
                if self.storage_ok.get_untracked() {
                    self.storage_ok.set(false);
                    self.notify(Notice::StorageUnavailable);
                }
            }
        }
    }

    /// Creates an empty project and opens it.
    pub fn new_project(&self, name: &str) {
        self.add_project(Document::new(name));
    }

    /// Copies the open project under a new name.
    pub fn duplicate(&self, name: &str) {
        let mut doc = self.doc.get_untracked();
        doc.project.name = name.to_string();
        self.add_project(doc);
    }

    /// Deletes a project; it can be restored from the notice until the next delete.
    pub fn delete(&self, id: &str) {
        self.flush();
        if self.is_deleted_elsewhere(id) {
            self.deleted_elsewhere.set_value(None);
        }
        let Some(meta) = self.meta(id) else {
            return;
        };
        let json = if self.current.get_untracked().as_deref() == Some(id) {
            self.doc.with_untracked(|d| d.to_json())
        } else if let Some(doc) = self
            .unsaved
            .with_value(|u| u.get(id).cloned())
            .or_else(|| self.orphans.with_value(|o| o.get(id).cloned()))
        {
            doc.to_json()
        } else {
            storage::get(&storage::doc_key(id)).unwrap_or_default()
        };
        self.unsaved.update_value(|u| {
            u.remove(id);
        });
        self.orphans.update_value(|o| {
            o.remove(id);
        });
        self.withdraw(
            |x| matches!(x, Notice::StoppedLastTime { id: stopped, .. } if stopped == id),
        );
        self.projects.update(|p| p.retain(|m| m.id != id));
        storage::remove(&storage::doc_key(id));
        self.report_write(self.write_list(ListChange::Remove(id.to_string())));
        self.notify(Notice::Deleted { meta, json });
        if self.current.get_untracked().as_deref() == Some(id) {
            self.current.set(None);
            match self
                .projects
                .with_untracked(|p| p.first().map(|m| m.id.clone()))
            {
                Some(next) => self.open(&next),
                None => self.doc.set(Document::new("")),
            }
        }
    }

    /// Brings back the project deleted last.
    pub fn undo_delete(&self) {
        let deleted = self.notices.with_untracked(|n| {
            n.iter().find_map(|x| match x {
                Notice::Deleted { meta, json } => Some((meta.clone(), json.clone())),
                _ => None,
            })
        });
        let Some((meta, json)) = deleted else {
            return;
        };
        self.withdraw(|x| matches!(x, Notice::Deleted { .. }));
        if storage::get(&storage::doc_key(&meta.id)).is_some() {
            // Another tab saved it again meanwhile: that version is newer than the
            // copy taken at the delete, so it is opened, not overwritten.
            self.refresh_list();
            self.open(&meta.id);
            return;
        }
        let doc = Document::from_json(&json).unwrap_or_else(|_| Document::new(&meta.name));
        self.projects.update(|p| p.insert(0, meta.clone()));
        self.current.set(Some(meta.id.clone()));
        self.doc.set(doc);
        self.save();
        storage::set_last(&meta.id);
    }

    /// Imports a document file as a new project. A refused file changes nothing.
    pub fn import(&self, file_name: &str, text: &str) {
        self.clear_import_notices();
        match Document::from_json(text) {
            Ok(doc) => {
                let name = doc.project.name.clone();
                self.add_project(doc);
                self.notify(Notice::Imported { name });
            }
            Err(error) => self.notify(Notice::ImportRefused {
                file: file_name.to_string(),
                error,
            }),
        }
    }

    /// A file given to import could not be read as text; nothing changed.
    pub fn import_unreadable(&self, file_name: &str) {
        self.clear_import_notices();
        self.notify(Notice::ImportUnreadable {
            file: file_name.to_string(),
        });
    }

    /// The outcome of an earlier import no longer applies once another file comes.
    fn clear_import_notices(&self) {
        self.withdraw(|x| {
            matches!(
                x,
                Notice::Imported { .. }
                    | Notice::ImportRefused { .. }
                    | Notice::ImportUnreadable { .. }
            )
        });
    }

    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        let _ = storage::set(storage::LANG_KEY, lang.code());
    }
}

/// A project id: time plus a random part, unique enough for one person's browser.
fn new_id() -> String {
    let now = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 1e9) as u64;
    format!("p{now:x}{random:x}")
}
