#!/usr/bin/env bash
# Regenerates tests/fixtures/expected/NAME/ from tests/fixtures/sites/NAME/
# with the built binary. Run it on purpose after an intended change to the
# output, then review `git diff tests/fixtures/expected` before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
carnet=${CARNET:-./build/carnet}
[[ -x $carnet ]] || { echo "build Carnet first (scripts/test.sh or cmake --build build)" >&2; exit 1; }
carnet=$(realpath "$carnet")
# Each site is built from a copy outside this repository, as the test does:
# in place, its plans would take dates and histories from Carnet's commits.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for site in tests/fixtures/sites/*/; do
  name=$(basename "$site")
  rm -rf "tests/fixtures/expected/$name" "$tmp/$name"
  cp -r "$site" "$tmp/$name"
  "$carnet" build "$tmp/$name" -o "tests/fixtures/expected/$name" -q
  echo "updated tests/fixtures/expected/$name"
done
