package handbook

import (
	"reflect"
	"slices"

	"github.com/batonhq/baton/internal/diag"
)

// Patch returns site brought up to date after edits to the bodies of some
// pages: edits that leave everything other pages show or check unchanged.
// The front matter, the summary, the reading time, the headings' ids and
// the links' destinations must be as they were, and neither version of
// the page may have any diagnostic. Then only the page's own document and
// its links' targets change, with no resolve of the whole site; the Site
// returned reads as what Resolve would give.
//
// old holds the pages' Parsed values as site shows them, and edited the
// new ones, in the same order. Patch reports false when any edit reaches
// beyond its page; the caller then resolves the site afresh. Either way
// it changes nothing of site: the new Site is a copy of site's fields
// sharing its pages, sections and every other value, with the edited
// bodies beside them (Site.Body), so a reader may go on with site while
// Patch runs and after.
func Patch(site *Site, old, edited []*Parsed) (*Site, bool) {
	r := site.r
	if r == nil || len(old) != len(edited) {
		return nil, false
	}
	check := r.checker()
	bodies := make([]patchedPage, len(edited))
	for i, f := range edited {
		o := old[i]
		if o.File != f.File || o.Kind != KindPage || f.Kind != KindPage || o.Page == nil || f.Page == nil ||
			len(o.Diags) > 0 || len(f.Diags) > 0 {
			return nil, false
		}
		p := r.pages[f.File]
		if p == nil || p.at == 0 || site.parsedPage(p) != o.Page || site.Body(p).Doc != o.Page.Doc || !sameShape(o.Page, f.Page) ||
			r.diagnosed(f.File) {
			return nil, false
		}
		hrefs, ok := check.links(p, f.Page)
		if !ok {
			return nil, false
		}
		bodies[i] = patchedPage{Body{f.Page.Doc, hrefs}, p, f.Page}
	}
	next := *site
	next.patched = make([]*patchedPage, len(site.Pages))
	copy(next.patched, site.patched)
	for i := range bodies {
		next.patched[bodies[i].page.at-1] = &bodies[i]
	}
	return &next, true
}

// parsedPage is the parse page p's body in site comes from.
func (s *Site) parsedPage(p *Page) *ParsedPage {
	if e := s.patchedAt(p); e != nil {
		return e.parsed
	}
	return s.r.parsed[p.File]
}

// diagnosed reports whether the resolve had a diagnostic in file.
func (r *resolver) diagnosed(file string) bool {
	return slices.ContainsFunc(r.diags, func(d diag.Diagnostic) bool { return d.Pos.File == file })
}

// checker is a resolver that checks links against r's tables and writes
// nothing of r: what checking a link records (its diagnostics, the static
// files it links to, the index a suggestion is found in) goes into fields
// of its own, and every role counts as seen, so no role gains a page.
// link and what it calls read r's other fields only.
func (r *resolver) checker() *resolver {
	c := *r
	c.diags, c.linked = nil, map[string]bool{}
	return &c
}

// links resolves the links of pp, page p's edited body, as Resolve would,
// and reports false when one gives a diagnostic (which a patch would lose).
func (r *resolver) links(p *Page, pp *ParsedPage) ([]Href, bool) {
	seen := make(map[*Role]bool, len(r.roleFiles))
	for _, role := range r.roleFiles {
		seen[role] = true
	}
	hrefs := make([]Href, len(pp.Doc.Links))
	for j, l := range pp.Doc.Links {
		hrefs[j] = r.docLink(p, l, pp.LinkPos[j], seen)
	}
	clean := len(r.diags) == 0
	r.diags = nil
	return hrefs, clean
}

// sameShape reports whether two versions of a page agree on everything
// Resolve takes from a page beyond its own body.
func sameShape(a, b *ParsedPage) bool {
	if !reflect.DeepEqual(a.FrontMatter, b.FrontMatter) {
		return false
	}
	da, db := a.Doc, b.Doc
	if a.FrontMatter.Summary == "" && leadSummary(da) != leadSummary(db) {
		return false
	}
	if readingMinutes(da) != readingMinutes(db) {
		return false
	}
	if len(da.Headings) != len(db.Headings) || len(da.Links) != len(db.Links) {
		return false
	}
	for i := range da.Headings {
		if da.Headings[i].ID != db.Headings[i].ID {
			return false
		}
	}
	if !slices.Equal(da.Anchors, db.Anchors) || !slices.Equal(da.Targets, db.Targets) {
		// Other pages' references show a target's text.
		return false
	}
	for i := range da.Links {
		if da.Links[i].Dest != db.Links[i].Dest || da.Links[i].Image != db.Links[i].Image {
			return false
		}
	}
	return true
}
