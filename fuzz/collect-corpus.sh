#!/bin/sh
# Collects the seed corpus of each fuzz target from the repository's own
# inputs (the fixtures, the demo site, the starter site) and the hand-written
# seeds of fuzz/seeds/ (what no fixture holds: XLIFF, data blocks, hostile
# links), and the findings kept in fuzz/regressions/. Usage: collect-corpus.sh SOURCE_DIR OUT_DIR; OUT_DIR/TARGET/ is
# replaced. File names are the source paths, so a finding names its seed.
set -eu
src=$1
out=$2
rm -rf "$out"
for t in plan_reader page_reader config_reader csv_import xliff_reader markdown_links; do
  mkdir -p "$out/$t"
  if [ -d "$src/fuzz/seeds/$t" ]; then cp "$src/fuzz/seeds/$t"/* "$out/$t/"; fi
  # The kept findings, replayed with the rest (git keeps no empty folder).
  for f in "$src/fuzz/regressions/$t"/*; do
    [ -f "$f" ] && cp "$f" "$out/$t/regression-$(basename "$f")"
  done
done
# Sources only: the expected outputs of tests/fixtures/expected are not inputs.
collect() {  # TARGET FIND-NAME-PATTERN
  (cd "$src" && find content starter tests/fixtures -path tests/fixtures/expected -prune -o \
    -type f -name "$2" -print) | while read -r f; do
    cp "$src/$f" "$out/$1/$(echo "$f" | tr / _)"
  done
}
collect plan_reader '*.plan.yaml'
collect page_reader '*.md'
collect markdown_links '*.md'
collect config_reader 'carnet.yaml'
collect csv_import '*.csv'
# ... except the open-data CSVs, which `carnet import` reads back.
(cd "$src" && find tests/fixtures/expected -type f -name '*.csv') | while read -r f; do
  cp "$src/$f" "$out/csv_import/$(echo "$f" | tr / _)"
done
[ -f "$src/carnet.yaml" ] && cp "$src/carnet.yaml" "$out/config_reader/carnet.yaml"
for t in "$out"/*; do echo "$(basename "$t"): $(ls "$t" | wc -l) files"; done
