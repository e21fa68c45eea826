package render_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/batonhq/baton"
	"github.com/batonhq/baton/internal/browsertest"
	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/publish"
	"github.com/batonhq/baton/internal/render"
	"github.com/chromedp/chromedp"
)

// publishCopy builds a copy of the default handbook under another title
// into the folder out.
func publishCopy(t *testing.T, title, baseURL, out string) {
	t.Helper()
	site := t.TempDir()
	if err := os.CopyFS(filepath.Join(site, "content"), os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(site, "content", "handbook.yaml")
	data, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	data = []byte(strings.Replace(string(data), "title: The Conductor's Handbook", "title: "+title, 1))
	if err := os.WriteFile(cfg, data, 0o644); err != nil {
		t.Fatal(err)
	}
	theme, err := render.LoadTheme(baton.Layouts())
	if err != nil {
		t.Fatal(err)
	}
	src := os.DirFS(site)
	res, diags := build.New(build.Options{Theme: theme, BaseURL: baseURL}).Build(context.Background(), src)
	if res == nil {
		t.Fatalf("build failed: %v", diags)
	}
	if err := publish.Write(publish.Options{Out: out, Source: src}, res.Files); err != nil {
		t.Fatal(err)
	}
}

// TestStoragePerHandbook: what a reader keeps in the browser (reflect
// notes, here) belongs to one handbook: two handbooks under two paths of
// one host, two opened from the file system (where every page shares one
// origin), and two served one after the other at the root of the same
// address (baton serve on one port) never see each other's. A note kept
// before storage was per handbook is taken over by the first handbook
// that reads it, once.
func TestStoragePerHandbook(t *testing.T) {
	dir := t.TempDir()
	publishCopy(t, "Handbook A", "/a/", filepath.Join(dir, "a"))
	publishCopy(t, "Handbook B", "/b/", filepath.Join(dir, "b"))
	var mu sync.Mutex
	root := dir
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		d := root
		mu.Unlock()
		// The test serves two handbooks at one address in turn: a
		// cached page of the first would stand for the second.
		w.Header().Set("Cache-Control", "no-store")
		http.FileServer(http.Dir(d)).ServeHTTP(w, r)
	}))
	defer srv.Close()
	serveRoot := func(d string) {
		mu.Lock()
		root = d
		mu.Unlock()
	}
	const page = "playbooks/conductor-model/conductor/"
	note := `.reflect textarea[data-key="0"]`
	ctx := browsertest.New(t)
	read := func(url string) string {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(note)); err != nil {
			t.Fatal(err)
		}
		v, err := chromedp.Run(ctx, chromedp.Value(note))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	write := func(url, text string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(note), chromedp.SendKeys(note, text)); err != nil {
			t.Fatal(err)
		}
	}

	// A note kept under the old key, before storage was per handbook.
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/a/")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`localStorage.setItem("baton-reflect:/`+page+`", JSON.stringify({t0: "old note"})), true`)); err != nil {
		t.Fatal(err)
	}
	if got := read(srv.URL + "/a/" + page); got != "old note" {
		t.Errorf("handbook A shows %q, want the note kept before storage was per handbook", got)
	}
	if got := read(srv.URL + "/b/" + page); got != "" {
		t.Errorf("handbook B shows %q, which handbook A took over", got)
	}
	write(srv.URL+"/b/"+page, "B's note")
	if got := read(srv.URL + "/a/" + page); got != "old note" {
		t.Errorf("handbook A shows %q after B wrote its own", got)
	}

	// Two handbooks at the root of one address, one after the other.
	serveRoot(filepath.Join(dir, "a"))
	write(srv.URL+"/"+page, "A at the root")
	serveRoot(filepath.Join(dir, "b"))
	if got := read(srv.URL + "/" + page); got != "" {
		t.Errorf("handbook B at the root shows %q, handbook A's note there", got)
	}

	// From the file system.
	fileA := "file://" + filepath.ToSlash(filepath.Join(dir, "a", page, "index.html"))
	fileB := "file://" + filepath.ToSlash(filepath.Join(dir, "b", page, "index.html"))
	write(fileA, "A from a file")
	if got := read(fileB); got != "" {
		t.Errorf("handbook B from a file shows %q", got)
	}
	if got := read(fileA); got != "A from a file" {
		t.Errorf("handbook A from a file shows %q", got)
	}
}
