package serve_test

import (
	"fmt"
	"strings"
	"testing"
)

// TestLanguagesServe serves a handbook in two languages and edits it: an
// edit to a German page shows under /de/ (patched in, the English site
// kept), and a page translated at last turns the English page's switcher
// from the German home to its twin.
func TestLanguagesServe(t *testing.T) {
	s := newSite(t, map[string]string{
		"content/handbook.yaml":    "title: Live\nlanguages: [en, de]\n",
		"content/static/img/x.svg": `<svg xmlns="http://www.w3.org/2000/svg"/>`,
		"content/en/_index.md":     fmt.Sprintf(page, "Home", "Welcome. See [A](a.md)."),
		"content/en/a.md":          fmt.Sprintf(page, "Page A", "Alpha text. ![x](../static/img/x.svg)"),
		"content/de/_index.md":     fmt.Sprintf(page, "Start", "Willkommen."),
		"content/de/b.md":          fmt.Sprintf(page, "Seite B", "Bravo-Text."),
	})
	s.eventually("German page", s.pageHas("/de/b/", "Bravo-Text"))
	if code, _ := s.get("/de/img/x.svg"); code != 200 {
		t.Errorf("/de/img/x.svg: status %d, want 200 (static files are every language's)", code)
	}
	if _, body := s.get("/a/"); !strings.Contains(body, `<a href="../de/" hreflang="de" lang="de">Deutsch <span class="lang-home">(home)</span></a>`) {
		t.Errorf("untranslated page's switcher does not lead to the German home:\n%s", body)
	}
	before := s.rebuilds.Load()
	write(t, s.path("content/de/b.md"), fmt.Sprintf(page, "Seite B", "Bravo-Text.\n\nNoch ein Absatz."))
	s.eventually("German edit", s.pageHas("/de/b/", "Noch ein Absatz"))
	s.eventually("the rebuild's report", func() bool { return s.rebuilds.Load() > before })
	s.mu.Lock()
	last := s.last
	s.mu.Unlock()
	if !last.OK || !last.Patched {
		t.Errorf("a German body edit: ok %v, patched %v; want both", last.OK, last.Patched)
	}
	write(t, s.path("content/de/a.md"), fmt.Sprintf(page, "Seite A", "Alpha-Text."))
	s.eventually("the switcher to the new twin", s.pageHas("/a/", `<a href="../de/a/" hreflang="de" lang="de">Deutsch</a>`))
	s.eventually("the German twin", s.pageHas("/de/a/", "Alpha-Text"))
}
