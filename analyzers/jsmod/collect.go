package jsmod

import (
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/token"
)

// collect.go walks one parsed program (the original file, or esbuild's
// CommonJS output of it) and gathers facts in the coordinates of the parsed
// text. map.go turns them into facts about the original text.

// genSpan is a span of the parsed text: [start, end), and last, the start
// of the last token (used to map the end through a source map).
type genSpan struct{ start, last, end int }

// depHint is what the shape of esbuild's output says about a dependency.
type depHint int

const (
	hintNone      depHint = iota
	hintImport            // var import_x = [__toESM(]require("x")[)] at top level
	hintReExport          // __reExport(x_exports, require("x"), module.exports)
	hintDynImport         // Promise.resolve().then(() => __toESM(require("x")))
)

// rawDep is a dependency found in the parsed text.
type rawDep struct {
	kind     DepKind
	spec     string
	lit      genSpan // the string literal
	call     genSpan // the call
	topLevel bool
	hint     depHint
}

// rawExport is an export found in the parsed text.
type rawExport struct {
	name string
	kind ExportKind
	at   genSpan
	// decl marks a declaration of an ES module export: its mapped start
	// is extended back over "export" and "default".
	decl bool
	// fn is the function an export is, when it can be seen.
	fn *fnInfo
	// reexport names the esbuild import variable (import_x) an
	// "export {a} from" re-export reads; its span is the export statement.
	reexport string
}

// collector is the visitor that gathers the facts.
type collector struct {
	esm  bool // the text is esbuild's output: recognize its helpers
	top  map[string]*topDecl
	deps []rawDep
	dyn  []genSpan
	apps []genSpan
	pays []rawPayment
	pay  payState
	wxs  []rawWxCall
	exps []rawExport
	// constNames are the names top-level const declarations bind.
	constNames map[string]bool
	// importVars maps esbuild's import variables to their require literal.
	importVars map[string]int
	opaque     bool
	// hints says what esbuild's output shape tells about require calls.
	hints map[*ast.CallExpression]depHint
	// dynName names the calls that are import(x) (see esm.go), "" when
	// there are none; dynCalls counts those seen.
	dynName  string
	dynCalls int
}

// topDecl is a top-level declaration of a name.
type topDecl struct {
	node  ast.Node       // *ast.FunctionDeclaration, *ast.ClassDeclaration or *ast.Binding
	init  ast.Expression // a binding's initializer
	count int            // declarations of the name; more than one is not resolved
}

// collect gathers the facts of prog; esm tells that prog is esbuild's
// output. It reports false when the tree nests too deeply to walk.
func collect(prog *ast.Program, esm bool) (*collector, bool) {
	c := &collector{
		esm: esm, top: map[string]*topDecl{}, constNames: map[string]bool{},
		importVars: map[string]int{}, hints: map[*ast.CallExpression]depHint{},
	}
	c.declare(prog)
	c.componentMethods(prog)
	w := &walker{v: c}
	w.node(prog)
	c.finishPayments()
	return c, !w.tooDeep
}

// collectModule gathers the facts of the blanked text of an ES module
// (see esm.go), whose imports bind the names imports, in the same walk as
// strictFinder's checks. It reports false when the tree nests too deeply,
// an import is declared again or strictFinder finds something: then the
// file goes to esbuild.
func collectModule(prog *ast.Program, imports []string) (*collector, bool) {
	c := &collector{
		top: map[string]*topDecl{}, constNames: map[string]bool{},
		importVars: map[string]int{}, hints: map[*ast.CallExpression]depHint{},
		dynName: esmImportName,
	}
	c.declare(prog)
	for _, name := range imports {
		if c.top[name] != nil {
			return nil, false
		}
		c.top[name] = &topDecl{count: 1}
	}
	c.componentMethods(prog)
	v := &moduleVisitor{c: c}
	w := &walker{v: v, topNames: imports}
	w.node(prog)
	if v.strict.found || w.tooDeep {
		return nil, false
	}
	c.finishPayments()
	return c, true
}

// declare records the top-level declarations of prog.
func (c *collector) declare(prog *ast.Program) {
	add := func(name string, n ast.Node, init ast.Expression) {
		if d := c.top[name]; d != nil {
			d.count++
			return
		}
		c.top[name] = &topDecl{node: n, init: init, count: 1}
	}
	for _, st := range prog.Body {
		switch st := st.(type) {
		case *ast.FunctionDeclaration:
			if st.Function.Name != nil {
				add(st.Function.Name.Name.String(), st, nil)
			}
		case *ast.ClassDeclaration:
			if st.Class.Name != nil {
				add(st.Class.Name.Name.String(), st, nil)
			}
		case *ast.VariableStatement:
			c.declareBindings(st.List, add)
		case *ast.LexicalDeclaration:
			c.declareBindings(st.List, add)
			if st.Token == token.CONST {
				for _, b := range st.List {
					if id, ok := b.Target.(*ast.Identifier); ok && id != nil {
						c.constNames[id.Name.String()] = true
					}
				}
			}
		}
	}
}

// declareBindings records the names bound by one declaration statement.
func (c *collector) declareBindings(list []*ast.Binding, add func(string, ast.Node, ast.Expression)) {
	for _, b := range list {
		id, ok := b.Target.(*ast.Identifier)
		if !ok || id == nil {
			// A destructuring pattern: its names are declared, with
			// values that cannot be known.
			for _, name := range patternNames(b.Target, nil) {
				add(name, b, nil)
			}
			continue
		}
		add(id.Name.String(), b, b.Initializer)
		if req := importedRequire(b.Initializer); c.esm && req != nil {
			if _, lit, ok := staticString(req.ArgumentList[0]); ok {
				c.importVars[id.Name.String()] = lit.start
				c.hints[req] = hintImport
			}
		}
	}
}

// patternNames appends the names a destructuring pattern binds to names.
func patternNames(e ast.Expression, names []string) []string {
	switch e := e.(type) {
	case *ast.Identifier:
		if e != nil {
			names = append(names, e.Name.String())
		}
	case *ast.ArrayPattern:
		for _, el := range e.Elements {
			names = patternNames(el, names)
		}
		names = patternNames(e.Rest, names)
	case *ast.ObjectPattern:
		for _, p := range e.Properties {
			switch p := p.(type) {
			case *ast.PropertyShort:
				names = append(names, p.Name.Name.String())
			case *ast.PropertyKeyed:
				names = patternNames(p.Value, names)
			}
		}
		names = patternNames(e.Rest, names)
	case *ast.AssignExpression: // element with a default value
		names = patternNames(e.Left, names)
	case *ast.Binding:
		names = patternNames(e.Target, names)
	}
	return names
}

// importedRequire returns the call of require(x) or __toESM(require(x)),
// or nil.
func importedRequire(e ast.Expression) *ast.CallExpression {
	call, ok := e.(*ast.CallExpression)
	if !ok || call == nil || len(call.ArgumentList) == 0 {
		return nil
	}
	if isIdent(call.Callee, "__toESM") {
		return importedRequire(call.ArgumentList[0])
	}
	if isIdent(call.Callee, "require") {
		return call
	}
	return nil
}

// enter implements visitor.
func (c *collector) enter(n ast.Node, w *walker) bool {
	c.payScopes(n)
	switch n := n.(type) {
	case *ast.CallExpression:
		return c.call(n, w)
	case *ast.AssignExpression:
		c.assign(n)
	}
	return true
}

// call handles calls: dependencies, esbuild's export helpers and
// Object.assign/defineProperty on the exports.
func (c *collector) call(n *ast.CallExpression, w *walker) bool {
	// The callee's name (name(…)) or object and property (obj.prop(…)),
	// read once: "" when it is not of that form. (isIdent and isMember
	// give the same answers.)
	var name, obj, prop string
	switch e := n.Callee.(type) {
	case *ast.Identifier:
		if e != nil {
			name = e.Name.String()
		}
	case *ast.DotExpression:
		if e == nil {
			break
		}
		if l, ok := e.Left.(*ast.Identifier); ok && l != nil {
			obj, prop = l.Name.String(), e.Identifier.Name.String()
		}
	}
	if obj == "wx" && !w.bound("wx") {
		d := n.Callee.(*ast.DotExpression)
		c.wxs = append(c.wxs, rawWxCall{name: prop, at: off(d.Identifier.Idx)})
	}
	switch {
	case name == "require" && !w.bound("require"):
		c.require(n, Require, w)
	case obj == "require" && prop == "async" && !w.bound("require"):
		c.require(n, RequireAsync, w)
	case name == "requirePlugin" && !w.bound("requirePlugin"):
		c.require(n, RequirePlugin, w)
	case name == "App" && !w.bound("App"):
		c.apps = append(c.apps, nodeSpan(n.Callee))
	case obj == "wx" && prop == "requestPluginPayment" && len(n.ArgumentList) > 0 && !w.bound("wx"):
		c.pluginPayment(n.ArgumentList[0])
	case c.esm && name == "__export":
		c.esbuildExports(n)
		return false
	case c.esm && name == "__reExport":
		c.opaque = true
		for _, a := range n.ArgumentList {
			if req, ok := a.(*ast.CallExpression); ok && isIdent(req.Callee, "require") {
				c.hints[req] = hintReExport
			}
		}
	case c.esm && c.dynamicImport(n, w):
		return false
	case c.dynName != "" && name == c.dynName:
		c.importCall(n, w)
		return false
	case obj == "Object" && prop == "assign" && len(n.ArgumentList) > 0 && isExportsObject(n.ArgumentList[0]):
		c.opaque = true
	case obj == "Object" && prop == "defineProperty" && len(n.ArgumentList) > 2 && isExportsObject(n.ArgumentList[0]):
		c.defineProperty(n)
	}
	return true
}

// require records require(...), require.async(...) or requirePlugin(...).
func (c *collector) require(n *ast.CallExpression, kind DepKind, w *walker) {
	if len(n.ArgumentList) == 0 {
		return
	}
	spec, lit, ok := staticString(n.ArgumentList[0])
	if !ok {
		if kind != RequirePlugin {
			c.dyn = append(c.dyn, callSpan(n))
		}
		return
	}
	if kind == Require && len(n.ArgumentList) > 1 {
		kind = RequireCallback
	}
	c.deps = append(c.deps, rawDep{
		kind: kind, spec: spec, lit: lit, call: callSpan(n),
		topLevel: w.fnDepth == 0, hint: c.hints[n],
	})
}

// dynamicImport recognizes esbuild's lowering of import("x"):
// Promise.resolve().then(() => __toESM(require("x"))). It records the
// dependency (at the depth of the outer call) and reports whether n was
// one. A non-static import(x) records nothing: only require calls are
// dynamic requires.
func (c *collector) dynamicImport(n *ast.CallExpression, w *walker) bool {
	req := loweredImport(n)
	if req == nil {
		return false
	}
	if spec, lit, ok := staticString(req.ArgumentList[0]); ok {
		c.deps = append(c.deps, rawDep{
			kind: DynamicImport, spec: spec, lit: lit, call: callSpan(req),
			topLevel: w.fnDepth == 0, hint: hintDynImport,
		})
	}
	return true
}

// importCall records import(x) of an ES module read without esbuild, as
// dynamicImport does for esbuild's lowering (whose argument is not walked
// either). Only a call with one argument that is not a spread counts.
func (c *collector) importCall(n *ast.CallExpression, w *walker) {
	if len(n.ArgumentList) != 1 {
		return
	}
	if _, spread := n.ArgumentList[0].(*ast.SpreadElement); spread {
		return
	}
	c.dynCalls++
	if spec, lit, ok := staticString(n.ArgumentList[0]); ok {
		c.deps = append(c.deps, rawDep{
			kind: DynamicImport, spec: spec, lit: lit, call: callSpan(n), topLevel: w.fnDepth == 0,
		})
	}
}

// loweredImport returns the require call of
// Promise.resolve().then(() => [__toESM(]require(x)[)]), or nil.
func loweredImport(n *ast.CallExpression) *ast.CallExpression {
	then, ok := n.Callee.(*ast.DotExpression)
	if !ok || then.Identifier.Name != "then" || len(n.ArgumentList) != 1 {
		return nil
	}
	res, ok := then.Left.(*ast.CallExpression)
	if !ok || !isMember(res.Callee, "Promise", "resolve") || len(res.ArgumentList) != 0 {
		return nil
	}
	arrow, ok := n.ArgumentList[0].(*ast.ArrowFunctionLiteral)
	if !ok || len(arrow.ParameterList.List) != 0 {
		return nil
	}
	body, ok := arrow.Body.(*ast.ExpressionBody)
	if !ok {
		return nil
	}
	req, ok := body.Expression.(*ast.CallExpression)
	if ok && isIdent(req.Callee, "__toESM") && len(req.ArgumentList) > 0 {
		req, ok = req.ArgumentList[0].(*ast.CallExpression)
	}
	if !ok || !isIdent(req.Callee, "require") || len(req.ArgumentList) != 1 {
		return nil
	}
	return req
}

// assign handles assignments to exports.X, module.exports.X and
// module.exports.
func (c *collector) assign(n *ast.AssignExpression) {
	if n.Operator != token.ASSIGN {
		return
	}
	if isModuleExports(n.Left) {
		c.moduleExports(unwrapExportsChain(n.Right))
		return
	}
	obj, name, computed := exportsMember(n.Left)
	switch {
	case !obj:
	case computed:
		c.opaque = true
	default:
		c.exps = append(c.exps, rawExport{name: name, kind: c.classify(n.Right, 0), at: nodeSpan(n), fn: c.functionOf(n.Right, 0)})
	}
}

// unwrapExportsChain skips "exports =" and "module.exports =" in
// "module.exports = exports = {...}".
func unwrapExportsChain(e ast.Expression) ast.Expression {
	for {
		a, ok := e.(*ast.AssignExpression)
		if !ok || a.Operator != token.ASSIGN || !isExportsObject(a.Left) {
			return e
		}
		e = a.Right
	}
}

// moduleExports handles "module.exports = v".
func (c *collector) moduleExports(v ast.Expression) {
	switch v := v.(type) {
	case *ast.ObjectLiteral:
		c.objectExports(v)
	case *ast.CallExpression:
		if !c.esm || !isIdent(v.Callee, "__toCommonJS") {
			c.opaque = true
		}
	case *ast.FunctionLiteral, *ast.ArrowFunctionLiteral, *ast.ClassLiteral,
		*ast.StringLiteral, *ast.NumberLiteral, *ast.BooleanLiteral, *ast.NullLiteral,
		*ast.ArrayLiteral, *ast.TemplateLiteral, *ast.RegExpLiteral:
		// A single value: no named exports, and nothing unknown.
	default:
		c.opaque = true
	}
}

// objectExports records the properties of "module.exports = {...}".
func (c *collector) objectExports(o *ast.ObjectLiteral) {
	for _, p := range o.Value {
		switch p := p.(type) {
		case *ast.PropertyShort:
			name := p.Name.Name.String()
			c.exps = append(c.exps, rawExport{name: name, kind: c.resolve(name, 0), at: nodeSpan(p), fn: c.functionOf(&p.Name, 0)})
		case *ast.PropertyKeyed:
			name, ok := propertyName(p)
			if !ok {
				c.opaque = true
				continue
			}
			c.exps = append(c.exps, rawExport{name: name, kind: c.propertyKind(p), at: propertySpan(p), fn: c.functionOf(p.Value, 0)})
		default: // spread
			c.opaque = true
		}
	}
}

// propertyKind classifies the value of a keyed property.
func (c *collector) propertyKind(p *ast.PropertyKeyed) ExportKind {
	switch p.Kind {
	case ast.PropertyKindMethod:
		return ExportFunction
	case ast.PropertyKindGet, ast.PropertyKindSet:
		return ExportUnknown
	default:
		return c.classify(p.Value, 0)
	}
}

// defineProperty handles Object.defineProperty(exports, "name", {...}).
func (c *collector) defineProperty(n *ast.CallExpression) {
	name, _, ok := staticString(n.ArgumentList[1])
	if !ok {
		c.opaque = true
		return
	}
	if name == "__esModule" {
		return
	}
	kind := ExportUnknown
	if desc, ok := n.ArgumentList[2].(*ast.ObjectLiteral); ok {
		for _, p := range desc.Value {
			if kp, ok := p.(*ast.PropertyKeyed); ok && kp.Kind == ast.PropertyKindValue {
				if key, ok := propertyName(kp); ok && key == "value" {
					kind = c.classify(kp.Value, 0)
				}
			}
		}
	}
	c.exps = append(c.exps, rawExport{name: name, kind: kind, at: callSpan(n)})
}

// esbuildExports handles esbuild's __export(x_exports, {name: () => v}).
func (c *collector) esbuildExports(n *ast.CallExpression) {
	if len(n.ArgumentList) != 2 {
		return
	}
	o, ok := n.ArgumentList[1].(*ast.ObjectLiteral)
	if !ok {
		return
	}
	for _, p := range o.Value {
		kp, ok := p.(*ast.PropertyKeyed)
		if !ok {
			continue
		}
		name, ok := propertyName(kp)
		arrow, isArrow := kp.Value.(*ast.ArrowFunctionLiteral)
		if !ok || !isArrow {
			continue
		}
		body, ok := arrow.Body.(*ast.ExpressionBody)
		if !ok {
			continue
		}
		c.exps = append(c.exps, c.esbuildExport(name, body.Expression))
	}
}

// esbuildExport resolves one getter of __export.
func (c *collector) esbuildExport(name string, v ast.Expression) rawExport {
	e := rawExport{name: name, kind: ExportUnknown, at: nodeSpan(v), decl: true}
	switch v := v.(type) {
	case *ast.Identifier:
		e.kind = c.resolve(v.Name.String(), 0)
		e.fn = c.functionOf(v, 0)
		if d := c.top[v.Name.String()]; d != nil && d.count == 1 {
			e.at = nodeSpan(d.node)
		}
	case *ast.DotExpression:
		if id, ok := v.Left.(*ast.Identifier); ok {
			if _, ok := c.importVars[id.Name.String()]; ok {
				e.reexport = id.Name.String()
			}
		}
	}
	return e
}

// maxResolve bounds how many identifiers classify follows (a = b; b = c...).
const maxResolve = 8

// classify tells what value expression e is.
func (c *collector) classify(e ast.Expression, depth int) ExportKind {
	switch e := e.(type) {
	case *ast.FunctionLiteral, *ast.ArrowFunctionLiteral:
		return ExportFunction
	case *ast.ClassLiteral, *ast.StringLiteral, *ast.NumberLiteral, *ast.BooleanLiteral,
		*ast.NullLiteral, *ast.RegExpLiteral, *ast.ObjectLiteral, *ast.ArrayLiteral,
		*ast.UnaryExpression:
		return ExportValue
	case *ast.TemplateLiteral:
		if e.Tag == nil {
			return ExportValue
		}
	case *ast.BinaryExpression:
		return c.classifyBinary(e, depth)
	case *ast.ConditionalExpression:
		return same(c.classify(e.Consequent, depth), c.classify(e.Alternate, depth))
	case *ast.SequenceExpression:
		return c.classify(e.Sequence[len(e.Sequence)-1], depth)
	case *ast.AssignExpression:
		return c.classifyAssign(e, depth)
	case *ast.Identifier:
		return c.resolve(e.Name.String(), depth)
	}
	return ExportUnknown
}

// classifyBinary classifies a binary expression: arithmetic and
// comparisons give values; && || ?? give one of their operands.
func (c *collector) classifyBinary(e *ast.BinaryExpression, depth int) ExportKind {
	switch e.Operator {
	case token.LOGICAL_AND, token.LOGICAL_OR, token.COALESCE:
		return same(c.classify(e.Left, depth), c.classify(e.Right, depth))
	default:
		return ExportValue
	}
}

// classifyAssign classifies an assignment used as a value.
func (c *collector) classifyAssign(e *ast.AssignExpression, depth int) ExportKind {
	switch e.Operator {
	case token.ASSIGN:
		return c.classify(e.Right, depth)
	case token.LOGICAL_AND, token.LOGICAL_OR, token.COALESCE:
		return ExportUnknown
	default:
		return ExportValue // compound arithmetic assignment
	}
}

// same returns k when both kinds are k, else ExportUnknown.
func same(a, b ExportKind) ExportKind {
	if a == b {
		return a
	}
	return ExportUnknown
}

// resolve classifies the top-level binding name.
func (c *collector) resolve(name string, depth int) ExportKind {
	d := c.top[name]
	if d == nil {
		if name == "undefined" || name == "NaN" || name == "Infinity" {
			return ExportValue
		}
		return ExportUnknown
	}
	if d.count > 1 || depth >= maxResolve {
		return ExportUnknown
	}
	switch d.node.(type) {
	case *ast.FunctionDeclaration:
		return ExportFunction
	case *ast.ClassDeclaration:
		return ExportValue
	}
	if d.init == nil {
		return ExportUnknown
	}
	return c.classify(d.init, depth+1)
}

// rawWxCall is a wx.NAME(...) call before mapping: at is NAME's offset.
type rawWxCall struct {
	name string
	at   int
}

// fnInfo is what the rules need of an exported function.
type fnInfo struct {
	params        int // -1 with a rest parameter
	usesArguments bool
}

// functionOf returns the function e is (a literal, or a top-level
// function or binding it names), or nil.
func (c *collector) functionOf(e ast.Expression, depth int) *fnInfo {
	switch e := e.(type) {
	case *ast.FunctionLiteral:
		return functionInfo(e.ParameterList, e.Body)
	case *ast.ArrowFunctionLiteral:
		return functionInfo(e.ParameterList, e.Body)
	case *ast.Identifier:
		if e == nil || depth >= maxResolve {
			return nil
		}
		d := c.top[e.Name.String()]
		if d == nil || d.count != 1 {
			return nil
		}
		if fd, ok := d.node.(*ast.FunctionDeclaration); ok && fd.Function != nil {
			return functionInfo(fd.Function.ParameterList, fd.Function.Body)
		}
		if d.init != nil {
			return c.functionOf(d.init, depth+1)
		}
	}
	return nil
}

func functionInfo(params *ast.ParameterList, body ast.Node) *fnInfo {
	fi := &fnInfo{params: -1}
	if params != nil && params.Rest == nil {
		fi.params = len(params.List)
	}
	f := &argumentsFinder{}
	(&walker{v: f}).node(body)
	fi.usesArguments = f.found || params == nil
	return fi
}

// argumentsFinder reports whether a body mentions arguments.
type argumentsFinder struct{ found bool }

func (a *argumentsFinder) enter(n ast.Node, _ *walker) bool {
	if id, ok := n.(*ast.Identifier); ok && id != nil && id.Name.String() == "arguments" {
		a.found = true
	}
	return !a.found
}
