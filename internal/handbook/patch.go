package handbook

import (
	"reflect"
	"slices"
)

// Patch brings site up to date after edits to the bodies of some pages:
// edits that leave everything other pages show or check unchanged. The
// front matter, the summary, the reading time, the headings' ids and the
// links' destinations must be as they were, and neither version of the
// page may have any diagnostic. Then only the page's own document and its
// links' targets change, and Patch sets them on the page in place, with
// no resolve of the whole site; the result equals what Resolve would give.
//
// old holds the pages' Parsed values as site was resolved from them, and
// edited the new ones, in the same order. Patch reports false, changing
// nothing, when any edit reaches beyond its page; the caller then resolves
// the site afresh. Patch changes site: the caller must own it (a
// build.Builder patches only its own last site, between builds).
func Patch(site *Site, old, edited []*Parsed) bool {
	r := site.r
	if r == nil || len(old) != len(edited) {
		return false
	}
	hrefs := make([][]Href, len(edited))
	for i, f := range edited {
		o := old[i]
		if o.File != f.File || o.Kind != KindPage || f.Kind != KindPage || o.Page == nil || f.Page == nil ||
			len(o.Diags) > 0 || len(f.Diags) > 0 {
			return false
		}
		p := r.pages[f.File]
		if p == nil || r.parsed[f.File] != o.Page || p.Doc != o.Page.Doc || !sameShape(o.Page, f.Page) {
			return false
		}
		for _, d := range r.diags {
			if d.Pos.File == f.File {
				return false
			}
		}
		// Check the links as Resolve would, into a list of their own; every
		// role counts as seen, so no role gains the page again.
		saved := r.diags
		r.diags = nil
		seen := make(map[*Role]bool, len(r.roleFiles))
		for _, role := range r.roleFiles {
			seen[role] = true
		}
		hrefs[i] = make([]Href, len(f.Page.Doc.Links))
		for j, l := range f.Page.Doc.Links {
			hrefs[i][j] = r.docLink(p, l, f.Page.LinkPos[j], seen)
		}
		clean := len(r.diags) == 0
		r.diags = saved
		if !clean {
			return false
		}
	}
	for i, f := range edited {
		p := r.pages[f.File]
		p.Doc, p.Hrefs = f.Page.Doc, hrefs[i]
		r.parsed[f.File] = f.Page
	}
	return true
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
	if !slices.Equal(da.Anchors, db.Anchors) {
		return false
	}
	for i := range da.Links {
		if da.Links[i].Dest != db.Links[i].Dest || da.Links[i].Image != db.Links[i].Image {
			return false
		}
	}
	return true
}
