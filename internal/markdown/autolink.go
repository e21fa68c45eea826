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

// parse parses src, with terms (nil: none) to mark, without GFM's
// autolinks where it can: the autolinker is asked at every space of
// every line, its trigger, and that asking is a third of goldmark's parse
// of a page of prose (docs/performance.md, nineteenth session). A page
// that holds none of what an autolink needs (mayAutolink) cannot have
// one. Nor can a page whose text, parsed without the autolinker, holds
// none (autolinkCheck): the "://" of its links' destinations, its code
// and its HTML are not text. Parsed as far as the first autolink, the
// page is the same to both parsers, and that autolink's first
// characters are text to the parser without it, so a page with one is
// parsed again with the autolinker. The Doc is the same either way
// (FuzzPlainParser). MyST's roles are left to the autolinker's parser:
// a role's target is not a text node.
func (r *Renderer) parse(src []byte, terms *Terms) ast.Node {
	context := func() parser.Context {
		pc := parser.NewContext()
		if terms != nil {
			pc.Set(termsKey, terms)
		}
		return pc
	}
	if !mayAutolink(src) {
		return r.plain.Parse(text.NewReader(src), parser.WithContext(context()))
	}
	if !r.myst {
		pc := context()
		pc.Set(autolinksKey, false)
		doc := r.plain.Parse(text.NewReader(src), parser.WithContext(pc))
		if found, _ := pc.Get(autolinksKey).(bool); !found {
			return doc
		}
	}
	return r.md.Parser().Parse(text.NewReader(src), parser.WithContext(context()))
}

// autolinksKey holds, while the plain parser parses a page that may have
// an autolink, whether its text has what one needs.
var autolinksKey = parser.NewContextKey()

// autolinkCheck is the plain parser's first AST transformer: on a page
// parse asks it about (autolinksKey set), it looks for "://", "www" (the
// dot may be the first of an ellipsis) or "@" in every text node, those
// of links' text and code spans too.
type autolinkCheck struct{}

func (autolinkCheck) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	if pc.Get(autolinksKey) == nil {
		return
	}
	src := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*ast.Text); ok && entering {
			if v := t.Segment.Value(src); bytes.IndexByte(v, '@') >= 0 || bytes.Contains(v, []byte("://")) || bytes.Contains(v, []byte("www")) {
				pc.Set(autolinksKey, true)
				return ast.WalkStop, nil
			}
		}
		return ast.WalkContinue, nil
	})
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
