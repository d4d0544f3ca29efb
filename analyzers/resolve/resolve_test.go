package resolve

import (
	"reflect"
	"strings"
	"testing"
)

func resolver(ts bool, files ...string) *Resolver {
	set := map[string]bool{}
	for _, f := range files {
		set[f] = true
	}
	return &Resolver{Root: "mp", TypeScript: ts, Exists: func(p string) bool { return set[p] }}
}

func TestJS(t *testing.T) {
	files := []string{
		"mp/utils/a.js", "mp/utils/b.ts", "mp/utils/b.js", "mp/functional-pages/x.js",
		"mp/miniprogram_npm/dayjs/index.js", "mp/miniprogram_npm/tiny.js",
		"mp/pages/index/miniprogram_npm/local/index.js", "mp/lib/deep/c.js", "mp/data.json", "mp/miniprogram_npm/dayjs/plugin/utc.js",
	}
	tests := []struct {
		name, from, spec string
		ts               bool
		want             Result
	}{
		{
			"relative", "mp/pages/index/index.js", "../../utils/a", false,
			Result{Path: "mp/utils/a.js", Found: true, How: Relative, Candidates: []string{"mp/utils/a.js"}},
		},
		{
			"explicit .js", "mp/pages/index/index.js", "../../utils/a.js", false,
			Result{Path: "mp/utils/a.js", Found: true, How: Relative, Candidates: []string{"mp/utils/a.js"}},
		},
		{
			"ts before js", "mp/app.ts", "./utils/b", true,
			Result{Path: "mp/utils/b.ts", Found: true, How: Relative, Candidates: []string{"mp/utils/b.ts", "mp/utils/b.js"}},
		},
		{
			"js without ts plugin", "mp/app.js", "./utils/b", false,
			Result{Path: "mp/utils/b.js", Found: true, How: Relative, Candidates: []string{"mp/utils/b.js"}},
		},
		{
			"leading slash is file-relative first", "mp/lib/x.js", "/deep/c", false,
			Result{Path: "mp/lib/deep/c.js", Found: true, How: Relative, Candidates: []string{"mp/lib/deep/c.js"}},
		},
		{
			"leading slash falls back to root", "mp/pages/p.js", "/utils/a", false,
			Result{Path: "mp/utils/a.js", Found: true, How: RootRelative, Candidates: []string{"mp/pages/utils/a.js", "mp/utils/a.js"}},
		},
		{
			"npm walks up", "mp/pages/index/index.js", "dayjs", false,
			Result{Path: "mp/miniprogram_npm/dayjs/index.js", Found: true, How: Npm, Candidates: []string{
				"mp/pages/index/dayjs.js",
				"mp/pages/index/miniprogram_npm/dayjs.js", "mp/pages/index/miniprogram_npm/dayjs/index.js",
				"mp/pages/miniprogram_npm/dayjs.js", "mp/pages/miniprogram_npm/dayjs/index.js",
				"mp/miniprogram_npm/dayjs.js", "mp/miniprogram_npm/dayjs/index.js",
			}, NpmName: "dayjs"},
		},
		{
			"npm nearest first", "mp/pages/index/index.js", "local", false,
			Result{Path: "mp/pages/index/miniprogram_npm/local/index.js", Found: true, How: Npm, Candidates: []string{
				"mp/pages/index/local.js", "mp/pages/index/miniprogram_npm/local.js", "mp/pages/index/miniprogram_npm/local/index.js",
			}, NpmName: "local"},
		},
		{
			"npm file form", "mp/app.js", "tiny", false,
			Result{Path: "mp/miniprogram_npm/tiny.js", Found: true, How: Npm, Candidates: []string{"mp/tiny.js", "mp/miniprogram_npm/tiny.js"}, NpmName: "tiny"},
		},
		{
			"npm request naming its .js file", "mp/app.js", "dayjs/plugin/utc.js", false,
			Result{Path: "mp/miniprogram_npm/dayjs/plugin/utc.js", Found: true, How: Npm, Candidates: []string{
				"mp/dayjs/plugin/utc.js", "mp/miniprogram_npm/dayjs/plugin/utc.js",
			}, NpmName: "dayjs"},
		},
		{
			"./name falls back to miniprogram_npm", "mp/pages/index/index.js", "./local", false,
			Result{Path: "mp/pages/index/miniprogram_npm/local/index.js", Found: true, How: Npm, Candidates: []string{
				"mp/pages/index/local.js", "mp/pages/index/miniprogram_npm/local.js", "mp/pages/index/miniprogram_npm/local/index.js",
			}, NpmName: "local"},
		},
		{
			"../name gets no npm fallback", "mp/lib/deep/c.js", "../tiny", false,
			Result{Path: "mp/lib/tiny.js", How: Relative, Candidates: []string{"mp/lib/tiny.js"}},
		},
		{
			"npm request that would leave miniprogram_npm", "mp/app.js", "dayjs/../../utils/a", false,
			Result{Path: "utils/a.js", How: Relative, Candidates: []string{"utils/a.js"}},
		},
		{
			"unbuilt npm package keeps its name", "mp/app.js", "@vant/weapp/toast/toast", false,
			Result{Path: "mp/@vant/weapp/toast/toast.js", How: Relative, Candidates: []string{
				"mp/@vant/weapp/toast/toast.js", "mp/miniprogram_npm/@vant/weapp/toast/toast.js", "mp/miniprogram_npm/@vant/weapp/toast/toast/index.js",
			}, NpmName: "@vant/weapp"},
		},
		{
			"missing keeps first candidate", "mp/functional-pages/r.js", "../utils/none", false,
			Result{Path: "mp/utils/none.js", How: Relative, Candidates: []string{"mp/utils/none.js"}},
		},
		{"leaving the project", "mp/app.js", "../../../etc/passwd", false, Result{How: Relative}},
		{
			"explicit other extension", "mp/app.js", "./data.json", false,
			Result{Path: "mp/data.json", Found: true, How: Relative, Candidates: []string{"mp/data.json.js", "mp/data.json"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := resolver(tc.ts, files...).JS(tc.from, tc.spec)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("JS(%q, %q) =\n %+v\nwant\n %+v", tc.from, tc.spec, got, tc.want)
			}
		})
	}
}

func TestAliasLongestPrefixWins(t *testing.T) {
	r := resolver(false, "mp/utils/a.js", "mp/shared/utils/a.js")
	r.SetAliases(map[string]string{"@/*": "/*", "@/utils/*": "shared/utils/*"})
	got := r.JS("mp/pages/p.js", "@/utils/a")
	want := Result{Path: "mp/shared/utils/a.js", Found: true, How: Aliased, Candidates: []string{"mp/shared/utils/a.js"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	got = r.JS("mp/pages/p.js", "@/x/y")
	if got.Path != "mp/x/y.js" || got.Found || got.How != Aliased {
		t.Errorf("@/x/y: got %+v", got)
	}
}

func TestAssetAndComponent(t *testing.T) {
	r := resolver(false, "mp/templates/item.wxml", "mp/pages/a/tools.wxs", "mp/styles/base.wxss",
		"mp/components/card/card.json", "mp/components/card/card.wxml", "mp/components/card/card.js",
		"mp/miniprogram_npm/@vant/weapp/button/index.json", "mp/miniprogram_npm/@vant/weapp/button/index.wxml",
		"mp/miniprogram_npm/@vant/weapp/button/index.js", "mp/pages/a/local.json", "mp/pages/a/local.wxml", "mp/pages/a/local.js",
		"mp/components/tab-bar/index.json", "mp/components/tab-bar/index.wxml", "mp/components/tab-bar/index.js",
		"mp/components/half/half.json", "mp/components/ts/ts.json", "mp/components/ts/ts.wxml", "mp/components/ts/ts.ts")
	tests := []struct {
		name string
		got  Result
		want Result
	}{
		{
			"rooted template without extension", r.Asset("mp/pages/a/a.wxml", "/templates/item", ".wxml"),
			Result{Path: "mp/templates/item.wxml", Found: true, How: RootRelative, Candidates: []string{"mp/templates/item", "mp/templates/item.wxml"}},
		},
		{
			"relative wxs", r.Asset("mp/pages/a/a.wxml", "./tools.wxs"),
			Result{Path: "mp/pages/a/tools.wxs", Found: true, How: Relative, Candidates: []string{"mp/pages/a/tools.wxs"}},
		},
		{
			"relative style", r.Asset("mp/pages/a/a.wxss", "../../styles/base.wxss", ".wxss"),
			Result{Path: "mp/styles/base.wxss", Found: true, How: Relative, Candidates: []string{"mp/styles/base.wxss"}},
		},
		{
			"missing style", r.Asset("mp/pages/a/a.wxss", "x.wxss", ".wxss"),
			Result{Path: "mp/pages/a/x.wxss", How: Relative, Candidates: []string{"mp/pages/a/x.wxss"}},
		},
		{
			"rooted component", r.Component("mp/pages/a/a.json", "/components/card/card"),
			Result{Path: "mp/components/card/card.json", Found: true, How: RootRelative, Candidates: []string{"mp/components/card/card.json", "mp/components/card/card/index.json"}},
		},
		{
			"relative component without ./", r.Component("mp/pages/a/a.json", "local"),
			Result{Path: "mp/pages/a/local.json", Found: true, How: Relative, Candidates: []string{"mp/pages/a/local.json", "mp/pages/a/local/index.json"}},
		},
		{
			"component directory (index)", r.Component("mp/pages/a/a.json", "/components/tab-bar"),
			Result{Path: "mp/components/tab-bar/index.json", Found: true, How: RootRelative, Candidates: []string{"mp/components/tab-bar.json", "mp/components/tab-bar/index.json"}},
		},
		{
			"relative component directory", r.Component("mp/components/card/card.json", "../tab-bar"),
			Result{Path: "mp/components/tab-bar/index.json", Found: true, How: Relative, Candidates: []string{"mp/components/tab-bar.json", "mp/components/tab-bar/index.json"}},
		},
		{
			"leading ../ past the root stop at it", r.Component("mp/pages/a/a.json", "../../../../components/card/card"),
			Result{Path: "mp/components/card/card.json", Found: true, How: Relative, Candidates: []string{"mp/components/card/card.json", "mp/components/card/card/index.json"}},
		},
		{
			"component missing its wxml and js", r.Component("mp/pages/a/a.json", "/components/half/half"),
			Result{
				Path: "mp/components/half/half.json", Found: true, How: RootRelative, Candidates: []string{"mp/components/half/half.json", "mp/components/half/half/index.json"},
				Missing: []string{"mp/components/half/half.wxml", "mp/components/half/half.js"},
			},
		},
		{
			"a .ts script is the build input without the TypeScript plugin", r.Component("mp/pages/a/a.json", "/components/ts/ts"),
			Result{Path: "mp/components/ts/ts.json", Found: true, How: RootRelative, Candidates: []string{"mp/components/ts/ts.json", "mp/components/ts/ts/index.json"}},
		},
		{
			"template climbing past the root stops at it", r.Asset("mp/pages/a/a.wxml", "../../../../templates/item.wxml", ".wxml"),
			Result{Path: "mp/templates/item.wxml", Found: true, How: Relative, Candidates: []string{"mp/templates/item.wxml"}},
		},
		{
			"npm component", r.Component("mp/pages/a/a.json", "@vant/weapp/button/index"),
			Result{Path: "mp/miniprogram_npm/@vant/weapp/button/index.json", Found: true, How: Npm, Candidates: []string{
				"mp/pages/a/@vant/weapp/button/index.json", "mp/pages/a/@vant/weapp/button/index/index.json",
				"mp/pages/a/miniprogram_npm/@vant/weapp/button/index.json", "mp/pages/a/miniprogram_npm/@vant/weapp/button/index/index.json",
				"mp/pages/miniprogram_npm/@vant/weapp/button/index.json", "mp/pages/miniprogram_npm/@vant/weapp/button/index/index.json",
				"mp/miniprogram_npm/@vant/weapp/button/index.json",
			}, NpmName: "@vant/weapp"},
		},
		{"outside the root", r.Asset("lib/a.wxml", "../../../x.wxml"), Result{How: Relative}},
	}
	for _, tc := range tests {
		if !reflect.DeepEqual(tc.got, tc.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.name, tc.got, tc.want)
		}
	}
	ts := resolver(true, "mp/components/ts/ts.json", "mp/components/ts/ts.wxml", "mp/components/ts/ts.ts")
	if got := ts.Component("mp/app.json", "/components/ts/ts"); !got.Found || got.Missing != nil {
		t.Errorf("a .ts script counts with the TypeScript plugin: got %+v", got)
	}
}

// TestBareSpecifierStaysInMiniprogramNpm (issue 10): a bare specifier with
// "." or ".." elements is no package name: the npm lookup is not made, so
// no candidate leaves miniprogram_npm (or the project), and nothing
// resolves through the climb.
func TestBareSpecifierStaysInMiniprogramNpm(t *testing.T) {
	r := resolver(false, "mp/utils/x.json", "mp/utils/x.js", "mp/x.json", "x.json", "mp/miniprogram_npm/a/index.json")
	for _, spec := range []string{"a/../../utils/x", "a/../../../x", "a/../../../../../x", "a/./../x", "@scope/../../x", "a//b"} {
		for name, res := range map[string]Result{
			"Component": r.Component("mp/pages/index/index.json", spec),
			"JS":        r.JS("mp/pages/index/index.js", spec),
		} {
			for _, c := range res.Candidates {
				if _, after, ok := strings.Cut(c, "miniprogram_npm/"); ok && strings.Contains("/"+after, "/..") {
					t.Errorf("%s(%q): candidate %q climbs out of miniprogram_npm", name, spec, c)
				}
				if c == ".." || strings.HasPrefix(c, "../") {
					t.Errorf("%s(%q): candidate %q leaves the project", name, spec, c)
				}
			}
			if res.How == Npm {
				t.Errorf("%s(%q) = %+v: resolved through miniprogram_npm", name, spec, res)
			}
		}
	}
}

// TestAliasOutsideProject: an alias target that climbs out of the project
// resolves to nothing and lists no candidate (unresolved-dependency says
// it leaves the project; invalid-resolve-alias reports the entry).
func TestAliasOutsideProject(t *testing.T) {
	r := resolver(false, "x.js", "mp/x.js")
	r.SetAliases(map[string]string{"@up/*": "/../../*", "@/*": "/*"})
	for _, spec := range []string{"@up/x", "@/../../x"} {
		got := r.JS("mp/pages/a.js", spec)
		if want := (Result{How: Aliased}); !reflect.DeepEqual(got, want) {
			t.Errorf("JS(%q) = %+v, want %+v", spec, got, want)
		}
	}
	if got := r.JS("mp/pages/a.js", "@/../x"); !got.Found || got.Path != "x.js" {
		t.Errorf("an alias climbing out of the root but not the project: %+v", got)
	}
}
