package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindCallout is the node kind of a GitHub-style alert ("> [!NOTE]").
var KindCallout = ast.NewNodeKind("Callout")

// Callout is a blockquote that opened with [!NOTE], [!TIP], [!IMPORTANT],
// [!WARNING] or [!CAUTION], a MkDocs admonition, a GitBook hint, or a
// Docusaurus or VitePress container.
type Callout struct {
	ast.BaseBlock
	// Alert is the lower-case alert name, one of calloutKinds.
	Alert string
	// Title is the callout's title, as text; none is shown when empty.
	// Named is set when Title is the alert's own name, which the page
	// shows in the site's words (Options.Titles).
	Title string
	Named bool
	// Collapsible callouts (MkDocs' ???) are a details element, open when
	// Open.
	Collapsible, Open bool
	// markers are the source ranges of a GitBook hint's {% hint %} and
	// {% endhint %} lines, or a container's ::: lines, which are not text.
	markers [][2]int
	// colons are how many open a Docusaurus or VitePress container (or a
	// MyST directive, of the character fence: colons, backticks or
	// tildes; or a PyMdown block, slashes); a line of as many or more
	// closes it.
	colons int
	fence  byte
	// options is set while a MyST directive (or a PyMdown block) may
	// still have option lines (":class: dropdown"), yamlOptions inside a
	// block of them between "---" lines.
	options, yamlOptions bool
	// name is a MyST directive's :name:, a target at the callout (its
	// id) where the pages are MyST's; collect clears it elsewhere.
	name string
}

// calloutKinds are the five kinds of callout, GitHub's alerts.
var calloutKinds = []string{"note", "tip", "important", "warning", "caution"}

// Kind implements ast.Node.
func (c *Callout) Kind() ast.NodeKind { return KindCallout }

func (c *Callout) Dump(src []byte, level int) { ast.DumpHelper(c, src, level, nil, nil) }

// calloutTransformer turns alert blockquotes into Callout nodes.
type calloutTransformer struct{}

func (calloutTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	for _, q := range nodesOf[*ast.Blockquote](doc) {
		p, ok := q.FirstChild().(*ast.Paragraph)
		if !ok || p.Lines().Len() == 0 {
			continue
		}
		first := p.Lines().At(0)
		line := trimEOL(first.Value(src))
		m := calloutRE.FindSubmatch(line)
		if m == nil {
			// "> [!NOTE] Text" on one line: GitHub shows a plain quote,
			// but the author meant a callout whose body starts there (as
			// handbooks rendered by their own sites have it).
			m = calloutInlineRE.FindSubmatch(line)
			if m == nil {
				continue
			}
			dropMarker(p, src, first.Start+len(m[0]))
		} else {
			// Drop the inline nodes of the marker line.
			for c := p.FirstChild(); c != nil; {
				next := c.NextSibling()
				t, ok := c.(*ast.Text)
				if !ok || t.Segment.Start >= first.Stop {
					break
				}
				p.RemoveChild(p, c)
				c = next
			}
			if p.ChildCount() == 0 {
				q.RemoveChild(q, p)
			} else {
				lines := text.NewSegments()
				for i := 1; i < p.Lines().Len(); i++ {
					lines.Append(p.Lines().At(i))
				}
				p.SetLines(lines)
			}
		}
		alert := strings.ToLower(string(m[1]))
		c := &Callout{Alert: alert, Title: calloutTitles[alert], Named: true}
		for child := q.FirstChild(); child != nil; {
			next := child.NextSibling()
			c.AppendChild(c, child)
			child = next
		}
		q.Parent().ReplaceChild(q.Parent(), q, c)
	}
}

// dropMarker removes from paragraph p the text before end, the marker
// "[!NOTE] " its first line starts with.
func dropMarker(p *ast.Paragraph, src []byte, end int) {
	for c := p.FirstChild(); c != nil; {
		next := c.NextSibling()
		t, ok := c.(*ast.Text)
		if !ok || t.Segment.Start >= end {
			break
		}
		if t.Segment.Stop > end {
			t.Segment = t.Segment.WithStart(end)
			break
		}
		p.RemoveChild(p, c)
		c = next
	}
	lines := p.Lines()
	if lines.Len() > 0 {
		first := lines.At(0)
		lines.Set(0, first.WithStart(end))
	}
}

func trimEOL(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}

var calloutTitles = map[string]string{
	"note": "Note", "tip": "Tip", "important": "Important", "warning": "Warning", "caution": "Caution",
}

// Titles are the names a callout shows for its alert when its source
// gives none, in the site's words; an empty one is English.
type Titles struct {
	Note, Tip, Important, Warning, Caution string
}

// of returns the title of alert.
func (t Titles) of(alert string) string {
	v := map[string]string{"note": t.Note, "tip": t.Tip, "important": t.Important, "warning": t.Warning, "caution": t.Caution}[alert]
	if v == "" {
		return calloutTitles[alert]
	}
	return v
}

func (r *nodeRenderer) callout(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	c := node.(*Callout)
	if !entering {
		if c.Collapsible {
			_, _ = w.WriteString("</details>\n")
		} else {
			_, _ = w.WriteString("</div>\n")
		}
		return ast.WalkContinue, nil
	}
	text := c.Title
	if c.Named {
		text = r.titles.of(c.Alert)
	}
	title := util.EscapeHTML([]byte(text))
	if c.Collapsible {
		_, _ = w.WriteString(`<details class="callout callout-` + c.Alert + `"`)
		if c.name != "" {
			_, _ = w.WriteString(` id="` + prefixToken)
			_, _ = w.Write(util.EscapeHTML([]byte(c.name)))
			_ = w.WriteByte('"')
		}
		if c.Open {
			_, _ = w.WriteString(" open")
		}
		_, _ = w.WriteString(">\n<summary class=\"callout-title\">")
		_, _ = w.Write(title)
		_, _ = w.WriteString("</summary>\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<div class="callout callout-` + c.Alert + `"`)
	if c.name != "" {
		_, _ = w.WriteString(` id="` + prefixToken)
		_, _ = w.Write(util.EscapeHTML([]byte(c.name)))
		_ = w.WriteByte('"')
	}
	_, _ = w.WriteString(` role="note">` + "\n")
	if c.Title != "" {
		_, _ = w.WriteString(`<p class="callout-title">`)
		_, _ = w.Write(title)
		_, _ = w.WriteString("</p>\n")
	}
	return ast.WalkContinue, nil
}
