package watch

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

func writeFile(t *testing.T, p, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// next waits for a batch that contains want.
func next(t *testing.T, w *Watcher, want string) []string {
	t.Helper()
	deadline := time.After(15 * time.Second)
	for {
		select {
		case b := <-w.Changes:
			if slices.Contains(b, want) {
				return b
			}
		case <-deadline:
			t.Fatalf("no batch with %s", want)
		}
	}
}

func TestWatchModes(t *testing.T) {
	for _, mode := range []struct {
		name string
		poll time.Duration
	}{{"native", 0}, {"poll", 30 * time.Millisecond}} {
		t.Run(mode.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "content/a.md"), "a")
			w, err := New(Options{Root: dir, Dirs: []string{"content", "layouts"}, Poll: mode.poll, Quiet: 30 * time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			time.Sleep(100 * time.Millisecond)

			writeFile(t, filepath.Join(dir, "content/a.md"), "changed")
			next(t, w, "content/a.md")

			writeFile(t, filepath.Join(dir, "content/x/y/z.md"), "deep")
			next(t, w, "content/x/y/z.md")
			writeFile(t, filepath.Join(dir, "content/x/y/z.md"), "deeper")
			next(t, w, "content/x/y/z.md")

			if err := os.Remove(filepath.Join(dir, "content/a.md")); err != nil {
				t.Fatal(err)
			}
			next(t, w, "content/a.md")

			// A layouts folder that appears after start is picked up by
			// polling; the native watcher watches it once it exists at start.
			if mode.poll > 0 {
				writeFile(t, filepath.Join(dir, "layouts/page.html"), "x")
				next(t, w, "layouts/page.html")
			}
		})
	}
}

func TestIgnoredNeverReported(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "content/a.md"), "a")
	w, err := New(Options{Root: dir, Dirs: []string{"content"}, Quiet: 30 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	time.Sleep(100 * time.Millisecond)
	for _, junk := range []string{".a.md.swp", "4913", "a.md~", ".#a.md", "#a.md#", "a.md___jb_old___"} {
		writeFile(t, filepath.Join(dir, "content", junk), "junk")
	}
	writeFile(t, filepath.Join(dir, "content/real.md"), "real")
	b := next(t, w, "content/real.md")
	if len(b) != 1 {
		t.Errorf("batch %v carries editor files", b)
	}
}

// TestFallsBackToPolling stands in for inotify running out of watches: the
// watcher says so, with the fix, and keeps reporting changes by polling.
func TestFallsBackToPolling(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "content/a.md"), "a")
	w, err := New(Options{Root: dir, Dirs: []string{"content"}, nativeErr: syscall.ENOSPC})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	select {
	case msg := <-w.Notice:
		if !strings.Contains(msg, "polling") || !strings.Contains(msg, "max_user_watches") {
			t.Errorf("notice %q does not say what happened and how to fix it", msg)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no notice of the fallback")
	}
	time.Sleep(50 * time.Millisecond)
	writeFile(t, filepath.Join(dir, "content/a.md"), "changed by polling")
	next(t, w, "content/a.md")
}

// TestPollSeesSameSizeSameMtime changes a file's bytes but not its size,
// and sets its mtime back: polling must still report it (research W7).
func TestPollSeesSameSizeSameMtime(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "content/a.md")
	writeFile(t, p, "aaaa")
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	w, err := New(Options{Root: dir, Dirs: []string{"content"}, Poll: 30 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	time.Sleep(100 * time.Millisecond)
	writeFile(t, p, "bbbb")
	if err := os.Chtimes(p, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	next(t, w, "content/a.md")
}
