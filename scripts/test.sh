#!/usr/bin/env bash
# The README's second command: installs what is missing, builds Carnet and
# its tests, and runs the whole test suite through CTest; with clang, also
# builds the fuzz targets in build-fuzz/ and replays their corpus and kept
# findings under the sanitizers (fuzz/CMakeLists.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh test
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
(cd build && ctest --output-on-failure -j"$(nproc)")
if command -v clang++ >/dev/null; then
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCARNET_FUZZ=ON >/dev/null
  cmake --build build-fuzz -j"$(nproc)"
  (cd build-fuzz && ctest --output-on-failure -j"$(nproc)")
else
  echo "fuzz replay skipped: clang++ not found (scripts/install-deps.sh test installs it)"
fi
