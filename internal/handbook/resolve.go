package handbook

import (
	"cmp"
	"fmt"
	"html"
	"net/url"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/strictyaml"
	"golang.org/x/text/unicode/norm"
)

// Options change how a site resolves.
type Options struct {
	// Drafts includes pages marked draft.
	Drafts bool
	// Dates maps source paths to the Unix time of their last commit.
	Dates map[string]int64
}

// Generated URLs that no source may take.
var reservedURLs = map[string]string{
	"/roles/":            "the roles index",
	"/responsibilities/": "the responsibility matrix",
	"/paths/":            "the reading paths index",
	"/tags/":             "the tags index",
	"/search/":           "the search page",
	"/print/":            "the print view",
	"/404.html":          "the not-found page",
	"/sitemap.xml":       "the sitemap",
	"/robots.txt":        "robots.txt",
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
	// targets maps a source path to the URL of what it became.
	roleFiles  map[string]*Role
	pathExists map[string]bool
	// files finds what a broken link meant; made on the first one.
	files *fileIndex
}

// Resolve builds the Site from every parsed content file. files must be
// sorted by path. The returned diagnostics include each file's own.
func Resolve(cfg config.Config, files []*Parsed, opts Options) (*Site, diag.List) {
	r := &resolver{
		cfg: cfg, opts: opts,
		site:       &Site{Config: cfg},
		urls:       map[string]string{},
		pages:      map[string]*Page{},
		parsed:     map[string]*ParsedPage{},
		drafts:     map[string]bool{},
		dirs:       map[string]*Section{},
		roles:      map[string]*Role{},
		resps:      map[string]*Responsibility{},
		paths:      map[string]*Path{},
		static:     map[string]*Static{},
		tags:       map[string]*Tag{},
		roleFiles:  map[string]*Role{},
		pathExists: map[string]bool{},
	}
	for u, what := range reservedURLs {
		r.urls[URLKey(u)] = what
	}
	var roleFiles []*Parsed
	var pathFiles []*Parsed
	var pageFiles []*Parsed
	for _, f := range files {
		r.diags.Append(f.Diags)
		switch f.Kind {
		case KindPage:
			if f.Page == nil {
				continue
			}
			if f.Page.FrontMatter.Draft && !opts.Drafts {
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
		case KindStatic:
			r.addStatic(f)
		}
	}
	r.root()
	for _, f := range pageFiles {
		r.addPage(f)
	}
	r.makeSectionPages()
	for _, f := range roleFiles {
		r.addRole(f)
	}
	r.sortRoles()
	for _, f := range roleFiles {
		r.linkRole(f)
	}
	for _, f := range pageFiles {
		r.linkPage(f)
	}
	for _, f := range pathFiles {
		r.addPath(f)
	}
	r.warnUnused(roleFiles)
	r.navigation()
	r.finish()
	r.site.r = r
	return r.site, r.diags
}

// claim records that what produces url, reporting a clash with an earlier
// claim that names both sources. URLs clash when their keys do (URLKey):
// two files that differ only in case or Unicode normal form would
// overwrite each other on a case-insensitive or normalising file system.
func (r *resolver) claim(url, what string, pos diag.Pos) bool {
	key := URLKey(url)
	if prev, ok := r.urls[key]; ok {
		r.diags.Errorf(pos, "%s and %s both map to the URL %s", what, prev, url)
		return false
	}
	r.urls[key] = what
	return true
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
	if !safeURLPath(rel) {
		r.diags.Errorf(diag.Pos{File: f.File}, "file name %q cannot be published safely", rel)
		return
	}
	u := "/" + norm.NFC.String(rel)
	if !r.claim(u, f.File, diag.Pos{File: f.File}) {
		return
	}
	s := &Static{File: f.File, URL: u, Size: f.Size}
	r.static[f.File] = s
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

// section returns the section for a content folder, creating it and its
// parents.
func (r *resolver) section(dir string) *Section {
	if s, ok := r.dirs[dir]; ok {
		return s
	}
	parent := r.section(path.Dir(dir))
	rel := strings.ToLower(norm.NFC.String(strings.TrimPrefix(dir, "content/")))
	s := &Section{Dir: dir, URL: "/" + rel + "/", Parent: parent, Depth: parent.Depth + 1, Title: TitleFromName(path.Base(dir), false)}
	parent.Sections = append(parent.Sections, s)
	r.dirs[dir] = s
	return s
}

func (r *resolver) addPage(f *Parsed) {
	fm := f.Page.FrontMatter
	dir, base := path.Split(f.File)
	dir = strings.TrimSuffix(dir, "/")
	if rel, ok := strings.CutPrefix(dir, "content/"); ok && !safeURLPath(rel) {
		r.diags.Errorf(diag.Pos{File: f.File}, "folder name %q cannot be a URL", rel)
		return
	}
	sec := r.section(dir)
	p := &Page{
		File: f.File, Title: strings.TrimSpace(fm.Title.Value), Summary: strings.TrimSpace(fm.Summary),
		Weight: fm.Weight, Reflect: fm.Reflect, Draft: fm.Draft, Doc: f.Page.Doc, Section: sec,
		Updated: r.opts.Dates[f.File],
	}
	if p.Summary == "" {
		p.Summary = leadSummary(p.Doc)
	}
	p.Minutes = readingMinutes(p.Doc)
	if base == "_index.md" {
		if fm.Slug.Value != "" {
			r.diags.Errorf(fm.Slug.Pos, "slug is for pages; a section's URL comes from its folder name")
		}
		p.IsSection = true
		p.URL = sec.URL
		sec.Page = p
		if p.Title == "" {
			p.Title = sec.Title
		}
		sec.Title, sec.Summary, sec.Weight = p.Title, p.Summary, p.Weight
		if sec.Parent == nil {
			r.site.Home = p
		}
	} else {
		name := strings.ToLower(norm.NFC.String(strings.TrimSuffix(base, ".md")))
		if fm.Slug.Value != "" {
			if !ValidSlug(fm.Slug.Value) {
				r.diags.Errorf(fm.Slug.Pos, "slug %q must be one URL segment of letters, digits, hyphens, underscores or dots, not . or ..", fm.Slug.Value)
			} else {
				name = strings.ToLower(fm.Slug.Value)
			}
		}
		if !safeURLPath(name) {
			r.diags.Errorf(diag.Pos{File: f.File}, "file name %q cannot be a URL", base)
			return
		}
		p.URL = strings.TrimSuffix(sec.URL, "/") + "/" + name + "/"
		sec.Pages = append(sec.Pages, p)
	}
	pos := fm.Pos
	if pos.File == "" {
		pos = diag.Pos{File: f.File, Line: 1, Col: 1}
	}
	if !r.claim(p.URL, f.File, pos) {
		return
	}
	r.pages[f.File] = p
	r.parsed[f.File] = f.Page
	r.site.Pages = append(r.site.Pages, p)
}

// leadSummary is the summary of a page whose front matter gives none.
func leadSummary(d *markdown.Doc) string { return Shorten(d.Lead, 180) }

// readingMinutes is a page's reading time, at 220 words a minute.
func readingMinutes(d *markdown.Doc) int { return max(1, (d.Words+219)/220) }

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
		p := &Page{File: s.Dir + "/_index.md", Title: s.Title, URL: s.URL, Section: s, IsSection: true, Minutes: 1}
		if s.Parent == nil {
			p.Title = r.cfg.Title
			p.Summary = r.cfg.Description
			r.site.Home = p
		}
		s.Page = p
		if !r.claim(p.URL, "the section "+s.Dir, diag.Pos{File: s.Dir}) {
			continue
		}
		r.site.Pages = append(r.site.Pages, p)
	}
}

func (r *resolver) addRole(f *Parsed) {
	pr := f.Role
	d := pr.Data
	role := &Role{
		ID: pr.ID, File: f.File, Title: strings.TrimSpace(d.Title.Value), Summary: strings.TrimSpace(d.Summary.Value),
		Part: d.Part, Weight: d.Weight, Owns: d.Owns, Influences: d.Influences, Needs: d.Needs,
		URL: "/roles/" + pr.ID + "/",
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
		if rf.Kind.Value != "" && !slices.Contains(Kinds, rf.Kind.Value) {
			r.diags.Errorf(rf.Kind.Pos, "kind %q must be one of %s%s", rf.Kind.Value, strings.Join(Kinds, ", "), diag.DidYouMean(rf.Kind.Value, Kinds))
		}
		if rf.Stage.Value != "" && !slices.Contains(Stages, rf.Stage.Value) {
			r.diags.Errorf(rf.Stage.Pos, "stage %q must be one of %s%s", rf.Stage.Value, strings.Join(Stages, ", "), diag.DidYouMean(rf.Stage.Value, Stages))
		}
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
		resp := r.resps[rf.ID.Value]
		if resp == nil || resp.Lead != role {
			continue
		}
		seen := map[*Role]bool{}
		for _, ref := range rf.Partners {
			c := r.lookupRole(ref, "partners")
			switch {
			case c == nil:
			case c == role:
				r.diags.Errorf(ref.Pos, "role %q leads %q and cannot also partner in it", ref.Value, resp.ID)
			case seen[c]:
				r.diags.Errorf(ref.Pos, "role %q is listed twice in partners", ref.Value)
			default:
				seen[c] = true
				resp.Partners = append(resp.Partners, c)
				c.PartnerIn = append(c.PartnerIn, resp)
			}
		}
	}
}

func (r *resolver) linkPage(f *Parsed) {
	p := r.pages[f.File]
	if p == nil {
		return
	}
	fm := f.Page.FrontMatter
	seenRole := map[*Role]bool{}
	for _, ref := range fm.Roles {
		if role := r.lookupRole(ref, "roles"); role != nil && !seenRole[role] {
			seenRole[role] = true
			p.Roles = append(p.Roles, role)
			role.Pages = append(role.Pages, p)
		}
	}
	seenResp := map[*Responsibility]bool{}
	for _, ref := range fm.Responsibilities {
		if resp := r.lookupResponsibility(ref, "responsibilities"); resp != nil && !seenResp[resp] {
			seenResp[resp] = true
			p.Responsibilities = append(p.Responsibilities, resp)
			resp.Pages = append(resp.Pages, p)
		}
	}
	seenTag := map[*Tag]bool{}
	for _, ref := range fm.Tags {
		slug := TagSlug(ref.Value)
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
		if !seenTag[t] {
			seenTag[t] = true
			p.Tags = append(p.Tags, t)
			t.Pages = append(t.Pages, p)
		}
	}
	p.Hrefs = make([]Href, len(p.Doc.Links))
	for i, l := range p.Doc.Links {
		p.Hrefs[i] = r.link(p, l.Dest, l.Image, f.Page.LinkPos[i], seenRole)
	}
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

// allowedSchemes are the URL schemes a link may use.
var allowedSchemes = []string{"http", "https", "mailto", "tel"}

// link resolves one link destination of page p.
func (r *resolver) link(p *Page, dest string, image bool, pos diag.Pos, seenRole map[*Role]bool) Href {
	// Markdown keeps character references in destinations; browsers decode
	// them, so decode before judging the scheme (jav&#x61;script:).
	dest = html.UnescapeString(dest)
	if dest == "" {
		r.diags.Errorf(pos, "link has an empty destination")
		return Href{}
	}
	if scheme, ok := urlScheme(dest); ok {
		if !slices.Contains(allowedSchemes, strings.ToLower(scheme)) {
			r.diags.Errorf(pos, "link uses the URL scheme %q; only %s are allowed", scheme+":", strings.Join(allowedSchemes, ", "))
			return Href{}
		}
		return Href{URL: dest, External: true}
	}
	if strings.HasPrefix(dest, "//") {
		return Href{URL: "https:" + dest, External: true}
	}
	target, frag, _ := strings.Cut(dest, "#")
	target, _, _ = strings.Cut(target, "?")
	if target == "" {
		if !r.hasAnchor(p.File, frag) {
			r.diags.Errorf(pos, "no heading #%s on this page%s", frag, diag.DidYouMean(frag, r.anchors(p.File)))
		}
		return Href{URL: p.URL, Fragment: frag}
	}
	unescaped, err := url.PathUnescape(target)
	if err != nil {
		r.diags.Errorf(pos, "link %q is not a valid path: %v", dest, err)
		return Href{}
	}
	var file string
	if strings.HasPrefix(unescaped, "/") {
		file = path.Join("content", unescaped)
	} else {
		file = path.Join(path.Dir(p.File), unescaped)
	}
	if file != "content" && !strings.HasPrefix(file, "content/") {
		r.diags.Errorf(pos, "link %q leaves the content folder", dest)
		return Href{}
	}
	h, found, ok := r.target(file, strings.HasSuffix(unescaped, "/"))
	if !ok {
		switch {
		case r.drafts[file]:
			r.diags.Errorf(pos, "link to %s, which is a draft (build with --drafts, or link elsewhere)", file)
		default:
			r.diags.Errorf(pos, "link to %s, which does not exist%s", file, r.suggestFile(file))
		}
		return Href{}
	}
	// A folder is its section's page: its anchors are _index.md's.
	file = found
	if image && !r.isStatic(file) {
		r.diags.Errorf(pos, "image %s is not an image file", file)
		return Href{}
	}
	if role := r.roleFiles[file]; role != nil && !seenRole[role] {
		seenRole[role] = true
		role.Pages = append(role.Pages, p)
	}
	if frag != "" {
		if !r.hasAnchor(file, frag) {
			r.diags.Errorf(pos, "no heading #%s in %s%s", frag, file, diag.DidYouMean(frag, r.anchors(file)))
		}
		h.Fragment = frag
	}
	return h
}

func (r *resolver) isStatic(file string) bool { _, ok := r.static[file]; return ok }

// target finds what a source path became, and the source file that
// holds it: for a folder, its _index.md, whose headings a fragment names.
func (r *resolver) target(file string, dirOnly bool) (Href, string, bool) {
	if !dirOnly {
		if p := r.pages[file]; p != nil {
			return Href{URL: p.URL}, file, true
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
		return fmt.Sprintf(" (did you mean %s?)", s)
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
	if role := r.roleFiles[file]; role != nil {
		ids := slices.Clone(RoleAnchors)
		for _, resp := range role.Responsibilities {
			ids = append(ids, resp.ID)
		}
		return ids
	}
	return nil
}

func (r *resolver) hasAnchor(file, frag string) bool {
	if frag == "" || strings.HasPrefix(frag, "fn:") || strings.HasPrefix(frag, "fnref:") {
		return true
	}
	if r.static[file] != nil || r.pathFileURL(file) != "" {
		return true
	}
	return slices.Contains(r.anchors(file), frag)
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
		Audience: strings.TrimSpace(d.Audience), URL: "/paths/" + pp.ID + "/",
	}
	if !r.claim(pa.URL, f.File, d.Pos) {
		return
	}
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
