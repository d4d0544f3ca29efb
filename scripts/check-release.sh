#!/usr/bin/env bash
# Builds the release in snapshot mode with GoReleaser (.goreleaser.yaml)
# and checks what it made: an archive for each of linux, darwin and windows
# on amd64 and arm64, each holding the binary, LICENSE and both READMEs;
# checksums.txt that verifies every archive; static binaries
# (CGO_ENABLED=0); and the host's binary printing the snapshot version.
#
#   bash scripts/check-release.sh        # GoReleaser v2.15.1 on PATH or installed into $GOBIN
#
# Leaves dist/ for the npm and Action checks that use the binaries.
set -euo pipefail
cd "$(dirname "$0")/.."
GORELEASER_VERSION=v2.15.1
if ! goreleaser --version 2>/dev/null | grep -q "GitVersion: *${GORELEASER_VERSION#v}$"; then
  go install "github.com/goreleaser/goreleaser/v2@$GORELEASER_VERSION"
fi
goreleaser check
goreleaser release --snapshot --clean >/tmp/fpcheck-goreleaser.log 2>&1 || { cat /tmp/fpcheck-goreleaser.log; exit 1; }

fail=0
bad() { echo "FAIL: $*"; fail=1; }
version=$(python3 -c 'import json; print(json.load(open("dist/metadata.json"))["version"])')
echo "snapshot version $version"
for os in linux darwin windows; do
  for arch in amd64 arm64; do
    ext=tar.gz bin=fpcheck
    [ "$os" = windows ] && ext=zip bin=fpcheck.exe
    a="dist/fpcheck_${version}_${os}_${arch}.$ext"
    [ -f "$a" ] || { bad "no archive $a"; continue; }
    if [ "$ext" = zip ]; then
      list=$(python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$a")
    else
      list=$(tar -tzf "$a")
    fi
    for f in "$bin" LICENSE README.md README.zh-CN.md; do
      grep -qx "$f" <<<"$list" || bad "$a lacks $f"
    done
    grep -q " $(basename "$a")$" dist/checksums.txt || bad "checksums.txt does not list $a"
    b=$(python3 -c 'import json, sys
for x in json.load(open("dist/artifacts.json")):
    if x["type"] == "Binary" and x["goos"] == sys.argv[1] and x["goarch"] == sys.argv[2]:
        print(x["path"])' "$os" "$arch")
    [ -n "$b" ] && go version -m "$b" | grep -q 'CGO_ENABLED=0' || bad "$os/$arch binary is not built with CGO_ENABLED=0"
  done
done
n=$(ls dist/*.tar.gz dist/*.zip | wc -l)
[ "$n" -eq 6 ] || bad "$n archives, want 6"
(cd dist && sha256sum --quiet -c checksums.txt) || bad "checksums.txt does not verify"
host=$(python3 -c 'import json
for x in json.load(open("dist/artifacts.json")):
    if x["type"] == "Binary" and x["goos"] == "linux" and x["goarch"] == "amd64":
        print(x["path"])')
if [ "$(uname -s)-$(uname -m)" = Linux-x86_64 ]; then
  got=$("$host" --version)
  [ "$got" = "fpcheck $version" ] || bad "--version prints '$got', want 'fpcheck $version'"
  "$host" examples/demo >/dev/null && code=0 || code=$?
  [ "$code" -eq 1 ] || bad "the release binary exits $code on the demo, want 1"
fi
[ "$fail" -eq 0 ] && echo "release: 6 archives, checksums, static binaries: ok"
exit "$fail"
