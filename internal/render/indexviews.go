package render

import (
	"html/template"
	"time"

	"github.com/batonhq/baton/internal/diagram"
	"github.com/batonhq/baton/internal/handbook"
)

// The views of the pages that list the handbook's model, each a PageView
// with its kind's part filled in (Tags, Roles, Paths, People, Ladders,
// Glossary, Changes; Path, Person): data, as a Markdown page's view is,
// so its hash is its render key and a rebuild renders it again only when
// what it shows changed. Each holds the model's parts as the page shows
// them, no more: the tags' index has each tag's count of pages, not the
// pages.

// TagCount is a tag as the tags' index lists it: its name and how many
// pages it has.
type TagCount struct {
	Name, URL string
	Count     int
}

// RoleCard is a role as the lists of roles show it.
type RoleCard struct{ URL, Title, Part, Summary string }

// ReadingPath is a reading path as its page and the lists of paths show
// it.
type ReadingPath struct {
	ID, URL, Title, Audience, Summary string
	// Minutes is the time its steps take to read.
	Minutes int
	Steps   []StepData
	Review
}

// StepData is a step of a reading path.
type StepData struct {
	URL, Title, Why string
	// Page is set on a step that is a page, Role on one that is a role;
	// a responsibility's step has neither.
	Page *StepPage
	Role *Link
}

// StepPage is the page a step of a reading path is.
type StepPage struct{ Minutes int }

// PersonData is a person as their page shows them.
type PersonData struct {
	URL, Name, Title, Team, Photo string
	Roles                         []RoleCard
	// Holds are the responsibilities they take part in, letter by letter.
	Holds []PersonHeld
	// Owns are the pages, roles and paths that name them an owner; Links
	// their own addresses.
	Owns, Links []Link
}

// PersonHeld is what a person holds with one letter.
type PersonHeld struct {
	Letter           LetterData
	Responsibilities []LedResp
}

// LedResp is a responsibility with the role that leads it, if any.
type LedResp struct {
	URL, Title string
	Lead       *Link
}

// Ladder is a role's career ladder, as the levels' page compares them.
type Ladder struct {
	URL, Title string
	Levels     []LevelData
}

// GlossaryData is the glossary as its page shows it.
type GlossaryData struct{ Terms []TermData }

// TermData is a term of the glossary.
type TermData struct {
	Anchor, Title string
	Aliases       []string
	// Definition is the definition's HTML, its links relative to the
	// glossary's page.
	Definition template.HTML
	Related    []Link
}

// TermLetter is the terms of the glossary under one letter (glossaryLetters).
type TermLetter struct {
	// Letter is the terms' first letter, in capitals, or "#"; ID is the
	// anchor of its heading.
	Letter, ID string
	Terms      []TermData
}

// Change is one commit's change to a page, as the changes' page lists it.
type Change struct {
	Title, URL string
	// Day is the day of the commit in the site's words, DayID the same as
	// 2006-01-02.
	Day, DayID      string
	Commit, Subject string
}

// tagsView is the tags' index's view: every tag, with how many pages it
// has.
func (r *Renderer) tagsView(site *handbook.Site, sv *SiteView, title string, crumbs []Crumb) *PageView {
	v := r.kindView(site, sv, "tags", title, "/tags/", crumbs)
	for _, t := range site.Tags {
		v.Tags = append(v.Tags, TagCount{t.Name, t.URL, len(t.Pages)})
	}
	return v
}

// rolesView is the roles' index's view: the conductor diagram and every
// role.
func (r *Renderer) rolesView(site *handbook.Site, sv *SiteView, title string, crumbs []Crumb) *PageView {
	v := r.kindView(site, sv, "roles", title, "/roles/", crumbs)
	v.PrintURL = rolesPrintURL(site)
	for _, ro := range site.Roles {
		v.Roles = append(v.Roles, roleCard(ro))
	}
	v.diagram(site)
	return v
}

// diagram draws the conductor diagram into the view, its links from the
// view's page.
func (v *PageView) diagram(site *handbook.Site) {
	if len(site.Roles) == 0 {
		return
	}
	v.Diagram = diagramSVG(site.Roles, v.rel, v.Site.ui)
	v.DiagramText = diagram.Describe(site.Roles, v.Site.ui)
}

func roleCard(ro *handbook.Role) RoleCard {
	return RoleCard{URL: ro.URL, Title: ro.Title, Part: ro.Part, Summary: ro.Summary}
}

// pathsView is the reading paths' index's view.
func (r *Renderer) pathsView(site *handbook.Site, sv *SiteView, title string, crumbs []Crumb) *PageView {
	v := r.kindView(site, sv, "paths", title, "/paths/", crumbs)
	v.Paths = readingPaths(site)
	return v
}

// readingPaths are the site's reading paths, as data.
func readingPaths(site *handbook.Site) []ReadingPath {
	var out []ReadingPath
	for _, pa := range site.Paths {
		out = append(out, readingPath(pa))
	}
	return out
}

// readingPath is reading path pa, as data.
func readingPath(pa *handbook.Path) ReadingPath {
	d := ReadingPath{ID: pa.ID, URL: pa.URL, Title: pa.Title, Audience: pa.Audience, Summary: pa.Summary,
		Minutes: pa.Minutes, Review: review(pa.Review)}
	for _, st := range pa.Steps {
		s := StepData{URL: st.URL(), Title: st.Title(), Why: st.Why}
		switch {
		case st.Page != nil:
			s.Page = &StepPage{Minutes: st.Page.Minutes}
		case st.Role != nil:
			s.Role = &Link{st.Role.URL, st.Role.Title}
		}
		d.Steps = append(d.Steps, s)
	}
	return d
}

// pathView is reading path pa's page's view.
func (r *Renderer) pathView(site *handbook.Site, sv *SiteView, pa *handbook.Path, crumbs []Crumb) *PageView {
	v := r.kindView(site, sv, "path", pa.Title, pa.URL, crumbs)
	d := readingPath(pa)
	v.Description, v.Path = pa.Summary, &d
	v.source(site, pa.File, pa.Updated)
	return v
}

// peopleView is the people's index's view.
func (r *Renderer) peopleView(site *handbook.Site, sv *SiteView, title string, crumbs []Crumb) *PageView {
	v := r.kindView(site, sv, "people", title, "/people/", crumbs)
	for _, pe := range site.People {
		v.People = append(v.People, personCard(pe))
	}
	return v
}

func personCard(pe *handbook.Person) PersonCard {
	return PersonCard{URL: pe.URL, Name: pe.Name, Title: pe.Title, Photo: pe.Photo, Team: pe.Team}
}

// personView is person pe's page's view.
func (r *Renderer) personView(site *handbook.Site, sv *SiteView, pe *handbook.Person, crumbs []Crumb) *PageView {
	d := &PersonData{URL: pe.URL, Name: pe.Name, Title: pe.Title, Team: pe.Team, Photo: pe.Photo}
	for _, ro := range pe.Roles {
		d.Roles = append(d.Roles, roleCard(ro))
	}
	for _, h := range pe.Holds {
		held := PersonHeld{Letter: letterData(h.Letter)}
		for _, x := range h.Responsibilities {
			lr := LedResp{URL: x.URL, Title: x.Title}
			if x.Lead != nil {
				lr.Lead = &Link{x.Lead.URL, x.Lead.Title}
			}
			held.Responsibilities = append(held.Responsibilities, lr)
		}
		d.Holds = append(d.Holds, held)
	}
	for _, o := range pe.Owns {
		d.Owns = append(d.Owns, Link{o.URL, o.Title})
	}
	for _, l := range pe.Links {
		d.Links = append(d.Links, Link{l.URL, l.Title})
	}
	v := r.kindView(site, sv, "person", pe.Name, pe.URL, crumbs)
	v.Description, v.Person = pe.Title, d
	return v
}

// levelsView is the levels' page's view: the career ladders of the roles
// that have one.
func (r *Renderer) levelsView(site *handbook.Site, sv *SiteView, title string, crumbs []Crumb) *PageView {
	v := r.kindView(site, sv, "levels", title, "/levels/", crumbs)
	for _, ro := range site.Levels {
		la := Ladder{URL: ro.URL, Title: ro.Title}
		for _, l := range ro.Levels {
			la.Levels = append(la.Levels, LevelData{l.ID, l.Title, l.Summary, l.Expectations})
		}
		v.Ladders = append(v.Ladders, la)
	}
	return v
}

// glossaryView is the glossary's page's view: its terms, each definition
// as HTML.
func (r *Renderer) glossaryView(site *handbook.Site, sv *SiteView, title, description string, crumbs []Crumb) *PageView {
	g := site.Glossary
	v := r.kindView(site, sv, "glossary", title, g.URL, crumbs)
	v.Description, v.Glossary = description, v.glossary(site)
	v.source(site, g.File, g.Updated)
	return v
}

// glossary is the site's glossary as data, each definition's links made
// from this page.
func (v *PageView) glossary(site *handbook.Site) *GlossaryData {
	out := &GlossaryData{}
	for _, t := range site.Glossary.Terms {
		d := TermData{Anchor: t.Anchor, Title: t.Title, Aliases: t.Aliases, Definition: definition(site, t, v.URL, v.rel, v.Site.ui)}
		for _, st := range t.Related {
			d.Related = append(d.Related, Link{st.URL(), st.Title()})
		}
		out.Terms = append(out.Terms, d)
	}
	return out
}

// glossaryLetters groups terms by their first letter, in their order.
func glossaryLetters(terms []TermData) []TermLetter {
	var out []TermLetter
	for _, t := range terms {
		l, id := handbook.TermLetter(t.Title)
		if len(out) == 0 || out[len(out)-1].Letter != l {
			out = append(out, TermLetter{Letter: l, ID: id})
		}
		out[len(out)-1].Terms = append(out[len(out)-1].Terms, t)
	}
	return out
}

// changesView is the recent changes' page's view.
func (r *Renderer) changesView(site *handbook.Site, sv *SiteView, title string, crumbs []Crumb) *PageView {
	v := r.kindView(site, sv, "changes", title, "/changes/", crumbs)
	for _, u := range site.Updates {
		when := time.Unix(u.When, 0)
		v.Changes = append(v.Changes, Change{Title: u.Title, URL: u.URL, Day: sv.ui.Date(when),
			DayID: when.UTC().Format("2006-01-02"), Commit: u.Commit, Subject: u.Subject})
	}
	return v
}

// personTeams groups people by team, in their order.
func personTeams(people []PersonCard) [][]PersonCard {
	var teams [][]PersonCard
	for i, p := range people {
		if i == 0 || p.Team != people[i-1].Team {
			teams = append(teams, nil)
		}
		teams[len(teams)-1] = append(teams[len(teams)-1], p)
	}
	return teams
}

// StageData is a lifecycle stage as the matrix shows it: its
// responsibilities.
type StageData struct {
	ID, Title        string
	Responsibilities []MatrixRow
}

// MatrixRow is a responsibility as a row of the matrix: its kind, and how
// each role of the view's Roles takes part in it (nil where it does not).
type MatrixRow struct {
	URL, Title, Kind, KindTitle string
	Cells                       []*LetterData
}

// matrixView is the responsibilities' matrix's view: the roles, and the
// responsibilities stage by stage, each with every role's letter.
func (r *Renderer) matrixView(site *handbook.Site, sv *SiteView, title string, crumbs []Crumb) *PageView {
	v := r.kindView(site, sv, "responsibilities", title, "/responsibilities/", crumbs)
	v.matrix(site)
	return v
}

// matrix fills in the matrix: the roles, its columns, and the
// responsibilities stage by stage, each with every role's letter.
func (v *PageView) matrix(site *handbook.Site) {
	m, ui := site.Config.Model, v.Site.ui
	for _, ro := range site.Roles {
		v.Roles = append(v.Roles, roleCard(ro))
	}
	for _, st := range m.Stages {
		g := StageData{ID: st.ID, Title: stageTitle(ui, m, st.ID)}
		for _, x := range site.Responsibilities {
			if x.Stage != st.ID {
				continue
			}
			row := MatrixRow{URL: x.URL, Title: x.Title, Kind: x.Kind, KindTitle: kindTitle(ui, m, x.Kind),
				Cells: make([]*LetterData, len(site.Roles))}
			for i, ro := range site.Roles {
				if l := letterOf(x, ro); l != nil {
					row.Cells[i] = new(letterData(*l))
				}
			}
			g.Responsibilities = append(g.Responsibilities, row)
		}
		if len(g.Responsibilities) > 0 {
			v.Stages = append(v.Stages, g)
		}
	}
}

// homeView is the home page's view: a section's page (its Page.Section
// holds the top level's Children), with no crumbs, the conductor diagram
// and the reading paths.
func (r *Renderer) homeView(site *handbook.Site, sv *SiteView, p *handbook.Page) *PageView {
	v := r.pageView(site, sv, p, "section", nil)
	v.Kind, v.Crumbs = "home", nil
	v.Paths = readingPaths(site)
	v.diagram(site)
	return v
}
