package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/fpcheck/fpcheck/internal/lint"
)

// writeGitHub prints GitHub Actions workflow commands, one annotation per
// finding, for repositories without code scanning. Properties and message
// are escaped as the runner unescapes them, and shown through Visible (the
// runner prints an annotation's message in the log).
func writeGitHub(w io.Writer, run *Run) error {
	bw := bufio.NewWriter(w)
	for _, f := range run.Shown() {
		cmd := "warning"
		switch f.Level {
		case lint.Error:
			cmd = "error"
		case lint.Note:
			cmd = "notice"
		case lint.Warning:
		}
		props := fmt.Sprintf("file=%s,line=%d,col=%d", ghProperty(run.path(f)), f.Range.Start.Line, f.Range.Start.Col)
		if f.Range.End.Line >= f.Range.Start.Line && f.Range.End.Col > 0 {
			props += fmt.Sprintf(",endLine=%d,endColumn=%d", f.Range.End.Line, f.Range.End.Col)
		}
		props += ",title=" + ghProperty("fpcheck "+f.Rule)
		fmt.Fprintf(bw, "::%s %s::%s\n", cmd, props, ghData(run.msg(f.Message)+" ["+f.Rule+"]"))
	}
	fmt.Fprintln(bw, summary(run))
	return bw.Flush()
}

var (
	ghDataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// ghData escapes a workflow command's message.
func ghData(s string) string { return ghDataEscaper.Replace(Visible(s)) }

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string { return ghPropertyEscaper.Replace(Visible(s)) }
