#!/usr/bin/env bash
# What a user of hopfield-cli relies on: documented exit codes, one-line errors, the JSON
# members, and a recall that finds a stored letter.
#   check_cli.sh CLI DATA_DIR          (CLI may be "node path/to/hopfield-cli.js")
set -u
cli=$1 data=$2
failures=0 checks=0
check() { # check DESCRIPTION EXPECTED_EXIT COMMAND...
  local what=$1 want=$2
  shift 2
  local out rc
  out=$("$@" 2>&1)
  rc=$?
  checks=$((checks + 1))
  if [ "$rc" != "$want" ]; then
    echo "FAIL: $what: exit $rc, expected $want: $out"
    failures=$((failures + 1))
  fi
  last=$out
}
expect_text() { # expect_text DESCRIPTION PATTERN
  checks=$((checks + 1))
  grep -qE -- "$2" <<<"$last" || { echo "FAIL: $1: output lacks /$2/: $last"; failures=$((failures + 1)); }
}
letters=$data/letters.txt

check "help" 0 $cli --help
expect_text "help names the recall command" "hopfield-cli recall --patterns FILE"
check "no arguments" 2 $cli
check "unknown option" 2 $cli recall --patterns "$letters" --from 0 --bogus 1
expect_text "one-line error" "^hopfield-cli: error: unknown option: --bogus$"
check "bad rule" 2 $cli recall --patterns "$letters" --from 0 --rule nope
expect_text "choices listed" "hebbian, storkey, pseudoinverse"
check "flip out of range" 2 $cli recall --patterns "$letters" --from 0 --flip 1.5
check "--from and --input together" 2 $cli recall --patterns "$letters" --from 0 --input "$letters"
check "pattern index out of range" 2 $cli recall --patterns "$letters" --from 9
expect_text "says how many" "only 3 patterns"
check "missing file" 1 $cli recall --patterns /nonexistent/p.txt --from 0
expect_text "names the file" "/nonexistent/p.txt"
bad=$(mktemp)
printf 'name: x\n#.#\n#x#\n' >"$bad"
check "malformed file" 1 $cli recall --patterns "$bad" --from 0
expect_text "names line and column" "line 3, column 2"
rm -f "$bad"

# Hand-checked: letters.txt holds H, T and a checkerboard; without noise H is a fixed point.
check "table output" 0 $cli recall --patterns "$letters" --from 0 --mode sequential
expect_text "table header" "iter \| +energy \| hamming \| flips"
expect_text "fixed point" "outcome: fixed point after 1 sweeps"
expect_text "final grid row" "^##########$"
check "json output" 0 $cli recall --patterns "$letters" --from 1 --flip 0.2 --seed 3 --json
for key in energy hamming overlaps final converged cycle sweeps; do
  expect_text "json has $key" "\"$key\":"
done
expect_text "recovers T" '"final":"##########\.\.\.\.##\.\.\.\.'
expect_text "converged" '"converged":true'

echo "$((checks - failures)) passed, $failures failed"
[ $failures -eq 0 ]
