#!/usr/bin/env bash
# Checks scripts/validate-sarif.sh against its samples: minimal-ok.sarif must
# pass (exit 0), bad.sarif must fail (exit 1), and so must logs that are not
# JSON or that the multitool silently skips.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
validate="$here/validate-sarif.sh"
data="$here/testdata"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

passed=0
failed=0

# expect NAME WANT_EXIT [ARGS...]: runs the validator and compares its exit code.
expect() {
	local name="$1" want="$2"
	shift 2
	local got=0
	"$validate" "$@" >"$tmp/out.txt" 2>&1 || got=$?
	if [ "$got" -eq "$want" ]; then
		echo "ok   $name (exit $got)"
		passed=$((passed + 1))
	else
		echo "FAIL $name: want exit $want, got $got; output:"
		sed 's/^/    /' "$tmp/out.txt"
		failed=$((failed + 1))
	fi
}

# expect_output NAME TEXT: the last run's output contains TEXT.
expect_output() {
	if grep -qF -- "$2" "$tmp/out.txt"; then
		echo "ok   $1"
		passed=$((passed + 1))
	else
		echo "FAIL $1: output lacks: $2; output:"
		sed 's/^/    /' "$tmp/out.txt"
		failed=$((failed + 1))
	fi
}

expect "minimal-ok.sarif is valid" 0 "$data/minimal-ok.sarif"
expect_output "summary line" "sarif: 1 files valid (Ghas;Sarif)"

expect "bad.sarif is invalid" 1 "$data/bad.sarif"
expect_output "bad.sarif: GitHub requires rule help" "bad.sarif: error GH2012:"
expect_output "bad.sarif: GitHub requires locations" "bad.sarif: error GH1015:"

expect "one bad file fails the batch" 1 "$data/minimal-ok.sarif" "$data/bad.sarif"

printf '{"version": "2.1.0", "runs": [' >"$tmp/truncated.sarif"
expect "a file that is not JSON is invalid" 1 "$tmp/truncated.sarif"
expect_output "not-JSON message" "not valid JSON"

# The multitool reports nothing at all for a log its object model cannot load
# (here a guid that is no GUID); the validator must notice that.
node -e '
	const fs = require("fs");
	const log = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
	log.runs[0].results[0].guid = "not-a-guid";
	fs.writeFileSync(process.argv[2], JSON.stringify(log));
' "$data/minimal-ok.sarif" "$tmp/skipped.sarif"
expect "a log the multitool skips is invalid" 1 "$tmp/skipped.sarif"
expect_output "skipped-log message" "did not analyze this log"

expect "a missing file is invalid" 1 "$tmp/no-such.sarif"
expect "no arguments is a usage error" 2

echo "validate-sarif: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
