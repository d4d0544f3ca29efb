// Package docs renders docs/rules.md from rule metadata, so the rules
// reference cannot drift from the code (a test compares the two).
package docs

import (
	"fmt"
	"strings"

	"github.com/fpcheck/fpcheck/rules"
)

// RulesMarkdown is the content of docs/rules.md.
func RulesMarkdown() string {
	var b strings.Builder
	b.WriteString("<!-- Generated from rule metadata by `go test ./internal/docs -update`. Do not edit. -->\n\n")
	b.WriteString("# fpcheck rules\n\n")
	b.WriteString("Rule IDs are a stable public contract: filter and suppress by them. ")
	b.WriteString("`fpcheck explain RULE` prints the same text in a terminal.\n\n")
	b.WriteString(suppressionHelp)
	b.WriteString("| ID | Level | What it catches |\n|---|---|---|\n")
	all := rules.All()
	for _, r := range all {
		m := r.Meta()
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s |\n", m.ID, m.ID, level(m), m.Title)
	}
	for _, r := range all {
		m := r.Meta()
		fmt.Fprintf(&b, "\n## %s\n\n", m.ID)
		fmt.Fprintf(&b, "**Level:** %s. **Tags:** %s.\n\n", level(m), strings.Join(m.Tags, ", "))
		fmt.Fprintf(&b, "%s.\n\n%s\n\n", strings.TrimSuffix(m.Title, "."), m.Explanation)
		writeExample(&b, "Bad", m.Bad)
		writeExample(&b, "Good", m.Good)
	}
	return b.String()
}

func level(m *rules.Meta) string {
	if m.SubmitSeverity > m.Severity {
		return fmt.Sprintf("%s (%s with `--submit`)", m.Severity, m.SubmitSeverity)
	}
	return m.Severity.String()
}

func writeExample(b *strings.Builder, label, ex string) {
	file, body, _ := strings.Cut(ex, "\n")
	lang := ""
	switch {
	case strings.HasSuffix(file, ".json"):
		lang = "json"
	case strings.HasSuffix(file, ".wxml"):
		lang = "html"
	case strings.HasSuffix(file, ".js"):
		lang = "js"
	case strings.HasSuffix(file, ".ts"):
		lang = "ts"
	}
	fmt.Fprintf(b, "%s — `%s`:\n\n```%s\n%s\n```\n\n", label, file, lang, body)
}

// suppressionHelp is the reference's section on silencing findings.
const suppressionHelp = "## Silencing a finding\n\n" +
	"Where a finding does not apply, silence it where it is, naming the rule and saying why " +
	"(the reason after ` -- ` is required):\n\n" +
	"| file | next line | same line | whole file |\n|---|---|---|---|\n" +
	"| JS, TS, WXS | `// fpcheck-disable-next-line RULE[, RULE] -- reason` | `// fpcheck-disable-line RULE -- reason` | `// fpcheck-disable RULE -- reason` |\n" +
	"| WXML | `<!-- fpcheck-disable-next-line RULE -- reason -->` | `<!-- fpcheck-disable-line RULE -- reason -->` | `<!-- fpcheck-disable RULE -- reason -->` |\n" +
	"| WXSS | `/* fpcheck-disable-next-line RULE -- reason */` | `/* fpcheck-disable-line RULE -- reason */` | `/* fpcheck-disable RULE -- reason */` |\n\n" +
	"`/* … */` works in JS too. JSON has no comments: silence JSON findings in `fpcheck.json` with an " +
	"override, `{\"files\": [\"…\"], \"rules\": {\"RULE\": \"off\"}, \"reason\": \"…\"}`. A directive without a " +
	"reason, with a misspelled keyword or an unknown rule suppresses nothing and is reported, and so is one " +
	"that suppresses nothing ([`suppression-directive`](#suppression-directive)). Suppressed findings stay in " +
	"SARIF (dismissed in code scanning, with the reason) and in JSON (`suppressed`); text output counts them.\n\n" +
	"## Rules\n\n"
