#!/usr/bin/env bash
# Differential test of fpcheck against the official compiler (miniprogram-ci).
#
# For each scripts/difftest/projects/*.txtar: extract it, ask the compiler
# (harness.js, offline) for its verdict and run `fpcheck --format json`.
# A project the compiler rejects must get at least one fpcheck error; a
# project it accepts must get none. Prints a table and "N passed, M failed";
# exits 1 on any mismatch (or harness failure).
#
#   scripts/difftest/run.sh [NAME-GLOB]      (e.g. 'reject_plugin_*')
#
# Environment: FPCHECK_TOOLS (cache dir, default ~/.cache/fpcheck-tools),
# MPCI_DIR (a miniprogram-ci package dir, to skip the install), JOBS
# (parallel compiler runs, default 2), KEEP=1 keeps the temp dir.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
MPCI_VERSION=2.1.42
TOOLS="${FPCHECK_TOOLS:-$HOME/.cache/fpcheck-tools}"
JOBS="${JOBS:-2}"
glob="${1:-*}"
start=$SECONDS

if [ -z "${MPCI_DIR:-}" ]; then
  MPCI_DIR="$TOOLS/miniprogram-ci/node_modules/miniprogram-ci"
  if ! grep -q "\"version\": \"$MPCI_VERSION\"" "$MPCI_DIR/package.json" 2>/dev/null; then
    echo "installing miniprogram-ci@$MPCI_VERSION into $TOOLS/miniprogram-ci" >&2
    mkdir -p "$TOOLS/miniprogram-ci"
    npm i "miniprogram-ci@$MPCI_VERSION" --ignore-scripts --no-audit --no-fund \
      --prefix "$TOOLS/miniprogram-ci" >&2
  fi
fi
export MPCI_DIR

tmp="$(mktemp -d)"
cleanup() { if [ "${KEEP:-}" = 1 ]; then echo "kept $tmp" >&2; else rm -rf "$tmp"; fi; }
trap cleanup EXIT

(cd "$root" && go build -o "$tmp/fpcheck" ./cmd/fpcheck &&
  go build -tags tools -o "$tmp/txtar-extract" ./internal/fixture/cmd/txtar-extract)

# miniprogram-ci leaves an empty folder named by a hash in its working
# directory: run everything from $tmp, so that none is left in the checkout.
cd "$tmp"

names=()
for f in "$here"/projects/$glob.txtar; do
  [ -e "$f" ] || continue
  n="$(basename "$f" .txtar)"
  names+=("$n")
  mkdir -p "$tmp/p/$n" "$tmp/out"
  "$tmp/txtar-extract" "$f" "$tmp/p/$n"
done
if [ "${#names[@]}" -eq 0 ]; then
  echo "no projects match $glob" >&2
  exit 2
fi

# One project: compiler verdict and fpcheck report. A plugin project is one
# whose project.config.json says "compileType": "plugin".
one() {
  local n="$1" dir="$tmp/p/$1" flag=()
  if node -e 'const c=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));process.exit(c.compileType==="plugin"?0:1)' \
    "$dir/project.config.json" 2>/dev/null; then
    flag=(--plugin)
  fi
  timeout 90 node "$here/harness.js" "$dir" "${flag[@]}" >"$tmp/out/$n.compiler" 2>"$tmp/out/$n.compiler.log" || true
  "$tmp/fpcheck" --format json "$dir" >"$tmp/out/$n.fpcheck" 2>"$tmp/out/$n.fpcheck.log" || true
}
export -f one
export tmp here
# shellcheck disable=SC2016 # "$1" expands in the inner bash
printf '%s\n' "${names[@]}" | xargs -P "$JOBS" -I{} bash -c 'one "$1"' _ {}

rows="$tmp/rows.tsv"
{
  printf 'PROJECT\tCOMPILER\tFIRST MESSAGE\tFPCHECK ERRORS\tPATH MATCH\tRESULT\n'
  for n in "${names[@]}"; do
    node "$here/compare.js" "$n" "$tmp/out/$n.compiler" "$tmp/out/$n.fpcheck" "$tmp/out/$n.fpcheck.log"
  done
} >"$rows"

grep -v '^#' "$rows" | column -t -s $'\t'
if grep -q '^#' "$rows"; then
  echo
  echo "Details:"
  grep '^#' "$rows" | cut -f2-
fi
passed=$(grep -c $'\tOK$' "$rows" || true)
failed=$(grep -cE $'\t(MISMATCH|HARNESS)$' "$rows" || true)
echo
echo "run time: $((SECONDS - start)) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
