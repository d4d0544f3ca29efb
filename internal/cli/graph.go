package cli

import (
	"errors"
	"flag"
	"fmt"
	"slices"

	"github.com/fpcheck/fpcheck/analyzers/graph"
	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/report"
)

// graph prints the package-level dependency graph, so a team can see why a
// boundary finding exists.
func (c *Command) graph(args []string) int {
	fs := flag.NewFlagSet("fpcheck graph", flag.ContinueOnError)
	format := fs.String("format", "mermaid", c.t("graph.flag.format", list(report.GraphFormats)))
	fs.String("lang", "", c.t("flag.lang")) // read by Main
	usage := func() { fmt.Fprintln(c.Stderr, c.t("graph.usage")) }
	if err := c.parseFlags(fs, args, usage); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitUsage
	}
	if !slices.Contains(report.GraphFormats, *format) {
		c.say("graph.format.bad", *format)
		return ExitUsage
	}
	if fs.NArg() > 1 {
		c.say("graph.usage-short")
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
		return c.fail(ExitInternal, err)
	}
	return ExitOK
}
