#!/usr/bin/env bash
# Tests the npm-based hook recipes of README.md's "### 2. Git pre-commit
# hook" (husky, lefthook, lint-staged) end to end with the real, pinned
# packages from the npm registry. The pre-commit framework's recipe has its
# own script, scripts/check-pre-commit.sh, which also takes its config from
# the README.
#
# For each recipe the commands are taken from README.md, not retyped: the
# code blocks after the recipe's bold label, in order, up to the next label.
# A block whose first line names a file (`# lefthook.yml`,
# `// lint-staged.config.js`) is written to that file; a `sh` block is run
# with bash in the repository. The one change made to the commands: the
# package `fpcheck` in an `npm install` line is replaced by the fpcheck
# tarballs under test. Then, in a temporary git repository holding a small
# mini-program project:
#   - the first commit, which stages a violation, is refused with the
#     finding shown (nothing goes in unchecked);
#   - a clean commit goes through;
#   - a violating commit is refused with the finding shown;
#   - a teammate who clones the repository and only runs `npm install`
#     gets the hook: their violating commit is refused, a clean one passes.
#
# The fpcheck that the hooks run is node_modules/.bin/fpcheck, installed by
# npm from tarballs: those in FPCHECK_NPM_DIR (the `fpcheck` package and
# the per-platform package for this machine, as scripts/npm/pack.sh makes
# them) when it is set; otherwise a STAND-IN made here, a package named
# fpcheck whose bin is a small Node script that execs the fpcheck built by
# `go build` (it only stands in until the real npm packages are built in
# CI).
#
#   bash scripts/test-hooks.sh                  # stand-in package
#   FPCHECK_NPM_DIR=dist/npm bash scripts/test-hooks.sh
#
# Then WeChat DevTools' pre-upload command (README.md's "### WeChat
# DevTools' pre-upload command"): the project.config.json snippet is valid
# for fpcheck, its command refuses a violating project, and miniprogram-ci
# (installed into FPCHECK_TOOLS, as scripts/difftest/run.sh does) uploads
# without running it (scripts/difftest/before-upload.js, offline).
#
# Runs with a temporary HOME, npm cache and git config; needs git, go (for
# the stand-in), node and npm, and the npm registry (npm_config_registry is
# honored, for a mirror). The last line is "N passed, M failed"; the exit
# status is 1 if any check failed.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
readme="$repo/README.md"
section='### 2. Git pre-commit hook'
# The versions the README pins; a recipe that stops pinning them fails.
HUSKY_VERSION=9.1.7
LEFTHOOK_VERSION=2.2.1
LINT_STAGED_VERSION=16.4.0

work=$(mktemp -d)
cleanup() { if [ "${KEEP:-}" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi; }
trap cleanup EXIT

TOOLS="${FPCHECK_TOOLS:-$HOME/.cache/fpcheck-tools}"
MPCI_VERSION=2.1.42
# Go keeps its caches where they are (the temporary HOME would move them).
GOCACHE=$(go env GOCACHE) GOMODCACHE=$(go env GOMODCACHE) GOPATH=$(go env GOPATH)
export GOCACHE GOMODCACHE GOPATH
# A teammate's machine: its own HOME, npm cache and git config, not CI (both
# husky and lefthook behave differently under CI=true), English output.
export HOME="$work/home"
export npm_config_cache="$work/npm-cache"
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
export GIT_CONFIG_GLOBAL="$work/gitconfig" GIT_CONFIG_NOSYSTEM=1
unset CI GITHUB_ACTIONS LC_ALL LC_MESSAGES HUSKY LEFTHOOK
export LANG=C.UTF-8
mkdir -p "$HOME"
git config --global user.email dev@example.com
git config --global user.name Dev
git config --global commit.gpgsign false
git config --global init.defaultBranch main

passed=0 failed=0
pass() { passed=$((passed + 1)); echo "ok:   $1"; }
fail() {
  failed=$((failed + 1)); echo "FAIL: $1"
  if [ -n "${2:-}" ]; then printf '%s\n' "$2" | tail -n 40 | sed 's/^/      | /'; fi
}
# check NAME WANT OUTPUT CODE SUBSTRING...: the exit code is WANT
# ("nonzero" for any failure) and OUTPUT holds every SUBSTRING.
check() {
  local name=$1 want=$2 out=$3 code=$4; shift 4
  if [ "$want" = nonzero ] && [ "$code" -eq 0 ]; then fail "$name: exit 0, want non-zero" "$out"; return 1; fi
  if [ "$want" != nonzero ] && [ "$code" -ne "$want" ]; then fail "$name: exit $code, want $want" "$out"; return 1; fi
  local s
  for s in "$@"; do
    if [[ "$out" != *"$s"* ]]; then fail "$name: output lacks '$s'" "$out"; return 1; fi
  done
  pass "$name"
}
# run DIR CMD...: sets out and code.
run() {
  local d=$1; shift
  out=$(cd "$d" && "$@" 2>&1) && code=0 || code=$?
}

# --- the fpcheck npm packages under test -----------------------------------
fpcheck_tarballs=()
if [ -n "${FPCHECK_NPM_DIR:-}" ]; then
  echo "== fpcheck packages from FPCHECK_NPM_DIR=$FPCHECK_NPM_DIR"
  for t in "$FPCHECK_NPM_DIR"/*.tgz; do
    [ -e "$t" ] || continue
    # "main" for the fpcheck package, "platform" for this machine's native
    # package (its os and cpu fields), nothing for the others.
    kind=$(tar -xzOf "$t" package/package.json | node -e '
      const p = JSON.parse(require("fs").readFileSync(0, "utf8"));
      const has = (l, v) => !l || l.includes(v);
      if (p.name === "fpcheck") console.log("main");
      else if (p.os && p.cpu && has(p.os, process.platform) && has(p.cpu, process.arch)) console.log("platform");')
    if [ -n "$kind" ]; then
      fpcheck_tarballs+=("$(cd "$(dirname "$t")" && pwd)/$(basename "$t")")
      echo "   $kind: $(basename "$t")"
    fi
  done
  if [ "${#fpcheck_tarballs[@]}" -lt 2 ]; then
    echo "FPCHECK_NPM_DIR has no fpcheck tarball and one for $(node -p 'process.platform + "-" + process.arch')"
    echo "0 passed, 1 failed"; exit 1
  fi
else
  echo "== fpcheck packages: a STAND-IN (FPCHECK_NPM_DIR is not set)"
  s="$work/standin"
  mkdir -p "$s/bin" "$work/npm"
  (cd "$repo" && go build -o "$s/bin/fpcheck-native" ./cmd/fpcheck)
  cat >"$s/package.json" <<'EOF'
{
  "name": "fpcheck",
  "version": "0.0.0-standin",
  "description": "STAND-IN for the fpcheck npm package, made by scripts/test-hooks.sh: its bin execs a fpcheck built with go build",
  "license": "MIT",
  "bin": {"fpcheck": "bin/fpcheck.js"},
  "files": ["bin"]
}
EOF
  cat >"$s/bin/fpcheck.js" <<'EOF'
#!/usr/bin/env node
// STAND-IN launcher made by scripts/test-hooks.sh, not the real fpcheck npm
// package: it runs the fpcheck binary next to it, built with `go build`.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const exe = path.join(__dirname, 'fpcheck-native');
try { fs.chmodSync(exe, 0o755); } catch (e) { /* read-only: try as it is */ }
const r = spawnSync(exe, process.argv.slice(2), { stdio: 'inherit' });
if (r.error) { console.error(`fpcheck (stand-in): ${r.error.message}`); process.exit(2); }
if (r.signal) process.kill(process.pid, r.signal);
process.exit(r.status);
EOF
  (cd "$work/npm" && npm pack "$s" >/dev/null 2>"$work/npm/pack.log") || { cat "$work/npm/pack.log"; exit 1; }
  fpcheck_tarballs=("$work/npm/fpcheck-0.0.0-standin.tgz")
fi

# --- the README's recipes ---------------------------------------------------
# blocks LABEL OUTDIR: writes the code blocks that follow the line starting
# with LABEL in README.md's hook section, up to the next bold label or
# heading, to OUTDIR/1.LANG, OUTDIR/2.LANG, …; prints how many.
blocks() {
  mkdir -p "$2"
  awk -v label="$1" -v section="$section" -v out="$2" '
    $0 == section { insec = 1; next }
    insec && /^##/ { insec = 0 }
    !insec { next }
    !inrecipe && index($0, label) == 1 { inrecipe = 1; next }
    !inrecipe { next }
    infence && /^```/ { infence = 0; close(f); next }
    infence { print > f; next }
    /^```/ { n++; lang = substr($0, 4); if (lang == "") lang = "txt"; f = out "/" n "." lang; printf "" > f; infence = 1; next }
    /^\*\*/ { exit }
    END { print n + 0 }
  ' "$readme"
}

# apply DIR BLOCKDIR: does what the recipe's blocks say, in order, in DIR.
apply() {
  local d=$1 b f first target
  # The blocks are named N.LANG by blocks(), so a numeric sort orders them.
  for b in $(find "$2" -maxdepth 1 -type f -printf '%f\n' | sort -n); do
    f="$2/$b"
    first=$(head -n 1 "$f")
    case "$first" in
    '# '*.yml | '# '*.yaml | '// '*.js | '// '*.mjs | '// '*.cjs | '# '.husky/*)
      target=${first#\# }; target=${target#// }
      mkdir -p "$d/$(dirname "$target")"
      cp "$f" "$d/$target"
      echo "   wrote $target"
      ;;
    *)
      case "$b" in
      *.sh) ;;
      *) echo "   block $b is neither a file nor sh"; return 1 ;;
      esac
      # The one change: `fpcheck` in `npm install` becomes the tarballs.
      local line script=""
      while IFS= read -r line; do
        if [[ "$line" == "npm install "* ]]; then
          line=$(printf '%s\n' "$line" | sed -E "s#(^| )fpcheck(@[^ ]*)?( |\$)#\\1${fpcheck_tarballs[*]}\\3#")
        fi
        script+="$line"$'\n'
        echo "   \$ $line"
      done <"$f"
      if ! (cd "$d" && bash -euo pipefail -c "$script") >"$work/last.log" 2>&1; then
        echo "   the commands failed:"; sed 's/^/      | /' "$work/last.log"
        return 1
      fi
      ;;
    esac
  done
}

# clean_project, payment_clean, payment_crossing, navigator
# shellcheck source=scripts/lib/project.sh
source "$repo/scripts/lib/project.sh"

# project DIR writes a small clean plugin project whose host mini-program
# has independent functional pages, with a package.json (a mini-program
# team's project has one) and node_modules ignored.
project() {
  clean_project "$1"
  printf '%s\n' '{' '  "name": "mini-shop",' '  "version": "1.0.0",' '  "private": true' '}' >"$1/package.json"
  printf '%s\n' 'node_modules/' >"$1/.gitignore"
}
# Findings are named by location, level and rule ID, never by their text.
crossing='miniprogram/functional-pages/request-payment.js:1:26: error: '
rule='[functional-pages-boundary]'
payment=miniprogram/functional-pages/request-payment.js

# commits NAME DIR: the commit checks in DIR, a repository whose hook is set.
commits() {
  local name=$1 d=$2 head
  payment_crossing >"$d/$payment"
  git -C "$d" add -A
  run "$d" git commit -m "first commit, with a violation"
  check "$name: the first commit, violating, is refused with the finding" nonzero "$out" "$code" "$crossing" "$rule" || true
  if git -C "$d" rev-parse -q --verify HEAD >/dev/null; then fail "$name: the refused first commit was made"; fi

  payment_clean >"$d/$payment"
  git -C "$d" add -A
  run "$d" git commit -m "clean project"
  check "$name: a clean commit goes through" 0 "$out" "$code" || true

  head=$(git -C "$d" rev-parse HEAD)
  payment_crossing >"$d/$payment"
  git -C "$d" add -A
  run "$d" git commit -m "violation"
  check "$name: a violating commit is refused with the finding" nonzero "$out" "$code" "$crossing" "$rule" || true
  if [ "$(git -C "$d" rev-parse HEAD)" != "$head" ]; then fail "$name: the refused commit moved HEAD"; fi
  payment_clean >"$d/$payment"
  git -C "$d" add -A
}

# teammate NAME DIR: DIR's commits pushed; a clone that only runs `npm
# install` has a working hook.
teammate() {
  local name=$1 d=$2 m="$work/$1-teammate" origin="$work/$1-origin.git" head
  git init -q --bare "$origin"
  git -C "$d" push -q "$origin" HEAD:main
  git clone -q "$origin" "$m"
  run "$m" npm install
  check "$name: the teammate's npm install" 0 "$out" "$code" || return 0
  head=$(git -C "$m" rev-parse HEAD)
  payment_crossing >"$m/$payment"
  git -C "$m" add -A
  run "$m" git commit -m "teammate's violation"
  check "$name: the teammate (only npm install) gets the hook: a violating commit is refused" nonzero "$out" "$code" "$crossing" "$rule" || true
  if [ "$(git -C "$m" rev-parse HEAD)" != "$head" ]; then fail "$name: the teammate's refused commit moved HEAD"; fi
  payment_clean >"$m/$payment"
  echo 'exports.fee = 1;' >"$m/miniprogram/utils/fee.js"
  git -C "$m" add -A
  run "$m" git commit -m "teammate's clean change"
  check "$name: the teammate's clean commit goes through" 0 "$out" "$code" || true
}

# recipe NAME LABEL PIN...: the README recipe under LABEL, which must
# mention every PIN, run and checked.
recipe() {
  local name=$1 label=$2; shift 2
  local b="$work/blocks/$name" d="$work/$name" n start=$SECONDS
  echo
  echo "== $name (README.md: $label)"
  n=$(blocks "$label" "$b")
  if [ "$n" -eq 0 ]; then fail "$name: README.md has no code block after a line starting with '$label' in '$section'"; return; fi
  local pin
  for pin in "$@"; do
    if ! cat "$b"/* | grep -qF -- "$pin"; then fail "$name: the README recipe does not pin $pin"; return; fi
  done
  mkdir -p "$d"
  git -C "$d" init -q
  project "$d"
  if ! apply "$d" "$b"; then fail "$name: the README's commands fail"; return; fi
  pass "$name: the README's commands run ($((SECONDS - start))s)"
  commits "$name" "$d"
  teammate "$name" "$d"
  echo "   ($((SECONDS - start))s)"
}

recipe husky '**husky**' "husky@$HUSKY_VERSION"
recipe lefthook '**lefthook**' "lefthook@$LEFTHOOK_VERSION"
recipe lint-staged '**lint-staged**' "husky@$HUSKY_VERSION" "lint-staged@$LINT_STAGED_VERSION"

# WeChat DevTools' pre-upload command: README.md's project.config.json
# snippet (the first ```json block after its heading) merged into the
# project; fpcheck must accept it, and its command, run as DevTools runs it
# (a shell in the project's folder), must pass a clean project and refuse a
# violating one. miniprogram-ci, which the README says never runs
# "scripts", is checked to upload without running them.
devtools() {
  local heading="### WeChat DevTools' pre-upload command" d="$work/devtools" cmd start=$SECONDS
  echo
  echo "== $heading"
  awk -v h="$heading" '$0 == h { found = 1; next }
    found && /^##/ { exit }
    found && infence && /^```/ { exit }
    found && infence { print; next }
    found && $0 == "```json" { infence = 1 }' "$readme" >"$work/devtools-snippet.json"
  mkdir -p "$d"
  git -C "$d" init -q
  project "$d"
  if ! cmd=$(node -e '
      const fs = require("fs");
      const snippet = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
      const pc = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
      if (!snippet.scripts || typeof snippet.scripts.beforeUpload !== "string") throw new Error("no scripts.beforeUpload");
      pc.scripts = snippet.scripts;
      fs.writeFileSync(process.argv[2], JSON.stringify(pc, null, 2) + "\n");
      console.log(snippet.scripts.beforeUpload);' "$work/devtools-snippet.json" "$d/project.config.json" 2>&1); then
    fail "README.md's project.config.json snippet after '$heading'" "$cmd$(printf '\n')$(cat "$work/devtools-snippet.json")"
    return
  fi
  echo "   beforeUpload: $cmd"
  run "$d" npm install --save-dev --save-exact "${fpcheck_tarballs[@]}"
  check "devtools: npm install" 0 "$out" "$code" || return 0
  run "$d" node_modules/.bin/fpcheck --format json .
  check "devtools: fpcheck accepts the snippet in project.config.json (no finding)" 0 "$out" "$code" '"findings": []' || true
  run "$d" sh -c "$cmd"
  check "devtools: beforeUpload on a clean project exits 0" 0 "$out" "$code" || true
  payment_crossing >"$d/$payment"
  run "$d" sh -c "$cmd"
  check "devtools: beforeUpload on a violating project fails with the finding" 1 "$out" "$code" "$crossing" "$rule" "block submission" || true

  local mpci="$TOOLS/miniprogram-ci/node_modules/miniprogram-ci"
  if ! grep -q "\"version\": \"$MPCI_VERSION\"" "$mpci/package.json" 2>/dev/null; then
    echo "   installing miniprogram-ci@$MPCI_VERSION into $TOOLS/miniprogram-ci"
    mkdir -p "$TOOLS/miniprogram-ci"
    npm i "miniprogram-ci@$MPCI_VERSION" --ignore-scripts --no-audit --no-fund --prefix "$TOOLS/miniprogram-ci" >"$work/mpci.log" 2>&1 ||
      { fail "devtools: installing miniprogram-ci@$MPCI_VERSION" "$(cat "$work/mpci.log")"; return 0; }
  fi
  # From $work: miniprogram-ci leaves an empty hash-named folder in its
  # working directory.
  out=$(cd "$work" && MPCI_DIR="$mpci" timeout 120 node "$repo/scripts/difftest/before-upload.js" "$d" 2>"$work/before-upload.log") && code=0 || code=$?
  check "devtools: miniprogram-ci $MPCI_VERSION upload does not run scripts.beforeUpload (it reaches its upload request)" 0 "$out" "$code" \
    '"scriptsRan":false' '"reachedUpload":true' || tail -n 20 "$work/before-upload.log"
  echo "   ($((SECONDS - start))s)"
}
devtools

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
