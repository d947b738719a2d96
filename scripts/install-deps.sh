#!/usr/bin/env bash
# Installs the Debian packages Carnet needs: `build` for building it and
# making the demo, `package` for its Debian package, `test` for the test
# suite as well. Only missing packages are installed; as root, or through
# sudo.
set -euo pipefail

build_pkgs=(
  build-essential cmake pkg-config libmimalloc-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-dev libkainjow-mustache-dev
  libpango1.0-dev libcairo2-dev librsvg2-dev libhyphen-dev hyphen-fr hyphen-en-us libzip-dev
  libcpp-httplib-dev libcli11-dev libfmt-dev libxml2-dev libglib2.0-dev libxxhash-dev libgit2-dev nlohmann-json3-dev catch2 libstemmer-dev
  fonts-noto-core
)
test_pkgs=(qpdf poppler-utils python3 unzip epubcheck default-jre-headless libxml2-utils python3-jsonschema python3-fitz
  nodejs chromium man-db bsdextrautils
  clang)  # the fuzz targets of fuzz/ (libFuzzer and the sanitizers come with Debian's clang)

# `package` (scripts/package.sh): CPack's dpkg-shlibdeps needs file(1).
package_pkgs=(dpkg-dev file)

want=("${build_pkgs[@]}")
[[ ${1:-build} == test ]] && want+=("${test_pkgs[@]}")
[[ ${1:-build} == test || ${1:-build} == package ]] && want+=("${package_pkgs[@]}")

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# Debian packages npm apart from nodejs; NodeSource's nodejs carries its own.
[[ ${1:-build} == test ]] && ! command -v npm >/dev/null && missing+=(npm)
if [[ ${#missing[@]} -gt 0 ]]; then
  sudo=()
  [[ $(id -u) -ne 0 ]] && sudo=(sudo)
  echo "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The browser tests' node packages (playwright-core, axe-core), at the exact
# versions of tests/browser/package-lock.json; again only when out of date.
if [[ ${1:-build} == test ]]; then
  browser="$(dirname "$0")/../tests/browser"
  if [[ ! "$browser/node_modules/.package-lock.json" -nt "$browser/package-lock.json" ]]; then
    (cd "$browser" && npm ci --no-audit --no-fund)
  fi
fi
