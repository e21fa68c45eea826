package diagram

import (
	"cmp"
	"math"
	"slices"
)

// Ordering the roles round the ring so that few lines cross.
//
// A role goes near the roles it works with: each pass moves every role to
// the mean direction of its collaborators (their barycentre on the circle
// of directions, the conductor left out since it is everyone's), starting
// once from the roles' own order and once from a greedy order that adds
// next the role with most collaborators already placed. Swaps of roles a
// few places apart then take every further crossing they can, and the
// best turn and mirror image of the result is kept. The count is of
// straight lines between the places, as they would be drawn: each pair
// that crosses, and each box a line would pass under (route must bend
// it, and the bend may cross more lines). Every choice is made in a fixed
// order with ties broken by position, so the same roles give the same
// drawing.

// underWeight is what a line under a box counts for, in crossings: more
// made the default handbook's drawing cross more lines, none left more
// lines for route to bend.
const underWeight = 1

// crossCounter counts crossing lines for an assignment of roles to places.
type crossCounter struct {
	es     [][2]int
	places []point
	at     []int   // node → place index; the conductor (node 0) is at the origin
	pos    []point // node → its place, kept by move
	byNode [][]int // node → indexes into es of its lines
	mine   []bool  // scratch for touching, one per line
	// under[p*len(places)+q]: how many boxes the straight line between
	// places p and q passes under. Every place holds a box whoever stands
	// on it, so this never changes.
	under []int
}

// newCrossCounter prepares the count for n roles round the conductor,
// with boxes of size cell at places and the conductor's box.
func newCrossCounter(n int, es [][2]int, places []point, cell, conductor rect) *crossCounter {
	cc := &crossCounter{es: es, places: places, at: make([]int, n+1), pos: make([]point, n+1),
		byNode: make([][]int, n+1), mine: make([]bool, len(es)), under: make([]int, len(places)*len(places))}
	for i, e := range es {
		cc.byNode[e[0]] = append(cc.byNode[e[0]], i)
		cc.byNode[e[1]] = append(cc.byNode[e[1]], i)
	}
	for p, a := range places {
		for q := p + 1; q < len(places); q++ {
			b, k := places[q], 0
			if conductor.grow(clearance).hitBy(a, b) {
				k++
			}
			for r, c := range places {
				if r != p && r != q && cell.at(c).grow(clearance).hitBy(a, b) {
					k++
				}
			}
			cc.under[p*len(places)+q], cc.under[q*len(places)+p] = k, k
		}
	}
	return cc
}

// blocked is what line e counts for on its own: the boxes it passes
// under (the conductor's lines pass under none).
func (cc *crossCounter) blocked(e [2]int) int {
	if e[0] == 0 {
		return 0
	}
	return underWeight * cc.under[cc.at[e[0]]*len(cc.places)+cc.at[e[1]]]
}

// move puts node v at place p.
func (cc *crossCounter) move(v, p int) {
	cc.at[v], cc.pos[v] = p, cc.places[p]
}

func (cc *crossCounter) cross(e, f [2]int) bool {
	if e[0] == f[0] || e[0] == f[1] || e[1] == f[0] || e[1] == f[1] {
		return false
	}
	return crosses(cc.pos[e[0]], cc.pos[e[1]], cc.pos[f[0]], cc.pos[f[1]])
}

// total counts every crossing pair and every line under a box.
func (cc *crossCounter) total() int {
	n := 0
	for i, e := range cc.es {
		n += cc.blocked(e)
		for _, f := range cc.es[i+1:] {
			if cc.cross(e, f) {
				n++
			}
		}
	}
	return n
}

// touching counts the crossing pairs in which a line of node a or of node
// b takes part, and those lines under boxes: the only parts of the count
// that change when a and b swap places.
func (cc *crossCounter) touching(a, b int) int {
	for _, i := range cc.byNode[a] {
		cc.mine[i] = true
	}
	for _, i := range cc.byNode[b] {
		cc.mine[i] = true
	}
	n := 0
	for _, v := range [2]int{a, b} {
		for _, i := range cc.byNode[v] {
			if v == b && slices.Contains(cc.byNode[a], i) {
				continue // the line between a and b, counted with a
			}
			n += cc.blocked(cc.es[i])
			for j, f := range cc.es {
				if (!cc.mine[j] || j > i) && cc.cross(cc.es[i], f) {
					n++
				}
			}
		}
	}
	for _, i := range cc.byNode[a] {
		cc.mine[i] = false
	}
	for _, i := range cc.byNode[b] {
		cc.mine[i] = false
	}
	return n
}

// order returns, for each of the n roles other than the conductor, the
// index of its place. es are the lines by node (0 the conductor, i+1 the
// i-th other role); places, sorted clockwise from the top, hold boxes of
// size cell round the conductor's box.
func order(n int, es [][2]int, places []point, cell, conductor rect) []int {
	if n == 0 {
		return nil
	}
	cc := newCrossCounter(n, es, places, cell, conductor)
	neighbours := make([][]int, n+1)
	for _, e := range es {
		if e[0] != 0 {
			neighbours[e[0]] = append(neighbours[e[0]], e[1])
			neighbours[e[1]] = append(neighbours[e[1]], e[0])
		}
	}
	angles := make([]float64, len(places))
	for i, p := range places {
		angles[i] = clockwise(p)
	}

	var best []int
	bestCount := math.MaxInt
	try := func() {
		if c := cc.total(); c < bestCount {
			best, bestCount = slices.Clone(cc.at), c
		}
	}
	for _, start := range [][]int{identityOrder(n), greedyOrder(n, neighbours)} {
		// start lists nodes; the k-th takes the k-th place.
		for k, node := range start {
			cc.move(node, k)
		}
		try()
		for range 8 {
			barycentre(cc, neighbours, angles)
			try()
		}
	}
	for v := 1; v <= n; v++ {
		cc.move(v, best[v])
	}
	improve(cc)
	return bestTurn(cc)[1:]
}

func identityOrder(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i + 1
	}
	return out
}

// greedyOrder starts from the role with most collaborators and adds next,
// each time, the role with most collaborators already placed (ties: fewer
// collaborators not yet placed, then the roles' own order).
func greedyOrder(n int, neighbours [][]int) []int {
	placed := make([]bool, n+1)
	out := make([]int, 0, n)
	for len(out) < n {
		bestNode, bestIn, bestOut := 0, -1, 0
		for v := 1; v <= n; v++ {
			if placed[v] {
				continue
			}
			in, outN := 0, 0
			for _, u := range neighbours[v] {
				if placed[u] {
					in++
				} else {
					outN++
				}
			}
			if len(out) == 0 {
				in, outN = outN, 0 // the first: the most connected
			}
			if in > bestIn || (in == bestIn && outN < bestOut) {
				bestNode, bestIn, bestOut = v, in, outN
			}
		}
		placed[bestNode] = true
		out = append(out, bestNode)
	}
	return out
}

// barycentre moves every role to the mean direction of its collaborators
// and gives the places out again in that order.
func barycentre(cc *crossCounter, neighbours [][]int, angles []float64) {
	n := len(cc.at) - 1
	type key struct {
		node  int
		angle float64
		place int
	}
	keys := make([]key, 0, n)
	for v := 1; v <= n; v++ {
		own := angles[cc.at[v]]
		sx, sy := 0.0, 0.0
		for _, u := range neighbours[v] {
			a := angles[cc.at[u]]
			sx, sy = sx+math.Sin(a), sy+math.Cos(a)
		}
		a := own
		if math.Hypot(sx, sy) > 1e-6 {
			// Halfway between its own direction and its collaborators'
			// keeps a role with collaborators on both sides where it is.
			sx, sy = sx/math.Hypot(sx, sy)+math.Sin(own), sy/math.Hypot(sx, sy)+math.Cos(own)
			if math.Hypot(sx, sy) > 1e-6 {
				a = math.Atan2(sx, sy)
				if a < 0 {
					a += 2 * math.Pi
				}
			}
		}
		keys = append(keys, key{v, a, cc.at[v]})
	}
	slices.SortFunc(keys, func(p, q key) int { return cmp.Or(cmp.Compare(p.angle, q.angle), cmp.Compare(p.place, q.place)) })
	for k, key := range keys {
		cc.move(key.node, k)
	}
}

// improve swaps roles up to three places apart, keeping every swap that
// lowers the count, until none does (or a bounded number of rounds).
func improve(cc *crossCounter) {
	n := len(cc.at) - 1
	byPlace := make([]int, n)
	for v := 1; v <= n; v++ {
		byPlace[cc.at[v]] = v
	}
	for range 8 {
		better := false
		for gap := 1; gap <= min(3, n-1); gap++ {
			for p := range n {
				q := (p + gap) % n
				a, b := byPlace[p], byPlace[q]
				before := cc.touching(a, b)
				cc.move(a, q)
				cc.move(b, p)
				if after := cc.touching(a, b); after < before {
					byPlace[p], byPlace[q] = b, a
					better = true
				} else {
					cc.move(a, p)
					cc.move(b, q)
				}
			}
		}
		if !better {
			return
		}
	}
}

// bestTurn tries the order turned to start at every place, and mirrored,
// and returns the assignment with fewest crossings; on a tie, the one
// that puts the first role of the handbook's own order nearest the top.
func bestTurn(cc *crossCounter) []int {
	n := len(cc.at) - 1
	seq := make([]int, n) // seq[k] = node at place k
	for v := 1; v <= n; v++ {
		seq[cc.at[v]] = v
	}
	var best []int
	bestCount, bestFirst := math.MaxInt, math.MaxInt
	for _, mirror := range []bool{false, true} {
		for turn := range n {
			for k := range n {
				src := (k + turn) % n
				if mirror {
					src = (n - k + turn) % n
				}
				cc.move(seq[src], k)
			}
			c := cc.total()
			first := min(cc.at[1], n-cc.at[1])
			if c < bestCount || (c == bestCount && first < bestFirst) {
				best, bestCount, bestFirst = slices.Clone(cc.at), c, first
			}
		}
	}
	return best
}
