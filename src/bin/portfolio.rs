//! The portfolio page (`portfolio.html`): several projects side by side, a binary of
//! its own so the main page's first visit carries none of it.

use cluster_eval_app::components::portfolio::PortfolioApp;

fn main() {
    console_error_panic_hook::set_once();
    if let Some(window) = web_sys::window() {
        if let Some(shell) = window.document().and_then(|d| d.get_element_by_id("shell")) {
            shell.remove();
        }
        leptos::mount::mount_to_body(PortfolioApp);
    }
}
