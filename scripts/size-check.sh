#!/usr/bin/env bash
# Fails when the first visit grows past its budget (issue 18: 520 KB gzipped), so no
# change grows it silently. The first visit is index.html, what it links (the wasm,
# its JavaScript glue, the CSS: the same list sw.js precaches) and sw.js itself;
# modules loaded on demand later are not in index.html's links and are not counted
# (they are reported apart by scripts/size-report.sh and `make bench`).
# gzip -9 of each file, as a server compressing its responses would send them.
set -euo pipefail
BUDGET_KB="${1:-520}"
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
