#!/usr/bin/env bash
# run.sh — what Carnet's search costs at build time, against Pagefind on the
# same output, on the shared synthetic corpus (../../../shared/bench/).
#
# usage: bench/search/run.sh CARNET_BINARY [N] [P]     (defaults: N=5000, P=50)
#
# 1. Reuses or generates the corpus (gen_corpus.py, as compare-hugo.sh does)
#    and makes a second Carnet site from it with `search: false`.
# 2. hyperfine, in one run: `carnet build` with search, without search, and
#    `pagefind --site OUT` on the output built without search (the same pages
#    Pagefind would index after a build). Carnet's search time is the median
#    with search minus the median without.
# 3. Peak RSS of each under /usr/bin/time -v (one extra run each).
# 4. The bytes a first query downloads in headless Chromium (first_query.mjs):
#    Carnet's script, manifest, shards and result chunks against Pagefind's
#    script, WebAssembly, metadata, index chunks and the fragments of as many
#    results (10).
#
# Pagefind (npm `pagefind`) and playwright-core are installed by npm into
# $BENCH_DIR/search-tools, nowhere else. Environment: BENCH_DIR
# (/tmp/carnet-bench), BENCH_RUNS (5: Carnet runs), BENCH_WARMUP (1),
# PAGEFIND_RUNS (3),
# QUERY ("quartiers prioritaires"; its French words are in the corpus),
# SHARED_BENCH (the folder of gen_corpus.py). Exit status 0, 1 on a failure, 2 usage.
set -euo pipefail

prog=${0##*/}
die() { echo "$prog: error: $*" >&2; exit 1; }
[[ $# -ge 1 && $# -le 3 ]] || { echo "usage: $prog CARNET_BINARY [N] [P]" >&2; exit 2; }
carnet=$(realpath -- "$1") || die "no such file: $1"
[[ -x $carnet ]] || die "carnet binary '$1' is not executable"
n=${2:-5000}
p=${3:-50}
here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
shared=${SHARED_BENCH:-$here/../../../shared/bench}
[[ -f $shared/gen_corpus.py ]] || die "gen_corpus.py not found in $shared (set SHARED_BENCH)"
bench_dir=${BENCH_DIR:-/tmp/carnet-bench}
runs=${BENCH_RUNS:-5}
pf_runs=${PAGEFIND_RUNS:-3}
warmup=${BENCH_WARMUP:-1}
query=${QUERY:-quartiers prioritaires}

for tool in hyperfine /usr/bin/time node npm python3; do
  command -v "$tool" >/dev/null || die "$tool is missing (apt-get install hyperfine time nodejs npm)"
done

mkdir -p "$bench_dir"
bench_dir=$(cd -- "$bench_dir" && pwd)
tools=$bench_dir/search-tools
if [[ ! -x $tools/node_modules/.bin/pagefind || ! -d $tools/node_modules/playwright-core ]]; then
  echo "installing pagefind and playwright-core with npm into $tools"
  mkdir -p "$tools"
  [[ -f $tools/package.json ]] || echo '{"private":true}' >"$tools/package.json"
  npm install --prefix "$tools" --no-audit --no-fund pagefind@1.6.0 playwright-core@1.65.1 >/dev/null ||
    die "npm install failed"
fi
pagefind=$tools/node_modules/.bin/pagefind

corpus=$bench_dir/n$n-p$p
gen_args=(--pages "$n" --plans "$p")
if [[ -e $corpus ]] && python3 "$shared/gen_corpus.py" "${gen_args[@]}" --out "$corpus" --check; then
  echo "corpus: $corpus (reused)"
else
  python3 "$shared/gen_corpus.py" "${gen_args[@]}" --out "$corpus" || die "gen_corpus.py failed"
  echo "corpus: $corpus (generated)"
fi

run=$(mktemp -d "$bench_dir/search-run.XXXXXX")
trap 'rm -rf -- "$run"' EXIT
# The site without search: the same content, `search: false` added.
mkdir "$run/off"
cp -r "$corpus/carnet/content" "$run/off/content"
cp "$corpus/carnet/carnet.yaml" "$run/off/carnet.yaml"
grep -q '^search:' "$run/off/carnet.yaml" && die "the corpus's carnet.yaml already sets search"
echo "search: false" >>"$run/off/carnet.yaml"

on_cmd=("$carnet" build "$corpus/carnet" -o "$run/out-on" -q)
off_cmd=("$carnet" build "$run/off" -o "$run/out-off" -q)
"${on_cmd[@]}" || die "carnet build (search on) failed"
"${off_cmd[@]}" || die "carnet build (search off) failed"
cp -r "$run/out-off" "$run/pf-site"
pf_cmd=("$pagefind" --site "$run/pf-site" --silent)

declare -A rss wall
peak() {
  local label=$1; shift
  /usr/bin/time -v -o "$run/$label.time" "$@" >/dev/null 2>&1 || die "$label failed under time -v: $*"
  local kb
  kb=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$run/$label.time")
  rss[$label]=$(( (kb + 512) / 1024 ))
  echo "  $label: peak RSS ${rss[$label]} MiB, $(sed -n 's/^[[:space:]]*User time (seconds): /user /p' "$run/$label.time") s," \
    "$(sed -n 's/^[[:space:]]*System time (seconds): /sys /p' "$run/$label.time") s," \
    "$(sed -n 's/^[[:space:]]*Elapsed (wall clock) time (h:mm:ss or m:ss): /wall /p' "$run/$label.time")"
}
echo "peak memory: one run each under /usr/bin/time -v"
peak carnet_on "${on_cmd[@]}"
peak carnet_off "${off_cmd[@]}"
peak pagefind "${pf_cmd[@]}"

q() { printf '%q ' "$@"; }
echo "timing: hyperfine (carnet $runs runs each, pagefind $pf_runs)"
hyperfine -N --warmup "$warmup" --runs "$runs" --export-json "$run/carnet.json" \
  -n on "$(q "${on_cmd[@]}")" -n off "$(q "${off_cmd[@]}")" >/dev/null ||
  die "hyperfine (carnet) failed"
hyperfine -N --warmup 0 --runs "$pf_runs" --export-json "$run/pagefind.json" \
  -n pagefind "$(q "${pf_cmd[@]}")" >/dev/null || die "hyperfine (pagefind) failed"

echo "first query in Chromium: \"$query\""
NODE_PATH=$tools/node_modules node "$here/first_query.mjs" \
  --carnet-site "$run/out-on" --pagefind-site "$run/pf-site" --query "$query" >"$run/bytes.json" ||
  die "first_query.mjs failed"

files() { find "$1" -type f | wc -l; }
bytes() { du -sb "$1" | cut -f1; }
python3 - "$run" "${rss[carnet_on]}" "${rss[carnet_off]}" "${rss[pagefind]}" \
  "$(files "$run/out-on/search")" "$(bytes "$run/out-on/search")" \
  "$(files "$run/pf-site/pagefind")" "$(bytes "$run/pf-site/pagefind")" "$n" <<'PY'
import json, sys
run, rss_on, rss_off, rss_pf, c_files, c_bytes, p_files, p_bytes, n = sys.argv[1:]
res = {r["command"]: r for r in json.load(open(f"{run}/carnet.json"))["results"]}
pf = json.load(open(f"{run}/pagefind.json"))["results"][0]
on, off, pfm = res["on"]["median"], res["off"]["median"], pf["median"]
search = max(on - off, 0.0)
b = json.load(open(f"{run}/bytes.json"))
print()
print(f"== {n} pages per language; Carnet search vs Pagefind on the same output")
print(f"carnet build: {on:.3f} s with search, {off:.3f} s without (medians)")
print(f"time spent on search: carnet {search:.3f} s, pagefind {pfm:.3f} s (median)"
      f"  ratio {search / pfm:.3f} (goal <= 0.1)")
cpu = lambda r: r["user"] + r["system"]
print(f"cpu user+sys on search (means; robust on a loaded machine): carnet "
      f"{cpu(res['on']) - cpu(res['off']):.3f} s, pagefind {cpu(pf):.3f} s  "
      f"ratio {(cpu(res['on']) - cpu(res['off'])) / cpu(pf):.3f}")
print(f"peak RSS: carnet build with search {rss_on} MiB (without {rss_off} MiB), "
      f"pagefind {rss_pf} MiB  ratio {int(rss_on) / int(rss_pf):.3f} (goal <= 0.25)")
print(f"index on disk: carnet {c_files} files, {int(c_bytes) / 1e6:.1f} MB; "
      f"pagefind {p_files} files, {int(p_bytes) / 1e6:.1f} MB")
print(f"first query \"{b['query']}\": carnet {b['carnet']['bytes']} bytes in "
      f"{b['carnet']['requests']} requests ({b['carnet']['results']} results), pagefind "
      f"{b['pagefind']['bytes']} bytes in {b['pagefind']['requests']} requests "
      f"({b['pagefind']['results']} results)  ratio {b['carnet']['bytes'] / b['pagefind']['bytes']:.3f} (goal <= 1)")
PY
