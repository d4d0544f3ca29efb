package wxml

import "github.com/fpcheck/fpcheck/internal/i18n"

// msgs are the scanner's error messages, in English and Chinese.
var msgs = i18n.Register("wxml", i18n.Catalog{
	"wxml.comment":     {En: `unterminated comment: "<!--" has no matching "-->"`, Zh: `注释未闭合："<!--" 缺少对应的 "-->"`},
	"wxml.cdata":       {En: `unterminated CDATA section: "<![CDATA[" has no matching "]]>"`, Zh: `CDATA 段未闭合："<![CDATA[" 缺少对应的 "]]>"`},
	"wxml.declaration": {En: `unterminated declaration: "<!" has no closing ">"`, Zh: `声明未闭合："<!" 缺少结束的 ">"`},
	"wxml.pi":          {En: `unterminated processing instruction: "<?" has no matching "?>"`, Zh: `处理指令未闭合："<?" 缺少对应的 "?>"`},
	"wxml.end-tag":     {En: `unterminated end tag: "</%s" has no closing ">"`, Zh: `结束标签未闭合："</%s" 缺少结束的 ">"`},
	"wxml.start-tag":   {En: `unterminated start tag: "<%s" has no closing ">"`, Zh: `开始标签未闭合："<%s" 缺少结束的 ">"`},
	"wxml.body":        {En: `unterminated %s body: "<%s>" has no matching "%s>"`, Zh: `%s 的内容未闭合："<%s>" 缺少对应的 "%s>"`},
	"wxml.attr-value":  {En: "unterminated attribute value: the value of %q opens with %q and never closes", Zh: "属性值未闭合：%q 的值以 %q 开始，但没有结束引号"},
	"wxml.expression":  {En: `unterminated expression: "{{" in the value of %q has no matching "}}"`, Zh: `表达式未闭合：%q 的值中的 "{{" 缺少对应的 "}}"`},
})
