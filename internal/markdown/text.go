package markdown

import (
	"bufio"
	"bytes"
	"fmt"
	stdhtml "html"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	emojiast "github.com/yuin/goldmark-emoji/ast"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
)

// typography is what the typographer writes for each mark the author
// typed. It writes characters, not HTML entities: plain text taken from
// the document (summaries, the table of contents, anchor labels, the
// search index) then holds the characters themselves, escaped once
// wherever it is written. typed is what the author wrote, which is what
// GitHub sees when it makes a heading's id ("a -- b" is "a----b" there).
var typography = []struct {
	mark        extension.TypographicPunctuation
	char, typed string
}{
	{extension.LeftSingleQuote, "‘", "'"},
	{extension.RightSingleQuote, "’", "'"},
	{extension.Apostrophe, "’", "'"},
	{extension.LeftDoubleQuote, "“", `"`},
	{extension.RightDoubleQuote, "”", `"`},
	{extension.EnDash, "–", "--"},
	{extension.EmDash, "—", "---"},
	{extension.Ellipsis, "…", "..."},
	{extension.LeftAngleQuote, "«", "<<"},
	{extension.RightAngleQuote, "»", ">>"},
}

// typographer is the Typographer extension writing characters.
func typographer() goldmark.Extender {
	subs := map[extension.TypographicPunctuation]string{}
	for _, t := range typography {
		subs[t.mark] = t.char
	}
	return extension.NewTypographer(extension.WithTypographicSubstitutions(subs))
}

// typedAs maps a character the typographer wrote back to what the author
// typed.
func typedAs(char string) (string, bool) {
	for _, t := range typography {
		if t.char == char {
			return t.typed, true
		}
	}
	return "", false
}

// textMode says what a node's text is for.
type textMode int

const (
	// readerText is the text a reader sees, for summaries, the table of
	// contents, labels and image descriptions: typography as characters,
	// an image as its description.
	readerText textMode = iota
	// gitHubText is the text GitHub makes a heading's id from, the text
	// content of the heading as GitHub renders it: typography as the author
	// typed it, no image descriptions, a footnote reference as its number,
	// HTML tags dropped and the text between them kept.
	gitHubText
)

// nodeText is the text of n's inline content, without markup: character
// references and backslash escapes resolved as the HTML renderer resolves
// them, code spans as written.
func nodeText(n ast.Node, src []byte, mode textMode) string {
	var b strings.Builder
	var scratch bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			writeTextValue(&b, c, src, &scratch)
			if c.SoftLineBreak() || c.HardLineBreak() {
				if mode == gitHubText {
					b.WriteByte('\n') // a line break in the text content, which GitHub drops
				} else {
					b.WriteByte(' ')
				}
			}
		case *ast.String:
			v := string(c.Value)
			if typed, ok := typedAs(v); ok && mode == gitHubText && c.IsCode() {
				v = typed
			}
			b.WriteString(v)
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					b.WriteString(strings.ReplaceAll(string(t.Segment.Value(src)), "\n", " "))
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			b.Write(c.Label(src))
		case *ast.Image:
			if mode == gitHubText {
				return ast.WalkSkipChildren, nil
			}
		case *extast.FootnoteLink:
			if mode == gitHubText {
				b.WriteString(strconv.Itoa(c.Index))
			}
		case *emojiast.Emoji:
			// GitHub makes a heading's id before it turns shortcodes into
			// characters: "## :rocket: Launch" is "rocket-launch" there.
			if mode == gitHubText || !c.Value.IsUnicode() {
				b.WriteByte(':')
				b.Write(c.ShortName)
				b.WriteByte(':')
			} else {
				b.WriteString(string(c.Value.Unicode))
			}
		}
		return ast.WalkContinue, nil
	})
	if mode == gitHubText {
		// Space left by an image before the words is in GitHub's text
		// content too: "![logo](x.png) Title" is "-title" there.
		return b.String()
	}
	return strings.TrimSpace(b.String())
}

// LeadBytes is the most of a first paragraph a Doc keeps as its Lead: more
// than any summary made from it needs, and a page's whole first paragraph
// would otherwise be held for as long as the page.
const LeadBytes = 512

// cutAt is s, or its first n bytes at most when it is longer, cut at a
// character boundary.
func cutAt(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// textWriter is where text goes: a strings.Builder or a bytes.Buffer.
type textWriter interface {
	io.Writer
	io.StringWriter
}

// writeTextValue writes the text of a Text node as the HTML renderer shows
// it, with backslash escapes and character references resolved.
func writeTextValue(b textWriter, t *ast.Text, src []byte, scratch *bytes.Buffer) {
	v := t.Segment.Value(src)
	if t.IsRaw() || bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		b.Write(v)
		return
	}
	// The renderer's own writer resolves them exactly as the page shows
	// them, HTML-escaped; unescaping that once gives the characters.
	scratch.Reset()
	w := bufio.NewWriter(scratch)
	html.DefaultWriter.Write(w, v)
	_ = w.Flush()
	b.WriteString(stdhtml.UnescapeString(scratch.String()))
}

// Slug is the id GitHub gives a heading whose text content is s: lower
// case; letters, marks, numbers, connector punctuation (the underscore)
// and hyphens kept; each space a hyphen; everything else dropped.
func Slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.In(r, unicode.M, unicode.Pc):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// headingIDs gives every heading the id GitHub gives it, from the
// heading's text (not its source line), so links written for GitHub work
// here: a repeat gets -1, -2 and so on. A heading whose text makes no id
// (GitHub gives it none that a link can name) gets "section", "section-1"
// and so on, after every other heading has its id, so it never takes
// one a later heading's link needs. An id the author gave ("## Title
// {#custom}", as MkDocs, Hugo and kramdown read it) comes first of all;
// any other attribute written there is dropped.
type headingIDs struct{}

// idWarnAttr holds, on a heading, why the id its author gave was not used.
const idWarnAttr = "\x00idwarn"

// customIDRE matches the ids an author may give a heading: no space,
// quote or angle bracket, nothing a URL fragment would have to escape
// but letters of any script.
var customIDRE = regexp.MustCompile(`^[\p{L}\p{M}\p{N}_.:-]+$`)

func (headingIDs) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	headings := nodesOf[*ast.Heading](doc)
	used := make(map[string]bool, len(headings))
	ids := make([]string, len(headings))
	for i, h := range headings {
		v, ok := h.AttributeString("id")
		h.RemoveAttributes()
		if !ok {
			continue
		}
		custom, _ := v.([]byte)
		switch {
		case !customIDRE.Match(custom):
			h.SetAttributeString(idWarnAttr, fmt.Sprintf("the heading id {#%s} is not one a link can name (letters, digits, -, _, . and : only); the id is made from the heading's text", custom))
		case used[string(custom)]:
			h.SetAttributeString(idWarnAttr, fmt.Sprintf("the heading id {#%s} is given to an earlier heading too; the id is made from the heading's text", custom))
		default:
			ids[i] = string(custom)
			used[ids[i]] = true
		}
	}
	for i, h := range headings {
		if ids[i] != "" {
			continue
		}
		if s := Slug(nodeText(h, src, gitHubText)); s != "" {
			ids[i] = unique(s, used)
		}
	}
	for i, h := range headings {
		if ids[i] == "" {
			ids[i] = unique("section", used)
		}
		h.SetAttributeString("id", []byte(ids[i]))
	}
}

// unique returns base, or base-1, base-2 and so on: the first not used,
// and marks it used. Counting from 1 each time gives GitHub's ids: every
// suffix below the one GitHub would pick is taken.
func unique(base string, used map[string]bool) string {
	id := base
	for i := 1; used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	used[id] = true
	return id
}
