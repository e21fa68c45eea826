package markdown

import (
	"bytes"
	"strings"

	"github.com/batonhq/baton/internal/diag"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// MyST's cross-references (Jupyter Book, Sphinx with MyST), read only
// where Options.MyST says the pages are MyST's:
//
//   - a target, "(label)=" on a line of its own, names the block after it:
//     a heading, most often. It is no text: the label is an anchor at that
//     heading (Target, and an id Anchors lists), and labels are global to
//     the site, so the resolver finds one from any page;
//   - a directive's ":name: label" option is a target at the directive;
//   - roles, {ref}`label` and {ref}`text <label>`, {numref}, {doc}`path`,
//     {download}`path`, are links (Link.Role) the resolver resolves: to a
//     label, a page, a file. A link whose source gives it no text (a role
//     without one, or MyST's [](label)) shows what the resolver says
//     (Link.NoText: the heading's or the page's title);
//   - {term}`name` is a link to the glossary's entry where the glossary
//     has it, else its text; {eq}`label` is its label's text, with a
//     warning: baton numbers neither equations nor figures.
//
// Any other role ({cite}, {glue}) is left as Markdown reads it, text and a
// code span.

// Target is a MyST target on a page: a label, the text a reference to it
// shows when it gives none, and the heading it names (an index of
// Headings), or -1 when it names another block.
type Target struct {
	Label string
	Text  string
	// Heading is the index in Doc.Headings of the heading the target
	// names; -1 for another block, and for the page's title once the
	// page shows it above the body (WithoutLeadTitle): Top is then set,
	// and the target is the page itself.
	Heading int
	Top     bool
	// Offset is the byte offset in the body where the target is written.
	Offset int
}

// mystRoleAttr marks a link written as a MyST role with the role's name.
const mystRoleAttr = "\x00role"

// offsetAttr holds where a role starts in the body: its link has no text
// to find it by (offsetOf).
const offsetAttr = "\x00offset"

// noTextAttr marks a link its source gives no text: the resolver's goes
// there (Link.NoText).
const noTextAttr = "\x00notext"

// warnAttr holds a Warning about the node it is on, which collect
// reports.
const warnAttr = "\x00warn"

// KindMySTTarget is the kind of a target line's node.
var KindMySTTarget = ast.NewNodeKind("MySTTarget")

// mystTarget is a "(label)=" line: no text, an anchor.
type mystTarget struct {
	ast.BaseBlock
	label  string
	offset int // where the line starts: it holds no lines, which would be text
	// text is what names the target where no heading follows it: a
	// directive's caption (mystNames).
	text string
}

// Kind implements ast.Node.
func (n *mystTarget) Kind() ast.NodeKind { return KindMySTTarget }

// Dump implements ast.Node.
func (n *mystTarget) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Label": n.label}, nil)
}

// mystTargetParser reads "(label)=" lines.
type mystTargetParser struct{}

func (mystTargetParser) Trigger() []byte { return []byte{'('} }

func (mystTargetParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	label, ok := targetLabel(line)
	if !ok {
		return nil, parser.NoChildren
	}
	n := &mystTarget{label: label, offset: seg.Start}
	reader.AdvanceToEOL()
	return n, parser.NoChildren
}

// targetLabel is the label of a target line, "(label)=", and whether the
// line is one.
func targetLabel(line []byte) (string, bool) {
	line = bytes.TrimSpace(line)
	if len(line) < 4 || line[0] != '(' || !bytes.HasSuffix(line, []byte(")=")) {
		return "", false
	}
	label := bytes.TrimSpace(line[1 : len(line)-2])
	if len(label) == 0 || bytes.ContainsAny(label, "()\n") {
		return "", false
	}
	return string(label), true
}

func (mystTargetParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	return parser.Close
}

func (mystTargetParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

func (mystTargetParser) CanInterruptParagraph() bool { return true }

func (mystTargetParser) CanAcceptIndentedLine() bool { return false }

// headingAfter is the heading a target names: the first block after it
// that is not another target, when that is a heading.
func headingAfter(n ast.Node) *ast.Heading {
	for s := n.NextSibling(); s != nil; s = s.NextSibling() {
		if _, ok := s.(*mystTarget); !ok {
			h, _ := s.(*ast.Heading)
			return h
		}
	}
	return nil
}

// mystTarget writes the target's anchor where it stands, unless a heading
// follows, which holds it (heading).
func (r *nodeRenderer) mystTarget(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering && headingAfter(node) == nil {
		writeTargetAnchor(w, node.(*mystTarget).label)
		_ = w.WriteByte('\n')
	}
	return ast.WalkContinue, nil
}

// writeTargetAnchor writes an empty element whose id is a target's label,
// a link's fragment.
func writeTargetAnchor(w util.BufWriter, label string) {
	_, _ = w.WriteString(`<span id="`)
	_, _ = w.WriteString(prefixToken)
	_, _ = w.Write(util.EscapeHTML([]byte(label)))
	_, _ = w.WriteString(`"></span>`)
}

// targetsBefore writes the anchors of the targets just before heading n.
func targetsBefore(w util.BufWriter, n ast.Node) {
	for s := n.PreviousSibling(); s != nil; s = s.PreviousSibling() {
		t, ok := s.(*mystTarget)
		if !ok {
			return
		}
		writeTargetAnchor(w, t.label)
	}
}

// mystRoleParser reads the roles that link, {ref}`label` and the rest.
type mystRoleParser struct{}

func (mystRoleParser) Trigger() []byte { return []byte{'{'} }

// mystLinkRoles are the roles that are links, and whether their target
// names a label (a page, or a file, otherwise).
var mystLinkRoles = map[string]bool{"ref": true, "numref": true, "doc": false, "download": false}

func (mystRoleParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	name, from, to, end, ok := mystRole(line)
	if !ok {
		return nil
	}
	_, links := mystLinkRoles[name]
	if !links && name != "term" && name != "eq" {
		return nil
	}
	block.Advance(end)
	title, target := roleParts(line[from:to])
	start := seg.Start
	at := func(s []byte) text.Segment { // the segment of s, a part of line
		i := start + (cap(line) - cap(s))
		return text.NewSegment(i, i+len(s))
	}
	if len(target) == 0 {
		return ast.NewTextSegment(text.NewSegment(start, start+end))
	}
	shown := title
	if shown == nil {
		shown = target
	}
	suppressed := target[0] == '!' // Sphinx's {ref}`!x`: the text, no link
	if suppressed && title == nil {
		shown = target[1:]
	}
	switch {
	case suppressed || name == "term" && !hasTerm(pc, string(shown)):
		return ast.NewTextSegment(at(shown))
	case name == "term":
		l := ast.NewLink()
		id, _ := termByName(pc, string(shown))
		l.Destination = []byte(GlossaryURL + "#" + TermAnchor(id))
		l.AppendChild(l, ast.NewTextSegment(at(shown)))
		l.SetAttributeString(termIDAttr, id)
		l.SetAttributeString(offsetAttr, start)
		return l
	case name == "eq":
		s := ast.NewString([]byte("(" + string(target) + ")"))
		s.SetAttributeString(warnAttr, Warning{Offset: start, Message: "{eq}`" + string(target) + "` shows its label, not the equation's number: baton does not number equations", Code: diag.Unrendered})
		return s
	}
	l := ast.NewLink()
	l.Destination = target
	l.SetAttributeString(mystRoleAttr, name)
	l.SetAttributeString(offsetAttr, start)
	switch {
	case name == "numref":
		l.SetAttributeString(warnAttr, Warning{Offset: start, Message: "{numref}`" + string(line[from:to]) + "` is a link without the number: baton does not number figures, tables or sections", Code: diag.Unrendered})
		if t := numrefTitle(title); t != "" {
			l.AppendChild(l, ast.NewString([]byte(t)))
		} else {
			l.SetAttributeString(noTextAttr, true)
		}
	case title != nil || name == "download":
		l.AppendChild(l, ast.NewTextSegment(at(shown)))
	default:
		l.SetAttributeString(noTextAttr, true)
	}
	return l
}

// mystRole reads a role at the start of line, {name}`content`: its name,
// where its content starts and ends, where the role ends, and whether
// line starts with one.
func mystRole(line []byte) (name string, from, to, end int, ok bool) {
	close := bytes.IndexByte(line, '}')
	if close < 2 || close > 40 || close+1 >= len(line) || line[close+1] != '`' {
		return "", 0, 0, 0, false
	}
	for i, c := range line[1:close] {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && (c >= '0' && c <= '9' || c == '-' || c == '_' || c == ':' || c == '+')) {
			return "", 0, 0, 0, false
		}
	}
	ticks := close + 1
	for ticks < len(line) && line[ticks] == '`' {
		ticks++
	}
	n := ticks - close - 1
	fence := line[close+1 : ticks]
	for i := ticks; i < len(line); {
		j := bytes.Index(line[i:], fence)
		if j < 0 {
			break
		}
		j += i
		k := j + n
		if k < len(line) && line[k] == '`' { // a longer run: not the close
			for k < len(line) && line[k] == '`' {
				k++
			}
			i = k
			continue
		}
		return strings.ToLower(string(line[1:close])), ticks, j, k, true
	}
	return "", 0, 0, 0, false
}

// roleParts splits a role's content, "text <target>" or "target", into
// its text (nil when none is given) and its target.
func roleParts(content []byte) (title, target []byte) {
	content = bytes.TrimSpace(content)
	if bytes.HasSuffix(content, []byte(">")) {
		if i := bytes.LastIndex(content, []byte("<")); i > 0 && (content[i-1] == ' ' || content[i-1] == '\n') {
			return bytes.TrimSpace(content[:i]), bytes.TrimSpace(content[i+1 : len(content)-1])
		}
	}
	return nil, content
}

// numrefTitle is a {numref}'s text without the number it would hold
// ("Figure %s: the droid", "Table {number}"), or "" when nothing but the
// number and its name ({name}) is left.
func numrefTitle(title []byte) string {
	s := string(title)
	for _, n := range []string{"%s", "{number}", "{name}"} {
		s = strings.ReplaceAll(s, n, "")
	}
	s = strings.Join(strings.Fields(s), " ")
	s = strings.ReplaceAll(s, " :", ":")
	s = strings.Trim(s, " :.-–—")
	return s
}

// termIDAttr holds the glossary id of a {term} link.
const termIDAttr = "\x00termid"

// hasTerm reports whether the glossary the page is marked with has a
// term of this name.
func hasTerm(pc parser.Context, name string) bool {
	_, ok := termByName(pc, name)
	return ok
}

// termByName is the id of the glossary's term of this name, in any case.
func termByName(pc parser.Context, name string) (string, bool) {
	t, _ := pc.Get(termsKey).(*Terms)
	if t == nil {
		return "", false
	}
	name = strings.Join(strings.Fields(name), " ")
	for _, term := range t.terms {
		for _, n := range term.Names {
			if strings.EqualFold(strings.Join(strings.Fields(n), " "), name) {
				return term.ID, true
			}
		}
	}
	return "", false
}

// mystLink reads what the role parser left on link n, the last of
// Links: its role, whether it has text, a warning about it.
func (c *collector) mystLink(n *ast.Link) {
	l := &c.d.Links[len(c.d.Links)-1]
	if v, ok := n.AttributeString(mystRoleAttr); ok {
		l.Role = v.(string)
	}
	if v, ok := n.AttributeString(termIDAttr); ok {
		l.Term = v.(string)
	}
	if v, ok := n.AttributeString(offsetAttr); ok {
		l.Offset = v.(int)
	}
	_, l.NoText = n.AttributeString(noTextAttr)
	c.warnOf(n)
}

// warnOf reports the warning the role parser left on n.
func (c *collector) warnOf(n ast.Node) {
	if v, ok := n.AttributeString(warnAttr); ok {
		w := v.(Warning)
		c.d.Warnings = append(c.d.Warnings, w)
	}
}

// target records target n: its label, and the heading it names.
func (c *collector) target(n *mystTarget) {
	t := Target{Label: n.label, Text: n.text, Heading: -1, Offset: n.offset}
	if h := headingAfter(n); h != nil {
		// The heading comes next in the walk: it is the next one.
		t.Heading, t.Text = len(c.d.Headings), nodeText(h, c.src, readerText)
	}
	c.d.Targets = append(c.d.Targets, t)
	c.d.addAnchor(n.label)
}
