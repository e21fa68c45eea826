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
// [!WARNING] or [!CAUTION].
type Callout struct {
	ast.BaseBlock
	// Alert is the lower-case alert name: note, tip, important, warning, caution.
	Alert string
}

// Kind implements ast.Node.
func (c *Callout) Kind() ast.NodeKind { return KindCallout }

func (c *Callout) Dump(src []byte, level int) { ast.DumpHelper(c, src, level, nil, nil) }

// calloutTransformer turns alert blockquotes into Callout nodes.
type calloutTransformer struct{}

func (calloutTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var quotes []*ast.Blockquote
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if q, ok := n.(*ast.Blockquote); ok && entering {
			quotes = append(quotes, q)
		}
		return ast.WalkContinue, nil
	})
	for _, q := range quotes {
		p, ok := q.FirstChild().(*ast.Paragraph)
		if !ok || p.Lines().Len() == 0 {
			continue
		}
		first := p.Lines().At(0)
		m := calloutRE.FindSubmatch(trimEOL(first.Value(src)))

		if m == nil {
			continue
		}
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
		c := &Callout{Alert: strings.ToLower(string(m[1]))}
		for child := q.FirstChild(); child != nil; {
			next := child.NextSibling()
			c.AppendChild(c, child)
			child = next
		}
		q.Parent().ReplaceChild(q.Parent(), q, c)
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

func (r *nodeRenderer) callout(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	c := node.(*Callout)
	if !entering {
		_, _ = w.WriteString("</div>\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<div class="callout callout-` + c.Alert + `" role="note">` + "\n")
	_, _ = w.WriteString(`<p class="callout-title">` + calloutTitles[c.Alert] + "</p>\n")
	return ast.WalkContinue, nil
}
