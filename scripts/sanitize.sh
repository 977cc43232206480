#!/usr/bin/env bash
# The core, the CLI and the Catch2 suite built with clang under AddressSanitizer and
# UndefinedBehaviorSanitizer (any report aborts), then CTest's core and cli tests.
# Build tree: build/asan (the asan preset in CMakePresets.json). Usage: scripts/sanitize.sh
# At -O1, as libFuzzer's and OSS-Fuzz's builds are: from an empty cache on 2 cores the build
# took 252 CPU-s (330 at -O2) and these tests 59 s (47 s at -O2). The test programs leave out
# the fuzzers' coverage instrumentation (tests/CMakeLists.txt): the tests then ran in 48-50 s
# instead of 69 s, measured one after the other within minutes. So do the core's numerical
# files (src/core/CMakeLists.txt; the readers the fuzzers steer through keep it): 88 -> 55
# CPU-s, 46 -> 28 s.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cmake --preset asan >/dev/null  # also builds the fuzz harnesses (scripts/fuzz.sh runs them)
cmake --build --preset asan -j"$(nproc)"
ctest --preset asan -j"$(nproc)"  # one entry per test file: spread over the cores
