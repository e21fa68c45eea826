package layout

import (
	"path"
	"strings"

	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/strictyaml"
	"go.yaml.in/yaml/v3"
)

// Redirect is an old URL that a layout's settings send on.
type Redirect struct {
	// From is the old URL's path, from the site's root ("/old/page/").
	From string
	// To is where it leads, written as a link from the root of the pages
	// is: a page's path with a leading slash ("/guide/new.md#setup"), or
	// another site's address.
	To  string
	Pos diag.Pos
}

// mkdocsRedirects reads the redirects plugin's redirect_maps in
// mkdocs.yml's plugins: old page → new page or address, both paths of
// pages in docs_dir. An old page is published where MkDocs put it, with
// directory URLs (its default): guide/old.md at /guide/old/, and
// guide/index.md or guide/README.md at /guide/.
func mkdocsRedirects(file string, plugins *yaml.Node, diags *diag.List) []Redirect {
	if plugins == nil || plugins.Kind != yaml.SequenceNode {
		return nil
	}
	var out []Redirect
	for _, p := range plugins.Content {
		maps := value(value(p, "redirects"), "redirect_maps")
		if maps == nil {
			continue
		}
		if maps.Kind != yaml.MappingNode {
			diags.Warnf(strictyaml.Pos(file, maps), "redirect_maps is not a map of old page to new page; no redirects are made")
			continue
		}
		for i := 0; i+1 < len(maps.Content); i += 2 {
			k, v := maps.Content[i], maps.Content[i+1]
			if k.Kind != yaml.ScalarNode || v.Kind != yaml.ScalarNode {
				diags.Warnf(strictyaml.Pos(file, k), "redirect_maps entry is not old page: new page; left out")
				continue
			}
			out = append(out, Redirect{From: pageURL(k.Value), To: linkFromRoot(v.Value), Pos: strictyaml.Pos(file, k)})
		}
	}
	return out
}

// gitbookRedirects reads .gitbook.yaml's redirects: old URL path → the
// page it now is, a path from the book's root. GitBook finds a page by
// its path alone, so an old path with a fragment cannot be sent on by a
// page at that path: it is left out, with a warning.
func gitbookRedirects(file string, m *yaml.Node, diags *diag.List) []Redirect {
	if m == nil {
		return nil
	}
	if m.Kind != yaml.MappingNode {
		diags.Warnf(strictyaml.Pos(file, m), "redirects is not a map of old path to page; no redirects are made")
		return nil
	}
	var out []Redirect
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		pos := strictyaml.Pos(file, k)
		switch {
		case k.Kind != yaml.ScalarNode || v.Kind != yaml.ScalarNode:
			diags.Warnf(pos, "redirects entry is not old path: page; left out")
		case strings.Contains(k.Value, "#"):
			diags.Warnf(pos, "the redirect from %s names a fragment, which a browser never sends to the host: a static page cannot redirect it; left out", k.Value)
		default:
			out = append(out, Redirect{From: "/" + strings.Trim(k.Value, "/") + "/", To: linkFromRoot(v.Value), Pos: pos})
		}
	}
	return out
}

// pageURL is the URL MkDocs gives the page at p, a path in docs_dir.
func pageURL(p string) string {
	p = strings.TrimPrefix(strings.TrimSpace(p), "./")
	dir, base := path.Split(p)
	name := strings.TrimSuffix(base, path.Ext(base))
	switch strings.ToLower(name) {
	case "index", "readme":
		return "/" + dir
	}
	return "/" + dir + name + "/"
}

// linkFromRoot writes a page path of a layout's settings as a link from
// the root of the pages: another site's address stays as it is.
func linkFromRoot(to string) string {
	to = strings.TrimSpace(to)
	if strings.Contains(to, "://") {
		return to
	}
	return "/" + strings.TrimPrefix(strings.TrimPrefix(to, "./"), "/")
}
