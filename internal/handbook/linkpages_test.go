package handbook

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/corpus"
	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/source"
)

// TestLinksOnAllCores: pages' links resolved on several goroutines, a
// share of the pages each, give what they give on one: every page's
// Hrefs, every role's pages in order, the diagnostics in order (broken
// links and anchors on pages all through the handbook), and the static
// files kept for being linked.
func TestLinksOnAllCores(t *testing.T) {
	md := markdown.New(false)
	var parsed []*Parsed
	files := corpus.Baton(corpus.Options{Pages: 600, Seed: 5})
	n := 0
	for _, f := range files {
		data := f.Data
		if strings.HasSuffix(f.Path, ".md") && strings.Contains(f.Path, "/playbooks/") {
			n++
			switch n % 40 {
			case 1:
				data = fmt.Appendf(slices.Clone(data), "\n\nSee [nowhere](nowhere-%d.md) and [no heading](#no-such-heading-%d).\n", n, n)
			case 2:
				data = fmt.Appendf(slices.Clone(data), "\n\n![a picture](/img/linked-%d.png)\n", n%3)
			}
		}
		parsed = append(parsed, Parse(source.File{Path: f.Path, Data: data, Size: int64(len(data))}, md))
	}
	for i := range 4 {
		// Static files, three of them linked: the fourth is reported unlinked.
		p := fmt.Sprintf("content/static/img/linked-%d.png", i)
		parsed = append(parsed, Parse(source.File{Path: p, Static: true, Size: 4}, md))
	}
	cfg, _ := config.Decode(files[0].Data)
	type result struct {
		hrefs map[string][]Href
		roles map[string][]string
		diags []string
		files []string
	}
	resolve := func(share, procs int) result {
		t.Helper()
		defer func(s, p int) { linkShare = s; runtime.GOMAXPROCS(p) }(linkShare, runtime.GOMAXPROCS(procs))
		linkShare = share
		site, diags := Resolve(cfg, slices.Clone(parsed), Options{LinkOnAllCores: true})
		res := result{hrefs: map[string][]Href{}, roles: map[string][]string{}}
		for _, p := range site.Pages {
			res.hrefs[p.URL] = p.Hrefs
		}
		for _, r := range site.Roles {
			for _, p := range r.Pages {
				res.roles[r.ID] = append(res.roles[r.ID], p.URL)
			}
		}
		for _, d := range diags {
			res.diags = append(res.diags, d.String())
		}
		for _, s := range site.Static {
			res.files = append(res.files, s.URL)
		}
		return res
	}
	one := resolve(1<<30, 1)
	if len(one.diags) < 20 || len(one.files) == 0 || len(one.roles) == 0 {
		t.Fatalf("the handbook tests too little: %d diagnostics, %d static files, %d roles with pages", len(one.diags), len(one.files), len(one.roles))
	}
	for _, procs := range []int{2, 3, 8} {
		got := resolve(7, procs)
		for u, want := range one.hrefs {
			if !slices.Equal(got.hrefs[u], want) {
				t.Errorf("on %d goroutines %s links to %v, on one to %v", procs, u, got.hrefs[u], want)
			}
		}
		for id, want := range one.roles {
			if !slices.Equal(got.roles[id], want) {
				t.Errorf("on %d goroutines role %s has the pages %v, on one %v", procs, id, got.roles[id], want)
			}
		}
		if !slices.Equal(got.diags, one.diags) {
			t.Errorf("on %d goroutines the diagnostics are\n%s\non one\n%s", procs, strings.Join(got.diags, "\n"), strings.Join(one.diags, "\n"))
		}
		if !slices.Equal(got.files, one.files) {
			t.Errorf("on %d goroutines the static files are %v, on one %v", procs, got.files, one.files)
		}
	}
}
