//go:build unix

package source_test

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/batonhq/baton/internal/source"
)

// TestOpen opens files of a site folder as Load reaches them: through a
// link for content/ itself, never through one below it, and nothing but
// regular files, without waiting on a named pipe; with openat2 where the
// system has it, and one folder at a time where it does not.
func TestOpen(t *testing.T) {
	t.Run("Open", func(t *testing.T) { testOpen(t, source.Open) })
	t.Run("walking", func(t *testing.T) { testOpen(t, source.OpenWalking) })
}

func testOpen(t *testing.T, open func(root, name string) (*os.File, error)) {
	outside := t.TempDir()
	writeFile(t, filepath.Join(outside, "secret.txt"), "OUTSIDE")
	site := t.TempDir()
	writeFile(t, filepath.Join(site, "content/static/a.txt"), "a")
	writeFile(t, filepath.Join(site, "content/deep/er/page.md"), "deep")
	writeFile(t, filepath.Join(outside, "deeper/x.md"), "OUTSIDE")
	writeFile(t, filepath.Join(site, "content/static/x.md"), "x")
	link(t, "../static", filepath.Join(site, "content/static/loop"))
	link(t, filepath.Join(outside, "secret.txt"), filepath.Join(site, "content/static/link.txt"))
	link(t, outside, filepath.Join(site, "content/linked"))
	link(t, "a.txt", filepath.Join(site, "content/static/inside-link.txt"))
	if err := syscall.Mkfifo(filepath.Join(site, "content/static/pipe"), 0o644); err != nil {
		t.Fatal(err)
	}
	linkedSite := t.TempDir()
	link(t, filepath.Join(site, "content"), filepath.Join(linkedSite, "content"))

	cases := []struct {
		root, name string
		want       string // the bytes, or "" for an error
		err        error
	}{
		{site, "content/static/a.txt", "a", nil},
		{linkedSite, "content/static/a.txt", "a", nil},
		{site, "content/static/link.txt", "", source.ErrNotRegular},
		{site, "content/static/inside-link.txt", "", source.ErrNotRegular},
		{site, "content/linked/secret.txt", "", source.ErrNotRegular},
		{site, "content/static/pipe", "", source.ErrNotRegular},
		{site, "content/static", "", source.ErrNotRegular},
		{site, "content/static/missing.txt", "", fs.ErrNotExist},
		{site, "content/static/a.txt/b", "", syscall.ENOTDIR},
		{site, "content/deep/er/page.md", "deep", nil},
		{site, "content/linked/deeper/x.md", "", source.ErrNotRegular},
		{site, "content/static/loop/x.md", "", source.ErrNotRegular},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			type opened struct {
				f   *os.File
				err error
			}
			done := make(chan opened, 1)
			go func() {
				f, err := open(c.root, c.name)
				done <- opened{f, err}
			}()
			var o opened
			select {
			case o = <-done:
			case <-time.After(30 * time.Second): // a guard against a hang
				// Let the open go, so the test can end.
				if w, err := os.OpenFile(filepath.Join(site, "content/static/pipe"), os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
					w.Close()
				}
				t.Fatalf("Open(%s) is still waiting", c.name)
			}
			if o.err != nil {
				if c.err == nil || !errors.Is(o.err, c.err) {
					t.Errorf("Open(%s): %v, want %v", c.name, o.err, c.err)
				}
				return
			}
			defer o.f.Close()
			data, err := io.ReadAll(o.f)
			if c.err != nil || err != nil || string(data) != c.want {
				t.Errorf("Open(%s) read %q (%v), want %q or the error %v", c.name, data, err, c.want, c.err)
			}
		})
	}
}

func writeFile(t *testing.T, p, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func link(t *testing.T, target, p string) {
	t.Helper()
	if err := os.Symlink(target, p); err != nil {
		t.Fatal(err)
	}
}

// TestDirOpensAsOpen reads a site through Dir: Load sees what it sees
// through os.DirFS, and a file swapped for a link or a pipe after the walk
// cannot be read through it.
func TestDirOpensAsOpen(t *testing.T) {
	outside := t.TempDir()
	writeFile(t, filepath.Join(outside, "secret.txt"), "OUTSIDE")
	site := t.TempDir()
	writeFile(t, filepath.Join(site, "content/_index.md"), "---\ntitle: T\n---\n")
	writeFile(t, filepath.Join(site, "content/static/a.txt"), "a")
	writeFile(t, filepath.Join(site, "content/b.md"), "---\ntitle: B\n---\n")
	got, err := source.Load(source.Dir(site))
	if err != nil {
		t.Fatal(err)
	}
	want, err := source.Load(os.DirFS(site))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Content) != len(want.Content) || len(got.Content) != 3 {
		t.Fatalf("Load(Dir) found %d files, Load(os.DirFS) %d; want 3", len(got.Content), len(want.Content))
	}
	for i := range got.Content {
		if got.Content[i].Path != want.Content[i].Path || got.Content[i].Sum != want.Content[i].Sum {
			t.Errorf("file %d: %s, want %s", i, got.Content[i].Path, want.Content[i].Path)
		}
	}
	// After the walk: the page becomes a link out, the static file a pipe.
	os.Remove(filepath.Join(site, "content/b.md"))
	link(t, filepath.Join(outside, "secret.txt"), filepath.Join(site, "content/b.md"))
	os.Remove(filepath.Join(site, "content/static/a.txt"))
	if err := syscall.Mkfifo(filepath.Join(site, "content/static/a.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"content/b.md", "content/static/a.txt"} {
		done := make(chan error, 1)
		go func() {
			_, err := fs.ReadFile(source.Dir(site), name)
			done <- err
		}()
		select {
		case err := <-done:
			if !errors.Is(err, source.ErrNotRegular) {
				t.Errorf("reading %s through Dir: %v, want ErrNotRegular", name, err)
			}
		case <-time.After(30 * time.Second): // a guard against a hang
			if w, err := os.OpenFile(filepath.Join(site, "content/static/a.txt"), os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
				w.Close()
			}
			t.Fatalf("reading %s through Dir is still waiting", name)
		}
	}
	if _, err := fs.ReadDir(source.Dir(site), "content"); err != nil {
		t.Errorf("ReadDir(content): %v", err)
	}
}
