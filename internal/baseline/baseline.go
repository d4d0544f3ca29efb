// Package baseline records a project's findings so that a later run
// reports only new ones: a team adopting fpcheck on a large project writes
// a baseline once, and the gate then blocks only what a change adds.
//
// A finding is recognized by its rule, its path and a fingerprint of its
// snippet (the source text it points at, with white space collapsed), not
// by its line, so unrelated edits that move lines keep it matched. Several
// findings with the same key are counted.
package baseline

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"sort"
	"strings"

	"github.com/fpcheck/fpcheck/internal/i18n"
	"github.com/fpcheck/fpcheck/internal/lint"
)

// Version is the file format's version.
const Version = 1

// maxSnippet bounds the text a fingerprint reads.
const maxSnippet = 400

// Entry is one recorded finding.
type Entry struct {
	Rule        string `json:"rule"`
	Path        string `json:"path"`
	Fingerprint string `json:"fingerprint"`
	// Message is for the reader of the file; matching ignores it.
	Message string `json:"message"`
}

// File is the baseline file.
type File struct {
	Version  int     `json:"version"`
	Tool     string  `json:"tool"`
	Findings []Entry `json:"findings"`
}

// Fingerprint identifies a finding across edits that move it: its rule,
// path and snippet (the bytes of its span; the message when the span is
// empty).
func Fingerprint(rule, path, snippet string) string {
	snippet = strings.Join(strings.Fields(snippet), " ")
	if len(snippet) > maxSnippet {
		snippet = snippet[:maxSnippet]
	}
	sum := sha256.Sum256([]byte(rule + "\x00" + path + "\x00" + snippet))
	return hex.EncodeToString(sum[:12])
}

// Snippet returns the text of f's span in the file text, or its message
// in English when the span is empty (a note about a whole file), so that
// the fingerprint is the same in every language.
func Snippet(f lint.Finding, text []byte) string {
	if f.Start < f.End && f.End <= len(text) {
		return string(text[f.Start:f.End])
	}
	return f.Message.String()
}

// Build records findings (suppressed ones are not recorded: they are
// already silenced), with their messages in lang for the reader.
func Build(findings []lint.Finding, text func(path string) []byte, lang i18n.Lang) *File {
	b := &File{Version: Version, Tool: "fpcheck", Findings: []Entry{}}
	for _, f := range findings {
		if f.Suppressed != nil {
			continue
		}
		b.Findings = append(b.Findings, Entry{
			Rule: f.Rule, Path: f.Path, Message: f.Message.Localize(lang),
			Fingerprint: Fingerprint(f.Rule, f.Path, Snippet(f, text(f.Path))),
		})
	}
	sort.SliceStable(b.Findings, func(i, j int) bool {
		x, y := b.Findings[i], b.Findings[j]
		if x.Path != y.Path {
			return x.Path < y.Path
		}
		if x.Rule != y.Rule {
			return x.Rule < y.Rule
		}
		return x.Fingerprint < y.Fingerprint
	})
	return b
}

// Write writes the baseline file at path.
func Write(path string, b *File) error {
	out, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(out, '\n'), 0o644)
}

// texts are Load's errors, in both languages.
var texts = i18n.Register("baseline", i18n.Catalog{
	"read":    {En: "cannot read the baseline %s: %s", Zh: "无法读取基线 %s：%s"},
	"not":     {En: "the baseline %s is not a baseline file; write one with --write-baseline", Zh: "%s 不是基线文件；请用 --write-baseline 生成"},
	"version": {En: "the baseline %s has version %d; this fpcheck reads version %d (write it again with --write-baseline)", Zh: "基线 %[1]s 的版本是 %[2]d，而这个 fpcheck 读取的是版本 %[3]d（请用 --write-baseline 重新生成）"},
})

// Load reads the baseline file at path. Its errors are *i18n.Error.
func Load(path string) (*File, error) {
	text, err := os.ReadFile(path)
	if err != nil {
		if pe, ok := errors.AsType[*os.PathError](err); ok {
			err = pe.Err
		}
		return nil, texts.Errorf("read", path, i18n.Raw(err.Error()))
	}
	var b File
	if err := json.Unmarshal(text, &b); err != nil || b.Tool != "fpcheck" {
		return nil, texts.Errorf("not", path)
	}
	if b.Version != Version {
		return nil, texts.Errorf("version", path, b.Version, Version)
	}
	return &b, nil
}

// Match sets BaselineState on each finding that is not suppressed:
// "unchanged" when the baseline records it, "new" otherwise. It returns how
// many recorded findings are gone (fixed since), so the baseline can be
// shrunk.
func Match(b *File, findings []lint.Finding, text func(path string) []byte) (gone int) {
	left := map[Entry]int{}
	for _, e := range b.Findings {
		left[Entry{Rule: e.Rule, Path: e.Path, Fingerprint: e.Fingerprint}]++
	}
	for i := range findings {
		f := &findings[i]
		if f.Suppressed != nil {
			continue
		}
		k := Entry{Rule: f.Rule, Path: f.Path, Fingerprint: Fingerprint(f.Rule, f.Path, Snippet(*f, text(f.Path)))}
		if left[k] > 0 {
			left[k]--
			f.BaselineState = lint.Unchanged
		} else {
			f.BaselineState = lint.New
		}
	}
	for _, n := range left {
		gone += n
	}
	return gone
}
