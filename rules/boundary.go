package rules

import (
	"maps"

	"github.com/fpcheck/fpcheck/analyzers/graph"
)

// dependencyKinds names each dependency route in boundary messages; every
// boundary rule's message table includes these entries.
var dependencyKinds = map[string]string{
	"kind:require":          "require",
	"kind:require.async":    "require.async",
	"kind:require-callback": "require with a callback",
	"kind:requirePlugin":    "requirePlugin",
	"kind:import":           "import",
	"kind:export-from":      "export … from",
	"kind:dynamic-import":   "import()",
	"kind:wxml-import":      "<import src>",
	"kind:wxml-include":     "<include src>",
	"kind:wxs-src":          "<wxs src>",
	"kind:wxss-import":      "@import",
	"kind:component":        "usingComponents entry",
	"kind:generic-default":  "componentGenerics default",
	"kind:page":             "page",
	"kind:public-component": "publicComponents entry",
	"kind:plugin-page":      "plugin page",
	"kind:plugin-main":      "plugin main",
}

// withKinds returns msgs plus the dependency-kind phrases.
func withKinds(msgs map[string]string) map[string]string {
	out := maps.Clone(msgs)
	maps.Copy(out, dependencyKinds)
	return out
}

// kindPhrase names the dependency kind of e for a message.
func kindPhrase(c *Context, e *graph.Edge) string { return c.Format("kind:" + e.Kind) }

// checkCrossing reports every edge that crosses boundary b with the rule's
// "cross" message (kind, specifier, from-package, target, to-package), or
// "plugin" for plugin references (kind, specifier, from-package).
func checkCrossing(c *Context, b graph.Crossing) {
	for e := range c.Graph.Crossings(b) {
		if e.Plugin {
			c.Report(e.From, e.Start, e.End, "plugin", kindPhrase(c, e), e.Specifier, e.FromPkg.Label())
			continue
		}
		c.Report(e.From, e.Start, e.End, "cross", kindPhrase(c, e), e.Specifier, e.FromPkg.Label(), e.Target.Path, e.ToPkg.Label())
	}
}
