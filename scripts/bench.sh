#!/usr/bin/env bash
# `make bench`: every benchmark figure of the project, printed.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
echo "== engine: reading and computing (criterion, release) =="
cargo bench -p cluster-eval-engine
if [ -x scripts/bench-compute.sh ]; then
  echo "== cluster-eval compute as a whole process =="
  scripts/bench-compute.sh
fi
