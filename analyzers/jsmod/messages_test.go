package jsmod

import (
	"slices"
	"testing"

	"github.com/fpcheck/fpcheck/internal/i18n"
)

// TestEsbuildShapes parses a file that makes esbuild report each shape of
// esbuildShapes, so that an esbuild whose wording changed fails here: the
// message must have the shape's key, esbuild's English exactly (Error
// shows it) and the Chinese given.
func TestEsbuildShapes(t *testing.T) {
	tests := []struct {
		src, key, en, zh string
		ts               bool
	}{
		{src: "var a = 1 2", key: "js.expected", en: `Expected ";" but found "2"`, zh: `此处应为 ";"，实际为 "2"`},
		{src: "var a: number = 1; import x from 'y'", key: "js.expected", en: `Expected ";" but found ":"`, zh: `此处应为 ";"，实际为 ":"`},
		{src: "var a = 1 \x01 2; import x from 'y'", key: "js.expected", en: `Expected ";" but found "\x01"`, zh: `此处应为 ";"，实际为 "\x01"`},
		{src: "a = (1", key: "js.expected-eof", en: `Expected ")" but found end of file`, zh: `此处应为 ")"，但文件已结束`},
		{src: "var = 1", key: "js.expected-identifier", en: `Expected identifier but found "="`, zh: `此处应为标识符，实际为 "="`},
		{src: "var a = {", key: "js.expected-identifier-eof", en: `Expected identifier but found end of file`, zh: `此处应为标识符，但文件已结束`},
		{src: "import x from 1", key: "js.expected-string", en: `Expected string but found "1"`, zh: `此处应为字符串，实际为 "1"`},
		{src: "import x from", key: "js.expected-string-eof", en: `Expected string but found end of file`, zh: `此处应为字符串，但文件已结束`},
		{src: "a = ;", key: "js.unexpected", en: `Unexpected ";"`, zh: `此处不应出现 ";"`},
		{src: "var a = ☃", key: "js.unexpected", en: `Unexpected "☃"`, zh: `此处不应出现 "☃"`},
		{src: "var a = (", key: "js.unexpected-eof", en: `Unexpected end of file`, zh: `文件意外结束`},
		{src: "a\n=> 1", key: "js.newline-before", en: `Unexpected newline before "=>"`, zh: `"=>" 之前不能换行`},
		{src: "throw\nnew Error()", key: "js.newline-after", en: `Unexpected newline after "throw"`, zh: `"throw" 之后不能换行`},
		{src: "var a = 'abc", key: "js.unterminated-string", en: `Unterminated string literal`, zh: `字符串未闭合：缺少结束引号`},
		{src: "var a = `abc", key: "js.unterminated-string", en: `Unterminated string literal`, zh: `字符串未闭合：缺少结束引号`},
		{src: "var a = /abc", key: "js.unterminated-regexp", en: `Unterminated regular expression`, zh: `正则表达式未闭合：缺少结束的 "/"`},
		{src: "/* abc", key: "js.unterminated-comment", en: `Expected "*/" to terminate multi-line comment`, zh: `多行注释未闭合：缺少 "*/"`},
		{src: "var a = 1 # 2; import x from 'y'", key: "js.syntax-error", en: `Syntax error " "`, zh: `语法错误：" "`},
		{src: "const a; import x from 'y'", key: "js.const-init", en: `The constant "a" must be initialized`, zh: `常量 "a" 必须初始化`},
		{src: "const {a};", key: "js.const-init-pattern", en: `This constant must be initialized`, zh: `此常量必须初始化`},
		{src: "1 = 2", key: "js.assignment-target", en: `Invalid assignment target`, zh: `赋值目标无效`},
		{src: "function f() { await 1 }", key: "js.await", en: `"await" can only be used inside an "async" function`, zh: `"await" 只能在 "async" 函数中使用`},
		{src: "var a = <div/>", key: "js.jsx", en: `The JSX syntax extension is not currently enabled`, zh: `未启用 JSX 语法扩展`},
		{src: "@dec\nvar a = 1", ts: true, key: "js.decorators", en: `Decorators are not valid here`, zh: `此处不能使用装饰器`},
		{src: "a ?? b || c", key: "js.mixed-operators", en: `Cannot use "||" with "??" without parentheses`, zh: `"||" 与 "??" 一起使用时必须加括号`},
		{src: "import x from 'y'; var package = 1", key: "js.reserved-word-esm", en: `"package" is a reserved word and cannot be used in an ECMAScript module`, zh: `"package" 是保留字，不能在 ES 模块中使用`},
		{src: "import a from 'b'; const x = await 1", key: "js.top-level-await", en: `Top-level await is currently not supported with the "cjs" output format`, zh: `目前不支持在 "cjs" 输出格式中使用顶层 await`},
		// A message of no known shape: esbuild's text behind a Chinese lead.
		{src: "import x from 'y'; with (a) {}", key: "js.esbuild", en: `With statements cannot be used in an ECMAScript module`, zh: `esbuild 报告：With statements cannot be used in an ECMAScript module`},
	}
	seen := map[string]bool{}
	for _, tc := range tests {
		_, err := Parse("a.js", []byte(tc.src), Options{TypeScript: tc.ts})
		if err == nil {
			t.Errorf("%q: no error", tc.src)
			continue
		}
		seen[err.Message.Key] = true
		if err.Message.Key != tc.key || err.Message.String() != tc.en || err.Message.Localize(i18n.Zh) != tc.zh {
			t.Errorf("%q: got %s\n  en %s\n  zh %s\nwant %s\n  en %s\n  zh %s", tc.src,
				err.Message.Debug(), err.Message, err.Message.Localize(i18n.Zh), tc.key, tc.en, tc.zh)
		}
	}
	for _, s := range esbuildShapes {
		if !seen[s.key] {
			t.Errorf("no test makes esbuild report %s", s.key)
		}
	}
}

// TestEsbuildMessage checks the conversion of texts no test makes esbuild
// report: the English is the text exactly, whatever it holds.
func TestEsbuildMessage(t *testing.T) {
	tests := []struct{ text, debug, zh string }{
		{`Expected ";" but found "\"a\""`, `js.expected(";", "\\\"a\\\"")`, `此处应为 ";"，实际为 "\"a\""`},
		{`Unexpected "\u2028"`, `js.unexpected("\\u2028")`, `此处不应出现 "\u2028"`},
		{`Unexpected "a" "b"`, `js.esbuild(raw("Unexpected \"a\" \"b\""))`, `esbuild 报告：Unexpected "a" "b"`},
		{`Unexpected "a`, `js.esbuild(raw("Unexpected \"a"))`, `esbuild 报告：Unexpected "a`},
		{`Syntax error '"'`, `js.esbuild(raw("Syntax error '\"'"))`, `esbuild 报告：Syntax error '"'`},
		{`Unexpected end of file before a closing "div" tag`, `js.esbuild(raw("Unexpected end of file before a closing \"div\" tag"))`, `esbuild 报告：Unexpected end of file before a closing "div" tag`},
		{`100% wrong`, `js.esbuild(raw("100% wrong"))`, `esbuild 报告：100% wrong`},
		{``, `js.esbuild(raw(""))`, `esbuild 报告：`},
	}
	for _, tc := range tests {
		m := esbuildMessage(tc.text)
		if m.String() != tc.text || m.Debug() != tc.debug || m.Localize(i18n.Zh) != tc.zh {
			t.Errorf("esbuildMessage(%q) = %s, en %q, zh %q; want %s, zh %q", tc.text, m.Debug(), m.String(), m.Localize(i18n.Zh), tc.debug, tc.zh)
		}
	}
}

// TestEsbuildShapesAreKnown checks that every shape has its message and
// every message that renders esbuild's words has its shape.
func TestEsbuildShapesAreKnown(t *testing.T) {
	var keys []string
	for _, s := range esbuildShapes {
		if _, ok := msgs[s.key]; !ok {
			t.Errorf("shape %s has no message", s.key)
		}
		keys = append(keys, s.key)
	}
	own := []string{errTooDeep, errFoldTooLong, "js.esbuild-failure", "js.esbuild-output", "js.esbuild"}
	for k := range msgs {
		if !slices.Contains(keys, k) && !slices.Contains(own, k) {
			t.Errorf("message %s has no shape", k)
		}
	}
}
