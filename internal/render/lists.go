package render

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/batonhq/baton/internal/markdown"
)

// The lists a page repeats (breadcrumbs, table of contents, cards, chips
// and tag links) are written in Go, like the sidebar: through
// html/template each item cost several reflective calls and escapers, and
// these lists were most of a page's template actions. Each method writes
// the list's items only, so the theme keeps the markup around them, and
// escapes exactly as html/template would (TestListsMatchTemplate). They
// link with Rel, so like it they refuse to run inside a cached partial.

// CrumbItems is the breadcrumbs as list items.
func (v *PageView) CrumbItems() (template.HTML, error) { return crumbItems(v, v.Crumbs) }

func crumbItems(v *PageView, crumbs []Crumb) (template.HTML, error) {
	return v.items(".CrumbItems", func(b *htmlBuilder) {
		for i, c := range crumbs {
			b.WriteString("<li>")
			switch {
			case c.URL != "":
				b.WriteString(`<a href="`)
				writeAttrURL(b, v.rel(c.URL))
				b.WriteString(`">`)
				htmlEscape.WriteString(b, c.Title)
				b.WriteString("</a>")
			case i == len(crumbs)-1:
				b.WriteString(`<span aria-current="page">`)
				htmlEscape.WriteString(b, c.Title)
				b.WriteString("</span>")
			default:
				b.WriteString("<span>")
				htmlEscape.WriteString(b, c.Title)
				b.WriteString("</span>")
			}
			b.WriteString("</li>")
		}
	})
}

// TOCItems is the table of contents as list items.
func (v *PageView) TOCItems() (template.HTML, error) { return tocItems(v, v.TOC) }

func tocItems(v *PageView, toc []markdown.Heading) (template.HTML, error) {
	return v.items(".TOCItems", func(b *htmlBuilder) {
		for _, h := range toc {
			b.WriteString(`<li class="toc-l`)
			b.WriteString(strconv.Itoa(h.Level))
			b.WriteString(`"><a href="#`)
			writeURLPart(b, h.ID)
			b.WriteString(`">`)
			htmlEscape.WriteString(b, h.Text)
			b.WriteString("</a></li>")
		}
	})
}

// ChipItems is a list of responsibilities as chips, coloured by kind.
func (v *PageView) ChipItems(rs []RespLink) (template.HTML, error) {
	return v.items(".ChipItems", func(b *htmlBuilder) {
		for _, r := range rs {
			writeChip(b, v.rel, r.URL, r.Title, r.Kind)
		}
	})
}

func writeChip(b *htmlBuilder, rel func(string) string, url, title, kind string) {
	b.WriteString(`<li><a class="chip chip-`)
	htmlEscape.WriteString(b, kind)
	b.WriteString(`" href="`)
	writeAttrURL(b, rel(url))
	b.WriteString(`">`)
	htmlEscape.WriteString(b, title)
	b.WriteString("</a></li>")
}

// TagLinks is a page's tags as links, separated by commas.
func (v *PageView) TagLinks(tags []TagLink) (template.HTML, error) {
	return v.items(".TagLinks", func(b *htmlBuilder) {
		for i, t := range tags {
			writeTagLink(b, v.rel, i, t.URL, t.Name)
		}
	})
}

func writeTagLink(b *htmlBuilder, rel func(string) string, i int, url, name string) {
	if i > 0 {
		b.WriteString(", ")
	}
	b.WriteString(`<a href="`)
	writeAttrURL(b, rel(url))
	b.WriteString(`">`)
	htmlEscape.WriteString(b, name)
	b.WriteString("</a>")
}

// PageItems is the partial's pages as cards, one list item a line.
func (s sub) PageItems() (template.HTML, error) {
	switch ps := s.Pages.(type) {
	case []PageLink:
		return s.View.items(".PageItems", func(b *htmlBuilder) {
			for _, p := range ps {
				writeCard(b, s.View.rel, p.URL, p.Title, p.Summary)
			}
		})
	}
	return "", fmt.Errorf("pages takes a list of pages, not %T", s.Pages)
}

func writeCard(b *htmlBuilder, rel func(string) string, url, title, summary string) {
	b.WriteString("\n  <li class=\"card\"><a href=\"")
	writeAttrURL(b, rel(url))
	b.WriteString(`"><span class="card-title">`)
	htmlEscape.WriteString(b, title)
	b.WriteString("</span>")
	if summary != "" {
		b.WriteString(`<span class="card-summary">`)
		htmlEscape.WriteString(b, summary)
		b.WriteString("</span>")
	}
	b.WriteString("</a></li>\n")
}

// RoleItems is the partial's roles as chips.
func (s sub) RoleItems() (template.HTML, error) {
	switch rs := s.Roles.(type) {
	case []Link:
		return s.View.items(".RoleItems", func(b *htmlBuilder) {
			for _, r := range rs {
				writeRoleChip(b, s.View.rel, r.URL, r.Title)
			}
		})
	}
	return "", fmt.Errorf("roles takes a list of roles, not %T", s.Roles)
}

func writeRoleChip(b *htmlBuilder, rel func(string) string, url, title string) {
	b.WriteString(`<li><a class="chip chip-role" href="`)
	writeAttrURL(b, rel(url))
	b.WriteString(`">`)
	htmlEscape.WriteString(b, title)
	b.WriteString("</a></li>")
}

// items runs write into a new buffer, unless the view is being printed
// inside a cached partial, where the method named what would make links
// that are wrong on other pages.
func (f *frame) items(what string, write func(*htmlBuilder)) (template.HTML, error) {
	if err := f.mayLink(what); err != nil {
		return "", err
	}
	b := newHTMLBuilder(f.scratch, 512)
	write(&b)
	return b.html(), nil
}

// writeURLPart writes s as html/template writes a string printed into a
// quoted href after its "#" or "?": every byte but letters, digits and
// "-._~" is percent-encoded.
func writeURLPart(b *htmlBuilder, s string) {
	const hex = "0123456789abcdef"
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~", c) >= 0 {
			continue
		}
		b.WriteString(s[written:i])
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
		written = i + 1
	}
	b.WriteString(s[written:])
}
