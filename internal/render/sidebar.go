package render

import (
	"html/template"
	"strings"
)

// navHTML is the sidebar items as HTML.
func navHTML(s *scratch, items []NavItem) template.HTML {
	if len(items) == 0 {
		return ""
	}
	b := newHTMLBuilder(s, 4096)
	writeNav(&b, items)
	return b.html()
}

// writeNav writes one level of the sidebar and, under the open sections,
// the levels below.
func writeNav(b *htmlBuilder, items []NavItem) {
	b.WriteString("<ul>\n")
	for _, it := range items {
		if it.Caption {
			writeCaption(b, it)
			continue
		}
		switch {
		case it.More > 0:
			b.WriteString(`<li class="nav-more">`)
		case it.Section && it.Open:
			b.WriteString(`<li class="nav-section open">`)
		case it.Section:
			b.WriteString(`<li class="nav-section">`)
		default:
			b.WriteString("<li>")
		}
		b.WriteString(`<a href="`)
		writeAttrURL(b, it.Href)
		b.WriteByte('"')
		if it.Current {
			b.WriteString(` aria-current="page"`)
		}
		b.WriteByte('>')
		htmlEscape.WriteString(b, it.Title)
		b.WriteString("</a>")
		if len(it.Children) > 0 {
			b.WriteByte('\n')
			writeNav(b, it.Children)
		}
		b.WriteString("</li>\n")
	}
	b.WriteString("</ul>\n")
}

// writeCaption writes a caption of the handbook's own navigation: a
// heading that folds its pages (a details element, so it folds without
// script), or, with none, a title alone (an mdBook draft chapter).
func writeCaption(b *htmlBuilder, it NavItem) {
	if len(it.Children) == 0 {
		b.WriteString(`<li class="nav-caption"><span>`)
		htmlEscape.WriteString(b, it.Title)
		b.WriteString("</span></li>\n")
		return
	}
	b.WriteString(`<li class="nav-caption"><details`)
	if it.Open {
		b.WriteString(" open")
	}
	b.WriteString("><summary>")
	htmlEscape.WriteString(b, it.Title)
	b.WriteString("</summary>\n")
	writeNav(b, it.Children)
	b.WriteString("</details></li>\n")
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
func writeAttrURL(b *htmlBuilder, u string) {
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
