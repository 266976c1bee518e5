# The two commands of the README: `make serve` and `make test`. Every target runs
# `setup` first, which installs what is missing into a cache outside the repository.

TOOLS ?= $(HOME)/.cache/cluster-eval-tools/v1
export CLUSTER_EVAL_TOOLS := $(TOOLS)
export PATH := $(TOOLS)/trunk/bin:$(TOOLS)/wasm-bindgen/bin:$(TOOLS)/npm/node_modules/.bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT ?= 120

# The first visit's ceiling in KB gzipped, and the compute worker's
# (scripts/size-check.sh). Issue 22's budgets are 400 KB and 300 KB. The worker meets
# its own (270 KB). The first visit, with the engine gone from the page's WebAssembly,
# weighs 579 KB: what the engine took out (about 95 KB) went back into every section as
# Leptos views (+40), the sheet-to-table step as views (+19), typed details (+9) and the
# example's build-time results (+17.5); docs/performance.md ("One engine, in one
# worker") measures where the page's bytes are and why 400 is out of reach without
# cutting the interface itself. Until then the check is a ratchet at today's size: it
# still fails the build when a change makes the first visit grow. Raised on purpose,
# measured step by step (docs/performance.md, "v3 on the first visit"): 580 for the
# workbook step bound to its project (issue 24); 616 for SPEC v3 (the new ids' names,
# vocabularies and notes, the verdict words, the context and reviewer facts, the
# execution table, the project bar: issues 23 and 25); 629 for the printed report
# (limitations, printed event study, annex of ids: issue 25); 632 for numbers by the
# reader's locale (es-MX), the page's own panic notice and the portfolio link offline
# (issue 24: +303 B gzipped, a script of index.html and a notice; the same check in
# Rust cost 1,229 B).
FIRST_VISIT_KB ?= 632
WORKER_KB ?= 300

.PHONY: setup serve serve-portfolio dist test lint test-engine test-browser test-e2e bench clean

setup:
	@scripts/setup.sh

serve: setup
	trunk serve --offline

# The portfolio page alone, with live reload on http://127.0.0.1:8081 (`make serve`
# serves the main page only; its link to portfolio/ works in `make dist`'s build).
serve-portfolio: setup
	trunk serve portfolio.html --offline --port 8081

# The main page first: Trunk replaces its whole dist directory, so the portfolio
# page (a page and a WebAssembly of its own, issue 15) is built after it, into
# dist/portfolio/. The size check counts the main page's first visit only.
dist: setup
	trunk build --release --offline
	trunk build portfolio.html --release --offline --dist dist/portfolio
	@scripts/size-report.sh
	@scripts/size-check.sh $(FIRST_VISIT_KB) $(WORKER_KB)

test: setup lint test-engine test-browser dist test-e2e

lint:
	cargo fmt --all -- --check
	cargo clippy -p cluster-eval-types -p cluster-eval-engine -p cluster-eval-ui -p cluster-eval-workbook -p cluster-eval-protocol -p cluster-eval-compute-worker --all-targets -- -D warnings
	cargo clippy -p cluster-eval-app --target wasm32-unknown-unknown --all-targets -- -D warnings
	cargo clippy -p cluster-eval-workbook --target wasm32-unknown-unknown --bins -- -D warnings

# The types crate, the engine, the page logic (`ui/`) and the workbook module
# (`workbook/`), natively. The engine's tests/layers.rs fails on an import cycle
# between top-level modules of the engine or of the types crate.
test-engine:
	cargo test -p cluster-eval-types -p cluster-eval-engine -p cluster-eval-ui -p cluster-eval-workbook -p cluster-eval-protocol -p cluster-eval-compute-worker

test-browser:
	cargo test -p cluster-eval-app --target wasm32-unknown-unknown

test-e2e:
	cd e2e && npx playwright test

bench: setup
	@scripts/bench.sh

clean:
	cargo clean
	rm -rf dist
