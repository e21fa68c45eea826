// Package browsertest starts a real headless Chromium for tests, or skips
// the test with a message where none is installed. CI installs Debian's
// chromium (see .ci/run).
package browsertest

import (
	"context"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Path finds a Chromium or Chrome binary, or returns "".
func Path() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// New starts a browser for t and returns a tab in it that may run for 90
// seconds: what a test that needs one page wants.
func New(t *testing.T) context.Context {
	t.Helper()
	return Tab(t, Browser(t), 90*time.Second)
}

// Browser starts a browser for t, with the flags a root user on a closed
// network needs, and closes it when the test ends. Each call gets a fresh
// profile, so nothing (localStorage included) leaks between tests. Open
// tabs in it with Tab.
func Browser(t *testing.T) context.Context {
	t.Helper()
	path := Path()
	if path == "" {
		t.Skip("no chromium, chromium-browser or google-chrome on PATH: browser test skipped (apt-get install chromium)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
		// Pages opened from file:// may load their own scripts.
		chromedp.Flag("allow-file-access-from-files", true),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	// The first Do starts the browser and ties it to the context it gets,
	// so it must be ctx itself, not one with a deadline; a watchdog bounds
	// the start instead.
	timer := time.AfterFunc(30*time.Second, cancel)
	err := chromedp.Do(ctx)
	timer.Stop()
	if err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	return ctx
}

// Tab opens a new tab in a browser from Browser, closed when the test ends
// or after limit.
func Tab(t *testing.T, browser context.Context, limit time.Duration) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	ctx, cancelTime := context.WithTimeout(ctx, limit)
	t.Cleanup(func() { cancelTime(); cancel() })
	return ctx
}
