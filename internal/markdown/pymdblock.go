package markdown

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// A fourth way MkDocs sites write callouts: PyMdown's blocks
// (pymdownx.blocks.admonition and .details, FastAPI's and other Material
// sites'), "/// type | Title", a Markdown body, and a line of as many
// slashes or more that closes it (an outer one takes more, so an inner
// one closes first). Option lines indented under the first
// ("    type: tip", "    open: True") are settings, not text. Other
// blocks (/// tab, /// html) stay text.

// pymdBlockOpenRE matches a block's first line: the slashes, the type and
// the title after a bar.
var pymdBlockOpenRE = regexp.MustCompile(`^(/{3,})[ \t]*([A-Za-z][\w-]*)[ \t]*(?:\|[ \t]*([^\n]*?))?[ \t]*$`)

// pymdOptionRE matches an option line of a block: indented, "key: value".
var pymdOptionRE = regexp.MustCompile(`^(?: {4}|\t)[ \t]*([A-Za-z][\w-]*)[ \t]*:[ \t]*([^\n]*?)[ \t]*$`)

// slashesOnly reports the length of a line of slashes alone (around
// blanks), or 0.
func slashesOnly(line []byte) int {
	line = bytes.TrimSpace(line)
	if len(line) < 3 || len(bytes.Trim(line, "/")) != 0 {
		return 0
	}
	return len(line)
}

type pymdBlockParser struct{ fenced }

func (pymdBlockParser) Trigger() []byte { return []byte{'/'} }

// Open takes a block of an admonition's type, admonition or details only
// when a line of enough slashes closes it further on; otherwise the line
// is text.
func (pymdBlockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	m := pymdBlockOpenRE.FindSubmatch(bytes.TrimLeft(trimEOL(line), " \t"))
	if m == nil {
		return nil, parser.NoChildren
	}
	typ := strings.ToLower(string(m[2]))
	kind, ok := admonitionKinds[typ]
	if typ == "admonition" || typ == "details" {
		kind, ok = "note", true
	}
	if !ok || !slashedLater(reader.Source()[seg.Stop:], len(m[1])) {
		return nil, parser.NoChildren
	}
	c := &Callout{Alert: kind, Collapsible: typ == "details", colons: len(m[1]), options: true, markers: [][2]int{{seg.Start, seg.Stop}}}
	c.Title = strings.TrimSpace(string(m[3]))
	if c.Title == "" && typ != "admonition" && typ != "details" {
		// As PyMdown does, the type is the title: in the site's words
		// when it is the callout's own name.
		c.Title = strings.ToUpper(typ[:1]) + typ[1:]
		c.Named = c.Title == calloutTitles[kind]
	}
	reader.AdvanceToEOL()
	return c, parser.HasChildren
}

// slashedLater reports whether rest has a line of n slashes or more.
func slashedLater(rest []byte, n int) bool {
	for len(rest) > 0 {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		if slashesOnly(line) >= n {
			return true
		}
	}
	return false
}

// Continue reads the option lines right under the first (markers, not
// text: type: gives an admonition's kind, open: a details' state), then
// closes the block at a line of as many slashes or more; every other line
// is the body, as it is.
func (pymdBlockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	c := node.(*Callout)
	line, seg := reader.PeekLine()
	if c.options {
		if m := pymdOptionRE.FindSubmatch(trimEOL(line)); m != nil {
			c.pymdOption(strings.ToLower(string(m[1])), strings.TrimSpace(string(m[2])))
			c.markers = append(c.markers, [2]int{seg.Start, seg.Stop})
			reader.AdvanceToEOL()
			return parser.Continue | parser.NoChildren
		}
		c.options = false
	}
	return continueUntil(node, reader, func(l []byte) bool { return slashesOnly(l) >= c.colons })
}

// pymdOption applies one option of a block: an admonition's type (its
// kind, and its title where the first line gives none), a details'
// open state.
func (c *Callout) pymdOption(key, value string) {
	switch key {
	case "type":
		typ := strings.ToLower(strings.Fields(value + " note")[0])
		if kind, ok := admonitionKinds[typ]; ok {
			c.Alert = kind
		}
		if c.Title == "" && !c.Collapsible {
			c.Title = strings.ToUpper(typ[:1]) + typ[1:]
			c.Named = c.Title == calloutTitles[c.Alert]
		}
	case "open":
		c.Open = strings.EqualFold(value, "true") || value == "yes"
	}
}
