//! The workbook module: one WebAssembly, built by Trunk as a worker
//! (`data-type="worker"` in index.html) and never part of the first visit. It runs
//! twice once a workbook is first used: in a Web Worker ([`worker`]: reading files and
//! writing workbooks, the heavy part) and on the page's main thread ([`page`]: the
//! sheet-to-table step, drawn under the page's workbook bar, which talks to the page
//! through one DOM event). See docs/workbooks.md.

#[cfg(target_arch = "wasm32")]
mod bridge;
#[cfg(target_arch = "wasm32")]
mod page;
#[cfg(target_arch = "wasm32")]
mod worker;

fn main() {}
