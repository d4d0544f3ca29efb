package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/fpcheck/fpcheck/internal/fixture"
)

// TestNeverExecutesProjectCode checks a project whose every hook into
// execution would leave a marker file or never return if it ran: app.js and
// a page that loop forever or write files, a WXS module, the pre-upload
// scripts of project.config.json, npm lifecycle scripts, a git hook. fpcheck
// parses them and judges them; it runs none of them, in a check, with
// --fix and in every output format.
func TestNeverExecutesProjectCode(t *testing.T) {
	dir := t.TempDir()
	marker := filepath.Join(dir, "executed")
	out := t.TempDir()
	files := map[string]string{
		"project.config.json":                 `{"compileType": "miniprogram", "scripts": {"beforeCompile": "touch ` + marker + `", "beforePreview": "touch ` + marker + `", "beforeUpload": "touch ` + marker + `"}}`,
		"package.json":                        `{"name": "x", "scripts": {"preinstall": "touch ` + marker + `", "prepare": "touch ` + marker + `", "lint": "touch ` + marker + `"}}`,
		"app.json":                            `{"pages": ["pages/index/index"], "functionalPages": true}`,
		"app.js":                              "require('child_process').execSync('touch " + marker + "'); while (true) {}\nApp({})\n",
		"pages/index/index.js":                "import fs from 'fs'\nfs.writeFileSync(" + "'" + marker + "', '')\nfor (;;) {}\nPage({})\n",
		"pages/index/index.wxml":              "<wxs module=\"m\">while (true) {}</wxs><wxs src=\"./x.wxs\" module=\"x\"/>\n",
		"pages/index/x.wxs":                   "module.exports = (function () { for (;;) {} })()\n",
		"functional-pages/request-payment.js": "while (true) {}\nexports.beforeRequestPayment = function (a, cb) { require('child_process').execSync('touch " + marker + "') }\n",
		".git/hooks/pre-commit":               "#!/bin/sh\ntouch " + marker + "\n",
	}
	fixture.WriteTree(t, dir, files)
	if err := os.Chmod(filepath.Join(dir, ".git", "hooks", "pre-commit"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{dir},
		{"--format", "json=" + filepath.Join(out, "json"), "--format", "sarif=" + filepath.Join(out, "sarif"), "--format", "markdown=" + filepath.Join(out, "md"), "--format", "github", dir},
		{"--submit", "--fix", dir},
	} {
		if _, stderr, code := run(t, args...); code != ExitOK && code != ExitFindings {
			t.Fatalf("fpcheck %v: exit %d\n%s", args, code, stderr)
		}
	}
	if _, _, code := run(t, "graph", dir); code != ExitOK {
		t.Fatalf("fpcheck graph: exit %d", code)
	}
	if _, err := os.Stat(marker); err == nil {
		t.Fatal("project code ran: the marker file exists")
	}
}
