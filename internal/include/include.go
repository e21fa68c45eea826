// Package include expands mdBook's {{#include}} in a page before it is
// parsed: {{#include file}} takes the whole file, {{#include file:name}}
// the lines between "ANCHOR: name" and "ANCHOR_END: name" comments in it,
// and {{#include file:10:20}} (or :10:, ::20, :10) a range of its lines.
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

// directive finds {{#include ...}} and its escaped form.
var directive = regexp.MustCompile(`\\?\{\{#include\s+([^}\s]+)\s*\}\}`)

// anchorLine finds an ANCHOR or ANCHOR_END comment line.
var anchorLine = regexp.MustCompile(`ANCHOR(_END)?:\s*([A-Za-z0-9_-]+)`)

// MaxDepth bounds how deep includes nest.
const MaxDepth = 10

// MaxSize bounds the text a page may grow to with its includes.
const MaxSize = 8 << 20

// Has reports whether src has a directive Expand would replace.
func Has(src []byte) bool { return bytes.Contains(src, []byte("{{#include")) }

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
		if whole[0] == '\\' {
			e.write(file, whole[1:], first)
		} else {
			col := loc[0] - bytes.LastIndexByte(before, '\n')
			e.include(file, string(src[loc[2]:loc[3]]), diag.Pos{File: file, Line: first, Col: col}, stack)
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

// include writes the part of the file named by arg (path[:selection]).
func (e *expander) include(from, arg string, pos diag.Pos, stack []string) {
	name, sel, _ := strings.Cut(arg, ":")
	target := path.Join(path.Dir(from), name)
	switch {
	case len(stack) > MaxDepth:
		e.diags.Errorf(pos, "includes nest more than %d deep", MaxDepth)
		return
	case slices.Contains(stack, target):
		e.diags.Errorf(pos, "%s includes itself (%s)", target, strings.Join(append(stack, target), " → "))
		return
	case !fs.ValidPath(target) || strings.HasPrefix(name, "/"):
		e.diags.Errorf(pos, "include %q leaves the site's folder", name)
		return
	case hidden(target):
		e.diags.Errorf(pos, "include %q is of a hidden file or folder (.git, .env), which baton never reads", name)
		return
	}
	data, err := e.read(target)
	if err != nil {
		e.diags.Errorf(pos, "cannot include %s: %v", target, err)
		return
	}
	part, first, err := selectLines(data, sel)
	if err != nil {
		e.diags.Errorf(pos, "include %s: %v", arg, err)
		return
	}
	if e.out.Len()+len(part) > MaxSize {
		e.diags.Errorf(pos, "with its includes the page is over %d bytes", MaxSize)
		return
	}
	e.text(target, part, first, append(stack, target))
}

// selectLines is the part of data sel names: all of it (""), an anchor's
// lines, or a range of lines "start:end" (either may be empty), without
// the anchor comment lines; and the line it starts on.
func selectLines(data []byte, sel string) ([]byte, int, error) {
	data = bytes.TrimSuffix(data, []byte("\n"))
	if sel == "" {
		return dropAnchors(data), 1, nil
	}
	lines := bytes.Split(data, []byte("\n"))
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
		return dropAnchors(bytes.Join(lines[start-1:end], []byte("\n"))), start, nil
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
			return dropAnchors(bytes.Join(lines[start:i], []byte("\n"))), start + 1, nil
		}
	}
	return nil, 0, fmt.Errorf("no ANCHOR: %s and ANCHOR_END: %s in the file", sel, sel)
}

// dropAnchors blanks the anchor comment lines of an included part, as
// mdBook leaves them out, keeping the line count so positions hold.
func dropAnchors(part []byte) []byte {
	if !bytes.Contains(part, []byte("ANCHOR")) {
		return part
	}
	lines := bytes.Split(part, []byte("\n"))
	for i, l := range lines {
		if anchorLine.Match(l) {
			lines[i] = nil
		}
	}
	return bytes.Join(lines, []byte("\n"))
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
