package render_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/batonhq/baton/internal/browsertest"
	"github.com/chromedp/chromedp"
)

// TestLongWordsStayOnScreen: on a phone (390 px), a page whose title is one
// long word (a compound noun, an identifier, a tag of underscores), whose
// prose holds a URL written out and a long identifier in code, and the
// tag page and print view that show them, are no wider than the screen:
// real handbooks have such titles, and each pushed its page sideways.
func TestLongWordsStayOnScreen(t *testing.T) {
	long := "Zweifaktorauthentifizierungsverfahrenseinstellungen"
	ident := "client_secret_basic_token_endpoint_auth_method_override"
	url := "https://example.com/" + strings.Repeat("a-rather-long-path-segment/", 4)
	out := publishFS(t, fstest.MapFS{
		"content/handbook.yaml": {Data: []byte("title: Wide\n")},
		"content/_index.md":     {Data: []byte("---\ntitle: Home\n---\nStart at the [long page](long.md).\n")},
		"content/long.md": {Data: []byte(fmt.Sprintf("---\ntitle: %s\ntags: [%s]\n---\nRead %s first, then set `%s` where the server asks.\n\n## %s\n\nMore.\n",
			long, ident, url, ident, ident))},
	})
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	browser := browsertest.Browser(t)
	for _, page := range []string{"/long/", "/tags/" + strings.ReplaceAll(ident, "_", "-") + "/", "/print/"} {
		t.Run(page, func(t *testing.T) {
			ctx := browsertest.Tab(t, browser, 30*time.Second)
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844), chromedp.Navigate(srv.URL+page), chromedp.WaitVisible("main h1")); err != nil {
				t.Fatal(err)
			}
			if wide := sideways(t, ctx); wide != "" {
				t.Errorf("%s scrolls sideways at 390 px: %s", page, wide)
			}
		})
	}
}
