#!/usr/bin/env bash
# The whole test suite, as the README and CI run it, on a fresh machine:
#   1. installs what is missing (scripts/deps.sh),
#   2. native build + CTest (core unit tests, CLI, desktop app smoke test), then the core and
#      CLI tests under ASan + UBSan (build/asan) and each fuzzer for 10 s
#      (build/fuzz),
#   3. WebAssembly build + CTest under node (the same unit tests, CLI, native == wasm traces),
#   4. the web app (./build-web.sh) + end-to-end tests in headless Chromium (tests/web).
# Build trees: build/native, build/asan, build/fuzz and build/wasm.
# Exit status: non-zero if anything failed.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
export NODE_PATH=/usr/share/nodejs  # Emscripten's optimizer needs Debian's acorn

all_parts="-DHOPFIELD_BUILD_TESTS=ON -DHOPFIELD_BUILD_APP=ON -DHOPFIELD_BUILD_BENCH=ON"
# The Python module and its tests (CTest python), for Debian's interpreter (not a pyenv one).
python_parts="-DHOPFIELD_BUILD_PYTHON=ON -DPython3_EXECUTABLE=/usr/bin/python3"

step() { printf '\n=== %s ===\n' "$*"; }

step "dependencies"
scripts/deps.sh all

step "native build"
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release $all_parts $python_parts >/dev/null
cmake --build build/native -j"$jobs"

step "native tests"
ctest --test-dir build/native --output-on-failure

step "sanitizers: core and CLI tests under ASan + UBSan (clang)"
scripts/sanitize.sh

step "fuzzing: the pattern-file readers, experiment specs, start-up parameters, share links, CLI options and images, 10 s each (libFuzzer)"
scripts/fuzz.sh 10 1

step "WebAssembly build"
if [ ! -f build/wasm/CMakeCache.txt ]; then
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake -S . -B build/wasm $all_parts \
  -DHOPFIELD_NATIVE_CLI="$PWD/build/native/src/cli/hopfield-cli" >/dev/null
cmake --build build/wasm -j"$jobs"

step "WebAssembly tests (node)"
ctest --test-dir build/wasm --output-on-failure

step "web app and browser tests"
./build-web.sh
tests/web/run.sh

step "all tests passed"
