package handbook

import (
	"cmp"
	"fmt"
	"html"
	"math"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/source"
	"github.com/batonhq/baton/internal/strictyaml"
	"golang.org/x/text/unicode/norm"
)

// Options change how a site resolves.
type Options struct {
	// Drafts includes pages marked draft.
	Drafts bool
	// LinkOnAllCores resolves the pages' links on all cores (linkPages),
	// as builds do; linking on one is the reference the tests hold it to.
	// (A one-off build once linked on one: the Href strings made on
	// several goroutines at once spread over more of the heap's spans,
	// and its peak came 5 to 8 MB higher; its peak is now in the search
	// index's, which linking does not move.)
	LinkOnAllCores bool
	// Dates maps source paths to the Unix time of their last commit.
	Dates map[string]int64
	// Home is the source path of the page that is the home page where
	// content/ has no _index.md or index.md of its own: the first page a
	// navigation file names, which its tool publishes at the site's root
	// whatever its name (Jupyter Book's root:, layout.Layout.Home). ""
	// leaves the home page to sectionFiles.
	Home string
	// URLFirst reads a link that ends in / as a URL of the site before a
	// source folder, as the tools that publish each page as a folder of
	// its own do (Jekyll, Hugo, MkDocs: layout.Kind.PublishesFolders):
	// ../x/ on the page /a/b/ is /a/x/, whatever folder its file is in.
	// Elsewhere (a git host, mdBook) x/ is the folder beside the file.
	URLFirst bool
	// Permalinks publishes a page whose front matter gives it a URL of
	// its own (Jekyll's and Eleventy's permalink:, Hugo's url:) at that
	// URL, as its tool does (layout.Kind.Permalinks): the URL its readers
	// and other sites know, and the one its relative links were written
	// from. Its baton URL redirects there. Elsewhere the permalink only
	// redirects to the page.
	Permalinks bool
	// FolderURLs gives the URL of the pages of a folder (a source path,
	// content/_articles) that its tool publishes elsewhere than at the
	// folder's name (a Jekyll collection's permalink: /:path/ puts
	// _articles/ar/x.md at /ar/x/: "/"); its subfolders follow it.
	FolderURLs map[string]string
	// Nav is the order and titles a navigation file gives (mkdocs.yml's
	// nav, SUMMARY.md), by source path ("content/guide/setup.md", or a
	// folder for its page): listed pages come first, in its order; a page
	// without a title of its own takes the one it gives.
	Nav map[string]NavEntry
	// NavTree is the same navigation as a tree, captions included: where
	// it is given, the site's Nav follows it (Site.Nav).
	NavTree []NavSource
	// Moves are the redirects the layout's settings declare.
	Moves []Move
	// Renames are the renames of source files in git's history, newest
	// first: each old URL redirects where nothing else has it.
	Renames []Rename
	// Changes are the newest changes to source files in git's history,
	// newest first (Site.Updates).
	Changes []Change
	// Today is the Unix time of the day reviews are due against (review);
	// 0 leaves every review undated. Stale reports what is due for
	// review as warnings (baton check --stale).
	Today int64
	Stale bool
	// Footer is handbook.yaml's theme footer, prepared; its links resolve
	// as a link on the home page does (Site.Footer).
	Footer *markdown.Doc
	// Show names a source path in a diagnostic's message: the site's own
	// path, where the build reads the site through its layout (the files
	// of an MkDocs site in docs/ are content/ to the resolver). Nil shows
	// paths as they are.
	Show func(file string) string
	// NumberPrefixes strips a number prefix from file and folder names
	// (01_intro.md is intro), which orders what gives no weight, as
	// Docusaurus does (layout.Layout.NumberPrefixes).
	NumberPrefixes bool
	// Docusaurus reads the pages as Docusaurus does (docusaurus.go): a
	// page's id: is the last segment of its URL where no slug: gives one,
	// and the navigation (Nav, NavTree) and Folders name pages by their
	// doc ids; a slug: may be a path, from the site's root when it
	// starts with /, else from the page's folder; sidebar_label is the
	// sidebar's title for the page (Page.NavTitle); and pages and folders
	// that no position orders come after those it does, as in its
	// sidebars.
	Docusaurus bool
	// Folders are what the layout's settings say of folders of pages
	// (Docusaurus' _category_ files), by source path (content/guides).
	Folders map[string]Folder
	// URLPrefixes are the paths, each with a slash at both ends, that links
	// written as URLs of the tool's site may start with before the path
	// baton gives the page, in the order they stand (a Docusaurus site's
	// baseUrl, /docs/, and its routeBasePath where its docs are all the
	// site: layout.Layout.BaseURL, RootURL); byURL leaves each out.
	URLPrefixes []string
	// LinkRoot is the source folder from which the tool reads a link to a
	// file that starts with / where the site's root has no such file
	// (layout.Layout.LinkRoot: Docusaurus' content/docs); "" for none.
	LinkRoot string
	// Virtual, in one language of a multilingual handbook, maps a site
	// path back to the path the resolver reads it as (layout.Virtual):
	// relative links are followed from the page's own place in the site
	// folder, so content/de/x.md reaches the shared content/static/ as
	// ../static/, as an editor previewing the file reads it; a link into
	// another language's folder is an error. Nil follows links from the
	// paths as read.
	Virtual func(file string) (string, bool)
}

// Generated URLs that no source may take.
var reservedURLs = map[string]string{
	"/roles/":            "the roles index",
	"/responsibilities/": "the responsibility matrix",
	"/paths/":            "the reading paths index",
	"/people/":           "the people index",
	"/levels/":           "the career levels",
	"/tags/":             "the tags index",
	"/search/":           "the search page",
	"/print/":            "the print view",
	"/404.html":          "the not-found page",
	"/sitemap.xml":       "the sitemap",
	"/robots.txt":        "robots.txt",
	"/changes/":          "the recently updated page",
	"/feed.xml":          "the feed of changes",
	"/handbook.json":     "the handbook's model as JSON",
	"/_baton/":           "baton's theme assets",
}

type resolver struct {
	cfg    config.Config
	opts   Options
	diags  diag.List
	site   *Site
	urls   map[string]string // URL → what claimed it (a file, or a description)
	pages  map[string]*Page  // source file → page
	parsed map[string]*ParsedPage
	drafts map[string]bool
	dirs   map[string]*Section // content dir → section
	roles  map[string]*Role
	resps  map[string]*Responsibility
	paths  map[string]*Path
	static map[string]*Static
	tags   map[string]*Tag
	slugs  map[string]string // a tag as written → TagSlug
	// targets maps a source path to the URL of what it became.
	roleFiles  map[string]*Role
	pathExists map[string]bool
	// people and personFiles find people by id and by file.
	people      map[string]*Person
	personFiles map[string]*Person
	// files finds what a broken link meant; made on the first one.
	files *fileIndex
	// index maps a folder to the file that is its page (sectionFiles).
	index map[string]string
	// linked lists the static files a page links to.
	linked map[string]bool
	// urlFiles maps the URLKey of each URL the site publishes from a
	// source to that source (a file, or a folder for a section without a
	// page), for links written as URLs (byURL).
	urlFiles map[string]string
	// sendOn lists the pages that are redirects (redirect_to); sentOn
	// maps each one's file to its URL.
	sendOn []sendOn
	sentOn map[string]string
	// glossary is content/glossary.yaml, parsed, or nil.
	glossary *ParsedGlossary
	// dirPage's file is in the folder dir: the last page whose links
	// were resolved, which find asks about once a link.
	dirPage *Page
	dir     string
	// wikiNames maps a file name, in lower case, to the pages and static
	// files of that name, for wiki links; made on the first one.
	wikiNames map[string][]string
	// movedFrom maps the file of each page published at its permalink
	// (Options.Permalinks) to the URL it would have had.
	movedFrom map[string]string
	// labels maps each MyST label, in lower case, to where it leads
	// (mystLabels); nil where no page has one.
	labels map[string]label
	// found, when set, collects the roles a page's links lead to, where
	// link would add the page to each role's pages (linkPages).
	found *[]*Role
}

// sectionFiles picks each folder's page among its Markdown files:
// _index.md (baton's and Hugo's), else index.md (MkDocs'), else README.md
// (GitHub's and GitBook's), in any case and with any page extension, and
// where the tool orders files by number prefixes, after the prefix. The
// home page, where one is named (Options.Home), is content/'s page in
// place of a README.md, which its tool publishes as a page of its own.
func sectionFiles(pages []*Parsed, strict bool, home string, numbers bool) map[string]string {
	rank := func(file string) int {
		stem := pageStem(path.Base(file), strict)
		if m := numberPrefix.FindString(stem); numbers && m != "" && len(m) < len(stem) {
			stem = stem[len(m):] // Nuxt Content's 1.index.md
		}
		switch strings.ToLower(stem) {
		case "_index":
			return 1
		case "index":
			return 2
		case "readme":
			return 3
		}
		return 0
	}
	index := map[string]string{}
	dirs := map[string]bool{}
	for _, f := range pages {
		dir := path.Dir(f.File)
		for d := dir; d != "." && !dirs[d]; d = path.Dir(d) {
			dirs[d] = true
		}
		if k := rank(f.File); k > 0 && (index[dir] == "" || k < rank(index[dir])) {
			index[dir] = f.File
		}
	}
	if home != "" && path.Dir(home) == "content" && (index["content"] == "" || rank(index["content"]) == 3) &&
		slices.ContainsFunc(pages, func(f *Parsed) bool { return f.File == home }) {
		index["content"] = home
	}
	// A page beside a folder of its name, with no page of its own, is the
	// folder's page (x.md beside x/, as GitBook and Next.js sites have).
	for _, f := range pages {
		own := pageStem(f.File, strict)
		if dirs[own] && index[own] == "" {
			index[own] = f.File
		}
	}
	return index
}

// Resolve builds the Site from every parsed content file. files must be
// sorted by path. The returned diagnostics include each file's own.
func Resolve(cfg config.Config, files []*Parsed, opts Options) (*Site, diag.List) {
	r := &resolver{
		cfg: cfg, opts: opts,
		site:        &Site{Config: cfg},
		urls:        map[string]string{},
		pages:       map[string]*Page{},
		parsed:      map[string]*ParsedPage{},
		drafts:      map[string]bool{},
		dirs:        map[string]*Section{},
		roles:       map[string]*Role{},
		resps:       map[string]*Responsibility{},
		paths:       map[string]*Path{},
		static:      map[string]*Static{},
		tags:        map[string]*Tag{},
		slugs:       map[string]string{},
		roleFiles:   map[string]*Role{},
		pathExists:  map[string]bool{},
		linked:      map[string]bool{},
		sentOn:      map[string]string{},
		people:      map[string]*Person{},
		personFiles: map[string]*Person{},
		urlFiles:    map[string]string{URLKey("/roles/"): "content/roles", URLKey("/paths/"): "content/paths"},
	}
	for u, what := range reservedURLs {
		r.urls[URLKey(u)] = what
	}
	pageFiles, roleFiles, pathFiles, staticFiles, personFiles := r.classify(files)
	r.claimGlossary()
	r.root()
	r.index = sectionFiles(pageFiles, cfg.Strict, opts.Home, opts.NumberPrefixes)
	r.docusaurus(pageFiles)
	for _, f := range pageFiles {
		r.addPage(f)
	}
	r.siteTitle()
	// Static files claim their URLs after the pages: a page keeps its URL
	// where a file beside it of the same name (OWNERS beside owners.md)
	// would take it.
	for _, f := range staticFiles {
		r.addStatic(f)
	}
	r.makeSectionPages()
	r.permalinks(pageFiles)
	r.look()
	for _, f := range roleFiles {
		r.addRole(f)
	}
	r.sortRoles()
	for _, f := range personFiles {
		r.addPerson(f)
	}
	for _, f := range personFiles {
		r.linkPerson(f)
	}
	for _, f := range roleFiles {
		r.linkRole(f)
	}
	r.redirects(pageFiles)
	r.glossaryAliases()
	r.mystLabels(pageFiles)
	r.linkPages(pageFiles)
	r.footer()
	r.linkGlossary()
	for _, f := range pathFiles {
		r.addPath(f)
	}
	r.warnUnused(roleFiles)
	r.dropUnlinked()
	r.navigation()
	r.navTree()
	r.sortPeople()
	r.updates()
	r.finish()
	r.site.r = r
	return r.site, r.diags
}

// classify sorts the files by kind, gathering their own diagnostics and
// setting drafts aside.
func (r *resolver) classify(files []*Parsed) (pageFiles, roleFiles, pathFiles, staticFiles, personFiles []*Parsed) {
	for _, f := range files {
		r.diags.Append(f.Diags)
		switch f.Kind {
		case KindPage:
			if f.Page == nil {
				continue
			}
			if f.Page.FrontMatter.Draft && !r.opts.Drafts {
				r.drafts[f.File] = true
				continue
			}
			pageFiles = append(pageFiles, f)
		case KindRole:
			if f.Role != nil {
				roleFiles = append(roleFiles, f)
			}
		case KindPath:
			if f.Path != nil {
				pathFiles = append(pathFiles, f)
			}
			r.pathExists[f.File] = true
			r.urlFiles[URLKey("/paths/"+strings.TrimSuffix(path.Base(f.File), path.Ext(f.File))+"/")] = f.File
		case KindStatic:
			staticFiles = append(staticFiles, f)
		case KindPerson:
			if f.Person != nil {
				personFiles = append(personFiles, f)
			}
		case KindGlossary:
			r.glossary = f.Glossary
		}
	}
	return pageFiles, roleFiles, pathFiles, staticFiles, personFiles
}

// NavEntry is where a navigation file lists a page: its place in the
// order, from 1, and the title it gives, if any.
type NavEntry struct {
	Order int
	Title string
}

// NavSource is an entry of a navigation file: a page by its source path
// (a folder's path for its page), or a caption (File "") over its
// children.
type NavSource struct {
	Title string
	File  string
	// Part marks a caption shown open (NavNode.Part).
	Part     bool
	Children []NavSource
}

// navWeight is the weight of a page the navigation file does not list:
// after every one it lists.
const navWeight = 1 << 24

// fromNav applies the navigation file's order and title to page p, read
// from file f.
func (r *resolver) fromNav(p *Page, f *Parsed) {
	if r.opts.Nav == nil {
		return
	}
	e, ok := r.opts.Nav[f.File]
	if !ok && p.IsSection {
		e, ok = r.opts.Nav[p.Section.Dir]
	}
	if !ok {
		p.Weight = navWeight + p.Weight
		return
	}
	p.Weight = e.Order
	if p.Title == "" {
		p.Title = e.Title
	}
}

// show names a source path in a message (Options.Show).
func (r *resolver) show(file string) string {
	if r.opts.Show == nil {
		return file
	}
	return r.opts.Show(file)
}

// claim records that what produces url, reporting a clash with an earlier
// claim that names both sources. URLs clash when their keys do (URLKey):
// two files that differ only in case or Unicode normal form would
// overwrite each other on a case-insensitive or normalising file system.
func (r *resolver) claim(url, what string, pos diag.Pos) bool {
	key := URLKey(url)
	if prev, ok := r.urls[key]; ok {
		if !r.cfg.Strict {
			// Handbooks written for other tools have such pairs (x.md
			// beside x/README.md): the first is published.
			r.diags = append(r.diags, diag.Diagnostic{Pos: pos, Severity: diag.Warning, Code: diag.URLClash,
				Message: fmt.Sprintf("%s and %s both map to the URL %s; %s is left out", r.showWhat(what), r.showWhat(prev), url, r.showWhat(what))})
			return false
		}
		r.diags.Errorf(pos, "%s and %s both map to the URL %s", r.showWhat(what), r.showWhat(prev), url)
		return false
	}
	r.urls[key] = what
	return true
}

// dropUnlinked leaves out of a handbook written for another tool the files
// beside its pages that are neither assets (images, documents) nor linked
// from a page: the code, data and settings of the repository it lives in.
// A baton handbook publishes everything in content/.
func (r *resolver) dropUnlinked() {
	if r.cfg.Strict {
		return
	}
	r.site.Static = slices.DeleteFunc(r.site.Static, func(s Static) bool {
		return !source.IsAsset(path.Base(s.File)) && !r.linked[s.File]
	})
}

// showWhat names what claimed a URL in a message: a source path, "the
// section" and a folder, or a description.
func (r *resolver) showWhat(what string) string {
	for _, prefix := range []string{"the section ", "an alias in ", "a redirect in "} {
		if rest, ok := strings.CutPrefix(what, prefix); ok {
			return prefix + r.show(rest)
		}
	}
	if strings.HasPrefix(what, "content") {
		return r.show(what)
	}
	return what
}

// URLKey is what two URLs or output paths that land on one file have in
// common: the NFC form, lower-cased, without a trailing slash (a file
// "/a" and a folder "/a/" cannot both exist).
func URLKey(u string) string {
	return strings.TrimSuffix(strings.ToLower(norm.NFC.String(u)), "/")
}

func (r *resolver) addStatic(f *Parsed) {
	rel := strings.TrimPrefix(f.File, "content/")
	rel = strings.TrimPrefix(rel, "static/")
	// GitBook's .gitbook/assets is published as gitbook/assets: some
	// static hosts serve no path with a dot folder in it.
	rel = strings.ReplaceAll("/"+rel, "/"+source.GitBookAssets+"/", "/"+strings.TrimPrefix(source.GitBookAssets, ".")+"/")[1:]
	if !safeURLPath(rel) {
		if !r.renames(rel) {
			r.diags.Errorf(diag.Pos{File: f.File}, "file name %q cannot be published safely", rel)
			return
		}
		// A file of a site written for another tool (a test's fixture
		// named a#b.txt) is published as a page would be, under a name
		// with hyphens, rather than failing the build.
		r.diags.Warnf(diag.Pos{File: f.File}, "file name %q cannot be a URL; the file is at /%s", rel, urlName(rel))
		rel = urlName(rel)
	}
	u := "/" + norm.NFC.String(rel)
	if !r.claim(u, f.File, diag.Pos{File: f.File}) {
		return
	}
	s := &Static{File: f.File, URL: u, Size: f.Size}
	r.static[f.File] = s
	r.urlFiles[URLKey(u)] = f.File
	r.site.Static = append(r.site.Static, *s)
}

// safeURLPath reports whether every segment of p is a name that stays in
// place: valid UTF-8, no empty, "." or ".." segment, no backslash or
// control character, and none of "?", "#" or "%", which a browser would
// read as a query, a fragment or an escape rather than as the name.
func safeURLPath(p string) bool {
	if !utf8.ValidString(p) {
		return false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == "" || seg == "." || seg == ".." || strings.ContainsAny(seg, "\\\x00?#%") {
			return false
		}
		for _, c := range seg {
			if c < 0x20 || c == 0x7f {
				return false
			}
		}
	}
	return true
}

func (r *resolver) root() {
	s := &Section{Dir: "content", URL: "/", Title: r.cfg.Title}
	r.dirs["content"] = s
	r.site.Root = s
}

// siteTitle names a site whose settings give no title (one without
// handbook.yaml) after its home page, or config.DefaultTitle.
func (r *resolver) siteTitle() {
	if r.cfg.Title != "" {
		return
	}
	t := config.DefaultTitle
	if h := r.site.Home; h != nil && h.Title != "" {
		t = h.Title
	}
	r.cfg.Title, r.site.Config.Title = t, t
	if r.site.Root.Title == "" {
		r.site.Root.Title = t
	}
	if h := r.site.Home; h != nil && h.Title == "" {
		h.Title = t
	}
}

// section returns the section for a content folder, creating it and its
// parents.
func (r *resolver) section(dir string) *Section {
	if s, ok := r.dirs[dir]; ok {
		return s
	}
	parent := r.section(path.Dir(dir))
	base, order := r.numbered(path.Base(dir))
	name := strings.ToLower(norm.NFC.String(base))
	if !safeURLPath(name) && r.renames(name) {
		name = urlName(name)
		r.diags.Warnf(diag.Pos{File: dir}, "folder name %q cannot be a URL; its pages are at %s%s/", path.Base(dir), parent.URL, name)
	}
	s := &Section{Dir: dir, URL: parent.URL + name + "/", Parent: parent, Depth: parent.Depth + 1, Title: TitleFromName(base, false), Weight: order}
	if f, ok := r.opts.Folders[dir]; ok {
		s.Title, s.Weight = cmp.Or(f.Label, s.Title), cmp.Or(f.Weight, s.Weight)
	}
	s.Weight = r.unplaced(s.Weight)
	if u, ok := r.opts.FolderURLs[dir]; ok {
		if u == parent.URL {
			// Its pages are published as its parent's: the folder is
			// no section of its own.
			r.dirs[dir] = parent
			return parent
		}
		s.URL = u
	}
	parent.Sections = append(parent.Sections, s)
	r.dirs[dir] = s
	return s
}

func (r *resolver) addPage(f *Parsed) {
	fm := f.Page.FrontMatter
	dir, base := path.Split(f.File)
	dir = strings.TrimSuffix(dir, "/")
	if own := pageStem(f.File, r.cfg.Strict); r.index[own] == f.File {
		dir = own // the page of the folder beside it (sectionFiles)
	}
	if rel, ok := strings.CutPrefix(dir, "content/"); ok && !safeURLPath(rel) && !r.renames(rel) {
		r.diags.Errorf(diag.Pos{File: f.File}, "folder name %q cannot be a URL", rel)
		return
	}
	sec := r.section(dir)
	p := &Page{
		File: f.File, Title: strings.TrimSpace(fm.Title.Value), Summary: cmp.Or(strings.TrimSpace(fm.Summary), strings.TrimSpace(fm.Description)),
		Weight: fm.Weight, Reflect: fm.Reflect, Draft: fm.Draft, Doc: f.Page.Doc, Section: sec,
		Updated: r.opts.Dates[f.File], Params: params(fm.Params), TranslationKey: strings.TrimSpace(fm.TranslationKey),
	}
	// A page that opens with its title as a level-1 heading (as pages
	// written for GitHub do) takes it as its title when the front matter
	// gives none, and shows it once, above the body, either way.
	// A heading that is only another tool's template tag printed the
	// title there (<%= current_page.data.title %>, {{ .Title }}): it
	// is left out, and is no title.
	if lead := p.Doc.LeadTitle(); lead != "" && (p.Title == "" || p.Title == lead) && !markdown.TemplateTitle(lead) {
		p.Title, p.Doc = lead, p.Doc.WithoutLeadTitle()
	} else if markdown.TemplateTitle(lead) {
		p.Doc = p.Doc.WithoutLeadTitle()
	}
	if p.Weight == 0 && !r.cfg.Strict {
		p.Weight = sidebarPosition(p.Params["sidebar_position"])
	}
	if r.opts.Docusaurus {
		p.NavTitle = frontParam(fm, "sidebar_label")
	}
	p.Lede = p.Summary
	if p.Summary == "" {
		p.Summary = leadSummary(p.Doc)
	}
	p.Minutes = readingMinutes(p.Doc)
	// A folder published at its parent's URL (FolderURLs) may hold the
	// parent's page: Docusaurus' docs at the site's root.
	p.IsSection = r.index[dir] == f.File || r.index[sec.Dir] == f.File
	if p.IsSection {
		p.Section = sec
	}
	r.fromNav(p, f)
	if !r.placePage(p, fm, base) {
		return
	}
	r.folderPage(p)
	pos := fm.Pos
	if pos.File == "" {
		pos = diag.Pos{File: f.File, Line: 1, Col: 1}
	}
	if fm.RedirectTo.Value != "" {
		// Not a page: a redirect at its URL (redirects), and a link to
		// its file leads there.
		r.sendOn = append(r.sendOn, sendOn{page: p, to: fm.RedirectTo})
		r.sentOn[f.File] = p.URL
		return
	}
	// A page whose URL another file has is in no list: not its folder's,
	// not the site's.
	if !r.claim(p.URL, f.File, pos) {
		return
	}
	if p.IsSection {
		r.sectionPage(sec, p)
	} else {
		sec.Pages = append(sec.Pages, p)
	}
	r.pages[f.File] = p
	r.parsed[f.File] = f.Page
	r.urlFiles[URLKey(p.URL)] = f.File
	r.site.Pages = append(r.site.Pages, p)
}

// sectionPage makes p the page of its folder's section sec.
func (r *resolver) sectionPage(sec *Section, p *Page) {
	sec.Page = p
	sec.Title, sec.Summary, sec.Weight = p.Title, p.Summary, p.Weight
	if f := r.opts.Folders[sec.Dir]; f.Label != "" {
		// Docusaurus' breadcrumbs name a category by its label, as its
		// sidebar does, not by its page's title.
		sec.Title = f.Label
	}
	if sec.Parent == nil {
		r.site.Home = p
	}
}

// placePage gives page p its URL and, when neither gives one, its title:
// a section's page stands at its folder's URL, any other page at its
// file's name (or slug) inside it. It reports false, with the problem,
// when the name cannot be a URL.
func (r *resolver) placePage(p *Page, fm FrontMatter, base string) bool {
	sec := p.Section
	if p.IsSection {
		if fm.Slug.Value != "" && !r.opts.Docusaurus {
			r.slugProblem(fm.Slug.Pos, "slug is for pages; a section's URL comes from its folder name")
		}
		p.URL = sec.URL
		if p.Title == "" {
			p.Title = sec.Title
		}
		if p.Weight == 0 {
			p.Weight = sec.Weight // its folder's number prefix
		}
		return true
	}
	stem, order := r.numbered(pageStem(base, r.cfg.Strict))
	if p.Weight == 0 {
		p.Weight = r.unplaced(order)
	}
	if p.Title == "" {
		p.Title = TitleFromName(stem, false)
	}
	name := strings.ToLower(norm.NFC.String(stem))
	if id := frontParam(fm, "id"); r.opts.Docusaurus && ValidSlug(id) {
		name = strings.ToLower(id) // the doc's id names it where no slug does
	}
	switch {
	case r.opts.Docusaurus && strings.Contains(fm.Slug.Value, "/"):
		// A path: the page moves there with the permalinks (slugURL).
	case fm.Slug.Value != "":
		if !ValidSlug(fm.Slug.Value) {
			r.slugProblem(fm.Slug.Pos, fmt.Sprintf("slug %q must be one URL segment of letters, digits, hyphens, underscores or dots, not . or ..", fm.Slug.Value))
		} else {
			name = strings.ToLower(fm.Slug.Value)
		}
	}
	if !safeURLPath(name) {
		if !r.renames(name) {
			r.diags.Errorf(diag.Pos{File: p.File}, "file name %q cannot be a URL", base)
			return false
		}
		name = urlName(name)
		r.diags.Warnf(diag.Pos{File: p.File}, "file name %q cannot be a URL; the page is at %s", base, strings.TrimSuffix(sec.URL, "/")+"/"+name+"/")
	}
	p.URL = strings.TrimSuffix(sec.URL, "/") + "/" + name + "/"
	return true
}

// params is the front matter keys baton does not know, by name.
func params(extra []strictyaml.Extra) map[string]any {
	if len(extra) == 0 {
		return nil
	}
	m := make(map[string]any, len(extra))
	for _, e := range extra {
		m[e.Key] = e.Value
	}
	return m
}

// summaryBytes is about the longest summary made from a page's first
// paragraph; Shorten reads one byte more than that of the paragraph, which
// the Doc keeps (markdown.LeadBytes is more).
const summaryBytes = 180

// leadSummary is the summary of a page whose front matter gives none.
func leadSummary(d *markdown.Doc) string { return Shorten(d.Lead, summaryBytes) }

// readingMinutes is a page's reading time, at 220 words a minute.
func readingMinutes(d *markdown.Doc) int { return max(1, (d.Words+219)/220) }

// numberPrefix matches the number that prefixes a file or folder name
// in Docusaurus (01_intro, 2-guides, 3. faq), and its separator.
var numberPrefix = regexp.MustCompile(`^(\d+)\s*[-_.]+\s*`)

// numbered is a file or folder name without its number prefix, and that
// number, where the site's tool strips it (Options.NumberPrefixes); the
// name as it is, and 0, otherwise or when nothing would be left.
func (r *resolver) numbered(name string) (string, int) {
	m := numberPrefix.FindStringSubmatch(name)
	if !r.opts.NumberPrefixes || m == nil || len(m[0]) == len(name) {
		return name, 0
	}
	n, err := strconv.Atoi(m[1])
	if err != nil || n > math.MaxInt32 {
		n = 0
	}
	return name[len(m[0]):], n
}

// sidebarPosition is the weight Docusaurus' sidebar_position gives a page
// (which its sidebars order by when no file lists the pages), or 0.
func sidebarPosition(v any) int {
	switch v := v.(type) {
	case int:
		return v
	case int64:
		return int(v)
	case uint64:
		return int(min(v, math.MaxInt32))
	case float64:
		return int(math.Round(max(min(v, math.MaxInt32), math.MinInt32)))
	}
	return 0
}

// slugProblem reports a slug baton cannot follow: an error in a baton
// handbook; in one written for another tool (Docusaurus gives an index
// page a slug, or a whole path as one), a warning, and the page keeps the
// URL its file gives it.
func (r *resolver) slugProblem(pos diag.Pos, msg string) {
	if r.cfg.Strict {
		r.diags.Errorf(pos, "%s", msg)
		return
	}
	r.diags.Warnf(pos, "%s; the page keeps the URL of its file", msg)
}

// renames reports whether a folder or file name that cannot be a URL as
// it stands is published under urlName's name: in a handbook written for
// another tool, whose files are named for that tool's rules (a page
// called %.md), as long as the name is UTF-8.
func (r *resolver) renames(name string) bool {
	return !r.cfg.Strict && utf8.ValidString(name)
}

// urlName makes a slash-separated path of UTF-8 names into one every
// segment of which can stand in a URL (safeURLPath): the characters a URL
// gives a meaning of its own, and control characters, become hyphens, and
// a segment that is empty, . or .. becomes a hyphen.
func urlName(p string) string {
	segs := strings.Split(p, "/")
	for i, seg := range segs {
		seg = strings.Map(func(c rune) rune {
			if c < 0x20 || c == 0x7f || strings.ContainsRune("\\?#%", c) {
				return '-'
			}
			return c
		}, seg)
		if seg == "" || seg == "." || seg == ".." {
			seg = "-"
		}
		segs[i] = seg
	}
	return strings.Join(segs, "/")
}

// ValidSlug reports whether s can stand as the last segment of a URL.
func ValidSlug(s string) bool {
	if s == "" || s == "." || s == ".." || len(s) > 200 {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

// makeSectionPages gives every section without an _index.md a page of its
// own, so each section has a URL that lists it.
func (r *resolver) makeSectionPages() {
	for _, dir := range sortedKeys(r.dirs) {
		s := r.dirs[dir]
		if s.Page != nil {
			continue
		}
		p := &Page{File: s.Dir + "/_index.md", Title: s.Title, URL: s.URL, Section: s, IsSection: true, Minutes: 1, Weight: s.Weight}
		r.folderPage(p)
		if r.opts.Nav != nil {
			// A folder the navigation file lists (a group of pages), or
			// else where its first listed page is.
			p.Weight = minWeight(s)
			if e, ok := r.opts.Nav[s.Dir]; ok {
				p.Weight = e.Order
				if e.Title != "" {
					p.Title, s.Title = e.Title, e.Title
				}
			}
			s.Weight = p.Weight
		}
		if s.Parent == nil {
			p.Title = r.cfg.Title
			p.Summary = r.cfg.Description
			r.site.Home = p
		}
		s.Page = p
		if owner, taken := r.urls[URLKey(p.URL)]; taken && r.pages[owner] != nil {
			// A page has the folder's URL (its own page lost it to that
			// one, reported with both): that page stands for the folder.
			continue
		}
		if !r.claim(p.URL, "the section "+s.Dir, diag.Pos{File: s.Dir}) {
			continue
		}
		r.urlFiles[URLKey(p.URL)] = s.Dir
		r.site.Pages = append(r.site.Pages, p)
	}
}

// minWeight is the least weight of a page in section s or below it.
func minWeight(s *Section) int {
	w := navWeight * 2
	for _, p := range s.Pages {
		w = min(w, p.Weight)
	}
	for _, sub := range s.Sections {
		if sub.Page != nil {
			w = min(w, sub.Page.Weight)
		} else {
			w = min(w, minWeight(sub))
		}
	}
	return w
}

func (r *resolver) addRole(f *Parsed) {
	pr := f.Role
	d := pr.Data
	role := &Role{
		ID: pr.ID, File: f.File, Title: strings.TrimSpace(d.Title.Value), Summary: strings.TrimSpace(d.Summary.Value),
		Part: d.Part, Weight: d.Weight, Owns: d.Owns, Influences: d.Influences, Needs: d.Needs,
		URL: "/roles/" + pr.ID + "/", Updated: r.opts.Dates[f.File],
	}
	if prev, ok := r.roles[pr.ID]; ok {
		r.diags.Errorf(d.Pos, "role id %q is also defined by %s", pr.ID, prev.File)
		return
	}
	if !r.claim(role.URL, f.File, d.Pos) {
		return
	}
	r.roles[pr.ID] = role
	r.roleFiles[f.File] = role
	r.urlFiles[URLKey(role.URL)] = f.File
	r.site.Roles = append(r.site.Roles, role)
	for _, rf := range d.Responsibilities {
		id := rf.ID.Value
		if id == "" {
			continue
		}
		if !ValidID(id) {
			r.diags.Errorf(rf.ID.Pos, "responsibility id %q must be lower-case words joined by hyphens", id)
			continue
		}
		if prev, ok := r.resps[id]; ok {
			r.diags.Errorf(rf.ID.Pos, "responsibility id %q is already used at %s", id, prev.Pos)
			continue
		}
		resp := &Responsibility{
			ID: id, Title: strings.TrimSpace(rf.Title.Value), Kind: rf.Kind.Value, Stage: rf.Stage.Value,
			Summary: strings.TrimSpace(rf.Summary), Lead: role, URL: "/responsibilities/" + id + "/", Pos: rf.ID.Pos,
		}
		r.inModel("kind", rf.Kind, r.cfg.Model.KindIDs())
		r.inModel("stage", rf.Stage, r.cfg.Model.StageIDs())
		if !r.claim(resp.URL, fmt.Sprintf("responsibility %q in %s", id, f.File), rf.ID.Pos) {
			continue
		}
		r.resps[id] = resp
		role.Responsibilities = append(role.Responsibilities, resp)
		r.site.Responsibilities = append(r.site.Responsibilities, resp)
	}
}

// warnUnused warns about roles and responsibilities that no page names:
// their pages would list no playbooks, which is usually an oversight. It
// runs after every page is linked, and only when there are no errors: an
// unresolved reference would make a role look unused. (A page that nothing
// reaches cannot happen: every page is in its section's navigation.)
func (r *resolver) warnUnused(roleFiles []*Parsed) {
	if r.diags.HasErrors() {
		return
	}
	for _, f := range roleFiles {
		role := r.roleFiles[f.File]
		if role == nil {
			continue
		}
		if len(role.Pages) == 0 {
			r.diags.Warnf(diag.Pos{File: f.File, Line: 1, Col: 1}, "role %q has no playbooks: no page lists it in roles or links to it", role.ID)
		}
		for _, resp := range role.Responsibilities {
			if len(resp.Pages) == 0 {
				r.diags.Warnf(resp.Pos, "responsibility %q has no playbooks: no page lists it in responsibilities", resp.ID)
			}
		}
	}
}

func (r *resolver) sortRoles() {
	slices.SortStableFunc(r.site.Roles, func(a, b *Role) int {
		return cmp.Or(cmp.Compare(a.Weight, b.Weight), cmp.Compare(a.Title, b.Title), cmp.Compare(a.ID, b.ID))
	})
}

// lookupRole finds a role by id, reporting a miss with a suggestion.
func (r *resolver) lookupRole(ref strictyaml.Str, where string) *Role {
	if role, ok := r.roles[ref.Value]; ok {
		return role
	}
	r.diags.Errorf(ref.Pos, "unknown role %q in %s%s", ref.Value, where, diag.DidYouMean(ref.Value, sortedKeys(r.roles)))
	return nil
}

func (r *resolver) lookupResponsibility(ref strictyaml.Str, where string) *Responsibility {
	if resp, ok := r.resps[ref.Value]; ok {
		return resp
	}
	r.diags.Errorf(ref.Pos, "unknown responsibility %q in %s%s", ref.Value, where, diag.DidYouMean(ref.Value, sortedKeys(r.resps)))
	return nil
}

func (r *resolver) linkRole(f *Parsed) {
	role := r.roleFiles[f.File]
	if role == nil {
		return
	}
	d := f.Role.Data
	role.Review = r.review(f.File, ReviewKeys{d.Owners, d.Reviewed, d.ReviewEvery}, d.Pos)
	role.Levels = r.levels(d.Levels)
	owned(role.Owners, role.Title, role.URL)
	seen := map[*Role]bool{}
	for _, ref := range d.CollaboratesWith {
		c := r.lookupRole(ref, "collaborates_with")
		switch {
		case c == nil:
		case c == role:
			r.diags.Errorf(ref.Pos, "role %q cannot collaborate with itself", ref.Value)
		case seen[c]:
			r.diags.Errorf(ref.Pos, "role %q is listed twice in collaborates_with", ref.Value)
		default:
			seen[c] = true
			role.Collaborators = append(role.Collaborators, c)
		}
	}
	for _, rf := range d.Responsibilities {
		if resp := r.resps[rf.ID.Value]; resp != nil && resp.Lead == role {
			r.involve(resp, rf)
		}
	}
}

// linkPage links page p's front matter (f): its review, owners, roles,
// responsibilities and tags, and returns the roles it names, for its
// links (seenRole). Its roles gain the page in linkPages, in page order.
func (r *resolver) linkPage(p *Page, f *Parsed) map[*Role]bool {
	fm := f.Page.FrontMatter
	p.Review = r.review(f.File, ReviewKeys{fm.Owners, fm.Reviewed, fm.ReviewEvery}, fm.Pos)
	owned(p.Owners, p.Title, p.URL)
	seenRole := map[*Role]bool{}
	for _, ref := range fm.Roles {
		if role := r.lookupRole(ref, "roles"); role != nil && !seenRole[role] {
			seenRole[role] = true
			p.Roles = append(p.Roles, role)
		}
	}
	// A page names few responsibilities and tags: its own lists say which
	// it has, without a map a page.
	for _, ref := range fm.Responsibilities {
		if resp := r.lookupResponsibility(ref, "responsibilities"); resp != nil && !slices.Contains(p.Responsibilities, resp) {
			p.Responsibilities = append(p.Responsibilities, resp)
			resp.Pages = append(resp.Pages, p)
		}
	}
	for _, ref := range fm.Tags {
		slug, ok := r.slugs[ref.Value]
		if !ok {
			// Pages share few tags, written alike: each is made once.
			slug = TagSlug(ref.Value)
			r.slugs[ref.Value] = slug
		}
		if slug == "" {
			r.diags.Errorf(ref.Pos, "tag %q has no letters or digits", ref.Value)
			continue
		}
		t := r.tags[slug]
		if t == nil {
			t = &Tag{Name: strings.TrimSpace(ref.Value), URL: "/tags/" + slug + "/"}
			if !r.claim(t.URL, fmt.Sprintf("tag %q", t.Name), ref.Pos) {
				continue
			}
			r.tags[slug] = t
			r.site.Tags = append(r.site.Tags, t)
		}
		if !slices.Contains(p.Tags, t) {
			p.Tags = append(p.Tags, t)
			t.Pages = append(t.Pages, p)
		}
	}
	return seenRole
}

// TagSlug is the URL segment of a tag.
func TagSlug(tag string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(norm.NFC.String(strings.TrimSpace(tag))) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c > 0x7f && unicode.IsLetter(c) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(c)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

// siteRootRE matches the Liquid values a Jekyll page starts a link with
// to reach the site's root, {{ site.baseurl }} and {{ site.url }}, at the
// start of a link (their blanks may be underscores: siteRootDests).
var siteRootRE = regexp.MustCompile(`^(?:\{\{-?[ \t_]*site\.(?:baseurl|url)[ \t_]*-?\}\})+`)

// allowedSchemes are the URL schemes a link may use.
var allowedSchemes = []string{"http", "https", "mailto", "tel"}

// link resolves one link destination of page p.
func (r *resolver) link(p *Page, dest string, image bool, pos diag.Pos, seenRole map[*Role]bool) Href {
	// Markdown keeps character references in destinations; browsers decode
	// them, so decode before judging the scheme (jav&#x61;script:).
	dest = html.UnescapeString(dest)
	if dest == "" {
		r.broken(diag.BrokenLink, pos, "link has an empty destination")
		return Href{}
	}
	dest, h, done := r.notPath(dest, pos)
	if done {
		return h
	}
	target, frag, _ := strings.Cut(dest, "#")
	target, _, _ = strings.Cut(target, "?")
	if target == "" {
		if !r.hasFragment(p.File, frag) {
			if id, ok := r.looseFragment(p.File, frag); ok {
				frag = id
			} else {
				r.broken(diag.BrokenAnchor, pos, "no heading #%s on this page%s", frag, diag.DidYouMean(frag, r.anchors(p.File)))
			}
		}
		return Href{URL: p.URL, Fragment: frag}
	}
	unescaped, err := url.PathUnescape(target)
	if err != nil {
		r.broken(diag.BrokenLink, pos, "link %q is not a valid path: %v", dest, err)
		return Href{}
	}
	if other, ok := r.otherLanguage(p, unescaped); ok {
		r.broken(diag.BrokenLink, pos, "link %q goes to %s, in another language's folder: a page links only inside its own language (the language switcher links each page to its translations)", dest, other)
		return Href{}
	}
	h, file, ok := r.find(p, unescaped, frag)
	if !ok {
		switch {
		case file == "":
			r.broken(diag.BrokenLink, pos, "link %q leaves the content folder", dest)
		case r.drafts[file]:
			r.broken(diag.BrokenLink, pos, "link to %s, which is a draft (build with --drafts, or link elsewhere)", r.show(file))
		case emailRE.MatchString(dest):
			r.broken(diag.BrokenLink, pos, "link to %s, which does not exist (an e-mail address? write mailto:%s)", r.show(file), dest)
		default:
			r.broken(diag.BrokenLink, pos, "link to %s, which does not exist%s", r.show(file), r.suggestFile(file))
		}
		return Href{}
	}
	if r.isStatic(file) {
		r.linked[file] = true
	}
	if image && !r.isStatic(file) {
		r.diags.Errorf(pos, "image %s is not an image file", r.show(file))
		return Href{}
	}
	if role := r.roleFiles[file]; role != nil && !seenRole[role] {
		seenRole[role] = true
		if r.found != nil {
			*r.found = append(*r.found, role)
		} else {
			role.Pages = append(role.Pages, p)
		}
	}
	if frag != "" {
		if !r.hasFragment(file, frag) {
			if id, ok := r.looseFragment(file, frag); ok {
				frag = id
			} else {
				r.broken(diag.BrokenAnchor, pos, "no heading #%s in %s%s", frag, r.show(file), diag.DidYouMean(frag, r.anchors(file)))
			}
		}
		h.Fragment = frag
	}
	return h
}

// notPath judges a link's destination before it is read as a path in
// the site: a URL with a scheme or of another host (the link, done), a
// template tag of another tool (a warning, done); otherwise dest, with
// Jekyll's site root turned into /.
func (r *resolver) notPath(dest string, pos diag.Pos) (string, Href, bool) {
	if scheme, ok := urlScheme(dest); ok {
		if !r.cfg.Strict && !slices.Contains(allowedSchemes, strings.ToLower(scheme)) {
			if what := crossReference(dest, scheme); what != "" {
				r.broken(diag.Unrendered, pos, "link %q is %s, which baton does not resolve; the link leads nowhere", dest, what)
				return dest, Href{}, true
			}
		}
		if !slices.Contains(allowedSchemes, strings.ToLower(scheme)) {
			// Never written, whatever it is: so in a handbook written for
			// another tool (a typo such as hhttps:) it need not stop the
			// build.
			r.broken(diag.BrokenLink, pos, "link uses the URL scheme %q; only %s are allowed", scheme+":", strings.Join(allowedSchemes, ", "))
			return dest, Href{}, true
		}
		return dest, Href{URL: dest, External: true}, true
	}
	if strings.HasPrefix(dest, "//") {
		return dest, Href{URL: "https:" + dest, External: true}, true
	}
	if !r.cfg.Strict && strings.HasPrefix(dest, "{{") {
		// Jekyll's site root, before a path from it: the path is the link.
		if rest := siteRootRE.ReplaceAllString(dest, ""); rest != dest && (rest == "" || rest[0] == '/') {
			dest = "/" + strings.TrimPrefix(rest, "/")
		}
	}
	if strings.Contains(dest, "{{") || strings.Contains(dest, "{%") || strings.Contains(dest, "<%") {
		// Another tool's template makes this link when it builds the
		// site (Hugo's {{< ref >}}, Liquid's {{ site.baseurl }}, ERB's
		// <%= url %>).
		r.broken(diag.Unrendered, pos, "link %q is made by a template tag, which baton does not run; the link leads nowhere", dest)
		return dest, Href{}, true
	}
	return dest, Href{}, false
}

// broken reports a link or anchor that leads nowhere: an error in a
// handbook whose settings say so (links: error, the default with
// handbook.yaml), else a warning, so one stale link does not stop a
// handbook written for another tool from being published.
func (r *resolver) broken(code diag.Code, pos diag.Pos, format string, args ...any) {
	d := diag.Diagnostic{Pos: pos, Severity: diag.Error, Message: fmt.Sprintf(format, args...), Code: code}
	if r.cfg.Links == config.LinksWarn {
		d.Severity = diag.Warning
	}
	r.diags = append(r.diags, d)
}

// find finds what a link's path (unescaped, without query and fragment)
// on page p leads to, in every form the tools handbooks come from accept:
// a source file, relative to the page or (with a leading /) to the content
// folder; the same without its extension, with .html for .md, or with a
// slash after .md; a folder, for its page; and, failing those (or first,
// for a link that ends in / where Options.URLFirst says so, unless only
// the source path has the heading frag names), a URL of the site,
// relative to the page's URL (as MkDocs and Hugo read links) or absolute,
// a static file by the URL it is published at. It returns the
// target, the source file that holds it (for a folder, its page, whose
// anchors a fragment names), and whether it found one; when not, the file
// the link names, or "" when that is outside the content folder.
func (r *resolver) find(p *Page, dest, frag string) (Href, string, bool) {
	dirOnly := strings.HasSuffix(dest, "/")
	var asURL *hit // the URL's, when it lacks the fragment's anchor
	if dirOnly && r.opts.URLFirst {
		if h, f, ok := r.byURL(p, dest); ok {
			if r.hasFragment(f, frag) {
				return h, f, true
			}
			asURL = &hit{h, f}
		}
	}
	var file string
	switch {
	case strings.HasPrefix(dest, "/"):
		file = path.Join("content", dest)
	case r.opts.Virtual != nil:
		file, _ = r.opts.Virtual(path.Join(path.Dir(r.show(p.File)), dest))
	default:
		file = joinLink(r.dirOf(p), dest)
	}
	if file != "content" && !strings.HasPrefix(file, "content/") {
		if h, f, ok := r.byURL(p, dest); ok {
			return h, f, true
		}
		return Href{}, "", false
	}
	for _, c := range fileForms(file, dirOnly) {
		if h, f, ok := r.target(c.file, c.dirOnly); ok {
			if asURL != nil && !r.hasFragment(f, frag) {
				return asURL.h, asURL.file, true
			}
			return h, f, true
		}
	}
	if asURL != nil {
		return asURL.h, asURL.file, true
	}
	if h, f, ok := r.fromLinkRoot(dest, dirOnly); ok {
		return h, f, true
	}
	if h, f, ok := r.byURL(p, dest); ok {
		return h, f, true
	}
	if !r.cfg.Strict && !strings.HasPrefix(dest, "/") {
		// Relative to the page's URL without its final slash, as
		// Docusaurus publishes a page (/guides/first): a link to the URL
		// it gave another (without its number prefix, or by its slug).
		if h, f, ok := r.byURL(p, path.Join(path.Dir(strings.TrimSuffix(p.URL, "/")), dest)); ok {
			return h, f, true
		}
	}
	return Href{}, file, false
}

// fromLinkRoot finds a link to a file that starts with / in
// Options.LinkRoot, as Docusaurus reads [x](/guide/x.md) from its docs
// folder.
func (r *resolver) fromLinkRoot(dest string, dirOnly bool) (Href, string, bool) {
	if r.opts.LinkRoot == "" || !strings.HasPrefix(dest, "/") {
		return Href{}, "", false
	}
	for _, c := range fileForms(path.Join(r.opts.LinkRoot, dest), dirOnly) {
		if h, f, ok := r.target(c.file, c.dirOnly); ok {
			return h, f, true
		}
	}
	return Href{}, "", false
}

// hit is what a link leads to, and the source file that holds it.
type hit struct {
	h    Href
	file string
}

// dirOf is the folder of page p's file.
func (r *resolver) dirOf(p *Page) string {
	if r.dirPage != p {
		r.dirPage, r.dir = p, path.Dir(p.File)
	}
	return r.dir
}

// joinLink is path.Join(dir, rel) for a clean dir, as a page's folder
// is, made without cleaning again what is already clean: each "../" at
// the start of rel steps up a folder of dir, and what follows is joined
// as it is when it holds no "." or ".." segment and no doubled or final
// slash. Any other path is path.Join's to clean (TestJoinLink holds the
// two equal).
func joinLink(dir, rel string) string {
	d, rest := dir, rel
	for strings.HasPrefix(rest, "../") {
		i := strings.LastIndexByte(d, '/')
		if i <= 0 {
			return path.Join(dir, rel)
		}
		d, rest = d[:i], rest[3:]
	}
	if d == "" || d == "." || d == "/" || !cleanTail(rest) {
		return path.Join(dir, rel)
	}
	return d + "/" + rest
}

// cleanTail reports whether joining rel to a clean folder leaves nothing
// for path.Clean to do: rel is relative, not empty, and has no empty, "."
// or ".." segment.
func cleanTail(rel string) bool {
	if rel == "" || rel[0] == '/' || rel[len(rel)-1] == '/' {
		return false
	}
	for seg := range strings.SplitSeq(rel, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return false
		}
	}
	return true
}

// otherLanguage reports the site path a relative link of page p leads to
// when it is in the content folder but not in p's language (Options.Virtual).
func (r *resolver) otherLanguage(p *Page, dest string) (string, bool) {
	if r.opts.Virtual == nil || strings.HasPrefix(dest, "/") {
		return "", false
	}
	real := path.Join(path.Dir(r.show(p.File)), dest)
	_, ok := r.opts.Virtual(real)
	return real, !ok && strings.HasPrefix(real, "content/")
}

// form is one way to read a link's path as a source path.
type form struct {
	file    string
	dirOnly bool
}

// fileForms lists the source paths a link's path may mean, the path as
// written first.
func fileForms(file string, dirOnly bool) []form {
	forms := []form{{file, dirOnly}}
	base := path.Base(file)
	switch ext := strings.ToLower(path.Ext(base)); {
	case dirOnly && IsPageFile(base):
		forms = append(forms, form{file, false}) // "page.md/"
	case ext == ".html" || ext == ".htm":
		stem := strings.TrimSuffix(file, path.Ext(base))
		if strings.EqualFold(path.Base(stem), "index") {
			forms = append(forms, form{path.Dir(stem), true})
		}
		for _, e := range pageExts {
			forms = append(forms, form{stem + e, false})
		}
	case ext == "" || !IsPageFile(base) && !dirOnly:
		for _, e := range pageExts {
			forms = append(forms, form{file + e, false})
		}
	}
	return forms
}

// byURL finds what is published at a link's path read as a URL: relative
// to page p's URL, or, with a leading /, to the site's root (or to its
// base URL's path, when it has one, or past the tool's URLPrefixes where
// the path as written finds nothing).
func (r *resolver) byURL(p *Page, dest string) (Href, string, bool) {
	u := dest
	if !strings.HasPrefix(u, "/") {
		u = path.Join(p.URL, dest)
	} else if base := r.basePath(); base != "/" && strings.HasPrefix(u, base) {
		u = "/" + strings.TrimPrefix(u, base)
	}
	if h, f, ok := r.atURL(u); ok || !strings.HasPrefix(dest, "/") || len(r.opts.URLPrefixes) == 0 {
		return h, f, ok
	}
	short := u
	for _, pre := range r.opts.URLPrefixes {
		if rest, ok := strings.CutPrefix(short+"/", pre); ok && len(pre) > 1 {
			short = strings.TrimSuffix("/"+rest, "/")
		}
	}
	if short == u {
		return Href{}, "", false
	}
	return r.atURL(short)
}

// atURL finds what is published at URL path u, written with or without
// its index.html or .html.
func (r *resolver) atURL(u string) (Href, string, bool) {
	for _, try := range []string{u, strings.TrimSuffix(u, ".html"), strings.TrimSuffix(u, "index.html")} {
		if file, ok := r.urlFiles[URLKey(norm.NFC.String(try))]; ok {
			if h, f, ok := r.target(file, false); ok {
				return h, f, true
			}
			if h, f, ok := r.target(file, true); ok {
				return h, f, true
			}
		}
	}
	return Href{}, "", false
}

// basePath is the base URL's path, with slashes at both ends.
func (r *resolver) basePath() string {
	u, err := url.Parse(r.cfg.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	return u.Path
}

func (r *resolver) isStatic(file string) bool { _, ok := r.static[file]; return ok }

// target finds what a source path became, and the source file that
// holds it: for a folder, its _index.md, whose headings a fragment names.
func (r *resolver) target(file string, dirOnly bool) (Href, string, bool) {
	if !dirOnly {
		if p := r.pages[file]; p != nil {
			return Href{URL: p.URL}, file, true
		}
		if u, ok := r.sentOn[file]; ok {
			return Href{URL: u}, file, true
		}
		if role := r.roleFiles[file]; role != nil {
			return Href{URL: role.URL}, file, true
		}
		if s := r.static[file]; s != nil {
			return Href{URL: s.URL}, file, true
		}
		if pathFile := r.pathFileURL(file); pathFile != "" {
			return Href{URL: pathFile}, file, true
		}
	}
	if s := r.dirs[file]; s != nil {
		if s.Page != nil && r.parsed[s.Page.File] != nil {
			return Href{URL: s.URL}, s.Page.File, true
		}
		return Href{URL: s.URL}, file, true // a folder without _index.md: no headings
	}
	if file == GlossaryPath && r.glossary != nil {
		return Href{URL: markdown.GlossaryURL}, file, true
	}
	switch file {
	case "content/roles":
		return Href{URL: "/roles/"}, file, true
	case "content/paths":
		return Href{URL: "/paths/"}, file, true
	}
	return Href{}, "", false
}

// pathFileURL gives the URL of a path file by name alone: paths resolve
// after pages, and a page may link to any of them.
func (r *resolver) pathFileURL(file string) string {
	if path.Dir(file) != "content/paths" || !isYAML(file) {
		return ""
	}
	if r.pathExists[file] {
		return "/paths/" + strings.TrimSuffix(path.Base(file), path.Ext(file)) + "/"
	}
	return ""
}

// suggestFile names the file a link to the missing file probably meant,
// from the resolver's fileIndex: the file with an extension added, a near
// name in the same folder, or the same name in one of a few other folders.
func (r *resolver) suggestFile(file string) string {
	if r.files == nil {
		r.files = newFileIndex(r)
	}
	if s := r.files.suggest(file); s != "" {
		return fmt.Sprintf(" (did you mean %s?)", r.show(s))
	}
	if path.Ext(file) == "" {
		// A link without an extension means a page (fileForms).
		if s := r.files.suggest(file + ".md"); s != "" {
			return fmt.Sprintf(" (did you mean %s?)", r.show(s))
		}
	}
	return ""
}

// fileIndex finds the pages and roles a broken link may have meant. It is
// built once, on the first broken link, so that each suggestion costs the
// same however large the handbook: a migrated handbook's first build can
// have tens of thousands of broken links.
type fileIndex struct {
	exists map[string]bool
	byDir  map[string][]string // folder → the names in it, sorted
	byName map[string][]string // name → the files of that name, sorted
	// oneEdit maps a folder and a name with one byte deleted ("dir\x00nme")
	// to the names of that folder it comes from: two names one edit apart
	// (a byte added, dropped, changed or two swapped) share an entry.
	oneEdit map[string][]string
}

// smallFolder is the most names a folder may have for a suggestion to
// compare the name with each (diag.Suggest, which also finds two typos or
// a cut name); larger folders are searched only one edit away.
const smallFolder = 32

// mostSameName is the most folders a name may be in for a link to it in
// another folder to be suggested: more, and none is the obvious fix.
const mostSameName = 3

func newFileIndex(r *resolver) *fileIndex {
	x := &fileIndex{exists: map[string]bool{}, byDir: map[string][]string{}, byName: map[string][]string{}, oneEdit: map[string][]string{}}
	add := func(f string) {
		dir, name := path.Dir(f), path.Base(f)
		x.exists[f] = true
		x.byDir[dir] = append(x.byDir[dir], name)
		x.byName[name] = append(x.byName[name], f)
	}
	for f := range r.pages {
		add(f)
	}
	for f := range r.roleFiles {
		add(f)
	}
	for dir, names := range x.byDir {
		slices.Sort(names)
		if len(names) <= smallFolder {
			continue
		}
		for _, name := range names {
			for _, d := range deletions(name) {
				k := dir + "\x00" + d
				x.oneEdit[k] = append(x.oneEdit[k], name)
			}
		}
	}
	for _, files := range x.byName {
		slices.Sort(files)
	}
	return x
}

// deletions lists name with each of its bytes deleted in turn, and name.
func deletions(name string) []string {
	out := make([]string, 0, len(name)+1)
	out = append(out, name)
	for i := range len(name) {
		out = append(out, name[:i]+name[i+1:])
	}
	return out
}

func (x *fileIndex) suggest(file string) string {
	for _, ext := range []string{".md", ".yaml", ".yml"} {
		if x.exists[file+ext] {
			return file + ext
		}
	}
	dir, name := path.Dir(file), path.Base(file)
	names := x.byDir[dir]
	if len(names) > smallFolder {
		seen := map[string]bool{}
		names = nil
		for _, d := range deletions(name) {
			for _, n := range x.oneEdit[dir+"\x00"+d] {
				if !seen[n] {
					seen[n] = true
					names = append(names, n)
				}
			}
		}
		slices.Sort(names)
	}
	if s := diag.Suggest(name, names); s != "" {
		return path.Join(dir, s)
	}
	if same := x.byName[name]; len(same) > 0 && len(same) <= mostSameName {
		if s := diag.Suggest(file, same); s != "" {
			return s
		}
		return same[0]
	}
	return ""
}

// RoleAnchors are the ids of the parts of every role page.
var RoleAnchors = []string{"owns", "influences", "needs", "responsibilities", "partner-in", "collaborators", "playbooks"}

// anchors lists the fragment ids a link may name in a source file: a
// page's headings, then the ids and names of its raw HTML.
func (r *resolver) anchors(file string) []string {
	if pp := r.parsed[file]; pp != nil {
		ids := make([]string, 0, len(pp.Doc.Headings)+len(pp.Doc.Anchors))
		for _, h := range pp.Doc.Headings {
			ids = append(ids, h.ID)
		}
		return append(ids, pp.Doc.Anchors...)
	}
	if file == GlossaryPath && r.glossary != nil {
		return r.glossaryAnchors()
	}
	if role := r.roleFiles[file]; role != nil {
		ids := slices.Clone(RoleAnchors)
		for _, resp := range role.Responsibilities {
			ids = append(ids, resp.ID)
		}
		return ids
	}
	return nil
}

// emailRE matches a link's destination that is an e-mail address written
// without mailto:, which Markdown (and GitHub) read as a relative path.
var emailRE = regexp.MustCompile(`^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$`)

// looseFragment is the anchor of file that frag names the way another
// tool makes a heading's id, in a handbook written for one (not Strict):
// VitePress and Sphinx make "build.assetsInlineLimit" into
// build-assetsinlinelimit where GitHub, whose ids baton gives, makes
// buildassetsinlinelimit. It is the one anchor whose letters and digits,
// lower-cased, are frag's (percent-decoded); when none is, or several
// are, there is none, and the link is a broken anchor as before.
func (r *resolver) looseFragment(file, frag string) (string, bool) {
	if r.cfg.Strict {
		return "", false
	}
	if id, err := url.PathUnescape(frag); err == nil {
		frag = id
	}
	key := looseKey(frag)
	if key == "" {
		return "", false
	}
	found := ""
	for _, a := range r.anchors(file) {
		if looseKey(a) == key {
			if found != "" && found != a {
				return "", false
			}
			found = a
		}
	}
	return found, found != ""
}

// looseKey is s's letters and digits, lower-cased.
func looseKey(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		if unicode.IsLetter(c) || unicode.IsNumber(c) {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// hasFragment reports whether file has the anchor a link's fragment
// names, as written or percent-decoded: a browser finds the heading
// "Katkıda bulunmak" (id katkıda-bulunmak) by #katk%C4%B1da-bulunmak, as
// an address bar shows it and authors copy it.
func (r *resolver) hasFragment(file, frag string) bool {
	if r.hasAnchor(file, frag) {
		return true
	}
	id, err := url.PathUnescape(frag)
	return err == nil && id != frag && r.hasAnchor(file, id)
}

func (r *resolver) hasAnchor(file, frag string) bool {
	if frag == "" || strings.HasPrefix(frag, "fn:") || strings.HasPrefix(frag, "fnref:") {
		return true
	}
	// Pages first: most links lead to one. A page is never a static
	// file or a path's.
	if pp := r.parsed[file]; pp != nil {
		// A page's anchors, as anchors lists them, without making the
		// list for each of the many links to one page.
		return slices.ContainsFunc(pp.Doc.Headings, func(h markdown.Heading) bool { return h.ID == frag }) ||
			slices.Contains(pp.Doc.Anchors, frag)
	}
	if r.static[file] != nil || r.pathFileURL(file) != "" {
		return true
	}
	return slices.Contains(r.anchors(file), frag)
}

// otherSchemes are URL schemes, besides allowedSchemes, whose URLs have
// no // after the colon: a link that starts so is a URL (never written),
// not another tool's cross-reference.
var otherSchemes = []string{"about", "blob", "callto", "data", "fax", "file", "geo", "javascript", "magnet", "news", "sip", "sips", "skype", "sms", "urn", "vbscript", "xmpp"}

// crossReference says what a link whose destination reads as a URL of an
// unknown scheme is when it is another tool's cross-reference, or "":
// MyST's and Sphinx's labels have colons in them ([text](content:figures)
// names the target (content:figures)= before a heading somewhere in the
// book, not a URL of the scheme content:), and MyST's inv: links name
// another project's documentation through its intersphinx inventory.
func crossReference(dest, scheme string) string {
	switch rest := dest[len(scheme)+1:]; {
	case strings.EqualFold(scheme, "inv"):
		return "an intersphinx reference (MyST's inv:, a page of another project's documentation)"
	case strings.HasPrefix(rest, "/") || rest == "" || slices.Contains(otherSchemes, strings.ToLower(scheme)) ||
		slices.Contains(allowedSchemes, strings.ToLower(scheme)):
		return ""
	}
	return "a label (a MyST or Sphinx cross-reference to a target written (label)= before a heading)"
}

// urlScheme returns the scheme of an absolute URL.
func urlScheme(s string) (string, bool) {
	for i, c := range s {
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.':
			if i == 0 {
				return "", false
			}
		case c == ':':
			return s[:i], i > 0
		default:
			return "", false
		}
	}
	return "", false
}

func (r *resolver) addPath(f *Parsed) {
	pp := f.Path
	d := pp.Data
	pa := &Path{
		ID: pp.ID, File: f.File, Title: strings.TrimSpace(d.Title.Value), Summary: strings.TrimSpace(d.Summary),
		Audience: strings.TrimSpace(d.Audience), URL: "/paths/" + pp.ID + "/", Updated: r.opts.Dates[f.File],
	}
	if !r.claim(pa.URL, f.File, d.Pos) {
		return
	}
	pa.Review = r.review(f.File, ReviewKeys{d.Owners, d.Reviewed, d.ReviewEvery}, d.Pos)
	owned(pa.Owners, pa.Title, pa.URL)
	if len(d.Steps) == 0 && d.Pos.Line != 0 {
		r.diags.Errorf(d.Pos, "a reading path needs at least one step")
	}
	for i, sf := range d.Steps {
		n := 0
		for _, v := range []string{sf.Page.Value, sf.Role.Value, sf.Responsibility.Value} {
			if v != "" {
				n++
			}
		}
		if n != 1 {
			r.diags.Errorf(sf.Pos, "step %d must name exactly one of page, role or responsibility", i+1)
			continue
		}
		st := Step{Why: strings.TrimSpace(sf.Why)}
		switch {
		case sf.Page.Value != "":
			file := path.Join("content", sf.Page.Value)
			if !strings.HasPrefix(file, "content/") || strings.HasPrefix(sf.Page.Value, "/") {
				r.diags.Errorf(sf.Page.Pos, "page %q must be a path inside content/, like playbooks/conductor.md", sf.Page.Value)
				continue
			}
			st.Page = r.pages[file]
			if st.Page == nil {
				if r.drafts[file] {
					r.diags.Errorf(sf.Page.Pos, "page %s is a draft", file)
				} else {
					var names []string
					for f := range r.pages {
						names = append(names, strings.TrimPrefix(f, "content/"))
					}
					slices.Sort(names)
					r.diags.Errorf(sf.Page.Pos, "no page %s%s", file, diag.DidYouMean(sf.Page.Value, names))
				}
				continue
			}
			pa.Minutes += st.Page.Minutes
			st.Page.Paths = append(st.Page.Paths, PathStep{Path: pa, Index: len(pa.Steps)})
		case sf.Role.Value != "":
			if st.Role = r.lookupRole(sf.Role, "the path"); st.Role == nil {
				continue
			}
			st.Role.Paths = append(st.Role.Paths, PathStep{Path: pa, Index: len(pa.Steps)})
			pa.Minutes += 2
		default:
			if st.Responsibility = r.lookupResponsibility(sf.Responsibility, "the path"); st.Responsibility == nil {
				continue
			}
			st.Responsibility.Paths = append(st.Responsibility.Paths, PathStep{Path: pa, Index: len(pa.Steps)})
			pa.Minutes++
		}
		pa.Steps = append(pa.Steps, st)
	}
	r.paths[pp.ID] = pa
	r.site.Paths = append(r.site.Paths, pa)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
