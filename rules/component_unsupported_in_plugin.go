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
	Title:    Text{En: "plugin code uses a component that plugins cannot use"},
	Explanation: Text{En: `The platform's list of component limits for plugins (插件使用组件的限制) says plugin pages and ` +
		`components cannot use <open-data>, <web-view>, or a <button> whose open-type is contact, getPhoneNumber ` +
		`or getUserInfo: they do not work in plugin code. Only the plugin's own WXML that the platform loads is ` +
		`judged; an open-type written as a {{binding}} is left alone, and so is a tag the plugin declares as its ` +
		`own custom component in usingComponents.`},
	Bad:  "plugin/components/card/card.wxml\n<button open-type=\"getPhoneNumber\" bindgetphonenumber=\"onPhone\">绑定手机号</button>",
	Good: "plugin/components/card/card.wxml\n<button bindtap=\"askHost\">绑定手机号</button>",
	Tags: []string{"plugins", "correctness"},
	Messages: Catalog{
		"tag":       {En: `<%s> cannot be used in plugins, so it does not work in plugin code`},
		"open-type": {En: `a button with open-type="%s" cannot be used in plugins, so it does not work in plugin code`},
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
