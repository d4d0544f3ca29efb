package jsmod

import (
	"regexp"

	"github.com/fpcheck/fpcheck/internal/i18n"
)

// msgs are the error messages of the JavaScript and TypeScript reader, in
// English and Chinese: fpcheck's own, and the common shapes of esbuild's
// (see esbuildMessage).
var msgs = i18n.Register("jsmod", i18n.Catalog{
	errTooDeep:           {En: "nesting too deep to analyze safely", Zh: "嵌套过深，无法安全地分析"},
	errFoldTooLong:       {En: "string concatenation too long to analyze safely", Zh: "字符串拼接过长，无法安全地分析"},
	"js.esbuild-failure": {En: "esbuild failure: %s", Zh: "esbuild 内部错误：%s"},
	"js.esbuild-output":  {En: "cannot read esbuild's output: %s", Zh: "无法读取 esbuild 的输出：%s"},
	// An esbuild message the table below does not know, in esbuild's
	// English.
	"js.esbuild": {En: "%s", Zh: "esbuild 报告：%s"},

	// esbuild's messages, by shape. The English is esbuild's text exactly;
	// an argument is the text between esbuild's quotes, as esbuild
	// escaped it.
	"js.expected":                {En: `Expected "%s" but found "%s"`, Zh: `此处应为 "%s"，实际为 "%s"`},
	"js.expected-eof":            {En: `Expected "%s" but found end of file`, Zh: `此处应为 "%s"，但文件已结束`},
	"js.expected-identifier":     {En: `Expected identifier but found "%s"`, Zh: `此处应为标识符，实际为 "%s"`},
	"js.expected-identifier-eof": {En: `Expected identifier but found end of file`, Zh: `此处应为标识符，但文件已结束`},
	"js.expected-string":         {En: `Expected string but found "%s"`, Zh: `此处应为字符串，实际为 "%s"`},
	"js.expected-string-eof":     {En: `Expected string but found end of file`, Zh: `此处应为字符串，但文件已结束`},
	"js.unexpected":              {En: `Unexpected "%s"`, Zh: `此处不应出现 "%s"`},
	"js.unexpected-eof":          {En: `Unexpected end of file`, Zh: `文件意外结束`},
	"js.newline-before":          {En: `Unexpected newline before "%s"`, Zh: `"%s" 之前不能换行`},
	"js.newline-after":           {En: `Unexpected newline after "%s"`, Zh: `"%s" 之后不能换行`},
	"js.unterminated-string":     {En: `Unterminated string literal`, Zh: `字符串未闭合：缺少结束引号`},
	"js.unterminated-regexp":     {En: `Unterminated regular expression`, Zh: `正则表达式未闭合：缺少结束的 "/"`},
	"js.unterminated-comment":    {En: `Expected "*/" to terminate multi-line comment`, Zh: `多行注释未闭合：缺少 "*/"`},
	"js.syntax-error":            {En: `Syntax error "%s"`, Zh: `语法错误："%s"`},
	"js.const-init":              {En: `The constant "%s" must be initialized`, Zh: `常量 "%s" 必须初始化`},
	"js.const-init-pattern":      {En: `This constant must be initialized`, Zh: `此常量必须初始化`},
	"js.assignment-target":       {En: `Invalid assignment target`, Zh: `赋值目标无效`},
	"js.await":                   {En: `"await" can only be used inside an "async" function`, Zh: `"await" 只能在 "async" 函数中使用`},
	"js.jsx":                     {En: `The JSX syntax extension is not currently enabled`, Zh: `未启用 JSX 语法扩展`},
	"js.decorators":              {En: `Decorators are not valid here`, Zh: `此处不能使用装饰器`},
	"js.mixed-operators":         {En: `Cannot use "%s" with "%s" without parentheses`, Zh: `"%s" 与 "%s" 一起使用时必须加括号`},
	"js.reserved-word-esm":       {En: `"%s" is a reserved word and cannot be used in an ECMAScript module`, Zh: `"%s" 是保留字，不能在 ES 模块中使用`},
	"js.top-level-await":         {En: `Top-level await is currently not supported with the "%s" output format`, Zh: `目前不支持在 "%s" 输出格式中使用顶层 await`},
})

// esbuildQuoted matches the inside of a string esbuild quoted with Go's %q.
const esbuildQuoted = `((?:[^"\\]|\\.)*)`

// esbuildShapes are the shapes of the esbuild messages fpcheck's users
// meet most (esbuild's js_lexer and js_parser, v0.28): the catalog key
// whose English is the shape, and the pattern whose groups are its
// arguments.
var esbuildShapes = []struct {
	key string
	re  *regexp.Regexp
}{
	{"js.expected", regexp.MustCompile(`^Expected "` + esbuildQuoted + `" but found "` + esbuildQuoted + `"$`)},
	{"js.expected-eof", regexp.MustCompile(`^Expected "` + esbuildQuoted + `" but found end of file$`)},
	{"js.expected-identifier", regexp.MustCompile(`^Expected identifier but found "` + esbuildQuoted + `"$`)},
	{"js.expected-identifier-eof", regexp.MustCompile(`^Expected identifier but found end of file$`)},
	{"js.expected-string", regexp.MustCompile(`^Expected string but found "` + esbuildQuoted + `"$`)},
	{"js.expected-string-eof", regexp.MustCompile(`^Expected string but found end of file$`)},
	{"js.unexpected", regexp.MustCompile(`^Unexpected "` + esbuildQuoted + `"$`)},
	{"js.unexpected-eof", regexp.MustCompile(`^Unexpected end of file$`)},
	{"js.newline-before", regexp.MustCompile(`^Unexpected newline before "` + esbuildQuoted + `"$`)},
	{"js.newline-after", regexp.MustCompile(`^Unexpected newline after "` + esbuildQuoted + `"$`)},
	{"js.unterminated-string", regexp.MustCompile(`^Unterminated string literal$`)},
	{"js.unterminated-regexp", regexp.MustCompile(`^Unterminated regular expression$`)},
	{"js.unterminated-comment", regexp.MustCompile(`^Expected "\*/" to terminate multi-line comment$`)},
	{"js.syntax-error", regexp.MustCompile(`^Syntax error "` + esbuildQuoted + `"$`)},
	{"js.const-init", regexp.MustCompile(`^The constant "` + esbuildQuoted + `" must be initialized$`)},
	{"js.const-init-pattern", regexp.MustCompile(`^This constant must be initialized$`)},
	{"js.assignment-target", regexp.MustCompile(`^Invalid assignment target$`)},
	{"js.await", regexp.MustCompile(`^"await" can only be used inside an "async" function$`)},
	{"js.jsx", regexp.MustCompile(`^The JSX syntax extension is not currently enabled$`)},
	{"js.decorators", regexp.MustCompile(`^Decorators are not valid here$`)},
	{"js.mixed-operators", regexp.MustCompile(`^Cannot use "` + esbuildQuoted + `" with "` + esbuildQuoted + `" without parentheses$`)},
	{"js.reserved-word-esm", regexp.MustCompile(`^"` + esbuildQuoted + `" is a reserved word and cannot be used in an ECMAScript module$`)},
	{"js.top-level-await", regexp.MustCompile(`^Top-level await is currently not supported with the "` + esbuildQuoted + `" output format$`)},
}

// esbuildMessage is esbuild's message text as a message: the shape's
// message when text has a shape of esbuildShapes, else text itself
// (i18n.Raw) behind a Chinese lead. Either way its English is text,
// byte for byte.
func esbuildMessage(text string) i18n.Message {
	for _, s := range esbuildShapes {
		m := s.re.FindStringSubmatch(text)
		if m == nil {
			continue
		}
		args := make([]any, len(m)-1)
		for i, a := range m[1:] {
			args[i] = a
		}
		if msg := msgs.New(s.key, args...); msg.String() == text {
			return msg
		}
		break
	}
	return msgs.New("js.esbuild", i18n.Raw(text))
}
