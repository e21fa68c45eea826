// Package diagram draws the conductor model as SVG from a handbook's roles:
// the conductor at the centre, every other role on a ring around it, and a
// line for each pair of roles that collaborate.
//
// The drawing stays readable from a handful of roles to a few dozen: boxes
// never overlap and are sized to their labels (long titles wrap), labels
// are set at 12 px and more (on a phone the theme shows the drawing at one
// CSS pixel per unit, and it scrolls), the conductor's line to every role
// passes under no other box, other lines bend round the boxes in their
// way, and the roles are ordered round the ring so that few lines cross.
// It is a pure function of the roles: the same roles give the same bytes.
package diagram

import (
	"fmt"
	"html"
	"strings"

	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/i18n"
)

// Conductor picks the role at the centre: the first whose part is
// "Conductor", else the first role in order.
func Conductor(roles []*handbook.Role) *handbook.Role {
	for _, r := range roles {
		if strings.EqualFold(strings.TrimSpace(r.Part), "conductor") {
			return r
		}
	}
	if len(roles) > 0 {
		return roles[0]
	}
	return nil
}

// SVG draws the diagram. href turns a site-absolute URL into the link to
// write. The SVG is a group named by its title and described by its
// description (an image would hide the links inside it from assistive
// technology), and every role is a link named by the text it shows;
// Describe gives the same content as text, both in ui's words. Its
// width and height attributes are its size at one CSS pixel per unit, the
// size at which its labels are as large as they were laid out.
func SVG(roles []*handbook.Role, href func(string) string, ui *i18n.Strings) string {
	l := arrange(roles)
	if l == nil {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="conductor-diagram" width="%g" height="%g" viewBox="0 0 %g %g" role="group" aria-labelledby="cd-title" aria-describedby="cd-desc" xmlns="http://www.w3.org/2000/svg">`,
		l.width, l.height, l.width, l.height)
	fmt.Fprintf(&b, `<title id="cd-title">%s</title><desc id="cd-desc">%s</desc>`, html.EscapeString(ui.T("home.model")), html.EscapeString(Describe(roles, ui)))
	b.WriteString(`<g class="cd-lines">`)
	// The conductor's lines go on top of the others.
	for _, conductor := range []bool{false, true} {
		for _, ln := range l.lines {
			if ln.conductor != conductor {
				continue
			}
			cls := "cd-line"
			if conductor {
				cls += " cd-line-conductor"
			}
			if ln.straight {
				p0, p1 := ln.path[0].p0.round(), ln.path[0].p1.round()
				fmt.Fprintf(&b, `<line class="%s" x1="%g" y1="%g" x2="%g" y2="%g"/>`, cls, p0.x, p0.y, p1.x, p1.y)
				continue
			}
			p0 := ln.path[0].p0.round()
			fmt.Fprintf(&b, `<path class="%s" d="M%g %g`, cls, p0.x, p0.y)
			for _, k := range ln.path {
				c, p1 := k.c.round(), k.p1.round()
				fmt.Fprintf(&b, `Q%g %g %g %g`, c.x, c.y, p1.x, p1.y)
			}
			b.WriteString(`"/>`)
		}
	}
	b.WriteString(`</g>`)
	for i, n := range l.nodes {
		cls := "cd-node"
		if i == 0 {
			cls += " cd-conductor"
		}
		// A link is named by the words it shows, so that what a reader
		// sees is what a screen reader says and speech input can name it;
		// only a label wrapped inside a word or cut short takes the whole
		// name as its aria-label.
		label := ""
		if strings.Join(n.title, " ") != strings.Join(strings.Fields(n.role.Title), " ") ||
			strings.Join(n.part, " ") != strings.Join(strings.Fields(n.role.Part), " ") {
			label = n.role.Title
			if n.role.Part != "" {
				label += ", " + n.role.Part
			}
			label = ` aria-label="` + html.EscapeString(label) + `"`
		}
		r := n.box
		fmt.Fprintf(&b, `<a class="%s" href="%s"%s><rect x="%g" y="%g" width="%g" height="%g" rx="10"/>`,
			cls, html.EscapeString(href(n.role.URL)), label, round(r.minX()), round(r.minY()), round(2*r.hw), round(2*r.hh))
		y := r.minY() + padY
		for _, s := range n.title {
			fmt.Fprintf(&b, `<text x="%g" y="%g" font-size="%g" font-weight="600" class="cd-name">%s</text>`,
				round(r.c.x), round(y+baseline(titleSize, titleLead)), titleSize, html.EscapeString(s))
			y += titleLead
		}
		y += partGap
		for _, s := range n.part {
			fmt.Fprintf(&b, `<text x="%g" y="%g" font-size="%g" class="cd-part">%s</text>`,
				round(r.c.x), round(y+baseline(partSize, partLead)), partSize, html.EscapeString(s))
			y += partLead
		}
		b.WriteString(`</a>`)
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// baseline is where the text's baseline falls in a line lead high: the
// line's leading split above and below the font's ascent and descent
// (DejaVu Sans's, 0.928 and 0.236 of the size; other fonts' are close).
func baseline(size, lead float64) float64 {
	return (lead-size*(0.928+0.236))/2 + size*0.928
}

// Describe is the diagram as sentences in the site's words, for its text
// alternative.
func Describe(roles []*handbook.Role, ui *i18n.Strings) string {
	c := Conductor(roles)
	if c == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(ui.T("diagram.conducts", "role", c.Title))
	for _, r := range roles {
		if len(r.Collaborators) == 0 {
			continue
		}
		names := make([]string, len(r.Collaborators))
		for i, o := range r.Collaborators {
			names[i] = o.Title
		}
		b.WriteString(" " + ui.T("diagram.works_with", "role", r.Title, "roles", strings.Join(names, ", ")))
	}
	return b.String()
}
