package handbook

import (
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/strictyaml"
	"golang.org/x/text/unicode/norm"
)

// Redirect is a page written at an old URL that sends its reader on to
// where the content lives now.
type Redirect struct {
	// From is the old URL, site-absolute: a folder ("/old/page/"), whose
	// index.html is written, or an HTML file ("/old/page.html").
	From string
	// To is where it leads: a URL of the site (with a fragment, if one
	// was given) or another site's address.
	To string
	// Title names what it leads to.
	Title string
	// Pos is where the redirect is declared.
	Pos diag.Pos
}

// Move is a redirect that a layout's settings declare, not a page
// (mkdocs.yml's redirect_maps, .gitbook.yaml's redirects).
type Move struct {
	// From is the old URL as written, from the site's root.
	From string
	// To is written as a link from the content folder's root is: a source
	// path with a leading slash ("/guide/new.md#setup"), or another
	// site's address.
	To  string
	Pos diag.Pos
}

// sendOn is a page that is a redirect (redirect_to).
type sendOn struct {
	page *Page
	to   strictyaml.Str
}

// Rename is a source file git saw renamed, as paths the resolver reads
// ("content/guide/setup.md").
type Rename struct {
	Old, New string
}

// generatedFolders are the folders of URLs baton makes, where no old URL
// may be claimed: their pages take their URLs after the aliases do.
var generatedFolders = []string{"/tags/", "/paths/", "/search/", "/print/", "/_baton/"}

// redirects claims every page's old URLs (aliases, and Jekyll's
// redirect_from in a handbook written for another tool) and the layout's
// moves. It runs once pages, static files, sections, roles and
// responsibilities hold their URLs, which win; a link to an old URL then
// leads straight to where it redirects.
func (r *resolver) redirects(pageFiles []*Parsed) {
	for _, f := range pageFiles {
		p := r.pages[f.File]
		if p == nil {
			continue
		}
		fm := f.Page.FrontMatter
		// An alias without a leading slash is read from the page's
		// parent URL, as a link on the page would be without its
		// trailing slash: on /guide/setup/, "install" is /guide/install/.
		parent := path.Dir(strings.TrimSuffix(p.URL, "/"))
		for _, a := range fm.Aliases {
			r.alias(p, a, parent)
		}
		if len(fm.RedirectFrom) > 0 && r.cfg.Strict {
			r.diags.Errorf(fm.RedirectFrom[0].Pos, "redirect_from is Jekyll's key for a page's old URLs; baton's is aliases")
			continue
		}
		// Jekyll reads redirect_from from the site's root.
		for _, a := range fm.RedirectFrom {
			r.alias(p, a, "/")
		}
		if !r.cfg.Strict {
			r.permalink(p, fm)
		}
	}
	for _, s := range r.sendOn {
		r.redirectTo(s)
	}
	for _, m := range r.opts.Moves {
		r.move(m)
	}
	r.renamed()
	slices.SortFunc(r.site.Redirects, func(a, b Redirect) int { return strings.Compare(a.From, b.From) })
}

// alias claims one old URL of page p, read from base.
func (r *resolver) alias(p *Page, a strictyaml.Str, base string) {
	from, err := aliasURL(a.Value, base)
	if err == nil && URLKey(from) == URLKey(p.URL) {
		// Harmless, and common in handbooks moved between tools that
		// gave the page other URLs: said only in a baton handbook.
		if r.cfg.Strict {
			r.diags.Warnf(a.Pos, "alias %q is the page's own URL", a.Value)
		}
		return
	}
	if err != nil {
		r.redirectProblem(a.Pos, err)
		return
	}
	r.addRedirect(Redirect{From: from, To: p.URL, Title: p.Title, Pos: a.Pos}, "an alias in "+p.File, p.File, false)
}

// permalinks publishes each page whose front matter gives it a URL of its
// own at that URL, where the handbook's tool does so (Options.Permalinks),
// and a folder's page with its folder (whose pages keep their URLs), but
// the home page; at a URL that is a folder (/about/, or /about, which a static host serves
// from about/index.html), not a file (/about.html), and that nothing else
// has (silently, as a rename's: the tool's own pages are none of the
// reader's concern), outside the folders baton makes. It runs once pages,
// static files and sections hold their URLs, and before links resolve,
// which read a link written as a URL from the page's new one. The URL the
// page would have had redirects to it (permalink).
func (r *resolver) permalinks(pageFiles []*Parsed) {
	if !r.opts.Permalinks && !r.opts.Docusaurus || r.cfg.Strict {
		return
	}
	for _, f := range pageFiles {
		p := r.pages[f.File]
		if p == nil || p.IsSection && (p.Section.Parent == nil || p.Section.Page != p) {
			continue
		}
		u, ok := ownURL(f.Page.FrontMatter)
		if !r.opts.Permalinks {
			u, ok = r.slugURL(p, f.Page.FrontMatter)
		}
		if !ok || strings.HasSuffix(u, ".html") || strings.HasSuffix(u, ".htm") || URLKey(u) == URLKey(p.URL) ||
			slices.ContainsFunc(generatedFolders, func(g string) bool { return strings.HasPrefix(URLKey(u), g) }) {
			continue
		}
		if _, taken := r.urls[URLKey(u)]; taken || r.inFile(u) {
			continue
		}
		delete(r.urls, URLKey(p.URL))
		delete(r.urlFiles, URLKey(p.URL))
		r.urls[URLKey(u)], r.urlFiles[URLKey(u)] = f.File, f.File
		if r.movedFrom == nil {
			r.movedFrom = map[string]string{}
		}
		r.movedFrom[f.File], p.URL = p.URL, u
		if p.IsSection {
			p.Section.URL = u // its folder is where its page is
		}
	}
}

// ownURL is the URL a page's front matter gives it, read from the site's
// root: the first literal permalink: or url: (a pattern such as /:path/
// is none).
func ownURL(fm FrontMatter) (string, bool) {
	for _, e := range fm.Params {
		v, ok := e.Value.(string)
		if e.Key != "permalink" && e.Key != "url" || !ok || !strings.HasPrefix(v, "/") || strings.Contains(v, ":") {
			continue
		}
		if u, err := aliasURL(v, "/"); err == nil {
			return u, true
		}
	}
	return "", false
}

// inFile reports whether URL u is inside a file of the site (a static
// file's URL), where no folder can be made.
func (r *resolver) inFile(u string) bool {
	for d := path.Dir(strings.TrimSuffix(u, "/")); d != "/"; d = path.Dir(d) {
		if f, ok := r.urlFiles[URLKey(d)]; ok && r.static[f] != nil {
			return true
		}
	}
	return false
}

// permalink claims, in a handbook written for another tool, the URL that
// tool published page p at: Jekyll's permalink (and Hugo's url), when it
// is a path of its own and not a pattern (/:path/). Where the page is not
// published there (permalinks), it keeps its baton URL; links to the
// permalink lead to it, and the old URL redirects there; where it is, its
// baton URL redirects to it. As with a rename in git, the URL is taken only when
// nothing else has it, silently otherwise: the tool's own pages (a
// permalink of /, the home page's) are none of the reader's concern.
func (r *resolver) permalink(p *Page, fm FrontMatter) {
	if from, ok := r.movedFrom[p.File]; ok {
		pos := fm.Pos
		for _, e := range fm.Params {
			if e.Key == "permalink" || e.Key == "url" {
				pos = e.Pos
				break
			}
		}
		r.addRedirect(Redirect{From: from, To: p.URL, Title: p.Title, Pos: pos}, "the URL baton gives "+p.File, p.File, true)
	}
	for _, e := range fm.Params {
		v, ok := e.Value.(string)
		if e.Key != "permalink" && e.Key != "url" || !ok || !strings.HasPrefix(v, "/") || strings.Contains(v, ":") {
			continue
		}
		from, err := aliasURL(v, "/")
		if err != nil || URLKey(from) == URLKey(p.URL) {
			continue
		}
		r.addRedirect(Redirect{From: from, To: p.URL, Title: p.Title, Pos: e.Pos}, "the permalink of "+p.File, p.File, true)
	}
}

// redirectTo makes the redirect of a page that is one: to a page of the
// site, as a link on it would lead, or to another site.
func (r *resolver) redirectTo(s sendOn) {
	p, dest := s.page, strings.TrimSpace(s.to.Value)
	if isExternal(dest) {
		r.addRedirect(Redirect{From: p.URL, To: dest, Title: p.Title, Pos: s.to.Pos}, p.File, "", false)
		return
	}
	where, frag, _ := strings.Cut(dest, "#")
	if u, err := url.PathUnescape(where); err == nil {
		where = u
	}
	h, file, ok := Href{URL: p.URL}, p.File, where == ""
	if !ok {
		h, file, ok = r.find(p, where, "")
	}
	if !ok || file == p.File {
		r.redirectProblem(s.to.Pos, fmt.Errorf("redirect_to %q leads to no other page of the handbook, nor to an http(s) address", s.to.Value))
		return
	}
	to := h.URL
	if frag != "" {
		to += "#" + frag
	}
	r.addRedirect(Redirect{From: p.URL, To: to, Title: r.titleOf(file, h.URL), Pos: s.to.Pos}, p.File, file, false)
}

// move claims the old URL of a layout's move and finds where it leads.
func (r *resolver) move(m Move) {
	from, err := aliasURL(m.From, "/")
	if err != nil {
		r.redirectProblem(m.Pos, err)
		return
	}
	if isExternal(m.To) {
		r.addRedirect(Redirect{From: from, To: m.To, Title: m.To, Pos: m.Pos}, "a redirect in "+m.Pos.File, "", false)
		return
	}
	dest, frag, _ := strings.Cut(m.To, "#")
	if u, err := url.PathUnescape(dest); err == nil {
		dest = u
	}
	h, file, ok := r.findFromRoot(dest)
	if !ok {
		r.redirectProblem(m.Pos, fmt.Errorf("the redirect from %s leads to %s, which is not in the handbook", from, m.To))
		return
	}
	if r.static[file] != nil {
		r.linked[file] = true // kept in a handbook written for another tool
	}
	to := h.URL
	if frag != "" {
		to += "#" + frag
	}
	r.addRedirect(Redirect{From: from, To: to, Title: r.titleOf(file, h.URL), Pos: m.Pos}, "a redirect in "+m.Pos.File, file, false)
}

// addRedirect claims rd.From for what; links to it lead to the file that
// holds its target, if any. A redirect made from git's history (auto)
// takes only a URL nothing else has or will have, and says nothing when
// it cannot.
func (r *resolver) addRedirect(rd Redirect, what, file string, auto bool) {
	key := URLKey(rd.From)
	problem := func(err error) {
		if !auto {
			r.redirectProblem(rd.Pos, err)
		}
	}
	for _, g := range generatedFolders {
		// A path file's old URL is free when no path file has it now.
		if strings.HasPrefix(key+"/", g) && !(auto && g == "/paths/" && r.urlFiles[key] == "") {
			problem(fmt.Errorf("the old URL %s is under %s, whose pages baton makes", rd.From, g))
			return
		}
	}
	// A folder cannot be made where a file of the site stands.
	for d := path.Dir(strings.TrimSuffix(rd.From, "/")); d != "/"; d = path.Dir(d) {
		if f, ok := r.urlFiles[URLKey(d)]; ok && r.static[f] != nil {
			problem(fmt.Errorf("the old URL %s is inside %s, a file of the site", rd.From, r.show(f)))
			return
		}
	}
	if auto {
		if _, taken := r.urls[key]; taken {
			return
		}
	}
	if !r.claim(rd.From, what, rd.Pos) {
		return
	}
	if file != "" {
		r.urlFiles[key] = file
	}
	r.site.Redirects = append(r.site.Redirects, rd)
}

// renamed redirects the old URL of each page, role and path file git saw
// renamed to where it is now, following later renames, when nothing else
// has that URL: bookmarks and links in chat keep working with no alias
// written. Git knows nothing of a page's slug then, so the old URL is the
// one its old name gives.
func (r *resolver) renamed() {
	// Oldest first, each rename carries every old name of the file along.
	names := map[string][]string{} // a file's name now → its old names
	for i := len(r.opts.Renames) - 1; i >= 0; i-- {
		rn := r.opts.Renames[i]
		if rn.Old == rn.New {
			continue
		}
		carried := append(names[rn.Old], rn.Old)
		delete(names, rn.Old)
		names[rn.New] = append(names[rn.New], carried...)
	}
	now := map[string]string{} // an old name → the file's name now
	for file, olds := range names {
		for _, old := range olds {
			now[old] = file
		}
	}
	for _, old := range sortedKeys(now) {
		now := now[old]
		h, file, ok := r.target(now, false)
		from := r.oldURL(old)
		if !ok || r.static[file] != nil || from == "" || URLKey(from) == URLKey(h.URL) {
			continue
		}
		r.addRedirect(Redirect{From: from, To: h.URL, Title: r.titleOf(file, h.URL), Pos: diag.Pos{File: file}}, "the old name "+old+" of "+file, file, true)
	}
}

// oldURL is the URL a page, role or path file at p would have (without a
// slug), or "" for any other file.
func (r *resolver) oldURL(p string) string {
	rel, ok := strings.CutPrefix(p, "content/")
	if !ok {
		return ""
	}
	dir, base := path.Split(rel)
	name := pageStem(base, r.cfg.Strict)
	switch {
	case dir == "roles/" && isYAML(p):
		return "/roles/" + name + "/"
	case dir == "paths/" && isYAML(p):
		return "/paths/" + name + "/"
	case !IsPageFile(p):
		return ""
	}
	switch strings.ToLower(name) {
	case "_index", "index", "readme":
		name = ""
	}
	u := strings.ToLower(norm.NFC.String(dir + name))
	if u = strings.Trim(u, "/"); u == "" || !safeURLPath(u) {
		return ""
	}
	return "/" + u + "/"
}

// redirectProblem reports an old URL that cannot be redirected: an error
// in a baton handbook, a warning (and no redirect) in one written for
// another tool, which built without it there too.
func (r *resolver) redirectProblem(pos diag.Pos, err error) {
	r.problem(pos, "it is not redirected", "%v", err)
}

// titleOf names what a source file became, for a redirect page's text.
func (r *resolver) titleOf(file, u string) string {
	if p := r.pages[file]; p != nil {
		return p.Title
	}
	if role := r.roleFiles[file]; role != nil {
		return role.Title
	}
	if s := r.dirs[file]; s != nil {
		return s.Title
	}
	if pa := r.paths[strings.TrimSuffix(path.Base(file), path.Ext(file))]; pa != nil && pa.File == file {
		return pa.Title
	}
	return u
}

// isExternal reports whether a redirect leads to another site.
func isExternal(s string) bool {
	return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}

// aliasURL reads an old URL as written: from the site's root with a
// leading slash, else from base, a folder URL. An old URL is a path of
// this site: no scheme, host, query or fragment (a static host finds a
// page by its path alone), no "." or ".." segment. A path ending in .html
// or .htm is a file; any other is a folder, whose index.html a static
// host serves for it with or without the trailing slash.
func aliasURL(s, base string) (string, error) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return "", fmt.Errorf("an alias must not be empty")
	case strings.HasPrefix(s, "//") || strings.Contains(strings.SplitN(strings.TrimPrefix(s, "/"), "/", 2)[0], ":"):
		return "", fmt.Errorf("alias %q is not a path of this site: write the old URL's path, like /old/page/", s)
	case strings.ContainsAny(s, "?#"):
		return "", fmt.Errorf("alias %q has a query or fragment: a static host finds a page by its path alone", s)
	}
	u, err := url.PathUnescape(s)
	if err != nil {
		return "", fmt.Errorf("alias %q is not a valid URL path: %v", s, err)
	}
	if !strings.HasPrefix(u, "/") {
		u = strings.TrimSuffix(base, "/") + "/" + u
	}
	folder := strings.HasSuffix(u, "/")
	rel := strings.Trim(u, "/")
	if rel == "" {
		return "", fmt.Errorf("alias %q is the site's root", s)
	}
	if !safeURLPath(rel) {
		return "", fmt.Errorf("alias %q is not a path that stays in place: no empty, . or .. segment, and no \\, %%, ? or #", s)
	}
	u = "/" + norm.NFC.String(rel)
	if ext := strings.ToLower(path.Ext(u)); !folder && (ext == ".html" || ext == ".htm") {
		return u, nil
	}
	return u + "/", nil
}
