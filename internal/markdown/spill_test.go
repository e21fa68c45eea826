package markdown

import (
	"hash/maphash"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestSpill prepares documents with and without a spill: the spilled ones
// hold none of their HTML or text in memory, and render, size, hash and
// give their sections' text exactly as the others do, with the title
// they open with and without it.
func TestSpill(t *testing.T) {
	dir := t.TempDir()
	spill, err := NewSpill(dir)
	if err != nil {
		t.Fatal(err)
	}
	if spill == nil {
		t.Skip("no spill on this system: documents stay in memory")
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("the spill left %d files in its folder, want none: it is removed once open", len(left))
	}
	mem, disk := New(false), NewWith(Options{Spill: spill})
	for _, src := range []string{
		"# Team [handbook](a.md)\n\nIntro to *it*.\n\n## First\n\nText [b](b.md#x).\n\n## Second ünïcödé\n\nMore text, 日本語.\n",
		"# Raw <kbd>title</kbd>\n\n<details><summary>More</summary>\n\nText.\n\n</details>\n",
		"No title.\n\n```go\nfunc main() {}\n```\n\n| a | b |\n|---|---|\n| [c](c.md) | d |\n",
		"",
	} {
		want, err := mem.Prepare([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		got, err := disk.Prepare([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if got.html != nil || slices.ContainsFunc(got.Sections, func(s Section) bool { return s.Text != "" }) {
			t.Errorf("%q: a spilled document keeps its HTML or text in memory", src)
		}
		sameDoc(t, src, got, want)
		sameDoc(t, src+" (without its title)", got.WithoutLeadTitle(), want.WithoutLeadTitle())
	}
}

// sameDoc fails unless got renders, sizes, hashes and gives its text as
// want does.
func sameDoc(t *testing.T, name string, got, want *Doc) {
	t.Helper()
	render := func(d *Doc) string {
		var b strings.Builder
		d.Resolve(&b, func(i int) string { return "/to/" + d.Links[i].Dest }, "p--", nil)
		return b.String()
	}
	if g, w := render(got), render(want); g != w {
		t.Errorf("%s: spilled renders\n%s\nwant\n%s", name, g, w)
	}
	if g, w := got.Size("p--"), want.Size("p--"); g != w {
		t.Errorf("%s: spilled Size %d, want %d", name, g, w)
	}
	seed := maphash.MakeSeed()
	hash := func(d *Doc) uint64 {
		var h maphash.Hash
		h.SetSeed(seed)
		d.Hash(&h)
		return h.Sum64()
	}
	if hash(got) != hash(want) {
		t.Errorf("%s: spilled hash differs", name)
	}
	if g, w := got.Texts(), want.Texts(); !slices.Equal(g, w) {
		t.Errorf("%s: spilled Texts %q, want %q", name, g, w)
	}
}
