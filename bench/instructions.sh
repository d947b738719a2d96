#!/usr/bin/env bash
# instructions.sh — the instructions a `carnet build` executes, counted by
# Valgrind's callgrind: the same count on every run to within 0.1 % (only
# the threads' short waits for each other vary), whatever else the machine
# does, where wall and CPU times move by 10–15 % on a shared one. A change
# of under 2 % shows here and nowhere else. Counts, not time: a cache miss
# or a system call weighs one instruction, so confirm a gain in time too
# (before-after.sh, compare-hugo.sh).
#
# usage: bench/instructions.sh CARNET SITE [PROFILE]
#   PROFILE  where callgrind's profile goes (default: deleted); read it with
#            callgrind_annotate [--inclusive=yes] PROFILE
# Needs valgrind (apt-get install valgrind). At N=1000 a build takes about
# 50 s under it, at N=5000 about 2 minutes and a half.
set -euo pipefail
[[ $# -ge 2 && $# -le 3 ]] || { echo "usage: $0 CARNET SITE [PROFILE]" >&2; exit 2; }
carnet=$1 site=$2
command -v valgrind >/dev/null || { echo "$0: needs valgrind (apt-get install valgrind)" >&2; exit 1; }
work=$(mktemp -d /tmp/carnet-ir.XXXXXX)
trap 'rm -rf -- "$work"' EXIT
profile=${3:-$work/callgrind.out}
valgrind --tool=callgrind --callgrind-out-file="$profile" \
  "$carnet" build "$site" -o "$work/out" -q 2>"$work/log" || {
  cat "$work/log" >&2
  exit 1
}
count=$(sed -n 's/^==[0-9]*== Collected : //p' "$work/log")
printf '%s: %s instructions\n' "$carnet" "$(printf "%'d" "$count")"
