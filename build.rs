//! The built-in example's reading and results, computed at build time by the same
//! engine (natively), so a first visit shows them before the compute worker has
//! arrived (`src/reading.rs`). The worker computes the example again once it is up;
//! its answer replaces these.

use cluster_eval_engine::Session;
use cluster_eval_protocol::compute::{encode, Computed, Reply};
use cluster_eval_ui::example;
use cluster_eval_ui::i18n::Lang;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let doc = example::document(Lang::En);
    let mut session = Session::default();
    let update = session.update(&doc);
    let reply = Reply::Computed(Computed {
        reads: session.summaries(update.reread, true),
        results: update.results,
    });
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let path = std::path::Path::new(&out).join("example-computed.json");
    std::fs::write(&path, encode(&reply)).expect("OUT_DIR is writable");
}
