#!/usr/bin/env bash
# What the first-visit budget leaves for the page itself: builds, with the wasm-release
# profile and the wasm-opt flags of index.html, and with the versions pinned in
# Cargo.lock,
#   1. the engine alone: one export that types a document and computes its results
#      (no page, no Leptos), the least any page that calculates in the browser ships;
#   2. a minimal Leptos 0.8 page (one counter), the least any Leptos page ships;
# and prints their wasm sizes, raw and gzipped, beside dist/'s.
# Not part of `make test` or `make bench`: it answers a design question (docs/performance.md).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TOOLS="${CLUSTER_EVAL_TOOLS:-$HOME/.cache/cluster-eval-tools/v1}"
export PATH="$TOOLS/wasm-bindgen/bin:$TOOLS/npm/node_modules/.bin:$PATH"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
FEATURES=$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' "$ROOT/index.html")

profile() {
  cat <<'EOF'
[profile.release]
opt-level = "z"
lto = true
codegen-units = 1
panic = "abort"
strip = true

[workspace]
EOF
}

mkdir -p "$WORK/engine-alone/src" "$WORK/leptos-counter/src"
cat > "$WORK/engine-alone/Cargo.toml" <<EOF
[package]
name = "engine-alone"
version = "0.1.0"
edition = "2021"
[lib]
crate-type = ["cdylib"]
[dependencies]
cluster-eval-engine = { path = "$ROOT/engine" }
wasm-bindgen = "=0.2.130"
$(profile)
EOF
cat > "$WORK/engine-alone/src/lib.rs" <<'EOF'
use wasm_bindgen::prelude::*;
#[wasm_bindgen]
pub fn compute(doc: &str) -> String {
    match cluster_eval_engine::Document::from_json(doc) {
        Ok(doc) => cluster_eval_engine::with_results(&doc).to_json(),
        Err(e) => e.to_string(),
    }
}
EOF
cat > "$WORK/leptos-counter/Cargo.toml" <<EOF
[package]
name = "leptos-counter"
version = "0.1.0"
edition = "2021"
[dependencies]
leptos = { version = "0.8", features = ["csr"] }
wasm-bindgen = "=0.2.130"
$(profile)
EOF
cat > "$WORK/leptos-counter/src/main.rs" <<'EOF'
use leptos::prelude::*;
fn main() {
    leptos::mount::mount_to_body(|| {
        let (count, set_count) = signal(0);
        view! { <button on:click=move |_| set_count.update(|c| *c += 1)>{count}</button> }
    })
}
EOF

report() {
  printf '%-44s %8d B raw %8d B gzipped\n' "$1" "$(stat -c %s "$2")" "$(gzip -9 -c "$2" | wc -c)"
}

# A library's wasm file is named with underscores, a binary's as the package.
for crate_and_file in engine-alone:engine_alone leptos-counter:leptos-counter; do
  crate=${crate_and_file%%:*}; name=${crate_and_file##*:}
  cp "$ROOT/Cargo.lock" "$WORK/$crate/"
  (cd "$WORK/$crate" && CARGO_TARGET_DIR="$WORK/target" cargo build -q --release --target wasm32-unknown-unknown)
  wasm-bindgen --target web --out-dir "$WORK/$crate/out" "$WORK/target/wasm32-unknown-unknown/release/$name.wasm" 2>/dev/null
  # shellcheck disable=SC2086
  wasm-opt -Oz $FEATURES "$WORK/$crate/out/${name}_bg.wasm" -o "$WORK/$crate/opt.wasm"
  report "$crate" "$WORK/$crate/opt.wasm"
done
if ls "$ROOT"/dist/*_bg.wasm >/dev/null 2>&1; then
  report "the page (dist/, from the last trunk build)" "$(ls "$ROOT"/dist/*_bg.wasm | head -1)"
fi
