//! The workbook module: one WebAssembly, built by Trunk as a worker
//! (`data-type="worker"` in index.html), run only in a Web Worker and never part of
//! the first visit. `workbook-loader.js` loads it; its start sets the worker's one
//! `onmessage`, which decodes a `WorkbookRequest` (`[id, json, bytes]`, see
//! `cluster_eval_protocol::workbook`), has `cluster_eval_workbook::answer` answer it,
//! and posts the `WorkbookReply` the same way, a file's bytes transferred. The page's
//! side is `src/workbook_link.rs`. See docs/workbooks.md.

#[cfg(target_arch = "wasm32")]
mod worker {
    use cluster_eval_protocol::workbook::{WorkbookReply, WorkbookRequest};
    use cluster_eval_ui::i18n::{self, Lang};
    use js_sys::{Array, ArrayBuffer, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    fn scope() -> web_sys::DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    /// The page's texts of `lang` (`lang/<code>.json`, the service worker's copy
    /// once fetched), which name the indicators, statuses and tables in the workbooks
    /// written here. Without them (offline and never fetched), English.
    async fn ensure_language(lang: Lang) {
        if i18n::is_installed(lang) {
            return;
        }
        let url = format!("lang/{}.json", lang.code());
        let Ok(response) = JsFuture::from(scope().fetch_with_str(&url)).await else {
            return;
        };
        let Ok(response) = response.dyn_into::<web_sys::Response>() else {
            return;
        };
        if !response.ok() {
            return;
        }
        if let Ok(text) = response.text() {
            if let Some(text) = JsFuture::from(text).await.ok().and_then(|t| t.as_string()) {
                i18n::install(lang, &text);
            }
        }
    }

    /// One request: decoded, answered, posted back with the same id.
    async fn handle(message: JsValue) {
        let message: Array = message.unchecked_into();
        let id = message.get(0);
        let bytes = message
            .get(2)
            .dyn_into::<ArrayBuffer>()
            .ok()
            .map(|b| Uint8Array::new(&b).to_vec());
        // The table texts of a `Results` request, beside the JSON (the page does not
        // escape 10 MB of tables into it on its own thread).
        let texts: Option<Vec<String>> = message.get(3).dyn_into::<Array>().ok().map(|a| {
            a.iter()
                .map(|t| t.as_string().unwrap_or_default())
                .collect()
        });
        let (reply, out) = match message
            .get(1)
            .as_string()
            .ok_or_else(|| "not a request".to_string())
            .and_then(|json| WorkbookRequest::from_json(&json))
        {
            Ok(mut request) => {
                if let (WorkbookRequest::Results { document, .. }, Some(texts)) =
                    (&mut request, texts)
                {
                    for (kind, text) in cluster_eval_engine::TableKind::ALL.into_iter().zip(texts) {
                        *document.table_text_mut(kind) = text;
                    }
                }
                if let WorkbookRequest::Template { lang } | WorkbookRequest::Results { lang, .. } =
                    &request
                {
                    ensure_language(cluster_eval_workbook::answer::lang(lang)).await;
                }
                cluster_eval_workbook::answer(request, bytes)
            }
            Err(e) => (WorkbookReply::Failed(e), None),
        };
        let out = out.map(|b| Uint8Array::from(b.as_slice()).buffer());
        let reply = Array::of3(
            &id,
            &reply.to_json().into(),
            out.as_ref().map_or(&JsValue::UNDEFINED, |b| b.as_ref()),
        );
        let sent = match &out {
            Some(buffer) => scope().post_message_with_transfer(&reply, &Array::of1(buffer)),
            None => scope().post_message(&reply),
        };
        if sent.is_err() {
            let failed = WorkbookReply::Failed("the reply could not be posted".into());
            let _ = scope().post_message(&Array::of2(&id, &failed.to_json().into()));
        }
    }

    /// Sets the worker's one `onmessage` (wasm-bindgen runs this when the module is
    /// instantiated; `workbook-loader.js` keeps the messages that arrive before).
    #[wasm_bindgen(start)]
    pub fn start() {
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(|ev: web_sys::MessageEvent| {
                wasm_bindgen_futures::spawn_local(handle(ev.data()));
            });
        scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
    }
}

fn main() {}
