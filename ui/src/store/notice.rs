//! What the page must tell the user about its projects and their storage, as typed
//! values: the store adds them and withdraws them by its rules (see [`super::Store`]);
//! the page only renders them, in the reader's language.

use cluster_eval_types::DocumentError;

use super::list::ProjectMeta;
use super::merge::Part;

/// A project a notice is about: the notice's export button exports *that* project,
/// not whichever is open.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectRef {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// No local storage: the page works in memory only.
    StorageUnavailable,
    /// Saves failed for lack of space: these projects' latest versions exist only in
    /// this tab. Withdrawn project by project as each is stored (or deleted).
    QuotaFull { projects: Vec<ProjectRef> },
    /// These projects are larger than a browser keeps (the largest: `mb` MB of
    /// tables); they stay in this tab only.
    TooLargeToStore { projects: Vec<ProjectRef>, mb: f64 },
    /// Stored data could not be read and were set aside under this key.
    Recovered { backup_key: String },
    /// An imported file was refused; nothing changed.
    ImportRefused { file: String, error: DocumentError },
    /// A table saved as text (`.csv`, `.tsv`, `.txt`) was given to the project import:
    /// its contents go into a table, by paste; nothing changed.
    ImportTable { file: String },
    /// A file could not be read as text.
    ImportUnreadable { file: String },
    /// A workbook's sheet-to-table step was confirmed after another project had been
    /// opened (or its own deleted): nothing was applied anywhere.
    WorkbookNotApplied { file: String },
    /// The texts of a language could not be fetched (offline before it was ever
    /// chosen): the page stays in the language it has. `language`: its own name.
    LanguageUnavailable { language: String },
    /// The portfolio page was asked for offline before it was ever visited (the
    /// service worker keeps it once visited): the page stays where it is.
    PortfolioUnavailable,
    /// A project was imported and opened (as a new project); `encoding` names the
    /// encoding its file was read in when that was not UTF-8 (Windows-1252, UTF-16).
    Imported {
        name: String,
        encoding: Option<&'static str>,
    },
    /// A project was deleted; it can be restored until the next delete.
    Deleted { meta: ProjectMeta, json: String },
    /// Another tab of the page saved the open project. `kept_this_tab`: this tab had
    /// a change of its own waiting to be saved, so its version was saved instead.
    ChangedInOtherTab { kept_this_tab: bool },
    /// Another tab saved the open project while this tab had a change of its own
    /// waiting: the two versions were merged part by part (see [`super::merge`]), and
    /// every change of both tabs is kept.
    MergedWithOtherTab,
    /// Both tabs changed the same `parts` of this project, differently: this tab's
    /// version of them was kept and saved, the rest merged. The other tab's version is
    /// kept by the store ([`super::Store::other_version`]) and offered as a download.
    EditedInBothTabs {
        project: ProjectRef,
        parts: Vec<Part>,
    },
    /// Another tab saved the open project while this tab holds a version it could
    /// not store: this tab keeps its own, which only an export can keep.
    OtherTabSavedOverUnsaved { project: ProjectRef },
    /// Another tab deleted the open project; it stays open here, in memory.
    DeletedInOtherTab { project: ProjectRef },
    /// The page stopped while calculating this project last time, so it was not
    /// reopened by itself; it can be opened anyway, or its stored file downloaded.
    StoppedLastTime { id: String, name: String },
}

impl Notice {
    /// The projects whose only copy an export from this notice keeps.
    pub fn projects(&self) -> &[ProjectRef] {
        match self {
            Notice::QuotaFull { projects } | Notice::TooLargeToStore { projects, .. } => projects,
            Notice::OtherTabSavedOverUnsaved { project }
            | Notice::DeletedInOtherTab { project } => std::slice::from_ref(project),
            _ => &[],
        }
    }
}
