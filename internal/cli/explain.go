package cli

import (
	"fmt"
	"strings"

	"github.com/fpcheck/fpcheck/rules"
)

// explain prints what a rule checks, why, and how to fix it.
func (c *Command) explain(args []string) int {
	if len(args) != 1 {
		fmt.Fprintln(c.Stderr, "fpcheck: usage: fpcheck explain RULE (see \"fpcheck rules\")")
		return ExitUsage
	}
	r, ok := rules.Lookup(args[0])
	if !ok {
		fmt.Fprintf(c.Stderr, "fpcheck: no rule %q; run \"fpcheck rules\" for the list\n", args[0])
		return ExitUsage
	}
	fmt.Fprint(c.Stdout, ExplainText(r.Meta()))
	return ExitOK
}

// ExplainText renders a rule's metadata as plain text.
func ExplainText(m *rules.Meta) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s", m.ID, m.Severity)
	if m.SubmitSeverity > m.Severity {
		fmt.Fprintf(&b, "; %s with --submit", m.SubmitSeverity)
	}
	fmt.Fprintf(&b, ")\n%s\n\n%s\n\n", m.Title, wrap(m.Explanation, 78))
	fmt.Fprintf(&b, "Bad:\n%s\n\nGood:\n%s\n", exampleBlock(m.Bad), exampleBlock(m.Good))
	return b.String()
}

func exampleBlock(ex string) string {
	file, body, _ := strings.Cut(ex, "\n")
	return "  // " + file + "\n  " + strings.ReplaceAll(body, "\n", "\n  ")
}

// wrap folds text at width columns on spaces.
func wrap(s string, width int) string {
	var b strings.Builder
	col := 0
	for i, w := range strings.Fields(s) {
		n := len([]rune(w))
		if i > 0 {
			if col+1+n > width {
				b.WriteByte('\n')
				col = 0
			} else {
				b.WriteByte(' ')
				col++
			}
		}
		b.WriteString(w)
		col += n
	}
	return b.String()
}

// listRules prints the rule table.
func (c *Command) listRules(args []string) int {
	if len(args) != 0 {
		fmt.Fprintln(c.Stderr, "fpcheck: usage: fpcheck rules")
		return ExitUsage
	}
	for _, r := range rules.All() {
		m := r.Meta()
		fmt.Fprintf(c.Stdout, "%-27s %-8s %s\n", m.ID, m.Severity, m.Title)
	}
	return ExitOK
}
