package jsmod

import (
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
)

// off converts a goja position (1-based byte index) into a 0-based byte
// offset of the parsed text.
func off(idx file.Idx) int { return int(idx) - 1 }

// nodeSpan returns the span of n.
func nodeSpan(n ast.Node) genSpan {
	return genSpan{start: off(n.Idx0()), last: lastTokenStart(n), end: nodeEnd(n)}
}

// nodeEnd returns the end offset of n. goja computes the end of an
// identifier as its start plus the length of its name in goja's internal
// encoding, which for a non-ASCII name is UTF-16 with a marker, not the
// UTF-8 length in the text; nodeEnd corrects the end of nodes that end
// with such an identifier.
func nodeEnd(n ast.Node) int {
	end := off(n.Idx1())
	if id := endIdent(n); id != nil {
		end += len(id.Name.String()) - len(id.Name)
	}
	return end
}

// endIdent returns the identifier n ends with (as goja's Idx1 computes
// it), or nil.
func endIdent(n ast.Node) *ast.Identifier {
	switch n := n.(type) {
	case *ast.Identifier:
		return n
	case *ast.PrivateIdentifier:
		return &n.Identifier
	case *ast.DotExpression:
		return &n.Identifier
	case *ast.PrivateDotExpression:
		return &n.Identifier.Identifier
	case *ast.MetaProperty:
		return n.Property
	case *ast.AssignExpression:
		return endIdent(n.Right)
	case *ast.BinaryExpression:
		return endIdent(n.Right)
	case *ast.ConditionalExpression:
		return endIdent(n.Alternate)
	case *ast.SequenceExpression:
		return endIdent(n.Sequence[len(n.Sequence)-1])
	case *ast.UnaryExpression:
		return endIdent(n.Operand)
	case *ast.AwaitExpression:
		return endIdent(n.Argument)
	case *ast.YieldExpression:
		return endIdent(n.Argument)
	case *ast.SpreadElement:
		return endIdent(n.Expression)
	case *ast.OptionalChain:
		return endIdent(n.Expression)
	case *ast.Optional:
		return endIdent(n.Expression)
	case *ast.ArrowFunctionLiteral:
		return endIdent(n.Body)
	case *ast.ExpressionBody:
		return endIdent(n.Expression)
	case *ast.NewExpression:
		if n.ArgumentList == nil {
			return endIdent(n.Callee)
		}
	case *ast.PropertyShort:
		if n.Initializer != nil {
			return endIdent(n.Initializer)
		}
		return &n.Name
	case *ast.PropertyKeyed:
		return endIdent(n.Value)
	case *ast.Binding:
		if n.Initializer != nil {
			return endIdent(n.Initializer)
		}
		return endIdent(n.Target)
	}
	return nil
}

// callSpan returns the span of a call, from its callee to its ")".
func callSpan(n *ast.CallExpression) genSpan {
	return genSpan{start: off(n.Idx0()), last: off(n.RightParenthesis), end: off(n.Idx1())}
}

// propertySpan returns the span of a keyed property, from its key (or its
// value when that starts first, as "async" and "get" do) to its value's end.
func propertySpan(p *ast.PropertyKeyed) genSpan {
	s := nodeSpan(p)
	if v := off(p.Value.Idx0()); v < s.start {
		s.start = v
	}
	return s
}

// lastTokenStart returns the offset of the start of the last token of n,
// as far as the node types that end declarations and values tell; else
// the start of n.
func lastTokenStart(n ast.Node) int {
	switch n := n.(type) {
	case *ast.FunctionDeclaration:
		return lastTokenStart(n.Function)
	case *ast.ClassDeclaration:
		return off(n.Class.RightBrace)
	case *ast.FunctionLiteral:
		return off(n.Body.RightBrace)
	case *ast.ArrowFunctionLiteral:
		if b, ok := n.Body.(*ast.ExpressionBody); ok {
			return lastTokenStart(b.Expression)
		}
		return lastTokenStart(n.Body)
	case *ast.BlockStatement:
		return off(n.RightBrace)
	case *ast.ClassLiteral:
		return off(n.RightBrace)
	case *ast.ObjectLiteral:
		return off(n.RightBrace)
	case *ast.ArrayLiteral:
		return off(n.RightBracket)
	case *ast.CallExpression:
		return off(n.RightParenthesis)
	case *ast.BracketExpression:
		return off(n.RightBracket)
	case *ast.TemplateLiteral:
		return off(n.CloseQuote)
	case *ast.DotExpression:
		return off(n.Identifier.Idx)
	default:
		return lastOperandStart(n)
	}
}

// lastOperandStart handles the nodes whose last token is their last
// operand's.
func lastOperandStart(n ast.Node) int {
	switch n := n.(type) {
	case *ast.Binding:
		if n.Initializer != nil {
			return lastTokenStart(n.Initializer)
		}
		return lastTokenStart(n.Target)
	case *ast.AssignExpression:
		return lastTokenStart(n.Right)
	case *ast.BinaryExpression:
		return lastTokenStart(n.Right)
	case *ast.ConditionalExpression:
		return lastTokenStart(n.Alternate)
	case *ast.SequenceExpression:
		return lastTokenStart(n.Sequence[len(n.Sequence)-1])
	case *ast.UnaryExpression:
		if !n.Postfix {
			return lastTokenStart(n.Operand)
		}
	case *ast.AwaitExpression:
		return lastTokenStart(n.Argument)
	case *ast.PropertyKeyed:
		return lastTokenStart(n.Value)
	case *ast.PropertyShort:
		if n.Initializer != nil {
			return lastTokenStart(n.Initializer)
		}
	case *ast.NewExpression:
		if n.ArgumentList != nil {
			return off(n.RightParenthesis)
		}
		return lastTokenStart(n.Callee)
	}
	return off(n.Idx0())
}

// isIdent reports whether e is the identifier name.
func isIdent(e ast.Expression, name string) bool {
	id, ok := e.(*ast.Identifier)
	return ok && id != nil && id.Name.String() == name
}

// isMember reports whether e is obj.prop (obj an identifier).
func isMember(e ast.Expression, obj, prop string) bool {
	d, ok := e.(*ast.DotExpression)
	return ok && d != nil && d.Identifier.Name.String() == prop && isIdent(d.Left, obj)
}

// isModuleExports reports whether e is module.exports or module["exports"].
func isModuleExports(e ast.Expression) bool {
	if isMember(e, "module", "exports") {
		return true
	}
	b, ok := e.(*ast.BracketExpression)
	if !ok || b == nil || !isIdent(b.Left, "module") {
		return false
	}
	s, _, ok := staticString(b.Member)
	return ok && s == "exports"
}

// isExportsObject reports whether e is exports or module.exports.
func isExportsObject(e ast.Expression) bool {
	return isIdent(e, "exports") || isModuleExports(e)
}

// exportsMember reports whether e is a member of the exports object
// (exports.X, module.exports.X, exports["X"]), its name, and whether it is
// computed from something that is not a static string.
func exportsMember(e ast.Expression) (isExports bool, name string, computed bool) {
	switch e := e.(type) {
	case *ast.DotExpression:
		if isExportsObject(e.Left) {
			return true, e.Identifier.Name.String(), false
		}
	case *ast.BracketExpression:
		if isExportsObject(e.Left) {
			name, _, ok := staticString(e.Member)
			return true, name, !ok
		}
	}
	return false, "", false
}

// staticString returns the value and span of a string literal or a
// template literal without substitutions.
func staticString(e ast.Expression) (string, genSpan, bool) {
	switch e := e.(type) {
	case *ast.StringLiteral:
		s := off(e.Idx)
		return e.Value.String(), genSpan{start: s, last: s, end: off(e.Idx1())}, true
	case *ast.TemplateLiteral:
		if e.Tag != nil || len(e.Expressions) > 0 || len(e.Elements) != 1 {
			return "", genSpan{}, false
		}
		s := off(e.OpenQuote)
		return e.Elements[0].Parsed.String(), genSpan{start: s, last: s, end: off(e.CloseQuote) + 1}, true
	}
	return "", genSpan{}, false
}

// propertyName returns the name of a keyed property whose key is static.
func propertyName(p *ast.PropertyKeyed) (string, bool) {
	switch k := p.Key.(type) {
	case *ast.Identifier:
		if !p.Computed {
			return k.Name.String(), true
		}
	case *ast.StringLiteral:
		return k.Value.String(), true
	case *ast.NumberLiteral:
		if !p.Computed {
			return k.Literal, true
		}
	}
	return "", false
}
