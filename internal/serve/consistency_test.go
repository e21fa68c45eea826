package serve_test

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/batonhq/baton"
	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/render"
	"github.com/batonhq/baton/internal/serve"
	"github.com/google/go-cmp/cmp"
)

// TestIncrementalMatchesCleanBuild drives hundreds of random edits,
// creations, renames and deletions through the server's incremental
// rebuilds, and compares the served tree, byte for byte, with a clean
// build of the same sources at checkpoints along the way.
func TestIncrementalMatchesCleanBuild(t *testing.T) {
	ops := 300
	if testing.Short() {
		ops = 60
	}
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(7, 11))
	theme, err := render.LoadTheme(baton.Layouts())
	if err != nil {
		t.Fatal(err)
	}
	var changed []string // since the last rebuild, as the watcher would say
	w := func(name, body string) {
		write(t, filepath.Join(dir, name), body)
		changed = append(changed, name)
	}
	w("content/handbook.yaml", "title: Random\n")
	w("content/_index.md", "---\ntitle: Home\n---\nSee [the anchor](anchor.md#stay).\n")
	w("content/anchor.md", "---\ntitle: Anchor\nroles: [lead]\n---\n## Stay\nThe page every other page may link to.\n")
	w("content/roles/lead.yaml", "title: Lead\nsummary: Leads.\nresponsibilities:\n  - id: lead-work\n    title: Leading\n    kind: activity\n    stage: define\n")
	w("content/paths/tour.yaml", "title: Tour\nsteps:\n  - page: anchor.md\n    why: Start.\n  - role: lead\n")
	folders := []string{"content", "content/a", "content/a/b", "content/c"}
	var pages []string
	newPage := func() {
		folder := folders[rng.IntN(len(folders))]
		if rng.IntN(5) == 0 {
			folder = fmt.Sprintf("%s/n%d", folder, rng.IntN(100))
			folders = append(folders, folder)
		}
		name := fmt.Sprintf("%s/p%d.md", folder, rng.IntN(1000))
		if slices.Contains(pages, name) {
			return
		}
		pages = append(pages, name)
		w(name, randomPage(rng, name, dir))
	}
	for range 12 {
		newPage()
	}
	srv, hs := serveDir(t, dir)
	if r := srv.Rebuild(context.Background(), nil); !r.OK {
		t.Fatalf("first build failed: %v", r.Diags)
	}
	patched := 0
	for i := range ops {
		changed = nil
		switch op := rng.IntN(10); {
		case op >= 8 && len(pages) > 0: // a body edit that moves nothing else
			p := pages[rng.IntN(len(pages))]
			data, err := os.ReadFile(filepath.Join(dir, p))
			if err != nil {
				t.Fatal(err)
			}
			w(p, string(data)+"\nAnd "+strings.Repeat("rehearse ", rng.IntN(5))+"again.\n")
		case op < 3 && len(pages) > 0: // edit a body or title
			p := pages[rng.IntN(len(pages))]
			w(p, randomPage(rng, p, dir))
		case op == 3: // create
			newPage()
		case op == 4 && len(pages) > 3: // delete
			k := rng.IntN(len(pages))
			os.Remove(filepath.Join(dir, pages[k]))
			changed = append(changed, pages[k])
			pages = slices.Delete(pages, k, k+1)
		case op == 5 && len(pages) > 0: // rename, maybe into another folder
			k := rng.IntN(len(pages))
			to := fmt.Sprintf("%s/r%d.md", folders[rng.IntN(len(folders))], rng.IntN(1000))
			if slices.Contains(pages, to) {
				continue
			}
			if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, to)), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(filepath.Join(dir, pages[k]), filepath.Join(dir, to)); err != nil {
				t.Fatal(err)
			}
			changed = append(changed, pages[k], to)
			if filepath.Dir(to) != filepath.Dir(pages[k]) {
				w(to, randomPage(rng, to, dir)) // its link must suit the new folder
			}
			pages[k] = to
		case op == 6: // the role's title, seen on many pages
			w("content/roles/lead.yaml", fmt.Sprintf("title: Lead %d\nsummary: Leads.\nresponsibilities:\n  - id: lead-work\n    title: Leading\n    kind: activity\n    stage: define\n", rng.IntN(50)))
		default: // a section's own page
			folder := folders[1+rng.IntN(len(folders)-1)]
			w(folder+"/_index.md", fmt.Sprintf("---\ntitle: Section %d\nweight: %d\n---\nIntro.\n", rng.IntN(50), rng.IntN(5)))
		}
		r := srv.Rebuild(context.Background(), changed)
		if !r.OK {
			t.Fatalf("op %d: build failed: %v", i, r.Diags)
		}
		if r.Patched {
			patched++
		}
		if i%50 == 49 || i == ops-1 || r.Patched && patched%5 == 1 {
			compareWithClean(t, dir, theme, srv, hs.URL)
		}
	}
	t.Logf("%d of %d rebuilds patched the last build", patched, ops)
	if patched == 0 {
		t.Errorf("no rebuild patched the last build: the body edits all took the full path")
	}
}

// randomPage writes a page whose links point only at pages that exist for
// good (the anchor), so random deletions never break the build.
func randomPage(rng *rand.Rand, name, dir string) string {
	rel, _ := filepath.Rel(filepath.Dir(filepath.Join(dir, name)), filepath.Join(dir, "content/anchor.md"))
	words := []string{"tempo", "score", "brass", "strings", "listen", "cue", "rehearse", "balance"}
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s %d\nweight: %d\ntags: [%s]\nroles: [lead]\n---\n", words[rng.IntN(8)], rng.IntN(100), rng.IntN(4), words[rng.IntN(8)])
	for range 1 + rng.IntN(3) {
		fmt.Fprintf(&b, "## %s %d\n\n", words[rng.IntN(8)], rng.IntN(10))
		for range 5 + rng.IntN(20) {
			b.WriteString(words[rng.IntN(8)] + " ")
		}
		fmt.Fprintf(&b, "[anchor](%s#stay)\n\n", filepath.ToSlash(rel))
	}
	return b.String()
}

func compareWithClean(t *testing.T, dir string, theme render.Theme, srv *serve.Server, url string) {
	t.Helper()
	src := os.DirFS(dir)
	res, diags := build.New(build.Options{Theme: theme}).Build(context.Background(), src)
	if res == nil {
		t.Fatalf("clean build failed: %v", diags)
	}
	var want []string
	for _, f := range res.Files {
		want = append(want, f.Path)
		data, err := f.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		if f.From != "" {
			data, _ = fs.ReadFile(src, f.From)
		}
		resp, err := http.Get(url + "/" + f.Path)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if strings.HasSuffix(f.Path, ".html") {
			got = reloadScript.ReplaceAll(got, nil)
		}
		if string(got) != string(data) {
			t.Fatalf("served %s differs from a clean build:\n%s", f.Path, cmp.Diff(string(data), string(got)))
		}
	}
	slices.Sort(want)
	if diff := cmp.Diff(want, srv.Paths()); diff != "" {
		t.Fatalf("served files differ from a clean build's (-clean +served):\n%s", diff)
	}
}

// reloadScript matches the script the server adds to every page.
var reloadScript = regexp.MustCompile(`<script src="` + regexp.QuoteMeta(serve.ReloadPath) + `\.js" data-build="\d+"></script>`)

// serveDir serves the site in dir as `baton serve` does (print view on
// demand) on a real server on 127.0.0.1, without a watcher: the test says
// what changed.
func serveDir(t *testing.T, dir string) (*serve.Server, *httptest.Server) {
	t.Helper()
	theme, err := render.LoadTheme(baton.Layouts())
	if err != nil {
		t.Fatal(err)
	}
	srv := serve.New(build.New(build.Options{Theme: theme, Lazy: true}), dir)
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	srv.AllowHosts(hs.Listener.Addr())
	return srv, hs
}

// TestPatchWhileServing reads the print view (rendered on demand from an
// earlier build) and pages while rebuilds patch the site, for the race
// detector: a patch must never change what an earlier build's lazy print
// view reads.
func TestPatchWhileServing(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "content/_index.md"), "---\ntitle: Home\n---\nSee [a](a.md).\n")
	body := "---\ntitle: A\nsummary: Fixed.\n---\n## Part\n\nSee [home](_index.md).\n"
	write(t, filepath.Join(dir, "content/a.md"), body)
	srv, hs := serveDir(t, dir)
	if r := srv.Rebuild(context.Background(), nil); !r.OK {
		t.Fatal(r.Diags)
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for _, u := range []string{"/print/", "/a/", "/print/"} {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				resp, err := http.Get(hs.URL + u)
				if err != nil {
					t.Error(err)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		})
	}
	for i := range 40 {
		body += fmt.Sprintf("\nLine %d.\n", i)
		write(t, filepath.Join(dir, "content/a.md"), body)
		if r := srv.Rebuild(context.Background(), []string{"content/a.md"}); !r.OK || !r.Patched {
			t.Fatalf("rebuild %d: ok %v, patched %v: %v", i, r.OK, r.Patched, r.Diags)
		}
	}
	close(stop)
	wg.Wait()
	resp, err := http.Get(hs.URL + "/print/")
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(got), "Line 39.") {
		t.Errorf("the print view does not show the last edit")
	}
}

// TestNoticeReadsEverything sends the watcher's fallback notice after an
// edit no event reported: the server must read every file again, since
// the watcher may have missed changes while it switched to polling.
func TestNoticeReadsEverything(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "content/a.md"), "---\ntitle: A\n---\nBefore.\n")
	srv, hs := serveDir(t, dir)
	if r := srv.Rebuild(context.Background(), nil); !r.OK {
		t.Fatal(r.Diags)
	}
	// An edit, and a batch that names another file only.
	write(t, filepath.Join(dir, "content/a.md"), "---\ntitle: A\n---\nAfter.\n")
	changes, notices := make(chan []string, 1), make(chan string, 1)
	done := make(chan []string, 2)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go srv.Watch(ctx, changes, notices, func(_ serve.Result, batch []string) { done <- batch }, nil)
	changes <- []string{"content/other.md"}
	<-done
	body := func() string {
		resp, err := http.Get(hs.URL + "/a/")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	if strings.Contains(body(), "After.") {
		t.Fatalf("a rebuild told of another file read a.md again: the test shows nothing")
	}
	notices <- "file watching failed; polling"
	if batch := <-done; batch != nil {
		t.Fatalf("after a notice, the rebuild's batch is %q; want a full read (nil)", batch)
	}
	if !strings.Contains(body(), "After.") {
		t.Errorf("after the watcher's notice, the served page still lacks the edit")
	}
}
