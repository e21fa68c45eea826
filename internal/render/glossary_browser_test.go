package render_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/batonhq/baton/internal/browsertest"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// termPage is a page of the default handbook whose prose marks glossary
// terms; termSel is its first marked term.
const (
	termPage = "/playbooks/discovery/experiment-types/"
	termSel  = ".prose .term"
)

// tipState says whether the first marked term's definition shows, and
// whether it lies inside the window.
const tipState = `(() => {
  const tip = document.querySelector(".prose .term .term-tip");
  const shown = getComputedStyle(tip).display !== "none" && tip.getClientRects().length > 0;
  const r = tip.getBoundingClientRect();
  return (shown ? "shown" : "hidden") + (shown && (r.left < 0 || r.right > document.documentElement.clientWidth || r.bottom > innerHeight + 1) ? " outside" : "");
})()`

func tip(t *testing.T, ctx context.Context) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](tipState))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestGlossaryTips: a marked term's definition shows when the pointer is
// on it, when Tab brings focus to it and when a finger taps it (the tap
// does not follow the link, a second one does), and Escape hides it; its
// link, without any script, is to the term's entry on the glossary page,
// which names the definition the mark describes itself by; search finds
// the term by an alias and links to its entry.
func TestGlossaryTips(t *testing.T) {
	out := publishDefault(t, "")
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()

	ctx := browsertest.New(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(srv.URL+termPage), chromedp.WaitVisible(termSel)); err != nil {
		t.Fatal(err)
	}
	if got := tip(t, ctx); got != "hidden" {
		t.Fatalf("before any pointing the definition is %s", got)
	}
	center, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(() => {
  const a = document.querySelector(".prose .term .term-link");
  a.scrollIntoView({block: "center"});
  const r = a.getBoundingClientRect();
  return [r.left + r.width / 2, r.top + r.height / 2];
})()`))
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name string
		do   chromedp.Action[chromedp.Void]
		want string
	}{
		{"the pointer on the term", chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, center[0], center[1]), "shown"},
		{"Escape", chromedp.KeyEvent(kb.Escape), "hidden"},
		{"the pointer away", chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, 2, 2), "hidden"},
		{"the pointer back", chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, center[0], center[1]), "shown"},
		{"the pointer away again", chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, 2, 2), "hidden"},
		// Focus the element before the term in Tab's order, then Tab.
		{"focus before the term", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
  const all = [...document.querySelectorAll("a[href], button:not([hidden]), input, [tabindex='0']")].filter(e => e.getClientRects().length > 0);
  all[all.indexOf(document.querySelector(".prose .term .term-link")) - 1].focus();
  return true;
})()`))
			return err
		}), "hidden"},
		{"Tab", chromedp.KeyEvent(kb.Tab), "shown"},
		{"Escape with focus on the term", chromedp.KeyEvent(kb.Escape), "hidden"},
	}
	for _, s := range steps {
		if err := chromedp.Do(ctx, s.do); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if got := tip(t, ctx); got != s.want {
			t.Errorf("after %s the definition is %s, want %s", s.name, got, s.want)
		}
	}
	focused, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.activeElement === document.querySelector(".prose .term .term-link")`))
	if err != nil || !focused {
		t.Errorf("Tab did not bring focus to the term (%v)", err)
	}
	described, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
  const a = document.querySelector(".prose .term .term-link");
  return document.getElementById(a.getAttribute("aria-describedby")).textContent + "|" + a.getAttribute("href");
})()`))
	if err != nil {
		t.Fatal(err)
	}
	text, href, _ := strings.Cut(described, "|")
	if text == "" || !strings.HasPrefix(href, "../../../glossary/#term-") {
		t.Fatalf("the term is described by %q and links to %q", text, href)
	}
	// Search finds a term by an alias, and links to its entry.
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/search/?q=minimum+viable"), chromedp.WaitVisible(".search-page-results .search-result a")); err != nil {
		t.Fatal(err)
	}
	links, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".search-page-results .search-result a")].map(a => a.getAttribute("href"))`))
	if err != nil || !slices.Contains(links, "../glossary/#term-mvp") {
		t.Errorf("a search for an alias of MVP links to %q (%v), not its entry", links, err)
	}
	tapTerm(t, srv.URL, href, text)
}

// tapTerm taps the first marked term on a phone: the definition shows
// along the screen's foot, a tap elsewhere hides it, and a second tap on
// the term (or on the definition, where it covers the term) follows its
// link to the entry that holds the definition.
func tapTerm(t *testing.T, base, href, text string) {
	t.Helper()
	ctx := browsertest.New(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateTouch), chromedp.Navigate(base+termPage), chromedp.WaitVisible(termSel)); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name string
		do   chromedp.Action[chromedp.Void]
		want string
	}{
		{"a tap on the term", chromedp.Tap(termSel + " .term-link"), "shown"},
		{"a tap elsewhere", chromedp.Tap("#page-title"), "hidden"},
		{"a tap on the term again", chromedp.Tap(termSel + " .term-link"), "shown"},
	}
	for _, s := range steps {
		if err := chromedp.Do(ctx, s.do); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if got := tip(t, ctx); got != s.want {
			t.Errorf("after %s the definition is %s, want %s", s.name, got, s.want)
		}
	}
	if loc, err := chromedp.Run(ctx, chromedp.Location()); err != nil || !strings.HasSuffix(loc, termPage) {
		t.Errorf("a first tap left the page for %s (%v)", loc, err)
	}
	if err := chromedp.Do(ctx, chromedp.Tap(termSel+" .term-link")); err != nil {
		t.Fatal(err)
	}
	frag := href[strings.Index(href, "#")+1:]
	var entry string
	var last string
	for range 50 { // the tap starts a navigation: wait for it, and the entry
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname + "|" + ((document.getElementById(location.hash.slice(1)) || {}).textContent || "")`))
		last = s
		if err == nil && strings.HasPrefix(s, "/glossary/|") && s != "/glossary/|" {
			entry = s
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if !strings.Contains(entry, strings.TrimSpace(text)) {
		t.Errorf("a second tap did not lead to #%s holding %q: %q (%q)", frag, text, entry, last)
	}
}
