#!/usr/bin/env bash
# `make bench`: every benchmark figure of the project, printed.
# 1. the engine (criterion, native): reading 100,000 rows; the indicators;
# 2. `cluster-eval compute` as a whole process (scripts/bench-compute.sh), and
#    `cluster-eval portfolio` on 1,000 documents (scripts/bench-portfolio.sh);
# 3. the page in headless Chromium (e2e/bench/page-bench.mjs): first-visit size, first
#    paint and time to interactive on Slow 4G, a repeat visit, a 100,000-row paste,
#    edit latency; the portfolio page (e2e/bench/portfolio-bench.mjs): 100 documents
#    of 500 firm-years opened at once; the workbook module (e2e/bench/workbook-bench.mjs):
#    a 100,000-row .xlsx opened and computed.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
echo "== engine: reading and computing (criterion) =="
cargo bench -p cluster-eval-engine
echo "== cluster-eval compute as a whole process =="
scripts/bench-compute.sh
echo "== cluster-eval portfolio: 1,000 documents of 500 firm-years =="
scripts/bench-portfolio.sh
echo "== the page (release build, headless Chromium) =="
trunk build --release --offline
trunk build portfolio.html --release --offline --dist dist/portfolio
scripts/size-report.sh
DATA="$(mktemp -d)"
trap 'rm -rf "$DATA"; kill $SERVER 2>/dev/null || true' EXIT
cargo run -q --release -p cluster-eval-engine --example synth_firms -- 100000 > "$DATA/large.tsv"
cargo run -q --release -p cluster-eval-engine --example synth_firms -- 25000 > "$DATA/five-thousand-firms.tsv"
PORT=${BENCH_PORT:-8097}
node e2e/serve.mjs "$PORT" dist > "$DATA/server.log" 2>&1 &
SERVER=$!
sleep 1
(cd e2e && node bench/page-bench.mjs "http://127.0.0.1:$PORT/" "$DATA/large.tsv" "$DATA/five-thousand-firms.tsv")
echo "== the workbook module: a 100,000-row .xlsx opened and computed =="
cargo run -q --release -p cluster-eval-workbook --example large_xlsx -- "$DATA/large.xlsx" 100000
(cd e2e && node bench/workbook-bench.mjs "http://127.0.0.1:$PORT/" "$DATA/large.xlsx")
echo "== the portfolio page: 100 documents of 500 firm-years =="
cargo build --quiet --release -p cluster-eval-engine --example synth_portfolio
"${CARGO_TARGET_DIR:-$ROOT/target}/release/examples/synth_portfolio" "$DATA/portfolio" 100 500
(cd e2e && node bench/portfolio-bench.mjs "http://127.0.0.1:$PORT/" "$DATA/portfolio")
