package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/fpcheck/fpcheck/internal/i18n"
)

// msgs are the command line's own words: usage, errors and what it says
// on stderr. Every text has its Chinese beside its English.
var msgs = i18n.Register("cli", i18n.Catalog{
	"prefix": {En: "fpcheck: ", Zh: "fpcheck："},

	"explain.usage":   {En: `usage: fpcheck explain RULE (see "fpcheck rules")`, Zh: `用法：fpcheck explain RULE（规则列表见 "fpcheck rules"）`},
	"explain.no-rule": {En: `no rule %q; run "fpcheck rules" for the list`, Zh: `没有规则 %q；运行 "fpcheck rules" 查看规则列表`},
	"explain.level":   {En: "%[1]s (%[2]s)", Zh: "%[1]s（%[2]s）"},
	"explain.submit":  {En: "%[1]s (%[2]s; %[3]s with --submit)", Zh: "%[1]s（%[2]s；--submit 时为%[3]s）"},
	"explain.bad":     {En: "Bad:", Zh: "错误示例："},
	"explain.good":    {En: "Good:", Zh: "正确示例："},
	"rules.usage":     {En: "usage: fpcheck rules", Zh: "用法：fpcheck rules"},

	"lang.bad":  {En: "unknown --lang %q; use zh or en", Zh: "无法识别的 --lang %q；请使用 zh 或 en"},
	"flag.lang": {En: "the `language` of messages and reports: zh (中文) or en; default from fpcheck.json's \"lang\", else LC_ALL, LC_MESSAGES or LANG", Zh: "消息和报告的`语言`：zh（中文）或 en（English）；默认取 fpcheck.json 的 \"lang\"，其次取 LC_ALL、LC_MESSAGES 或 LANG"},
})

// t renders the command line's message key in the run's language.
func (c *Command) t(key string, args ...any) string {
	return msgs.New(key, args...).Localize(c.lang)
}

// say prints "fpcheck: " and the message key on stderr.
func (c *Command) say(key string, args ...any) {
	fmt.Fprintln(c.Stderr, c.t("prefix")+c.t(key, args...))
}

// sayErr prints "fpcheck: " and err on stderr, in the run's language when
// err carries a message (i18n.Error).
func (c *Command) sayErr(err error) {
	fmt.Fprintln(c.Stderr, c.t("prefix")+c.errText(err))
}

// errText renders err in the run's language when it carries a message.
func (c *Command) errText(err error) string {
	if e, ok := errors.AsType[*i18n.Error](err); ok && err.Error() == e.Error() {
		return e.Localize(c.lang)
	}
	return err.Error()
}

// langOf finds --lang in args (before the flags are parsed, so that the
// usage and the flag errors are in that language too): the value, and
// whether there is one.
func langOf(args []string) (string, bool) {
	for i, a := range args {
		if a == "--" {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			continue
		}
		if hasValue {
			return value, true
		}
		if i+1 < len(args) {
			return args[i+1], true
		}
		return "", true
	}
	return "", false
}
