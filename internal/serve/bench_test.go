package serve_test

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/batonhq/baton"
	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/corpus"
	"github.com/batonhq/baton/internal/render"
	"github.com/batonhq/baton/internal/serve"
)

var (
	benchPages = flag.Int("pages", 1000, "pages in the generated handbook the benchmarks build")
	benchShape = flag.String("shape", "balanced", "shape of the generated handbook: balanced, flat or real")
)

// BenchmarkServeOneEdit is what `baton serve` does after a save of one
// page's body: the rebuild told of the changed path, and the new site
// swapped in for the browsers, as the terminal's "in …" reports it. The
// watcher's quiet period (80 ms after the last event) comes before this.
func BenchmarkServeOneEdit(b *testing.B) {
	shape, err := corpus.ParseShape(*benchShape)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	if err := corpus.WriteDir(dir, corpus.Baton(corpus.Options{Pages: *benchPages, Seed: 1, Shape: shape})); err != nil {
		b.Fatal(err)
	}
	theme, err := render.LoadTheme(baton.Layouts())
	if err != nil {
		b.Fatal(err)
	}
	srv := serve.New(build.New(build.Options{Theme: theme, Lazy: true}), dir)
	if r := srv.Rebuild(context.Background(), nil); !r.OK {
		b.Fatal(r.Diags)
	}
	rel, err := corpus.EditTarget(dir)
	if err != nil {
		b.Fatal(err)
	}
	file := filepath.Join(dir, rel)
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		i++
		b.StopTimer()
		edited := strings.Replace(string(orig), "\n\n", "\n\nAn edit, number "+strings.Repeat("i", i%7+1)+".\n\n", 1)
		if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		r := srv.Rebuild(context.Background(), []string{rel})
		if !r.OK || !r.Patched || r.Parsed != 1 {
			b.Fatalf("rebuild: ok %v, patched %v, parsed %d", r.OK, r.Patched, r.Parsed)
		}
	}
}
