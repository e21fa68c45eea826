package render

import (
	"time"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/handbook"
)

// The views of the pages of the other kinds that list Markdown pages: a
// tag's, a responsibility's and a role's. Like a Markdown page's, each is
// data (PageView, its kind's part in Tag, Resp or Role), so its hash is
// its render key and a rebuild renders it again only when what it shows
// changed.

// roleView is role ro's page's view: the role, what it holds and takes
// part in, its people, levels, pages and reading paths, as data.
func (r *Renderer) roleView(site *handbook.Site, sv *SiteView, ro *handbook.Role, crumbs []Crumb) *PageView {
	v := r.kindView(site, sv, "role", ro.Title, ro.URL, crumbs)
	v.Description, v.Role = ro.Summary, roleData(site, sv, ro)
	v.source(site, ro.File, ro.Updated)
	return v
}

// roleData is role ro as its page shows it, and the print view.
func roleData(site *handbook.Site, sv *SiteView, ro *handbook.Role) *RoleData {
	d := &RoleData{ID: ro.ID, URL: ro.URL, Title: ro.Title, Summary: ro.Summary, Part: ro.Part,
		Owns: ro.Owns, Influences: ro.Influences, Needs: ro.Needs, Review: review(ro.Review),
		Pages: pageLinks(ro.Pages), Paths: pathSteps(ro.Paths)}
	m := site.Config.Model
	for _, x := range ro.Responsibilities {
		row := RoleResp{ID: x.ID, URL: x.URL, Title: x.Title, Summary: x.Summary, Kind: x.Kind,
			KindTitle: kindTitle(sv.ui, m, x.Kind), StageTitle: stageTitle(sv.ui, m, x.Stage)}
		for _, l := range m.Letters[min(1, len(m.Letters)):] {
			var h *HoldingData
			if held := holding(x, l.ID); held != nil {
				h = new(holdingData(*held))
			}
			row.Others = append(row.Others, h)
		}
		d.Responsibilities = append(d.Responsibilities, row)
	}
	for _, h := range ro.Holds {
		held := HeldData{Letter: letterData(h.Letter)}
		for _, x := range h.Responsibilities {
			hr := HeldResp{URL: x.URL, Title: x.Title, Kind: x.Kind}
			if x.Lead != nil {
				hr.Lead = Link{x.Lead.URL, x.Lead.Title}
			}
			held.Responsibilities = append(held.Responsibilities, hr)
		}
		d.Holds = append(d.Holds, held)
	}
	for _, c := range ro.Collaborators {
		d.Collaborators = append(d.Collaborators, Link{c.URL, c.Title})
	}
	for _, l := range ro.Levels {
		d.Levels = append(d.Levels, LevelData{l.ID, l.Title, l.Summary, l.Expectations})
	}
	for _, pe := range ro.People {
		d.People = append(d.People, PersonCard{URL: pe.URL, Name: pe.Name, Title: pe.Title, Photo: pe.Photo})
	}
	return d
}

// source fills in the links to the page's source file on the git host,
// and when it last changed.
func (v *PageView) source(site *handbook.Site, file string, updated int64) {
	v.EditURL, v.HistoryURL = fileLinks(site, file)
	if updated != 0 {
		v.Updated = v.Site.ui.Date(time.Unix(updated, 0))
	}
}

// respView is responsibility x's page's view: the responsibility, who
// holds it, its pages and its reading paths, as data.
func (r *Renderer) respView(site *handbook.Site, sv *SiteView, x *handbook.Responsibility, crumbs []Crumb) *PageView {
	m := site.Config.Model
	d := &RespData{ID: x.ID, URL: x.URL, Title: x.Title, Summary: x.Summary, Kind: x.Kind, Stage: x.Stage,
		KindTitle: kindTitle(sv.ui, m, x.Kind), StageTitle: stageTitle(sv.ui, m, x.Stage),
		Pages: pageLinks(x.Pages), Paths: pathSteps(x.Paths)}
	if x.Lead != nil {
		d.Lead = &Link{x.Lead.URL, x.Lead.Title}
	}
	for _, h := range x.Involved {
		d.Involved = append(d.Involved, holdingData(h))
	}
	v := r.kindView(site, sv, "responsibility", x.Title, x.URL, crumbs)
	v.Description, v.Resp = x.Summary, d
	if l := x.Lead; l != nil {
		// A responsibility is written in its role's file.
		v.source(site, l.File, l.Updated)
	}
	return v
}

// letterData is a letter, as data.
func letterData(l config.Letter) LetterData {
	return LetterData{ID: l.ID, Letter: l.Letter, Title: l.Title, Verb: l.Verb, Holders: l.Holders, Holds: l.Holds, By: l.By, Rest: l.Rest()}
}

// holdingData is who holds a letter, as data.
func holdingData(h handbook.Holding) HoldingData {
	out := HoldingData{Letter: letterData(h.Letter)}
	for _, role := range h.Roles {
		out.Roles = append(out.Roles, Link{role.URL, role.Title})
	}
	for _, pe := range h.People {
		out.People = append(out.People, PersonLink{pe.URL, pe.Name})
	}
	return out
}

// kindView is the view of a page of another kind than Markdown's, made
// whole: its sidebar is its kind's index (kindNav), which is small.
func (r *Renderer) kindView(site *handbook.Site, sv *SiteView, kind, title, url string, crumbs []Crumb) *PageView {
	v := &PageView{Site: sv, Kind: kind, Title: title, URL: url, Crumbs: crumbs}
	v.r = r
	v.navigate(site)
	return v
}

// navigate fills in the sidebar of a page of another kind than Markdown's
// (the top level of the sections where kindNav has none for its kind),
// and what place does.
func (v *PageView) navigate(site *handbook.Site) {
	if site.Root != nil {
		v.Nav = kindNav(site, v.Kind, v.URL)
		if v.Nav == nil {
			v.Nav = sidebar(site, nil)
		}
		linkNav(v.Nav, v.rel)
	}
	v.place(site)
}

// notFoundView is 404.html's view: its links are made from the base
// URL's path, since a server shows it at any depth.
func (r *Renderer) notFoundView(site *handbook.Site, sv *SiteView) *PageView {
	v := &PageView{Site: sv, Kind: "404", Title: sv.ui.T("notfound.title"), URL: "/404.html",
		Absolute: true, BasePath: basePath(site.Config.BaseURL)}
	v.r = r
	v.navigate(site)
	return v
}

// tagView is tag t's page's view: the tag with links to its pages.
func (r *Renderer) tagView(site *handbook.Site, sv *SiteView, t *handbook.Tag, title string, crumbs []Crumb) *PageView {
	v := r.kindView(site, sv, "tag", title, t.URL, crumbs)
	v.Tag = &TagData{Name: t.Name, URL: t.URL, Pages: pageLinks(t.Pages)}
	return v
}

// pageData is what a page's view shows of page p.
func pageData(p *handbook.Page, kind string) *PageData {
	d := &PageData{File: p.File, URL: p.URL, Title: p.Title, Summary: p.Summary, Lede: p.Lede, Minutes: p.Minutes,
		Reflect: p.Reflect, Prev: pageLink(p.Prev), Next: pageLink(p.Next), Review: review(p.Review), Params: p.Params}
	if len(p.Roles) > 0 {
		d.Roles = make([]Link, len(p.Roles))
		for i, r := range p.Roles {
			d.Roles[i] = Link{r.URL, r.Title}
		}
	}
	if len(p.Responsibilities) > 0 {
		d.Responsibilities = make([]RespLink, len(p.Responsibilities))
		for i, r := range p.Responsibilities {
			d.Responsibilities[i] = RespLink{r.URL, r.Title, r.Kind}
		}
	}
	if len(p.Tags) > 0 {
		d.Tags = make([]TagLink, len(p.Tags))
		for i, t := range p.Tags {
			d.Tags[i] = TagLink{t.URL, t.Name}
		}
	}
	d.Related = pageLinks(p.Related)
	d.Paths = pathSteps(p.Paths)
	if s := p.Section; s != nil {
		d.Section = &SectionData{URL: s.URL, Title: s.Title}
		if kind == "section" {
			d.Section.Children = pageLinks(s.Children)
		}
	}
	return d
}

// pathSteps are the reading paths' steps a page is, as data.
func pathSteps(steps []handbook.PathStep) []PathStep {
	var out []PathStep
	for _, ps := range steps {
		pa := &PathData{ID: ps.Path.ID, URL: ps.Path.URL, Title: ps.Path.Title, Steps: make([]Link, len(ps.Path.Steps))}
		for i, st := range ps.Path.Steps {
			pa.Steps[i] = Link{st.URL(), st.Title()}
		}
		out = append(out, PathStep{Path: pa, Index: ps.Index})
	}
	return out
}

func pageLink(p *handbook.Page) *PageLink {
	if p == nil {
		return nil
	}
	return &PageLink{p.URL, p.Title, p.Summary}
}

func pageLinks(ps []*handbook.Page) []PageLink {
	if len(ps) == 0 {
		return nil
	}
	out := make([]PageLink, len(ps))
	for i, p := range ps {
		out[i] = PageLink{p.URL, p.Title, p.Summary}
	}
	return out
}

// review is a page's, role's or path's review as data.
func review(rv handbook.Review) Review {
	out := Review{Reviewed: rv.Reviewed, Due: rv.Due, Overdue: rv.Overdue}
	for _, o := range rv.Owners {
		out.Owners = append(out.Owners, Link{o.URL(), o.Title()})
	}
	return out
}
