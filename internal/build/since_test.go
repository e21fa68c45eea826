package build_test

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/corpus"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/google/go-cmp/cmp"
)

// TestIncrementalFolder edits a generated handbook of folders of 30 pages
// (more than a sidebar's window of siblings) in the ways that change what
// other pages show: a title, a summary, tags, the order, a section's
// title, an edit undone, two edits at once, a page that is other pages'
// related page and a reading path's step, and an edit that breaks another
// page's link. After each, the dev server's rebuild equals a fresh build
// file for file, and those that move no page reuse the last search index
// (only the changed pages re-indexed) and make the views of only the
// pages that could show the change.
func TestIncrementalFolder(t *testing.T) {
	src := fstest.MapFS{}
	for _, f := range corpus.Baton(corpus.Options{Pages: 600, Seed: 7, Shape: corpus.Flat}) {
		src[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	told := newBuilder(t, build.Options{Lazy: true})
	first, diags := told.Build(context.Background(), src)
	if first == nil {
		t.Fatal(diags)
	}
	site := first.Site
	folder := site.Pages[len(site.Pages)/2].Section
	if len(folder.Children) < 30 {
		t.Fatalf("the folder %s has %d pages; the test wants more than a sidebar's window", folder.URL, len(folder.Children))
	}
	mid := folder.Children[len(folder.Children)/2]
	other := site.Pages[len(site.Pages)/4]
	related := relatedElsewhere(t, site)
	step := site.Paths[0].Steps[0].Page
	linked, anchored := anchoredLink(t, site)
	replace := func(file, old, new string) func() []string {
		return func() []string {
			f := src[file]
			if !bytes.Contains(f.Data, []byte(old)) {
				t.Fatalf("%s holds no %q", file, old)
			}
			f.Data = bytes.Replace(slices.Clone(f.Data), []byte(old), []byte(new), 1)
			return []string{file}
		}
	}
	title := func(p *handbook.Page, to string) func() []string {
		return replace(p.File, "title: "+p.Title, "title: "+to)
	}
	undo := map[string][]byte{mid.File: src[mid.File].Data}
	edits := []struct {
		name string
		edit func() []string
		// index: the last search index serves, with the pages whose
		// documents changed re-indexed; views: only the views of the
		// pages that could show the change are made.
		index, views bool
	}{
		{"a title in a folder of 30", title(mid, "A title of its own"), true, true},
		{"a summary", replace(mid.File, "summary: ", "summary: Newly summarised. "), true, true},
		{"a new tag and an old one", replace(mid.File, "tags: [", "tags: [fresh-tag, "+site.Tags[0].Name+", "), true, true},
		{"the order", replace(mid.File, fmt.Sprintf("weight: %d\n", mid.Weight), "weight: 1000\n"), true, true},
		{"the title undone, with the rest", func() []string {
			src[mid.File] = &fstest.MapFile{Data: undo[mid.File]}
			return []string{mid.File}
		}, true, true},
		{"two titles at once", func() []string {
			return append(title(mid, "Again renamed")(), title(other, "Also renamed")()...)
		}, true, true},
		{"the title of other pages' related page", title(related, "Related, renamed"), true, true},
		// Every page's sidebar lists the folders of the one top section.
		{"a section's title", title(folder.Page, "A renamed folder"), true, false},
		// A reading path's search document lists its steps' titles.
		{"the title of a reading path's step", title(step, "A step, renamed"), false, true},
		{"a heading another page links to", replace(linked.File, "## "+anchored, "## Renamed heading"), false, false},
		{"the heading back", replace(linked.File, "## Renamed heading", "## "+anchored), false, false},
	}
	// full reads everything each time: it builds afresh, but for the
	// parse of the files that did not change.
	full := newBuilder(t, build.Options{})
	for _, e := range edits {
		changed := e.edit()
		want, wantDiags := full.Build(context.Background(), src)
		res, diags := told.Rebuild(context.Background(), src, changed)
		if want == nil || res == nil {
			if res != nil || want != nil || diags.Err().Error() != wantDiags.Err().Error() {
				t.Fatalf("after %s: rebuild gave %v; a fresh build %v", e.name, diags, wantDiags)
			}
			continue
		}
		sameOutput(t, "after "+e.name, files(t, src, res), files(t, src, want))
		if res.Patched {
			t.Errorf("after %s: patched; the edit changes what other pages show", e.name)
		}
		n := len(res.Site.Pages)
		if got := res.Indexed < n; got != e.index {
			t.Errorf("after %s: indexed %d pages of %d; want the last index updated %v", e.name, res.Indexed, n, e.index)
		}
		if got := res.Keyed < n/4; got != e.views {
			t.Errorf("after %s: made %d views of %d pages; want only those that show the change %v", e.name, res.Keyed, n, e.views)
		}
	}
	// The last rebuild equals a build by a Builder that never built before.
	sameOutput(t, "at the end", mustBuild(t, told, src), mustBuild(t, newBuilder(t, build.Options{}), src))
}

// sameOutput compares two builds' files; cmp.Diff would take minutes over
// a handbook of this size.
func sameOutput(t *testing.T, when string, got, want map[string][]byte) {
	t.Helper()
	for _, p := range slices.Sorted(maps.Keys(want)) {
		g, ok := got[p]
		switch {
		case !ok:
			t.Fatalf("%s: the rebuild has no %s", when, p)
		case !bytes.Equal(g, want[p]):
			t.Fatalf("%s: the rebuild's %s differs from a fresh build's:\n%s", when, p, cmp.Diff(string(want[p]), string(g)))
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Fatalf("%s: the rebuild has %s, which a fresh build has not", when, p)
		}
	}
}

// relatedElsewhere is a page that a page of another folder lists among
// its related pages.
func relatedElsewhere(t *testing.T, site *handbook.Site) *handbook.Page {
	t.Helper()
	for _, p := range site.Pages {
		for _, q := range p.Related {
			if q.Section != p.Section && !q.IsSection {
				return q
			}
		}
	}
	t.Fatal("no page is related to a page of another folder")
	return nil
}

// anchoredLink is a page that another page links to at one of its
// headings, and that heading's text.
func anchoredLink(t *testing.T, site *handbook.Site) (*handbook.Page, string) {
	t.Helper()
	byURL := map[string]*handbook.Page{}
	for _, p := range site.Pages {
		byURL[p.URL] = p
	}
	word := regexp.MustCompile(`^[a-z0-9-]+$`)
	for _, p := range site.Pages {
		for _, h := range p.Hrefs {
			q := byURL[h.URL]
			if q == nil || q == p || h.Fragment == "" || !word.MatchString(h.Fragment) {
				continue
			}
			for _, hd := range q.Doc.Headings {
				if hd.ID == h.Fragment && !strings.ContainsAny(hd.Text, "*_`[") {
					return q, hd.Text
				}
			}
		}
	}
	t.Fatal("no link to another page's heading")
	return nil, ""
}
