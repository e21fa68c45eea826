package build_test

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/corpus"
	"github.com/batonhq/baton/internal/cputime"
	"github.com/batonhq/baton/internal/publish"
)

var (
	benchPages = flag.Int("pages", 1000, "pages in the generated corpus of the benchmarks")
	benchShape = flag.String("shape", "balanced", "shape of the generated corpus of the benchmarks: balanced, flat or real")
)

// writeCorpus writes the benchmark corpus into a temporary folder.
func writeCorpus(b *testing.B, pages int) string {
	b.Helper()
	shape, err := corpus.ParseShape(*benchShape)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	if err := corpus.WriteDir(dir, corpus.Baton(corpus.Options{Pages: pages, Seed: 1, Shape: shape})); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkBuild is a clean build of the corpus, everything but the write:
// load, parse, resolve, render.
func BenchmarkBuild(b *testing.B) {
	dir := writeCorpus(b, *benchPages)
	src := os.DirFS(dir)
	b.ResetTimer()
	for b.Loop() {
		res, diags := newBuilder(b, build.Options{}).Build(context.Background(), src)
		if res == nil {
			b.Fatal(diags)
		}
	}
}

// BenchmarkBuildWrite is a clean build and its write into an empty output
// folder, as `baton build` does.
func BenchmarkBuildWrite(b *testing.B) {
	dir := writeCorpus(b, *benchPages)
	src := os.DirFS(dir)
	for b.Loop() {
		b.StopTimer()
		out := filepath.Join(b.TempDir(), "public")
		b.StartTimer()
		res, diags := newBuilder(b, build.Options{}).Build(context.Background(), src)
		if res == nil {
			b.Fatal(diags)
		}
		if err := publish.Write(publish.Options{Out: out, Source: src}, res.Files); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRebuildOneEdit is the dev server's case: a warm Builder, one
// page's body edited, the site rebuilt in memory from the changed path the
// watcher reports.
func BenchmarkRebuildOneEdit(b *testing.B) {
	benchmarkRebuild(b, func(orig string, i int) string {
		return strings.Replace(orig, "\n\n", "\n\nAn edit, number "+strings.Repeat("i", i%7+1)+".\n\n", 1)
	}, true)
}

// BenchmarkRebuildTitleEdit edits one page's title, which other pages show
// (sidebar, related pages, tags, roles): the site is resolved again from
// the sources in memory, and only the pages whose search documents or
// views the title is in are re-indexed and re-keyed.
func BenchmarkRebuildTitleEdit(b *testing.B) {
	benchmarkRebuild(b, func(orig string, i int) string {
		return strings.Replace(orig, "title: ", "title: Edit "+strings.Repeat("i", i%7+1)+" ", 1)
	}, false)
}

func benchmarkRebuild(b *testing.B, edit func(orig string, i int) string, patch bool) {
	dir := writeCorpus(b, *benchPages)
	src := os.DirFS(dir)
	bl := newBuilder(b, build.Options{Lazy: true})
	if res, diags := bl.Build(context.Background(), src); res == nil {
		b.Fatal(diags)
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
	i, reused, keyed, indexed := 0, 0, 0, 0
	// The first build's garbage is collected before the rebuilds, whose
	// CPU time (user and system, every goroutine's) is reported: on a
	// machine other work shares, it says more than the wall time.
	runtime.GC()
	var cpu time.Duration
	for b.Loop() {
		i++
		b.StopTimer()
		if err := os.WriteFile(file, []byte(edit(string(orig), i)), 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := cputime.Used()
		res, diags := bl.Rebuild(context.Background(), src, []string{rel})
		cpu += cputime.Used() - start
		if res == nil {
			b.Fatal(diags)
		}
		if res.Parsed != 1 || res.Patched != patch {
			b.Fatalf("parsed %d files, patched %v; want 1 file, patched %v", res.Parsed, res.Patched, patch)
		}
		reused, keyed, indexed = res.Reused, res.Keyed, res.Indexed
	}
	if cpu > 0 {
		b.ReportMetric(float64(cpu)/float64(b.N), "cpu-ns/op")
	}
	b.ReportMetric(float64(reused), "reused-files")
	b.ReportMetric(float64(keyed), "views-made")
	b.ReportMetric(float64(indexed), "pages-indexed")
}
