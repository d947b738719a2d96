#!/usr/bin/env bash
# Regenerates the page images in docs/images/ from the demo's booklets, as
# docs/booklets.md describes them. Run it after a change to how booklets
# look, then look at the images before committing them.
# Needs poppler-utils (pdftoppm) and python3-pil.
set -euo pipefail
cd "$(dirname "$0")/.."
carnet=$(realpath "${CARNET:-./build/carnet}")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$carnet" build . -o "$out/site" -q
plan="$out/site/booklets/plan-action-2021-2023.fr.pdf"
summary="$out/site/booklets/plan-action-2021-2023.fr.summary.pdf"
pic="$out/site/rapports/2019-rapport-pic-parc-extension/2019-rapport-pic-parc-extension.fr.pdf"
ahuntsic="$out/site/rapports/2021-planification-solidarite-ahuntsic/2021-planification-solidarite-ahuntsic.fr.pdf"

# The page of a PDF whose text holds a string: the progress page moves when
# the plan grows.
page_with() {
  local pdf=$1 text=$2 pages
  pages=$(pdfinfo "$pdf" | awk '/^Pages/ {print $2}')
  for ((i = 2; i <= pages; i++)); do
    if pdftotext -f "$i" -l "$i" "$pdf" - | grep -q "$text"; then echo "$i"; return; fi
  done
  echo "no page of $pdf holds '$text'" >&2
  exit 1
}

one() {  # PDF PAGE DPI NAME
  pdftoppm -r "$3" -f "$2" -l "$2" -png -singlefile "$1" "docs/images/$4"
}
spread() {  # PDF FIRST DPI NAME: two facing pages, side by side, framed in grey
  pdftoppm -r "$3" -f "$2" -l $(($2 + 1)) -png "$1" "$out/spread"
  /usr/bin/python3 - "$out" "docs/images/$4.png" <<'PY'
import glob, sys
from PIL import Image
a, b = [Image.open(f) for f in sorted(glob.glob(sys.argv[1] + "/spread-*.png"))[:2]]
sheet = Image.new("RGB", (a.width + b.width + 12, a.height + 8), (200, 200, 200))
sheet.paste(a, (4, 4))
sheet.paste(b, (a.width + 8, 4))
sheet.save(sys.argv[2])
PY
  rm -f "$out"/spread-*.png
}

one "$plan" 1 90 booklet-cover
spread "$plan" 4 72 booklet-table
one "$plan" "$(page_with "$plan" "État d’avancement")" 90 booklet-progress
one "$summary" 1 72 booklet-summary
one "$pic" 3 72 report-booklet-footnotes
spread "$ahuntsic" 4 72 report-booklet-figures
echo "docs/images/ updated: look at them before committing"
