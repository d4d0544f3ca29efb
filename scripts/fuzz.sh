#!/usr/bin/env bash
# Fuzzes every Go fuzz target for a short fixed time (FUZZTIME, default
# 30s), so that a regression in a scanner, the resolver or the pipeline is
# caught on every submission. A failing input is written by Go to the
# package's testdata/fuzz/ and printed; add it as a seed when fixing.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZTIME="${FUZZTIME:-30s}"
failed=0
while IFS=: read -r file _ decl; do
  name=$(sed -E 's/^func (Fuzz[A-Za-z0-9_]*)\(.*/\1/' <<<"$decl")
  pkg="./$(dirname "$file")"
  printf '%s %s (%s)\n' "$pkg" "$name" "$FUZZTIME"
  fuzz() { go test -run '^$' -fuzz "^${name}\$" -fuzztime "$FUZZTIME" "$pkg" > /tmp/fpcheck-fuzz.log 2>&1; }
  if ! fuzz; then
    # Go's fuzzing coordinator sometimes fails a run as it stops, with
    # "context deadline exceeded" and no failing input, on a loaded
    # machine (seen on this CI's 2 cores). That is not a finding: run the
    # target once more, and fail only if it fails again or wrote an input.
    if grep -q 'context deadline exceeded' /tmp/fpcheck-fuzz.log && ! grep -q 'Failing input written to' /tmp/fpcheck-fuzz.log; then
      echo "  the fuzzer stopped with \"context deadline exceeded\" and no failing input; running it again"
      fuzz && continue
    fi
    cat /tmp/fpcheck-fuzz.log
    failed=1
  fi
done < <(git ls-files '*_test.go' | xargs grep -Hn '^func Fuzz' | sort)
exit "$failed"
