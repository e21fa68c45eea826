package render_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/batonhq/baton/internal/browsertest"
	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// allowClipboard lets the pages of the browser read the clipboard, so a
// test can read what a copy button put there.
func allowClipboard(ctx context.Context, t *testing.T) {
	t.Helper()
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		if _, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: name}, Setting: browser.PermissionSettingGranted,
		}); err != nil {
			t.Fatal(err)
		}
	}
}

// TestCopyButtons: every code block of a playbook has a copy button, which
// the keyboard reaches (Tab) and works (Enter), with a name that says what
// it does; it copies the code, over HTTP and from the file system, and
// also where the Clipboard API is missing (a page served over plain HTTP
// from another host has none).
func TestCopyButtons(t *testing.T) {
	out := publishDefault(t, "")
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	const page = "/playbooks/foundations/first-week-plan/"
	b := browsertest.Browser(t)
	for _, c := range []struct {
		name, url string
		noAPI     bool
	}{
		{"http", srv.URL + page, false},
		{"file", "file://" + filepath.ToSlash(out) + page + "index.html", false},
		{"no clipboard API", srv.URL + page, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx := browsertest.Tab(t, b, 60*time.Second)
			if err := chromedp.Do(ctx, chromedp.Navigate(c.url), chromedp.WaitVisible(".prose pre")); err != nil {
				t.Fatal(err)
			}
			allowClipboard(ctx, t)
			blocks, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(".prose pre").length`))
			if err != nil || blocks == 0 {
				t.Fatalf("%d code blocks (%v)", blocks, err)
			}
			buttons, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".prose pre")].map(p => {
				const b = p.parentElement.querySelector(":scope > button.code-copy");
				return b ? b.textContent + "|" + (b.getAttribute("aria-label") || "") : "";
			})`))
			if err != nil {
				t.Fatal(err)
			}
			for i, name := range buttons {
				text, label, _ := strings.Cut(name, "|")
				if text != "Copy" || !strings.HasPrefix(label, "Copy") {
					t.Errorf("code block %d: button %q labelled %q, want one that shows Copy and is named for it", i, text, label)
				}
			}
			if c.noAPI {
				if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.realClipboard = navigator.clipboard; Object.defineProperty(Navigator.prototype, "clipboard", {get: () => undefined}); true`)); err != nil {
					t.Fatal(err)
				}
			}
			// Tab from the top of the page to the first copy button.
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.activeElement.blur(), window.scrollTo(0, 0), true`)); err != nil {
				t.Fatal(err)
			}
			reached := false
			for range 300 {
				if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
					t.Fatal(err)
				}
				on, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.activeElement.matches("button.code-copy")`))
				if err != nil {
					t.Fatal(err)
				}
				if on {
					reached = true
					break
				}
			}
			if !reached {
				t.Fatal("Tab never reaches a copy button")
			}
			if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
				t.Fatal(err)
			}
			want, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.parentElement.querySelector("pre").textContent`))
			if err != nil {
				t.Fatal(err)
			}
			clip := "navigator.clipboard"
			if c.noAPI {
				clip = "window.realClipboard"
			}
			var got, status, live string
			for range 50 { // the copy is asynchronous
				got, _ = chromedp.Run(ctx, chromedp.Evaluate[string](clip+`.readText()`, chromedp.EvalAwaitPromise))
				status, _ = chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.textContent`))
				live, _ = chromedp.Run(ctx, chromedp.Evaluate[string](`[...document.querySelectorAll("[role=status], [aria-live]")].map(e => e.textContent).join("|")`))
				if got == strings.TrimRight(want, "\n") && status == "Copied" && strings.Contains(live, "Copied") {
					break
				}
				time.Sleep(100 * time.Millisecond)
			}
			if got != strings.TrimRight(want, "\n") {
				t.Errorf("the clipboard holds %q, want the code %q", got, want)
			}
			if status != "Copied" {
				t.Errorf("the button says %q after copying, want Copied", status)
			}
			if !strings.Contains(live, "Copied") {
				t.Errorf("no live region says the code was copied (%q)", live)
			}
		})
	}
}

// TestTaskListsTick: a playbook's task lists are boxes a reader can tick,
// each named by its item, kept in the browser across a reload like
// reflect notes; the print view shows the lists as written.
func TestTaskListsTick(t *testing.T) {
	out := publishDefault(t, "")
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	ctx := browsertest.New(t)
	page := srv.URL + "/playbooks/foundations/first-week-plan/"
	boxes := `.prose li > input[type=checkbox]`
	if err := chromedp.Do(ctx, chromedp.Navigate(page), chromedp.WaitVisible(boxes)); err != nil {
		t.Fatal(err)
	}
	state := func() string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`[...document.querySelectorAll("`+boxes+`")].map(b => (b.disabled ? "d" : "") + (b.checked ? "x" : "-") + (b.getAttribute("aria-label") ? "" : "?")).join("")`))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	before := state()
	if strings.ContainsAny(before, "d?x") {
		t.Fatalf("task boxes before ticking: %q, want all enabled, named and clear", before)
	}
	if err := chromedp.Do(ctx,
		chromedp.Click(`.prose li:nth-child(2) > input[type=checkbox]`),
		chromedp.Navigate(page), chromedp.WaitVisible(boxes),
	); err != nil {
		t.Fatal(err)
	}
	after := state()
	if want := "-x" + strings.Repeat("-", len(before)-2); !strings.HasPrefix(after, "-x") || strings.Count(after, "x") != 1 || len(after) != len(before) {
		t.Errorf("after ticking the second box and a reload: %q, want %q", after, fmt.Sprint(want))
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/print/"), chromedp.WaitVisible(".print-view")); err != nil {
		t.Fatal(err)
	}
	enabled, err := chromedp.Run(ctx, chromedp.Evaluate[int](`[...document.querySelectorAll(".print-view input[type=checkbox]")].filter(b => !b.disabled || b.checked).length`))
	if err != nil || enabled != 0 {
		t.Errorf("the print view has %d task boxes enabled or ticked, want the lists as written (%v)", enabled, err)
	}
}
