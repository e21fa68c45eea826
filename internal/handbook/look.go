package handbook

import (
	"strings"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/strictyaml"
)

// Look is the site's own logo, favicon and stylesheets (handbook.yaml's
// theme), as site-absolute URLs; empty where the theme's own stand.
type Look struct {
	Logo, Favicon string
	CSS           []string
}

// look finds the files handbook.yaml's theme names among the site's
// static files, once they all hold their URLs.
func (r *resolver) look() {
	l := r.cfg.Look
	r.site.Look.Logo = r.lookFile(l.Logo, "logo")
	r.site.Look.Favicon = r.lookFile(l.Favicon, "favicon")
	for _, css := range l.CSS {
		if u := r.lookFile(css, "css"); u != "" {
			r.site.Look.CSS = append(r.site.Look.CSS, u)
		}
	}
}

// lookFile is the URL of the static file handbook.yaml's theme key names,
// or "" with an error.
func (r *resolver) lookFile(s strictyaml.Str, key string) string {
	return r.siteFile(s, "theme "+key, "/static/img/logo.svg")
}

// findFromRoot finds what dest names, read as a link on a page at the
// content folder's root: how settings and people's files name files.
func (r *resolver) findFromRoot(dest string) (Href, string, bool) {
	return r.find(&Page{File: "content/index.md", URL: "/"}, dest, "")
}

// siteFile is the URL of the static file s names, read from the content
// folder's root, kept in the output even in a handbook written for another
// tool; or "" with an error naming what (a theme key, a photo) and an
// example.
func (r *resolver) siteFile(s strictyaml.Str, what, example string) string {
	v := strings.TrimSpace(s.Value)
	if v == "" {
		return ""
	}
	h, file, ok := r.findFromRoot(v)
	if !ok || r.static[file] == nil {
		r.diags.Errorf(s.Pos, "%s %q is not a file of the site: put it in content/static/ and write its path, like %s", what, v, example)
		return ""
	}
	r.linked[file] = true
	return h.URL
}

// footer resolves the links of handbook.yaml's theme footer, as links on
// the home page, reported at the footer key: the page it makes stands for
// the footer (Site.Footer), at no URL of its own.
func (r *resolver) footer() {
	doc := r.opts.Footer
	if doc == nil {
		return
	}
	p := &Page{File: config.File, URL: "/", Doc: doc}
	seen := make(map[*Role]bool, len(r.roleFiles))
	for _, role := range r.roleFiles {
		seen[role] = true // the footer names no role
	}
	for _, l := range doc.Links {
		p.Hrefs = append(p.Hrefs, r.link(p, l.Dest, l.Image, r.cfg.Look.Footer.Pos, seen))
	}
	r.site.Footer = p
}
