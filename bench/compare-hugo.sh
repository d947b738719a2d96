#!/usr/bin/env bash
# Builds Carnet (Release) and runs the shared Hugo comparison on the N=1000
# bilingual corpus (../shared/bench/compare-hugo.sh): both builds timed by
# hyperfine in the same run; the last line is the median ratio carnet/hugo.
#   bench/compare-hugo.sh [N] [P]     (defaults 1000 pages per language, 50 plans)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
shared=${CARNET_SHARED:-$root/../shared}
[[ -x $shared/bench/compare-hugo.sh || -f $shared/bench/compare-hugo.sh ]] ||
  { echo "compare-hugo.sh not found under $shared/bench (set CARNET_SHARED)" >&2; exit 1; }
bash "$root/scripts/install-deps.sh" build
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$root/build" --target carnet -j"$(nproc)" >/dev/null
bash "$shared/bench/compare-hugo.sh" "$root/build/carnet" "${1:-1000}" "${2:-50}"
