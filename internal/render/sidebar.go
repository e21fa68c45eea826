package render

import (
	"html/template"
	"strings"

	"github.com/batonhq/baton/internal/handbook"
)

// Sidebar is the sidebar's list as HTML, or "" for a view without one. It
// holds the same items as Nav. It is written in Go rather than by a
// template: the sidebar is most of each page's markup, and printing it
// through html/template's reflective escapers was half of the time spent
// rendering a page. Its escaping is html/template's, byte for byte
// (TestSidebarMatchesTemplate).
func (v *View) Sidebar() template.HTML {
	if v.noNav || v.Site == nil || v.Site.Root == nil {
		return ""
	}
	if !v.sideOK {
		var b strings.Builder
		b.Grow(4096)
		v.writeNav(&b, v.Site.Root)
		v.side, v.sideOK = template.HTML(b.String()), true
	}
	return v.side
}

// writeNav writes one level of the sidebar: a section's children, with
// the sections on the way to the page opened.
func (v *View) writeNav(b *strings.Builder, s *handbook.Section) {
	if len(s.Children) == 0 {
		return
	}
	b.WriteString("<ul>\n")
	for _, c := range s.Children {
		open := c.IsSection && v.navPage != nil && within(v.navPage.Section, c.Section)
		switch {
		case c.IsSection && open:
			b.WriteString(`<li class="nav-section open">`)
		case c.IsSection:
			b.WriteString(`<li class="nav-section">`)
		default:
			b.WriteString("<li>")
		}
		b.WriteString(`<a href="`)
		writeAttrURL(b, v.rel(c.URL))
		b.WriteByte('"')
		if c == v.navPage {
			b.WriteString(` aria-current="page"`)
		}
		b.WriteByte('>')
		htmlEscape.WriteString(b, c.Title)
		b.WriteString("</a>")
		if open && len(c.Section.Children) > 0 {
			b.WriteByte('\n')
			v.writeNav(b, c.Section)
		}
		b.WriteString("</li>\n")
	}
	b.WriteString("</ul>\n")
}

// within reports whether section s is sec or one of its descendants.
func within(s, sec *handbook.Section) bool {
	for ; s != nil; s = s.Parent {
		if s == sec {
			return true
		}
	}
	return false
}

// htmlEscape is html/template's escaping of a string in text or in a quoted
// attribute. Every byte it replaces is ASCII, so replacing bytes gives the
// same result as html/template's rune loop, invalid UTF-8 included.
var htmlEscape = strings.NewReplacer(
	"\x00", "\uFFFD",
	`"`, "&#34;",
	"&", "&amp;",
	"'", "&#39;",
	"+", "&#43;",
	"<", "&lt;",
	">", "&gt;",
)

// writeAttrURL writes u as html/template writes a string printed into a
// quoted href: a scheme other than http, https or mailto is refused, bytes
// a URL may not hold are percent-encoded (valid escapes kept), and the
// result is escaped for the attribute.
func writeAttrURL(b *strings.Builder, u string) {
	if scheme, _, ok := strings.Cut(u, ":"); ok && !strings.Contains(scheme, "/") &&
		!strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
		b.WriteString("#ZgotmplZ")
		return
	}
	const hex = "0123456789abcdef"
	var norm strings.Builder
	written := 0
	for i := 0; i < len(u); i++ {
		c := u[i]
		if urlKeeps(c) || c == '%' && i+2 < len(u) && isHex(u[i+1]) && isHex(u[i+2]) {
			continue
		}
		if written == 0 {
			norm.Grow(len(u) + 16)
		}
		norm.WriteString(u[written:i])
		norm.WriteByte('%')
		norm.WriteByte(hex[c>>4])
		norm.WriteByte(hex[c&15])
		written = i + 1
	}
	if written != 0 {
		norm.WriteString(u[written:])
		u = norm.String()
	}
	htmlEscape.WriteString(b, u)
}

// urlKeeps reports whether html/template's URL normalizer leaves byte c as
// it is: the unreserved and reserved characters of RFC 3986, except the
// quote and parentheses.
func urlKeeps(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("!#$&*+,/:;=?@[]-._~", c) >= 0
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
