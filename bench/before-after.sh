#!/usr/bin/env bash
# before-after.sh — two carnet binaries on the same site, run alternately
# (A, B, A, B, …) so that a shared, noisy machine weighs on both alike; each
# run under /usr/bin/time into a fresh output folder. Prints per binary the
# median wall time, user and system CPU, and peak RSS.
#
# usage: bench/before-after.sh CARNET_A CARNET_B SITE [RUNS]   (RUNS default 5)
set -euo pipefail
[[ $# -ge 3 && $# -le 4 ]] || { echo "usage: $0 CARNET_A CARNET_B SITE [RUNS]" >&2; exit 2; }
a=$1 b=$2 site=$3 runs=${4:-5}
[[ -x /usr/bin/time ]] || { echo "$0: needs GNU time (apt-get install time)" >&2; exit 1; }
work=$(mktemp -d /tmp/carnet-ab.XXXXXX)
trap 'rm -rf -- "$work"' EXIT
for ((i = 1; i <= runs; i++)); do
  for label in A B; do
    bin=$a; [[ $label == B ]] && bin=$b
    out=$work/out-$label-$i
    /usr/bin/time -f "$label %e %U %S %M" -a -o "$work/times" "$bin" build "$site" -o "$out" >/dev/null
    rm -rf -- "$out" &   # deleted beside the next build, not timed in it
  done
done
wait
python3 - "$work/times" "$a" "$b" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line[:1] in "AB"]
for label, binary in (("A", sys.argv[2]), ("B", sys.argv[3])):
    r = [[float(x) for x in row[1:]] for row in rows if row[0] == label]
    med = lambda k: statistics.median(x[k] for x in r)
    print(f"{label} {binary}: {len(r)} runs, median wall {med(0):.2f} s, user {med(1):.2f} s, "
          f"sys {med(2):.2f} s, user+sys {med(1) + med(2):.2f} s, peak RSS {med(3) / 1024:.0f} MiB")
PY
