//! The page's one link to the compute worker, the only place in the browser where the
//! engine runs (docs/architecture.md). Everything that crosses is a type of
//! `cluster_eval_protocol::compute`; this module packs and unpacks the envelope, and
//! nothing else on the page touches a message.
//!
//! The worker is `compute-loader.js` running the `compute-worker` module, whose hashed
//! name the build writes into the page (`<meta name="compute-worker">`,
//! scripts/worker-hash.sh). A browser that refuses workers (locked-down office
//! machines do) gets the same module on the page's own thread, behind the same port
//! (`ComputePort`): slower on a census-size paste, never missing.
//!
//! Table texts cross only when they changed since the last message, so editing a fact
//! of a large project posts a few kilobytes.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use cluster_eval_protocol::compute::{decode, encode, Reply, Request};
use cluster_eval_types::{Document, TableKind};
use wasm_bindgen::prelude::*;

/// The JavaScript side of the port: a real worker when the browser allows one, else
/// the module loaded on the page (a classic script: wasm-bindgen's `no-modules`
/// output), its answers still asynchronous and in order.
#[wasm_bindgen(inline_js = r#"
export class ComputePort {
  constructor(base, name, onReply, onFail) {
    const js = new URL(`${name}.js`, base).href, wasm = new URL(`${name}_bg.wasm`, base).href;
    this.onReply = onReply;
    this.onFail = onFail;
    try {
      this.worker = new Worker(new URL(`compute-loader.js?js=${encodeURIComponent(js)}&wasm=${encodeURIComponent(wasm)}`, base).href);
      this.worker.onmessage = ({ data }) => this.answer(data);
      this.worker.onerror = (e) => { e.preventDefault(); this.onFail(e.message || 'the compute worker could not start'); };
      this.where = 'worker';
    } catch (_) {
      this.where = 'page';
      this.ready = new Promise((ok, no) => {
        const s = document.createElement('script');
        s.src = js;
        s.onload = () => wasm_bindgen({ module_or_path: wasm }).then(() => ok(wasm_bindgen), no);
        s.onerror = () => no(new Error('the calculation module could not be loaded'));
        document.head.append(s);
      });
    }
  }
  post(seq, json, texts) {
    if (this.worker) return this.worker.postMessage([seq, json, texts]);
    this.ready.then(
      (engine) => this.answer([seq, engine.handle(json, texts)]),
      (e) => this.answer([seq, null, String(e && e.message ? e.message : e)]),
    ).catch((e) => this.answer([seq, null, String(e)]));
  }
  answer([seq, json, error]) {
    if (typeof json === 'string') this.onReply(seq, json); else this.onFail(error || 'no answer');
  }
  stop() { if (this.worker) this.worker.terminate(); }
}
"#)]
extern "C" {
    type ComputePort;

    #[wasm_bindgen(constructor)]
    fn new(
        base: &str,
        name: &str,
        on_reply: &Closure<dyn FnMut(u32, String)>,
        on_fail: &Closure<dyn FnMut(String)>,
    ) -> ComputePort;

    #[wasm_bindgen(method)]
    fn post(this: &ComputePort, seq: u32, json: &str, texts: js_sys::Array);

    #[wasm_bindgen(method)]
    fn stop(this: &ComputePort);

    #[wasm_bindgen(method, getter = where)]
    fn place(this: &ComputePort) -> String;
}

/// What the worker answered.
pub enum Answer {
    /// The answer to request `seq`.
    Reply { seq: u32, reply: Reply },
    /// The worker could not start, or the engine stopped (a trap): this link is dead;
    /// start a new one for the next request.
    Failed { reason: String },
}

/// Where the engine runs for this link.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Worker,
    /// The browser refused a worker: the module runs on the page's thread.
    Page,
}

/// Requests awaited by [`ComputeLink::ask`]: their numbers, where their answer goes,
/// and the promise to resolve when it is there.
type Pending = RefCell<Vec<(u32, Rc<RefCell<Option<Answer>>>, js_sys::Function)>>;

/// The page's handle on one compute worker.
pub struct ComputeLink {
    port: ComputePort,
    pending: Rc<Pending>,
    /// The table texts the worker has, to post only those that changed.
    sent: RefCell<[Option<String>; TableKind::COUNT]>,
    next_seq: Cell<u32>,
    pub place: Place,
    _on_reply: Closure<dyn FnMut(u32, String)>,
    _on_fail: Closure<dyn FnMut(String)>,
}

/// The module's hashed name, as the build wrote it into the page; `None` in a build
/// without it.
fn module_name() -> Option<String> {
    let meta = web_sys::window()?
        .document()?
        .query_selector("meta[name=compute-worker]")
        .ok()??;
    meta.get_attribute("content").filter(|c| !c.is_empty())
}

impl ComputeLink {
    /// Starts a worker. `base` is where the build's files are, relative to the page
    /// (`""` for the calculator, `"../"` for the portfolio page). `None` when the page
    /// was built without the module.
    pub fn start(base: &str, on_answer: impl Fn(Answer) + 'static) -> Option<Rc<Self>> {
        let name = module_name()?;
        let base = web_sys::Url::new_with_base(base, &web_sys::window()?.location().href().ok()?)
            .ok()?
            .href();
        let on_answer = Rc::new(on_answer);
        let pending: Rc<Pending> = Rc::default();
        let answer = on_answer.clone();
        let awaited = pending.clone();
        let on_reply = Closure::<dyn FnMut(u32, String)>::new(move |seq: u32, json: String| {
            let decoded = match decode::<Reply>(&json) {
                Ok(reply) => Answer::Reply { seq, reply },
                Err(e) => Answer::Failed {
                    reason: format!("an answer the page cannot read: {e}"),
                },
            };
            let asked = {
                let mut awaited = awaited.borrow_mut();
                let at = awaited.iter().position(|(s, _, _)| *s == seq);
                at.map(|at| awaited.remove(at))
            };
            match asked {
                Some((_, slot, resolve)) => {
                    *slot.borrow_mut() = Some(decoded);
                    let _ = resolve.call0(&JsValue::NULL);
                }
                None => answer(decoded),
            }
        });
        let awaited = pending.clone();
        let on_fail = Closure::<dyn FnMut(String)>::new(move |reason: String| {
            // Every request still awaited fails with it.
            let asked: Vec<_> = awaited.borrow_mut().drain(..).collect();
            for (_, slot, resolve) in asked {
                *slot.borrow_mut() = Some(Answer::Failed {
                    reason: reason.clone(),
                });
                let _ = resolve.call0(&JsValue::NULL);
            }
            on_answer(Answer::Failed { reason })
        });
        let port = ComputePort::new(&base, &name, &on_reply, &on_fail);
        let place = if port.place() == "page" {
            Place::Page
        } else {
            Place::Worker
        };
        Some(Rc::new(ComputeLink {
            port,
            pending,
            sent: RefCell::new(Default::default()),
            next_seq: Cell::new(1),
            place,
            _on_reply: on_reply,
            _on_fail: on_fail,
        }))
    }

    /// Posts `doc` for calculation and returns the number its answer will carry.
    /// `all` asks for every table's summary (after the page showed other ones).
    pub fn compute(&self, doc: &Document, all: bool) -> u32 {
        let mut light = doc.without_table_texts();
        light.results = None;
        let request = Request::Compute {
            document: light.to_json(),
            all,
        };
        let texts = js_sys::Array::new();
        let mut sent = self.sent.borrow_mut();
        for (slot, kind) in TableKind::ALL.into_iter().enumerate() {
            let text = doc.table_text(kind);
            if sent[slot].as_deref() == Some(text) {
                texts.push(&JsValue::NULL);
            } else {
                texts.push(&JsValue::from_str(text));
                sent[slot] = Some(text.to_string());
            }
        }
        let seq = self.next_seq();
        self.port.post(seq, &encode(&request), texts);
        seq
    }

    /// Posts `request` (no large texts) and waits for its answer.
    pub async fn ask(&self, request: &Request) -> Result<Reply, String> {
        let slot: Rc<RefCell<Option<Answer>>> = Rc::default();
        let seq = self.next_seq();
        let mut resolve_fn = None;
        let promise = js_sys::Promise::new(&mut |resolve, _| resolve_fn = Some(resolve));
        if let Some(resolve) = resolve_fn {
            self.pending.borrow_mut().push((seq, slot.clone(), resolve));
        }
        self.port.post(seq, &encode(request), js_sys::Array::new());
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        let answer = slot.borrow_mut().take();
        match answer {
            Some(Answer::Reply { reply, .. }) => Ok(reply),
            Some(Answer::Failed { reason }) => Err(reason),
            None => Err("no answer".to_string()),
        }
    }

    fn next_seq(&self) -> u32 {
        let seq = self.next_seq.get();
        self.next_seq.set(seq.wrapping_add(1).max(1));
        seq
    }

    /// Stops the worker for good.
    pub fn stop(&self) {
        self.port.stop();
    }
}
