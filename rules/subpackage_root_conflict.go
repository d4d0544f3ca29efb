package rules

import "github.com/fpcheck/fpcheck/analyzers/project"

type subpackageRootConflict struct{}

func init() { register(subpackageRootConflict{}) }

var subpackageRootConflictMeta = &Meta{
	ID:       "subpackage-root-conflict",
	Severity: Error,
	Title:    "a subpackage root is duplicated, nested in another, or invalid",
	Explanation: `Each subpackage's "root" must be a distinct directory inside the mini-program, not inside another ` +
		`subpackage's root (nor containing one). With duplicate or nested roots, which package a file belongs to ` +
		`is ambiguous: the official compiler rejects some of these cases and packs others unpredictably, so ` +
		`every boundary check would be guesswork. A root that is empty or leaves the project is invalid.`,
	Bad:  "app.json\n{\"subpackages\": [{\"root\": \"shop\", \"pages\": [\"list\"]}, {\"root\": \"shop/detail\", \"pages\": [\"index\"]}]}",
	Good: "app.json\n{\"subpackages\": [{\"root\": \"shop\", \"pages\": [\"list\"]}, {\"root\": \"detail\", \"pages\": [\"index\"]}]}",
	Tags: []string{"subpackages", "config"},
	Messages: map[string]string{
		"duplicate": `subpackage root %q is already used by an earlier subpackage`,
		"nested":    `subpackage root %q is inside subpackage root %q; roots may not nest`,
		"invalid":   `subpackage root must be a directory inside the mini-program, found %s`,
	},
}

func (subpackageRootConflict) Meta() *Meta { return subpackageRootConflictMeta }

func (subpackageRootConflict) Check(c *Context) {
	app := c.Project.App()
	var seen []project.SubpackageDecl
	for _, d := range app.SubpackageDecls {
		v := d.RawRoot
		if d.Root == "" {
			if v.Exists() {
				c.Report(app.File, v.Start(), v.End(), "invalid", describeJSON(v))
			} else {
				c.Report(app.File, d.Value.Start(), d.Value.Start()+1, "invalid", "no \"root\"")
			}
			continue
		}
		for _, prev := range seen {
			switch {
			case prev.Root == d.Root:
				c.Report(app.File, v.Start(), v.End(), "duplicate", v.Str())
			case project.Under(d.Root, prev.Root):
				c.Report(app.File, v.Start(), v.End(), "nested", v.Str(), prev.RawRoot.Str())
			case project.Under(prev.Root, d.Root):
				c.Report(app.File, prev.RawRoot.Start(), prev.RawRoot.End(), "nested", prev.RawRoot.Str(), v.Str())
			default:
				continue
			}
			break
		}
		seen = append(seen, d)
	}
}
