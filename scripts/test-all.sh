#!/usr/bin/env bash
# The whole test suite, as the README and CI run it, on a fresh machine:
#   1. installs what is missing (scripts/deps.sh),
#   2. native build + CTest (core unit tests, CLI, the app's logic, desktop app smoke test),
#   3. the web app (./build-web.sh) + end-to-end tests in headless Chromium (tests/web), while
#      the builds of 4 and 6 compile beside them at the lowest priority (HOPFIELD_OVERLAP=0:
#      each build in turn, alone),
#   4. WebAssembly build + CTest under node (the same unit tests, CLI, native == wasm traces),
#   5. the notebooks (notebooks/, scripts/run-notebooks.py) rendered to dist/notebooks/, and
#      hopfield_lab.show() checked in Chromium,
#   6. one clang build with ASan + UBSan and libFuzzer coverage (build/asan): the core, CLI and
#      app-state tests under the sanitizers, then each fuzzer for 10 s.
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
# and the CPU time the whole machine was busy meanwhile (/proc/stat: every process, the
# background builds' included), which says where a 2-core machine's time goes.
busy_cpu() {  # CPU-seconds the machine has been busy since boot (0 without /proc/stat)
  local cpu user nice system idle iowait irq softirq steal rest
  read -r cpu user nice system idle iowait irq softirq steal rest </proc/stat 2>/dev/null || { echo 0; return; }
  echo $(( (user + nice + system + irq + softirq + steal) / $(getconf CLK_TCK) ))
}
suite_start=$(date +%s)
suite_cpu=$(busy_cpu)
stage_names=()
stage_seconds=()
stage_cpu=()
stage_name=""
stage_start=0
stage_cpu_start=0
end_stage() {
  [ -n "$stage_name" ] || return 0
  stage_names+=("$stage_name")
  stage_seconds+=($(( $(date +%s) - stage_start )))
  stage_cpu+=($(( $(busy_cpu) - stage_cpu_start )))
  stage_name=""
}
step() {
  end_stage
  printf '\n=== %s ===\n' "$*"
  stage_name=$1
  stage_start=$(date +%s)
  stage_cpu_start=$(busy_cpu)
}
report_times() {
  local status=$?
  # Builds still running in the background (a stage failed first) stop with the script.
  [ -z "${background_pid:-}" ] || kill -- "-$background_pid" 2>/dev/null || true
  end_stage
  printf '\n=== stage times (wall; CPU-s the machine was busy) ===\n'
  local i
  for i in "${!stage_names[@]}"; do
    printf '%6d s %6d CPU-s  %s\n' "${stage_seconds[$i]}" "${stage_cpu[$i]}" "${stage_names[$i]}"
  done
  printf '%6d s %6d CPU-s  total on %d cores%s\n' $(( $(date +%s) - suite_start )) \
    $(( $(busy_cpu) - suite_cpu )) "$jobs" "$([ "$status" = 0 ] || echo " (FAILED, exit $status)")"
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

# The sanitizer build and the WebAssembly build (what its tests run under node: the unit tests
# and the CLI; the page itself is build-web.sh's, the benchmarks scripts/bench.sh's, which
# builds them in the same tree). Each is a no-op when up to date.
build_sanitizers() {
  cmake --preset asan >/dev/null
  cmake --build --preset asan -j"$jobs"
}
build_wasm() (
  # No launcher in front of em++ (it runs clang through ccache itself), as in build-web.sh,
  # which shares this build tree: the same configuration, so neither relinks the other's work.
  unset CMAKE_C_COMPILER_LAUNCHER CMAKE_CXX_COMPILER_LAUNCHER
  if [ ! -f build/wasm/CMakeCache.txt ]; then
    emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
  fi
  cmake -S . -B build/wasm $all_parts \
    -DHOPFIELD_NATIVE_CLI="$PWD/build/native/src/cli/hopfield-cli" >/dev/null
  cmake --build build/wasm -j"$jobs" --target hopfield_tests hopfield-cli
)

step "web app (./build-web.sh: dist/ for the browser tests and the notebooks)"
./build-web.sh

# --- the two builds beside the browser tests (HOPFIELD_OVERLAP=0 turns this off) ------------
# The browser tests leave part of the machine idle (alone, with the wasm on V8's baseline
# compiler: 311 s of wall time, the machine busy 448 of its 622 CPU-s on 2 cores). While they
# run, the WebAssembly build and then the sanitizer build compile in the background at the
# lowest priority (nice 19); their output goes to build/logs/background-builds.log and is
# printed once they are done. The WebAssembly tests and the notebooks then run while the
# sanitizer build finishes (its last links leave a core idle), the sanitizers' tests and the
# fuzzers once it is done.
# The trade-off, measured from an empty cache on 2 cores: the browser tests take about 25%
# longer beside the compilers (384 and 421 s in runs of the same hour), the suite as a whole
# about 100 s less (1,058 s with HOPFIELD_OVERLAP=0; 915-958 s the same evening, the same
# code), and the builds' output comes after the browser tests'.
# With HOPFIELD_OVERLAP=0 each build runs alone, in order, before its tests (the way to chase
# a timing-sensitive test).
overlap=${HOPFIELD_OVERLAP:-1}
background_pid=""
if [ "$overlap" = 1 ]; then
  mkdir -p build/logs
  background_log=build/logs/background-builds.log
  wasm_built=build/logs/wasm-built  # written by the background job once the wasm build is done
  rm -f "$wasm_built"
  export -f build_sanitizers build_wasm
  export jobs all_parts wasm_built
  # setsid: its own process group, so an early exit (see the EXIT trap) stops the compilers too.
  # The WebAssembly build first: its tests can then start as soon as the browser tests end, and
  # it ends in single-threaded links (the programs' wasm-opt passes), which the browser tests'
  # idle time hides.
  setsid nice -n 19 bash -c 'set -euo pipefail
    start=$(date +%s)
    build_wasm
    echo "background: WebAssembly build $(( $(date +%s) - start )) s"
    touch "$wasm_built"
    start=$(date +%s)
    build_sanitizers
    echo "background: sanitizer build $(( $(date +%s) - start )) s"' >"$background_log" 2>&1 &
  background_pid=$!
fi
# Waits for the background builds, prints their output, and stops the run if they failed.
finish_background() {
  local background_status=0
  wait "$background_pid" || background_status=$?
  background_pid=""
  cat "$background_log"
  if [ "$background_status" != 0 ]; then
    echo "test-all.sh: the background builds failed (exit $background_status); output above, also in $background_log" >&2
    exit "$background_status"
  fi
}

step "browser tests (tests/web, headless Chromium)"
tests/web/run.sh

step "WebAssembly tests (node; the sanitizer build goes on beside them)"
if [ -n "$background_pid" ]; then
  while [ ! -e "$wasm_built" ] && kill -0 "$background_pid" 2>/dev/null; do sleep 1; done
  [ -e "$wasm_built" ] || finish_background  # the background job ended without it: it failed
else
  build_wasm
fi
ctest --test-dir build/wasm --output-on-failure -j"$jobs"

# --- notebooks: the course notebooks and hopfield_lab.show() (after build-web.sh, which
# rebuilds dist/ from scratch and makes the single-file page show() embeds) -------------------
step "notebooks: notebooks/*/*.ipynb executed headless (kernel: /usr/bin/python3 with PYTHONPATH=build/native/python), rendered to dist/notebooks/; show() in Chromium"
/usr/bin/python3 scripts/run-notebooks.py --python-dir build/native/python --out dist/notebooks
/usr/bin/python3 scripts/run-notebooks.py --python-dir build/native/python \
  --out build/notebooks-test tests/notebooks/show.ipynb
(cd tests/web && node --test notebook-show.mjs)
# --- end of the notebooks block ---------------------------------------------------------------

if [ -n "$background_pid" ]; then
  step "sanitizer build (begun beside the browser tests; the rest of its time)"
  finish_background
fi

step "sanitizers: core, CLI and app-state tests under ASan + UBSan (clang; the fuzzers' build too)"
[ "$overlap" = 1 ] || build_sanitizers
scripts/sanitize.sh

step "fuzzing: the pattern-file readers, experiment specs, start-up parameters, share links, CLI options, images and shard merging, 10 s each, one per core (libFuzzer)"
scripts/fuzz.sh 10 1

if command -v ccache >/dev/null; then
  step "ccache"
  ccache --show-stats | grep -E 'Hits|Misses|Cache size' || true
fi
step "all tests passed"
