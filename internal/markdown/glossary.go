package markdown

import (
	"cmp"
	"crypto/sha256"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Term is a glossary entry as pages are marked with it.
type Term struct {
	// ID names the entry on the glossary page (its anchor is term-ID).
	ID string
	// Names are the term and its aliases: the first use of any of them on
	// a page, as whole words in any case, is marked.
	Names []string
	// Tip is the definition as plain text, shown beside a marked use.
	Tip string
}

// Terms is a glossary made ready to mark pages with (NewTerms). It is
// immutable and shared by every goroutine that prepares pages.
type Terms struct {
	terms []Term
	// byWord holds each name under its first word, lower-case, longest
	// name first, so the longest name wins where two start together.
	byWord map[string][]termName
	sum    [32]byte
}

// termName is one of a term's names split into words and the gaps
// between them (a run of spaces is one space).
type termName struct {
	term  int
	words []string
	gaps  []string
	runes int
}

// NewTerms makes terms ready to mark pages with; nil when there are none.
func NewTerms(terms []Term) *Terms {
	if len(terms) == 0 {
		return nil
	}
	t := &Terms{terms: slices.Clone(terms), byWord: map[string][]termName{}}
	h := sha256.New()
	for i, term := range terms {
		h.Write([]byte(term.ID + "\x00" + term.Tip + "\x00"))
		for _, n := range term.Names {
			h.Write([]byte(n + "\x00"))
			words, gaps := splitWords(strings.ToLower(n))
			if len(words) == 0 {
				continue
			}
			t.byWord[words[0]] = append(t.byWord[words[0]], termName{term: i, words: words, gaps: gaps, runes: utf8.RuneCountInString(n)})
		}
		h.Write([]byte{1})
	}
	for w, names := range t.byWord {
		slices.SortStableFunc(names, func(a, b termName) int { return cmp.Compare(b.runes, a.runes) })
		t.byWord[w] = names
	}
	h.Sum(t.sum[:0])
	return t
}

// Sum is a hash of every term: a page marked with one Terms is marked the
// same with another of the same Sum.
func (t *Terms) Sum() [32]byte {
	if t == nil {
		return [32]byte{}
	}
	return t.sum
}

// isWordRune reports whether c is part of a word: letters, digits and the
// marks that combine with them, in any script.
func isWordRune(c rune) bool {
	return unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsMark(c) || c == '_'
}

// wordSpan is one word of a text: its bytes [start, end), lower-case.
type wordSpan struct {
	start, end int
	lower      string
}

// words splits s into words. A hyphen between two word characters joins
// them ("north-star" is one word), so "product" is not found in
// "product-led".
func words(s string) []wordSpan {
	var out []wordSpan
	start := -1
	for i, c := range s {
		inWord := isWordRune(c)
		if c == '-' && start >= 0 {
			next, _ := utf8.DecodeRuneInString(s[i+1:])
			inWord = isWordRune(next)
		}
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			out = append(out, wordSpan{start, i, strings.ToLower(s[start:i])})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, wordSpan{start, len(s), strings.ToLower(s[start:])})
	}
	return out
}

// splitWords splits a name into its words and the gaps between them.
func splitWords(s string) (ws, gaps []string) {
	spans := words(s)
	for i, w := range spans {
		ws = append(ws, w.lower)
		if i > 0 {
			gaps = append(gaps, normGap(s[spans[i-1].end:w.start]))
		}
	}
	return ws, gaps
}

// normGap is the text between two words with each run of white space one
// space ("product\nmanager" is "product manager"; "A/B" stays "A/B").
func normGap(g string) string {
	var b strings.Builder
	space := false
	for _, c := range g {
		if unicode.IsSpace(c) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(c)
	}
	return b.String()
}

// match finds the longest name that starts at word i of ws in s; it
// returns the term and the index of the name's last word, or -1.
func (t *Terms) match(s string, ws []wordSpan, i int) (term, last int) {
	for _, n := range t.byWord[ws[i].lower] {
		if i+len(n.words) > len(ws) {
			continue
		}
		ok := true
		for k := 1; k < len(n.words) && ok; k++ {
			ok = ws[i+k].lower == n.words[k] && normGap(s[ws[i+k-1].end:ws[i+k].start]) == n.gaps[k-1]
		}
		if ok {
			return n.term, i + len(n.words) - 1
		}
	}
	return -1, -1
}

// termsKey is where Prepare puts the Terms a document is marked with in
// the parser's context.
var termsKey = parser.NewContextKey()

// KindTerm is the kind of termNode.
var KindTerm = ast.NewNodeKind("GlossaryTerm")

// termNode wraps the first use of a glossary term; its children are the
// words as written.
type termNode struct {
	ast.BaseInline
	id, tip string
}

func (n *termNode) Kind() ast.NodeKind { return KindTerm }

func (n *termNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"ID": n.id}, nil)
}

// termMarker marks the first use on a page of each term of the Terms in
// the parser's context: in prose only, never in a heading, a link, code
// or raw HTML.
type termMarker struct{}

func (termMarker) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	t, _ := pc.Get(termsKey).(*Terms)
	if t == nil {
		return
	}
	m := &marking{t: t, src: reader.Source(), done: make([]bool, len(t.terms))}
	m.block(doc)
}

// marking is one document's marking: which terms it has marked.
type marking struct {
	t    *Terms
	src  []byte
	done []bool
}

// skipped are the nodes whose text is never marked.
func skipped(n ast.Node) bool {
	switch n.Kind() {
	case ast.KindHeading, ast.KindLink, ast.KindAutoLink, ast.KindImage, ast.KindCodeSpan,
		ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock, ast.KindRawHTML, KindTerm:
		return true
	}
	return false
}

// block marks inside n, in document order.
func (m *marking) block(n ast.Node) {
	for c := n.FirstChild(); c != nil; {
		if skipped(c) {
			c = c.NextSibling()
			continue
		}
		if _, ok := c.(*ast.Text); ok {
			c = m.run(n, c)
			continue
		}
		m.block(c)
		c = c.NextSibling()
	}
}

// run marks the first unmarked term in the run of text nodes that starts
// at first, a child of parent, and returns the node to go on from.
func (m *marking) run(parent, first ast.Node) ast.Node {
	for {
		var nodes []*ast.Text
		var starts []int
		var b strings.Builder
		c := ast.Node(first)
		for ; c != nil; c = c.NextSibling() {
			t, ok := c.(*ast.Text)
			if !ok {
				break
			}
			nodes, starts = append(nodes, t), append(starts, b.Len())
			b.Write(t.Segment.Value(m.src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte('\n')
			}
		}
		s := b.String()
		ws := words(s)
		from, to, term := -1, -1, -1
		for i := 0; i < len(ws); i++ {
			k, last := m.t.match(s, ws, i)
			if k < 0 {
				continue
			}
			if !m.done[k] {
				from, to, term = ws[i].start, ws[last].end, k
				break
			}
			i = last
		}
		if term < 0 {
			return c
		}
		m.done[term] = true
		first = m.wrap(parent, nodes, starts, from, to, term)
		if first == nil {
			return c
		}
	}
}

// wrap puts the text [from, to) of the run of nodes (each starting at
// starts[i] in the run's text) in a termNode, splitting the nodes it
// begins and ends in; it returns the text node after it, or nil.
func (m *marking) wrap(parent ast.Node, nodes []*ast.Text, starts []int, from, to, term int) ast.Node {
	a := nodeAt(starts, from)
	z := nodeAt(starts, to-1)
	// The end first: splitting the start moves the node's own start.
	after := splitAfter(parent, nodes[z], to-starts[z])
	first := splitBefore(parent, nodes[a], from-starts[a])
	tm := m.t.terms[term]
	tn := &termNode{id: tm.ID, tip: tm.Tip}
	parent.InsertBefore(parent, first, tn)
	for c := ast.Node(first); c != nil; {
		next := c.NextSibling()
		parent.RemoveChild(parent, c)
		tn.AppendChild(tn, c)
		if c == ast.Node(nodes[z]) {
			break
		}
		c = next
	}
	if after == nil {
		return nil
	}
	return after
}

// nodeAt is the index of the node the run's byte at lies in.
func nodeAt(starts []int, at int) int {
	i, _ := slices.BinarySearch(starts, at+1)
	return i - 1
}

// splitBefore splits t so the part from byte off is a node of its own,
// which it returns.
func splitBefore(parent ast.Node, t *ast.Text, off int) *ast.Text {
	if off == 0 {
		return t
	}
	before := ast.NewTextSegment(text.NewSegment(t.Segment.Start, t.Segment.Start+off))
	parent.InsertBefore(parent, t, before)
	t.Segment = t.Segment.WithStart(t.Segment.Start + off)
	return t
}

// splitAfter splits t so its bytes from off on are a node of their own
// after it, with t's line break, which it returns (nil when none are
// left). A term that ends a line leaves the line break outside it, in a
// node of no bytes: the mark ends where the words do, however the
// parser cut the text into nodes.
func splitAfter(parent ast.Node, t *ast.Text, off int) ast.Node {
	if off >= t.Segment.Len() && !t.SoftLineBreak() && !t.HardLineBreak() {
		return t.NextSibling()
	}
	off = min(off, t.Segment.Len())
	after := ast.NewTextSegment(text.NewSegment(t.Segment.Start+off, t.Segment.Stop))
	after.SetSoftLineBreak(t.SoftLineBreak())
	after.SetHardLineBreak(t.HardLineBreak())
	t.SetSoftLineBreak(false)
	t.SetHardLineBreak(false)
	t.Segment = t.Segment.WithStop(t.Segment.Start + off)
	parent.InsertAfter(parent, t, after)
	return after
}

// GlossaryURL is where the glossary page is, and TermAnchor the anchor
// of a term's entry on it.
const GlossaryURL = "/glossary/"

// TermAnchor is the anchor of the term with id on the glossary page.
func TermAnchor(id string) string { return "term-" + id }

// termTipID is the id of a marked term's definition on a page.
func termTipID(id string) string { return "term-tip-" + id }

// term writes a marked term: a link to its entry on the glossary page
// that names its definition, shown beside it on hover, focus and tap.
func (r *nodeRenderer) term(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*termNode)
	if entering {
		_, _ = w.WriteString(`<span class="term"><a class="term-link" href="`)
		if err := writePlaceholder(w, n); err != nil {
			return ast.WalkStop, err
		}
		_, _ = w.WriteString(`" aria-describedby="` + prefixToken)
		_, _ = w.Write(util.EscapeHTML([]byte(termTipID(n.id))))
		_, _ = w.WriteString(`">`)
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`</a><span class="term-tip" role="tooltip" id="` + prefixToken)
	_, _ = w.Write(util.EscapeHTML([]byte(termTipID(n.id))))
	_, _ = w.WriteString(`">`)
	_, _ = w.Write(util.EscapeHTML([]byte(n.tip)))
	_, _ = w.WriteString(`</span></span>`)
	return ast.WalkContinue, nil
}
