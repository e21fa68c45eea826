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
	"testing/fstest"

	"github.com/batonhq/baton"
	"github.com/batonhq/baton/internal/browsertest"
	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/publish"
	"github.com/batonhq/baton/internal/render"
	"github.com/chromedp/chromedp"
)

// publishFS builds the handbook in src into a temp folder.
func publishFS(t *testing.T, src fstest.MapFS) string {
	t.Helper()
	theme, err := render.LoadTheme(baton.Layouts())
	if err != nil {
		t.Fatal(err)
	}
	res, diags := build.New(build.Options{Theme: theme}).Build(context.Background(), src)
	if res == nil {
		t.Fatalf("build failed: %v", diags)
	}
	out := filepath.Join(t.TempDir(), "public")
	if err := publish.Write(publish.Options{Out: out, Source: src}, res.Files); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestMermaidDraws: a page with a ```mermaid block loads the vendored
// Mermaid, which draws it as SVG, in the dark theme when the reader
// switches to dark, over HTTP and from the file system; a page without
// one never asks for Mermaid, and a site without any has no copy of it.
func TestMermaidDraws(t *testing.T) {
	out := publishFS(t, fstest.MapFS{
		"content/handbook.yaml": {Data: []byte("title: D\n")},
		"content/_index.md":     {Data: []byte("---\ntitle: Home\n---\nNo diagram here.\n")},
		"content/flow.md":       {Data: []byte("---\ntitle: Flow\n---\n```mermaid\nflowchart LR\n  A[Plan] --> B[Ship]\n```\n")},
	})
	var mu sync.Mutex
	asked := map[string]bool{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		asked[r.URL.Path] = true
		mu.Unlock()
		http.FileServer(http.Dir(out)).ServeHTTP(w, r)
	}))
	defer srv.Close()
	ctx := browsertest.New(t)
	fill := `getComputedStyle(document.querySelector("pre.mermaid svg .node rect, pre.mermaid svg .node polygon")).fill`
	for _, u := range []string{srv.URL + "/flow/", "file://" + filepath.ToSlash(filepath.Join(out, "flow", "index.html"))} {
		if err := chromedp.Do(ctx, chromedp.Navigate(u), chromedp.WaitVisible(`pre.mermaid svg .node`)); err != nil {
			t.Fatalf("%s: the diagram was not drawn: %v", u, err)
		}
		light, err := chromedp.Run(ctx, chromedp.Evaluate[string](fill))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.dataset.theme = "dark", true`)); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Poll[chromedp.Void](`(() => { try { return `+fill+` !== "`+light+`" } catch (e) { return false } })()`)); err != nil {
			t.Errorf("%s: the diagram kept its light colours (%s) in dark mode: %v", u, light, err)
		}
	}
	mu.Lock()
	asked = map[string]bool{}
	mu.Unlock()
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible("main")); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	for p := range asked {
		if strings.Contains(p, "mermaid") {
			t.Errorf("a page without a diagram asked for %s", p)
		}
	}

	plain := publishFS(t, fstest.MapFS{
		"content/handbook.yaml": {Data: []byte("title: P\n")},
		"content/_index.md":     {Data: []byte("---\ntitle: Home\n---\n```go\nx := 1\n```\n")},
	})
	if _, err := os.Stat(filepath.Join(plain, "_baton", "mermaid.min.js")); err == nil {
		t.Error("a site without diagrams has a copy of Mermaid")
	}
}
