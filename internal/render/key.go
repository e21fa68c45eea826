package render

import (
	"hash/maphash"
	"strconv"
	"strings"

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
	k := key{h}
	k.site(site)
	k.s(kind)
	k.s(pagePrintURL(site, p, kind))
	k.page(p)
	k.lists(p)
	k.paths(p)
	k.branch(p)
	// The language switcher: the page's twins in the other languages.
	for _, u := range site.Twins[p.URL] {
		k.s(u)
	}
}

// key writes values into a hash, each ended so that no two lists of
// values write the same bytes.
type key struct{ h *maphash.Hash }

func (k key) s(v string) {
	k.h.WriteString(v)
	k.h.WriteByte(0)
}

func (k key) n(v int64) {
	var b [20]byte
	k.h.Write(strconv.AppendInt(b[:0], v, 10))
	k.h.WriteByte(0)
}

// link writes what a link to page q shows.
func (k key) link(q *handbook.Page) {
	if q == nil {
		k.s("-")
		return
	}
	k.s(q.URL)
	k.s(q.Title)
	k.s(q.Summary)
}

// site writes the settings and the header every page shows, and the
// words the theme shows them in (the catalog's language and the strings
// handbook.yaml overrides).
func (k key) site(site *handbook.Site) {
	c := site.Config
	for _, v := range []string{c.Title, c.Description, c.Language, words(site).Key(), c.BaseURL, c.EditURL, c.HistoryURL, strconv.FormatBool(c.NoIndex),
		c.Colours.Accent, c.Colours.AccentSoft, c.Colours.AccentDark, c.Colours.AccentDarkSoft, c.Look.Head,
		site.Look.Logo, site.Look.Favicon, strings.Join(site.Look.CSS, "\x00"), c.Look.Footer.Value} {
		k.s(v)
	}
	for _, l := range site.Languages {
		k.s(l.Code + "\x00" + l.Name + "\x00" + l.Prefix)
	}
	k.n(int64(site.Lang))
	// The header: the top sections, and which indexes the site has.
	for _, sec := range topSections(site) {
		k.s(sec.URL)
		k.s(sec.Title)
	}
	// The footer's link to the recently updated page, the head's to the
	// feed.
	for _, has := range []bool{len(site.Roles) > 0, len(site.Responsibilities) > 0, len(site.Paths) > 0, len(site.Tags) > 0, len(site.Updates) > 0, len(site.People) > 0, site.Glossary != nil} {
		k.s(strconv.FormatBool(has))
	}
}

// page writes the page's own text, front matter and resolved links.
func (k key) page(p *handbook.Page) {
	for _, v := range []string{p.File, p.URL, p.Title, p.Summary, p.Lede} {
		k.s(v)
	}
	k.n(int64(p.Minutes))
	k.n(p.Updated)
	for _, o := range p.Owners {
		k.s(o.URL())
		k.s(o.Title())
	}
	k.s(p.Reviewed)
	k.s(p.Due)
	k.s(strconv.FormatBool(p.Overdue))
	for _, q := range p.Reflect {
		k.s(q)
	}
	k.s("|")
	if p.Doc != nil {
		p.Doc.Hash(k.h)
	}
	for _, l := range p.Hrefs {
		k.s(l.URL)
		k.s(l.Fragment)
		if l.External {
			k.s("x")
		}
	}
	k.s("|")
}

// lists writes the page's roles, responsibilities, tags, related pages,
// and previous and next.
func (k key) lists(p *handbook.Page) {
	for _, r := range p.Roles {
		k.s(r.URL)
		k.s(r.Title)
	}
	k.s("|")
	for _, r := range p.Responsibilities {
		k.s(r.URL)
		k.s(r.Title)
		k.s(r.Kind)
	}
	k.s("|")
	for _, t := range p.Tags {
		k.s(t.URL)
		k.s(t.Name)
	}
	k.s("|")
	for _, q := range p.Related {
		k.link(q)
	}
	k.s("|")
	k.link(p.Prev)
	k.link(p.Next)
}

// paths writes the reading paths the page is a step of, and each one's
// next step.
func (k key) paths(p *handbook.Page) {
	for _, ps := range p.Paths {
		k.s(ps.Path.ID)
		k.s(ps.Path.URL)
		k.s(ps.Path.Title)
		k.n(int64(ps.Index))
		k.n(int64(len(ps.Path.Steps)))
		if next := ps.Index + 1; next < len(ps.Path.Steps) {
			st := ps.Path.Steps[next]
			k.s(st.URL())
			k.s(st.Title())
		}
	}
	k.s("|")
}

// branch writes the breadcrumbs and the sidebar: every section from the
// root to the page, and the children of each.
func (k key) branch(p *handbook.Page) {
	for sec := p.Section; sec != nil; sec = sec.Parent {
		k.s(sec.URL)
		k.s(sec.Title)
		for _, c := range sec.Children {
			k.link(c)
			if c.IsSection {
				k.s("s")
			}
		}
		k.s("|")
	}
}
