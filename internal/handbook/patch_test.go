package handbook

import (
	"reflect"
	"testing"

	"github.com/batonhq/baton/internal/markdown"
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
			edited := parse("content/a.md", head+tt.body)
			took := Patch(site, parsed[:1], []*Parsed{edited})
			if took != tt.take {
				t.Fatalf("Patch took the edit: %v; want %v", took, tt.take)
			}
			want := before
			if took {
				want, _ = resolve(t, map[string]string{"content/a.md": head + tt.body})
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
		edited := parse("content/a.md", head+"First words of A.\n\n## Plan\n\nSee [B](b.md#nope) and [the PM](roles/pm.yaml).\n")
		if Patch(site, parsed[:1], []*Parsed{edited}) {
			t.Fatalf("Patch took an edit whose link is broken: its diagnostic would be lost")
		}
	})
}

func repeat(s string, n int) string {
	out := ""
	for range n {
		out += s
	}
	return out
}
