package markdown

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/batonhq/baton/internal/diag"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Nuxt Content writes Vue components in Markdown as MDC blocks:
// "::name{attr="x"}", a Markdown body, and a line of as many colons that
// closes it; a block inside another takes more colons (":::name" …
// ":::"), may open with its props between "---" lines, and holds "#slot"
// lines that name the slot the Markdown after them fills. Read as
// Markdown, every one of those lines is a paragraph of text.
//
// MDC reads them only in a page written for another tool (a baton
// handbook may have "::" as text, and the Markdown stage knows nothing of
// where a page comes from, so the handbook stage calls it): the callouts
// (::note, ::tip, ::warning, ::caution, ::important, ::callout and Nuxt
// UI's ::prose-x of them) become callouts, and the other blocks' fence,
// props and slot lines are left out of the page, the Markdown between
// them kept, with one warning that names them; so are the lines that
// hold only an inline component (":br", ":video{src="x"}"). Every byte stays where it
// was (left-out lines become blanks), so offsets hold. A callout's fence
// lines keep their place too: their first colon becomes mdcMark, which
// mdcParser alone reads, so a ":" line of a baton handbook never opens
// one. A block of three colons or more outside one of two is a
// Docusaurus or VitePress container, containerParser's, and left alone.

// mdcMark stands for the first colon of the fence lines of a callout MDC
// made: a control character no page writes.
const mdcMark = '\x1f'

var (
	// mdcOpenRE is a block's first line: its colons, its name, and its
	// label and attributes, if any.
	mdcOpenRE = regexp.MustCompile(`^([ \t]*)(:{2,})([A-Za-z][\w-]*)(?:\[[^\]\n]*\])?(\{[^\n]*\})?[ \t]*\r?$`)
	// mdcCloseRE is a line of colons alone.
	mdcCloseRE = regexp.MustCompile(`^([ \t]*)(:{2,})[ \t]*\r?$`)
	// mdcInlineRE is a line that holds only an inline component
	// (":br", ":video{src="x"}").
	mdcInlineRE = regexp.MustCompile(`^[ \t]*:([A-Za-z][\w-]*)(?:\[[^\]\n]*\])?(?:\{[^\n]*\})?[ \t]*\r?$`)
	// mdcSlotRE is a slot's line: #name alone (a heading has a space).
	mdcSlotRE = regexp.MustCompile(`^[ \t]*#[A-Za-z][\w-]*[ \t]*\r?$`)
	// mdcColorRE is a callout's color or type attribute.
	mdcColorRE = regexp.MustCompile(`\b(?:color|type)=["']?([A-Za-z]+)`)
	// mdcMarkedRE is a callout's first line as MDC left it.
	mdcMarkedRE = regexp.MustCompile("^\x1f(:*)([A-Za-z][\\w-]*)(?:\\[[^\\]\\n]*\\])?(\\{[^\\n]*\\})?[ \t]*$")
)

// mdcCallouts are the blocks that are callouts, by name (without Nuxt
// UI's prose- prefix); callout takes its kind from its color.
var mdcCallouts = map[string]bool{"note": true, "tip": true, "warning": true, "caution": true, "important": true, "callout": true}

// mdcBlock is an open block while MDC reads a page.
type mdcBlock struct {
	open, colons int // the colons of its first line, and how many
	name         string
	callout      bool
}

// MDC reads the MDC blocks of body, a page written for another tool, in
// a copy it returns (body itself when it has none), with the warnings
// to give; offsets are body's.
func MDC(body []byte) ([]byte, []Warning) {
	if !bytes.HasPrefix(body, []byte(":")) && !bytes.Contains(body, []byte("\n:")) && !bytes.Contains(body, []byte(" ::")) {
		return body, nil
	}
	r := &mdcReader{body: body}
	var fence []byte
	for off := 0; off < len(body); off = lineEnd(body, off) + 1 {
		end := lineEnd(body, off)
		line := body[off:end]
		t := bytes.TrimLeft(line, " \t")
		r.trackHTML(line, t, fence == nil)
		if f := codeFence(line); fence != nil || f != nil {
			if fence == nil {
				fence = f
			} else if f != nil && f[0] == fence[0] && len(f) >= len(fence) {
				fence = nil
			}
			continue
		}
		if len(t) > 0 && (t[0] == ':' || t[0] == '#') {
			off = r.line(off, end)
		}
	}
	if r.out == nil {
		return body, nil
	}
	var warns []Warning
	if r.others.n > 0 {
		slices.Sort(r.names)
		warns = append(warns, Warning{Offset: r.others.first, Code: diag.Unrendered, Message: fmt.Sprintf("%s (%s, as Nuxt Content writes them), which baton does not render: their fence, props and slot lines are left out of the page, the Markdown inside them kept; the first is here", plural(r.others.n, "MDC component"), strings.Join(r.names, ", "))})
	}
	return r.out, warns
}

// mdcReader is MDC's state while it reads a page.
type mdcReader struct {
	body, out []byte // out is made at the first change
	stack     []mdcBlock
	others    count       // the components left out
	names     []string    // their names, each once
	lastClose map[int]int // colons → the last line of as many, made at the first block
	// html is set in what may be an HTML block, which takes its lines as
	// they are: from a line that starts with a tag to the next blank one,
	// or to htmlEnd for a block that ends at its closing tag.
	html    bool
	htmlEnd string
}

// trackHTML follows the HTML blocks a line (t without its indent) may
// start or end, outside code.
func (r *mdcReader) trackHTML(line, t []byte, outsideCode bool) {
	switch {
	case r.htmlEnd != "":
		r.htmlEnd = htmlClosing(r.htmlEnd, line)
	case len(t) == 0:
		r.html = false
	case outsideCode && t[0] == '<':
		r.html, r.htmlEnd = true, htmlClosing(rawBlockEnd(t), line)
	}
}

// left counts a component left out at off.
func (r *mdcReader) left(off int, name string) {
	r.others.add(off)
	if !slices.Contains(r.names, name) {
		r.names = append(r.names, name)
	}
}

// line reads the line body[off:end], outside code, and returns the
// offset of the last line it read (past a block's props).
func (r *mdcReader) line(off, end int) int {
	body, line := r.body, r.body[off:end]
	m := mdcOpenRE.FindSubmatchIndex(line)
	if m != nil && r.lastClose == nil {
		r.lastClose = closingLines(body)
	}
	switch {
	case m != nil && (len(r.stack) > 0 || m[5]-m[4] == 2) && r.lastClose[m[5]-m[4]] > end:
		// Closed further on by a line of as many colons.
		name := string(line[m[6]:m[7]])
		b := mdcBlock{open: off + m[4], colons: m[5] - m[4], name: name, callout: mdcCallouts[strings.TrimPrefix(name, "prose-")] && indent(line[:m[3]]) < 4 && !r.html && r.htmlEnd == ""}
		r.stack = append(r.stack, b)
		r.out = b.mark(r.out, body, off+m[4])
		if !b.callout {
			r.left(off+m[4], "::"+name)
		}
		if stop := propsEnd(body, end); stop > end {
			r.out = BlankOut(r.out, body, end, stop)
			return lineStart(body, stop) // read on after the props' last line
		}
	case mdcInlineRE.Match(line):
		m := mdcInlineRE.FindSubmatchIndex(line)
		r.out = BlankOut(r.out, body, off, end)
		r.left(off+m[2]-1, ":"+string(line[m[2]:m[3]]))
	case len(r.stack) == 0:
	case mdcCloseRE.Match(line):
		r.close(off, line)
	case mdcSlotRE.Match(line):
		r.out = BlankOut(r.out, body, off, end)
	}
	return off
}

// close reads a line of colons alone at off: the innermost block of as
// many closes there.
func (r *mdcReader) close(off int, line []byte) {
	m := mdcCloseRE.FindSubmatchIndex(line)
	i := len(r.stack) - 1
	for i >= 0 && r.stack[i].colons != m[5]-m[4] {
		i--
	}
	if i < 0 {
		return
	}
	if b := &r.stack[i]; b.callout && (indent(line[:m[3]]) >= 4 || r.html || r.htmlEnd != "") {
		// Code, a paragraph's line or HTML to Markdown, which the
		// callout would not see: no callout.
		b.callout = false
		r.out = b.mark(r.out, r.body, b.open)
		r.left(b.open, "::"+b.name)
	}
	r.out = r.stack[i].mark(r.out, r.body, off+m[4])
	r.stack = r.stack[:i]
}

// mark leaves the fence line of b at off (its first colon) out of the
// page, or marks it as a callout's, in out (a copy of body made at the
// first call), which it returns.
func (b mdcBlock) mark(out, body []byte, colon int) []byte {
	if out == nil {
		out = bytes.Clone(body)
	}
	if b.callout {
		out[colon] = mdcMark
		return out
	}
	return BlankOut(out, body, lineStart(body, colon), lineEnd(body, colon))
}

// indent is the width of the blanks b holds, a tab as four.
func indent(b []byte) int { return len(b) + 3*bytes.Count(b, []byte("\t")) }

// rawBlockEnd is what ends an HTML block that starts with t and does not
// end at a blank line (<pre>, <script>, <style>, <textarea>, a comment),
// or "".
func rawBlockEnd(t []byte) string {
	lower := strings.ToLower(string(t[:min(len(t), 10)]))
	for _, tag := range []string{"pre", "script", "style", "textarea"} {
		if strings.HasPrefix(lower, "<"+tag) {
			return "</" + tag + ">"
		}
	}
	if strings.HasPrefix(lower, "<!--") {
		return "-->"
	}
	return ""
}

// htmlClosing is end, or "" when line holds it.
func htmlClosing(end string, line []byte) string {
	if end != "" && bytes.Contains(bytes.ToLower(line), []byte(end)) {
		return ""
	}
	return end
}

// closingLines maps a number of colons to the offset of the last line of
// body that holds only as many, which closes a block of that many.
func closingLines(body []byte) map[int]int {
	last := map[int]int{}
	for off := 0; off < len(body); off = lineEnd(body, off) + 1 {
		if m := mdcCloseRE.FindSubmatchIndex(body[off:lineEnd(body, off)]); m != nil {
			last[m[5]-m[4]] = off
		}
	}
	return last
}

// propsEnd is the end of the props block ("---" lines around YAML) that
// starts on the line after the one ending at end, or end without one.
func propsEnd(body []byte, end int) int {
	if end >= len(body) || !bytes.Equal(bytes.TrimSpace(body[end+1:lineEnd(body, end+1)]), []byte("---")) {
		return end
	}
	for off := lineEnd(body, end+1) + 1; off < len(body); off = lineEnd(body, off) + 1 {
		if bytes.Equal(bytes.TrimSpace(body[off:lineEnd(body, off)]), []byte("---")) {
			return lineEnd(body, off)
		}
	}
	return end
}

// lineEnd is the offset of the \n that ends the line at off, or len(b).
func lineEnd(b []byte, off int) int {
	if i := bytes.IndexByte(b[off:], '\n'); i >= 0 {
		return off + i
	}
	return len(b)
}

// lineStart is the offset of the line that holds off.
func lineStart(b []byte, off int) int { return bytes.LastIndexByte(b[:off], '\n') + 1 }

// BlankOut makes the bytes of body[start:end] blanks in out (a copy of
// body made at the first call), but for line ends, and returns out: what
// a page's source leaves out of what goldmark reads, its offsets kept.
func BlankOut(out, body []byte, start, end int) []byte {
	if out == nil {
		out = bytes.Clone(body)
	}
	blank(out[start:end])
	return out
}

// mdcParser reads the callouts MDC marked.
type mdcParser struct{ fenced }

func (mdcParser) Trigger() []byte { return []byte{mdcMark} }

// Open takes a callout MDC marked: its kind from its name, or for
// ::callout from its color; its title its name's, in the site's words. A
// closing line met outside its callout (a list item that held the callout
// ended before it) is an empty block, never text.
func (mdcParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	t := bytes.TrimSpace(line)
	if len(bytes.Trim(t[1:], ":")) == 0 {
		reader.AdvanceToEOL()
		return ast.NewTextBlock(), parser.NoChildren
	}
	m := mdcMarkedRE.FindSubmatch(bytes.TrimLeft(trimEOL(line), " \t"))
	if m == nil {
		return nil, parser.NoChildren
	}
	typ := strings.TrimPrefix(strings.ToLower(string(m[2])), "prose-")
	c := &Callout{Alert: typ, colons: len(m[1]) + 1, markers: [][2]int{{seg.Start, seg.Stop}}}
	if typ == "callout" {
		c.Alert = "note"
		if k := mdcColorRE.FindSubmatch(m[3]); k != nil && admonitionKinds[strings.ToLower(string(k[1]))] != "" {
			c.Alert = admonitionKinds[strings.ToLower(string(k[1]))]
		}
	} else {
		c.Title, c.Named = calloutTitles[typ], true
	}
	reader.AdvanceToEOL()
	return c, parser.HasChildren
}

// Continue closes the callout at its own closing line, as MDC marked it.
func (mdcParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	if _, ok := node.(*Callout); !ok {
		return parser.Close // a stray closing line
	}
	closing := string(mdcMark) + strings.Repeat(":", node.(*Callout).colons-1)
	return continueUntil(node, reader, func(line []byte) bool { return string(bytes.TrimSpace(line)) == closing })
}
