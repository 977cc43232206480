#!/usr/bin/env bash
# The whole test suite, as the README and CI run it, on a fresh machine:
#   1. installs what is missing (scripts/deps.sh),
#   2. native build + CTest (core unit tests, CLI, the app's logic, desktop app smoke test),
#   3. one clang build with ASan + UBSan and libFuzzer coverage (build/asan): the core, CLI and
#      app-state tests under the sanitizers, then each fuzzer for 10 s,
#   4. WebAssembly build + CTest under node (the same unit tests, CLI, native == wasm traces),
#   5. the web app (./build-web.sh) + end-to-end tests in headless Chromium (tests/web).
#   6. the notebooks (notebooks/, scripts/run-notebooks.py) rendered to dist/notebooks/, and
#      hopfield_lab.show() checked in Chromium.
# Build trees: build/native, build/asan and build/wasm. Prints each stage's time at the end.
# Compiles go through ccache when it is installed (scripts/deps.sh installs it), keyed on
# paths relative to the checkout, so a new clone reuses the objects of an earlier one.
#
#   scripts/test-all.sh            everything
#   scripts/test-all.sh --quick    the native build and its tests only (the inner loop)
# Exit status: non-zero if anything failed.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
case "${1:-}" in
  --quick) quick=1 ;;
  "") ;;
  *) echo "test-all.sh: unknown argument '$1' (use --quick)" >&2; exit 2 ;;
esac
jobs=$(nproc)
export NODE_PATH=/usr/share/nodejs  # Emscripten's optimizer needs Debian's acorn

all_parts="-DHOPFIELD_BUILD_TESTS=ON -DHOPFIELD_BUILD_APP=ON -DHOPFIELD_BUILD_BENCH=ON"
# The Python module and its tests (CTest python), for Debian's interpreter (not a pyenv one).
python_parts="-DHOPFIELD_BUILD_PYTHON=ON -DPython3_EXECUTABLE=/usr/bin/python3"

# --- stage timing: each stage's wall time, printed at the end (also when a stage fails) ---
suite_start=$(date +%s)
stage_names=()
stage_seconds=()
stage_name=""
stage_start=0
end_stage() {
  [ -n "$stage_name" ] || return 0
  stage_names+=("$stage_name")
  stage_seconds+=($(( $(date +%s) - stage_start )))
  stage_name=""
}
step() {
  end_stage
  printf '\n=== %s ===\n' "$*"
  stage_name=$1
  stage_start=$(date +%s)
}
report_times() {
  local status=$?
  end_stage
  printf '\n=== stage times ===\n'
  local i
  for i in "${!stage_names[@]}"; do
    printf '%6d s  %s\n' "${stage_seconds[$i]}" "${stage_names[$i]}"
  done
  printf '%6d s  total%s\n' $(( $(date +%s) - suite_start )) "$([ "$status" = 0 ] || echo " (FAILED, exit $status)")"
}
trap report_times EXIT

step "dependencies"
if [ "$quick" = 1 ]; then scripts/deps.sh native; else scripts/deps.sh all; fi

if command -v ccache >/dev/null; then
  export CCACHE_BASEDIR="$PWD"
  export CCACHE_NOHASHDIR=1  # the asan build has -g: its objects would otherwise be keyed on the clone's folder
  export CMAKE_C_COMPILER_LAUNCHER=ccache CMAKE_CXX_COMPILER_LAUNCHER=ccache
  export EM_COMPILER_WRAPPER=ccache  # em++ runs clang through it
  ccache --zero-stats >/dev/null
fi

step "native build"
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release $all_parts $python_parts >/dev/null
cmake --build build/native -j"$jobs"

step "native tests"
ctest --test-dir build/native --output-on-failure -j"$jobs"

if [ "$quick" = 1 ]; then
  step "all native tests passed (--quick: no sanitizers, fuzzers, WebAssembly or browser)"
  exit 0
fi

step "sanitizers: core, CLI and app-state tests under ASan + UBSan (clang; the fuzzers' build too)"
scripts/sanitize.sh

step "fuzzing: the pattern-file readers, experiment specs, start-up parameters, share links, CLI options, images and shard merging, 10 s each, one per core (libFuzzer)"
scripts/fuzz.sh 10 1

step "WebAssembly build"
if [ ! -f build/wasm/CMakeCache.txt ]; then
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake -S . -B build/wasm $all_parts \
  -DHOPFIELD_NATIVE_CLI="$PWD/build/native/src/cli/hopfield-cli" >/dev/null
cmake --build build/wasm -j"$jobs"

step "WebAssembly tests (node)"
ctest --test-dir build/wasm --output-on-failure -j"$jobs"

step "web app and browser tests"
./build-web.sh
tests/web/run.sh

# --- notebooks: the course notebooks and hopfield_lab.show() (after build-web.sh, which
# rebuilds dist/ from scratch and makes the single-file page show() embeds) -------------------
step "notebooks: notebooks/*/*.ipynb executed headless (kernel: /usr/bin/python3 with PYTHONPATH=build/native/python), rendered to dist/notebooks/; show() in Chromium"
/usr/bin/python3 scripts/run-notebooks.py --python-dir build/native/python --out dist/notebooks
/usr/bin/python3 scripts/run-notebooks.py --python-dir build/native/python \
  --out build/notebooks-test tests/notebooks/show.ipynb
(cd tests/web && node --test notebook-show.mjs)
# --- end of the notebooks block ---------------------------------------------------------------

if command -v ccache >/dev/null; then
  step "ccache"
  ccache --show-stats | grep -E 'Hits|Misses|Cache size' || true
fi
step "all tests passed"
