package report

import (
	"strings"

	"github.com/fpcheck/fpcheck/internal/i18n"
	"github.com/fpcheck/fpcheck/internal/lint"
)

// texts are the words the output formats add around the findings.
var texts = i18n.Register("report", i18n.Catalog{
	// Counts: English has a singular; Chinese says the same for one.
	"files":         {En: "%d files", Zh: "%d 个文件"},
	"files.one":     {En: "%d file", Zh: "%d 个文件"},
	"problems":      {En: "%d problems", Zh: "%d 个问题"},
	"problems.one":  {En: "%d problem", Zh: "%d 个问题"},
	"errors":        {En: "%d errors", Zh: "%d 个错误"},
	"errors.one":    {En: "%d error", Zh: "%d 个错误"},
	"warnings":      {En: "%d warnings", Zh: "%d 个警告"},
	"warnings.one":  {En: "%d warning", Zh: "%d 个警告"},
	"notes":         {En: "%d notes", Zh: "%d 个提示"},
	"notes.one":     {En: "%d note", Zh: "%d 个提示"},
	"list-sep":      {En: ", ", Zh: "、"},
	"summary.clean": {En: "fpcheck: no problems in %[1]s%[2]s", Zh: "fpcheck：%[1]s中没有发现问题%[2]s"},
	"summary":       {En: "fpcheck: %[1]s (%[2]s) in %[3]s%[4]s", Zh: "fpcheck：%[3]s中有 %[1]s（%[2]s）%[4]s"},
	"suppressed":    {En: "; %d suppressed", Zh: "；%d 个已忽略"},
	"baselined":     {En: "; %d in the baseline", Zh: "；%d 个已记入基线"},
	"baseline-gone": {En: ", %d fixed since (shrink it with --write-baseline)", Zh: "，其中 %d 个已修复（可用 --write-baseline 更新基线）"},
	"submit-block":  {En: "; %s block submission (提审)", Zh: "；%s会阻止提审"},
	"submit-ok":     {En: "; nothing blocks submission (提审)", Zh: "；没有会阻止提审的问题"},

	"md.header":  {En: "| Level | Location | Rule | Message |", Zh: "| 级别 | 位置 | 规则 | 说明 |"},
	"md.more":    {En: "…and %d more; see the full report.", Zh: "……另有 %d 个问题，请查看完整报告。"},
	"md.graph":   {En: "Package dependency graph (red: crosses a boundary)", Zh: "代码包依赖图（红色：跨越了边界）"},
	"help.bad":   {En: "Bad (%s):", Zh: "错误示例（%s）："},
	"help.good":  {En: "Good (%s):", Zh: "正确示例（%s）："},
	"md.bad":     {En: "**Bad** (`%s`):", Zh: "**错误示例**（`%s`）："},
	"md.good":    {En: "**Good** (`%s`):", Zh: "**正确示例**（`%s`）："},
	"graph.more": {En: "CROSSING: %s", Zh: "跨越边界：%s"},
	"graph.kind": {En: "%[1]d %[2]s", Zh: "%[2]s ×%[1]d"},

	"junit.suppressed":     {En: "suppressed: ", Zh: "已忽略："},
	"junit.suppressed-why": {En: "suppressed (%s): ", Zh: "已忽略（%s）："},
	"junit.baselined":      {En: "recorded in the baseline: ", Zh: "已记入基线："},
})

// text renders the report's message key in run's language.
func (run *Run) text(key string, args ...any) string {
	return texts.New(key, args...).Localize(run.Lang)
}

// count renders n things (key "files", "problems"…) in run's language.
func (run *Run) count(n int, key string) string {
	if n == 1 {
		key += ".one"
	}
	return run.text(key, n)
}

// level names a level in run's language (text, markdown); JSON and SARIF
// keep lint.Level's English names, which are part of their format.
func (run *Run) level(l lint.Level) string { return l.Label().Localize(run.Lang) }

// msg renders a finding's or fix's message in run's language.
func (run *Run) msg(m i18n.Message) string { return m.Localize(run.Lang) }

// sentence ends s with a full stop, as SARIF messages should: "." in
// English, "。" in Chinese.
func sentence(s string, l i18n.Lang) string {
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "。") {
		return s
	}
	if l == i18n.Zh {
		return s + "。"
	}
	return s + "."
}
