#!/usr/bin/env bash
# What reading plan histories from Git costs (issue 9): the shared N=1000
# corpus (../shared/bench/gen_corpus.py) committed as a Git repository of 20
# commits (the first adds everything, each later one changes statuses in a
# few plans, a tag `ag-bench` on the 10th), then hyperfine times three builds
# in one run: the same folder with no `.git` (no history), in Git without
# `since`, and in Git with `tracking: {since: ag-bench}`.
#   bench/history/run.sh [N] [P]     (defaults 1000 pages per language, 50 plans)
# Needs git (for making the repository only; Carnet reads it with libgit2),
# hyperfine and python3.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shared=${CARNET_SHARED:-$root/../shared}
n=${1:-1000}
p=${2:-50}
carnet=${CARNET:-$root/build/carnet}
work=$(mktemp -d)
[[ -n ${KEEP:-} ]] && echo "keeping $work" >&2 || trap 'rm -rf "$work"' EXIT

python3 "$shared/bench/gen_corpus.py" --pages "$n" --plans "$p" --out "$work/gen" >/dev/null
mv "$work/gen/carnet" "$work/site"
cd "$work/site"
git init -q
git config user.email bench@example.org
git config user.name bench
git add -A
GIT_COMMITTER_DATE="2024-01-01T12:00:00Z" GIT_AUTHOR_DATE="2024-01-01T12:00:00Z" \
  git commit -qm "corpus"
for i in $(seq 2 20); do
  # Each commit moves a few plans along: one planned action starts, one in progress ends.
  python3 - "$i" <<'PY'
import pathlib, sys
i = int(sys.argv[1])
plans = sorted(pathlib.Path("content").rglob("*.plan.yaml"))
for k, path in enumerate(plans):
    if k % 7 != i % 7:
        continue
    text = path.read_text()
    text = text.replace("status: planned", "status: in_progress", 1)
    text = text.replace("status: in_progress", "status: done", 1)
    path.write_text(text)
PY
  d=$(printf "2024-01-%02dT12:00:00Z" "$i")
  git add -A
  GIT_COMMITTER_DATE="$d" GIT_AUTHOR_DATE="$d" git commit -qm "step $i" --allow-empty
  [[ $i == 10 ]] && git tag ag-bench
done
cp -r "$work/site" "$work/nogit" && rm -rf "$work/nogit/.git"
cp -r "$work/site" "$work/since"
printf 'tracking: {since: ag-bench}\n' >>"$work/since/carnet.yaml"

[[ -n ${NO_TIMING:-} ]] && exit 0
hyperfine --warmup 1 --runs "${RUNS:-5}" \
  -n "no git" "'$carnet' build '$work/nogit' -o '$work/out1' -q" \
  -n "git, no since" "'$carnet' build '$work/site' -o '$work/out2' -q" \
  -n "git, since ag-bench" "'$carnet' build '$work/since' -o '$work/out3' -q"
