#!/usr/bin/env bash
# Checks .pre-commit-hooks.yaml with the real pre-commit framework:
# `pre-commit try-repo` of this repository in a temporary git repository
# holding a small mini-program project (a violating project must fail with
# the finding printed, a clean one must pass), then the same hooks installed
# as a git hook from a .pre-commit-config.yaml (commits refused or let
# through). Installs Debian's pre-commit package when pre-commit is missing
# (as root, or with sudo). Needs git and go; pre-commit builds fpcheck with
# `go install ./...` using the system Go and the Go module proxy.
#
#   bash scripts/check-pre-commit.sh
#
# The last line is "N passed, M failed"; the exit status is 1 if any check
# failed.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
TOOLS="${FPCHECK_TOOLS:-$HOME/.cache/fpcheck-tools}"
# pre-commit's store (cloned hook repositories and their built
# environments) for the installed-hook checks. try-repo always uses a
# fresh temporary store, so it rebuilds fpcheck every time; the shared Go
# module and build caches keep that fast.
export PRE_COMMIT_HOME="$TOOLS/pre-commit"
export PRE_COMMIT_COLOR=never
mkdir -p "$PRE_COMMIT_HOME"

if ! command -v pre-commit >/dev/null 2>&1; then
  echo "== installing pre-commit (Debian package)"
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends pre-commit >/dev/null
fi
echo "== $(pre-commit --version), $(go version)"

# pre-commit builds golang hooks with GOPATH set to a new environment
# directory and deletes its pkg/ afterwards: point it at the usual module
# cache so modules are downloaded once, not on every run.
GOMODCACHE=$(go env GOMODCACHE)
export GOMODCACHE
# Keep git to the repositories made here.
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1

passed=0 failed=0
pass() { passed=$((passed + 1)); echo "ok:   $1"; }
fail() {
  failed=$((failed + 1)); echo "FAIL: $1"
  if [ -n "${2:-}" ]; then printf '%s\n' "$2" | sed 's/^/      | /'; fi
}
# check NAME WANT_CODE OUTPUT CODE SUBSTRING...: the exit code is WANT_CODE
# ("nonzero" for any failure) and OUTPUT holds every SUBSTRING.
check() {
  local name=$1 want=$2 out=$3 code=$4; shift 4
  if [ "$want" = nonzero ] && [ "$code" -eq 0 ]; then fail "$name: exit 0, want non-zero" "$out"; return; fi
  if [ "$want" != nonzero ] && [ "$code" -ne "$want" ]; then fail "$name: exit $code, want $want" "$out"; return; fi
  local s
  for s in "$@"; do
    if [[ "$out" != *"$s"* ]]; then fail "$name: output lacks '$s'" "$out"; return; fi
  done
  pass "$name"
}

if [ ! -f "$repo/.pre-commit-hooks.yaml" ]; then
  echo "no .pre-commit-hooks.yaml in $repo"; echo "0 passed, 1 failed"; exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The hooks repository. On a clean clone it is this repository at HEAD. With
# uncommitted changes, try-repo would take HEAD plus staged and modified
# tracked files but not untracked ones (a new .pre-commit-hooks.yaml or a
# new package would be missing), so the work tree as it is (tracked and
# untracked files, less ignored ones) is committed into a snapshot
# repository instead. Its fixed identity and dates give the same commit for
# the same files, so the installed-hook checks reuse pre-commit's store.
hooks_repo=$repo
if [ -n "$(git -C "$repo" status --porcelain)" ]; then
  hooks_repo="$TOOLS/pre-commit-snapshot"
  echo "== $repo has uncommitted changes: testing a snapshot of the work tree in $hooks_repo"
  rm -rf "$hooks_repo"
  mkdir -p "$hooks_repo"
  git -C "$repo" ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do
      if [ -e "$repo/$f" ] || [ -L "$repo/$f" ]; then
        mkdir -p "$hooks_repo/$(dirname "$f")"
        cp -P "$repo/$f" "$hooks_repo/$f"
      fi
    done
  (
    cd "$hooks_repo"
    git init -q
    git add -A
    GIT_AUTHOR_DATE=2000-01-01T00:00:00Z GIT_COMMITTER_DATE=2000-01-01T00:00:00Z \
      git -c user.name=fpcheck -c user.email=fpcheck@localhost -c commit.gpgsign=false \
      commit -q --no-verify -m "work tree snapshot for check-pre-commit.sh"
  )
fi
rev=$(git -C "$hooks_repo" rev-parse HEAD)

# clean_project, payment_clean, payment_crossing, navigator
# shellcheck source=scripts/lib/project.sh
source "$repo/scripts/lib/project.sh"
new_repo() {
  local d="$work/$1"
  mkdir -p "$d"
  git -C "$d" init -q
  git -C "$d" config user.email dev@example.com
  git -C "$d" config user.name Dev
  git -C "$d" config commit.gpgsign false
  clean_project "$d"
  echo "$d"
}
# run DIR CMD...: sets out and code.
run() {
  local d=$1; shift
  out=$(cd "$d" && "$@" 2>&1) && code=0 || code=$?
}

# Findings are named by location, level and rule ID, never by their text.
crossing='miniprogram/functional-pages/request-payment.js:1:26: error: '

echo "== pre-commit try-repo $hooks_repo"
d=$(new_repo try-violating)
payment_crossing >"$d/miniprogram/functional-pages/request-payment.js"
git -C "$d" add -A
start=$SECONDS
run "$d" pre-commit try-repo "$hooks_repo" fpcheck --all-files
check "try-repo fpcheck --all-files: violating project fails, finding printed ($((SECONDS - start))s)" nonzero "$out" "$code" \
  "$crossing" "[functional-pages-boundary]" "- hook id: fpcheck"
start=$SECONDS

d=$(new_repo try-clean)
git -C "$d" add -A
run "$d" pre-commit try-repo "$hooks_repo" fpcheck --all-files
check "try-repo fpcheck --all-files: clean project passes ($((SECONDS - start))s)" 0 "$out" "$code" "fpcheck" "Passed"
start=$SECONDS

d=$(new_repo try-submit)
navigator develop >"$d/plugin/components/pay/pay.wxml"
git -C "$d" add -A
run "$d" pre-commit try-repo "$hooks_repo" fpcheck-submit --all-files
check "try-repo fpcheck-submit: navigator at develop fails ($((SECONDS - start))s)" nonzero "$out" "$code" \
  'plugin/components/pay/pay.wxml:1:50: error: ' "[navigator-develop-version]"

echo "== installed from .pre-commit-config.yaml (rev $rev)"
d=$(new_repo installed)
# The .pre-commit-config.yaml is README.md's (the first code block after
# "**pre-commit framework**" in its hook section), with this repository and
# revision for GitHub's and the tag.
awk '$0 == "### 2. Git pre-commit hook" { insec = 1; next }
  insec && /^##/ { exit }
  insec && index($0, "**pre-commit framework**") == 1 { found = 1; next }
  found && infence && /^```/ { exit }
  found && infence { print; next }
  found && /^```/ { infence = 1 }' "$repo/README.md" >"$work/readme-config.yaml"
sed -e "s#^\(  - repo: \)https://github.com/fpcheck/fpcheck\$#\1$hooks_repo#" \
  -e "s#^\(    rev: \)v[0-9][0-9.]*#\1$rev#" "$work/readme-config.yaml" >"$d/.pre-commit-config.yaml"
if ! grep -qF "repo: $hooks_repo" "$d/.pre-commit-config.yaml" || ! grep -qF "rev: $rev" "$d/.pre-commit-config.yaml" ||
  ! grep -q '^      - id: fpcheck ' "$d/.pre-commit-config.yaml"; then
  fail "README.md's .pre-commit-config.yaml (after **pre-commit framework**) lacks 'repo: https://github.com/fpcheck/fpcheck', 'rev: vX.Y.Z' or '- id: fpcheck'" "$(cat "$work/readme-config.yaml")"
fi
echo "   README.md's .pre-commit-config.yaml, with repo and rev replaced:"
sed 's/^/   | /' "$d/.pre-commit-config.yaml"
run "$d" pre-commit install
check "pre-commit install" 0 "$out" "$code" "pre-commit installed"
git -C "$d" add -A
start=$SECONDS
run "$d" git commit -m "clean project"
check "clean commit goes through ($((SECONDS - start))s, builds the hook on the first run)" 0 "$out" "$code" "fpcheck" "Passed"

fp="$d/miniprogram/functional-pages"
head=$(git -C "$d" rev-parse HEAD)
payment_crossing >"$fp/request-payment.js"
git -C "$d" add -A
payment_clean >"$fp/request-payment.js"
run "$d" git commit -m "staged crossing, fixed only in the work tree"
check "staged violation fixed only in the work tree is refused" nonzero "$out" "$code" "$crossing"
if [ "$(git -C "$d" rev-parse HEAD)" != "$head" ]; then fail "refused commit moved HEAD"; fi
if ! diff <(payment_clean) "$fp/request-payment.js" >/dev/null; then fail "the unstaged fix was not restored after the commit"; fi

git -C "$d" add -A # stage the fix: nothing to commit in the project
echo "require('../utils/sign');" >"$fp/untracked.js"
echo 'exports.fee = 1;' >"$d/miniprogram/utils/fee.js"
git -C "$d" add miniprogram/utils/fee.js
run "$d" git commit -m "clean staged change, untracked violating file"
check "an untracked violating file does not block a clean commit" 0 "$out" "$code" "Passed"
rm "$fp/untracked.js"

# A commit that only deletes files: the copy of an npm package built into
# functional-pages/ goes, so require('md5') resolves to the root
# miniprogram_npm/, outside functional-pages/.
for m in "$fp/miniprogram_npm/md5" "$d/miniprogram/miniprogram_npm/md5"; do
  mkdir -p "$m"
  echo 'module.exports = function (s) { return String(s); };' >"$m/index.js"
done
printf '%s\n' "const md5 = require('md5');" \
  "exports.beforeRequestPayment = function (args, callback) {" "  callback(null, { s: md5(args) });" "};" >"$fp/request-payment.js"
git -C "$d" add -A
run "$d" git commit -m "payment uses md5 from functional-pages/miniprogram_npm"
check "commit with a package built into functional-pages/ goes through" 0 "$out" "$code" "Passed"
git -C "$d" rm -q -r miniprogram/functional-pages/miniprogram_npm
run "$d" git commit -m "delete functional-pages/miniprogram_npm"
check "a deletion-only commit that creates a crossing is refused (always_run)" nonzero "$out" "$code" \
  'require "md5" in functional-pages/ resolves to miniprogram/miniprogram_npm/md5/index.js'

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
