#!/usr/bin/env bash
# Trunk post-build hook (Trunk.toml): Trunk names a worker's files after its binary,
# without a content hash (workbook-worker.js, workbook-worker_bg.wasm). Renamed here
# with one, and listed in workbook.json, which the page and the service worker read:
# a cached old module is never mixed with a new page, and a cached module is never
# downloaded twice. Does nothing in a build without the worker (the portfolio page).
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by Trunk}"
js="$dir/workbook-worker.js"
wasm="$dir/workbook-worker_bg.wasm"
[ -f "$js" ] && [ -f "$wasm" ] || exit 0
hash=$(cat "$js" "$wasm" | sha256sum | cut -c1-16)
mv "$js" "$dir/workbook-worker-$hash.js"
mv "$wasm" "$dir/workbook-worker-${hash}_bg.wasm"
printf '{"js":"workbook-worker-%s.js","wasm":"workbook-worker-%s_bg.wasm"}\n' "$hash" "$hash" >"$dir/workbook.json"
