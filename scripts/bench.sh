#!/usr/bin/env bash
# Core benchmark natively and as WebAssembly under node, side by side with the ratio, the plot
# benchmark both ways, then (if dist/ is built) the browser benchmark. Prints figures; asserts
# nothing.
#   scripts/bench.sh [--quick]
# Expects build/native and build/wasm from scripts/test-all.sh (or builds them).
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
quick=${1:-}
[ -x build/native/bench/hopfield_bench ] && [ -x build/native/bench/hopfield_bench_plot ] || {
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/native -j"$(nproc)" --target hopfield_bench hopfield_bench_plot >/dev/null
}
[ -f build/wasm/bench/hopfield_bench.js ] && [ -f build/wasm/bench/hopfield_bench_plot.js ] || {
  [ -f build/wasm/CMakeCache.txt ] || emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/wasm -j"$(nproc)" --target hopfield_bench hopfield_bench_plot >/dev/null
}
native=$(build/native/bench/hopfield_bench --json $quick)
wasm=$(node build/wasm/bench/hopfield_bench.js --json $quick)
echo "Core benchmark ($(nproc) cores, $(date -u +%Y-%m-%d)); median of repeated batches"
python3 - "$native" "$wasm" <<'PY'
import json, sys
native = [json.loads(l) for l in sys.argv[1].splitlines() if l.startswith("{")]
wasm = {r["name"]: r for r in (json.loads(l) for l in sys.argv[2].splitlines() if l.startswith("{"))}
print(f"| {'benchmark':<50} | {'native':>10} | {'wasm (node)':>11} | {'unit':<8} | {'wasm cost':>9} |")
print(f"|{'-'*52}|{'-'*12}|{'-'*13}|{'-'*10}|{'-'*11}|")
higher_is_better = {"steps/s", "GB/s", "ratio"}
for r in native:
    w = wasm.get(r["name"], {}).get("value", float("nan"))
    # "wasm cost": how many times slower wasm is (time ratio), whatever the unit.
    cost = r["value"] / w if r["unit"] in higher_is_better else w / r["value"]
    print(f"| {r['name']:<50} | {r['value']:>10.4g} | {w:>11.4g} | {r['unit']:<8} | {cost:>8.2f}x |")
PY
echo
echo "Memory models (native, then wasm under node):"
[ -x build/native/bench/hopfield_bench_models ] || cmake --build build/native --target hopfield_bench_models >/dev/null
[ -f build/wasm/bench/hopfield_bench_models.js ] || cmake --build build/wasm --target hopfield_bench_models >/dev/null
build/native/bench/hopfield_bench_models
node build/wasm/bench/hopfield_bench_models.js
echo
echo "Plots (native):"
build/native/bench/hopfield_bench_plot $quick
echo
echo "Plots (wasm under node):"
node build/wasm/bench/hopfield_bench_plot.js $quick
if [ -f dist/index.html ] && [ -d tests/web/node_modules ]; then
  echo
  node tests/web/bench.mjs
fi
