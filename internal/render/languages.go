package render

import (
	"strings"

	"github.com/batonhq/baton/internal/handbook"
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

// translations lists the page at url in every language of site, in
// handbook.yaml's order; nil in a handbook of one language. It depends
// only on the page's URL (and the site), which the header, a partial
// printed with cached, adds to its keys in such a handbook. absolute is
// set for 404.html.
func translations(site *handbook.Site, url string, absolute bool) []Translation {
	if len(site.Languages) < 2 {
		return nil
	}
	own := site.Languages[site.Lang].Prefix
	from := "/" + own + strings.TrimPrefix(url, "/")
	// The root of the whole output, as this site's base URL names it.
	root := strings.TrimSuffix(site.Config.BaseURL, own)
	twins := site.Twins[url]
	out := make([]Translation, len(site.Languages))
	for i, l := range site.Languages {
		t := Translation{Code: l.Code, Name: l.Name, Current: i == site.Lang}
		to := url
		if absolute {
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
		case absolute:
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

// xDefault is the x-default link of a page in the languages ts.
func xDefault(ts []Translation) string {
	if len(ts) > 0 && !ts[0].Home {
		return ts[0].Alternate
	}
	return ""
}
