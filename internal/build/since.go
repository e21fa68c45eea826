package build

import (
	"reflect"
	"slices"

	"github.com/batonhq/baton/internal/handbook"
)

// A rebuild in memory after an edit resolves the whole site again, which
// keeps the model right by construction, and then brings up to date only
// what the edit can have changed: the search index, for the pages whose
// documents changed (search.Index.Stale), and the rendered pages, for those
// whose views could show what changed (staleViews). A page's view is made
// to compare its key only when it may differ.

// follows is the last build a rebuild follows: its Site, search index and
// rendered pages (the Builder's outputs). pagesOnly says that only pages'
// bytes changed since, in the same files (patchable): no theme, setting,
// role, path, person, glossary or date that every page's view may show.
type follows struct {
	last      *lastBuild
	pagesOnly bool
}

// staleViews lists the pages of site whose views may differ from their
// views in the last build, or nil when any page's may: a Markdown page's
// view (render.PageView) shows the page itself; of other pages, their
// URL, title and summary (previous, next, related pages, the steps of its
// reading paths, a section's children), the sidebar (the children of each
// section from the root to the page, a window of them) and the crumbs
// (the sections above it); and of the site, what every page shows. So a
// page whose own data changed is stale; one whose face (what others show
// of it) changed makes stale every page under the section that lists it,
// and every page that links to it in those lists; a section whose face
// changed, every page under its parent; and one whose list of pages or
// sections changed (their order), every page under it. A change at the top level (the
// home page, a top section) shows on every page. keyed says the outputs
// kept are the ones this site's renderer would make.
func (f follows) staleViews(site *handbook.Site, keyed bool) map[*handbook.Page]bool {
	old := f.last
	if !f.pagesOnly || old == nil || !keyed || !sameFrame(old.site, site) {
		return nil
	}
	changed := map[string]bool{} // files of pages whose faces changed
	var under []*handbook.Section
	stale := map[*handbook.Page]bool{}
	for i, p := range site.Pages {
		o := old.site.Pages[i]
		if o.File != p.File || o.URL != p.URL {
			return nil
		}
		if !samePage(shown(old.site, o), shown(site, p)) {
			stale[p] = true
		}
		if !sameFace(o, p) {
			changed[p.File] = true
			under = append(under, listedIn(p))
		}
	}
	for i, s := range site.Sections {
		o := old.site.Sections[i]
		if o.URL != s.URL {
			return nil
		}
		if !sameSectionFace(o, s) {
			under = append(under, s.Parent)
		} else if !sameSection(o, s) {
			under = append(under, s)
		}
	}
	top := map[string]bool{} // URLs of the sections whose pages all show a change
	for _, s := range under {
		if s == nil || s.Parent == nil {
			return nil
		}
		top[s.URL] = true
	}
	for i, p := range site.Pages {
		if stale[p] || showsAny(old.site.Pages[i], changed) || showsAny(p, changed) || isUnder(p, top) {
			stale[p] = true
		}
	}
	if site.Home != nil {
		// The home page's view holds every reading path, with its steps'
		// titles and minutes, which an edit of any page that is a step
		// may change: its view is made, and compared, every time.
		stale[site.Home] = true
	}
	return stale
}

// sameFrame reports whether two resolves of a site agree on what frames
// every page: the same pages and sections, in the same order, the same
// settings' title, and the same facts the site's part of each view holds
// (whether there are tags, changes; the size of the pages' bodies, which
// decides whether the print view is split in parts).
func sameFrame(a, b *handbook.Site) bool {
	return len(a.Pages) == len(b.Pages) && len(a.Sections) == len(b.Sections) && len(a.Order) == len(b.Order) &&
		a.Languages == nil && b.Languages == nil && a.Config.Title == b.Config.Title &&
		(len(a.Tags) > 0) == (len(b.Tags) > 0) && (len(a.Updates) > 0) == (len(b.Updates) > 0) &&
		bodyBytes(a) == bodyBytes(b)
}

func bodyBytes(site *handbook.Site) int {
	n := 0
	for _, p := range site.Order {
		if d := site.Body(p).Doc; d != nil {
			n += d.Size("")
		}
	}
	return n
}

// listedIn is the section whose children list page p: for a section's own
// page, the section above.
func listedIn(p *handbook.Page) *handbook.Section {
	if p.IsSection && p.Section != nil {
		return p.Section.Parent
	}
	return p.Section
}

// isUnder reports whether page p is in one of the sections (by URL), at
// any depth, or is the page of one.
func isUnder(p *handbook.Page, sections map[string]bool) bool {
	for s := p.Section; s != nil; s = s.Parent {
		if sections[s.URL] {
			return true
		}
	}
	return false
}

// showsAny reports whether page p's view shows, beside the sidebar, the
// face of a page whose file is in changed.
func showsAny(p *handbook.Page, changed map[string]bool) bool {
	in := func(q *handbook.Page) bool { return q != nil && changed[q.File] }
	if in(p.Prev) || in(p.Next) || slices.ContainsFunc(p.Related, in) {
		return true
	}
	for _, ps := range p.Paths {
		for _, st := range ps.Path.Steps {
			if in(st.Page) {
				return true
			}
		}
	}
	return false
}

// shown is page p as site shows it, for samePage: p, or, when a patch
// gave it a body of its own in site (handbook.Site.Body), a copy of p
// with that body.
func shown(site *handbook.Site, p *handbook.Page) *handbook.Page {
	b := site.Body(p)
	if b.Doc == p.Doc {
		return p
	}
	c := *p
	c.Doc, c.Hrefs = b.Doc, b.Hrefs
	return &c
}

// sameFace reports whether two versions of a page show the same to other
// pages: their URL, title and summary, and their place among their
// siblings.
func sameFace(a, b *handbook.Page) bool {
	return a.URL == b.URL && a.Title == b.Title && a.NavTitle == b.NavTitle && a.Summary == b.Summary && a.Weight == b.Weight &&
		a.IsSection == b.IsSection && a.Draft == b.Draft
}

// samePage reports whether two versions of a page are the same, other
// pages, sections, tags, roles, responsibilities, paths and owners named
// by their URLs (sections are compared on their own; the others come from
// files that did not change, or show only their names). TestSamePageReadsEveryField
// holds it to every field of a Page.
func samePage(a, b *handbook.Page) bool {
	return sameFace(a, b) && a.File == b.File && a.Lede == b.Lede && a.Doc == b.Doc &&
		a.Minutes == b.Minutes && a.Updated == b.Updated && a.TranslationKey == b.TranslationKey &&
		slices.Equal(a.Reflect, b.Reflect) && slices.Equal(a.Hrefs, b.Hrefs) &&
		sameRef(a.Section, b.Section, sectionURL) && sameRef(a.Prev, b.Prev, pageURL) && sameRef(a.Next, b.Next, pageURL) &&
		sameRefs(a.Related, b.Related, pageURL) &&
		slices.EqualFunc(a.Tags, b.Tags, func(x, y *handbook.Tag) bool { return x.URL == y.URL && x.Name == y.Name }) &&
		sameRefs(a.Roles, b.Roles, func(r *handbook.Role) string { return r.URL }) &&
		sameRefs(a.Responsibilities, b.Responsibilities, func(r *handbook.Responsibility) string { return r.URL }) &&
		slices.EqualFunc(a.Paths, b.Paths, func(x, y handbook.PathStep) bool { return x.Index == y.Index && x.Path.URL == y.Path.URL }) &&
		sameReview(a.Review, b.Review) && reflect.DeepEqual(a.Params, b.Params) && sameNavPlace(a.Nav, b.Nav)
}

// sameNavPlace reports whether two versions of a page stand at the same
// place in their sites' navigation (Site.Nav): under the same captions
// and pages, the nodes of two Sites compared by what they show.
func sameNavPlace(a, b *handbook.NavNode) bool {
	for ; a != nil && b != nil; a, b = a.Parent, b.Parent {
		if a.Title != b.Title || a.Part != b.Part || !sameRef(a.Page, b.Page, pageURL) {
			return false
		}
	}
	return a == b
}

func sameReview(a, b handbook.Review) bool {
	return a.Reviewed == b.Reviewed && a.Due == b.Due && a.Overdue == b.Overdue &&
		slices.EqualFunc(a.Owners, b.Owners, func(x, y handbook.Owner) bool { return x.URL() == y.URL() })
}

// sameSectionFace reports whether two versions of a section show the same
// to the pages outside it (in their sidebars and crumbs).
func sameSectionFace(a, b *handbook.Section) bool {
	return a.Dir == b.Dir && a.URL == b.URL && a.Title == b.Title && a.Summary == b.Summary &&
		a.Weight == b.Weight && a.Depth == b.Depth && sameRef(a.Page, b.Page, pageURL) &&
		sameRef(a.Parent, b.Parent, sectionURL)
}

// sameSection reports whether two versions of a section are the same, its
// pages and sections named by their URLs: what the pages in it show.
func sameSection(a, b *handbook.Section) bool {
	return sameSectionFace(a, b) && sameRefs(a.Sections, b.Sections, sectionURL) &&
		sameRefs(a.Pages, b.Pages, pageURL) && sameRefs(a.Children, b.Children, pageURL)
}

func pageURL(p *handbook.Page) string       { return p.URL }
func sectionURL(s *handbook.Section) string { return s.URL }

// sameRef reports whether a and b are both nil or have the same URL.
func sameRef[T any](a, b *T, url func(*T) string) bool {
	if a == nil || b == nil {
		return a == b
	}
	return url(a) == url(b)
}

// sameRefs reports whether a and b list the same URLs.
func sameRefs[T any](a, b []*T, url func(*T) string) bool {
	return slices.EqualFunc(a, b, func(x, y *T) bool { return sameRef(x, y, url) })
}
