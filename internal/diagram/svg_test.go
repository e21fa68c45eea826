package diagram_test

import (
	"encoding/xml"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
)

// The tests read the diagram as a browser would: from the SVG that SVG
// writes, not from the layout's internals.

type pt struct{ x, y float64 }

type box struct{ x0, y0, x1, y1 float64 }

func (b box) inset(d float64) box { return box{b.x0 + d, b.y0 + d, b.x1 - d, b.y1 - d} }

func (b box) centre() pt { return pt{(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2} }

func (b box) contains(p pt, tol float64) bool {
	return p.x >= b.x0-tol && p.x <= b.x1+tol && p.y >= b.y0-tol && p.y <= b.y1+tol
}

// overlaps says whether two boxes come closer than margin.
func (b box) overlaps(o box, margin float64) bool {
	return b.x0 < o.x1+margin && o.x0 < b.x1+margin && b.y0 < o.y1+margin && o.y0 < b.y1+margin
}

type svgText struct {
	x, y, size float64
	bold       bool
	class, s   string
}

type svgNode struct {
	href, label, class string
	box                box
	texts              []svgText
}

type svgLine struct {
	class string
	pts   []pt // the line as drawn: a polyline, curves sampled
}

type svgDoc struct {
	width, height  float64 // the width and height attributes, 0 when absent
	vb             box
	role, labelled string
	described      string
	ids            map[string]string // text of elements with an id
	nodes          []svgNode
	lines          []svgLine
}

func attr(se xml.StartElement, name string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

func num(t *testing.T, se xml.StartElement, name string) float64 {
	t.Helper()
	s, ok := attr(se, name)
	if !ok {
		t.Fatalf("<%s> has no %s", se.Name.Local, name)
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("<%s %s=%q>: %v", se.Name.Local, name, s, err)
	}
	return f
}

// parseSVG reads the diagram's SVG.
func parseSVG(t *testing.T, s string) svgDoc {
	t.Helper()
	doc := svgDoc{ids: map[string]string{}}
	dec := xml.NewDecoder(strings.NewReader(s))
	var node *svgNode
	var text *svgText
	var idElem string
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if id, ok := attr(tok, "id"); ok {
				idElem = id
			}
			class, _ := attr(tok, "class")
			switch tok.Name.Local {
			case "svg":
				vb, _ := attr(tok, "viewBox")
				var x, y, w, h float64
				if _, err := fmt.Sscan(vb, &x, &y, &w, &h); err != nil {
					t.Fatalf("viewBox %q: %v", vb, err)
				}
				doc.vb = box{x, y, x + w, y + h}
				if _, ok := attr(tok, "width"); ok {
					doc.width = num(t, tok, "width")
					doc.height = num(t, tok, "height")
				}
				doc.role, _ = attr(tok, "role")
				doc.labelled, _ = attr(tok, "aria-labelledby")
				doc.described, _ = attr(tok, "aria-describedby")
			case "a":
				href, _ := attr(tok, "href")
				label, _ := attr(tok, "aria-label")
				doc.nodes = append(doc.nodes, svgNode{href: href, label: label, class: class})
				node = &doc.nodes[len(doc.nodes)-1]
			case "rect":
				if node != nil {
					x, y := num(t, tok, "x"), num(t, tok, "y")
					node.box = box{x, y, x + num(t, tok, "width"), y + num(t, tok, "height")}
				}
			case "text":
				st := svgText{x: num(t, tok, "x"), y: num(t, tok, "y"), class: class}
				if s, ok := attr(tok, "font-size"); ok {
					st.size, _ = strconv.ParseFloat(s, 64)
				}
				w, _ := attr(tok, "font-weight")
				st.bold = w == "bold" || w == "600" || w == "700"
				text = &st
			case "line":
				doc.lines = append(doc.lines, svgLine{class: class, pts: []pt{
					{num(t, tok, "x1"), num(t, tok, "y1")}, {num(t, tok, "x2"), num(t, tok, "y2")}}})
			case "path":
				d, _ := attr(tok, "d")
				doc.lines = append(doc.lines, svgLine{class: class, pts: parsePath(t, d)})
			}
		case xml.CharData:
			if text != nil {
				text.s += string(tok)
			}
			if idElem != "" {
				doc.ids[idElem] += string(tok)
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "a":
				node = nil
			case "text":
				if node != nil && text != nil {
					node.texts = append(node.texts, *text)
				}
				text = nil
			case "title", "desc":
				idElem = ""
			}
		}
	}
	return doc
}

// parsePath reads the absolute M, L and Q commands the diagram writes and
// returns the path as a polyline, each curve in 32 pieces.
func parsePath(t *testing.T, d string) []pt {
	t.Helper()
	f := strings.Fields(strings.NewReplacer(",", " ", "M", " M ", "L", " L ", "Q", " Q ").Replace(d))
	var pts []pt
	read := func(i int) pt {
		if i+1 >= len(f) {
			t.Fatalf("path %q ends early", d)
		}
		x, err1 := strconv.ParseFloat(f[i], 64)
		y, err2 := strconv.ParseFloat(f[i+1], 64)
		if err1 != nil || err2 != nil {
			t.Fatalf("path %q: bad number at %q %q", d, f[i], f[i+1])
		}
		return pt{x, y}
	}
	for i := 0; i < len(f); {
		switch f[i] {
		case "M", "L":
			pts = append(pts, read(i+1))
			i += 3
		case "Q":
			p0, c, p1 := pts[len(pts)-1], read(i+1), read(i+3)
			for k := 1; k <= 32; k++ {
				u := float64(k) / 32
				pts = append(pts, pt{
					(1-u)*(1-u)*p0.x + 2*u*(1-u)*c.x + u*u*p1.x,
					(1-u)*(1-u)*p0.y + 2*u*(1-u)*c.y + u*u*p1.y,
				})
			}
			i += 5
		default:
			t.Fatalf("path %q: command %q not understood", d, f[i])
		}
	}
	return pts
}

func cross(o, a, b pt) float64 { return (a.x-o.x)*(b.y-o.y) - (a.y-o.y)*(b.x-o.x) }

// segmentsMeet says whether segments ab and cd share a point.
func segmentsMeet(a, b, c, d pt) bool {
	const eps = 1e-9
	d1, d2 := cross(c, d, a), cross(c, d, b)
	d3, d4 := cross(a, b, c), cross(a, b, d)
	if ((d1 > eps && d2 < -eps) || (d1 < -eps && d2 > eps)) && ((d3 > eps && d4 < -eps) || (d3 < -eps && d4 > eps)) {
		return true
	}
	on := func(p, q, r pt, o float64) bool { // r on segment pq, given collinear
		return math.Abs(o) <= eps && math.Min(p.x, q.x)-eps <= r.x && r.x <= math.Max(p.x, q.x)+eps &&
			math.Min(p.y, q.y)-eps <= r.y && r.y <= math.Max(p.y, q.y)+eps
	}
	return on(c, d, a, d1) || on(c, d, b, d2) || on(a, b, c, d3) || on(a, b, d, d4)
}

func polylinesMeet(p, q []pt) bool {
	for i := 1; i < len(p); i++ {
		for j := 1; j < len(q); j++ {
			if segmentsMeet(p[i-1], p[i], q[j-1], q[j]) {
				return true
			}
		}
	}
	return false
}

// segmentHitsBox says whether segment ab passes through the inside of b.
func segmentHitsBox(a, c pt, b box) bool {
	if b.contains(a, 0) || b.contains(c, 0) {
		return true
	}
	corners := []pt{{b.x0, b.y0}, {b.x1, b.y0}, {b.x1, b.y1}, {b.x0, b.y1}}
	for i := range corners {
		if segmentsMeet(a, c, corners[i], corners[(i+1)%4]) {
			return true
		}
	}
	return false
}

func polylineHitsBox(p []pt, b box) bool {
	for i := 1; i < len(p); i++ {
		if segmentHitsBox(p[i-1], p[i], b) {
			return true
		}
	}
	return false
}

// ends finds the nodes a line joins: the boxes its two ends touch.
func (doc svgDoc) ends(t *testing.T, l svgLine) (int, int) {
	t.Helper()
	find := func(p pt) int {
		for i, n := range doc.nodes {
			if n.box.contains(p, 1) {
				return i
			}
		}
		t.Fatalf("line end %v touches no box", p)
		return -1
	}
	return find(l.pts[0]), find(l.pts[len(l.pts)-1])
}

// crossings counts the pairs of lines, joining four different roles, that
// meet.
func (doc svgDoc) crossings(t *testing.T) int {
	t.Helper()
	type end struct{ a, b int }
	ends := make([]end, len(doc.lines))
	for i, l := range doc.lines {
		ends[i].a, ends[i].b = doc.ends(t, l)
	}
	n := 0
	for i := range doc.lines {
		for j := i + 1; j < len(doc.lines); j++ {
			e, f := ends[i], ends[j]
			if e.a == f.a || e.a == f.b || e.b == f.a || e.b == f.b {
				continue
			}
			if polylinesMeet(doc.lines[i].pts, doc.lines[j].pts) {
				n++
			}
		}
	}
	return n
}
