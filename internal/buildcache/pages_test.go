package buildcache

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/buildid"
)

// TestPagesGiveWhatRenderingGives builds a generated handbook without the
// cache, then with the rendered pages' cache: empty, full, after an edit
// of one page's title (which its siblings' sidebars show), after a layout
// of the site's own, and from a damaged file. Every build writes the bytes
// of a build without the cache; the full cache renders no page, the edit
// some, the new layout every one.
func TestPagesGiveWhatRenderingGives(t *testing.T) {
	if buildid.Executable() == "" {
		t.Skip("this system does not say where the program is")
	}
	site, dir := corpusSite(t), t.TempDir()
	step := func(what string) (reused, rendered int) {
		t.Helper()
		want := buildTo(t, site, nil)
		pages := LoadPages(dir)
		defer pages.Close()
		sameBuild(t, what, buildWith(t, site, build.Options{Pages: pages}), want)
		reused, rendered = pages.Stats()
		if err := SavePages(pages); err != nil {
			t.Fatal(err)
		}
		return reused, rendered
	}
	if reused, rendered := step("an empty cache"); reused != 0 || rendered < 240 {
		t.Errorf("empty cache: %d pages reused, %d rendered", reused, rendered)
	}
	name := filepath.Join(dir, pagesFile)
	before, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	all, rendered := step("a full cache")
	if rendered != 0 || all < 240 {
		t.Errorf("full cache: %d pages reused, %d rendered", all, rendered)
	}
	if after, err := os.Stat(name); err != nil || !os.SameFile(before, after) {
		t.Errorf("a build that rendered nothing replaced the cache file")
	}

	page := filepath.Join(site, "content", "included.md")
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, []byte(strings.Replace(string(data), "title: Included", "title: Included again", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if reused, rendered := step("after a title edit"); rendered == 0 || reused == 0 || reused+rendered != all {
		t.Errorf("after a title edit: %d pages reused, %d rendered, of %d", reused, rendered, all)
	}

	own := filepath.Join(site, "layouts", "page.html")
	if err := os.MkdirAll(filepath.Dir(own), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(own, []byte(`{{template "layouts/baseof.html" .}}{{define "main"}}<p class="own">{{.Page.Title}}</p>{{.Body}}{{end}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if reused, rendered := step("with a layout of the site's own"); reused != 0 || rendered != all {
		t.Errorf("with a new layout: %d pages reused, %d rendered, of %d", reused, rendered, all)
	}

	file, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, flipped(file, len(file)/2), 0o644); err != nil {
		t.Fatal(err)
	}
	if reused, rendered := step("from a damaged file"); reused != 0 || rendered != all {
		t.Errorf("from a damaged file: %d pages reused, %d rendered, of %d", reused, rendered, all)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".*tmp*"))
	if len(leftovers) > 0 {
		t.Errorf("files left in the cache: %v", leftovers)
	}
}

// TestPagesNotSavedLeaveNothing: a build whose pages are not saved (it
// failed) leaves the cache as it was, and no file of its own.
func TestPagesNotSavedLeaveNothing(t *testing.T) {
	if buildid.Executable() == "" {
		t.Skip("this system does not say where the program is")
	}
	site, dir := corpusSite(t), t.TempDir()
	pages := LoadPages(dir)
	buildWith(t, site, build.Options{Pages: pages})
	if err := pages.Close(); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != ".gitignore" {
			t.Errorf("left in the cache: %s", e.Name())
		}
	}
}
