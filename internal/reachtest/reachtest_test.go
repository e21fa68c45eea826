package reachtest

import "testing"

type node struct {
	name  string
	next  *node
	tags  []string
	by    map[*node]int
	data  []byte
	value any
}

// TestSumSeesEveryWrite changes one thing deep in a graph with a cycle at
// a time and wants the sum to change, and the sum of an untouched graph
// to stay.
func TestSumSeesEveryWrite(t *testing.T) {
	graph := func() *node {
		a, b := &node{name: "a", tags: []string{"x"}, data: []byte("ab")}, &node{name: "b"}
		a.next, b.next = b, a
		a.by = map[*node]int{a: 1, b: 2}
		b.value = &node{name: "c"}
		return a
	}
	g := graph()
	if Sum(g) != Sum(g) {
		t.Fatal("two sums of one graph differ")
	}
	for name, write := range map[string]func(a *node){
		"a field of a node reached twice": func(a *node) { a.next.name = "B" },
		"a slice element":                 func(a *node) { a.tags[0] = "y" },
		"a byte":                          func(a *node) { a.data[1] = 'c' },
		"a slice grown":                   func(a *node) { a.tags = append(a.tags, "z") },
		"a map entry":                     func(a *node) { a.by[a.next] = 3 },
		"a map entry added":               func(a *node) { a.by[&node{}] = 0 },
		"behind an interface":             func(a *node) { a.next.value.(*node).name = "d" },
		"a pointer to an equal value":     func(a *node) { a.next.value = &node{name: "c"} },
	} {
		g := graph()
		before := Sum(g)
		write(g)
		if Sum(g) == before {
			t.Errorf("%s: the sum did not change", name)
		}
	}
}
