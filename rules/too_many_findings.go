package rules

type tooManyFindings struct{}

func init() { register(tooManyFindings{}) }

// TooManyRule is the ID of the rule under which internal/check says how
// many findings it left out of a report.
const TooManyRule = "too-many-findings"

var tooManyFindingsMeta = &Meta{
	ID:       TooManyRule,
	Severity: Note,
	Title:    Text{En: "more findings than a report shows: the rest were left out and counted", Zh: "问题数量超出报告的上限：其余问题未显示，但已计数"},
	Explanation: Text{
		En: `A generated, minified or hostile file can hold hundreds of thousands of findings of one rule, ` +
			`which would make a report of hundreds of megabytes that no one reads. So fpcheck reports at most ` +
			`100 findings of each rule in each file and 5000 in a run (errors first), and says once per rule and ` +
			`file how many it left out. The left-out findings still count: the run fails when any error was ` +
			`found, and --max-warnings counts them too. Fix the findings shown and run again, or leave a ` +
			`generated file out with --ignore. A note never fails a run.`,
		Zh: `生成的、压缩过的或恶意构造的文件可能包含同一条规则的几十万个问题，由此产生的报告会有几百 MB，没有人会去读。` +
			`因此 fpcheck 在每个文件中对每条规则最多报告 100 个问题，每次运行最多报告 5000 个（错误优先），` +
			`并对每条规则和每个文件提示一次省略了多少个。省略的问题仍会计数：只要发现了错误，运行就会失败，` +
			`--max-warnings 也会把它们计算在内。请修复已显示的问题后重新运行，或用 --ignore 排除生成的文件。` +
			`提示不会导致运行失败。`,
	},
	Bad:  "pages/index/index.js\n// 150 requires of files that do not exist\nrequire('./gen/0'); require('./gen/1'); /* … */ require('./gen/149')",
	Good: "fpcheck.json\n{\"ignore\": [\"pages/index/gen/**\"]}",
	Tags: []string{"coverage"},
	Messages: Catalog{
		"file": {En: `%d more %s findings in this file are not shown (fpcheck reports at most %d per rule and file and %d per run); they still count`, Zh: `此文件中还有 %d 个 %s 问题未显示（fpcheck 每条规则在每个文件中最多报告 %d 个，每次运行最多报告 %d 个）；它们仍会计入结果`},
		"more": {En: `%d more findings of %d more rules and files are not shown (fpcheck reports at most %d per run); they still count`, Zh: `另外 %[2]d 组规则与文件中还有 %[1]d 个问题未显示（fpcheck 每次运行最多报告 %[3]d 个）；它们仍会计入结果`},
	},
}

func (tooManyFindings) Meta() *Meta { return tooManyFindingsMeta }

// Check reports nothing: internal/check caps the findings of all rules
// and reports under this rule what it left out.
func (tooManyFindings) Check(*Context) {}

// TooManyMessage is the note for n findings of rule left out of one file,
// under the caps perFileRule and perRun.
func TooManyMessage(n int, rule string, perFileRule, perRun int) Message {
	return tooManyFindingsMeta.Messages.New("file", n, rule, perFileRule, perRun)
}

// TooManyMoreMessage is the note for n findings in groups more (rule,
// file) pairs left out beyond the notes a run gives one by one.
func TooManyMoreMessage(n, groups, perRun int) Message {
	return tooManyFindingsMeta.Messages.New("more", n, groups, perRun)
}
