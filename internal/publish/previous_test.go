package publish

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/batonhq/baton/internal/render"
)

// built makes a site and writes files into its public/ builds times.
func built(t *testing.T, builds int) (dir, out string) {
	t.Helper()
	dir = site(t)
	out = filepath.Join(dir, "public")
	for range builds {
		if err := Write(opts(dir, out), files); err != nil {
			t.Fatal(err)
		}
	}
	return dir, out
}

// withoutMarker drops the manifest from a snapshot.
func withoutMarker(m map[string]string) map[string]string {
	delete(m, Marker)
	return m
}

func sameFiles(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	for p, w := range want {
		if g, ok := got[p]; !ok || g != w {
			t.Errorf("%s: %s = %.40q (present %v), want %.40q", what, p, g, ok, w)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s: %s should not be there", what, p)
		}
	}
}

// TestRebuildWritesOverPreviousOutput: the output a build replaces is kept
// as .public.prev, ignored by git; the build after writes over it in
// place. Files whose bytes are already there keep their inode, changed
// ones get new bytes, gone ones are removed, and a file that became a
// folder (and the other way round) is replaced.
func TestRebuildWritesOverPreviousOutput(t *testing.T) {
	dir := site(t)
	out := filepath.Join(dir, "public")
	prev := Previous(out)
	if prev != filepath.Join(dir, ".public.prev") {
		t.Fatalf("Previous = %s", prev)
	}
	big := bytes.Repeat([]byte("0123456789abcdef"), 10_000) // 160 KB: several comparison chunks
	changedLate := bytes.Clone(big)
	changedLate[len(big)-10] = 'X'
	first := []render.File{
		{Path: "index.html", Data: []byte("home")},
		{Path: "same/index.html", Data: []byte("same")},
		{Path: "gone/index.html", Data: []byte("gone")},
		{Path: "deep/gone/x/index.html", Data: []byte("deep")},
		{Path: "becomes-folder", Data: []byte("file")},
		{Path: "becomes-file/index.html", Data: []byte("folder")},
		{Path: "big.html", Data: big},
		{Path: "shrinks.html", Data: big},
		{Path: "grows.html", Data: []byte("short")},
		{Path: "late.html", Data: big},
	}
	if err := Write(opts(dir, out), first); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(prev); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("a first build keeps a previous output: %v", err)
	}
	inodes := map[string]uint64{}
	for _, f := range first {
		inodes[f.Path] = inode(t, filepath.Join(out, f.Path))
	}
	// The second build replaces the first output, which is set aside.
	second := []render.File{{Path: "index.html", Data: []byte("home 2")}}
	if err := Write(opts(dir, out), second); err != nil {
		t.Fatal(err)
	}
	kept := snapshot(t, prev)
	if kept[".gitignore"] == "" || !strings.Contains(kept[".gitignore"], "*") {
		t.Errorf("previous output has no .gitignore that ignores it: %q", kept[".gitignore"])
	}
	if kept["same/index.html"] != "same" {
		t.Errorf("previous output lost its files: %v", kept)
	}

	third := []render.File{
		{Path: "index.html", Data: []byte("home 3")},
		{Path: "same/index.html", Data: []byte("same")},
		{Path: "new/page/index.html", Data: []byte("new")},
		{Path: "becomes-folder/index.html", Data: []byte("now a folder")},
		{Path: "becomes-file", Data: []byte("now a file")},
		{Path: "big.html", Data: big},
		{Path: "shrinks.html", Data: big[:100_000]},
		{Path: "grows.html", Data: []byte("short, then longer")},
		{Path: "late.html", Data: changedLate},
		{Path: "copied.md", From: "content/a.md"},
	}
	tx, err := Begin(opts(dir, out))
	if err != nil {
		t.Fatal(err)
	}
	if !tx.reuse {
		t.Fatal("the third build did not take the previous output")
	}
	for _, f := range third {
		if err := tx.Write(f); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.WriteStream("stream.html", func(w io.Writer) error {
		_, err := w.Write(big)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"stream.html": string(big), "copied.md": "---\ntitle: A\n---\n"}
	for _, f := range third {
		if f.From == "" {
			want[f.Path] = string(f.Data)
		}
	}
	sameFiles(t, "output", withoutMarker(snapshot(t, out)), want)
	for _, p := range []string{"same/index.html", "big.html"} {
		if got := inode(t, filepath.Join(out, p)); got != inodes[p] {
			t.Errorf("%s was written anew (inode %d, was %d)", p, got, inodes[p])
		}
	}
	if got := tx.Unchanged(); got != 2 {
		t.Errorf("Unchanged = %d, want 2 (same/index.html, big.html)", got)
	}
	// The second output is now the previous one.
	sameFiles(t, "previous", withoutMarker(snapshot(t, prev)), map[string]string{
		"index.html": "home 2", ".gitignore": kept[".gitignore"],
	})
}

// TestPreviousOutputNeverWrittenThrough: a link in the previous output
// where the build writes a file is replaced, not followed, even when the
// file it leads to holds the very bytes; and a file of the previous output
// is never changed in place, so a reader still holding it (it was live one
// build ago) keeps its bytes.
func TestPreviousOutputNeverWrittenThrough(t *testing.T) {
	dir := site(t)
	out := filepath.Join(dir, "public")
	page := []render.File{{Path: "index.html", Data: []byte("v1")}, {Path: "a/index.html", Data: []byte("a")}, {Path: "b.html", Data: []byte("b")}}
	if err := Write(opts(dir, out), page); err != nil {
		t.Fatal(err)
	}
	held, err := os.Open(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	if err := Write(opts(dir, out), []render.File{{Path: "index.html", Data: []byte("v2")}}); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(t.TempDir(), "secret")
	writeFile(t, outside, "a")
	prev := Previous(out)
	if err := os.RemoveAll(filepath.Join(prev, "a")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(prev, "a"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(prev, "a", "index.html")); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(prev, "b.html")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(prev, "b.html")); err != nil {
		t.Fatal(err)
	}
	if err := Write(opts(dir, out), []render.File{{Path: "index.html", Data: []byte("v3")}, {Path: "a/index.html", Data: []byte("a")}, {Path: "b.html", Data: []byte("b")}}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"a/index.html", "b.html"} {
		info, err := os.Lstat(filepath.Join(out, p))
		if err != nil || !info.Mode().IsRegular() {
			t.Errorf("%s is not a plain file: %v %v", p, info, err)
		}
	}
	if got := snapshot(t, filepath.Dir(outside))["secret"]; got != "a" {
		t.Errorf("the file outside was changed: %q", got)
	}
	got, err := io.ReadAll(held)
	if err != nil || string(got) != "v1" {
		t.Errorf("a reader holding the first output's file read %q, %v; want v1", got, err)
	}
}

// TestAbortKeepsPreviousOutput: a failed build sets its folder aside for
// the next, which still writes a correct output over it.
func TestAbortKeepsPreviousOutput(t *testing.T) {
	dir, out := built(t, 2)
	tx, err := Begin(opts(dir, out))
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.Write(render.File{Path: "half/index.html", Data: []byte("half")}); err != nil {
		t.Fatal(err)
	}
	tx.Abort()
	if !isOutput(Previous(out)) {
		t.Fatal("Abort did not keep the folder as the previous output")
	}
	if got := tmpFolders(t, out); len(got) != 0 {
		t.Errorf("temporary folders left: %v", got)
	}
	next := []render.File{{Path: "index.html", Data: []byte("home 2")}}
	if err := Write(opts(dir, out), next); err != nil {
		t.Fatal(err)
	}
	sameFiles(t, "output", withoutMarker(snapshot(t, out)), map[string]string{"index.html": "home 2"})
}

// TestForeignPreviousLeftAlone: a folder at the previous output's name
// that baton did not make (no marker) is never taken nor replaced.
func TestForeignPreviousLeftAlone(t *testing.T) {
	dir := site(t)
	out := filepath.Join(dir, "public")
	writeFile(t, filepath.Join(Previous(out), "notes.txt"), "mine")
	for range 3 {
		if err := Write(opts(dir, out), files); err != nil {
			t.Fatal(err)
		}
	}
	sameFiles(t, "look-alike", snapshot(t, Previous(out)), map[string]string{"notes.txt": "mine"})
	if got := tmpFolders(t, out); len(got) != 0 {
		t.Errorf("temporary folders left: %v", got)
	}
}

func TestCommonPrefix(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{{"", "", 0}, {"abc", "abc", 3}, {"abc", "abd", 2}, {"ab", "abc", 2}, {"abc", "ab", 2}, {"x", "y", 0}} {
		if got := commonPrefix([]byte(c.a), []byte(c.b)); got != c.want {
			t.Errorf("commonPrefix(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// TestKilledWhileCarryingOverPutsFilesBack: a build killed after it moved
// the user's files out of the live output into its new folder, and before
// the swap, leaves them listed there; the next build puts them back before
// it reuses that folder, and carries them over again.
func TestKilledWhileCarryingOverPutsFilesBack(t *testing.T) {
	dir, out := built(t, 1)
	writeFile(t, filepath.Join(out, "CNAME"), "handbook.example.com")
	writeFile(t, filepath.Join(out, ".git", "config"), "[core]")
	tx, err := Begin(opts(dir, out))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if err := tx.Write(f); err != nil {
			t.Fatal(err)
		}
	}
	// The kill: carryOver has listed and moved both, nothing after.
	die(tx)
	if _, err := tx.o.carryOver(tx.tmp, map[string]bool{"index.html": true, "a/index.html": true}, false); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(filepath.Join(out, "CNAME")); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("CNAME was not moved: %v", err)
	}

	if err := Write(opts(dir, out), files); err != nil {
		t.Fatal(err)
	}
	got := snapshot(t, out)
	if got["CNAME"] != "handbook.example.com" || got[filepath.Join(".git", "config")] != "[core]" {
		t.Errorf("the user's files were lost: %v", got)
	}
	if _, ok := got[carried]; ok {
		t.Errorf("%s was published", carried)
	}
}

// TestUnlistedFilesInPreviousGoLive: a file in the previous output that
// its manifest does not list is the user's, however it got there: the
// next build never removes it, and it goes live with the new output.
func TestUnlistedFilesInPreviousGoLive(t *testing.T) {
	dir, out := built(t, 2)
	prev := Previous(out)
	mine := map[string]string{"CNAME": "handbook.example.com", filepath.Join("x", "mine.txt"): "mine", filepath.Join("a", "mine.txt"): "mine too"}
	for p, body := range mine {
		writeFile(t, filepath.Join(prev, p), body)
	}
	if err := Write(opts(dir, out), []render.File{{Path: "index.html", Data: []byte("home 3")}}); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"index.html": "home 3"}
	for p, body := range mine {
		want[p] = body
	}
	sameFiles(t, "output", withoutMarker(snapshot(t, out)), want)
	for p := range mine {
		if _, ok := snapshot(t, prev)[p]; ok {
			t.Errorf("%s is still in the previous output", p)
		}
	}
}

// TestUsersFileWhereBuildWrites: a file of the user's in the output where
// the build now writes a file or a folder of the same name is an error
// that names it, and the output stays as it was; when its bytes are the
// very bytes the build writes, nothing is lost, and the build goes on.
func TestUsersFileWhereBuildWrites(t *testing.T) {
	for _, c := range []struct {
		name, path, body string
		next             render.File
		fails            bool
	}{
		{"other bytes", "robots.txt", "mine", render.File{Path: "robots.txt", Data: []byte("baton's")}, true},
		{"a file where a folder goes", "guide", "mine", render.File{Path: "guide/index.html", Data: []byte("baton's")}, true},
		{"same bytes", "CNAME", "handbook.example.com", render.File{Path: "CNAME", Data: []byte("handbook.example.com")}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir, out := built(t, 2)
			writeFile(t, filepath.Join(out, c.path), c.body)
			before := snapshot(t, out)
			err := Write(opts(dir, out), append([]render.File{c.next}, files...))
			if c.fails {
				if err == nil || !strings.Contains(err.Error(), filepath.Join(out, c.path)+" is yours") {
					t.Errorf("Write = %v, want an error that names %s", err, c.path)
				}
				sameFiles(t, "output", snapshot(t, out), before)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := snapshot(t, out)
			if got[c.path] != c.body || !strings.Contains(got[Marker], c.path+"\n") {
				t.Errorf("%s = %q, listed in %q", c.path, got[c.path], got[Marker])
			}
		})
	}
}

// TestTwoCopiesAfterInterruptedBuild: a build stopped while it carried the
// user's CNAME over leaves it in its folder; when the user has made a new
// one in the output since, the next build cannot tell which to keep: it
// stops with an error naming both, and both stay.
func TestTwoCopiesAfterInterruptedBuild(t *testing.T) {
	dir, out := built(t, 1)
	writeFile(t, filepath.Join(out, "CNAME"), "old.example.com")
	tx, err := Begin(opts(dir, out))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.o.carryOver(tx.tmp, map[string]bool{"index.html": true}, false); err != nil {
		t.Fatal(err)
	}
	// The process dies here; the user writes a new CNAME.
	die(tx)
	writeFile(t, filepath.Join(out, "CNAME"), "new.example.com")
	err = Write(opts(dir, out), files)
	if err == nil || !strings.Contains(err.Error(), filepath.Join(out, "CNAME")) || !strings.Contains(err.Error(), filepath.Join(filepath.Base(tx.tmp), "CNAME")) {
		t.Errorf("Write = %v, want an error naming both copies", err)
	}
	if got := snapshot(t, out)["CNAME"]; got != "new.example.com" {
		t.Errorf("CNAME in the output = %q", got)
	}
	if got := snapshot(t, tx.tmp)["CNAME"]; got != "old.example.com" {
		t.Errorf("CNAME left by the stopped build = %q", got)
	}
}

// TestUsersFileInPreviousAndOutput: a file of the user's in the previous
// output (its manifest does not list it) and one of the same name in the
// output: the build cannot tell which to keep, fails naming both, and
// both stay where they were.
func TestUsersFileInPreviousAndOutput(t *testing.T) {
	dir, out := built(t, 2)
	writeFile(t, filepath.Join(Previous(out), "CNAME"), "old.example.com")
	writeFile(t, filepath.Join(out, "CNAME"), "new.example.com")
	err := Write(opts(dir, out), files)
	if err == nil || !strings.Contains(err.Error(), filepath.Join(out, "CNAME")) || !strings.Contains(err.Error(), filepath.Join(Previous(out), "CNAME")) {
		t.Errorf("Write = %v, want an error naming both copies", err)
	}
	if got := snapshot(t, out)["CNAME"]; got != "new.example.com" {
		t.Errorf("CNAME in the output = %q", got)
	}
	if got := snapshot(t, Previous(out))["CNAME"]; got != "old.example.com" {
		t.Errorf("CNAME in the previous output = %q", got)
	}
}

// TestTwoGitFoldersNotMixed: a build stopped while it carried the user's
// .git over leaves it in its folder; the user has run git init in the
// output since. The two are never mixed file by file: the next build
// fails naming .git, and each stays whole where it was.
func TestTwoGitFoldersNotMixed(t *testing.T) {
	dir, out := built(t, 1)
	writeFile(t, filepath.Join(out, ".git", "config"), "old")
	writeFile(t, filepath.Join(out, ".git", "objects", "ab"), "object")
	tx, err := Begin(opts(dir, out))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.o.carryOver(tx.tmp, map[string]bool{"index.html": true}, false); err != nil {
		t.Fatal(err)
	}
	die(tx)
	writeFile(t, filepath.Join(out, ".git", "config"), "new")
	writeFile(t, filepath.Join(out, ".git", "HEAD"), "ref: refs/heads/main")
	if err := Write(opts(dir, out), files); err == nil || !strings.Contains(err.Error(), filepath.Join(out, ".git")) {
		t.Errorf("Write = %v, want an error naming .git", err)
	}
	sameFiles(t, "the user's new .git", snapshot(t, filepath.Join(out, ".git")), map[string]string{"config": "new", "HEAD": "ref: refs/heads/main"})
	sameFiles(t, "the .git left by the stopped build", snapshot(t, filepath.Join(tx.tmp, ".git")), map[string]string{"config": "old", filepath.Join("objects", "ab"): "object"})
}
