package markdown

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// A fourth way handbooks write callouts: MyST's directives (Jupyter Book,
// Sphinx with MyST), a fence of backticks, tildes or colons whose info is
// the directive's name in braces ("```{note}", ":::{warning}",
// "```{admonition} A title"), then option lines (":class: dropdown", or a
// YAML block between "---" lines), then a Markdown body, closed by a fence
// of the same character at least as long. Directives that hold prose (the
// admonitions, dropdown, margin, sidebar, topic) are callouts; any other
// is left as it is and warned of (unrendered).

// mystOpenRE matches a directive's first line: the fence, the name and
// its argument.
var mystOpenRE = regexp.MustCompile("^(`{3,}|~{3,}|:{3,})\\{([A-Za-z][\\w:-]*)\\}[ \\t]*([^`\\n]*?)[ \\t]*$")

// mystOptionRE matches an option line, ":name: value".
var mystOptionRE = regexp.MustCompile(`^[ \t]*:([\w-]+):(?:[ \t]+(.*?))?[ \t]*$`)

// mystAsides are the directives other than admonitions that hold prose,
// shown as a note whose title is their argument.
var mystAsides = map[string]bool{"admonition": true, "dropdown": true, "margin": true, "sidebar": true, "topic": true}

// mystProse reports whether a directive of this name is a callout.
func mystProse(name string) bool {
	name = strings.ToLower(name)
	_, ok := admonitionKinds[name]
	return ok || mystAsides[name]
}

// mystCodeNames are directives whose body is code: shown as code, which
// they are, and not warned of.
var mystCodeNames = map[string]bool{"code": true, "code-block": true, "code-cell": true, "sourcecode": true}

// fenceOnly reports the length of a line of the character c alone (around
// blanks), or 0.
func fenceOnly(line []byte, c byte) int {
	line = bytes.TrimSpace(line)
	if len(line) < 3 || len(bytes.Trim(line, string(c))) != 0 {
		return 0
	}
	return len(line)
}

type mystParser struct{ fenced }

func (mystParser) Trigger() []byte { return []byte{'`', '~', ':'} }

// Open takes a prose directive only when a fence closes it further on;
// otherwise the line is what Markdown makes of it (a code block, text).
func (mystParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	m := mystOpenRE.FindSubmatch(bytes.TrimLeft(trimEOL(line), " \t"))
	if m == nil {
		return nil, parser.NoChildren
	}
	name, arg := strings.ToLower(string(m[2])), strings.TrimSpace(string(m[3]))
	fence := m[1]
	if !mystProse(name) || !fenceClosedLater(reader.Source()[seg.Stop:], fence[0], len(fence)) {
		return nil, parser.NoChildren
	}
	kind, ok := admonitionKinds[name]
	if !ok {
		kind = "note"
	}
	c := &Callout{Alert: kind, Collapsible: name == "dropdown", fence: fence[0], colons: len(fence), options: true, markers: [][2]int{{seg.Start, seg.Stop}}}
	switch {
	case arg != "":
		// An admonition's argument is its title; a note's is the start
		// of its text, which reads as well as its title.
		c.Title = arg
	case name == "seealso":
		c.Title = "See also"
	case !mystAsides[name]:
		c.Title = strings.ToUpper(name[:1]) + name[1:]
		c.Named = c.Title == calloutTitles[kind]
	}
	reader.AdvanceToEOL()
	return c, parser.HasChildren
}

// fenceClosedLater reports whether rest has a line of n or more of c.
func fenceClosedLater(rest []byte, c byte, n int) bool {
	for len(rest) > 0 {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		if fenceOnly(line, c) >= n {
			return true
		}
	}
	return false
}

// Continue reads the option lines at the start of the body (markers, not
// text: a dropdown class makes the callout collapsible, a known
// admonition class gives its kind), then closes the callout at its fence;
// every other line is the body, as it is.
func (mystParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	c := node.(*Callout)
	line, seg := reader.PeekLine()
	body := trimEOL(line)
	if c.options || c.yamlOptions {
		yamlFence := string(bytes.TrimSpace(body)) == "---"
		switch {
		case c.yamlOptions:
			c.yamlOptions = !yamlFence
			c.option(body)
		case yamlFence && c.options:
			c.yamlOptions = true
		default:
			if !mystOptionRE.Match(body) {
				c.options = false
				break
			}
			c.option(body)
		}
		if c.options || c.yamlOptions || yamlFence {
			c.options = c.options && !yamlFence
			c.markers = append(c.markers, [2]int{seg.Start, seg.Stop})
			reader.AdvanceToEOL()
			return parser.Continue | parser.NoChildren
		}
	}
	return continueUntil(node, reader, func(l []byte) bool { return fenceOnly(l, c.fence) >= c.colons })
}

// option applies one option line (":class: dropdown" or "class: tip").
func (c *Callout) option(line []byte) {
	s := strings.TrimSpace(string(line))
	if m := mystOptionRE.FindStringSubmatch(s); m != nil {
		s = m[1] + ": " + m[2]
	}
	key, value, _ := strings.Cut(s, ":")
	if strings.TrimSpace(key) == "name" {
		c.name = strings.TrimSpace(value)
	}
	if strings.TrimSpace(key) != "class" {
		return
	}
	for _, class := range strings.Fields(value) {
		if class == "dropdown" {
			c.Collapsible = true
		} else if kind, ok := admonitionKinds[class]; ok {
			c.Alert = kind
		}
	}
}

// mystDirective is the name of a MyST directive from a code block's
// language ("{code-block}"), and whether it is one.
func mystDirective(lang []byte) (string, bool) {
	if len(lang) < 3 || lang[0] != '{' || lang[len(lang)-1] != '}' {
		return "", false
	}
	return strings.ToLower(string(lang[1 : len(lang)-1])), true
}

// mystCodeLanguage is the language a code directive's info names after
// the directive ("{code-block} python"), or nil.
func mystCodeLanguage(info []byte) []byte {
	f := bytes.Fields(info)
	if len(f) < 2 {
		return nil
	}
	return f[1]
}
