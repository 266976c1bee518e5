//! The cluster evaluation calculator: a client-side Leptos page over
//! `cluster-eval-engine`. This crate holds views, state and storage; every number
//! comes from the engine.

use cluster_eval_app::app::App;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
