package render

import (
	"cmp"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/diagram"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/i18n"
	"github.com/batonhq/baton/internal/markdown"
)

// NavItem is an entry of the sidebar.
type NavItem struct {
	Title string
	URL   string
	// Href is URL relative to the page that shows the sidebar: made in Go,
	// since the sidebar is most of each page's links.
	Href     string
	Current  bool
	Open     bool
	Section  bool
	Children []NavItem
	// More, when not 0, makes the item a link to the section's page for
	// that many siblings the sidebar's window leaves out.
	More int
	// Caption makes the item a heading over its Children, not a link
	// (URL ""): a section of the handbook's own navigation file that is
	// no page. Open shows its children unfolded.
	Caption bool
}

// Crumb is a step of the breadcrumbs.
type Crumb struct {
	Title string
	// URL is where the crumb links; "" for the page itself, the last
	// crumb, and for a caption of the navigation above it.
	URL string
}

// PrintEntry is one page in the print view.
type PrintEntry struct {
	ID    string
	Depth int
	Page  PrintPage
	// body is the page's prepared Markdown and where its links lead,
	// which PrintBody resolves when the template asks for it, so the
	// print view never holds every page's HTML at once; file is its
	// source, which a panic while resolving it names.
	body printBody
	file string
}

// PrintPage is a page as the print view titles it.
type PrintPage struct{ Title, Lede string }

// PrintPart is a run of the print view's pages: a part of the handbook
// (a top folder, or a folder in the only top folder), which the print
// view shows alone when its ID is the URL's fragment, or (ID "") pages
// outside the parts. A part is printed from the whole view rather than
// from a copy of its own, so no page is ever printed twice.
type PrintPart struct {
	ID, Title string
	Entries   []PrintEntry
	// URL is set, and Entries empty, in the whole handbook's view when
	// the handbook is too big to print in one file: each part is then a
	// print view of its own, at URL.
	URL string
}

// printPlace is where the print views show a page, a role, a
// responsibility or a reading path: the view's URL and the id there.
type printPlace struct{ url, id string }

// PrintID is the id of a page or role in the print view.
func (v *PageView) PrintID(u string) string { return printID(u) }

// PrintHref links to u's place in the print views: within this one, or
// into the part's own view of a handbook printed in parts.
func (v *PageView) PrintHref(u string) string {
	pl, ok := v.printed[u]
	if !ok {
		return v.rel(u)
	}
	if pl.url == v.URL {
		return "#" + pl.id
	}
	return v.rel(pl.url) + "#" + pl.id
}

// PrintBody is entry e's body: the page's HTML, its ids prefixed and its
// links to what the print views show made links within them. A panic
// while resolving it is a *PanicError naming the page, not the print
// view's template line.
func (v *PageView) PrintBody(e PrintEntry) (template.HTML, error) {
	if e.body.doc == nil {
		return "", nil
	}
	var b strings.Builder
	b.Grow(e.body.doc.Size(e.ID + "--"))
	if err := v.printEntry(&b, e); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

// printEntry writes entry e's body, as PrintBody makes it, into w (the
// print view written in Go resolves it straight into the page).
func (v *PageView) printEntry(w io.Writer, e PrintEntry) (err error) {
	if e.body.doc == nil {
		return nil
	}
	defer func() {
		if x := recover(); x != nil {
			err = &PanicError{File: e.file, Path: "print/index.html", Value: x}
		}
	}()
	b := e.body
	b.doc.ResolveWith(w, func(i int) string {
		h := b.hrefs[i]
		if _, ok := v.printed[h.URL]; ok && !h.External {
			if h.Fragment != "" {
				return v.PrintHref(h.URL) + "--" + h.Fragment
			}
			return v.PrintHref(h.URL)
		}
		return href(h, v.URL, v.rel)
	}, func(i int) string { return b.hrefs[i].Text }, e.ID+"--", v.Site.ui)
	return nil
}

// linkNav sets the Href of every sidebar item, with rel.
func linkNav(items []NavItem, rel func(string) string) {
	for i := range items {
		if items[i].URL != "" {
			items[i].Href = rel(items[i].URL)
		}
		linkNav(items[i].Children, rel)
	}
}

// mayLink refuses what, a method that links relative to the page, inside a
// partial printed with cached.
func (f *frame) mayLink(what string) error {
	if f.inCached > 0 {
		return fmt.Errorf(`%s in a partial printed with cached: its links would hold on one page and break on others of the same depth; link from .Root ("{{.Root}}roles/")`, what)
	}
	return nil
}

// diagramSVG is the conductor diagram of roles, its links made with rel.
func diagramSVG(roles []*handbook.Role, rel func(string) string, ui *i18n.Strings) template.HTML {
	return template.HTML(diagram.SVG(roles, rel, ui))
}

// letterOf is how a role takes part in a responsibility, or nil.
func letterOf(resp *handbook.Responsibility, role *handbook.Role) *config.Letter {
	if l, ok := resp.Letter(role); ok {
		return &l
	}
	return nil
}

// holding is who holds the letter id of a responsibility, or nil.
func holding(resp *handbook.Responsibility, id string) *handbook.Holding {
	for i := range resp.Involved {
		if resp.Involved[i].Letter.ID == id {
			return &resp.Involved[i]
		}
	}
	return nil
}

// funcs are the theme's template functions but those of uiFuncs.
func funcs() template.FuncMap {
	return template.FuncMap{
		"add":  func(a, b int) int { return a + b },
		"link": link,
		"join": strings.Join,
		// siteRel is a site-absolute URL without its leading slash, for links
		// written from .Root ("{{.Root}}{{siteRel .URL}}").
		"siteRel": func(u string) string { return strings.TrimPrefix(u, "/") },
		// topSections are the sections the header lists: the top ones, at
		// most maxTopSections, in their order.
		"topSections": func(s *SiteView) []Link { return s.TopSections },
		"cached":      cached,
		"nav":         func(v *PageView, items []NavItem) sub { return sub{View: v, Items: items} },
		"pages":       func(v *PageView, pages any) sub { return sub{View: v, Pages: pages} },
		"roles":       func(v *PageView, roles any) sub { return sub{View: v, Roles: roles} },
		"steps":       func(v *PageView, steps any) sub { return sub{View: v, Steps: steps} },
		"byDay":       byDay,
		"review":      func(v *PageView, rv any) sub { return sub{View: v, Review: rv} },
		"people":      func(v *PageView, people any) sub { return sub{View: v, People: people} },
		"holders":     func(v *PageView, h any) sub { return sub{View: v, Holding: h} },
		"personTeams": personTeams,
		// glossaryLetters groups the glossary's terms by their first letter.
		"glossaryLetters": glossaryLetters,
		// levelRows counts the rows of the levels table: the longest ladder.
		"levelRows": func(ladders []Ladder) []struct{} {
			n := 0
			for _, la := range ladders {
				n = max(n, len(la.Levels))
			}
			return make([]struct{}, n)
		},
		// initials stand for a person without a photo: the first letters of
		// their first and last names.
		"initials": initials,
	}
}

// maxTopSections is the most sections the header lists: more would not
// fit beside the search box; the sidebar lists them all.
const maxTopSections = 4

// topSections are the sections the header lists: the top ones, at most
// maxTopSections, in their order.
func topSections(site *handbook.Site) []Link {
	if site.Root == nil {
		return nil
	}
	var out []Link
	for _, s := range site.Root.Sections[:min(len(site.Root.Sections), maxTopSections)] {
		out = append(out, Link{s.URL, s.Title})
	}
	return out
}

// sub passes the page's view into a partial together with a list of its
// data: Pages ([]PageLink), Roles ([]Link), Steps ([]PathStep), Review,
// People ([]PersonCard), Holding (HoldingData, or *HoldingData).
type sub struct {
	People  any
	View    *PageView
	Items   []NavItem
	Pages   any
	Roles   any
	Steps   any
	Review  any
	Holding any
}

// guard runs a job, turning a panic into a *PanicError that names the
// source file the job shows: one page must never take down a build's
// goroutines or the dev server.
func guard(path, file string, run func(io.Writer) error) func(io.Writer) error {
	return func(w io.Writer) (err error) {
		defer func() {
			if v := recover(); v != nil {
				err = &PanicError{File: file, Path: path, Value: v}
			}
		}()
		return run(w)
	}
}

func basePath(base string) string {
	if i := strings.Index(base, "://"); i >= 0 {
		if j := strings.IndexByte(base[i+3:], '/'); j >= 0 {
			return base[i+3+j:]
		}
		return "/"
	}
	return base
}

// navCrumbs is the breadcrumbs to page p's parent in the navigation its
// handbook's tool defines: home, then the pages and captions above it
// there, a caption (a Docusaurus category, a MkDocs section without a
// page) as a crumb that links nowhere, as those tools show them, unless
// it has the title of the crumb below it (a section of one name whose
// first page has it too).
func navCrumbs(site *handbook.Site, p *handbook.Page) []Crumb {
	out := crumbs(site, nil, "")
	at, below := len(out), p.Title
	for n := p.Nav.Parent; n != nil; n = n.Parent {
		switch {
		case n.Page != nil && n.Page != site.Home:
			out = append(out, Crumb{Title: n.Page.Title, URL: n.Page.URL})
		case n.Page == nil && n.Title != "" && n.Title != below:
			out = append(out, Crumb{Title: n.Title})
		}
		below = out[len(out)-1].Title
	}
	slices.Reverse(out[at:])
	return out
}

func crumbs(site *handbook.Site, s *handbook.Section, last string) []Crumb {
	var out []Crumb
	for ; s != nil && s.Parent != nil; s = s.Parent {
		out = append(out, Crumb{Title: s.Title, URL: s.URL})
	}
	out = append(out, Crumb{Title: words(site).T("nav.home"), URL: "/"})
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	if last != "" {
		out = append(out, Crumb{Title: last})
	}
	return out
}

// resolvedBody is a page's body with its links made relative to the page
// at url, with rel.
func resolvedBody(s *scratch, b bodySource, url string, rel func(string) string, ui *i18n.Strings) template.HTML {
	// One buffer of the right size, whose html does not copy: a
	// bytes.Buffer grew to each body by doubling and copied it once
	// more, most of a build's garbage (docs/performance.md).
	sb := newHTMLBuilder(s, b.doc.Size(""))
	b.doc.ResolveWith(&sb, func(i int) string { return href(b.hrefs[i], url, rel) }, func(i int) string { return b.hrefs[i].Text }, "", ui)
	return sb.html()
}

// toc is the table of contents of a page: its headings of levels 2 and 3.
func toc(d *markdown.Doc) []markdown.Heading {
	n := 0
	for _, h := range d.Headings {
		n += b2i(h.Level == 2 || h.Level == 3)
	}
	if n == 0 {
		return nil
	}
	out := make([]markdown.Heading, 0, n)
	for _, h := range d.Headings {
		if h.Level == 2 || h.Level == 3 {
			out = append(out, h)
		}
	}
	return out
}

// href writes a resolved link relative to the page at url, whose links
// rel makes.
func href(h handbook.Href, url string, rel func(string) string) string {
	switch {
	case h.External:
		return h.URL
	case h.URL == "":
		return "#"
	case h.URL == url && h.Fragment != "":
		return "#" + h.Fragment
	case h.Fragment != "":
		return rel(h.URL) + "#" + h.Fragment
	}
	return rel(h.URL)
}

// sidebar is the path from the root to p (nil for pages outside the
// sections), with the siblings at each level:
// its size is bounded by the depth and the width of the sections on the
// way, never by the size of the whole handbook.
func sidebar(site *handbook.Site, p *handbook.Page) []NavItem {
	walk := navWalk{site: site, p: p}
	walk.open()
	if site.Nav != nil {
		var level func(n *handbook.NavNode, preview bool) []NavItem
		level = func(n *handbook.NavNode, preview bool) []NavItem {
			var items []NavItem
			walk.navLevel(n, preview, func(n int) { items = make([]NavItem, 0, n) }, func(it NavItem, sub *handbook.NavNode, preview bool) {
				if sub != nil {
					it.Children = level(sub, preview)
				}
				items = append(items, it)
			})
			return items
		}
		return level(site.Nav, false)
	}
	var level func(s *handbook.Section) []NavItem
	level = func(s *handbook.Section) []NavItem {
		var items []NavItem
		walk.level(s, func(n int) { items = make([]NavItem, 0, n) }, func(it NavItem, sub *handbook.Section) {
			if sub != nil {
				it.Children = level(sub)
			}
			items = append(items, it)
		})
		return items
	}
	return level(site.Root)
}

// navWalk walks the sidebar of page p, level by level, for sidebar to
// make its items and navKey to write them into a page's key without
// making them: one walk, so the two never differ (TestNavKeyIsNavs).
type navWalk struct {
	site *handbook.Site
	p    *handbook.Page
	// path is the sections from p's up: a handful, fewer than a map
	// would cost.
	path []*handbook.Section
}

func (w *navWalk) open() {
	if w.p != nil {
		for s := w.p.Section; s != nil; s = s.Parent {
			w.path = append(w.path, s)
		}
	}
}

func (w *navWalk) isOpen(c *handbook.Page) bool {
	return c.IsSection && slices.Contains(w.path, c.Section)
}

// level calls count with the number of items of section s's level, then
// item with each, and with the section an open item's children are of.
func (w *navWalk) level(s *handbook.Section, count func(n int), item func(it NavItem, sub *handbook.Section)) {
	at := slices.IndexFunc(s.Children, func(c *handbook.Page) bool { return c == w.p || w.isOpen(c) })
	lo, hi := window(len(s.Children), at)
	count(hi - lo + b2i(lo > 0) + b2i(hi < len(s.Children)))
	if lo > 0 {
		item(more(w.site, s, lo), nil)
	}
	for _, c := range s.Children[lo:hi] {
		it := NavItem{Title: cmp.Or(c.NavTitle, c.Title), URL: c.URL, Current: c == w.p, Section: c.IsSection}
		var sub *handbook.Section
		if w.isOpen(c) {
			it.Open, sub = true, c.Section
		}
		item(it, sub)
	}
	if hi < len(s.Children) {
		item(more(w.site, s, len(s.Children)-hi), nil)
	}
}

// navLevel is level for the navigation the handbook's tool defines
// (Site.Nav): the children of node n, in a window of maxSiblings around
// the one on the way to the page. A page with children, or a caption, on
// that way is open; a caption elsewhere shows a preview, its first
// previewSiblings (an MkDocs section folded, a part title open), in
// which a caption is a link to its first page, so that no page's
// sidebar holds more than a window of previews. What a window leaves
// out is reached by a link to its nearest page, whose sidebar moves the
// window there: a caption has no page that lists its pages.
func (w *navWalk) navLevel(n *handbook.NavNode, preview bool, count func(n int), item func(it NavItem, sub *handbook.NavNode, preview bool)) {
	var here *handbook.NavNode
	if w.p != nil {
		here = w.p.Nav
	}
	kids := n.Children
	at := -1
	if !preview && here != nil {
		at = slices.IndexFunc(kids, func(c *handbook.NavNode) bool { return c.Contains(here) })
	}
	lo, hi := window(len(kids), at)
	if preview {
		lo, hi = 0, min(len(kids), previewSiblings)
	}
	title := n.Title
	if n.Page != nil {
		title = n.Page.Title
	} else if n.Parent == nil {
		title = w.site.Config.Title
		if w.site.Home != nil && w.site.Home.Title != "" {
			title = w.site.Home.Title
		}
	}
	var before, after *handbook.Page
	if lo > 0 {
		before = lastPage(kids[lo-1])
	}
	if hi < len(kids) {
		after = kids[hi].FirstPage()
	}
	count(hi - lo + b2i(before != nil) + b2i(after != nil))
	if before != nil {
		item(moreIn(w.site, title, before.URL, lo), nil, false)
	}
	for _, c := range kids[lo:hi] {
		on := here != nil && c.Contains(here)
		switch {
		case c.Page != nil:
			it := NavItem{Title: cmp.Or(c.Page.NavTitle, c.Page.Title), URL: c.Page.URL, Current: c.Page == w.p, Section: len(c.Children) > 0}
			if on && !preview && len(c.Children) > 0 {
				it.Open = true
				item(it, c, false)
			} else {
				item(it, nil, false)
			}
		case preview && len(c.Children) > 0:
			first := c.FirstPage()
			if first == nil {
				item(NavItem{Title: c.Title, Caption: true}, nil, false)
				continue
			}
			item(NavItem{Title: c.Title, URL: first.URL, Section: true}, nil, false)
		case len(c.Children) == 0:
			item(NavItem{Title: c.Title, Caption: true}, nil, false)
		default:
			item(NavItem{Title: c.Title, Caption: true, Open: on || c.Part}, c, !on)
		}
	}
	if after != nil {
		item(moreIn(w.site, title, after.URL, len(kids)-hi), nil, false)
	}
}

// lastPage is the last page at or under n in reading order, or nil.
func lastPage(n *handbook.NavNode) *handbook.Page {
	for i := len(n.Children) - 1; i >= 0; i-- {
		if p := lastPage(n.Children[i]); p != nil {
			return p
		}
	}
	return n.Page
}

// previewSiblings is the most pages a caption off the way to the page
// shows.
const previewSiblings = 10

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// maxSiblings is the most pages and folders one level of the sidebar
// lists: a window around the page (or the folder it is in), so a page's
// size depends on the page, not on how many siblings it has. The folder's
// own page lists them all; the sidebar links to it for the rest.
const maxSiblings = 21

// window is the part of n siblings the sidebar lists, around the one at
// at (-1: none, the window starts at the first).
func window(n, at int) (lo, hi int) {
	if n <= maxSiblings {
		return 0, n
	}
	lo = max(0, at-maxSiblings/2)
	hi = min(n, lo+maxSiblings)
	return max(0, hi-maxSiblings), hi
}

// more is the sidebar's link to the page of section s for the n siblings
// its window leaves out.
func more(site *handbook.Site, s *handbook.Section, n int) NavItem {
	return moreIn(site, s.Title, s.URL, n)
}

// moreIn is the sidebar's link to an index page (title, url) for the n
// entries its window leaves out.
func moreIn(site *handbook.Site, title, url string, n int) NavItem {
	return NavItem{Title: words(site).T("nav.more_in", "count", n, "section", title), URL: url, More: n}
}

// kindNav is the sidebar of a role, responsibility, path or tag page, or
// of their index (nil for other kinds): that kind's index, open, with its
// pages below in the window of maxSiblings around the page, since a
// reader on a role wants the other roles, not the playbooks' folders.
func kindNav(site *handbook.Site, kind, current string) []NavItem {
	var title, url string
	var n int
	var entry func(i int) (title, url string)
	w := words(site)
	switch kind {
	case "role", "roles":
		title, url, n = w.T("roles.title"), "/roles/", len(site.Roles)
		entry = func(i int) (string, string) { return site.Roles[i].Title, site.Roles[i].URL }
	case "responsibility", "responsibilities":
		title, url, n = w.T("matrix.title"), "/responsibilities/", len(site.Responsibilities)
		entry = func(i int) (string, string) { return site.Responsibilities[i].Title, site.Responsibilities[i].URL }
	case "path", "paths":
		title, url, n = w.T("paths.title"), "/paths/", len(site.Paths)
		entry = func(i int) (string, string) { return site.Paths[i].Title, site.Paths[i].URL }
	case "tag", "tags":
		title, url, n = w.T("tags.title"), "/tags/", len(site.Tags)
		entry = func(i int) (string, string) { return site.Tags[i].Name, site.Tags[i].URL }
	default:
		return nil
	}
	at := -1
	for i := range n {
		if _, u := entry(i); u == current {
			at = i
			break
		}
	}
	lo, hi := window(n, at)
	index := NavItem{Title: title, URL: url, Section: true, Open: true, Current: current == url,
		Children: make([]NavItem, 0, hi-lo+2)}
	if lo > 0 {
		index.Children = append(index.Children, moreIn(site, title, url, lo))
	}
	for i := lo; i < hi; i++ {
		t, u := entry(i)
		index.Children = append(index.Children, NavItem{Title: t, URL: u, Current: i == at})
	}
	if hi < n {
		index.Children = append(index.Children, moreIn(site, title, url, n-hi))
	}
	return []NavItem{index}
}

// printBody is a page's body as one build has it.
type printBody struct {
	doc   *markdown.Doc
	hrefs []handbook.Href
}

// printDepth is the depth of the sections that are parts of the print
// view: the top sections, the handbook's parts, or, when there is one top
// section (the default handbook's holds every playbook), the folders in
// it.
func printDepth(site *handbook.Site) int {
	if len(site.Root.Sections) == 1 {
		return 2
	}
	return 1
}

// partID is the print view's id of the part that is section s.
func partID(s *handbook.Section) string {
	return "part-" + strings.TrimPrefix(printID(s.URL), "p-")
}

// pagePrintURL is where the print view shows the part a page of that kind
// stands for: its section's, when it is a part's page.
func pagePrintURL(site *handbook.Site, p *handbook.Page, kind string) string {
	if kind != "section" || site.Root == nil || p.Section.Depth != printDepth(site) {
		return ""
	}
	if PrintsInParts(site) {
		return partPrintURL(p.Section)
	}
	return "/print/#" + partID(p.Section)
}

// printSplitBytes is the size of the pages' bodies above which each part
// of the handbook is a print view of its own: a reader who prints one
// part of a big handbook should not load all of it. Tests lower it.
var printSplitBytes = 8 << 20

// PrintsInParts reports whether the handbook prints in parts: whether its
// pages' bodies, in reading order, are more than printSplitBytes. A body
// edit can change it, and with it every page's print link and the print
// views' files (build's patch checks).
func PrintsInParts(site *handbook.Site) bool {
	n := 0
	for _, p := range site.Order {
		if d := site.Body(p).Doc; d != nil {
			n += d.Size("")
		}
	}
	return n > printSplitBytes
}

// partPrintURL is the URL of the print view of part s, when the handbook
// prints in parts.
func partPrintURL(s *handbook.Section) string {
	return "/print/" + strings.TrimPrefix(s.URL, "/")
}

// rolesPrintURL is where the print view shows the roles alone, or "" for
// a handbook without roles.
func rolesPrintURL(site *handbook.Site) string {
	if len(site.Roles) == 0 {
		return ""
	}
	return "/print/#p-roles"
}

// partOf is the section that is the part page p prints in, or nil.
func partOf(site *handbook.Site, p *handbook.Page) *handbook.Section {
	depth := printDepth(site)
	for s := p.Section; s != nil; s = s.Parent {
		if s.Depth == depth {
			return s
		}
	}
	return nil
}

// printPages lists the pages of the print view, in order.
func printPages(site *handbook.Site) []*handbook.Page {
	return append([]*handbook.Page{site.Home}, site.Order...)
}

func printBodies(site *handbook.Site) []printBody {
	pages := printPages(site)
	out := make([]printBody, len(pages))
	for i, p := range pages {
		b := site.Body(p)
		out[i] = printBody{b.Doc, b.Hrefs}
	}
	return out
}

// printView is the print view at url: the whole handbook's (/print/:
// every page, or, printed in parts, the pages outside the parts and a
// link to each part's view; the reading paths, the matrix, the glossary
// and the roles), or part's own. bodies are the bodies of printPages in
// site (handbook.Site.Body); printed says where each page is printed and
// split whether the handbook prints in parts. The dev server renders the
// view when first asked, maybe after a later edit was patched: that made
// a new Site, and this one still shows its own build's bodies.
func (r *Renderer) printView(site *handbook.Site, sv *SiteView, bodies []printBody, printed map[string]printPlace, part *handbook.Section, split bool) *PageView {
	w := sv.ui
	v := &PageView{Site: sv, Kind: "print", Title: w.T("print.title", "site", site.Config.Title), URL: "/print/", Crumbs: crumbs(site, nil, w.T("print.crumb")),
		PrintWhole: part == nil, printed: printed}
	v.r = r
	if part != nil {
		v.Title, v.URL, v.Crumbs = part.Title, partPrintURL(part), append(crumbs(site, part, ""), Crumb{Title: w.T("print.crumb")})
	}
	var pages []*handbook.Page
	for i, p := range printPages(site) {
		pl := printed[p.URL]
		if pl.url != v.URL {
			continue
		}
		v.Print = append(v.Print, PrintEntry{ID: pl.id, Depth: p.Section.Depth, Page: PrintPage{p.Title, p.Lede}, body: bodies[i], file: p.File})
		pages = append(pages, p)
	}
	v.Parts = printParts(site, pages, v.Print)
	if part == nil && split {
		for _, s := range printSections(site) {
			v.Parts = append(v.Parts, PrintPart{ID: partID(s), Title: s.Title, URL: partPrintURL(s)})
		}
	}
	v.place(site)
	if part == nil {
		v.Paths = readingPaths(site)
		v.matrix(site)
		if site.Glossary != nil {
			v.Glossary = v.glossary(site)
		}
		for _, ro := range site.Roles {
			v.RolePages = append(v.RolePages, *roleData(site, sv, ro))
		}
	}
	return v
}

// printPlaces says where the print views show each page, role,
// responsibility and reading path; split is whether the handbook prints
// in parts (PrintsInParts).
func printPlaces(site *handbook.Site, split bool) map[string]printPlace {
	m := map[string]printPlace{}
	for _, p := range printPages(site) {
		pl := printPlace{"/print/", printID(p.URL)}
		if s := partOf(site, p); split && s != nil {
			pl.url = partPrintURL(s)
		}
		m[p.URL] = pl
	}
	for _, role := range site.Roles {
		m[role.URL] = printPlace{"/print/", printID(role.URL)}
	}
	for _, resp := range site.Responsibilities {
		m[resp.URL] = printPlace{"/print/", printID(resp.URL)}
	}
	for _, pa := range site.Paths {
		m[pa.URL] = printPlace{"/print/", printID(pa.URL)}
	}
	return m
}

// printSections are the sections that are parts of the print view, in
// reading order.
func printSections(site *handbook.Site) []*handbook.Section {
	if site.Root == nil {
		return nil
	}
	ss := site.Root.Sections
	if printDepth(site) == 2 {
		ss = ss[0].Sections
	}
	return ss
}

// printParts groups the print view's entries by part. The reading order
// walks the sections depth first, so a part's pages are one run; should
// a part's pages ever come in two runs, the second is printed outside
// the parts rather than under a second element with the same id. pages
// are the entries' pages.
func printParts(site *handbook.Site, pages []*handbook.Page, entries []PrintEntry) []PrintPart {
	var parts []PrintPart
	var last *handbook.Section
	seen := map[*handbook.Section]bool{}
	for i, e := range entries {
		s := partOf(site, pages[i])
		if seen[s] && s != last {
			s = nil
		}
		if i == 0 || s != last {
			part := PrintPart{}
			if s != nil {
				part.ID, part.Title = partID(s), s.Title
				seen[s] = true
			}
			parts = append(parts, part)
			last = s
		}
		parts[len(parts)-1].Entries = append(parts[len(parts)-1].Entries, e)
	}
	return parts
}

func printID(u string) string {
	s := strings.Trim(u, "/")
	if s == "" {
		return "p-home"
	}
	return "p-" + strings.ReplaceAll(s, "/", "-")
}

// initials are the first letters of the first and last words of a name.
func initials(name string) string {
	words := strings.Fields(name)
	if len(words) == 0 {
		return ""
	}
	first := func(w string) string {
		for _, r := range w {
			return strings.ToUpper(string(r))
		}
		return ""
	}
	if len(words) == 1 {
		return first(words[0])
	}
	return first(words[0]) + first(words[len(words)-1])
}

// trustedHead is handbook.yaml's theme head, as HTML.
func trustedHead(c config.Config) template.HTML { return template.HTML(c.Look.Head) }

// footerBody is the body of site's theme footer, or nil without one.
func footerBody(site *handbook.Site) *handbook.Body {
	if site.Footer == nil {
		return nil
	}
	b := site.Body(site.Footer)
	return &b
}

// footerNote is the theme footer's body f (nil: none) with its links made
// from root.
func footerNote(f *handbook.Body, root string, ui *i18n.Strings) template.HTML {
	if f == nil {
		return ""
	}
	var b strings.Builder
	f.Doc.Resolve(&b, func(i int) string {
		h := f.Hrefs[i]
		switch {
		case h.External:
			return h.URL
		case h.URL == "":
			return "#"
		case h.Fragment != "":
			return root + strings.TrimPrefix(h.URL, "/") + "#" + h.Fragment
		}
		return root + strings.TrimPrefix(h.URL, "/")
	}, "", ui)
	return template.HTML(b.String())
}

// definition is glossary term t's definition, rendered as a page's body
// is, its links made with rel.
func definition(site *handbook.Site, t *handbook.Term, url string, rel func(string) string, ui *i18n.Strings) template.HTML {
	d := site.Body(t.Definition)
	var b strings.Builder
	b.Grow(d.Doc.Size(""))
	d.Doc.Resolve(&b, func(i int) string { return href(d.Hrefs[i], url, rel) }, "", ui)
	return template.HTML(b.String())
}

// fileLinks are the links to edit a source file and to its history on
// the git host, where handbook.yaml gives them.
func fileLinks(site *handbook.Site, file string) (edit, history string) {
	if u := site.Config.EditURL; u != "" {
		edit = strings.ReplaceAll(u, "{path}", file)
	}
	if u := site.Config.HistoryURL; u != "" {
		history = strings.ReplaceAll(u, "{path}", file)
	}
	return edit, history
}
