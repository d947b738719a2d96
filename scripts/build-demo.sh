#!/usr/bin/env bash
# The README's first command: installs what is missing, builds Carnet
# (build/carnet) and generates the demo site and its booklets into output/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh build
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target carnet -j"$(nproc)"
./build/carnet build . -o output
echo "open output/index.html, or preview it with: ./build/carnet serve"
