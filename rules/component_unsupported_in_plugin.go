package rules

import (
	"slices"
	"strings"

	"github.com/fpcheck/fpcheck/analyzers/jsonpos"
	"github.com/fpcheck/fpcheck/analyzers/project"
)

type componentUnsupportedInPlugin struct{}

func init() { register(componentUnsupportedInPlugin{}) }

// unsupportedPluginTags are the built-in components plugin pages cannot use,
// and unsupportedPluginOpenTypes the button open-types, as the platform's
// "插件使用组件的限制" page lists them
// (developers.weixin.qq.com/miniprogram/dev/framework/plugin/component-limit.html).
var (
	unsupportedPluginTags      = []string{"open-data", "web-view"}
	unsupportedPluginOpenTypes = []string{"contact", "getPhoneNumber", "getUserInfo"}
)

var componentUnsupportedInPluginMeta = &Meta{
	ID:       "component-unsupported-in-plugin",
	Severity: Error,
	Title: Text{
		En: "plugin code uses a component that plugins cannot use",
		Zh: "插件代码使用了插件中不能使用的组件",
	},
	Explanation: Text{
		En: `The platform's list of component limits for plugins (插件使用组件的限制) says plugin pages and ` +
			`components cannot use <open-data>, <web-view>, or a <button> whose open-type is contact, getPhoneNumber ` +
			`or getUserInfo: they do not work in plugin code. Only the plugin's own WXML that the platform loads is ` +
			`judged; an open-type written as a {{binding}} is left alone, and so is a tag the plugin declares as its ` +
			`own custom component in usingComponents.`,
		Zh: `按照平台的“插件使用组件的限制”，插件的页面和组件不能使用 <open-data>、<web-view>，也不能使用 open-type ` +
			`为 contact、getPhoneNumber 或 getUserInfo 的 <button>：它们在插件代码中不起作用。只检查平台会加载的、` +
			`插件自身的 WXML；写成 {{binding}} 的 open-type 不检查，插件在 usingComponents 中声明为自己的自定义组件的` +
			`同名标签也不检查。`,
	},
	Bad:  "plugin/components/card/card.wxml\n<button open-type=\"getPhoneNumber\" bindgetphonenumber=\"onPhone\">绑定手机号</button>",
	Good: "plugin/components/card/card.wxml\n<button bindtap=\"askHost\">绑定手机号</button>",
	Tags: []string{"plugins", "correctness"},
	Messages: Catalog{
		"tag": {
			En: `<%s> cannot be used in plugins, so it does not work in plugin code`,
			Zh: `插件中不能使用 <%s>，它在插件代码中不起作用`,
		},
		"open-type": {
			En: `a button with open-type="%s" cannot be used in plugins, so it does not work in plugin code`,
			Zh: `插件中不能使用 open-type="%s" 的按钮，它在插件代码中不起作用`,
		},
	},
}

func (componentUnsupportedInPlugin) Meta() *Meta { return componentUnsupportedInPluginMeta }

func (componentUnsupportedInPlugin) Check(c *Context) {
	p := c.Project
	if !p.HasPlugin || p.HasMini && p.PluginRoot == p.MiniRoot {
		return
	}
	custom := pluginCustomTags(p)
	for _, rel := range p.Paths {
		f := p.Files[rel]
		if f.WXML == nil || !project.Under(rel, p.PluginRoot) || !c.Graph.Loaded(rel) {
			continue
		}
		for i := range f.WXML.Elements {
			el := &f.WXML.Elements[i]
			if custom[el.Name] {
				continue
			}
			if slices.Contains(unsupportedPluginTags, el.Name) {
				c.Report(f, el.NameStart, el.NameEnd, "tag", el.Name)
				continue
			}
			if el.Name != "button" {
				continue
			}
			a, ok := el.Attr("open-type")
			if !ok || isDynamic(a.Value) {
				continue
			}
			// open-type may combine abilities: "getPhoneNumber|agreePrivacyAuthorization".
			for part := range strings.SplitSeq(a.Value, "|") {
				if v := strings.TrimSpace(part); slices.Contains(unsupportedPluginOpenTypes, v) {
					c.Report(f, a.NameStart, attrEnd(a), "open-type", v)
					break
				}
			}
		}
	}
}

// pluginCustomTags are the tag names the plugin's JSON files declare as
// custom components (usingComponents, componentGenerics): such a tag is the
// plugin's own component, not the built-in one.
func pluginCustomTags(p *project.Project) map[string]bool {
	tags := map[string]bool{}
	for _, rel := range p.Paths {
		f := p.Files[rel]
		if f.JSON == nil || !project.Under(rel, p.PluginRoot) {
			continue
		}
		root := f.JSON.Root()
		for _, key := range []string{"usingComponents", "componentGenerics"} {
			if v := root.Get(key); v.Kind() == jsonpos.Object {
				for _, m := range v.Members() {
					tags[m.Key] = true
				}
			}
		}
	}
	return tags
}
