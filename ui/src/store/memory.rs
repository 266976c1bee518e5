//! An in-memory [`Storage`] and a stepping [`Clock`], for tests of the store: two
//! stores given clones of one [`MemoryStorage`] share it, as two tabs share the
//! browser's local storage. The storage can be made full (from a size on) or absent.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use super::storage::{Clock, Storage, WriteError};

#[derive(Debug, Default)]
struct Shelf {
    values: BTreeMap<String, String>,
    /// The most characters (keys and values) it holds; `None`: no limit.
    quota: Option<usize>,
    absent: bool,
}

/// A storage in memory; its clones share the same contents.
#[derive(Debug, Clone, Default)]
pub struct MemoryStorage(Rc<RefCell<Shelf>>);

impl MemoryStorage {
    pub fn new() -> Self {
        Self::default()
    }

    /// No storage at all (a locked-down browser): every write fails, nothing is read.
    pub fn absent() -> Self {
        let storage = Self::default();
        storage.0.borrow_mut().absent = true;
        storage
    }

    /// From now on a write that would make the contents longer than `chars`
    /// characters fails as a full quota.
    pub fn set_quota(&self, chars: Option<usize>) {
        self.0.borrow_mut().quota = chars;
    }

    /// A full quota: from now on every write fails.
    pub fn fill(&self) {
        self.set_quota(Some(0));
    }

    /// Characters stored, keys and values.
    pub fn used(&self) -> usize {
        let shelf = self.0.borrow();
        shelf.values.iter().map(|(k, v)| k.len() + v.len()).sum()
    }
}

impl Storage for MemoryStorage {
    fn is_available(&self) -> bool {
        !self.0.borrow().absent
    }

    fn get(&self, key: &str) -> Option<String> {
        self.0.borrow().values.get(key).cloned()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError> {
        let mut shelf = self.0.borrow_mut();
        if shelf.absent {
            return Err(WriteError::Unavailable);
        }
        if let Some(quota) = shelf.quota {
            let old = shelf.values.get(key).map_or(0, |v| key.len() + v.len());
            let used: usize = shelf.values.iter().map(|(k, v)| k.len() + v.len()).sum();
            if used - old + key.len() + value.len() > quota {
                return Err(WriteError::QuotaFull);
            }
        }
        shelf.values.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) {
        self.0.borrow_mut().values.remove(key);
    }

    fn keys(&self) -> Vec<String> {
        self.0.borrow().values.keys().cloned().collect()
    }
}

/// A clock that moves one second per reading, and ids `p1`, `p2`, … (`prefix` tells
/// two tabs' ids apart).
#[derive(Debug, Clone)]
pub struct StepClock {
    pub time: f64,
    pub prefix: String,
    count: u32,
}

impl StepClock {
    pub fn new(prefix: &str) -> Self {
        StepClock {
            time: 1_700_000_000_000.0,
            prefix: prefix.to_string(),
            count: 0,
        }
    }
}

impl Clock for StepClock {
    fn now(&mut self) -> f64 {
        self.time += 1000.0;
        self.time
    }

    fn new_id(&mut self) -> String {
        self.count += 1;
        format!("{}{}", self.prefix, self.count)
    }
}
