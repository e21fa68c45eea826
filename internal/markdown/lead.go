package markdown

import (
	"bytes"
	"regexp"
	"slices"

	"github.com/yuin/goldmark/ast"
)

// opensWithTitle reports whether a document's first block is a level-1
// heading: how a page written for GitHub, GitBook or MkDocs gives its
// title.
func opensWithTitle(doc ast.Node) bool {
	first := doc.FirstChild()
	for _, ok := first.(*mystTarget); ok; _, ok = first.(*mystTarget) {
		first = first.NextSibling() // MyST's (label)= before the title
	}
	h, ok := first.(*ast.Heading)
	return ok && h.Level == 1
}

// templateTitle matches a heading that is one template tag alone: ERB,
// Liquid or Go templates.
var templateTitle = regexp.MustCompile(`^\s*(?:<%=?[^%]*%>|\{\{[^{}]*\}\})\s*$`)

// TemplateTitle reports whether a title is one template tag alone, such
// as the heading <%= current_page.data.title %> that printed a page's
// title in the tool it was written for: a page leaves it out, and it is
// no title.
func TemplateTitle(s string) bool {
	return templateTitle.MatchString(s)
}

// templateLead is the span of the level-1 heading doc opens with when
// that heading is one template tag, which the page leaves out (see
// TemplateTitle), or false.
func templateLead(doc ast.Node, src []byte) ([2]int, bool) {
	if !opensWithTitle(doc) {
		return [2]int{}, false
	}
	h := doc.FirstChild()
	for _, ok := h.(*mystTarget); ok; _, ok = h.(*mystTarget) {
		h = h.NextSibling()
	}
	l := h.Lines()
	if l.Len() == 0 {
		return [2]int{}, false
	}
	span := [2]int{l.At(0).Start, l.At(l.Len() - 1).Stop}
	return span, TemplateTitle(string(src[span[0]:span[1]]))
}

// LeadTitle is the text of the level-1 heading the document opens with,
// or "" when it opens with anything else.
func (d *Doc) LeadTitle() string {
	if !d.leadH1 || len(d.Headings) == 0 {
		return ""
	}
	return d.Headings[0].Text
}

// WithoutLeadTitle is the document without the level-1 heading it opens
// with, for a page whose title that heading is: the page shows its title
// once, above the body. The heading's links stay in Links, checked, with
// nothing left to print them. It returns d itself when d has no such
// heading.
func (d *Doc) WithoutLeadTitle() *Doc {
	if d.LeadTitle() == "" || d.leadEnd == 0 {
		return d
	}
	c := *d
	c.leadH1, c.leadEnd, c.leadMarks = false, 0, 0
	if d.where == nil {
		c.html = d.html[d.leadEnd:]
	} else {
		c.from = d.from + d.leadEnd
	}
	c.marks = d.marks - d.leadMarks
	c.Headings = d.Headings[1:]
	if len(d.Targets) > 0 {
		// A target at the title names the page: the title, and the
		// anchor it held, are above the body now.
		c.Targets = make([]Target, len(d.Targets))
		for i, t := range d.Targets {
			if t.Heading == 0 {
				t.Top = true
				c.Anchors = slices.DeleteFunc(slices.Clone(c.Anchors), func(a string) bool { return a == t.Label })
			}
			if t.Heading >= 0 {
				t.Heading--
			}
			c.Targets[i] = t
		}
		if len(c.Anchors) == 0 {
			c.Anchors = nil
		}
	}
	c.Sections = make([]Section, len(d.Sections))
	for i, s := range d.Sections {
		// The text under the title is the top of the page now.
		s.Heading--
		c.Sections[i] = s
	}
	return &c
}

// onlyTags reports whether paragraph p holds nothing but template tags no
// Markdown renders (Hugo shortcodes, Liquid tags): a page of another tool
// that opens with a badge's shortcode is summed up by the paragraph after
// it, not by the tag's source (which the page warns about).
func onlyTags(p *ast.Paragraph, src []byte) bool {
	lines := p.Lines()
	// Most first paragraphs hold no brace at all: they are told apart
	// without a copy, on every page's parse.
	braced := false
	for i := range lines.Len() {
		seg := lines.At(i)
		if bytes.IndexByte(seg.Value(src), '{') >= 0 {
			braced = true
			break
		}
	}
	if !braced {
		return false
	}
	var b []byte
	for i := range lines.Len() {
		seg := lines.At(i)
		b = append(b, seg.Value(src)...)
	}
	b = hugoRE.ReplaceAll(b, nil)
	b = liquidTagRE.ReplaceAll(b, nil)
	return len(bytes.TrimSpace(b)) == 0
}
