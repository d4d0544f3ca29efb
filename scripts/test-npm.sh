#!/usr/bin/env bash
# End-to-end test of the npm packages (npm/, packed by scripts/npm/pack.sh
# from the release binaries in dist/) and of every command in README.md's
# "## Install" section:
#
#   1. npm install --save-dev + an npm script ("lint:mp": "fpcheck .", as in
#      the README) on a copy of examples/demo: exit 1, the English summary;
#   2. npx fpcheck: --version, a project given as DIR, a usage error (2);
#   3. pnpm add -D + pnpm exec fpcheck: the same;
#   4. installed with --omit=optional: the launcher says what is missing and
#      why, in English and Chinese, and exits 2;
#   5. SIGTERM to the launcher ends fpcheck (no orphan) and the launcher
#      dies of SIGTERM (143);
#   6. the release-binary commands (sha256sum -c, tar) on dist/, and the
#      `go install …@latest` line against a local module proxy.
#
#   bash scripts/test-npm.sh      # needs dist/ (made by scripts/check-release.sh if missing)
#
# Nothing is published, so the packages are installed from their tarballs:
# an install line of the README is run as written with the package name
# `fpcheck` replaced by the tarball of fpcheck and that of the host's
# platform package. The registry is left as it is (npm's default): fpcheck's
# optionalDependencies on the other five platforms' packages are looked up
# there, get 404 (they are not published yet) and, being optional, are
# skipped with no error, exactly as npm skips them once published because
# their "os"/"cpu" do not match. The npm and pnpm caches are temporary.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
PNPM_VERSION=12.4.2
unset LC_ALL LC_MESSAGES
export LANG=C.UTF-8

[ -f dist/artifacts.json ] || bash scripts/check-release.sh
version=$(node -p 'require("./dist/metadata.json").version')
platform=$(node -p 'process.platform + "-" + process.arch')

tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
export npm_config_cache="$tmp/npm-cache" npm_config_audit=false npm_config_fund=false \
  npm_config_update_notifier=false npm_config_loglevel=error
export XDG_CACHE_HOME="$tmp/xdg/cache" XDG_DATA_HOME="$tmp/xdg/data" XDG_STATE_HOME="$tmp/xdg/state" XDG_CONFIG_HOME="$tmp/xdg/config"
unset FPCHECK_BINARY

passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok: $*"; }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }
summary='4 problems (3 errors, 1 warning)'
section() { echo "== $* (${SECONDS}s)"; }

# run LABEL WANT_CODE WANT_TEXT CMD...: runs CMD, checks its exit code and
# that its output (stdout and stderr) contains WANT_TEXT.
run() {
  local label=$1 want=$2 text=$3 code=0
  shift 3
  "$@" >"$tmp/out" 2>&1 || code=$?
  if [ "$code" -ne "$want" ]; then
    bad "$label: exit $code, want $want"; sed 's/^/    /' "$tmp/out" | tail -n 20; return
  fi
  if [ -n "$text" ] && ! grep -qF -- "$text" "$tmp/out"; then
    bad "$label: output lacks '$text'"; sed 's/^/    /' "$tmp/out" | tail -n 20; return
  fi
  ok "$label (exit $code, '$text')"
}

section "pack (scripts/npm/pack.sh $version)"
bash scripts/npm/pack.sh "$version" "$tmp/pkgs"
main="$tmp/pkgs/fpcheck-$version.tgz"
host="$tmp/pkgs/fpcheck-$platform-$version.tgz"
[ -f "$host" ] || { echo "no platform package for this host ($platform)"; exit 1; }
for t in "$tmp"/pkgs/*.tgz; do
  if tar -xzOf "$t" package/package.json | node -e '
      const s = JSON.parse(require("fs").readFileSync(0, "utf8")).scripts || {};
      process.exit(["preinstall", "install", "postinstall", "prepare"].some((k) => k in s) ? 1 : 0)'; then
    :
  else
    bad "$(basename "$t") has an install script"
  fi
done
ok "7 tarballs, none with an install script (nothing is downloaded at install time)"
# The packed manifests: what npm, pnpm and Yarn PnP go by.
if msg=$(node - "$tmp/pkgs" "$version" 2>&1 <<'NODE'
const path = require('path'), cp = require('child_process');
const [dir, version] = process.argv.slice(2);
const read = (t, f) => cp.execFileSync('tar', ['-xzOf', path.join(dir, t), 'package/' + f]).toString();
const manifest = (t) => JSON.parse(read(t, 'package.json'));
const launcher = read(`fpcheck-${version}.tgz`, 'bin/fpcheck.js');
const main = manifest(`fpcheck-${version}.tgz`);
const errs = [];
if (main.bin.fpcheck !== 'bin/fpcheck.js') errs.push('fpcheck: bin');
if (main.engines.node !== '>=16' || main.license !== 'MIT' || !main.keywords.includes('微信小程序') || !main.keywords.includes('miniprogram')) {
  errs.push('fpcheck: engines, license or keywords');
}
const deps = Object.entries(main.optionalDependencies);
if (deps.length !== 6) errs.push(`fpcheck: ${deps.length} optionalDependencies, want 6`);
for (const [name, v] of deps) {
  const platform = name.replace('@fpcheck/', '');
  const [os, cpu] = platform.split('-');
  if (v !== version) errs.push(`${name}: optionalDependency on ${v}, want ${version}`);
  const p = manifest(`fpcheck-${platform}-${version}.tgz`);
  if (p.name !== name || p.version !== version || p.os.join() !== os || p.cpu.join() !== cpu || p.preferUnplugged !== true || p.license !== 'MIT') {
    errs.push(`${name}: name, version, os, cpu, preferUnplugged or license`);
  }
  if (!launcher.includes(`'${os} ${cpu}': '${name}'`)) errs.push(`the launcher does not map ${os} ${cpu} to ${name}`);
}
console.log(errs.join('; '));
process.exit(errs.length ? 1 : 0);
NODE
); then
  ok "manifests: bin, engines, licence, keywords; 6 platform packages at $version with os, cpu, preferUnplugged, each known to the launcher"
else
  bad "manifests: $msg"
fi

# The Install section's code blocks: every command line of its sh blocks is
# run below (an unknown one fails the test), the json block is the npm
# script.
node - "$root/README.md" >"$tmp/readme" <<'EOF'
const md = require('fs').readFileSync(process.argv[2], 'utf8');
const sec = md.split('\n## Install\n')[1].split('\n## ')[0];
const re = /^```(\w*)\n([\s\S]*?)^```$/gm;
let m;
while ((m = re.exec(sec))) {
  for (const l of m[2].split('\n')) {
    const cmd = l.replace(/\s+#.*$/, '').trim();
    if (!cmd) continue;
    console.log(m[1] === 'json' ? 'json\t' + JSON.stringify(JSON.parse(m[2]).scripts) : 'sh\t' + cmd);
    if (m[1] === 'json') break;
  }
}
EOF
readme_line() { grep -m1 -P "^sh\t$1" "$tmp/readme" | cut -f2; }
mapfile -t handled < <(printf '%s\n' \
  'npm install --save-dev fpcheck' 'npx fpcheck' 'npm run lint:mp' \
  'pnpm add -D fpcheck' 'pnpm exec fpcheck' \
  'npm install --save-dev fpcheck --registry=https://registry.npmmirror.com' \
  'sha256sum -c checksums.txt --ignore-missing' 'tar -xzf fpcheck_*_linux_amd64.tar.gz fpcheck' \
  './fpcheck --version' 'go install github.com/fpcheck/fpcheck/cmd/fpcheck@latest')
while IFS=$'\t' read -r kind cmd; do
  [ "$kind" = sh ] || continue
  printf '%s\n' "${handled[@]}" | grep -qxF -- "$cmd" || bad "README.md's Install section has a command this test does not run: $cmd"
done <"$tmp/readme"
for cmd in "${handled[@]}"; do
  grep -qxF -- "sh	$cmd" "$tmp/readme" || bad "README.md's Install section no longer has: $cmd"
done
scripts=$(grep -m1 -P '^json\t' "$tmp/readme" | cut -f2)
[ "$scripts" = '{"lint:mp":"fpcheck ."}' ] || bad "README.md's npm script block is $scripts, want {\"lint:mp\":\"fpcheck .\"}"

# with_tarballs CMD: CMD with the package `fpcheck` replaced by the tarballs.
with_tarballs() {
  local cmd="$1 "
  cmd=${cmd/ fpcheck / $main $host }
  echo "${cmd% }"
}

demo() { rm -rf "$1" && cp -a examples/demo "$1"; }

section "1. npm install --save-dev, npm script (on a copy of examples/demo)"
proj="$tmp/npm-project"
demo "$proj"
(cd "$proj" && npm init -y >/dev/null && node -e '
  const fs = require("fs"), p = JSON.parse(fs.readFileSync("package.json", "utf8"));
  p.scripts = { ...p.scripts, ...JSON.parse(process.argv[1]) };
  fs.writeFileSync("package.json", JSON.stringify(p, null, 2) + "\n")' "$scripts")
install=$(readme_line 'npm install --save-dev fpcheck$')
run "$install" 0 "added 2 packages" bash -c "cd '$proj' && $(with_tarballs "$install") --loglevel=notice"
if [ -x "$proj/node_modules/@fpcheck/$platform/bin/fpcheck" ]; then
  ok "node_modules/@fpcheck/$platform/bin/fpcheck is executable"
else
  bad "no executable node_modules/@fpcheck/$platform/bin/fpcheck"
fi
others=
for d in "$proj"/node_modules/@fpcheck/*; do
  [ "$(basename "$d")" = "$platform" ] || others="$others $(basename "$d")"
done
if [ -z "$others" ]; then ok "no other platform's package installed"; else bad "other platforms installed:$others"; fi
run "npm run lint:mp" 1 "$summary" bash -c "cd '$proj' && npm run lint:mp"

section "2. npx fpcheck"
run "npx fpcheck (the README's, in the project)" 1 "$summary" bash -c "cd '$proj' && $(readme_line 'npx fpcheck$')"
run "npx fpcheck --version" 0 "fpcheck $version" bash -c "cd '$proj' && npx fpcheck --version"
demo "$tmp/examples-copy"
run "npx fpcheck DIR" 1 "$summary" bash -c "cd '$proj' && npx fpcheck '$tmp/examples-copy'"
run "npx fpcheck --no-such-flag (usage error)" 2 "no-such-flag" bash -c "cd '$proj' && npx fpcheck --no-such-flag"

section "3. pnpm $PNPM_VERSION"
pnpm() { npx --yes "pnpm@$PNPM_VERSION" "$@"; }
export -f pnpm
export PNPM_VERSION
pproj="$tmp/pnpm-project"
demo "$pproj"
echo '{"name":"pnpm-project","version":"1.0.0","private":true}' >"$pproj/package.json"
install=$(readme_line 'pnpm add -D fpcheck')
run "$install" 0 "fpcheck $version" bash -c "cd '$pproj' && $(with_tarballs "$install") --store-dir '$tmp/pnpm-store'"
run "pnpm exec fpcheck (the README's)" 1 "$summary" bash -c "cd '$pproj' && $(readme_line 'pnpm exec fpcheck')"
run "pnpm exec fpcheck --version" 0 "fpcheck $version" bash -c "cd '$pproj' && pnpm exec fpcheck --version"

section "npm install with --registry=npmmirror (no postinstall download, so a mirror is enough)"
mproj="$tmp/mirror-project"
demo "$mproj"
(cd "$mproj" && npm init -y >/dev/null)
install=$(readme_line 'npm install --save-dev fpcheck --registry=')
if node -e 'require("https").get("https://registry.npmmirror.com/fpcheck", (r) => process.exit(0)).on("error", () => process.exit(1)).setTimeout(5000, () => process.exit(1))' 2>/dev/null; then
  cmd=$(with_tarballs "$install")
else
  # No route to npmmirror from here: the same line against a local
  # registry that has none of the packages (as npmmirror before they are
  # synced); the install needs nothing from it.
  node -e 'require("http").createServer((q, r) => { r.writeHead(404, {"content-type": "application/json"}); r.end("{}"); }).listen(0, "127.0.0.1", function () { require("fs").writeFileSync(process.argv[1], String(this.address().port)); })' "$tmp/port" &
  pids+=($!)
  for _ in $(seq 50); do [ -s "$tmp/port" ] && break; sleep 0.1; done
  echo "registry.npmmirror.com is not reachable from here; using a local empty registry instead"
  cmd=$(with_tarballs "$install" | sed "s#https://registry.npmmirror.com#http://127.0.0.1:$(cat "$tmp/port")#")
fi
run "$install" 0 "added 2 packages" bash -c "cd '$mproj' && $cmd --loglevel=notice"
run "npx fpcheck after the mirror install" 1 "$summary" bash -c "cd '$mproj' && npx fpcheck"

section "4. installed with --omit=optional: the launcher's message"
oproj="$tmp/omit-project"
mkdir -p "$oproj"
(cd "$oproj" && npm init -y >/dev/null && npm install --save-dev --omit=optional "$main" >/dev/null)
[ ! -e "$oproj/node_modules/@fpcheck" ] || bad "--omit=optional installed a platform package"
for text in "@fpcheck/$platform" "--omit=optional" "another OS" "npm install --save-dev fpcheck@$version @fpcheck/$platform@$version" \
  "FPCHECK_BINARY" "未安装 @fpcheck/$platform" "在其他操作系统"; do
  run "missing platform package: '$text'" 2 "$text" bash -c "cd '$oproj' && npx fpcheck --version"
done
run "FPCHECK_BINARY with the omitted install" 0 "fpcheck $version" \
  env FPCHECK_BINARY="$proj/node_modules/@fpcheck/$platform/bin/fpcheck" "$oproj/node_modules/.bin/fpcheck" --version
run "FPCHECK_BINARY that does not exist" 2 "does not exist" env FPCHECK_BINARY="$tmp/nonexistent" "$oproj/node_modules/.bin/fpcheck"

section "5. SIGTERM to the launcher ends fpcheck"
# A stand-in for a long check (FPCHECK_BINARY): it writes its pid and
# sleeps; the launcher started as npm's bin link runs it.
cat >"$tmp/slow-fpcheck" <<'EOF'
#!/bin/sh
echo $$ >"$1"
exec sleep 60
EOF
chmod +x "$tmp/slow-fpcheck"
FPCHECK_BINARY="$tmp/slow-fpcheck" "$proj/node_modules/.bin/fpcheck" "$tmp/child.pid" &
launcher=$!
pids+=("$launcher")
for _ in $(seq 100); do [ -s "$tmp/child.pid" ] && break; sleep 0.1; done
child=$(cat "$tmp/child.pid" 2>/dev/null || true)
if [ -z "$child" ]; then
  bad "the launcher did not start FPCHECK_BINARY"
else
  pids+=("$child")
  kill -TERM "$launcher"
  code=0
  wait "$launcher" || code=$?
  if [ "$code" -eq 143 ]; then ok "the launcher died of SIGTERM (exit 143)"; else bad "the launcher exited $code after SIGTERM, want 143"; fi
  gone=no
  for _ in $(seq 50); do kill -0 "$child" 2>/dev/null || { gone=yes; break; }; sleep 0.1; done
  if [ "$gone" = yes ]; then ok "fpcheck (pid $child) ended with the launcher"; else bad "fpcheck (pid $child) outlived the launcher"; fi
fi
run "an exit code is forwarded (FPCHECK_BINARY exiting 7)" 7 "" \
  env FPCHECK_BINARY=/bin/sh "$proj/node_modules/.bin/fpcheck" -c 'exit 7'

section "6. release binaries and go install (README's Install section)"
rel="$tmp/release"
mkdir -p "$rel"
cp dist/checksums.txt "dist/fpcheck_${version}_linux_amd64.tar.gz" "$rel/"
run "$(readme_line 'sha256sum')" 0 "fpcheck_${version}_linux_amd64.tar.gz: OK" bash -c "cd '$rel' && $(readme_line 'sha256sum')"
run "$(readme_line 'tar ')" 0 "" bash -c "cd '$rel' && $(readme_line 'tar ') && test -x fpcheck"
if [ "$platform" = linux-x64 ]; then
  run "./fpcheck --version (the release binary)" 0 "fpcheck $version" bash -c "cd '$rel' && $(readme_line '\./fpcheck --version')"
else
  echo "skip: ./fpcheck --version runs the linux amd64 binary; this is $platform"
fi
# The macOS variant the README gives in prose.
if command -v shasum >/dev/null; then
  # shellcheck disable=SC2016 # backquotes as in the Markdown
  grep -qF 'use `shasum -a 256 -c` instead of `sha256sum -c`' README.md || bad "README.md no longer gives the shasum variant this test runs"
  run "shasum -a 256 -c (macOS)" 0 "fpcheck_${version}_linux_amd64.tar.gz: OK" \
    bash -c "cd '$rel' && $(readme_line 'sha256sum' | sed 's/sha256sum -c/shasum -a 256 -c/')"
fi
printf 'corrupted' >>"$rel/fpcheck_${version}_linux_amd64.tar.gz"
run "sha256sum -c refuses a corrupted archive" 1 "FAILED" bash -c "cd '$rel' && $(readme_line 'sha256sum')"

# go install …@latest, against a module proxy on disk that serves this
# checkout as v1.0.0 (nothing is tagged or published yet), in a temporary
# module cache; the module's dependencies come from the local module cache
# when it has them, else from the usual proxy.
gp="$tmp/goproxy/github.com/fpcheck/fpcheck/@v"
mkdir -p "$gp"
echo v1.0.0 >"$gp/list"
echo '{"Version":"v1.0.0","Time":"2026-01-01T00:00:00Z"}' >"$gp/v1.0.0.info"
cp go.mod "$gp/v1.0.0.mod"
git archive --format=zip --prefix=github.com/fpcheck/fpcheck@v1.0.0/ -o "$gp/v1.0.0.zip" HEAD
goinstall=$(readme_line 'go install')
run "$goinstall (local proxy: this checkout as v1.0.0)" 0 "" env GOBIN="$tmp/gobin" GOFLAGS=-modcacherw \
  GOPROXY="file://$tmp/goproxy,file://$(go env GOMODCACHE)/cache/download,${GOPROXY:-https://proxy.golang.org,direct}" GONOSUMDB=github.com/fpcheck/fpcheck \
  GOMODCACHE="$tmp/gomodcache" bash -c "$goinstall"
run "the go-installed fpcheck --version is the tag's" 0 "fpcheck 1.0.0" "$tmp/gobin/fpcheck" --version
run "the go-installed fpcheck on the demo" 1 "$summary" "$tmp/gobin/fpcheck" examples/demo

build='go build -o fpcheck ./cmd/fpcheck'
grep -qF "or build from a clone: \`$build\`" README.md || bad "README.md's Install section no longer says: or build from a clone: $build"
# In this checkout, as in a clone (./fpcheck is git-ignored); a binary
# that was there before is kept.
if [ -e fpcheck ]; then mv fpcheck "$tmp/fpcheck.before"; fi
run "$build" 0 "fpcheck " bash -c "$build && ./fpcheck --version"
rm -f fpcheck
if [ -e "$tmp/fpcheck.before" ]; then mv "$tmp/fpcheck.before" fpcheck; fi

echo
echo "npm: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
