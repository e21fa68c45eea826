package baton

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestContentCopiesNoSeed fails when any file of content/ shares a run of
// twelve or more words with a source article in ../shared/seeds: the
// handbook must be written in its own words.
func TestContentCopiesNoSeed(t *testing.T) {
	const n = 12
	seeds := filepath.Join("..", "shared", "seeds")
	entries, err := os.ReadDir(seeds)
	if err != nil {
		t.Skipf("no seed articles at %s (%v): nothing to compare against", seeds, err)
	}
	grams := map[string]string{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(seeds, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		w := words(string(data))
		for i := 0; i+n <= len(w); i++ {
			grams[strings.Join(w[i:i+n], " ")] = e.Name()
		}
	}
	if len(grams) == 0 {
		t.Fatalf("seed folder %s holds no text", seeds)
	}
	err = fs.WalkDir(Content(), "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(Content(), p)
		if err != nil {
			return err
		}
		w := words(string(data))
		for i := 0; i+n <= len(w); i++ {
			if seed, ok := grams[strings.Join(w[i:i+n], " ")]; ok {
				t.Errorf("%s copies %d words from %s: %q", p, n, seed, strings.Join(w[i:i+n], " "))
				break
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

var wordRE = regexp.MustCompile(`[a-z0-9']+`)

// words splits text the way the project's seed check does: lower case,
// letters, digits and apostrophes.
func words(s string) []string {
	return wordRE.FindAllString(strings.ReplaceAll(strings.ToLower(s), "\u2019", "'"), -1)
}
