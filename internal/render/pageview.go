package render

import (
	"html/template"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/i18n"
	"github.com/batonhq/baton/internal/markdown"
)

// The contract between a theme and the pages it shows: page.html and
// section.html (with baseof.html and partials.html) receive a PageView,
// plain data made for the one page, and nothing that reaches the rest of
// the site; so do the templates of every other kind (kindviews.go,
// indexviews.go, and the print views' in pages.go). Its fields are
// strings, numbers, bools, template.HTML, and slices, structs and
// pointers of such data; its methods compute from those fields alone. So
// the page's render key is the hash of its view (writeKey): whatever a
// template may read is in the key by construction, whoever wrote the
// template (the print views, which show every body, have none).
// TestPageViewIsData walks the types and holds them to that.

// PageView is what a Markdown page's template receives, and the
// template of a page of any other kind.
type PageView struct {
	// Site is the part of the site every page shows, one value shared
	// by every page of a build.
	Site *SiteView
	// Kind names the template: "page" or "section" for a Markdown page,
	// the kind's name ("tag", "roles", "person", "404", ...) for a page
	// of another kind (which has no Page).
	Kind  string
	Title string
	// URL is the page's site-absolute URL.
	URL         string
	Description string
	Page        *PageData
	// Body is the page's HTML, its links relative to the page.
	Body   template.HTML
	Crumbs []Crumb
	TOC    []markdown.Heading
	// Nav is the sidebar as a tree, its Hrefs relative to the page;
	// Sidebar is the same as HTML.
	Nav []NavItem
	// Translations lists the page in every language of a multilingual
	// handbook (nil in a handbook of one language).
	Translations []Translation
	// PrintURL is where the print view shows the part of the handbook a
	// section's page stands for alone, or "".
	PrintURL   string
	EditURL    string
	HistoryURL string
	Updated    string
	// Canonical is the page's absolute URL when the base URL is absolute.
	Canonical string
	// Feed links to the site's feed of changes, Mermaid to the diagrams'
	// script on a page that draws one; each "" where there is none.
	Feed    string
	Mermaid string
	// Resp is the responsibility a responsibility's page shows (Kind
	// "responsibility"), nil on any other; the partials read it.
	Resp *RespData
	// Role is the role a role's page shows (Kind "role"), nil on any
	// other.
	Role *RoleData
	// Tag is the tag a tag's page shows (Kind "tag"), nil on any other.
	Tag *TagData
	// Absolute is set on 404.html, which a server shows at any depth: its
	// links are made from BasePath, the base URL's path.
	Absolute bool
	BasePath string
	// Path is the reading path a path's page shows, Person the person a
	// person's page shows; each nil on any other.
	Path   *ReadingPath
	Person *PersonData
	// What the indexes list, each set on its own kind of page alone
	// (indexviews.go): the tags with how many pages each has, the roles,
	// the reading paths (on the home page too), the people, the roles
	// with a career ladder, the glossary's terms and the recent changes.
	Tags     []TagCount
	Roles    []RoleCard
	Paths    []ReadingPath
	People   []PersonCard
	Ladders  []Ladder
	Glossary *GlossaryData
	Changes  []Change
	// Stages are the matrix's rows, stage by stage.
	Stages []StageData
	// The print views' parts: Print lists every page of the print view,
	// in order, for its contents; Parts holds the same pages grouped by
	// the part of the handbook they print with; PrintWhole is set on the
	// view that holds the reading paths, the matrix, the glossary and the
	// roles (/print/, always), RolePages those roles as their own pages
	// show them.
	Print      []PrintEntry
	Parts      []PrintPart
	PrintWhole bool
	RolePages  []RoleData
	// Diagram is the conductor diagram, its links from this page, and
	// DiagramText its text alternative, on the roles' index and the home
	// page.
	Diagram     template.HTML
	DiagramText string
	// body and nav are what Body and Nav are made from, which the key
	// hashes instead (navKey writes the sidebar as it will be): the view
	// is made and hashed for every page of a rebuild, its Body and Nav
	// filled only for the pages rendered (finish).
	body bodySource
	nav  navSource
	frame
	// side is Sidebar, made on first use.
	side   template.HTML
	sideOK bool
	// printed maps what a print view may link to (pages, roles,
	// responsibilities, paths) to its place: the print view's URL and the
	// id there (PrintHref). The print views have no key: they show every
	// page's body, and always render.
	printed map[string]printPlace
}

// bodySource is a page's prepared Markdown and where its links lead.
type bodySource struct {
	doc   *markdown.Doc
	hrefs []handbook.Href
}

// navSource is the page whose sidebar a view shows.
type navSource struct {
	site *handbook.Site
	page *handbook.Page
}

// frame is what a view carries for the functions that print it: the
// renderer and the build's cached partials.
type frame struct {
	r *Renderer
	// partials is the build's output of cached partials; inCached counts
	// the cached partials being printed now.
	partials *partials
	inCached int
	// scratch, when set, is where the page's fragments are written
	// while it renders (scratch).
	scratch *scratch
}

// PageData is the page a Markdown page's view shows.
type PageData struct {
	// File is the source path, relative to the site folder.
	File    string
	URL     string
	Title   string
	Summary string
	// Lede is the summary when the page gives one in its front matter.
	Lede             string
	Minutes          int
	Reflect          []string
	Roles            []Link
	Responsibilities []RespLink
	Tags             []TagLink
	Related          []PageLink
	Prev, Next       *PageLink
	Paths            []PathStep
	// Section is the folder the page is in (a section's page: its own).
	// Only a section's page has its Children.
	Section *SectionData
	// Params are the front matter keys baton does not know, in a
	// handbook written for another tool, as YAML decodes them: strings,
	// numbers, bools, and lists and maps of them (the one map of the
	// view, which writeKey hashes in key order).
	Params map[string]any
	Review
}

// Link is a link to a role, an owner, or a step of a reading path.
type Link struct{ URL, Title string }

// PageLink is a link to a page, with its summary.
type PageLink struct{ URL, Title, Summary string }

// RespLink is a link to a responsibility, with its kind.
type RespLink struct{ URL, Title, Kind string }

// TagLink is a link to a tag's page.
type TagLink struct{ URL, Name string }

// TagData is a tag as its page shows it: its name and its pages.
type TagData struct {
	Name, URL string
	Pages     []PageLink
}

// RespData is a responsibility as its page shows it.
type RespData struct {
	ID, URL, Title, Summary, Kind, Stage string
	// KindTitle and StageTitle are its kind's and its stage's titles in
	// the site's words.
	KindTitle, StageTitle string
	// Lead is the role whose file holds it.
	Lead *Link
	// Involved is who holds each letter of the model, in its order.
	Involved []HoldingData
	Pages    []PageLink
	Paths    []PathStep
}

// HoldingData is who holds one letter of a responsibility.
type HoldingData struct {
	Letter LetterData
	Roles  []Link
	People []PersonLink
}

// LetterData is a way of taking part in a responsibility (config.Letter),
// in the words pages show it with.
type LetterData struct {
	ID, Letter, Title, Verb, Holders, Holds, By string
	// Rest is the rest of the verb after the letter (config.Letter.Rest).
	Rest string
}

// RoleData is a role as its page shows it.
type RoleData struct {
	ID, URL, Title, Summary, Part string
	Owns, Influences, Needs       []string
	Review
	// Responsibilities are those the role's file holds, each with who
	// holds the model's other letters.
	Responsibilities []RoleResp
	// Holds are the responsibilities of other roles it takes part in,
	// letter by letter.
	Holds         []HeldData
	Collaborators []Link
	Levels        []LevelData
	People        []PersonCard
	Pages         []PageLink
	Paths         []PathStep
}

// RoleResp is a responsibility a role's file holds, a row of its table.
type RoleResp struct {
	ID, URL, Title, Summary, Kind string
	KindTitle, StageTitle         string
	// Others is who holds each of the model's letters but the first, in
	// its order: nil where no one does.
	Others []*HoldingData
}

// HeldData is what a role holds with one letter.
type HeldData struct {
	Letter           LetterData
	Responsibilities []HeldResp
}

// HeldResp is a responsibility a role takes part in, with its lead.
type HeldResp struct {
	URL, Title, Kind string
	Lead             Link
}

// LevelData is a step of a role's career ladder.
type LevelData struct {
	ID, Title, Summary string
	Expectations       []string
}

// PersonCard is a person as a list of people shows them.
type PersonCard struct{ URL, Name, Title, Photo, Team string }

// PersonLink is a link to a person's page.
type PersonLink struct{ URL, Name string }

// PathStep places the page in a reading path.
type PathStep struct {
	Path  *PathData
	Index int // 0-based
}

// PathData is a reading path as a step's page shows it.
type PathData struct {
	ID, URL, Title string
	Steps          []Link
}

// SectionData is a folder of pages.
type SectionData struct {
	URL, Title string
	Children   []PageLink
}

// Review says who owns a page and when it was last reviewed.
type Review struct {
	Owners   []Link
	Reviewed string
	Due      string
	Overdue  bool
}

// SiteView is the part of the site that every page shows: the
// settings the theme prints, the header's sections and which indexes the
// site has. Jobs makes it once and every page's view points to it.
type SiteView struct {
	Config SiteConfig
	Look   SiteLook
	// Whether the site has these, for the header's and footer's links.
	Roles, People, Responsibilities, Paths, Tags, Glossary, Updates bool
	// TopSections are the sections the header lists.
	TopSections []Link
	// Levels are the roles with a career ladder.
	Levels []Link
	ui     *i18n.Strings
	// words are ui's strings without placeholders as the pages print
	// them, made as writeNative first prints each.
	words *plainWords
	// footer is handbook.yaml's theme footer, resolved for each page
	// from its Root; every page's key hashes it.
	footer *handbook.Body
	// key is the exported fields and the words' key, as writeKey writes
	// them: every page's key starts with it.
	key []byte
}

// SiteConfig is the site's settings as the theme prints them.
type SiteConfig struct {
	Title, Description, Language, BaseURL string
	NoIndex                               bool
	Colours                               config.Colours
	// Model is how the org works: its involvement letters.
	Model ModelData
}

// ModelData is the site's model (config.Model) as the pages of roles
// show it: the involvement letters, in the site's words, the first the
// one a role holds its own responsibilities with.
type ModelData struct {
	Letters []LetterData
	// Preset names the letters' preset, or is "" (config.Model.Preset);
	// Kinds are the kinds of responsibility and Stages the lifecycle's
	// stages, each titled in the site's words (kindTitle, stageTitle).
	Preset string
	Kinds  []Term
	Stages []Term
}

// title is the title of the term id among terms, or id where there is
// none.
func title(terms []Term, id string) string {
	for _, t := range terms {
		if t.ID == id {
			return t.Title
		}
	}
	return id
}

// Term is a kind or a stage of the model, titled in the site's words.
type Term struct{ ID, Title string }

// SiteLook is the site's own logo, favicon, stylesheets and head.
type SiteLook struct {
	Logo, Favicon string
	CSS           []string
	// Head is handbook.yaml's theme head: HTML the site's owner put there.
	Head template.HTML
}

// siteView is the part of site every page shows.
func siteView(site *handbook.Site) *SiteView {
	c := site.Config
	sv := &SiteView{
		Config: SiteConfig{Title: c.Title, Description: c.Description, Language: c.Language, BaseURL: c.BaseURL,
			NoIndex: c.NoIndex, Colours: c.Colours},
		Look:  SiteLook{Logo: site.Look.Logo, Favicon: site.Look.Favicon, CSS: site.Look.CSS, Head: trustedHead(c)},
		Roles: len(site.Roles) > 0, People: len(site.People) > 0, Responsibilities: len(site.Responsibilities) > 0,
		Paths: len(site.Paths) > 0, Tags: len(site.Tags) > 0, Glossary: site.Glossary != nil, Updates: len(site.Updates) > 0,
		TopSections: topSections(site),
		ui:          words(site), words: &plainWords{}, footer: footerBody(site),
	}
	for _, l := range c.Model.Letters {
		sv.Config.Model.Letters = append(sv.Config.Model.Letters, letterData(l))
	}
	sv.Config.Model.Preset = c.Model.Preset
	for _, k := range c.Model.Kinds {
		sv.Config.Model.Kinds = append(sv.Config.Model.Kinds, Term{k.ID, kindTitle(sv.ui, c.Model, k.ID)})
	}
	for _, st := range c.Model.Stages {
		sv.Config.Model.Stages = append(sv.Config.Model.Stages, Term{st.ID, stageTitle(sv.ui, c.Model, st.ID)})
	}
	for _, role := range site.Levels {
		sv.Levels = append(sv.Levels, Link{role.URL, role.Title})
	}
	sv.makeKey()
	return sv
}

// makeKey writes the site's part of every page's key: its exported fields
// and the words' key.
func (sv *SiteView) makeKey() {
	var k keyBytes
	// The struct, not the pointer: writeKey writes a *SiteView as its key.
	writeKey(&k, *sv)
	writeKey(&k, sv.ui.Key())
	sv.key = k
}

// pageView is page p's view, all but what finish makes; trail is the
// breadcrumbs to the page's parent.
func (r *Renderer) pageView(site *handbook.Site, sv *SiteView, p *handbook.Page, kind string, trail []Crumb) *PageView {
	v := &PageView{Site: sv, Kind: kind, Title: p.Title, URL: p.URL, Description: p.Summary, Page: pageData(p, kind),
		PrintURL: pagePrintURL(site, p, kind)}
	v.r = r
	if body := site.Body(p); body.Doc != nil {
		v.body = bodySource{body.Doc, body.Hrefs}
		v.TOC = toc(body.Doc)
		if body.Doc.Diagrams > 0 {
			v.Mermaid = v.rel(r.urls[mermaidPath])
		}
		v.EditURL, v.HistoryURL = fileLinks(site, p.File)
	}
	if p.Updated != 0 {
		v.Updated = sv.ui.Date(time.Unix(p.Updated, 0))
	}
	if p.Nav != nil {
		trail = navCrumbs(site, p)
	}
	v.Crumbs = append(slices.Clip(trail), Crumb{Title: p.Title})
	v.nav = navSource{site, p}
	v.place(site)
	return v
}

// place fills in what every page's view has of the site: its other
// languages, the feed and its canonical address.
func (v *PageView) place(site *handbook.Site) {
	v.Translations = translations(site, v.URL, v.Absolute)
	if hasFeed(site) {
		v.Feed = v.rel("/feed.xml")
	}
	if c := site.Config; strings.Contains(c.BaseURL, "://") && !v.Absolute {
		v.Canonical = strings.TrimSuffix(c.BaseURL, "/") + v.URL
	}
}

// finish makes what the view's key holds the sources of: the Body, from
// the page's prepared Markdown, and the sidebar.
func (v *PageView) finish() {
	if v.body.doc != nil {
		v.Body = resolvedBody(v.scratch, v.body, v.URL, v.rel, v.Site.ui)
	}
	if v.nav.site != nil && v.nav.site.Root != nil {
		v.Nav = sidebar(v.nav.site, v.nav.page)
		linkNav(v.Nav, v.rel)
	}
}

// Rel links from this page to a site-absolute URL. A partial printed with
// cached may not call it: the link it makes depends on the page's
// folder, and cached prints one page's partial on every page of the same
// depth.
func (v *PageView) Rel(u string) (string, error) {
	if err := v.mayLink(".Rel"); err != nil {
		return "", err
	}
	return v.rel(u), nil
}

func (v *PageView) rel(u string) string {
	if v.Absolute {
		return v.BasePath + strings.TrimPrefix(u, "/")
	}
	return Rel(v.URL, u)
}

// Root links from this page to the site's root: "../../" or, for the
// home page, "./". Links written from it ("{{.Root}}roles/") depend only
// on how deep the page is, which lets a theme cache what holds them.
func (v *PageView) Root() string { return v.rel("/") }

// Asset links to a theme asset by name: the renderer's, which the output
// cache is kept by.
func (v *PageView) Asset(name string) string { return v.rel(v.r.urls[name]) }

// Head is handbook.yaml's theme head.
func (v *PageView) Head() template.HTML { return v.Site.Look.Head }

// XDefault is the default language's version of the page for the head's
// hreflang="x-default" link, or "" where it has none.
func (v *PageView) XDefault() string { return xDefault(v.Translations) }

// FooterNote is handbook.yaml's theme footer, its links made from Root.
func (v *PageView) FooterNote() template.HTML { return footerNote(v.Site.footer, v.Root(), v.Site.ui) }

// Sidebar is Nav as HTML, or "" for a view without a sidebar. It is
// written in Go rather than by a template: the sidebar is most of each
// page's markup, and printing it through html/template's reflective
// escapers was half of the time spent rendering a page. Its escaping is
// html/template's, byte for byte (TestSidebarMatchesTemplate).
func (v *PageView) Sidebar() template.HTML {
	if !v.sideOK {
		v.side, v.sideOK = navHTML(v.scratch, v.Nav), true
	}
	return v.side
}

// executePage renders a page's view: in Go where writeNative prints
// its template's bytes, else with its template.
func (r *Renderer) executePage(w io.Writer, v *PageView) error {
	if r.writesNative(v) {
		return r.writeNative(w, v)
	}
	t, err := r.page(v)
	if err != nil {
		return err
	}
	return t.ExecuteTemplate(w, "layouts/"+v.Kind+".html", v)
}
