package handbook

import (
	"cmp"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/markdown"
)

// wikiLink resolves a wiki link of page p ([[Note]], ![[x.png]]): as the
// path it names, relative to the page, when that is a file of the site;
// else as the file of that name anywhere in the site, in any case, the one
// nearest the root when several have it, as Obsidian finds it. A name with folders
// ([[Team/Note]]) names a file whose path ends with them.
func (r *resolver) wikiLink(p *Page, l markdown.Link, pos diag.Pos, seenRole map[*Role]bool) Href {
	dest := l.Dest
	target, frag, _ := strings.Cut(dest, "#")
	if name, err := url.PathUnescape(target); err == nil && target != "" {
		if _, _, ok := r.find(p, name, ""); !ok {
			if file := r.wikiFile(name); file != "" {
				dest = escapePath("/" + strings.TrimPrefix(file, "content/"))
				if frag != "" {
					dest += "#" + frag
				}
			}
		}
	}
	return r.link(p, dest, l.Image, pos, seenRole)
}

// wikiFile is the file a wiki link's name means, or "": a page of that
// name with any page extension, or a file of that very name.
func (r *resolver) wikiFile(name string) string {
	if r.wikiNames == nil {
		r.wikiNames = map[string][]string{}
		for f := range r.pages {
			k := strings.ToLower(path.Base(f))
			r.wikiNames[k] = append(r.wikiNames[k], f)
		}
		for f := range r.static {
			k := strings.ToLower(path.Base(f))
			r.wikiNames[k] = append(r.wikiNames[k], f)
		}
	}
	var found []string
	for _, n := range append([]string{name}, withPageExts(name)...) {
		n = strings.ToLower(n)
		for _, f := range r.wikiNames[path.Base(n)] {
			if strings.HasSuffix(strings.ToLower(f), "/"+n) {
				found = append(found, f)
			}
		}
	}
	if len(found) == 0 {
		return ""
	}
	return slices.MinFunc(found, func(a, b string) int {
		return cmp.Or(cmp.Compare(strings.Count(a, "/"), strings.Count(b, "/")), strings.Compare(a, b))
	})
}

// withPageExts is name with each page extension.
func withPageExts(name string) []string {
	out := make([]string, len(pageExts))
	for i, e := range pageExts {
		out[i] = name + e
	}
	return out
}

// escapePath escapes each segment of a slash-separated path for a link.
func escapePath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}
