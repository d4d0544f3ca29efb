package jsonpos

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/tidwall/gjson"

	"github.com/fpcheck/fpcheck/internal/i18n"
)

const depthMessage = "nesting deeper than 1000 levels"

// syntaxErrorCases holds one or more inputs for every class of error, with
// the exact offset and message Parse must report. They also seed FuzzParse.
var syntaxErrorCases = []struct {
	name, text string
	off        int
	msg        string
}{
	// Comments.
	{"line comment before value", "// app\n{}", 0, "comments are not allowed in JSON"},
	{"line comment inside object", "{\n  \"a\": 1, // x\n  \"b\": 2\n}", 12, "comments are not allowed in JSON"},
	{"block comment inside array", `[1, /* two */ 2]`, 4, "comments are not allowed in JSON"},
	{"block comment after value", `{"a":1}/* x */`, 7, "comments are not allowed in JSON"},
	{"comment after key", `{"a" /* x */ : 1}`, 5, "comments are not allowed in JSON"},
	{"comment before trailing comma's bracket", "[1, // x\n]", 4, "comments are not allowed in JSON"},
	{"slash that is not a comment", `[1/2]`, 2, `expected "," or "]" after array element, found "/"`},
	{"slashes inside a string are content", `{"url": "https://a.b/c" // x` + "\n}", 24, "comments are not allowed in JSON"},

	// Trailing commas.
	{"trailing comma in object", `{"a": 1,}`, 7, `trailing comma before "}"`},
	{"trailing comma in array", `[1, 2,]`, 5, `trailing comma before "]"`},
	{"trailing comma before newline", "{\n  \"pages\": [\n    \"a\",\n  ]\n}", 22, `trailing comma before "]"`},
	{"trailing comma nested", `{"a": {"b": 1,}}`, 13, `trailing comma before "}"`},
	{"double comma in array", `[1,,2]`, 3, `expected a value, found ","`},
	{"double comma in object", `{"a":1,,"b":2}`, 7, `expected a string key, found ","`},
	{"leading comma in array", `[,1]`, 1, `expected a value or "]", found ","`},

	// Strings.
	{"single-quoted value", `{"a": 'b'}`, 6, `expected a double-quoted string, found single-quoted "'b'"`},
	{"single-quoted key", `{'a': 1}`, 1, `expected a double-quoted key, found single-quoted "'a'"`},
	{"unquoted key", `{pages: []}`, 1, `expected a double-quoted key, found unquoted "pages"`},
	{"unquoted key after comma", `{"a": 1, b: 2}`, 9, `expected a double-quoted key, found unquoted "b"`},
	{"unquoted Chinese key", `{页面: 1}`, 1, `expected a double-quoted key, found unquoted "页面"`},
	{"number as key", `{1: 2}`, 1, `expected a string key or "}", found "1"`},
	{"invalid escape", `["a\x"]`, 3, `invalid escape \x in string: expected one of \" \\ \/ \b \f \n \r \t \uXXXX`},
	{"escaped single quote", `["it\'s"]`, 4, `invalid escape \' in string: expected one of \" \\ \/ \b \f \n \r \t \uXXXX`},
	{"short unicode escape", `["\u12G4"]`, 2, `invalid escape \u12G in string: expected 4 hex digits after \u`},
	{"escaped line break", "[\"a\\\nb\"]", 3, `invalid escape "\\\n" in string: expected one of \" \\ \/ \b \f \n \r \t \uXXXX`},
	{"raw tab in string", "[\"a\tb\"]", 3, `invalid control character U+0009 (tab) in string: write \t instead`},
	{"raw line break in string", "{\"a\": \"x\ny\"}", 8, `invalid control character U+000A (line feed) in string: strings cannot span lines; write \n instead`},
	{"raw NUL in string", "[\"\x00\"]", 2, `invalid control character U+0000 (NUL) in string: write \u0000 instead`},
	{"raw control in key", "{\"\x1f\": 1}", 2, `invalid control character U+001F in string: write \u001f instead`},
	{"unterminated string", `{"a": "abc`, 6, "unterminated string: expected a closing quote before the end of input"},
	{"unterminated key", `{"abc`, 1, "unterminated string: expected a closing quote before the end of input"},
	{"unterminated after backslash", `["ab\`, 1, "unterminated string: expected a closing quote before the end of input"},
	{"unterminated in unicode escape", `["ab\u12`, 1, "unterminated string: expected a closing quote before the end of input"},
	{"invalid UTF-8 in string", "[\"ok\xff\"]", 4, "invalid UTF-8 byte 0xFF in string"},
	{"truncated UTF-8 in string", "[\"\xe4\xb8\"]", 2, "invalid UTF-8 byte 0xE4 in string"},
	{"UTF-8 surrogate in string", "[\"\xed\xa0\x80\"]", 2, "invalid UTF-8 byte 0xED in string"},
	{"invalid UTF-8 outside string", "[\xff]", 1, `expected a value or "]", found invalid UTF-8 byte 0xFF`},

	// Literals.
	{"NaN", `[NaN]`, 1, `expected a value or "]", found "NaN" (NaN and Infinity are not allowed in JSON)`},
	{"Infinity", `{"a": Infinity}`, 6, `expected a value, found "Infinity" (NaN and Infinity are not allowed in JSON)`},
	{"minus Infinity", `[1, -Infinity]`, 4, `expected a value, found "-Infinity" (NaN and Infinity are not allowed in JSON)`},
	{"plus Infinity", `[+Infinity]`, 1, `expected a value or "]", found "+Infinity" (NaN and Infinity are not allowed in JSON)`},
	{"capitalized True", `{"a": True}`, 6, `expected a value, found "True" (JSON literals are lower-case: true, false, null)`},
	{"undefined", `[undefined]`, 1, `expected a value or "]", found "undefined" (JSON has no undefined; use null)`},
	{"misspelled literal", `[nul]`, 1, `expected a value or "]", found "nul"`},
	{"literal run into word", `truex`, 0, `expected a JSON value, found "truex"`},
	{"bare word", `{"a": yes}`, 6, `expected a value, found "yes"`},

	// Numbers.
	{"leading zero", `{"a": 01}`, 6, `invalid number "01": leading zeros are not allowed`},
	{"negative leading zero", `[-007]`, 1, `invalid number "-007": leading zeros are not allowed`},
	{"plus sign", `[+1]`, 1, `invalid number "+1": a leading "+" is not allowed`},
	{"hex", `[0x1F]`, 1, `invalid number "0x1F": hexadecimal numbers are not allowed`},
	{"leading dot", `[.5]`, 1, `invalid number ".5": expected a digit before the decimal point`},
	{"trailing dot", `[1.]`, 1, `invalid number "1.": expected a digit after the decimal point`},
	{"empty exponent", `[1e]`, 1, `invalid number "1e": expected a digit in the exponent`},
	{"signed empty exponent", `[1E+]`, 1, `invalid number "1E+": expected a digit in the exponent`},
	{"lone minus", `[-]`, 1, `invalid number "-": expected a digit after "-"`},
	{"minus letter", `[-a]`, 1, `invalid number "-a": expected a digit after "-"`},
	{"two dots", `[1.2.3]`, 1, `invalid number "1.2.3": unexpected "."`},
	{"digits then letters", `[123abc]`, 1, `invalid number "123abc": unexpected "a"`},
	{"number then minus", `[1-2]`, 1, `invalid number "1-2": unexpected "-"`},

	// Structure.
	{"missing comma between members", `{"a": 1 "pages": []}`, 8, `expected "," or "}" after object member, found "\"pages\""`},
	{"missing comma between elements", `[1 2]`, 3, `expected "," or "]" after array element, found "2"`},
	{"missing colon", `{"a" 1}`, 5, `expected ":" after object key, found "1"`},
	{"equals for colon", `{"a"=1}`, 4, `expected ":" after object key, found "="`},
	{"wrong closer for array", `[1}`, 2, `expected "," or "]" after array element, found "}"`},
	{"wrong closer for object", `{"a": 1]`, 7, `expected "," or "}" after object member, found "]"`},
	{"closer as value", `{"a": }`, 6, `expected a value, found "}"`},
	{"closer at top level", `]`, 0, `expected a JSON value, found "]"`},
	{"full-width comma", `["a"，"b"]`, 4, `expected "," or "]" after array element, found "，" (full-width comma U+FF0C)`},
	{"full-width colon", `{"a"：1}`, 4, `expected ":" after object key, found "：" (full-width colon U+FF1A)`},
	{"curly quotes", `{“a”: 1}`, 1, `expected a string key or "}", found "“" (left double quotation mark U+201C)`},
	{"no-break space", "{\"a\":\u00a01}", 5, `expected a value, found "\u00a0" (no-break space U+00A0)`},
	{"form feed is not whitespace", "[1,\f2]", 3, `expected a value, found "\f"`},
	{"vertical tab is not whitespace", "0 \v", 2, `unexpected "\v" after the top-level value`},
	{"long token is cut", `{"a": 1 "` + strings.Repeat("x", 60) + `": 2}`, 8, `expected "," or "}" after object member, found "\"` + strings.Repeat("x", 39) + `"…`},

	// End of input.
	{"empty", ``, 0, "empty file: expected a JSON value"},
	{"only whitespace", " \r\n\t", 4, "empty file: expected a JSON value"},
	{"only BOM", "\xEF\xBB\xBF", 3, "empty file: expected a JSON value"},
	{"open object", `{`, 1, `unexpected end of input: expected a string key or "}"`},
	{"open array", "[\n", 2, `unexpected end of input: expected a value or "]"`},
	{"after key", `{"a"`, 4, `unexpected end of input: expected ":" after object key`},
	{"after colon", `{"a": `, 6, `unexpected end of input: expected a value`},
	{"after member", `{"a": 1`, 7, `unexpected end of input: expected "," or "}" after object member`},
	{"after element", `[1, 2`, 5, `unexpected end of input: expected "," or "]" after array element`},
	{"after comma in array", `[1,`, 3, `unexpected end of input: expected a value`},
	{"after comma in object", `{"a":1, `, 8, `unexpected end of input: expected a string key`},
	{"truncated literal", `[tr`, 3, `unexpected end of input: expected "true"`},
	{"truncated nested", `{"a": [{"b": [1]}`, 17, `unexpected end of input: expected "," or "]" after array element`},

	// After the top-level value.
	{"word after value", `{} x`, 3, `unexpected "x" after the top-level value`},
	{"two objects", "{}\n{}", 3, `unexpected "{" after the top-level value`},
	{"two numbers", `1 2`, 2, `unexpected "2" after the top-level value`},
	{"two strings", `"a" "b"`, 4, `unexpected "\"b\"" after the top-level value`},
	{"extra closer", `{"a": 1}}`, 8, `unexpected "}" after the top-level value`},
	{"BOM in the middle", "{}\xEF\xBB\xBF", 2, `unexpected "\ufeff" (byte order mark U+FEFF) after the top-level value`},
	{"second BOM", "\xEF\xBB\xBF\xEF\xBB\xBF{}", 3, `expected a JSON value, found "\ufeff" (byte order mark U+FEFF)`},
	{"NUL after value", "{}\x00", 2, `unexpected "\x00" after the top-level value`},

	// Depth.
	{"depth 1001 arrays", strings.Repeat("[", 1001) + strings.Repeat("]", 1001), 1000, depthMessage},
	{"depth 1001 objects", strings.Repeat(`{"a":`, 1001) + "1" + strings.Repeat("}", 1001), 5000, depthMessage},
}

func TestSyntaxErrors(t *testing.T) {
	for _, tc := range syntaxErrorCases {
		t.Run(tc.name, func(t *testing.T) {
			check := func(text string, off int) {
				t.Helper()
				doc, err := Parse([]byte(text))
				if err == nil {
					t.Fatalf("Parse(%q) = %v, want error", text, doc.Root().Raw())
				}
				if doc != nil {
					t.Errorf("Parse(%q) returned a Doc with an error", text)
				}
				if err.Offset != off || err.Message.String() != tc.msg {
					t.Errorf("Parse(%q):\n got %d: %s\nwant %d: %s", text, err.Offset, err.Message, off, tc.msg)
				}
				checkRenders(t, err)
				if verr := Validate([]byte(text)); !sameError(verr, err) {
					t.Errorf("Validate(%q) = %v, want %v", text, verr, err)
				}
				// encoding/json agrees (it accepts invalid UTF-8 and deeper nesting).
				if body := bytes.TrimPrefix([]byte(text), []byte(bom)); json.Valid(body) && utf8.Valid(body) && tc.msg != depthMessage {
					t.Errorf("encoding/json accepts %q", text)
				}
			}
			check(tc.text, tc.off)
			// With a BOM, the same error is 3 bytes later.
			if !strings.HasPrefix(tc.text, bom) {
				check(bom+tc.text, tc.off+len(bom))
			}
		})
	}
}

// TestSyntaxErrorsInChinese checks the Chinese of a few messages, the
// phrases they are built of (what was expected, what was found, a hint)
// included.
func TestSyntaxErrorsInChinese(t *testing.T) {
	tests := []struct{ text, want string }{
		{"// app\n{}", "JSON 中不允许注释"},
		{`{"a": 1,}`, `"}" 前有多余的逗号`},
		{`{`, `文件意外结束：此处应为字符串键名或 "}"`},
		{`[tr`, `文件意外结束：此处应为 "true"`},
		{`{"a" 1}`, `此处应为键名后的 ":"，实际为 "1"`},
		{`["a"，"b"]`, `此处应为数组元素后的 "," 或 "]"，实际为 "，"（全角逗号 U+FF0C）`},
		{`[undefined]`, `此处应为值或 "]"，实际为 "undefined"（JSON 中没有 undefined，请改用 null）`},
		{`{'a': 1}`, `键名必须使用双引号，此处为单引号 "'a'"`},
		{"{\"a\": \"x\ny\"}", `字符串中不能直接写控制字符 U+000A（换行符）：字符串不能跨行；请改为 \n`},
		{`{"a": "abc`, "字符串未闭合：到文件末尾仍未找到结束引号"},
		{`[0x1F]`, `数字 "0x1F" 无效：不允许使用十六进制数`},
		{`{} x`, `顶层值之后多出了 "x"`},
		{"\xff\xfe{\x00}\x00", "文件编码为 UTF-16（小端序，带字节顺序标记）；JSON 文件必须是 UTF-8 编码：请另存为 UTF-8"},
		{strings.Repeat("[", 1001), "嵌套超过 1000 层"},
	}
	for _, tc := range tests {
		_, err := Parse([]byte(tc.text))
		if err == nil {
			t.Errorf("Parse(%q) = nil, want an error", tc.text)
			continue
		}
		if got := err.Message.Localize(i18n.Zh); got != tc.want {
			t.Errorf("Parse(%q) in Chinese:\n got %s\nwant %s", tc.text, got, tc.want)
		}
	}
}

// sameError reports whether a and b are the same error: the same offset,
// bound and message (key and arguments).
func sameError(a, b *SyntaxError) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Offset == b.Offset && a.Limit == b.Limit && a.Message.Debug() == b.Message.Debug() &&
		a.Message.String() == b.Message.String()
}

// checkRenders fails when err's message does not render in every
// language (a missing or extra argument, a verb that does not fit). The
// text quoted in it may hold "%!" itself: the check renders a copy
// without '%' in its quoted text.
func checkRenders(t *testing.T, err *SyntaxError) {
	t.Helper()
	if e := i18n.RenderError(err.Message); e != nil {
		t.Fatal(e)
	}
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func TestSyntaxErrorString(t *testing.T) {
	_, err := Parse([]byte(`[1,]`))
	if got, want := err.Error(), `offset 2: trailing comma before "]"`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestDeepNestingIsBounded(t *testing.T) {
	// 10 MB of '[' must fail fast at the 1001st bracket, without recursion.
	text := bytes.Repeat([]byte("["), 10<<20)
	_, err := Parse(text)
	if err == nil || err.Offset != MaxDepth || err.Message.String() != depthMessage {
		t.Fatalf("Parse(10 MB of '[') = %v, want offset %d: %s", err, MaxDepth, depthMessage)
	}

	// Exactly MaxDepth levels are fine, and walking them works.
	ok := strings.Repeat(`[{"k":`, MaxDepth/2) + "0" + strings.Repeat("}]", MaxDepth/2)
	doc, err := Parse([]byte(ok))
	if err != nil {
		t.Fatalf("Parse(depth %d) = %v", MaxDepth, err)
	}
	v, depth := doc.Root(), 1
	for {
		if es := v.Elements(); len(es) == 1 {
			v = es[0]
		} else if ms := v.Members(); len(ms) == 1 {
			v = ms[0].Value
		} else {
			break
		}
		depth++
	}
	if wantStart := len(`[{"k":`) * MaxDepth / 2; v.Raw() != "0" || depth != MaxDepth+1 || v.Start() != wantStart {
		t.Errorf("innermost value %q at %d after %d steps, want \"0\" at %d after %d", v.Raw(), v.Start(), depth, wantStart, MaxDepth+1)
	}
}

// checkSpan asserts that v spans text[start:start+len(raw)] and that Raw
// agrees with the text.
func checkSpan(t *testing.T, text string, v Value, start int, raw string) {
	t.Helper()
	if !v.Exists() {
		t.Fatalf("value %q at %d is missing", raw, start)
	}
	if v.Start() != start || v.End() != start+len(raw) || v.Raw() != raw {
		t.Errorf("value = %q at [%d,%d), want %q at [%d,%d)", v.Raw(), v.Start(), v.End(), raw, start, start+len(raw))
	}
	if got := text[v.Start():v.End()]; got != raw {
		t.Errorf("text[%d:%d] = %q, want %q", v.Start(), v.End(), got, raw)
	}
}

func TestBOMOffsets(t *testing.T) {
	text := "\xEF\xBB\xBF{\"pages\": [\"pages/index/index\"], \"debug\": true}"
	doc, err := Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if !doc.HasBOM() || doc.Text() != text {
		t.Errorf("HasBOM() = %v, Text() = %q", doc.HasBOM(), doc.Text())
	}
	root := doc.Root()
	checkSpan(t, text, root, 3, text[3:])
	pages := root.Get("pages")
	checkSpan(t, text, pages, 13, `["pages/index/index"]`)
	checkSpan(t, text, pages.Elements()[0], 14, `"pages/index/index"`)
	checkSpan(t, text, root.Get("debug"), 45, "true")
	ms := root.Members()
	if len(ms) != 2 || ms[0].KeyStart != 4 || ms[0].KeyEnd != 11 || ms[1].KeyStart != 36 || ms[1].KeyEnd != 43 {
		t.Errorf("member key spans = %+v", ms)
	}

	plain, err := Parse([]byte(text[3:]))
	if err != nil {
		t.Fatal(err)
	}
	if plain.HasBOM() || plain.Root().Get("debug").Start() != 42 {
		t.Errorf("without BOM: HasBOM() = %v, debug at %d, want false, 42", plain.HasBOM(), plain.Root().Get("debug").Start())
	}
}

func TestCRLF(t *testing.T) {
	text := "{\r\n  \"pages\": [\r\n    \"pages/index/index\",\r\n    \"pages/logs/logs\"\r\n  ],\r\n  \"window\": {\r\n    \"navigationBarTitleText\": \"Demo\"\r\n  }\r\n}\r\n"
	doc, err := Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	root := doc.Root()
	checkSpan(t, text, root, 0, strings.TrimSuffix(text, "\r\n"))
	es := root.Get("pages").Elements()
	if len(es) != 2 {
		t.Fatalf("pages has %d elements, want 2", len(es))
	}
	checkSpan(t, text, es[0], 21, `"pages/index/index"`)
	checkSpan(t, text, es[1], 47, `"pages/logs/logs"`)
	checkSpan(t, text, root.Get("window").Get("navigationBarTitleText"), 117, `"Demo"`)

	// Errors in a CRLF file are at the offending byte, counting both bytes
	// of every preceding line break.
	bad := "{\r\n  \"a\": 1,\r\n}\r\n"
	_, perr := Parse([]byte(bad))
	if perr == nil || perr.Offset != 11 || perr.Message.String() != `trailing comma before "}"` {
		t.Errorf("Parse(%q) = %v, want offset 11", bad, perr)
	}
}

func TestChineseTextOffsets(t *testing.T) {
	text := `{"window": {"navigationBarTitleText": "微信小程序示例", "备注": "中文说明", "n": 3}}`
	doc, err := Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	w := doc.Root().Get("window")
	// Offsets are in bytes: each of these Chinese characters is 3 bytes.
	checkSpan(t, text, w.Get("navigationBarTitleText"), 38, `"微信小程序示例"`)
	checkSpan(t, text, w.Get("备注"), 73, `"中文说明"`)
	checkSpan(t, text, w.Get("n"), 94, `3`)
	if got := w.Get("navigationBarTitleText").Str(); got != "微信小程序示例" {
		t.Errorf("Str() = %q", got)
	}
	ms := w.Members()
	want := []struct {
		key              string
		keyStart, keyEnd int
	}{{"navigationBarTitleText", 12, 36}, {"备注", 63, 71}, {"n", 89, 92}}
	if len(ms) != len(want) {
		t.Fatalf("got %d members, want %d", len(ms), len(want))
	}
	for i, m := range ms {
		if m.Key != want[i].key || m.KeyStart != want[i].keyStart || m.KeyEnd != want[i].keyEnd {
			t.Errorf("member %d = %q at [%d,%d), want %q at [%d,%d)", i, m.Key, m.KeyStart, m.KeyEnd, want[i].key, want[i].keyStart, want[i].keyEnd)
		}
		if got := text[m.KeyStart:m.KeyEnd]; got != `"`+m.Key+`"` {
			t.Errorf("member %d key text = %q", i, got)
		}
	}
}

func TestDuplicateKeys(t *testing.T) {
	text := `{"a": 1, "b": 2, "a": {"c": 3}}`
	doc, err := Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	root := doc.Root()
	checkSpan(t, text, root.Get("a"), 22, `{"c": 3}`)
	checkSpan(t, text, root.Get("a").Get("c"), 28, `3`)
	ms := root.Members()
	var got []string
	for _, m := range ms {
		got = append(got, fmt.Sprintf("%s@%d-%d=%s dup=%v", m.Key, m.KeyStart, m.KeyEnd, m.Value.Raw(), m.Duplicate))
	}
	want := []string{"a@1-4=1 dup=true", "b@9-12=2 dup=false", `a@17-20={"c": 3} dup=false`}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Members() =\n%q\nwant\n%q", got, want)
	}
	if root.Len() != 3 {
		t.Errorf("Len() = %d, want 3", root.Len())
	}
	// gjson resolves the same key to the first member; we must not.
	if g := gjson.Get(text, "a"); g.Raw != "1" {
		t.Errorf("gjson.Get changed behavior: %q", g.Raw)
	}

	// Keys compare after decoding, as in JSON.parse.
	doc, err = Parse([]byte(`{"a": 1, "\u0061": 2}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Root().Get("a").Raw(); got != "2" {
		t.Errorf(`Get("a") = %s, want 2`, got)
	}
	if esc := doc.Root().Members(); !esc[0].Duplicate || esc[1].Duplicate || esc[1].Key != "a" {
		t.Errorf("escaped duplicate: %+v", esc)
	}

	// Many members take the map path of duplicate detection.
	var b strings.Builder
	b.WriteString("{")
	for i := range 20 {
		fmt.Fprintf(&b, `"k%d": %d, `, i%7, i)
	}
	b.WriteString(`"end": 0}`)
	doc, err = Parse([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	ms = doc.Root().Members()
	for i, m := range ms {
		wantDup := i < 20 && i+7 < 20
		if m.Duplicate != wantDup {
			t.Errorf("member %d (%s) Duplicate = %v, want %v", i, m.Key, m.Duplicate, wantDup)
		}
	}
	for k := range 7 {
		last := k + 7*((19-k)/7)
		if got := doc.Root().Get(fmt.Sprintf("k%d", k)).Raw(); got != fmt.Sprint(last) {
			t.Errorf("Get(k%d) = %s, want %d", k, got, last)
		}
	}
}

func TestNestedAbsoluteOffsets(t *testing.T) {
	text := "\n\n  {\"a\": {\"b\": [1, {\"c\": \"x\"}, [true, null]]}, \"d\": -1.5e3}  \n"
	doc, err := Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	root := doc.Root()
	checkSpan(t, text, root, 4, strings.TrimSpace(text))
	b := root.Get("a").Get("b")
	checkSpan(t, text, b, 16, `[1, {"c": "x"}, [true, null]]`)
	es := b.Elements()
	if len(es) != 3 {
		t.Fatalf("b has %d elements, want 3", len(es))
	}
	checkSpan(t, text, es[0], 17, `1`)
	checkSpan(t, text, es[1], 20, `{"c": "x"}`)
	checkSpan(t, text, es[1].Get("c"), 26, `"x"`)
	checkSpan(t, text, es[2], 32, `[true, null]`)
	checkSpan(t, text, es[2].Elements()[1], 39, `null`)
	checkSpan(t, text, root.Get("d"), 53, `-1.5e3`)
	ms := es[1].Members()
	if len(ms) != 1 || ms[0].KeyStart != 21 || ms[0].KeyEnd != 24 {
		t.Errorf("key span of c = %+v, want [21,24)", ms)
	}

	// Result carries the same absolute offsets, and gjson queries on it
	// keep them absolute.
	r := es[1].Result()
	if r.Type != gjson.JSON || r.Index != 20 || r.Raw != `{"c": "x"}` {
		t.Errorf("Result() = %+v", r)
	}
	if c := r.Get("c"); c.Index != 26 || c.Str != "x" {
		t.Errorf("Result().Get(c) = %+v, want Index 26", c)
	}
	// gjson's own child indexes agree with ours for this text (no BOM).
	if g := gjson.Get(text, "a.b.1.c"); g.Index != 26 {
		t.Errorf("gjson index = %d, want 26", g.Index)
	}
}

func TestKeysAreNotPaths(t *testing.T) {
	text := `{"a.b": 1, "a": {"b": 2}, "*": 3, "a*": 4, "pages/index": 5, "#": 6, "@this": 7, "a|b": 8, "?": 9, "": 10, "a\\.b": 11}`
	doc, err := Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	root := doc.Root()
	for key, want := range map[string]string{
		"a.b": "1", "*": "3", "a*": "4", "pages/index": "5", "#": "6",
		"@this": "7", "a|b": "8", "?": "9", "": "10", `a\.b`: "11",
	} {
		v := root.Get(key)
		if v.Raw() != want {
			t.Errorf("Get(%q) = %q, want %q", key, v.Raw(), want)
		}
		if !strings.HasPrefix(text[v.Start():], want) {
			t.Errorf("Get(%q) at %d points at %q", key, v.Start(), text[v.Start():])
		}
	}
	for _, key := range []string{"a?b", "b", "a.", "A.B"} {
		if v := root.Get(key); v.Exists() {
			t.Errorf("Get(%q) = %q, want missing", key, v.Raw())
		}
	}
}

func TestAccessors(t *testing.T) {
	text := `{"s": "a\"b\\c\/d\b\f\n\r\t\u00e9\u4e2d\ud83d\ude00", "lone": "\ud800A\udc00\ud800\ud800\udc00",` +
		` "t": true, "f": false, "z": null, "n": -12.5e-1, "big": 1e999, "o": {}, "a": []}`
	doc, err := Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	root := doc.Root()
	var std map[string]any
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	if err := dec.Decode(&std); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"s", "lone"} {
		v := root.Get(key)
		if v.Kind() != String || v.Str() != std[key] {
			t.Errorf("Get(%q).Str() = %q, want %q as encoding/json", key, v.Str(), std[key])
		}
	}
	if got := root.Get("lone").Str(); got != "\uFFFDA\uFFFD\uFFFD\U00010000" {
		t.Errorf("lone surrogates = %q", got)
	}

	kinds := map[string]Kind{"s": String, "t": True, "f": False, "z": Null, "n": Number, "o": Object, "a": Array, "nope": Missing}
	for key, want := range kinds {
		if got := root.Get(key).Kind(); got != want {
			t.Errorf("Get(%q).Kind() = %v, want %v", key, got, want)
		}
	}
	if root.Kind().String() != "object" || Missing.String() != "missing" || Kind(99).String() != "Kind(99)" {
		t.Errorf("Kind names: %v %v %v", root.Kind(), Missing, Kind(99))
	}

	if b, ok := root.Get("t").Bool(); !b || !ok {
		t.Errorf("true.Bool() = %v, %v", b, ok)
	}
	if b, ok := root.Get("f").Bool(); b || !ok {
		t.Errorf("false.Bool() = %v, %v", b, ok)
	}
	if b, ok := root.Get("s").Bool(); b || ok {
		t.Errorf("string.Bool() = %v, %v", b, ok)
	}
	if f, ok := root.Get("n").Float(); f != -1.25 || !ok {
		t.Errorf("Float() = %v, %v", f, ok)
	}
	if f, ok := root.Get("big").Float(); !math.IsInf(f, 1) || !ok {
		t.Errorf("1e999 Float() = %v, %v", f, ok)
	}
	if _, ok := root.Get("s").Float(); ok {
		t.Error("string.Float() ok")
	}
	if root.Get("t").Str() != "" || root.Get("n").Str() != "" {
		t.Error("Str() of a non-string is not empty")
	}
	if root.Len() != 9 || root.Get("o").Len() != 0 || root.Get("a").Len() != 0 || root.Get("s").Len() != 0 {
		t.Errorf("Len() = %d", root.Len())
	}
	if root.Get("o").Members() != nil || root.Get("a").Elements() != nil {
		t.Error("empty containers have children")
	}
	if root.Elements() != nil || root.Get("a").Members() != nil || root.Get("a").Get("x").Exists() {
		t.Error("wrong-kind access returned children")
	}

	// Result conversions.
	for key, typ := range map[string]gjson.Type{"s": gjson.String, "t": gjson.True, "f": gjson.False, "z": gjson.Null, "n": gjson.Number, "o": gjson.JSON} {
		v := root.Get(key)
		r := v.Result()
		if r.Type != typ || r.Raw != v.Raw() || r.Index != v.Start() || !r.Exists() {
			t.Errorf("Get(%q).Result() = %+v", key, r)
		}
	}
	if r := root.Get("s").Result(); r.Str != root.Get("s").Str() {
		t.Errorf("Result().Str = %q", r.Str)
	}
	if r := root.Get("n").Result(); r.Num != -1.25 {
		t.Errorf("Result().Num = %v", r.Num)
	}

	// A missing value is inert.
	var missing Value
	for _, m := range []Value{missing, root.Get("nope"), root.Get("nope").Get("deeper")} {
		if m.Exists() || m.Kind() != Missing || m.Raw() != "" || m.Start() != -1 || m.End() != -1 ||
			m.Str() != "" || m.Len() != 0 || m.Members() != nil || m.Elements() != nil || m.Result().Exists() {
			t.Errorf("missing value misbehaves: %+v", m)
		}
		if _, ok := m.Bool(); ok {
			t.Error("missing.Bool() ok")
		}
	}
	var nilDoc *Doc
	if nilDoc.Root().Exists() {
		t.Error("nil Doc has a root")
	}
}

func TestTopLevelScalars(t *testing.T) {
	for _, tc := range []struct {
		text  string
		start int
		raw   string
		kind  Kind
	}{
		{"  42 \n", 2, "42", Number},
		{`"x"`, 0, `"x"`, String},
		{"\r\nnull", 2, "null", Null},
		{"\xEF\xBB\xBF false", 4, "false", False},
		{"-0", 0, "-0", Number},
		{"0.5E+10", 0, "0.5E+10", Number},
	} {
		doc, err := Parse([]byte(tc.text))
		if err != nil {
			t.Errorf("Parse(%q) = %v", tc.text, err)
			continue
		}
		checkSpan(t, tc.text, doc.Root(), tc.start, tc.raw)
		if doc.Root().Kind() != tc.kind {
			t.Errorf("Parse(%q).Kind() = %v, want %v", tc.text, doc.Root().Kind(), tc.kind)
		}
	}
}

// validDocs seed FuzzParse alongside syntaxErrorCases.
var validDocs = []string{
	`{}`, `[]`, `0`, `-0.0e-0`, `"\u0000"`, `"\ud800"`, `[null,true,false]`,
	`{"a":{"a":{"a":[]}},"a":1}`,
	`["\ud800\u0041", "\udc00\ud800\udc00", "\ud83d\ude00\/\\\""]`,
	"\xEF\xBB\xBF{\"pages\":[\"pages/index/index\"],\"window\":{\"navigationBarTitleText\":\"微信\"}}",
	"{\r\n\t\"k.x*\" : [ 1 , 2 ] \r\n}\r\n",
}

// FuzzParse checks Parse against encoding/json.Valid and checks the spans
// of every value of the documents it accepts.
func FuzzParse(f *testing.F) {
	for _, tc := range syntaxErrorCases {
		if len(tc.text) < 1000 {
			f.Add([]byte(tc.text))
		}
	}
	for _, s := range validDocs {
		f.Add([]byte(s))
	}
	f.Add([]byte(appJSON(2)))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Parse(data)
		verr := Validate(data)
		if (err == nil) != (verr == nil) || (err != nil && !sameError(err, verr)) {
			t.Fatalf("Parse error %v, Validate error %v", err, verr)
		}
		if err != nil {
			if err.Offset < 0 || err.Offset > len(data) {
				t.Fatalf("offset %d outside [0,%d]: %s", err.Offset, len(data), err.Message)
			}
			if m := err.Message.String(); !unicode.IsLower(firstRune(m)) || strings.HasSuffix(m, ".") {
				t.Fatalf("badly formed message %q", m)
			}
			checkRenders(t, err)
			if err.Message.Key == "json.too-deep" {
				return // encoding/json allows deeper nesting
			}
			// The error is the first one: the text before it has no error
			// before the cut, except that a cut inside a string leaves that
			// string unterminated.
			if _, perr := Parse(data[:err.Offset]); perr != nil && perr.Offset < err.Offset &&
				perr.Message.Key != "json.unterminated" {
				t.Fatalf("Parse(%q) = %v, but its prefix up to the error has an earlier error %v", data, err, perr)
			}
		}
		body := bytes.TrimPrefix(data, []byte(bom))
		// encoding/json does not check UTF-8; strict JSON does.
		want := json.Valid(body) && utf8.Valid(body)
		if (err == nil) != want {
			t.Fatalf("Parse(%q) = %v, but encoding/json validity (with UTF-8) is %v", data, err, want)
		}
		if err != nil {
			return
		}
		text := string(data)
		root := doc.Root()
		checkTree(t, text, root, 0, len(text))
		if strings.TrimSpace(strings.TrimPrefix(text, bom)) != root.Raw() {
			t.Fatalf("root %q is not the trimmed text", root.Raw())
		}
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.UseNumber()
		var std any
		if err := dec.Decode(&std); err != nil {
			t.Fatalf("encoding/json: %v", err)
		}
		if got := toAny(root); !reflect.DeepEqual(got, std) {
			t.Fatalf("decoded %#v, encoding/json decoded %#v", got, std)
		}
	})
}

// checkTree checks that v and its descendants lie inside [lo, hi) in
// source order, that every span matches its raw text, and that Get agrees
// with Members.
func checkTree(t *testing.T, text string, v Value, lo, hi int) {
	t.Helper()
	if v.Start() < lo || v.End() > hi || v.Start() >= v.End() || text[v.Start():v.End()] != v.Raw() {
		t.Fatalf("value [%d,%d) outside [%d,%d) or not its raw text %q", v.Start(), v.End(), lo, hi, v.Raw())
	}
	pos := v.Start() + 1
	switch v.Kind() {
	case Object:
		ms := v.Members()
		last := map[string]Value{}
		for _, m := range ms {
			if m.KeyStart < pos || m.KeyEnd > m.Value.Start() || text[m.KeyStart] != '"' || text[m.KeyEnd-1] != '"' ||
				unquote(text[m.KeyStart:m.KeyEnd], true) != m.Key {
				t.Fatalf("key %q at [%d,%d) is misplaced", m.Key, m.KeyStart, m.KeyEnd)
			}
			checkTree(t, text, m.Value, m.KeyEnd, v.End()-1)
			pos = m.Value.End()
			last[m.Key] = m.Value
		}
		for i, m := range ms {
			if got := v.Get(m.Key); got != last[m.Key] || m.Duplicate != (got != m.Value) {
				t.Fatalf("member %d %q: Get = %q, Duplicate = %v", i, m.Key, got.Raw(), m.Duplicate)
			}
		}
		if len(ms) != v.Len() {
			t.Fatalf("Len() = %d, %d members", v.Len(), len(ms))
		}
	case Array:
		es := v.Elements()
		for _, e := range es {
			checkTree(t, text, e, pos, v.End()-1)
			pos = e.End()
		}
		if len(es) != v.Len() {
			t.Fatalf("Len() = %d, %d elements", v.Len(), len(es))
		}
	default:
		if v.Len() != 0 || v.Members() != nil || v.Elements() != nil {
			t.Fatalf("scalar %q has children", v.Raw())
		}
	}
}

// toAny decodes v like encoding/json with UseNumber, last duplicate winning.
func toAny(v Value) any {
	switch v.Kind() {
	case Object:
		m := map[string]any{}
		for _, mem := range v.Members() {
			m[mem.Key] = toAny(mem.Value)
		}
		return m
	case Array:
		a := []any{}
		for _, e := range v.Elements() {
			a = append(a, toAny(e))
		}
		return a
	case String:
		return v.Str()
	case Number:
		return json.Number(v.Raw())
	case True, False:
		b, _ := v.Bool()
		return b
	default:
		return nil
	}
}

// appJSON generates an app.json-like document with n pages per package.
func appJSON(n int) string {
	var b strings.Builder
	b.WriteString("{\n  \"pages\": [\n")
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, "    \"pages/page%d/index\"", i)
	}
	b.WriteString("\n  ],\n  \"subPackages\": [\n")
	for p := range n / 4 {
		if p > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, "    {\n      \"root\": \"packages/pkg%d\",\n      \"name\": \"分包%d\",\n      \"independent\": %v,\n      \"pages\": [", p, p, p%2 == 0)
		for i := range 4 {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "\"pages/detail%d/index\"", i)
		}
		b.WriteString("]\n    }")
	}
	b.WriteString("\n  ],\n  \"window\": {\n    \"navigationBarBackgroundColor\": \"#ffffff\",\n    \"navigationBarTextStyle\": \"black\",\n" +
		"    \"navigationBarTitleText\": \"微信小程序示例 \\u4e2d\\u6587\",\n    \"backgroundColor\": \"#eeeeee\",\n    \"enablePullDownRefresh\": false,\n    \"onReachBottomDistance\": 50\n  },\n")
	b.WriteString("  \"tabBar\": {\n    \"color\": \"#7A7E83\",\n    \"selectedColor\": \"#3cc51f\",\n    \"list\": [\n")
	for i := range 5 {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, "      {\"pagePath\": \"pages/page%d/index\", \"iconPath\": \"image/icon%d.png\", \"selectedIconPath\": \"image/icon%d_hl.png\", \"text\": \"标签%d\"}", i, i, i, i)
	}
	b.WriteString("\n    ]\n  },\n  \"usingComponents\": {\n")
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, "    \"comp-%d\": \"/components/comp%d/index\"", i, i)
	}
	b.WriteString("\n  },\n  \"permission\": {\"scope.userLocation\": {\"desc\": \"你的位置信息将用于小程序位置接口的效果展示\"}},\n" +
		"  \"networkTimeout\": {\"request\": 10000, \"downloadFile\": 1.5e4},\n  \"debug\": true,\n  \"sitemapLocation\": \"sitemap.json\"\n}\n")
	return b.String()
}

func TestAppJSON(t *testing.T) {
	text := appJSON(40)
	doc, err := Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid([]byte(text)) {
		t.Fatal("generator produced invalid JSON")
	}
	checkTree(t, text, doc.Root(), 0, len(text))
	title := doc.Root().Get("window").Get("navigationBarTitleText")
	if title.Str() != "微信小程序示例 中文" {
		t.Errorf("title = %q", title.Str())
	}
	if got := doc.Root().Get("pages").Len(); got != 40 {
		t.Errorf("pages = %d, want 40", got)
	}
}

func BenchmarkParse(b *testing.B) {
	text := []byte(appJSON(800))
	if n := len(text); n < 90_000 || n > 120_000 {
		b.Fatalf("generated %d bytes, want about 100 KB", n)
	}
	walk := func(v Value) int {
		n := 0
		var rec func(v Value)
		rec = func(v Value) {
			n++
			for _, m := range v.Members() {
				rec(m.Value)
			}
			for _, e := range v.Elements() {
				rec(e)
			}
		}
		rec(v)
		return n
	}
	b.Run("Parse", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Parse(text); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ParseAndWalk", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			doc, err := Parse(text)
			if err != nil {
				b.Fatal(err)
			}
			walk(doc.Root())
		}
	})
	b.Run("Validate", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			if err := Validate(text); err != nil {
				b.Fatal(err)
			}
		}
	})
	// References, for scale.
	b.Run("encoding-json.Valid", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			if !json.Valid(text) {
				b.Fatal("invalid")
			}
		}
	})
	b.Run("gjson.Valid", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			if !gjson.ValidBytes(text) {
				b.Fatal("invalid")
			}
		}
	})
}

// TestUTF16 (issue 10): a UTF-16 file, with or without a byte order mark,
// is said to be UTF-16, not "invalid UTF-8".
func TestUTF16(t *testing.T) {
	utf16 := func(s string, big bool) string {
		var b []byte
		for _, r := range s {
			if big {
				b = append(b, 0, byte(r))
			} else {
				b = append(b, byte(r), 0)
			}
		}
		return string(b)
	}
	const doc = `{"pages": []}`
	tests := []struct{ text, enc string }{
		{"\xff\xfe" + utf16(doc, false), "UTF-16 (little-endian, with a byte order mark)"},
		{"\xfe\xff" + utf16(doc, true), "UTF-16 (big-endian, with a byte order mark)"},
		{utf16(doc, false), "UTF-16 (little-endian)"},
		{utf16(doc, true), "UTF-16 (big-endian)"},
		{utf16("\n"+doc, false), "UTF-16 (little-endian)"},
	}
	for _, tc := range tests {
		_, err := Parse([]byte(tc.text))
		want := "the file is encoded in " + tc.enc + "; JSON files must be UTF-8: save it as UTF-8"
		if err == nil || err.Offset != 0 || err.Message.String() != want {
			t.Errorf("Parse(%q) = %v, want offset 0: %s", tc.text, err, want)
		}
		if verr := Validate([]byte(tc.text)); !sameError(verr, err) {
			t.Errorf("Validate(%q) = %v, want %v", tc.text, verr, err)
		}
	}
	for _, ok := range []string{doc, bom + doc, "1", `""`} {
		if _, err := Parse([]byte(ok)); err != nil {
			t.Errorf("Parse(%q) = %v", ok, err)
		}
	}
}
