package build_test

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/batonhq/baton/internal/browsertest"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestRedirectsLand opens the golden site's redirect pages (the aliases of
// playbooks/basics/start.md) in Chromium: over HTTP and from the file
// system each lands on the page, with the fragment the reader came with;
// without JavaScript the refresh still takes the reader there.
func TestRedirectsLand(t *testing.T) {
	dir, err := filepath.Abs("testdata/golden")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	ctx := browsertest.New(t)
	land := func(from string) string {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(from), chromedp.WaitVisible(`article h1`)); err != nil {
			t.Fatalf("%s: %v", from, err)
		}
		href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`))
		if err != nil {
			t.Fatalf("%s: %v", from, err)
		}
		return href
	}
	fileURL := "file://" + filepath.ToSlash(dir)
	for _, c := range []struct{ from, want string }{
		{srv.URL + "/onboarding/start/#reflect", srv.URL + "/playbooks/basics/start/#reflect"},
		{srv.URL + "/onboarding/start", srv.URL + "/playbooks/basics/start/"},
		{srv.URL + "/playbooks/basics/old-start.html", srv.URL + "/playbooks/basics/start/"},
		{fileURL + "/onboarding/start/index.html#reflect", fileURL + "/playbooks/basics/start/index.html#reflect"},
	} {
		if got := land(c.from); got != c.want {
			t.Errorf("%s lands on %s, want %s", c.from, got, c.want)
		}
	}
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	if got := land(srv.URL + "/onboarding/start/"); !strings.HasSuffix(got, "/playbooks/basics/start/") {
		t.Errorf("without JavaScript the redirect lands on %s", got)
	}
}
