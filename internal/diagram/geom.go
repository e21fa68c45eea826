package diagram

import "math"

// point is a position in the drawing, y growing downwards.
type point struct{ x, y float64 }

func (p point) add(q point) point      { return point{p.x + q.x, p.y + q.y} }
func (p point) sub(q point) point      { return point{p.x - q.x, p.y - q.y} }
func (p point) scale(k float64) point  { return point{p.x * k, p.y * k} }
func (p point) dist(q point) float64   { return math.Hypot(p.x-q.x, p.y-q.y) }
func (p point) round() point           { return point{round(p.x), round(p.y)} }
func lerp(p, q point, t float64) point { return p.add(q.sub(p).scale(t)) }
func dot(p, q point) float64           { return p.x*q.x + p.y*q.y }

// orient is positive when o, a, b turn one way, negative the other, zero
// when they are in line.
func orient(o, a, b point) float64 { return (a.x-o.x)*(b.y-o.y) - (a.y-o.y)*(b.x-o.x) }

// round keeps a tenth of a unit: what the SVG is written with.
func round(f float64) float64 { return math.Round(f*10) / 10 }

// rect is a box by its centre and half sizes.
type rect struct {
	c      point
	hw, hh float64
}

func (r rect) at(c point) rect     { return rect{c, r.hw, r.hh} }
func (r rect) grow(d float64) rect { return rect{r.c, r.hw + d, r.hh + d} }
func (r rect) minX() float64       { return r.c.x - r.hw }
func (r rect) minY() float64       { return r.c.y - r.hh }
func (r rect) inside(p point) bool { return math.Abs(p.x-r.c.x) < r.hw && math.Abs(p.y-r.c.y) < r.hh }

// separated says whether r and o are at least gx apart across or gy apart
// down.
func (r rect) separated(o rect, gx, gy float64) bool {
	return math.Abs(r.c.x-o.c.x) >= r.hw+o.hw+gx || math.Abs(r.c.y-o.c.y) >= r.hh+o.hh+gy
}

// crosses says whether segments ab and cd meet at a point inside both, or
// overlap along a line.
func crosses(a, b, c, d point) bool {
	const eps = 1e-9
	if max(a.x, b.x) < min(c.x, d.x) || max(c.x, d.x) < min(a.x, b.x) ||
		max(a.y, b.y) < min(c.y, d.y) || max(c.y, d.y) < min(a.y, b.y) {
		return false
	}
	d1, d2 := orient(c, d, a), orient(c, d, b)
	d3, d4 := orient(a, b, c), orient(a, b, d)
	if ((d1 > eps && d2 < -eps) || (d1 < -eps && d2 > eps)) && ((d3 > eps && d4 < -eps) || (d3 < -eps && d4 > eps)) {
		return true
	}
	if math.Abs(d1) > eps || math.Abs(d2) > eps {
		return false
	}
	// Collinear: do the two spans overlap?
	if math.Abs(a.x-b.x) < math.Abs(a.y-b.y) {
		a.x, b.x, c.x, d.x = a.y, b.y, c.y, d.y
	}
	return max(a.x, b.x) > min(c.x, d.x)+eps && max(c.x, d.x) > min(a.x, b.x)+eps
}

// hitBy says whether the segment pq passes through the inside of r
// (Liang-Barsky clipping: the part of the segment inside r has length).
func (r rect) hitBy(p, q point) bool {
	t0, t1 := 0.0, 1.0
	d := q.sub(p)
	for _, c := range [4][2]float64{
		{-d.x, p.x - (r.c.x - r.hw)}, {d.x, (r.c.x + r.hw) - p.x},
		{-d.y, p.y - (r.c.y - r.hh)}, {d.y, (r.c.y + r.hh) - p.y},
	} {
		if c[0] == 0 {
			if c[1] <= 0 {
				return false
			}
			continue
		}
		t := c[1] / c[0]
		if c[0] < 0 {
			t0 = max(t0, t)
		} else {
			t1 = min(t1, t)
		}
		if t0 >= t1 {
			return false
		}
	}
	return (t1-t0)*math.Hypot(d.x, d.y) > 1e-6
}

// curve is a quadratic Bézier curve; a straight line has its control point
// on the line.
type curve struct{ p0, c, p1 point }

func (k curve) at(t float64) point {
	return lerp(lerp(k.p0, k.c, t), lerp(k.c, k.p1, t), t)
}

// part is the piece of k between t0 and t1, itself a quadratic curve: its
// control point is the blossom of k at (t0, t1).
func (k curve) part(t0, t1 float64) curve {
	c := k.p0.scale((1 - t0) * (1 - t1)).add(k.c.scale((1-t0)*t1 + t0*(1-t1))).add(k.p1.scale(t0 * t1))
	return curve{k.at(t0), c, k.at(t1)}
}

// polyline samples k in n pieces.
func (k curve) polyline(n int) []point {
	pts := make([]point, n+1)
	for i := range pts {
		pts[i] = k.at(float64(i) / float64(n))
	}
	return pts
}

// leave finds where k, starting inside r at t=from, leaves it for good
// when walking towards t=to: the parameter of the crossing, to within
// 1/4096 of the curve.
func (k curve) leave(r rect, from, to float64) float64 {
	const steps = 64
	last := from
	for i := 1; i <= steps; i++ {
		t := from + (to-from)*float64(i)/steps
		if r.inside(k.at(t)) {
			last = t
		}
	}
	out := last + (to-from)/steps
	for range 6 {
		mid := (last + out) / 2
		if r.inside(k.at(mid)) {
			last = mid
		} else {
			out = mid
		}
	}
	return out
}
