//! The browser side of the project store (`cluster_eval_ui::store`): its [`Storage`]
//! over the browser's local and session storage, and its [`Clock`] over `Date.now`
//! and `Math.random`. The rules (keys, backups, full quota, two tabs) are the
//! store's, tested natively; this module only tells a full quota from no storage.
//!
//! When storage is unavailable (private mode, locked-down browsers) every call fails
//! softly and the page works in memory.

pub use cluster_eval_ui::store::storage::{doc_key, Clock, Storage, WriteError};
pub use cluster_eval_ui::store::{ProjectMeta, CALCULATING_KEY, INDEX_KEY, LANG_KEY, LAST_KEY};

/// The browser's local storage (shared by the page's tabs) or the tab's session
/// storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WebStorage {
    Local,
    Session,
}

impl WebStorage {
    fn storage(self) -> Option<web_sys::Storage> {
        match self {
            WebStorage::Local => local(),
            WebStorage::Session => web_sys::window()?.session_storage().ok()?,
        }
    }
}

impl Storage for WebStorage {
    fn is_available(&self) -> bool {
        self.storage().is_some()
    }

    fn get(&self, key: &str) -> Option<String> {
        self.storage()?.get_item(key).ok()?
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError> {
        let storage = self.storage().ok_or(WriteError::Unavailable)?;
        storage.set_item(key, value).map_err(|e| {
            if is_quota_error(&e) {
                WriteError::QuotaFull
            } else {
                WriteError::Unavailable
            }
        })
    }

    fn remove(&mut self, key: &str) {
        if let Some(storage) = self.storage() {
            let _ = storage.remove_item(key);
        }
    }

    fn keys(&self) -> Vec<String> {
        let Some(storage) = self.storage() else {
            return Vec::new();
        };
        let count = storage.length().unwrap_or(0);
        (0..count)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect()
    }
}

/// The time and project ids from the browser.
#[derive(Debug, Clone, Copy, Default)]
pub struct WebClock;

impl Clock for WebClock {
    fn now(&mut self) -> f64 {
        js_sys::Date::now()
    }

    /// Time plus a random part, unique enough for one person's browser.
    fn new_id(&mut self) -> String {
        let now = js_sys::Date::now() as u64;
        let random = (js_sys::Math::random() * 1e9) as u64;
        format!("p{now:x}{random:x}")
    }
}

/// The browser's local storage, or `None` where there is none or it is refused.
fn local() -> Option<web_sys::Storage> {
    // Accessing localStorage throws in some locked-down configurations: treat a throw
    // like no storage at all.
    let storage = web_sys::window()?.local_storage().ok()??;
    // Safari's old private mode has a storage whose writes always fail: probe it, once
    // per page. Probing on every access cost two extra writes per read or write, each
    // also a `storage` event in every other tab; a write that fails later is answered
    // where it fails.
    thread_local! {
        static WRITABLE: std::cell::Cell<Option<bool>> = const { std::cell::Cell::new(None) };
    }
    let writable = WRITABLE.with(|w| match w.get() {
        Some(known) => known,
        None => {
            let found = takes_writes(&storage);
            w.set(Some(found));
            found
        }
    });
    writable.then_some(storage)
}

/// Whether a write goes through (a full storage counts: it is there, only full).
fn takes_writes(storage: &web_sys::Storage) -> bool {
    let probe = format!("{}probe", cluster_eval_ui::store::PREFIX);
    match storage.set_item(&probe, "1") {
        Ok(()) => {
            let _ = storage.remove_item(&probe);
            true
        }
        Err(e) => is_quota_error(&e),
    }
}

fn is_quota_error(error: &wasm_bindgen::JsValue) -> bool {
    use wasm_bindgen::JsCast;
    match error.dyn_ref::<web_sys::DomException>() {
        // 22 is the legacy code of QuotaExceededError; Firefox names it differently.
        Some(dom) => {
            dom.code() == 22
                || dom.name() == "QuotaExceededError"
                || dom.name() == "NS_ERROR_DOM_QUOTA_REACHED"
        }
        None => false,
    }
}
