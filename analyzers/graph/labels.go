package graph

import "github.com/fpcheck/fpcheck/internal/i18n"

// kindLabels names each dependency route (Edge.Kind) in messages and
// graphs.
var kindLabels = i18n.Register("graph.kinds", i18n.Catalog{
	"kind:require":          {En: "require", Zh: "require"},
	"kind:require.async":    {En: "require.async", Zh: "require.async"},
	"kind:require-callback": {En: "require with a callback", Zh: "带回调的 require"},
	"kind:requirePlugin":    {En: "requirePlugin", Zh: "requirePlugin"},
	"kind:import":           {En: "import", Zh: "import"},
	"kind:export-from":      {En: "export … from", Zh: "export … from"},
	"kind:dynamic-import":   {En: "import()", Zh: "import()"},
	"kind:wxml-import":      {En: "<import src>", Zh: "<import src>"},
	"kind:wxml-include":     {En: "<include src>", Zh: "<include src>"},
	"kind:wxs-src":          {En: "<wxs src>", Zh: "<wxs src>"},
	"kind:wxss-import":      {En: "@import", Zh: "@import"},
	"kind:component":        {En: "usingComponents entry", Zh: "usingComponents 组件"},
	"kind:generic-default":  {En: "componentGenerics default", Zh: "componentGenerics 默认组件"},
	"kind:page":             {En: "page", Zh: "页面"},
	"kind:public-component": {En: "publicComponents entry", Zh: "publicComponents 组件"},
	"kind:plugin-page":      {En: "plugin page", Zh: "插件页面"},
	"kind:plugin-main":      {En: "plugin main", Zh: "插件 main"},
})

// KindLabel names the dependency route kind (an Edge.Kind) for a message.
func KindLabel(kind string) i18n.Message { return kindLabels.New("kind:" + kind) }
