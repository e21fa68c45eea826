package build_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"regexp"
	"testing"
	"time"

	"github.com/batonhq/baton/internal/browsertest"
	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// TestGermanInTheBrowser opens the German golden handbook (testdata/golden-de,
// the output of testdata/site-de) in Chromium over HTTP: the page is
// lang="de", and what the scripts write is German too: the search box's
// placeholder, its "no results", the search page's count of results, and
// a code block's copy button, its name and its "copied" state.
func TestGermanInTheBrowser(t *testing.T) {
	srv := httptest.NewServer(http.FileServer(goldenSite("testdata/golden-de")))
	defer srv.Close()
	ctx := browsertest.Tab(t, browsertest.Browser(t), 60*time.Second)
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		if _, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: name}, Setting: browser.PermissionSettingGranted,
		}); err != nil {
			t.Fatal(err)
		}
	}
	type state struct{ Lang, Placeholder, Copy, CopyLabel, Box string }
	const stateJS = `(() => {
		const b = document.querySelector("button.code-copy"), box = document.querySelector("#baton-results");
		return {Lang: document.documentElement.lang, Placeholder: document.querySelector("#baton-q").placeholder,
			Copy: b ? b.textContent : "", CopyLabel: b ? b.getAttribute("aria-label") || "" : "", Box: box ? box.textContent : ""};
	})()`
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/abl%C3%A4ufe/einstieg/"), chromedp.WaitVisible("button.code-copy")); err != nil {
		t.Fatal(err)
	}
	got := pollBrowser(t, ctx, "the page", stateJS, func(s state) bool { return s.Copy != "" })
	if want := (state{Lang: "de", Placeholder: "Suchen", Copy: "Kopieren", CopyLabel: "Code kopieren"}); got != want {
		t.Errorf("before a copy: %+v, want %+v", got, want)
	}
	if err := chromedp.Do(ctx, chromedp.Click("button.code-copy")); err != nil {
		t.Fatal(err)
	}
	got = pollBrowser(t, ctx, "the copied state", stateJS, func(s state) bool { return s.Copy != "Kopieren" })
	if got.Copy != "Kopiert" || got.CopyLabel != "" {
		t.Errorf("after a copy the button shows %q named %q, want Kopiert named by its text", got.Copy, got.CopyLabel)
	}
	if err := chromedp.Do(ctx, chromedp.Click("#baton-q"), chromedp.SendKeys("#baton-q", "zzqxj")); err != nil {
		t.Fatal(err)
	}
	pollBrowser(t, ctx, "Keine Ergebnisse für „zzqxj“. in the box", stateJS, func(s state) bool { return s.Box == "Keine Ergebnisse für „zzqxj“." })
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/search/?q=rhythmus")); err != nil {
		t.Fatal(err)
	}
	status := pollBrowser(t, ctx, "the search page", `document.querySelector(".search-status").textContent`, func(s string) bool { return s != "" })
	if !regexp.MustCompile(`^(1 Ergebnis|[02-9]\d* Ergebnisse|1\d+ Ergebnisse) für „rhythmus“\.$`).MatchString(status) {
		t.Errorf("the search page says %q, want the number of Ergebnisse für „rhythmus“.", status)
	}
}

// pollBrowser evaluates expr until check accepts its value, or fails the
// test when the tab's time runs out.
func pollBrowser[T any](t *testing.T, ctx context.Context, what, expr string, check func(T) bool) T {
	t.Helper()
	var last T
	for {
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[string]("JSON.stringify("+expr+")"))
		if err == nil && json.Unmarshal([]byte(raw), &last) == nil && check(last) {
			return last
		}
		select {
		case <-ctx.Done():
			t.Fatalf("%s: timed out; last value %+v (error %v)", what, last, err)
		case <-time.After(50 * time.Millisecond):
		}
	}
}
