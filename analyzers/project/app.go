package project

import (
	"path"

	"github.com/fpcheck/fpcheck/analyzers/jsonpos"
)

// FunctionalPagesMode is how app.json's "functionalPages" is set.
type FunctionalPagesMode int

// The forms of "functionalPages".
const (
	// FPAbsent: no "functionalPages" key (or no parsable app.json).
	FPAbsent FunctionalPagesMode = iota
	// FPLegacy: "functionalPages": true.
	FPLegacy
	// FPIndependent: {"independent": true}, the current form.
	FPIndependent
	// FPShared: {"independent": false}; like the legacy form, the
	// directory is not loaded on its own.
	FPShared
	// FPInvalid: any other value; the official compiler rejects it.
	FPInvalid
	// FPOff: "functionalPages": false, which the compiler accepts:
	// functional pages switched off.
	FPOff
)

// Enabled reports whether functional pages are switched on in a form the
// compiler accepts.
func (m FunctionalPagesMode) Enabled() bool {
	return m == FPLegacy || m == FPIndependent || m == FPShared
}

// App is the facts fpcheck reads from the mini-program's app.json.
type App struct {
	// File is app.json; nil when there is no mini-program root. File.JSON
	// is nil when app.json could not be parsed.
	File *File
	// FunctionalPages is the value of "functionalPages" (may not exist).
	FunctionalPages jsonpos.Value
	Mode            FunctionalPagesMode
	// ResolveAlias maps "@/*" style keys to root-relative "/x/*" values.
	ResolveAlias map[string]string
	// Packages are the code packages: the main package first, then the
	// subpackages in declaration order, then functional pages, workers,
	// the open data context and the plugin.
	Packages []*Package
	// SubpackagesKey is the "subpackages" value the compiler uses (or
	// "subPackages" when that is the only one); BothSubpackageKeys is set
	// when both keys are present (the compiler silently drops subPackages).
	SubpackagesKey     jsonpos.Value
	BothSubpackageKeys bool
	SubpackageDecls    []SubpackageDecl

	byRoot map[string]*Package // see PackageOf
}

// FunctionalPagesDir is the functional-pages directory of the mini-program
// root (project-relative).
func (p *Project) FunctionalPagesDir() string {
	return path.Join(p.MiniRoot, "functional-pages")
}

// App returns the facts of app.json; computed once by Load.
func (p *Project) App() *App { return p.app }

func (p *Project) readApp() {
	a := &App{ResolveAlias: map[string]string{}}
	p.app = a
	if !p.HasMini {
		p.readPackages(jsonpos.Value{})
		return
	}
	a.File = p.Files[path.Join(p.MiniRoot, "app.json")]
	if a.File == nil || a.File.JSON == nil {
		p.readPackages(jsonpos.Value{})
		return
	}
	root := a.File.JSON.Root()
	a.FunctionalPages = root.Get("functionalPages")
	a.Mode = classifyFunctionalPages(a.FunctionalPages)
	for _, m := range root.Get("resolveAlias").Members() {
		if m.Value.Kind() == jsonpos.String && !m.Duplicate {
			a.ResolveAlias[m.Key] = m.Value.Str()
		}
	}
	p.readPackages(root)
}

func classifyFunctionalPages(v jsonpos.Value) FunctionalPagesMode {
	if !v.Exists() {
		return FPAbsent
	}
	if b, ok := v.Bool(); ok {
		if b {
			return FPLegacy
		}
		return FPOff
	}
	if v.Kind() != jsonpos.Object {
		return FPInvalid
	}
	members := v.Members()
	if len(members) == 0 {
		return FPInvalid
	}
	mode := FPInvalid
	for _, m := range members {
		if m.Key != "independent" {
			return FPInvalid
		}
		b, ok := m.Value.Bool()
		if !ok {
			return FPInvalid
		}
		if !m.Duplicate {
			mode = FPShared
			if b {
				mode = FPIndependent
			}
		}
	}
	return mode
}
