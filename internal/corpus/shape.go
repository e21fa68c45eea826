package corpus

import (
	"fmt"
	"math"
	"strings"
)

// Shape is how a corpus lays out its pages and what they hold.
//
//   - Balanced, the original corpus: sections of 20 pages and up to 10
//     subsections, 300–1,500 words a page. Ten times the pages is one level
//     deeper, so no page's sidebar lists more than about 30 links.
//   - Flat: 20 top folders of N/20 pages each, written by the balanced page
//     generator. Each page's sidebar lists its N/20 siblings, so output
//     grows with pages × folder size, as in handbooks with a folder of
//     hundreds of pages.
//   - Real: the mix real handbooks have. A few folders of 100–600 pages,
//     some trees 5–7 levels deep, the rest in folders of 5–60 pages two or
//     three levels deep; pages from about 100 to 8,000 words with a long
//     tail, a long tail of rare words (names, product terms), about 15% of
//     the pages in Japanese (text without spaces), images (PNG files in
//     content/static and beside pages), raw HTML tables (so its
//     handbook.yaml sets unsafe_html: true, as a handbook with them must),
//     headings with links in them and links to other pages' headings.
type Shape string

const (
	Balanced Shape = "balanced"
	Flat     Shape = "flat"
	Real     Shape = "real"
)

// Shapes lists every shape, for flags and tests.
func Shapes() []Shape { return []Shape{Balanced, Flat, Real} }

// ParseShape reads a shape's name.
func ParseShape(s string) (Shape, error) {
	for _, sh := range Shapes() {
		if string(sh) == s {
			return sh, nil
		}
	}
	names := make([]string, len(Shapes()))
	for i, sh := range Shapes() {
		names[i] = string(sh)
	}
	return "", fmt.Errorf("unknown corpus shape %q (want %s)", s, strings.Join(names, ", "))
}

func (s Shape) orDefault() Shape {
	if s == "" {
		return Balanced
	}
	return s
}

// flatFolders is how many top folders the flat shape spreads its pages over.
const flatFolders = 20

// planFlat lays out flatFolders folders under playbooks, the first N mod
// flatFolders of them one page larger, and their pages as the balanced shape
// plans them.
func (g *gen) planFlat() {
	n := max(g.opts.Pages, 1)
	for k := range min(flatFolders, n) {
		size := n / flatFolders
		if k < n%flatFolders {
			size++
		}
		sec := g.addSection(fmt.Sprintf("content/playbooks/s%02d", k), title(g.words(2)), k, false)
		for range size {
			g.addPage(sec, len(g.bySec[sec]), false, 0)
		}
	}
}

// addSection adds a section and returns its index.
func (g *gen) addSection(dir, t string, weight int, ja bool) int {
	g.sections = append(g.sections, section{dir: dir, title: t, weight: weight, ja: ja})
	g.bySec = append(g.bySec, nil)
	return len(g.sections) - 1
}

// addPage plans the next page in section sec, as the balanced shape does
// when words is 0; a real page's headings follow its length and language.
func (g *gen) addPage(sec, weight int, ja bool, words int) {
	i := len(g.pages)
	name := fmt.Sprintf("p%05d", i)
	dir := g.sections[sec].dir
	p := page{
		file: dir + "/" + name + ".md", url: "/" + strings.TrimPrefix(dir, "content/") + "/" + name + "/",
		sec: sec, weight: weight, ja: ja, words: words,
	}
	nh := 3 + g.rng.IntN(4)
	switch {
	case ja:
		p.title = jaPhrase(g.rng, 2+g.rng.IntN(3))
	default:
		p.title = title(g.words(2 + g.rng.IntN(4)))
	}
	if words > 0 {
		// A heading every 300–500 words or so, as long pages have.
		nh = min(1+words/(300+g.rng.IntN(200)), 30)
	}
	used := map[string]bool{}
	for len(p.headings) < nh {
		var h string
		if ja {
			h = jaPhrase(g.rng, 2+g.rng.IntN(2))
		} else {
			h = g.words(2 + g.rng.IntN(2))
			if words > 0 && g.rng.IntN(6) == 0 {
				h += " " + rareWord(g.rng)
			}
		}
		if !used[h] {
			used[h] = true
			p.headings = append(p.headings, h)
			// A heading in five after the first has a link in it (real
			// shape). Other pages link to the rest: baton and Hugo 0.111
			// make the id of a heading with a link from its source line,
			// link destination included, as goldmark does by default,
			// where GitHub and Hugo 0.150 take the text alone, so a link
			// to it would resolve in some and not in others.
			p.linked = append(p.linked, words > 0 && len(p.headings) > 1 && g.rng.IntN(5) == 0)
		}
	}
	g.pages = append(g.pages, p)
	g.bySec[sec] = append(g.bySec[sec], i)
}

// Shares of the real shape's pages.
const (
	realBigShare  = 0.30 // in folders of 100–600 pages
	realDeepShare = 0.20 // in trees 5–7 levels deep
	realJaShare   = 0.15 // in Japanese
)

// realFolder is a planned folder of the real shape before its pages exist.
type realFolder struct {
	sec   int
	pages int
}

// planReal lays out the real shape: big folders, deep trees and the rest
// in medium folders, all under playbooks, then marks folders Japanese until
// about realJaShare of the pages are, and plans the pages.
func (g *gen) planReal() {
	n := max(g.opts.Pages, 1)
	pl := &realPlan{g: g, slugs: map[string]bool{}}
	pl.bigFolders(int(float64(n) * realBigShare))
	pl.deepTrees(int(float64(n) * realDeepShare))
	pl.mediumTrees(n - pl.planned())
	g.markJapanese(pl.folders, int(math.Round(float64(n)*realJaShare)))
	// Images beside the pages of a folder in four.
	for _, f := range pl.folders {
		if g.rng.IntN(4) == 0 {
			g.sections[f.sec].image = "diagram.png"
		}
	}
	for _, f := range pl.folders {
		for w := range f.pages {
			g.addPage(f.sec, w, g.sections[f.sec].ja, g.realLength())
		}
	}
}

// realTop is the folder every folder of the real shape is under.
const realTop = "content/playbooks"

// realPlan is the real shape's folders being laid out, before their pages
// exist: the layout draws each folder's size first, and the pages come
// after the folders are marked Japanese or not.
type realPlan struct {
	g       *gen
	folders []realFolder
	slugs   map[string]bool // the folders' paths, each used once
	left    int             // the pages the trees being drawn still have to hold
}

// folder adds a folder of pages pages under parent and returns its path.
func (pl *realPlan) folder(parent string, pages int) string {
	g := pl.g
	// Folder names are words, as real handbooks name them, unique in
	// their parent.
	var dir string
	for {
		dir = parent + "/" + strings.ReplaceAll(g.slugWords(1+g.rng.IntN(2)), " ", "-")
		if !pl.slugs[dir] {
			break
		}
	}
	pl.slugs[dir] = true
	sec := g.addSection(dir, title(g.words(2)), len(g.sections)%9, false)
	pl.folders = append(pl.folders, realFolder{sec: sec, pages: pages})
	return dir
}

// planned is how many pages the folders laid out so far hold.
func (pl *realPlan) planned() int {
	n := 0
	for _, f := range pl.folders {
		n += f.pages
	}
	return n
}

// bigFolders lays out big pages in top folders of 100–600 pages.
func (pl *realPlan) bigFolders(big int) {
	for big > 0 {
		size := min(big, 100+pl.g.rng.IntN(501))
		if big-size < 100 {
			// No runt folder at the end: take the rest, or leave 100.
			size = big
			if big > 600 {
				size = big - 100
			}
		}
		big -= size
		pl.folder(realTop, size)
	}
}

// deepTrees lays out deep pages in trees 5–7 levels deep, of 2–12 pages a
// folder and one or two subfolders each.
func (pl *realPlan) deepTrees(deep int) {
	pl.left = deep
	for pl.left > 0 {
		pl.deepTree(realTop, 1, 5+pl.g.rng.IntN(3))
	}
}

func (pl *realPlan) deepTree(parent string, level, depth int) {
	pages := min(pl.left, 2+pl.g.rng.IntN(11))
	pl.left -= pages
	dir := pl.folder(parent, pages)
	if level == depth {
		return
	}
	kids := 1 + pl.g.rng.IntN(2)
	for k := 0; k < kids && pl.left > 0; k++ {
		pl.deepTree(dir, level+1, depth)
	}
}

// mediumTrees lays out the rest pages in trees two or three levels deep,
// of 5–60 pages a folder.
func (pl *realPlan) mediumTrees(rest int) {
	pl.left = rest
	for pl.left > 0 {
		pl.mediumTree(realTop, 1, 2+pl.g.rng.IntN(2))
	}
}

func (pl *realPlan) mediumTree(parent string, level, depth int) {
	pages := min(pl.left, 5+pl.g.rng.IntN(56))
	pl.left -= pages
	dir := pl.folder(parent, pages)
	if level == depth {
		return
	}
	// The bound is drawn again at each step, as it always was: drawing it
	// once would change every real corpus.
	for k := 0; k < 2+pl.g.rng.IntN(4) && pl.left > 0; k++ {
		pl.mediumTree(dir, level+1, depth)
	}
}

// markJapanese marks folders Japanese, drawn in a shuffled order until
// they hold want pages, skipping any that would overshoot it by much.
func (g *gen) markJapanese(folders []realFolder, want int) {
	ja := 0
	for _, k := range g.rng.Perm(len(folders)) {
		f := folders[k]
		if ja >= want {
			break
		}
		if ja+f.pages <= want+want/10+1 {
			g.sections[f.sec].ja = true
			g.sections[f.sec].title = jaPhrase(g.rng, 2)
			ja += f.pages
		}
	}
}

// realLength draws a page's length in words: log-normal, median 550,
// clamped to 100–8,000, so most pages are short and a few are very long.
func (g *gen) realLength() int {
	w := 550 * math.Exp(g.rng.NormFloat64())
	return int(min(max(w, 100), 8000))
}

// slugWords draws n words fit for a folder name: no stop words, which
// real folder names rarely hold.
func (g *gen) slugWords(n int) string {
	w := make([]string, 0, n)
	for len(w) < n {
		v := vocab[g.rng.IntN(len(vocab))]
		if len(v) > 3 {
			w = append(w, v)
		}
	}
	return strings.Join(w, " ")
}
