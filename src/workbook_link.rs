//! The page's one link to the workbook worker (`workbook/`, docs/workbooks.md): it
//! reads the worker's hashed file names (`workbook.json`), starts the worker on first
//! use, posts a typed [`WorkbookRequest`] and awaits its typed [`WorkbookReply`]. The
//! wire format is `cluster_eval_protocol::workbook`'s: `[id, json, bytes]`, a file's
//! bytes transferred as an `ArrayBuffer` beside the JSON (never copied into the page's
//! own memory).

use std::cell::{Cell, RefCell};

use cluster_eval_protocol::workbook::{WorkbookManifest, WorkbookReply, WorkbookRequest};
use js_sys::{Array, ArrayBuffer, Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a request got no reply.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The worker could not be had (offline before it was ever fetched, a server
    /// without it) or stopped.
    Unavailable,
    /// It answered something that is not a reply.
    Garbled(String),
}

type Waiting = (u32, Function, Function);

thread_local! {
    static WORKER: RefCell<Option<web_sys::Worker>> = const { RefCell::new(None) };
    static WAITING: RefCell<Vec<Waiting>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// The requests waiting for `id`'s reply (all of them for `None`), taken out.
fn take_waiting(id: Option<u32>) -> Vec<Waiting> {
    WAITING.with(|w| {
        let mut w = w.borrow_mut();
        let (taken, kept) = w
            .drain(..)
            .partition(|(i, _, _)| id.is_none_or(|id| *i == id));
        *w = kept;
        taken
    })
}

/// `workbook.json`: the worker's files (served by the service worker once fetched).
async fn manifest() -> Result<WorkbookManifest, Failure> {
    let window = web_sys::window().ok_or(Failure::Unavailable)?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str("workbook.json"))
        .await
        .ok()
        .and_then(|r| r.dyn_into().ok())
        .ok_or(Failure::Unavailable)?;
    if !response.ok() {
        return Err(Failure::Unavailable);
    }
    let text = JsFuture::from(response.text().map_err(|_| Failure::Unavailable)?)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or(Failure::Unavailable)?;
    WorkbookManifest::from_json(&text).map_err(|_| Failure::Unavailable)
}

/// The worker, started on first use.
async fn worker() -> Result<web_sys::Worker, Failure> {
    if let Some(w) = WORKER.with(|w| w.borrow().clone()) {
        return Ok(w);
    }
    let files = manifest().await?;
    // Another request may have started it meanwhile.
    if let Some(w) = WORKER.with(|w| w.borrow().clone()) {
        return Ok(w);
    }
    let url = format!(
        "workbook-loader.js?js={}&wasm={}",
        js_sys::encode_uri_component(&files.js),
        js_sys::encode_uri_component(&files.wasm)
    );
    let w = web_sys::Worker::new(&url).map_err(|_| Failure::Unavailable)?;
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(|ev: web_sys::MessageEvent| {
        let data = ev.data();
        let id = Array::from(&data).get(0).as_f64().unwrap_or(0.0) as u32;
        if let Some((_, resolve, _)) = take_waiting(Some(id)).pop() {
            let _ = resolve.call1(&JsValue::NULL, &data);
        }
    });
    w.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // The module failed to load (a network error while fetching it): every request
    // waiting is answered, and the next one starts a new worker.
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        ev.prevent_default();
        WORKER.with(|w| w.borrow_mut().take().map(|w| w.terminate()));
        for (_, _, reject) in take_waiting(None) {
            let _ = reject.call0(&JsValue::NULL);
        }
    });
    w.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    WORKER.with(|slot| *slot.borrow_mut() = Some(w.clone()));
    Ok(w)
}

/// Stops the worker and everything it was doing (a reading the person cancelled, or
/// one for a project no longer open): every request waiting fails, and the next one
/// starts a fresh worker, so a second workbook is never queued behind a first one
/// that takes long.
pub fn cancel() {
    WORKER.with(|w| w.borrow_mut().take().map(|w| w.terminate()));
    for (_, _, reject) in take_waiting(None) {
        let _ = reject.call0(&JsValue::NULL);
    }
}

/// Asks the worker; `bytes` (for [`WorkbookRequest::Open`]) is transferred, not
/// copied; `tables` (for [`WorkbookRequest::Results`], whose document travels without
/// its table texts) are the texts in the order of `TableKind::ALL`, plain strings
/// beside the JSON: a census-size table is never escaped into JSON on the page's
/// thread. The reply comes with its own bytes (for [`WorkbookReply::File`]).
pub async fn ask(
    request: &WorkbookRequest,
    bytes: Option<ArrayBuffer>,
    tables: Option<Vec<String>>,
) -> Result<(WorkbookReply, Option<ArrayBuffer>), Failure> {
    let w = worker().await?;
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    });
    let texts = tables.map(|tables| {
        tables
            .iter()
            .map(|t| JsValue::from_str(t))
            .collect::<Array>()
    });
    let message = Array::of4(
        &id.into(),
        &request.to_json().into(),
        bytes.as_ref().map_or(&JsValue::UNDEFINED, |b| b.as_ref()),
        texts.as_ref().map_or(&JsValue::UNDEFINED, |t| t.as_ref()),
    );
    let promise = Promise::new(&mut |resolve, reject| {
        WAITING.with(|w| w.borrow_mut().push((id, resolve, reject)));
    });
    let sent = match &bytes {
        Some(buffer) => w.post_message_with_transfer(&message, &Array::of1(buffer)),
        None => w.post_message(&message),
    };
    if sent.is_err() {
        take_waiting(Some(id));
        return Err(Failure::Unavailable);
    }
    let data = Array::from(
        &JsFuture::from(promise)
            .await
            .map_err(|_| Failure::Unavailable)?,
    );
    let json = data.get(1).as_string().unwrap_or_default();
    let reply = WorkbookReply::from_json(&json).map_err(Failure::Garbled)?;
    Ok((reply, data.get(2).dyn_into::<ArrayBuffer>().ok()))
}
