package render_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/batonhq/baton"
	"github.com/batonhq/baton/internal/browsertest"
	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/publish"
	"github.com/batonhq/baton/internal/render"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// publishLanguages builds internal/build's two-language handbook
// (English and German) into a folder and returns it.
func publishLanguages(t *testing.T) string {
	t.Helper()
	theme, err := render.LoadTheme(baton.Layouts())
	if err != nil {
		t.Fatal(err)
	}
	src := os.DirFS("../build/testdata/multilang")
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

// TestLanguageSwitcherLands opens the switcher with the keyboard, with
// scripts off, and follows it: from a translated page to its twin (paired
// by translation_key), from an untranslated one to the other language's
// home page, and back.
func TestLanguageSwitcherLands(t *testing.T) {
	srv := serveSite(t, publishLanguages(t))
	ctx := browsertest.New(t)
	cases := []struct{ from, to, pick, url, heading string }{
		{"/playbooks/meetings/", "de", "Deutsch", "/de/playbooks/besprechungen/", "Besprechungen"},
		{"/de/playbooks/besprechungen/", "en", "English", "/playbooks/meetings/", "Meetings"},
		{"/playbooks/only-english/", "de", "Deutsch (home)", "/de/", "Test-Handbuch"},
		{"/de/roles/conductor/", "en", "English", "/roles/conductor/", "Conductor"},
	}
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	})); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		link := fmt.Sprintf(`.lang-switch a[hreflang="%s"]`, c.to)
		err := chromedp.Do(ctx,
			chromedp.Navigate(srv.URL+c.from),
			chromedp.WaitReady(".lang-switch summary"),
			chromedp.Focus(".lang-switch summary"),
			chromedp.KeyEvent(kb.Enter),
			chromedp.WaitVisible(link),
		)
		if err != nil {
			t.Fatalf("from %s: %v", c.from, err)
		}
		text, err := chromedp.Run(ctx, chromedp.Text(link))
		if err != nil {
			t.Fatal(err)
		}
		err = chromedp.Do(ctx,
			chromedp.Focus(link),
			chromedp.KeyEvent(kb.Enter),
			chromedp.WaitNotPresent(`.lang-switch a[hreflang="`+c.to+`"]:not([aria-current])`),
		)
		if err != nil {
			t.Fatalf("from %s: %v", c.from, err)
		}
		url, err := chromedp.Run(ctx, chromedp.Location())
		if err != nil {
			t.Fatal(err)
		}
		heading, err := chromedp.Run(ctx, chromedp.Text("main h1"))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(strings.Fields(text), " ") != c.pick {
			t.Errorf("from %s: the switcher says %q; want %q", c.from, text, c.pick)
		}
		if url != srv.URL+c.url || !strings.Contains(heading, c.heading) {
			t.Errorf("from %s: landed on %s (%q); want %s (%q)", c.from, url, heading, c.url, c.heading)
		}
	}
}

// TestLanguageSwitcherAccessible runs axe-core on pages of both languages
// with the switcher open, at 390 and 1280 px, light and dark; with
// BATON_SCREENSHOTS set to a folder, it writes there the top of each page
// as shown, for a person to look at.
func TestLanguageSwitcherAccessible(t *testing.T) {
	axe := axeSource(t)
	srv := serveSite(t, publishLanguages(t))
	browser := browsertest.Browser(t)
	shots := os.Getenv("BATON_SCREENSHOTS")
	for _, page := range []string{"/playbooks/only-english/", "/de/playbooks/start/"} {
		for _, width := range []int64{1280, 700, 390} {
			for _, scheme := range []string{"light", "dark"} {
				name := fmt.Sprintf("%s/%d/%s", strings.Trim(page, "/"), width, scheme)
				t.Run(name, func(t *testing.T) {
					ctx := browsertest.Tab(t, browser, 60*time.Second)
					console := collectConsole(t, ctx)
					err := chromedp.Do(ctx,
						chromedp.EmulateViewport(width, 320),
						chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
							_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
								Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
							})
							return err
						}),
						chromedp.Navigate(srv.URL+page),
					)
					if err != nil {
						t.Fatal(err)
					}
					// Opened as a reader's click opens it; chromedp's
					// waits for visibility stall on this page's header.
					open, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector(".lang-switch summary").click(), document.querySelector(".lang-switch").open && document.querySelector(".lang-switch ul").getBoundingClientRect().height > 0`))
					if err != nil || !open {
						t.Fatalf("the switcher did not open: %v", err)
					}
					png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
					if err != nil {
						t.Fatal(err)
					}
					if shots != "" {
						file := filepath.Join(shots, "switcher-"+strings.NewReplacer("/", "-").Replace(name)+".png")
						if err := os.WriteFile(file, png, 0o644); err != nil {
							t.Fatal(err)
						}
					}
					if _, err := chromedp.Run(ctx, chromedp.Evaluate[string](axe+"\n;axe.version")); err != nil {
						t.Fatal(err)
					}
					res, err := chromedp.Run(ctx, chromedp.Evaluate[string](runAxe, chromedp.EvalAwaitPromise))
					if err != nil {
						t.Fatal(err)
					}
					var violations []axeResult
					if err := json.Unmarshal([]byte(res), &violations); err != nil {
						t.Fatal(err)
					}
					for _, v := range violations {
						var where []string
						for _, n := range v.Nodes {
							where = append(where, fmt.Sprint(n.Target...))
						}
						t.Errorf("axe %s (%s): %s: %s", v.ID, v.Impact, v.Help, strings.Join(where, "; "))
					}
					for _, m := range console() {
						t.Errorf("console: %s", m)
					}
					for _, f := range srv.failures() {
						t.Errorf("the page asked for %s, which the site does not have", f)
					}
				})
			}
		}
	}
}
