package layout

import (
	"path"
	"regexp"
	"strings"
)

// A site written for another tool may have a page of its own for
// addresses that do not exist: Starlight's src/content/docs/404.md,
// VitePress' 404.md, the 404.md Jekyll publishes as GitHub Pages'
// not-found page; under a language's folder, that language's
// (Starlight's es/404.md). The tool shows it in place of a missing page,
// never in its navigation, search or sitemap; read as a page, it was one
// in all three. baton writes a not-found page of its own (404.html), so
// the view leaves the tool's out, as it leaves out Docusaurus' partials.

// localeRE is a folder's name that is a language tag (es, pt-br, zh-CN).
var localeRE = regexp.MustCompile(`^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?$`)

// notFoundPage reports whether the site's file r is the tool's not-found
// page: a page named 404 at Root, or in a language's folder there.
func (l Layout) notFoundPage(r string) bool {
	if l.Kind == Baton || !IsPage(path.Base(r)) || pageName(path.Base(r)) != "404" {
		return false
	}
	rel := r
	if l.Root != "." {
		var ok bool
		if rel, ok = strings.CutPrefix(r, l.Root+"/"); !ok {
			return false
		}
	}
	dir := path.Dir(rel)
	return dir == "." || !strings.Contains(dir, "/") && localeRE.MatchString(dir)
}

// pageName is a page's file name without its extensions (404.html.md is
// 404).
func pageName(name string) string {
	name, _, _ = strings.Cut(name, ".")
	return name
}
