package markdown

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// A third way handbooks write callouts: Docusaurus admonitions and
// VitePress containers, ":::type" with a title in brackets or after a
// space, a Markdown body, and a line of as many colons or more that
// closes it (an outer one takes more colons, so an inner one closes
// first). VitePress' ":::details" is collapsible.

// containerOpenRE matches a container's first line: the colons, the type
// and the title, in brackets (Docusaurus 3) or after a space.
var containerOpenRE = regexp.MustCompile(`^(:{3,})[ \t]*([A-Za-z]+)[ \t]*(?:\[([^\]\n]*)\]|([^\[\n]*?))[ \t]*$`)

// colonsOnly reports the length of a line of colons alone (around blanks),
// or 0.
func colonsOnly(line []byte) int {
	line = bytes.TrimSpace(line)
	if len(line) < 3 || len(bytes.Trim(line, ":")) != 0 {
		return 0
	}
	return len(line)
}

type containerParser struct{ fenced }

func (containerParser) Trigger() []byte { return []byte{':'} }

// Open takes a container of a callout's type (or details) only when a line
// of enough colons closes it further on; otherwise the line is text, as
// another tool's syntax is (":::tabs" and the like).
func (containerParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	m := containerOpenRE.FindSubmatch(bytes.TrimLeft(trimEOL(line), " \t"))
	if m == nil {
		return nil, parser.NoChildren
	}
	typ := strings.ToLower(string(m[2]))
	kind, ok := admonitionKinds[typ]
	if typ == "details" {
		kind, ok = "note", true
	}
	if !ok || !closedLater(reader.Source()[seg.Stop:], len(m[1])) {
		return nil, parser.NoChildren
	}
	c := &Callout{Alert: kind, Collapsible: typ == "details", colons: len(m[1]), markers: [][2]int{{seg.Start, seg.Stop}}}
	c.Title = strings.TrimSpace(string(m[3]) + string(m[4]))
	if c.Title == "" {
		// As the tools do, the type is the title: in the site's words
		// when it is the callout's own name.
		c.Title = strings.ToUpper(typ[:1]) + typ[1:]
		c.Named = c.Title == calloutTitles[kind]
	}
	reader.AdvanceToEOL()
	return c, parser.HasChildren
}

// closedLater reports whether rest has a line of n colons or more.
func closedLater(rest []byte, n int) bool {
	for len(rest) > 0 {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		if colonsOnly(line) >= n {
			return true
		}
	}
	return false
}

// Continue closes the container at a line of as many colons or more,
// which it consumes; every other line is the body, as it is.
func (containerParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	colons := node.(*Callout).colons
	return continueUntil(node, reader, func(line []byte) bool { return colonsOnly(line) >= colons })
}
