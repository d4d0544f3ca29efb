package wxss

import "github.com/fpcheck/fpcheck/internal/i18n"

// msgs are the scanner's error messages, in English and Chinese.
var msgs = i18n.Register("wxss", i18n.Catalog{
	"wxss.no-path":     {En: `missing path: %q must be followed by a quoted path or url(...)`, Zh: `缺少路径：%q 后应为带引号的路径或 url(...)`},
	"wxss.empty-url":   {En: `missing path: the url() after %q is empty`, Zh: `缺少路径：%q 后的 url() 为空`},
	"wxss.comment":     {En: `unterminated comment: "/*" has no matching "*/"`, Zh: `注释未闭合："/*" 缺少对应的 "*/"`},
	"wxss.string-line": {En: "unterminated string: the string opened with %q runs into a line break", Zh: "字符串未闭合：以 %q 开始的字符串遇到了换行"},
	"wxss.string":      {En: "unterminated string: the string opened with %q never closes", Zh: "字符串未闭合：以 %q 开始的字符串到文件末尾仍未结束"},
})
