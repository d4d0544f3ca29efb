#!/usr/bin/env bash
# Writes fpcheck's SARIF for the example project and for every rule fixture
# (plain and with --submit), then validates all of them with Microsoft's
# SARIF validator and GitHub's rule set (scripts/validate-sarif.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/fpcheck" ./cmd/fpcheck
go build -tags tools -o "$work/txtar-extract" ./internal/fixture/cmd/txtar-extract

files=()
run() { # name dir [flags]
  local name=$1 dir=$2; shift 2
  local code=0
  "$work/fpcheck" --format sarif -o "$work/sarif/$name.sarif" "$@" "$dir" 2>"$work/stderr" || code=$?
  if [ "$code" -gt 1 ]; then
    echo "fpcheck exited $code on $dir:"; cat "$work/stderr"; exit 1
  fi
  files+=("$work/sarif/$name.sarif")
}

mkdir -p "$work/sarif" "$work/fixtures"
run example examples/demo
run example-submit examples/demo --submit
run example-zh examples/demo --lang zh
for ar in testdata/rules/*/*.txtar; do
  name=$(basename "$(dirname "$ar")")__$(basename "$ar" .txtar)
  dir="$work/fixtures/$name"
  "$work/txtar-extract" "$ar" "$dir"
  run "$name" "$dir"
done
echo "validating ${#files[@]} SARIF files"
bash scripts/validate-sarif.sh "${files[@]}"
