package render_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/batonhq/baton"
	"github.com/batonhq/baton/internal/browsertest"
	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/publish"
	"github.com/batonhq/baton/internal/render"
	"github.com/chromedp/chromedp"
)

// publishDefault builds the repository's own handbook into a temp folder.
func publishDefault(t *testing.T, baseURL string) string {
	t.Helper()
	out, _ := publishDefaultSite(t, baseURL)
	return out
}

// publishDefaultSite is publishDefault, with the site the build resolved.
func publishDefaultSite(t *testing.T, baseURL string) (string, *handbook.Site) {
	t.Helper()
	theme, err := render.LoadTheme(baton.Layouts())
	if err != nil {
		t.Fatal(err)
	}
	src := os.DirFS("../..")
	res, diags := build.New(build.Options{Theme: theme, BaseURL: baseURL}).Build(context.Background(), src)
	if res == nil {
		t.Fatalf("build failed: %v", diags)
	}
	out := filepath.Join(t.TempDir(), "public")
	if err := publish.Write(publish.Options{Out: out, Source: src}, res.Files); err != nil {
		t.Fatal(err)
	}
	return out, res.Site
}

// TestReaderFromFileSystem opens the built handbook from file:// and
// follows links as a reader would: folder links must open their pages.
func TestReaderFromFileSystem(t *testing.T) {
	out := publishDefault(t, "")
	ctx := browsertest.New(t)
	home := "file://" + filepath.ToSlash(out) + "/index.html"
	if err := chromedp.Do(ctx,
		chromedp.Navigate(home),
		chromedp.WaitVisible(".conductor-diagram"),
		chromedp.Click(`.site-nav a[href$="roles/index.html"]`),
		chromedp.WaitVisible(".roles-list"),
		chromedp.Click(`.roles-list a[href*="product-manager"]`),
		chromedp.WaitVisible("#responsibilities"),
	); err != nil {
		t.Fatalf("navigating from file://: %v", err)
	}
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(loc, "/roles/product-manager/index.html") {
		t.Errorf("ended at %s", loc)
	}
}

// TestThemeAndReflectPersist checks the dark-mode toggle and the reflect
// journal survive a reload, and the matrix filter hides rows, on a real
// server.
func TestThemeAndReflectPersist(t *testing.T) {
	out := publishDefault(t, "https://x.example/pm/")
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	ctx := browsertest.New(t)
	page := srv.URL + "/playbooks/conductor-model/conductor/"
	if err := chromedp.Do(ctx,
		chromedp.Navigate(page),
		chromedp.WaitVisible(".theme-toggle"),
		chromedp.Click(".theme-toggle"),
		chromedp.Click(`.reflect input[data-key="0"]`),
		chromedp.SendKeys(`.reflect textarea[data-key="0"]`, "Delegate the launch checklist."),
		chromedp.Navigate(page),
		chromedp.WaitVisible(".reflect"),
	); err != nil {
		t.Fatal(err)
	}
	theme, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.dataset.theme || ""`))
	if err != nil {
		t.Fatal(err)
	}
	if theme != "dark" && theme != "light" {
		t.Errorf("theme after reload = %q, want the toggled one", theme)
	}
	checked, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('.reflect input[data-key="0"]').checked`))
	if err != nil || !checked {
		t.Errorf("reflect checkbox not kept: %v %v", checked, err)
	}
	note, err := chromedp.Run(ctx, chromedp.Value(`.reflect textarea[data-key="0"]`))
	if err != nil || note != "Delegate the launch checklist." {
		t.Errorf("reflect note = %q (%v)", note, err)
	}

	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/responsibilities/"),
		chromedp.WaitVisible(".kind-filter"),
		chromedp.Click(`.kind-filter input[value="activity"]`),
	); err != nil {
		t.Fatal(err)
	}
	hidden, err := chromedp.Run(ctx, chromedp.Evaluate[int](`[...document.querySelectorAll('.matrix tr[data-kind="activity"]')].filter(r => r.getClientRects().length === 0).length`))
	if err != nil || hidden == 0 {
		t.Errorf("kind filter hid %d activity rows (%v)", hidden, err)
	}
	shown, err := chromedp.Run(ctx, chromedp.Evaluate[int](`[...document.querySelectorAll('.matrix tr[data-kind="output"]')].filter(r => r.getClientRects().length > 0).length`))
	if err != nil || shown == 0 {
		t.Errorf("kind filter hid output rows too (%v)", err)
	}
}

// TestPathProgress follows a reading path from its page: the step bar
// counts the steps read.
func TestPathProgress(t *testing.T) {
	out := publishDefault(t, "")
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	ctx := browsertest.New(t)
	// Not following a path: a page in several paths shows one summary line.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/playbooks/conductor-model/conductor/"),
		chromedp.WaitVisible(".path-summary"),
	); err != nil {
		t.Fatal(err)
	}
	shownBars, err := chromedp.Run(ctx, chromedp.Evaluate[int](`[...document.querySelectorAll('.path-bar[data-path]')].filter(b => b.getClientRects().length > 0).length`))
	if err != nil || shownBars != 0 {
		t.Errorf("%d step bars shown before following a path, want the summary alone (%v)", shownBars, err)
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/paths/first-week/"),
		chromedp.Click(`#step-1 a`),
		chromedp.WaitVisible(`.path-bar[data-path="first-week"] .path-progress`),
	); err != nil {
		t.Fatal(err)
	}
	label, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('.path-bar[data-path="first-week"] .path-progress').getAttribute('aria-label')`))
	if err != nil || !strings.HasPrefix(label, "1 of ") {
		t.Errorf("progress = %q (%v)", label, err)
	}
	others, err := chromedp.Run(ctx, chromedp.Evaluate[int](`[...document.querySelectorAll('.path-bar')].filter(b => b.getClientRects().length > 0 && b.dataset.path !== "first-week").length`))
	// (the summary line has no data-path, so it counts among the others)
	if err != nil || others != 0 {
		t.Errorf("%d other path bars still shown while following first-week (%v)", others, err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/paths/first-week/"), chromedp.WaitVisible(".steps")); err != nil {
		t.Fatal(err)
	}
	done, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('.step.done').length`))
	if err != nil || done != 1 {
		t.Errorf("path page marks %d steps done, want 1 (%v)", done, err)
	}

	// The foot of a step's page leads on to the path's next step, in place
	// of the section's next page; the home page and the path's page then
	// offer the step after the last one read.
	if err := chromedp.Do(ctx,
		chromedp.Click(`#step-1 a`),
		chromedp.WaitVisible(`.path-foot[data-path="first-week"]`),
	); err != nil {
		t.Fatal(err)
	}
	visible := func(sel string) bool {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(e => !!e && e.getClientRects().length > 0)(document.querySelector(`+"`"+sel+"`"+`))`))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if visible(`article > .prev-next`) {
		t.Error("the section's previous and next links are shown beside the path's")
	}
	step := func(n int) string {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(`document.querySelector('#step-%d a').href`, n)))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if err := chromedp.Do(ctx, chromedp.Click(`.path-foot[data-path="first-week"] a[rel=next]`), chromedp.WaitVisible(`.path-foot[data-path="first-week"] a[rel=prev]`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/paths/first-week/"), chromedp.WaitVisible(".path-continue")); err != nil {
		t.Fatal(err)
	}
	third := step(3)
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('.path-continue a').href`))
	if err != nil || got != third {
		t.Errorf("the path's page continues with %q, want step 3 %q (%v)", got, third, err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(".continue")); err != nil {
		t.Fatal(err)
	}
	resume, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('.continue .card a')].map(a => a.href + " " + a.textContent)`))
	if err != nil || len(resume) != 1 || !strings.HasPrefix(resume[0], third+" ") || !strings.Contains(resume[0], "2 of ") {
		t.Errorf("home page continues with %q, want one card to step 3 %q with 2 steps read (%v)", resume, third, err)
	}
}

// TestPhoneMenuOpensSidebar: at phone width the sidebar is hidden behind
// the header's Menu button; the button opens it, the current page is
// marked in it, and its links lead to their pages.
func TestPhoneMenuOpensSidebar(t *testing.T) {
	out := publishDefault(t, "")
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	ctx := browsertest.New(t)
	visible := func(sel string) bool {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(e => !!e && e.getClientRects().length > 0)(document.querySelector(`+"`"+sel+"`"+`))`))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(400, 850),
		chromedp.Navigate(srv.URL+"/playbooks/working-with/engineering/"),
		chromedp.WaitVisible(".nav-toggle"),
	); err != nil {
		t.Fatal(err)
	}
	if visible("#sidebar") {
		t.Fatal("the sidebar shows at phone width before the menu is opened")
	}
	if err := chromedp.Do(ctx, chromedp.Click(".nav-toggle"), chromedp.WaitVisible("#sidebar")); err != nil {
		t.Fatalf("opening the menu: %v", err)
	}
	current, err := chromedp.Run(ctx, chromedp.Text(`#sidebar a[aria-current="page"]`))
	if err != nil || current != "Working with engineering" {
		t.Errorf("current item in the sidebar = %q (%v)", current, err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(`#sidebar a[href="../design/"]`)); err != nil {
		t.Fatal(err)
	}
	var loc string
	for range 50 { // the click starts a navigation: wait for it
		if loc, err = chromedp.Run(ctx, chromedp.Location()); err == nil && strings.HasSuffix(loc, "/playbooks/working-with/design/") {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Errorf("following the sidebar's link ended at %s (%v)", loc, err)
}

// TestPrintPartAlone follows a section's print link, from the file system
// as a reader who downloaded the site would: the print view shows that
// part alone (its contents and pages; no other page, no matrix), names
// it in the title the PDF takes, and shows the whole handbook again when
// a link leads out of the part.
func TestPrintPartAlone(t *testing.T) {
	out := publishDefault(t, "")
	ctx := browsertest.New(t)
	section := "file://" + filepath.ToSlash(out) + "/playbooks/launch/index.html"
	const visible = `[...document.querySelectorAll(".print-view > *, .print-part > .print-page")].filter(e => e.getClientRects().length).map(e => e.id || e.className)`
	look := func() (shown []string, title string) {
		t.Helper()
		shown, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](visible))
		if err != nil {
			t.Fatal(err)
		}
		title, err = chromedp.Run(ctx, chromedp.Title())
		if err != nil {
			t.Fatal(err)
		}
		return shown, title
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(section),
		chromedp.Click(`.print-link a`),
		chromedp.WaitVisible(`#part-playbooks-launch .print-part-toc`),
	); err != nil {
		t.Fatal(err)
	}
	shown, title := look()
	if !strings.HasPrefix(title, "Launching (print) · ") {
		t.Errorf("the part's print view is titled %q, want Launching (print) first", title)
	}
	if len(shown) < 4 || shown[0] != "doc-header" || shown[1] != "part-playbooks-launch" {
		t.Fatalf("the part's print view shows %q, want the header and the part", shown)
	}
	for _, id := range shown[2:] {
		if !strings.HasPrefix(id, "p-playbooks-launch") {
			t.Errorf("the part's print view shows %s, which is not the part's", id)
		}
	}
	// A link out of the part brings the whole handbook back.
	if err := chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`location.hash = "#p-roles-product-manager"`),
		chromedp.WaitVisible(`#p-responsibilities`),
	); err != nil {
		t.Fatal(err)
	}
	shown, title = look()
	if strings.HasPrefix(title, "Launching") || !slices.Contains(shown, "p-paths") {
		t.Errorf("after leaving the part the view is titled %q and shows %q, want the whole handbook", title, shown)
	}
}
