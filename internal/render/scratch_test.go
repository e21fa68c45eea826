package render

import (
	"strings"
	"testing"
)

// TestScratchFragmentsStay writes fragments into one scratch as a page's
// render does (one after another, one inside another, one too big for
// what is left) and wants each unchanged after the others were written
// and after the scratch went back to the pool and served another page.
func TestScratchFragmentsStay(t *testing.T) {
	r := &Renderer{}
	s := r.borrowScratch()
	write := func(text string) string {
		b := newHTMLBuilder(s, 8)
		b.WriteString(text)
		return string(b.html())
	}
	var got, want []string
	keep := func(frag, text string) {
		got, want = append(got, frag), append(want, text)
	}
	keep(write("first"), "first")
	outer := newHTMLBuilder(s, 8)
	outer.WriteString("outer, then ")
	keep(write("an inner fragment"), "an inner fragment")
	outer.WriteString("more outer")
	keep(string(outer.html()), "outer, then more outer")
	big := strings.Repeat("big ", scratchFloor/2)
	keep(write(big), big)
	keep(write("after the big one"), "after the big one")
	grown := newHTMLBuilder(s, 8)
	grown.WriteString("grows past its size: ")
	grown.WriteString(strings.Repeat("x", scratchFloor))
	keep(string(grown.html()), "grows past its size: "+strings.Repeat("x", scratchFloor))
	keep(write(""), "")
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("fragment %d is %.40q..., want %.40q...", i, got[i], want[i])
		}
	}
	r.returnScratch(s)
	next := r.borrowScratch()
	if cap(next.buf) < scratchFloor || len(next.buf) != 0 || next.open {
		t.Errorf("a scratch back from the pool holds %d of %d bytes, open %v; want empty, at least %d", len(next.buf), cap(next.buf), next.open, scratchFloor)
	}
}
