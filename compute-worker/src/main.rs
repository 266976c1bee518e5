//! The compute worker's WebAssembly entry. Built by Trunk as a worker
//! (`data-type="worker"`), started by `compute-loader.js`, which calls [`handle`] once
//! per message: `[seq, json, texts]` in, `[seq, json]` out (`protocol::compute`).

#[cfg(target_arch = "wasm32")]
mod entry {
    use std::cell::RefCell;

    use cluster_eval_compute_worker::ComputeWorker;
    use cluster_eval_protocol::compute::{decode, encode, Reply, Request};
    use wasm_bindgen::prelude::*;

    thread_local! {
        static WORKER: RefCell<ComputeWorker> = RefCell::new(ComputeWorker::default());
    }

    /// Answers one request: `json` is a [`Request`], `texts` the large texts beside it
    /// (strings or `null`). Returns the [`Reply`] as JSON.
    #[wasm_bindgen]
    pub fn handle(json: &str, texts: js_sys::Array) -> String {
        let texts: Vec<Option<String>> = texts.iter().map(|t| t.as_string()).collect();
        let reply = match decode::<Request>(json) {
            Ok(request) => WORKER.with(|w| w.borrow_mut().handle(request, texts)),
            Err(reason) => Reply::Refused { reason },
        };
        encode(&reply)
    }
}

fn main() {}
