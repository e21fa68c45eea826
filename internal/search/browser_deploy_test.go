package search_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/batonhq/baton/internal/browsertest"
	"github.com/chromedp/chromedp"
)

// TestBrowserSearchAfterDeploy is a reader who searched before a deploy
// and searches again after it, from a host that lets browsers keep files
// for an hour (GitHub Pages keeps them ten minutes): the index's meta
// must not come from the browser's cache, or its version names the old
// files and its shard list misses the new words.
func TestBrowserSearchAfterDeploy(t *testing.T) {
	bctx := browsertest.Browser(t)
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/site")); err != nil {
		t.Fatal(err)
	}
	out := publishSite(t, dir)
	// The first deploy's files are an hour old, so no second of
	// modification time is shared with the second deploy's.
	hourAgo := time.Now().Add(-time.Hour)
	if err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Chtimes(p, hourAgo, hourAgo)
	}); err != nil {
		t.Fatal(err)
	}
	var current atomic.Value // the folder the server serves
	current.Store(out)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		http.FileServer(http.Dir(current.Load().(string))).ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)

	ctx := browsertest.Tab(t, bctx, 30*time.Second)
	ask := func(page, q string) []string {
		t.Helper()
		run(t, ctx, "open "+page, chromedp.Navigate(srv.URL+page), chromedp.WaitReady("body"))
		poll(t, ctx, "search script ran", scriptRan, func(ok bool) bool { return ok })
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`window.__r = null; batonSearch.search(%q, 20).then(r => { window.__r = r.results.map(x => x.doc.title) }); true`, q))); err != nil {
			t.Fatalf("search %q: %v", q, err)
		}
		return poll(t, ctx, "query "+q, `window.__r`, func(v []string) bool { return v != nil })
	}
	if got := ask("/", "roadmaps"); !slices.Contains(got, "Roadmaps") {
		t.Fatalf("before the deploy, roadmaps finds %q", got)
	}

	// The second deploy: a page is renamed and gains a word no page had.
	page := filepath.Join(dir, "content/playbooks/planning/roadmaps.md")
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(src), "title: Roadmaps", "title: Roadmaps and quokkas", 1)
	if edited == string(src) {
		t.Fatal("the test page has no title: Roadmaps line")
	}
	edited += "\nA zymurgy of quokkas.\n"
	if err := os.WriteFile(page, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	current.Store(publishSite(t, dir))

	if got := ask("/playbooks/", "zymurgy"); !slices.Equal(got, []string{"Roadmaps and quokkas"}) {
		t.Errorf("after the deploy, zymurgy finds %q; want the renamed page (a stale index.js from the cache?)", got)
	}
	if got := ask("/playbooks/", "roadmaps"); !slices.Contains(got, "Roadmaps and quokkas") {
		t.Errorf("after the deploy, roadmaps finds %q; want the new title", got)
	}
}
