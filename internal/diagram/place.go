package diagram

import "math"

// Placing the roles around the conductor.
//
// The places stand on a ring: a closed curve round the conductor. Measured
// in cells (a box and the least gap to the next, across and down), the
// ring is a superellipse |x|^p + |y/aspect|^p = 1, a rectangle with round
// corners. Two boxes are clear of each other when
// their centres are a cell apart across or down, so the places are spread
// round the ring an equal distance apart in that measure (the larger of
// the two moves): side by side along the top and bottom, one above
// another down the sides, and no closer round a corner.
//
// All the roles stand on one ring. A second ring inside it would hold the
// same roles in less room only if the conductor's lines to the outer ring
// could pass under the inner ring's boxes; a straight, clear line from the
// conductor to every role is the rule the layout keeps above all, and for
// it the inner ring's gaps must be nearly a box high near its corners,
// which costs more room than the second ring saves (docs/performance.md
// has the figures).
//
// Among the candidates (several aspects and exponents, a place at the top
// or two either side of it), each at the smallest scale where no boxes
// overlap and every conductor line is clear, place keeps the one with the
// smallest area, weighed against shapes far from 4:3 and against widths
// beyond the figure's.

// shape is a ring at scale 1, in cells, sampled clockwise from its top.
type shape struct {
	aspect, exponent float64
	pts              []point
}

func newShape(aspect, exponent float64) *shape {
	const samples = 720
	s := &shape{aspect: aspect, exponent: exponent, pts: make([]point, samples)}
	for i := range s.pts {
		t := 2*math.Pi*float64(i)/samples - math.Pi/2
		c, sn := math.Cos(t), math.Sin(t)
		s.pts[i] = point{math.Copysign(math.Pow(math.Abs(c), 2/exponent), c),
			aspect * math.Copysign(math.Pow(math.Abs(sn), 2/exponent), sn)}
	}
	return s
}

// cheb is the distance that keeps boxes apart: a cell across or down.
func cheb(p, q point) float64 { return max(math.Abs(p.x-q.x), math.Abs(p.y-q.y)) }

// walk goes clockwise round the ring from sample i and returns the first
// point at distance d from p, with the sample after it, or false if there
// is none by sample limit.
func (s *shape) walk(p point, i int, d float64, limit int) (point, int, bool) {
	n := len(s.pts)
	prev := s.pts[i%n]
	for k := i + 1; k <= limit; k++ {
		q := s.pts[k%n]
		if cheb(p, q) >= d {
			// Bisect on the segment from prev to q.
			lo, hi := 0.0, 1.0
			for range 16 {
				mid := (lo + hi) / 2
				if cheb(p, lerp(prev, q, mid)) >= d {
					hi = mid
				} else {
					lo = mid
				}
			}
			return lerp(prev, q, hi), k, true
		}
		prev = q
	}
	return point{}, 0, false
}

// spread puts n places round the ring at scale 1, each at distance d from
// the one before, symmetric about the vertical axis: one at the top (or,
// with split, two either side of it), the rest down the right half, each
// mirrored on the left, and one at the bottom when that leaves one over.
// It reports whether they fit, the last on the right at least d from its
// mirror image and from the bottom place.
func (s *shape) spread(n int, d float64, split bool) ([]point, bool) {
	bottom := len(s.pts) / 2 // the sample at the bottom of the ring
	var top []point
	if !split {
		top = []point{s.pts[0]}
	}
	half := (n - len(top)) / 2
	var right []point
	p, i := s.pts[0], 0
	for k := range half {
		step := d
		if k == 0 && split {
			step = d / 2 // the first and its mirror image d apart
		}
		var ok bool
		if p, i, ok = s.walk(p, i, step, bottom); !ok {
			return nil, false
		}
		right = append(right, p)
	}
	out := append(top, right...)
	if len(right) > 0 && 2*right[len(right)-1].x < d {
		return nil, false
	}
	if (n-len(top))%2 == 1 {
		b := s.pts[bottom]
		if len(out) > 0 && cheb(out[len(out)-1], b) < d {
			return nil, false
		}
		out = append(out, b)
	}
	for k := len(right) - 1; k >= 0; k-- {
		out = append(out, point{-right[k].x, right[k].y})
	}
	return out, true
}

// even finds the largest spacing at which n places fit round the ring at
// scale 1, and returns them.
func (s *shape) even(n int, split bool) ([]point, float64) {
	lo, hi := 0.0, 4*(1+s.aspect)
	for range 20 {
		mid := (lo + hi) / 2
		if _, ok := s.spread(n, mid, split); ok {
			lo = mid
		} else {
			hi = mid
		}
	}
	pts, _ := s.spread(n, lo, split)
	return pts, lo
}

// smallest spreads n places round the ring, a place at its top or
// (split) two either side of it, and scales them from where neighbours are
// a cell apart, in small steps, until they are clear: nil if they are not
// within reach.
func (s *shape) smallest(n int, split bool, cell, conductor rect) []point {
	unit, space := s.even(n, split)
	cw, ch := 2*cell.hw+gapX, 2*cell.hh+gapY
	// Below k0 neighbours are less than a cell apart, or some place is
	// within the conductor's gap both across and down.
	k0 := 1 / space
	for _, p := range unit {
		across := (conductor.hw + cell.hw + gapConductor) / (math.Abs(p.x) * cw)
		down := (conductor.hh + cell.hh + gapConductor) / (math.Abs(p.y) * ch)
		k0 = max(k0, min(across, down))
	}
	places := make([]point, n)
	for k := k0; k < 4*k0; k *= 1.02 {
		for i, p := range unit {
			places[i] = point{p.x * k * cw, p.y * k * ch}
		}
		if clear(places, cell, conductor) {
			return places
		}
	}
	return nil
}

// clear says whether boxes of size cell at places overlap neither each
// other nor the conductor's box, and whether the conductor's line to each
// passes clear of every other box.
func clear(places []point, cell, conductor rect) bool {
	for i, p := range places {
		b := cell.at(p)
		if !b.separated(conductor, gapConductor, gapConductor) {
			return false
		}
		for _, q := range places[:i] {
			if !b.separated(cell.at(q), gapX, gapY) {
				return false
			}
		}
	}
	o := point{}
	for i, p := range places {
		for j, q := range places {
			if i != j && cell.at(q).grow(clearance).hitBy(o, p) {
				return false
			}
		}
	}
	return true
}

// extent is the size of the drawing the places make, and how far the
// conductor's centre is from the drawing's, as a share of its size.
func extent(places []point, cell, conductor rect) (w, h, off float64) {
	x0, y0, x1, y1 := -conductor.hw, -conductor.hh, conductor.hw, conductor.hh
	for _, p := range places {
		x0, y0 = min(x0, p.x-cell.hw), min(y0, p.y-cell.hh)
		x1, y1 = max(x1, p.x+cell.hw), max(y1, p.y+cell.hh)
	}
	w, h = x1-x0+2*margin, y1-y0+2*margin
	return w, h, max(math.Abs(x0+x1)/2/w, math.Abs(y0+y1)/2/h)
}

// cost weighs a drawing of size w by h: its area, more when its shape is
// far from 4:3, when the conductor is off its centre, or when it is wider
// than the figure.
func cost(w, h, off float64) float64 {
	c := w * h * (1 + 2*max(0, h/w-1.1) + max(0, w/h-1.8)) * (1 + 3*off)
	if w > fitWidth {
		c *= (w / fitWidth) * (w / fitWidth)
	}
	return c
}

// place returns n places for boxes of size cell round the conductor's box
// at the origin, clockwise from the top.
func place(n int, cell, conductor rect) []point {
	if n == 0 {
		return nil
	}
	exponents := []float64{2.5, 4, 6}
	aspects := []float64{0.6, 0.8, 1, 1.25, 1.5, 1.8, 2.2, 2.6, 3}
	shapes := make([]*shape, len(exponents)*len(aspects))
	var best []point
	bestCost := math.Inf(1)
	for e, exponent := range exponents {
		for _, split := range []bool{false, true} {
			// The cost falls as the aspect grows towards the best and rises
			// after it: stop at the second rise.
			last, rises := math.Inf(1), 0
			for a, aspect := range aspects {
				sh := &shapes[e*len(aspects)+a]
				if *sh == nil {
					*sh = newShape(aspect, exponent)
				}
				places := (*sh).smallest(n, split, cell, conductor)
				if places == nil {
					continue
				}
				c := cost(extent(places, cell, conductor))
				if c < bestCost {
					best, bestCost = places, c
				}
				if c > last {
					if rises++; rises == 2 {
						break
					}
				}
				last = c
			}
		}
	}
	if best == nil {
		best = circle(n, cell, conductor)
	}
	return best
}

// circle spreads n places evenly on a circle wide enough to be clear by
// construction: neighbours a box's diagonal and a gap apart, every box
// further from each conductor line than its half diagonal and the
// clearance, and the conductor's box inside. place falls back on it if no
// ring was clear within reach, which no test has seen.
func circle(n int, cell, conductor rect) []point {
	diag := math.Hypot(cell.hw, cell.hh)
	r := math.Hypot(conductor.hw, conductor.hh) + diag + gapConductor
	if n > 2 {
		r = max(r, (diag+max(gapX, gapY)/2)/math.Sin(math.Pi/float64(n)), (diag+clearance)/math.Sin(2*math.Pi/float64(n)))
	}
	out := make([]point, n)
	for i := range out {
		a := 2 * math.Pi * float64(i) / float64(n)
		out[i] = point{r * math.Sin(a), -r * math.Cos(a)}
	}
	return out
}

// clockwise is the angle of p seen from the origin, clockwise from the top
// (y grows downwards), in [0, 2π).
func clockwise(p point) float64 {
	a := math.Atan2(p.x, -p.y)
	if a < 0 {
		a += 2 * math.Pi
	}
	return a
}
