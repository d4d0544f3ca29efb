package jsonpos

import "github.com/fpcheck/fpcheck/internal/i18n"

// msgs are the parser's error messages, in English and Chinese. The
// phrases a message is built of (what was expected, what was found, a
// hint) are messages too, passed as arguments, so that each language
// builds its own sentence.
var msgs = i18n.Register("jsonpos", i18n.Catalog{
	"json.too-large":     {En: "file too large: JSON files over 2 GiB are not supported", Zh: "文件过大：不支持超过 2 GiB 的 JSON 文件"},
	"json.utf16":         {En: "the file is encoded in %s; JSON files must be UTF-8: save it as UTF-8", Zh: "文件编码为 %s；JSON 文件必须是 UTF-8 编码：请另存为 UTF-8"},
	"json.empty":         {En: "empty file: expected a JSON value", Zh: "文件为空：此处应为一个 JSON 值"},
	"json.comment":       {En: "comments are not allowed in JSON", Zh: "JSON 中不允许注释"},
	"json.too-deep":      {En: "nesting deeper than %d levels", Zh: "嵌套超过 %d 层"},
	"json.after-top":     {En: "unexpected %s after the top-level value", Zh: "顶层值之后多出了 %s"},
	"json.trailing":      {En: "trailing comma before %q", Zh: "%q 前有多余的逗号"},
	"json.eof":           {En: "unexpected end of input: expected %s", Zh: "文件意外结束：此处应为%s"},
	"json.eof-word":      {En: "unexpected end of input: expected %q", Zh: "文件意外结束：此处应为 %q"},
	"json.expected":      {En: "expected %s, found %s", Zh: "此处应为%s，实际为 %s"},
	"json.expected-hint": {En: "expected %s, found %s%s", Zh: "此处应为%s，实际为 %s%s"},
	"json.single-string": {En: "expected a double-quoted string, found single-quoted %s", Zh: "字符串必须使用双引号，此处为单引号 %s"},
	"json.single-key":    {En: "expected a double-quoted key, found single-quoted %s", Zh: "键名必须使用双引号，此处为单引号 %s"},
	"json.unquoted-key":  {En: "expected a double-quoted key, found unquoted %s", Zh: "键名必须使用双引号，此处 %s 没有引号"},
	"json.escape-u":      {En: `invalid escape %s in string: expected 4 hex digits after \u`, Zh: `字符串中的转义 %s 无效：\u 后应为 4 位十六进制数字`},
	"json.escape":        {En: `invalid escape %s in string: expected one of \" \\ \/ \b \f \n \r \t \uXXXX`, Zh: `字符串中的转义 %s 无效：只能是 \" \\ \/ \b \f \n \r \t \uXXXX 之一`},
	"json.control":       {En: "invalid control character %s in string: %s", Zh: "字符串中不能直接写控制字符 %s：%s"},
	"json.bad-utf8":      {En: "invalid UTF-8 byte 0x%02X in string", Zh: "字符串中有无效的 UTF-8 字节 0x%02X"},
	"json.unterminated":  {En: "unterminated string: expected a closing quote before the end of input", Zh: "字符串未闭合：到文件末尾仍未找到结束引号"},
	"json.number":        {En: "invalid number %s: %s", Zh: "数字 %s 无效：%s"},

	// What was expected ("expected %s").
	"json.ctx.top":            {En: "a JSON value", Zh: "一个 JSON 值"},
	"json.ctx.value":          {En: "a value", Zh: "值"},
	"json.ctx.value-or-close": {En: `a value or "]"`, Zh: `值或 "]"`},
	"json.ctx.key":            {En: "a string key", Zh: "字符串键名"},
	"json.ctx.key-or-close":   {En: `a string key or "}"`, Zh: `字符串键名或 "}"`},
	"json.ctx.colon":          {En: `":" after object key`, Zh: `键名后的 ":"`},
	"json.ctx.after-member":   {En: `"," or "}" after object member`, Zh: `对象成员后的 "," 或 "}"`},
	"json.ctx.after-element":  {En: `"," or "]" after array element`, Zh: `数组元素后的 "," 或 "]"`},

	// What was found, when it is not simply quoted.
	"json.found.eof":        {En: "end of input", Zh: "文件末尾"},
	"json.found.bad-utf8":   {En: "invalid UTF-8 byte 0x%02X", Zh: "0x%02X（无效的 UTF-8 字节）"},
	"json.found.confusable": {En: "%s (%s U+%04X)", Zh: "%s（%s U+%04X）"},
	"json.found.invisible":  {En: "%s (U+%04X)", Zh: "%s（U+%04X）"},

	// Hints after what was found; the English starts with a space.
	"json.hint.nan":       {En: " (NaN and Infinity are not allowed in JSON)", Zh: "（JSON 中不允许 NaN 和 Infinity）"},
	"json.hint.undefined": {En: " (JSON has no undefined; use null)", Zh: "（JSON 中没有 undefined，请改用 null）"},
	"json.hint.case":      {En: " (JSON literals are lower-case: true, false, null)", Zh: "（JSON 字面量必须小写：true、false、null）"},

	// Why a number is invalid ("invalid number %s: %s").
	"json.number.minus":        {En: `expected a digit after "-"`, Zh: `"-" 后应为数字`},
	"json.number.leading-zero": {En: "leading zeros are not allowed", Zh: "不允许有前导零"},
	"json.number.hex":          {En: "hexadecimal numbers are not allowed", Zh: "不允许使用十六进制数"},
	"json.number.fraction":     {En: "expected a digit after the decimal point", Zh: "小数点后应为数字"},
	"json.number.exponent":     {En: "expected a digit in the exponent", Zh: "指数部分应为数字"},
	"json.number.unexpected":   {En: "unexpected %q", Zh: "不应出现 %q"},
	"json.number.plus":         {En: `a leading "+" is not allowed`, Zh: `不允许以 "+" 开头`},
	"json.number.integer":      {En: "expected a digit before the decimal point", Zh: "小数点前应为数字"},

	// Control characters in strings ("invalid control character %s in
	// string: %s"): the character, and how to write it.
	"json.char.code":  {En: "U+%04X", Zh: "U+%04X"},
	"json.char.named": {En: "U+%04X (%s)", Zh: "U+%04X（%s）"},
	"json.char.nul":   {En: "NUL", Zh: "空字符 NUL"},
	"json.char.bs":    {En: "backspace", Zh: "退格符"},
	"json.char.tab":   {En: "tab", Zh: "制表符"},
	"json.char.lf":    {En: "line feed", Zh: "换行符"},
	"json.char.ff":    {En: "form feed", Zh: "换页符"},
	"json.char.cr":    {En: "carriage return", Zh: "回车符"},
	"json.write":      {En: "write %s instead", Zh: "请改为 %s"},
	"json.write-line": {En: "strings cannot span lines; write %s instead", Zh: "字符串不能跨行；请改为 %s"},

	// Characters typed where JSON punctuation or white space belongs.
	"json.char.no-break-space":       {En: "no-break space", Zh: "不换行空格"},
	"json.char.zero-width-space":     {En: "zero-width space", Zh: "零宽空格"},
	"json.char.left-single-quote":    {En: "left single quotation mark", Zh: "中文左单引号"},
	"json.char.right-single-quote":   {En: "right single quotation mark", Zh: "中文右单引号"},
	"json.char.left-double-quote":    {En: "left double quotation mark", Zh: "中文左双引号"},
	"json.char.right-double-quote":   {En: "right double quotation mark", Zh: "中文右双引号"},
	"json.char.ideographic-space":    {En: "ideographic space", Zh: "全角空格"},
	"json.char.ideographic-comma":    {En: "ideographic comma", Zh: "顿号"},
	"json.char.bom":                  {En: "byte order mark", Zh: "字节顺序标记"},
	"json.char.full-width-quote":     {En: "full-width quotation mark", Zh: "全角双引号"},
	"json.char.full-width-comma":     {En: "full-width comma", Zh: "全角逗号"},
	"json.char.full-width-colon":     {En: "full-width colon", Zh: "全角冒号"},
	"json.char.full-width-left-sq":   {En: "full-width left square bracket", Zh: "全角左方括号"},
	"json.char.full-width-right-sq":  {En: "full-width right square bracket", Zh: "全角右方括号"},
	"json.char.full-width-left-cur":  {En: "full-width left curly bracket", Zh: "全角左花括号"},
	"json.char.full-width-right-cur": {En: "full-width right curly bracket", Zh: "全角右花括号"},

	// UTF-16 encodings ("the file is encoded in %s").
	"json.enc.le-bom": {En: "UTF-16 (little-endian, with a byte order mark)", Zh: "UTF-16（小端序，带字节顺序标记）"},
	"json.enc.be-bom": {En: "UTF-16 (big-endian, with a byte order mark)", Zh: "UTF-16（大端序，带字节顺序标记）"},
	"json.enc.le":     {En: "UTF-16 (little-endian)", Zh: "UTF-16（小端序）"},
	"json.enc.be":     {En: "UTF-16 (big-endian)", Zh: "UTF-16（大端序）"},
})
