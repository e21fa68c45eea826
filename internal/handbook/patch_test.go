package handbook

import (
	"reflect"
	"testing"

	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/reachtest"
	"github.com/batonhq/baton/internal/source"
)

// TestPatch edits one page's body in ways Patch must take (the result
// equal to a fresh Resolve) and in ways it must refuse (leaving the site
// as it was).
func TestPatch(t *testing.T) {
	md := markdown.New(false)
	files := map[string]string{
		"content/roles/pm.yaml": "title: PM\nsummary: Leads.\nresponsibilities:\n  - id: vision\n    title: Vision\n    kind: output\n    stage: define\n",
		"content/a.md":          "---\ntitle: A\nroles: [pm]\nresponsibilities: [vision]\ntags: [x]\n---\nFirst words of A.\n\n## Plan\n\nSee [B](b.md#steps) and [the PM](roles/pm.yaml).\n",
		"content/b.md":          "---\ntitle: B\ntags: [x]\n---\nB here.\n\n## Steps\n\nBack to [A](a.md).\n",
	}
	parse := func(path, text string) *Parsed {
		return Parse(source.File{Path: path, Data: []byte(text), Size: int64(len(text))}, md)
	}
	resolve := func(t *testing.T, edit map[string]string) (*Site, []*Parsed) {
		t.Helper()
		var parsed []*Parsed
		for _, p := range []string{"content/a.md", "content/b.md", "content/roles/pm.yaml"} {
			text := files[p]
			if e, ok := edit[p]; ok {
				text = e
			}
			parsed = append(parsed, parse(p, text))
		}
		site, diags := Resolve(strictConfig(), parsed, Options{})
		if len(diags) > 0 {
			t.Fatalf("resolve: %v", diags)
		}
		return site, parsed
	}
	head := "---\ntitle: A\nroles: [pm]\nresponsibilities: [vision]\ntags: [x]\n---\n"
	tests := []struct {
		name string
		body string
		take bool
	}{
		{"a new paragraph", "First words of A.\n\nA new paragraph *with emphasis*.\n\n## Plan\n\nSee [B](b.md#steps) and [the PM](roles/pm.yaml).\n", true},
		{"link text", "First words of A.\n\n## Plan\n\nSee [page B](b.md#steps) and [our PM](roles/pm.yaml).\n", true},
		{"the lead, which is the summary", "Other words.\n\n## Plan\n\nSee [B](b.md#steps) and [the PM](roles/pm.yaml).\n", false},
		{"a heading id", "First words of A.\n\n## Planning\n\nSee [B](b.md#steps) and [the PM](roles/pm.yaml).\n", false},
		{"a raw HTML anchor", "First words of A.\n\n## Plan\n\nSee [B](b.md#steps) and [the PM](roles/pm.yaml).\n\n<a name=\"x\"></a>\n", false},
		{"a link's target", "First words of A.\n\n## Plan\n\nSee [B](b.md) and [the PM](roles/pm.yaml).\n", false},
		{"a new link", "First words of A.\n\n## Plan\n\nSee [B](b.md#steps) and [the PM](roles/pm.yaml) and [B](b.md).\n", false},
		{"reading time", "First words of A.\n\n## Plan\n\nSee [B](b.md#steps) and [the PM](roles/pm.yaml).\n\n" + repeat("word ", 500) + "\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site, parsed := resolve(t, nil)
			before, _ := resolve(t, nil)
			sum := reachtest.Sum(site)
			edited := parse("content/a.md", head+tt.body)
			got, took := Patch(site, parsed[:1], []*Parsed{edited})
			if took != tt.take {
				t.Fatalf("Patch took the edit: %v; want %v", took, tt.take)
			}
			if reachtest.Sum(site) != sum {
				t.Fatalf("Patch wrote into the site it was given (its pages, its resolver, or what they reach)")
			}
			want := before
			if took {
				want, _ = resolve(t, map[string]string{"content/a.md": head + tt.body})
				site = settled(got)
			} else if got != nil {
				t.Fatalf("Patch refused the edit but returned a site")
			}
			// The resolvers hold each run's own maps; compare the sites.
			site.r, want.r = nil, nil
			if !reflect.DeepEqual(site, want) {
				t.Errorf("site after Patch differs from a fresh Resolve")
			}
		})
	}
	t.Run("a new broken link", func(t *testing.T) {
		site, parsed := resolve(t, nil)
		sum := reachtest.Sum(site)
		edited := parse("content/a.md", head+"First words of A.\n\n## Plan\n\nSee [B](b.md#nope) and [the PM](roles/pm.yaml).\n")
		if _, took := Patch(site, parsed[:1], []*Parsed{edited}); took {
			t.Fatalf("Patch took an edit whose link is broken: its diagnostic would be lost")
		}
		if reachtest.Sum(site) != sum {
			t.Fatalf("Patch wrote into the site while checking a broken link")
		}
	})
}

// settled is a patched site as its readers see it, each page's body the
// one Site.Body gives, for comparing with a fresh Resolve by value. It
// writes the bodies into the pages, which the site shares with the one
// it was patched from: call it once done with that one.
func settled(site *Site) *Site {
	for _, e := range site.patched {
		if e != nil {
			e.page.Doc, e.page.Hrefs = e.Doc, e.Hrefs
		}
	}
	site.patched = nil
	return site
}

func repeat(s string, n int) string {
	out := ""
	for range n {
		out += s
	}
	return out
}

// TestPatchChain patches a site twice, the second time two pages at once,
// while a reader goes through the first site's pages and bodies: each
// patch leaves the sites before it as they were (under -race, not even a
// write undone), refuses an edit that does not start from the site it is
// given, and the last site reads as a fresh Resolve of the last edits.
func TestPatchChain(t *testing.T) {
	md := markdown.New(false)
	files := map[string]string{
		"content/roles/pm.yaml":    "title: PM\nsummary: Leads.\nresponsibilities:\n  - id: vision\n    title: Vision\n    kind: output\n    stage: define\n",
		"content/static/img/x.png": "",
		"content/b.md":             "---\ntitle: B\n---\nB here.\n\n## Steps\n\nBack to [A](a.md).\n",
	}
	a := func(words string) string {
		return "---\ntitle: A\nroles: [pm]\nresponsibilities: [vision]\n---\nFirst words of A.\n\n## Plan\n\n" + words +
			" [B](b.md#steps), [the PM](roles/pm.yaml), ![x](static/img/x.png).\n"
	}
	parse := func(path, text string) *Parsed {
		return Parse(source.File{Path: path, Data: []byte(text), Size: int64(len(text))}, md)
	}
	resolve := func(a, b *Parsed) *Site {
		t.Helper()
		site, diags := Resolve(strictConfig(), []*Parsed{a, b, parse("content/roles/pm.yaml", files["content/roles/pm.yaml"]),
			Parse(source.File{Path: "content/static/img/x.png", Static: true}, md)}, Options{})
		if len(diags) > 0 {
			t.Fatalf("resolve: %v", diags)
		}
		return site
	}
	a0, a1, a2 := parse("content/a.md", a("See")), parse("content/a.md", a("Read")), parse("content/a.md", a("Then read"))
	b0, b1 := parse("content/b.md", files["content/b.md"]), parse("content/b.md", "---\ntitle: B\n---\nB here.\n\n## Steps\n\nBack to [page A](a.md).\n")
	site0 := resolve(a0, b0)
	sum0 := reachtest.Sum(site0)
	// The reader walks all that site0 reaches, its resolver too: under
	// -race a write anywhere in it while Patch runs is reported, even one
	// that leaves the value as it was.
	stop, done := make(chan struct{}), make(chan bool)
	go func() {
		same := true
		for {
			select {
			case <-stop:
				done <- same
				return
			default:
			}
			same = same && reachtest.Sum(site0) == sum0
		}
	}()
	site1, ok := Patch(site0, []*Parsed{a0}, []*Parsed{a1})
	if !ok {
		t.Fatal("Patch refused a new word in a paragraph")
	}
	sum1 := reachtest.Sum(site1)
	if _, ok := Patch(site1, []*Parsed{a0}, []*Parsed{a2}); ok {
		t.Error("Patch took an edit from a version the site no longer shows")
	}
	site2, ok := Patch(site1, []*Parsed{a1, b0}, []*Parsed{a2, b1})
	close(stop)
	if !<-done {
		t.Error("site0 changed while it was being patched")
	}
	if !ok {
		t.Fatal("Patch refused new words in two pages")
	}
	if reachtest.Sum(site0) != sum0 || reachtest.Sum(site1) != sum1 {
		t.Fatal("a patch wrote into a site it was given, or one before")
	}
	page := site0.r.pages["content/a.md"]
	if site0.Body(page).Doc == a1.Page.Doc || site1.Body(page).Doc != a1.Page.Doc || site2.Body(page).Doc != a2.Page.Doc {
		t.Error("each site does not read its own version of a.md")
	}
	want := resolve(a2, b1)
	got := settled(site2)
	got.r, want.r = nil, nil
	if !reflect.DeepEqual(got, want) {
		t.Error("the site after two patches differs from a fresh Resolve")
	}
}
