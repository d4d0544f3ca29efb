#!/usr/bin/env bash
# validate-sarif.sh FILE.sarif [FILE.sarif ...]
#
# Validates SARIF logs with Microsoft's SARIF Multitool using the GitHub
# Advanced Security rule set plus the generic SARIF rules
# (--rule-kind "Ghas;Sarif"). Exits 0 only when no file has any result of
# level "error" or "warning" (a result without a level counts as "warning").
# Notes are advice and never fail; set SARIF_SHOW_NOTES=1 to print them.
#
# The tool is installed once from the npm registry into
#   ${FPCHECK_TOOLS:-$HOME/.cache/fpcheck-tools}/sarif-multitool
# and reused from there.
#
# Exit status: 0 all valid, 1 a file is invalid or the tool could not run,
# 2 usage error.
set -euo pipefail

MULTITOOL_VERSION=5.7.0
RULE_KINDS='Ghas;Sarif'

usage() {
	echo "usage: $0 FILE.sarif [FILE.sarif ...]" >&2
	exit 2
}
[ $# -ge 1 ] || usage
case "$1" in -h | --help) usage ;; esac

die() {
	echo "validate-sarif: $*" >&2
	exit 1
}

command -v node >/dev/null 2>&1 || die "node is required (Node 18 or later)"

tools_dir="${FPCHECK_TOOLS:-$HOME/.cache/fpcheck-tools}/sarif-multitool"

# The npm package @microsoft/sarif-multitool only selects a per-platform
# package that ships a self-contained .NET executable. We call that
# executable directly: the package's node_modules/.bin/sarif-multitool
# wrapper runs it through /bin/sh (spawnSync with shell: true), so the ';' in
# --rule-kind "Ghas;Sarif" would end the command there.
case "$(uname -s)/$(uname -m)" in
Linux/x86_64 | Linux/amd64) platform_pkg=sarif-multitool-linux ;;
*) die "unsupported platform $(uname -s)/$(uname -m): the npm package ships a native Sarif.Multitool for Linux x86-64 only here" ;;
esac
pkg_dir="$tools_dir/node_modules/@microsoft/$platform_pkg"
multitool="$pkg_dir/Sarif.Multitool"
stamp="$tools_dir/.installed-$MULTITOOL_VERSION"

# A self-contained .NET app aborts at start-up when libicu is missing
# ("Couldn't find a valid ICU package"). Invariant globalization changes
# nothing the validator reports, so use it unless the caller chose otherwise.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT="${DOTNET_SYSTEM_GLOBALIZATION_INVARIANT:-1}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1

install_multitool() {
	command -v npm >/dev/null 2>&1 || die "npm is required to install @microsoft/sarif-multitool"
	mkdir -p "$(dirname "$tools_dir")"
	local tmp
	tmp="$(mktemp -d "$tools_dir.tmp.XXXXXX")"
	chmod 755 "$tmp"
	echo "validate-sarif: installing @microsoft/sarif-multitool@$MULTITOOL_VERSION into $tools_dir" >&2
	# Pin the platform package too: the wrapper asks for it with ^$MULTITOOL_VERSION.
	if ! npm install --prefix "$tmp" --no-audit --no-fund --no-save --loglevel=error \
		"@microsoft/sarif-multitool@$MULTITOOL_VERSION" \
		"@microsoft/$platform_pkg@$MULTITOOL_VERSION" >&2; then
		rm -rf "$tmp"
		die "npm install of @microsoft/sarif-multitool@$MULTITOOL_VERSION failed"
	fi
	# The package's postinstall only does chmod u+x; npm may skip install scripts.
	chmod u+x "$tmp/node_modules/@microsoft/$platform_pkg/Sarif.Multitool"
	local got
	if ! got="$("$tmp/node_modules/@microsoft/$platform_pkg/Sarif.Multitool" --version 2>&1)"; then
		rm -rf "$tmp"
		die "the installed Sarif.Multitool does not run: $got"
	fi
	case "$got" in
	*"Multitool $MULTITOOL_VERSION"*) ;;
	*) rm -rf "$tmp"; die "expected Sarif.Multitool $MULTITOOL_VERSION, got: $got" ;;
	esac
	touch "$tmp/.installed-$MULTITOOL_VERSION"
	rm -rf "$tools_dir"
	mv "$tmp" "$tools_dir"
}

if [ ! -f "$stamp" ] || [ ! -f "$multitool" ]; then
	install_multitool
fi
[ -x "$multitool" ] || chmod u+x "$multitool"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# SARIF2006 (UrisShouldBeReachable, a note) sends an HTTP GET to every URI in
# the log, $schema included; switch it off so validation never uses the network.
cat >"$work/config.xml" <<'EOF'
<?xml version="1.0" encoding="utf-8"?>
<Properties>
  <Properties Key="SARIF2006.UrisShouldBeReachable.Options">
    <Property Key="RuleEnabled" Value="Disabled" Type="Driver.RuleEnabledState" />
  </Properties>
</Properties>
EOF

levels='Error;Warning'
if [ "${SARIF_SHOW_NOTES:-0}" = 1 ]; then levels='Error;Warning;Note'; fi

total=0
bad=0
for file in "$@"; do
	total=$((total + 1))
	dir="$work/$total"
	mkdir -p "$dir"
	if [ ! -f "$file" ] || [ ! -r "$file" ]; then
		echo "$file: error validate-sarif: no such readable file"
		bad=$((bad + 1))
		continue
	fi
	cp "$file" "$dir/target.sarif"

	# Check the JSON and write a canary: the same log without "$schema", which
	# must make GH1013 fire. The multitool silently skips a log that its object
	# model cannot load (for example a "guid" that is no GUID, or a uri such as
	# "a:b/c.js"), reporting nothing and exiting 0; no result on the canary
	# means the log was never analyzed.
	# shellcheck disable=SC2016 # "$schema" is JavaScript, not shell.
	if ! node -e '
		const fs = require("fs");
		const [src, canary, name] = process.argv.slice(1);
		let log;
		try {
			log = JSON.parse(fs.readFileSync(src, "utf8").replace(/^\uFEFF/, ""));
		} catch (e) {
			console.log(name + ": error validate-sarif: not valid JSON: " + e.message);
			process.exit(1);
		}
		if (log === null || typeof log !== "object" || Array.isArray(log)) {
			console.log(name + ": error validate-sarif: the top-level JSON value is not an object");
			process.exit(1);
		}
		delete log["$schema"];
		fs.writeFileSync(canary, JSON.stringify(log));
	' "$dir/target.sarif" "$dir/canary.sarif" "$file"; then
		bad=$((bad + 1))
		continue
	fi

	rc=0
	(cd "$dir" && "$multitool" validate target.sarif canary.sarif \
		--config "$work/config.xml" \
		--rule-kind "$RULE_KINDS" \
		--level "$levels" \
		--log ForceOverwrite \
		--output out.sarif) >"$dir/tool.log" 2>&1 || rc=$?
	if [ "$rc" -ne 0 ] || [ ! -s "$dir/out.sarif" ]; then
		echo "$file: error validate-sarif: Sarif.Multitool failed (exit $rc); its output:"
		sed 's/^/    /' "$dir/tool.log"
		bad=$((bad + 1))
		continue
	fi

	# Read the validator's own SARIF log. Its results usually carry a message
	# id plus arguments instead of text; the texts are in its rules' messageStrings.
	if ! node -e '
		const fs = require("fs");
		const [out, name, showNotes] = process.argv.slice(1);
		let log;
		try {
			log = JSON.parse(fs.readFileSync(out, "utf8").replace(/^\uFEFF/, ""));
		} catch (e) {
			console.log(name + ": error validate-sarif: cannot read the validator output: " + e.message);
			process.exit(1);
		}
		const oneLine = s => String(s).replace(/\s*\n\s*/g, " ").trim();
		let failed = false, canarySeen = false;
		for (const run of log.runs || []) {
			const rules = (run.tool && run.tool.driver && run.tool.driver.rules) || [];
			const artifacts = run.artifacts || [];
			for (const inv of run.invocations || []) {
				const notes = (inv.toolExecutionNotifications || []).concat(inv.toolConfigurationNotifications || []);
				for (const n of notes) {
					if (n.level === "error") {
						failed = true;
						const id = (n.descriptor && n.descriptor.id) || "notification";
						console.log(name + ": error " + id + ": " + oneLine((n.message && n.message.text) || ""));
					}
				}
				if (inv.executionSuccessful === false) {
					failed = true;
					console.log(name + ": error validate-sarif: the validator reports an unsuccessful run");
				}
			}
			for (const r of run.results || []) {
				const al = r.locations && r.locations[0] && r.locations[0].physicalLocation &&
					r.locations[0].physicalLocation.artifactLocation;
				let uri = (al && al.uri) || "";
				if (!uri && al && al.index !== undefined && artifacts[al.index]) {
					uri = (artifacts[al.index].location || {}).uri || "";
				}
				if (/canary\.sarif$/.test(uri)) { canarySeen = true; continue; }
				const level = r.level || "warning";
				const ruleId = r.ruleId || (r.rule && r.rule.id) || "unknown";
				const rule = (r.ruleIndex !== undefined && rules[r.ruleIndex]) || rules.find(x => x.id === ruleId) || {};
				const m = r.message || {};
				let text = m.text;
				if (text === undefined) {
					const fmt = m.id && rule.messageStrings && rule.messageStrings[m.id];
					const args = m.arguments || [];
					text = fmt ? fmt.text.replace(/\{(\d+)\}/g, (_, i) => args[i] !== undefined ? args[i] : "{" + i + "}")
						: (m.id || "") + " " + JSON.stringify(args);
				}
				if (level === "error" || level === "warning") failed = true;
				else if (showNotes !== "1") continue;
				console.log(name + ": " + level + " " + ruleId + ": " + oneLine(text));
			}
		}
		if (!canarySeen) {
			failed = true;
			console.log(name + ": error validate-sarif: the validator did not analyze this log (it silently skips logs its " +
				"object model cannot load, e.g. a guid that is no GUID or a uri whose first segment looks like a scheme)");
		}
		process.exit(failed ? 1 : 0);
	' "$dir/out.sarif" "$file" "${SARIF_SHOW_NOTES:-0}"; then
		bad=$((bad + 1))
	fi
done

if [ "$bad" -ne 0 ]; then
	echo "sarif: $bad of $total files invalid ($RULE_KINDS)" >&2
	exit 1
fi
echo "sarif: $total files valid ($RULE_KINDS)"
