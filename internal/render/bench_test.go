package render_test

import (
	"bytes"
	"flag"
	"runtime"
	"sync"
	"testing"

	"github.com/batonhq/baton"
	"github.com/batonhq/baton/internal/corpus"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/render"
)

var (
	benchPages = flag.Int("pages", 1000, "pages in the generated corpus of the benchmarks")
	benchShape = flag.String("shape", "balanced", "shape of the generated corpus of the benchmarks: balanced, flat or real")
)

// site resolves the benchmark corpus and parses the default theme.
func site(b *testing.B) (*handbook.Site, *render.Renderer) {
	b.Helper()
	shape, err := corpus.ParseShape(*benchShape)
	if err != nil {
		b.Fatal(err)
	}
	s := render.ResolveFiles(b, corpus.Baton(corpus.Options{Pages: *benchPages, Seed: 1, Shape: shape}))
	theme, err := render.LoadTheme(baton.Layouts())
	if err != nil {
		b.Fatal(err)
	}
	r, diags := render.New(theme)
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	return s, r
}

// runJobs runs every job on all cores and returns the bytes written.
func runJobs(b *testing.B, jobs []render.Job) int64 {
	var total int64
	var mu sync.Mutex
	var wg sync.WaitGroup
	work := make(chan render.Job)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var buf bytes.Buffer
			for j := range work {
				buf.Reset()
				if err := j.Run(&buf); err != nil {
					b.Error(err)
				}
				mu.Lock()
				total += int64(buf.Len())
				mu.Unlock()
			}
		})
	}
	for _, j := range jobs {
		work <- j
	}
	close(work)
	wg.Wait()
	return total
}

// BenchmarkRender runs every render job of the corpus on all cores.
func BenchmarkRender(b *testing.B) {
	s, r := site(b)
	jobs := r.Jobs(s)
	for b.Loop() {
		b.SetBytes(runJobs(b, jobs))
	}
}

// BenchmarkRenderPrint renders the print view alone: one page that holds
// the whole handbook.
func BenchmarkRenderPrint(b *testing.B) {
	s, r := site(b)
	var jobs []render.Job
	for _, j := range r.Jobs(s) {
		if j.Path == "print/index.html" {
			jobs = append(jobs, j)
		}
	}
	for b.Loop() {
		b.SetBytes(runJobs(b, jobs))
	}
}
