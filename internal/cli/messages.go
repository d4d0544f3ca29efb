package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/fpcheck/fpcheck/internal/i18n"
)

// msgs are the command line's own words: usage, errors and what it says
// on stderr. Every text has its Chinese beside its English.
var msgs = i18n.Register("cli", i18n.Catalog{
	"prefix": {En: "fpcheck: ", Zh: "fpcheck："},

	"explain.usage":   {En: `usage: fpcheck explain RULE (see "fpcheck rules")`, Zh: `用法：fpcheck explain RULE（规则列表见 "fpcheck rules"）`},
	"explain.no-rule": {En: `no rule %q; run "fpcheck rules" for the list`, Zh: `没有规则 %q；运行 "fpcheck rules" 查看规则列表`},
	"explain.level":   {En: "%[1]s (%[2]s)", Zh: "%[1]s（%[2]s）"},
	"explain.submit":  {En: "%[1]s (%[2]s; %[3]s with --submit)", Zh: "%[1]s（%[2]s；--submit 时为%[3]s）"},
	"explain.bad":     {En: "Bad:", Zh: "错误示例："},
	"explain.good":    {En: "Good:", Zh: "正确示例："},
	"rules.usage":     {En: "usage: fpcheck rules", Zh: "用法：fpcheck rules"},

	"lang.bad": {En: "unknown --lang %q; use zh or en", Zh: "无法识别的 --lang %q；请使用 zh 或 en"},
	"internal": {En: "internal error: %v\nPlease report this with the command you ran.", Zh: "内部错误：%v\n请报告此问题，并附上你运行的命令。"},

	// fpcheck --help. The synopsis's continuation lines line up under
	// "fpcheck" (a Chinese character takes two columns).
	"usage.synopsis": {
		En: `Usage: fpcheck [flags] [DIR]
       fpcheck explain RULE
       fpcheck rules
       fpcheck hook install|uninstall|run   (git pre-commit hook; see "fpcheck hook help")
       fpcheck graph [--format mermaid|dot] [DIR]   (package dependency graph)`,
		Zh: `用法：fpcheck [选项] [DIR]
      fpcheck explain RULE
      fpcheck rules
      fpcheck hook install|uninstall|run   （git pre-commit 钩子；见 "fpcheck hook help"）
      fpcheck graph [--format mermaid|dot] [DIR]   （代码包依赖图）`,
	},
	"usage.about": {
		En: `fpcheck checks a WeChat mini-program or plugin project (DIR, default ".")
for problems that break functional pages (插件功能页) and package boundaries
after upload, which the official compiler does not check.`,
		Zh: `fpcheck 检查微信小程序或插件项目（DIR，默认为 "."），找出官方编译器
不检查、上传后却会让插件功能页和分包边界出错的问题。`,
	},
	"usage.flags": {En: "Flags:", Zh: "选项："},
	"usage.rules": {En: "Rules:", Zh: "规则："},
	"usage.exit": {
		En: `Exit codes: 0 no error-level finding, 1 error-level findings,
            2 usage error, DIR is not a project, a resource limit, a
            report that cannot be written or a file that changed while
            it was checked, 3 internal failure.
Run "fpcheck explain RULE" for what a rule checks and how to fix it.`,
		Zh: `退出码：0 没有错误级别的问题，1 有错误级别的问题，
        2 用法错误、DIR 不是项目、超出资源限制、报告无法写入，
        或检查期间有文件被修改，3 fpcheck 内部错误。
运行 "fpcheck explain RULE" 查看规则检查什么、如何修复。`,
	},

	// The flags' help; the word in backquotes names the flag's value.
	"flag.format":         {En: "output `format` (%s; default text), or format=FILE to write it to FILE; repeatable, so one run writes several reports", Zh: "输出`格式`：%s，默认为 text；也可写成 格式=FILE，把报告写入文件 FILE；可重复，一次运行可写出多份报告"},
	"flag.submit":         {En: "pre-submission gate (提审): raise the rules that block review to errors", Zh: "提审前的检查：把会导致审核不通过的规则提升为错误"},
	"flag.o":              {En: "write the report to `file` instead of standard output", Zh: "把报告写入`文件`，而不是标准输出"},
	"flag.path-prefix":    {En: "prepend `prefix` to every reported path (e.g. the project's folder in the repository, for GitHub)", Zh: "在报告的每个路径前加上`前缀`（例如项目在仓库中的目录，供 GitHub 使用）"},
	"flag.ignore":         {En: "leave out files matching `glob` (relative to DIR; ** allowed); repeatable", Zh: "跳过匹配 glob `模式`的文件（相对于 DIR，可用 **）；可重复"},
	"flag.no-color":       {En: "no color in text output (NO_COLOR is also respected)", Zh: "文本输出不使用颜色（也支持 NO_COLOR 环境变量）"},
	"flag.config":         {En: "read settings from `file` instead of the fpcheck.json found in DIR or a parent (up to the repository root)", Zh: "从`文件`读取设置，而不是使用在 DIR 或其上级目录（直到仓库根目录）中找到的 fpcheck.json"},
	"flag.rule":           {En: "run only the rule `id`; repeatable", Zh: "只运行规则 `ID`；可重复"},
	"flag.disable":        {En: "turn the rule `id` off; repeatable", Zh: "关闭规则 `ID`；可重复"},
	"flag.quiet":          {En: "report errors only", Zh: "只报告错误"},
	"flag.baseline":       {En: "report only findings that the baseline `file` does not record (overrides the config's \"baseline\")", Zh: "只报告基线`文件`中没有记录的问题（优先于配置文件中的 \"baseline\"）"},
	"flag.write-baseline": {En: "record every current finding in the baseline `file` and exit 0", Zh: "把当前所有问题记录到基线`文件`中，并以退出码 0 退出"},
	"flag.fix":            {En: "apply the safe fixes to the files, then report what is left", Zh: "把安全修复写入文件，再报告剩下的问题"},
	"flag.fix-dry-run":    {En: "print the safe fixes as a unified diff and change nothing (also --diff)", Zh: "以统一 diff 格式打印安全修复，不修改任何文件（也可用 --diff）"},
	"flag.diff":           {En: "the same as --fix-dry-run", Zh: "同 --fix-dry-run"},
	"flag.max-warnings":   {En: "exit 1 when there are more than `n` warnings (-1: no limit)", Zh: "警告超过 `n` 个时以退出码 1 退出；-1 表示不限"},
	"flag.version":        {En: "print the version and exit", Zh: "打印版本号并退出"},
	"flag.lang":           {En: "the `language` of messages and reports: zh (中文) or en; default from fpcheck.json's \"lang\", else LC_ALL, LC_MESSAGES or LANG", Zh: "消息和报告的`语言`：zh（中文）或 en（English）；默认取 fpcheck.json 的 \"lang\"，其次取 LC_ALL、LC_MESSAGES 或 LANG"},
	"flag.default":        {En: " (default %v)", Zh: "（默认为 %v）"},
	"flag.default-quoted": {En: " (default %q)", Zh: "（默认为 %q）"},
	"flag.usage-of":       {En: "Usage of %s:", Zh: "%s 的用法："},

	// The flag package's errors, in its words (flag.go's failf calls).
	"flag.undefined":    {En: "flag provided but not defined: -%s", Zh: "未定义的选项：-%s"},
	"flag.needs-arg":    {En: "flag needs an argument: -%s", Zh: "选项 -%s 需要一个参数"},
	"flag.invalid":      {En: "invalid value %q for flag -%s: %s", Zh: "选项 -%[2]s 的值 %[1]q 无效：%[3]s"},
	"flag.invalid-bool": {En: "invalid boolean value %q for -%s: %s", Zh: "选项 -%[2]s 的布尔值 %[1]q 无效：%[3]s"},
	"flag.bad-syntax":   {En: "bad flag syntax: %s", Zh: "选项格式错误：%s"},
	"flag.parse-error":  {En: "parse error", Zh: "无法解析"},
	"flag.out-of-range": {En: "value out of range", Zh: "超出范围"},

	// Reports and paths.
	"format.unknown":      {En: "unknown --format %q; use one of %s (optionally as format=FILE)", Zh: "无法识别的 --format %q；请使用 %s 之一（也可以写成 格式=FILE）"},
	"format.no-file":      {En: "--format %[1]s= names no file (use %[1]s=FILE, or %[1]s=- for standard output)", Zh: "--format %[1]s= 没有指定文件（请写成 %[1]s=FILE，或用 %[1]s=- 表示标准输出）"},
	"format.stdout-twice": {En: "only one report can go to standard output; write the others to files with --format NAME=FILE", Zh: "只能有一份报告写到标准输出；其余的请用 --format NAME=FILE 写入文件"},
	"path.unreadable":     {En: "cannot read %s: %s", Zh: "无法读取 %s：%s"},
	"path.no-project":     {En: "%s is not inside a mini-program or plugin project (found no project.config.json, app.json or plugin.json above it)", Zh: "%s 不在小程序或插件项目中（在它所在的目录及上级目录中没有找到 project.config.json、app.json 或 plugin.json）"},
	"path.two-projects":   {En: "%s and the paths before it belong to different projects (%s, %s); run fpcheck once per project", Zh: "%[1]s 与它前面的路径属于不同的项目（%[2]s、%[3]s）；请对每个项目分别运行 fpcheck"},
	"rule.unknown":        {En: "unknown rule %q in --rule/--disable; run \"fpcheck rules\" for the list", Zh: "--rule/--disable 中的规则 %q 不存在；运行 \"fpcheck rules\" 查看规则列表"},
	"stdout":              {En: "standard output", Zh: "标准输出"},
	"report.create":       {En: "cannot write the %s report: %s", Zh: "无法写入 %s 报告：%s"},
	"report.write":        {En: "cannot write the %s report to %s: %s", Zh: "无法写入 %[1]s 报告（%[2]s）：%[3]s"},
	"report.failed":       {En: "writing the %s report: %s", Zh: "写入 %s 报告时出错：%s"},

	// Baselines, fixes and the outcome.
	"baseline.write":    {En: "cannot write the baseline: %s", Zh: "无法写入基线：%s"},
	"baseline.recorded": {En: "recorded %d finding(s) in %s", Zh: "已在 %[2]s 中记录 %[1]d 个问题"},
	"baseline.named-by": {En: "%s (named by %s)", Zh: "%[1]s（由 %[2]s 指定）"},
	"baseline.files":    {En: "--write-baseline records the whole project; give it a DIR, not files", Zh: "--write-baseline 记录的是整个项目；请指定项目目录 DIR，而不是文件"},
	"fix.done":          {En: "fixed %d problem(s) in %d file(s)", Zh: "已修复 %[2]d 个文件中的 %[1]d 个问题"},
	"fix.dry-run":       {En: "%d file(s) would be fixed (dry run: nothing was changed)", Zh: "可以修复 %d 个文件（试运行：没有修改任何文件）"},
	"fix.not-regular":   {En: "%s is not a regular file; not fixed", Zh: "%s 不是普通文件；未修复"},
	"max-warnings":      {En: "%d warnings, more than --max-warnings %d", Zh: "有 %[1]d 个警告，超过了 --max-warnings %[2]d"},
	"graph.usage":       {En: "Usage: fpcheck graph [--format mermaid|dot] [DIR]\n\nPrints the packages (main package, subpackages, functional pages, workers,\nopen data context, plugin) as clusters and the dependencies between them;\nedges that cross a boundary are red, asynchronous ones dashed.", Zh: "用法：fpcheck graph [--format mermaid|dot] [DIR]\n\n把各个代码包（主包、分包、插件功能页、Worker、开放数据域、插件）画成分组，\n并画出它们之间的依赖；跨越边界的依赖为红色，异步依赖为虚线。"},
	"graph.usage-short": {En: "usage: fpcheck graph [--format mermaid|dot] [DIR]", Zh: "用法：fpcheck graph [--format mermaid|dot] [DIR]"},
	"graph.flag.format": {En: "graph `format`: %s", Zh: "依赖图的`格式`：%s"},
	"graph.format.bad":  {En: "unknown graph --format %q; use mermaid or dot", Zh: "无法识别的依赖图格式 --format %q；请使用 mermaid 或 dot"},

	// fpcheck hook.
	"hook.usage": {
		En: `Usage: fpcheck hook install [--chain] [--submit] [DIR]
       fpcheck hook uninstall
       fpcheck hook run [flags] [DIR]

install   writes a git pre-commit hook that runs "fpcheck hook run DIR" (DIR is
          the project, relative to the repository root; default ".").
          Respects core.hooksPath. An existing hook that is not fpcheck's is
          left alone unless --chain is given: then it is kept and run first.
          Installing again updates the hook.
uninstall removes fpcheck's hook (and puts a chained hook back).
run       checks the staged snapshot of the project (what the commit will
          contain, not the working tree) and exits 1 on error-level findings,
          which stops the commit. Takes the same flags as fpcheck; DIR, as
          for fpcheck, is relative to the current directory and must be
          inside the repository.
`,
		Zh: `用法：fpcheck hook install [--chain] [--submit] [DIR]
      fpcheck hook uninstall
      fpcheck hook run [选项] [DIR]

install   写入一个 git pre-commit 钩子，运行 "fpcheck hook run DIR"（DIR 是
          项目目录，相对于仓库根目录，默认为 "."）。遵循 core.hooksPath 设置。
          已有的钩子如果不是 fpcheck 的，不会被改动；加上 --chain 时会保留它，
          并在 fpcheck 之前运行。再次安装会更新钩子。
uninstall 删除 fpcheck 的钩子（并恢复之前串联的钩子）。
run       检查项目在暂存区中的快照（即这次提交将包含的内容，而不是工作区），
          有错误级别的问题时以退出码 1 退出，从而阻止提交。选项与 fpcheck
          相同；DIR 与 fpcheck 的一样，相对于当前目录，且必须在仓库内。
`,
	},
	"hook.unknown":      {En: "unknown hook command %q", Zh: "无法识别的 hook 命令 %q"},
	"hook.flag.chain":   {En: "keep an existing pre-commit hook and run it before fpcheck", Zh: "保留已有的 pre-commit 钩子，并在 fpcheck 之前运行它"},
	"hook.flag.submit":  {En: "check with --submit (navigators left at develop block the commit)", Zh: "按 --submit 检查（仍指向开发版的 navigator 会阻止提交）"},
	"hook.no-repo":      {En: "not inside a git repository (git rev-parse failed)", Zh: "不在 git 仓库中（git rev-parse 失败）"},
	"hook.husky":        {En: "core.hooksPath is %q: this repository uses husky, which would overwrite a hook written there; add `fpcheck hook run` to .husky/pre-commit instead (see README)", Zh: "core.hooksPath 为 %q：这个仓库使用 husky，它会覆盖写在那里的钩子；请改为把 `fpcheck hook run` 加到 .husky/pre-commit 中（见 README）"},
	"hook.exists":       {En: "%s already exists and is not fpcheck's; nothing was changed.\nRun \"fpcheck hook install --chain\" to keep it and run it before fpcheck, or add \"fpcheck hook run\" to it yourself.", Zh: "%s 已存在，且不是 fpcheck 的钩子；没有做任何修改。\n运行 \"fpcheck hook install --chain\" 可以保留它并在 fpcheck 之前运行，也可以自己在其中加上 \"fpcheck hook run\"。"},
	"hook.chain-exists": {En: "cannot chain: %s already exists; nothing was changed", Zh: "无法串联：%s 已存在；没有做任何修改"},
	"hook.kept":         {En: "kept the existing hook as %s; it runs before fpcheck", Zh: "已把原有的钩子保留为 %s；它会在 fpcheck 之前运行"},
	"hook.installed":    {En: "installed %s: commits now run fpcheck on %s", Zh: "已安装 %[1]s：之后每次提交都会对 %[2]s 运行 fpcheck"},
	"hook.not-on-path":  {En: "fpcheck hook: fpcheck is not on PATH; install it or set FPCHECK to its path (git commit --no-verify skips this hook)", Zh: "fpcheck hook：PATH 中没有 fpcheck；请安装它，或把 FPCHECK 设为它的路径（git commit --no-verify 可跳过这个钩子）"},
	"hook.none":         {En: "no pre-commit hook installed; nothing to do", Zh: "没有安装 pre-commit 钩子；无需操作"},
	"hook.not-ours":     {En: "%s is not fpcheck's hook; left it alone", Zh: "%s 不是 fpcheck 的钩子；未做改动"},
	"hook.restored":     {En: "removed fpcheck's hook and put the previous hook back at %s", Zh: "已删除 fpcheck 的钩子，并把之前的钩子恢复到 %s"},
	"hook.removed":      {En: "removed %s", Zh: "已删除 %s"},
	"hook.run.no-repo":  {En: "hook run: not inside a git repository (it checks the files staged for a commit; to check a directory, run \"fpcheck DIR\")", Zh: "hook run：不在 git 仓库中（它检查暂存待提交的文件；要检查一个目录，请运行 \"fpcheck DIR\"）"},
	"hook.run.error":    {En: "hook run: %s", Zh: "hook run：%s"},
	"hook.run.files":    {En: "hook run takes a project DIR, not files: it checks the whole staged project", Zh: "hook run 接受的是项目目录 DIR，而不是文件：它检查整个暂存的项目"},
	"hook.run.unmerged": {En: "hook run: %d unmerged file(s) are not in the staged snapshot: %s", Zh: "hook run：%[1]d 个未合并的文件不在暂存快照中：%[2]s"},
	"hook.run.staged":   {En: "%s (staged)", Zh: "%s（暂存区）"},
	"hook.no-prefix":    {En: "cannot locate the current directory in the repository (git rev-parse --show-prefix failed)", Zh: "无法确定当前目录在仓库中的位置（git rev-parse --show-prefix 失败）"},
	"hook.outside":      {En: "%s is outside the git repository %s; only staged files inside it can be checked", Zh: "%[1]s 在 git 仓库 %[2]s 之外；只能检查仓库内暂存的文件"},
	"hook.snapshot":     {En: "cannot make the staged snapshot: %s", Zh: "无法生成暂存快照：%s"},
	"hook.export":       {En: "exporting the staged files failed: %s", Zh: "导出暂存的文件失败：%s"},
	"staged.removed":    {En: "the staged snapshot was removed (interrupted)", Zh: "暂存快照已被删除（运行被中断）"},
	"staged.bad-path":   {En: "the index holds %q, which is not a path inside the repository", Zh: "索引中有 %q，它不是仓库内的路径"},
	"staged.bad-mode":   {En: "git ls-files: %s has mode %s, which fpcheck does not know", Zh: "git ls-files：%s 的模式为 %s，fpcheck 无法识别"},
	"staged.bad-line":   {En: "git ls-files: unexpected line %q", Zh: "git ls-files：无法识别的输出行 %q"},
	"staged.read":       {En: "git cat-file: reading %s: %s", Zh: "git cat-file：读取 %s 时出错：%s"},
	"staged.unreadable": {En: "git cat-file: the staged %s (%s) cannot be read: %q", Zh: "git cat-file：无法读取暂存的 %[1]s（%[2]s）：%[3]q"},
	"staged.bad-header": {En: "git cat-file: unexpected header %q", Zh: "git cat-file：无法识别的对象头 %q"},
	"staged.no-newline": {En: "git cat-file: %s: the object is not followed by a newline", Zh: "git cat-file：%s：对象后面缺少换行符"},
})

// t renders the command line's message key in the run's language.
func (c *Command) t(key string, args ...any) string {
	return msgs.New(key, args...).Localize(c.lang)
}

// say prints "fpcheck: " and the message key on stderr.
func (c *Command) say(key string, args ...any) {
	fmt.Fprintln(c.Stderr, c.t("prefix")+c.t(key, args...))
}

// sayErr prints "fpcheck: " and err on stderr, in the run's language when
// err carries a message (see errText).
func (c *Command) sayErr(err error) {
	c.sayText(c.errText(err))
}

// sayText prints "fpcheck: " and text on stderr.
func (c *Command) sayText(text string) {
	fmt.Fprintln(c.Stderr, c.t("prefix")+text)
}

// localizedError is an error that can say itself in either language:
// *i18n.Error, *config.Error, project's NotProjectError and LimitError,
// check's ChangedError. Error() is its English.
type localizedError interface {
	error
	Localize(l i18n.Lang) string
}

// errText renders err in the run's language when it carries a message
// (and nothing wraps it with more words); otherwise as it is.
func (c *Command) errText(err error) string {
	if e, ok := errors.AsType[localizedError](err); ok && err.Error() == e.Error() {
		return e.Localize(c.lang)
	}
	return err.Error()
}

// errArg is err as a message argument: rendered in the message's language
// when it carries a message, else as it is.
func (c *Command) errArg(err error) i18n.Localizer {
	if e, ok := errors.AsType[localizedError](err); ok && err.Error() == e.Error() {
		return e
	}
	return i18n.Raw(err.Error())
}

// list is a list of names (formats, files) as a message argument: "a, b"
// in English, "a、b" in Chinese.
type list []string

func (l list) Localize(lang i18n.Lang) string {
	if lang == i18n.Zh {
		return strings.Join(l, "、")
	}
	return strings.Join(l, ", ")
}

// langOf finds --lang in args (before the flags are parsed, so that the
// usage and the flag errors are in that language too): the value, and
// whether there is one.
func langOf(args []string) (string, bool) {
	for i, a := range args {
		if a == "--" {
			break
		}
		switch langArgs(args[i:]) {
		case 1: // --lang=zh, or --lang at the end
			_, value, _ := strings.Cut(a, "=")
			return value, true
		case 2: // --lang zh
			return args[i+1], true
		}
	}
	return "", false
}
