package rules

import (
	"strings"

	"github.com/fpcheck/fpcheck/analyzers/project"
)

type subpackageRootConflict struct{}

func init() { register(subpackageRootConflict{}) }

var subpackageRootConflictMeta = &Meta{
	ID:       "subpackage-root-conflict",
	Severity: Error,
	Title:    Text{En: "a subpackage root is duplicated, nested in another, or invalid", Zh: "分包 root 重复、相互嵌套或无效"},
	Explanation: Text{
		En: `Each subpackage's "root" must be a distinct directory inside the mini-program, not inside another ` +
			`subpackage's root (nor containing one). With duplicate or nested roots, which package a file belongs to ` +
			`is ambiguous: the official compiler rejects some of these cases and packs others unpredictably, so ` +
			`every boundary check would be guesswork. A root that is empty or leaves the project is invalid.`,
		Zh: `每个分包的 "root" 必须是小程序内一个单独的目录，` +
			`不能位于另一个分包的 root 之内（也不能包含其他分包的 root）。root 重复或嵌套时，` +
			`文件属于哪个包就无法确定：官方编译器会拒绝其中一些情况，另一些则会被不可预期地打包，所有边界检查也就只能靠猜。` +
			`为空或指向项目之外的 root 无效。`,
	},
	Bad:  "app.json\n{\"subpackages\": [{\"root\": \"shop\", \"pages\": [\"list\"]}, {\"root\": \"shop/detail\", \"pages\": [\"index\"]}]}",
	Good: "app.json\n{\"subpackages\": [{\"root\": \"shop\", \"pages\": [\"list\"]}, {\"root\": \"detail\", \"pages\": [\"index\"]}]}",
	Tags: []string{"subpackages", "config"},
	Messages: Catalog{
		"duplicate": {En: `subpackage root %q is already used by an earlier subpackage`, Zh: `分包 root %q 已被前面的分包使用`},
		"nested":    {En: `subpackage root %q is inside subpackage root %q; roots may not nest`, Zh: `分包 root %q 位于分包 root %q 之内；root 不能嵌套`},
		"invalid":   {En: `subpackage root must be a directory inside the mini-program, found %s`, Zh: `分包 root 必须是小程序内的目录，实际为：%s`},
		"no-root":   {En: `subpackage root must be a directory inside the mini-program, found no "root"`, Zh: `分包缺少 "root"；root 必须是小程序内的目录`},
	},
}

func (subpackageRootConflict) Meta() *Meta { return subpackageRootConflictMeta }

func (subpackageRootConflict) Check(c *Context) {
	app := c.Project.App()
	// Of the roots seen so far (by index into seen): the first one at each
	// root, and the first one strictly inside each directory, so that the
	// earliest conflicting root is found by walking up the new root's
	// directories, not by comparing it with every earlier root.
	var seen []project.SubpackageDecl
	at := map[string]int{}
	inside := map[string]int{}
	for _, d := range app.SubpackageDecls {
		v := d.RawRoot
		if d.Root == "" {
			if v.Exists() {
				c.Report(app.File, v.Start(), v.End(), "invalid", describeJSON(v))
			} else {
				c.Report(app.File, d.Value.Start(), d.Value.Start()+1, "no-root")
			}
			continue
		}
		first := -1 // the earliest earlier root that conflicts with d
		consider := func(i int, ok bool) {
			if ok && (first < 0 || i < first) {
				first = i
			}
		}
		i, ok := at[d.Root]
		consider(i, ok) // the same root
		i, ok = inside[d.Root]
		consider(i, ok) // an earlier root inside d's
		for _, dir := range parents(d.Root) {
			i, ok = at[dir]
			consider(i, ok) // d inside an earlier root
		}
		if first >= 0 {
			prev := seen[first]
			switch {
			case prev.Root == d.Root:
				c.Report(app.File, v.Start(), v.End(), "duplicate", v.Str())
			case project.Under(d.Root, prev.Root):
				c.Report(app.File, v.Start(), v.End(), "nested", v.Str(), prev.RawRoot.Str())
			default:
				c.Report(app.File, prev.RawRoot.Start(), prev.RawRoot.End(), "nested", prev.RawRoot.Str(), v.Str())
			}
		}
		n := len(seen)
		seen = append(seen, d)
		if _, ok := at[d.Root]; !ok {
			at[d.Root] = n
		}
		for _, dir := range parents(d.Root) {
			if _, ok := inside[dir]; !ok {
				inside[dir] = n
			}
		}
	}
}

// parents lists the directories strictly above the clean relative path
// rel, innermost first ("a/b/c": "a/b", "a"; the project itself is not
// one, as no subpackage root is "").
func parents(rel string) []string {
	var out []string
	for {
		i := strings.LastIndexByte(rel, '/')
		if i < 0 {
			return out
		}
		rel = rel[:i]
		out = append(out, rel)
	}
}
