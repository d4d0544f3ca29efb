package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/fpcheck/fpcheck/internal/i18n"
	"github.com/fpcheck/fpcheck/internal/lint"
)

// maxMarkdownRows bounds the findings table: GitHub's job summary takes at
// most 1 MiB per step.
const maxMarkdownRows = 500

// writeMarkdown renders a summary for GitHub's job summary page
// ($GITHUB_STEP_SUMMARY) or a pull-request comment.
func writeMarkdown(w io.Writer, run *Run) error {
	bw := bufio.NewWriter(w)
	sum := summary(run)
	if s, ok := strings.CutPrefix(sum, "fpcheck: "); ok {
		sum = s
	} else {
		sum = strings.TrimPrefix(sum, "fpcheck：")
	}
	fmt.Fprintf(bw, "## fpcheck\n\n%s\n", sum)
	if shown := run.Shown(); len(shown) > 0 {
		fmt.Fprintf(bw, "\n%s\n|---|---|---|---|\n", run.text("md.header"))
		for i, f := range shown {
			if i == maxMarkdownRows {
				fmt.Fprintf(bw, "\n%s\n", run.text("md.more", len(shown)-i))
				break
			}
			fmt.Fprintf(bw, "| %s | %s | [`%s`](%s#%s) | %s |\n",
				run.levelIcon(f.Level), mdCode(fmt.Sprintf("%s:%d:%d", run.path(f), f.Range.Start.Line, f.Range.Start.Col)),
				f.Rule, InformationURI+"/blob/main/"+rulesDoc(run.Lang), f.Rule, mdCell(run.msg(f.Message)))
		}
	}
	if run.Graph != "" {
		fmt.Fprintf(bw, "\n<details><summary>%s</summary>\n\n```mermaid\n%s```\n\n</details>\n", run.text("md.graph"), run.Graph)
	}
	return bw.Flush()
}

func (run *Run) levelIcon(s lint.Level) string {
	switch s {
	case lint.Error:
		return "❌ " + run.level(s)
	case lint.Warning:
		return "⚠️ " + run.level(s)
	case lint.Note:
		return "ℹ️ " + run.level(s)
	}
	return s.String()
}

// rulesDoc is the rules reference in l, relative to the repository root.
func rulesDoc(l i18n.Lang) string {
	if l == i18n.Zh {
		return "docs/rules.zh-CN.md"
	}
	return "docs/rules.md"
}

// mdCellEscaper backslash-escapes what Markdown (GitHub's, with tables,
// strikethrough and math) would act on in a table cell: pipes end the cell;
// brackets, backticks, angle brackets and ampersands make links, images,
// code, HTML and character references; "://" and "www." autolinks; the
// rest emphasis and math.
var mdCellEscaper = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "[", `\[`, "]", `\]`, "`", "\\`", "<", `\<`, ">", `\>`,
	"&", `\&`, "*", `\*`, "_", `\_`, "~", `\~`, "$", `\$`, ":", `\:`, "www.", `www\.`)

// mdCell escapes text for a Markdown table cell; control characters
// (newlines included) are shown through Visible, so the cell stays one line.
func mdCell(s string) string { return mdCellEscaper.Replace(Visible(s)) }

// mdCode renders s as one inline code span in a table cell: its fence is
// longer than any run of backticks in s, spaces pad it when s starts or
// ends with a backtick or a space, and pipes are escaped (GitHub splits
// table cells before it parses code spans).
func mdCode(s string) string {
	s = Visible(s)
	longest, n := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			n++
			longest = max(longest, n)
		} else {
			n = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if s != "" && (s[0] == '`' || s[0] == ' ' || s[len(s)-1] == '`' || s[len(s)-1] == ' ') {
		s = " " + s + " "
	}
	return fence + strings.ReplaceAll(s, "|", `\|`) + fence
}
