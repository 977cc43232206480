#!/usr/bin/env bash
# Same seed, same result: runs hopfield-cli natively and as WebAssembly under node with the
# same arguments and requires byte-identical JSON (every energy printed to 17 digits).
#   compare_cli.sh NATIVE_CLI WASM_CLI_JS DATA_DIR [SHARED_DATA_DIR]
set -u
native=$1 wasm=$2 data=$3 shared=${4:-}
fail=0 runs=0
# compare_run PATTERN ARGS...: hopfield-cli ARGS --json natively and under node, byte for
# byte; PATTERN must be in the output (a result, not an error).
compare_run() {
  local want=$1 a b
  shift
  a=$("$native" "$@" --json 2>&1)
  b=$(node "$wasm" "$@" --json 2>&1)
  runs=$((runs + 1))
  if [ "$a" != "$b" ]; then
    echo "DIFFERENT: hopfield-cli $*"
    diff <(echo "$a" | tr ',' '\n') <(echo "$b" | tr ',' '\n') | head -5
    fail=1
  elif ! grep -q -- "$want" <<<"$a"; then
    echo "NO RESULT: hopfield-cli $* -> $a"
    fail=1
  fi
}
compare() { compare_run '"energy"' recall "$@"; }
letters=$data/letters.txt
for mode in sync async sequential; do
  for seed in 1 2 3; do
    compare --patterns "$letters" --from 1 --flip 0.3 --mode "$mode" --seed "$seed"
  done
done
compare --patterns "$letters" --from 0 --flip 0.4 --temperature 0.7 --seed 5 --max-sweeps 30
compare --patterns "$letters" --from 0 --flip 0.4 --temperature 2.5 --mode sync --seed 6 --max-sweeps 20
compare --patterns "$letters" --from 2 --flip 0.25 --rule storkey --seed 7
compare --patterns "$letters" --from 2 --flip 0.25 --rule pseudoinverse --seed 8
compare --patterns "$letters" --from 1 --flip 0.2 --scale n --tie plus --seed 9
compare --patterns "$letters" --from 1 --flip 0.2 --prune random-independent:0.4 --seed 10
compare --patterns "$letters" --from 1 --flip 0.2 --rule storkey --prune smallest:0.5 --seed 11
# Every model: the same bits natively and in wasm.
compare --patterns "$letters" --from 1 --flip 0.3 --model dense --interaction poly:3 --seed 12
compare --patterns "$letters" --from 1 --flip 0.3 --model dense --interaction rectpoly:5 --mode sync --seed 13
compare --patterns "$letters" --from 1 --flip 0.3 --model dense --interaction exp --seed 14
compare --patterns "$letters" --from 1 --flip 0.3 --model modern --beta 0.02 --seed 15
compare --patterns "$letters" --from 1 --flip 0.3 --model continuous --gain-function tanh --gain 3 --scale n --seed 16
compare --patterns "$letters" --from 1 --flip 0.2 --model continuous --seed 17 --max-sweeps 30
compare --patterns "$letters" --from 1 --flip 0.2 --model sparse --threshold 5 --seed 18
compare --patterns "$letters" --from 1 --flip 0.2 --model sparse --activity 0.3 --temperature 2 --seed 19 --max-sweeps 20
compare --patterns "$letters" --from 1 --flip 0.2 --dream 50:0.01 --seed 20
compare --patterns "$letters" --from 1 --flip 0.2 --decay 0.8 --clip 2 --seed 21
compare --patterns "$letters" --from 1 --flip 0.2 --dilute 0.6:asymmetric --seed 22
compare --patterns "$letters" --from 0 --sequence --symmetric 0.5 --mode sync --seed 23 --max-sweeps 12
compare_run '"retrieved_fraction"' capacity --neurons 64 --patterns 10,40,80 --trials 3 --model dense --seed 24
compare_run '"retrieved_fraction"' forgetting --neurons 64 --stored 200 --decay 0.85 --trials 2 --seed 25
silhouettes=$shared/caltech101-silhouettes-28-images-idx3-ubyte.gz
if [ -n "$shared" ] && [ -f "$silhouettes" ]; then
  for mode in sync async; do
    compare --patterns "$silhouettes" --select 100,2000,4000,6000,8000 --from 3 --flip 0.3 \
      --mode "$mode" --seed 12 --scale p
    compare --patterns "$silhouettes" --select 100,2000,4000,6000,8000 --from 3 --flip 0.3 \
      --mode "$mode" --seed 13 --rule storkey --temperature 0.05
  done
else
  echo "skipped the 28x28 silhouette runs: $silhouettes not found (a user's clone has no ../shared)"
fi
# One run of each experiment: native JSON == wasm JSON, byte for byte.
compare_experiment() { compare_run '"rows":\[{' "$@"; }
compare_experiment capacity --neurons 120 --patterns 2:20:6 --rule hebbian,storkey,pseudoinverse --trials 3 --seed 14
compare_experiment basins --patterns "$letters" --amounts 0:0.5:0.1 --corruption mask --mask-value 1 --trials 4 --seed 15
compare_experiment temperature --neurons 100 --patterns 1,5 --temperatures 0.3,0.9,1.4 --sweeps 8 --trials 3 --seed 16
compare_experiment prune-study --patterns "$letters" --prune random-independent:0:1:0.25 --prune signed:0,0.5 --noise 0.25,0.5 --flips with-replacement --trials 6 --seed 17
if [ -n "$shared" ] && [ -f "$silhouettes" ]; then
  compare_experiment prune-study --patterns "${shared}/caltech101-silhouettes-16-images-idx3-ubyte.gz" --preset published --trials 8 --seed 18
fi
echo "$((runs - fail)) of $runs runs identical native vs wasm" >&2
[ $fail -eq 0 ] && echo "native and wasm traces identical in all $runs runs"
exit $fail
