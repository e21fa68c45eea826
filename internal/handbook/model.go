// Package handbook is the model of a handbook: what it is, free of I/O.
//
// Parse turns one source file into an immutable Parsed value, which the
// build caches by content. Resolve joins every Parsed file of a site into a
// Site: ids, references, URLs, sections, navigation, reading paths, tags and
// backlinks, with every problem reported as a positioned diagnostic. Resolve
// never changes a Parsed value, so cached ones are safe to reuse; the Site it
// returns is immutable once Resolve returns. Patch, after edits to page
// bodies alone, returns a new Site that shares the given one's values and
// carries the edited pages' bodies beside them (Site.Body), changing
// nothing of the given Site, its pages or its resolver.
package handbook

import (
	"slices"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/markdown"
)

// Site is a resolved handbook.
type Site struct {
	Config config.Config
	// Home is the page at "/"; its Section is Root.
	Home *Page
	Root *Section
	// Pages holds every page (home, section pages, playbooks, plain pages)
	// sorted by URL.
	Pages []*Page
	// Order is the reading order used for previous and next: a depth-first
	// walk of the sections, without the home page; where the handbook's
	// tool gives a navigation (Nav), a walk of it first.
	Order []*Page
	// Nav is the navigation the handbook's own tool defines (mkdocs.yml's
	// nav, SUMMARY.md, _toc.yml), with the pages it leaves out under
	// their folders' pages, or nil: the sidebar then follows the folders.
	Nav              *NavNode
	Sections         []*Section
	Roles            []*Role
	Responsibilities []*Responsibility
	Paths            []*Path
	Tags             []*Tag
	Static           []Static
	// Levels are the roles with a career ladder, in the roles' order.
	Levels []*Role
	// Look is the site's own logo, favicon and stylesheets; Footer the
	// footer handbook.yaml's theme gives, as a page of its own links.
	Look   Look
	Footer *Page
	// People are the people the handbook names, by team and name.
	People []*Person
	// Glossary is content/glossary.yaml's terms, or nil without one.
	Glossary *Glossary
	// Redirects are the pages written at old URLs, sorted by From.
	Redirects []Redirect
	// Updates are the newest changes to pages, roles and paths in git's
	// history, newest first.
	Updates []Update

	// Languages, in a multilingual handbook, are its languages (the
	// default first) and Lang this site's index in them; Twins gives, for
	// a URL of this site, the URL of the same page in each language's site
	// (by index, "" where that language has none). Each language's site
	// has URLs of its own, from its own root. The build sets them once
	// every language has resolved, before anything renders; nil in a
	// handbook of one language.
	Languages []Language
	Lang      int
	Twins     map[string][]string

	// r is the resolver that made the site, kept so Patch can check an
	// edited page's links against it; nothing writes to it after Resolve.
	r *resolver
	// patched holds, in a Site that Patch made, by place in Pages (Page.at),
	// the bodies that differ from their Page values' (which are Resolve's),
	// with the parse each comes from, nil for the others; nil in a Site
	// that Resolve made. A slice, not a map: a loop over every page's body
	// (the print view's, whether it is split) reads it as fast as the
	// fields.
	patched []*patchedPage
}

// Body is what a page shows of its own file: its prepared Markdown and
// its links' targets.
type Body struct {
	Doc *markdown.Doc
	// Hrefs holds, for each link of Doc, its target (Page.Hrefs).
	Hrefs []Href
}

// patchedPage is a page's body in a patched Site, and its parse.
type patchedPage struct {
	Body
	page   *Page
	parsed *ParsedPage
}

// Body is page p's body in site: what Resolve set on the page (Page.Doc,
// Page.Hrefs), or, in a Site that Patch made, what an edit gave it since.
// Whatever reads a page's body after Resolve reads it here.
func (s *Site) Body(p *Page) Body {
	if e := s.patchedAt(p); e != nil {
		return e.Body
	}
	return Body{Doc: p.Doc, Hrefs: p.Hrefs}
}

// patchedAt is what Patch gave page p of s, or nil.
func (s *Site) patchedAt(p *Page) *patchedPage {
	if p.at < 1 || p.at > len(s.patched) {
		return nil
	}
	if e := s.patched[p.at-1]; e != nil && e.page == p {
		return e
	}
	return nil
}

// Page is a Markdown page.
type Page struct {
	// File is the source path, relative to the site folder.
	File  string
	Title string
	// NavTitle is the title the sidebar shows where the tool gives one
	// apart from the page's (Docusaurus' sidebar_label, a folder's
	// label); "" shows Title.
	NavTitle string
	Summary  string
	// Lede is the summary when the page gives one (summary or description
	// in front matter), for its own top: a summary taken from its first
	// paragraph would show that paragraph twice.
	Lede    string
	Weight  int
	Tags    []*Tag
	Reflect []string
	Draft   bool
	// at is the page's place in Site.Pages, from 1, for Site.Body; 0 for
	// a page not listed there (the theme footer, a glossary definition).
	// It is beside Doc, which Body reads with it.
	at int
	// Doc is the page's body as Resolve made it; a Site that Patch made
	// may have another (read a page's body with Site.Body).
	Doc *markdown.Doc
	// URL is site-absolute, with a trailing slash ("/playbooks/x/").
	URL string
	// Section is the section the page is in; for a section's own page it is
	// that section.
	Section *Section
	// IsSection is true for a section's page (from _index.md or made up).
	IsSection        bool
	Roles            []*Role
	Responsibilities []*Responsibility
	Prev, Next       *Page
	Related          []*Page
	Minutes          int
	// Updated is the Unix time of the last commit that touched the file,
	// or 0 when unknown.
	Updated int64
	// Hrefs holds, for each link of Doc, its target: a site-absolute URL with
	// an optional #fragment, or an external URL. Empty means unresolved. Like
	// Doc, it is Resolve's: read it with Site.Body.
	Hrefs []Href
	// Paths lists the reading paths that have this page as a step.
	Paths []PathStep
	// Params are the front matter keys baton does not know, kept for
	// layouts in a handbook written for another tool (ParseOptions).
	Params map[string]any
	// TranslationKey is front matter's translation_key, or "".
	TranslationKey string
	// Nav is where the page stands in Site.Nav, or nil.
	Nav *NavNode
	Review
}

// NavNode is a place in the navigation a handbook's tool defines: a page,
// or a caption over pages that is no page of its own (an MkDocs section,
// an mdBook part title or draft chapter, a Jupyter Book part's caption,
// a GitBook group). Its children stand in the tool's order, wherever
// their files are.
type NavNode struct {
	// Title is a caption's; a page's title is its page's.
	Title string
	Page  *Page
	// Part marks a caption its tool always shows open (mdBook's and
	// GitBook's part titles, Jupyter Book's captions); MkDocs' sections
	// fold.
	Part     bool
	Parent   *NavNode
	Children []*NavNode
}

// Contains reports whether node m is n or under it.
func (n *NavNode) Contains(m *NavNode) bool {
	for ; m != nil; m = m.Parent {
		if m == n {
			return true
		}
	}
	return false
}

// FirstPage is the first page at or under n in reading order, or nil.
func (n *NavNode) FirstPage() *Page {
	if n.Page != nil {
		return n.Page
	}
	for _, c := range n.Children {
		if p := c.FirstPage(); p != nil {
			return p
		}
	}
	return nil
}

// Language is one language's site of a multilingual handbook.
type Language struct {
	Code string // "de"
	Name string // its name in itself: "Deutsch"
	// Prefix is where the site is in the output: "" for the default
	// language's, "de/" for the others.
	Prefix string
}

// Href is where one link points.
type Href struct {
	// URL is site-absolute ("/roles/design/") or, when External, as written.
	URL      string
	Fragment string
	External bool
	// Text is what a link its source gives no text shows
	// (markdown.Link.NoText: MyST's {ref}`label`, [](page.md)): the title
	// of the heading or page it leads to; "" shows the link as written.
	Text string
}

// PathStep places a page in a reading path.
type PathStep struct {
	Path  *Path
	Index int // 0-based
}

// Section is a folder of pages.
type Section struct {
	Dir      string // "content/playbooks/leading"
	URL      string
	Title    string
	Summary  string
	Weight   int
	Page     *Page
	Parent   *Section
	Sections []*Section
	Pages    []*Page
	// Children is Pages and Sections' pages together, in reading order.
	Children []*Page
	Depth    int
}

// Role is a role in the product organisation.
type Role struct {
	ID               string
	File             string
	Title            string
	Summary          string
	Part             string
	Weight           int
	Owns             []string
	Influences       []string
	Needs            []string
	Collaborators    []*Role
	Responsibilities []*Responsibility
	// PartnerIn lists the responsibilities this role takes part in
	// without holding them in its file: Holds together.
	PartnerIn []*Responsibility
	// Holds are those responsibilities letter by letter, in the model's
	// order (a letter the role holds nowhere is left out).
	Holds []Held
	// Pages lists the pages that name this role in front matter or link to it.
	Pages []*Page
	URL   string
	// Paths lists the reading paths that have this role as a step.
	Paths []PathStep
	// People are the people who hold the role, by name.
	People []*Person
	// Levels are the role's career ladder, lowest first.
	Levels []Level
	// Updated is the Unix time of the last commit that touched the role's
	// file, which holds its responsibilities too, or 0 when unknown.
	Updated int64
	Review
}

// Level is one step of a role's career ladder.
type Level struct {
	ID, Title, Summary string
	Expectations       []string
}

// Held is what a role holds with one involvement letter.
type Held struct {
	Letter           config.Letter
	Responsibilities []*Responsibility
}

// Responsibility is a hands-on responsibility, written in the file of the
// role that holds the model's first letter (the default's lead).
type Responsibility struct {
	ID      string
	Title   string
	Kind    string
	Stage   string
	Summary string
	// Lead is the role whose file holds the responsibility.
	Lead *Role
	// Partners are the other roles that take part in it, with any letter,
	// in the letters' order; PartnerPeople the people (a role is a column
	// of the matrix; a person is not).
	Partners      []*Role
	PartnerPeople []*Person
	// Involved is who holds each letter, in the model's order (a letter
	// no one holds is left out); Lead is the first holder of the first.
	Involved []Holding
	Pages    []*Page
	URL      string
	Pos      diag.Pos
	// Paths lists the reading paths that have this responsibility as a step.
	Paths []PathStep
}

// Path is an ordered reading path.
type Path struct {
	ID       string
	File     string
	Title    string
	Summary  string
	Audience string
	Steps    []Step
	Minutes  int
	URL      string
	Review
	// Updated is the Unix time of the last commit that touched the file,
	// or 0 when unknown.
	Updated int64
}

// Step is one step of a reading path: a page, a role or a responsibility.
type Step struct {
	Why            string
	Page           *Page
	Role           *Role
	Responsibility *Responsibility
}

// Title is the step's target's title.
func (s Step) Title() string {
	switch {
	case s.Page != nil:
		return s.Page.Title
	case s.Role != nil:
		return s.Role.Title
	case s.Responsibility != nil:
		return s.Responsibility.Title
	}
	return ""
}

// URL is the step's target's URL.
func (s Step) URL() string {
	switch {
	case s.Page != nil:
		return s.Page.URL
	case s.Role != nil:
		return s.Role.URL
	case s.Responsibility != nil:
		return s.Responsibility.URL
	}
	return ""
}

// Tag groups pages.
type Tag struct {
	Name  string
	URL   string
	Pages []*Page
}

// Static is a file copied as it is.
type Static struct {
	File string
	URL  string // the output path, site-absolute ("/img/x.png")
	Size int64
}

// Holding is the roles and people that hold one letter of a
// responsibility.
type Holding struct {
	Letter config.Letter
	Roles  []*Role
	People []*Person
}

// Letter is how role takes part in the responsibility, or false when it
// does not.
func (x *Responsibility) Letter(role *Role) (config.Letter, bool) {
	for _, h := range x.Involved {
		if slices.Contains(h.Roles, role) {
			return h.Letter, true
		}
	}
	return config.Letter{}, false
}
