//! The cluster evaluation calculator: a client-side Leptos page over
//! `cluster-eval-engine`. This crate holds views, state and storage; every number
//! comes from the engine.

use cluster_eval_app::app::App;

fn main() {
    console_error_panic_hook::set_once();
    // The same module also runs in the page's calculation worker
    // (`engine_worker.rs`), which has no window and no page to draw.
    if let Some(window) = web_sys::window() {
        // The light shell of index.html, shown while the app downloaded, gives way.
        if let Some(shell) = window.document().and_then(|d| d.get_element_by_id("shell")) {
            shell.remove();
        }
        leptos::mount::mount_to_body(App);
    }
}
