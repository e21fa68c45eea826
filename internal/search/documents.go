package search

import (
	"strings"

	"github.com/batonhq/baton/internal/handbook"
)

// Document is one search result: a page, a role, a responsibility or a
// reading path.
type Document struct {
	URL     string
	Title   string
	Section string // the section it is in, for display
	// Meta is text that describes the document: summary, section, tags,
	// role names.
	Meta []string
	// Sections[0] is the top of the document; Sections[i+1] follows
	// heading i.
	Sections []DocSection
}

// DocSection is a heading (empty for the top) and the text under it.
type DocSection struct {
	Anchor, Heading, Text string
}

// documents returns how many documents Documents lists, and a function
// that makes the one with a given id, so the index never holds the text of
// them all at once and can make them on several goroutines.
func documents(site *handbook.Site) (int, func(id int) Document) {
	others := otherDocuments(site)
	return len(site.Pages) + len(others), func(id int) Document {
		if id < len(site.Pages) {
			return pageDocument(site, site.Pages[id])
		}
		return others[id-len(site.Pages)]
	}
}

// parts lists the documents that are parts of another's page, as runs
// {page, first, count}: documents first to first+count-1 are parts of
// document page. A responsibility with a lead is a part of its role's
// page (a row of it), so a query that finds several of one role's
// responsibilities shows the role once, with them under it, not a result
// for each that pushes out other pages. Ids follow documents: pages, then
// roles, then responsibilities.
func parts(site *handbook.Site) [][3]int {
	role := make(map[*handbook.Role]int, len(site.Roles))
	for i, r := range site.Roles {
		role[r] = len(site.Pages) + i
	}
	first := len(site.Pages) + len(site.Roles)
	var out [][3]int
	for i, x := range site.Responsibilities {
		if x.Lead == nil {
			continue
		}
		page, id := role[x.Lead], first+i
		if n := len(out); n > 0 && out[n-1][0] == page && out[n-1][1]+out[n-1][2] == id {
			out[n-1][2]++
			continue
		}
		out = append(out, [3]int{page, id, 1})
	}
	return out
}

// otherDocuments are the documents of roles, responsibilities, paths,
// people and glossary terms: few, and small.
func otherDocuments(site *handbook.Site) []Document {
	w := site.Config.Words()
	var docs []Document
	for _, r := range site.Roles {
		d := Document{URL: r.URL, Title: r.Title, Section: w.T("roles.title"), Meta: []string{r.Summary, r.Part}}
		d.Sections = append(d.Sections, DocSection{Text: join(r.Summary, r.Part)})
		add := func(anchor, heading string, items []string) {
			if len(items) > 0 {
				d.Sections = append(d.Sections, DocSection{Anchor: anchor, Heading: heading, Text: sentences(items)})
			}
		}
		add("owns", w.T("role.owns"), r.Owns)
		add("influences", w.T("role.influences"), r.Influences)
		add("needs", w.T("role.needs"), r.Needs)
		var resp []string
		for _, x := range r.Responsibilities {
			resp = append(resp, sentences([]string{x.Title, x.Summary}))
		}
		add("responsibilities", site.Config.Model.Letters[0].Holds, resp)
		var levels []string
		for _, l := range r.Levels {
			levels = append(levels, sentences(append([]string{l.Title, l.Summary}, l.Expectations...)))
		}
		add("levels", w.T("role.levels"), levels)
		docs = append(docs, d)
	}
	for _, x := range site.Responsibilities {
		d := Document{URL: x.URL, Title: x.Title, Section: w.T("matrix.title"),
			Meta: []string{x.Summary, site.Config.Model.KindTitle(x.Kind), site.Config.Model.StageTitle(x.Stage)}}
		text := x.Summary
		if x.Lead != nil {
			d.Meta = append(d.Meta, x.Lead.Title)
			text = join(text, site.Config.Model.Letters[0].Holders+" "+x.Lead.Title+".")
		}
		for _, p := range x.Partners {
			d.Meta = append(d.Meta, p.Title)
		}
		for _, p := range x.PartnerPeople {
			d.Meta = append(d.Meta, p.Name)
		}
		d.Sections = []DocSection{{Text: text}}
		docs = append(docs, d)
	}
	for _, pa := range site.Paths {
		d := Document{URL: pa.URL, Title: pa.Title, Section: w.T("paths.title"), Meta: []string{pa.Summary, pa.Audience}}
		text := join(pa.Summary, pa.Audience)
		for _, st := range pa.Steps {
			text = join(text, join(st.Title()+".", st.Why))
		}
		d.Sections = []DocSection{{Text: text}}
		docs = append(docs, d)
	}
	// People, so "who holds pricing" finds the person by their role.
	for _, pe := range site.People {
		d := Document{URL: pe.URL, Title: pe.Name, Section: w.T("people.title"), Meta: []string{pe.Title, pe.Team}}
		text := join(pe.Title, pe.Team)
		for _, r := range pe.Roles {
			d.Meta = append(d.Meta, r.Title)
			text = join(text, r.Title+".")
		}
		d.Sections = []DocSection{{Text: text}}
		docs = append(docs, d)
	}
	// Glossary terms, each its entry on the glossary page (the anchor
	// apart from the URL, so the client links from file:// too), found by
	// its aliases too.
	if g := site.Glossary; g != nil {
		for _, t := range g.Terms {
			d := Document{URL: g.URL, Title: t.Title, Section: w.T("glossary.title"), Meta: t.Aliases}
			d.Sections = []DocSection{{Anchor: t.Anchor, Text: t.Tip}}
			docs = append(docs, d)
		}
	}
	return docs
}

// pageDocument is the search document of page p of site.
func pageDocument(site *handbook.Site, p *handbook.Page) Document {
	d := Document{URL: p.URL, Title: p.Title, Section: documentSection(p)}
	d.Meta = append(d.Meta, p.Summary, d.Section)
	for _, t := range p.Tags {
		d.Meta = append(d.Meta, t.Name)
	}
	for _, r := range p.Roles {
		d.Meta = append(d.Meta, r.Title)
	}
	top := DocSection{Text: p.Summary}
	d.Sections = append(d.Sections, top)
	if doc := site.Body(p).Doc; doc != nil {
		// The Markdown text is characters (markdown.Doc), never entities.
		for _, h := range doc.Headings {
			d.Sections = append(d.Sections, DocSection{Anchor: h.ID, Heading: h.Text})
		}
		texts := doc.Texts()
		for i, s := range doc.Sections {
			ds := &d.Sections[s.Heading+1]
			ds.Text = join(ds.Text, texts[i])
		}
	}
	return d
}

// sentences joins list items into one text, each ending in a full stop
// unless it already ends in punctuation ("Leads. Decides.", never "..").
func sentences(items []string) string {
	var b strings.Builder
	for _, it := range items {
		if it = strings.TrimSpace(it); it == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(it)
		if !strings.HasSuffix(it, ".") && !strings.HasSuffix(it, "!") && !strings.HasSuffix(it, "?") {
			b.WriteByte('.')
		}
	}
	return b.String()
}

func join(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}
