package cli

import (
	"fmt"
	"strings"

	"github.com/fpcheck/fpcheck/internal/i18n"
	"github.com/fpcheck/fpcheck/rules"
)

// explain prints what a rule checks, why, and how to fix it.
func (c *Command) explain(args []string) int {
	args = withoutLang(args)
	if len(args) != 1 {
		c.say("explain.usage")
		return ExitUsage
	}
	r, ok := rules.Lookup(args[0])
	if !ok {
		c.say("explain.no-rule", args[0])
		return ExitUsage
	}
	fmt.Fprint(c.Stdout, ExplainText(r.Meta(), c.lang))
	return ExitOK
}

// ExplainText renders a rule's metadata as plain text in l.
func ExplainText(m *rules.Meta, l i18n.Lang) string {
	t := func(key string, args ...any) string { return msgs.New(key, args...).Localize(l) }
	var b strings.Builder
	if m.SubmitSeverity > m.Severity {
		b.WriteString(t("explain.submit", m.ID, m.Severity.Label(), m.SubmitSeverity.Label()))
	} else {
		b.WriteString(t("explain.level", m.ID, m.Severity.Label()))
	}
	fmt.Fprintf(&b, "\n%s\n\n%s\n\n", m.Title.In(l), wrap(m.Explanation.In(l), 78))
	fmt.Fprintf(&b, "%s\n%s\n\n%s\n%s\n", t("explain.bad"), exampleBlock(m.Bad), t("explain.good"), exampleBlock(m.Good))
	return b.String()
}

// withoutLang drops --lang and its value from a subcommand's arguments
// (Main read it already).
func withoutLang(args []string) []string {
	var out []string
	for i := 0; i < len(args); i++ {
		name, _, hasValue := strings.Cut(strings.TrimLeft(args[i], "-"), "=")
		if strings.HasPrefix(args[i], "-") && name == "lang" {
			if !hasValue {
				i++
			}
			continue
		}
		out = append(out, args[i])
	}
	return out
}

func exampleBlock(ex string) string {
	file, body, _ := strings.Cut(ex, "\n")
	return "  // " + file + "\n  " + strings.ReplaceAll(body, "\n", "\n  ")
}

// listRules prints the rule table.
func (c *Command) listRules(args []string) int {
	if len(withoutLang(args)) != 0 {
		c.say("rules.usage")
		return ExitUsage
	}
	for _, r := range rules.All() {
		m := r.Meta()
		fmt.Fprintf(c.Stdout, "%s %s %s\n", pad(m.ID, 27), pad(m.Severity.Label().Localize(c.lang), 8), m.Title.In(c.lang))
	}
	return ExitOK
}
