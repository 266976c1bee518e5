//! Large projects are calculated off the page's main thread.
//!
//! A census-size paste (10 MB, 100,000 firm-years) takes the engine most of a second
//! to read and bootstrap; on the main thread that would freeze the page for as long.
//! Above [`LARGE_TABLES`] bytes of tables the page hands the document to a Web Worker
//! that runs this same wasm module (the compiled module is passed over: nothing is
//! downloaded or compiled again) and the engine's own [`Session`]; it answers with
//! the summaries of the tables it read again and the results, as JSON.
//!
//! Table texts cross only when they changed since the last message, so editing a fact
//! of a large project posts a few kilobytes. If the worker cannot start or fails, the
//! page calculates on its main thread instead (`reading.rs`): slower, never wrong.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use cluster_eval_engine::Session;
use cluster_eval_engine::TableKind;
use cluster_eval_engine::TableSummary;
use cluster_eval_engine::{Document, Results};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Tables larger than this (in bytes, all five together) are calculated in the worker.
/// The example and hand-typed projects stay well below it and are calculated at once.
pub const LARGE_TABLES: usize = 256 * 1024;

/// Whether `doc` is large enough to be calculated in the worker.
pub fn is_large(doc: &Document) -> bool {
    doc.tables_len() > LARGE_TABLES
}

/// What the worker sends back for one document.
#[derive(Debug, Serialize, Deserialize)]
pub struct Reply {
    /// In the order of `TableKind::ALL`; `None` for a table not read again.
    pub reads: Vec<Option<TableSummary>>,
    pub results: Results,
}

// ----- inside the worker -------------------------------------------------------------

/// The worker's state: its session and the table texts it was last sent.
#[derive(Default)]
struct WorkerSide {
    session: Session,
    tables: [String; TableKind::COUNT],
}

thread_local! {
    static WORKER_SIDE: RefCell<WorkerSide> = RefCell::new(WorkerSide::default());
}

/// Called by the worker script for each message: `doc` is the document as JSON with
/// empty tables, `tables` the five texts (`null` for a text unchanged since the last
/// call), `all` asks for every table's summary. Returns a [`Reply`] as JSON, or
/// `{"error": …}` when the document cannot be read (the page then calculates itself).
#[wasm_bindgen]
pub fn engine_worker_update(doc: &str, tables: js_sys::Array, all: bool) -> String {
    // The page's own reading of documents (shared code: no second JSON decoder).
    let mut document = match Document::from_json(doc) {
        Ok(d) => d,
        Err(e) => return serde_json::json!({ "error": e.to_string() }).to_string(),
    };
    WORKER_SIDE.with(|side| {
        let mut side = side.borrow_mut();
        let side = &mut *side;
        for (slot, kind) in TableKind::ALL.into_iter().enumerate() {
            if let Some(text) = tables.get(slot as u32).as_string() {
                side.tables[slot] = text;
            }
            // Lend the text to the document for the update, without copying 10 MB.
            *document.table_text_mut(kind) = std::mem::take(&mut side.tables[slot]);
        }
        let update = side.session.update(&document);
        for (slot, kind) in TableKind::ALL.into_iter().enumerate() {
            side.tables[slot] = std::mem::take(document.table_text_mut(kind));
        }
        let reply = Reply {
            reads: side.session.summaries(update.reread, all),
            results: update.results,
        };
        // Pretty, like the export: the page already holds that serialiser of `Results`,
        // and a second (compact) one would add to the download for nothing.
        serde_json::to_string_pretty(&reply)
            .unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }).to_string())
    })
}

// ----- on the page -------------------------------------------------------------------

/// The worker's script: it imports the page's own wasm-bindgen module, instantiates
/// the compiled module it is given, and runs `engine_worker_update` per message.
/// Messages wait for the instantiation in the order they came.
const WORKER_SCRIPT: &str = r#"
let engine;
self.onmessage = async ({ data }) => {
  if (data.glue) {
    engine = import(data.glue).then(async (glue) => {
      await glue.default({ module_or_path: data.module });
      return glue;
    });
    return;
  }
  try {
    const glue = await engine;
    self.postMessage({ seq: data.seq, reply: glue.engine_worker_update(data.doc, data.tables, data.all) });
  } catch (error) {
    self.postMessage({ seq: data.seq, failed: String(error) });
  }
};
"#;

#[wasm_bindgen]
extern "C" {
    type ImportMeta;

    #[wasm_bindgen(method, getter)]
    fn url(this: &ImportMeta) -> String;

    /// `import.meta` of the wasm-bindgen module: its URL is the one the worker imports.
    #[wasm_bindgen(thread_local_v2, js_namespace = import, js_name = meta)]
    static IMPORT_META: ImportMeta;
}

/// What the worker answered to message `seq`.
pub enum Answer {
    Reply {
        seq: u32,
        reply: Reply,
    },
    /// The worker failed (it could not start, or the engine trapped): calculate on the
    /// main thread from now on.
    Failed {
        reason: String,
    },
}

/// The page's handle on its worker.
pub struct EngineWorker {
    worker: web_sys::Worker,
    /// The table texts the worker has, to post only those that changed.
    sent: RefCell<[Option<String>; TableKind::COUNT]>,
    next_seq: Cell<u32>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl EngineWorker {
    /// Starts the worker; `None` when this browser cannot (no module workers).
    pub fn start(on_answer: impl Fn(Answer) + 'static) -> Option<Rc<Self>> {
        let glue = IMPORT_META.with(|m| m.url());
        let blob_parts = js_sys::Array::of1(&JsValue::from_str(WORKER_SCRIPT));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("text/javascript");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&blob_parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let worker_options = web_sys::WorkerOptions::new();
        worker_options.set_type(web_sys::WorkerType::Module);
        let worker = web_sys::Worker::new_with_options(&url, &worker_options).ok();
        let _ = web_sys::Url::revoke_object_url(&url);
        let worker = worker?;

        let on_answer = Rc::new(on_answer);
        let answer = on_answer.clone();
        let on_message = Closure::<dyn FnMut(_)>::new(move |event: web_sys::MessageEvent| {
            answer(read_answer(&event.data()));
        });
        let answer = on_answer;
        let on_error = Closure::<dyn FnMut(_)>::new(move |event: web_sys::Event| {
            let reason = event
                .dyn_ref::<web_sys::ErrorEvent>()
                .map(|e| e.message())
                .unwrap_or_else(|| "the worker could not start".to_string());
            answer(Answer::Failed { reason });
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));

        let init = js_sys::Object::new();
        set(&init, "glue", &JsValue::from_str(&glue));
        set(&init, "module", &wasm_bindgen::module());
        worker.post_message(&init).ok()?;
        Some(Rc::new(EngineWorker {
            worker,
            sent: RefCell::new(Default::default()),
            next_seq: Cell::new(1),
            _on_message: on_message,
            _on_error: on_error,
        }))
    }

    /// Posts `doc` for calculation and returns the number its answer will carry.
    /// `all` asks for every table's summary (after the page showed other ones).
    pub fn post(&self, doc: &Document, all: bool) -> Result<u32, String> {
        let mut light = doc.without_table_texts();
        light.results = None;
        let json = light.to_json();
        let tables = js_sys::Array::new();
        let mut sent = self.sent.borrow_mut();
        for (slot, kind) in TableKind::ALL.into_iter().enumerate() {
            let text = doc.table_text(kind);
            if sent[slot].as_deref() == Some(text) {
                tables.push(&JsValue::NULL);
            } else {
                tables.push(&JsValue::from_str(text));
                sent[slot] = Some(text.to_string());
            }
        }
        let seq = self.next_seq.get();
        self.next_seq.set(seq.wrapping_add(1).max(1));
        let message = js_sys::Object::new();
        set(&message, "seq", &JsValue::from(seq));
        set(&message, "doc", &JsValue::from_str(&json));
        set(&message, "tables", &tables);
        set(&message, "all", &JsValue::from_bool(all));
        self.worker
            .post_message(&message)
            .map_err(|e| format!("{e:?}"))?;
        Ok(seq)
    }
}

impl EngineWorker {
    /// Stops the worker for good.
    pub fn stop(&self) {
        self.worker.terminate();
    }
}

fn set(object: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &JsValue::from_str(key), value);
}

fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Reads a message of the worker script.
fn read_answer(data: &JsValue) -> Answer {
    if let Some(reason) = get(data, "failed").as_string() {
        return Answer::Failed { reason };
    }
    let seq = get(data, "seq").as_f64().unwrap_or(0.0) as u32;
    let Some(json) = get(data, "reply").as_string() else {
        return Answer::Failed {
            reason: "the worker sent no reply".to_string(),
        };
    };
    // Through a `Value`, the way documents are read: that decoder is already in the
    // page, a direct one for `Reply` would be a second copy of much the same code.
    let reply =
        serde_json::from_str::<serde_json::Value>(&json).and_then(serde_json::from_value::<Reply>);
    match reply {
        Ok(reply) => Answer::Reply { seq, reply },
        Err(_) => Answer::Failed {
            reason: json.chars().take(200).collect(),
        },
    }
}
