package buildcache

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	baton "github.com/batonhq/baton"
	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/linkcheck"
	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/render"
	"github.com/batonhq/baton/internal/search"
)

// TestUnusableCacheIsEmpty: a missing, unreadable or damaged cache is an
// empty one, not an error, and a cache with nothing new is not written.
// (The end-to-end test in cmd/baton writes a code cache and builds from
// it: only a real binary knows its chroma version.)
func TestUnusableCacheIsEmpty(t *testing.T) {
	dir := t.TempDir()
	for name, setup := range map[string]func(string){
		"missing": func(string) {},
		"garbage": func(d string) {
			_ = os.WriteFile(filepath.Join(d, codeFile), []byte("not a cache"), 0o644)
			_ = os.WriteFile(filepath.Join(d, wordsFile), []byte("not a cache"), 0o644)
			_ = os.WriteFile(filepath.Join(d, linksFile), []byte("not a cache"), 0o644)
		},
		"folder": func(d string) {
			_ = os.Mkdir(filepath.Join(d, codeFile), 0o755)
			_ = os.Mkdir(filepath.Join(d, wordsFile), 0o755)
			_ = os.Mkdir(filepath.Join(d, linksFile), 0o755)
		},
	} {
		d := filepath.Join(dir, name)
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
		setup(d)
		c := LoadCode(d)
		if reused, made := c.Stats(); reused != 0 || made != 0 || c.Changed() {
			t.Errorf("%s: %d reused, %d made, changed %v", name, reused, made, c.Changed())
		}
		w := LoadWords(d)
		if reused, made := w.Stats(); reused != 0 || made != 0 || w.Changed() {
			t.Errorf("%s: %d documents' words reused, %d listed, changed %v", name, reused, made, w.Changed())
		}
		if l := LoadLinks(d); l.Changed() {
			t.Errorf("%s: the link results changed", name)
		}
	}
	unused := filepath.Join(dir, "unused")
	if err := SaveCode(unused, markdown.NewCodeCache()); err != nil {
		t.Fatal(err)
	}
	if err := SaveWords(unused, search.NewWordCache()); err != nil {
		t.Fatal(err)
	}
	if err := SaveLinks(unused, linkcheck.NewCache()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(unused); !os.IsNotExist(err) {
		t.Errorf("saving a cache with nothing in it made %s: %v", unused, err)
	}
}

// TestWordsCarryOver: the search words one run saves, the next run loads
// and takes every document's words from, and has nothing new to save.
func TestWordsCarryOver(t *testing.T) {
	theme, err := render.LoadTheme(baton.Layouts())
	if err != nil {
		t.Fatal(err)
	}
	res, diags := build.New(build.Options{Theme: theme}).Build(context.Background(), os.DirFS("../.."))
	if res == nil {
		t.Fatalf("the default handbook does not build:\n%v", diags)
	}
	dir := filepath.Join(t.TempDir(), Dir)
	first := LoadWords(dir)
	want := search.Build(res.Site, search.Options{Words: first})
	if err := SaveWords(dir, first); err != nil {
		t.Fatal(err)
	}
	_, docs := first.Stats()
	info, err := os.Stat(filepath.Join(dir, wordsFile))
	if err != nil || info.Mode().Perm() != 0o644 {
		t.Fatalf("the words were not saved, or not readable by all: %v, %v", info, err)
	}
	if _, err := os.Stat(filepath.Join(dir, ".gitignore")); err != nil {
		t.Errorf("the cache folder has no .gitignore: %v", err)
	}
	next := LoadWords(dir)
	got := search.Build(res.Site, search.Options{Words: next})
	if reused, made := next.Stats(); docs == 0 || reused != docs || made != 0 {
		t.Errorf("the next run reused %d documents' words and listed %d; the first listed %d", reused, made, docs)
	}
	if next.Changed() {
		t.Error("a run that reused every document's words has something new to save")
	}
	if len(got) != len(want) {
		t.Fatalf("the index has %d files, then %d", len(want), len(got))
	}
	for i := range got {
		if got[i].Path != want[i].Path || !bytes.Equal(got[i].Data, want[i].Data) {
			t.Errorf("%s differs when its words come from the cache", got[i].Path)
		}
	}
}
