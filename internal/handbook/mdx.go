package handbook

import (
	"bytes"
	"fmt"
	"regexp"

	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/markdown"
)

// An MDX page (Docusaurus, Astro Starlight, Nextra) is Markdown with
// JavaScript in it: import and export statements at the top level, and
// JSX components (<Tabs>, <EditorAction fix />) standing on lines of their
// own. MDX reads neither as Markdown: a statement runs until a blank line,
// and a component's tag ends its block where the tag ends, so the
// Markdown on the next line (a heading, a code fence) is Markdown again.
// Read as Markdown, a statement is a paragraph of code shown as text, and
// a tag alone on its line opens an HTML block that swallows every line up
// to the next blank one, headings and fences shown as their source.
//
// baton runs no JavaScript: in a page written for another tool whose
// file is .mdx, mdxFlow leaves the statements and the tags standing alone
// on their lines out of the page (their bytes made blanks, so every offset
// after them stays where it was) and keeps the Markdown between a
// component's tags, with one warning for each kind. A tag inside a line
// of text stays for the Markdown stage, which drops it and warns.

var (
	// mdxStatementRE is the start of an import or export statement, told
	// from a line of prose that starts with the word ("import the
	// file…"): a name imported from a quoted module, a module alone, or
	// braces or a star where a name would be.
	mdxStatementRE = regexp.MustCompile(`^(?:import[ \t]+[\w$][^\n]*?[ \t]from[ \t]*["']|import[ \t]*["'{]|import[ \t]+(?:type[ \t]*\{|\*[ \t]*as[ \t])|export[ \t]+(?:default|const|let|var|function|async|class)[ \t]|export[ \t]*[{*])`)
	// jsxStartRE is the start of a component's tag (capitalised, or a
	// member such as <Tabs.Item>), or a fragment's <> and </>.
	jsxStartRE = regexp.MustCompile(`^</?(?:[A-Z][\w.:-]*|>)`)
)

// maxJSXTag bounds the bytes one tag may span (its attributes may hold
// objects over many lines): a < that never closes is read no further.
const maxJSXTag = 1 << 16

// mdxFlow blanks the top-level import and export statements of body and
// the lines that hold only JSX tags, outside fenced code, in a copy of
// body it returns, with the warnings to give (offsets into body). body
// itself is never changed.
func mdxFlow(body []byte) ([]byte, []bodyWarning) {
	if !bytes.Contains(body, []byte("import")) && !bytes.Contains(body, []byte("export")) && !bytes.Contains(body, []byte("<")) {
		return body, nil
	}
	var out []byte
	var stmts, tags mdxCount
	var fence []byte
	blankLine := true // the line before is blank, or there is none
	for off := 0; off < len(body); {
		end := lineEnd(body, off)
		line := body[off:end]
		trimmed := bytes.TrimLeft(line, " \t")
		next := end + 1
		switch {
		case fence != nil:
			if f := fenceOf(line); f != nil && f[0] == fence[0] && len(f) >= len(fence) && len(bytes.TrimSpace(bytes.TrimLeft(trimmed, string(f[0])))) == 0 {
				fence = nil
			}
		case fenceOf(line) != nil:
			fence = fenceOf(line)
		case blankLine && mdxStatementRE.Match(line):
			stop := statementEnd(body, off)
			out = markdown.BlankOut(out, body, off, stop)
			for _, l := range bytes.Split(body[off:stop], []byte("\n")) {
				if mdxStatementRE.Match(l) {
					stmts.add(off)
				}
			}
			next = stop + 1
		case jsxStartRE.Match(trimmed):
			if stop, ok := tagsOnly(body, off+len(line)-len(trimmed)); ok {
				out = markdown.BlankOut(out, body, off, stop)
				tags.add(off + len(line) - len(trimmed))
				next = stop + 1
			}
		}
		blankLine = len(bytes.TrimSpace(line)) == 0
		off = next
	}
	if out == nil {
		return body, nil
	}
	var warns []bodyWarning
	if stmts.n > 0 {
		warns = append(warns, bodyWarning{stmts.first, fmt.Sprintf("%s, which baton does not run, left out of the page; the first is here", counted(stmts.n, "MDX import or export statement")), diag.Unrendered})
	}
	if tags.n > 0 {
		warns = append(warns, bodyWarning{tags.first, fmt.Sprintf("%s (<Tabs>, <Card … />, as MDX writes them), which baton does not render, left out of the page, the Markdown inside them kept; the first is here", counted(tags.n, "line of JSX component tags", "lines of JSX component tags")), diag.Unrendered})
	}
	return out, warns
}

// bodyWarning is a warning about a page's body (mdxFlow's, or the
// Markdown stage's), at an offset of it.
type bodyWarning struct {
	offset int
	msg    string
	code   diag.Code
}

// docWarnings are the warnings of d.
func docWarnings(d *markdown.Doc) []bodyWarning {
	ws := make([]bodyWarning, len(d.Warnings))
	for i, w := range d.Warnings {
		ws[i] = bodyWarning{w.Offset, w.Message, w.Code}
	}
	return ws
}

// mdxCount counts what mdxFlow left out, and where the first was.
type mdxCount struct{ n, first int }

func (c *mdxCount) add(off int) {
	if c.n == 0 {
		c.first = off
	}
	c.n++
}

// lineEnd is the offset of the end of the line that starts at off: its
// \n, or the end of b.
func lineEnd(b []byte, off int) int {
	if i := bytes.IndexByte(b[off:], '\n'); i >= 0 {
		return off + i
	}
	return len(b)
}

// fenceOf is the fence a line opens or closes a fenced code block with
// (``` or ~~~, three or more), or nil. MDX has no indented code, so a
// fence may stand at any indent (in a list item, in a component).
func fenceOf(line []byte) []byte {
	t := bytes.TrimLeft(line, " \t")
	if len(t) < 3 || t[0] != '`' && t[0] != '~' {
		return nil
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 {
		return nil
	}
	return t[:n]
}

// statementEnd is where the statement that starts at off ends, as MDX
// reads it: at the end of the last line before a blank line.
func statementEnd(b []byte, off int) int {
	for {
		end := lineEnd(b, off)
		if end >= len(b) {
			return end
		}
		nextEnd := lineEnd(b, end+1)
		if len(bytes.TrimSpace(b[end+1:nextEnd])) == 0 {
			return end
		}
		off = end + 1
	}
}

// tagsOnly reads the JSX tags from off, one after another with blanks
// between, and reports where the line that ends the last one ends, when
// nothing but blanks follows it there.
func tagsOnly(b []byte, off int) (int, bool) {
	for {
		end, ok := jsxTagEnd(b, off)
		if !ok {
			return 0, false
		}
		off = end
		for off < len(b) && (b[off] == ' ' || b[off] == '\t' || b[off] == '\r') {
			off++
		}
		if off == len(b) || b[off] == '\n' {
			return off, true
		}
		if !jsxStartRE.Match(b[off:]) {
			return 0, false
		}
	}
}

// jsxTagEnd is the offset just after the > that closes the tag opening at
// off, reading its attributes' strings and {expressions} (with their own
// strings and nested braces) whole, across lines.
func jsxTagEnd(b []byte, off int) (int, bool) {
	limit := min(len(b), off+maxJSXTag)
	depth := 0
	var quote byte
	for i := off + 1; i < limit; i++ {
		c := b[i]
		switch {
		case quote != 0:
			if c == '\\' && depth > 0 {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'' || c == '`' && depth > 0:
			quote = c
		case c == '{':
			depth++
		case c == '}':
			depth--
		case c == '>' && depth == 0:
			return i + 1, true
		case c == '<' && depth == 0:
			return 0, false // a new tag before this one closed: not JSX
		}
	}
	return 0, false
}

// counted is n and what it counts: one, else its plural (the given
// one, or the word with an s).
func counted(n int, what string, plural ...string) string {
	switch {
	case n == 1:
		return "1 " + what
	case len(plural) > 0:
		return fmt.Sprintf("%d %s", n, plural[0])
	}
	return fmt.Sprintf("%d %ss", n, what)
}
