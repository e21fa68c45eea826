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
	relatedPages(s, order)
}

// relatedPages scores each page's related pages (related). They depend
// only on the lists finish sorts: they are scored on all cores, a share of
// the pages each. It was half of resolving a 10,000-page handbook, on one
// core.
func relatedPages(s *Site, order map[*Page]int) {
	idx := newRelatedIndex(s, order)
	workers := min(runtime.GOMAXPROCS(0), max(1, len(s.Pages)/relatedShare))
	var wg sync.WaitGroup
	for w := range workers {
		share := s.Pages[w*len(s.Pages)/workers : (w+1)*len(s.Pages)/workers]
		wg.Go(func() {
			sc := idx.scratch()
			for _, p := range share {
				if !p.IsSection {
					p.Related = idx.related(p, sc)
				}
			}
		})
	}
	wg.Wait()
}

// relatedShare is the fewest pages worth a goroutine of their own (a
// variable for a test).
var relatedShare = 500

// relatedIndex numbers the pages, and holds each tag's, role's and
// responsibility's list of pages as their numbers, so scoring a page's
// hundreds of candidates reads slices rather than maps. It is made before
// related runs, and only read from then on.
type relatedIndex struct {
	pages []*Page
	num   map[*Page]int32
	// ord is each page's place in the reading order (finish's order: 0
	// for none), by number.
	ord   []int
	lists map[any][]int32
}

func newRelatedIndex(s *Site, order map[*Page]int) *relatedIndex {
	x := &relatedIndex{num: make(map[*Page]int32, len(s.Pages)), lists: map[any][]int32{}}
	for _, p := range s.Pages {
		x.number(p, order)
	}
	for _, t := range s.Tags {
		x.add(t, t.Pages, order)
	}
	for _, role := range s.Roles {
		x.add(role, role.Pages, order)
	}
	for _, resp := range s.Responsibilities {
		x.add(resp, resp.Pages, order)
	}
	return x
}

// number gives page p its number, once.
func (x *relatedIndex) number(p *Page, order map[*Page]int) int32 {
	n, ok := x.num[p]
	if !ok {
		n = int32(len(x.pages))
		x.num[p] = n
		x.pages = append(x.pages, p)
		x.ord = append(x.ord, order[p])
	}
	return n
}

func (x *relatedIndex) add(owner any, list []*Page, order map[*Page]int) {
	nums := make([]int32, len(list))
	for i, q := range list {
		nums[i] = x.number(q, order)
	}
	x.lists[owner] = nums
}

// known is the numbers of the pages of list that have one.
func (x *relatedIndex) known(list []*Page) []int32 {
	var nums []int32
	for _, q := range list {
		if n, ok := x.num[q]; ok {
			nums = append(nums, n)
		}
	}
	return nums
}

// inOrder compares pages a and b as finish sorts the lists: by reading
// order, pages outside it last, by URL.
func (x *relatedIndex) inOrder(a, b int32) int {
	oa, ob := x.ord[a], x.ord[b]
	if oa == 0 || ob == 0 {
		return cmp.Or(cmp.Compare(ob, oa), strings.Compare(x.pages[a].URL, x.pages[b].URL))
	}
	return cmp.Compare(oa, ob)
}

// at is where page n stands in the list nums, or -1: found by halving,
// the lists being sorted by inOrder, and by looking through the list
// should one not be.
func (x *relatedIndex) at(nums []int32, n int32) int {
	if i, ok := slices.BinarySearchFunc(nums, n, x.inOrder); ok && nums[i] == n {
		return i
	}
	return slices.Index(nums, n)
}

// relatedScratch is one goroutine's, reused across its pages: a
// candidate's score by its number, valid where its stamp is the page's.
type relatedScratch struct {
	score []int32
	stamp []uint32
	gen   uint32
	cands []int32
}

func (x *relatedIndex) scratch() *relatedScratch {
	return &relatedScratch{score: make([]int32, len(x.pages)), stamp: make([]uint32, len(x.pages))}
}

// related scores the pages near p in each of its tags', roles' and
// responsibilities' lists by what they share with p.
func (x *relatedIndex) related(p *Page, sc *relatedScratch) []*Page {
	sc.gen++
	sc.cands = sc.cands[:0]
	self := x.num[p]
	consider := func(owner any, list []*Page, weight int32) {
		nums, ok := x.lists[owner]
		if !ok {
			nums = x.known(list) // not one of the site's: never so far
		}
		i := x.at(nums, self)
		lo, hi := max(0, i-relatedWindow), min(len(nums), i+relatedWindow+1)
		if i < 0 {
			lo, hi = 0, min(len(nums), 2*relatedWindow)
		}
		for _, q := range nums[lo:hi] {
			if q == self || x.pages[q].IsSection {
				continue
			}
			if sc.stamp[q] != sc.gen {
				sc.stamp[q], sc.score[q] = sc.gen, 0
				sc.cands = append(sc.cands, q)
			}
			sc.score[q] += weight
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
	return x.best(sc)
}

// best is the five best candidates, by score, then reading order, then
// URL: a selection, not a sort, since a page has hundreds of candidates.
func (x *relatedIndex) best(sc *relatedScratch) []*Page {
	before := func(a, b int32) bool {
		// The URLs are compared only on a tie: most candidates lose on
		// their score.
		if sa, sb := sc.score[a], sc.score[b]; sa != sb {
			return sa > sb
		}
		if oa, ob := x.ord[a], x.ord[b]; oa != ob {
			return oa < ob
		}
		return x.pages[a].URL < x.pages[b].URL
	}
	var top [5]int32
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
		out[i] = x.pages[top[i]]
	}
	return out
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

// navTree makes Site.Nav from the navigation file's tree (Options.NavTree)
// and orders the reading order by it: its pages first, each where the
// file lists it first, then the pages it leaves out, each under its
// folder's page (or the folder's, made a node for them), so every page
// the folders reached stays reachable. A folder of baton's making whose
// pages the file lists elsewhere is no node: the tool has no such page.
func (r *resolver) navTree() {
	if r.opts.NavTree == nil || r.site.Root == nil {
		return
	}
	root := r.listedNav()
	r.navLeftOut(root)
	order := make([]*Page, 0, len(r.site.Order))
	var walk func(n *NavNode)
	walk = func(n *NavNode) {
		if n.Page != nil && n.Page != r.site.Home {
			order = append(order, n.Page)
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(root)
	for _, p := range r.site.Order {
		if p.Nav == nil {
			order = append(order, p) // a folder of baton's making
		}
	}
	r.site.Order, r.site.Nav = order, root
	for i, p := range order {
		p.Prev, p.Next = nil, nil
		if i > 0 {
			p.Prev = order[i-1]
		}
		if i+1 < len(order) {
			p.Next = order[i+1]
		}
	}
}

// listedNav is the tree of what the navigation file lists: its pages,
// each where the file lists it first, and its captions.
func (r *resolver) listedNav() *NavNode {
	byFile := make(map[string]*Page, len(r.site.Pages))
	for _, p := range r.site.Pages {
		byFile[p.File] = p
		if p.IsSection && p.Section != nil {
			byFile[p.Section.Dir] = p
		}
	}
	root := &NavNode{}
	var add func(parent *NavNode, list []NavSource)
	add = func(parent *NavNode, list []NavSource) {
		for _, e := range list {
			p := byFile[e.File]
			if p != nil && p.Nav != nil {
				p = nil // listed twice: where it is listed first
			}
			n := &NavNode{Parent: parent, Page: p}
			switch {
			case p != nil:
				p.Nav = n
			case e.Title != "" && len(e.Children) > 0, e.Title != "" && e.File == "":
				n.Title, n.Part = e.Title, e.Part
			default:
				add(parent, e.Children) // nothing to show of its own
				continue
			}
			add(n, e.Children)
			if p == nil && len(e.Children) > 0 && len(n.Children) == 0 {
				continue // a caption whose pages are all missing
			}
			parent.Children = append(parent.Children, n)
		}
	}
	add(root, r.opts.NavTree)
	return root
}

// navLeftOut gives each page the file leaves out a node under its
// folder's page; the folders above such a page are nodes too, so the
// page has a place, made in the folders' reading order, a folder's page
// before its pages.
func (r *resolver) navLeftOut(root *NavNode) {
	needed := map[*Section]bool{}
	for _, p := range r.site.Order {
		if p.Nav == nil && !(p.IsSection && p.Doc == nil) {
			for s := listedIn(p); s != nil && !needed[s]; s = s.Parent {
				needed[s] = true
			}
		}
	}
	for _, p := range r.site.Order {
		if p.Nav != nil || p.IsSection && !needed[p.Section] && p.Doc == nil {
			continue
		}
		parent := root
		if s := listedIn(p); s != nil && s.Page != nil && s.Page.Nav != nil && s.Parent != nil {
			parent = s.Page.Nav
		}
		p.Nav = &NavNode{Parent: parent, Page: p}
		parent.Children = append(parent.Children, p.Nav)
	}
}

// listedIn is the section whose children list page p: for a section's
// own page, the section above.
func listedIn(p *Page) *Section {
	if p.IsSection && p.Section != nil {
		return p.Section.Parent
	}
	return p.Section
}
