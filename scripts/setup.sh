#!/usr/bin/env bash
# Installs everything the build and the tests need, idempotently, into a cache
# outside the repository. Safe to run again: each step is skipped when its tool is
# already there at the right version. Used by `make setup` (and so by every target).
set -euo pipefail

TRUNK_VERSION=0.21.14
# Must equal the exact `wasm-bindgen = "=…"` pin of Cargo.toml.
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132
TOOLS="${CLUSTER_EVAL_TOOLS:-$HOME/.cache/cluster-eval-tools/v1}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$TOOLS"

say() { printf '[setup] %s\n' "$*"; }

if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

if ! "$TOOLS/trunk/bin/trunk" --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  say "installing Trunk $TRUNK_VERSION (several minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --root "$TOOLS/trunk"
fi

if ! "$TOOLS/wasm-bindgen/bin/wasm-bindgen" --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Without --locked: its lock file pins a crate the registry lacks (TOOLCHAIN.md).
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$TOOLS/wasm-bindgen"
fi

if ! "$TOOLS/npm/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "$BINARYEN_VERSION"; then
  say "installing binaryen $BINARYEN_VERSION (wasm-opt)"
  mkdir -p "$TOOLS/npm"
  (cd "$TOOLS/npm" && { [ -f package.json ] || echo '{"private":true}' > package.json; } \
    && npm install --no-audit --no-fund "binaryen@$BINARYEN_VERSION")
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing Chromium and ChromeDriver from apt"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver
fi

if [ -f "$ROOT/e2e/package.json" ]; then
  if [ ! -d "$ROOT/e2e/node_modules" ] || [ "$ROOT/e2e/package-lock.json" -nt "$ROOT/e2e/node_modules/.stamp" ]; then
    say "installing the end-to-end test packages"
    (cd "$ROOT/e2e" && npm ci --no-audit --no-fund && touch node_modules/.stamp)
  fi
fi
say "ready (tools in $TOOLS)"
