package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/fpcheck/fpcheck/internal/i18n"
)

// parseFlags parses args with fs in the run's language: the flag package
// prints nothing (its errors and usage are English); a bad flag is said
// here, in its words or their Chinese, followed by usage, and -h or
// --help prints usage. The error is the flag package's.
func (c *Command) parseFlags(fs *flag.FlagSet, args []string, usage func()) error {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	err := fs.Parse(args)
	if err == nil {
		return nil
	}
	if !errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(c.Stderr, c.flagError(err).Localize(c.lang))
	}
	usage()
	return err
}

// The flag package's error messages (flag.go, FlagSet.parseOne).
var (
	flagUndefined   = regexp.MustCompile(`^flag provided but not defined: -(.*)$`)
	flagNeedsArg    = regexp.MustCompile(`^flag needs an argument: -(.*)$`)
	flagInvalid     = regexp.MustCompile(`^invalid value ("(?:[^"\\]|\\.)*") for flag -([^:]*): (.*)$`)
	flagInvalidBool = regexp.MustCompile(`^invalid boolean value ("(?:[^"\\]|\\.)*") for -([^:]*): (.*)$`)
	flagBadSyntax   = regexp.MustCompile(`^bad flag syntax: (.*)$`)
)

// flagError is the flag package's error err as a message: the known
// shapes have a text in both languages, any other is shown as it is.
func (c *Command) flagError(err error) i18n.Message {
	s := err.Error()
	if m := flagUndefined.FindStringSubmatch(s); m != nil {
		return msgs.New("flag.undefined", m[1])
	}
	if m := flagNeedsArg.FindStringSubmatch(s); m != nil {
		return msgs.New("flag.needs-arg", m[1])
	}
	for key, re := range map[string]*regexp.Regexp{"flag.invalid": flagInvalid, "flag.invalid-bool": flagInvalidBool} {
		if m := re.FindStringSubmatch(s); m != nil {
			if v, uerr := strconv.Unquote(m[1]); uerr == nil {
				return msgs.New(key, v, m[2], flagReason(m[3]))
			}
		}
	}
	if m := flagBadSyntax.FindStringSubmatch(s); m != nil {
		return msgs.New("flag.bad-syntax", m[1])
	}
	return i18n.Raw(s)
}

// flagReason is why a flag's value was refused: the flag package's two
// reasons for numbers in both languages, any other as it is.
func flagReason(s string) i18n.Message {
	switch s {
	case "parse error":
		return msgs.New("flag.parse-error")
	case "value out of range":
		return msgs.New("flag.out-of-range")
	}
	return i18n.Raw(s)
}

// printDefaults is flag.PrintDefaults in the run's language: the same
// layout, with "(default …)" translated.
func (c *Command) printDefaults(fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		var b strings.Builder
		fmt.Fprintf(&b, "  -%s", f.Name)
		name, usage := flag.UnquoteUsage(f)
		if name != "" {
			b.WriteString(" " + name)
		}
		if b.Len() <= 4 { // a one-letter boolean flag: on the same line
			b.WriteString("\t")
		} else {
			b.WriteString("\n    \t")
		}
		b.WriteString(strings.ReplaceAll(usage, "\n", "\n    \t"))
		if !isZeroValue(f) {
			if g, ok := f.Value.(flag.Getter); ok {
				if _, isString := g.Get().(string); isString {
					b.WriteString(c.t("flag.default-quoted", f.DefValue))
					fmt.Fprintln(c.Stderr, b.String())
					return
				}
			}
			b.WriteString(c.t("flag.default", f.DefValue))
		}
		fmt.Fprintln(c.Stderr, b.String())
	})
}

// isZeroValue reports whether f's default is its type's zero value, which
// PrintDefaults does not show (the flag package's test).
func isZeroValue(f *flag.Flag) bool {
	typ := reflect.TypeOf(f.Value)
	var z reflect.Value
	if typ.Kind() == reflect.Pointer {
		z = reflect.New(typ.Elem())
	} else {
		z = reflect.Zero(typ)
	}
	v, ok := reflect.TypeAssert[flag.Value](z)
	return ok && f.DefValue == v.String()
}
