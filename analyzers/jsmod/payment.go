package jsmod

import (
	"math"
	"slices"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/token"
)

// payment.go follows the version of wx.requestPluginPayment({version}) the
// ways the platform's own sample writes it: a string literal in the call,
// a const initialized with one (at top level or in the function), and
// this.data.version, directly or through const {version} = this.data, where
// the Component or Page options' data literal sets it. Anything else (a
// name bound more than once where it is used, data that setData or an
// assignment may change, behaviors or properties that may supply it) cannot
// be known and is left alone.

// rawPayment is a wx.requestPluginPayment version before mapping.
type rawPayment struct {
	value string
	lit   genSpan
	via   string // the const the call names ("" for a literal or data)
	data  bool   // the version is this.data.version, set in the data literal
}

// payState is what the collector keeps to follow payment versions.
type payState struct {
	// methods maps the functions of Component/Page options whose this is
	// the instance to the options' data literal.
	methods map[*ast.FunctionLiteral]*ast.ObjectLiteral
	// frames are the scopes around the current node, innermost last.
	frames []payFrame
	// bindings are the name and offset of every binding in the file
	// (declarations, parameters, assignments), in the order seen: only
	// the few payment candidates look names up, once the walk is done.
	bindings []payBinding
	// byName indexes bindings by name when a candidate first asks.
	byName map[string][]int
	// dataWritten is set when the file may change a data field the data
	// literal sets (setData that cannot be read, or sets version; an
	// assignment to .data or .version; Object.assign on .data).
	dataWritten bool
	cands       []payCandidate
}

// payBinding is one binding of a name.
type payBinding struct {
	name string
	at   int
}

// payFrame is one scope: a function, an arrow function or a block.
type payFrame struct {
	start, end int
	fn         bool               // a function (arrow or not): the bounds of its var and parameter bindings
	data       *ast.ObjectLiteral // what this.data is here, nil when unknown
	consts     map[string]payConst
}

// payConst is a const binding whose value can be followed.
type payConst struct {
	at      int            // offset of the bound name
	lit     ast.Expression // const NAME = "literal"
	data    *ast.ObjectLiteral
	fnStart int // the innermost function around the declaration (0, -1 for top level)
	fnEnd   int
}

// payCandidate is a call whose version is known once the whole file has
// been seen (bindings and data writes come after the call as well).
type payCandidate struct {
	name string // the name the call uses ("" for this.data.version in the call)
	c    payConst
}

// componentMethods records, for every top-level Component({...}) and
// Page({...}) call whose data literal can be followed, the functions whose
// this is the instance: the options' own functions and those of methods,
// lifetimes, pageLifetimes and observers.
func (c *collector) componentMethods(prog *ast.Program) {
	c.pay.methods = map[*ast.FunctionLiteral]*ast.ObjectLiteral{}
	for _, st := range prog.Body {
		es, ok := st.(*ast.ExpressionStatement)
		if !ok || es == nil {
			continue
		}
		call, ok := es.Expression.(*ast.CallExpression)
		if !ok || call == nil || len(call.ArgumentList) != 1 {
			continue
		}
		if !isIdent(call.Callee, "Component") && !isIdent(call.Callee, "Page") {
			continue
		}
		if c.top[call.Callee.(*ast.Identifier).Name.String()] != nil {
			continue // a local Component or Page
		}
		opts, ok := call.ArgumentList[0].(*ast.ObjectLiteral)
		if !ok || opts == nil {
			continue
		}
		data := followableData(opts)
		if data == nil {
			continue
		}
		for _, fn := range instanceFunctions(opts) {
			c.pay.methods[fn] = data
		}
	}
}

// followableData returns the data literal of Component/Page options when
// nothing else may supply this.data.version: no spread or computed key in
// the options, no behaviors, and no version among the properties.
func followableData(opts *ast.ObjectLiteral) *ast.ObjectLiteral {
	var data *ast.ObjectLiteral
	for _, prop := range opts.Value {
		p, ok := prop.(*ast.PropertyKeyed)
		if !ok || p == nil {
			if _, short := prop.(*ast.PropertyShort); short {
				continue
			}
			return nil // a spread
		}
		name, ok := propertyName(p)
		if !ok {
			return nil
		}
		switch name {
		case "behaviors":
			return nil
		case "properties":
			props, isObj := p.Value.(*ast.ObjectLiteral)
			if !isObj || props == nil {
				return nil
			}
			if known, v := literalMember(props, "version"); !known || v != nil {
				return nil
			}
		case "data":
			d, isObj := p.Value.(*ast.ObjectLiteral)
			if !isObj || d == nil {
				return nil
			}
			data = d
		}
	}
	return data
}

// literalMember returns the value of the last member named name of an
// object literal (nil when there is none) and whether the members can be
// known at all (no spread, no computed key).
func literalMember(obj *ast.ObjectLiteral, name string) (known bool, value ast.Expression) {
	for _, prop := range obj.Value {
		switch p := prop.(type) {
		case *ast.PropertyKeyed:
			key, ok := propertyName(p)
			if !ok {
				return false, nil
			}
			if key == name {
				value = p.Value
			}
		case *ast.PropertyShort:
			if p.Name.Name.String() == name {
				value = &p.Name
			}
		default:
			return false, nil
		}
	}
	return true, value
}

// instanceFunctions are the functions of Component/Page options whose this
// is the instance.
func instanceFunctions(opts *ast.ObjectLiteral) []*ast.FunctionLiteral {
	var fns []*ast.FunctionLiteral
	add := func(obj *ast.ObjectLiteral) {
		for _, prop := range obj.Value {
			if p, ok := prop.(*ast.PropertyKeyed); ok && p != nil {
				if fn, isFn := p.Value.(*ast.FunctionLiteral); isFn && fn != nil {
					fns = append(fns, fn)
				}
			}
		}
	}
	add(opts)
	for _, prop := range opts.Value {
		p, ok := prop.(*ast.PropertyKeyed)
		if !ok || p == nil {
			continue
		}
		switch name, _ := propertyName(p); name {
		case "methods", "lifetimes", "pageLifetimes", "observers":
			if obj, isObj := p.Value.(*ast.ObjectLiteral); isObj && obj != nil {
				add(obj)
			}
		}
	}
	return fns
}

// payScopes keeps the scope frames and the bindings as the walk enters n;
// nodes are entered in source order, so a frame ends at the first frame
// node or call that starts past it.
func (c *collector) payScopes(n ast.Node) {
	s := &c.pay
	// Only the nodes that open a frame or read one close those before
	// them (Idx0 is not safe on every node: an empty Program has none).
	switch n := n.(type) {
	case *ast.FunctionLiteral:
		s.leave(off(n.Idx0()))
		if n.Name != nil {
			s.bind(n.Name)
		}
		s.push(n, true, s.methods[n])
	case *ast.ArrowFunctionLiteral:
		s.leave(off(n.Idx0()))
		s.push(n, true, s.thisData())
	case *ast.BlockStatement:
		s.leave(off(n.Idx0()))
		s.push(n, false, s.thisData())
	case *ast.ClassLiteral:
		if n.Name != nil {
			s.bind(n.Name)
		}
	case *ast.Binding:
		s.bindPattern(n.Target)
	case *ast.ParameterList:
		s.bindPattern(n.Rest)
	case *ast.CatchStatement:
		s.bindPattern(n.Parameter)
	case *ast.ForDeclaration:
		s.bindPattern(n.Target)
	case *ast.AssignExpression:
		s.bindPattern(n.Left)
		if isDataWrite(n.Left) {
			s.dataWritten = true
		}
	case *ast.UnaryExpression:
		if n.Operator == token.INCREMENT || n.Operator == token.DECREMENT {
			s.bindPattern(n.Operand)
		}
	case *ast.LexicalDeclaration:
		s.leave(off(n.Idx0()))
		if n.Token == token.CONST {
			s.consts(n.List)
		}
	case *ast.CallExpression:
		s.leave(off(n.LeftParenthesis))
		if dataChanged(n) {
			s.dataWritten = true
		}
	}
}

// leave closes the frames that end at or before offset at.
func (s *payState) leave(at int) {
	for len(s.frames) > 0 && at >= s.frames[len(s.frames)-1].end {
		s.frames = s.frames[:len(s.frames)-1]
	}
}

func (s *payState) push(n ast.Node, fn bool, data *ast.ObjectLiteral) {
	s.frames = append(s.frames, payFrame{start: off(n.Idx0()), end: off(n.Idx1()), fn: fn, data: data})
}

// thisData is what this.data is at the current node.
func (s *payState) thisData() *ast.ObjectLiteral {
	if len(s.frames) == 0 {
		return nil
	}
	return s.frames[len(s.frames)-1].data
}

func (s *payState) bind(id *ast.Identifier) {
	s.bindings = append(s.bindings, payBinding{name: id.Name.String(), at: off(id.Idx)})
}

// bindPattern records the names a binding target or assignment target
// binds; member targets (a.b = …) bind nothing.
func (s *payState) bindPattern(e ast.Expression) {
	switch e := e.(type) {
	case *ast.Identifier:
		if e != nil {
			s.bind(e)
		}
	case *ast.ArrayPattern:
		for _, el := range e.Elements {
			s.bindPattern(el)
		}
		s.bindPattern(e.Rest)
	case *ast.ArrayLiteral: // [a, b] = … before goja reinterprets it
		for _, el := range e.Value {
			s.bindPattern(el)
		}
	case *ast.ObjectPattern:
		for _, p := range e.Properties {
			switch p := p.(type) {
			case *ast.PropertyShort:
				s.bind(&p.Name)
			case *ast.PropertyKeyed:
				s.bindPattern(p.Value)
			}
		}
		s.bindPattern(e.Rest)
	case *ast.AssignExpression: // an element with a default value
		s.bindPattern(e.Left)
	}
}

// consts records the const bindings of one declaration whose value can be
// followed, in the innermost frame.
func (s *payState) consts(list []*ast.Binding) {
	if len(s.frames) == 0 {
		return // top level: the collector's declarations have them
	}
	fr := &s.frames[len(s.frames)-1]
	fnStart, fnEnd := -1, math.MaxInt
	for _, f := range slices.Backward(s.frames) {
		if f.fn {
			fnStart, fnEnd = f.start, f.end
			break
		}
	}
	add := func(id *ast.Identifier, pc payConst) {
		if fr.consts == nil {
			fr.consts = map[string]payConst{}
		}
		pc.at, pc.fnStart, pc.fnEnd = off(id.Idx), fnStart, fnEnd
		fr.consts[id.Name.String()] = pc
	}
	for _, b := range list {
		switch t := b.Target.(type) {
		case *ast.Identifier:
			if _, _, ok := staticString(b.Initializer); ok {
				add(t, payConst{lit: b.Initializer})
			} else if isThisDataMember(b.Initializer, "version") && t.Name.String() == "version" && fr.data != nil {
				add(t, payConst{data: fr.data})
			}
		case *ast.ObjectPattern:
			if !isThisData(b.Initializer) || fr.data == nil {
				continue
			}
			for _, p := range t.Properties {
				if ps, ok := p.(*ast.PropertyShort); ok && ps.Name.Name.String() == "version" && ps.Initializer == nil {
					add(&ps.Name, payConst{data: fr.data})
				}
			}
		}
	}
}

// pluginPayment records the version of wx.requestPluginPayment(arg): a
// literal at once, the rest as candidates judged by finishPayments.
func (c *collector) pluginPayment(arg ast.Expression) {
	obj, ok := arg.(*ast.ObjectLiteral)
	if !ok || obj == nil {
		return
	}
	known, value := literalMember(obj, "version")
	if !known || value == nil {
		return
	}
	if v, lit, ok := staticString(value); ok {
		c.pays = append(c.pays, rawPayment{value: v, lit: lit})
		return
	}
	s := &c.pay
	if isThisDataMember(value, "version") {
		if d := s.thisData(); d != nil {
			s.cands = append(s.cands, payCandidate{c: payConst{data: d}})
		}
		return
	}
	id, isID := value.(*ast.Identifier)
	if !isID || id == nil {
		return
	}
	name := id.Name.String()
	for _, f := range slices.Backward(s.frames) {
		if pc, found := f.consts[name]; found {
			s.cands = append(s.cands, payCandidate{name: name, c: pc})
			return
		}
	}
	d := c.top[name]
	if d == nil || d.count != 1 || !c.constNames[name] {
		return
	}
	if _, _, ok := staticString(d.init); ok {
		s.cands = append(s.cands, payCandidate{name: name, c: payConst{at: -1, lit: d.init, fnStart: -1, fnEnd: math.MaxInt}})
	}
}

// finishPayments keeps the candidates whose value is certain now that the
// whole file has been seen: no other binding of the name in the function
// around its const, data that nothing may change.
func (c *collector) finishPayments() {
	s := &c.pay
	seen := map[int]bool{}
	for _, cand := range s.cands {
		if cand.name != "" && !s.onlyBinding(cand.name, cand.c) {
			continue
		}
		var p rawPayment
		if cand.c.data != nil {
			if s.dataWritten {
				continue
			}
			known, value := literalMember(cand.c.data, "version")
			v, lit, ok := staticString(value)
			if !known || !ok {
				continue
			}
			p = rawPayment{value: v, lit: lit, data: true}
		} else {
			v, lit, _ := staticString(cand.c.lit)
			p = rawPayment{value: v, lit: lit, via: cand.name}
		}
		if !seen[p.lit.start] {
			seen[p.lit.start] = true
			c.pays = append(c.pays, p)
		}
	}
	s.frames, s.cands, s.methods, s.bindings, s.byName = nil, nil, nil, nil, nil
}

// onlyBinding reports whether pc is the only binding of name in the
// function around it (the whole file for a top-level const), so that no
// other binding can shadow it where the call uses it.
func (s *payState) onlyBinding(name string, pc payConst) bool {
	n := 0
	if s.byName == nil {
		s.byName = map[string][]int{}
		for _, b := range s.bindings {
			s.byName[b.name] = append(s.byName[b.name], b.at)
		}
	}
	for _, at := range s.byName[name] {
		if at >= pc.fnStart && at < pc.fnEnd {
			n++
		}
	}
	return n == 1
}

// isThisData reports whether e is this.data.
func isThisData(e ast.Expression) bool {
	d, ok := e.(*ast.DotExpression)
	if !ok || d == nil || d.Identifier.Name.String() != "data" {
		return false
	}
	_, isThis := d.Left.(*ast.ThisExpression)
	return isThis
}

// isThisDataMember reports whether e is this.data.NAME.
func isThisDataMember(e ast.Expression, name string) bool {
	d, ok := e.(*ast.DotExpression)
	return ok && d != nil && d.Identifier.Name.String() == name && isThisData(d.Left)
}

// isDataWrite reports whether an assignment target may change a data
// field: x.data = …, x.data[k] = …, x.version = ….
func isDataWrite(e ast.Expression) bool {
	switch e := e.(type) {
	case *ast.DotExpression:
		if e == nil {
			return false
		}
		name := e.Identifier.Name.String()
		return name == "data" || name == "version" || isDataMemberOf(e.Left)
	case *ast.BracketExpression:
		return e != nil && isDataMemberOf(e.Left)
	}
	return false
}

// isDataMemberOf reports whether e is x.data.
func isDataMemberOf(e ast.Expression) bool {
	d, ok := e.(*ast.DotExpression)
	return ok && d != nil && d.Identifier.Name.String() == "data"
}

// dataChanged reports whether a call may change a data field: x.setData(…)
// whose argument cannot be read or sets version (or a path under it), and
// Object.assign(x.data, …).
func dataChanged(n *ast.CallExpression) bool {
	if isMember(n.Callee, "Object", "assign") {
		return len(n.ArgumentList) > 0 && isDataMemberOf(n.ArgumentList[0])
	}
	d, ok := n.Callee.(*ast.DotExpression)
	if !ok || d == nil || d.Identifier.Name.String() != "setData" {
		return false
	}
	if len(n.ArgumentList) == 0 {
		return false
	}
	obj, ok := n.ArgumentList[0].(*ast.ObjectLiteral)
	if !ok || obj == nil {
		return true
	}
	for _, prop := range obj.Value {
		switch p := prop.(type) {
		case *ast.PropertyKeyed:
			key, ok := propertyName(p)
			if !ok || key == "version" || len(key) > len("version") && key[:len("version")] == "version" &&
				(key[len("version")] == '.' || key[len("version")] == '[') {
				return true
			}
		case *ast.PropertyShort:
			if p.Name.Name.String() == "version" {
				return true
			}
		default:
			return true
		}
	}
	return false
}
