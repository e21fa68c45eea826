// Package diagram draws the conductor model as SVG from a handbook's roles:
// the conductor at the centre, every other role on a circle around it, and
// a line for each pair of roles that collaborate.
package diagram

import (
	"fmt"
	"html"
	"math"
	"slices"
	"strings"

	"github.com/batonhq/baton/internal/handbook"
)

const (
	width   = 780
	height  = 560
	radiusX = 300
	radiusY = 215
	nodeW   = 150
	nodeH   = 44
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
// write. The SVG carries a title and description, and every role is a link
// with an accessible name; Describe gives the same content as text.
func SVG(roles []*handbook.Role, href func(string) string) string {
	c := Conductor(roles)
	if c == nil {
		return ""
	}
	others := slices.DeleteFunc(slices.Clone(roles), func(r *handbook.Role) bool { return r == c })
	// The others stand on an ellipse, wider than tall, so their labels
	// have room side by side.
	pos := map[*handbook.Role][2]float64{c: {width / 2, height / 2}}
	for i, r := range others {
		a := 2*math.Pi*float64(i)/float64(len(others)) - math.Pi/2
		pos[r] = [2]float64{width/2 + radiusX*math.Cos(a), height/2 + radiusY*math.Sin(a)}
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="conductor-diagram" viewBox="0 0 %d %d" role="img" aria-labelledby="cd-title cd-desc" xmlns="http://www.w3.org/2000/svg">`, width, height)
	fmt.Fprintf(&b, `<title id="cd-title">The conductor model</title><desc id="cd-desc">%s</desc>`, html.EscapeString(Describe(roles)))
	b.WriteString(`<g class="cd-lines">`)
	type pair struct{ a, b *handbook.Role }
	drawn := map[pair]bool{}
	for _, r := range roles {
		for _, o := range r.Collaborators {
			p := pair{r, o}
			if r.ID > o.ID {
				p = pair{o, r}
			}
			if drawn[p] {
				continue
			}
			drawn[p] = true
			cls := "cd-line"
			if p.a == c || p.b == c {
				cls += " cd-line-conductor"
			}
			fmt.Fprintf(&b, `<line class="%s" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`, cls, pos[p.a][0], pos[p.a][1], pos[p.b][0], pos[p.b][1])
		}
	}
	b.WriteString(`</g>`)
	for _, r := range append([]*handbook.Role{c}, others...) {
		x, y := pos[r][0], pos[r][1]
		cls := "cd-node"
		if r == c {
			cls += " cd-conductor"
		}
		fmt.Fprintf(&b, `<a class="%s" href="%s"><rect x="%.1f" y="%.1f" width="%d" height="%d" rx="10"/>`,
			cls, html.EscapeString(href(r.URL)), x-nodeW/2, y-nodeH/2, nodeW, nodeH)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" class="cd-name">%s</text>`, x, y-2, html.EscapeString(clip(r.Title, 20)))
		if r.Part != "" {
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" class="cd-part">%s</text>`, x, y+13, html.EscapeString(clip(r.Part, 24)))
		}
		b.WriteString(`</a>`)
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// Describe is the diagram as a sentence, for its text alternative.
func Describe(roles []*handbook.Role) string {
	c := Conductor(roles)
	if c == nil {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s conducts at the centre.", c.Title)
	for _, r := range roles {
		if len(r.Collaborators) == 0 {
			continue
		}
		names := make([]string, len(r.Collaborators))
		for i, o := range r.Collaborators {
			names[i] = o.Title
		}
		fmt.Fprintf(&b, " %s works with %s.", r.Title, strings.Join(names, ", "))
	}
	return b.String()
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
