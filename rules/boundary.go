package rules

import (
	"github.com/fpcheck/fpcheck/analyzers/graph"
)

// kindPhrase names the dependency kind of e for a message.
func kindPhrase(e *graph.Edge) Message { return graph.KindLabel(e.Kind) }

// checkCrossing reports every edge that crosses boundary b with the rule's
// "cross" message (kind, specifier, from-package, target, to-package), or
// "plugin" for plugin references (kind, specifier, from-package).
func checkCrossing(c *Context, b graph.Crossing) {
	for e := range c.Graph.Crossings(b) {
		if e.Plugin {
			c.Report(e.From, e.Start, e.End, "plugin", kindPhrase(e), e.Specifier, e.FromPkg.Label())
			continue
		}
		c.Report(e.From, e.Start, e.End, "cross", kindPhrase(e), e.Specifier, e.FromPkg.Label(), e.Target.Path, e.ToPkg.Label())
	}
}
