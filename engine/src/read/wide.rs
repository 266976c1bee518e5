//! Wide tables reshaped to long rows (SPEC, "A wide table is accepted too").
//!
//! A pasted row of a wide table (`firm, group, sales_2019, sales_2020, …`) becomes one
//! row per year: the columns without a year (firm, group) are shared by all of them,
//! the year's own columns fill the rest. A year whose cells are all missing makes no
//! row (a firm that entered the cluster late has no earlier rows). Every row keeps the
//! line of its pasted row, so errors point at what the user pasted.
//!
//! A long table is the degenerate case: one "year" (`None`) and every column shared.

use super::header::Layout;

/// A pasted column and its schema column.
pub type Cell = (usize, usize);

/// How the typed rows of one pasted row are assembled.
#[derive(Debug, Clone, Default)]
pub struct Shape {
    /// Columns shared by every row made from a pasted row.
    pub shared: Vec<Cell>,
    /// Per row to make: the year (wide only) and that year's own columns.
    pub years: Vec<(Option<i32>, Vec<Cell>)>,
}

impl Shape {
    pub fn of(layout: &Layout) -> Shape {
        let mut shape = Shape::default();
        for (pasted, t) in layout.targets.iter().enumerate() {
            if let Some(t) = t {
                if t.year.is_none() {
                    shape.shared.push((pasted, t.col));
                }
            }
        }
        if layout.wide_years.is_empty() {
            shape.years.push((None, Vec::new()));
        } else {
            for &y in &layout.wide_years {
                let cells = layout
                    .targets
                    .iter()
                    .enumerate()
                    .filter_map(|(pasted, t)| match t {
                        Some(t) if t.year == Some(y) => Some((pasted, t.col)),
                        _ => None,
                    })
                    .collect();
                shape.years.push((Some(y), cells));
            }
        }
        shape
    }

    pub fn is_wide(&self) -> bool {
        self.years.iter().any(|(y, _)| y.is_some())
    }
}
