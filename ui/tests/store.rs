//! The project store against the rules of `docs/choices.md`, "Storage in the
//! browser": one test (at least) per rule, natively, over the in-memory storage. Two
//! tabs are two stores sharing one local storage; what one writes is delivered to the
//! other as the browser's `storage` event would be.

use cluster_eval_engine::Document;
use cluster_eval_ui::i18n::Lang;
use cluster_eval_ui::store::memory::{MemoryStorage, StepClock};
use cluster_eval_ui::store::storage::{doc_key, Storage};
use cluster_eval_ui::store::{
    Effect, Event, NotStored, Notice, ProjectState, Store, CALCULATING_KEY, INDEX_KEY, LANG_KEY,
    LAST_KEY, PREFIX,
};

struct Tab {
    store: Store<MemoryStorage, StepClock>,
    doc: Document,
    session: MemoryStorage,
    name: String,
}

impl Tab {
    fn load(local: &MemoryStorage, session: MemoryStorage, name: &str) -> Tab {
        let mut store = Store::new(local.clone(), session.clone(), StepClock::new(name));
        let mut doc = Document::default();
        store.load(&mut doc, Lang::En);
        Tab {
            store,
            doc,
            session,
            name: name.to_string(),
        }
    }

    fn run(&mut self, event: Event) -> Vec<Effect> {
        self.store.handle(&mut self.doc, event)
    }

    fn open_id(&self) -> String {
        self.store.open_id().expect("a project is open").to_string()
    }

    fn listed(&self) -> Vec<String> {
        self.store.list().iter().map(|m| m.name.clone()).collect()
    }

    fn has_notice(&self, wanted: impl Fn(&Notice) -> bool) -> bool {
        self.store.notices().iter().any(wanted)
    }

    fn subsidies(&self) -> &str {
        &self.doc.tables.subsidies
    }
}

/// One browser: a local storage shared by tabs.
struct Browser {
    local: MemoryStorage,
    tabs: Vec<Tab>,
    /// Whether writes reach the other tabs at once (false: events are held back).
    deliver: bool,
}

impl Browser {
    fn new() -> Browser {
        Browser {
            local: MemoryStorage::new(),
            tabs: Vec::new(),
            deliver: true,
        }
    }

    fn with(local: MemoryStorage) -> Browser {
        Browser {
            local,
            tabs: Vec::new(),
            deliver: true,
        }
    }

    /// Opens a new tab of the page; returns its index.
    fn open_tab(&mut self) -> usize {
        let name = format!("t{}-", self.tabs.len());
        let tab = Tab::load(&self.local, MemoryStorage::new(), &name);
        self.tabs.push(tab);
        self.tabs.len() - 1
    }

    /// Reloads a tab: a new store on the same local and session storage.
    fn reload(&mut self, tab: usize) {
        let old = &self.tabs[tab];
        let (session, name) = (old.session.clone(), format!("{}r", old.name));
        self.tabs[tab] = Tab::load(&self.local, session, &name);
    }

    fn run(&mut self, tab: usize, event: Event) {
        let effects = self.tabs[tab].run(event);
        self.spread(tab, effects);
    }

    fn edit(&mut self, tab: usize, change: impl FnOnce(&mut Document)) {
        change(&mut self.tabs[tab].doc);
        self.run(tab, Event::Edit);
    }

    /// An edit, then the save it schedules.
    fn edit_saved(&mut self, tab: usize, change: impl FnOnce(&mut Document)) {
        self.edit(tab, change);
        self.run(tab, Event::Flush);
    }

    /// Delivers a tab's writes to every other tab, as `storage` events.
    fn spread(&mut self, from: usize, effects: Vec<Effect>) {
        if !self.deliver {
            return;
        }
        for effect in effects {
            let key = match effect {
                Effect::Wrote { key } | Effect::Removed { key } => key,
                _ => continue,
            };
            for to in 0..self.tabs.len() {
                if to != from {
                    let value = self.local.get(&key);
                    let effects = self.tabs[to].run(Event::OtherTabWrote {
                        key: Some(key.clone()),
                        value,
                    });
                    self.spread(to, effects);
                }
            }
        }
    }

    fn stored_names(&self) -> Vec<String> {
        let text = self.local.get(INDEX_KEY).unwrap_or_default();
        let list: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap_or_default();
        list.iter()
            .map(|m| m["name"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    fn stored_doc(&self, id: &str) -> Option<Document> {
        Document::from_json(&self.local.get(&doc_key(id))?).ok()
    }
}

fn named(name: &str) -> Box<Document> {
    Box::new(Document::new(name))
}

fn paste(text: &'static str) -> impl FnOnce(&mut Document) {
    move |d| d.tables.subsidies = text.to_string()
}

// ----- the keys -----

#[test]
fn keys_are_versioned_under_cluster_eval_v1() {
    let mut b = Browser::new();
    let t = b.open_tab();
    b.edit_saved(t, paste("year\tamount\n2019\t1\n"));
    b.run(t, Event::SetLang(Lang::Es));
    let id = b.tabs[t].open_id();
    let keys = b.local.keys();
    assert!(keys.iter().all(|k| k.starts_with(PREFIX)), "{keys:?}");
    for key in [INDEX_KEY, LAST_KEY, LANG_KEY, &doc_key(&id)] {
        assert!(keys.iter().any(|k| k == key), "{key} missing from {keys:?}");
    }
    assert_eq!(doc_key("p1"), "cluster-eval/v1/doc/p1");
    assert_eq!(b.tabs[t].session.get(LAST_KEY), Some(id.clone()));
    // Documents are stored without results.
    assert!(!b.local.get(&doc_key(&id)).unwrap().contains("\"results\""));
    assert_eq!(b.tabs[t].store.stored_lang(), Some(Lang::Es));
}

#[test]
fn a_first_visit_opens_the_example() {
    let mut b = Browser::new();
    let t = b.open_tab();
    assert_eq!(b.tabs[t].listed().len(), 1);
    assert!(b.tabs[t].doc.tables.firms.starts_with("firm\tgroup\tyear"));
    assert_eq!(b.stored_names().len(), 1);
}

// ----- unreadable data -----

#[test]
fn an_unreadable_list_is_backed_up_never_deleted_and_rebuilt_from_the_documents() {
    let mut b = Browser::new();
    let t = b.open_tab();
    let id = b.tabs[t].open_id();
    b.local.set(INDEX_KEY, "{\"broken").unwrap();
    b.reload(t);
    let backup = b.tabs[t]
        .store
        .notices()
        .iter()
        .find_map(|n| match n {
            Notice::Recovered { backup_key } => Some(backup_key.clone()),
            _ => None,
        })
        .expect("said");
    assert!(backup.starts_with("cluster-eval/v1/backup/index/"));
    assert_eq!(b.local.get(&backup).as_deref(), Some("{\"broken"));
    assert_eq!(b.tabs[t].open_id(), id, "found again from its document");
}

#[test]
fn an_unreadable_document_is_backed_up_and_reported() {
    let mut b = Browser::new();
    let t = b.open_tab();
    let id = b.tabs[t].open_id();
    b.local.set(&doc_key(&id), "not a document").unwrap();
    b.reload(t);
    assert!(b.tabs[t].has_notice(|n| matches!(n, Notice::Recovered { .. })));
    let kept: Vec<String> = b
        .local
        .keys()
        .into_iter()
        .filter(|k| k.starts_with("cluster-eval/v1/backup/doc/"))
        .filter_map(|k| b.local.get(&k))
        .collect();
    assert_eq!(kept, ["not a document"]);
}

// ----- full quota, too large, no storage -----

#[test]
fn a_full_quota_keeps_the_change_in_memory_says_so_and_offers_the_export() {
    let mut b = Browser::new();
    let t = b.open_tab();
    let id = b.tabs[t].open_id();
    b.local.fill();
    b.edit_saved(t, paste("year\tamount\n2019\t111\n"));
    let tab = &b.tabs[t];
    assert_eq!(
        tab.store.state(&id),
        ProjectState::Unsaved(NotStored::QuotaFull)
    );
    assert_eq!(tab.subsidies(), "year\tamount\n2019\t111\n");
    let notice = tab
        .store
        .notices()
        .iter()
        .find(|n| matches!(n, Notice::QuotaFull { .. }))
        .expect("said");
    assert_eq!(notice.projects()[0].id, id, "its export is this project's");
    assert_ne!(
        b.stored_doc(&id).unwrap().tables.subsidies,
        "year\tamount\n2019\t111\n",
        "the stored version is the older one"
    );
}

#[test]
fn a_project_too_large_for_a_browser_is_not_even_tried_and_stays_here() {
    let mut b = Browser::new();
    let t = b.open_tab();
    let id = b.tabs[t].open_id();
    let writes_before = b.local.get(&doc_key(&id));
    let big = "x".repeat(cluster_eval_ui::store::STORAGE_LIMIT_CHARS + 1);
    b.edit(t, move |d| d.tables.firms = big);
    b.run(t, Event::Flush);
    assert!(matches!(
        b.tabs[t].store.state(&id),
        ProjectState::Unsaved(NotStored::TooLarge { .. })
    ));
    assert!(b.tabs[t].has_notice(|n| matches!(n, Notice::TooLargeToStore { mb, .. } if *mb > 5.0)));
    assert_eq!(b.local.get(&doc_key(&id)), writes_before);
}

#[test]
fn without_storage_the_page_works_in_memory_and_says_so() {
    let mut b = Browser::with(MemoryStorage::absent());
    let t = b.open_tab();
    assert!(!b.tabs[t].store.storage_ok());
    assert!(b.tabs[t].has_notice(|n| matches!(n, Notice::StorageUnavailable)));
    let example = b.tabs[t].open_id();
    b.run(t, Event::Add(named("Second")));
    b.edit(t, paste("year\tamount\n2019\t5\n"));
    b.run(t, Event::Open(example.clone()));
    assert!(b.tabs[t].doc.tables.firms.starts_with("firm"));
    let second = b.tabs[t].store.list()[0].id.clone();
    b.run(t, Event::Open(second));
    assert_eq!(b.tabs[t].subsidies(), "year\tamount\n2019\t5\n");
    let says = b.tabs[t]
        .store
        .notices()
        .iter()
        .filter(|n| matches!(n, Notice::StorageUnavailable))
        .count();
    assert_eq!(says, 1, "said once");
}

/// Issue 14, item 1: with storage nearly full, a project that could not be stored
/// stays unsaved, listed and exportable by its own notice when another project is
/// created or opened, for as long as the tab lives. (It was dropped: the new project's
/// successful save withdrew the notice, and the notice exported the open project.)
#[test]
fn an_unsaved_project_survives_a_new_project_and_switching_with_its_own_notice() {
    let mut b = Browser::new();
    let t = b.open_tab();
    let first = b.tabs[t].open_id();
    b.local.set_quota(Some(b.local.used() + 2_000));
    let pasted: &'static str =
        Box::leak(format!("year\tamount\n{}", "2019\t1\n".repeat(1_000)).into_boxed_str());
    b.edit_saved(t, paste(pasted));
    assert_eq!(
        b.tabs[t].store.state(&first),
        ProjectState::Unsaved(NotStored::QuotaFull)
    );
    // A new, small project is stored fine.
    b.run(t, Event::Add(named("New")));
    let second = b.tabs[t].open_id();
    assert_eq!(b.tabs[t].store.state(&second), ProjectState::Stored);
    let tab = &b.tabs[t];
    assert_eq!(
        tab.store.state(&first),
        ProjectState::Unsaved(NotStored::QuotaFull),
        "still unsaved"
    );
    assert!(
        tab.store.list().iter().any(|m| m.id == first),
        "still listed"
    );
    let notice = tab
        .store
        .notices()
        .iter()
        .find(|n| matches!(n, Notice::QuotaFull { .. }))
        .expect("its notice stays");
    let ids: Vec<&str> = notice.projects().iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [first.as_str()],
        "the notice exports that project, not the open one"
    );
    assert_eq!(
        tab.store.document(&first).unwrap().tables.subsidies,
        pasted,
        "what its export writes"
    );
    // Switching away and back, and editing the other project, keep it.
    b.edit_saved(t, |d| d.project.name = "New, renamed".into());
    b.run(t, Event::Open(first.clone()));
    assert_eq!(b.tabs[t].subsidies(), pasted);
    // Once space is freed, its next change stores it, and the notice goes.
    b.local.set_quota(None);
    b.edit_saved(t, |d| d.project.currency = "USD".into());
    assert_eq!(b.tabs[t].store.state(&first), ProjectState::Stored);
    assert!(!b.tabs[t].has_notice(|n| matches!(n, Notice::QuotaFull { .. })));
    assert_eq!(b.stored_doc(&first).unwrap().tables.subsidies, pasted);
}

#[test]
fn deleting_an_unsaved_project_withdraws_its_notice() {
    let mut b = Browser::new();
    let t = b.open_tab();
    let id = b.tabs[t].open_id();
    b.local.fill();
    b.edit_saved(t, paste("year\tamount\n2019\t111\n"));
    b.run(t, Event::Delete(id));
    assert!(!b.tabs[t].has_notice(|n| matches!(n, Notice::QuotaFull { .. })));
}

// ----- imports -----

#[test]
fn an_imported_document_always_becomes_a_new_project() {
    let mut b = Browser::new();
    let t = b.open_tab();
    let id = b.tabs[t].open_id();
    let same = b.local.get(&doc_key(&id)).unwrap();
    b.run(
        t,
        Event::Import {
            file: "same.json".into(),
            text: same,
            encoding: Some("Windows-1252"),
        },
    );
    let tab = &b.tabs[t];
    assert_ne!(tab.open_id(), id);
    assert_eq!(tab.store.list().len(), 2);
    // The notice names the encoding the file was read in (issue 14 #2).
    assert!(tab.has_notice(|n| matches!(
        n,
        Notice::Imported {
            encoding: Some("Windows-1252"),
            ..
        }
    )));
    // A refused file changes nothing, and replaces the earlier import's notice.
    b.run(
        t,
        Event::Import {
            file: "broken.json".into(),
            text: "{".into(),
            encoding: None,
        },
    );
    let tab = &b.tabs[t];
    assert_eq!(tab.store.list().len(), 2);
    assert!(tab.has_notice(|n| matches!(n, Notice::ImportRefused { .. })));
    assert!(!tab.has_notice(|n| matches!(n, Notice::Imported { .. })));
}

// ----- a project that stops the page -----

#[test]
fn a_project_whose_calculation_stopped_the_page_is_not_reopened_by_itself() {
    let mut b = Browser::new();
    let t = b.open_tab();
    let id = b.tabs[t].open_id();
    b.edit_saved(t, paste("year\tamount\n2019\t100\n"));
    // A calculation that never returned leaves its mark.
    assert!(b.tabs[t].store.mark_calculating());
    assert_eq!(b.tabs[t].session.get(CALCULATING_KEY), Some(id.clone()));
    assert_eq!(
        b.local.get(CALCULATING_KEY),
        None,
        "other tabs do not see it"
    );
    b.reload(t);
    let tab = &b.tabs[t];
    assert_eq!(tab.store.open_id(), None, "opens nothing");
    assert!(tab.has_notice(|n| matches!(n, Notice::StoppedLastTime { id: s, .. } if *s == id)));
    assert!(
        tab.store.stored_text(&id).unwrap().contains("2019\\t100"),
        "its file can be downloaded as it is"
    );
    assert_eq!(tab.store.list().len(), 1, "and it stays listed");
    // Open anyway.
    b.run(t, Event::Open(id.clone()));
    assert_eq!(b.tabs[t].subsidies(), "year\tamount\n2019\t100\n");
    assert!(!b.tabs[t].has_notice(|n| matches!(n, Notice::StoppedLastTime { .. })));
    // A calculation that returns leaves no mark.
    assert!(b.tabs[t].store.mark_calculating());
    b.tabs[t].store.unmark_calculating();
    b.reload(t);
    assert_eq!(b.tabs[t].store.open_id(), Some(id.as_str()));
}

// ----- two tabs -----

#[test]
fn a_list_change_is_applied_to_the_list_as_stored_not_over_it() {
    let mut b = Browser::new();
    let first = b.open_tab();
    let second = b.open_tab();
    b.deliver = false; // the second tab has not heard of the first's new project
    b.run(first, Event::Add(named("Added in the first tab")));
    assert_eq!(b.tabs[second].store.list().len(), 1);
    b.edit_saved(second, |d| d.project.name = "Renamed in the second".into());
    let mut names = b.stored_names();
    names.sort();
    assert_eq!(names, ["Added in the first tab", "Renamed in the second"]);
    assert_eq!(b.tabs[second].store.list().len(), 2, "and it shows it");
}

#[test]
fn another_tabs_save_of_the_open_project_is_shown_with_a_notice() {
    let mut b = Browser::new();
    let first = b.open_tab();
    let second = b.open_tab();
    b.edit_saved(first, paste("year\tamount\n2019\t250\n"));
    let tab = &b.tabs[second];
    assert_eq!(tab.subsidies(), "year\tamount\n2019\t250\n");
    assert!(tab.has_notice(|n| matches!(
        n,
        Notice::ChangedInOtherTab {
            kept_this_tab: false
        }
    )));
}

#[test]
fn this_tabs_waiting_change_is_merged_with_the_other_tabs_and_saved_at_once() {
    let mut b = Browser::new();
    let first = b.open_tab();
    let second = b.open_tab();
    b.edit(second, |d| d.project.currency = "NIO".into()); // not saved yet
    b.edit_saved(first, paste("year\tamount\n2019\t1\n"));
    let id = b.tabs[second].open_id();
    // The second tab merged the first's paste into its own version and saved it at
    // once; the first took it in turn.
    assert!(b.tabs[second].has_notice(|n| matches!(n, Notice::MergedWithOtherTab)));
    assert!(!b.tabs[second].store.pending());
    assert_eq!(b.stored_doc(&id).unwrap().project.currency, "NIO");
    assert_eq!(b.tabs[second].subsidies(), "year\tamount\n2019\t1\n");
    assert_eq!(
        b.stored_doc(&id).unwrap().tables.subsidies,
        "year\tamount\n2019\t1\n"
    );
    assert_eq!(b.tabs[first].doc.project.currency, "NIO");
    assert_eq!(
        b.tabs[first].doc, b.tabs[second].doc,
        "both tabs show one version"
    );
}

#[test]
fn a_version_this_tab_could_not_store_is_never_replaced_by_another_tabs_save() {
    let mut b = Browser::new();
    let first = b.open_tab();
    let second = b.open_tab();
    b.local.set_quota(Some(b.local.used() + 1_000));
    let mine: &'static str =
        Box::leak(format!("year\tamount\n{}", "2019\t111\n".repeat(200)).into_boxed_str());
    b.edit_saved(first, paste(mine));
    let id = b.tabs[first].open_id();
    assert!(b.tabs[first].store.state(&id) == ProjectState::Unsaved(NotStored::QuotaFull));
    b.edit_saved(second, paste("year\tamount\n2019\t222\n"));
    let tab = &b.tabs[first];
    assert_eq!(tab.subsidies(), mine, "kept");
    assert!(tab.has_notice(
        |n| matches!(n, Notice::OtherTabSavedOverUnsaved { project } if project.id == id)
    ));
    // Even with a change of its own waiting, when that change cannot be stored.
    b.edit(first, |d| d.project.currency = "HNL".into());
    b.edit_saved(second, paste("year\tamount\n2019\t333\n"));
    assert_eq!(b.tabs[first].subsidies(), mine);
    assert_eq!(b.tabs[first].doc.project.currency, "HNL");
}

#[test]
fn a_project_deleted_in_another_tab_stays_open_here_and_its_next_change_saves_it() {
    let mut b = Browser::new();
    let first = b.open_tab();
    let second = b.open_tab();
    let id = b.tabs[first].open_id();
    b.run(first, Event::Delete(id.clone()));
    assert!(b.tabs[first].store.list().is_empty());
    let tab = &b.tabs[second];
    assert_eq!(tab.store.state(&id), ProjectState::DeletedElsewhere);
    assert!(
        tab.has_notice(|n| matches!(n, Notice::DeletedInOtherTab { project } if project.id == id))
    );
    assert_eq!(tab.store.list().len(), 1, "still listed here");
    assert!(
        tab.doc.tables.firms.starts_with("firm\tgroup\tyear"),
        "with its data"
    );
    b.edit_saved(second, paste("year\tamount\n2019\t100\n"));
    assert_eq!(b.tabs[second].store.state(&id), ProjectState::Stored);
    assert!(!b.tabs[second].has_notice(|n| matches!(n, Notice::DeletedInOtherTab { .. })));
    assert_eq!(b.stored_names().len(), 1);
    assert_eq!(
        b.tabs[first].store.list().len(),
        1,
        "the first tab lists it again"
    );
    assert!(
        !b.tabs[first].has_notice(|n| matches!(n, Notice::Deleted { .. })),
        "its undo would write an older copy over it"
    );
}

#[test]
fn a_project_deleted_elsewhere_and_left_here_stays_listed_with_its_data() {
    let mut b = Browser::new();
    let first = b.open_tab();
    let second = b.open_tab();
    let example = b.tabs[first].open_id();
    b.run(first, Event::Add(named("Other")));
    let other = b.tabs[first].open_id();
    b.run(first, Event::Open(example.clone()));
    b.run(first, Event::Delete(example.clone()));
    // The second tab had the example open: it leaves it, then comes back.
    b.run(second, Event::Open(other.clone()));
    assert_eq!(b.tabs[second].store.list().len(), 2, "still listed");
    assert_eq!(
        b.tabs[second].store.state(&example),
        ProjectState::DeletedElsewhere
    );
    b.run(second, Event::Open(example.clone()));
    assert!(b.tabs[second]
        .doc
        .tables
        .firms
        .starts_with("firm\tgroup\tyear"));
    // Deleted here too: gone.
    b.run(second, Event::Delete(example.clone()));
    assert!(b.tabs[second].store.list().iter().all(|m| m.id != example));
}

#[test]
fn a_project_deleted_elsewhere_and_left_here_gives_way_to_another_tabs_newer_version() {
    let mut b = Browser::new();
    let first = b.open_tab();
    let second = b.open_tab();
    let example = b.tabs[first].open_id();
    b.run(second, Event::Add(named("Other")));
    b.run(second, Event::Open(example.clone()));
    b.run(first, Event::Delete(example.clone()));
    b.run(
        second,
        Event::Open(b.tabs[second].store.list()[0].id.clone()),
    );
    assert_eq!(
        b.tabs[second].store.state(&example),
        ProjectState::DeletedElsewhere
    );
    // The first tab undoes its delete and changes it: that version wins.
    b.run(first, Event::Undo);
    b.edit_saved(first, paste("year\tamount\n2019\t7\n"));
    assert_eq!(b.tabs[second].store.state(&example), ProjectState::Stored);
    b.run(second, Event::Open(example));
    assert_eq!(b.tabs[second].subsidies(), "year\tamount\n2019\t7\n");
}

#[test]
fn a_project_deleted_since_this_tab_listed_it_is_never_reopened_empty_under_its_id() {
    let mut b = Browser::new();
    let first = b.open_tab();
    b.run(first, Event::Add(named("Other")));
    let second = b.open_tab(); // opens "Other", lists both
    let example = b.tabs[second].store.list()[1].id.clone();
    b.deliver = false;
    b.run(first, Event::Delete(example.clone()));
    b.run(second, Event::Open(example.clone()));
    let tab = &b.tabs[second];
    assert_ne!(tab.store.open_id(), Some(example.as_str()), "not opened");
    assert!(
        tab.store.list().iter().all(|m| m.id != example),
        "and unlisted"
    );
    assert!(
        b.local.get(&doc_key(&example)).is_none(),
        "nothing stored under its id"
    );
}

#[test]
fn a_list_entry_dropped_by_two_tabs_writing_at_once_is_put_back() {
    let mut b = Browser::new();
    let first = b.open_tab();
    let second = b.open_tab();
    b.run(first, Event::Add(named("Other")));
    let other = b.tabs[first].open_id();
    // What a lost race leaves: the list without "Other", whose document is stored.
    let list = b.local.get(INDEX_KEY).unwrap();
    let mut lines: Vec<serde_json::Value> = serde_json::from_str(&list).unwrap();
    lines.retain(|m| m["id"] != other.as_str());
    b.local
        .set(INDEX_KEY, &serde_json::to_string(&lines).unwrap())
        .unwrap();
    b.run(
        second,
        Event::OtherTabWrote {
            key: Some(INDEX_KEY.into()),
            value: b.local.get(INDEX_KEY),
        },
    );
    assert_eq!(b.stored_names().len(), 2, "put back in storage");
    assert_eq!(b.tabs[second].store.list().len(), 2);
}

#[test]
fn each_tab_reopens_its_own_project_on_a_reload() {
    let mut b = Browser::new();
    let first = b.open_tab();
    let second = b.open_tab();
    let example = b.tabs[second].open_id();
    b.run(first, Event::Add(named("Other")));
    assert_ne!(b.local.get(LAST_KEY), Some(example.clone()));
    b.reload(second);
    assert_eq!(b.tabs[second].open_id(), example);
    // A new tab opens the project opened last in any tab (the reload's).
    let third = b.open_tab();
    assert_eq!(b.tabs[third].open_id(), example);
}

// ----- delete and undo -----

#[test]
fn a_delete_can_be_undone_until_the_next_delete() {
    let mut b = Browser::new();
    let t = b.open_tab();
    b.edit_saved(t, paste("year\tamount\n2019\t9\n"));
    let id = b.tabs[t].open_id();
    b.run(t, Event::Add(named("Other")));
    b.run(t, Event::Delete(id.clone()));
    assert!(b.local.get(&doc_key(&id)).is_none());
    b.run(t, Event::Undo);
    let tab = &b.tabs[t];
    assert_eq!(tab.open_id(), id);
    assert_eq!(tab.subsidies(), "year\tamount\n2019\t9\n");
    assert_eq!(
        b.stored_doc(&id).unwrap().tables.subsidies,
        "year\tamount\n2019\t9\n"
    );
    assert!(!tab.has_notice(|n| matches!(n, Notice::Deleted { .. })));
    assert_eq!(b.stored_names().len(), 2);
}

#[test]
fn typing_with_no_project_left_makes_a_new_project() {
    let mut b = Browser::new();
    let t = b.open_tab();
    let id = b.tabs[t].open_id();
    b.run(t, Event::Delete(id));
    assert_eq!(b.tabs[t].store.open_id(), None);
    b.edit_saved(t, |d| d.project.name = "Typed".into());
    assert_eq!(b.stored_names(), ["Typed"]);
}

// ----- two tabs editing one project within the save delay (issue 14, item 4) -----

const FIRMS_A: &str = "firm\tgroup\tyear\tsales\nA1\tbeneficiary\t2019\t100\n";
const FIRMS_B: &str = "firm\tgroup\tyear\tsales\nB1\tbeneficiary\t2019\t200\n";

/// Issue 14, item 4: a firms paste in one tab and a rename in the other, both within
/// the save delay. The later whole document won: the paste vanished and the first tab
/// was told "saved from another tab".
#[test]
fn a_paste_in_one_tab_and_a_rename_in_the_other_within_the_save_delay_both_survive() {
    let mut b = Browser::new();
    let first = b.open_tab();
    let second = b.open_tab();
    let id = b.tabs[first].open_id();
    b.edit(first, |d| d.tables.firms = FIRMS_A.into()); // waiting
    b.edit(second, |d| d.project.name = "Renamed".into()); // waiting
    b.run(first, Event::Flush); // the first tab's delay runs out first
    b.run(second, Event::Flush);
    let stored = b.stored_doc(&id).unwrap();
    assert_eq!(stored.tables.firms, FIRMS_A, "the paste survives");
    assert_eq!(stored.project.name, "Renamed", "the rename survives");
    for t in [first, second] {
        assert_eq!(b.tabs[t].doc.tables.firms, FIRMS_A);
        assert_eq!(b.tabs[t].doc.project.name, "Renamed");
        assert_eq!(b.tabs[t].listed(), ["Renamed"]);
    }
    assert_eq!(b.stored_names(), ["Renamed"]);
    assert!(b.tabs[second].has_notice(|n| matches!(n, Notice::MergedWithOtherTab)));
    assert!(!b.tabs[second].has_notice(|n| matches!(n, Notice::EditedInBothTabs { .. })));
}

/// The same, when both tabs save before either hears of the other's save (a
/// `storage` event arrives after the other tab wrote): the second save finds storage
/// moved on since it last saw it, and merges first.
#[test]
fn two_saves_before_either_tab_hears_of_the_other_still_merge() {
    let mut b = Browser::new();
    let first = b.open_tab();
    let second = b.open_tab();
    let id = b.tabs[first].open_id();
    b.deliver = false;
    b.edit_saved(first, |d| d.tables.firms = FIRMS_A.into());
    b.edit_saved(second, |d| d.project.currency = "NIO".into());
    let stored = b.stored_doc(&id).unwrap();
    assert_eq!(stored.tables.firms, FIRMS_A);
    assert_eq!(stored.project.currency, "NIO");
    // The late events: each carries a value older than what is stored now.
    let late = b.local.get(&doc_key(&id));
    b.deliver = true;
    for t in [first, second] {
        let effects = b.tabs[t].run(Event::OtherTabWrote {
            key: Some(doc_key(&id)),
            value: late.clone(),
        });
        b.spread(t, effects);
    }
    for t in [first, second] {
        assert_eq!(b.tabs[t].doc.tables.firms, FIRMS_A);
        assert_eq!(b.tabs[t].doc.project.currency, "NIO");
    }
}

/// Parts merge finely: each table, each fact, each target on its own.
#[test]
fn different_tables_facts_and_targets_changed_in_two_tabs_all_survive() {
    let mut b = Browser::new();
    let first = b.open_tab();
    let second = b.open_tab();
    let id = b.tabs[first].open_id();
    b.edit(first, |d| {
        d.tables.subsidies = "year\tamount\n2019\t1\n".into();
        d.project.cost_total = Some(1000.0);
        d.targets.insert("long.beneficiaries.sales".into(), 0.1);
    });
    b.edit(second, |d| {
        d.tables.territory = "year\tgdp\n2019\t5\n".into();
        d.project.currency = "HNL".into();
        d.targets
            .insert("long.beneficiaries.employment".into(), 0.2);
    });
    b.run(first, Event::Flush);
    b.run(second, Event::Flush);
    let stored = b.stored_doc(&id).unwrap();
    assert_eq!(stored.tables.subsidies, "year\tamount\n2019\t1\n");
    assert_eq!(stored.tables.territory, "year\tgdp\n2019\t5\n");
    assert_eq!(stored.project.cost_total, Some(1000.0));
    assert_eq!(stored.project.currency, "HNL");
    assert_eq!(stored.targets.len(), 2, "{:?}", stored.targets);
    assert_eq!(b.tabs[first].doc, b.tabs[second].doc);
}

/// The same table changed in both tabs: this tab's version is kept (and saved), the
/// other tab's is kept for a download, and the notice says which part.
#[test]
fn the_same_table_changed_in_both_tabs_keeps_both_versions_reachable_and_says_so() {
    let mut b = Browser::new();
    let first = b.open_tab();
    let second = b.open_tab();
    let id = b.tabs[first].open_id();
    b.edit(first, |d| {
        d.tables.firms = FIRMS_A.into();
        d.project.name = "Named in the first".into();
    });
    b.edit(second, |d| d.tables.firms = FIRMS_B.into());
    b.run(first, Event::Flush);
    b.run(second, Event::Flush);
    let stored = b.stored_doc(&id).unwrap();
    assert_eq!(
        stored.tables.firms, FIRMS_B,
        "the tab that merged keeps its own"
    );
    assert_eq!(stored.project.name, "Named in the first", "the rest merged");
    let tab = &b.tabs[second];
    let parts = tab
        .store
        .notices()
        .iter()
        .find_map(|n| match n {
            Notice::EditedInBothTabs { project, parts } if project.id == id => Some(parts.clone()),
            _ => None,
        })
        .expect("said");
    assert_eq!(parts, [vec!["tables".to_string(), "firms".to_string()]]);
    let other = Document::from_json(tab.store.other_version(&id).expect("reachable")).unwrap();
    assert_eq!(other.tables.firms, FIRMS_A, "the other tab's version");
    // Closing the notice lets the other version go.
    let index = tab
        .store
        .notices()
        .iter()
        .position(|n| matches!(n, Notice::EditedInBothTabs { .. }))
        .unwrap();
    b.run(second, Event::Dismiss(index));
    assert_eq!(b.tabs[second].store.other_version(&id), None);
}

// ----- a workbook's step belongs to its project (issue 24) -----

fn sheet(text: &str) -> Vec<(cluster_eval_types::TableKind, String, String)> {
    vec![(
        cluster_eval_types::TableKind::Subsidies,
        "Hoja1".to_string(),
        text.to_string(),
    )]
}

#[test]
fn a_workbook_confirmed_in_its_own_project_replaces_its_tables_with_their_source() {
    let mut b = Browser::new();
    let t = b.open_tab();
    b.run(t, Event::Add(named("A")));
    let a = b.tabs[t].open_id();
    b.run(
        t,
        Event::ApplyWorkbook {
            project: Some(a.clone()),
            file: "libro.xlsx".into(),
            tables: sheet("year\tamount\n2019\t5\n"),
        },
    );
    b.run(t, Event::Flush);
    assert_eq!(b.tabs[t].subsidies(), "year\tamount\n2019\t5\n");
    let stored = b.stored_doc(&a).expect("stored");
    assert_eq!(stored.tables.subsidies, "year\tamount\n2019\t5\n");
    let source = stored.settings.tables["subsidies"]
        .source
        .clone()
        .expect("source");
    assert_eq!(
        (source.file.as_str(), source.sheet.as_str()),
        ("libro.xlsx", "Hoja1")
    );
}

#[test]
fn a_workbook_opened_in_one_project_never_writes_into_another() {
    let mut b = Browser::new();
    let t = b.open_tab();
    let example = b.tabs[t].open_id();
    let example_tables = b.tabs[t].doc.tables.clone();
    b.run(t, Event::Add(named("A")));
    let a = b.tabs[t].open_id();
    // The step was opened in A; the person clicks the example, then confirms.
    b.run(t, Event::Open(example.clone()));
    b.run(
        t,
        Event::ApplyWorkbook {
            project: Some(a.clone()),
            file: "libro.xlsx".into(),
            tables: sheet("year\tamount\n2019\t5\n"),
        },
    );
    b.run(t, Event::Flush);
    assert_eq!(b.tabs[t].doc.tables, example_tables);
    assert_eq!(
        b.stored_doc(&example).expect("stored").tables,
        example_tables
    );
    assert_eq!(b.stored_doc(&a).expect("stored").tables.subsidies, "");
    assert!(b.tabs[t]
        .has_notice(|n| matches!(n, Notice::WorkbookNotApplied { file } if file == "libro.xlsx")));

    // Deleted while the step was open: the next project opened is not written either.
    b.run(t, Event::Open(a.clone()));
    b.run(t, Event::Delete(a.clone()));
    let next = b.tabs[t].open_id();
    let before = b.tabs[t].doc.tables.clone();
    b.run(
        t,
        Event::ApplyWorkbook {
            project: Some(a),
            file: "libro.xlsx".into(),
            tables: sheet("year\tamount\n2019\t5\n"),
        },
    );
    assert_eq!(b.tabs[t].open_id(), next);
    assert_eq!(b.tabs[t].doc.tables, before);
}

#[test]
fn a_workbook_step_of_a_project_another_tab_deleted_still_applies_to_it_here() {
    let mut b = Browser::new();
    let t0 = b.open_tab();
    b.run(t0, Event::Add(named("A")));
    let a = b.tabs[t0].open_id();
    let t1 = b.open_tab();
    b.run(t1, Event::Delete(a.clone()));
    // Tab 0 keeps A open, in memory; its step is for A and applies to A.
    assert_eq!(b.tabs[t0].open_id(), a);
    b.run(
        t0,
        Event::ApplyWorkbook {
            project: Some(a),
            file: "libro.xlsx".into(),
            tables: sheet("year\tamount\n2019\t5\n"),
        },
    );
    assert_eq!(b.tabs[t0].subsidies(), "year\tamount\n2019\t5\n");
}

#[test]
fn a_csv_given_to_the_project_import_is_answered_as_a_table_and_changes_nothing() {
    let mut b = Browser::new();
    let t = b.open_tab();
    let before = b.tabs[t].listed();
    b.run(
        t,
        Event::Import {
            file: "empresas.csv".into(),
            text: "empresa;grupo;año\nA;beneficiaria;2019\n".into(),
            encoding: None,
        },
    );
    assert!(b.tabs[t]
        .has_notice(|n| matches!(n, Notice::ImportTable { file } if file == "empresas.csv")));
    assert_eq!(b.tabs[t].listed(), before);
}
