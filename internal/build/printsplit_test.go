package build_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/batonhq/baton/internal/build"
)

// TestPatchAcrossPrintSplit edits one page's body so that the handbook's
// bodies grow past the size at which it prints in parts, and back: every
// page's print link and the print views' files change, so the dev
// server's rebuild must equal a fresh build, not patch the edited page
// alone.
func TestPatchAcrossPrintSplit(t *testing.T) {
	const pageBytes = 1 << 20
	para := strings.Repeat("The conductor keeps the tempo and the players keep the notes. ", 16) + "\n\n"
	body := strings.Repeat(para, pageBytes/len(para))
	src := fstest.MapFS{
		"content/handbook.yaml": {Data: []byte("title: Split\n")},
		"content/_index.md":     {Data: []byte("---\ntitle: Home\n---\nWelcome.\n")},
	}
	for _, part := range []string{"alpha", "beta"} {
		src["content/"+part+"/_index.md"] = &fstest.MapFile{Data: []byte("---\ntitle: " + part + "\n---\nA part.\n")}
		for i := range 3 {
			src[fmt.Sprintf("content/%s/p%d.md", part, i)] = &fstest.MapFile{
				Data: []byte(fmt.Sprintf("---\ntitle: %s %d\n---\n%s", part, i, body))}
		}
	}
	told := newBuilder(t, build.Options{Lazy: true})
	first, diags := told.Build(context.Background(), src)
	if first == nil {
		t.Fatal(diags)
	}
	total := 0
	for _, p := range first.Site.Order {
		total += p.Doc.Size("")
	}
	const split = 8 << 20
	if total >= split {
		t.Fatalf("the bodies are %d bytes; the test wants them under %d before the edit", total, split)
	}
	edited := "content/beta/p2.md"
	orig := src[edited].Data
	// Ampersands: no words (the reading time stays, so the edit is one a
	// patch may take), five bytes each in HTML.
	amps := strings.Repeat("&", 999) + "\n"
	grown := append([]byte(nil), orig...)
	for len(grown) < len(orig)+(split-total)/5+64<<10 {
		grown = append(grown, amps...)
	}
	full := newBuilder(t, build.Options{})
	for _, step := range []struct {
		name    string
		data    []byte
		patched bool
	}{
		// The same kind of edit, short of the split, is one the patch takes.
		{"under the split", append(append([]byte(nil), orig...), amps...), true},
		{"past the split", grown, false},
		{"back under it", orig, false},
	} {
		src[edited] = &fstest.MapFile{Data: step.data}
		res, diags := told.Rebuild(context.Background(), src, []string{edited})
		if res == nil {
			t.Fatal(diags)
		}
		sameOutput(t, step.name, files(t, src, res), mustBuild(t, full, src))
		if res.Patched != step.patched {
			t.Errorf("%s: patched %v, want %v", step.name, res.Patched, step.patched)
		}
	}
}
