#!/usr/bin/env bash
# Prints the size of dist/, raw and gzipped, file by file: what a first visit downloads.
# The portfolio page (dist/portfolio/, loaded only when the reader goes there) is
# listed and totalled apart.
set -euo pipefail
cd "$(dirname "$0")/../dist"
total_raw=0; total_gz=0
for f in $(find . -path ./portfolio -prune -o -type f -print | sort); do
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-50s %9d B raw %9d B gzipped\n' "$f" "$raw" "$gz"
done
printf '%-50s %9d B raw %9d B gzipped\n' "total" "$total_raw" "$total_gz"
if [ -d portfolio ]; then
  p_raw=0; p_gz=0
  for f in $(find portfolio -type f | sort); do
    raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
    p_raw=$((p_raw + raw)); p_gz=$((p_gz + gz))
    printf '%-50s %9d B raw %9d B gzipped\n' "$f" "$raw" "$gz"
  done
  printf '%-50s %9d B raw %9d B gzipped\n' "portfolio page (on demand)" "$p_raw" "$p_gz"
fi
