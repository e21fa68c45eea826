// Package corpus generates synthetic handbooks for benchmarks: N Markdown
// pages in nested sections, with front matter, prose, headings, lists,
// tables, code blocks, valid relative links between pages and to roles,
// roles with responsibilities, tags and reading paths. The same options
// always give the same bytes.
//
// It can also write the same pages as a Hugo site with a comparable minimal
// theme (sidebar of the current branch, breadcrumbs, table of contents,
// previous and next), so the two generators build the same content.
//
// The Shape option says how the pages are laid out and written (see Shape).
// The balanced shape is the original corpus, kept byte for byte so figures
// measured on it stay comparable (TestBalancedUnchanged); the others model
// the handbooks real organisations write.
package corpus

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Options say what to generate.
type Options struct {
	Pages int
	Seed  uint64
	Shape Shape // the zero value is Balanced
}

// pagesPerSection and sectionsPerSection fix the balanced tree's fan-out.
const (
	pagesPerSection    = 20
	sectionsPerSection = 10
)

// File is one generated file, its path relative to the site folder.
type File struct {
	Path string
	Data []byte
}

type role struct {
	id, title string
	resps     []resp
}

type resp struct{ id, title, kind, stage string }

type section struct {
	dir    string // "content/playbooks/s03/s07"
	title  string
	weight int
	ja     bool   // written in Japanese (real shape)
	image  string // an image beside the pages, "" for none (real shape)
}

type page struct {
	file     string // "content/playbooks/s03/s07/p0421.md"
	url      string // "/playbooks/s03/s07/p0421/"
	title    string
	headings []string
	sec      int
	weight   int
	ja       bool   // written in Japanese (real shape)
	words    int    // the body's length in words (real shape; 0 otherwise)
	linked   []bool // which headings hold a link (real shape)
}

// gen holds the plan of one corpus, shared by both writers.
type gen struct {
	opts     Options
	rng      *rand.Rand
	roles    []role
	tags     []string
	sections []section
	pages    []page
	bySec    [][]int
}

func newGen(opts Options) *gen {
	g := &gen{opts: opts, rng: rand.New(rand.NewPCG(opts.Seed, 0x6261746f6e))}
	g.planRoles()
	for i := range 60 {
		g.tags = append(g.tags, vocab[(i*7)%len(vocab)]+"-"+vocab[(i*13+5)%len(vocab)])
	}
	switch opts.Shape.orDefault() {
	case Balanced:
		g.planTree()
	case Flat:
		g.planFlat()
	case Real:
		g.planReal()
	default:
		// Callers parse shapes with ParseShape; an unknown one is a bug.
		panic(fmt.Sprintf("corpus: unknown shape %q", opts.Shape))
	}
	return g
}

var roleNames = []string{
	"product-manager", "engineering", "design", "user-research", "data", "qa",
	"product-marketing", "sales", "customer-success", "leadership", "legal", "finance",
}

var stages = []string{"discover", "define", "deliver", "launch", "grow"}
var kinds = []string{"activity", "output", "outcome"}

func (g *gen) planRoles() {
	for i, id := range roleNames {
		r := role{id: id, title: title(strings.ReplaceAll(id, "-", " "))}
		for k := range 5 {
			w := g.words(3)
			r.resps = append(r.resps, resp{
				id:    fmt.Sprintf("%s-%d", id, k+1),
				title: title(w),
				kind:  kinds[(i+k)%3],
				stage: stages[k%5],
			})
		}
		g.roles = append(g.roles, r)
	}
}

// planTree lays out the sections and pages: leaves of pagesPerSection pages,
// grouped sectionsPerSection at a time until one level holds few enough.
func (g *gen) planTree() {
	n := max(g.opts.Pages, 1)
	leaves := (n + pagesPerSection - 1) / pagesPerSection
	// Depth: how many levels of grouping until the top holds ≤ sectionsPerSection.
	depth := 1
	for c := leaves; c > sectionsPerSection; c = (c + sectionsPerSection - 1) / sectionsPerSection {
		depth++
	}
	dirs := map[string]bool{}
	for leaf := range leaves {
		// The digits of leaf in base sectionsPerSection, most significant first.
		parts := make([]string, depth)
		x := leaf
		for d := depth - 1; d >= 0; d-- {
			parts[d] = fmt.Sprintf("s%d", x%sectionsPerSection)
			x /= sectionsPerSection
		}
		dir := "content/playbooks"
		for _, p := range parts {
			dir += "/" + p
			if !dirs[dir] {
				dirs[dir] = true
				g.sections = append(g.sections, section{dir: dir, title: title(g.words(2)), weight: len(g.sections) % 7})
			}
		}
		sec := len(g.sections) - 1
		for len(g.bySec) <= sec {
			g.bySec = append(g.bySec, nil)
		}
		for k := 0; k < pagesPerSection && len(g.pages) < n; k++ {
			i := len(g.pages)
			name := fmt.Sprintf("p%05d", i)
			p := page{
				file: dir + "/" + name + ".md", url: "/" + strings.TrimPrefix(dir, "content/") + "/" + name + "/",
				title: title(g.words(2 + g.rng.IntN(4))), sec: sec, weight: k,
			}
			used := map[string]bool{}
			for len(p.headings) < 3+g.rng.IntN(4) {
				h := g.words(2 + g.rng.IntN(2))
				if !used[h] {
					used[h] = true
					p.headings = append(p.headings, h)
				}
			}
			g.pages = append(g.pages, p)
			g.bySec[sec] = append(g.bySec[sec], i)
		}
	}
}

func (g *gen) words(n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = vocab[g.rng.IntN(len(vocab))]
	}
	return strings.Join(w, " ")
}

func title(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// relPath is the relative path from the folder of file from to file to.
func relPath(from, to string) string {
	a := strings.Split(path.Dir(from), "/")
	b := strings.Split(to, "/")
	i := 0
	for i < len(a) && i < len(b)-1 && a[i] == b[i] {
		i++
	}
	return strings.Repeat("../", len(a)-i) + strings.Join(b[i:], "/")
}

// relURL is the relative URL from the page URL from to the URL to.
func relURL(from, to string) string {
	a := strings.Split(strings.Trim(from, "/"), "/")
	b := strings.Split(strings.Trim(to, "/"), "/")
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	r := strings.Repeat("../", len(a)-i) + strings.Join(b[i:], "/")
	switch {
	case r == "":
		// A page's link to itself (to one of its headings).
		r = "./"
	case !strings.HasSuffix(r, "/"):
		r += "/"
	}
	return r
}

// link is one link a page body makes, in both flavours.
type link struct{ text, baton, hugo string }

// pageMeta is one page's front matter choices.
type pageMeta struct {
	summary string
	roles   []string
	resps   []string
	tags    []string
}

// page writes page i's front matter choices, its Markdown body with link
// placeholders, and the links that fill them. It draws
// from rng in the same order for both flavours, so they hold the same text.
func (g *gen) page(i int) (pageMeta, []byte, []link) {
	// Each page gets its own generator, so a page's text does not depend on
	// the order pages are written in.
	rng := rand.New(rand.NewPCG(g.opts.Seed, uint64(i)+1))
	p := g.pages[i]
	t := balancedProse{rng: rng}
	summary := t.plain()
	m := g.meta(rng, i)
	m.summary = summary
	links := g.pageLinks(rng, p)
	target := 300 + rng.IntN(1201) // the body's length in words
	code := rng.IntN(3) == 0       // whether the third section shows code
	w := &balancedBody{balancedProse: t, links: links}
	w.write(p, target, code)
	return m, w.b.Bytes(), links
}

// pageLinks chooses the links a balanced page's prose makes, in the order
// it makes them: a sibling, pages anywhere (some to a heading), a role.
func (g *gen) pageLinks(rng *rand.Rand, p page) []link {
	var links []link
	sibs := g.bySec[p.sec]
	links = append(links, pageLink(rng, p, g.pages[sibs[rng.IntN(len(sibs))]], false))
	for range 2 + rng.IntN(5) {
		j := rng.IntN(len(g.pages))
		links = append(links, pageLink(rng, p, g.pages[j], rng.IntN(3) == 0))
	}
	return append(links, roleLink(p, g.roles[rng.IntN(len(g.roles))]))
}

// pageLink is a balanced page's link from p to q, to one of q's headings
// when anchor is set.
func pageLink(rng *rand.Rand, p, q page, anchor bool) link {
	l := link{text: strings.ToLower(q.title), baton: relPath(p.file, q.file), hugo: relURL(p.url, q.url)}
	if anchor {
		h := q.headings[rng.IntN(len(q.headings))]
		frag := "#" + strings.ReplaceAll(h, " ", "-")
		l.baton += frag
		l.hugo += frag
	}
	return l
}

// roleLink is page p's link to role r, the last link of its prose in every
// shape.
func roleLink(p page, r role) link {
	return link{text: "the " + strings.ToLower(r.title) + " role", baton: relPath(p.file, "content/roles/"+r.id+".yaml"), hugo: relURL(p.url, "/roles/"+r.id+"/")}
}

// balancedProse draws the balanced shape's words from the common
// vocabulary alone (the real shape's prose adds rare words), so the
// balanced corpus keeps the bytes its figures were measured on.
type balancedProse struct{ rng *rand.Rand }

func (t balancedProse) word() string { return vocab[t.rng.IntN(len(vocab))] }

// plain is a sentence without marks, for summaries.
func (t balancedProse) plain() string { return plainSentence(t.rng, t.word) }

// sentence is a sentence with a word now and then in bold, italics or
// code, as prose has.
func (t balancedProse) sentence() string {
	s, _ := markedSentence(t.rng, t.word)
	return s
}

// balancedBody is a balanced page's body being written. It counts the
// words written, which decides when a section is long enough, and places
// the prose's links in order, one a paragraph, until they run out.
type balancedBody struct {
	balancedProse
	b     bytes.Buffer
	words int
	links []link
	next  int // the next link to place
}

// write writes the body of p, about target words long: a paragraph, then
// under each heading a paragraph, the first three sections' list, table
// and (when code is set) code block, and paragraphs up to the section's
// share of target; then the links not yet placed, a paragraph each.
func (w *balancedBody) write(p page, target int, code bool) {
	w.paraWithLink()
	for h, heading := range p.headings {
		level := "##"
		if h > 0 && w.rng.IntN(3) == 0 {
			level = "###"
		}
		fmt.Fprintf(&w.b, "%s %s\n\n", level, title(heading))
		w.paraWithLink()
		switch h {
		case 0:
			w.list()
		case 1:
			w.table()
		case 2:
			if code {
				writeCode(&w.b, w.rng)
			}
		}
		for w.words < target*(h+1)/len(p.headings) {
			w.para()
		}
	}
	for w.next < len(w.links) {
		w.paraWithLink()
	}
}

func (w *balancedBody) para() {
	var s []string
	for range 3 + w.rng.IntN(4) {
		s = append(s, w.sentence())
	}
	t := strings.Join(s, " ")
	w.words += strings.Count(t, " ") + 1
	w.b.WriteString(t)
	w.b.WriteString("\n\n")
}

// paraWithLink is a paragraph opening with the next link, while there is
// one.
func (w *balancedBody) paraWithLink() {
	if w.next >= len(w.links) {
		w.para()
		return
	}
	l := w.links[w.next]
	fmt.Fprintf(&w.b, "%s See [%s](\x00%d\x00) for more. ", w.sentence(), l.text, w.next)
	w.next++
	w.words += 5
	w.para()
}

func (w *balancedBody) list() {
	for range 3 + w.rng.IntN(4) {
		w.b.WriteString("- " + w.sentence() + "\n")
		w.words += 12
	}
	w.b.WriteString("\n")
}

func (w *balancedBody) table() {
	header := func() string { return title(w.word()) }
	cell := func() string { return w.word() + " " + w.word() }
	w.words += 2 * writeTable(&w.b, w.rng, 4, header, cell)
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// fill replaces the link placeholders of body with the chosen flavour.
func fill(body []byte, links []link, hugo bool) []byte {
	var out bytes.Buffer
	out.Grow(len(body) + 64*len(links))
	for {
		i := bytes.IndexByte(body, 0)
		if i < 0 {
			out.Write(body)
			return out.Bytes()
		}
		out.Write(body[:i])
		j := bytes.IndexByte(body[i+1:], 0) + i + 1
		var n int
		fmt.Sscanf(string(body[i+1:j]), "%d", &n)
		if hugo {
			out.WriteString(links[n].hugo)
		} else {
			out.WriteString(links[n].baton)
		}
		body = body[j+1:]
	}
}

// writeTable writes a Markdown table of 3 or 4 columns: a row of header
// cells, the rule below it, and 3 to 2+moreRows rows of body cells, each
// cell drawn when it is written. It returns how many body cells it wrote.
// Both shapes' pages write tables this way, in this order of draws, which
// their corpora's bytes depend on.
func writeTable(b *bytes.Buffer, rng *rand.Rand, moreRows int, header, cell func() string) int {
	cols := 3 + rng.IntN(2)
	row := func(cell func() string) {
		b.WriteString("|")
		for range cols {
			b.WriteString(" " + cell() + " |")
		}
		b.WriteString("\n")
	}
	row(header)
	row(func() string { return "---" })
	rows := 3 + rng.IntN(moreRows)
	for range rows {
		row(cell)
	}
	b.WriteString("\n")
	return rows * cols
}

var codeLangs = []string{"go", "python", "yaml", "bash", "json", "sql"}

func writeCode(b *bytes.Buffer, rng *rand.Rand) {
	lang := codeLangs[rng.IntN(len(codeLangs))]
	fmt.Fprintf(b, "```%s\n", lang)
	lines := 8 + rng.IntN(20)
	v := func() string { return vocab[rng.IntN(len(vocab))] }
	for k := range lines {
		switch lang {
		case "go":
			fmt.Fprintf(b, "\t%s := %s(%q, %d) // %s\n", v(), v(), v(), k, v())
		case "python":
			fmt.Fprintf(b, "    %s = %s(%q, %d)  # %s\n", v(), v(), v(), k, v())
		case "yaml":
			fmt.Fprintf(b, "%s:\n  %s: %d\n", v(), v(), k)
		case "bash":
			fmt.Fprintf(b, "%s --%s=%d | grep %q\n", v(), v(), k, v())
		case "json":
			fmt.Fprintf(b, "{\"%s\": %d, \"%s\": \"%s\"}\n", v(), k, v(), v())
		case "sql":
			fmt.Fprintf(b, "SELECT %s, count(*) FROM %s WHERE id = %d;\n", v(), v(), k)
		}
	}
	b.WriteString("```\n\n")
}

func yamlList(items []string) string {
	return "[" + strings.Join(items, ", ") + "]"
}

// Baton returns the corpus as a baton site: content/ with handbook.yaml,
// roles, reading paths, sections and pages.
func Baton(opts Options) []File {
	g := newGen(opts)
	var files []File
	add := func(p string, data []byte) { files = append(files, File{Path: p, Data: data}) }
	config := "title: Synthetic Handbook\ndescription: A generated handbook for benchmarks.\nbase_url: /\nlanguage: en\n"
	if g.opts.Shape == Real {
		// Its pages hold raw HTML tables, which baton drops otherwise.
		config += "unsafe_html: true\n"
		for k := range siteImages {
			add("content/static/"+siteImage(k), pngImage(k))
		}
	}
	add("content/handbook.yaml", []byte(config))
	add("content/_index.md", []byte("---\ntitle: Synthetic Handbook\n---\n\nA generated handbook for benchmarks.\n"))
	add("content/playbooks/_index.md", []byte("---\ntitle: Playbooks\nweight: 1\n---\n\nEvery playbook.\n"))
	for i, r := range g.roles {
		var b bytes.Buffer
		fmt.Fprintf(&b, "title: %s\nsummary: What %s does, in one sentence.\nweight: %d\nowns:\n  - %s\ninfluences:\n  - %s\nneeds:\n  - %s\n",
			r.title, strings.ToLower(r.title), i, title(g.words(4)), title(g.words(4)), title(g.words(4)))
		fmt.Fprintf(&b, "collaborates_with: [%s, %s]\nresponsibilities:\n", g.roles[(i+1)%len(g.roles)].id, g.roles[(i+5)%len(g.roles)].id)
		for _, rs := range r.resps {
			fmt.Fprintf(&b, "  - id: %s\n    title: %s\n    kind: %s\n    stage: %s\n    summary: %s.\n    partners: [%s]\n",
				rs.id, rs.title, rs.kind, rs.stage, title(g.words(8)), g.roles[(i+3)%len(g.roles)].id)
		}
		add("content/roles/"+r.id+".yaml", b.Bytes())
	}
	for k := range 3 {
		var b bytes.Buffer
		fmt.Fprintf(&b, "title: Reading path %d\nsummary: A generated path.\naudience: New hires\nsteps:\n", k+1)
		for s := range min(6, len(g.pages)) {
			j := (k*97 + s*31) % len(g.pages)
			fmt.Fprintf(&b, "  - page: %s\n    why: Step %d.\n", strings.TrimPrefix(g.pages[j].file, "content/"), s+1)
		}
		fmt.Fprintf(&b, "  - role: %s\n    why: Meet the role.\n", g.roles[k].id)
		add(fmt.Sprintf("content/paths/path-%d.yaml", k+1), b.Bytes())
	}
	g.writePages(add, false)
	return files
}

// WriteDir writes files under dir, replacing any earlier content/ and
// layouts/ there so that a smaller corpus does not inherit stale pages.
func WriteDir(dir string, files []File) error {
	for _, sub := range []string{"content", "layouts", "static"} {
		if err := os.RemoveAll(filepath.Join(dir, sub)); err != nil {
			return err
		}
	}
	for _, f := range files {
		dst := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// writePages writes the sections' index pages and the pages, the same for
// both generators; hugo selects link syntax (published URLs for Hugo,
// source files for baton).
func (g *gen) writePages(add func(string, []byte), hugo bool) {
	for _, s := range g.sections {
		intro := "The " + strings.ToLower(s.title) + " section."
		if s.ja {
			intro = s.title + "についてのページです。"
		}
		add(s.dir+"/_index.md", fmt.Appendf(nil, "---\ntitle: %s\nweight: %d\n---\n\n%s\n", s.title, s.weight, intro))
		if s.image != "" {
			add(s.dir+"/"+s.image, pngImage(len(s.dir)))
		}
	}
	for i, p := range g.pages {
		var (
			m     pageMeta
			body  []byte
			links []link
		)
		switch g.opts.Shape.orDefault() {
		case Balanced:
			m, body, links = g.page(i)
		case Flat:
			m, body, links = g.page(i)
			m.resps = g.cover(i, m.resps)
		case Real:
			m, body, links = g.realPage(i)
			m.resps = g.cover(i, m.resps)
		}
		var b bytes.Buffer
		fmt.Fprintf(&b, "---\ntitle: %s\nsummary: %s\nweight: %d\nroles: %s\n", p.title, m.summary, p.weight, yamlList(m.roles))
		if len(m.resps) > 0 {
			fmt.Fprintf(&b, "responsibilities: %s\n", yamlList(m.resps))
		}
		fmt.Fprintf(&b, "tags: %s\n---\n\n", yamlList(m.tags))
		b.Write(fill(body, links, hugo))
		add(p.file, b.Bytes())
	}
}

// EditTarget is the page benchmarks edit in a corpus written to dir: the
// deepest page named p00003.md, wherever the nesting puts it for the
// corpus's size. It returns the path relative to dir, slash-separated.
func EditTarget(dir string) (string, error) {
	var best string
	err := filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Name() == "p00003.md" && (best == "" || strings.Count(p, "/") > strings.Count(best, "/")) {
			best = p
		}
		return err
	})
	if err == nil && best == "" {
		err = fmt.Errorf("no page p00003.md under %s", dir)
	}
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(dir, best)
	return filepath.ToSlash(rel), err
}
