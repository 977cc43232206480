#!/usr/bin/env bash
# What a user of hopfield-cli relies on: documented exit codes, one-line errors, the JSON
# members, and a recall that finds a stored letter.
#   check_cli.sh CLI DATA_DIR [SHARED_DATA_DIR]   (CLI may be "node path/to/hopfield-cli.js")
set -u
cli=$1 data=$2 shared=${3:-}
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
check "version" 0 $cli --version
version=$last
check "an experiment's parameters" 0 $cli capacity --neurons 16 --patterns 1 --trials 1 --json
expect_text "--version prints the results' version ($version)" "\"version\":\"$version\""
check "unknown option" 2 $cli recall --patterns "$letters" --from 0 --bogus 1
expect_text "one-line error" "^hopfield-cli: error: unknown option: --bogus$"
check "bad rule" 2 $cli recall --patterns "$letters" --from 0 --rule nope
expect_text "choices listed" "hebbian, storkey, pseudoinverse"
check "flip out of range" 2 $cli recall --patterns "$letters" --from 0 --flip 1.5
check "--from and --input together" 2 $cli recall --patterns "$letters" --from 0 --input "$letters"
check "pattern index out of range" 2 $cli recall --patterns "$letters" --from 9
expect_text "says how many" "only 3 patterns"
check "a model flag of another model" 2 $cli recall --patterns "$letters" --from 0 --model dense --beta 2
expect_text "the model is named" "--beta does not apply to the dense model \(it takes --interaction\)"
check "a rule for a model with its own weights" 2 $cli recall --patterns "$letters" --from 0 --model modern --rule storkey
expect_text "the model is named" "do not apply to the modern model"
check "a bad interaction" 2 $cli recall --patterns "$letters" --from 0 --model dense --interaction poly:1
check "an experiment's model flag of another model" 2 $cli capacity --neurons 64 --patterns 2 --model sparse --gain 2
expect_text "the model is named" "--gain: does not apply to the sparse model"
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

# Strict numbers and bounded --select (issue 13).
check "select -1" 2 $cli recall --patterns "$letters" --from 0 --select -1
expect_text "names the bad index" "not '-1'"
check "flip with a space" 2 $cli recall --patterns "$letters" --from 0 --flip " 0.5"
check "hex flip" 2 $cli recall --patterns "$letters" --from 0 --flip 0x1p-1
expect_text "one line" "^hopfield-cli: error: --flip expects a number, got '0x1p-1'$"
check "tiny flip reads as 0" 0 $cli recall --patterns "$letters" --from 0 --flip 1e-400
many=$(printf '0-100000,%.0s' $(seq 1 2000))0-100000
check "huge select refused before expanding" 2 $cli recall --patterns "$letters" --from 0 --select "$many"
expect_text "says how many" "holds only 3 patterns"

# Images (issue 11): a 4x4 24-bit BMP, left half black, written byte by byte (rows bottom-up, BGR).
tmp=$(mktemp -d)
printf 'BM\x66\0\0\0\0\0\0\0\x36\0\0\0\x28\0\0\0\x04\0\0\0\x04\0\0\0\x01\0\x18\0\0\0\0\0\x30\0\0\0' >"$tmp/half.bmp"
printf '\x13\x0b\0\0\x13\x0b\0\0\0\0\0\0\0\0\0\0' >>"$tmp/half.bmp"
for row in 1 2 3 4; do printf '\0\0\0\0\0\0\xff\xff\xff\xff\xff\xff' >>"$tmp/half.bmp"; done
check "image as --patterns" 0 $cli recall --patterns "$tmp/half.bmp" --size 4x4 --from 0 --json
expect_text "dark pixels are +1" '"final":"##\.\.##\.\.##\.\.##\.\."'
check "image without --size" 2 $cli recall --patterns "$tmp/half.bmp" --from 0
expect_text "says what to add" "is an image: give its grid size with --size WxH$"
check "contain, inverted" 0 $cli recall --patterns "$tmp/half.bmp" --size 8x4 --invert --from 0
expect_text "margin stays -1" "^\.\.\.\.##\.\.$"
check "image as --input, at the stored size" 0 $cli recall --patterns "$letters" --input "$tmp/half.bmp" --fit cover --threshold 0.3 --json
expect_text "cover fills the 10x6 grid" '"initial":"(#####\.\.\.\.\.){6}"'
check "bad threshold" 2 $cli recall --patterns "$tmp/half.bmp" --size 4x4 --from 0 --threshold 2
expect_text "names the value" "^hopfield-cli: error: --threshold: threshold level '2' is outside \[0, 1\]"
check "image flags without an image" 2 $cli recall --patterns "$letters" --from 0 --fit cover
printf 'BM not really' >"$tmp/bad.bmp"
check "undecodable image" 1 $cli recall --patterns "$tmp/bad.bmp" --size 4x4 --from 0
expect_text "names the file" "bad.bmp: not a PNG, JPEG, GIF or BMP image"
rm -rf "$tmp"

# Experiments: help, bad specs (one line, exit 2), files (exit 1), CSV and JSON.
check "help lists the experiments" 0 $cli --help
expect_text "capacity" "hopfield-cli capacity"
expect_text "merge" "hopfield-cli merge"
check "unknown experiment flag" 2 $cli capacity --neurons 64 --patterns 1:4:1 --flips 0.1
expect_text "names the flag" "^hopfield-cli: error: unknown option: --flips$"
check "empty list" 2 $cli capacity --neurons 64 --patterns ""
expect_text "names the field" "^hopfield-cli: error: --patterns: "
check "P > N for the pseudo-inverse" 2 $cli capacity --neurons 16 --patterns 20 --rule pseudoinverse
expect_text "says why" "stores at most N = 16"
check "level out of range" 2 $cli prune-study --patterns "$letters" --prune random:0,1.5 --noise 0.1
expect_text "names the flag" "^hopfield-cli: error: --prune: levels must be in \[0, 1\]"
check "missing pattern file" 1 $cli basins --patterns /nonexistent/p.txt --amounts 0.1
expect_text "names the file" "/nonexistent/p.txt"
check "bad shard" 2 $cli basins --random 2 --neurons 10 --amounts 0.1 --shard 2/2
check "capacity CSV" 0 $cli capacity --neurons 100 --patterns 1,5 --trials 2
expect_text "CSV header" "^rule,neurons,patterns,alpha,first_step_error,first_step_error_theory,stable_fraction,retrieved_fraction,mean_final_overlap,mean_sweeps$"
expect_text "one pattern always stable" "^hebbian,100,1,0.01,0,"
check "basins JSON" 0 $cli basins --patterns "$letters" --amounts 0,0.1 --trials 3 --json
expect_text "JSON object" '^\{"experiment":"basins","parameters":\{"patterns":'
expect_text "version" '"version":"'
expect_text "rows" '"rows":\[\{"amount":0,"trials":3,"retrieved_fraction":1,'
check "temperature" 0 $cli temperature --neurons 50 --temperatures 0,1 --sweeps 4 --trials 2
expect_text "header" "^rule,neurons,patterns,alpha,temperature,trials,mean_abs_overlap,sd_abs_overlap$"
check "prune study" 0 $cli prune-study --patterns "$letters" --prune signed:0,1 --prune random:0.5 --noise 0.2 --trials 4
expect_text "header" "^kind,level,noise,trials,mean_performance,min,q1,median,q3,max,sparsity$"
expect_text "signed rows" "^signed,1,0.2,4,"

# Labelled IDX sets (issue 11): the labels and class names beside the images name the
# patterns, and --class picks them by class. tiny-images holds 3 images of 2x3.
tmp=$(mktemp -d)
tiny=$tmp/tiny-3-images-idx3-ubyte
cp "$data/tiny-images-idx3-ubyte" "$tiny"
printf '\0\0\10\1\0\0\0\3\2\1\2' >"$tmp/tiny-3-labels-idx1-ubyte"  # labels 2, 1, 2
printf 'zero\none\ntwo\n' >"$tmp/tiny-classnames.txt"
check "names from the labels" 0 $cli recall --patterns "$tiny" --from 1 --json
expect_text "every pattern named by class" '"patterns":3,"names":\["two #0","one #1","two #2"\]'
check "--class" 0 $cli recall --patterns "$tiny" --class TWO --from 1 --mode sequential
expect_text "the verdict names the class" '^final state: Retrieved "two #2" \(pattern 1\) exactly\.$'
check "--class then --select" 0 $cli recall --patterns "$tiny" --class "one, two" --select 2 --from 0 --json
expect_text "indexes the class's patterns" '"patterns":1,"names":\["two #2"\]'
check "--select past the classes" 2 $cli recall --patterns "$tiny" --class two --select 2 --from 0
expect_text "says how many" "^hopfield-cli: error: --select 2: --class chose only 2 patterns$"
check "unknown class" 2 $cli recall --patterns "$tiny" --class three --from 0
expect_text "lists classes" "^hopfield-cli: error: --class: unknown class 'three': classes are 'two', 'zero', 'one'$"
check "empty class list" 2 $cli recall --patterns "$tiny" --class "two," --from 0
check "--class without labels" 2 $cli recall --patterns "$letters" --class two --from 0
expect_text "says why" "^hopfield-cli: error: --class needs class labels: "
rm "$tmp/tiny-classnames.txt"
check "labels without names" 0 $cli recall --patterns "$tiny" --class 1 --from 0 --json
expect_text "classes by number" '"patterns":1,"names":\["1 #1"\]'
printf '\0\0\10\1\0\0\0\2\2\1' >"$tmp/tiny-3-labels-idx1-ubyte"
check "labels for fewer images" 1 $cli recall --patterns "$tiny" --from 0
expect_text "gives both counts" "tiny-3-labels-idx1-ubyte: holds 2 labels for 3 images"
rm -rf "$tmp"
silhouettes=$shared/caltech101-silhouettes-16-images-idx3-ubyte.gz
if [ -n "$shared" ] && [ -f "$silhouettes" ] && [ -f "${silhouettes/images-idx3/labels-idx1}" ]; then
  # Counted from the labels file's bytes: 83 is "sea horse" in the class names file.
  want=$(gzip -dc "${silhouettes/images-idx3/labels-idx1}" | tail -c +9 | od -An -tu1 -v |
    tr -s ' ' '\n' | grep -cx 83)
  check "Caltech --class" 0 $cli recall --patterns "$silhouettes" --class "sea horse" --from 0 --json
  expect_text "every sea horse" "\"patterns\":$want,\"names\":\\[\"sea horse #"
else
  echo "skipped: the Caltech 101 --class check ($silhouettes not found; a user's clone has no ../shared/data)"
fi

# Shards merged == the unsharded run, byte for byte; merge refuses what it cannot rebuild.
tmp=$(mktemp -d)
spec=(capacity --neurons 60 --patterns 2:10:4 --rule hebbian,storkey --trials 3 --seed 4)
$cli "${spec[@]}" --json >"$tmp/whole.json" 2>/dev/null
$cli "${spec[@]}" --csv >"$tmp/whole.csv" 2>/dev/null
for i in 0 1 2; do $cli "${spec[@]}" --shard $i/3 >"$tmp/s$i.json" 2>/dev/null; done
$cli "${spec[@]}" --threads 2 --json >"$tmp/threads.json" 2>/dev/null
checks=$((checks + 1))
cmp -s "$tmp/whole.json" "$tmp/threads.json" || { echo "FAIL: --threads 2 differs"; failures=$((failures + 1)); }
check "merge" 0 $cli merge "$tmp/s2.json" "$tmp/s0.json" "$tmp/s1.json"
checks=$((checks + 1))
[ "$last" == "$(cat "$tmp/whole.json")" ] || { echo "FAIL: merged shards differ from the unsharded run"; failures=$((failures + 1)); }
check "merge --csv" 0 $cli merge --csv "$tmp/s0.json" "$tmp/s1.json" "$tmp/s2.json"
checks=$((checks + 1))
[ "$last" == "$(cat "$tmp/whole.csv")" ] || { echo "FAIL: merged CSV differs"; failures=$((failures + 1)); }
check "missing shard" 2 $cli merge "$tmp/s0.json" "$tmp/s2.json"
expect_text "names it" "^hopfield-cli: error: shard 1/3 is missing$"
check "repeated shard" 2 $cli merge "$tmp/s0.json" "$tmp/s1.json" "$tmp/s1.json" "$tmp/s2.json"
expect_text "names it" "shard 1/3 given twice"
$cli "${spec[@]/4/5}" --shard 1/3 >"$tmp/other.json" 2>/dev/null
check "mismatched parameters" 2 $cli merge "$tmp/s0.json" "$tmp/other.json" "$tmp/s2.json"
expect_text "says so" "parameters of .*other.json differ"
sed 's/"version":"/"version":"0.0.0-/' "$tmp/s1.json" >"$tmp/old.json"
check "mismatched versions" 2 $cli merge "$tmp/s0.json" "$tmp/old.json" "$tmp/s2.json"
expect_text "says so" "different versions"
check "unreadable shard" 1 $cli merge "$tmp/nope.json"
rm -rf "$tmp"

echo "$((checks - failures)) passed, $failures failed"
[ $failures -eq 0 ]
