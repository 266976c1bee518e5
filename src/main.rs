//! The cluster evaluation calculator: a client-side Leptos page. This crate holds
//! views, state and storage; every number comes from the compute worker
//! (`compute_link.rs`).

use cluster_eval_app::app::App;
use cluster_eval_app::lang_files;

fn main() {
    cluster_eval_app::startup::start();
    // The reader's language first (Spanish and Portuguese are files of their own,
    // already on their way since the light shell asked for them), then the page.
    let lang = lang_files::starting_language();
    // wasm-bindgen's executor: Leptos sets up its own only when it mounts.
    wasm_bindgen_futures::spawn_local(async move {
        lang_files::ensure(lang).await;
        // The light shell of index.html, shown while the app downloaded, gives way.
        if let Some(shell) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("shell"))
        {
            shell.remove();
        }
        leptos::mount::mount_to_body(App);
    });
}
