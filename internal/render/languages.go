package render

import (
	"strings"
)

// Translation is one language of a multilingual handbook as a page offers
// it: the same page in that language, or that language's home page where
// it has no such page.
type Translation struct {
	Code string // "de"
	Name string // in itself: "Deutsch"
	// Href links to it from the page (from the base URL's path on pages
	// that link so, 404.html); Alternate is the same address for the
	// head's hreflang links, absolute where the base URL names its host.
	Href      string
	Alternate string
	// Current marks the page's own language; Home marks a language
	// without this page, where Href is that language's home page.
	Current bool
	Home    bool
}

// Translations lists the page in every language of a multilingual
// handbook, in handbook.yaml's order; nil in a handbook of one language.
// It depends only on the page's URL (and the site), which the header, a
// partial printed with cached, adds to its keys in such a handbook.
func (v *View) Translations() []Translation {
	site := v.Site
	if len(site.Languages) < 2 {
		return nil
	}
	own := site.Languages[site.Lang].Prefix
	from := "/" + own + strings.TrimPrefix(v.URL, "/")
	// The root of the whole output, as this site's base URL names it.
	root := strings.TrimSuffix(site.Config.BaseURL, own)
	twins := site.Twins[v.URL]
	out := make([]Translation, len(site.Languages))
	for i, l := range site.Languages {
		t := Translation{Code: l.Code, Name: l.Name, Current: i == site.Lang}
		to := v.URL
		if v.Absolute {
			// 404.html stands for every missing page: each language's
			// link is its home page.
			to = "/"
		}
		if !t.Current {
			to = ""
			if i < len(twins) {
				to = twins[i]
			}
			if to == "" {
				to, t.Home = "/", true
			}
		}
		at := l.Prefix + strings.TrimPrefix(to, "/")
		switch {
		case v.Absolute:
			t.Href = basePath(root) + at
		default:
			t.Href = Rel(from, "/"+at)
		}
		t.Alternate = t.Href
		if site.Config.Absolute() {
			t.Alternate = root + at
		}
		out[i] = t
	}
	return out
}

// XDefault is the default language's version of the page for the head's
// hreflang="x-default" link, or "" where it has none.
func (v *View) XDefault() string {
	if ts := v.Translations(); len(ts) > 0 && !ts[0].Home {
		return ts[0].Alternate
	}
	return ""
}
