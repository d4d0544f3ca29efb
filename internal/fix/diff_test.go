package fix

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// lines returns "1\n2\n…n\n" with the lines in repl replaced.
func lines(n int, repl map[int]string) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		if s, ok := repl[i]; ok {
			b.WriteString(s)
		} else {
			b.WriteString(strconv.Itoa(i))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func TestDiff(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     string
	}{
		{name: "equal", old: "a\nb\n", new: "a\nb\n", want: ""},
		{name: "both empty", old: "", new: "", want: ""},
		{
			name: "one change in the middle",
			old:  lines(10, nil), new: lines(10, map[int]string{5: "five"}),
			want: "--- a/f.wxml\n+++ b/f.wxml\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n",
		},
		{
			name: "change at the start",
			old:  lines(10, nil), new: lines(10, map[int]string{1: "one"}),
			want: "--- a/f.wxml\n+++ b/f.wxml\n@@ -1,4 +1,4 @@\n-1\n+one\n 2\n 3\n 4\n",
		},
		{
			name: "change at the end",
			old:  lines(10, nil), new: lines(10, map[int]string{10: "ten"}),
			want: "--- a/f.wxml\n+++ b/f.wxml\n@@ -7,4 +7,4 @@\n 7\n 8\n 9\n-10\n+ten\n",
		},
		{
			name: "insertion only",
			old:  "a\nb\nc\n", new: "a\nb\nX\nc\n",
			want: "--- a/f.wxml\n+++ b/f.wxml\n@@ -1,3 +1,4 @@\n a\n b\n+X\n c\n",
		},
		{
			name: "deletion only",
			old:  lines(8, nil), new: "1\n2\n3\n4\n6\n7\n8\n",
			want: "--- a/f.wxml\n+++ b/f.wxml\n@@ -2,7 +2,6 @@\n 2\n 3\n 4\n-5\n 6\n 7\n 8\n",
		},
		{
			name: "from empty",
			old:  "", new: "a\n",
			want: "--- a/f.wxml\n+++ b/f.wxml\n@@ -0,0 +1 @@\n+a\n",
		},
		{
			name: "to empty",
			old:  "a\nb\n", new: "",
			want: "--- a/f.wxml\n+++ b/f.wxml\n@@ -1,2 +0,0 @@\n-a\n-b\n",
		},
		{
			name: "no trailing newline on the new side",
			old:  "a\nb\n", new: "a\nc",
			want: "--- a/f.wxml\n+++ b/f.wxml\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n\\ No newline at end of file\n",
		},
		{
			name: "no trailing newline on the old side",
			old:  "a\nb", new: "a\nb\n",
			want: "--- a/f.wxml\n+++ b/f.wxml\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n",
		},
		{
			name: "no trailing newline on either side",
			old:  "a\nb\nc", new: "A\nb\nc",
			want: "--- a/f.wxml\n+++ b/f.wxml\n@@ -1,3 +1,3 @@\n-a\n+A\n b\n c\n\\ No newline at end of file\n",
		},
		{
			name: "no trailing newline, last line changed",
			old:  "a\nb", new: "a\nc",
			want: "--- a/f.wxml\n+++ b/f.wxml\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n",
		},
		{
			name: "two far-apart changes: two hunks",
			old:  lines(20, nil), new: lines(20, map[int]string{1: "X", 9: "Y"}),
			want: "--- a/f.wxml\n+++ b/f.wxml\n@@ -1,4 +1,4 @@\n-1\n+X\n 2\n 3\n 4\n" +
				"@@ -6,7 +6,7 @@\n 6\n 7\n 8\n-9\n+Y\n 10\n 11\n 12\n",
		},
		{
			name: "two near changes: one hunk",
			old:  lines(20, nil), new: lines(20, map[int]string{1: "X", 8: "Y"}),
			want: "--- a/f.wxml\n+++ b/f.wxml\n@@ -1,11 +1,11 @@\n-1\n+X\n 2\n 3\n 4\n 5\n 6\n 7\n-8\n+Y\n 9\n 10\n 11\n",
		},
		{
			name: "Chinese text",
			old:  "<text>你好</text>\n<text>世界</text>\n", new: "<text>你好</text>\n<text>世界！</text>\n",
			want: "--- a/f.wxml\n+++ b/f.wxml\n@@ -1,2 +1,2 @@\n <text>你好</text>\n-<text>世界</text>\n+<text>世界！</text>\n",
		},
		{
			name: "CRLF lines keep their CR",
			old:  "\uFEFFa\r\nb\r\nc\r\n", new: "\uFEFFa\r\nB\r\nc\r\n",
			want: "--- a/f.wxml\n+++ b/f.wxml\n@@ -1,3 +1,3 @@\n \uFEFFa\r\n-b\r\n+B\r\n c\r\n",
		},
		{
			name: "line ending change only",
			old:  "a\nb\n", new: "a\r\nb\n",
			want: "--- a/f.wxml\n+++ b/f.wxml\n@@ -1,2 +1,2 @@\n-a\n+a\r\n b\n",
		},
		{
			name: "deletions before insertions in a change",
			old:  "a\nb\nc\nd\n", new: "a\nX\nY\nd\n",
			want: "--- a/f.wxml\n+++ b/f.wxml\n@@ -1,4 +1,4 @@\n a\n-b\n-c\n+X\n+Y\n d\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Diff(&buf, "f.wxml", []byte(tt.old), []byte(tt.new)); err != nil {
				t.Fatal(err)
			}
			if got := buf.String(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if tt.want != "" {
				if got, err := patch([]byte(tt.old), buf.Bytes()); err != nil || string(got) != tt.new {
					t.Errorf("patch = %q, %v; want %q", got, err, tt.new)
				}
			}
		})
	}
}

// TestDiffFallback checks the bounded diff: over budget, the changed middle
// is one change, still between the common leading and trailing lines.
func TestDiffFallback(t *testing.T) {
	a := splitLines([]byte("p\nq\n1\nx\n2\ny\n3\ns\n"))
	b := splitLines([]byte("p\nq\nx\nA\ny\nB\ns\n"))
	var got strings.Builder
	for _, o := range diffLines(a, b, 1) {
		got.WriteByte(byte(o.kind))
	}
	if want := "  -----++++ "; got.String() != want {
		t.Errorf("ops = %q, want %q", got.String(), want)
	}
	got.Reset()
	for _, o := range diffLines(a, b, diffBudget) {
		got.WriteByte(byte(o.kind))
	}
	if want := "  - -+ -+ "; got.String() != want {
		t.Errorf("ops = %q, want %q", got.String(), want)
	}
}

// TestDiffLarge: a large file with every line changed stays fast.
func TestDiffLarge(t *testing.T) {
	var a, b strings.Builder
	for i := range 200000 {
		fmt.Fprintf(&a, "line %d\n", i)
		fmt.Fprintf(&b, "LINE %d\n", i)
	}
	var buf bytes.Buffer
	if err := Diff(&buf, "big.js", []byte(a.String()), []byte(b.String())); err != nil {
		t.Fatal(err)
	}
	got, err := patch([]byte(a.String()), buf.Bytes())
	if err != nil || string(got) != b.String() {
		t.Fatalf("patch failed: %v", err)
	}
}

// patch applies a unified diff written by Diff to old: a minimal patcher
// that checks every context and deleted line.
func patch(old, diff []byte) ([]byte, error) {
	dl := splitLines(diff)
	if len(dl) < 2 || !bytes.HasPrefix(dl[0], []byte("--- a/")) || !bytes.HasPrefix(dl[1], []byte("+++ b/")) {
		return nil, fmt.Errorf("bad header")
	}
	dl = dl[2:]
	ol := splitLines(old)
	var out []byte
	pos := 0      // next old line
	newLines := 0 // new lines written
	for i := 0; i < len(dl); {
		var os, oc, ns, nc int
		if err := parseHunkHeader(string(dl[i]), &os, &oc, &ns, &nc); err != nil {
			return nil, err
		}
		i++
		start := os - 1 // 0-based first old line
		if oc == 0 {
			start = os
		}
		if start < pos || start > len(ol) {
			return nil, fmt.Errorf("hunk at %d out of order", os)
		}
		for ; pos < start; pos++ {
			out = append(out, ol[pos]...)
			newLines++
		}
		nstart := ns - 1
		if nc == 0 {
			nstart = ns
		}
		if nstart != newLines {
			return nil, fmt.Errorf("hunk +%d,%d after %d new lines", ns, nc, newLines)
		}
		gotO, gotN := 0, 0
		for i < len(dl) && len(dl[i]) > 0 && dl[i][0] != '@' {
			body := dl[i][1:]
			kind := dl[i][0]
			i++
			if i < len(dl) && string(dl[i]) == "\\ No newline at end of file\n" {
				body = bytes.TrimSuffix(body, []byte("\n"))
				i++
			}
			switch kind {
			case ' ', '-':
				if pos >= len(ol) || !bytes.Equal(ol[pos], body) {
					return nil, fmt.Errorf("line %d: %q does not match %q", pos+1, body, ol)
				}
				pos++
				gotO++
				if kind == ' ' {
					out = append(out, body...)
					gotN++
				}
			case '+':
				out = append(out, body...)
				gotN++
			default:
				return nil, fmt.Errorf("bad line %q", dl[i-1])
			}
		}
		if gotO != oc || gotN != nc {
			return nil, fmt.Errorf("hunk -%d,%d +%d,%d has %d old and %d new lines", os, oc, ns, nc, gotO, gotN)
		}
		newLines += gotN
	}
	for ; pos < len(ol); pos++ {
		out = append(out, ol[pos]...)
	}
	return out, nil
}

func parseHunkHeader(s string, os, oc, ns, nc *int) error {
	rest, ok := strings.CutPrefix(s, "@@ -")
	if !ok {
		return fmt.Errorf("bad hunk header %q", s)
	}
	rest, ok = strings.CutSuffix(rest, " @@\n")
	if !ok {
		return fmt.Errorf("bad hunk header %q", s)
	}
	o, n, ok := strings.Cut(rest, " +")
	if !ok {
		return fmt.Errorf("bad hunk header %q", s)
	}
	if err := parseRange(o, os, oc); err != nil {
		return err
	}
	return parseRange(n, ns, nc)
}

func parseRange(s string, start, count *int) error {
	a, b, ok := strings.Cut(s, ",")
	var err error
	if *start, err = strconv.Atoi(a); err != nil {
		return err
	}
	*count = 1
	if ok {
		if *count, err = strconv.Atoi(b); err != nil {
			return err
		}
	}
	return nil
}
