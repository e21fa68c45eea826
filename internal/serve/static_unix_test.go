//go:build unix

package serve_test

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestStaticFilesOnlyAsBuilt serves a static file, then breaks the build
// (so the last good site, which lists the file, stays up) and puts in the
// file's place, in turn, a link to a file outside the site, a link for its
// folder, and a named pipe. The outside bytes are never served, and no
// request waits on the pipe; the file served again once it is a file.
func TestStaticFilesOnlyAsBuilt(t *testing.T) {
	files := basic()
	files["content/static/files/hello.txt"] = "hello from the site"
	s := newSite(t, files)
	if code, body := s.get("/files/hello.txt"); code != 200 || body != "hello from the site" {
		t.Fatalf("before: /files/hello.txt gives %d %q", code, body)
	}
	outsideDir := t.TempDir()
	outside := filepath.Join(outsideDir, "hello.txt")
	write(t, outside, "OUTSIDE-SECRET")

	// A failed build keeps the last good site, which lists hello.txt.
	write(t, s.path("content/a.md"), "---\ntitle: [unclosed\n---\nBroken.\n")
	s.eventually("overlay", s.pageHas("/a/", "baton-overlay"))

	hello := s.path("content/static/files/hello.txt")
	client := &http.Client{Timeout: 20 * time.Second} // a guard against a hang, not a limit
	get := func(what string) (int, string) {
		t.Helper()
		resp, err := client.Get(s.http.URL + "/files/hello.txt")
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	notServed := func(what string) {
		t.Helper()
		code, body := get(what)
		if code == 200 || strings.Contains(body, "OUTSIDE-SECRET") || strings.Contains(body, "root:x:0:0") {
			t.Errorf("%s: served with %d: %.80q", what, code, body)
		}
	}

	for _, target := range []string{outside, "/etc/passwd"} {
		if err := os.Remove(hello); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, hello); err != nil {
			t.Fatal(err)
		}
		notServed("a link to " + target)
	}

	// The folder becomes a link to an outside folder with a hello.txt.
	if err := os.Remove(hello); err != nil {
		t.Fatal(err)
	}
	folder := s.path("content/static/files")
	if err := os.Remove(folder); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outsideDir, folder); err != nil {
		t.Fatal(err)
	}
	notServed("a link for the folder")
	if err := os.Remove(folder); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}

	if err := syscall.Mkfifo(hello, 0o644); err != nil {
		t.Fatal(err)
	}
	// Should a request open the pipe and wait for a writer, this lets it go
	// when the test ends, so the server can close.
	t.Cleanup(func() {
		if w, err := os.OpenFile(hello, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			w.Close()
		}
	})
	notServed("a named pipe")

	// A file again: served, though the build still fails.
	if err := os.Remove(hello); err != nil {
		t.Fatal(err)
	}
	write(t, hello, "hello again")
	if code, body := get("a file again"); code != 200 || body != "hello again" {
		t.Errorf("a file again: %d %q, want 200 %q", code, body, "hello again")
	}
	if code, body := s.get("/a/"); code != 200 || !strings.Contains(body, "baton-overlay") {
		t.Errorf("the build was to fail throughout: /a/ gives %d without the overlay", code)
	}
}
