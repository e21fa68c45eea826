package diagram

import (
	"math"
	"slices"

	"github.com/batonhq/baton/internal/handbook"
)

// Sizes, in SVG user units. On a narrow screen the theme draws the diagram
// at one CSS pixel per unit (it scrolls rather than shrinks), so these are
// pixels on a phone, and no label there is smaller than partSize px.
const (
	titleSize, titleLead = 14.0, 17.0
	partSize, partLead   = 12.0, 15.0
	padX, padY           = 10.0, 8.0 // between a box's edge and its label
	partGap              = 2.0       // between a title and its part
	minText, maxText     = 84.0, 150.0
	maxConductorText     = 220.0
	maxTitleLines        = 3
	maxPartLines         = 2
	// gapX and gapY are the least gaps between two boxes; the conductor's
	// box keeps a wider one, so that its lines show between it and the
	// others.
	gapX, gapY   = 18.0, 14.0
	gapConductor = 30.0
	// clearance is how far a line keeps from a box it does not join.
	clearance = 5.0
	// margin surrounds the drawing, room for the focus outline.
	margin = 6.0
	// fitWidth is the width the theme's figure gives the diagram on a
	// desktop (46rem, less its padding and border): a layout that fits it
	// is preferred to a smaller one that does not.
	fitWidth = 46*16 - 2*16 - 2
)

func titleStyle() style { return style{titleSize, titleLead, true} }
func partStyle() style  { return style{partSize, partLead, false} }

// node is a role's box and its label, as lines.
type node struct {
	role        *handbook.Role
	box         rect
	title, part []string
}

// line joins two nodes, by their indexes, along one quadratic curve or
// two joined smoothly; the conductor's lines are straight.
type line struct {
	a, b      int
	conductor bool
	path      []curve
	straight  bool
}

// layout is the drawing: the conductor is nodes[0].
type layout struct {
	width, height float64
	nodes         []node
	lines         []line
}

// arrange lays the roles out: the conductor in the middle, the others on
// a ring around it (see place), ordered so that few lines cross (see
// order), and the lines routed round the boxes they do not join (see
// route).
func arrange(roles []*handbook.Role) *layout {
	c := Conductor(roles)
	if c == nil {
		return nil
	}
	others := slices.DeleteFunc(slices.Clone(roles), func(r *handbook.Role) bool { return r == c })
	ts, ps := titleStyle(), partStyle()

	// One width for every box but the conductor's: the narrowest that sets
	// each title and each part on two lines, within bounds.
	text := minText
	for _, r := range others {
		text = max(text, ts.twoLines(r.Title), ps.twoLines(r.Part))
	}
	text = min(math.Ceil(text), maxText)
	nodes := make([]node, 0, len(roles))
	condText := min(max(text, math.Ceil(max(ts.width(c.Title), ps.width(c.Part)))), maxConductorText)
	nodes = append(nodes, labelled(c, condText))
	cell := rect{}
	for _, r := range others {
		n := labelled(r, text)
		cell.hw, cell.hh = max(cell.hw, n.box.hw), max(cell.hh, n.box.hh)
		nodes = append(nodes, n)
	}

	places := place(len(others), cell, nodes[0].box)
	es := edges(roles, c, others)
	at := order(len(others), es, places, cell, nodes[0].box)
	// The nodes go in the order a reader sees them, the conductor then the
	// ring clockwise from the top (places are in that order), so that the
	// links' focus order goes round the ring.
	ringed := make([]node, len(nodes))
	ringed[0] = nodes[0]
	for i := range others {
		ringed[at[i]+1] = nodes[i+1]
		ringed[at[i]+1].box.c = places[at[i]]
	}
	for k, e := range es {
		a, b := e[0], e[1]
		if a > 0 {
			a = at[a-1] + 1
		}
		b = at[b-1] + 1
		es[k] = [2]int{min(a, b), max(a, b)}
	}
	l := &layout{nodes: ringed}
	l.lines = route(ringed, es)
	l.frame()
	return l
}

// labelled sets a role's label in a box whose text is width wide.
func labelled(r *handbook.Role, width float64) node {
	n := node{role: r, title: titleStyle().wrap(r.Title, width, maxTitleLines)}
	h := 2*padY + titleLead*float64(len(n.title))
	if r.Part != "" {
		n.part = partStyle().wrap(r.Part, width, maxPartLines)
		h += partGap + partLead*float64(len(n.part))
	}
	n.box = rect{hw: width/2 + padX, hh: h / 2}
	return n
}

// edges lists each pair of collaborating roles once, by node index (0 the
// conductor, i+1 the others[i]), in the order the roles list them.
func edges(roles []*handbook.Role, c *handbook.Role, others []*handbook.Role) [][2]int {
	idx := map[*handbook.Role]int{c: 0}
	for i, r := range others {
		idx[r] = i + 1
	}
	seen := map[[2]int]bool{}
	var out [][2]int
	for _, r := range roles {
		for _, o := range r.Collaborators {
			a, okA := idx[r]
			b, okB := idx[o]
			if !okA || !okB || a == b {
				continue
			}
			e := [2]int{min(a, b), max(a, b)}
			if !seen[e] {
				seen[e] = true
				out = append(out, e)
			}
		}
	}
	return out
}

// frame moves the drawing so that it starts at (margin, margin) and sets
// its size to hold every box and line.
func (l *layout) frame() {
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, n := range l.nodes {
		x0, y0 = min(x0, n.box.c.x-n.box.hw), min(y0, n.box.c.y-n.box.hh)
		x1, y1 = max(x1, n.box.c.x+n.box.hw), max(y1, n.box.c.y+n.box.hh)
	}
	for _, ln := range l.lines {
		for _, k := range ln.path {
			for _, p := range k.polyline(16) {
				x0, y0, x1, y1 = min(x0, p.x), min(y0, p.y), max(x1, p.x), max(y1, p.y)
			}
		}
	}
	shift := point{margin - math.Floor(x0), margin - math.Floor(y0)}
	for i := range l.nodes {
		l.nodes[i].box.c = l.nodes[i].box.c.add(shift)
	}
	for _, ln := range l.lines {
		for i := range ln.path {
			k := &ln.path[i]
			k.p0, k.c, k.p1 = k.p0.add(shift), k.c.add(shift), k.p1.add(shift)
		}
	}
	l.width = math.Ceil(x1+shift.x) + margin
	l.height = math.Ceil(y1+shift.y) + margin
}
