package diagram

import (
	"math"
	"slices"
)

// route draws each line from the edge of one box to the edge of the other.
// The conductor's lines are straight: place keeps them clear of every
// other box. A line between two other roles is straight where that passes
// under no other box (the conductor's included); otherwise it bends (see
// bend) round the boxes in its way.
func route(nodes []node, es [][2]int) []line {
	out := make([]line, 0, len(es))
	for _, e := range es {
		a, b := nodes[e[0]].box, nodes[e[1]].box
		straight := curve{a.c, lerp(a.c, b.c, 0.5), b.c}
		ln := line{a: e[0], b: e[1], conductor: e[0] == 0, straight: true, path: clip([]curve{straight}, a, b)}
		if !ln.conductor {
			if path, bent := bend(straight, a, b, nodes, e); bent {
				ln.path, ln.straight = path, false
			}
		}
		out = append(out, ln)
	}
	return out
}

// bend finds a course between boxes a and b for a line whose straight
// course passes under other boxes: first a quadratic curve whose control
// point leaves the straight line's middle sideways, towards the conductor
// first, by a share of the line's length that grows a fifth at a time (a
// bend must often thread a gap of a few pixels); then two curves joined
// smoothly at a point beside the conductor's box, where a line across the
// middle often finds its only gap. The first course clear of every box it
// does not join wins; if none is, the one under fewest boxes, if it beats
// the straight line (bent reports whether it found one).
func bend(straight curve, a, b rect, nodes []node, e [2]int) (best []curve, bent bool) {
	fewest := under(clip([]curve{straight}, a, b), nodes, e)
	if fewest == 0 {
		return nil, false
	}
	try := func(path []curve) bool {
		path = clip(path, a, b)
		if n := under(path, nodes, e); n < fewest {
			best, fewest, bent = path, n, true
		}
		return fewest == 0
	}
	d := b.c.sub(a.c)
	normal := point{-d.y, d.x} // as long as the line
	centre := nodes[0].box
	if dot(normal, centre.c.sub(straight.c)) < 0 {
		normal = normal.scale(-1)
	}
	for share := 0.05; share < 2.5; share *= 1.2 {
		for _, side := range []float64{1, -1} {
			if try([]curve{{a.c, straight.c.add(normal.scale(side * share)), b.c}}) {
				return best, true
			}
		}
	}
	// Round the conductor's box: through a point w beside it, heading along
	// its side there (across at the top and bottom, down at the sides,
	// diagonally at the corners), the two halves' control points a share of
	// the way out along that heading.
	for _, out := range []float64{4, 12, 24, 40} {
		hw, hh := centre.hw+clearance+out, centre.hh+clearance+out
		for _, w := range []point{{0, -hh}, {0, hh}, {-hw, 0}, {hw, 0}, {-hw, -hh}, {hw, -hh}, {-hw, hh}, {hw, hh}} {
			heading := point{-w.y / hh, w.x / hw} // along the box's outline, clockwise
			if dot(heading, d) < 0 {
				heading = heading.scale(-1)
			}
			heading = heading.scale(1 / math.Hypot(heading.x, heading.y))
			w = centre.c.add(w)
			for _, share := range []float64{0.35, 0.6} {
				c0 := w.sub(heading.scale(share * a.c.dist(w)))
				c1 := w.add(heading.scale(share * b.c.dist(w)))
				if try([]curve{{a.c, c0, w}, {w, c1, b.c}}) {
					return best, true
				}
			}
		}
	}
	return best, bent
}

// clip cuts a path to the piece between box a, where it starts, and box
// b, where it ends.
func clip(path []curve, a, b rect) []curve {
	path = slices.Clone(path)
	first, last := &path[0], &path[len(path)-1]
	if t := first.leave(a, 0, 1); t < 1 {
		*first = first.part(t, 1)
	}
	if t := last.leave(b, 1, 0); t > 0 {
		*last = last.part(0, t)
	}
	return path
}

// under counts the boxes, other than the two it joins, that a path passes
// under or comes within clearance of.
func under(path []curve, nodes []node, e [2]int) int {
	var pts []point
	for _, k := range path {
		pts = append(pts, k.polyline(24)...)
	}
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pts {
		x0, y0, x1, y1 = min(x0, p.x), min(y0, p.y), max(x1, p.x), max(y1, p.y)
	}
	n := 0
	for i, nd := range nodes {
		r := nd.box.grow(clearance)
		if i == e[0] || i == e[1] || r.c.x+r.hw < x0 || r.c.x-r.hw > x1 || r.c.y+r.hh < y0 || r.c.y-r.hh > y1 {
			continue
		}
		for j := 1; j < len(pts); j++ {
			if r.hitBy(pts[j-1], pts[j]) {
				n++
				break
			}
		}
	}
	return n
}
