#!/usr/bin/env bash
# Installs the Debian packages Carnet needs: `build` for building it and
# making the demo, `test` for the test suite as well. Only missing packages
# are installed; as root, or through sudo.
set -euo pipefail

build_pkgs=(
  build-essential cmake pkg-config
  libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-cpp-dev libkainjow-mustache-dev
  libpango1.0-dev libcairo2-dev librsvg2-dev libhyphen-dev hyphen-fr hyphen-en-us libzip-dev
  libcpp-httplib-dev libcli11-dev libfmt-dev libxml2-dev libglib2.0-dev libxxhash-dev libgit2-dev nlohmann-json3-dev catch2 libstemmer-dev
  fonts-noto-core
)
test_pkgs=(qpdf poppler-utils python3 unzip epubcheck default-jre-headless libxml2-utils python3-jsonschema python3-fitz nodejs)

want=("${build_pkgs[@]}")
[[ ${1:-build} == test ]] && want+=("${test_pkgs[@]}")

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=()
[[ $(id -u) -ne 0 ]] && sudo=(sudo)
echo "installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
