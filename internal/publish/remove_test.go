package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestRemoveTree: a tree wider and deeper than the workers, with a link to
// a folder outside it, is gone afterwards, and the link's target is not.
func TestRemoveTree(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "old")
	outside := filepath.Join(root, "keep")
	if err := os.MkdirAll(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "precious"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for i := range 40 {
		deep := filepath.Join(dir, fmt.Sprint("s", i))
		for d := range i % 7 {
			deep = filepath.Join(deep, fmt.Sprint("d", d))
		}
		if err := os.MkdirAll(deep, 0o755); err != nil {
			t.Fatal(err)
		}
		for f := range 5 {
			if err := os.WriteFile(filepath.Join(deep, fmt.Sprint("f", f)), []byte("page"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.MkdirAll(filepath.Join(dir, fmt.Sprint("empty", i)), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(outside, filepath.Join(dir, "s3", "link")); err != nil {
		t.Fatal(err)
	}
	if err := removeTree(dir, os.Remove); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(dir); !os.IsNotExist(err) {
		t.Errorf("%s still exists (%v)", dir, err)
	}
	if _, err := os.Stat(filepath.Join(outside, "precious")); err != nil {
		t.Errorf("the link's target lost its file: %v", err)
	}
	if err := removeTree(filepath.Join(root, "never-was"), os.Remove); err != nil {
		t.Errorf("removing a missing folder: %v", err)
	}
}
