package i18n

import (
	"fmt"
	"strconv"
)

// Verbs returns the fmt verb each argument of format is printed with, by
// argument index (0-based), following fmt's rules for explicit indexes
// (%[2]s) and * widths. Two texts of one message must agree on it; an
// argument printed twice must use one verb.
func Verbs(format string) (map[int]rune, error) {
	out, _, err := verbs(format)
	return out, err
}

// verbs is Verbs, and also which arguments are printed with flags, a width
// or a precision somewhere (%-8s, %010v): padded.
func verbs(format string) (out map[int]rune, padded map[int]bool, err error) {
	out, padded = map[int]rune{}, map[int]bool{}
	arg := 0
	use := func(i int, v rune) error {
		if old, ok := out[i]; ok && old != v {
			return fmt.Errorf("argument %d is printed with %%%c and %%%c", i+1, old, v)
		}
		out[i] = v
		return nil
	}
	index := func(s string, i int) (int, int, error) {
		// s[i] == '['
		j := i + 1
		for j < len(s) && s[j] != ']' {
			j++
		}
		if j == len(s) {
			return 0, 0, fmt.Errorf("unclosed [ in %q", s)
		}
		n, err := strconv.Atoi(s[i+1 : j])
		if err != nil || n < 1 {
			return 0, 0, fmt.Errorf("bad argument index %q", s[i:j+1])
		}
		return n - 1, j + 1, nil
	}
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			continue
		}
		start := i
		for i < len(format) && (format[i] == '+' || format[i] == '-' || format[i] == '#' || format[i] == ' ' || format[i] == '0') {
			i++
		}
		// width and precision, each a number, a * or [n]*
		for part := range 2 {
			if part == 1 {
				if i >= len(format) || format[i] != '.' {
					break
				}
				i++
			}
			if i < len(format) && format[i] == '[' {
				n, j, err := index(format, i)
				if err != nil {
					return nil, nil, err
				}
				if j < len(format) && format[j] == '*' {
					if err := use(n, '*'); err != nil {
						return nil, nil, err
					}
					arg, i = n+1, j+1
					continue
				}
				break // [n] before the verb
			}
			if i < len(format) && format[i] == '*' {
				if err := use(arg, '*'); err != nil {
					return nil, nil, err
				}
				arg++
				i++
				continue
			}
			for i < len(format) && format[i] >= '0' && format[i] <= '9' {
				i++
			}
		}
		modified := i > start // flags, a width or a precision
		if i < len(format) && format[i] == '[' {
			n, j, err := index(format, i)
			if err != nil {
				return nil, nil, err
			}
			arg, i = n, j
		}
		if modified {
			padded[arg] = true
		}
		if i >= len(format) {
			return nil, nil, fmt.Errorf("%q ends inside a verb", format)
		}
		if err := use(arg, rune(format[i])); err != nil {
			return nil, nil, err
		}
		arg++
	}
	return out, padded, nil
}
