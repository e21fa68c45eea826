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

// TestPreparedDocsShareNoBuffer prepares documents one after another, as a
// build does on each goroutine: the buffers a document is made in are
// reused for the next, so a document that kept any of their bytes would
// change under the next one. Each must render and give its text as it did
// when it was made, in memory and in a spill.
func TestPreparedDocsShareNoBuffer(t *testing.T) {
	spill, err := NewSpill(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	renderers := map[string]*Renderer{"memory": New(false)}
	if spill != nil {
		renderers["spill"] = NewWith(Options{Spill: spill})
	}
	srcs := []string{
		"# Long\n\n" + strings.Repeat("A first paragraph with *emphasis* and a [link](a.md).\n\n## Part\n\nMore words here.\n\n", 40),
		"# Short\n\nB.\n",
		"  Leading spaces, then <b>raw</b> &amp; entities\\!\n\n## Next\n\n```\ncode\n```\n",
		strings.Repeat("x", 5000),
	}
	for name, r := range renderers {
		type made struct {
			doc   *Doc
			html  string
			texts []string
		}
		var docs []made
		for _, src := range srcs {
			d, err := r.Prepare([]byte(src))
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, made{d, strings.Clone(resolved(d)), cloneAll(d.Texts())})
		}
		for i, m := range docs {
			if got := resolved(m.doc); got != m.html {
				t.Errorf("%s: document %d renders\n%s\nafter the others were made, want\n%s", name, i, got, m.html)
			}
			if got := m.doc.Texts(); !slices.Equal(got, m.texts) {
				t.Errorf("%s: document %d's Texts %q after the others were made, want %q", name, i, got, m.texts)
			}
		}
		if got := docs[2].texts; len(got) != 2 || got[0] != "Leading spaces, then raw & entities!" || got[1] != "code" {
			t.Errorf("%s: sections' text %q, want the trimmed text of each section", name, got)
		}
	}
}

// resolved is d's HTML with its links as they are written.
func resolved(d *Doc) string {
	var b strings.Builder
	d.Resolve(&b, func(i int) string { return d.Links[i].Dest }, "", nil)
	return b.String()
}

// cloneAll copies each string of ss into memory of its own.
func cloneAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.Clone(s)
	}
	return out
}
