// Package diag carries positioned diagnostics through every stage of a build.
//
// A stage never prints: it returns its value and a List. Only the command
// formats a List for a terminal, CI annotations or JSON. Positions are 1-based
// lines and columns counted in bytes of the source file, the same way Go's own
// tools report them.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Pos is a place in a source file. File is slash-separated and relative to
// the site folder (for example "content/roles/design.yaml"). Line and Col are
// 1-based; zero means unknown.
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.File == "":
		return "-"
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Severity says whether a diagnostic fails the build.
type Severity int

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem at one place.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Message  string
	// Code names the kind of problem where a report counts them (a
	// migration report): one of the Code constants, or "".
	Code Code
}

// Code names a kind of problem.
type Code string

// The kinds of problem a migration report counts.
const (
	BrokenLink   Code = "broken-link"   // a link to a file or URL the site does not have
	BrokenAnchor Code = "broken-anchor" // a link to a heading or anchor a page does not have
	URLClash     Code = "url-clash"     // two files on one URL; one is left out
	Unrendered   Code = "unrendered"    // syntax of another tool baton does not render
	RawHTML      Code = "raw-html"      // raw HTML dropped or cut
	Unparsable   Code = "unparsable"    // YAML or TOML that does not parse
	Stale        Code = "stale"         // due for review, never reviewed, or without an owner
)

func (d Diagnostic) String() string {
	if d.Severity == Warning {
		return d.Pos.String() + ": warning: " + d.Message
	}
	return d.Pos.String() + ": " + d.Message
}

// List collects diagnostics. The zero value is ready to use.
type List []Diagnostic

// Errorf adds an error at pos.
func (l *List) Errorf(pos Pos, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

// Warnf adds a warning at pos.
func (l *List) Warnf(pos Pos, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// Append adds all of other.
func (l *List) Append(other List) { *l = append(*l, other...) }

// Sort orders the list by file, line, column, then message, and drops exact
// duplicates, so the same input always prints the same lines.
func (l List) Sort() List {
	slices.SortFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Message, b.Message),
		)
	})
	return slices.Compact(l)
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	return slices.ContainsFunc(l, func(d Diagnostic) bool { return d.Severity == Error })
}

// Errors returns only the errors.
func (l List) Errors() List {
	var out List
	for _, d := range l {
		if d.Severity == Error {
			out = append(out, d)
		}
	}
	return out
}

// Err returns nil when the list holds no errors, and otherwise an error whose
// text is every diagnostic on its own line.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return ListError(l.Sort())
}

// ListError is a List used as an error.
type ListError List

func (e ListError) Error() string {
	var b strings.Builder
	for i, d := range e {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}

// LineCol turns a byte offset in src into a 1-based line and column. The
// column counts bytes, as go/scanner does.
func LineCol(src []byte, offset int) (line, col int) {
	if offset > len(src) {
		offset = len(src)
	}
	line = 1
	start := 0
	for i := 0; i < offset; i++ {
		if src[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return line, offset - start + 1
}

// CheckUTF8 returns the position of the first byte of src that is not valid
// UTF-8, and false; or true when src is valid.
func CheckUTF8(file string, src []byte) (Pos, bool) {
	if utf8.Valid(src) {
		return Pos{}, true
	}
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			line, col := LineCol(src, i)
			return Pos{File: file, Line: line, Col: col}, false
		}
		i += size
	}
	return Pos{}, true
}

// Suggest returns the candidate closest to name by edit distance (a swap
// of two neighbouring letters counts as one edit), when it is close enough
// to be the id the author meant, or "". A candidate that name starts with,
// or that starts with name, counts as close when the shorter has at least
// three letters.
func Suggest(name string, candidates []string) string {
	best, bestDist := "", -1
	limit := max(2, len(name)/3)
	if len(name) <= 3 {
		limit = 1
	}
	for _, c := range candidates {
		prefix := min(len(c), len(name)) >= 3 && (strings.HasPrefix(name, c) || strings.HasPrefix(c, name))
		if !prefix && abs(len(c)-len(name)) > limit {
			continue // at least that many edits apart
		}
		d := distance(name, c)
		if d > limit && prefix {
			d = limit
		}
		if d <= limit && (bestDist < 0 || d < bestDist || d == bestDist && c < best) {
			best, bestDist = c, d
		}
	}
	return best
}

// OneEdit returns the first candidate, in order, one edit from name (a
// swap of two neighbouring letters counts as one), or "". It is Suggest
// for names an author was free to choose, such as the front matter keys
// of a page written for another tool (stage, where baton knows tags):
// only a near miss is worth a word.
func OneEdit(name string, candidates []string) string {
	for _, c := range candidates {
		if abs(len(c)-len(name)) <= 1 && distance(name, c) == 1 {
			return c
		}
	}
	return ""
}

// DidYouMean formats a suggestion as " (did you mean "x"?)", or "".
func DidYouMean(name string, candidates []string) string {
	if s := Suggest(name, candidates); s != "" {
		return fmt.Sprintf(" (did you mean %q?)", s)
	}
	return ""
}

// distance is the optimal string alignment distance between a and b, over
// bytes: insertions, deletions, substitutions and swaps of neighbours. It
// keeps the three rows of the table it needs, in one allocation.
func distance(a, b string) int {
	n := len(b) + 1
	rows := make([]int, 3*n)
	prev2, prev, cur := rows[:n], rows[n:2*n], rows[2*n:]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
