// Package include expands mdBook's {{#include}} in a page before it is
// parsed: {{#include file}} takes the whole file, {{#include file:name}}
// the lines between "ANCHOR: name" and "ANCHOR_END: name" comments in it,
// and {{#include file:10:20}} (or :10:, ::20, :10) a range of its lines.
// {{#rustdoc_include file:sel}} takes the same lines: mdBook adds the rest
// of the file as hidden lines, which its reader shows only on request, and
// baton has no hidden lines. {{#playground file attrs}} (and its old name
// {{#playpen}}) takes the whole file as a ```rust code block, its attrs
// (editable) on the fence.
// Paths are relative to the including file. An included file may include
// others; a cycle is an error. \{{#include ...}} is left as it is, without
// the backslash. Paths are slash paths relative to the site's folder: an
// include may take a file from anywhere in it (a code example beside the
// book), never from outside it.
//
// Expand returns the page's text with every include replaced, and a
// LineMap that tells, for each line of it, the file and line it comes
// from, so a problem found in included text is reported where it is
// written.
package include

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/batonhq/baton/internal/diag"
)

// directive finds {{#include ...}}, the other directives that include a
// file, and their escaped forms: the directive's name, its file (with a
// selection) and the words after it.
var directive = regexp.MustCompile(`\\?\{\{\s*#(include|rustdoc_include|playground|playpen)\s+([^}\s]+)((?:\s+[^}\s]+)*)\s*\}\}`)

// names are the directives directive finds.
var names = []string{"include", "rustdoc_include", "playground", "playpen"}

// anchorLine finds an ANCHOR or ANCHOR_END comment line.
var anchorLine = regexp.MustCompile(`ANCHOR(_END)?:\s*([A-Za-z0-9_-]+)`)

// MaxDepth bounds how deep includes nest.
const MaxDepth = 10

// MaxSize bounds the text a page may grow to with its includes.
const MaxSize = 8 << 20

// Has reports whether src may have a directive Expand would replace: a
// "{{", spaces, "#" and a directive's name. Every page is asked, so it
// looks at the bytes without the regular expression.
func Has(src []byte) bool {
	for {
		i := bytes.Index(src, []byte("{{"))
		if i < 0 {
			return false
		}
		src = bytes.TrimLeft(src[i+2:], " \t")
		if rest, ok := bytes.CutPrefix(src, []byte("#")); ok {
			for _, n := range names {
				if bytes.HasPrefix(rest, []byte(n)) {
					return true
				}
			}
		}
	}
}

// Span is a run of lines of an expanded text that come from one file:
// lines From..From+N-1 of the text are lines Line..Line+N-1 of File.
type Span struct {
	From, N int
	File    string
	Line    int
}

// LineMap places every line of an expanded text in its file.
type LineMap []Span

// Pos is where line and col of the expanded text stand in the files it
// was made from: the file the line starts in, where a line holds text of
// two (an include in the middle of a line).
func (m LineMap) Pos(file string, line, col int) diag.Pos {
	for _, s := range m {
		if line >= s.From && line < s.From+s.N {
			return diag.Pos{File: s.File, Line: s.Line + line - s.From, Col: col}
		}
	}
	return diag.Pos{File: file, Line: line, Col: col}
}

// expander carries one expansion's state.
type expander struct {
	read  func(name string) ([]byte, error)
	out   bytes.Buffer
	lines LineMap
	line  int // the next line of out, from 1
	diags diag.List
}

// Expand expands the includes of src, the text of file (a slash path),
// reading other files with read (slash paths, as file is). When src has
// none it returns src itself and a nil map.
func Expand(file string, src []byte, read func(name string) ([]byte, error)) ([]byte, LineMap, diag.List) {
	if !Has(src) {
		return src, nil, nil
	}
	e := &expander{read: read, line: 1}
	e.text(file, src, 1, []string{file})
	return e.out.Bytes(), e.lines, e.diags
}

// text writes src, lines of file from its line first, expanding its
// includes; stack lists the files being expanded, for cycles.
func (e *expander) text(file string, src []byte, first int, stack []string) {
	for len(src) > 0 {
		loc := directive.FindSubmatchIndex(src)
		if loc == nil {
			e.write(file, src, first)
			return
		}
		before := src[:loc[0]]
		e.write(file, before, first)
		first += bytes.Count(before, []byte("\n"))
		whole := src[loc[0]:loc[1]]
		col := loc[0] - bytes.LastIndexByte(before, '\n')
		pos := diag.Pos{File: file, Line: first, Col: col}
		switch kind, arg := string(src[loc[2]:loc[3]]), string(src[loc[4]:loc[5]]); {
		case whole[0] == '\\':
			e.write(file, whole[1:], first)
		case kind == "playground" || kind == "playpen":
			// mdBook's fence: rust, then the attributes, comma-separated.
			fence := strings.Join(append([]string{"rust"}, strings.Fields(string(src[loc[6]:loc[7]]))...), ",")
			e.write(file, []byte("```"+fence+"\n"), first)
			if e.include(file, arg, pos, stack) {
				e.write(file, []byte("\n"), first)
			}
			e.write(file, []byte("```"), first)
		default:
			e.include(file, arg, pos, stack)
		}
		src = src[loc[1]:]
	}
}

// write copies text of file, from its line first, into the output.
func (e *expander) write(file string, text []byte, first int) {
	if len(text) == 0 {
		return
	}
	if e.out.Len()+len(text) > MaxSize {
		return // reported by include, which is how a text grows
	}
	// The span holds the lines text has a byte on: a text that ends with
	// a newline ends on the line that newline ends.
	n := bytes.Count(text, []byte("\n"))
	lines := n
	if text[len(text)-1] != '\n' {
		lines++
	}
	e.lines = append(e.lines, Span{From: e.line, N: lines, File: file, Line: first})
	e.out.Write(text)
	e.line += n
}

// include writes the part of the file named by arg (path[:selection]),
// and reports whether it wrote anything.
func (e *expander) include(from, arg string, pos diag.Pos, stack []string) bool {
	name, sel, _ := strings.Cut(arg, ":")
	target := path.Join(path.Dir(from), name)
	switch {
	case len(stack) > MaxDepth:
		e.diags.Errorf(pos, "includes nest more than %d deep", MaxDepth)
		return false
	case slices.Contains(stack, target):
		e.diags.Errorf(pos, "%s includes itself (%s)", target, strings.Join(append(stack, target), " → "))
		return false
	case !fs.ValidPath(target) || strings.HasPrefix(name, "/"):
		e.diags.Errorf(pos, "include %q leaves the site's folder", name)
		return false
	case hidden(target):
		e.diags.Errorf(pos, "include %q is of a hidden file or folder (.git, .env), which baton never reads", name)
		return false
	}
	data, err := e.read(target)
	if err != nil {
		e.diags.Errorf(pos, "cannot include %s: %v", target, err)
		return false
	}
	lines, first, err := selectLines(data, sel)
	if err != nil {
		e.diags.Errorf(pos, "include %s: %v", arg, err)
		return false
	}
	pieces := withoutAnchors(lines, first)
	size := 0
	for _, p := range pieces {
		size += len(p.text)
	}
	if e.out.Len()+size > MaxSize {
		e.diags.Errorf(pos, "with its includes the page is over %d bytes", MaxSize)
		return false
	}
	for _, p := range pieces {
		e.text(target, p.text, p.line, append(stack, target))
	}
	return size > 0
}

// selectLines is the part of data sel names: all of it (""), an anchor's
// lines (to the end of the file when it has no ANCHOR_END, as in mdBook),
// or a range of lines "start:end" (either may be empty), as lines; and the
// line it starts on.
func selectLines(data []byte, sel string) ([][]byte, int, error) {
	lines := bytes.Split(bytes.TrimSuffix(data, []byte("\n")), []byte("\n"))
	if sel == "" {
		return lines, 1, nil
	}
	if a, b, isRange := strings.Cut(sel, ":"); isRange || isNumber(sel) {
		start, end := 1, len(lines)
		var err error
		if a != "" {
			if start, err = strconv.Atoi(a); err != nil || start < 1 {
				return nil, 0, fmt.Errorf("%q is not a line number", a)
			}
		}
		if b != "" {
			if end, err = strconv.Atoi(b); err != nil || end < start {
				return nil, 0, fmt.Errorf("%q is not a line number after %d", b, start)
			}
		}
		if !isRange {
			end = start
		}
		if start > len(lines) {
			return nil, 0, fmt.Errorf("the file has %d lines, not %d", len(lines), start)
		}
		end = min(end, len(lines))
		return lines[start-1 : end], start, nil
	}
	start := -1
	for i, l := range lines {
		m := anchorLine.FindSubmatch(l)
		if m == nil || string(m[2]) != sel {
			continue
		}
		if len(m[1]) == 0 && start < 0 {
			start = i + 1
		} else if len(m[1]) > 0 && start >= 0 {
			return lines[start:i], start + 1, nil
		}
	}
	if start >= 0 {
		return lines[start:], start + 1, nil
	}
	return nil, 0, fmt.Errorf("no ANCHOR: %s and ANCHOR_END: %s in the file", sel, sel)
}

// piece is a run of included lines, joined, and the line it starts on.
type piece struct {
	text []byte
	line int
}

// withoutAnchors is lines, which start on line first, without their anchor
// comment lines, as mdBook leaves them out: a piece for each run of other
// lines, each but the last ending with its newline, so the text reads as
// if the anchor lines were never there and each line keeps its position.
func withoutAnchors(lines [][]byte, first int) []piece {
	var pieces []piece
	for i := 0; i < len(lines); {
		if isAnchor(lines[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(lines) && !isAnchor(lines[j]) {
			j++
		}
		if len(pieces) > 0 {
			last := &pieces[len(pieces)-1]
			last.text = append(last.text, '\n')
		}
		pieces = append(pieces, piece{text: bytes.Join(lines[i:j], []byte("\n")), line: first + i})
		i = j
	}
	return pieces
}

// isAnchor reports whether l is an ANCHOR or ANCHOR_END comment line.
func isAnchor(l []byte) bool {
	return bytes.Contains(l, []byte("ANCHOR")) && anchorLine.Match(l)
}

func isNumber(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

// hidden reports whether a path has a segment that starts with a dot.
func hidden(p string) bool {
	for _, seg := range strings.Split(p, "/") {
		if strings.HasPrefix(seg, ".") {
			return true
		}
	}
	return false
}
