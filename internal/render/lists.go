package render

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/batonhq/baton/internal/handbook"
)

// The lists a page repeats (breadcrumbs, table of contents, cards, chips
// and tag links) are written in Go, like the sidebar: through
// html/template each item cost several reflective calls and escapers, and
// these lists were most of a page's template actions. Each method writes
// the list's items only, so the theme keeps the markup around them, and
// escapes exactly as html/template would (TestListsMatchTemplate). They
// link with Rel, so like it they refuse to run inside a cached partial.

// CrumbItems is the breadcrumbs as list items.
func (v *View) CrumbItems() (template.HTML, error) {
	return v.items(".CrumbItems", func(b *strings.Builder) {
		for _, c := range v.Crumbs {
			b.WriteString("<li>")
			if c.URL != "" {
				b.WriteString(`<a href="`)
				writeAttrURL(b, v.rel(c.URL))
				b.WriteString(`">`)
				htmlEscape.WriteString(b, c.Title)
				b.WriteString("</a>")
			} else {
				b.WriteString(`<span aria-current="page">`)
				htmlEscape.WriteString(b, c.Title)
				b.WriteString("</span>")
			}
			b.WriteString("</li>")
		}
	})
}

// TOCItems is the table of contents as list items.
func (v *View) TOCItems() (template.HTML, error) {
	return v.items(".TOCItems", func(b *strings.Builder) {
		for _, h := range v.TOC {
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
func (v *View) ChipItems(rs []*handbook.Responsibility) (template.HTML, error) {
	return v.items(".ChipItems", func(b *strings.Builder) {
		for _, r := range rs {
			b.WriteString(`<li><a class="chip chip-`)
			htmlEscape.WriteString(b, r.Kind)
			b.WriteString(`" href="`)
			writeAttrURL(b, v.rel(r.URL))
			b.WriteString(`">`)
			htmlEscape.WriteString(b, r.Title)
			b.WriteString("</a></li>")
		}
	})
}

// TagLinks is a page's tags as links, separated by commas.
func (v *View) TagLinks(tags []*handbook.Tag) (template.HTML, error) {
	return v.items(".TagLinks", func(b *strings.Builder) {
		for i, t := range tags {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(`<a href="`)
			writeAttrURL(b, v.rel(t.URL))
			b.WriteString(`">`)
			htmlEscape.WriteString(b, t.Name)
			b.WriteString("</a>")
		}
	})
}

// PageItems is the partial's pages as cards, one list item a line.
func (s sub) PageItems() (template.HTML, error) {
	return s.View.items(".PageItems", func(b *strings.Builder) {
		for _, p := range s.Pages {
			b.WriteString("\n  <li class=\"card\"><a href=\"")
			writeAttrURL(b, s.View.rel(p.URL))
			b.WriteString(`"><span class="card-title">`)
			htmlEscape.WriteString(b, p.Title)
			b.WriteString("</span>")
			if p.Summary != "" {
				b.WriteString(`<span class="card-summary">`)
				htmlEscape.WriteString(b, p.Summary)
				b.WriteString("</span>")
			}
			b.WriteString("</a></li>\n")
		}
	})
}

// RoleItems is the partial's roles as chips.
func (s sub) RoleItems() (template.HTML, error) {
	return s.View.items(".RoleItems", func(b *strings.Builder) {
		for _, r := range s.Roles {
			b.WriteString(`<li><a class="chip chip-role" href="`)
			writeAttrURL(b, s.View.rel(r.URL))
			b.WriteString(`">`)
			htmlEscape.WriteString(b, r.Title)
			b.WriteString("</a></li>")
		}
	})
}

// items runs write into a new buffer, unless the view is being printed
// inside a cached partial, where the method named what would make links
// that are wrong on other pages.
func (v *View) items(what string, write func(*strings.Builder)) (template.HTML, error) {
	if err := v.mayLink(what); err != nil {
		return "", err
	}
	var b strings.Builder
	b.Grow(512)
	write(&b)
	return template.HTML(b.String()), nil
}

// writeURLPart writes s as html/template writes a string printed into a
// quoted href after its "#" or "?": every byte but letters, digits and
// "-._~" is percent-encoded.
func writeURLPart(b *strings.Builder, s string) {
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
