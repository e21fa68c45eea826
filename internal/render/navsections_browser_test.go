package render_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/batonhq/baton"
	"github.com/batonhq/baton/internal/browsertest"
	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/layout"
	"github.com/batonhq/baton/internal/publish"
	"github.com/batonhq/baton/internal/render"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestNavSectionsFold opens, from file:// and with scripts off, a page of
// an MkDocs handbook whose nav groups pages under captions: the caption
// over the page is open with the page marked, a caption elsewhere is
// folded, and a click on it unfolds its pages, at a desktop's width and a
// phone's.
func TestNavSectionsFold(t *testing.T) {
	theme, err := render.LoadTheme(baton.Layouts())
	if err != nil {
		t.Fatal(err)
	}
	src := os.DirFS("../build/testdata/mkdocs-sections")
	l := layout.Detect(src)
	res, diags := build.New(build.Options{Theme: theme, Layout: l}).Build(context.Background(), l.FS(src))
	if res == nil {
		t.Fatalf("build failed: %v", diags)
	}
	out := filepath.Join(t.TempDir(), "public")
	if err := publish.Write(publish.Options{Out: out, Source: src}, res.Files); err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.New(t)
	// checkVisibility, not a box: a folded details element keeps its
	// pages' boxes, hidden by content-visibility.
	visible := func(sel string) bool {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(e => !!e && e.checkVisibility())(document.querySelector(`+"`"+sel+"`"+`))`))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	page := "file://" + filepath.ToSlash(out) + "/guide/access/index.html"
	// At a desktop's width with scripts off; at a phone's, the sidebar
	// opens from the menu, which needs script.
	for _, c := range []struct {
		width  int64
		script bool
	}{{1280, false}, {390, true}} {
		width := c.width
		if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !c.script}); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 850), chromedp.Navigate(page), chromedp.WaitReady("#sidebar")); err != nil {
			t.Fatal(err)
		}
		if c.script {
			if err := chromedp.Do(ctx, chromedp.WaitVisible(".nav-toggle"), chromedp.Click(".nav-toggle"), chromedp.WaitVisible("#sidebar")); err != nil {
				t.Fatalf("%d px: opening the menu: %v", width, err)
			}
		}
		if !visible(`#sidebar a[aria-current="page"]`) {
			t.Errorf("%d px: the current page is not shown in the sidebar", width)
		}
		if visible(`#sidebar a[href^="../../welcome/"]`) {
			t.Errorf("%d px: the caption First days, off the way to the page, is not folded", width)
		}
		if err := chromedp.Do(ctx, chromedp.Click(`#sidebar .nav-caption summary`)); err != nil {
			t.Fatal(err)
		}
		if !visible(`#sidebar a[href^="../../welcome/"]`) {
			t.Errorf("%d px: a click on the caption First days does not show its pages", width)
		}
	}
}
