#!/usr/bin/env bash
# Whole-process benchmark (docs/performance.md): installs the pinned peers
# into the cache directory when missing, then runs scripts/bench with the
# arguments given (default: 500, 5,000 and 20,000 pages, 5 runs each).
# Smoke mode, a few seconds: scripts/bench.sh -sizes 50 -runs 1 -peers=false
set -euo pipefail
cd "$(dirname "$0")/.."
CACHE="${FPCHECK_BENCH_CACHE:-$HOME/.cache/fpcheck-bench}"
DEPCRUISE_VERSION=17.3.10 # 18.x needs Node 22
OXLINT_VERSION=1.95.0
if [[ " $* " != *" -peers=false "* ]]; then
  if ! grep -q "\"version\": \"$DEPCRUISE_VERSION\"" "$CACHE/node_modules/dependency-cruiser/package.json" 2>/dev/null ||
    ! grep -q "\"version\": \"$OXLINT_VERSION\"" "$CACHE/node_modules/oxlint/package.json" 2>/dev/null; then
    npm i --prefix "$CACHE" --no-audit --no-fund "dependency-cruiser@$DEPCRUISE_VERSION" "oxlint@$OXLINT_VERSION" >/dev/null
  fi
fi
exec go run ./scripts/bench -cache "$CACHE" "$@"
