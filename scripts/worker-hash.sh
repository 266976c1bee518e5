#!/usr/bin/env bash
# Trunk post-build hook (Trunk.toml): Trunk names a worker's files after its binary,
# without a content hash. They are renamed here with one, so a cached old module is
# never mixed with a new page and a cached module is never downloaded twice.
# - the compute worker: its name goes into the built page as
#   <meta name="compute-worker" content="compute-worker-HASH">, which the page
#   (src/compute_link.rs) and the service worker's precache (sw.js) read;
# - the workbook module: listed in workbook.json, as before.
# Does nothing for a worker the build does not have.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by Trunk}"

hash_of() { cat "$dir/$1.js" "$dir/$1_bg.wasm" | sha256sum | cut -c1-16; }

if [ -f "$dir/compute-worker.js" ] && [ -f "$dir/compute-worker_bg.wasm" ]; then
  hash=$(hash_of compute-worker)
  mv "$dir/compute-worker.js" "$dir/compute-worker-$hash.js"
  mv "$dir/compute-worker_bg.wasm" "$dir/compute-worker-${hash}_bg.wasm"
  for html in "$dir"/*.html; do
    sed -i "s|<meta name=\"compute-worker\" content=\"[^\"]*\"|<meta name=\"compute-worker\" content=\"compute-worker-$hash\"|" "$html"
  done
fi

if [ -f "$dir/workbook-worker.js" ] && [ -f "$dir/workbook-worker_bg.wasm" ]; then
  hash=$(hash_of workbook-worker)
  mv "$dir/workbook-worker.js" "$dir/workbook-worker-$hash.js"
  mv "$dir/workbook-worker_bg.wasm" "$dir/workbook-worker-${hash}_bg.wasm"
  printf '{"js":"workbook-worker-%s.js","wasm":"workbook-worker-%s_bg.wasm"}\n' "$hash" "$hash" >"$dir/workbook.json"
fi
