// Package markdown is baton's one goldmark setup.
//
// Prepare turns a Markdown body into a Doc: HTML in which every link and
// image destination and every id prefix is a placeholder, plus the links,
// headings, anchors and plain text the later stages need. The AST is
// dropped, so a prepared Doc is small and can be cached across rebuilds
// (unless it is Transient); Resolve fills the placeholders in one pass once
// the site knows where each link points. Every link and image of the
// document is in Links, those of its raw HTML (a href, img and source src
// and srcset) too, and its plain text holds characters, never HTML
// entities. Raw HTML is kept: as written with unsafe_html, otherwise
// through an allow-list like GitHub's, applied to the whole body at once,
// after which every URL and id on the page is one baton wrote.
//
// A Renderer holds no per-document state and is safe for concurrent use;
// what it keeps between documents (its lexers, the code blocks being
// highlighted) is behind locks.
package markdown

import (
	"bytes"
	"io"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/i18n"
	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	emojiast "github.com/yuin/goldmark-emoji/ast"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
)

// Placeholders never collide with rendered content: Prepare replaces every
// NUL in the source before parsing, so NUL appears only where baton put it.
const (
	mark        = '\x00'
	prefixToken = "\x00P\x00" // the id prefix (empty on a page, set in the print view)
	// labelToken opens a heading's text, escaped, up to the next mark: the
	// name of its anchor link, said in the site's words.
	labelToken = "\x00A"
)

// Renderer converts Markdown bodies. Build one per site configuration.
type Renderer struct {
	md goldmark.Markdown
	// plain is md's parser without GFM's autolinks, for a page that
	// cannot have one (mayAutolink).
	plain parser.Parser
	// policy sanitises the raw HTML of a document; nil with Unsafe, which
	// keeps it all.
	policy *bluemonday.Policy
	code   *CodeCache
	lexers *lexerSet
	// lexTimeout bounds the highlighting of one code block.
	lexTimeout time.Duration
	// timedLimit is the time limit of the lexers that keep chroma's:
	// chromaMatchTimeout (a test sets it to nothing to make them slow).
	timedLimit time.Duration

	// spill, when set, takes each document's HTML and text out of
	// memory (Options.Spill).
	spill *Spill
	// docs, when set, keeps prepared documents between runs (Options.Docs);
	// how is the hash of the options a Doc depends on, part of its key.
	docs *DocCache
	how  [32]byte
	// myst reads the pages as MyST's (Options.MyST).
	myst bool

	mu      sync.Mutex
	flights map[codeKey]*flight // blocks being tokenised

	// bufs holds the buffers a document's HTML and text are made in:
	// each is copied out (or spilled) before Prepare returns.
	bufs sync.Pool
}

// Options configure a Renderer.
type Options struct {
	// Unsafe keeps raw HTML in the Markdown as written; otherwise it is
	// kept through an allow-list like GitHub's.
	Unsafe bool
	// Code, when set, gives highlighted code blocks an earlier run made,
	// and keeps those this Renderer highlights.
	Code *CodeCache
	// HighlightTimeout bounds the highlighting of one code block (default
	// 10 s): a block that takes longer is shown without colours, with a
	// warning. Only a lexer that loops reaches the default.
	HighlightTimeout time.Duration
	// Spill, when set, holds the HTML and text of the documents Prepare
	// makes, out of memory (a one-off build's; the dev server keeps them).
	Spill *Spill
	// Docs, when set, gives documents an earlier run prepared from the
	// same body with the same options and terms, and keeps those this
	// Renderer prepares.
	Docs *DocCache
	// Titles are callouts' own titles in the site's words (English when
	// empty): they are part of the prepared page, so a Renderer is made
	// for one language.
	Titles Titles
	// WikiLinks reads [[Note]] as a link (wikiLinkParser), as a vault of
	// notes (Obsidian's, Foam's) writes it; elsewhere, [[x]] is text, as
	// in TOML's [[tables]] that a page shows.
	WikiLinks bool
	// MyST reads MyST's cross-references (mystref.go): "(label)=" targets
	// and directives' :name:, anchors a label names from any page, and
	// the roles {ref}, {numref}, {doc}, {download}, {term} and {eq}, as a
	// Jupyter Book's pages write them; elsewhere they are text.
	MyST bool
}

// New returns a Renderer. With unsafe, raw HTML in the Markdown is kept as
// written; otherwise it is sanitised.
func New(unsafe bool) *Renderer { return NewWith(Options{Unsafe: unsafe}) }

// NewCached returns a Renderer that takes highlighted code blocks from
// code, and keeps there those it highlights; a nil code is no cache.
func NewCached(unsafe bool, code *CodeCache) *Renderer {
	return NewWith(Options{Unsafe: unsafe, Code: code})
}

// NewWith returns a Renderer configured by opts.
func NewWith(opts Options) *Renderer {
	// Raw HTML is written by nodeRenderer in both modes (its links and ids
	// become placeholders); without Unsafe, Prepare sanitises the body.
	var inline []util.PrioritizedValue
	if opts.WikiLinks {
		inline = append(inline, util.Prioritized(wikiLinkParser{}, 150))
	}
	blocks := []util.PrioritizedValue{
		util.Prioritized(admonitionParser{}, 150),
		util.Prioritized(hintParser{}, 150),
		util.Prioritized(containerParser{}, 150),
		util.Prioritized(mystParser{}, 150),
		util.Prioritized(pymdBlockParser{}, 150),
		util.Prioritized(mdcParser{}, 150),
	}
	transformers := []util.PrioritizedValue{
		util.Prioritized(calloutTransformer{}, 100),
		util.Prioritized(headingIDs{}, 50),
		util.Prioritized(termMarker{}, 10),
	}
	if opts.MyST {
		// Only MyST's pages pay for a parser that looks at every brace.
		inline = append(inline, util.Prioritized(mystRoleParser{}, 150))
		blocks = append(blocks, util.Prioritized(mystTargetParser{}, 150))
		transformers = append(transformers, util.Prioritized(mystNames{}, 110))
	}
	md := newGoldmark(extension.GFM, opts, inline, blocks, append(transformers, util.Prioritized(hardBreaks{}, 1)))
	plain := newGoldmark(gfmWithoutLinkify{}, opts, inline, blocks, append(transformers, util.Prioritized(autolinkCheck{}, 0))).Parser()
	r := &Renderer{md: md, plain: plain, code: opts.Code, lexers: newLexerSet(lexers.GlobalLexerRegistry), lexTimeout: opts.HighlightTimeout, timedLimit: chromaMatchTimeout, flights: map[codeKey]*flight{}, spill: opts.Spill,
		docs: opts.Docs, how: howOf(opts), myst: opts.MyST}
	if r.lexTimeout <= 0 {
		r.lexTimeout = lexTimeout
	}
	if !opts.Unsafe {
		r.policy = newPolicy()
	}
	return r
}

// Heading is a heading of a document.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Link is a link or image destination as the author wrote it, or the
// link of a glossary term's first use on the page (Term).
type Link struct {
	Dest string
	// Term is the id of the glossary term whose first use this link
	// marks; Dest is then its entry on the glossary page.
	Term string
	// Role is the MyST role a link was written as ({ref}`x`: "ref",
	// "numref", "doc", "download"), "" for a Markdown link: Dest is then
	// the role's target, a label for ref and numref.
	Role string
	// Offset is the byte offset in the body where the link starts.
	Offset int
	Image  bool
	// Wiki marks a link written as a wiki link ([[Note]]): its Dest names
	// a file without its folder, found by name anywhere in the site.
	Wiki bool
	// NoText marks a link its source gives no text ({ref}`label`, MyST's
	// [](label)): it shows the text Resolve's text gives, the title of
	// what it leads to.
	NoText bool
	// (The flags last: a handbook of 100,000 pages holds millions of
	// links, and three bools between the strings took 24 bytes each.)
}

// Section is the plain text under one heading; Heading is -1 for the text
// before the first heading.
type Section struct {
	Heading int
	// Text is "" when the Doc is in a spill: Doc.Texts has it.
	Text string
	size int // the text's length
}

// Doc is a prepared Markdown body.
type Doc struct {
	html  []byte
	texts []byte // the sections' text, while the Doc is being prepared
	marks int    // links and ids Resolve fills in
	// where, when set, holds the HTML (and html is nil), from its byte
	// from on (WithoutLeadTitle drops what comes before).
	where *spilled
	from  int
	// leadEnd is where the level-1 heading the document opens with ends
	// in the HTML, and leadMarks how many marks it holds; 0 without one.
	leadEnd, leadMarks int
	Headings           []Heading
	Links              []Link
	// Anchors are the ids, other than headings', that a link's fragment
	// may name: the id and name attributes of the raw HTML kept on the
	// page, in order, each once.
	Anchors []string
	// Targets are the MyST targets on the page (Options.MyST), in order:
	// each label is also in Anchors.
	Targets  []Target
	Sections []Section
	Words    int
	// Diagrams counts the ```mermaid blocks, which the page's script
	// draws.
	Diagrams int
	// Lead is the plain text of the first paragraph, for summaries: its
	// first LeadBytes bytes at most, cut at a character boundary.
	Lead string
	// Warnings are problems that did not stop the document rendering.
	Warnings []Warning
	// leadH1 is set when the document opens with a level-1 heading: its
	// title, written in the body (see LeadTitle).
	leadH1 bool
	// Transient is set when the HTML depends on the moment it was made (a
	// code block whose highlighting ran out of time): a later Prepare may
	// give other bytes, so the Doc must not be kept for another build.
	Transient bool
	// codes are the keys of the code blocks highlighted, while the Doc is
	// being prepared for a DocCache, which keeps them with it.
	codes []codeKey
}

// A Warning is a problem with a document that did not stop it rendering.
type Warning struct {
	// Offset is the byte offset in the body the warning is about.
	Offset  int
	Message string
	// Code is the kind of problem, where a report counts it (syntax of
	// another tool, not rendered: diag.Unrendered).
	Code diag.Code
}

func (d *Doc) warn(offset int, transient bool, msg string) {
	d.Warnings = append(d.Warnings, Warning{Offset: offset, Message: msg})
	d.Transient = d.Transient || transient
}

// Prepare parses body. Offsets in the returned links and warnings are
// into body.
func (r *Renderer) Prepare(body []byte) (*Doc, error) { return r.PrepareWith(body, nil) }

// PrepareWith parses body as Prepare does, marking the first use of each
// of terms (nil: none) in its prose; or takes the Doc from the Renderer's
// DocCache, when an earlier run prepared it.
func (r *Renderer) PrepareWith(body []byte, terms *Terms) (*Doc, error) {
	if r.docs == nil {
		return r.prepare(body, terms)
	}
	k := r.docKey(body, terms)
	if d, ok := r.docs.get(k, r.spill != nil, r.code); ok {
		return d, nil
	}
	d, err := r.prepare(body, terms)
	if err == nil {
		codes := d.codes
		d.codes = nil
		r.docs.put(k, d, codes)
	}
	return d, err
}

// prepare is PrepareWith without the cache.
func (r *Renderer) prepare(body []byte, terms *Terms) (*Doc, error) {
	src := body
	if bytes.IndexByte(body, 0) >= 0 {
		src = bytes.ReplaceAll(body, []byte{0}, []byte("\uFFFD"))
	}
	loop := -1
	if bytes.Contains(src, []byte("endfor")) {
		own := bytes.Clone(src)
		if loop = templateLoops(own); loop >= 0 {
			src = own
		}
	}
	doc := r.parse(src, terms)
	d := &Doc{}
	texts, out := r.buffer(), r.buffer()
	defer r.bufs.Put(texts)
	defer r.bufs.Put(out)
	raw := collect(d, doc, src, texts, r.myst)
	d.leadH1 = opensWithTitle(doc)
	unrendered(d, doc, src, raw, loop)
	r.highlightBlocks(d, doc, src)
	buf := out
	buf.Grow(len(src) + len(src)/2)
	if err := r.md.Renderer().Render(directWriter{buf}, src, doc); err != nil {
		return nil, err
	}
	if raw.html && r.policy != nil {
		// Only a page with raw HTML pays for sanitising it.
		clean, err := r.sanitize(d, buf.Bytes())
		if err != nil {
			return nil, err
		}
		d.html = clean
	} else {
		// The buffer goes back to the pool: a spill takes the bytes from
		// it, or the Doc keeps a copy of exactly its bytes.
		d.html = buf.Bytes()
		if r.spill == nil {
			d.html = bytes.Clone(d.html)
		}
	}
	d.marks = bytes.Count(d.html, []byte{mark}) / 2
	if end := bytes.Index(d.html, []byte("</h1>\n")); d.leadH1 && bytes.HasPrefix(d.html, []byte("<h1")) && end >= 0 {
		d.leadEnd = end + len("</h1>\n")
		d.leadMarks = bytes.Count(d.html[:d.leadEnd], []byte{mark}) / 2
	}
	if r.spill != nil {
		d.spill(r.spill)
	} else {
		d.keepTexts()
	}
	return d, nil
}

// directWriter is a bytes.Buffer as goldmark's renderer writes to a
// buffered writer: given anything else, it wraps it in a bufio.Writer of
// its own for each document, and copies every byte once more.
type directWriter struct{ *bytes.Buffer }

var _ util.BufWriter = directWriter{}

// Buffered is how many bytes wait to be flushed: none.
func (directWriter) Buffered() int { return 0 }

// Flush has nothing to do.
func (directWriter) Flush() error { return nil }

// buffer is an empty buffer of the pool.
func (r *Renderer) buffer() *bytes.Buffer {
	b, _ := r.bufs.Get().(*bytes.Buffer)
	if b == nil {
		return new(bytes.Buffer)
	}
	b.Reset()
	return b
}

// A KeyWriter takes the bytes of a key: a maphash.Hash for keys a process
// keeps, a stable hash for keys kept on disk (the build cache's pages).
type KeyWriter interface {
	io.Writer
	io.StringWriter
	io.ByteWriter
}

// Hash writes the document's prepared HTML and headings into h: two Docs
// with the same hash render the same.
func (d *Doc) Hash(h KeyWriter) {
	d.withBytes(func(b []byte) { h.Write(b) })
	for _, x := range d.Headings {
		h.WriteString(x.ID)
		h.WriteByte(0)
		h.WriteString(x.Text)
		h.WriteByte(byte(x.Level))
	}
	for _, a := range d.Anchors {
		h.WriteString(a)
		h.WriteByte(0)
	}
}

// Resolve writes the document's HTML with href(i) for the destination of
// Links[i], prefix before every id the document defines, and the names of
// heading anchors in ui's words (English when nil). href returns the value
// to put in the attribute, unescaped. Size the writer's buffer with Size.
// A link its source gives no text (Link.NoText) shows its destination as
// written; ResolveWith shows another.
func (d *Doc) Resolve(w io.Writer, href func(i int) string, prefix string, ui *i18n.Strings) {
	d.ResolveWith(w, href, nil, prefix, ui)
}

// ResolveWith is Resolve, with text(i) the text of Links[i] where its
// source gives none (Link.NoText: a MyST reference, whose text is the
// title of what it leads to), unescaped; "" or a nil text shows its
// destination as written.
func (d *Doc) ResolveWith(w io.Writer, href, text func(i int) string, prefix string, ui *i18n.Strings) {
	d.withBytes(func(h []byte) { d.resolve(w, h, href, text, prefix, ui) })
}

// resolve is ResolveWith on the document's HTML h.
func (d *Doc) resolve(w io.Writer, h []byte, href, text func(i int) string, prefix string, ui *i18n.Strings) {
	var esc []byte      // prefix, escaped, made on first use
	var label [2][]byte // the anchor name around the heading, escaped, made on first use
	for {
		i := bytes.IndexByte(h, mark)
		if i < 0 {
			w.Write(h)
			return
		}
		w.Write(h[:i])
		kind := h[i+1]
		end := bytes.IndexByte(h[i+2:], mark) + i + 2
		switch kind {
		case 'P':
			if esc == nil {
				esc = util.EscapeHTML([]byte(prefix))
			}
			w.Write(esc)
		case 'L':
			n := 0
			for _, c := range h[i+2 : end] {
				n = n*10 + int(c-'0')
			}
			w.Write(util.EscapeHTML(util.URLEscape([]byte(href(n)), false)))
		case 'T':
			n := 0
			for _, c := range h[i+2 : end] {
				n = n*10 + int(c-'0')
			}
			t := ""
			if text != nil {
				t = text(n)
			}
			if t == "" && n < len(d.Links) {
				t = d.Links[n].Dest
			}
			w.Write(util.EscapeHTML([]byte(t)))
		case 'A':
			if label[0] == nil {
				label = anchorLabel(ui)
			}
			w.Write(label[0])
			w.Write(h[i+2 : end])
			w.Write(label[1])
		}
		h = h[end+1:]
	}
}

// anchorLabel is the name of a heading's anchor link in ui's words, escaped,
// before and after the heading's text.
func anchorLabel(ui *i18n.Strings) [2][]byte {
	if ui == nil {
		ui = i18n.English()
	}
	const at = "\x00"
	before, after, _ := strings.Cut(ui.T("page.anchor", "heading", at), at)
	return [2][]byte{append([]byte{}, util.EscapeHTML([]byte(before))...), append([]byte{}, util.EscapeHTML([]byte(after))...)}
}

// Size is about how many bytes Resolve writes with prefix, rounded up for
// links of up to 96 bytes: enough to size a buffer once.
func (d *Doc) Size(prefix string) int {
	return d.htmlLen() + d.marks*(len(prefix)+96)
}

// found is what collect saw that later passes need.
type found struct {
	html bool  // the document has raw HTML
	jsx  count // JSX components (capitalised tags) in raw HTML
}

// count counts occurrences of something, and keeps where the first is.
type count struct{ n, first int }

func (c *count) add(offset int) {
	if c.n == 0 {
		c.first = offset
	}
	c.n++
}

// collect gathers headings, links, anchors, text and word counts from the
// AST, and reads its raw HTML (rawHTML).
func collect(d *Doc, doc ast.Node, src []byte, texts *bytes.Buffer, myst bool) found {
	c := &collector{d: d, src: src, texts: texts, current: -1, myst: myst, inWord: -1}
	_ = ast.Walk(doc, c.visit)
	c.flush()
	d.texts = c.texts.Bytes()
	return c.f
}

// collector is collect's walk through one document: the section whose
// text it is gathering, and whether it is inside a heading.
type collector struct {
	d   *Doc
	src []byte
	f   found
	// texts is every section's text, one after the other: the current
	// section's, under Headings[current] (-1 before the first heading),
	// from start on. One buffer for the whole document, not one per
	// section, then one per copy: the text is most of what a parse
	// allocates besides goldmark's nodes.
	texts   *bytes.Buffer
	start   int
	current int
	// inHeading is set inside a heading, whose text is its Heading's, not
	// its section's.
	inHeading bool
	// scratch is writeTextValue's buffer, one for the whole walk rather
	// than one per text node.
	scratch bytes.Buffer
	// myst reads MyST's targets and references (Options.MyST).
	myst bool
	// inWord is where the last text node ended inside a word, if it did:
	// a text node that starts there goes on with that word.
	inWord int
}

// visit is the walk's function. The walk enters every node, headings'
// too: this is the one pass that numbers the links, and the renderer
// refuses a link it did not number.
func (c *collector) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		if n.Kind() == ast.KindHeading {
			c.inHeading = false
		}
		if n.Type() == ast.TypeBlock {
			c.texts.WriteByte(' ')
		}
		return ast.WalkContinue, nil
	}
	if c.enterAnywhere(n) {
		return ast.WalkSkipChildren, nil
	}
	if !c.inHeading {
		c.enterBody(n)
	}
	return ast.WalkContinue, nil
}

// enterAnywhere reads what counts inside a heading as well as outside it:
// links, images, raw HTML and emoji, the text of the last three only in a
// section. It reports whether it read n whole (raw HTML), so the walk
// skips its children.
func (c *collector) enterAnywhere(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.Link:
		if c.myst && !n.HasChildren() {
			// MyST's [](label): the text of what it leads to.
			n.SetAttributeString(noTextAttr, true)
		}
		c.d.addLink(n, string(n.Destination), false, c.src)
		if c.myst {
			c.mystLink(n)
		}
	case *ast.Image:
		c.d.addLink(n, string(n.Destination), true, c.src)
	case *termNode:
		c.d.addLink(n, GlossaryURL+"#"+TermAnchor(n.id), false, c.src)
		c.d.Links[len(c.d.Links)-1].Term = n.id
	case *ast.AutoLink:
		c.d.addLink(n, autoLinkURL(n, c.src), false, c.src)
		if !c.inHeading {
			c.texts.Write(n.Label(c.src))
		}
	case *ast.RawHTML, *ast.HTMLBlock:
		c.f.html = true
		if c.inHeading {
			var discard bytes.Buffer
			c.d.rawHTML(n, c.src, &c.f, &discard)
		} else {
			c.d.rawHTML(n, c.src, &c.f, c.texts)
		}
		return true
	case *emojiast.Emoji:
		if !c.inHeading && n.Value.IsUnicode() {
			c.texts.WriteString(string(n.Value.Unicode))
		}
	}
	return false
}

// enterBody reads a node outside headings: a heading starts a section, the
// first paragraph outside a list is the lead, and text and code are the
// section's text and the document's words.
func (c *collector) enterBody(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		c.heading(n)
	case *ast.Paragraph:
		if c.d.Lead == "" {
			if _, inList := n.Parent().(*ast.ListItem); !inList && !onlyTags(n, c.src) {
				c.d.Lead = strings.Clone(cutAt(nodeText(n, c.src, readerText), LeadBytes))
			}
		}
	case *ast.Text:
		seg := n.Segment.Value(c.src)
		writeTextValue(c.texts, n, c.src, &c.scratch)
		// A word the parser cut into two nodes is one word.
		words, in := countWordsFrom(seg, c.inWord == n.Segment.Start)
		c.d.Words += words
		c.inWord = -1
		if in && !n.SoftLineBreak() && !n.HardLineBreak() {
			c.inWord = n.Segment.Stop
		}
		if n.SoftLineBreak() || n.HardLineBreak() {
			c.texts.WriteByte(' ')
		}
	case *ast.String:
		c.texts.Write(n.Value)
		if c.myst {
			c.warnOf(n)
		}
	case *mystTarget:
		c.target(n)
	case *Callout:
		if !c.myst {
			n.name = ""
		}
		if n.name != "" {
			c.d.Targets = append(c.d.Targets, Target{Label: n.name, Text: n.Title, Heading: -1, Offset: n.markers[0][0]})
			c.d.addAnchor(n.name)
		}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		lines := n.Lines()
		for i := range lines.Len() {
			at := lines.At(i)
			seg := at.Value(c.src)
			c.texts.Write(seg)
			c.d.Words += countWords(seg)
		}
		c.texts.WriteByte(' ')
	}
}

// heading ends the section before heading n and starts its own, with the
// warning headingIDs left on it about its id.
func (c *collector) heading(n *ast.Heading) {
	c.flush()
	id, _ := n.AttributeString("id")
	idb, _ := id.([]byte)
	c.d.Headings = append(c.d.Headings, Heading{Level: n.Level, ID: string(idb), Text: nodeText(n, c.src, readerText)})
	if w, ok := n.AttributeString(idWarnAttr); ok && n.Lines().Len() > 0 {
		c.d.warn(n.Lines().At(0).Start, false, w.(string))
	}
	c.current = len(c.d.Headings) - 1
	c.inHeading = true
}

// flush ends the current section: its text, trimmed in place, is a
// Section unless it is empty. The Section gets its text's size here and
// the text itself when the walk is done (Doc.keepTexts), or never, when
// the Doc goes to a spill.
func (c *collector) flush() {
	sec := c.texts.Bytes()[c.start:]
	n := copy(sec, bytes.TrimSpace(sec))
	c.texts.Truncate(c.start + n)
	if n > 0 {
		c.d.Sections = append(c.d.Sections, Section{Heading: c.current, size: n})
	}
	c.start = c.texts.Len()
}

// autoLinkURL is the destination of an autolink: its text, and mailto:
// before an address.
func autoLinkURL(n *ast.AutoLink, src []byte) string {
	u := string(n.URL(src))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(u), "mailto:") {
		u = "mailto:" + u
	}
	return u
}

func (d *Doc) addLink(n ast.Node, dest string, image bool, src []byte) {
	_, wiki := n.AttributeString(wikiAttr)
	n.SetAttributeString(linkIndexAttr, len(d.Links))
	d.Links = append(d.Links, Link{Dest: dest, Image: image, Wiki: wiki, Offset: offsetOf(n, src)})
}

// nodesOf lists the blocks of type T in doc, in document order, for a
// transformer that sees them all before it changes any: changing the tree
// while ast.Walk is in it would skip or revisit nodes. A node found is
// looked inside too, since some (blockquotes) nest.
func nodesOf[T ast.Node](doc ast.Node) []T {
	var found []T
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if x, ok := n.(T); ok && entering {
			found = append(found, x)
		}
		return blocksOnly(n), nil
	})
	return found
}

// blocksOnly is how a walk that looks for blocks goes on from block n: not
// into its text when it holds text (a paragraph, a heading, a table's
// cell), whose inline nodes are most of a page's nodes and never hold a
// block.
func blocksOnly(n ast.Node) ast.WalkStatus {
	if c := n.FirstChild(); c != nil && c.Type() == ast.TypeInline {
		return ast.WalkSkipChildren
	}
	return ast.WalkContinue
}

// offsetOf finds where an inline node starts in the source: the first text
// inside it, stepped back over "[" or "![", or else its block's first line.
func offsetOf(n ast.Node, src []byte) int {
	var found = -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			found = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if found >= 0 {
		for i := 0; i < 2 && found > 0 && (src[found-1] == '[' || src[found-1] == '!' || src[found-1] == '<'); i++ {
			found--
		}
		return found
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}

// countWords counts the runs of letters and digits in b, an apostrophe
// inside a word keeping it whole. ASCII, most of any page, takes a table
// lookup per byte instead of a Unicode class lookup per rune, which was a
// large share of the Markdown stage (docs/performance.md).
func countWords(b []byte) int {
	n, _ := countWordsFrom(b, false)
	return n
}

// countWordsFrom is countWords of b read after text that ended inside a
// word (in), which a letter at b's start continues; it also reports
// whether b ends inside one.
func countWordsFrom(b []byte, in bool) (int, bool) {
	n := 0
	for i := 0; i < len(b); {
		if c := b[i]; c < utf8.RuneSelf {
			i++
			switch {
			case asciiWordByte[c]:
				if !in {
					n++
				}
				in = true
			case c != '\'':
				in = false
			}
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		i += size
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !in {
				n++
			}
			in = true
		} else if r != '\'' && r != '’' {
			in = false
		}
	}
	return n, in
}

// asciiWordByte marks the ASCII letters and digits.
var asciiWordByte = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

var (
	calloutRE       = regexp.MustCompile(`^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*$`)
	calloutInlineRE = regexp.MustCompile(`^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]+`)
)
