package handbook

import (
	"slices"
	"strings"
	"testing"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/source"
)

// resolveFiles parses and resolves a site made of files (path → text),
// sorted by path as Resolve wants them.
func resolveFiles(t *testing.T, files map[string]string) (*Site, diag.List) {
	t.Helper()
	md := markdown.New(false)
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	var parsed []*Parsed
	for _, p := range paths {
		data := []byte(files[p])
		parsed = append(parsed, Parse(source.File{Path: p, Data: data, Size: int64(len(data))}, md))
	}
	return Resolve(config.Default(), parsed, Options{})
}

// pageAt returns the page made from file.
func pageAt(t *testing.T, site *Site, file string) *Page {
	t.Helper()
	for _, p := range site.Pages {
		if p.File == file {
			return p
		}
	}
	t.Fatalf("no page from %s", file)
	return nil
}

// TestLinksToSections: a link to a folder reaches its section page in
// every spelling a git host or another generator accepts, and a fragment
// names a heading of the folder's _index.md (folder/#heading never
// resolved: the anchors were looked up on the folder, which has none).
func TestLinksToSections(t *testing.T) {
	links := []struct {
		dest string
		want Href
	}{
		{"guide/", Href{URL: "/guide/"}},
		{"guide", Href{URL: "/guide/"}},
		{"guide/#setup", Href{URL: "/guide/", Fragment: "setup"}},
		{"guide#setup", Href{URL: "/guide/", Fragment: "setup"}},
		{"guide/_index.md#setup", Href{URL: "/guide/", Fragment: "setup"}},
		{"./guide/#setup", Href{URL: "/guide/", Fragment: "setup"}},
		{"/guide/#setup", Href{URL: "/guide/", Fragment: "setup"}},
		{"guide/deep/#inner", Href{URL: "/guide/deep/", Fragment: "inner"}},
	}
	var body strings.Builder
	for _, l := range links {
		body.WriteString("[x](" + l.dest + ")\n\n")
	}
	site, diags := resolveFiles(t, map[string]string{
		"content/a.md":                  "---\ntitle: A\n---\n" + body.String(),
		"content/guide/_index.md":       "---\ntitle: Guide\n---\n## Setup\n",
		"content/guide/page.md":         "---\ntitle: Page\n---\nBack to [the guide](./#setup) and [up](../guide/#setup).\n",
		"content/guide/deep/_index.md":  "---\ntitle: Deep\n---\n## Inner\n",
		"content/guide/deep/child.md":   "---\ntitle: Child\n---\nSee [parent](../#setup).\n",
		"content/plain/page.md":         "---\ntitle: Plain\n---\nText.\n",
		"content/plain/another.md":      "---\ntitle: Another\n---\n[folder](./)\n",
		"content/guide/deep/sibling.md": "---\ntitle: Sibling\n---\n[here](#top)\n\n## Top\n",
	})
	if diags.HasErrors() {
		t.Fatalf("links to sections do not resolve:\n%v", diags)
	}
	a := pageAt(t, site, "content/a.md")
	for i, l := range links {
		if got := a.Hrefs[i]; got != l.want {
			t.Errorf("[x](%s) resolves to %+v, want %+v", l.dest, got, l.want)
		}
	}

	_, diags = resolveFiles(t, map[string]string{
		"content/a.md":            "---\ntitle: A\n---\n[x](guide/#setpu)\n\n[y](plain/#intro)\n",
		"content/guide/_index.md": "---\ntitle: Guide\n---\n## Setup\n",
		"content/plain/page.md":   "---\ntitle: Plain\n---\n## Intro\n",
	})
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	want := []string{
		`content/a.md:4:1: no heading #setpu in content/guide/_index.md (did you mean "setup"?)`,
		`content/a.md:6:1: no heading #intro in content/plain/_index.md`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
