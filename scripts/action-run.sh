#!/usr/bin/env bash
# action-run.sh install|run|gate
#
# The shell side of the composite GitHub Action in action.yml, kept here so
# that it can be tested without GitHub (scripts/test-action.sh). Everything
# comes in through environment variables and goes out through the files
# GitHub names in $GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY (both optional).
#
#   install   Download the fpcheck release for this runner and write its
#             path as the output `fpcheck` (and its version as `version`).
#             The archive fpcheck_V_OS_ARCH.tar.gz (.zip on Windows) for
#             RUNNER_OS/RUNNER_ARCH (Linux|macOS|Windows × X64|ARM64; the
#             machine's own outside GitHub) and checksums.txt come from
#             BASE/download/vV/; the archive's SHA-256 must be the one its
#             line in checksums.txt gives (no line, or another sum: refused,
#             status 3); it is unpacked under $RUNNER_TEMP.
#               INPUT_VERSION      '1.2.3' or 'v1.2.3': that release;
#                                  'latest': the newest (BASE/latest, which
#                                  GitHub redirects to .../tag/vX.Y.Z; a
#                                  local BASE has a file `latest` with the
#                                  tag); 'source': build this checkout of
#                                  the action with `go build` (Go on PATH);
#                                  '' (default): follow FPCHECK_ACTION_REF
#               FPCHECK_ACTION_REF the action's ref (github.action_ref): a
#                                  vX.Y.Z tag is that release; any other ref
#                                  (vX, vX.Y, a branch, a SHA, '') is the
#                                  latest release, which must be an X.x
#                                  (X.Y.x) release for a vX (vX.Y) ref; a
#                                  vX.Y.Z ref stamps a source build's version
#               FPCHECK_RELEASE_BASE_URL  BASE (default
#                                  https://github.com/fpcheck/fpcheck/releases):
#                                  https://, http://, file:// or a directory
#               FPCHECK_BIN_DIR    where to put the binary (default: a new
#                                  directory under $RUNNER_TEMP, else a temp
#                                  dir); it is added to $GITHUB_PATH
#
#   run       Check the project with one run of fpcheck that writes every
#             output: SARIF to a file, JSON for the counts, Markdown for the
#             job summary, text for the log and workflow-command annotations
#             (printed when there is no SARIF upload; `gate` prints them
#             when the upload failed).
#               FPCHECK             the fpcheck binary (default: fpcheck on PATH)
#               INPUT_PATH          project directory relative to the
#                                   repository root (default '.')
#               INPUT_SUBMIT        'true'/'false': --submit (default false)
#               INPUT_UPLOAD_SARIF  'auto' (default), 'true' or 'false'; when
#                                   false, findings are printed as annotations
#               FPCHECK_FORK_PR     'true' for a pull request from a fork:
#                                   'auto' then skips the upload (the token
#                                   is read-only) and prints the annotations
#               INPUT_IGNORE        globs for --ignore, one per line
#               INPUT_SARIF_FILE    where to write the SARIF log (default: a
#                                   new file under $RUNNER_TEMP or a temp dir)
#               INPUT_CATEGORY      code scanning category (default 'fpcheck',
#                                   or 'fpcheck:PATH' when PATH is not '.')
#               INPUT_LANG          'zh'/'en': --lang, the language of the
#                                   report and the job summary (default '':
#                                   fpcheck.json's "lang", else the locale)
#               GITHUB_WORKSPACE    the repository root (default: the current
#                                   directory); INPUT_PATH is relative to it
#             Outputs: exit-code, errors, warnings, notes, files, sarif-file,
#             annotations-file, category, upload-sarif (whether the upload
#             step runs), upload-mode, lang, path. Exit status 0 when fpcheck exited
#             0 or 1 (findings never stop the job before the SARIF upload);
#             fpcheck's own status 2 or 3 (not a project, usage, internal
#             failure) is passed on after its message, and so is 2 for a
#             bad input.
#
#   gate      Report the upload and decide the job's fate after it.
#               INPUT_FAIL_ON_ERROR 'true'/'false' (default true)
#               FPCHECK_EXIT_CODE, FPCHECK_ERRORS, FPCHECK_WARNINGS, FPCHECK_PATH,
#               FPCHECK_UPLOAD_MODE, FPCHECK_CATEGORY, FPCHECK_ANNOTATIONS,
#               FPCHECK_LANG        the outputs of `run`
#               FPCHECK_UPLOAD_OUTCOME the upload step's outcome (success,
#                                   failure, skipped or ''); after a failure
#                                   the log and the job summary say why and
#                                   the annotations are printed
#             Exit status 1 when fail-on-error is true and fpcheck found
#             error-level problems, or when the upload failed and
#             upload-sarif is 'true'; 0 otherwise.

# shellcheck disable=SC2016 # backquotes in printf formats are Markdown code
set -euo pipefail
# A failure inside $(...) stops the script too (die in a helper whose
# output is captured).
# (bash 4.4+; without it every check below still fails closed, later.)
shopt -s inherit_errexit 2>/dev/null || true

RELEASES=https://github.com/fpcheck/fpcheck/releases
ACTION_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Workflow commands go to the job's standard output, kept on fd 3 so that
# they still get there from inside $(...).
exec 3>&1
die() { # status message...
	local status=$1
	shift
	echo "::error title=fpcheck::$(command_data "$*")" >&3
	echo "fpcheck action: $*" >&2
	exit "$status"
}

# command_data TEXT prints TEXT escaped as a workflow command's message.
command_data() {
	local s=${1//%/%25}
	s=${s//$'\r'/%0D}
	printf '%s' "${s//$'\n'/%0A}"
}

# The runner runs workflow commands found anywhere in a step's output:
# "::name::" at the start of a line (after white space; and a CR ends a
# line for it) and "##[name]" anywhere. What a repository controls (file
# names, specifiers, source lines in fpcheck's report and messages) is
# printed between ::stop-commands::TOKEN and ::TOKEN::, with a random TOKEN
# it cannot know, all on standard output (the runner reads standard output
# and standard error separately, so their order is not kept), and through
# neutralize. An exit trap resumes commands whatever happens in between, so
# that the job's later steps never find them stopped.
stop_token=""
stop_commands() {
	stop_token=$(od -An -N16 -tx1 /dev/urandom 2>/dev/null | tr -d ' \n') || true
	[ -n "$stop_token" ] || stop_token="fpcheck$RANDOM$RANDOM$RANDOM$RANDOM$$"
	echo "::stop-commands::$stop_token" >&3
}
resume_commands() {
	if [ -n "$stop_token" ]; then
		echo "::$stop_token::" >&3
		stop_token=""
	fi
}
trap resume_commands EXIT

# neutralize prints its input with raw control characters (but tab and
# newline) as '?', a backslash before a line that starts with "::" or "##["
# (the log viewer formats such lines) and every line ended by a newline (the
# resume token must start a line).
neutralize() {
	LC_ALL=C tr '\000-\010\013-\037\177' '?' |
		LC_ALL=C awk '/^[ \t]*(::|##\[)/ { $0 = "\\" $0 } { print }'
}

# output NAME VALUE appends to $GITHUB_OUTPUT (values here have no newlines).
output() {
	if [ -n "${GITHUB_OUTPUT:-}" ]; then
		printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"
	fi
}

# bool NAME VALUE DEFAULT prints true or false. Accepts what GitHub's own
# getBooleanInput accepts: true/True/TRUE/false/False/FALSE (any case here).
bool() {
	local v=${2:-$3}
	case "${v,,}" in
	true) echo true ;;
	false) echo false ;;
	*) die 2 "input $1 must be 'true' or 'false', got '$2'" ;;
	esac
}

temp_dir() { # a fresh directory under $RUNNER_TEMP when there is one
	if [ -n "${RUNNER_TEMP:-}" ]; then
		mkdir -p "$RUNNER_TEMP"
		mktemp -d "$RUNNER_TEMP/fpcheck.XXXXXX"
	else
		mktemp -d "${TMPDIR:-/tmp}/fpcheck.XXXXXX"
	fi
}

# platform prints "OS ARCH" of the release archive for this runner:
# RUNNER_OS (Linux, macOS, Windows) and RUNNER_ARCH (X64, ARM64), else the
# machine's own (uname) when they are not set, as outside GitHub.
platform() {
	local os=${RUNNER_OS:-} arch=${RUNNER_ARCH:-}
	if [ -z "$os" ]; then
		case "$(uname -s)" in
		Linux) os=Linux ;;
		Darwin) os=macOS ;;
		MINGW* | MSYS* | CYGWIN*) os=Windows ;;
		*) os=$(uname -s) ;;
		esac
	fi
	if [ -z "$arch" ]; then
		case "$(uname -m)" in
		x86_64 | amd64) arch=X64 ;;
		aarch64 | arm64) arch=ARM64 ;;
		*) arch=$(uname -m) ;;
		esac
	fi
	local goos goarch
	case "$os" in
	Linux) goos=linux ;;
	macOS) goos=darwin ;;
	Windows) goos=windows ;;
	*) die 3 "fpcheck has no release for the runner's OS '$os' (RUNNER_OS): there are builds for Linux, macOS and Windows; use version: source to build it with Go" ;;
	esac
	case "$arch" in
	X64) goarch=amd64 ;;
	ARM64) goarch=arm64 ;;
	*) die 3 "fpcheck has no release for the runner's architecture '$arch' (RUNNER_ARCH) on $os: there are builds for X64 and ARM64; use version: source to build it with Go" ;;
	esac
	echo "$goos $goarch"
}

# release_base prints FPCHECK_RELEASE_BASE_URL (default GitHub's releases of
# fpcheck) as a URL without a trailing slash; a local directory becomes a
# file:// URL.
release_base() {
	local base=${FPCHECK_RELEASE_BASE_URL:-$RELEASES}
	base=${base%/}
	case "$base" in
	https://* | http://* | file://*) ;;
	/*) base="file://$base" ;;
	*)
		[ -d "$base" ] || die 2 "FPCHECK_RELEASE_BASE_URL '$base' is neither a URL (https://, http://, file://) nor a directory"
		base="file://$(cd "$base" && pwd)"
		;;
	esac
	echo "$base"
}

# fetch URL FILE downloads URL (https, http or file) to FILE.
fetch() {
	curl --fail --silent --show-error --location --retry 3 --retry-delay 2 --connect-timeout 20 \
		--proto '=https,http,file' -o "$2" "$1"
}

# latest_version BASE prints the version (no v) of the newest release: the
# tag GitHub's BASE/latest redirects to (…/releases/tag/vX.Y.Z), or, for a
# file:// BASE, the tag written in the file BASE/latest.
latest_version() {
	local base=$1 tag
	case "$base" in
	file://*)
		tag=$(head -n 1 "${base#file://}/latest" 2>/dev/null | tr -d '[:space:]') ||
			die 3 "cannot find the latest fpcheck release: ${base#file://}/latest is missing (a local release directory names its latest tag in that file); set the version input"
		;;
	*)
		local url
		url=$(curl --fail --silent --show-error --location --retry 3 --retry-delay 2 --connect-timeout 20 \
			--proto '=https,http' -o /dev/null -w '%{url_effective}' "$base/latest") ||
			die 3 "cannot find the latest fpcheck release at $base/latest; set the version input (e.g. version: 1.2.3)"
		tag=${url##*/tag/}
		[ "$tag" != "$url" ] || die 3 "cannot find the latest fpcheck release: $base/latest led to $url, not to a release tag (is there a release yet?); set the version input"
		;;
	esac
	[[ $tag =~ ^v?[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]*)?$ ]] || die 3 "the latest fpcheck release has the tag '$tag', which is not a version vX.Y.Z"
	echo "${tag#v}"
}

# resolve_version prints the release version to install (X.Y.Z, no v), or
# "source". INPUT_VERSION wins; its default ('') follows the action's ref:
# a vX.Y.Z tag is that release; anything else (a vX or vX.Y tag, a branch,
# a commit SHA, or '' for a local `uses: ./`) is the latest release, which
# must then be in the series a vX or vX.Y tag names.
resolve_version() {
	local v=${INPUT_VERSION:-} ref=${FPCHECK_ACTION_REF:-}
	v=${v#"${v%%[![:space:]]*}"}
	v=${v%"${v##*[![:space:]]}"}
	case "${v,,}" in
	source)
		echo source
		return
		;;
	latest)
		local base
		base=$(release_base) || exit
		latest_version "$base"
		return
		;;
	'') ;;
	*)
		[[ $v =~ ^v?[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]*)?$ ]] ||
			die 2 "input version must be a release like 1.2.3, 'latest' or 'source', got '$v'"
		echo "${v#v}"
		return
		;;
	esac
	if [[ $ref =~ ^v([0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]*)?)$ ]]; then
		echo "${BASH_REMATCH[1]}"
		return
	fi
	local base latest
	base=$(release_base) || exit
	latest=$(latest_version "$base") || exit
	if [[ $ref =~ ^v([0-9]+(\.[0-9]+)?)$ ]]; then
		case "$latest" in
		"${BASH_REMATCH[1]}".*) ;;
		*) die 3 "this action is used at $ref, but the latest fpcheck release is $latest, not a $ref.x release: set the version input to the fpcheck release you want (version: X.Y.Z), or use the action at v${latest%%.*}" ;;
		esac
	fi
	echo "$latest"
}

# sha256 FILE prints FILE's SHA-256 in hex.
sha256() {
	local sum
	if command -v sha256sum >/dev/null 2>&1; then
		sum=$(sha256sum -b "$1")
	elif command -v shasum >/dev/null 2>&1; then
		sum=$(shasum -a 256 -b "$1")
	elif command -v openssl >/dev/null 2>&1; then
		sum=$(openssl dgst -sha256 -r "$1")
	else
		die 3 "cannot verify the download: none of sha256sum, shasum and openssl is on PATH"
	fi
	sum=${sum%% *}
	echo "${sum,,}"
}

# unpack ARCHIVE DIR extracts a .tar.gz or .zip into DIR.
unpack() {
	case "$1" in
	*.tar.gz) tar -xzf "$1" -C "$2" ;;
	*.zip)
		if command -v unzip >/dev/null 2>&1; then
			unzip -q -o "$1" -d "$2"
		elif command -v 7z >/dev/null 2>&1; then
			7z x -y -bd "-o$2" "$1" >/dev/null
		elif command -v pwsh >/dev/null 2>&1; then
			pwsh -NoProfile -Command 'Expand-Archive -Force -LiteralPath $args[0] -DestinationPath $args[1]' "$1" "$2"
		else
			echo "none of unzip, 7z and pwsh is on PATH" >&2
			return 1
		fi
		;;
	esac
}

# install_release VERSION BIN_DIR downloads the release archive for this
# runner and checksums.txt, verifies the archive's SHA-256 against its line
# there (no line, or another sum, refuses it), and unpacks the binary into
# BIN_DIR. Prints the binary's path.
install_release() {
	local version=$1 bin_dir=$2 goos goarch p
	p=$(platform) || exit
	read -r goos goarch <<<"$p"
	local ext=tar.gz exe=fpcheck
	if [ "$goos" = windows ]; then ext=zip exe=fpcheck.exe; fi
	local name="fpcheck_${version}_${goos}_${goarch}.$ext"
	local url
	url="$(release_base)/download/v$version" || exit
	local dl
	dl=$(temp_dir)
	echo "downloading $name and checksums.txt from $url" >&2
	fetch "$url/checksums.txt" "$dl/checksums.txt" ||
		die 3 "cannot download checksums.txt of fpcheck $version from $url (is $version a release of fpcheck? see https://github.com/fpcheck/fpcheck/releases)"
	local want
	want=$(awk -v n="$name" '($2 == n || $2 == "*" n) { print tolower($1) }' "$dl/checksums.txt")
	[ -n "$want" ] ||
		die 3 "fpcheck $version has no $goos/$goarch build: checksums.txt lists no $name, so it is not installed (RUNNER_OS ${RUNNER_OS:-unset}, RUNNER_ARCH ${RUNNER_ARCH:-unset})"
	[[ $want =~ ^[0-9a-f]{64}$ ]] || die 3 "checksums.txt of fpcheck $version has no valid SHA-256 for $name"
	fetch "$url/$name" "$dl/$name" || die 3 "cannot download $url/$name"
	local got
	got=$(sha256 "$dl/$name")
	[ "$got" = "$want" ] ||
		die 3 "$name does not match checksums.txt (SHA-256 $got, want $want): the download is refused"
	echo "verified $name: SHA-256 $got matches checksums.txt" >&2
	local x="$dl/x"
	mkdir -p "$x"
	unpack "$dl/$name" "$x" || die 3 "cannot unpack $name"
	[ -f "$x/$exe" ] || die 3 "$name holds no $exe"
	mv -f "$x/$exe" "$bin_dir/$exe"
	chmod +x "$bin_dir/$exe"
	rm -rf "$dl"
	echo "$bin_dir/$exe"
}

# build_source BIN_DIR builds the fpcheck of this action's checkout with Go.
build_source() {
	local bin_dir=$1
	command -v go >/dev/null 2>&1 || die 2 "version: source needs go on PATH; leave the go-version input at its default so actions/setup-go installs it"
	local exe
	exe="$bin_dir/fpcheck$(go env GOEXE)"
	# Our own build settings, whatever the calling job set for its own Go code.
	export GOFLAGS=-buildvcs=false GOWORK=off
	local ldflags=""
	if [[ ${FPCHECK_ACTION_REF:-} =~ ^v([0-9]+\.[0-9]+\.[0-9]+([-+].*)?)$ ]]; then
		ldflags="-X main.version=${BASH_REMATCH[1]}"
	fi
	echo "building fpcheck from $ACTION_DIR with $(go version)" >&2
	(cd "$ACTION_DIR" && go build -trimpath -ldflags "$ldflags" -o "$exe" ./cmd/fpcheck) >&2 ||
		die 3 "go build of fpcheck in $ACTION_DIR failed"
	echo "$exe"
}

cmd_install() {
	local version
	version=$(resolve_version) || exit
	local bin_dir=${FPCHECK_BIN_DIR:-}
	[ -n "$bin_dir" ] || bin_dir=$(temp_dir)/bin
	mkdir -p "$bin_dir"
	bin_dir=$(cd "$bin_dir" && pwd)
	local exe
	if [ "$version" = source ]; then
		exe=$(build_source "$bin_dir") || exit
	else
		echo "fpcheck $version (action ref '${FPCHECK_ACTION_REF:-}', version input '${INPUT_VERSION:-}')"
		exe=$(install_release "$version" "$bin_dir") || exit
	fi
	local said
	said=$("$exe" --version 2>&1) || die 3 "the installed $exe does not run: $said"
	echo "$said"
	if [ "$version" != source ] && [ "$said" != "fpcheck $version" ]; then
		die 3 "the installed fpcheck says '$said', want 'fpcheck $version'"
	fi
	output fpcheck "$exe"
	output version "${said#fpcheck }"
	# Later steps of the job can run `fpcheck` too (e.g. an npm script).
	if [ -n "${GITHUB_PATH:-}" ]; then
		if command -v cygpath >/dev/null 2>&1; then
			cygpath -w "$bin_dir" >>"$GITHUB_PATH"
		else
			echo "$bin_dir" >>"$GITHUB_PATH"
		fi
	fi
}

# normalize_path P prints P relative to the repository root without ./, //
# or a trailing slash ('.' for the root); it refuses paths outside the root.
normalize_path() {
	local p=$1 workspace=$2
	p=${p//\\//}
	if [[ $p == /* ]]; then
		case "$p/" in
		"$workspace"/*) p=${p#"$workspace"} ;;
		*) die 2 "input path '$1' is outside the repository ($workspace); give it relative to the repository root" ;;
		esac
	fi
	local -a parts=() out=()
	IFS=/ read -r -a parts <<<"$p"
	local part
	for part in "${parts[@]}"; do
		case "$part" in
		'' | .) ;;
		..)
			[ ${#out[@]} -gt 0 ] || die 2 "input path '$1' is outside the repository; give it relative to the repository root"
			unset 'out[${#out[@]}-1]'
			;;
		*) out+=("$part") ;;
		esac
	done
	if [ ${#out[@]} -eq 0 ]; then
		echo .
	else
		(IFS=/ && echo "${out[*]}")
	fi
}

cmd_run() {
	local fpcheck=${FPCHECK:-fpcheck}
	command -v "$fpcheck" >/dev/null 2>&1 || die 3 "fpcheck binary '$fpcheck' not found"
	local workspace=${GITHUB_WORKSPACE:-$PWD}
	workspace=$(cd "$workspace" && pwd)
	cd "$workspace"

	local path submit upload lang prefix category sarif
	path=$(normalize_path "${INPUT_PATH:-.}" "$workspace")
	submit=$(bool submit "${INPUT_SUBMIT:-}" false)
	local mode=${INPUT_UPLOAD_SARIF:-auto} skip=""
	case "${mode,,}" in
	auto | true | false) mode=${mode,,} ;;
	*) die 2 "input upload-sarif must be 'auto', 'true' or 'false', got '$mode'" ;;
	esac
	upload=true
	if [ "$mode" = false ]; then
		upload=false
	elif [ "$mode" = auto ] && [ "$(bool fork-pr "${FPCHECK_FORK_PR:-}" false)" = true ]; then
		# GitHub gives a pull request from a fork a read-only token: the
		# upload could only fail.
		upload=false skip=fork
	fi
	lang=${INPUT_LANG:-}
	case "${lang,,}" in
	'' | zh | en) lang=${lang,,} ;;
	*) die 2 "input lang must be 'zh', 'en' or empty, got '$lang'" ;;
	esac
	prefix=""
	[ "$path" = . ] || prefix=$path
	category=${INPUT_CATEGORY:-}
	if [ -z "$category" ]; then
		category=fpcheck
		[ -z "$prefix" ] || category="fpcheck:$prefix"
	fi

	local work
	work=$(temp_dir)
	sarif=${INPUT_SARIF_FILE:-$work/fpcheck.sarif}
	mkdir -p "$(dirname "$sarif")"
	sarif="$(cd "$(dirname "$sarif")" && pwd)/$(basename "$sarif")"

	local -a args=()
	[ -z "$lang" ] || args+=(--lang "$lang")
	[ "$submit" = false ] || args+=(--submit)
	[ -z "$prefix" ] || args+=(--path-prefix "$prefix")
	local glob
	while IFS= read -r glob; do
		glob=${glob#"${glob%%[![:space:]]*}"}
		glob=${glob%"${glob##*[![:space:]]}"}
		[ -z "$glob" ] || args+=(--ignore "$glob")
	done <<<"${INPUT_IGNORE:-}"

	output path "$path"
	output upload-sarif "$upload"
	output upload-mode "$mode"
	output category "$category"

	# fpcheck is deterministic, so every format comes from identical runs;
	# each must end like the first.
	local code=0
	# One run writes every report the step needs.
	local formats=(--format "sarif=$sarif" --format "json=$work/report.json"
		--format "markdown=$work/summary.md" --format "text=$work/report.txt")
	# The annotations are printed now without an upload, or later by
	# `gate` when the upload fails.
	formats+=(--format "github=$work/annotations.txt")
	# The command line, fpcheck's messages and its text report all go to
	# the log with commands stopped (see stop_commands).
	echo "fpcheck ${args[*]} $path" >"$work/command.txt"
	"$fpcheck" --no-color "${formats[@]}" "${args[@]}" -- "$path" 2>"$work/stderr" || code=$?
	if [ "$code" -gt 1 ]; then
		stop_commands
		{
			cat "$work/command.txt"
			echo "fpcheck exited $code:"
			cat "$work/stderr"
		} | neutralize
		resume_commands
		output exit-code "$code"
		if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
			# An indented code block: no line of it can end it, unlike a fence.
			{
				if [ "$lang" = zh ]; then
					printf '## fpcheck\n\nfpcheck 未能检查 `%s`（退出码 %s）：\n\n' "$path" "$code"
				else
					printf '## fpcheck\n\nfpcheck could not check `%s` (exit status %s):\n\n' "$path" "$code"
				fi
				head -c 4000 "$work/stderr" | LC_ALL=C tr '\000-\010\013-\037\177' '?' | awk '{ print "    " $0 }'
				printf '\n'
			} >>"$GITHUB_STEP_SUMMARY"
		fi
		echo "::error title=fpcheck::$(command_data "$(head -n 1 "$work/stderr" | neutralize)")"
		exit "$code"
	fi

	local counts
	counts=$(count "$work/report.json") || die 3 "could not read fpcheck's JSON report"
	local errors warnings notes files
	read -r errors warnings notes files <<<"$counts"

	# The words the job summary adds follow the report's language, which
	# fpcheck.json's "lang" or the locale may have chosen.
	if [ -z "$lang" ] && [ "$(sarif_language "$sarif" 2>/dev/null)" = zh-CN ]; then
		lang=zh
	fi

	output exit-code "$code"
	output errors "$errors"
	output warnings "$warnings"
	output notes "$notes"
	output files "$files"
	output sarif-file "$sarif"
	output annotations-file "$work/annotations.txt"
	output lang "${lang:-en}"

	stop_commands
	cat "$work/command.txt" "$work/stderr" "$work/report.txt" | neutralize
	resume_commands
	if [ "$upload" = false ]; then
		# Workflow commands must reach standard output to become annotations.
		grep '^::' "$work/annotations.txt" || true
	fi
	if [ "$skip" = fork ]; then
		echo "fpcheck: SARIF upload skipped: this pull request comes from a fork, whose token cannot write code scanning results (upload-sarif: auto); the findings are annotations instead"
	fi
	if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
		{
			cat "$work/summary.md"
			if [ "$lang" = zh ]; then
				[ -z "$prefix" ] || printf '\n项目：`%s`。\n' "$path"
				[ "$submit" = false ] || printf '\n本次按提审前检查运行（`--submit`）。\n'
				[ "$skip" != fork ] || printf '\n未上传到代码扫描（code scanning）：来自 fork 的拉取请求只有只读令牌；问题已作为注释（annotations）显示。\n'
			else
				[ -z "$prefix" ] || printf '\nProject: `%s`.\n' "$path"
				[ "$submit" = false ] || printf '\nChecked as a pre-submission gate (`--submit`).\n'
				[ "$skip" != fork ] || printf '\nNot uploaded to code scanning: a pull request from a fork has a read-only token. The findings are shown as annotations.\n'
			fi
			printf '\n'
		} >>"$GITHUB_STEP_SUMMARY"
	fi
	echo "fpcheck: exit status $code; $errors error(s), $warnings warning(s) in $files file(s); SARIF: $sarif"
}

# count FILE prints "errors warnings notes files" from fpcheck's JSON report.
count() {
	if command -v node >/dev/null 2>&1; then
		node -e '
			const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
			if (r.schemaVersion !== 1) throw new Error("unknown schemaVersion " + r.schemaVersion);
			const s = r.summary;
			for (const k of ["errors", "warnings", "notes", "files"])
				if (!Number.isInteger(s[k])) throw new Error("summary." + k + " is not a number");
			console.log(s.errors, s.warnings, s.notes, s.files);
		' "$1"
	elif command -v jq >/dev/null 2>&1; then
		jq -er 'if .schemaVersion == 1 then .summary | "\(.errors) \(.warnings) \(.notes) \(.files)" else error("unknown schemaVersion") end' "$1"
	else
		echo "neither node nor jq is on PATH" >&2
		return 1
	fi
}

# sarif_language FILE prints the SARIF log's run.language (zh-CN, en-US).
sarif_language() {
	if command -v node >/dev/null 2>&1; then
		node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).runs[0].language || "")' "$1"
	elif command -v jq >/dev/null 2>&1; then
		jq -r '.runs[0].language // ""' "$1"
	fi
}

# upload_report says what became of the SARIF upload (FPCHECK_UPLOAD_OUTCOME,
# the upload step's outcome) in the log and the job summary. When it
# failed, the findings were not shown anywhere but the summary: the
# annotations are printed instead. Returns 1 when the upload failed.
upload_report() {
	local outcome=${FPCHECK_UPLOAD_OUTCOME:-} lang=${FPCHECK_LANG:-en}
	case "$outcome" in
	'' | skipped) return 0 ;;
	success)
		echo "fpcheck: SARIF uploaded to code scanning (category ${FPCHECK_CATEGORY:-fpcheck})"
		return 0
		;;
	esac
	local why="the SARIF upload to code scanning failed (outcome: $outcome; its error is in the step 'Upload SARIF to code scanning' above). The usual causes: code scanning is not enabled — a private repository without GitHub Advanced Security (GitHub Code Security); the job lacks permissions security-events: write (and contents: read, actions: read in a private repository); or a token that cannot write, as in a pull request from a fork. The findings are shown as annotations instead; set upload-sarif: false to skip the upload"
	echo "::warning title=fpcheck: SARIF not uploaded::$(command_data "$why")"
	echo "fpcheck: $why"
	if [ -n "${FPCHECK_ANNOTATIONS:-}" ] && [ -f "$FPCHECK_ANNOTATIONS" ]; then
		grep '^::' "$FPCHECK_ANNOTATIONS" || true
	fi
	if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
		if [ "$lang" = zh ]; then
			printf '### 未上传到代码扫描\n\nSARIF 上传失败（见上方步骤 “Upload SARIF to code scanning” 的错误）。常见原因：仓库未启用代码扫描（私有仓库没有 GitHub Advanced Security / GitHub Code Security）；作业缺少 `permissions: security-events: write`（私有仓库还需 `contents: read`、`actions: read`）；或令牌只读（例如来自 fork 的拉取请求）。问题已作为注释（annotations）显示。不想上传时设 `upload-sarif: false`。\n\n'
		else
			printf '### Not uploaded to code scanning\n\nThe SARIF upload failed (its error is in the step "Upload SARIF to code scanning" above). Usual causes: code scanning is not enabled (a private repository without GitHub Advanced Security / GitHub Code Security); the job lacks `permissions: security-events: write` (and `contents: read`, `actions: read` in a private repository); or a read-only token, as in a pull request from a fork. The findings are shown as annotations instead. Set `upload-sarif: false` to skip the upload.\n\n'
		fi >>"$GITHUB_STEP_SUMMARY"
	fi
	return 1
}

cmd_gate() {
	local fail code=${FPCHECK_EXIT_CODE:-} where=${FPCHECK_PATH:-.} mode=${FPCHECK_UPLOAD_MODE:-auto}
	fail=$(bool fail-on-error "${INPUT_FAIL_ON_ERROR:-}" true)
	local status=0 uploaded=true
	upload_report || uploaded=false
	case "$code" in
	0)
		echo "fpcheck: no error-level problems in $where (${FPCHECK_WARNINGS:-0} warning(s))"
		;;
	1)
		local msg="fpcheck found ${FPCHECK_ERRORS:-some} error-level problem(s) in $where; see the job summary"
		if [ "$fail" = true ]; then
			echo "::error title=fpcheck::$(command_data "$msg")"
			status=1
		else
			echo "::warning title=fpcheck::$(command_data "$msg") (not failing: fail-on-error is false)"
		fi
		;;
	*) die 3 "fpcheck did not run (exit code '$code')" ;;
	esac
	if [ "$uploaded" = false ] && [ "$mode" = true ]; then
		echo "::error title=fpcheck::$(command_data "the SARIF upload failed and upload-sarif is 'true'; use 'auto' to report the findings without code scanning")"
		status=1
	fi
	exit "$status"
}

case "${1:-}" in
install) cmd_install ;;
run) cmd_run ;;
gate) cmd_gate ;;
*)
	echo "usage: $0 install|run|gate (inputs in INPUT_* environment variables; see the comments)" >&2
	exit 2
	;;
esac
