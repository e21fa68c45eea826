package corpus_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/batonhq/baton/internal/corpus"
)

// digest hashes files in path order, each path and its bytes framed by
// their lengths, so no two corpora share a digest by shifting bytes.
func digest(files []corpus.File) string {
	files = slices.Clone(files)
	slices.SortFunc(files, func(a, b corpus.File) int { return strings.Compare(a.Path, b.Path) })
	h := sha256.New()
	for _, f := range files {
		fmt.Fprintf(h, "%d:%s:%d:", len(f.Path), f.Path, len(f.Data))
		h.Write(f.Data)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TestBalancedUnchanged holds the balanced shape to the bytes it had
// before shapes existed, so figures measured on it stay comparable. The
// baton digests were recorded from the generator as it was then; the Hugo
// playbooks' digests after one fix, a page's link to its own heading,
// which led to the home page ("/#id" for "./#id").
func TestBalancedUnchanged(t *testing.T) {
	for _, c := range []struct {
		pages int
		seed  uint64
		baton string
		hugo  string
	}{
		{1, 1, "1de05357690cf7aadb539a39553e0bd3a9daef16a749d66030e7984b4de49c7a", "f3b8ed7e9f41796cd228fa0503832b93db8d5e240027ca43ad671166ad694333"},
		{45, 1, "93e223b7f54a77b19967d66edab125b32651cb03cf32591a81c8c7833bfd4329", "aab88e636417b1c9fa352f1b479c340aef49f68adbc04345eb649dd677d39ed2"},
		{250, 7, "930b3873c0e8607e7c66318b553f1aef9d028e73e44d4b96ad4039363ca1d7ca", "3757de7500a134701771faa074107e6494f0dcd0980aca6f4fa5f38fdef18028"},
		{1000, 1, "0e003b5c04d688396f71f6a6b41568435e95bf7abd1b8f0d6dacfc0b4fc2a434", "62fc012b85498109583440ca16717c8bb10e16119c2288e040c3af1f71dd96ed"},
	} {
		opts := corpus.Options{Pages: c.pages, Seed: c.seed}
		if got := digest(corpus.Baton(opts)); got != c.baton {
			t.Errorf("%d pages, seed %d: baton site digest %s, want %s", c.pages, c.seed, got, c.baton)
		}
		// The Hugo twin's theme, roles and responsibilities may change
		// to match baton better; its playbooks may not.
		var content []corpus.File
		for _, f := range corpus.Hugo(opts) {
			if strings.HasPrefix(f.Path, "content/playbooks/") {
				content = append(content, f)
			}
		}
		if got := digest(content); got != c.hugo {
			t.Errorf("%d pages, seed %d: Hugo playbooks digest %s, want %s", c.pages, c.seed, got, c.hugo)
		}
	}
}
