#!/usr/bin/env bash
# Prints the size of dist/, raw and gzipped, file by file: what a first visit downloads.
set -euo pipefail
cd "$(dirname "$0")/../dist"
total_raw=0; total_gz=0
for f in $(find . -type f | sort); do
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-50s %9d B raw %9d B gzipped\n' "$f" "$raw" "$gz"
done
printf '%-50s %9d B raw %9d B gzipped\n' "total" "$total_raw" "$total_gz"
