package search_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/batonhq/baton"
	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/render"
	"github.com/batonhq/baton/internal/search"
)

// TestIndexStale rebuilds a site after edits that change what other
// documents hold (a title, a summary, tags, a section's title, an edit
// undone) and wants Stale to name exactly the pages whose documents
// changed, and the index Update leaves to equal one built afresh, byte for
// byte; an edit that changes another kind of document is refused.
func TestIndexStale(t *testing.T) {
	fsys := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("testdata/site"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile("testdata/site/" + p)
		fsys[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	theme, err := render.LoadTheme(baton.Layouts())
	if err != nil {
		t.Fatal(err)
	}
	b := build.New(build.Options{Theme: theme})
	res, diags := b.Build(context.Background(), fsys)
	if res == nil {
		t.Fatal(diags)
	}
	opts := search.Options{ShardBytes: 400, PackBytes: 1000}
	x, site := search.NewIndex(res.Site, opts), res.Site
	retro, teams := "content/playbooks/planning/retro.md", "content/playbooks/teams/_index.md"
	original := map[string]string{retro: string(fsys[retro].Data), teams: string(fsys[teams].Data)}
	edits := []struct {
		name, file, old, new string
		want                 []string // URLs of the stale pages
	}{
		{"title", retro, "title: Retrospectives", "title: Zebra retrospectives", []string{"/playbooks/planning/retro/"}},
		{"summary", retro, "summary: A page", "summary: A quartz page", []string{"/playbooks/planning/retro/"}},
		{"tags", retro, "weight: 3", "weight: 3\ntags: [quiver, zebra]", []string{"/playbooks/planning/retro/"}},
		{"undone", retro, "", "", []string{"/playbooks/planning/retro/"}},
		{"section title", teams, "title: Teams", "title: Orchestra", []string{"/playbooks/teams/", "/playbooks/teams/api-design/",
			"/playbooks/teams/house-style/", "/playbooks/teams/shipping/", "/playbooks/teams/tokyo/", "/playbooks/teams/tooling/"}},
	}
	for _, e := range edits {
		text := original[e.file]
		if e.old != "" {
			text = strings.Replace(text, e.old, e.new, 1)
		}
		fsys[e.file] = &fstest.MapFile{Data: []byte(text)}
		res, diags := b.Rebuild(context.Background(), fsys, []string{e.file})
		if res == nil {
			t.Fatalf("%s: %v", e.name, diags)
		}
		stale, ok := x.Stale(site, res.Site)
		if !ok {
			t.Fatalf("%s: Stale refuses the edit", e.name)
		}
		var got []string
		for _, p := range stale {
			got = append(got, p.URL)
		}
		if !slices.Equal(got, e.want) {
			t.Errorf("%s: stale pages %q; want %q", e.name, got, e.want)
		}
		x.Update(res.Site, stale)
		site = res.Site
		sameAsFresh(t, e.name, x.Files(), search.Build(site, opts))
	}
	// A role's title is in other documents than pages': no update.
	role := "content/roles/conductor.yaml"
	fsys[role] = &fstest.MapFile{Data: bytes.Replace(fsys[role].Data, []byte("title: "), []byte("title: Renamed "), 1)}
	res, diags = b.Rebuild(context.Background(), fsys, []string{role})
	if res == nil {
		t.Fatal(diags)
	}
	if _, ok := x.Stale(site, res.Site); ok {
		t.Errorf("Stale takes a role's new title")
	}
}

func sameAsFresh(t *testing.T, name string, got, want []search.File) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: updated index has %d files; a fresh one %d", name, len(got), len(want))
	}
	for i := range got {
		if got[i].Path != want[i].Path || !bytes.Equal(got[i].Data, want[i].Data) {
			t.Fatalf("%s: updated %s differs from fresh %s:\n%s\n---\n%s", name, got[i].Path, want[i].Path, got[i].Data, want[i].Data)
		}
	}
}
