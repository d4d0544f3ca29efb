package report

import "testing"

func TestSARIFURI(t *testing.T) {
	tests := map[string]string{
		"pages/index/index.js":    "pages/index/index.js",
		"pages/首页/index.wxml":     "pages/%E9%A6%96%E9%A1%B5/index.wxml",
		"a b/#x/[id]/100%.js":     "a%20b/%23x/%5Bid%5D/100%25.js",
		"c:d/x.js":                "c%3Ad/x.js",
		"pkg/a+b@1/$x&y=z(1)'.js": "pkg/a+b@1/$x&y=z%281%29%27.js",
	}
	for in, want := range tests {
		if got := sarifURI(in); got != want {
			t.Errorf("sarifURI(%q) = %q, want %q", in, got, want)
		}
	}
}
