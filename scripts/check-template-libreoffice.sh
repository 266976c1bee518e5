#!/usr/bin/env bash
# Has LibreOffice open the template in each language and convert it (to .ods, and each
# sheet's first rows to CSV), and fails on any complaint. Run by hand where LibreOffice
# is installed (`apt-get install -y libreoffice-calc-nogui`); CI has no office suite,
# and the template's content is checked natively (workbook/tests/writers.rs).
set -euo pipefail
command -v soffice >/dev/null || { echo "check-template: soffice not installed, skipped"; exit 0; }
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for lang in en es pt; do
  cargo run -q -p cluster-eval-workbook --example template -- "$lang" "$out/template-$lang.xlsx" >/dev/null
  # (javaldx: LibreOffice's own Java probe, unrelated to the file.)
  log="$(soffice --headless --norestore --convert-to ods --outdir "$out" "$out/template-$lang.xlsx" 2>&1 | grep -v javaldx || true)"
  echo "$log"
  [ -s "$out/template-$lang.ods" ] || { echo "check-template: LibreOffice did not convert the $lang template" >&2; exit 1; }
  if grep -qiE "error|warning|fail" <<<"$log"; then echo "check-template: LibreOffice complained ($lang)" >&2; exit 1; fi
  # The drop-down lists survived LibreOffice's reading.
  unzip -p "$out/template-$lang.ods" content.xml | grep -q "table:content-validation " \
    || { echo "check-template: the $lang template's drop-down lists were lost" >&2; exit 1; }
  # Every sheet, as LibreOffice reads it: the first sheet's CSV is enough to see the
  # Read me was read; the ods conversion above opened them all.
  soffice --headless --norestore --convert-to csv --outdir "$out" "$out/template-$lang.xlsx" >/dev/null 2>&1
  head -c 300 "$out/template-$lang.csv"; echo
done
echo "check-template: LibreOffice converted the template in en, es and pt without complaint"
