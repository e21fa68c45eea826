package render

import (
	"io"
	"slices"
	"sync"

	"github.com/batonhq/baton/internal/export"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/markdown"
)

// jobList gathers the jobs of one site as Jobs lists them.
type jobList struct {
	r      *Renderer
	site   *handbook.Site
	shared *partials
	jobs   []Job
	// sv is the part of the site every page's view shows.
	sv *SiteView
	// trails are the breadcrumbs to each section, from Home.
	trails map[*handbook.Section][]Crumb
}

// Jobs lists every file the site renders, except static files: the pages
// of its Markdown, the pages of its model (roles, responsibilities,
// paths, tags, people, levels), the views made of other pages (print,
// search, recent changes), the files for machines, and the redirects.
func (r *Renderer) Jobs(site *handbook.Site) []Job {
	// Room for every page's and model page's job, and the few others.
	n := len(site.Pages) + len(site.Roles) + len(site.Responsibilities) + len(site.Paths) + len(site.Tags) + len(site.People) + len(site.Redirects) + 32
	l := &jobList{r: r, site: site, shared: &partials{}, sv: siteView(site), jobs: make([]Job, 0, n)}
	l.pages()
	l.model()
	l.views()
	l.files()
	for _, rd := range site.Redirects {
		p := outPath(rd.From)
		l.jobs = append(l.jobs, Job{Path: p, Run: guard(p, rd.Pos.File, func(w io.Writer) error { return redirect(w, site, rd) })})
	}
	l.keyed("/404.html", "", nil, func() *PageView { return r.notFoundView(site, l.sv) })
	return l.jobs
}

// printJob adds the job of the print view at URL u, made from the view
// view gives: data, but with no key, as it shows every page's body.
func (l *jobList) printJob(u string, view func() *PageView) {
	j := &viewJob{l: l, path: outPath(u), view: view}
	l.jobs = append(l.jobs, Job{Path: j.path, Run: j.run, Bodies: true})
}

// file adds a file that is not a page, written by write.
func (l *jobList) file(path string, write func(io.Writer) error) {
	l.jobs = append(l.jobs, Job{Path: path, Run: guard(path, "", write)})
}

// pages adds the pages of the Markdown files. All but the home page's
// views are data (PageView), and their keys the views' hashes, so a
// rebuild may reuse the ones whose views did not change, whatever the
// theme.
func (l *jobList) pages() {
	site, r := l.site, l.r
	l.trails = map[*handbook.Section][]Crumb{nil: crumbs(site, nil, "")}
	if site.Root != nil {
		l.trail(site.Root, l.trails[nil])
	}
	// The pages' jobs are made in one allocation, and their views by a
	// method rather than a closure each: a dev server lists every job on
	// each save.
	jobs := make([]viewJob, len(site.Pages))
	for i, p := range site.Pages {
		if p == site.Home {
			l.keyed(p.URL, p.File, p, func() *PageView { return r.homeView(site, l.sv, p) })
			continue
		}
		j := &jobs[i]
		*j = viewJob{l: l, file: p.File, path: outPath(p.URL), page: p, kind: "page", parent: p.Section}
		if p.IsSection {
			// Whose breadcrumbs lead to the page.
			j.kind, j.parent = "section", p.Section.Parent
		}
		l.jobs = append(l.jobs, Job{Path: j.path, Page: p, Run: j.run, Key: j.key})
	}
}

// keyed adds the job of the page at URL u, which shows the source file
// (or none: ""), and Markdown page p (or none), made from the view view
// gives: data, whose hash is the job's key.
func (l *jobList) keyed(u, file string, p *handbook.Page, view func() *PageView) {
	j := &viewJob{l: l, file: file, path: outPath(u), view: view}
	l.jobs = append(l.jobs, Job{Path: j.path, Page: p, Run: j.run, Key: j.key})
}

// viewJob is the job of a page whose view is data (PageView): made by
// view, or, for a Markdown page but the home page, by pageView from page,
// its kind and the section whose breadcrumbs lead to it.
type viewJob struct {
	l          *jobList
	file, path string
	view       func() *PageView
	page       *handbook.Page
	kind       string
	parent     *handbook.Section
}

// made is the job's view.
func (j *viewJob) made() *PageView {
	if j.view != nil {
		return j.view()
	}
	l := j.l
	return l.r.pageView(l.site, l.sv, j.page, j.kind, l.trails[j.parent])
}

func (j *viewJob) run(w io.Writer) error {
	return guard(j.path, j.file, func(w io.Writer) error { return j.write(w, j.made()) })(w)
}

// key writes the page's view into h, and returns what renders that view.
func (j *viewJob) key(h markdown.KeyWriter) func(io.Writer) error {
	v := j.made()
	v.writeKey(h)
	return guard(j.path, j.file, func(w io.Writer) error { return j.write(w, v) })
}

func (j *viewJob) write(w io.Writer, v *PageView) error {
	v.partials = j.l.shared
	v.scratch = j.l.r.borrowScratch()
	defer j.l.r.returnScratch(v.scratch)
	v.finish()
	return j.l.r.executePage(w, v)
}

// trail notes the breadcrumbs to s and the sections under it, where
// those to s are to.
func (l *jobList) trail(s *handbook.Section, to []Crumb) {
	l.trails[s] = to
	for _, c := range s.Sections {
		l.trail(c, append(slices.Clip(to), Crumb{Title: c.Title, URL: c.URL}))
	}
}

// in is the crumbs of a page under an index: Home, the index, the page.
func in(site *handbook.Site, index, url, title string) []Crumb {
	return append(crumbs(site, nil, ""), Crumb{index, url}, Crumb{Title: title})
}

// model adds the pages of the handbook's model, each index before its
// pages.
func (l *jobList) model() {
	site, w := l.site, words(l.site)
	roles, paths := w.T("roles.title"), w.T("paths.title")
	l.keyed("/roles/", "", nil, func() *PageView { return l.r.rolesView(site, l.sv, roles, crumbs(site, nil, roles)) })
	for _, role := range site.Roles {
		l.keyed(role.URL, role.File, nil, func() *PageView {
			return l.r.roleView(site, l.sv, role, in(site, roles, "/roles/", role.Title))
		})
	}
	if len(site.Levels) > 0 {
		l.keyed("/levels/", "", nil, func() *PageView {
			return l.r.levelsView(site, l.sv, w.T("levels.title"), in(site, roles, "/roles/", w.T("levels.title")))
		})
	}
	if len(site.People) > 0 {
		l.keyed("/people/", "", nil, func() *PageView {
			return l.r.peopleView(site, l.sv, w.T("people.title"), crumbs(site, nil, w.T("people.title")))
		})
	}
	for _, pe := range site.People {
		l.keyed(pe.URL, pe.File, nil, func() *PageView {
			return l.r.personView(site, l.sv, pe, in(site, w.T("people.title"), "/people/", pe.Name))
		})
	}
	l.keyed("/responsibilities/", "", nil, func() *PageView {
		return l.r.matrixView(site, l.sv, w.T("matrix.title"), crumbs(site, nil, w.T("matrix.title")))
	})
	for _, resp := range site.Responsibilities {
		l.keyed(resp.URL, resp.Pos.File, nil, func() *PageView {
			return l.r.respView(site, l.sv, resp, in(site, w.T("matrix.title"), "/responsibilities/", resp.Title))
		})
	}
	l.keyed("/paths/", "", nil, func() *PageView { return l.r.pathsView(site, l.sv, paths, crumbs(site, nil, paths)) })
	for _, pa := range site.Paths {
		l.keyed(pa.URL, pa.File, nil, func() *PageView {
			return l.r.pathView(site, l.sv, pa, in(site, paths, "/paths/", pa.Title))
		})
	}
	if g := site.Glossary; g != nil {
		l.keyed(g.URL, g.File, nil, func() *PageView {
			return l.r.glossaryView(site, l.sv, w.T("glossary.title"), w.T("glossary.description"), crumbs(site, nil, w.T("glossary.title")))
		})
	}
	l.keyed("/tags/", "", nil, func() *PageView {
		return l.r.tagsView(site, l.sv, w.T("tags.title"), crumbs(site, nil, w.T("tags.title")))
	})
	for _, t := range site.Tags {
		l.keyed(t.URL, "", nil, func() *PageView {
			return l.r.tagView(site, l.sv, t, w.T("tag.title", "tag", t.Name), in(site, w.T("tags.title"), "/tags/", t.Name))
		})
	}
}

// views adds the pages made of other pages: the print views, search and
// the recently updated page.
func (l *jobList) views() {
	site, r, w := l.site, l.r, words(l.site)
	// The print view takes the pages' bodies now, so that rendering it
	// later (the dev server renders it when asked) shows this build's.
	// Where each page prints is worked out when a print view is first
	// rendered: a dev server's patch lists every job, and renders none
	// of these until a reader asks.
	bodies := printBodies(site)
	split := PrintsInParts(site)
	printed := sync.OnceValue(func() map[string]printPlace { return printPlaces(site, split) })
	l.printJob("/print/", func() *PageView { return r.printView(site, l.sv, bodies, printed(), nil, split) })
	if split {
		for _, s := range printSections(site) {
			l.printJob(partPrintURL(s), func() *PageView { return r.printView(site, l.sv, bodies, printed(), s, split) })
		}
	}
	l.keyed("/search/", "", nil, func() *PageView {
		return r.kindView(site, l.sv, "search", w.T("search.title"), "/search/", crumbs(site, nil, w.T("search.title")))
	})
	if len(site.Updates) > 0 {
		l.keyed("/changes/", "", nil, func() *PageView {
			return r.changesView(site, l.sv, w.T("changes.title"), crumbs(site, nil, w.T("changes.title")))
		})
	}
}

// files adds the files for machines: the feed, the sitemap, Mermaid where
// a page draws a diagram, handbook.json and robots.txt.
func (l *jobList) files() {
	site := l.site
	if hasFeed(site) {
		l.file("feed.xml", func(w io.Writer) error { return feed(w, site) })
	}
	// Crawlers take only absolute locations: a sitemap needs a base URL
	// that names its host (see NoSitemap).
	if site.Config.Absolute() {
		l.file("sitemap.xml", func(w io.Writer) error { return sitemap(w, site) })
	}
	if hasDiagrams(site) {
		l.jobs = append(l.jobs, mermaidJob())
	}
	l.file("handbook.json", func(w io.Writer) error { return export.Write(w, site) })
	l.jobs[len(l.jobs)-1].OnDemand = true
	// One robots.txt, at the root of the output: a multilingual
	// handbook's other languages are folders of the default's.
	if site.Lang == 0 {
		l.file("robots.txt", func(w io.Writer) error { return robots(w, site) })
	}
}
