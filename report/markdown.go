package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/fpcheck/fpcheck/internal/lint"
)

// maxMarkdownRows bounds the findings table: GitHub's job summary takes at
// most 1 MiB per step.
const maxMarkdownRows = 500

// writeMarkdown renders a summary for GitHub's job summary page
// ($GITHUB_STEP_SUMMARY) or a pull-request comment.
func writeMarkdown(w io.Writer, run *Run) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "## fpcheck\n\n%s\n", strings.TrimPrefix(summary(run), "fpcheck: "))
	if shown := run.Shown(); len(shown) > 0 {
		fmt.Fprint(bw, "\n| Level | Location | Rule | Message |\n|---|---|---|---|\n")
		for i, f := range shown {
			if i == maxMarkdownRows {
				fmt.Fprintf(bw, "\n…and %d more; see the full report.\n", len(shown)-i)
				break
			}
			fmt.Fprintf(bw, "| %s | %s | [`%s`](%s/blob/main/docs/rules.md#%s) | %s |\n",
				levelIcon(f.Level), mdCode(fmt.Sprintf("%s:%d:%d", run.path(f), f.Range.Start.Line, f.Range.Start.Col)),
				f.Rule, InformationURI, f.Rule, mdCell(f.Message))
		}
	}
	if run.Graph != "" {
		fmt.Fprintf(bw, "\n<details><summary>Package dependency graph (red: crosses a boundary)</summary>\n\n```mermaid\n%s```\n\n</details>\n", run.Graph)
	}
	return bw.Flush()
}

func levelIcon(s lint.Level) string {
	switch s {
	case lint.Error:
		return "❌ error"
	case lint.Warning:
		return "⚠️ warning"
	case lint.Note:
		return "ℹ️ note"
	}
	return s.String()
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
