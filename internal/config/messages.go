package config

import "github.com/fpcheck/fpcheck/internal/i18n"

// texts are the mistakes in fpcheck.json, in both languages.
var texts = i18n.Register("config", i18n.Catalog{
	"read":        {En: "cannot read the config %s: %s", Zh: "无法读取配置文件 %s：%s"},
	"not-regular": {En: "the config %s is not a regular file of at most 1 MiB", Zh: "配置文件 %s 不是不超过 1 MiB 的普通文件"},
	// syntax is the JSON parser's message as it is.
	"syntax": {En: "%s", Zh: "%s"},

	// Where an unknown key is.
	"in.file":             {En: "%s", Zh: "%s"},
	"in.profiles":         {En: `"profiles"`, Zh: `"profiles"`},
	"in.override":         {En: "an override", Zh: `"overrides" 的一项`},
	"unknown-key":         {En: "unknown key %q in %s; allowed: %s", Zh: "%[2]s 不支持键 %[1]q；可用的键：%[3]s"},
	"unknown-key.suggest": {En: "unknown key %q in %s; did you mean %q?", Zh: "%[2]s 不支持键 %[1]q；你是不是想写 %[3]q？"},

	"top.object":           {En: "%s must be an object", Zh: "%s 的内容必须是一个对象"},
	"schema.string":        {En: `"$schema" must be a string`, Zh: `"$schema" 必须是字符串`},
	"lang":                 {En: `"lang" must be "zh" or "en"`, Zh: `"lang" 必须是 "zh" 或 "en"`},
	"baseline":             {En: `"baseline" must be the path of a baseline file (written with --write-baseline)`, Zh: `"baseline" 必须是基线文件的路径（用 --write-baseline 生成）`},
	"rules.object":         {En: `"rules" must be an object of rule IDs and levels (%s)`, Zh: `"rules" 必须是由规则 ID 和级别（%s）组成的对象`},
	"unknown-rule":         {En: `unknown rule %q; run "fpcheck rules" for the list`, Zh: `规则 %q 不存在；运行 "fpcheck rules" 查看规则列表`},
	"unknown-rule.suggest": {En: "unknown rule %q; did you mean %q?", Zh: "规则 %q 不存在；你是不是想写 %q？"},
	"level.string":         {En: "the level of %s must be one of %s", Zh: "%s 的级别必须是 %s 之一"},
	"level.unknown":        {En: "unknown level %q for %s; use one of %s", Zh: "%[2]s 的级别 %[1]q 无效；请使用 %[3]s 之一"},
	"profiles.object":      {En: `"profiles" must be an object such as {"submit": {"rule-id": "error"}}`, Zh: `"profiles" 必须是一个对象，例如 {"submit": {"rule-id": "error"}}`},
	"globs.array":          {En: "%q must be an array of glob patterns", Zh: "%q 必须是由 glob 模式组成的数组"},
	"globs.string":         {En: "%q holds glob patterns: non-empty strings", Zh: "%q 中应为 glob 模式，即非空字符串"},
	"globs.invalid":        {En: "%q is not a valid glob pattern", Zh: "%q 不是有效的 glob 模式"},
	"overrides.array":      {En: `"overrides" must be an array of {"files": [...], "rules": {...}, "reason": "..."}`, Zh: `"overrides" 必须是数组，每一项形如 {"files": [...], "rules": {...}, "reason": "..."}`},
	"override.object":      {En: `an override is an object {"files": [...], "rules": {...}, "reason": "..."}`, Zh: `"overrides" 的每一项都必须是对象 {"files": [...], "rules": {...}, "reason": "..."}`},
	"reason.string":        {En: `"reason" must be a string`, Zh: `"reason" 必须是字符串`},
	"override.files":       {En: `an override needs "files": the globs it applies to`, Zh: `"overrides" 的一项缺少 "files"：它所适用的文件的 glob 模式`},
	"override.rules":       {En: `an override needs "rules": the rule levels it sets`, Zh: `"overrides" 的一项缺少 "rules"：它所设置的规则级别`},
	"override.reason":      {En: `an override needs a "reason": why these files are treated differently`, Zh: `"overrides" 的一项缺少 "reason"：说明这些文件为什么要区别对待`},
})

// osError is a message about a file the operating system would not read;
// it wraps the operating system's error.
type osError struct {
	msg i18n.Message
	err error
}

func (e *osError) Error() string               { return e.msg.String() }
func (e *osError) Localize(l i18n.Lang) string { return e.msg.Localize(l) }
func (e *osError) Unwrap() error               { return e.err }

// readError says the config display cannot be read because of err (whose
// text the operating system wrote, and stays as it is).
func readError(display string, err error) error {
	return &osError{msg: texts.New("read", display, i18n.Raw(err.Error())), err: err}
}
