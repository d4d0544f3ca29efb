package fix

import (
	"slices"
	"testing"

	"github.com/fpcheck/fpcheck/internal/i18n"
	"github.com/fpcheck/fpcheck/internal/lint"
)

func fx(msg string, edits ...lint.Edit) lint.Fix {
	return lint.Fix{Message: i18n.Raw(msg), Edits: edits}
}

func ed(start, end int, s string) lint.Edit { return lint.Edit{Start: start, End: end, New: s} }

func messages(fs []lint.Fix) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, f.Message.String())
	}
	return out
}

func TestApply(t *testing.T) {
	tests := []struct {
		name             string
		text             string
		fixes            []lint.Fix
		want             string
		applied, skipped []string
	}{
		{
			name:    "no fixes",
			text:    "abc",
			want:    "abc",
			applied: []string{}, skipped: []string{},
		},
		{
			name:    "non-overlapping edits in any order",
			text:    "0123456789",
			fixes:   []lint.Fix{fx("late", ed(8, 9, "X")), fx("early", ed(1, 3, "")), fx("multi", ed(6, 6, "+"), ed(4, 5, "YY"))},
			want:    "03YY5+67X9",
			applied: []string{"late", "early", "multi"}, skipped: []string{},
		},
		{
			name:    "edits of one fix out of order",
			text:    "abcdef",
			fixes:   []lint.Fix{fx("f", ed(5, 6, "F"), ed(0, 1, "A"), ed(3, 3, "-"))},
			want:    "Abc-deF",
			applied: []string{"f"}, skipped: []string{},
		},
		{
			name:    "overlapping fixes: the first wins",
			text:    "hello world",
			fixes:   []lint.Fix{fx("first", ed(0, 5, "HELLO")), fx("second", ed(3, 8, "x")), fx("third", ed(6, 11, "there"))},
			want:    "HELLO there",
			applied: []string{"first", "third"}, skipped: []string{"second"},
		},
		{
			name:    "a fix is all-or-nothing",
			text:    "abcdef",
			fixes:   []lint.Fix{fx("first", ed(2, 3, "C")), fx("second", ed(0, 1, "A"), ed(2, 4, "x"))},
			want:    "abCdef",
			applied: []string{"first"}, skipped: []string{"second"},
		},
		{
			name:    "edits of one fix overlapping each other",
			text:    "abcdef",
			fixes:   []lint.Fix{fx("self", ed(0, 3, "x"), ed(2, 4, "y")), fx("ok", ed(5, 6, "F"))},
			want:    "abcdeF",
			applied: []string{"ok"}, skipped: []string{"self"},
		},
		{
			name:    "identical duplicate edits count once",
			text:    `version="debug"`,
			fixes:   []lint.Fix{fx("a", ed(9, 14, "release")), fx("b", ed(9, 14, "release")), fx("c", ed(9, 14, "release"), ed(9, 14, "release"))},
			want:    `version="release"`,
			applied: []string{"a", "b", "c"}, skipped: []string{},
		},
		{
			name:    "duplicate plus a new edit",
			text:    "abcdef",
			fixes:   []lint.Fix{fx("a", ed(1, 2, "B")), fx("b", ed(1, 2, "B"), ed(4, 5, "E"))},
			want:    "aBcdEf",
			applied: []string{"a", "b"}, skipped: []string{},
		},
		{
			name:    "same span, different text",
			text:    "abcdef",
			fixes:   []lint.Fix{fx("a", ed(1, 2, "B")), fx("b", ed(1, 2, "b2"))},
			want:    "aBcdef",
			applied: []string{"a"}, skipped: []string{"b"},
		},
		{
			name:    "insertion at a replacement's start goes before it",
			text:    "abcdef",
			fixes:   []lint.Fix{fx("replace", ed(2, 4, "XY")), fx("insert", ed(2, 2, "<"))},
			want:    "ab<XYef",
			applied: []string{"replace", "insert"}, skipped: []string{},
		},
		{
			name:    "insertion at a replacement's end goes after it",
			text:    "abcdef",
			fixes:   []lint.Fix{fx("insert", ed(4, 4, ">")), fx("replace", ed(2, 4, "XY"))},
			want:    "abXY>ef",
			applied: []string{"insert", "replace"}, skipped: []string{},
		},
		{
			name:    "insertion inside a replacement overlaps",
			text:    "abcdef",
			fixes:   []lint.Fix{fx("replace", ed(2, 4, "XY")), fx("insert", ed(3, 3, "!"))},
			want:    "abXYef",
			applied: []string{"replace"}, skipped: []string{"insert"},
		},
		{
			name:    "two different insertions at one offset overlap",
			text:    "abc",
			fixes:   []lint.Fix{fx("one", ed(1, 1, "1")), fx("two", ed(1, 1, "2")), fx("same", ed(1, 1, "1"))},
			want:    "a1bc",
			applied: []string{"one", "same"}, skipped: []string{"two"},
		},
		{
			name:    "touching replacements",
			text:    "abcdef",
			fixes:   []lint.Fix{fx("a", ed(0, 3, "1")), fx("b", ed(3, 6, "2"))},
			want:    "12",
			applied: []string{"a", "b"}, skipped: []string{},
		},
		{
			name:    "no-op edit is ignored",
			text:    "abc",
			fixes:   []lint.Fix{fx("ins", ed(1, 1, "x")), fx("noop", ed(1, 1, "")), fx("empty")},
			want:    "axbc",
			applied: []string{"ins", "noop", "empty"}, skipped: []string{},
		},
		{
			name: "inverted and out of range edits are skipped",
			text: "abc",
			fixes: []lint.Fix{
				fx("inverted", ed(2, 1, "x")), fx("past end", ed(2, 4, "x")), fx("start past end", ed(4, 4, "x")),
				fx("negative", ed(-1, 1, "x")), fx("at end", ed(3, 3, "!")),
			},
			want:    "abc!",
			applied: []string{"at end"}, skipped: []string{"inverted", "past end", "start past end", "negative"},
		},
		{
			name: "splitting a UTF-8 sequence is skipped",
			text: "a中b", // 中 is bytes 1..4
			fixes: []lint.Fix{
				fx("start inside", ed(2, 4, "x")), fx("end inside", ed(0, 3, "x")), fx("insert inside", ed(3, 3, "x")),
				fx("whole rune", ed(1, 4, "文")),
			},
			want:    "a文b",
			applied: []string{"whole rune"}, skipped: []string{"start inside", "end inside", "insert inside"},
		},
		{
			name:    "invalid UTF-8 bytes may be cut",
			text:    "a\x80\x80b\xe4\xb8",
			fixes:   []lint.Fix{fx("stray", ed(2, 2, "|")), fx("truncated", ed(5, 6, ""))},
			want:    "a\x80|\x80b\xe4",
			applied: []string{"stray", "truncated"}, skipped: []string{},
		},
		{
			name: "splitting CRLF is skipped",
			text: "a\r\nb",
			fixes: []lint.Fix{
				fx("between", ed(2, 2, "x")), fx("cr only", ed(1, 2, "")), fx("lf only", ed(2, 3, "")),
				fx("whole", ed(1, 3, "\n")),
			},
			want:    "a\nb",
			applied: []string{"whole"}, skipped: []string{"between", "cr only", "lf only"},
		},
		{
			name:    "BOM and CRLF are preserved",
			text:    "\uFEFF<view>\r\n  <text>a</text>\r\n</view>\r\n",
			fixes:   []lint.Fix{fx("rename", ed(19, 20, "b")), fx("attr", ed(8, 8, " x"))},
			want:    "\uFEFF<view x>\r\n  <text>b</text>\r\n</view>\r\n",
			applied: []string{"rename", "attr"}, skipped: []string{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := []byte(tt.text)
			orig := slices.Clone(text)
			out, applied, skipped := Apply(text, tt.fixes)
			if string(out) != tt.want {
				t.Errorf("out = %q, want %q", out, tt.want)
			}
			if got := messages(applied); !slices.Equal(got, tt.applied) {
				t.Errorf("applied = %q, want %q", got, tt.applied)
			}
			if got := messages(skipped); !slices.Equal(got, tt.skipped) {
				t.Errorf("skipped = %q, want %q", got, tt.skipped)
			}
			if !slices.Equal(text, orig) {
				t.Errorf("input modified: %q", text)
			}
		})
	}
}
