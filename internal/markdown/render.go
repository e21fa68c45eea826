package markdown

import (
	"fmt"
	"strconv"

	emojiast "github.com/yuin/goldmark-emoji/ast"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// linkIndexAttr is the attribute collect sets on each link node to its index
// in Doc.Links; the renderer reads it to write that link's placeholder.
const linkIndexAttr = "\x00link"

// nodeRenderer renders the nodes whose output depends on the rest of the
// site (links, images, heading ids) as placeholders, callouts, and code
// blocks as highlightBlocks made them; titles are callouts' own names in
// the site's words.
type nodeRenderer struct{ titles Titles }

func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, r.link)
	reg.Register(ast.KindAutoLink, r.autoLink)
	reg.Register(ast.KindImage, r.image)
	reg.Register(ast.KindHeading, r.heading)
	reg.Register(KindCallout, r.callout)
	reg.Register(ast.KindFencedCodeBlock, r.fencedCode)
	reg.Register(ast.KindRawHTML, r.rawHTML)
	reg.Register(ast.KindHTMLBlock, r.htmlBlock)
	reg.Register(emojiast.KindEmoji, r.emoji)
	reg.Register(extast.KindTaskCheckBox, r.taskCheckBox)
	reg.Register(extast.KindTableCell, r.tableCell)
	reg.Register(KindTerm, r.term)
	reg.Register(KindMySTTarget, r.mystTarget)
}

// taskCheckBox writes a task list's box as GitHub does, named by the text
// of its item, which is beside it but not its label: a box without a name
// is read out as "checkbox" alone.
func (r *nodeRenderer) taskCheckBox(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	if node.(*extast.TaskCheckBox).IsChecked {
		_, _ = w.WriteString(`<input checked="" disabled="" type="checkbox"`)
	} else {
		_, _ = w.WriteString(`<input disabled="" type="checkbox"`)
	}
	if p := node.Parent(); p != nil {
		if name := nodeText(p, src, readerText); name != "" {
			_, _ = w.WriteString(` aria-label="`)
			_, _ = w.Write(util.EscapeHTML([]byte(name)))
			_ = w.WriteByte('"')
		}
	}
	_, _ = w.WriteString("> ")
	return ast.WalkContinue, nil
}

// tableCell writes a cell as goldmark does, but for an empty cell of the
// header row, which is a td: a header cell names its column, and an empty
// one (the corner above a column of row names) names nothing.
func (r *nodeRenderer) tableCell(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*extast.TableCell)
	tag := "td"
	if n.Parent().Kind() == extast.KindTableHeader && n.HasChildren() {
		tag = "th"
	}
	if !entering {
		_, _ = w.WriteString("</" + tag + ">\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<" + tag)
	if n.Alignment != extast.AlignNone {
		_, _ = w.WriteString(` style="text-align:` + n.Alignment.String() + `"`)
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

// writePlaceholder writes the placeholder of link node n. A node that
// collect did not number is an error, never another link's index: the
// page would show, unchecked, a destination that is not the one written.
func writePlaceholder(w util.BufWriter, n ast.Node) error {
	v, ok := n.AttributeString(linkIndexAttr)
	i, isInt := v.(int)
	if !ok || !isInt {
		return fmt.Errorf("markdown: a %s node was not numbered before rendering", n.Kind())
	}
	_, _ = w.WriteString("\x00L")
	_, _ = w.WriteString(strconv.Itoa(i))
	_ = w.WriteByte(mark)
	return nil
}

func (r *nodeRenderer) link(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	if err := writePlaceholder(w, n); err != nil {
		return ast.WalkStop, err
	}
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		_, _ = w.Write(util.EscapeHTML(n.Title))
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	if _, ok := n.AttributeString(noTextAttr); ok {
		// The text of what it leads to, which Resolve fills in.
		v, _ := n.AttributeString(linkIndexAttr)
		_, _ = w.WriteString("\x00T")
		_, _ = w.WriteString(strconv.Itoa(v.(int)))
		_ = w.WriteByte(mark)
	}
	return ast.WalkContinue, nil
}

func (r *nodeRenderer) autoLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.AutoLink)
	if !entering {
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	if err := writePlaceholder(w, n); err != nil {
		return ast.WalkStop, err
	}
	_, _ = w.WriteString(`">`)
	_, _ = w.Write(util.EscapeHTML(n.Label(src)))
	_, _ = w.WriteString("</a>")
	return ast.WalkContinue, nil
}

func (r *nodeRenderer) image(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	_, _ = w.WriteString(`<img src="`)
	if err := writePlaceholder(w, n); err != nil {
		return ast.WalkStop, err
	}
	_, _ = w.WriteString(`" alt="`)
	_, _ = w.Write(util.EscapeHTML([]byte(nodeText(n, src, readerText))))
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		_, _ = w.Write(util.EscapeHTML(n.Title))
		_ = w.WriteByte('"')
	}
	_, _ = w.WriteString(` loading="lazy">`)
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) heading(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	level := "0123456"[n.Level]
	if !entering {
		_, _ = w.WriteString("</h")
		_ = w.WriteByte(level)
		_, _ = w.WriteString(">\n")
		return ast.WalkContinue, nil
	}
	v, _ := n.AttributeString("id")
	id, _ := v.([]byte)
	_, _ = w.WriteString("<h")
	_ = w.WriteByte(level)
	_, _ = w.WriteString(` id="`)
	_, _ = w.WriteString(prefixToken)
	_, _ = w.Write(util.EscapeHTML(id))
	_, _ = w.WriteString(`"><a class="anchor" href="#`)
	_, _ = w.WriteString(prefixToken)
	_, _ = w.Write(util.EscapeHTML(id))
	// The link's name is the heading's text in the site's words,
	// which Resolve fills in (labelToken).
	_, _ = w.WriteString(`" aria-label="`)
	_, _ = w.WriteString(labelToken)
	_, _ = w.Write(util.EscapeHTML([]byte(nodeText(n, src, readerText))))
	_ = w.WriteByte(mark)
	_, _ = w.WriteString(`">#</a>`)
	targetsBefore(w, n)
	return ast.WalkContinue, nil
}

func (r *nodeRenderer) fencedCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	v, _ := node.AttributeString(codeAttr)
	html, ok := v.([]byte)
	if !ok {
		return ast.WalkStop, fmt.Errorf("markdown: a code block was not highlighted before rendering")
	}
	_, _ = w.Write(html)
	return ast.WalkContinue, nil
}

// writeRaw writes a raw HTML node as collect left it: with placeholders
// for its links and ids, or as written. Without unsafe_html, Prepare
// sanitises the whole body afterwards.
func writeRaw(w util.BufWriter, src []byte, n ast.Node) {
	if v, ok := n.AttributeString(rawAttr); ok {
		_, _ = w.Write(v.([]byte))
		return
	}
	for _, s := range rawSegments(n) {
		_, _ = w.Write(s.Value(src))
	}
}

func (r *nodeRenderer) rawHTML(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		writeRaw(w, src, node)
	}
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) htmlBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		writeRaw(w, src, node)
	}
	return ast.WalkContinue, nil
}

// emoji writes a shortcode's character, as GitHub shows it; a shortcode
// with no character (GitHub's own images, such as :octocat:) stays text.
func (r *nodeRenderer) emoji(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*emojiast.Emoji)
	if n.Value.IsUnicode() {
		_, _ = w.WriteString(string(n.Value.Unicode))
		return ast.WalkContinue, nil
	}
	_ = w.WriteByte(':')
	_, _ = w.Write(util.EscapeHTML(n.ShortName))
	_ = w.WriteByte(':')
	return ast.WalkContinue, nil
}
