#!/usr/bin/env bash
# End-to-end browser tests of the web build: tests/web/run.sh  (from anywhere)
# Needs dist/ (./build-web.sh), Debian's Chromium and node >= 20. Exit code = test result.
# Env: HOPFIELD_DIST, HOPFIELD_CLI, HOPFIELD_CHROMIUM (see e2e.test.mjs).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
chromium="${HOPFIELD_CHROMIUM:-/usr/bin/chromium}"

if [[ ! -x "$chromium" ]]; then
  echo "tests/web: $chromium not found; install it with: apt-get install chromium" >&2
  exit 1
fi
if ! command -v node >/dev/null; then
  echo "tests/web: node not found (node >= 20 is needed)" >&2
  exit 1
fi
if [[ ! -d "$here/node_modules/playwright-core" ]]; then
  # playwright-core never downloads a browser; Chromium comes from apt.
  (cd "$here" && npm ci --no-audit --no-fund)
fi
cd "$here"
# The wasm on V8's baseline compiler only: see harness.mjs (0: as users' browsers run it).
export HOPFIELD_WASM_BASELINE="${HOPFIELD_WASM_BASELINE:-1}"
exec node --test --test-concurrency=1 "$@" ./*.test.mjs  # every file of tests by topic
