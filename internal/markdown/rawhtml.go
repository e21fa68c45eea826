package markdown

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/alecthomas/chroma/v2"
	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Raw HTML is kept in both modes. Each raw node (an HTML block, an inline
// tag) is read once by collect with an HTML tokenizer: the href of an a,
// the src and srcset of an img or source become links of the Doc (checked
// and resolved like Markdown links, a placeholder in the HTML), and every
// id (and an a's name) gets the id prefix and is an anchor a link may name.
// Without unsafe_html, Prepare then sanitises the whole rendered body at
// once (sanitize): goldmark writes raw HTML piecewise, so only the whole
// body shows which tags pair up and what a browser will read.

// rawAttr is the attribute on a raw HTML node that holds its HTML with
// placeholders, when collect changed anything in it.
const rawAttr = "\x00raw"

// rawSegments are the source pieces of a raw HTML node, in order.
func rawSegments(n ast.Node) []text.Segment {
	switch n := n.(type) {
	case *ast.RawHTML:
		return n.Segments.Sliced(0, n.Segments.Len())
	case *ast.HTMLBlock:
		segs := n.Lines().Sliced(0, n.Lines().Len())
		if n.HasClosure() {
			segs = append(segs, n.ClosureLine)
		}
		return segs
	}
	return nil
}

// rawHTML reads raw HTML node n: it numbers its links, lists its anchors,
// counts its JSX components into f, writes the text of an HTML block into
// sec, and keeps on n its HTML with placeholders when they changed it.
func (d *Doc) rawHTML(n ast.Node, src []byte, f *found, sec *bytes.Buffer) {
	_, block := n.(*ast.HTMLBlock)
	r := &rawReader{d: d, f: f, sec: sec, block: block, frag: joinRaw(n, src)}
	r.read()
	if r.changed {
		n.SetAttributeString(rawAttr, r.out.Bytes())
	}
	if block {
		sec.WriteByte(' ')
	}
}

// rawFrag is a raw HTML node's source pieces joined into one fragment of
// HTML to tokenize, with where each piece starts in it.
type rawFrag struct {
	data   []byte
	segs   []text.Segment
	starts []int
}

func joinRaw(n ast.Node, src []byte) rawFrag {
	r := rawFrag{segs: rawSegments(n)}
	r.starts = make([]int, len(r.segs))
	for i, s := range r.segs {
		r.starts[i] = len(r.data)
		r.data = append(r.data, s.Value(src)...)
	}
	return r
}

// at maps an offset in the fragment to one in the source, where a link's
// or a component's diagnostic points.
func (r rawFrag) at(o int) int {
	i := max(0, segmentAt(r.starts, o))
	return r.segs[i].Start + o - r.starts[i]
}

// rawReader is rawHTML's pass through one node's tokens: it copies each
// token to out as written, or with its links and ids made placeholders.
type rawReader struct {
	d     *Doc
	f     *found
	sec   *bytes.Buffer
	block bool // an HTML block, whose text is the section's
	frag  rawFrag
	out   bytes.Buffer
	// changed is set once out differs from the fragment.
	changed bool
	// rawText is the script or style element the tokens are inside, whose
	// text is not the page's.
	rawText string
}

func (r *rawReader) read() {
	pos := 0
	z := html.NewTokenizer(bytes.NewReader(r.frag.data))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			r.out.Write(r.frag.data[pos:])
			return
		}
		raw := z.Raw()
		start := pos
		pos += len(raw)
		switch tt {
		case html.TextToken:
			if r.block && r.rawText == "" {
				t := z.Text()
				r.sec.Write(t)
				r.d.Words += countWords(t)
			}
			r.out.Write(raw)
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == r.rawText {
				r.rawText = ""
			}
			r.out.Write(raw)
		case html.StartTagToken, html.SelfClosingTagToken:
			r.startTag(z, tt, raw, start)
		default:
			r.out.Write(raw)
		}
	}
}

// startTag reads a start tag that begins at start in the fragment: a JSX
// component is counted, and a tag whose attributes hold a link or an id is
// written anew with placeholders in their place.
func (r *rawReader) startTag(z *html.Tokenizer, tt html.TokenType, raw []byte, start int) {
	if isComponent(raw) {
		r.f.jsx.add(r.frag.at(start))
	}
	name, hasAttr := z.TagName()
	tag := string(name)
	if tt == html.StartTagToken && (tag == "script" || tag == "style") {
		r.rawText = tag
	}
	if !hasAttr {
		r.out.Write(raw)
		return
	}
	var attrs []html.Attribute
	for more := true; more; {
		var k, v []byte
		k, v, more = z.TagAttr()
		attrs = append(attrs, html.Attribute{Key: string(k), Val: string(v)})
	}
	vals := r.placeholders(tag, attrs, raw, start)
	if vals == nil {
		r.out.Write(raw)
		return
	}
	r.changed = true
	writeTag(&r.out, tag, attrs, vals, tt == html.SelfClosingTagToken)
}

// placeholders adds the links and anchors among the attributes of a tag
// that begins at start, and returns the value to write for each attribute,
// escaped ("" keeps it), or nil when none changes.
func (r *rawReader) placeholders(tag string, attrs []html.Attribute, raw []byte, start int) []string {
	vals := make([]string, len(attrs))
	rewrite := false
	for i, a := range attrs {
		switch {
		case a.Key == "id" || a.Key == "name" && tag == "a":
			if a.Val == "" {
				continue
			}
			r.d.addAnchor(a.Val)
			vals[i] = prefixToken + string(util.EscapeHTML([]byte(a.Val)))
			rewrite = true
		case tag == "a" && a.Key == "href", (tag == "img" || tag == "source") && a.Key == "src":
			if strings.TrimSpace(a.Val) == "" {
				continue
			}
			vals[i] = r.d.rawLink(strings.TrimSpace(a.Val), tag != "a", r.frag.at(start+attrOffset(raw, a.Key)))
			rewrite = true
		case (tag == "img" || tag == "source") && a.Key == "srcset":
			if v := r.d.srcset(a.Val, r.frag.at(start+attrOffset(raw, a.Key))); v != "" {
				vals[i] = v
				rewrite = true
			}
		}
	}
	if !rewrite {
		return nil
	}
	return vals
}

// writeTag writes a start tag with its attributes, each value quoted:
// vals[i] when set (already escaped), else the attribute's own, escaped.
func writeTag(out *bytes.Buffer, tag string, attrs []html.Attribute, vals []string, selfClosing bool) {
	out.WriteByte('<')
	out.WriteString(tag)
	for i, a := range attrs {
		out.WriteByte(' ')
		out.WriteString(a.Key)
		out.WriteString(`="`)
		if vals[i] != "" {
			out.WriteString(vals[i])
		} else {
			out.WriteString(html.EscapeString(a.Val))
		}
		out.WriteByte('"')
	}
	if selfClosing {
		out.WriteString(" /")
	}
	out.WriteByte('>')
}

// isComponent reports whether a raw start tag names a JSX component: a
// capital first, and not in capitals throughout as old HTML (<BR>) is.
func isComponent(raw []byte) bool {
	if len(raw) < 2 || raw[1] < 'A' || raw[1] > 'Z' {
		return false
	}
	for _, c := range raw[2:] {
		switch {
		case 'a' <= c && c <= 'z':
			return true
		case 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '-':
		default:
			return false
		}
	}
	return false
}

// segmentAt is the index of the last start at or before o.
func segmentAt(starts []int, o int) int {
	i, found := slices.BinarySearch(starts, o)
	if found {
		return i
	}
	return i - 1
}

// attrOffset is where attribute key starts in the raw tag, or 0 (the tag)
// when it cannot be told.
func attrOffset(raw []byte, key string) int {
	lower := bytes.ToLower(raw)
	for from := 0; ; {
		i := bytes.Index(lower[from:], []byte(key))
		if i < 0 {
			return 0
		}
		i += from
		end := i + len(key)
		if i > 0 && bytes.IndexByte([]byte(" \t\n\r\"'"), lower[i-1]) >= 0 && end < len(lower) && bytes.IndexByte([]byte("= \t\n\r"), lower[end]) >= 0 {
			return i
		}
		from = i + 1
	}
}

// rawLink adds a link found in raw HTML and returns its placeholder.
func (d *Doc) rawLink(dest string, image bool, offset int) string {
	d.Links = append(d.Links, Link{Dest: dest, Image: image, Offset: offset})
	return "\x00L" + strconv.Itoa(len(d.Links)-1) + "\x00"
}

// srcset makes each URL of a srcset attribute a link, and returns the
// attribute's value with their placeholders ("" when it has none).
func (d *Doc) srcset(v string, offset int) string {
	var b strings.Builder
	for c := range strings.SplitSeq(v, ",") {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		u, desc, _ := strings.Cut(c, " ")
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(d.rawLink(u, true, offset))
		if desc = strings.TrimSpace(desc); desc != "" {
			b.WriteByte(' ')
			b.Write(util.EscapeHTML([]byte(desc)))
		}
	}
	return b.String()
}

func (d *Doc) addAnchor(id string) {
	if !slices.Contains(d.Anchors, id) {
		d.Anchors = append(d.Anchors, id)
	}
}

// sanitize returns body, whose raw HTML was kept as written, cleaned by the
// Renderer's policy and with its elements balanced, so that raw HTML can
// neither run script nor close or open anything outside the body. Every
// href, src, srcset, id and name left is one baton wrote (a placeholder);
// d.Anchors keeps the ids still on the page.
func (r *Renderer) sanitize(d *Doc, body []byte) ([]byte, error) {
	base := tokenBase(body)
	pre, vals := hidePlaceholders(body, base)
	clean := r.policy.SanitizeReader(pre)
	nodes, err := html.ParseFragment(clean, &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return nil, fmt.Errorf("markdown: sanitising raw HTML: %w", err)
	}
	rs := &restorer{base: base, vals: vals, used: make([]bool, len(vals)), kept: map[string]bool{}}
	var out bytes.Buffer
	out.Grow(pre.Len() + pre.Len()/8)
	for _, n := range nodes {
		rs.walk(n)
		if err := html.Render(&out, n); err != nil {
			return nil, fmt.Errorf("markdown: sanitising raw HTML: %w", err)
		}
	}
	d.Anchors = slices.DeleteFunc(d.Anchors, func(id string) bool { return !rs.kept[id] })
	if len(d.Anchors) == 0 {
		d.Anchors = nil
	}
	return bytes.Clone(out.Bytes()), nil
}

// hidePlaceholders hides body's placeholders from the sanitiser, which
// must not see them (NUL, which HTML parsers replace, in values a URL
// check would rewrite): each attribute value that holds one becomes a
// token of letters and digits found nowhere in the body, base (from
// tokenBase) and the value's index in vals, and goes back once the body
// is clean (restorer).
func hidePlaceholders(body []byte, base string) (*bytes.Buffer, []string) {
	var vals []string
	pre := new(bytes.Buffer)
	pre.Grow(len(body))
	for {
		i := bytes.IndexByte(body, mark)
		if i < 0 {
			pre.Write(body)
			return pre, vals
		}
		if i+1 < len(body) && body[i+1] == 'T' {
			// A link's text (Link.NoText), the one placeholder baton
			// writes outside a value: a token ended by T in the text.
			if e := bytes.IndexByte(body[i+1:], mark); e >= 0 {
				pre.Write(body[:i])
				pre.WriteString(base + "T" + strconv.Itoa(len(vals)) + "T")
				vals = append(vals, string(body[i:i+1+e+1]))
				body = body[i+1+e+1:]
				continue
			}
		}
		// baton writes placeholders only inside "…" values it escaped.
		q := bytes.LastIndexByte(body[:i], '"')
		e := bytes.IndexByte(body[i:], '"')
		if q < 0 || e < 0 {
			pre.Write(body[:i])
			pre.WriteString("\uFFFD")
			body = body[i+1:]
			continue
		}
		e += i
		pre.Write(body[:q+1])
		pre.WriteString(base)
		pre.WriteString(strconv.Itoa(len(vals)))
		vals = append(vals, html.UnescapeString(string(body[q+1:e])))
		body = body[e:]
	}
}

// restorer puts the values hidePlaceholders hid back into the clean body's
// nodes, and drops every href, src, srcset, id and name baton did not
// write.
type restorer struct {
	base string
	vals []string
	// used marks the values put back. The parser copies a formatting
	// element left open (an a, a b) into each block that follows, as
	// browsers do: a copy does not repeat the link or the id.
	used []bool
	kept map[string]bool // the ids still on the page
}

func (rs *restorer) walk(n *html.Node) {
	if n.Type == html.TextNode && strings.Contains(n.Data, rs.base+"T") {
		n.Data = rs.texts(n.Data)
	}
	if n.Type == html.ElementNode {
		attrs := n.Attr[:0]
		for _, a := range n.Attr {
			if a, ok := rs.restore(a); ok {
				attrs = append(attrs, a)
			}
		}
		n.Attr = attrs
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		rs.walk(c)
	}
}

// texts puts the links' text placeholders hidePlaceholders hid in s
// back.
func (rs *restorer) texts(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, rs.base+"T")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		rest := s[i+len(rs.base)+1:]
		j := strings.IndexByte(rest, 'T')
		k, err := strconv.Atoi(rest[:max(j, 0)])
		if j <= 0 || err != nil || k < 0 || k >= len(rs.vals) || rs.used[k] {
			b.WriteString(s[:i+len(rs.base)+1])
			s = rest
			continue
		}
		rs.used[k] = true
		b.WriteString(s[:i])
		b.WriteString(rs.vals[k])
		s = rest[j+1:]
	}
}

// restore returns attribute a as it goes on the page, and whether it
// stays.
func (rs *restorer) restore(a html.Attribute) (html.Attribute, bool) {
	if rest, ok := strings.CutPrefix(a.Val, rs.base); ok {
		if i, err := strconv.Atoi(rest); err == nil && i >= 0 && i < len(rs.vals) && strconv.Itoa(i) == rest {
			if rs.used[i] {
				return a, false
			}
			rs.used[i] = true
			a.Val = rs.vals[i]
			if a.Key == "id" || a.Key == "name" {
				rs.kept[strings.TrimPrefix(a.Val, prefixToken)] = true
			}
			return a, true
		}
	}
	switch a.Key {
	case "href", "src", "srcset", "id", "name":
		// Not one baton wrote: the sanitiser's tokens paired quotes
		// differently from the raw node's own.
		return a, false
	}
	return a, true
}

// tokenBase returns letters found nowhere in body, to start the tokens
// sanitize puts in place of placeholders.
func tokenBase(body []byte) string {
	for k := 0; ; k++ {
		b := "baton" + strconv.Itoa(k) + "v"
		if !bytes.Contains(body, []byte(b)) {
			return b
		}
	}
}

// newPolicy is the allow-list raw HTML is kept through without unsafe_html,
// modelled on GitHub's: structure, text formatting, tables, details,
// images and links; ids; no style, script, event handler, frame, form or
// other URL scheme than http, https and mailto. It also lets through, and
// only in the forms baton writes them, the classes, roles, labels, table
// alignments and task-list checkboxes of baton's own Markdown rendering,
// since the whole body is sanitised at once.
func newPolicy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.RequireParseableURLs(true)
	p.AllowRelativeURLs(true)
	p.AllowURLSchemes("http", "https", "mailto")
	p.AllowElements(
		"table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col",
		"details", "summary", "kbd", "sup", "sub", "br", "hr", "wbr",
		"div", "span", "p", "h1", "h2", "h3", "h4", "h5", "h6",
		"ul", "ol", "li", "dl", "dt", "dd", "pre", "code", "samp", "var", "blockquote", "q",
		"em", "strong", "b", "i", "u", "s", "strike", "del", "ins", "mark", "abbr", "small", "cite", "dfn", "time",
		"figure", "figcaption", "picture",
	)
	p.AllowAttrs("id", "title", "lang", "dir").Globally()
	p.AllowAttrs("align").Matching(regexp.MustCompile(`^(?i:left|right|center|justify)$`)).OnElements(
		"div", "span", "p", "h1", "h2", "h3", "h4", "h5", "h6", "img", "table", "tr", "th", "td", "thead", "tbody", "tfoot", "caption", "col", "colgroup")
	p.AllowAttrs("valign").Matching(regexp.MustCompile(`^(?i:top|middle|bottom|baseline)$`)).OnElements("tr", "th", "td", "thead", "tbody", "tfoot", "col", "colgroup")
	number := regexp.MustCompile(`^[0-9]{1,6}%?$`)
	p.AllowAttrs("width", "height").Matching(number).OnElements("img", "source", "table", "th", "td", "col", "colgroup")
	p.AllowAttrs("colspan", "rowspan").Matching(number).OnElements("th", "td")
	p.AllowAttrs("span").Matching(number).OnElements("col", "colgroup")
	p.AllowAttrs("scope").Matching(regexp.MustCompile(`^(?i:row|col|rowgroup|colgroup)$`)).OnElements("th")
	p.AllowAttrs("open").Matching(regexp.MustCompile(`^(?i:open)?$`)).OnElements("details")
	p.AllowAttrs("start").Matching(regexp.MustCompile(`^-?[0-9]{1,9}$`)).OnElements("ol")
	p.AllowAttrs("reversed").OnElements("ol")
	p.AllowAttrs("type").Matching(regexp.MustCompile(`^[1aAiI]$|^(?i:disc|circle|square)$`)).OnElements("ol", "ul", "li")
	p.AllowAttrs("value").Matching(regexp.MustCompile(`^-?[0-9]{1,9}$`)).OnElements("li")
	p.AllowAttrs("datetime").OnElements("time", "del", "ins")
	p.AllowAttrs("href", "name").OnElements("a")
	p.AllowAttrs("src", "alt").OnElements("img")
	p.AllowAttrs("srcset").OnElements("img", "source")
	p.AllowAttrs("src", "media", "type").OnElements("source")
	p.AllowAttrs("loading").Matching(regexp.MustCompile(`^lazy$`)).OnElements("img")

	// baton's own markup.
	p.AllowAttrs("class").Matching(batonClasses()).OnElements("a", "div", "p", "pre", "code", "span", "details", "summary")
	p.AllowAttrs("role").Matching(regexp.MustCompile(`^(?:note|doc-noteref|doc-backlink|doc-endnotes)$`)).OnElements("a", "div")
	p.AllowAttrs("role").Matching(regexp.MustCompile(`^tooltip$`)).OnElements("span")
	p.AllowAttrs("aria-label").OnElements("a", "input")
	p.AllowAttrs("aria-describedby").OnElements("a")
	p.AllowStyles("text-align").MatchingEnum("left", "right", "center").OnElements("th", "td")
	p.AllowAttrs("type").Matching(regexp.MustCompile(`^checkbox$`)).OnElements("input")
	p.AllowAttrs("checked", "disabled").Matching(regexp.MustCompile(`^$`)).OnElements("input")
	return p
}

// batonClasses matches the class attributes baton's renderer writes:
// callouts, heading anchors, footnotes, diagrams, and chroma's classes in
// code.
func batonClasses() *regexp.Regexp {
	names := []string{"callout", "callout-title", "anchor", "footnotes", "footnote-ref", "footnote-backref", "chroma", "mermaid", "term", "term-link", "term-tip"}
	for _, k := range calloutKinds {
		names = append(names, "callout-"+k)
	}
	for _, c := range chroma.StandardTypes {
		if c != "" {
			names = append(names, c)
		}
	}
	slices.Sort(names)
	names = slices.Compact(names)
	for i, n := range names {
		names[i] = regexp.QuoteMeta(n)
	}
	one := `(?:` + strings.Join(names, "|") + `)`
	return regexp.MustCompile(`^(?:` + one + `(?: ` + one + `)*|language-[^\s"]+)$`)
}
