package handbook_test

import (
	"flag"
	"runtime"
	"sync"
	"testing"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/corpus"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/source"
)

var benchPages = flag.Int("pages", 1000, "pages in the generated corpus of the benchmarks")

func sources(b *testing.B) []source.File {
	b.Helper()
	var files []source.File
	for _, f := range corpus.Baton(corpus.Options{Pages: *benchPages, Seed: 1}) {
		files = append(files, source.File{Path: f.Path, Data: f.Data, Size: int64(len(f.Data))})
	}
	return files
}

func parseAll(files []source.File, md *markdown.Renderer) []*handbook.Parsed {
	out := make([]*handbook.Parsed, len(files))
	var wg sync.WaitGroup
	work := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range work {
				out[i] = handbook.Parse(files[i], md)
			}
		})
	}
	for i := range files {
		work <- i
	}
	close(work)
	wg.Wait()
	return out
}

// BenchmarkParse parses every file of the corpus on all cores.
func BenchmarkParse(b *testing.B) {
	files := sources(b)
	md := markdown.New(false)
	for b.Loop() {
		parseAll(files, md)
	}
}

// BenchmarkResolve resolves the parsed corpus into a Site.
func BenchmarkResolve(b *testing.B) {
	files := sources(b)
	parsed := parseAll(files, markdown.New(false))
	cfg, _ := config.Decode(files[0].Data)
	for b.Loop() {
		_, diags := handbook.Resolve(cfg, parsed, handbook.Options{})
		if diags.HasErrors() {
			b.Fatal(diags)
		}
	}
}
