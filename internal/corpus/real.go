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
	n := 8 + t.rng.IntN(13)
	w := make([]string, n)
	for k := range w {
		w[k] = t.word()
		switch t.rng.IntN(40) {
		case 0:
			w[k] = "**" + w[k] + "**"
		case 1:
			w[k] = "*" + w[k] + "*"
		case 2:
			w[k] = "`" + w[k] + "`"
		}
	}
	return title(strings.Join(w, " ")) + ".", n
}

// plain is a sentence without marks, for summaries.
func (t prose) plain() string {
	if t.ja {
		s, _ := jaSentence(t.rng, false)
		return s
	}
	w := make([]string, 8+t.rng.IntN(8))
	for k := range w {
		w[k] = t.word()
	}
	return title(strings.Join(w, " ")) + "."
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
	sec := g.sections[p.sec]
	t := prose{rng: rng, ja: p.ja}

	m := g.meta(rng, i)
	m.summary = t.plain()

	var links []link
	pageLink := func(j int, anchor bool, text string) int {
		q := g.pages[j]
		if text == "" {
			text = q.title
			if !q.ja {
				text = strings.ToLower(text)
			}
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
		links = append(links, l)
		return len(links) - 1
	}
	// Links in the prose: a sibling, pages anywhere (a third to a heading),
	// a role; longer pages link more.
	sibs := g.bySec[p.sec]
	pageLink(sibs[rng.IntN(len(sibs))], false, "")
	for range 2 + min(p.words/300, 30) + rng.IntN(4) {
		pageLink(rng.IntN(len(g.pages)), rng.IntN(3) == 0, "")
	}
	r := g.roles[rng.IntN(len(g.roles))]
	links = append(links, link{text: "the " + strings.ToLower(r.title) + " role", baton: relPath(p.file, "content/roles/"+r.id+".yaml"), hugo: relURL(p.url, "/roles/"+r.id+"/")})
	prose := len(links)

	// Images: the folder's own diagram, and a figure from content/static.
	var images []int
	if sec.image != "" && rng.IntN(3) == 0 {
		img := sec.dir + "/" + sec.image
		links = append(links, link{text: "diagram", baton: relPath(p.file, img), hugo: relFile(p.url, strings.TrimPrefix(img, "content"))})
		images = append(images, len(links)-1)
	}
	if rng.IntN(5) == 0 {
		img := siteImage(rng.IntN(siteImages))
		links = append(links, link{text: "figure", baton: relPath(p.file, "content/static/"+img), hugo: relFile(p.url, "/"+img)})
		images = append(images, len(links)-1)
	}

	code := rng.IntN(3) == 0
	html := rng.IntN(4) == 0
	var b bytes.Buffer
	words := 0
	para := func() {
		var s []string
		for range 2 + rng.IntN(4) {
			x, n := t.sentence()
			s = append(s, x)
			words += n
		}
		sep := " "
		if t.ja {
			sep = ""
		}
		b.WriteString(strings.Join(s, sep))
		b.WriteString("\n\n")
	}
	nextLink := 0
	paraWithLink := func() {
		if nextLink >= prose {
			para()
			return
		}
		l := links[nextLink]
		x, n := t.sentence()
		if t.ja {
			fmt.Fprintf(&b, "%s詳しくは[%s](\x00%d\x00)を参照してください。", x, l.text, nextLink)
		} else {
			fmt.Fprintf(&b, "%s See [%s](\x00%d\x00) for more. ", x, l.text, nextLink)
		}
		words += n + 5
		nextLink++
		para()
	}
	list := func() {
		for range 3 + rng.IntN(4) {
			x, n := t.sentence()
			b.WriteString("- " + x + "\n")
			words += n
		}
		b.WriteString("\n")
	}
	table := func() {
		cols := 3 + rng.IntN(2)
		row := func(cell func() string) {
			b.WriteString("|")
			for range cols {
				b.WriteString(" " + cell() + " |")
			}
			b.WriteString("\n")
		}
		row(t.header)
		row(func() string { return "---" })
		for range 3 + rng.IntN(6) {
			row(t.cell)
			words += 2 * cols
		}
		b.WriteString("\n")
	}
	// A raw HTML table, as handbooks moved from wikis and CMSs carry: it
	// needs unsafe_html (baton) and unsafe (Hugo's goldmark) to be shown.
	htmlTable := func() {
		cols := 3 + rng.IntN(3)
		b.WriteString("<table>\n<thead>\n<tr>")
		for range cols {
			b.WriteString("<th>" + t.header() + "</th>")
		}
		b.WriteString("</tr>\n</thead>\n<tbody>\n")
		for range 3 + rng.IntN(8) {
			b.WriteString("<tr>")
			for c := range cols {
				if c == 0 {
					b.WriteString(`<td class="owner">` + t.header() + "</td>")
				} else {
					b.WriteString("<td>" + t.cell() + "</td>")
				}
				words += 2
			}
			b.WriteString("</tr>\n")
		}
		b.WriteString("</tbody>\n</table>\n\n")
	}
	image := func() {
		if len(images) == 0 {
			return
		}
		k := images[0]
		images = images[1:]
		alt := "A " + links[k].text + " of " + strings.ToLower(p.title)
		if t.ja {
			alt = p.title + "の図"
		}
		fmt.Fprintf(&b, "![%s](\x00%d\x00)\n\n", alt, k)
	}

	paraWithLink()
	for h, heading := range p.headings {
		level := "##"
		if h > 0 && rng.IntN(3) == 0 {
			level = "###"
		}
		text := heading
		if !t.ja {
			text = title(heading)
		}
		if p.linked[h] {
			q := g.pages[rng.IntN(len(g.pages))]
			links = append(links, link{baton: relPath(p.file, q.file), hugo: relURL(p.url, q.url)})
			k := len(links) - 1
			if t.ja {
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
		fmt.Fprintf(&b, "%s %s\n\n", level, text)
		paraWithLink()
		if p.words < 300 {
			// Short pages are a few paragraphs.
			continue
		}
		switch h % 6 {
		case 0:
			list()
		case 1:
			table()
		case 2:
			if code {
				writeCode(&b, rng)
			}
		case 3:
			image()
		case 4:
			if html {
				htmlTable()
				html = false
			}
		}
		for words < p.words*(h+1)/len(p.headings) {
			para()
		}
	}
	if nextLink < prose {
		// The links the prose did not take, as pages end with related
		// links.
		var rel []string
		for ; nextLink < prose; nextLink++ {
			rel = append(rel, fmt.Sprintf("[%s](\x00%d\x00)", links[nextLink].text, nextLink))
			words += 1 + strings.Count(links[nextLink].text, " ")
		}
		if t.ja {
			fmt.Fprintf(&b, "関連：%s。\n\n", strings.Join(rel, "、"))
		} else {
			fmt.Fprintf(&b, "Related: %s.\n\n", strings.Join(rel, ", "))
		}
	}
	for len(images) > 0 {
		image()
	}
	if html {
		htmlTable()
	}
	return m, b.Bytes(), links
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
