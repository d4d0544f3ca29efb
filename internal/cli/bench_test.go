package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeLargeProject generates a mini-program with pages pages, each with
// .json, .wxml, .js (half of them ES modules) and .wxss, shared utils, a
// functional-pages directory and a plugin with navigators.
func writeLargeProject(b *testing.B, dir string, pages int) {
	b.Helper()
	files := map[string]string{}
	var list []string
	for i := range pages {
		list = append(list, fmt.Sprintf("%q", fmt.Sprintf("pages/p%d/index", i)))
		base := fmt.Sprintf("miniprogram/pages/p%d/index", i)
		files[base+".json"] = `{"usingComponents": {"card": "/components/card/card"}, "navigationBarTitleText": "第` + fmt.Sprint(i) + `页"}`
		files[base+".wxml"] = strings.Repeat(`<view class="row" wx:if="{{ a > b && list.length < 10 }}">
  <text>{{ item.name }} 价格 {{ price < 100 ? '便宜' : '贵' }}</text>
  <card title="{{ title }}" bind:tap="onTap" data-id="{{ item.id }}"></card>
</view>
`, 8)
		js := "const util = require('../../utils/util');\n" +
			"const api = require(\"../../utils/api.js\");\n// require('./not-a-dependency')\n"
		if i%2 == 1 {
			js = strings.Replace(js, "const util = require('../../utils/util');", "import util from '../../utils/util';", 1)
		}
		for k := range 3 {
			js += fmt.Sprintf(`async function load%d(query) {
  const res = await api.get('/items', { id: query?.id ?? 0 });
  return res.items.map((x) => ({ ...x, name: util.format(x.name), 标题: '第%d组' }));
}
`, k, k)
		}
		js += `Page({
  data: { list: [], title: '标题' },
  async onLoad(query) { this.setData({ list: [...await load0(query), ...await load1(query), ...await load2(query)] }); },
  onTap(e) { wx.navigateTo({ url: '/pages/p0/index?id=' + e.currentTarget.dataset.id }); },
});
`
		files[base+".js"] = js
		files[base+".wxss"] = ".row { display: flex; }\n"
	}
	files["miniprogram/app.json"] = `{"pages": [` + strings.Join(list, ",") + `], "functionalPages": {"independent": true}}`
	files["miniprogram/app.js"] = "App({})\n"
	files["miniprogram/utils/util.js"] = "module.exports = { format: (s) => String(s).trim() };\n"
	files["miniprogram/utils/api.js"] = "module.exports = { get: async () => ({ items: [] }) };\n"
	files["miniprogram/components/card/card.js"] = "Component({ properties: { title: String } })\n"
	files["miniprogram/components/card/card.wxml"] = "<view>{{ title }}</view>\n"
	files["miniprogram/components/card/card.json"] = `{"component": true}`
	files["miniprogram/functional-pages/request-payment.js"] = "const u = require('./url');\nexports.beforeRequestPayment = function (a, cb) { cb(null, u); };\n"
	files["miniprogram/functional-pages/url.js"] = "module.exports = 'https://example.com';\n"
	files["plugin/plugin.json"] = `{"publicComponents": {"pay": "components/pay/pay"}}`
	files["plugin/components/pay/pay.wxml"] = `<functional-page-navigator name="requestPayment" version="release" args="{{ args }}"><button>支付</button></functional-page-navigator>` + "\n"
	files["project.config.json"] = `{"miniprogramRoot": "miniprogram/", "pluginRoot": "plugin/", "compileType": "plugin"}`
	for name, text := range files {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWholeRun is one complete fpcheck run (discovery, reading and
// parsing every file, rules, SARIF output) on a generated 500-page project
// (about 2,000 files).
func BenchmarkWholeRun(b *testing.B) {
	dir := b.TempDir()
	writeLargeProject(b, dir, 500)
	// The generated project is correct: a finding is a false positive.
	var out bytes.Buffer
	check := &Command{Stdout: &out, Stderr: &out, Version: "bench"}
	if code := check.Main([]string{dir}); code != ExitOK || !strings.Contains(out.String(), "no problems") {
		b.Fatalf("exit code %d on a correct project:\n%s", code, out.String())
	}
	c := &Command{Stdout: io.Discard, Stderr: io.Discard, Version: "bench"}
	b.ResetTimer()
	for range b.N {
		if code := c.Main([]string{"--format", "sarif", dir}); code != ExitOK {
			b.Fatalf("exit code %d", code)
		}
	}
}
