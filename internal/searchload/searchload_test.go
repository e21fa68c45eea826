package searchload_test

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/batonhq/baton"
	"github.com/batonhq/baton/internal/browsertest"
	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/corpus"
	"github.com/batonhq/baton/internal/publish"
	"github.com/batonhq/baton/internal/render"
	"github.com/batonhq/baton/internal/searchload"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

var (
	pages       = flag.Int("pages", 300, "pages in the generated corpus TestSearchLoad builds")
	shape       = flag.String("shape", "real", "shape of that corpus: balanced, flat or real")
	seed        = flag.Uint64("seed", 1, "seed of that corpus")
	site        = flag.String("site", "", "measure this built output `folder` (baton build's public/) instead of a generated corpus")
	queries     = flag.String("queries", "", "comma-separated queries to measure instead of corpus.Queries")
	keyGap      = flag.Duration("key-gap", 120*time.Millisecond, "pause between two letters typed, with -measure")
	measureFlag = flag.Bool("measure", false, "make all of corpus.Queries (or -queries) and type at a reader's pace; without it, a few queries typed at once, to check the measurement")
)

// buildCorpus generates the corpus the flags describe, builds it with the
// default theme and writes the output into a temporary folder.
func buildCorpus(t *testing.T) string {
	t.Helper()
	sh, err := corpus.ParseShape(*shape)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := corpus.WriteDir(dir, corpus.Baton(corpus.Options{Pages: *pages, Seed: *seed, Shape: sh})); err != nil {
		t.Fatal(err)
	}
	theme, err := render.LoadTheme(baton.Layouts())
	if err != nil {
		t.Fatal(err)
	}
	src := os.DirFS(dir)
	res, diags := build.New(build.Options{Theme: theme}).Build(context.Background(), src)
	if res == nil {
		t.Fatalf("build failed:\n%v", diags)
	}
	out := filepath.Join(t.TempDir(), "public")
	if err := publish.Write(publish.Options{Out: out, Source: src}, res.Files); err != nil {
		t.Fatal(err)
	}
	return out
}

// measurement is what one query loaded, typed or pasted.
type measurement struct {
	query   corpus.Query
	typed   bool
	bytes   int64 // every search file the tab loaded, the index's meta included
	meta    int64 // of which index.js
	files   int
	results int // results the box showed for the whole query
	repeats []string
}

// TestSearchLoad opens the home page of a built handbook in headless
// Chromium, with the browser's cache off, and makes each query twice, each
// time in a new tab: typed letter by letter into the search box (an input
// event per letter, as a reader typing or an input method committing each
// character), and pasted (one input event). It counts the bytes of the
// _baton/search/ files the server sent to the tab, from opening the page
// until the box shows the query's results and no search request has been
// made for a while, and reports them with their median and maximum.
//
// In the test suite it makes five queries on a 300-page real corpus and
// checks what must hold whatever the index's layout: each tab loads the
// meta and a shard, never a file twice, typing loads at least what pasting
// does, and common words find pages. For figures, run it with -measure at
// the size to measure:
//
//	go test ./internal/searchload -run TestSearchLoad -v -measure -pages 10000 -shape real
//	go test ./internal/searchload -run TestSearchLoad -v -measure -site /path/to/public -queries 'onboarding,roadmap'
func TestSearchLoad(t *testing.T) {
	browser := browsertest.Browser(t)
	out := *site
	if out == "" {
		out = buildCorpus(t)
	}
	meter := &searchload.Meter{Next: http.FileServer(http.Dir(out))}
	srv := httptest.NewServer(meter)
	t.Cleanup(srv.Close)

	qs := corpus.Queries()
	gap := *keyGap
	if !*measureFlag {
		// A common word, a phrase, two rare words and a Japanese one.
		qs = []corpus.Query{qs[0], qs[8], qs[11], qs[13], qs[15]}
		gap = 0
	}
	if *queries != "" {
		qs = nil
		for _, q := range strings.Split(*queries, ",") {
			qs = append(qs, corpus.Query{Text: strings.TrimSpace(q), Kind: "given"})
		}
	}
	var all []measurement
	for _, q := range qs {
		for _, typed := range []bool{false, true} {
			m := measure(t, browser, srv.URL, meter, q, typed, gap)
			all = append(all, m)
			if m.meta == 0 || m.files < 2 {
				t.Errorf("%q (%s): loaded %d search files, %d bytes of index.js; want the meta and a shard at least", q.Text, how(typed), m.files, m.meta)
			}
			if len(m.repeats) > 0 {
				t.Errorf("%q (%s): loaded %s more than once", q.Text, how(typed), strings.Join(m.repeats, ", "))
			}
			if q.Kind == "common" && m.results == 0 {
				t.Errorf("%q (%s): no results for a common word", q.Text, how(typed))
			}
		}
		pasted, typed := all[len(all)-2], all[len(all)-1]
		if typed.bytes < pasted.bytes {
			t.Errorf("%q: typing loaded %d bytes, less than pasting (%d)", q.Text, typed.bytes, pasted.bytes)
		}
	}
	report(t, out, all)
}

func how(typed bool) string {
	if typed {
		return "typed"
	}
	return "pasted"
}

// measure opens a new tab with the cache off, makes the query and counts
// what the server sent.
func measure(t *testing.T, browser context.Context, base string, meter *searchload.Meter, q corpus.Query, typed bool, gap time.Duration) measurement {
	t.Helper()
	ctx := browsertest.Tab(t, browser, 3*time.Minute)
	defer chromedp.Cancel(ctx)
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		t.Fatal(err)
	}
	settle(t, ctx, meter) // nothing from an earlier tab
	meter.Reset()
	do(t, ctx, "open the home page", chromedp.Navigate(base+"/"), chromedp.WaitReady("#baton-q"))
	poll(t, ctx, "search script ran", `document.readyState === "complete" && typeof window.batonSearch === "object" ? 1 : -1`)
	do(t, ctx, "focus the box", chromedp.Focus("#baton-q"))
	insert := func(s string) {
		if _, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: s}); err != nil {
			t.Fatalf("%q: inserting %q: %v", q.Text, s, err)
		}
	}
	if typed {
		for _, r := range q.Text {
			insert(string(r))
			time.Sleep(gap)
		}
	} else {
		insert(q.Text)
	}
	// The box shows the whole query's results (or says there are none)
	// once its shards and the result's display files have loaded.
	results := poll(t, ctx, fmt.Sprintf("results for %q", q.Text), fmt.Sprintf(`(() => {
		const q = %q, list = document.getElementById("baton-results"), all = document.querySelector(".search-all");
		if (!list || document.querySelector(".search-results").hidden) return -1;
		if (!all.hidden && all.getAttribute("href").endsWith("?q=" + encodeURIComponent(q))) return list.querySelectorAll("[role=option]").length;
		if (list.textContent.includes("\u201c" + q + "\u201d")) return 0;
		return -1;
	})()`, q.Text))
	c := settle(t, ctx, meter)
	return measurement{query: q, typed: typed, bytes: c.Bytes, meta: c.Sent[searchload.Prefix+"index.js"], files: c.Files(), results: results, repeats: c.Repeats()}
}

// settle waits until no search request has been in flight for half a
// second, and returns the count.
func settle(t *testing.T, ctx context.Context, meter *searchload.Meter) searchload.Count {
	t.Helper()
	for {
		c := meter.Count()
		if c.InFlight == 0 && time.Since(c.Last) > 500*time.Millisecond {
			return c
		}
		select {
		case <-ctx.Done():
			t.Fatalf("search requests never settled: %d in flight", c.InFlight)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func do(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// poll evaluates expr, a number, until it is not negative.
func poll(t *testing.T, ctx context.Context, what, expr string) int {
	t.Helper()
	for {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[any]("Number("+expr+")"))
		if n, ok := v.(float64); err == nil && ok && n >= 0 {
			return int(n)
		}
		select {
		case <-ctx.Done():
			t.Fatalf("%s: timed out (last error %v)", what, err)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// report logs every measurement, then the median and maximum of each kind
// of query and of all, pasted and typed.
func report(t *testing.T, out string, all []measurement) {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "search files loaded by a first query on %s (KB of _baton/search/, index.js included; files; results shown)\n", out)
	fmt.Fprintf(&b, "%-20s %-9s %12s %12s %8s\n", "query", "kind", "pasted", "typed", "results")
	for i := 0; i+1 < len(all); i += 2 {
		p, ty := all[i], all[i+1]
		fmt.Fprintf(&b, "%-20s %-9s %8.1f KB %3d %8.1f KB %3d %8d\n", p.query.Text, p.query.Kind, kb(p.bytes), p.files, kb(ty.bytes), ty.files, ty.results)
	}
	var kinds []string
	for _, m := range all {
		if !slices.Contains(kinds, m.query.Kind) {
			kinds = append(kinds, m.query.Kind)
		}
	}
	line := func(name string, keep func(measurement) bool) {
		var pasted, typed []int64
		for _, m := range all {
			if !keep(m) {
				continue
			}
			if m.typed {
				typed = append(typed, m.bytes)
			} else {
				pasted = append(pasted, m.bytes)
			}
		}
		fmt.Fprintf(&b, "%-20s pasted median %7.1f KB, max %7.1f KB; typed median %7.1f KB, max %7.1f KB\n",
			name, kb(median(pasted)), kb(slices.Max(pasted)), kb(median(typed)), kb(slices.Max(typed)))
	}
	for _, k := range kinds {
		line(k, func(m measurement) bool { return m.query.Kind == k })
	}
	line(fmt.Sprintf("all %d queries", len(all)/2), func(measurement) bool { return true })
	fmt.Fprintf(&b, "index.js alone: %.1f KB\n", kb(all[0].meta))
	t.Log("\n" + b.String())
}

func kb(n int64) float64 { return float64(n) / 1024 }

func median(v []int64) int64 {
	v = slices.Clone(v)
	slices.Sort(v)
	if len(v)%2 == 1 {
		return v[len(v)/2]
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2
}
