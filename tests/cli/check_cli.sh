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
# Every experiment's work and memory are estimated before any unit runs (issue 23): sizes that
# overflowed 32 bits, or would allocate gigabytes first, are refused naming the flag to lower.
check "temperature, 65,536 x 65,536 cells" 2 $cli temperature --neurons 100 --patterns 1:65536:1 --temperatures 0:65535:1
expect_text "names the flag" "^hopfield-cli: error: --patterns: the run would need about 7.5 TB of memory \(42949672960 units\), more than the limit of 512 MB: use fewer or smaller pattern counts$"
check "basins, 65,537 x 65,536 units" 2 $cli basins --random 1 --neurons 10 --amounts 0:1:0.0000152587890625 --trials 65536
expect_text "names the flag" "^hopfield-cli: error: --amounts: the run would need about 1.3 TB"
check "temperature's total work" 2 $cli temperature --neurons 4096 --patterns 1000 --temperatures 0:1:0.01 --sweeps 1000000 --trials 10
expect_text "names the run's length" "^hopfield-cli: error: --sweeps: the run would take about 4.1e\+15 steps, more than the limit of 1e\+14 \(about a day on one core\): use fewer sweeps$"
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

# Each shard carries the SHA-256 of its records as written (checked with coreutils' sha256sum),
# and merge refuses a record its experiment could not have written, naming the file and unit.
records_of() { sed -E 's/.*"records":(.*),"digest".*/\1/' "$1"; }  # as the README shows
digest_of() { sed -E 's/.*,"digest":"sha256:([0-9a-f]{64})"\}$/\1/' "$1"; }
redigest() { # redigest FILE: the digest of FILE's records as they now are (a writer's bug)
  local d
  d=$(records_of "$1" | tr -d '\n' | sha256sum | cut -c1-64)
  sed -E -i "s/\"digest\":\"[^\"]*\"\}$/\"digest\":\"sha256:$d\"}/" "$1"
}
checks=$((checks + 1))
[ "$(records_of "$tmp/s1.json" | tr -d '\n' | sha256sum | cut -c1-64)" == "$(digest_of "$tmp/s1.json")" ] ||
  { echo "FAIL: the shard's digest is not the SHA-256 of its records"; failures=$((failures + 1)); }
# s1 of 3 holds units 1, 4, 7: [unit, 5 values per rule (hebbian, storkey)].
sed -E 's/\[4,([^,]*),([^,]*),[^,]*,/[4,\1,\2,0.123,/' "$tmp/s1.json" >"$tmp/edited.json"
check "an edited value" 2 $cli merge "$tmp/s0.json" "$tmp/edited.json" "$tmp/s2.json"
expect_text "names the file" "^hopfield-cli: error: .*/edited.json: its records do not match its digest \(the file was edited or damaged\): run the shard again$"
refused() { # refused DESCRIPTION SED-SCRIPT MESSAGE: s1 edited, with its digest recomputed
  sed -E "$2" "$tmp/s1.json" >"$tmp/bad.json" && redigest "$tmp/bad.json"
  check "$1" 2 $cli merge "$tmp/s0.json" "$tmp/bad.json" "$tmp/s2.json"
  expect_text "$1: names file and unit" "^hopfield-cli: error: .*/bad.json: $3$"
}
refused "a fraction of 7.5" 's/\[4,([^,]*),([^,]*),[^,]*,/[4,\1,\2,7.5,/' \
  "unit 4: value 3 \(hebbian retrieved_fraction\) is 7.5, not in \[0, 1\]"
refused "a null value" 's/\[4,([^,]*),/[4,\1,null,/' "unit 4: value 2 is null, not a finite number"
refused "a record with no values" 's/\[4,[^]]*\]/[4]/' "unit 4 holds 0 values, not the 10 this experiment writes"
refused "an empty record" 's/\[4,[^]]*\]/[]/' "record 2 is empty, not \[unit, values...\]"
sed -E 's/,"digest":"[^"]*"\}$/}/' "$tmp/s1.json" >"$tmp/bad.json"
check "no digest" 2 $cli merge "$tmp/s0.json" "$tmp/bad.json" "$tmp/s2.json"
expect_text "names the file" "^hopfield-cli: error: .*/bad.json: has no digest of its records"

# A write that fails (a full disk) is an error, exit 4, never a success with an empty file.
full() { "$@" >/dev/full; }
if [[ "$cli" == *node* ]]; then
  echo "skipped: the /dev/full checks (not verified under node)"
else
  check "--help to a full disk" 4 full $cli --help
  expect_text "says so" "^hopfield-cli: error: cannot write the output: No space left on device$"
  check "recall table to a full disk" 4 full $cli recall --patterns "$letters" --from 0
  expect_text "says so" "^hopfield-cli: error: cannot write the output"
  check "recall JSON to a full disk" 4 full $cli recall --patterns "$letters" --from 0 --json
  check "an experiment to a full disk" 4 full $cli "${spec[@]}"
  check "a shard to a full disk" 4 full $cli "${spec[@]}" --shard 0/3
  check "merge to a full disk" 4 full $cli merge "$tmp/s0.json" "$tmp/s1.json" "$tmp/s2.json"
  expect_text "one line" "^hopfield-cli: error: cannot write the output: No space left on device$"
  check "a bad argument stays exit 2" 2 full $cli recall --patterns "$letters" --from 9
fi
rm -rf "$tmp"

# Learning is costed before any work (src/core/costs.hpp): over a few minutes is refused,
# naming what to lower; images of formats we do not read are named.
tmp=$(mktemp -d)
{ for _ in $(seq 64); do printf '#%.0s' $(seq 64); echo; done; } >"$tmp/big.txt"
check "100000 dreams at 64x64 are refused before learning" 2 $cli recall --patterns "$tmp/big.txt" --from 0 --dream 100000:0.01
expect_text "says the estimate and what to lower" "100000 dreams .* would take about .* multiply-adds .*use fewer dreams or a smaller grid"
# 4000 patterns at 64x64 (an IDX of 16 MB) under Storkey: ~1.4e12 multiply-adds, half an hour.
{ printf '\x00\x00\x08\x03\x00\x00\x0f\xa0\x00\x00\x00\x40\x00\x00\x00\x40'; head -c 16384000 /dev/zero | tr '\0' '\200'; } >"$tmp/many.idx"
check "Storkey on 4000 patterns at 64x64 is refused before learning" 2 $cli recall --patterns "$tmp/many.idx" --from 0 --rule storkey
expect_text "names the rule and the size" "Storkey learning of 4000 patterns of 4096 neurons"
printf '8BPS\0\1\0\0\0\0\0\0\0\3' >"$tmp/image.psd"
check "a PSD image is named, not parsed as text" 1 $cli recall --patterns "$tmp/image.psd" --from 0
expect_text "says what it is" "not a supported image \(PNG, JPEG, GIF, BMP\) or pattern file: it looks like a Photoshop \(PSD\) image"
rm -rf "$tmp"

echo "$((checks - failures)) passed, $failures failed"
[ $failures -eq 0 ]
