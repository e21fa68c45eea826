package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/batonhq/baton/internal/render"
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

// snapshot lists every file under dir with its bytes.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			m[rel] = string(b)
		}
		return nil
	})
	return m
}

func site(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "content/a.md"), "---\ntitle: A\n---\n")
	writeFile(t, filepath.Join(dir, "layouts/page.html"), "x")
	return dir
}

func opts(dir, out string) Options {
	return Options{Out: out, Site: dir, Source: os.DirFS(dir),
		Protected: []string{filepath.Join(dir, "content"), filepath.Join(dir, "layouts")}}
}

// die stands in for the death of the process writing tx: what the system
// does then (its files closed, its lock let go), and nothing else.
func die(tx *Tx) {
	tx.closeJournal()
	tx.lock.f.Close()
}

var files = []render.File{{Path: "index.html", Data: []byte("home")}, {Path: "a/index.html", Data: []byte("a")}}

func TestRefusesDangerousOutputs(t *testing.T) {
	dir := site(t)
	home, _ := os.UserHomeDir()
	notOurs := filepath.Join(t.TempDir(), "docs")
	writeFile(t, filepath.Join(notOurs, "keep.txt"), "precious")
	for _, out := range []string{
		dir,                                   // the site itself
		filepath.Dir(dir),                     // a parent of the site
		filepath.Join(dir, "content"),         // the sources
		filepath.Join(dir, "content", "out"),  // inside the sources
		filepath.Join(dir, "layouts"),         // the theme
		home,                                  // the home folder
		"/",                                   // the root
		notOurs,                               // a folder baton did not make
		filepath.Join(dir, "content", "a.md"), // a file
	} {
		before := snapshot(t, dir)
		beforeOther := snapshot(t, notOurs)
		if err := Write(opts(dir, out), files); err == nil {
			t.Errorf("output %s accepted", out)
		}
		if diff := len(snapshot(t, dir)) - len(before); diff != 0 {
			t.Errorf("output %s: site changed", out)
		}
		if snapshot(t, notOurs)["keep.txt"] != beforeOther["keep.txt"] {
			t.Errorf("output %s: a foreign file changed", out)
		}
	}
}

func TestWriteSwapsAndCarriesOver(t *testing.T) {
	dir := site(t)
	out := filepath.Join(dir, "public")
	if err := Write(opts(dir, out), files); err != nil {
		t.Fatal(err)
	}
	// Files the user put there: kept across builds.
	writeFile(t, filepath.Join(out, "CNAME"), "handbook.example.com")
	writeFile(t, filepath.Join(out, ".nojekyll"), "")
	writeFile(t, filepath.Join(out, ".git", "config"), "[core]")
	writeFile(t, filepath.Join(out, "a", "extra.txt"), "mine")
	next := []render.File{{Path: "index.html", Data: []byte("home 2")}, {Path: "b/index.html", Data: []byte("b")}, {Path: "img/x.png", From: "content/a.md"}}
	if err := Write(opts(dir, out), next); err != nil {
		t.Fatal(err)
	}
	got := snapshot(t, out)
	want := map[string]string{
		"index.html": "home 2", "b/index.html": "b", "img/x.png": "---\ntitle: A\n---\n",
		"CNAME": "handbook.example.com", ".nojekyll": "", ".git/config": "[core]", "a/extra.txt": "mine",
	}
	for p, w := range want {
		if got[p] != w {
			t.Errorf("%s = %q, want %q", p, got[p], w)
		}
	}
	if _, ok := got["a/index.html"]; ok {
		t.Errorf("stale a/index.html survived")
	}
	if !strings.Contains(got[Marker], "b/index.html") || strings.Contains(got[Marker], "CNAME") {
		t.Errorf("manifest = %q", got[Marker])
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary folder %s left behind", e.Name())
		}
	}
}

func TestRefusesPathsLeavingOutput(t *testing.T) {
	dir := site(t)
	out := filepath.Join(dir, "public")
	for _, p := range []string{"../escape.html", "/abs.html", "a/../../x", Marker} {
		if err := Write(opts(dir, out), []render.File{{Path: p, Data: []byte("x")}}); err == nil {
			t.Errorf("path %q accepted", p)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "escape.html")); err == nil {
		t.Errorf("a file was written outside the output")
	}
}

func TestFailedWriteKeepsOldOutput(t *testing.T) {
	dir := site(t)
	out := filepath.Join(dir, "public")
	if err := Write(opts(dir, out), files); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)
	// A copy from a missing source fails half way through.
	bad := append(append([]render.File{}, files...), render.File{Path: "z.png", From: "content/missing.png"})
	o := opts(dir, out)
	o.Source = fstest.MapFS{}
	if err := Write(o, bad); err == nil {
		t.Fatal("write with a missing source succeeded")
	}
	after := snapshot(t, out)
	if len(after) != len(before) || after["index.html"] != before["index.html"] {
		t.Errorf("output changed: %v → %v", before, after)
	}
}
