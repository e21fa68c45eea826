package render_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/batonhq/baton/internal/browsertest"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// axeVersion is the axe-core release the accessibility test runs, the one
// .ci/run installs: a different copy fails the test rather than change
// what it measures unseen.
const axeVersion = "4.14.1"

// axeSource reads axe-core's script: from $BATON_AXE when set, else from
// where .ci/run installs it. The test skips, saying how to install it,
// when neither exists, as browser tests do without Chromium.
func axeSource(t *testing.T) string {
	t.Helper()
	p := os.Getenv("BATON_AXE")
	if p == "" {
		p = filepath.Join("testdata", "axe", "node_modules", "axe-core", "axe.min.js")
	}
	data, err := os.ReadFile(p)
	if err != nil {
		t.Skipf("axe-core is not installed (%v): accessibility test skipped (npm install --prefix internal/render/testdata/axe axe-core@%s, as .ci/run does, or BATON_AXE=path/to/axe.min.js)", err, axeVersion)
	}
	return string(data)
}

// siteServer serves a built site as a static host does (404.html, with
// status 404, for a file it does not have), and records every request
// that failed, but for the one the test asks for a missing page with.
type siteServer struct {
	*httptest.Server
	mu     sync.Mutex
	failed []string
}

const missingPage = "/no-such-page/"

func serveSite(t *testing.T, dir string) *siteServer {
	t.Helper()
	s := &siteServer{}
	files := http.FileServer(http.Dir(dir))
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := filepath.Join(dir, filepath.FromSlash(path.Clean(r.URL.Path)))
		if st, err := os.Stat(name); err == nil && st.IsDir() {
			_, err = os.Stat(filepath.Join(name, "index.html"))
			if err != nil {
				name = ""
			}
		} else if err != nil {
			name = ""
		}
		if name == "" {
			if r.URL.Path != missingPage {
				s.mu.Lock()
				s.failed = append(s.failed, r.URL.Path)
				s.mu.Unlock()
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			data, _ := os.ReadFile(filepath.Join(dir, "404.html"))
			w.Write(data)
			return
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// failures returns the paths of the requests that failed since the last
// call.
func (s *siteServer) failures() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.failed
	s.failed = nil
	return f
}

// axeResult is what the test keeps of an axe-core violation.
type axeResult struct {
	ID     string
	Impact string
	Help   string
	Nodes  []struct {
		Target  []any
		Summary string
	}
}

// runAxe runs axe-core on the page open in ctx, with its default rules
// (WCAG 2.x A and AA, and best practices), and returns the violations.
const runAxe = `axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations.map(v => ({
  id: v.id, impact: v.impact, help: v.help,
  nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary})),
}))))`

// TestAccessibility opens every kind of page of the default handbook over
// HTTP in Chromium, at 1280 and 390 px, light and dark, runs axe-core on
// each, and fails on any violation, on a page wider than the window (a
// reader on a phone would scroll it sideways), on any error in the console (an
// exception in the theme's scripts stops the rest of them), and on any
// request for a file the site does not have (a favicon the browser looks
// for, say). The playbook is opened at its index.html URL, the reading
// path's step by following the path, and the search page with results.
func TestAccessibility(t *testing.T) {
	axe := axeSource(t)
	out := publishDefault(t, "")
	srv := serveSite(t, out)
	browser := browsertest.Browser(t)

	checks := []check{
		{name: "home", url: "/", wait: ".conductor-diagram"},
		{name: "roles", url: "/roles/", wait: ".roles-list"},
		{name: "role", url: "/roles/product-manager/", wait: "#responsibilities"},
		{name: "matrix", url: "/responsibilities/", wait: ".matrix"},
		{name: "responsibility", url: "/responsibilities/", click: `.matrix tbody th a`, wait: ".facts"},
		{name: "playbook", url: "/playbooks/conductor-model/conductor/index.html", wait: ".prose"},
		{name: "path", url: "/paths/first-week/", wait: ".steps"},
		{name: "path step", url: "/paths/first-week/", click: "#step-2 a", wait: `.path-bar[data-path="first-week"]`},
		{name: "search", url: "/search/?q=roadmap", wait: ".search-page-results .search-result"},
		{name: "tags", url: "/tags/", wait: ".tag-cloud"},
		{name: "print", url: "/print/", wait: ".print-view > .print-toc"},
		{name: "print section", url: "/print/#part-playbooks-launch", wait: "#part-playbooks-launch .print-part-toc"},
		{name: "print roles", url: "/print/#p-roles", wait: "#p-roles .print-role"},
		{name: "people", url: "/people/", wait: ".people-list"},
		{name: "person", url: "/people/priya-raman/", wait: ".person-header"},
		{name: "levels", url: "/levels/", wait: ".levels-compare"},
		{name: "glossary", url: "/glossary/", wait: ".glossary-list"},
		{name: "glossary term open", url: "/playbooks/discovery/experiment-types/", wait: ".prose .term", focus: ".prose .term .term-link"},
		{name: "404", url: missingPage, wait: ".not-found"},
	}
	runChecks(t, axe, srv, browser, checks)
}

// check is a page the accessibility tests open: its URL, and, when click
// is set, a link on it to follow; wait is what the page shows when ready;
// focus, an element to focus before the check (a glossary term, whose
// definition then shows).
type check struct {
	name, url, click, wait, focus string
}

// runChecks runs axe on each page at 1280 and 390 px, light and dark.
func runChecks(t *testing.T, axe string, srv *siteServer, browser context.Context, checks []check) {
	t.Helper()
	for _, c := range checks {
		for _, width := range []int64{1280, 390} {
			for _, scheme := range []string{"light", "dark"} {
				t.Run(fmt.Sprintf("%s/%d/%s", c.name, width, scheme), func(t *testing.T) {
					axeCheck(t, axe, srv, browsertest.Tab(t, browser, 60*time.Second), c, width, scheme)
				})
			}
		}
	}
}

// TestAccessibilityRACI runs axe on the pages of a handbook with a model
// of its own (internal/build's RACI handbook): the matrix with its letters,
// legend and filters, a role, a responsibility and the print view.
func TestAccessibilityRACI(t *testing.T) {
	axe := axeSource(t)
	srv := serveSite(t, publishRACI(t))
	runChecks(t, axe, srv, browsertest.Browser(t), []check{
		{name: "matrix", url: "/responsibilities/", wait: ".matrix-filters"},
		{name: "role", url: "/roles/pm/", wait: "#responsibilities"},
		{name: "responsibility", url: "/responsibilities/launch-call/", wait: ".facts"},
		{name: "print", url: "/print/", wait: ".print-view > .print-toc"},
	})
}

// axeCheck opens one page in one width and scheme and wants no axe
// violation, no console error and no request the site cannot answer.
func axeCheck(t *testing.T, axe string, srv *siteServer, ctx context.Context, c check, width int64, scheme string) {
	t.Helper()
	console := collectConsole(t, ctx)
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(width, 900),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
			})
			return err
		}),
		chromedp.Navigate(srv.URL+c.url),
	); err != nil {
		t.Fatal(err)
	}
	if c.click != "" {
		if err := chromedp.Do(ctx, chromedp.WaitVisible(c.click), chromedp.Click(c.click)); err != nil {
			t.Fatal(err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(c.wait)); err != nil {
		t.Fatalf("waiting for %s: %v", c.wait, err)
	}
	if c.focus != "" {
		if err := chromedp.Do(ctx, chromedp.Focus(c.focus)); err != nil {
			t.Fatalf("focusing %s: %v", c.focus, err)
		}
		if got := tip(t, ctx); got != "shown" {
			t.Fatalf("with focus on %s its definition is %s", c.focus, got)
		}
	}
	if wide := sideways(t, ctx); wide != "" {
		t.Errorf("the page scrolls sideways at %d px: %s", width, wide)
	}
	version, err := chromedp.Run(ctx, chromedp.Evaluate[string](axe+"\n;axe.version"))
	if err != nil {
		t.Fatal(err)
	}
	if version != axeVersion {
		t.Fatalf("axe-core %s, want %s (the version .ci/run installs)", version, axeVersion)
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
		if len(where) > 5 {
			where = append(where[:5], fmt.Sprintf("and %d more", len(v.Nodes)-5))
		}
		t.Errorf("axe %s (%s): %s, %d elements: %s", v.ID, v.Impact, v.Help, len(v.Nodes), strings.Join(where, "; "))
	}
	for _, m := range console() {
		t.Errorf("console: %s", m)
	}
	for _, f := range srv.failures() {
		t.Errorf("the page asked for %s, which the site does not have", f)
	}
}

// findSideways says how far the page is wider than the window, and which
// element reaches furthest to the right of those that can widen it: one
// in no box that scrolls or clips sideways, or one positioned absolutely
// (whose containing block may lie outside such a box); "" when the page
// is no wider than the window.
const findSideways = `(() => {
  const doc = document.documentElement, w = doc.clientWidth;
  if (doc.scrollWidth <= w) return "";
  const held = el => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      if (/auto|scroll|hidden|clip/.test(getComputedStyle(p).overflowX)) return true;
    }
    return false;
  };
  let far = null, right = w;
  for (const el of document.querySelectorAll("body *")) {
    const r = el.getBoundingClientRect();
    if (r.right > right && (getComputedStyle(el).position === "absolute" || !held(el))) { far = el; right = r.right; }
  }
  const name = far ? far.tagName.toLowerCase() + (far.className ? "." + String(far.className).split(" ").join(".") : "") : "?";
  return (doc.scrollWidth - w) + " px wider than the window; furthest right: " + name + " (" + Math.round(right) + " px)";
})()`

// sideways runs findSideways on the page open in ctx.
func sideways(t *testing.T, ctx context.Context) string {
	t.Helper()
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](findSideways))
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// collectConsole records the errors a tab writes to its console: uncaught
// exceptions, console.error, and the browser's own errors (a resource that
// failed to load), as text. The 404 page's own status is not one. Listen
// sees an event before the reply to any command sent after it, so the
// list is complete once a later command has returned.
func collectConsole(t *testing.T, ctx context.Context) func() []string {
	t.Helper()
	var mu sync.Mutex
	var got []string
	add := func(s string) {
		mu.Lock()
		got = append(got, s)
		mu.Unlock()
	}
	err := chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *runtime.EventExceptionThrown:
			d := e.ExceptionDetails
			text := d.Text
			if d.Exception != nil {
				text += " " + d.Exception.Description
			}
			add(fmt.Sprintf("exception: %s (%s:%d)", text, d.URL, d.LineNumber+1))
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range e.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				add("console." + string(e.Type) + ": " + strings.Join(args, " "))
			}
		case *log.EventEntryAdded:
			en := e.Entry
			if en.Level == log.EntryLevelError && !(en.Source == log.EntrySourceNetwork && strings.HasSuffix(en.URL, missingPage)) {
				add(fmt.Sprintf("%s error: %s (%s)", en.Source, en.Text, en.URL))
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(got)
	}
}
