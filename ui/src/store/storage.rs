//! What the project store needs from the browser: a key–value storage whose writes can
//! fail in two told-apart ways (no storage, full quota), and a clock that also makes
//! project ids. The page implements both over `web_sys` (local and session storage,
//! `Date.now`, `Math.random`); [`super::memory`] implements them for tests.
//!
//! The keys (version 1 of the storage layout, independent of the document version):
//! - `cluster-eval/v1/index`: the list of projects (`[{id, name, updated}]`),
//! - `cluster-eval/v1/doc/<id>`: one document's JSON (without results),
//! - `cluster-eval/v1/last`: the id of the project open last (also kept per tab, in
//!   the tab's session storage, so a reload reopens that tab's own project),
//! - `cluster-eval/v1/lang`: the chosen language;
//! - `cluster-eval/v1/backup/<key>/<time>`: stored data that could not be read;
//! - in the tab's session storage, `cluster-eval/v1/calculating`: the project being
//!   calculated, while it is, and `cluster-eval/v1/last`.

pub const PREFIX: &str = "cluster-eval/v1/";
pub const INDEX_KEY: &str = "cluster-eval/v1/index";
pub const LAST_KEY: &str = "cluster-eval/v1/last";
pub const LANG_KEY: &str = "cluster-eval/v1/lang";
/// The id of the project being calculated on the page, set for the length of each
/// calculation: if one never returns (a panic stops the whole page), the mark stays,
/// and the next load does not reopen that project by itself, again and again. Kept
/// in the tab's session storage, which a reload keeps and other tabs do not see (a
/// tab opened during another's calculation must not take it for a stop).
pub const CALCULATING_KEY: &str = "cluster-eval/v1/calculating";

/// What browsers keep in local storage per site, in characters: Chromium allows 10 MiB
/// of UTF-16 (5 Mi characters), Firefox and Safari 5 MB. A project whose tables alone
/// are longer cannot be stored, and is not even tried (serialising and refusing 10 MB
/// freezes the page for half a second).
pub const STORAGE_LIMIT_CHARS: usize = 5 * 1024 * 1024;

/// The key of one project's document.
pub fn doc_key(id: &str) -> String {
    format!("{PREFIX}doc/{id}")
}

/// The project id of a document key, if `key` is one.
pub fn doc_id(key: &str) -> Option<&str> {
    key.strip_prefix(PREFIX)?.strip_prefix("doc/")
}

/// Where an unreadable value of `key` is copied, at `time` (ms since the epoch).
pub fn backup_key(key: &str, time: f64) -> String {
    format!(
        "{PREFIX}backup/{}/{}",
        key.trim_start_matches(PREFIX),
        time as u64
    )
}

/// Why a write did not happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteError {
    /// The browser gives no storage (or refuses access to it).
    Unavailable,
    /// The storage quota is full.
    QuotaFull,
}

/// A key–value storage of strings (the browser's local or session storage).
pub trait Storage {
    /// Whether there is a storage at all (a full one counts: it is there, only full).
    fn is_available(&self) -> bool;
    fn get(&self, key: &str) -> Option<String>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError>;
    fn remove(&mut self, key: &str);
    /// Every key stored (to find documents again when the list is lost).
    fn keys(&self) -> Vec<String>;
}

/// The time and new project ids: from the browser on the page, made up in tests, so
/// the store itself is deterministic.
pub trait Clock {
    /// Milliseconds since the epoch.
    fn now(&mut self) -> f64;
    /// A project id not used before in this browser.
    fn new_id(&mut self) -> String;
}
