//! The page's state as Leptos signals, and the wiring to the project store
//! (`cluster_eval_ui::store`), which holds every rule of saving, two tabs and full
//! storage. Each method here sends the store one event and shows what it says; the
//! only things decided here are the browser's: timers, and which signals to update.

use cluster_eval_types::Document;
use cluster_eval_ui::store::{Effect, Event, Store};
use leptos::prelude::*;

use crate::i18n::Lang;
use crate::storage::{ProjectMeta, WebClock, WebStorage};

pub use cluster_eval_ui::store::{Notice, ProjectRef};

type WebStore = Store<WebStorage, WebClock>;

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
    /// The projects whose latest version exists only in this tab (a save failed, or
    /// another tab deleted them): the list marks them.
    pub only_here: RwSignal<Vec<String>>,
    /// Bumped when the open document is replaced (another project, or another tab's
    /// version): the table boxes, which do not follow every keystroke of the
    /// document, show it.
    pub reloaded: RwSignal<u32>,
    /// The pending save of the open document (see [`AppState::edit`]).
    save_timer: StoredValue<Option<TimeoutHandle>>,
    store: StoredValue<WebStore>,
}

/// How long edits are gathered before one save. Writing a large project to storage
/// takes time (a 10 MB paste is serialised and copied), so a burst of key presses
/// costs one write, not one per key. The page flushes on `pagehide`, so closing or
/// reloading right after an edit loses nothing.
const SAVE_DELAY: std::time::Duration = std::time::Duration::from_millis(300);

impl AppState {
    /// Loads the list, opens this tab's last project (or creates the example on a
    /// first visit) and reports anything that could not be read.
    pub fn load() -> Self {
        let mut store = Store::new(WebStorage::Local, WebStorage::Session, WebClock);
        let lang = store
            .stored_lang()
            .unwrap_or_else(crate::browser_lang::from_browser);
        let mut doc = Document::default();
        let effects = store.load(&mut doc, lang);
        let state = AppState {
            projects: RwSignal::new(Vec::new()),
            current: RwSignal::new(None),
            doc: RwSignal::new(doc),
            notices: RwSignal::new(Vec::new()),
            lang: RwSignal::new(lang),
            storage_ok: RwSignal::new(true),
            only_here: RwSignal::new(Vec::new()),
            reloaded: RwSignal::new(0),
            save_timer: StoredValue::new(None),
            store: StoredValue::new(store),
        };
        state.show(effects);
        state.show(vec![Effect::ListChanged, Effect::NoticesChanged]);
        state
    }

    /// Sends the store one event, with the open document, and shows the outcome.
    fn run(&self, event: Event) {
        let effects = self
            .doc
            .try_update_untracked(|doc| {
                self.store
                    .try_update_value(|store| store.handle(doc, event))
            })
            .flatten()
            .unwrap_or_default();
        self.show(effects);
    }

    fn show(&self, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::ListChanged => {
                    let (list, only_here) = self.store.with_value(|s| {
                        let only_here = s
                            .states()
                            .iter()
                            .filter(|(_, state)| state.only_here())
                            .map(|(id, _)| id.clone())
                            .collect::<Vec<_>>();
                        (s.list().to_vec(), only_here)
                    });
                    if self.projects.with_untracked(|p| *p != list) {
                        self.projects.set(list);
                    }
                    if self.only_here.with_untracked(|u| *u != only_here) {
                        self.only_here.set(only_here);
                    }
                }
                Effect::NoticesChanged => {
                    let notices = self.store.with_value(|s| s.notices().to_vec());
                    self.notices.set(notices);
                }
                Effect::Opened => {
                    let open = self.store.with_value(|s| s.open_id().map(str::to_string));
                    self.current.set(open);
                    self.doc.notify();
                    self.reloaded.update(|n| *n = n.wrapping_add(1));
                }
                Effect::Reloaded => {
                    self.doc.notify();
                    self.reloaded.update(|n| *n = n.wrapping_add(1));
                }
                Effect::SaveLater => self.schedule_save(),
                Effect::Wrote { .. } | Effect::Removed { .. } => {}
            }
        }
        let ok = self.store.with_value(|s| s.storage_ok());
        if self.storage_ok.get_untracked() != ok {
            self.storage_ok.set(ok);
        }
    }

    pub fn notify(&self, notice: Notice) {
        self.run(Event::Notify(notice));
    }

    pub fn dismiss(&self, index: usize) {
        self.run(Event::Dismiss(index));
    }

    /// Opens a listed project.
    pub fn open(&self, id: &str) {
        self.run(Event::Open(id.to_string()));
    }

    /// Adds a project to the list, saves it and opens it.
    pub fn add_project(&self, doc: Document) {
        self.run(Event::Add(Box::new(doc)));
    }

    /// Changes the open document; it is saved within [`SAVE_DELAY`].
    pub fn edit(&self, change: impl FnOnce(&mut Document)) {
        self.doc.update(change);
        self.run(Event::Edit);
    }

    fn schedule_save(&self) {
        let state = *self;
        if let Some(pending) = self.save_timer.get_value() {
            pending.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                state.save_timer.set_value(None);
                state.run(Event::Flush);
            },
            SAVE_DELAY,
        );
        match handle {
            Ok(handle) => self.save_timer.set_value(Some(handle)),
            // No timer (should not happen in a browser): save now.
            Err(_) => self.run(Event::Flush),
        }
    }

    /// Saves a pending edit now (the page is being hidden or closed).
    pub fn flush(&self) {
        if let Some(pending) = self.save_timer.get_value() {
            pending.clear();
            self.save_timer.set_value(None);
        }
        self.run(Event::Flush);
    }

    /// Another tab of the page wrote to storage (the browser's `storage` event):
    /// `key` is `None` when it cleared storage.
    pub fn on_other_tab(&self, key: Option<&str>, new_value: Option<String>) {
        self.run(Event::OtherTabWrote {
            key: key.map(str::to_string),
            value: new_value,
        });
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
        self.run(Event::Delete(id.to_string()));
    }

    /// Brings back the project deleted last.
    pub fn undo_delete(&self) {
        self.run(Event::Undo);
    }

    /// Imports a document file as a new project. A refused file changes nothing.
    /// `encoding`: what the file's bytes were read as, when not UTF-8.
    pub fn import(&self, file_name: &str, text: &str, encoding: Option<&'static str>) {
        self.run(Event::Import {
            file: file_name.to_string(),
            text: text.to_string(),
            encoding,
        });
    }

    /// The tables of a confirmed sheet-to-table step, for the project the workbook was
    /// opened in (`project`); the store applies them to that project only.
    pub fn apply_workbook(
        &self,
        project: Option<String>,
        file: String,
        tables: Vec<(cluster_eval_types::TableKind, String, String)>,
    ) {
        self.run(Event::ApplyWorkbook {
            project,
            file,
            tables,
        });
    }

    /// A file given to import could not be read as text; nothing changed.
    pub fn import_unreadable(&self, file_name: &str) {
        self.run(Event::ImportUnreadable {
            file: file_name.to_string(),
        });
    }

    /// Switches the page's language once its texts are at hand (Spanish and
    /// Portuguese are fetched the first time they are chosen). When they cannot be
    /// had (offline before they were ever fetched), the page stays whole in the
    /// language it has, the choice is not saved, `unchanged` is given that language
    /// (the control shows it again) and a notice says a connection is needed once.
    pub fn set_lang(&self, lang: Lang, unchanged: impl FnOnce(Lang) + 'static) {
        let state = *self;
        leptos::task::spawn_local(async move {
            if !crate::lang_files::ensure(lang).await {
                unchanged(state.lang.get_untracked());
                state.notify(Notice::LanguageUnavailable {
                    language: lang.native_name().to_string(),
                });
                return;
            }
            state.lang.set(lang);
            state.run(Event::SetLang(lang));
        });
    }

    /// A project that is not open, as this tab has it (its own copy when it exists
    /// only here, else the stored one).
    pub fn document(&self, id: &str) -> Option<Document> {
        self.store.with_value(|s| s.document(id))
    }

    /// The other tab's version of a project both tabs changed in the same parts (its
    /// JSON), while its notice is shown.
    pub fn other_version(&self, id: &str) -> Option<String> {
        self.store
            .with_value(|s| s.other_version(id).map(str::to_string))
    }

    /// A project's stored file as it is, readable or not.
    pub fn stored_text(&self, id: &str) -> Option<String> {
        self.store.with_value(|s| s.stored_text(id))
    }

    /// Marks the open project as being calculated (see `CALCULATING_KEY`); false if
    /// it could not be.
    pub fn mark_calculating(&self) -> bool {
        self.store
            .try_update_value(|s| s.mark_calculating())
            .unwrap_or(false)
    }

    pub fn unmark_calculating(&self) {
        self.store.update_value(|s| s.unmark_calculating());
    }
}
