package fix

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"
)

// context is the number of unchanged lines shown around a change.
const context = 3

// diffBudget bounds the work of the line diff: Myers' algorithm gives up
// once d·(n+m) would pass it (d edits, n and m lines of the changed
// middle) and the whole middle is shown replaced, so the time stays linear
// in the input for large files with many changes.
const diffBudget = 1 << 22

// Diff writes a unified diff of oldText → newText for path, in the form of
// `diff -u` and git: "--- a/PATH", "+++ b/PATH", hunks with 3 lines of
// context, hunks merged when their contexts touch or overlap, and
// "\ No newline at end of file" after a last line without one. Lines are
// split at \n only and keep their \r. It writes nothing when the texts are
// equal.
//
// The diff is a shortest line diff (Myers) when that is cheap; for large
// inputs with many changes it is a single change replacing everything
// between the common leading and trailing lines.
func Diff(w io.Writer, path string, oldText, newText []byte) error {
	return diff(w, path, oldText, newText, diffBudget)
}

func diff(w io.Writer, path string, oldText, newText []byte, budget int) error {
	if bytes.Equal(oldText, newText) {
		return nil
	}
	a, b := splitLines(oldText), splitLines(newText)
	ops := diffLines(a, b, budget)
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "--- a/%s\n+++ b/%s\n", path, path)
	writeHunks(bw, a, b, ops)
	return bw.Flush()
}

// splitLines splits text after each \n; the last line may lack one.
func splitLines(text []byte) [][]byte {
	var lines [][]byte
	for len(text) > 0 {
		i := bytes.IndexByte(text, '\n') + 1
		if i == 0 {
			i = len(text)
		}
		lines = append(lines, text[:i])
		text = text[i:]
	}
	return lines
}

type opKind byte

const (
	opEqual  opKind = ' '
	opDelete opKind = '-'
	opInsert opKind = '+'
)

// op is one line of the edit script: an old line kept or deleted, or a new
// line inserted. Within a run of changes all deletions come first.
type op struct {
	kind opKind
	// a and b are the op's line in old and in new: for an insertion, a is
	// the old line it comes before; for a deletion, b the new one.
	a, b int
}

// diffLines returns the edit script turning a into b.
func diffLines(a, b [][]byte, budget int) []op {
	// Lines as numbers, so comparing is cheap.
	ids := make(map[string]int, len(a)+len(b))
	id := func(lines [][]byte) []int {
		out := make([]int, len(lines))
		for i, l := range lines {
			n, ok := ids[string(l)]
			if !ok {
				n = len(ids)
				ids[string(l)] = n
			}
			out[i] = n
		}
		return out
	}
	x, y := id(a), id(b)

	pre := 0
	for pre < len(x) && pre < len(y) && x[pre] == y[pre] {
		pre++
	}
	suf := 0
	for suf < len(x)-pre && suf < len(y)-pre && x[len(x)-1-suf] == y[len(y)-1-suf] {
		suf++
	}

	mx, my := x[pre:len(x)-suf], y[pre:len(y)-suf]
	mid, ok := myers(mx, my, budget)
	if !ok {
		mid = changeAll(len(mx), len(my))
	}
	ops := make([]op, 0, pre+len(mid)+suf)
	for range pre {
		ops = append(ops, op{kind: opEqual})
	}
	ops = append(ops, mid...)
	for range suf {
		ops = append(ops, op{kind: opEqual})
	}
	// Renumber: a and b become each op's line in old and in new (for an
	// insertion, the old line it comes before; for a deletion, the new one).
	ia, ib := 0, 0
	for i, o := range ops {
		ops[i].a, ops[i].b = ia, ib
		if o.kind != opInsert {
			ia++
		}
		if o.kind != opDelete {
			ib++
		}
	}
	return ops
}

// myers computes a shortest edit script of a → b with Myers' O((n+m)·d)
// algorithm; ok is false when d·(n+m) would exceed budget.
func myers(a, b []int, budget int) (ops []op, ok bool) {
	n, m := len(a), len(b)
	if n == 0 || m == 0 {
		return changeAll(n, m), true
	}
	maxD := n + m
	if lim := budget / (n + m); lim < maxD {
		maxD = lim
	}
	off := maxD + 1
	v := make([]int, 2*maxD+3)
	// trace[d] is v[off-d : off+d+1] after step d.
	var trace [][]int
	for d := 0; d <= maxD; d++ {
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1] // down: insert b[y-1]
			} else {
				x = v[off+k-1] + 1 // right: delete a[x-1]
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				trace = append(trace, slices.Clone(v[off-d:off+d+1]))
				return backtrack(trace, n, m), true
			}
		}
		trace = append(trace, slices.Clone(v[off-d:off+d+1]))
	}
	return nil, false
}

// changeAll is the script deleting n lines and inserting m.
func changeAll(n, m int) []op {
	ops := make([]op, 0, n+m)
	for range n {
		ops = append(ops, op{kind: opDelete})
	}
	for range m {
		ops = append(ops, op{kind: opInsert})
	}
	return ops
}

// backtrack walks the trace from (n, m) back to (0, 0) and returns the
// script in order, each run of changes as deletions then insertions.
func backtrack(trace [][]int, n, m int) []op {
	var rev []op
	x, y := n, m
	for d := len(trace) - 1; d > 0; d-- {
		k := x - y
		prev := trace[d-1] // v after step d-1, indexed by k+d-1
		at := func(k int) int { return prev[k+d-1] }
		down := k == -d || (k != d && at(k-1) < at(k+1))
		pk := k - 1
		if down {
			pk = k + 1
		}
		px := at(pk)
		py := px - pk
		mx, my := px+1, py // after the move
		if down {
			mx, my = px, py+1
		}
		for x > mx && y > my {
			x--
			y--
			rev = append(rev, op{opEqual, x, y})
		}
		if down {
			rev = append(rev, op{opInsert, px, py})
		} else {
			rev = append(rev, op{opDelete, px, py})
		}
		x, y = px, py
	}
	for x > 0 && y > 0 {
		x--
		y--
		rev = append(rev, op{opEqual, x, y})
	}
	slices.Reverse(rev)
	// Deletions before insertions in each run of changes.
	for i := 0; i < len(rev); {
		if rev[i].kind == opEqual {
			i++
			continue
		}
		j := i
		for j < len(rev) && rev[j].kind != opEqual {
			j++
		}
		run := rev[i:j]
		slices.SortStableFunc(run, func(p, q op) int {
			return cmp.Compare(kindOrder(p.kind), kindOrder(q.kind))
		})
		i = j
	}
	return rev
}

func kindOrder(k opKind) int {
	if k == opDelete {
		return 0
	}
	return 1
}

// writeHunks writes the hunks of ops: each change with up to context
// lines around it, changes closer than 2·context+1 lines in one hunk.
func writeHunks(w *bufio.Writer, a, b [][]byte, ops []op) {
	for i := 0; i < len(ops); {
		if ops[i].kind == opEqual {
			i++
			continue
		}
		// ops[i] is the first change of a hunk; find its last change.
		start := max(0, i-context)
		end := i // one past the last change
		for j := i; j < len(ops); j++ {
			if ops[j].kind == opEqual {
				if j-end >= 2*context {
					break
				}
				continue
			}
			end = j + 1
		}
		stop := min(len(ops), end+context)
		writeHunk(w, a, b, ops[start:stop])
		i = stop
	}
}

func writeHunk(w *bufio.Writer, a, b [][]byte, ops []op) {
	oldN, newN := 0, 0
	for _, o := range ops {
		switch o.kind {
		case opEqual:
			oldN++
			newN++
		case opDelete:
			oldN++
		case opInsert:
			newN++
		}
	}
	fmt.Fprintf(w, "@@ -%s +%s @@\n", hunkRange(ops[0].a, oldN), hunkRange(ops[0].b, newN))
	for _, o := range ops {
		var line []byte
		if o.kind == opInsert {
			line = b[o.b]
		} else {
			line = a[o.a]
		}
		// A bufio.Writer keeps its first error; Diff's Flush returns it.
		_ = w.WriteByte(byte(o.kind))
		_, _ = w.Write(line)
		if len(line) == 0 || line[len(line)-1] != '\n' {
			_, _ = w.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// hunkRange formats a hunk's line range as diff -u does: 1-based start,
// the count omitted when it is 1, and the line before when it is 0.
func hunkRange(start, n int) string {
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", start)
	case 1:
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}
