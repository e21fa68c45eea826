package serve_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/batonhq/baton/internal/browsertest"
	"github.com/batonhq/baton/internal/serve"
	"github.com/chromedp/chromedp"
)

// waitText polls the page until its body text contains want.
func waitText(t *testing.T, ctx context.Context, want string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText : ""`))
		if err == nil && strings.Contains(text, want) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("page never showed %q (last error %v)", want, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestBrowserReloads opens a served page in Chromium, edits the source,
// and sees the page reload by itself: with the new text, with the error
// overlay after a bad save, and again after the server restarts.
func TestBrowserReloads(t *testing.T) {
	ctx := browsertest.New(t)
	s := newSite(t, basic())
	if err := chromedp.Do(ctx, chromedp.Navigate(s.http.URL+"/a/")); err != nil {
		t.Fatal(err)
	}
	waitText(t, ctx, "Alpha text")
	// Mark the document: a reload replaces it, so the mark disappears.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.batonMark = true`)); err != nil {
		t.Fatal(err)
	}
	write(t, s.path("content/a.md"), fmt.Sprintf(page, "Page A", "Live edit arrives."))
	waitText(t, ctx, "Live edit arrives.")
	if marked, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.batonMark === true`)); marked {
		t.Errorf("content changed without a reload")
	}

	write(t, s.path("content/a.md"), "---\ntitle: [broken\n---\n")
	waitText(t, ctx, "The last build failed")
	write(t, s.path("content/a.md"), fmt.Sprintf(page, "Page A", "Fixed again."))
	waitText(t, ctx, "Fixed again.")

	// Restart: close the server, start a new one on the same address.
	// The listener closes first: the page reconnects 500 ms after losing
	// its stream, and a reconnection that slipped in before Close would
	// hold Close up for as long as the stream lasts.
	addr := s.http.Listener.Addr().String()
	s.http.Listener.Close()
	s.http.CloseClientConnections()
	s.http.Close()
	write(t, s.path("content/a.md"), fmt.Sprintf(page, "Page A", "After restart."))
	time.Sleep(200 * time.Millisecond)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Skipf("cannot listen again on %s: %v", addr, err)
	}
	s.srv.Rebuild(context.Background(), nil)
	hs := &http.Server{Handler: s.srv}
	go hs.Serve(ln)
	defer hs.Close()
	waitText(t, ctx, "After restart.")
}

// TestBrowserReloadsWhenStreamIsLate loads a page in Chromium whose
// reload stream is held up (a slow tab, a busy proxy) until after a save
// has rebuilt the site: once the stream connects, the page reloads and
// shows the edit. No watcher runs: the one rebuild is the test's, so no
// later one can send the reload instead.
func TestBrowserReloadsWhenStreamIsLate(t *testing.T) {
	ctx := browsertest.New(t)
	dir := t.TempDir()
	for name, body := range basic() {
		write(t, filepath.Join(dir, name), body)
	}
	srv, _ := serveDir(t, dir)
	if r := srv.Rebuild(context.Background(), nil); !r.OK {
		t.Fatal(r.Diags)
	}
	asked := make(chan struct{}, 1)
	hold := make(chan struct{})
	release := sync.OnceFunc(func() { close(hold) })
	gate := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == serve.ReloadPath {
			select {
			case asked <- struct{}{}:
			default:
			}
			select {
			case <-hold:
			case <-r.Context().Done():
				return
			}
		}
		srv.ServeHTTP(w, r)
	}))
	t.Cleanup(func() {
		// The page's stream stays open: end it, or Close waits for it.
		release()
		gate.CloseClientConnections()
		gate.Close()
	})
	srv.AllowHosts(gate.Listener.Addr())

	if err := chromedp.Do(ctx, chromedp.Navigate(gate.URL+"/a/")); err != nil {
		t.Fatal(err)
	}
	waitText(t, ctx, "Alpha text")
	select {
	case <-asked:
	case <-time.After(30 * time.Second):
		t.Fatal("the page never asked for its reload stream")
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.batonMark = true`)); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "content/a.md"), fmt.Sprintf(page, "Page A", "Saved while the stream was held."))
	if r := srv.Rebuild(context.Background(), []string{"content/a.md"}); !r.OK {
		t.Fatal(r.Diags)
	}
	release()
	waitText(t, ctx, "Saved while the stream was held.")
	if marked, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.batonMark === true`)); marked {
		t.Errorf("content changed without a reload")
	}
}
