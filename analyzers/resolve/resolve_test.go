package resolve

import (
	"reflect"
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
		"mp/pages/index/miniprogram_npm/local/index.js", "mp/lib/deep/c.js", "mp/data.json",
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
			}},
		},
		{
			"npm nearest first", "mp/pages/index/index.js", "local", false,
			Result{Path: "mp/pages/index/miniprogram_npm/local/index.js", Found: true, How: Npm, Candidates: []string{
				"mp/pages/index/local.js", "mp/pages/index/miniprogram_npm/local.js", "mp/pages/index/miniprogram_npm/local/index.js",
			}},
		},
		{
			"npm file form", "mp/app.js", "tiny", false,
			Result{Path: "mp/miniprogram_npm/tiny.js", Found: true, How: Npm, Candidates: []string{"mp/tiny.js", "mp/miniprogram_npm/tiny.js"}},
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
		"mp/components/card/card.json", "mp/miniprogram_npm/@vant/weapp/button/index.json", "mp/pages/a/local.json")
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
			Result{Path: "mp/components/card/card.json", Found: true, How: RootRelative, Candidates: []string{"mp/components/card/card.json"}},
		},
		{
			"relative component without ./", r.Component("mp/pages/a/a.json", "local"),
			Result{Path: "mp/pages/a/local.json", Found: true, How: Relative, Candidates: []string{"mp/pages/a/local.json"}},
		},
		{
			"npm component", r.Component("mp/pages/a/a.json", "@vant/weapp/button/index"),
			Result{Path: "mp/miniprogram_npm/@vant/weapp/button/index.json", Found: true, How: Npm, Candidates: []string{
				"mp/pages/a/@vant/weapp/button/index.json",
				"mp/pages/a/miniprogram_npm/@vant/weapp/button/index.json", "mp/pages/a/miniprogram_npm/@vant/weapp/button/index/index.json",
				"mp/pages/miniprogram_npm/@vant/weapp/button/index.json", "mp/pages/miniprogram_npm/@vant/weapp/button/index/index.json",
				"mp/miniprogram_npm/@vant/weapp/button/index.json",
			}},
		},
		{"leaving the project", r.Asset("mp/a.wxml", "../../../x.wxml"), Result{How: Relative}},
	}
	for _, tc := range tests {
		if !reflect.DeepEqual(tc.got, tc.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.name, tc.got, tc.want)
		}
	}
}
