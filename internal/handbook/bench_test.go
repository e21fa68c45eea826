package handbook_test

import (
	"flag"
	"fmt"
	"path"
	"runtime"
	"slices"
	"strings"
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

// BenchmarkResolveBrokenLinks resolves the corpus with twelve broken links
// on every page, each a near miss of a real file in its folder, another
// folder's file or no file at all: what a handbook moved from another
// tool gives on its first build, every error with its "did you mean".
func BenchmarkResolveBrokenLinks(b *testing.B) {
	files := sources(b)
	for i, f := range files {
		if !strings.HasSuffix(f.Path, ".md") || strings.HasSuffix(f.Path, "_index.md") {
			continue
		}
		name := strings.TrimSuffix(path.Base(f.Path), ".md")
		var extra strings.Builder
		for k := range 4 {
			fmt.Fprintf(&extra, "\n[near](%s%d.md) [elsewhere](../x%d/%s.md) [none](nothing-like-it-%d.md)\n", name, k, k, name, k)
		}
		files[i].Data = append(slices.Clip(f.Data), extra.String()...)
	}
	parsed := parseAll(files, markdown.New(false))
	cfg, _ := config.Decode(files[0].Data)
	var errs int
	for b.Loop() {
		_, diags := handbook.Resolve(cfg, parsed, handbook.Options{})
		errs = len(diags.Errors())
	}
	b.ReportMetric(float64(errs), "errors")
}
