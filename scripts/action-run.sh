#!/usr/bin/env bash
# action-run.sh install|run|gate
#
# The shell side of the composite GitHub Action in action.yml, kept here so
# that it can be tested without GitHub (scripts/test-action.sh). Everything
# comes in through environment variables and goes out through the files
# GitHub names in $GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY (both optional).
#
#   install   Build fpcheck and write its path as the output `fpcheck`.
#               INPUT_VERSION      '' (default): build this checkout of the
#                                  action with `go build`; else a version for
#                                  `go install github.com/fpcheck/fpcheck/cmd/fpcheck@VERSION`
#                                  ('1.2.3', 'v1.2.3', 'latest', a commit)
#               FPCHECK_ACTION_REF the action's ref (github.action_ref); a
#                                  vX.Y.Z tag becomes the build's version
#               FPCHECK_BIN_DIR    where to put the binary (default: a new
#                                  directory under $RUNNER_TEMP, else a temp
#                                  dir); it is added to $GITHUB_PATH
#
#   run       Check the project once per output format: SARIF to a file,
#             JSON for the counts, Markdown for the job summary, text for
#             the log and, without SARIF upload, workflow-command annotations.
#               FPCHECK             the fpcheck binary (default: fpcheck on PATH)
#               INPUT_PATH          project directory relative to the
#                                   repository root (default '.')
#               INPUT_SUBMIT        'true'/'false': --submit (default false)
#               INPUT_UPLOAD_SARIF  'true'/'false' (default true); when false,
#                                   findings are printed as annotations
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
#             category, upload-sarif, path. Exit status 0 when fpcheck exited
#             0 or 1 (findings never stop the job before the SARIF upload);
#             fpcheck's own status 2 or 3 (not a project, usage, internal
#             failure) is passed on after its message, and so is 2 for a
#             bad input.
#
#   gate      Decide the job's fate after the upload.
#               INPUT_FAIL_ON_ERROR 'true'/'false' (default true)
#               FPCHECK_EXIT_CODE, FPCHECK_ERRORS, FPCHECK_WARNINGS, FPCHECK_PATH
#                                   the outputs of `run`
#             Exit status 1 when fail-on-error is true and fpcheck found
#             error-level problems, 0 otherwise.

# shellcheck disable=SC2016 # backquotes in printf formats are Markdown code
set -euo pipefail

MODULE=github.com/fpcheck/fpcheck
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

cmd_install() {
	command -v go >/dev/null 2>&1 || die 2 "go is not on PATH; leave the go-version input at its default so actions/setup-go installs it"
	local bin_dir=${FPCHECK_BIN_DIR:-}
	[ -n "$bin_dir" ] || bin_dir=$(temp_dir)/bin
	mkdir -p "$bin_dir"
	bin_dir=$(cd "$bin_dir" && pwd)
	local exe
	exe="$bin_dir/fpcheck$(go env GOEXE)"
	# Our own build settings, whatever the calling job set for its own Go code.
	export GOFLAGS=-buildvcs=false GOWORK=off
	local version=${INPUT_VERSION:-}
	if [ -z "$version" ]; then
		local ldflags=""
		if [[ ${FPCHECK_ACTION_REF:-} =~ ^v([0-9]+\.[0-9]+\.[0-9]+([-+].*)?)$ ]]; then
			ldflags="-X main.version=${BASH_REMATCH[1]}"
		fi
		echo "building fpcheck from $ACTION_DIR with $(go version)"
		(cd "$ACTION_DIR" && go build -trimpath -ldflags "$ldflags" -o "$exe" ./cmd/fpcheck) ||
			die 3 "go build of fpcheck in $ACTION_DIR failed"
	else
		if [[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+ ]]; then version="v$version"; fi
		echo "installing $MODULE/cmd/fpcheck@$version with $(go version)"
		# From an empty directory, so that no go.mod of the calling repository applies.
		(cd "$(temp_dir)" && GOBIN="$bin_dir" go install -trimpath "$MODULE/cmd/fpcheck@$version") ||
			die 3 "go install $MODULE/cmd/fpcheck@$version failed"
	fi
	"$exe" --version
	output fpcheck "$exe"
	# Later steps of the job can run `fpcheck` too (e.g. an npm script).
	if [ -n "${GITHUB_PATH:-}" ]; then
		echo "$bin_dir" >>"$GITHUB_PATH"
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
	upload=$(bool upload-sarif "${INPUT_UPLOAD_SARIF:-}" true)
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
	output category "$category"

	# fpcheck is deterministic, so every format comes from identical runs;
	# each must end like the first.
	local code=0
	# One run writes every report the step needs.
	local formats=(--format "sarif=$sarif" --format "json=$work/report.json"
		--format "markdown=$work/summary.md" --format "text=$work/report.txt")
	[ "$upload" = true ] || formats+=(--format "github=$work/annotations.txt")
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

	stop_commands
	cat "$work/command.txt" "$work/stderr" "$work/report.txt" | neutralize
	resume_commands
	if [ "$upload" = false ]; then
		# Workflow commands must reach standard output to become annotations.
		grep '^::' "$work/annotations.txt" || true
	fi
	if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
		{
			cat "$work/summary.md"
			if [ "$lang" = zh ]; then
				[ -z "$prefix" ] || printf '\n项目：`%s`。\n' "$path"
				[ "$submit" = false ] || printf '\n本次按提审前检查运行（`--submit`）。\n'
			else
				[ -z "$prefix" ] || printf '\nProject: `%s`.\n' "$path"
				[ "$submit" = false ] || printf '\nChecked as a pre-submission gate (`--submit`).\n'
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

cmd_gate() {
	local fail code=${FPCHECK_EXIT_CODE:-} where=${FPCHECK_PATH:-.}
	fail=$(bool fail-on-error "${INPUT_FAIL_ON_ERROR:-}" true)
	case "$code" in
	0)
		echo "fpcheck: no error-level problems in $where (${FPCHECK_WARNINGS:-0} warning(s))"
		;;
	1)
		local msg="fpcheck found ${FPCHECK_ERRORS:-some} error-level problem(s) in $where; see the job summary"
		if [ "$fail" = true ]; then
			echo "::error title=fpcheck::$(command_data "$msg")"
			exit 1
		fi
		echo "::warning title=fpcheck::$(command_data "$msg") (not failing: fail-on-error is false)"
		;;
	*) die 3 "fpcheck did not run (exit code '$code')" ;;
	esac
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
