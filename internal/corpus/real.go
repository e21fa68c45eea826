package corpus

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
)

// siteImages is how many figures the real shape keeps in content/static/img.
const siteImages = 12

func siteImage(k int) string { return fmt.Sprintf("img/figure-%02d.png", k) }

// prose writes the text of one real page, in its language.
type prose struct {
	rng *rand.Rand
	ja  bool
}

// word is one English word: mostly the common vocabulary, now and then a
// rare one.
func (t prose) word() string {
	if t.rng.IntN(25) == 0 {
		return rareWord(t.rng)
	}
	return vocab[t.rng.IntN(len(vocab))]
}

// sentence returns a sentence with emphasis and inline code, and its words.
func (t prose) sentence() (string, int) {
	if t.ja {
		return jaSentence(t.rng, true)
	}
	return markedSentence(t.rng, t.word)
}

// plain is a sentence without marks, for summaries.
func (t prose) plain() string {
	if t.ja {
		s, _ := jaSentence(t.rng, false)
		return s
	}
	return plainSentence(t.rng, t.word)
}

// cell is a table cell's text.
func (t prose) cell() string {
	if t.ja {
		return pick(t.rng, jaNouns) + pick(t.rng, jaParticles) + pick(t.rng, jaNouns)
	}
	return t.word() + " " + t.word()
}

// header is a table header's text.
func (t prose) header() string {
	if t.ja {
		return pick(t.rng, jaNouns)
	}
	return title(t.word())
}

// realPage writes page i of the real shape: the same parts as page, in its
// length and language, with images, raw HTML tables, headings with links
// in them and more links in longer pages.
func (g *gen) realPage(i int) (pageMeta, []byte, []link) {
	rng := rand.New(rand.NewPCG(g.opts.Seed, uint64(i)+1))
	p := g.pages[i]
	t := prose{rng: rng, ja: p.ja}
	m := g.meta(rng, i)
	m.summary = t.plain()
	links := g.realLinks(rng, p)
	w := &realBody{prose: t, pages: g.pages, p: p, links: links, inProse: len(links)}
	w.addImages(g.sections[p.sec])
	code := rng.IntN(3) == 0 // whether a section shows code
	html := rng.IntN(4) == 0 // whether the page has a raw HTML table
	w.write(code, html)
	return m, w.b.Bytes(), w.links
}

// realLinks chooses the links a real page's prose makes, in the order it
// makes them: a sibling, pages anywhere (a third to a heading), a role;
// longer pages link more.
func (g *gen) realLinks(rng *rand.Rand, p page) []link {
	var links []link
	sibs := g.bySec[p.sec]
	links = append(links, realPageLink(rng, p, g.pages[sibs[rng.IntN(len(sibs))]], false))
	for range 2 + min(p.words/300, 30) + rng.IntN(4) {
		j := rng.IntN(len(g.pages))
		links = append(links, realPageLink(rng, p, g.pages[j], rng.IntN(3) == 0))
	}
	return append(links, roleLink(p, g.roles[rng.IntN(len(g.roles))]))
}

// realPageLink is a real page's link from p to q, named by q's title, to
// one of q's headings when anchor is set: one without a link in it, whose
// id every generator agrees on (see addPage).
func realPageLink(rng *rand.Rand, p, q page, anchor bool) link {
	text := q.title
	if !q.ja {
		text = strings.ToLower(text)
	}
	l := link{text: text, baton: relPath(p.file, q.file), hugo: relURL(p.url, q.url)}
	if anchor {
		var plain []int
		for h := range q.headings {
			if !q.linked[h] {
				plain = append(plain, h)
			}
		}
		frag := "#" + headingID(q.headings[plain[rng.IntN(len(plain))]], q.ja)
		l.baton += frag
		l.hugo += frag
	}
	return l
}

// realBody is a real page's body being written. It counts the words
// written, which decides when a section is long enough, places the prose's
// links in order, one a paragraph, and keeps the images still to show.
type realBody struct {
	prose
	pages   []page // every page, for links in headings
	p       page
	b       bytes.Buffer
	words   int
	links   []link // the prose's links, then images' and headings'
	inProse int    // how many of links the prose places
	next    int    // the next of them to place
	images  []int  // the images not yet shown, as indexes in links
}

// addImages adds the page's images: now and then the folder's own diagram,
// and a figure from content/static.
func (w *realBody) addImages(sec section) {
	if sec.image != "" && w.rng.IntN(3) == 0 {
		img := sec.dir + "/" + sec.image
		w.links = append(w.links, link{text: "diagram", baton: relPath(w.p.file, img), hugo: relFile(w.p.url, strings.TrimPrefix(img, "content"))})
		w.images = append(w.images, len(w.links)-1)
	}
	if w.rng.IntN(5) == 0 {
		img := siteImage(w.rng.IntN(siteImages))
		w.links = append(w.links, link{text: "figure", baton: relPath(w.p.file, "content/static/"+img), hugo: relFile(w.p.url, "/"+img)})
		w.images = append(w.images, len(w.links)-1)
	}
}

// write writes the body: a paragraph, then under each heading a paragraph
// and, on a page of 300 words or more, in turn a list, a table, code (when
// code is set), an image and the raw HTML table (when html is set), and
// paragraphs up to the section's share of the page's length; then what was
// not placed yet: the prose's links as related links, the images, the
// table.
func (w *realBody) write(code, html bool) {
	w.paraWithLink()
	for h := range w.p.headings {
		w.heading(h)
		w.paraWithLink()
		if w.p.words < 300 {
			// Short pages are a few paragraphs.
			continue
		}
		switch h % 6 {
		case 0:
			w.list()
		case 1:
			w.table()
		case 2:
			if code {
				writeCode(&w.b, w.rng)
			}
		case 3:
			w.image()
		case 4:
			if html {
				w.htmlTable()
				html = false
			}
		}
		for w.words < w.p.words*(h+1)/len(w.p.headings) {
			w.para()
		}
	}
	w.related()
	for len(w.images) > 0 {
		w.image()
	}
	if html {
		w.htmlTable()
	}
}

// heading writes heading h, at level 2 or now and then 3 (never the
// first), with a link on its last word or two when the plan says so.
func (w *realBody) heading(h int) {
	level := "##"
	if h > 0 && w.rng.IntN(3) == 0 {
		level = "###"
	}
	text := w.p.headings[h]
	if !w.ja {
		text = title(text)
	}
	if w.p.linked[h] {
		q := w.pages[w.rng.IntN(len(w.pages))]
		w.links = append(w.links, link{baton: relPath(w.p.file, q.file), hugo: relURL(w.p.url, q.url)})
		k := len(w.links) - 1
		if w.ja {
			text = fmt.Sprintf("[%s](\x00%d\x00)", text, k)
		} else {
			cut := strings.LastIndexByte(strings.TrimSuffix(text, " "+lastWord(text)), ' ')
			if cut < 0 {
				text = fmt.Sprintf("[%s](\x00%d\x00)", text, k)
			} else {
				text = fmt.Sprintf("%s [%s](\x00%d\x00)", text[:cut], text[cut+1:], k)
			}
		}
	}
	fmt.Fprintf(&w.b, "%s %s\n\n", level, text)
}

func (w *realBody) para() {
	var s []string
	for range 2 + w.rng.IntN(4) {
		x, n := w.sentence()
		s = append(s, x)
		w.words += n
	}
	sep := " "
	if w.ja {
		sep = ""
	}
	w.b.WriteString(strings.Join(s, sep))
	w.b.WriteString("\n\n")
}

// paraWithLink is a paragraph opening with the prose's next link, while
// there is one.
func (w *realBody) paraWithLink() {
	if w.next >= w.inProse {
		w.para()
		return
	}
	l := w.links[w.next]
	x, n := w.sentence()
	if w.ja {
		fmt.Fprintf(&w.b, "%s詳しくは[%s](\x00%d\x00)を参照してください。", x, l.text, w.next)
	} else {
		fmt.Fprintf(&w.b, "%s See [%s](\x00%d\x00) for more. ", x, l.text, w.next)
	}
	w.words += n + 5
	w.next++
	w.para()
}

func (w *realBody) list() {
	for range 3 + w.rng.IntN(4) {
		x, n := w.sentence()
		w.b.WriteString("- " + x + "\n")
		w.words += n
	}
	w.b.WriteString("\n")
}

func (w *realBody) table() {
	w.words += 2 * writeTable(&w.b, w.rng, 6, w.header, w.cell)
}

// htmlTable writes a raw HTML table, as handbooks moved from wikis and
// CMSs carry: it needs unsafe_html (baton) and unsafe (Hugo's goldmark) to
// be shown.
func (w *realBody) htmlTable() {
	cols := 3 + w.rng.IntN(3)
	w.b.WriteString("<table>\n<thead>\n<tr>")
	for range cols {
		w.b.WriteString("<th>" + w.header() + "</th>")
	}
	w.b.WriteString("</tr>\n</thead>\n<tbody>\n")
	for range 3 + w.rng.IntN(8) {
		w.b.WriteString("<tr>")
		for c := range cols {
			if c == 0 {
				w.b.WriteString(`<td class="owner">` + w.header() + "</td>")
			} else {
				w.b.WriteString("<td>" + w.cell() + "</td>")
			}
			w.words += 2
		}
		w.b.WriteString("</tr>\n")
	}
	w.b.WriteString("</tbody>\n</table>\n\n")
}

// image shows the next image not yet shown, if any.
func (w *realBody) image() {
	if len(w.images) == 0 {
		return
	}
	k := w.images[0]
	w.images = w.images[1:]
	alt := "A " + w.links[k].text + " of " + strings.ToLower(w.p.title)
	if w.ja {
		alt = w.p.title + "の図"
	}
	fmt.Fprintf(&w.b, "![%s](\x00%d\x00)\n\n", alt, k)
}

// related lists the prose's links no paragraph took, as pages end with
// related links.
func (w *realBody) related() {
	if w.next >= w.inProse {
		return
	}
	var rel []string
	for ; w.next < w.inProse; w.next++ {
		rel = append(rel, fmt.Sprintf("[%s](\x00%d\x00)", w.links[w.next].text, w.next))
		w.words += 1 + strings.Count(w.links[w.next].text, " ")
	}
	if w.ja {
		fmt.Fprintf(&w.b, "関連：%s。\n\n", strings.Join(rel, "、"))
	} else {
		fmt.Fprintf(&w.b, "Related: %s.\n\n", strings.Join(rel, ", "))
	}
}

func lastWord(s string) string { return s[strings.LastIndexByte(s, ' ')+1:] }

// headingID is the GitHub id of a planned heading: its lower-case words
// joined by hyphens, or a Japanese heading's own text (kana and kanji are
// letters, and it has no spaces or punctuation).
func headingID(h string, ja bool) string {
	if ja {
		return h
	}
	return strings.ReplaceAll(h, " ", "-")
}

// relFile is the relative URL from the page URL from to the file URL to.
func relFile(from, to string) string {
	a := strings.Split(strings.Trim(from, "/"), "/")
	b := strings.Split(strings.TrimPrefix(to, "/"), "/")
	i := 0
	for i < len(a) && i < len(b)-1 && a[i] == b[i] {
		i++
	}
	return strings.Repeat("../", len(a)-i) + strings.Join(b[i:], "/")
}

// meta draws a page's roles, responsibilities and tags: after its summary
// on a balanced page, before it on a real one.
func (g *gen) meta(rng *rand.Rand, i int) pageMeta {
	var m pageMeta
	for _, k := range rng.Perm(len(g.roles))[:1+rng.IntN(3)] {
		m.roles = append(m.roles, g.roles[k].id)
	}
	for range rng.IntN(3) {
		r := g.roles[rng.IntN(len(g.roles))]
		id := r.resps[rng.IntN(len(r.resps))].id
		if !contains(m.resps, id) {
			m.resps = append(m.resps, id)
		}
	}
	for range 1 + rng.IntN(3) {
		t := g.tags[rng.IntN(len(g.tags))]
		if !contains(m.tags, t) {
			m.tags = append(m.tags, t)
		}
	}
	return m
}

// cover adds to the first pages one responsibility each, in order, so
// every responsibility is named by a page once the corpus has as many
// pages, and a build has no warning about one that none names.
func (g *gen) cover(i int, resps []string) []string {
	per := len(g.roles[0].resps)
	if i >= len(g.roles)*per {
		return resps
	}
	id := g.roles[i/per].resps[i%per].id
	if contains(resps, id) {
		return resps
	}
	return append(resps, id)
}
