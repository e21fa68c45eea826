package handbook

import (
	"cmp"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/batonhq/baton/internal/config"
)

func byWeight(a, b *Page) int {
	return cmp.Or(cmp.Compare(a.Weight, b.Weight), strings.Compare(a.Title, b.Title), strings.Compare(a.URL, b.URL))
}

// navigation orders each section's pages and subsections, computes the
// reading order, and links every page to its previous and next.
func (r *resolver) navigation() {
	for _, dir := range sortedKeys(r.dirs) {
		s := r.dirs[dir]
		slices.SortFunc(s.Pages, byWeight)
		slices.SortFunc(s.Sections, func(a, b *Section) int { return byWeight(a.Page, b.Page) })
		s.Children = make([]*Page, 0, len(s.Pages)+len(s.Sections))
		s.Children = append(s.Children, s.Pages...)
		for _, sub := range s.Sections {
			s.Children = append(s.Children, sub.Page)
		}
		slices.SortStableFunc(s.Children, byWeight)
		r.site.Sections = append(r.site.Sections, s)
	}
	slices.SortFunc(r.site.Sections, func(a, b *Section) int { return strings.Compare(a.URL, b.URL) })
	var walk func(s *Section)
	walk = func(s *Section) {
		for _, c := range s.Children {
			r.site.Order = append(r.site.Order, c)
			if c.IsSection {
				walk(c.Section)
			}
		}
	}
	walk(r.site.Root)
	for i, p := range r.site.Order {
		if i > 0 {
			p.Prev = r.site.Order[i-1]
		}
		if i+1 < len(r.site.Order) {
			p.Next = r.site.Order[i+1]
		}
	}
}

// relatedWindow bounds how many neighbours in each tag, role or
// responsibility list are scored as related, so the work per page stays
// constant however large a tag grows.
const relatedWindow = 24

// finish sorts every list that reaches output and computes related pages.
func (r *resolver) finish() {
	s := r.site
	order := make(map[*Page]int, len(s.Order))
	for i, p := range s.Order {
		order[p] = i + 1
	}
	inOrder := func(a, b *Page) int {
		oa, ob := order[a], order[b]
		if oa == 0 || ob == 0 {
			return cmp.Or(cmp.Compare(ob, oa), strings.Compare(a.URL, b.URL))
		}
		return cmp.Compare(oa, ob)
	}
	slices.SortFunc(s.Pages, func(a, b *Page) int { return strings.Compare(a.URL, b.URL) })
	for i, p := range s.Pages {
		p.at = i + 1
	}
	slices.SortFunc(s.Tags, func(a, b *Tag) int { return strings.Compare(a.URL, b.URL) })
	for _, t := range s.Tags {
		slices.SortFunc(t.Pages, inOrder)
	}
	bySite := bySite(s)
	slices.SortStableFunc(s.Responsibilities, bySite)
	for _, role := range s.Roles {
		slices.SortFunc(role.Pages, inOrder)
		role.Pages = slices.Compact(role.Pages)
		slices.SortStableFunc(role.PartnerIn, bySite)
		sortHolds(role.Holds, s.Config.Model, bySite)
	}
	for _, resp := range s.Responsibilities {
		slices.SortFunc(resp.Pages, inOrder)
	}
	for _, pe := range s.People {
		sortHolds(pe.Holds, s.Config.Model, nil)
	}
	slices.SortFunc(s.Paths, func(a, b *Path) int { return strings.Compare(a.ID, b.ID) })
	byPath := func(a, b PathStep) int {
		return cmp.Or(strings.Compare(a.Path.ID, b.Path.ID), cmp.Compare(a.Index, b.Index))
	}
	for _, p := range s.Pages {
		slices.SortFunc(p.Paths, byPath)
	}
	for _, role := range s.Roles {
		slices.SortFunc(role.Paths, byPath)
	}
	for _, resp := range s.Responsibilities {
		slices.SortFunc(resp.Paths, byPath)
	}
	idx := positions{}
	for _, t := range s.Tags {
		idx.add(t, t.Pages)
	}
	for _, role := range s.Roles {
		idx.add(role, role.Pages)
	}
	for _, resp := range s.Responsibilities {
		idx.add(resp, resp.Pages)
	}
	// Each page's related pages depend only on the lists sorted above:
	// score them on all cores, a share of the pages each. It was half of
	// resolving a 10,000-page handbook, on one core.
	workers := min(runtime.GOMAXPROCS(0), max(1, len(s.Pages)/relatedShare))
	var wg sync.WaitGroup
	for w := range workers {
		share := s.Pages[w*len(s.Pages)/workers : (w+1)*len(s.Pages)/workers]
		wg.Go(func() {
			sc := &relatedScratch{at: map[*Page]int{}}
			for _, p := range share {
				if !p.IsSection {
					p.Related = related(p, order, idx, sc)
				}
			}
		})
	}
	wg.Wait()
}

// relatedShare is the fewest pages worth a goroutine of their own (a
// variable for a test).
var relatedShare = 500

// positions holds, for each tag, role and responsibility, where each page
// stands in its list, so finding a page's neighbours costs O(1). It is
// filled before related runs, and only read from then on.
type positions map[any]map[*Page]int

func (ps positions) add(owner any, list []*Page) {
	m := make(map[*Page]int, len(list))
	for i, q := range list {
		m[q] = i
	}
	ps[owner] = m
}

func (ps positions) of(owner any, list []*Page, p *Page) int {
	m, ok := ps[owner]
	if !ok {
		return slices.Index(list, p) // not one of the site's: never so far
	}
	if i, ok := m[p]; ok {
		return i
	}
	return -1
}

// related scores the pages near p in each of its tags', roles' and
// responsibilities' lists by what they share with p.
func related(p *Page, order map[*Page]int, idx positions, sc *relatedScratch) []*Page {
	clear(sc.at)
	sc.cands = sc.cands[:0]
	consider := func(owner any, list []*Page, weight int) {
		i := idx.of(owner, list, p)
		lo, hi := max(0, i-relatedWindow), min(len(list), i+relatedWindow+1)
		if i < 0 {
			lo, hi = 0, min(len(list), 2*relatedWindow)
		}
		for _, q := range list[lo:hi] {
			if q == p || q.IsSection {
				continue
			}
			if k, ok := sc.at[q]; ok {
				sc.cands[k].score += weight
			} else {
				sc.at[q] = len(sc.cands)
				sc.cands = append(sc.cands, candidate{page: q, score: weight, order: order[q]})
			}
		}
	}
	for _, t := range p.Tags {
		consider(t, t.Pages, 2)
	}
	for _, role := range p.Roles {
		consider(role, role.Pages, 1)
	}
	for _, resp := range p.Responsibilities {
		consider(resp, resp.Pages, 3)
	}
	// The five best, by score, then reading order, then URL: a selection,
	// not a sort, since a page has hundreds of candidates.
	before := func(a, b candidate) bool {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.order, b.order), strings.Compare(a.page.URL, b.page.URL)) < 0
	}
	var top [5]candidate
	n := 0
	for _, c := range sc.cands {
		if n == len(top) && !before(c, top[n-1]) {
			continue
		}
		if n < len(top) {
			n++
		}
		i := n - 1
		for ; i > 0 && before(c, top[i-1]); i-- {
			top[i] = top[i-1]
		}
		top[i] = c
	}
	out := make([]*Page, n)
	for i := range n {
		out[i] = top[i].page
	}
	return out
}

// candidate is a page scored as related to another.
type candidate struct {
	page         *Page
	score, order int
}

// relatedScratch is reused across the pages of one Resolve.
type relatedScratch struct {
	at    map[*Page]int
	cands []candidate
}

// bySite orders responsibilities as the matrix does: by the stage of the
// lifecycle, then by the role that holds them in its file.
func bySite(s *Site) func(a, b *Responsibility) int {
	stages := s.Config.Model.StageIDs()
	stage := func(st string) int { return slices.Index(stages, st) }
	roleIndex := map[*Role]int{}
	for i, role := range s.Roles {
		roleIndex[role] = i
	}
	return func(a, b *Responsibility) int {
		return cmp.Or(cmp.Compare(stage(a.Stage), stage(b.Stage)), cmp.Compare(roleIndex[a.Lead], roleIndex[b.Lead]))
	}
}

// sortHolds puts what is held in the model's order of letters, and each
// letter's responsibilities in the site's order when bySite is given (a
// person's stay in the order of the role files, as their PartnerIn).
func sortHolds(holds []Held, m config.Model, bySite func(a, b *Responsibility) int) {
	letters := m.LetterIDs()
	slices.SortFunc(holds, func(a, b Held) int {
		return cmp.Compare(slices.Index(letters, a.Letter.ID), slices.Index(letters, b.Letter.ID))
	})
	for _, h := range holds {
		if bySite != nil {
			slices.SortStableFunc(h.Responsibilities, bySite)
		}
	}
}
