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
			fmt.Fprintf(bw, "| %s | `%s:%d:%d` | [`%s`](%s/blob/main/docs/rules.md#%s) | %s |\n",
				levelIcon(f.Level), mdCode(run.path(f)), f.Range.Start.Line, f.Range.Start.Col,
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

// mdCell escapes text for a Markdown table cell.
func mdCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "<", "&lt;", ">", "&gt;").Replace(s)
}

// mdCode keeps a path inside inline code intact.
func mdCode(s string) string { return strings.ReplaceAll(s, "`", "'") }
