// Package docs renders docs/rules.md from rule metadata, so the rules
// reference cannot drift from the code (a test compares the two).
package docs

import (
	"fmt"
	"strings"

	"github.com/fpcheck/fpcheck/internal/i18n"
	"github.com/fpcheck/fpcheck/rules"
)

// texts are the reference's own words around the rules' metadata.
var texts = i18n.Register("docs", i18n.Catalog{
	"generated": {
		En: "<!-- Generated from rule metadata by `go test ./internal/docs -update`. Do not edit. -->",
		Zh: "<!-- 由规则元数据生成（`go test ./internal/docs -update`），请勿手动修改。 -->",
	},
	"title": {En: "# fpcheck rules", Zh: "# fpcheck 规则"},
	"other": {En: "[中文](rules.zh-CN.md)", Zh: "[English](rules.md)"},
	"intro": {
		En: "Rule IDs are a stable public contract: filter and suppress by them. `fpcheck explain RULE` prints the same text in a terminal.",
		Zh: "规则 ID 是稳定的公开约定，可以按 ID 筛选和忽略问题。`fpcheck explain RULE` 会在终端中输出相同的说明（`--lang zh` 为中文）。",
	},
	"table":    {En: "| ID | Level | What it catches |", Zh: "| ID | 级别 | 检查内容 |"},
	"submit":   {En: "%[1]s (%[2]s with `--submit`)", Zh: "%[1]s（`--submit` 时为%[2]s）"},
	"meta":     {En: "**Level:** %[1]s. **Tags:** %[2]s.", Zh: "**级别：**%[1]s。**标签：**%[2]s。"},
	"bad":      {En: "Bad — `%s`:", Zh: "错误示例：`%s`"},
	"good":     {En: "Good — `%s`:", Zh: "正确示例：`%s`"},
	"stop":     {En: "%s.", Zh: "%s。"},
	"suppress": {En: suppressionHelpEn, Zh: suppressionHelpZh},
})

// RulesMarkdown is the content of docs/rules.md (English) or
// docs/rules.zh-CN.md (Chinese).
func RulesMarkdown(l i18n.Lang) string {
	t := func(key string, args ...any) string { return texts.New(key, args...).Localize(l) }
	var b strings.Builder
	b.WriteString(t("generated") + "\n\n")
	b.WriteString(t("title") + "\n\n")
	b.WriteString(t("other") + "\n\n")
	b.WriteString(t("intro") + "\n\n")
	b.WriteString(t("suppress"))
	b.WriteString(t("table") + "\n|---|---|---|\n")
	all := rules.All()
	for _, r := range all {
		m := r.Meta()
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s |\n", m.ID, m.ID, level(m, l), m.Title.In(l))
	}
	for _, r := range all {
		m := r.Meta()
		fmt.Fprintf(&b, "\n## %s\n\n", m.ID)
		b.WriteString(t("meta", level(m, l), strings.Join(m.Tags, ", ")) + "\n\n")
		title := strings.TrimSuffix(strings.TrimSuffix(m.Title.In(l), "."), "。")
		fmt.Fprintf(&b, "%s\n\n%s\n\n", t("stop", title), m.Explanation.In(l))
		writeExample(&b, t("bad", firstLine(m.Bad)), m.Bad)
		writeExample(&b, t("good", firstLine(m.Good)), m.Good)
	}
	return b.String()
}

func firstLine(s string) string { first, _, _ := strings.Cut(s, "\n"); return first }

func level(m *rules.Meta, l i18n.Lang) string {
	if m.SubmitSeverity > m.Severity {
		return texts.New("submit", m.Severity.Label(), m.SubmitSeverity.Label()).Localize(l)
	}
	return m.Severity.Label().Localize(l)
}

func writeExample(b *strings.Builder, caption, ex string) {
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
	fmt.Fprintf(b, "%s\n\n```%s\n%s\n```\n\n", caption, lang, body)
}

// suppressionHelpEn is the reference's section on silencing findings.
const suppressionHelpEn = "## Silencing a finding\n\n" +
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

// suppressionHelpZh is suppressionHelpEn in Chinese.
const suppressionHelpZh = "## 忽略某条问题\n\n" +
	"确认某条问题不适用时，在它所在的位置注明规则并说明原因即可忽略（` -- ` 之后的原因必填）：\n\n" +
	"| 文件 | 下一行 | 同一行 | 整个文件 |\n|---|---|---|---|\n" +
	"| JS、TS、WXS | `// fpcheck-disable-next-line RULE[, RULE] -- 原因` | `// fpcheck-disable-line RULE -- 原因` | `// fpcheck-disable RULE -- 原因` |\n" +
	"| WXML | `<!-- fpcheck-disable-next-line RULE -- 原因 -->` | `<!-- fpcheck-disable-line RULE -- 原因 -->` | `<!-- fpcheck-disable RULE -- 原因 -->` |\n" +
	"| WXSS | `/* fpcheck-disable-next-line RULE -- 原因 */` | `/* fpcheck-disable-line RULE -- 原因 */` | `/* fpcheck-disable RULE -- 原因 */` |\n\n" +
	"JS 中也可以用 `/* … */`。JSON 没有注释：JSON 文件中的问题请在 `fpcheck.json` 中用 override 忽略，" +
	"`{\"files\": [\"…\"], \"rules\": {\"RULE\": \"off\"}, \"reason\": \"…\"}`。没有写原因、关键字拼错或规则不存在的指令" +
	"不会忽略任何问题，并且会被报告；没有忽略掉任何问题的指令同样会被报告（[`suppression-directive`](#suppression-directive)）。" +
	"被忽略的问题仍保留在 SARIF（在代码扫描中显示为已关闭，并附上原因）和 JSON（`suppressed`）中；文本输出会统计其数量。\n\n" +
	"## 规则\n\n"
