#!/usr/bin/env bash
# Builds the Docker image (Dockerfile) and checks it, with the commands
# README.md's "GitLab CI and Jenkins" section gives (TestReadmeDockerCommands
# fails when they differ): the image runs as a non-root user, prints the
# version it was built with, and checks the demo mounted read-only (exit 1,
# its findings' summary; a valid GitLab report on standard output).
#
#   bash scripts/check-docker.sh
#
# Where no Docker daemon runs (this CI's machine has only the client), it
# says so and succeeds.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v docker >/dev/null 2>&1 || ! docker info >/dev/null 2>&1; then
  echo "docker: no daemon here; skipped"
  exit 0
fi
fail=0
bad() { echo "FAIL: $*"; fail=1; }
repo=$PWD
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

docker build -t fpcheck --build-arg VERSION="$(git describe --tags --always)" .
version=$(git describe --tags --always)
version=${version#v}

user=$(docker inspect --format '{{.Config.User}}' fpcheck)
case "$user" in
  "" | 0 | 0:* | root | root:*) bad "the image runs as root (Config.User is \"$user\")" ;;
  *) echo "image user: $user" ;;
esac
got=$(docker run --rm fpcheck --version)
[ "$got" = "fpcheck $version" ] || bad "--version printed \"$got\", want \"fpcheck $version\""

# The demo, as a checkout would have it, mounted read-only.
cp -R examples/demo "$tmp/demo"
cd "$tmp/demo"
(
  docker run --rm -v "$PWD:/src:ro" fpcheck
) > "$tmp/out.txt" && code=0 || code=$?
[ "$code" -eq 1 ] || bad "fpcheck in the image exited $code on the demo, want 1"
tail -n 1 "$tmp/out.txt"
grep -qx 'fpcheck: 4 problems (3 errors, 1 warning) in 16 files' "$tmp/out.txt" || bad "no summary line for the demo:
$(cat "$tmp/out.txt")"
(
  docker run --rm -v "$PWD:/src:ro" fpcheck --format gitlab . > gl-code-quality-report.json
) && code=0 || code=$?
[ "$code" -eq 1 ] || bad "--format gitlab exited $code, want 1"
node -e '
  const issues = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  if (!Array.isArray(issues) || issues.length !== 4) throw new Error("want 4 issues, got " + JSON.stringify(issues));
  for (const i of issues) if (!i.fingerprint || !i.check_name || !i.location.path || !i.location.lines.begin) throw new Error("incomplete issue " + JSON.stringify(i));
' gl-code-quality-report.json || bad "gl-code-quality-report.json is not the demo's Code Quality report"
cd "$repo"

[ "$fail" -eq 0 ] || exit 1
echo "docker: the image builds, runs as $user and checks a read-only project"
