#!/usr/bin/env bash
# Tests scripts/action-run.sh (the logic of the GitHub Action in action.yml)
# without GitHub, with the release binary of a local release (dist/ from
# scripts/check-release.sh, built first when it is missing): $GITHUB_OUTPUT, $GITHUB_STEP_SUMMARY and $RUNNER_TEMP are
# temp files, and the repositories the action would check out are temp
# directories. Needs go and node. Ends with "N passed, M failed" and exits
# non-zero when a check failed.

# shellcheck disable=SC2016 # backquotes in expected Markdown
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
repo=$(pwd)
export GOFLAGS="${GOFLAGS:--buildvcs=false}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); echo "ok   $*"; }
bad() { failed=$((failed + 1)); echo "FAIL $*"; }
check() { # description command...
	local what=$1
	shift
	if "$@"; then ok "$what"; else bad "$what"; fi
}

# act NAME MODE [VAR=VALUE...]: runs action-run.sh MODE in a clean
# environment of the given variables, from the directory $cwd (default: the
# repository). Leaves $work/NAME/{out,summary,stdout,stderr,rc,runner}.
cwd=$repo
# Go's settings pass through (GOFLAGS, GOPROXY, GOTOOLCHAIN, ...); nothing
# else of this environment does, least of all a real runner's GITHUB_*.
mapfile -t goenv < <(env | grep -E '^(GO[A-Z0-9_]*|TMPDIR)=' || true)
act() {
	local name=$1 mode=$2
	shift 2
	local d="$work/$name"
	mkdir -p "$d/runner"
	: >"$d/out"
	: >"$d/summary"
	: >"$d/path"
	(cd "$cwd" && env -i PATH="$PATH" HOME="$HOME" "${goenv[@]}" \
		GITHUB_OUTPUT="$d/out" GITHUB_STEP_SUMMARY="$d/summary" GITHUB_PATH="$d/path" RUNNER_TEMP="$d/runner" \
		"$@" bash "$repo/scripts/action-run.sh" "$mode" >"$d/stdout" 2>"$d/stderr")
	echo $? >"$d/rc"
}
rc() { cat "$work/$1/rc"; }
out() { sed -n "s/^$2=//p" "$work/$1/out" | tail -n 1; }
has() { grep -qF -- "$2" "$1"; }
show() { # print a failed case's files
	local f
	for f in rc out stdout stderr summary; do
		echo "--- $1/$f"
		head -n 20 "$work/$1/$f"
	done
}
# sarif_check FILE PREFIX: valid JSON, SARIF 2.1.0, one run, every result
# location URI starting with PREFIX; prints the result count.
sarif_check() {
	node -e '
		const [file, prefix] = process.argv.slice(1);
		const log = JSON.parse(require("fs").readFileSync(file, "utf8"));
		if (log.version !== "2.1.0" || log.runs.length !== 1) throw new Error("not one SARIF 2.1.0 run");
		const results = log.runs[0].results || [];
		for (const r of results)
			for (const l of r.locations) {
				const uri = l.physicalLocation.artifactLocation.uri;
				if (!uri.startsWith(prefix)) throw new Error("uri " + uri + " does not start with " + prefix);
			}
		console.log(results.length);
	' "$1" "$2"
}

# A local release: the dist/ of scripts/check-release.sh (GoReleaser's
# snapshot) laid out as GitHub serves a release, BASE/download/vV/NAME,
# with BASE/latest naming the newest tag (what GitHub's /releases/latest
# redirect says).
if [ ! -f dist/checksums.txt ] || [ ! -f dist/metadata.json ]; then
	echo "== no dist/: building the snapshot release (scripts/check-release.sh)"
	bash scripts/check-release.sh || { echo "0 passed, 1 failed (check-release.sh)"; exit 1; }
fi
V=$(node -p 'require("./dist/metadata.json").version')
rel="$work/releases"
mkdir -p "$rel/download/v$V"
cp dist/fpcheck_"${V}"_* dist/checksums.txt "$rel/download/v$V/"
echo "v$V" >"$rel/latest"
case "$(uname -s)/$(uname -m)" in
Linux/x86_64) host=linux_amd64 ;;
Linux/aarch64) host=linux_arm64 ;;
Darwin/x86_64) host=darwin_amd64 ;;
Darwin/arm64) host=darwin_arm64 ;;
*) host="" ;;
esac
hostarchive="fpcheck_${V}_$host.tar.gz"

echo "== install: the release binary for the runner, verified against checksums.txt (local release $V)"
act install install FPCHECK_RELEASE_BASE_URL="$rel"
fpcheck=$(out install fpcheck)
if [ "$(rc install)" = 0 ] && [ -x "$fpcheck" ]; then ok "install (no version, no ref: the latest release) installs fpcheck and outputs its path"; else bad "install"; show install; fi
check "... the latest release, $V, from its BASE/latest" has "$work/install/stdout" "fpcheck $V"
check "... the archive for this machine ($host)" has "$work/install/stderr" "downloading $hostarchive and checksums.txt from file://$rel/download/v$V"
check "... verified against checksums.txt" has "$work/install/stderr" "verified $hostarchive: SHA-256 $(sha256sum "dist/$hostarchive" | cut -c1-64) matches checksums.txt"
check "... version output $V" test "$(out install version)" = "$V"
case "$fpcheck" in "$work/install/runner/"*) ok "install puts the binary under RUNNER_TEMP" ;; *) bad "binary at $fpcheck" ;; esac
check "install adds the binary's directory to GITHUB_PATH" test "$(cat "$work/install/path")" = "$(dirname "$fpcheck")"
check "no Go involved: the step never mentions go build" test -z "$(grep -l 'go build\|go version' "$work/install/stdout" "$work/install/stderr")"
[ -x "$fpcheck" ] || { echo "$passed passed, $((failed + 1)) failed"; exit 1; }

act explicit install FPCHECK_RELEASE_BASE_URL="file://$rel" INPUT_VERSION="v$V" FPCHECK_ACTION_REF=main
check "version: v$V (a file:// base): that release" test "$(rc explicit)/$(out explicit version)" = "0/$V"
act tagref install FPCHECK_RELEASE_BASE_URL="$rel/" FPCHECK_ACTION_REF="v$V"
check "no version input, action at the tag v$V: that release" test "$(rc tagref)/$(out tagref version)" = "0/$V"
act major install FPCHECK_RELEASE_BASE_URL="$rel" FPCHECK_ACTION_REF=v0
check "action at v0: the latest release, a 0.x one" test "$(rc major)/$(out major version)" = "0/$V"
act major1 install FPCHECK_RELEASE_BASE_URL="$rel" FPCHECK_ACTION_REF=v1
check "action at v1 while the latest release is $V: refused (3)" test "$(rc major1)" = 3
check "... saying to set the version input" has "$work/major1/stdout" "::error title=fpcheck::this action is used at v1, but the latest fpcheck release is $V, not a v1.x release: set the version input"
act latest install FPCHECK_RELEASE_BASE_URL="$rel" INPUT_VERSION=latest FPCHECK_ACTION_REF=v1
check "version: latest wins over the v1 ref" test "$(rc latest)/$(out latest version)" = "0/$V"
act norelease install FPCHECK_RELEASE_BASE_URL="$rel" INPUT_VERSION=9.9.9
check "a version that is not released fails (3)" test "$(rc norelease)" = 3
check "... naming it" has "$work/norelease/stdout" "::error title=fpcheck::cannot download checksums.txt of fpcheck 9.9.9 from file://$rel/download/v9.9.9"
act badversion install FPCHECK_RELEASE_BASE_URL="$rel" INPUT_VERSION=newest
check "version: newest is refused (2)" test "$(rc badversion)" = 2
check "... naming the input" has "$work/badversion/stdout" "input version must be a release like 1.2.3, 'latest' or 'source', got 'newest'"
act nolatest install FPCHECK_RELEASE_BASE_URL="$work/no-releases"
check "no release at all: a clear failure (3)" test "$(rc nolatest)" = 3

echo "== install over HTTP: the latest release from GitHub's /releases/latest redirect"
# A stand-in for github.com: /o/r/releases/latest redirects to the tag page,
# /o/r/releases/download/... serves the local release; /none/releases/latest
# redirects to a page that is not a tag (no release yet).
node -e '
	const http = require("http"), fs = require("fs"), path = require("path");
	const [root, v, portFile] = process.argv.slice(1);
	const server = http.createServer((req, res) => {
		const u = req.url;
		if (u === "/o/r/releases/latest") { res.writeHead(302, { Location: "/o/r/releases/tag/v" + v }); return res.end(); }
		if (u === "/none/releases/latest") { res.writeHead(302, { Location: "/none/releases" }); return res.end(); }
		if (u === "/o/r/releases/tag/v" + v || u === "/none/releases") { res.writeHead(200); return res.end("a page"); }
		const m = /^\/o\/r\/releases\/download\/([^/]+)\/([^/]+)$/.exec(u);
		const f = m && path.join(root, "download", m[1], m[2]);
		if (f && fs.existsSync(f)) { res.writeHead(200); return fs.createReadStream(f).pipe(res); }
		res.writeHead(404);
		res.end("not found");
	});
	server.listen(0, "127.0.0.1", () => fs.writeFileSync(portFile, String(server.address().port)));
' "$rel" "$V" "$work/port" &
server=$!
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port" 2>/dev/null)
act http install FPCHECK_RELEASE_BASE_URL="http://127.0.0.1:$port/o/r/releases" FPCHECK_ACTION_REF=v0
check "HTTP: no version, action at v0: the release /releases/latest redirects to, downloaded" test "$(rc http)/$(out http version)" = "0/$V"
check "... from BASE/download/v$V/" has "$work/http/stderr" "downloading $hostarchive and checksums.txt from http://127.0.0.1:$port/o/r/releases/download/v$V"
act http-none install FPCHECK_RELEASE_BASE_URL="http://127.0.0.1:$port/none/releases"
check "HTTP: /releases/latest not leading to a tag: a clear failure (3)" test "$(rc http-none)" = 3 -a -n "$(grep -l 'not to a release tag (is there a release yet?)' "$work/http-none/stdout")"
act http-404 install FPCHECK_RELEASE_BASE_URL="http://127.0.0.1:$port/o/r/releases" INPUT_VERSION=9.9.9
check "HTTP: a version that is not released (404): fails (3)" test "$(rc http-404)" = 3
kill "$server" 2>/dev/null
wait "$server" 2>/dev/null

echo "== install: each runner gets its own archive"
for p in Linux/X64/linux_amd64.tar.gz Linux/ARM64/linux_arm64.tar.gz macOS/X64/darwin_amd64.tar.gz \
	macOS/ARM64/darwin_arm64.tar.gz Windows/X64/windows_amd64.zip Windows/ARM64/windows_arm64.zip; do
	IFS=/ read -r os arch file <<<"$p"
	act "plat-$os-$arch" install FPCHECK_RELEASE_BASE_URL="$rel" RUNNER_OS="$os" RUNNER_ARCH="$arch"
	if has "$work/plat-$os-$arch/stderr" "verified fpcheck_${V}_$file: SHA-256"; then
		ok "RUNNER_OS $os, RUNNER_ARCH $arch: fpcheck_${V}_$file downloaded and verified"
	else
		bad "RUNNER_OS $os, RUNNER_ARCH $arch"
		show "plat-$os-$arch"
	fi
	if [ "${file%%.*}" = "$host" ]; then
		check "... and it runs here" test "$(rc "plat-$os-$arch")" = 0
	else
		# unpacked, but not this machine's binary: running it fails (3)
		check "... unpacked ($(basename "$(out "plat-$os-$arch" fpcheck)"), and not runnable here (3)" \
			test "$(rc "plat-$os-$arch")" = 3 -a -z "$(grep -l 'holds no\|cannot unpack' "$work/plat-$os-$arch/stderr")"
	fi
done
act arm32 install FPCHECK_RELEASE_BASE_URL="$rel" RUNNER_OS=Linux RUNNER_ARCH=ARM
check "RUNNER_ARCH ARM (32-bit): no release, fails (3)" test "$(rc arm32)" = 3
check "... with a clear message" has "$work/arm32/stdout" "::error title=fpcheck::fpcheck has no release for the runner's architecture 'ARM' (RUNNER_ARCH) on Linux: there are builds for X64 and ARM64; use version: source to build it with Go"
act bsd install FPCHECK_RELEASE_BASE_URL="$rel" RUNNER_OS=FreeBSD RUNNER_ARCH=X64
check "RUNNER_OS FreeBSD: no release, a clear message (3)" test "$(rc bsd)" = 3 -a -n "$(grep -l "no release for the runner's OS 'FreeBSD'" "$work/bsd/stdout")"
# A release that lacks this runner's archive (and its checksums line).
partial="$work/partial"
mkdir -p "$partial/download/v$V"
cp dist/fpcheck_"${V}"_windows_* "$partial/download/v$V/"
grep -v "_${host}\." dist/checksums.txt >"$partial/download/v$V/checksums.txt"
act partial install FPCHECK_RELEASE_BASE_URL="$partial" INPUT_VERSION="$V"
check "a release without this runner's archive fails (3)" test "$(rc partial)" = 3
check "... saying which build is missing" has "$work/partial/stdout" "::error title=fpcheck::fpcheck $V has no ${host/_//} build: checksums.txt lists no $hostarchive, so it is not installed"

echo "== install: a download that does not match checksums.txt is refused"
tampered="$work/tampered"
mkdir -p "$tampered/download/v$V"
cp dist/fpcheck_"${V}"_* dist/checksums.txt "$tampered/download/v$V/"
printf 'x' >>"$tampered/download/v$V/$hostarchive" # still a valid gzip stream + trailing garbage
act tampered install FPCHECK_RELEASE_BASE_URL="$tampered" INPUT_VERSION="$V"
check "tampered archive: refused (3)" test "$(rc tampered)" = 3
check "... saying it does not match" has "$work/tampered/stdout" "::error title=fpcheck::$hostarchive does not match checksums.txt (SHA-256 $(sha256sum "$tampered/download/v$V/$hostarchive" | cut -c1-64), want $(sha256sum "dist/$hostarchive" | cut -c1-64)): the download is refused"
check "... no fpcheck output, nothing on GITHUB_PATH" test -z "$(out tampered fpcheck)$(cat "$work/tampered/path")"
if find "$work/tampered/runner" -name 'fpcheck' -type f | grep -q .; then bad "... a tampered fpcheck was unpacked"; else ok "... and nothing was unpacked"; fi
# The same archive with checksums.txt edited to another sum, and with the line removed.
sed -i.bak "s/^[0-9a-f]\{64\}  $hostarchive\$/$(printf '0%.0s' {1..64})  $hostarchive/" "$tampered/download/v$V/checksums.txt"
cp "dist/$hostarchive" "$tampered/download/v$V/"
act wrongsum install FPCHECK_RELEASE_BASE_URL="$tampered" INPUT_VERSION="$V"
check "checksums.txt with another sum: refused (3)" test "$(rc wrongsum)" = 3 -a -n "$(grep -l 'does not match checksums.txt' "$work/wrongsum/stdout")"
grep -v " $hostarchive\$" "dist/checksums.txt" >"$tampered/download/v$V/checksums.txt"
act noline install FPCHECK_RELEASE_BASE_URL="$tampered" INPUT_VERSION="$V"
check "checksums.txt without the archive's line: refused (3)" test "$(rc noline)" = 3 -a -n "$(grep -l "checksums.txt lists no $hostarchive" "$work/noline/stdout")"
rm "$tampered/download/v$V/checksums.txt"
act nosums install FPCHECK_RELEASE_BASE_URL="$tampered" INPUT_VERSION="$V"
check "no checksums.txt: refused (3)" test "$(rc nosums)" = 3

echo "== install: version: source builds this checkout with Go"
act source install INPUT_VERSION=source FPCHECK_ACTION_REF=v9.8.7 FPCHECK_RELEASE_BASE_URL="$work/no-releases"
srcbin=$(out source fpcheck)
if [ "$(rc source)" = 0 ] && [ -x "$srcbin" ]; then ok "version: source builds fpcheck (no release needed)"; else bad "version: source"; show source; fi
check "... with go build from the action's checkout" has "$work/source/stderr" "building fpcheck from $repo with go version"
check "... stamping a vX.Y.Z action ref as the version" test "$(out source version)" = 9.8.7
check "... and puts it on GITHUB_PATH" test "$(cat "$work/source/path")" = "$(dirname "$srcbin")"
if [ -x "$srcbin" ]; then
	"$fpcheck" --no-color examples/demo >"$work/demo-release.txt" 2>&1
	"$srcbin" --no-color examples/demo >"$work/demo-source.txt" 2>&1
	check "the release binary and the source build report the demo alike" cmp -s "$work/demo-release.txt" "$work/demo-source.txt"
fi

echo "== (a) examples/demo, path given from the repository root"
act demo run FPCHECK="$fpcheck" GITHUB_WORKSPACE="$repo" INPUT_PATH=examples/demo
if [ "$(rc demo)" = 0 ]; then ok "findings do not fail the run step"; else bad "run step exited $(rc demo)"; show demo; fi
check "exit-code output is 1" test "$(out demo exit-code)" = 1
check "errors output is 3" test "$(out demo errors)" = 3
check "warnings output is 1" test "$(out demo warnings)" = 1
check "upload-sarif defaults to auto: the upload step runs" test "$(out demo upload-sarif)/$(out demo upload-mode)" = true/auto
check "category is per project folder" test "$(out demo category)" = "fpcheck:examples/demo"
sarif=$(out demo sarif-file)
check "sarif-file output names an existing file" test -s "$sarif"
n=$(sarif_check "$sarif" examples/demo/ 2>"$work/node.err") || cat "$work/node.err"
check "SARIF is valid JSON, 2.1.0, 4 results under examples/demo/" test "$n" = 4
check "summary has the findings table" has "$work/demo/summary" "| Level | Location | Rule | Message |"
check "summary has a row for the navigator" has "$work/demo/summary" '`examples/demo/plugin/components/login/login.wxml:1:46`'
check "log shows the text report" has "$work/demo/stdout" "examples/demo/plugin/components/pay/pay.wxml:4:3: warning: "
if grep -q '^::error file=' "$work/demo/stdout"; then bad "no annotations when SARIF is uploaded"; else ok "no annotations when SARIF is uploaded"; fi

counter="$work/counting-fpcheck"
printf '#!/usr/bin/env bash\necho run >>%q\nexec %q "$@"\n' "$work/runs" "$fpcheck" >"$counter"
chmod +x "$counter"
act once run FPCHECK="$counter" GITHUB_WORKSPACE="$repo" INPUT_PATH=examples/demo
check "one run of fpcheck writes every output (SARIF, JSON, Markdown, text, annotations)" test "$(wc -l <"$work/runs")/$(rc once)" = 1/0
check "... the same counts as the first run" test "$(out once errors)/$(out once warnings)" = 3/1

echo "== (a) gate after the demo run"
act gate-fail gate FPCHECK_EXIT_CODE=1 FPCHECK_ERRORS=3 FPCHECK_PATH=examples/demo
check "fail-on-error (default true) fails the job" test "$(rc gate-fail)" = 1
check "... with an error annotation" has "$work/gate-fail/stdout" "::error title=fpcheck::fpcheck found 3 error-level problem(s) in examples/demo"
act gate-nofail gate FPCHECK_EXIT_CODE=1 FPCHECK_ERRORS=3 INPUT_FAIL_ON_ERROR=false
check "fail-on-error: false passes" test "$(rc gate-nofail)" = 0
check "... with a warning annotation" has "$work/gate-nofail/stdout" "::warning title=fpcheck::"
act gate-clean gate FPCHECK_EXIT_CODE=0 INPUT_FAIL_ON_ERROR=TRUE
check "exit code 0 passes the gate" test "$(rc gate-clean)" = 0
act gate-missing gate INPUT_FAIL_ON_ERROR=true
check "gate without a run fails (3)" test "$(rc gate-missing)" = 3
act gate-badbool gate FPCHECK_EXIT_CODE=0 INPUT_FAIL_ON_ERROR=yes
check "fail-on-error: yes is refused (2)" test "$(rc gate-badbool)" = 2

echo "== (a) code scanning unavailable: the upload fails, the job still reports and gates"
ann=$(out demo annotations-file)
check "run writes the annotations file even when it uploads" test -s "$ann"
up=(FPCHECK_PATH=examples/demo FPCHECK_ERRORS=3 FPCHECK_ANNOTATIONS="$ann" FPCHECK_CATEGORY=fpcheck:examples/demo)
act up-fail gate "${up[@]}" FPCHECK_EXIT_CODE=1 FPCHECK_UPLOAD_MODE=auto FPCHECK_UPLOAD_OUTCOME=failure
check "upload failed (auto), error-level findings: the gate still fails the job (1)" test "$(rc up-fail)" = 1
check "... saying why the upload failed, in the log" has "$work/up-fail/stdout" "::warning title=fpcheck: SARIF not uploaded::the SARIF upload to code scanning failed (outcome: failure;"
check "... naming GitHub Advanced Security and the permission" has "$work/up-fail/stdout" "a private repository without GitHub Advanced Security (GitHub Code Security); the job lacks permissions security-events: write"
check "... and in the job summary" has "$work/up-fail/summary" "### Not uploaded to code scanning"
check "... the findings become annotations (4)" test "$(grep -c '^::\(error\|warning\) file=' "$work/up-fail/stdout")" = 4
check "... and the gate's own error" has "$work/up-fail/stdout" "::error title=fpcheck::fpcheck found 3 error-level problem(s) in examples/demo"
act up-fail-clean gate "${up[@]}" FPCHECK_EXIT_CODE=0 FPCHECK_UPLOAD_MODE=auto FPCHECK_UPLOAD_OUTCOME=failure
check "upload failed (auto), no error-level findings: the job passes (0)" test "$(rc up-fail-clean)" = 0
act up-fail-strict gate "${up[@]}" FPCHECK_EXIT_CODE=0 FPCHECK_UPLOAD_MODE=true FPCHECK_UPLOAD_OUTCOME=failure
check "upload failed with upload-sarif: true: the job fails (1)" test "$(rc up-fail-strict)" = 1
check "... saying so" has "$work/up-fail-strict/stdout" "::error title=fpcheck::the SARIF upload failed and upload-sarif is 'true'"
act up-fail-zh gate "${up[@]}" FPCHECK_EXIT_CODE=0 FPCHECK_UPLOAD_OUTCOME=failure FPCHECK_LANG=zh
check "... the summary's note in Chinese with lang zh" has "$work/up-fail-zh/summary" "### 未上传到代码扫描"
act up-ok gate "${up[@]}" FPCHECK_EXIT_CODE=1 FPCHECK_UPLOAD_MODE=auto FPCHECK_UPLOAD_OUTCOME=success INPUT_FAIL_ON_ERROR=false
check "upload succeeded: said in the log" has "$work/up-ok/stdout" "fpcheck: SARIF uploaded to code scanning (category fpcheck:examples/demo)"
if grep -q '^::error file=' "$work/up-ok/stdout" || [ -s "$work/up-ok/summary" ]; then bad "... no annotations, no summary note after a good upload"; else ok "... no annotations, no summary note after a good upload"; fi
act fork run FPCHECK="$fpcheck" GITHUB_WORKSPACE="$repo" INPUT_PATH=examples/demo FPCHECK_FORK_PR=true
check "pull request from a fork (auto): no upload step" test "$(rc fork)/$(out fork upload-sarif)/$(out fork upload-mode)" = 0/false/auto
check "... the log says why" has "$work/fork/stdout" "fpcheck: SARIF upload skipped: this pull request comes from a fork"
check "... the summary too" has "$work/fork/summary" "Not uploaded to code scanning: a pull request from a fork has a read-only token."
check "... and the findings are annotations (4)" test "$(grep -c '^::\(error\|warning\) file=' "$work/fork/stdout")" = 4
act fork-strict run FPCHECK="$fpcheck" GITHUB_WORKSPACE="$repo" INPUT_PATH=examples/demo FPCHECK_FORK_PR=true INPUT_UPLOAD_SARIF=TRUE
check "... with upload-sarif: true it still tries" test "$(out fork-strict upload-sarif)/$(out fork-strict upload-mode)" = true/true
act badupload run FPCHECK="$fpcheck" GITHUB_WORKSPACE="$repo" INPUT_PATH=examples/demo INPUT_UPLOAD_SARIF=yes
check "upload-sarif: yes is refused (2)" test "$(rc badupload)" = 2

echo "== (a) the repository is the project (path '.'), --submit, --ignore"
act root run FPCHECK="$fpcheck" GITHUB_WORKSPACE="$repo/examples/demo" INPUT_SUBMIT=true INPUT_SARIF_FILE="$work/root/report.sarif"
check "exit-code 1" test "$(out root exit-code)" = 1
check "--submit raises the develop navigator: 4 errors, 0 warnings" test "$(out root errors)/$(out root warnings)" = 4/0
check "category is plain 'fpcheck' for '.'" test "$(out root category)" = fpcheck
check "sarif-file input is honoured" test "$(out root sarif-file)" = "$work/root/report.sarif"
n=$(sarif_check "$work/root/report.sarif" "" 2>/dev/null)
check "SARIF has 4 results" test "$n" = 4
if grep -q '"uri": *"examples/' "$work/root/report.sarif"; then bad "no prefix for '.'"; else ok "no prefix for '.'"; fi
check "summary says --submit" has "$work/root/summary" "pre-submission gate"
act ignore run FPCHECK="$fpcheck" GITHUB_WORKSPACE="$repo" INPUT_PATH=examples/demo INPUT_IGNORE="
  plugin/**
"
check "ignore input (one glob a line) leaves out plugin/: 2 errors" test "$(out ignore errors)/$(out ignore warnings)" = 2/0

echo "== (a) the lang input: --lang, else the locale"
act zh run FPCHECK="$fpcheck" GITHUB_WORKSPACE="$repo" INPUT_PATH=examples/demo INPUT_SUBMIT=true INPUT_LANG=zh
if [ "$(rc zh)" = 0 ]; then ok "lang: zh: run step passes"; else bad "lang: zh"; show zh; fi
check "... the command line has --lang zh" has "$work/zh/stdout" "fpcheck --lang zh --submit"
check "... the text report is in Chinese" has "$work/zh/stdout" "examples/demo/plugin/components/pay/pay.wxml:4:3: 错误: "
check "... the counts are the same: 4 errors, 0 warnings" test "$(out zh errors)/$(out zh warnings)/$(out zh exit-code)" = 4/0/1
check "... SARIF's run.language is zh-CN" has "$(out zh sarif-file)" '"language": "zh-CN"'
check "... the summary links the Chinese rule reference" has "$work/zh/summary" "docs/rules.zh-CN.md#navigator-develop-version"
check "... and adds its own lines in Chinese" has "$work/zh/summary" '项目：`examples/demo`。'
check "... including the --submit line" has "$work/zh/summary" '本次按提审前检查运行（`--submit`）。'
act zh-locale run FPCHECK="$fpcheck" GITHUB_WORKSPACE="$repo" INPUT_PATH=examples/demo LANG=zh_CN.UTF-8
check "no lang input: a zh_CN locale gives a Chinese report" has "$work/zh-locale/stdout" "examples/demo/plugin/components/pay/pay.wxml:4:3: 警告: "
check "... and the summary's own lines follow it" has "$work/zh-locale/summary" '项目：`examples/demo`。'
act en-locale run FPCHECK="$fpcheck" GITHUB_WORKSPACE="$repo" INPUT_PATH=examples/demo INPUT_LANG=EN LANG=zh_CN.UTF-8
check "lang: EN wins over a zh_CN locale" has "$work/en-locale/stdout" "examples/demo/plugin/components/pay/pay.wxml:4:3: warning: "
check "... and the summary says Project:" has "$work/en-locale/summary" 'Project: `examples/demo`.'
check "the default is the locale: English here (see the first case)" has "$work/demo/summary" 'Project: `examples/demo`.'
act badlang run FPCHECK="$fpcheck" GITHUB_WORKSPACE="$repo" INPUT_PATH=examples/demo INPUT_LANG=fr
check "lang: fr is refused (2)" test "$(rc badlang)" = 2
check "... with an annotation naming the input" has "$work/badlang/stdout" "::error title=fpcheck::input lang must be 'zh', 'en' or empty, got 'fr'"

echo "== (b) a clean project"
clean="$work/clean-repo"
mkdir -p "$clean/pages/index"
echo '{"pages":["pages/index/index"],"functionalPages":{"independent":true}}' >"$clean/app.json"
echo '<view>hi</view>' >"$clean/pages/index/index.wxml"
echo 'Page({});' >"$clean/pages/index/index.js"
act clean run FPCHECK="$fpcheck" GITHUB_WORKSPACE="$clean"
if [ "$(rc clean)" = 0 ]; then ok "clean project: run step passes"; else bad "clean project"; show clean; fi
check "errors=0 warnings=0 exit-code=0" test "$(out clean errors)/$(out clean warnings)/$(out clean exit-code)" = 0/0/0
n=$(sarif_check "$(out clean sarif-file)" "" 2>/dev/null)
check "SARIF with 0 results" test "$n" = 0
check "summary says no problems" has "$work/clean/summary" "no problems"
act clean-gate gate FPCHECK_EXIT_CODE="$(out clean exit-code)" FPCHECK_ERRORS="$(out clean errors)"
check "clean project passes the gate" test "$(rc clean-gate)" = 0

echo "== (c) project in a sub-folder of the repository"
sub="$work/sub-repo"
mkdir -p "$sub/apps"
cp -R examples/demo "$sub/apps/shop"
cwd=$sub
act sub run FPCHECK="$fpcheck" GITHUB_WORKSPACE="$sub" INPUT_PATH=apps/shop INPUT_UPLOAD_SARIF=false
cwd=$repo
if [ "$(rc sub)" = 0 ]; then ok "sub-folder: run step passes"; else bad "sub-folder"; show sub; fi
n=$(sarif_check "$(out sub sarif-file)" apps/shop/ 2>"$work/node.err") || cat "$work/node.err"
check "every SARIF uri starts with apps/shop/ (4 results)" test "$n" = 4
check "annotations (upload-sarif false) use repository paths" has "$work/sub/stdout" "::error file=apps/shop/plugin/components/login/login.wxml,line=1,col=46"
check "4 annotations" test "$(grep -c '^::\(error\|warning\) file=' "$work/sub/stdout")" = 4
check "summary uses repository paths" has "$work/sub/summary" '`apps/shop/miniprogram/pages/index/index.js:1:31`'
check "upload-sarif output false" test "$(out sub upload-sarif)" = false
# the same folder written loosely, and as an absolute path inside the workspace
act sub2 run FPCHECK="$fpcheck" GITHUB_WORKSPACE="$sub" INPUT_PATH=./apps//shop/
check "./apps//shop/ is normalized to apps/shop" test "$(out sub2 path)/$(out sub2 category)" = "apps/shop/fpcheck:apps/shop"
n=$(sarif_check "$(out sub2 sarif-file)" apps/shop/ 2>/dev/null)
check "... and its SARIF uris start with apps/shop/" test "$n" = 4
act sub3 run FPCHECK="$fpcheck" GITHUB_WORKSPACE="$sub" INPUT_PATH="$sub/apps/shop"
check "an absolute path inside the workspace becomes apps/shop" test "$(out sub3 path)" = apps/shop
act outside run FPCHECK="$fpcheck" GITHUB_WORKSPACE="$sub" INPUT_PATH=apps/../../x
check "a path outside the repository is refused (2)" test "$(rc outside)" = 2
check "... with an error annotation on stdout" has "$work/outside/stdout" "::error title=fpcheck::input path 'apps/../../x' is outside the repository"

echo "== (e) a correct project whose miniprogram_npm/ is git-ignored (构建 npm runs later)"
npmrepo="$work/npm-repo"
mkdir -p "$npmrepo/pages/index"
echo 'miniprogram_npm/' >"$npmrepo/.gitignore"
echo '{"dependencies":{"@vant/weapp":"^1.11.6"}}' >"$npmrepo/package.json"
echo '{"pages":["pages/index/index"]}' >"$npmrepo/app.json"
echo '{"usingComponents":{"van-button":"@vant/weapp/button/index"}}' >"$npmrepo/pages/index/index.json"
echo '<van-button>ok</van-button>' >"$npmrepo/pages/index/index.wxml"
printf "import Toast from '@vant/weapp/toast/toast';\nPage({});\n" >"$npmrepo/pages/index/index.js"
act npm run FPCHECK="$fpcheck" GITHUB_WORKSPACE="$npmrepo"
if [ "$(rc npm)" = 0 ]; then ok "unbuilt npm: run step passes"; else bad "unbuilt npm"; show npm; fi
check "errors=0 warnings=0 exit-code=0" test "$(out npm errors)/$(out npm warnings)/$(out npm exit-code)" = 0/0/0
check "the log has the one not-checked note" test "$(grep -c '\[not-checked\]' "$work/npm/stdout")" = 1
act npm-gate gate FPCHECK_EXIT_CODE="$(out npm exit-code)" FPCHECK_ERRORS="$(out npm errors)"
check "... and the gate passes" test "$(rc npm-gate)" = 0

echo "== (f) a hostile repository: names and code made to be workflow commands"
# runner_model FILE: the workflow commands GitHub's runner would process in
# FILE, a step's output (actions/runner ActionCommandManager): lines end at
# \n, \r\n or \r; a command is "::NAME ...::DATA" after leading white space,
# or "##[NAME ...]DATA" anywhere in a line; after ::stop-commands::TOKEN
# only ::TOKEN:: is processed. Prints each processed command as
# "NAME PROPERTIES::DATA" (or "NAME PROPERTIES]DATA"), "stop" and "resume"
# for the pair, and "STOPPED" if still stopped at the end.
runner_model() {
	node -e '
		const known = new Set(["add-mask", "add-matcher", "add-path", "debug", "echo", "endgroup", "error", "group",
			"notice", "remove-matcher", "save-state", "set-env", "set-output", "stop-commands", "warning"]);
		let token = "";
		const parse = (line) => {
			const l = line.replace(/^\s+/u, "");
			if (l.startsWith("::")) {
				const end = l.indexOf("::", 2);
				if (end >= 0) {
					const info = l.slice(2, end), name = info.split(" ")[0].toLowerCase();
					if (known.has(name)) return [name, info + "::" + l.slice(end + 2)];
				}
			}
			const i = line.indexOf("##[");
			if (i >= 0) {
				const rb = line.indexOf("]", i);
				if (rb >= 0) {
					const info = line.slice(i + 3, rb), name = info.split(" ")[0].toLowerCase();
					if (known.has(name)) return [name, info + "]" + line.slice(rb + 1)];
				}
			}
			return null;
		};
		for (const line of require("fs").readFileSync(process.argv[1], "utf8").split(/\r\n|\r|\n/)) {
			const cmd = parse(line);
			if (!cmd) continue;
			const [name, text] = cmd;
			if (token) {
				if (name === token) { console.log("resume"); known.delete(token); token = ""; }
			} else if (name === "stop-commands") {
				console.log("stop"); token = text.replace(/^[^:\]]*(::|\])/, "").toLowerCase(); known.add(token);
			} else console.log(text);
		}
		if (token) console.log("STOPPED");
	' "$1"
}
# only_annotations FILE N: the commands in FILE (from runner_model) are N
# annotations of fpcheck's and stop/resume pairs, and none is left stopped.
only_annotations() {
	! grep -vE '^(stop|resume|(error|warning|notice) file=)' "$1" >/dev/null &&
		[ "$(grep -cE '^(error|warning|notice) file=' "$1")" = "$2" ]
}
no_raw_controls() { ! LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$@"; }

hostile="$work/hostile-repo"
mkdir -p "$hostile/pages/index"
echo '{"pages":["pages/index/index","::stop-commands::x"]}' >"$hostile/app.json"
echo '<view/>' >"$hostile/pages/index/index.wxml"
printf "require('./a\x1b]0;title\x07'); // ##[set-output name=exit-code;]0 ::add-mask::fpcheck\nPage({});\n" >"$hostile/pages/index/index.js"
echo '<view/>' >"$hostile/::stop-commands::x.wxml"
echo "require('##[add-mask]q');Page({})" >"$hostile/::stop-commands::x.js"
echo '{"usingComponents":{"a":"./nope"}}' >"$hostile/::stop-commands::x.json"
act hostile run FPCHECK="$fpcheck" GITHUB_WORKSPACE="$hostile" INPUT_UPLOAD_SARIF=false
check "hostile repository: run step passes (exit-code 1)" test "$(rc hostile)/$(out hostile exit-code)" = 0/1
runner_model "$work/hostile/stdout" >"$work/hostile/commands"
runner_model "$work/hostile/stderr" >>"$work/hostile/commands"
if only_annotations "$work/hostile/commands" 3; then
	ok "the runner processes fpcheck's 3 annotations and no command from the repository's names or code"
else
	bad "the runner would process:"
	cat "$work/hostile/commands"
fi
check "... and the report is still in the log" has "$work/hostile/stdout" "./::stop-commands::x.js:1:9: error: "
check "no raw control characters in the log or the summary" no_raw_controls "$work/hostile/stdout" "$work/hostile/stderr" "$work/hostile/summary"

# fpcheck's standard error goes to the log too: a stand-in that adds
# hostile lines to what the real fpcheck says, and exits with its status
# (or STUB_EXIT).
stub="$work/stub-fpcheck"
{
	echo '#!/usr/bin/env bash'
	printf '%q "$@"\n' "$fpcheck"
	echo 'code=$?'
	# shellcheck disable=SC2028 # the escapes are for the stub's printf
	echo "printf '::add-mask::fpcheck\\n##[set-output name=errors;]0\\n\`\`\`\\n</pre> ::error::x\\r::warning::forged\\x1b]0;t\\x07\\n' >&2"
	echo 'exit "${STUB_EXIT:-$code}"'
} >"$stub"
chmod +x "$stub"
act hostile-stderr run FPCHECK="$stub" GITHUB_WORKSPACE="$hostile" INPUT_UPLOAD_SARIF=false
runner_model "$work/hostile-stderr/stdout" >"$work/hostile-stderr/commands"
runner_model "$work/hostile-stderr/stderr" >>"$work/hostile-stderr/commands"
if only_annotations "$work/hostile-stderr/commands" 3; then
	ok "fpcheck's standard error runs no command either"
else
	bad "with hostile standard error the runner would process:"
	cat "$work/hostile-stderr/commands"
fi
act hostile-fail run FPCHECK="$stub" GITHUB_WORKSPACE="$hostile" STUB_EXIT=2
check "fpcheck failing (2) with hostile standard error: the step fails with 2" test "$(rc hostile-fail)" = 2
runner_model "$work/hostile-fail/stdout" >"$work/hostile-fail/commands"
runner_model "$work/hostile-fail/stderr" >>"$work/hostile-fail/commands"
if [ "$(grep -cvE '^(stop|resume)$' "$work/hostile-fail/commands")" = 1 ] &&
	grep -q '^error title=fpcheck::' "$work/hostile-fail/commands"; then
	ok "... and the runner processes only the action's one error annotation"
else
	bad "... the runner would process:"
	cat "$work/hostile-fail/commands"
fi
if grep -qE '^ {0,3}(```|</pre>)' "$work/hostile-fail/summary" || ! no_raw_controls "$work/hostile-fail/summary"; then
	bad "the job summary lets standard error out of its code block"
	cat "$work/hostile-fail/summary"
else
	ok "the job summary keeps standard error in its code block"
fi

echo "== (d) not a project"
mkdir -p "$work/not-a-project/docs"
act notproject run FPCHECK="$fpcheck" GITHUB_WORKSPACE="$work/not-a-project" INPUT_PATH=docs
check "run step fails with fpcheck's status 2" test "$(rc notproject)" = 2
check "fpcheck's message is in the log (on standard output, with commands stopped)" has "$work/notproject/stdout" "fpcheck: docs is not a mini-program or plugin project"
check "... and in an error annotation" has "$work/notproject/stdout" "::error title=fpcheck::fpcheck: docs is not a mini-program or plugin project"
check "exit-code output is 2" test "$(out notproject exit-code)" = 2
check "summary says fpcheck could not check it" has "$work/notproject/summary" "fpcheck could not check \`docs\` (exit status 2)"
if [ -z "$(out notproject errors)" ]; then ok "no errors output when fpcheck did not check"; else bad "errors output set"; fi

echo "== bad inputs"
act badbool run FPCHECK="$fpcheck" GITHUB_WORKSPACE="$repo" INPUT_PATH=examples/demo INPUT_SUBMIT=yes
check "submit: yes is refused (2)" test "$(rc badbool)" = 2
check "... with an annotation naming the input" has "$work/badbool/stdout" "::error title=fpcheck::input submit must be 'true' or 'false', got 'yes'"
act nobin run FPCHECK="$work/no-such-fpcheck" GITHUB_WORKSPACE="$repo" INPUT_PATH=examples/demo
check "a missing fpcheck binary fails (3)" test "$(rc nobin)" = 3
act usage nothing
check "unknown mode is a usage error (2)" test "$(rc usage)" = 2

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
