#!/bin/sh
# Carnet's PDF booklets against WeasyPrint rendering the same content as HTML
# with print CSS, on the demo plans and on a plan ten times larger, in one
# run. Needs a built carnet (CARNET, default build/carnet), hyperfine,
# weasyprint and python3-yaml (see README's set-up).
# Usage: bench/booklet/run.sh [RUNS]   (from the repository root)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
carnet=${CARNET:-$root/build/carnet}
runs=${1:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A site: the demo's settings and plans, plus the big plan.
mkdir -p "$work/site/content/plans"
cp "$root/carnet.yaml" "$work/site/"
cp -r "$root/static" "$work/site/"
cp "$root"/content/_index.*.md "$work/site/content/" 2>/dev/null || true
cp "$root"/content/plans/*.plan.yaml "$work/site/content/plans/"
python3 "$root/bench/booklet/make_big_plan.py" "$root/content/plans/plan-action-2021-2023.plan.yaml" 10 \
  > "$work/site/content/plans/big.plan.yaml"
# The demo plans link to the demo's pages: bring them along.
cp -r "$root"/content/* "$work/site/content/" 2>/dev/null || true

results="$work/results"
mkdir -p "$results"
for name in plan-action-2021-2023 continuum-0-24 big; do
  plan="$work/site/content/plans/$name.plan.yaml"
  "$carnet" booklet "$plan" --lang fr --format epub -o "$work/$name.epub"
  python3 "$root/bench/booklet/epub_to_html.py" "$work/$name.epub" "$work/chart.svg" > "$work/$name.html"
  "$carnet" booklet "$plan" --lang fr --format pdf -o "$work/$name.carnet.pdf"
  weasyprint "$work/$name.html" "$work/$name.weasy.pdf" 2>/dev/null
  echo "$name: Carnet $(pdfinfo "$work/$name.carnet.pdf" | awk '/^Pages/ {print $2}') pages," \
       "WeasyPrint $(pdfinfo "$work/$name.weasy.pdf" | awk '/^Pages/ {print $2}') pages"
  hyperfine --warmup 1 --runs "$runs" --export-json "$results/$name.json" \
    -n "carnet $name" "'$carnet' booklet '$plan' --lang fr --format pdf -o '$work/c.pdf'" \
    -n "weasyprint $name" "weasyprint '$work/$name.html' '$work/w.pdf'"
done

# A report page's booklets (`booklet: true`): both languages, all three
# formats. WeasyPrint has no counterpart here: Carnet's times alone.
report=2019-rapport-pic-parc-extension
for lang in fr en; do
  for format in pdf epub odt; do
    hyperfine --warmup 1 --runs "$runs" --export-json "$results/report.$lang.$format.json" \
      -n "carnet report $lang $format" \
      "'$carnet' booklet '$work/site/content/rapports/$report.$lang.md' --format $format -o '$work/r.$format'"
  done
done

python3 - "$results" <<'PY'
import json, os, statistics, sys
d = sys.argv[1]
print("\n| plan | Carnet (median) | WeasyPrint (median) | ratio | ratio of CPU time |")
print("| --- | ---: | ---: | ---: | ---: |")
for name in ("plan-action-2021-2023", "continuum-0-24", "big"):
    r = json.load(open(os.path.join(d, name + ".json")))["results"]
    c, w = r[0]["median"], r[1]["median"]
    cpu = lambda x: x["user"] + x["system"]
    print(f"| {name} | {c*1000:.0f} ms | {w*1000:.0f} ms | {w/c:.0f}× | {cpu(r[1])/cpu(r[0]):.0f}× |")
print("\n| report page booklet | fr (median) | en (median) |")
print("| --- | ---: | ---: |")
for fmt in ("pdf", "epub", "odt"):
    m = [json.load(open(os.path.join(d, f"report.{lang}.{fmt}.json")))["results"][0]["median"]
         for lang in ("fr", "en")]
    print(f"| {fmt.upper()} | {m[0]*1000:.0f} ms | {m[1]*1000:.0f} ms |")
PY
