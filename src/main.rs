//! The cluster evaluation calculator: a client-side Leptos page over
//! `cluster-eval-engine`. This crate holds views, state and storage; every number
//! comes from the engine.

use cluster_eval_app::app::App;

fn main() {
    console_error_panic_hook::set_once();
    // The same module also runs in the page's calculation worker
    // (`engine_worker.rs`), which has no window and no page to draw.
    if web_sys::window().is_some() {
        leptos::mount::mount_to_body(App);
    }
}
