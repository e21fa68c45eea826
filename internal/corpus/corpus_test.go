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
// digests were recorded from the generator as it was then.
func TestBalancedUnchanged(t *testing.T) {
	for _, c := range []struct {
		pages int
		seed  uint64
		baton string
		hugo  string
	}{
		{1, 1, "1de05357690cf7aadb539a39553e0bd3a9daef16a749d66030e7984b4de49c7a", "b30722c31cd339113e4e92f9bb2430b0f00281c691e3c54cb3a60dc2be02a330"},
		{45, 1, "93e223b7f54a77b19967d66edab125b32651cb03cf32591a81c8c7833bfd4329", "ff2a1eb949ae28a9aefc8fef8ea8d79a53b1d2a8f08404abadd54ee2bcc7f645"},
		{250, 7, "930b3873c0e8607e7c66318b553f1aef9d028e73e44d4b96ad4039363ca1d7ca", "448ebdaf1a028ea6d8f6fb44dce3dda18e6a70aa44c8481b01ae16623a7a9504"},
		{1000, 1, "0e003b5c04d688396f71f6a6b41568435e95bf7abd1b8f0d6dacfc0b4fc2a434", "2a6666200071262a034551db5ab27c647728f39183ddea9bca7da5ef746fd5b7"},
	} {
		opts := corpus.Options{Pages: c.pages, Seed: c.seed}
		if got := digest(corpus.Baton(opts)); got != c.baton {
			t.Errorf("%d pages, seed %d: baton site digest %s, want %s", c.pages, c.seed, got, c.baton)
		}
		// The Hugo twin's theme may change; its pages may not.
		var content []corpus.File
		for _, f := range corpus.Hugo(opts) {
			if strings.HasPrefix(f.Path, "content/") {
				content = append(content, f)
			}
		}
		if got := digest(content); got != c.hugo {
			t.Errorf("%d pages, seed %d: Hugo content digest %s, want %s", c.pages, c.seed, got, c.hugo)
		}
	}
}
