#!/usr/bin/env bash
# Runs the fuzz targets for real (not in CI): builds build-fuzz/ with clang
# if needed, collects the seed corpus, then runs the targets side by side at
# the lowest priority for SECONDS each (default 600). Each keeps its growing
# corpus in build-fuzz/work/TARGET/ (kept from run to run) and its findings
# in build-fuzz/findings/TARGET/; a finding goes to fuzz/regressions/TARGET/
# once fixed (README.md, "Fuzzing"). Prints, per target, the run's duration,
# corpus, executions and findings.
# Usage: fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] &&
  targets=(plan_reader page_reader config_reader csv_import xliff_reader markdown_links)

if [[ ! -f build-fuzz/build.ninja ]]; then
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCARNET_FUZZ=ON >/dev/null
fi
nice -n 19 cmake --build build-fuzz -j2
sh fuzz/collect-corpus.sh "$PWD" build-fuzz/corpus >/dev/null

pids=()
for t in "${targets[@]}"; do
  mkdir -p "build-fuzz/work/$t" "build-fuzz/findings/$t" build-fuzz/logs
  # -timeout: an input slower than this is a finding (a stall), as is one
  # that needs more than -rss_limit_mb of memory.
  # A finding stops a target early: its real duration goes to TARGET.secs.
  (
    start=$(date +%s)
    rc=0
    nice -n 19 "build-fuzz/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="build-fuzz/findings/$t/" "build-fuzz/work/$t" "build-fuzz/corpus/$t" \
      >"build-fuzz/logs/$t.log" 2>&1 || rc=$?
    echo $(($(date +%s) - start)) >"build-fuzz/logs/$t.secs"
    exit $rc
  ) &
  pids+=($!)
done
status=0
for p in "${pids[@]}"; do wait "$p" || status=1; done

for t in "${targets[@]}"; do
  log=build-fuzz/logs/$t.log
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  secs=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  found=$(find "build-fuzz/findings/$t" -type f | wc -l)
  echo "$t: $(cat "build-fuzz/logs/$t.secs")s, corpus $(ls "build-fuzz/work/$t" | wc -l) files," \
    "${execs:-?} executions (${secs:-?}/s), $found findings"
done
exit $status
