package buildcache

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/batonhq/baton/internal/markdown"
)

// TestUnusableCacheIsEmpty: a missing, unreadable or damaged cache is an
// empty one, not an error, and a cache with nothing new is not written.
// (The end-to-end test in cmd/baton writes one and builds from it: only a
// real binary knows its chroma version.)
func TestUnusableCacheIsEmpty(t *testing.T) {
	dir := t.TempDir()
	for name, setup := range map[string]func(string){
		"missing": func(string) {},
		"garbage": func(d string) { _ = os.WriteFile(filepath.Join(d, codeFile), []byte("not a cache"), 0o644) },
		"folder":  func(d string) { _ = os.Mkdir(filepath.Join(d, codeFile), 0o755) },
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
	}
	unused := filepath.Join(dir, "unused")
	if err := SaveCode(unused, markdown.NewCodeCache()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(unused); !os.IsNotExist(err) {
		t.Errorf("saving a cache with nothing in it made %s: %v", unused, err)
	}
}
