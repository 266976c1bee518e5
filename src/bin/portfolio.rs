//! The portfolio page (`portfolio.html`): several projects side by side, a binary of
//! its own so the main page's first visit carries none of it.

use cluster_eval_app::components::portfolio::PortfolioApp;
use cluster_eval_app::lang_files;

fn main() {
    cluster_eval_app::startup::start();
    if web_sys::window().is_some() {
        // The reader's language first (the main page's `lang/` folder, one level up).
        let lang = lang_files::starting_language();
        wasm_bindgen_futures::spawn_local(async move {
            lang_files::ensure_from("../", lang).await;
            if let Some(shell) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("shell"))
            {
                shell.remove();
            }
            leptos::mount::mount_to_body(PortfolioApp);
        });
    }
}
