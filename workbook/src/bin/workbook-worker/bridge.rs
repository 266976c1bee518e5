//! The bridge from the module's main-thread instance to its worker instance: the
//! worker is started on the first request (`workbook-loader.js`, with the hashed file
//! names the page's loader read from `workbook.json` and left in
//! `window.clusterWorkbookManifest`). A request is a message with an id; its answer
//! resolves the promise kept under that id.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static WORKER: RefCell<Option<web_sys::Worker>> = const { RefCell::new(None) };
    static PENDING: RefCell<Vec<(u32, js_sys::Function, js_sys::Function)>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
}

/// Why a request failed, for the page to word.
pub enum Failure {
    /// The module could not be had (offline before it was ever fetched, or a server
    /// without it).
    Unavailable,
    /// The module answered with an error (already worded, or a library's words).
    Answer(String),
}

fn get_str(object: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(object, &JsValue::from_str(key))
        .ok()?
        .as_string()
}

/// The requests waiting for `id`'s answer (all of them for `None`), taken out.
fn take_pending(id: Option<u32>) -> Vec<(u32, js_sys::Function, js_sys::Function)> {
    PENDING.with(|p| {
        let mut p = p.borrow_mut();
        let (taken, kept) = p
            .drain(..)
            .partition(|(i, _, _)| id.is_none_or(|id| *i == id));
        *p = kept;
        taken
    })
}

/// The worker, started on first use.
fn worker() -> Result<web_sys::Worker, Failure> {
    if let Some(w) = WORKER.with(|w| w.borrow().clone()) {
        return Ok(w);
    }
    let manifest = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("clusterWorkbookManifest")).ok())
        .ok_or(Failure::Unavailable)?;
    let (js, wasm) = match (get_str(&manifest, "js"), get_str(&manifest, "wasm")) {
        (Some(js), Some(wasm)) => (js, wasm),
        _ => return Err(Failure::Unavailable),
    };
    let url = format!(
        "workbook-loader.js?js={}&wasm={}",
        js_sys::encode_uri_component(&js),
        js_sys::encode_uri_component(&wasm)
    );
    let w = web_sys::Worker::new(&url).map_err(|_| Failure::Unavailable)?;
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(|ev: web_sys::MessageEvent| {
        let data = ev.data();
        let id = js_sys::Reflect::get(&data, &JsValue::from_str("id"))
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0) as u32;
        let Some((_, resolve, reject)) = take_pending(Some(id)).pop() else {
            return;
        };
        match js_sys::Reflect::get(&data, &JsValue::from_str("ok")) {
            Ok(ok) if !ok.is_undefined() => drop(resolve.call1(&JsValue::NULL, &ok)),
            _ => {
                let error = js_sys::Reflect::get(&data, &JsValue::from_str("error"))
                    .unwrap_or(JsValue::NULL);
                drop(reject.call1(&JsValue::NULL, &error));
            }
        }
    });
    w.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // The module failed to load (a network error while fetching it): every request
    // waiting is answered, and the next one starts a new worker.
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        ev.prevent_default();
        WORKER.with(|w| w.borrow_mut().take().map(|w| w.terminate()));
        for (_, _, reject) in take_pending(None) {
            drop(reject.call1(&JsValue::NULL, &JsValue::UNDEFINED));
        }
    });
    w.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    WORKER.with(|slot| *slot.borrow_mut() = Some(w.clone()));
    Ok(w)
}

/// Sends `fields` (with an `op`) to the module and waits for its answer; `transfer`
/// moves an `ArrayBuffer` instead of copying it.
pub async fn request(
    fields: &[(&str, JsValue)],
    transfer: Option<&JsValue>,
) -> Result<JsValue, Failure> {
    let w = worker()?;
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    });
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &JsValue::from_str("id"), &JsValue::from(id));
    for (key, value) in fields {
        let _ = js_sys::Reflect::set(&message, &JsValue::from_str(key), value);
    }
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        PENDING.with(|p| p.borrow_mut().push((id, resolve, reject)));
    });
    let sent = match transfer {
        Some(buffer) => w.post_message_with_transfer(&message, &js_sys::Array::of1(buffer)),
        None => w.post_message(&message),
    };
    if sent.is_err() {
        take_pending(Some(id));
        return Err(Failure::Unavailable);
    }
    JsFuture::from(promise)
        .await
        .map_err(|e| match e.as_string() {
            Some(text) => Failure::Answer(text),
            None => Failure::Unavailable,
        })
}

/// Offers `bytes` (an `ArrayBuffer`) as a download named `file_name`.
pub fn download_bytes(file_name: &str, bytes: &JsValue) -> Result<(), JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    let blob = web_sys::Blob::new_with_buffer_source_sequence_and_options(
        &js_sys::Array::of1(bytes),
        &options,
    )?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)
}
