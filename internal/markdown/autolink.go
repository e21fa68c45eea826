package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	emoji "github.com/yuin/goldmark-emoji"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// newGoldmark is the Markdown of a Renderer, with gfm for GitHub's
// extensions.
func newGoldmark(gfm goldmark.Extender, opts Options, inline, blocks, transformers []util.PrioritizedValue) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(
			gfm,
			extension.DefinitionList,
			extension.NewFootnote(extension.WithFootnoteIDPrefix(prefixToken)),
			typographer(),
			emoji.Emoji,
		),
		goldmark.WithParserOptions(
			// {#id} after a heading, and nowhere else (reliability S3):
			// headingIDs keeps the id and drops any other attribute.
			parser.WithHeadingAttribute(),
			parser.WithInlineParsers(inline...),
			parser.WithBlockParsers(blocks...),
			parser.WithASTTransformers(transformers...),
		),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(util.Prioritized(&nodeRenderer{titles: opts.Titles}, 100))),
	)
}

// gfmWithoutLinkify is GitHub's extensions but its autolinks: tables,
// strikethrough and task lists.
type gfmWithoutLinkify struct{}

func (gfmWithoutLinkify) Extend(m goldmark.Markdown) {
	extension.Table.Extend(m)
	extension.Strikethrough.Extend(m)
	extension.TaskList.Extend(m)
}

// parser is the parser for src: without GFM's autolinks where src cannot
// hold one. The autolinker is asked at every space of every line, its
// trigger, and that asking is a third of goldmark's parse of a page of
// prose (docs/performance.md, nineteenth session); the pages are the
// same either way, byte for byte.
func (r *Renderer) parser(src []byte) parser.Parser {
	if mayAutolink(src) {
		return r.md.Parser()
	}
	return r.plain
}

// mayAutolink reports whether src holds what an autolink needs: a URL
// with "://" (http, https or ftp), one that starts "www.", or an e-mail
// address's "@". It is true of far more than autolinks (a link's
// destination, code): it only needs to be true of every one.
func mayAutolink(src []byte) bool {
	return bytes.IndexByte(src, '@') >= 0 || bytes.Contains(src, []byte("://")) || bytes.Contains(src, []byte("www."))
}

// hardBreaks gives a page parsed with the autolinker the text nodes the
// parser without it makes of a line that ends in three spaces or more (a
// hard line break): asked at each space, the autolinker leaves the
// line's text ending in a space and the break on a node of no bytes
// after it, which shows as "word <br>"; without it, as CommonMark has it,
// the text ends at its last word and carries the break ("word<br>").
type hardBreaks struct{}

func (hardBreaks) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	var empty []*ast.Text // not taken out during the walk, which would end it
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*ast.Text); ok && entering && t.Segment.Len() == 0 && t.HardLineBreak() && !t.SoftLineBreak() {
			empty = append(empty, t)
		}
		return ast.WalkContinue, nil
	})
	for _, t := range empty {
		prev, ok := t.PreviousSibling().(*ast.Text)
		if !ok || prev.SoftLineBreak() || prev.HardLineBreak() || prev.Segment.Stop != t.Segment.Start {
			continue
		}
		prev.Segment = prev.Segment.TrimRightSpace(reader.Source())
		prev.SetHardLineBreak(true)
		t.Parent().RemoveChild(t.Parent(), t)
	}
}
