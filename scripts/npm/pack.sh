#!/usr/bin/env bash
# Makes the seven npm packages from the release binaries in dist/ (made by
# GoReleaser, see scripts/check-release.sh) and `npm pack`s them into OUTDIR:
#
#   fpcheck-VERSION.tgz                 the launcher (npm/fpcheck), with an
#                                       optionalDependency on each of:
#   fpcheck-<os>-<cpu>-VERSION.tgz      @fpcheck/<os>-<cpu> (npm/platform):
#                                       bin/fpcheck[.exe], "os" and "cpu" set
#
# for linux, darwin, win32 × x64, arm64 (Node's names for GoReleaser's
# linux, darwin, windows × amd64, arm64).
#
#   bash scripts/npm/pack.sh [VERSION [OUTDIR]]
#
# VERSION defaults to dist/metadata.json's "version" (0.0.0-snapshot for a
# snapshot, 1.2.3 for the tag v1.2.3); OUTDIR to dist/npm. Publishing is
# `npm publish` of each platform tarball, then of fpcheck-VERSION.tgz.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
version=${1:-}
outdir=${2:-$root/dist/npm}
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)
cd "$root"
[ -f dist/artifacts.json ] || { echo "pack.sh: no dist/artifacts.json; run bash scripts/check-release.sh first" >&2; exit 2; }
if [ -z "$version" ]; then
  version=$(node -p 'require("./dist/metadata.json").version')
fi
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

# Lay out each package under $stage, one directory per package, and print
# the directories, the launcher's last.
node - "$version" "$stage" >"$stage/dirs" <<'EOF'
'use strict';
const fs = require('fs');
const path = require('path');
const [version, stage] = process.argv.slice(2);
const OS = { linux: 'linux', darwin: 'darwin', windows: 'win32' };
const CPU = { amd64: 'x64', arm64: 'arm64' };
const NAMES = { linux: 'Linux', darwin: 'macOS', win32: 'Windows' };
const die = (msg) => { console.error('pack.sh: ' + msg); process.exit(1); };

const template = JSON.parse(fs.readFileSync('npm/platform/package.json', 'utf8'));
const readme = fs.readFileSync('npm/platform/README.md', 'utf8');
const made = [];
for (const a of JSON.parse(fs.readFileSync('dist/artifacts.json', 'utf8'))) {
  if (a.type !== 'Binary') continue;
  const os = OS[a.goos], cpu = CPU[a.goarch];
  if (!os || !cpu) die(`no npm platform for ${a.goos}/${a.goarch}`);
  const platform = `${os}-${cpu}`;
  const name = `@fpcheck/${platform}`;
  if (made.includes(name)) die(`two binaries for ${platform}`);
  const dir = path.join(stage, platform);
  fs.mkdirSync(path.join(dir, 'bin'), { recursive: true });
  const pkg = { ...template, name, version, os: [os], cpu: [cpu] };
  pkg.description = template.description.replace('OS CPU', `${NAMES[os]} ${cpu}`);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
  fs.writeFileSync(path.join(dir, 'README.md'),
    readme.replace(/PLATFORM/g, platform).replace(/OS CPU/g, `${NAMES[os]} ${cpu}`));
  fs.copyFileSync('LICENSE', path.join(dir, 'LICENSE'));
  const bin = path.join(dir, 'bin', path.basename(a.path));
  fs.copyFileSync(a.path, bin);
  fs.chmodSync(bin, 0o755);
  made.push(name);
  console.log(dir);
}

const main = JSON.parse(fs.readFileSync('npm/fpcheck/package.json', 'utf8'));
const want = Object.keys(main.optionalDependencies).sort();
if (want.join() !== made.slice().sort().join()) {
  die(`dist/ has binaries for ${made.sort().join(', ')}; npm/fpcheck/package.json's optionalDependencies are ${want.join(', ')}`);
}
main.version = version;
for (const k of want) main.optionalDependencies[k] = version;
const dir = path.join(stage, 'fpcheck');
fs.mkdirSync(path.join(dir, 'bin'), { recursive: true });
fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(main, null, 2) + '\n');
fs.copyFileSync('npm/fpcheck/README.md', path.join(dir, 'README.md'));
fs.copyFileSync('LICENSE', path.join(dir, 'LICENSE'));
fs.copyFileSync('npm/fpcheck/bin/fpcheck.js', path.join(dir, 'bin', 'fpcheck.js'));
fs.chmodSync(path.join(dir, 'bin', 'fpcheck.js'), 0o755);
console.log(dir);
EOF

while read -r dir; do
  (cd "$dir" && npm pack --silent --pack-destination "$outdir" >/dev/null)
done <"$stage/dirs"
n=0
for f in "$outdir"/fpcheck-*"$version".tgz; do
  [ -f "$f" ] && n=$((n + 1)) && echo "$f"
done
[ "$n" -eq 7 ] || { echo "pack.sh: $n tarballs in $outdir for $version, want 7" >&2; exit 1; }
