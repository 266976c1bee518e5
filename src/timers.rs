//! Waiting without blocking the page: a turn of the event loop, or a few
//! milliseconds, as a future.

/// Resolves after `ms` milliseconds (0: on the next turn of the event loop, so the
/// browser can draw and answer the reader in between).
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
