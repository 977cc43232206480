#!/usr/bin/env bash
# Builds the libFuzzer harnesses in fuzz/ (the fuzz preset: the asan build in build/asan,
# clang with ASan + UBSan and coverage, which scripts/sanitize.sh builds too) and runs each for
# SECONDS (default 10), one per core at a time, from its committed seeds and dictionary,
# with -rss_limit_mb=2048 -timeout=5 (20 for start-up, 30 for images). Prints the executions per harness;
# exits non-zero on any crash, leak, time-out or out-of-memory. New corpus entries go to build/fuzz/corpus,
# findings to build/fuzz/findings (reproduce: build/asan/fuzz/fuzz_NAME FILE).
# SEED fixes libFuzzer's random choices (the test suite passes 1, so a failure there comes back
# on any machine); 0, the default, draws a new one each run, for longer hunts.
#   scripts/fuzz.sh [SECONDS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
seed=${2:-0}
out=build/fuzz
bin=build/asan/fuzz
cmake --preset fuzz >/dev/null
mkdir -p "$out/findings"
cmake --build --preset fuzz -j"$(nproc)" >"$out/build.log" 2>&1 || { tail -30 "$out/build.log"; exit 1; }
harnesses=(text pbm idx_raw idx_gzip auto spec startup session session_length arguments cli_options image
  merge)

run_one() { # run_one NAME: prints the harness's line of the table; fails on a finding
  local name=$1
  local corpus=$out/corpus/$name log=$out/fuzz_$name.log
  mkdir -p "$corpus"
  local status=0 timeout=5
  # Start-up inputs may load and train a 28x28 Storkey network: ~40 ms natively, 100x that
  # with ASan and coverage; a real hang is unbounded, so 20 s still catches one.
  # A 38-byte GIF may be a legal 4098 x 2494 image: 0.8 s to import natively, 30x that with
  # ASan; it is bounded by kMaxImagePixels, not a hang.
  # A share link at the length limit is 8 MB to decode: ~3 s with ASan on a busy machine.
  [ "$name" = startup ] && timeout=20
  [ "$name" = session_length ] && timeout=30
  [ "$name" = image ] && timeout=30
  "$bin/fuzz_$name" -max_total_time="$seconds" -seed="$seed" -rss_limit_mb=2048 -timeout="$timeout" \
    -dict="fuzz/dicts/$name.dict" -artifact_prefix="$out/findings/${name}-" \
    -print_final_stats=1 "$corpus" "fuzz/seeds/$name" >"$log" 2>&1 || status=$?
  local runs rate result=ok
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  [ "$status" = 0 ] || result="FAILED (exit $status): see $log"
  printf '%-10s %12s %8s  %s\n' "$name" "${runs:-?}" "${rate:-?}" "$result"
  if [ "$status" != 0 ]; then
    grep -E '^==[0-9]+==|SUMMARY|ERROR' "$log" | head -5 || true
    return 1
  fi
}
export -f run_one
export out bin seconds seed

printf '%-10s %12s %8s  %s\n' harness executions exec/s result
# Each harness is single-threaded: one per core halves the wall time on two cores.
printf '%s\n' "${harnesses[@]}" | xargs -P "$(nproc)" -I{} bash -c 'run_one {}'
