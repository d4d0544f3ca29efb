package cli

import (
	"errors"
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/fpcheck/fpcheck/analyzers/graph"
	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/report"
)

// graph prints the package-level dependency graph, so a team can see why a
// boundary finding exists.
func (c *Command) graph(args []string) int {
	fs := flag.NewFlagSet("fpcheck graph", flag.ContinueOnError)
	fs.SetOutput(c.Stderr)
	format := fs.String("format", "mermaid", "graph `format`: "+strings.Join(report.GraphFormats, ", "))
	fs.String("lang", "", c.t("flag.lang")) // read by Main
	fs.Usage = func() {
		fmt.Fprint(c.Stderr, "Usage: fpcheck graph [--format mermaid|dot] [DIR]\n\n"+
			"Prints the packages (main package, subpackages, functional pages, workers,\n"+
			"open data context, plugin) as clusters and the dependencies between them;\n"+
			"edges that cross a boundary are red, asynchronous ones dashed.\n")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitUsage
	}
	if !slices.Contains(report.GraphFormats, *format) {
		fmt.Fprintf(c.Stderr, "fpcheck: unknown graph --format %q; use mermaid or dot\n", *format)
		return ExitUsage
	}
	if fs.NArg() > 1 {
		fmt.Fprintln(c.Stderr, "fpcheck: usage: fpcheck graph [--format mermaid|dot] [DIR]")
		return ExitUsage
	}
	dir := "."
	if fs.NArg() == 1 {
		dir = fs.Arg(0)
	}
	p, code := c.load(dir, project.Options{})
	if p == nil {
		return code
	}
	if err := report.WriteGraph(c.Stdout, *format, p.App().Packages, graph.Build(p), c.lang); err != nil {
		fmt.Fprintf(c.Stderr, "fpcheck: %v\n", err)
		return ExitInternal
	}
	return ExitOK
}
