#!/usr/bin/env bash
# Fails when the first visit grows past its budget (issue 22: 400 KB gzipped), or the
# compute worker past its own (issue 22: 300 KB gzipped), so no change grows either
# silently. The first visit is index.html, what it links (the wasm,
# its JavaScript glue, the CSS: the same list sw.js precaches) and sw.js itself;
# modules loaded on demand later are not in index.html's links and are not counted
# (they are reported apart by scripts/size-report.sh and `make bench`).
# gzip -9 of each file, as a server compressing its responses would send them.
set -euo pipefail
BUDGET_KB="${1:-400}"
WORKER_BUDGET_KB="${2:-300}"
cd "$(dirname "$0")/../dist"
files="index.html sw.js $(grep -oE '(href|src)="[^"]+\.(wasm|js|css)"' index.html \
  | sed -E 's/^(href|src)="(\.\/)?//; s/"$//' | sort -u)"
total=0
for f in $files; do
  [ -f "$f" ] || { echo "size-check: index.html links $f, which dist/ lacks" >&2; exit 1; }
  total=$((total + $(gzip -9 -c "$f" | wc -c)))
done
kb=$(( (total + 1023) / 1024 ))
if [ "$kb" -gt "$BUDGET_KB" ]; then
  echo "size-check: the first visit is $kb KB gzipped, over its budget of $BUDGET_KB KB ($files)" >&2
  exit 1
fi
echo "size-check: first visit $kb KB gzipped (budget $BUDGET_KB KB)"

# The compute worker: fetched right after the first paint, not part of the first visit.
name=$(grep -oE '<meta name="compute-worker" content="[^"]+"' index.html | sed -E 's/.*content="([^"]+)"/\1/')
[ -n "$name" ] || { echo "size-check: index.html names no compute worker" >&2; exit 1; }
worker=0
for f in "$name.js" "${name}_bg.wasm" compute-loader.js; do
  [ -f "$f" ] || { echo "size-check: the compute worker's $f is missing from dist/" >&2; exit 1; }
  worker=$((worker + $(gzip -9 -c "$f" | wc -c)))
done
wkb=$(( (worker + 1023) / 1024 ))
if [ "$wkb" -gt "$WORKER_BUDGET_KB" ]; then
  echo "size-check: the compute worker is $wkb KB gzipped, over its budget of $WORKER_BUDGET_KB KB" >&2
  exit 1
fi
echo "size-check: compute worker $wkb KB gzipped (budget $WORKER_BUDGET_KB KB)"
