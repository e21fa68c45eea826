package publish_test

import (
	"flag"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/batonhq/baton/internal/corpus"
	"github.com/batonhq/baton/internal/publish"
	"github.com/batonhq/baton/internal/render"
)

var benchPages = flag.Int("pages", 1000, "pages in the generated corpus of the benchmarks")

// outputs stands in for a built site: one file per corpus page, of the
// size of a rendered page (its source, repeated to about 30 KB).
func outputs(b *testing.B) []render.File {
	b.Helper()
	var files []render.File
	var size int64
	for i, f := range corpus.Baton(corpus.Options{Pages: *benchPages, Seed: 1}) {
		data := append([]byte(nil), f.Data...)
		for len(data) < 30_000 {
			data = append(data, f.Data...)
		}
		files = append(files, render.File{Path: fmt.Sprintf("%s/%d/index.html", filepath.Dir(f.Path), i), Data: data})
		size += int64(len(data))
	}
	b.SetBytes(size)
	return files
}

// BenchmarkWrite writes the site into an empty output folder.
func BenchmarkWrite(b *testing.B) {
	files := outputs(b)
	for b.Loop() {
		b.StopTimer()
		out := filepath.Join(b.TempDir(), "public")
		b.StartTimer()
		if err := publish.Write(publish.Options{Out: out}, files); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteUnchanged writes the same site over its previous output:
// after the first two builds each build reads every file of the output it
// set aside last time and finds its bytes already there.
func BenchmarkWriteUnchanged(b *testing.B) {
	files := outputs(b)
	out := filepath.Join(b.TempDir(), "public")
	// Two builds: the second sets the first aside for the loop to reuse.
	for range 2 {
		if err := publish.Write(publish.Options{Out: out}, files); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		if err := publish.Write(publish.Options{Out: out}, files); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteChanged writes a site over a previous output whose every
// file differs: the same work as BenchmarkWriteUnchanged (compare, carry
// over, swap, set the old output aside) but every file replaced.
func BenchmarkWriteChanged(b *testing.B) {
	files := outputs(b)
	out := filepath.Join(b.TempDir(), "public")
	// Two builds: the second sets the first aside for the loop to reuse.
	for range 2 {
		if err := publish.Write(publish.Options{Out: out}, files); err != nil {
			b.Fatal(err)
		}
	}
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		for k := range files {
			files[k].Data[0] = byte('a' + i%2)
		}
		b.StartTimer()
		if err := publish.Write(publish.Options{Out: out}, files); err != nil {
			b.Fatal(err)
		}
	}
}
