#!/usr/bin/env bash
# Lints the GitHub Actions files of this repository:
#   1. actionlint on .github/workflows/*.yml and docs/workflows/*.yml. Through
#      the `uses: ./` steps it also checks action.yml's metadata (required
#      keys, runs:, branding:, and the inputs given in `with:`), but not the
#      action's steps;
#   2. so the composite action's steps are copied into a generated workflow
#      (inputs become workflow_call inputs) and linted by actionlint as well:
#      expressions, `if:` conditions, the inputs of actions/setup-go and
#      github/codeql-action/upload-sarif, and run: scripts;
#   3. the wiring between action.yml and scripts/action-run.sh: every
#      INPUT_*/FPCHECK_* variable the script reads is set by action.yml, and
#      every step output action.yml reads is written by the script;
#   4. README.md's workflow examples (the GitHub Actions section) through
#      actionlint; permissions with security-events: write in every example;
#      the current major versions of actions/checkout, setup-go, setup-node
#      and github/codeql-action everywhere; action.yml's actions pinned by
#      commit SHA;
#   5. shellcheck on the action's scripts.
#
# actionlint runs shellcheck on run: scripts when shellcheck is on PATH, so
# the result would depend on the machine. To make it the same everywhere,
# ShellCheck is required: when it is missing it is installed with apt-get
# (Debian/Ubuntu, as root or with password-less sudo; the package is 2.6 MB).
# FPCHECK_NO_SHELLCHECK=1 skips it instead, and says so.
#
# actionlint is installed once with `go install` into
#   ${FPCHECK_TOOLS:-$HOME/.cache/fpcheck-tools}/bin
# and reused while its version matches ACTIONLINT_VERSION.
set -euo pipefail
cd "$(dirname "$0")/.."

ACTIONLINT_VERSION=v1.7.12
TOOLS="${FPCHECK_TOOLS:-$HOME/.cache/fpcheck-tools}"
export GOBIN="$TOOLS/bin"
export PATH="$GOBIN:$PATH"
export GOFLAGS="${GOFLAGS:--buildvcs=false}"
mkdir -p "$GOBIN"

step() { printf '\n== %s\n' "$*"; }
die() {
	echo "check-actions: $*" >&2
	exit 1
}

step "actionlint $ACTIONLINT_VERSION"
if ! actionlint -version 2>/dev/null | head -n 1 | grep -qx "${ACTIONLINT_VERSION}"; then
	echo "installing actionlint $ACTIONLINT_VERSION into $GOBIN"
	go install "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION"
fi
actionlint -version | head -n 1

step "shellcheck"
shellcheck_flag=()
if [ "${FPCHECK_NO_SHELLCHECK:-}" = 1 ]; then
	echo "FPCHECK_NO_SHELLCHECK=1: shellcheck skipped, run: scripts are NOT checked"
	shellcheck_flag=(-shellcheck=)
else
	if ! command -v shellcheck >/dev/null 2>&1; then
		apt=()
		if [ "$(id -u)" = 0 ]; then
			apt=(apt-get)
		elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
			apt=(sudo -n apt-get)
		fi
		if ! command -v apt-get >/dev/null 2>&1 || [ ${#apt[@]} -eq 0 ]; then
			die "shellcheck is not installed and cannot be installed here (apt-get as root or with sudo); install it, or set FPCHECK_NO_SHELLCHECK=1 to lint without it"
		fi
		echo "installing shellcheck with apt-get"
		"${apt[@]}" install -y -qq shellcheck >/dev/null 2>&1 ||
			{ "${apt[@]}" update -qq && "${apt[@]}" install -y -qq shellcheck >/dev/null; } ||
			die "apt-get install shellcheck failed"
		command -v shellcheck >/dev/null 2>&1 || die "apt-get installed shellcheck, but it is not on PATH"
	fi
	shellcheck --version | sed -n 's/^version: /shellcheck /p'
fi

step "workflows"
workflows=(.github/workflows/*.yml docs/workflows/*.yml)
printf '%s\n' "${workflows[@]}"
actionlint "${shellcheck_flag[@]}" "${workflows[@]}"

step "action.yml steps"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The steps keep their text, two columns further right, after a header that
# declares the action's inputs as workflow_call inputs. Each error is mapped
# back to its line in action.yml.
generated="$work/action-steps.yml"
awk '
	BEGIN { print "# generated from action.yml by scripts/check-actions.sh"; print "on:"; print "  workflow_call:"; print "    inputs:" }
	/^[^ #]/ { top = $1 }
	top == "inputs:" && /^  [A-Za-z0-9_-]+:[ ]*$/ { print "    " $0; print "        type: string"; print "        required: false" }
	top == "runs:" && /^  steps:[ ]*$/ { insteps = 1; print "jobs:"; print "  composite:"; print "    runs-on: ubuntu-latest"; print "    steps:"; printf "%d\n", NR > "/dev/stderr"; next }
	insteps && top == "runs:" { print "  " $0 }
' action.yml >"$generated" 2>"$work/steps-line"
[ -s "$work/steps-line" ] || die "action.yml has no runs.steps"
# line in action.yml = line in the generated file + offset
offset=$(($(cat "$work/steps-line") - $(grep -n '^    steps:$' "$generated" | cut -d: -f1)))
# shellcheck disable=SC2016 # a Go template, not shell
if ! actionlint "${shellcheck_flag[@]}" -format '{{range $e := .}}{{$e.Line}}\t{{$e.Column}}\t{{$e.Message}} [{{$e.Kind}}]\n{{end}}' "$generated" >"$work/errors"; then
	awk -F '\t' -v off="$offset" '{ printf "action.yml:%d:%d: %s\n", $1 + off, $2, $3 }' "$work/errors"
	[ -s "$work/errors" ] || die "actionlint failed on the generated workflow $generated"
	exit 1
fi
echo "action.yml: $(grep -c '^      - ' "$generated") steps OK"

step "action.yml ↔ scripts/action-run.sh"
node - action.yml scripts/action-run.sh <<'EOF'
const fs = require("fs");
const [actionFile, scriptFile] = process.argv.slice(2);
const action = fs.readFileSync(actionFile, "utf8");
const script = fs.readFileSync(scriptFile, "utf8");
const problems = [];
// Variables the script reads ("${NAME" outside comments) that action.yml must set.
const code = script.split("\n").filter((l) => !/^\s*#/.test(l)).join("\n");
const read = new Set([...code.matchAll(/\$\{((?:INPUT|FPCHECK)_[A-Z_]+)/g)].map((m) => m[1]));
const set = new Set([...action.matchAll(/^\s+((?:INPUT|FPCHECK)_[A-Z_]+):/gm)].map((m) => m[1]));
// FPCHECK_BIN_DIR is only for local use; FPCHECK_RELEASE_BASE_URL comes from the job's env.
const optional = new Set(["FPCHECK_BIN_DIR", "FPCHECK_RELEASE_BASE_URL"]);
for (const v of read) if (!set.has(v) && !optional.has(v)) problems.push(`scripts/action-run.sh reads ${v}, which action.yml never sets`);
for (const v of set) if (!read.has(v)) problems.push(`action.yml sets ${v}, which scripts/action-run.sh never reads`);
// Step outputs action.yml reads must be written by the script (output NAME ...).
const written = new Set([...code.matchAll(/\boutput ([a-z][a-z-]*) /g)].map((m) => m[1]));
for (const m of action.matchAll(/steps\.(install|fpcheck)\.outputs\.([A-Za-z0-9_-]+)/g))
	if (!written.has(m[2])) problems.push(`action.yml reads steps.${m[1]}.outputs.${m[2]}, which scripts/action-run.sh never writes`);
// actionlint does not know github/codeql-action/upload-sarif's inputs.
const upload = action.match(/uses: github\/codeql-action\/upload-sarif@\S+.*\n\s+with:\n((?:\s{8}.*\n)+)/);
if (!upload) problems.push("action.yml has no github/codeql-action/upload-sarif step with inputs");
else {
	if (!/^\s+sarif_file:/m.test(upload[1])) problems.push("upload-sarif is not given sarif_file");
	for (const m of upload[1].matchAll(/^\s+([A-Za-z_-]+):/gm))
		if (!["sarif_file", "category", "checkout_path", "ref", "sha", "token", "matrix", "wait-for-processing"].includes(m[1]))
			problems.push(`upload-sarif has no input ${m[1]}`);
}
// The script must be called for each of its modes.
for (const mode of ["install", "run", "gate"])
	if (!action.includes(`/scripts/action-run.sh" ${mode}`)) problems.push(`action.yml never runs action-run.sh ${mode}`);
if (problems.length) {
	for (const p of problems) console.log(p);
	process.exit(1);
}
console.log(`${read.size} variables and ${written.size} outputs wired`);
EOF

step "README's workflow examples (GitHub Actions section), versions and pinning"
# Every complete workflow in README.md's "### 3. GitHub Actions with code
# scanning" (README.zh-CN.md has the same blocks, internal/docs checks) is
# linted by actionlint as it is, but for a placeholder commit written
# <...>; every workflow example has permissions with security-events:
# write; the actions they and action.yml use are at the current major
# versions; action.yml pins each by a full commit SHA with its tag in a
# comment.
node - "$work" README.md action.yml docs/workflows/*.yml .github/workflows/*.yml <<'EOF'
const fs = require("fs");
const [dir, readme, actionFile, ...workflows] = process.argv.slice(2);
const problems = [];
const md = fs.readFileSync(readme, "utf8");
const start = md.indexOf("\n### 3. GitHub Actions with code scanning\n");
if (start < 0) problems.push(`${readme} has no "### 3. GitHub Actions with code scanning" section`);
const section = md.slice(start, md.indexOf("\n## ", start + 1));
const examples = [];
for (const m of section.matchAll(/\n```yaml\n([\s\S]*?)\n```/g)) {
	if (!/^jobs:/m.test(m[1])) continue; // a fragment of steps
	const file = `${dir}/readme-example-${examples.length + 1}.yml`;
	fs.writeFileSync(file, m[1].replace(/@<[^>\n]*>/g, "@" + "0".repeat(40)) + "\n");
	examples.push({ file, name: `${readme} example ${examples.length + 1}`, text: m[1] });
}
if (examples.length < 2) problems.push(`${readme}'s GitHub Actions section has ${examples.length} complete workflows, want 2 (tags, and pinned by SHA)`);
fs.writeFileSync(`${dir}/readme-examples`, examples.map((e) => e.file).join("\n") + "\n");
// The current major versions (github/codeql-action v3 is deprecated).
const current = { "actions/checkout": 7, "actions/setup-go": 7, "actions/setup-node": 7, "github/codeql-action": 4 };
const all = [...examples, ...workflows.map((f) => ({ name: f, text: fs.readFileSync(f, "utf8") })),
	{ name: actionFile, text: fs.readFileSync(actionFile, "utf8"), action: true }];
for (const w of all) {
	if (!w.action) {
		if (!/^\s*permissions:/m.test(w.text)) problems.push(`${w.name}: no permissions:`);
		if (/uses: (fpcheck\/fpcheck@|\.\/\s*$)/m.test(w.text) && !/^\s+security-events: write/m.test(w.text))
			problems.push(`${w.name}: runs the action without permissions security-events: write`);
	}
	for (const m of w.text.matchAll(/uses: ([\w.-]+\/[\w.-]+)(?:\/[\w./-]+)?@(\S+)(?:[ \t]+#[ \t]*(\S+))?/g)) {
		const [, repo, ref, comment] = m;
		const sha = /^[0-9a-f]{40}$/.test(ref);
		if (w.action && !(sha && /^v\d+\.\d+\.\d+$/.test(comment || "")))
			problems.push(`${w.name}: ${repo}@${ref} is not pinned by a full commit SHA with its vX.Y.Z tag in a comment`);
		if (!(repo in current)) continue;
		const tag = sha ? comment || "" : ref;
		const major = /^v(\d+)/.exec(tag);
		if (!major) problems.push(`${w.name}: ${repo}@${ref}: no version tag${sha ? " in the comment" : ""}`);
		else if (Number(major[1]) !== current[repo]) problems.push(`${w.name}: ${repo}@${ref}${comment ? " # " + comment : ""} is not the current major version v${current[repo]}`);
	}
}
if (problems.length) {
	for (const p of problems) console.log(p);
	process.exit(1);
}
console.log(`${examples.length} README workflows, ${all.length} files: permissions, current majors, action.yml pinned`);
EOF
mapfile -t readme_examples <"$work/readme-examples"
actionlint "${shellcheck_flag[@]}" "${readme_examples[@]}"
echo "actionlint: README.md's ${#readme_examples[@]} workflow examples OK"

if [ ${#shellcheck_flag[@]} -eq 0 ]; then
	step "shellcheck scripts"
	shellcheck scripts/action-run.sh scripts/test-action.sh scripts/check-actions.sh
	echo "scripts/action-run.sh scripts/test-action.sh scripts/check-actions.sh OK"
fi

echo
echo "check-actions: all checks passed"
