package jsmod

import (
	"reflect"

	"github.com/dop251/goja/ast"
)

// maxWalkDepth bounds the recursion of the walker. checkNesting keeps real
// input far below it (long left-assoc operator chains are walked
// iteratively); it is a safety net for generated code.
const maxWalkDepth = 20000

// visitor is told about every node the walker reaches, in source order.
// enter returns false to skip the node's children.
type visitor interface {
	enter(n ast.Node, w *walker) bool
}

// walker visits every node of a goja AST. goja has no walker of its own.
type walker struct {
	v visitor
	// fnDepth counts the function bodies (and parameter lists and class
	// field initializers, which run when a function or constructor runs)
	// around the current node; 0 means top level.
	fnDepth int
	depth   int
	// tooDeep is set when the tree nests beyond maxWalkDepth; the walk
	// then stops descending.
	tooDeep bool
	// shadowed counts, per platform global (require, requirePlugin, App,
	// wx, in the order of platformGlobals), the enclosing scopes that bind
	// the name locally; see bound.
	shadowed [len(platformGlobals)]int
	// topNames are names bound at the top level that the program's
	// statements do not declare (an ES module's imports).
	topNames []string
	// rights is the stack of the right operands binary has yet to walk.
	rights []ast.Expression
}

// platformGlobals are the names whose calls are dependencies only when
// they are the platform's own: a bundle that passes its own require to
// each module (function (require, module, exports) {…}) looks its
// specifiers up in a map of its own.
var platformGlobals = [...]string{"require", "requirePlugin", "App", "wx"}

// globalMask is a set of platformGlobals, bit i for platformGlobals[i].
type globalMask uint8

// globalBit returns the bit of the platform global name, 0 for any other
// name.
func globalBit(name string) globalMask {
	switch name {
	case "require":
		return 1 << 0
	case "requirePlugin":
		return 1 << 1
	case "App":
		return 1 << 2
	case "wx":
		return 1 << 3
	}
	return 0
}

// bound reports whether name is bound by a scope around the current node
// (a parameter, a var, let, const, function or class declaration), so that
// a call of it is not the platform's.
func (w *walker) bound(name string) bool {
	for i, g := range platformGlobals {
		if g == name {
			return w.shadowed[i] > 0
		}
	}
	return false
}

// shadow enters a scope that binds the platform globals of m.
func (w *walker) shadow(m globalMask) {
	for i := range w.shadowed {
		if m&(1<<i) != 0 {
			w.shadowed[i]++
		}
	}
}

// unshadow leaves the scope shadow entered.
func (w *walker) unshadow(m globalMask) {
	for i := range w.shadowed {
		if m&(1<<i) != 0 {
			w.shadowed[i]--
		}
	}
}

// enter checks the depth bound and tells the visitor about n. It reports
// whether n's children are to be walked; then the caller walks them and
// decrements w.depth.
func (w *walker) enter(n ast.Node) bool {
	if w.depth >= maxWalkDepth {
		w.tooDeep = true
		return false
	}
	w.depth++
	if !w.v.enter(n, w) {
		w.depth--
		return false
	}
	return true
}

// node walks any node: nil and typed nil pointers are skipped. One type
// switch finds both whether n is nil and what its children are.
func (w *walker) node(n ast.Node) {
	switch n := n.(type) {
	case nil:
		return

	// Statements.
	case *ast.BlockStatement:
		if n == nil || !w.enter(n) {
			return
		}
		nodes(w, n.List)
	case *ast.CaseStatement:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Test)
		nodes(w, n.Consequent)
	case *ast.CatchStatement:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Parameter)
		w.node(n.Body)
	case *ast.DoWhileStatement:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Body)
		w.node(n.Test)
	case *ast.ExpressionStatement:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Expression)
	case *ast.ForInStatement:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Into)
		w.node(n.Source)
		w.node(n.Body)
	case *ast.ForOfStatement:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Into)
		w.node(n.Source)
		w.node(n.Body)
	case *ast.ForStatement:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Initializer)
		w.node(n.Test)
		w.node(n.Update)
		w.node(n.Body)
	case *ast.IfStatement:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Test)
		w.node(n.Consequent)
		w.node(n.Alternate)
	case *ast.LabelledStatement:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Label)
		w.node(n.Statement)
	case *ast.ReturnStatement:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Argument)
	case *ast.SwitchStatement:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Discriminant)
		nodes(w, n.Body)
	case *ast.ThrowStatement:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Argument)
	case *ast.TryStatement:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Body)
		w.node(n.Catch)
		w.node(n.Finally)
	case *ast.VariableStatement:
		if n == nil || !w.enter(n) {
			return
		}
		nodes(w, n.List)
	case *ast.LexicalDeclaration:
		if n == nil || !w.enter(n) {
			return
		}
		nodes(w, n.List)
	case *ast.WhileStatement:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Test)
		w.node(n.Body)
	case *ast.WithStatement:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Object)
		w.node(n.Body)
	case *ast.FunctionDeclaration:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Function)
	case *ast.ClassDeclaration:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Class)
	case *ast.BranchStatement:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Label)
	case *ast.BadStatement:
		if n == nil || !w.enter(n) {
			return
		}
	case *ast.DebuggerStatement:
		if n == nil || !w.enter(n) {
			return
		}
	case *ast.EmptyStatement:
		if n == nil || !w.enter(n) {
			return
		}

	// Expressions.
	case *ast.ArrayLiteral:
		if n == nil || !w.enter(n) {
			return
		}
		nodes(w, n.Value)
	case *ast.ArrayPattern:
		if n == nil || !w.enter(n) {
			return
		}
		nodes(w, n.Elements)
		w.node(n.Rest)
	case *ast.AssignExpression:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Left)
		w.node(n.Right)
	case *ast.AwaitExpression:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Argument)
	case *ast.BinaryExpression:
		if n == nil || !w.enter(n) {
			return
		}
		w.binary(n)
	case *ast.BracketExpression:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Left)
		w.node(n.Member)
	case *ast.CallExpression:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Callee)
		nodes(w, n.ArgumentList)
	case *ast.ConditionalExpression:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Test)
		w.node(n.Consequent)
		w.node(n.Alternate)
	case *ast.DotExpression:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Left)
	case *ast.PrivateDotExpression:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Left)
	case *ast.OptionalChain:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Expression)
	case *ast.Optional:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Expression)
	case *ast.FunctionLiteral:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Name)
		m := scopeMask(n.ParameterList, n.DeclarationList, n.Body)
		if n.Name != nil {
			m |= globalBit(n.Name.Name.String())
		}
		w.function(m, n.ParameterList, n.Body)
	case *ast.ArrowFunctionLiteral:
		if n == nil || !w.enter(n) {
			return
		}
		var body *ast.BlockStatement
		if b, ok := n.Body.(*ast.BlockStatement); ok {
			body = b
		}
		w.function(scopeMask(n.ParameterList, n.DeclarationList, body), n.ParameterList, n.Body)
	case *ast.ClassLiteral:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Name)
		w.node(n.SuperClass)
		nodes(w, n.Body)
	case *ast.NewExpression:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Callee)
		nodes(w, n.ArgumentList)
	case *ast.ObjectLiteral:
		if n == nil || !w.enter(n) {
			return
		}
		nodes(w, n.Value)
	case *ast.ObjectPattern:
		if n == nil || !w.enter(n) {
			return
		}
		nodes(w, n.Properties)
		w.node(n.Rest)
	case *ast.PropertyShort:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(&n.Name)
		w.node(n.Initializer)
	case *ast.PropertyKeyed:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Key)
		w.node(n.Value)
	case *ast.SpreadElement:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Expression)
	case *ast.SequenceExpression:
		if n == nil || !w.enter(n) {
			return
		}
		nodes(w, n.Sequence)
	case *ast.TemplateLiteral:
		if n == nil || !w.enter(n) {
			return
		}
		w.template(n)
	case *ast.UnaryExpression:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Operand)
	case *ast.YieldExpression:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Argument)
	case *ast.Binding:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Target)
		w.node(n.Initializer)
	case *ast.MetaProperty:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Meta)
		w.node(n.Property)
	case *ast.Identifier:
		if n == nil || !w.enter(n) {
			return
		}
	case *ast.StringLiteral:
		if n == nil || !w.enter(n) {
			return
		}
	case *ast.NumberLiteral:
		if n == nil || !w.enter(n) {
			return
		}
	case *ast.BooleanLiteral:
		if n == nil || !w.enter(n) {
			return
		}
	case *ast.NullLiteral:
		if n == nil || !w.enter(n) {
			return
		}
	case *ast.ThisExpression:
		if n == nil || !w.enter(n) {
			return
		}
	case *ast.TemplateElement:
		if n == nil || !w.enter(n) {
			return
		}
	case *ast.RegExpLiteral:
		if n == nil || !w.enter(n) {
			return
		}
	case *ast.BadExpression:
		if n == nil || !w.enter(n) {
			return
		}
	case *ast.PrivateIdentifier:
		if n == nil || !w.enter(n) {
			return
		}
	case *ast.SuperExpression:
		if n == nil || !w.enter(n) {
			return
		}

	// Neither statements nor expressions.
	case *ast.ParameterList:
		if n == nil || !w.enter(n) {
			return
		}
		nodes(w, n.List)
		w.node(n.Rest)
	case *ast.ExpressionBody:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Expression)
	case *ast.FieldDefinition:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Key)
		if n.Static {
			w.node(n.Initializer) // runs when the class is defined
		} else {
			w.fnDepth++ // runs in the constructor
			w.node(n.Initializer)
			w.fnDepth--
		}
	case *ast.MethodDefinition:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Key)
		w.node(n.Body)
	case *ast.ClassStaticBlock:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Block)
	case *ast.ForLoopInitializerExpression:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Expression)
	case *ast.ForLoopInitializerVarDeclList:
		if n == nil || !w.enter(n) {
			return
		}
		nodes(w, n.List)
	case *ast.ForLoopInitializerLexicalDecl:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(&n.LexicalDeclaration)
	case *ast.ForIntoVar:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Binding)
	case *ast.ForDeclaration:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Target)
	case *ast.ForIntoExpression:
		if n == nil || !w.enter(n) {
			return
		}
		w.node(n.Expression)
	case *ast.VariableDeclaration:
		if n == nil || !w.enter(n) {
			return
		}
		nodes(w, n.List)
	case *ast.Program:
		if n == nil || !w.enter(n) {
			return
		}
		m := programMask(n.DeclarationList, n.Body)
		for _, name := range w.topNames {
			m |= globalBit(name)
		}
		w.shadow(m)
		nodes(w, n.Body)
		w.unshadow(m)

	default:
		// A node of another type has no children the walker knows of.
		if reflect.ValueOf(n).IsNil() || !w.enter(n) {
			return
		}
	}
	w.depth--
}

// function walks a function's parameters and body: inside a function,
// in a scope that binds the platform globals of m.
func (w *walker) function(m globalMask, params *ast.ParameterList, body ast.Node) {
	w.shadow(m)
	w.fnDepth++
	w.node(params)
	w.node(body)
	w.fnDepth--
	w.unshadow(m)
}

// nodes walks a list of nodes.
func nodes[T ast.Node](w *walker, list []T) {
	for _, n := range list {
		w.node(n)
	}
}

// binary walks a chain of binary expressions iteratively down its left
// spine, so that "a + b + c + ..." with thousands of operands does not
// recurse thousands of times. The right operands wait on w.rights.
func (w *walker) binary(n *ast.BinaryExpression) {
	base := len(w.rights)
	w.rights = append(w.rights, n.Right)
	cur := n.Left
	for {
		b, ok := cur.(*ast.BinaryExpression)
		if !ok || b == nil || !w.v.enter(b, w) {
			break
		}
		w.rights = append(w.rights, b.Right)
		cur = b.Left
	}
	// When enter returned false for a binary expression, skip its children
	// and walk the rest.
	if b, ok := cur.(*ast.BinaryExpression); !ok || b == nil {
		w.node(cur)
	}
	for i := len(w.rights) - 1; i >= base; i-- {
		r := w.rights[i]
		w.rights = w.rights[:i]
		w.node(r)
	}
}

// template walks a template literal's tag, then its text and substitutions
// in source order.
func (w *walker) template(n *ast.TemplateLiteral) {
	w.node(n.Tag)
	for i, el := range n.Elements {
		w.node(el)
		if i < len(n.Expressions) {
			w.node(n.Expressions[i])
		}
	}
	for i := len(n.Elements); i < len(n.Expressions); i++ {
		w.node(n.Expressions[i])
	}
}

// scopeMask is the set of platform globals a function (or the program)
// binds: among its parameters, its var declarations (goja hoists them into
// decls), and the function, class, let and const declarations directly in
// its body. Declarations in nested blocks are not seen, which only ever
// leaves a call reported as the platform's.
func scopeMask(params *ast.ParameterList, decls []*ast.VariableDeclaration, body *ast.BlockStatement) globalMask {
	var m globalMask
	if params != nil {
		for _, b := range params.List {
			m |= patternMask(b)
		}
		m |= patternMask(params.Rest)
	}
	m |= declsMask(decls)
	if body != nil {
		m |= statementsMask(body.List)
	}
	return m
}

// programMask is scopeMask for a program: its var declarations and the
// declarations directly in its body.
func programMask(decls []*ast.VariableDeclaration, body []ast.Statement) globalMask {
	return declsMask(decls) | statementsMask(body)
}

// declsMask is the set of platform globals var declarations bind.
func declsMask(decls []*ast.VariableDeclaration) globalMask {
	var m globalMask
	for _, d := range decls {
		for _, b := range d.List {
			m |= patternMask(b)
		}
	}
	return m
}

// statementsMask is the set of platform globals the function, class, let
// and const declarations of list bind.
func statementsMask(list []ast.Statement) globalMask {
	var m globalMask
	for _, st := range list {
		switch st := st.(type) {
		case *ast.FunctionDeclaration:
			if st.Function != nil && st.Function.Name != nil {
				m |= globalBit(st.Function.Name.Name.String())
			}
		case *ast.ClassDeclaration:
			if st.Class != nil && st.Class.Name != nil {
				m |= globalBit(st.Class.Name.Name.String())
			}
		case *ast.LexicalDeclaration:
			for _, b := range st.List {
				m |= patternMask(b)
			}
		}
	}
	return m
}

// patternMask is the set of platform globals among the names the
// destructuring pattern e binds (see patternNames).
func patternMask(e ast.Expression) globalMask {
	switch e := e.(type) {
	case *ast.Identifier:
		if e != nil {
			return globalBit(e.Name.String())
		}
	case *ast.ArrayPattern:
		var m globalMask
		for _, el := range e.Elements {
			m |= patternMask(el)
		}
		return m | patternMask(e.Rest)
	case *ast.ObjectPattern:
		var m globalMask
		for _, p := range e.Properties {
			switch p := p.(type) {
			case *ast.PropertyShort:
				m |= globalBit(p.Name.Name.String())
			case *ast.PropertyKeyed:
				m |= patternMask(p.Value)
			}
		}
		return m | patternMask(e.Rest)
	case *ast.AssignExpression:
		return patternMask(e.Left)
	case *ast.Binding:
		return patternMask(e.Target)
	}
	return 0
}
