package markdown

import (
	"bytes"
	"net/url"
	"path"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Obsidian's links between notes (which Foam, Logseq and GitHub's wikis
// write too): [[Note]], [[Note|shown text]], [[Note#Heading]], and
// ![[image.png]], which shows the image (an embedded note is a link). The target names a file without
// its folder, so wikiLink marks the link (Link.Wiki) for the resolver to
// find it by name anywhere in the site; a heading is named by its text
// and becomes its GitHub id.

// wikiAttr marks a link or image that was written as a wiki link.
const wikiAttr = "\x00wiki"

type wikiLinkParser struct{}

func (wikiLinkParser) Trigger() []byte { return []byte{'[', '!'} }

func (wikiLinkParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	open := 2
	if bytes.HasPrefix(line, []byte("!")) {
		open = 3
	}
	if len(line) < open || !bytes.HasPrefix(line[open-2:], []byte("[[")) {
		return nil
	}
	end := bytes.Index(line[open:], []byte("]]"))
	if end <= 0 || bytes.ContainsAny(line[open:open+end], "[]\n") {
		return nil
	}
	if after := line[open+end+2:]; len(after) > 0 && (after[0] == '(' || after[0] == '[') {
		return nil // [[1]](url): a Markdown link whose text is in brackets
	}
	// The text shown is the source's: the alias after |, else the target.
	from, to := open, open+end
	target := line[from:to]
	if i := bytes.IndexByte(target, '|'); i >= 0 {
		from, target = from+i+1, target[:i]
	}
	name, heading, _ := bytes.Cut(target, []byte("#"))
	dest := wikiDest(string(bytes.TrimSpace(name)), string(bytes.TrimSpace(heading)))
	if dest == "" {
		return nil
	}
	shown := text.NewSegment(seg.Start+from, seg.Start+to)
	shown = shown.TrimLeftSpace(block.Source())
	shown = shown.TrimRightSpace(block.Source())
	if shown.IsEmpty() {
		return nil
	}
	block.Advance(open + end + 2)
	link := ast.NewLink()
	link.Destination = []byte(dest)
	link.AppendChild(link, ast.NewTextSegment(shown))
	link.SetAttributeString(wikiAttr, true)
	if open == 3 && isImageName(string(name)) {
		// An embedded note (a transclusion) or document is a link to
		// it; an image shows.
		img := ast.NewImage(link)
		img.SetAttributeString(wikiAttr, true)
		return img
	}
	return link
}

// wikiDest is the destination of a wiki link to the file name (a page
// without its extension, or any file) and the heading by its text: the
// name as a path of the site's, with the heading's id; "" when there is
// neither.
func wikiDest(name, heading string) string {
	var b strings.Builder
	for i, seg := range strings.Split(name, "/") {
		if i > 0 {
			b.WriteByte('/')
		}
		b.WriteString(url.PathEscape(seg))
	}
	if heading != "" {
		b.WriteString("#" + Slug(heading))
	}
	if b.Len() == 0 || b.String() == "#" {
		return ""
	}
	return b.String()
}

// isImageName reports whether a file name is an image's.
func isImageName(name string) bool {
	switch strings.ToLower(path.Ext(strings.TrimSpace(name))) {
	case ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".bmp", ".ico", ".tif", ".tiff":
		return true
	}
	return false
}
