// Package directive reads inline suppression directives from the comments
// the parsers record (wxml.Document.Comments, wxss.Sheet.Comments,
// jsmod.Module.Comments):
//
//	// fpcheck-disable-next-line RULE[, RULE] -- reason
//	// fpcheck-disable-line RULE -- reason
//	/* fpcheck-disable RULE RULE -- reason */
//	<!-- fpcheck-disable-next-line RULE -- reason -->
//
// A comment is a directive when its text, after white space (and, in a
// "/* */" comment, asterisks, so that "/** ... */" works), starts with
// "fpcheck-disable". The keyword is everything up to the next white space
// or comma; a keyword other than the three known ones, such as
// "fpcheck-disabled" or "fpcheck-disable-nextline", is still a directive,
// of Kind [Unknown], for the caller to report as malformed.
//
// The directive is the line of the keyword. On it, the keyword is followed
// by rule names separated by commas and/or white space, then optionally by
// a separator, a run of two or more '-' with white space (or the end of the
// line) on both sides, and the reason. The reason may continue on the
// following lines of the comment, up to its end; in a "/* */" comment a
// '*' starting such a line, and those ending the comment, are left out, and
// the lines are joined with single spaces. Without a separator, lines after
// the keyword's line are not part of the directive. Only ASCII white space,
// ',' and '-' are syntax: a full-width comma or an em dash is part of a
// rule name.
//
// Names are returned as written; whether they name rules is for the caller
// to judge. Parse checks nothing else and never fails: the caller reports
// an Unknown kind, an empty rule list or a missing reason.
package directive

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/fpcheck/fpcheck/analyzers/source"
)

// Kind is the scope a directive disables rules in.
type Kind int

// The kinds of directive.
const (
	// Unknown is a keyword that starts with "fpcheck-disable" but is none
	// of the others, such as "fpcheck-disabled": a malformed directive.
	Unknown Kind = iota
	// NextLine is "fpcheck-disable-next-line": the line after the
	// comment's last line.
	NextLine
	// SameLine is "fpcheck-disable-line": the line the comment ends on.
	SameLine
	// File is "fpcheck-disable": the whole file.
	File
)

// Prefix starts every directive keyword.
const Prefix = "fpcheck-disable"

// keywords maps the known keywords to their kind.
var keywords = map[string]Kind{
	Prefix + "-next-line": NextLine,
	Prefix + "-line":      SameLine,
	Prefix:                File,
}

var kindNames = [...]string{
	Unknown:  "unknown",
	NextLine: Prefix + "-next-line",
	SameLine: Prefix + "-line",
	File:     Prefix,
}

// String returns the keyword of k, or "unknown".
func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Span is a half-open byte range [Start, End) of the file text.
type Span struct{ Start, End int }

// Directive is one parsed directive. All offsets are byte offsets into
// the file text given to Parse.
type Directive struct {
	Kind Kind
	// Keyword is the keyword as written, e.g. "fpcheck-disable-next-line"
	// or "fpcheck-disabled"; it spans [Start, Start+len(Keyword)).
	Keyword string
	// Rules are the rule names in order, as written, without separators;
	// empty when none is given.
	Rules []string
	// RuleSpans holds the span of each of Rules.
	RuleSpans []Span
	// Reason is the text after the separator, trimmed, with the lines of a
	// multi-line reason joined by single spaces; "" when there is no
	// separator or nothing follows it.
	Reason string
	// HasSeparator reports a separator ("--"), even with an empty reason.
	HasSeparator bool
	// ReasonSpan is the span of the reason as written, trimmed; empty at
	// End when there is no reason.
	ReasonSpan Span
	// Start and End span the directive: from the keyword to the end of the
	// reason or, without one, of the last rule or separator on the
	// keyword's line. For the usual one-line comment this is the comment's
	// text trimmed. It is what to point at when the directive itself is
	// wrong.
	Start, End int
}

// Parse reads the comment c of text as a directive. It reports false when
// the comment is not one, or when c does not lie within text. Block
// comments are told by their "/*" opening delimiter at c.Start.
func Parse(text []byte, c source.Comment) (Directive, bool) {
	if c.Start < 0 || c.Start > c.TextStart || c.TextStart > c.TextEnd || c.TextEnd > len(text) {
		return Directive{}, false
	}
	block := bytes.HasPrefix(text[c.Start:], []byte("/*"))
	i, end := c.TextStart, c.TextEnd
	for i < end && (isSpace(text[i]) || block && text[i] == '*') {
		i++
	}
	if !bytes.HasPrefix(text[i:end], []byte(Prefix)) {
		return Directive{}, false
	}
	end = trimEnd(text, i, end, block)
	kwEnd := i
	for kwEnd < end && !isSpace(text[kwEnd]) && text[kwEnd] != ',' {
		kwEnd++
	}
	d := Directive{Kind: keywords[string(text[i:kwEnd])], Keyword: string(text[i:kwEnd]), Start: i, End: kwEnd}
	lineEnd := kwEnd
	for lineEnd < end && text[lineEnd] != '\n' && text[lineEnd] != '\r' {
		lineEnd++
	}
	rulesEnd := lineEnd
	sep, sepEnd := separator(text, kwEnd, lineEnd)
	if sep >= 0 {
		rulesEnd = sep
		d.HasSeparator = true
		d.End = sepEnd
	}
	d.readRules(text, kwEnd, rulesEnd)
	if sep >= 0 {
		d.readReason(text, sepEnd, end, block)
	}
	d.ReasonSpan = Span{Start: d.End, End: d.End}
	if d.Reason != "" {
		d.ReasonSpan = reasonSpan(text, sepEnd, end, block)
		d.End = d.ReasonSpan.End
	}
	return d, true
}

// separator returns the span of the first run of two or more '-' in
// text[from:to] with white space before it and white space or to after
// it, or -1, -1.
func separator(text []byte, from, to int) (start, end int) {
	for j := from; j < to; j++ {
		if text[j] != '-' || j == from || !isSpace(text[j-1]) {
			continue
		}
		k := j
		for k < to && text[k] == '-' {
			k++
		}
		if k-j >= 2 && (k == to || isSpace(text[k])) {
			return j, k
		}
		j = k
	}
	return -1, -1
}

// readRules splits text[from:to] into rule names and moves d.End past the
// last one.
func (d *Directive) readRules(text []byte, from, to int) {
	for j := from; j < to; {
		if isSpace(text[j]) || text[j] == ',' {
			j++
			continue
		}
		k := j
		for k < to && !isSpace(text[k]) && text[k] != ',' {
			k++
		}
		d.Rules = append(d.Rules, string(text[j:k]))
		d.RuleSpans = append(d.RuleSpans, Span{Start: j, End: k})
		d.End = max(d.End, k)
		j = k
	}
}

// readReason sets d.Reason from text[from:to], the text after the
// separator up to the end of the comment's text.
func (d *Directive) readReason(text []byte, from, to int, block bool) {
	raw := strings.ReplaceAll(string(text[from:to]), "\r\n", "\n")
	var parts []string
	for n, line := range strings.Split(strings.ReplaceAll(raw, "\r", "\n"), "\n") {
		line = strings.TrimSpace(line)
		if block && n > 0 {
			line = strings.TrimSpace(strings.TrimLeft(line, "*"))
		}
		if line != "" {
			parts = append(parts, line)
		}
	}
	reason := strings.Join(parts, " ")
	if block {
		reason = strings.TrimSpace(strings.TrimRight(reason, "*"))
	}
	d.Reason = reason
}

// reasonSpan returns the span of the reason in text[from:to], trimmed of
// white space and, in a block comment, of trailing asterisks and those
// starting a continuation line.
func reasonSpan(text []byte, from, to int, block bool) Span {
	newline := false
	for from < to {
		switch c := text[from]; {
		case c == '\n' || c == '\r':
			newline = true
		case isSpace(c), block && newline && c == '*':
		default:
			return Span{Start: from, End: trimEnd(text, from, to, block)}
		}
		from++
	}
	return Span{Start: from, End: from}
}

// trimEnd returns to moved back over white space and, in a block comment,
// asterisks, but not before from.
func trimEnd(text []byte, from, to int, block bool) int {
	for to > from && (isSpace(text[to-1]) || block && text[to-1] == '*') {
		to--
	}
	return to
}

// isSpace reports whether c is ASCII white space.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}
