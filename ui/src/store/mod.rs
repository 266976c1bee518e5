//! The project store: every rule of `docs/choices.md`, "Storage in the browser", as
//! one state machine over a [`Storage`] and a [`Clock`], with no browser in it.
//!
//! - **States.** Each project this tab lists is in exactly one [`ProjectState`]:
//!   `Stored` (storage holds this tab's version), `Unsaved(why)` (a write failed: this
//!   tab holds the only copy of its latest version) or `DeletedElsewhere` (another tab
//!   deleted it; this tab keeps its data). A project that is not `Stored` keeps its
//!   document in the store (or, when open, on the page) for as long as the tab lives,
//!   and stays listed. Apart from its state, the open project may have a change
//!   waiting to be saved ([`Store::pending`]); saving it moves the project to `Stored`
//!   or `Unsaved`.
//! - **Events in** ([`Event`]): edits, saves, another tab's writes (the browser's
//!   `storage` event), open, add, delete, undo, import, dismiss.
//! - **Effects out** ([`Effect`]): what was written to or removed from local storage
//!   (other tabs see it), and what the page must show again: the list, the notices,
//!   another open document, a save to schedule.
//!
//! The open document lives on the page (a signal the components edit in place); each
//! event is handed it by reference, so an edit never copies a large project.
//! Notices ([`Notice`]) are added and withdrawn here by the rules, not by the page:
//! a notice about a project's state goes when the project leaves that state, a notice
//! about the open project goes when another one is opened.

mod list;
pub mod memory;
pub mod merge;
mod notice;
pub mod storage;

use std::collections::BTreeMap;

use cluster_eval_types::Document;

use crate::i18n::Lang;
pub use list::{ListChange, ProjectMeta};
pub use notice::{Notice, ProjectRef};
use storage::{doc_key, Clock, Storage, WriteError};
pub use storage::{CALCULATING_KEY, INDEX_KEY, LANG_KEY, LAST_KEY, PREFIX, STORAGE_LIMIT_CHARS};

/// Why a project's latest version is not in storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotStored {
    /// The browser gives no storage.
    Unavailable,
    /// The quota is full.
    QuotaFull,
    /// Its tables alone are longer than a browser keeps (not even tried).
    TooLarge { chars: usize },
}

impl From<WriteError> for NotStored {
    fn from(error: WriteError) -> Self {
        match error {
            WriteError::Unavailable => NotStored::Unavailable,
            WriteError::QuotaFull => NotStored::QuotaFull,
        }
    }
}

/// Where a project's latest version is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProjectState {
    /// In storage, as this tab shows it (but for a change waiting to be saved).
    #[default]
    Stored,
    /// Its last save failed: the latest version exists only in this tab.
    Unsaved(NotStored),
    /// Another tab deleted it; this tab keeps it, with its data, until it is stored
    /// again (by a change here, or by another tab), or deleted here.
    DeletedElsewhere,
}

impl ProjectState {
    /// Whether the only copy of the project's latest version is in this tab.
    pub fn only_here(self) -> bool {
        matches!(
            self,
            ProjectState::Unsaved(_) | ProjectState::DeletedElsewhere
        )
    }
}

/// What happens to the store.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// The open document was changed (on the page, in place).
    Edit,
    /// Save the open project now if a change waits (the save delay ran out, or the
    /// page is being hidden or closed).
    Flush,
    /// Another tab wrote `key` (`None`: it cleared storage); `value` is the new value
    /// (`None`: removed).
    OtherTabWrote {
        key: Option<String>,
        value: Option<String>,
    },
    /// Open a listed project.
    Open(String),
    /// Add a project (new, duplicate, the example), save it and open it.
    Add(Box<Document>),
    /// Delete a project; it can be restored from the notice until the next delete.
    Delete(String),
    /// Bring back the project deleted last.
    Undo,
    /// A file's text to import: it always becomes a new project.
    Import {
        file: String,
        text: String,
        /// The encoding the file's bytes were read in, when not UTF-8 (said in the
        /// notice, so a wrong guess is noticed).
        encoding: Option<&'static str>,
    },
    /// A file given to import could not be read as text.
    ImportUnreadable {
        file: String,
    },
    /// The tables of a confirmed sheet-to-table step go into the project the workbook
    /// was opened in (`project`: its id then), and into no other: when another project
    /// is open by now (the person switched, or the project was deleted), nothing
    /// changes and a notice says so.
    ApplyWorkbook {
        project: Option<String>,
        file: String,
        /// Table, sheet, the sheet's text.
        tables: Vec<(cluster_eval_types::TableKind, String, String)>,
    },
    /// The person closed the notice at this index.
    Dismiss(usize),
    /// The page has something to say.
    Notify(Notice),
    SetLang(Lang),
}

/// What the page must do after an event.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Written to local storage (other tabs get a `storage` event).
    Wrote {
        key: String,
    },
    /// Removed from local storage.
    Removed {
        key: String,
    },
    /// The list or the projects' states changed.
    ListChanged,
    NoticesChanged,
    /// Another project (or none) is open: the open document was replaced.
    Opened,
    /// The open document was replaced by another tab's version of it.
    Reloaded,
    /// A change waits to be saved: send [`Event::Flush`] after the save delay.
    SaveLater,
}

/// The store of one tab.
pub struct Store<S, C> {
    local: S,
    session: S,
    clock: C,
    storage_ok: bool,
    /// The list as shown: the stored list with this tab's projects that are only here.
    list: Vec<ProjectMeta>,
    /// Projects not `Stored`, by id.
    states: BTreeMap<String, ProjectState>,
    /// The documents of projects that are only here and not open.
    held: BTreeMap<String, Document>,
    open: Option<String>,
    /// The open project has a change waiting to be saved.
    pending: bool,
    /// The open project's stored text as this tab last saw it (wrote, read or took
    /// from another tab): what another tab's version is merged against
    /// ([`merge`]). `None`: nothing stored to merge with (a new project, or one
    /// deleted elsewhere).
    base: Option<String>,
    /// The other tab's version of a project both tabs changed in the same parts
    /// ([`Notice::EditedInBothTabs`]), by project id, while its notice is shown.
    others: BTreeMap<String, String>,
    notices: Vec<Notice>,
    effects: Vec<Effect>,
}

impl<S: Storage, C: Clock> Store<S, C> {
    /// A store over the browser's local storage, the tab's session storage and a
    /// clock. Nothing is read before [`Store::load`].
    pub fn new(local: S, session: S, clock: C) -> Self {
        Store {
            storage_ok: local.is_available(),
            local,
            session,
            clock,
            list: Vec::new(),
            states: BTreeMap::new(),
            held: BTreeMap::new(),
            open: None,
            pending: false,
            base: None,
            others: BTreeMap::new(),
            notices: Vec::new(),
            effects: Vec::new(),
        }
    }

    /// The language chosen last, if any.
    pub fn stored_lang(&self) -> Option<Lang> {
        self.local.get(LANG_KEY).and_then(|c| Lang::from_code(&c))
    }

    pub fn storage_ok(&self) -> bool {
        self.storage_ok
    }

    pub fn list(&self) -> &[ProjectMeta] {
        &self.list
    }

    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    pub fn open_id(&self) -> Option<&str> {
        self.open.as_deref()
    }

    /// Whether the open project has a change waiting to be saved.
    pub fn pending(&self) -> bool {
        self.pending
    }

    pub fn state(&self, id: &str) -> ProjectState {
        self.states.get(id).copied().unwrap_or_default()
    }

    /// The projects that are not `Stored`.
    pub fn states(&self) -> &BTreeMap<String, ProjectState> {
        &self.states
    }

    /// A project that is not open, as this tab has it: its own copy if it is only
    /// here, else the stored one (`None` if there is none or it cannot be read).
    pub fn document(&self, id: &str) -> Option<Document> {
        match self.held.get(id) {
            Some(doc) => Some(doc.clone()),
            None => Document::from_json(&self.local.get(&doc_key(id))?).ok(),
        }
    }

    /// The other tab's version of a project both tabs changed in the same parts, as
    /// the other tab stored it (a document's JSON), while its notice is shown.
    pub fn other_version(&self, id: &str) -> Option<&str> {
        self.others.get(id).map(String::as_str)
    }

    /// A project's stored text as it is, readable or not.
    pub fn stored_text(&self, id: &str) -> Option<String> {
        self.local.get(&doc_key(id))
    }

    /// Marks the open project as being calculated, in the tab's session storage;
    /// false if there is no open project or no mark could be set.
    pub fn mark_calculating(&mut self) -> bool {
        match self.open.clone() {
            Some(id) => self.session.set(CALCULATING_KEY, &id).is_ok(),
            None => false,
        }
    }

    /// The calculation returned.
    pub fn unmark_calculating(&mut self) {
        self.session.remove(CALCULATING_KEY);
    }

    /// Reads the list and opens this tab's last project, unless its calculation
    /// stopped the page last time; on a first visit, adds the example in `lang`.
    pub fn load(&mut self, open: &mut Document, lang: Lang) -> Vec<Effect> {
        if !self.storage_ok {
            self.notify(Notice::StorageUnavailable);
        }
        let stored = self.read_list();
        self.set_list(stored);
        let stopped = self.session.get(CALCULATING_KEY);
        self.session.remove(CALCULATING_KEY);
        let last = self
            .session
            .get(LAST_KEY)
            .or_else(|| self.local.get(LAST_KEY))
            .filter(|id| self.meta(id).is_some())
            .or_else(|| self.list.first().map(|m| m.id.clone()));
        match last {
            Some(id) if stopped.as_deref() == Some(id.as_str()) => {
                let name = self.meta(&id).map(|m| m.name).unwrap_or_default();
                *open = Document::new("");
                self.effect(Effect::Opened);
                self.notify(Notice::StoppedLastTime { id, name });
            }
            Some(id) => self.open(open, &id),
            None => self.add(open, Some(crate::example::document(lang))),
        }
        self.finish()
    }

    /// Handles one event; `open` is the open document (replaced when another is
    /// opened).
    pub fn handle(&mut self, open: &mut Document, event: Event) -> Vec<Effect> {
        match event {
            Event::Edit => self.edit(open),
            Event::Flush => self.flush(open),
            Event::OtherTabWrote { key, value } => self.other_tab_wrote(open, key, value),
            Event::Open(id) => self.open(open, &id),
            Event::Add(doc) => self.add(open, Some(*doc)),
            Event::Delete(id) => self.delete(open, &id),
            Event::Undo => self.undo(open),
            Event::Import {
                file,
                text,
                encoding,
            } => self.import(open, file, &text, encoding),
            Event::ImportUnreadable { file } => {
                self.withdraw_import_notices();
                self.notify(Notice::ImportUnreadable { file });
            }
            Event::ApplyWorkbook {
                project,
                file,
                tables,
            } => self.apply_workbook(open, project, file, tables),
            Event::Dismiss(index) => {
                if index < self.notices.len() {
                    self.notices.remove(index);
                    self.effect(Effect::NoticesChanged);
                }
            }
            Event::Notify(notice) => self.notify(notice),
            Event::SetLang(lang) => {
                let _ = self.write(LANG_KEY, lang.code());
            }
        }
        self.finish()
    }

    // ----- the events -----

    fn edit(&mut self, open: &mut Document) {
        let Some(id) = self.open.clone() else {
            // Every project was deleted and the person goes on typing in the empty
            // form: it becomes a new project, so nothing typed is lost.
            self.add(open, None);
            return;
        };
        let name = open.project.name.clone();
        let now = self.clock.now();
        if let Some(line) = self.list.iter_mut().find(|m| m.id == id) {
            line.name = name;
            line.updated = now;
            self.effect(Effect::ListChanged);
        }
        self.pending = true;
        self.effect(Effect::SaveLater);
    }

    fn flush(&mut self, open: &mut Document) {
        if self.pending {
            self.save_open(open);
        }
    }

    /// Opens a listed project: its own copy when it exists only here, else the stored
    /// one. A project deleted (in another tab) since this tab listed it is not opened:
    /// an empty project must not take its place under its id.
    fn open(&mut self, open: &mut Document, id: &str) {
        if self.open.as_deref() == Some(id) {
            self.flush(open);
            return;
        }
        let stored = self.local.get(&doc_key(id));
        if !self.held.contains_key(id)
            && stored.is_none()
            && !self.read_list().iter().any(|m| m.id == id)
        {
            self.refresh(open);
            return;
        }
        self.leave(open);
        let state = self.state(id);
        let doc = match self.held.remove(id) {
            // What is stored is what this tab has seen of it: the base of a merge.
            Some(doc) if matches!(state, ProjectState::Unsaved(_)) => {
                self.base = stored;
                doc
            }
            Some(doc) if stored.is_none() => doc,
            // Deleted elsewhere, then stored again by another tab: its version wins.
            _ => {
                self.set_state(id, ProjectState::Stored);
                let name = self.meta(id).map(|m| m.name).unwrap_or_default();
                match stored.as_deref().map(Document::from_json) {
                    Some(Ok(doc)) => {
                        self.base = stored;
                        doc
                    }
                    // Unreadable: set aside, and nothing to merge with.
                    Some(Err(_)) => {
                        let text = stored.unwrap_or_default();
                        self.back_up(&doc_key(id), &text);
                        Document::new(&name)
                    }
                    None => Document::new(&name),
                }
            }
        };
        *open = doc;
        self.open = Some(id.to_string());
        self.effect(Effect::Opened);
        self.set_last(id);
    }

    /// Before another project is opened: a waiting change is saved, a project that
    /// exists only here keeps its document in the store, and the notices about the
    /// project left (other tabs, a stop) no longer apply.
    fn leave(&mut self, open: &mut Document) {
        self.flush(open);
        self.base = None;
        if let Some(id) = self.open.take() {
            if self.state(&id).only_here() {
                self.held.insert(id, open.clone());
            }
        }
        self.withdraw(|x| {
            matches!(
                x,
                Notice::ChangedInOtherTab { .. }
                    | Notice::OtherTabSavedOverUnsaved { .. }
                    | Notice::DeletedInOtherTab { .. }
                    | Notice::StoppedLastTime { .. }
            )
        });
    }

    /// Adds a project (`None`: the open document, typed into with no project open),
    /// saves it and opens it.
    fn add(&mut self, open: &mut Document, doc: Option<Document>) {
        self.leave(open);
        if let Some(doc) = doc {
            *open = doc;
        }
        let meta = ProjectMeta {
            id: self.clock.new_id(),
            name: open.project.name.clone(),
            updated: self.clock.now(),
        };
        self.list_and_open(open, meta);
    }

    /// Puts `meta` first in the list and opens it with `open` as its document, saved.
    fn list_and_open(&mut self, open: &mut Document, meta: ProjectMeta) {
        let id = meta.id.clone();
        self.list.insert(0, meta);
        self.effect(Effect::ListChanged);
        self.open = Some(id.clone());
        self.effect(Effect::Opened);
        self.save_open(open);
        self.set_last(&id);
    }

    fn delete(&mut self, open: &mut Document, id: &str) {
        self.flush(open);
        let Some(meta) = self.meta(id) else {
            return;
        };
        let is_open = self.open.as_deref() == Some(id);
        let json = if is_open {
            json_without_results(open)
        } else if let Some(doc) = self.held.get(id) {
            json_without_results(doc)
        } else {
            self.local.get(&doc_key(id)).unwrap_or_default()
        };
        self.held.remove(id);
        self.set_state(id, ProjectState::Stored);
        self.withdraw(
            |x| matches!(x, Notice::StoppedLastTime { id: stopped, .. } if stopped == id),
        );
        self.list.retain(|m| m.id != id);
        self.effect(Effect::ListChanged);
        self.erase(&doc_key(id));
        if let Err(WriteError::Unavailable) = self.change_list(ListChange::Remove(id.into())) {
            self.report(id, NotStored::Unavailable);
        }
        // A newer delete replaces the older one's offer to undo.
        self.withdraw(|x| matches!(x, Notice::Deleted { .. }));
        self.notify(Notice::Deleted { meta, json });
        if is_open {
            self.open = None;
            match self.list.first().map(|m| m.id.clone()) {
                Some(next) => self.open(open, &next),
                None => {
                    *open = Document::new("");
                    self.effect(Effect::Opened);
                }
            }
        }
    }

    fn undo(&mut self, open: &mut Document) {
        let deleted = self.notices.iter().find_map(|x| match x {
            Notice::Deleted { meta, json } => Some((meta.clone(), json.clone())),
            _ => None,
        });
        let Some((meta, json)) = deleted else {
            return;
        };
        self.withdraw(|x| matches!(x, Notice::Deleted { .. }));
        if self.local.get(&doc_key(&meta.id)).is_some() {
            // Another tab saved it again meanwhile: that version is newer than the
            // copy taken at the delete, so it is opened, not overwritten.
            self.refresh(open);
            self.open(open, &meta.id);
            return;
        }
        self.leave(open);
        *open = Document::from_json(&json).unwrap_or_else(|_| Document::new(&meta.name));
        self.list_and_open(open, meta);
    }

    /// An imported document always becomes a new project; a refused file changes
    /// nothing. The outcome of an earlier import no longer applies.
    fn import(
        &mut self,
        open: &mut Document,
        file: String,
        text: &str,
        encoding: Option<&'static str>,
    ) {
        self.withdraw_import_notices();
        // A table saved as text is data to paste, not a project: say so rather than
        // "not a JSON file".
        if crate::file_names::is_table_file(&file) && !text.trim_start().starts_with('{') {
            self.notify(Notice::ImportTable { file });
            return;
        }
        match Document::from_json(text) {
            Ok(doc) => {
                let name = doc.project.name.clone();
                self.add(open, Some(doc));
                self.notify(Notice::Imported { name, encoding });
            }
            Err(error) => self.notify(Notice::ImportRefused { file, error }),
        }
    }

    fn apply_workbook(
        &mut self,
        open: &mut Document,
        project: Option<String>,
        file: String,
        tables: Vec<(cluster_eval_types::TableKind, String, String)>,
    ) {
        if project.is_none() || self.open != project {
            self.notify(Notice::WorkbookNotApplied { file });
            return;
        }
        for (kind, sheet, text) in tables {
            *open.table_text_mut(kind) = text;
            let settings = open
                .settings
                .tables
                .entry(kind.name().to_string())
                .or_default();
            // The old text's reading overrides do not apply to the sheet's text form.
            settings.delimiter = None;
            settings.decimal.clear();
            settings.source = Some(cluster_eval_types::TableSource {
                file: file.clone(),
                sheet,
            });
        }
        self.edit(open);
        // The table boxes show the new texts.
        self.effect(Effect::Reloaded);
    }

    fn withdraw_import_notices(&mut self) {
        self.withdraw(|x| {
            matches!(
                x,
                Notice::Imported { .. }
                    | Notice::ImportRefused { .. }
                    | Notice::ImportTable { .. }
                    | Notice::ImportUnreadable { .. }
            )
        });
    }

    /// Another tab wrote to storage (the browser's `storage` event never fires in the
    /// tab that wrote). Nothing this tab holds is dropped.
    fn other_tab_wrote(&mut self, open: &mut Document, key: Option<String>, value: Option<String>) {
        let open_key = self.open.as_deref().map(doc_key);
        match key.as_deref() {
            None => {
                self.open_removed_elsewhere(open);
                self.refresh(open);
            }
            Some(INDEX_KEY) => self.refresh(open),
            Some(key) if Some(key) == open_key.as_deref() => match value {
                Some(json) => self.other_tab_saved_open(open, json),
                None => self.open_removed_elsewhere(open),
            },
            Some(_) => {}
        }
    }

    /// Another tab saved the open project: show its version, unless this tab has a
    /// change of its own waiting, or holds a version it could not store, which is
    /// kept. A change waiting is merged with the other version part by part (see
    /// [`merge`]) and saved at once (the other tab takes the merged version in turn).
    fn other_tab_saved_open(&mut self, open: &mut Document, json: String) {
        let Some(id) = self.open.clone() else {
            return;
        };
        // What is stored now: the event may be older than a write of this tab's.
        let theirs_text = self.local.get(&doc_key(&id)).unwrap_or(json);
        if self.base.as_deref() == Some(theirs_text.as_str()) {
            return; // nothing this tab has not seen
        }
        // Unreadable: that tab's write is not something to show or merge.
        let theirs = Document::from_json(&theirs_text);
        if self.pending {
            let merged = match &theirs {
                Ok(theirs) => self.merge_into(open, &id, theirs, theirs_text),
                Err(_) => false,
            };
            self.save_open(open);
            if self.state(&id) != ProjectState::Stored {
                self.notify_unsaved_kept(&id, open);
            } else if !merged {
                self.notify(Notice::ChangedInOtherTab {
                    kept_this_tab: true,
                });
            }
            return;
        }
        match self.state(&id) {
            ProjectState::Unsaved(_) => self.notify_unsaved_kept(&id, open),
            ProjectState::Stored | ProjectState::DeletedElsewhere => {
                let Ok(mut theirs) = theirs else {
                    return;
                };
                self.base = Some(theirs_text);
                theirs.results = open.results.take();
                self.set_state(&id, ProjectState::Stored);
                if *open == theirs {
                    *open = theirs;
                    return;
                }
                *open = theirs;
                self.effect(Effect::Reloaded);
                self.notify(Notice::ChangedInOtherTab {
                    kept_this_tab: false,
                });
            }
        }
    }

    /// Merges another tab's stored version (`theirs`, stored as `text`) into the open
    /// document, part by part against the base, and says what happened: the parts
    /// only the other tab changed are taken; the parts both changed keep this tab's
    /// version, and the other version is kept for a download. False when there is no
    /// base to merge against: the open document is then left as it is.
    fn merge_into(
        &mut self,
        open: &mut Document,
        id: &str,
        theirs: &Document,
        text: String,
    ) -> bool {
        let base = self.base.as_deref().map(Document::from_json);
        let Some(Ok(base)) = base else {
            return false;
        };
        let Some(merged) = merge::merge(&base, open, theirs) else {
            return false;
        };
        if !merged.taken.is_empty() {
            let results = open.results.take();
            *open = merged.doc;
            open.results = results;
            self.effect(Effect::Reloaded);
            let name = open.project.name.clone();
            if let Some(line) = self.list.iter_mut().find(|m| m.id == id) {
                if line.name != name {
                    line.name = name;
                    self.effect(Effect::ListChanged);
                }
            }
        }
        if !merged.conflicts.is_empty() {
            self.others.insert(id.to_string(), text.clone());
            let project = ProjectRef {
                id: id.to_string(),
                name: open.project.name.clone(),
            };
            // One notice per project, the latest.
            self.notices.retain(
                |x| !matches!(x, Notice::EditedInBothTabs { project: p, .. } if p.id == id),
            );
            self.notices.push(Notice::EditedInBothTabs {
                project,
                parts: merged.conflicts,
            });
            self.effect(Effect::NoticesChanged);
        } else if !merged.taken.is_empty() {
            self.notify(Notice::MergedWithOtherTab);
        }
        self.base = Some(text);
        true
    }

    fn notify_unsaved_kept(&mut self, id: &str, open: &Document) {
        let project = ProjectRef {
            id: id.to_string(),
            name: open.project.name.clone(),
        };
        self.notify(Notice::OtherTabSavedOverUnsaved { project });
    }

    /// Another tab removed the open project's document: it stays open here, in
    /// memory, until its next change saves it again (a change waiting is saved now).
    fn open_removed_elsewhere(&mut self, open: &mut Document) {
        let Some(id) = self.open.clone() else {
            return;
        };
        self.base = None; // nothing stored to merge with
        if self.pending {
            self.save_open(open);
        } else if self.state(&id) == ProjectState::Stored {
            self.set_state(&id, ProjectState::DeletedElsewhere);
            let project = ProjectRef {
                id,
                name: open.project.name.clone(),
            };
            self.notify(Notice::DeletedInOtherTab { project });
        }
    }

    /// Shows the list as stored now, with this tab's projects that exist only here.
    fn refresh(&mut self, open: &mut Document) {
        let mut stored = self.read_list();
        // Two tabs changing the list within the same millisecond can drop one's change
        // (local storage has no transactions): a project this tab lists whose document
        // is still stored was not deleted, so it is put back.
        let dropped: Vec<ProjectMeta> = self
            .list
            .iter()
            .filter(|m| !stored.iter().any(|s| s.id == m.id))
            .filter(|m| self.local.get(&doc_key(&m.id)).is_some())
            .cloned()
            .collect();
        if !dropped.is_empty() {
            for meta in dropped {
                ListChange::Put(meta).apply(&mut stored);
            }
            let _ = self.write(INDEX_KEY, &list::to_text(&stored));
        }
        let listed = |id: &str| stored.iter().any(|m| m.id == id);
        // Deleted elsewhere and left here, then stored again by another tab: the
        // stored version, newer, wins.
        let back: Vec<String> = self
            .states
            .iter()
            .filter(|(id, state)| **state == ProjectState::DeletedElsewhere && listed(id))
            .map(|(id, _)| id.clone())
            .collect();
        for id in back {
            self.held.remove(&id);
            self.set_state(&id, ProjectState::Stored);
        }
        // Deleted here and back in storage (another tab saved or restored it): undoing
        // the delete would write this tab's older copy over it.
        self.withdraw(|x| matches!(x, Notice::Deleted { meta, .. } if listed(&meta.id)));
        let open_gone = self.open.as_deref().is_some_and(|id| !listed(id));
        if open_gone && !self.pending {
            // Marked first, so that the list keeps it.
            self.open_removed_elsewhere(open);
        }
        self.set_list(stored);
        if open_gone && self.pending {
            self.save_open(open);
        }
    }

    // ----- saving -----

    /// Writes the open document and its line of the list. A failure keeps it here,
    /// listed and unsaved, and says so (with an offer to export it).
    fn save_open(&mut self, open: &mut Document) {
        let Some(id) = self.open.clone() else {
            return;
        };
        self.pending = false;
        // Another tab may have saved since this tab last saw storage (two saves within
        // the time a `storage` event takes to arrive): its changes are merged in
        // first, so that this write does not undo them.
        if let Some(base) = self.base.take() {
            let stored = self.local.get(&doc_key(&id));
            match stored {
                Some(stored) if stored != base => {
                    self.base = Some(base);
                    if let Ok(theirs) = Document::from_json(&stored) {
                        self.merge_into(open, &id, &theirs, stored);
                    }
                }
                _ => self.base = Some(base),
            }
        }
        match self.store_document(&id, open) {
            Ok(()) => self.set_state(&id, ProjectState::Stored),
            Err(why) => {
                self.set_state(&id, ProjectState::Unsaved(why));
                self.report(&id, why);
            }
        }
    }

    fn store_document(&mut self, id: &str, doc: &Document) -> Result<(), NotStored> {
        let chars = doc.tables_len();
        if chars > STORAGE_LIMIT_CHARS {
            return Err(NotStored::TooLarge { chars });
        }
        let json = json_without_results(doc);
        self.write(&doc_key(id), &json)?;
        if self.open.as_deref() == Some(id) {
            self.base = Some(json);
        }
        let meta = match self.meta(id) {
            Some(meta) => meta,
            None => ProjectMeta {
                id: id.to_string(),
                name: doc.project.name.clone(),
                updated: self.clock.now(),
            },
        };
        self.change_list(ListChange::Put(meta))?;
        Ok(())
    }

    /// Tells that a project could not be stored. A newer failure shows the notice
    /// again even if it was dismissed.
    fn report(&mut self, id: &str, why: NotStored) {
        let project = ProjectRef {
            id: id.to_string(),
            name: self.meta(id).map(|m| m.name).unwrap_or_default(),
        };
        match why {
            NotStored::Unavailable => {
                if self.storage_ok {
                    self.storage_ok = false;
                    self.notify(Notice::StorageUnavailable);
                }
            }
            NotStored::QuotaFull => {
                match self
                    .notices
                    .iter_mut()
                    .find(|x| matches!(x, Notice::QuotaFull { .. }))
                {
                    Some(Notice::QuotaFull { projects }) => add_project(projects, project),
                    _ => self.notices.push(Notice::QuotaFull {
                        projects: vec![project],
                    }),
                }
                self.effect(Effect::NoticesChanged);
            }
            NotStored::TooLarge { chars } => {
                let size = chars as f64 / 1e6;
                match self
                    .notices
                    .iter_mut()
                    .find(|x| matches!(x, Notice::TooLargeToStore { .. }))
                {
                    Some(Notice::TooLargeToStore { projects, mb }) => {
                        add_project(projects, project);
                        *mb = mb.max(size);
                    }
                    _ => self.notices.push(Notice::TooLargeToStore {
                        projects: vec![project],
                        mb: size,
                    }),
                }
                self.effect(Effect::NoticesChanged);
            }
        }
    }

    /// Writes one change into the *stored* list, not this tab's copy of it, and shows
    /// the list as stored (with this tab's projects that exist only here).
    fn change_list(&mut self, change: ListChange) -> Result<(), WriteError> {
        let mut stored = self.read_list();
        change.apply(&mut stored);
        let outcome = self.write(INDEX_KEY, &list::to_text(&stored));
        match outcome {
            Ok(()) => self.set_list(stored),
            Err(_) => {
                change.apply(&mut self.list);
                self.effect(Effect::ListChanged);
            }
        }
        outcome
    }

    /// The stored list; an unreadable one is set aside and rebuilt from the documents
    /// that are still readable.
    fn read_list(&mut self) -> Vec<ProjectMeta> {
        let Some(text) = self.local.get(INDEX_KEY) else {
            return Vec::new();
        };
        if let Some(list) = list::parse(&text) {
            return list;
        }
        self.back_up(INDEX_KEY, &text);
        let mut found = Vec::new();
        for key in self.local.keys() {
            let Some(id) = storage::doc_id(&key) else {
                continue;
            };
            if let Some(Ok(doc)) = self.local.get(&key).as_deref().map(Document::from_json) {
                found.push(ProjectMeta {
                    id: id.to_string(),
                    name: doc.project.name,
                    updated: 0.0,
                });
            }
        }
        found
    }

    /// Copies an unreadable stored value aside (never deletes it) and says where.
    fn back_up(&mut self, key: &str, text: &str) {
        let backup = storage::backup_key(key, self.clock.now());
        if self.write(&backup, text).is_ok() {
            self.notify(Notice::Recovered { backup_key: backup });
        }
    }

    // ----- the list, states and notices -----

    /// Shows `stored` with this tab's projects that are not stored as shown here:
    /// first those missing from storage, then the stored lines, this tab's line for
    /// those it changed (its name may be newer).
    fn set_list(&mut self, stored: Vec<ProjectMeta>) {
        let open = self.open.as_deref().filter(|_| self.pending);
        let mine = |id: &str| self.states.contains_key(id) || open == Some(id);
        let mut list: Vec<ProjectMeta> = self
            .list
            .iter()
            .filter(|m| mine(&m.id) && !stored.iter().any(|s| s.id == m.id))
            .cloned()
            .collect();
        list.extend(stored.into_iter().map(|s| {
            match self.list.iter().find(|m| m.id == s.id && mine(&m.id)) {
                Some(line) => line.clone(),
                None => s,
            }
        }));
        if list != self.list {
            self.list = list;
            self.effect(Effect::ListChanged);
        }
    }

    fn set_state(&mut self, id: &str, state: ProjectState) {
        let old = self.state(id);
        if old == state {
            return;
        }
        match state {
            ProjectState::Stored => self.states.remove(id),
            _ => self.states.insert(id.to_string(), state),
        };
        self.effect(Effect::ListChanged);
        // A notice about a state the project has left no longer applies.
        let states = &self.states;
        let now = |project: &ProjectRef| states.get(&project.id).copied().unwrap_or_default();
        let mut changed = false;
        for notice in &mut self.notices {
            let (projects, wanted): (_, fn(ProjectState) -> bool) = match notice {
                Notice::QuotaFull { projects } => (projects, |s| {
                    s == ProjectState::Unsaved(NotStored::QuotaFull)
                }),
                Notice::TooLargeToStore { projects, .. } => (projects, |s| {
                    matches!(s, ProjectState::Unsaved(NotStored::TooLarge { .. }))
                }),
                _ => continue,
            };
            let count = projects.len();
            projects.retain(|p| wanted(now(p)));
            changed |= projects.len() != count;
        }
        let before = self.notices.len();
        self.notices.retain(|x| match x {
            Notice::QuotaFull { projects } | Notice::TooLargeToStore { projects, .. } => {
                !projects.is_empty()
            }
            Notice::OtherTabSavedOverUnsaved { project } => {
                matches!(now(project), ProjectState::Unsaved(_))
            }
            Notice::DeletedInOtherTab { project } => now(project) == ProjectState::DeletedElsewhere,
            _ => true,
        });
        if changed || self.notices.len() != before {
            self.effect(Effect::NoticesChanged);
        }
    }

    fn meta(&self, id: &str) -> Option<ProjectMeta> {
        self.list.iter().find(|m| m.id == id).cloned()
    }

    /// Adds a notice; a newer one of the same kind replaces the older one.
    fn notify(&mut self, notice: Notice) {
        self.notices
            .retain(|old| std::mem::discriminant(old) != std::mem::discriminant(&notice));
        self.notices.push(notice);
        self.effect(Effect::NoticesChanged);
    }

    fn withdraw(&mut self, gone: impl Fn(&Notice) -> bool) {
        let before = self.notices.len();
        self.notices.retain(|x| !gone(x));
        if self.notices.len() != before {
            self.effect(Effect::NoticesChanged);
        }
    }

    // ----- storage -----

    fn write(&mut self, key: &str, value: &str) -> Result<(), WriteError> {
        self.local.set(key, value)?;
        self.effects.push(Effect::Wrote {
            key: key.to_string(),
        });
        Ok(())
    }

    fn erase(&mut self, key: &str) {
        self.local.remove(key);
        self.effects.push(Effect::Removed {
            key: key.to_string(),
        });
    }

    /// Remembers the project open in this tab: in the tab's session storage, so that
    /// a reload reopens *this* tab's project even when another tab opened one since,
    /// and in local storage, for the next new tab.
    fn set_last(&mut self, id: &str) {
        let _ = self.session.set(LAST_KEY, id);
        let _ = self.write(LAST_KEY, id);
    }

    fn effect(&mut self, effect: Effect) {
        if !self.effects.contains(&effect) {
            self.effects.push(effect);
        }
    }

    fn finish(&mut self) -> Vec<Effect> {
        // The other tab's versions are kept while their notices are shown.
        if !self.others.is_empty() {
            let notices = &self.notices;
            self.others.retain(|id, _| {
                notices.iter().any(
                    |x| matches!(x, Notice::EditedInBothTabs { project, .. } if project.id == *id),
                )
            });
        }
        std::mem::take(&mut self.effects)
    }
}

fn add_project(projects: &mut Vec<ProjectRef>, project: ProjectRef) {
    match projects.iter_mut().find(|p| p.id == project.id) {
        Some(known) => *known = project,
        None => projects.push(project),
    }
}

/// A document as stored: results are computed again when it is opened.
pub fn json_without_results(doc: &Document) -> String {
    if doc.results.is_none() {
        return doc.to_json();
    }
    let mut doc = doc.clone();
    doc.results = None;
    doc.to_json()
}
