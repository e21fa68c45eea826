package render

import (
	"hash/maphash"
	"strconv"

	"github.com/batonhq/baton/internal/handbook"
)

// pageKey writes into h every input that the default theme's page and
// section templates (with baseof.html and partials.html) read for page p:
// the page's own text and front matter, its resolved links, the sidebar,
// breadcrumbs, previous and next, related pages, roles, responsibilities,
// tags, reading paths, the section's children, and the site's settings.
// Two builds that give a page the same key render it to the same bytes
// with the same theme, so a rebuild may reuse the page's last output.
//
// Whoever makes these templates read something new adds it here;
// TestIncremental in internal/build compares a cached rebuild with a fresh
// build after every kind of edit and catches a missing input.
func pageKey(h *maphash.Hash, site *handbook.Site, p *handbook.Page, kind string) {
	s := func(v string) {
		h.WriteString(v)
		h.WriteByte(0)
	}
	n := func(v int64) {
		var b [20]byte
		h.Write(strconv.AppendInt(b[:0], v, 10))
		h.WriteByte(0)
	}
	link := func(q *handbook.Page) {
		if q == nil {
			s("-")
			return
		}
		s(q.URL)
		s(q.Title)
		s(q.Summary)
	}
	c := site.Config
	s(c.Title)
	s(c.Description)
	s(c.Language)
	s(c.BaseURL)
	s(c.EditURL)
	// The header: the top sections, and which indexes the site has.
	for _, sec := range topSections(site) {
		s(sec.URL)
		s(sec.Title)
	}
	for _, has := range []bool{len(site.Roles) > 0, len(site.Responsibilities) > 0, len(site.Paths) > 0, len(site.Tags) > 0} {
		if has {
			s("y")
		} else {
			s("n")
		}
	}

	s(kind)
	s(p.File)
	s(p.URL)
	s(p.Title)
	s(p.Summary)
	s(p.Lede)
	n(int64(p.Minutes))
	n(p.Updated)
	for _, q := range p.Reflect {
		s(q)
	}
	s("|")
	if p.Doc != nil {
		p.Doc.Hash(h)
	}
	for _, l := range p.Hrefs {
		s(l.URL)
		s(l.Fragment)
		if l.External {
			s("x")
		}
	}
	s("|")
	for _, r := range p.Roles {
		s(r.URL)
		s(r.Title)
	}
	s("|")
	for _, r := range p.Responsibilities {
		s(r.URL)
		s(r.Title)
		s(r.Kind)
	}
	s("|")
	for _, t := range p.Tags {
		s(t.URL)
		s(t.Name)
	}
	s("|")
	for _, q := range p.Related {
		link(q)
	}
	s("|")
	link(p.Prev)
	link(p.Next)
	for _, ps := range p.Paths {
		s(ps.Path.ID)
		s(ps.Path.URL)
		s(ps.Path.Title)
		n(int64(ps.Index))
		n(int64(len(ps.Path.Steps)))
		if next := ps.Index + 1; next < len(ps.Path.Steps) {
			st := ps.Path.Steps[next]
			s(st.URL())
			s(st.Title())
		}
	}
	s("|")
	// Breadcrumbs and the sidebar: every section from the root to the page,
	// and the children of each.
	for sec := p.Section; sec != nil; sec = sec.Parent {
		s(sec.URL)
		s(sec.Title)
		for _, c := range sec.Children {
			link(c)
			if c.IsSection {
				s("s")
			}
		}
		s("|")
	}
}
