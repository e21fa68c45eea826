package source

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestUpdateEqualsLoad drives random creations, edits, deletions and
// folder swaps on real files and checks after each batch that Update,
// told the changed paths, gives what a fresh Load gives.
func TestUpdateEqualsLoad(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	names := []string{"content/a.md", "content/b.yaml", "content/x/c.md", "content/x/y/d.md", "content/x/img.png",
		"content/roles/r.yaml", "content/.hidden.md", "content/x/e.md~", "layouts/page.html", "layouts/partials.html",
		"content/z/f.md", "content/static/s.css", "other/ignored.md"}
	folders := []string{"content/x", "content/x/y", "content/z", "layouts"}
	var changed []string
	write := func(name string) {
		// A file that stands where a folder goes is replaced, and so changes.
		for a := path.Dir(name); a != "."; a = path.Dir(a) {
			if info, err := os.Lstat(filepath.Join(dir, a)); err == nil && !info.IsDir() {
				_ = os.Remove(filepath.Join(dir, a))
				changed = append(changed, a)
			}
		}
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		_ = os.RemoveAll(p)
		if err := os.WriteFile(p, fmt.Appendf(nil, "text %d\n", rng.IntN(1000)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fsys := os.DirFS(dir)
	tree, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for round := range 300 {
		changed = nil
		for range 1 + rng.IntN(3) {
			switch rng.IntN(4) {
			case 0, 1:
				n := names[rng.IntN(len(names))]
				write(n)
				changed = append(changed, n)
			case 2:
				n := names[rng.IntN(len(names))]
				_ = os.Remove(filepath.Join(dir, n))
				changed = append(changed, n)
			case 3:
				f := folders[rng.IntN(len(folders))]
				_ = os.RemoveAll(filepath.Join(dir, f))
				changed = append(changed, f)
				if rng.IntN(2) == 0 {
					// A file where the folder was.
					_ = os.MkdirAll(filepath.Join(dir, path.Dir(f)), 0o755)
					_ = os.WriteFile(filepath.Join(dir, f), []byte("now a file\n"), 0o644)
				}
			}
		}
		got, err := Update(fsys, tree, changed)
		if err != nil {
			t.Fatalf("round %d: Update: %v", round, err)
		}
		want, err := Load(fsys)
		if err != nil {
			t.Fatalf("round %d: Load: %v", round, err)
		}
		if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("round %d, changed %q: Update differs from Load (-Load +Update):\n%s", round, changed, diff)
		}
		tree = got
	}
}

// TestUpdateWithoutLstat covers file systems that cannot Lstat: the
// parent's listing stands in.
func TestUpdateWithoutLstat(t *testing.T) {
	fsys := fstest.MapFS{"content/a.md": {Data: []byte("a")}, "content/s/b.md": {Data: []byte("b")}}
	tree, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	fsys["content/a.md"] = &fstest.MapFile{Data: []byte("a, edited")}
	delete(fsys, "content/s/b.md")
	fsys["content/s/c.md"] = &fstest.MapFile{Data: []byte("c")}
	got, err := Update(fsys, tree, []string{"content/a.md", "content/s"})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := Load(fsys)
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("Update differs from Load (-Load +Update):\n%s", diff)
	}
}
