package handbook

import (
	"runtime"
	"slices"
	"testing"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/corpus"
	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/source"
)

// TestRelatedOnAllCores: related pages scored on several goroutines, a
// share of the pages each, are the pages scored on one.
func TestRelatedOnAllCores(t *testing.T) {
	md := markdown.New(false)
	var parsed []*Parsed
	files := corpus.Baton(corpus.Options{Pages: 600, Seed: 3})
	for _, f := range files {
		parsed = append(parsed, Parse(source.File{Path: f.Path, Data: f.Data, Size: int64(len(f.Data))}, md))
	}
	cfg, _ := config.Decode(files[0].Data)
	related := func(share, procs int) map[string][]string {
		t.Helper()
		defer func(s, p int) { relatedShare = s; runtime.GOMAXPROCS(p) }(relatedShare, runtime.GOMAXPROCS(procs))
		relatedShare = share
		site, diags := Resolve(cfg, slices.Clone(parsed), Options{})
		if diags.HasErrors() {
			t.Fatalf("the corpus does not resolve:\n%v", diags)
		}
		out := map[string][]string{}
		for _, p := range site.Pages {
			for _, q := range p.Related {
				out[p.URL] = append(out[p.URL], q.URL)
			}
		}
		return out
	}
	one := related(1<<30, 1)
	if len(one) < 300 {
		t.Fatalf("only %d pages have related pages", len(one))
	}
	for _, procs := range []int{2, 3, 8} {
		got := related(7, procs)
		for u, want := range one {
			if !slices.Equal(got[u], want) {
				t.Errorf("on %d goroutines %s relates to %v, on one to %v", procs, u, got[u], want)
			}
		}
		if len(got) != len(one) {
			t.Errorf("on %d goroutines %d pages have related pages, on one %d", procs, len(got), len(one))
		}
	}
}
