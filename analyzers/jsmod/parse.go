package jsmod

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
	"github.com/evanw/esbuild/pkg/api"
	"github.com/go-sourcemap/sourcemap"

	"github.com/fpcheck/fpcheck/internal/i18n"
)

// esbuildTarget is the language level esbuild lowers to. ES2025 is the
// highest target whose output goja parses; "using" declarations and
// decorators are lowered below ESNext. Three features goja lacks even at
// ES2025 are switched off with esbuildUnsupported.
const esbuildTarget = api.ES2025

// esbuildUnsupported lists the features esbuild must lower for goja:
// import() (to Promise.resolve().then(() => require())), async generators
// and for await.
var esbuildUnsupported = map[string]bool{
	"dynamic-import":  false,
	"async-generator": false,
	"for-await":       false,
}

// Parse reads one file and returns its module facts, or a SyntaxError when
// the file cannot be analyzed. path is only used in messages; nothing is
// read from disk.
func Parse(path string, text []byte, opt Options) (*Module, *SyntaxError) {
	scan := scanText(text, opt.TypeScript)
	if scan.tooDeep >= 0 {
		return nil, &SyntaxError{Offset: scan.tooDeep, Message: msgs.New(errTooDeep), Limit: true}
	}
	m, err := parse(path, text, opt, scan)
	if m != nil {
		m.Comments = scan.comments
		m.detach()
	}
	return m, err
}

// detach copies the strings m keeps: the parsers' names and values are
// slices of the text they read, which would otherwise stay in memory as
// long as the module does.
func (m *Module) detach() {
	for i := range m.Deps {
		m.Deps[i].Specifier = strings.Clone(m.Deps[i].Specifier)
	}
	for i := range m.PluginPayments {
		p := &m.PluginPayments[i]
		p.Version, p.Via = strings.Clone(p.Version), strings.Clone(p.Via)
	}
	for i := range m.WxCalls {
		m.WxCalls[i].Name = strings.Clone(m.WxCalls[i].Name)
	}
	for i := range m.Exports {
		m.Exports[i].Name = strings.Clone(m.Exports[i].Name)
	}
}

// parse does the work of Parse once the scan has accepted the text.
func parse(path string, text []byte, opt Options, scan scanResult) (*Module, *SyntaxError) {
	if !opt.TypeScript && !scan.moduleSyntax {
		if prog, err := parseJS(path, scan.src); err == nil {
			return fromOriginal(prog)
		}
		// A construct goja lacks: esbuild decides.
	}
	if scan.tooCostly >= 0 {
		// Also for the ES modules esm.go reads without esbuild, so that
		// a file is read on either path or on neither.
		return nil, &SyntaxError{Offset: scan.tooCostly, Message: msgs.New(errFoldTooLong), Limit: true}
	}
	if !opt.TypeScript && scan.moduleSyntax && !opt.esbuildOnly && scan.esm != nil {
		if m := parseESM(path, text, scan.esm); m != nil {
			return m, nil
		}
		// Not certain (see esm.go): esbuild decides.
	}
	return parseTransformed(path, text, opt.TypeScript)
}

// parseJS parses src with goja. Source maps stay disabled: otherwise goja
// would read the file a "//# sourceMappingURL" comment names.
func parseJS(path, src string) (prog *ast.Program, err error) {
	defer func() {
		if r := recover(); r != nil {
			prog, err = nil, fmt.Errorf("goja parser failure: %v", r)
		}
	}()
	return parser.ParseFile(nil, path, src, 0, parser.WithDisableSourceMaps)
}

// fromOriginal builds the module of a file goja parsed directly: positions
// are already offsets into the original text.
func fromOriginal(prog *ast.Program) (*Module, *SyntaxError) {
	c, ok := collect(prog, false)
	if !ok {
		return nil, &SyntaxError{Offset: 0, Message: msgs.New(errTooDeep), Limit: true}
	}
	return moduleOf(c), nil
}

// moduleOf builds the module of what c collected in a text whose offsets
// are those of the original.
func moduleOf(c *collector) *Module {
	m := &Module{OpaqueExports: c.opaque}
	for _, d := range c.deps {
		m.Deps = append(m.Deps, Dep{
			Kind: d.kind, Specifier: d.spec, Start: d.lit.start, End: d.lit.end, TopLevel: d.topLevel,
		})
	}
	for _, s := range c.dyn {
		m.DynamicRequires = append(m.DynamicRequires, Span{Start: s.start, End: s.end})
	}
	for _, s := range c.apps {
		m.AppCalls = append(m.AppCalls, Span{Start: s.start, End: s.start + len("App")})
	}
	for _, p := range c.pays {
		m.PluginPayments = append(m.PluginPayments, PluginPayment{Version: p.value, Start: p.lit.start, End: p.lit.end, Via: p.via, Data: p.data})
	}
	for _, w := range c.wxs {
		m.WxCalls = append(m.WxCalls, WxCall{Name: w.name, Start: w.at, End: w.at + len(w.name)})
	}
	for _, e := range c.exps {
		x := Export{Name: e.name, Kind: e.kind, Start: e.at.start, End: e.at.end}
		x.setFunction(e.fn)
		m.Exports = append(m.Exports, x)
	}
	m.Exports = dedupeExports(m.Exports)
	return m
}

// parseTransformed runs esbuild, parses its CommonJS output with goja and
// maps the facts back to the original text.
//
// The text given to esbuild starts with one added space (unless the file
// starts with a "#!" line, which must stay first): go-sourcemap drops every
// mapping to line 1, column 0 (it takes them for empty segments), and with
// the space no token of the file sits there. Positions are computed in the
// padded text and shifted back at the end.
func parseTransformed(path string, text []byte, typeScript bool) (*Module, *SyntaxError) {
	pad := 1
	if bytes.HasPrefix(bytes.TrimPrefix(text, utf8BOM), []byte("#!")) {
		pad = 0
	}
	raw := make([]byte, 0, pad+len(text))
	raw = append(raw, " "[:pad]...)
	raw = append(raw, text...)
	padded := sanitizeUTF8(raw)
	lines := newLineTable(padded)
	res, failure := transform(path, padded, typeScript)
	if failure != nil {
		return nil, &SyntaxError{Offset: 0, Message: msgs.New("js.esbuild-failure", i18n.Raw(failure.Error()))}
	}
	if len(res.Errors) > 0 {
		e := esbuildError(res.Errors[0], lines)
		e.Offset = max(0, e.Offset-pad)
		return nil, e
	}
	gen := string(res.Code)
	m := &mapper{orig: padded, raw: raw, lines: lines, gen: gen, genLines: newLineTable(res.Code)}
	if sm, mapErr := sourcemap.Parse("", res.Map); mapErr == nil {
		m.sm = sm
	}
	prog, err := parseJS(path, gen)
	if err != nil {
		e := m.generatedError(err)
		e.Offset = max(0, e.Offset-pad)
		return nil, e
	}
	c, ok := collect(prog, true)
	if !ok {
		return nil, &SyntaxError{Offset: 0, Message: msgs.New(errTooDeep), Limit: true}
	}
	mod := m.module(c)
	mod.shift(-pad)
	return mod, nil
}

// sanitizeUTF8 returns text with every byte that is not part of valid UTF-8
// replaced by 0x01, or text itself when it is valid. esbuild loops forever
// on some invalid UTF-8 (a truncated sequence at the end of the file makes
// its JSON quoting of the source map stop advancing). 0x01 keeps offsets
// and UTF-16 columns (esbuild counts an invalid byte as one U+FFFD); it is
// allowed in strings, templates and comments and is an error elsewhere,
// as the invalid byte was.
func sanitizeUTF8(text []byte) []byte {
	if utf8.Valid(text) {
		return text
	}
	out := make([]byte, len(text))
	copy(out, text)
	for i := 0; i < len(out); {
		r, size := utf8.DecodeRune(out[i:])
		if r == utf8.RuneError && size == 1 {
			out[i] = 0x01
		}
		i += size
	}
	return out
}

// utf8BOM is the UTF-8 byte order mark.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// shift moves every offset of m by n, clamping at 0.
func (m *Module) shift(n int) {
	span := func(start, end *int) { *start, *end = max(0, *start+n), max(0, *end+n) }
	for i := range m.Deps {
		span(&m.Deps[i].Start, &m.Deps[i].End)
	}
	for i := range m.DynamicRequires {
		span(&m.DynamicRequires[i].Start, &m.DynamicRequires[i].End)
	}
	for i := range m.Exports {
		span(&m.Exports[i].Start, &m.Exports[i].End)
	}
	for i := range m.AppCalls {
		span(&m.AppCalls[i].Start, &m.AppCalls[i].End)
	}
	for i := range m.PluginPayments {
		span(&m.PluginPayments[i].Start, &m.PluginPayments[i].End)
	}
	for i := range m.WxCalls {
		span(&m.WxCalls[i].Start, &m.WxCalls[i].End)
	}
}

// transform runs esbuild's transform on text, turning any panic into
// failure, whose text is the panic's value.
func transform(path string, text []byte, typeScript bool) (res api.TransformResult, failure error) {
	defer func() {
		if r := recover(); r != nil {
			failure = fmt.Errorf("%v", r)
		}
	}()
	loader := api.LoaderJS
	if typeScript {
		loader = api.LoaderTS
	}
	return api.Transform(string(text), api.TransformOptions{
		Loader:         loader,
		Format:         api.FormatCommonJS,
		Sourcemap:      api.SourceMapExternal,
		SourcesContent: api.SourcesContentExclude,
		Sourcefile:     path,
		Charset:        api.CharsetUTF8,
		Target:         esbuildTarget,
		Supported:      esbuildUnsupported,
		LogLevel:       api.LogLevelSilent,
	}), nil
}

// esbuildError converts esbuild's first error. Its location has a 1-based
// line and a 0-based column in bytes.
func esbuildError(msg api.Message, lines *lineTable) *SyntaxError {
	e := &SyntaxError{Message: esbuildMessage(msg.Text)}
	if loc := msg.Location; loc != nil {
		e.Offset = lines.offsetBytes(loc.Line, loc.Column)
	}
	return e
}

// generatedError converts goja's failure to parse esbuild's output (which
// should not happen) into a SyntaxError at the mapped position.
func (m *mapper) generatedError(err error) *SyntaxError {
	e := &SyntaxError{Message: msgs.New("js.esbuild-output", i18n.Raw(err.Error()))}
	if at, msg, ok := gojaErrorOffset(err, m.genLines); ok {
		e.Message = msgs.New("js.esbuild-output", i18n.Raw(msg))
		if o, ok := m.toOrig(at); ok {
			e.Offset = o
		}
	}
	return e
}

// dedupeExports keeps the last definition of each name (a later assignment
// replaces an earlier one), in the order of the kept definitions.
func dedupeExports(list []Export) []Export {
	last := map[string]int{}
	for i, e := range list {
		last[e.Name] = i
	}
	var out []Export
	for i, e := range list {
		if last[e.Name] == i {
			out = append(out, e)
		}
	}
	return out
}

// gojaErrorOffset converts the position of goja's first error into a byte
// offset of the text lines index (goja reports a 1-based line and a 1-based
// byte column), and returns its message.
func gojaErrorOffset(err error, lines *lineTable) (int, string, bool) {
	var list parser.ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		return 0, "", false
	}
	p := list[0].Position
	return lines.offsetBytes(p.Line, p.Column-1), list[0].Message, true
}

// setFunction records what is known of the function an export is.
func (x *Export) setFunction(fn *fnInfo) {
	x.Params = -1
	if fn != nil {
		x.Params, x.UsesArguments = fn.params, fn.usesArguments
	}
}
