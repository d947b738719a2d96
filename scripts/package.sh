#!/usr/bin/env bash
# The README's third command: installs what is missing, builds Carnet, its
# man page and its bash completion, and makes the Debian package with CPack:
# BUILD/package/carnet_VERSION_amd64.deb (BUILD: the first argument, default
# build). The package depends on the runtime libraries dpkg-shlibdeps finds
# in the binary, never on -dev packages (cmake/packaging.cmake).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
bash scripts/install-deps.sh package
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target carnet carnet_docs -j"$(nproc)"
(cd "$build" && cpack -G DEB -B package)
ls "$build"/package/carnet_*_amd64.deb
