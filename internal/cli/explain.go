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
		if n := langArgs(args[i:]); n > 0 {
			i += n - 1
			continue
		}
		out = append(out, args[i])
	}
	return out
}

// skipLang drops the --lang options that come before a subcommand's name
// ("fpcheck --lang zh explain RULE").
func skipLang(args []string) []string {
	for {
		n := langArgs(args)
		if n == 0 {
			return args
		}
		args = args[n:]
	}
}

// langArgs is how many arguments at the start of args are a --lang option:
// 1 for --lang=zh, 2 for --lang zh, 0 when args do not start with one.
func langArgs(args []string) int {
	if len(args) == 0 || !strings.HasPrefix(args[0], "-") {
		return 0
	}
	name, _, hasValue := strings.Cut(strings.TrimLeft(args[0], "-"), "=")
	switch {
	case name != "lang":
		return 0
	case hasValue || len(args) == 1:
		return 1
	}
	return 2
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
		fmt.Fprintf(c.Stdout, "%s %s %s\n", pad(m.ID, 31), pad(m.Severity.Label().Localize(c.lang), 8), m.Title.In(c.lang))
	}
	return ExitOK
}
