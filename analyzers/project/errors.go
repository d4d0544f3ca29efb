package project

import "github.com/fpcheck/fpcheck/internal/i18n"

// errorTexts are why a DIR cannot be checked (NotProjectError) or is too
// large (LimitError), in both languages.
var errorTexts = i18n.Register("project.errors", i18n.Catalog{
	"not-project":      {En: "%s is not a mini-program or plugin project: found no app.json or plugin.json (looked at project.config.json's miniprogramRoot/pluginRoot, ./app.json, ./miniprogram/app.json, ./plugin/plugin.json and ./plugin.json)%s", Zh: "%s 不是小程序或插件项目：没有找到 app.json 或 plugin.json（查找了 project.config.json 的 miniprogramRoot/pluginRoot、./app.json、./miniprogram/app.json、./plugin/plugin.json 和 ./plugin.json）%s"},
	"not-project.link": {En: "; %s is a symbolic link, and fpcheck never follows symbolic links", Zh: "；%s 是符号链接，而 fpcheck 从不跟随符号链接"},
	"root-link":        {En: "project.config.json: %s %q: %s is a symbolic link; fpcheck never follows symbolic links, so that nothing outside DIR is read: %s", Zh: "project.config.json：%[1]s %[2]q：%[3]s 是符号链接；fpcheck 从不跟随符号链接，以免读取 DIR 以外的文件：%[4]s"},
	"root-link.self":   {En: "point %s at the directory itself", Zh: "请把 %s 直接指向目录本身"},
	"root-link.target": {En: "point %s at %q, where the link leads", Zh: "请把 %[1]s 改为 %[2]q，即链接指向的位置"},
	"root-outside":     {En: "project.config.json: %s %q points outside the project; fpcheck never reads files outside DIR", Zh: "project.config.json：%s %q 指向项目之外；fpcheck 从不读取 DIR 以外的文件"},
	"unreadable":       {En: "cannot read %s: %s", Zh: "无法读取 %s：%s"},
	"not-dir":          {En: "%s is not a directory", Zh: "%s 不是目录"},
	"bad-ignore":       {En: "--ignore %q is not a valid glob pattern", Zh: "--ignore %q 不是有效的 glob 模式"},
	"root-unreadable":  {En: "cannot read the %s (%s): %s", Zh: "无法读取%[1]s（%[2]s）：%[3]s"},
	"root-empty":       {En: "the %s (%s) has no file to check: every file is left out by packOptions.ignore, or could not be read", Zh: "%[1]s（%[2]s）中没有可检查的文件：所有文件都被 packOptions.ignore 排除，或者无法读取"},
	"no-files":         {En: "%s has no file to check: every file under the code roots is hidden, or left out by --ignore or packOptions.ignore", Zh: "%s 中没有可检查的文件：代码根目录下的文件都是隐藏文件，或被 --ignore、packOptions.ignore 排除"},
	"too-many-files":   {En: "more than %d files under %s, the most fpcheck checks in one run; leave some out with --ignore", Zh: "%[2]s 下的文件超过 %[1]d 个，这是 fpcheck 一次运行检查的上限；请用 --ignore 排除一部分"},
	"mini-root":        {En: "mini-program root", Zh: "小程序根目录"},
	"plugin-root":      {En: "plugin root", Zh: "插件根目录"},
})

// notProject returns the NotProjectError of the message key with args.
func notProject(key string, args ...any) *NotProjectError {
	m := errorTexts.New(key, args...)
	return &NotProjectError{Reason: m.String(), Msg: m}
}

// Localize is the reason in l (Reason when there is no message).
func (e *NotProjectError) Localize(l i18n.Lang) string {
	if e.Msg.IsZero() {
		return e.Reason
	}
	return e.Msg.Localize(l)
}

// Localize is the reason in l (Reason when there is no message).
func (e *LimitError) Localize(l i18n.Lang) string {
	if e.Msg.IsZero() {
		return e.Reason
	}
	return e.Msg.Localize(l)
}

// rawError is an operating system's error as a message argument.
func rawError(err error) i18n.Message { return i18n.Raw(unwrapPathError(err).Error()) }
