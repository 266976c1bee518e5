//! The firms of the table, hashed once per computation: each row's firm slot, and each
//! firm's id and group in order of first appearance. Pairs, the rows in between and
//! the short run's distinct firms all come from this one pass (on 100,000 rows,
//! hashing ids again for each of them cost more than every panel).

use crate::model::{FirmsTable, Group};
use rustc_hash::FxHashMap;

pub struct FirmIndex<'a> {
    /// Per row of the table: its firm's slot.
    pub slot: Vec<u32>,
    /// Per slot: the firm's id and the group of its first row.
    pub firms: Vec<(&'a str, Group)>,
}

impl<'a> FirmIndex<'a> {
    pub fn new(table: &'a FirmsTable) -> Self {
        // Most tables have a row per firm and year over a handful of years.
        let mut map: FxHashMap<&'a str, u32> =
            FxHashMap::with_capacity_and_hasher(table.rows.len() / 4, Default::default());
        let mut firms = Vec::new();
        let slot = table
            .rows
            .iter()
            .map(|row| {
                *map.entry(row.firm.as_str()).or_insert_with(|| {
                    firms.push((row.firm.as_str(), row.group));
                    (firms.len() - 1) as u32
                })
            })
            .collect();
        FirmIndex { slot, firms }
    }

    /// Ids of the distinct firms of `groups`, in order of first appearance.
    pub fn distinct<'s>(&'s self, groups: &'s [Group]) -> impl Iterator<Item = &'a str> + 's {
        self.firms
            .iter()
            .filter(move |(_, g)| groups.contains(g))
            .map(|(id, _)| *id)
    }
}
