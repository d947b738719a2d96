#!/usr/bin/env bash
# CTest `package`: makes the Debian package from the test suite's build
# (cpack -G DEB, as scripts/package.sh does after building) and checks it:
# its name and version, runtime libraries as dependencies and never a -dev
# package, its files; then the binary extracted with dpkg-deb -x builds the
# demo site from another folder, the man page renders with man -l without
# warnings, and the bash completion completes commands, options and values.
# Skipped (77) without dpkg-deb, i.e. off Debian.
#   tests/package_test.sh BUILD_DIR SOURCE_DIR WORK_DIR
set -euo pipefail
build=$(realpath "$1") source=$(realpath "$2") work=$3
for tool in dpkg-deb dpkg-shlibdeps cpack man; do
  command -v "$tool" >/dev/null || { echo "package test skipped: no $tool"; exit 77; }
done
fail() { echo "package test: $*" >&2; exit 1; }

rm -rf "$work" && mkdir -p "$work" && work=$(realpath "$work")
version=$(sed -n 's/^project(carnet VERSION \([0-9.]*\).*/\1/p' "$source/CMakeLists.txt")
(cd "$build" && cpack -G DEB -B "$work/package" >"$work/cpack.log") || { cat "$work/cpack.log"; fail "cpack failed"; }
deb="$work/package/carnet_${version}_amd64.deb"
[[ -f $deb ]] || fail "no $deb: $(ls "$work/package")"

# dpkg-deb -I: the control fields.
info=$(dpkg-deb -I "$deb")
echo "$info"
grep -qx " Package: carnet" <<<"$info" || fail "package name"
grep -qx " Version: $version" <<<"$info" || fail "version is not $version"
grep -qx " Architecture: amd64" <<<"$info" || fail "architecture"
depends=$(sed -n 's/^ Depends: //p' <<<"$info")
[[ -n $depends ]] || fail "no Depends"
IFS=',' read -ra deps <<<"$depends"
names=" "
for dep in "${deps[@]}"; do
  name=$(awk '{print $1}' <<<"$dep")
  [[ $name == *-dev ]] && fail "depends on a -dev package: $name"
  names+="$name "
done
for lib in libc6 libstdc++6 libcairo2 libpango-1.0-0 libgit2-1.5 libzip4 libxml2 libyaml-0-2 \
  libcmark-gfm0.29.0.gfm.6 librsvg2-2 libhyphen0 fonts-noto-core hyphen-fr hyphen-en-us; do
  [[ $names == *" $lib "* ]] || fail "Depends lacks $lib: $depends"
done

# dpkg-deb -c: the files.
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/carnet ./usr/share/man/man1/carnet.1 ./usr/share/bash-completion/completions/carnet \
  ./usr/share/doc/carnet/README.md; do
  grep -q " $f\$" <<<"$contents" || fail "no $f in the package"
done
grep -q "/usr/share/carnet\|/usr/lib/" <<<"$contents" && fail "data files besides the binary"

# The extracted binary, run from elsewhere: the theme is inside it.
dpkg-deb -x "$deb" "$work/root"
carnet="$work/root/usr/bin/carnet"
"$carnet" --version | grep -Eq "^carnet $version \(commit [^)]+\)$" || fail "--version: $("$carnet" --version)"
(cd "$work" && "$carnet" build "$source" -o "$work/demo" -q) || fail "the packaged carnet did not build the demo"
for f in index.html en/index.html sitemap.xml; do
  [[ -s $work/demo/$f ]] || fail "demo: no $f"
done
ls "$work"/demo/booklets/*.pdf >/dev/null || fail "demo: no booklet"

# The man page renders, without groff warnings.
man_page="$work/root/usr/share/man/man1/carnet.1"
warnings=$(MANWIDTH=80 man --warnings -l "$man_page" 2>&1 >/dev/null || true)
[[ -z $warnings ]] || fail "man -l warns: $warnings"
text=$(MANWIDTH=80 man -l "$man_page" | col -b)
for want in "NAME" "bilingual websites" "carnet build" "carnet serve" "--allow-remote" \
  "carnet translations export" "EXIT STATUS"; do
  grep -qF -- "$want" <<<"$text" || fail "the man page lacks '$want'"
done

# The completion.
complete_words() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _carnet; echo "${COMPREPLY[*]}"' \
    _ "$work/root/usr/share/bash-completion/completions/carnet" "$@"
}
[[ $(complete_words carnet se) == serve ]] || fail "completion: carnet se → $(complete_words carnet se)"
[[ $(complete_words carnet serve --al) == --allow-remote ]] || fail "completion: serve --al"
[[ $(complete_words carnet translations ex) == export ]] || fail "completion: translations ex"
[[ $(complete_words carnet translations export --format "") == "xliff csv" ]] || fail "completion: --format values"
echo "package test: $deb is good"
