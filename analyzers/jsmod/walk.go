package jsmod

import (
	"reflect"
	"slices"

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
	// shadowed counts, per platform global (require, requirePlugin), the
	// enclosing scopes that bind the name locally; see bound.
	shadowed map[string]int
	// topNames are names bound at the top level that the program's
	// statements do not declare (an ES module's imports).
	topNames []string
}

// platformGlobals are the names whose calls are dependencies only when
// they are the platform's own: a bundle that passes its own require to
// each module (function (require, module, exports) {…}) looks its
// specifiers up in a map of its own.
var platformGlobals = []string{"require", "requirePlugin", "App", "wx"}

// bound reports whether name is bound by a scope around the current node
// (a parameter, a var, let, const, function or class declaration), so that
// a call of it is not the platform's.
func (w *walker) bound(name string) bool { return w.shadowed[name] > 0 }

// scope walks f inside a scope that binds names: the platform globals it
// binds are shadowed while f runs.
func (w *walker) scope(names []string, f func()) {
	var hit []string
	for _, g := range platformGlobals {
		if slices.Contains(names, g) {
			hit = append(hit, g)
		}
	}
	if len(hit) == 0 {
		f()
		return
	}
	if w.shadowed == nil {
		w.shadowed = map[string]int{}
	}
	for _, g := range hit {
		w.shadowed[g]++
	}
	f()
	for _, g := range hit {
		w.shadowed[g]--
	}
}

// isNil reports whether n is nil or a typed nil pointer.
func isNil(n ast.Node) bool {
	return n == nil || reflect.ValueOf(n).IsNil()
}

// node walks any node.
func (w *walker) node(n ast.Node) {
	if isNil(n) {
		return
	}
	if w.depth >= maxWalkDepth {
		w.tooDeep = true
		return
	}
	w.depth++
	if w.v.enter(n, w) {
		w.children(n)
	}
	w.depth--
}

// children walks the children of n.
func (w *walker) children(n ast.Node) {
	if !w.statement(n) && !w.expression(n) {
		w.other(n)
	}
}

// nodes walks a list of nodes.
func nodes[T ast.Node](w *walker, list []T) {
	for _, n := range list {
		w.node(n)
	}
}

// inFunction walks f's children as the inside of a function.
func (w *walker) inFunction(f func()) {
	w.fnDepth++
	f()
	w.fnDepth--
}

// statement walks the children of statement n and reports whether n was one.
func (w *walker) statement(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.BlockStatement:
		nodes(w, n.List)
	case *ast.CaseStatement:
		w.node(n.Test)
		nodes(w, n.Consequent)
	case *ast.CatchStatement:
		w.node(n.Parameter)
		w.node(n.Body)
	case *ast.DoWhileStatement:
		w.node(n.Body)
		w.node(n.Test)
	case *ast.ExpressionStatement:
		w.node(n.Expression)
	case *ast.ForInStatement:
		w.node(n.Into)
		w.node(n.Source)
		w.node(n.Body)
	case *ast.ForOfStatement:
		w.node(n.Into)
		w.node(n.Source)
		w.node(n.Body)
	case *ast.ForStatement:
		w.node(n.Initializer)
		w.node(n.Test)
		w.node(n.Update)
		w.node(n.Body)
	case *ast.IfStatement:
		w.node(n.Test)
		w.node(n.Consequent)
		w.node(n.Alternate)
	case *ast.LabelledStatement:
		w.node(n.Label)
		w.node(n.Statement)
	case *ast.ReturnStatement:
		w.node(n.Argument)
	case *ast.SwitchStatement:
		w.node(n.Discriminant)
		nodes(w, n.Body)
	case *ast.ThrowStatement:
		w.node(n.Argument)
	case *ast.TryStatement:
		w.node(n.Body)
		w.node(n.Catch)
		w.node(n.Finally)
	case *ast.VariableStatement:
		nodes(w, n.List)
	case *ast.LexicalDeclaration:
		nodes(w, n.List)
	case *ast.WhileStatement:
		w.node(n.Test)
		w.node(n.Body)
	case *ast.WithStatement:
		w.node(n.Object)
		w.node(n.Body)
	case *ast.FunctionDeclaration:
		w.node(n.Function)
	case *ast.ClassDeclaration:
		w.node(n.Class)
	case *ast.BranchStatement:
		w.node(n.Label)
	case *ast.BadStatement, *ast.DebuggerStatement, *ast.EmptyStatement:
	default:
		return false
	}
	return true
}

// expression walks the children of expression n and reports whether n was
// one.
func (w *walker) expression(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.ArrayLiteral:
		nodes(w, n.Value)
	case *ast.ArrayPattern:
		nodes(w, n.Elements)
		w.node(n.Rest)
	case *ast.AssignExpression:
		w.node(n.Left)
		w.node(n.Right)
	case *ast.AwaitExpression:
		w.node(n.Argument)
	case *ast.BinaryExpression:
		w.binary(n)
	case *ast.BracketExpression:
		w.node(n.Left)
		w.node(n.Member)
	case *ast.CallExpression:
		w.node(n.Callee)
		nodes(w, n.ArgumentList)
	case *ast.ConditionalExpression:
		w.node(n.Test)
		w.node(n.Consequent)
		w.node(n.Alternate)
	case *ast.DotExpression:
		w.node(n.Left)
	case *ast.PrivateDotExpression:
		w.node(n.Left)
	case *ast.OptionalChain:
		w.node(n.Expression)
	case *ast.Optional:
		w.node(n.Expression)
	case *ast.FunctionLiteral:
		w.node(n.Name)
		names := scopeNames(n.ParameterList, n.DeclarationList, n.Body)
		if n.Name != nil {
			names = append(names, n.Name.Name.String())
		}
		w.scope(names, func() {
			w.inFunction(func() {
				w.node(n.ParameterList)
				w.node(n.Body)
			})
		})
	case *ast.ArrowFunctionLiteral:
		var body *ast.BlockStatement
		if b, ok := n.Body.(*ast.BlockStatement); ok {
			body = b
		}
		w.scope(scopeNames(n.ParameterList, n.DeclarationList, body), func() {
			w.inFunction(func() {
				w.node(n.ParameterList)
				w.node(n.Body)
			})
		})
	case *ast.ClassLiteral:
		w.node(n.Name)
		w.node(n.SuperClass)
		nodes(w, n.Body)
	case *ast.NewExpression:
		w.node(n.Callee)
		nodes(w, n.ArgumentList)
	case *ast.ObjectLiteral:
		nodes(w, n.Value)
	case *ast.ObjectPattern:
		nodes(w, n.Properties)
		w.node(n.Rest)
	case *ast.PropertyShort:
		w.node(&n.Name)
		w.node(n.Initializer)
	case *ast.PropertyKeyed:
		w.node(n.Key)
		w.node(n.Value)
	case *ast.SpreadElement:
		w.node(n.Expression)
	case *ast.SequenceExpression:
		nodes(w, n.Sequence)
	case *ast.TemplateLiteral:
		w.template(n)
	case *ast.UnaryExpression:
		w.node(n.Operand)
	case *ast.YieldExpression:
		w.node(n.Argument)
	case *ast.Binding:
		w.node(n.Target)
		w.node(n.Initializer)
	case *ast.MetaProperty:
		w.node(n.Meta)
		w.node(n.Property)
	case *ast.BadExpression, *ast.BooleanLiteral, *ast.Identifier, *ast.PrivateIdentifier,
		*ast.NullLiteral, *ast.NumberLiteral, *ast.RegExpLiteral, *ast.StringLiteral,
		*ast.TemplateElement, *ast.ThisExpression, *ast.SuperExpression:
	default:
		return false
	}
	return true
}

// other walks the children of the nodes that are neither statements nor
// expressions.
func (w *walker) other(n ast.Node) {
	switch n := n.(type) {
	case *ast.ParameterList:
		nodes(w, n.List)
		w.node(n.Rest)
	case *ast.ExpressionBody:
		w.node(n.Expression)
	case *ast.FieldDefinition:
		w.node(n.Key)
		if n.Static {
			w.node(n.Initializer) // runs when the class is defined
		} else {
			w.inFunction(func() { w.node(n.Initializer) }) // runs in the constructor
		}
	case *ast.MethodDefinition:
		w.node(n.Key)
		w.node(n.Body)
	case *ast.ClassStaticBlock:
		w.node(n.Block)
	case *ast.ForLoopInitializerExpression:
		w.node(n.Expression)
	case *ast.ForLoopInitializerVarDeclList:
		nodes(w, n.List)
	case *ast.ForLoopInitializerLexicalDecl:
		w.node(&n.LexicalDeclaration)
	case *ast.ForIntoVar:
		w.node(n.Binding)
	case *ast.ForDeclaration:
		w.node(n.Target)
	case *ast.ForIntoExpression:
		w.node(n.Expression)
	case *ast.VariableDeclaration:
		nodes(w, n.List)
	case *ast.Program:
		names := scopeNames(nil, n.DeclarationList, &ast.BlockStatement{List: n.Body})
		w.scope(append(names, w.topNames...), func() {
			nodes(w, n.Body)
		})
	}
}

// binary walks a chain of binary expressions iteratively down its left
// spine, so that "a + b + c + ..." with thousands of operands does not
// recurse thousands of times.
func (w *walker) binary(n *ast.BinaryExpression) {
	rights := []ast.Expression{n.Right}
	cur := n.Left
	for {
		b, ok := cur.(*ast.BinaryExpression)
		if !ok || b == nil || !w.v.enter(b, w) {
			break
		}
		rights = append(rights, b.Right)
		cur = b.Left
	}
	// When enter returned false for a binary expression, skip its children
	// and walk the rest.
	if b, ok := cur.(*ast.BinaryExpression); !ok || b == nil {
		w.node(cur)
	}
	for _, r := range slices.Backward(rights) {
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

// scopeNames lists the names a function (or the program) binds: its
// parameters, its var declarations (goja hoists them into decls), and the
// function, class, let and const declarations directly in its body.
// Declarations in nested blocks are not seen, which only ever leaves a
// call reported as the platform's.
func scopeNames(params *ast.ParameterList, decls []*ast.VariableDeclaration, body *ast.BlockStatement) []string {
	var names []string
	if params != nil {
		for _, b := range params.List {
			names = patternNames(b, names)
		}
		names = patternNames(params.Rest, names)
	}
	for _, d := range decls {
		for _, b := range d.List {
			names = patternNames(b, names)
		}
	}
	if body == nil {
		return names
	}
	for _, st := range body.List {
		switch st := st.(type) {
		case *ast.FunctionDeclaration:
			if st.Function != nil && st.Function.Name != nil {
				names = append(names, st.Function.Name.Name.String())
			}
		case *ast.ClassDeclaration:
			if st.Class != nil && st.Class.Name != nil {
				names = append(names, st.Class.Name.Name.String())
			}
		case *ast.LexicalDeclaration:
			for _, b := range st.List {
				names = patternNames(b, names)
			}
		}
	}
	return names
}
