package publish

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/batonhq/baton/internal/render"
)

// tmpFolders lists the temporary folders beside out.
func tmpFolders(t *testing.T, out string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".tmp-*"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestKilledBuildLeftoversRemoved stands in for a build killed half way:
// a temporary folder with baton's marker and half the files. The next
// build removes it, and leaves alone a look-alike folder without the
// marker, which baton did not make.
func TestKilledBuildLeftoversRemoved(t *testing.T) {
	dir := site(t)
	out := filepath.Join(dir, "public")
	if err := Write(opts(dir, out), files); err != nil {
		t.Fatal(err)
	}
	tx, err := Begin(opts(dir, out))
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.Write(render.File{Path: "half/index.html", Data: []byte("half")}); err != nil {
		t.Fatal(err)
	}
	killed := tx.tmp
	die(tx) // no Commit, no Abort
	foreign := filepath.Join(dir, ".public.tmp-mine")
	writeFile(t, filepath.Join(foreign, "notes.txt"), "not baton's")
	before := snapshot(t, out)

	if err := Write(opts(dir, out), files); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(killed); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the killed build's folder %s is still there", killed)
	}
	if got := snapshot(t, foreign)["notes.txt"]; got != "not baton's" {
		t.Errorf("a folder baton did not make was changed: %q", got)
	}
	if got := tmpFolders(t, out); len(got) != 1 || got[0] != foreign {
		t.Errorf("temporary folders left: %v", got)
	}
	after := snapshot(t, out)
	delete(before, Marker)
	delete(after, Marker)
	if fmt.Sprint(before) != fmt.Sprint(after) {
		t.Errorf("output changed: %v → %v", before, after)
	}
}

// TestKilledInsideSwapRestoresOutput: killed between moving the old output
// away and the new one in, a build leaves no output folder at all; the
// next build puts the old one back before it starts.
func TestKilledInsideSwapRestoresOutput(t *testing.T) {
	dir := site(t)
	out := filepath.Join(dir, "public")
	if err := Write(opts(dir, out), files); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)
	old := filepath.Join(dir, ".public.tmp-123-old")
	if err := os.Rename(out, old); err != nil {
		t.Fatal(err)
	}
	tx, err := Begin(opts(dir, out))
	if err != nil {
		t.Fatal(err)
	}
	tx.Abort()
	if got := snapshot(t, out); fmt.Sprint(got) != fmt.Sprint(before) {
		t.Errorf("old output not restored: %v, want %v", got, before)
	}
	if got := tmpFolders(t, out); len(got) != 0 {
		t.Errorf("temporary folders left: %v", got)
	}
}

// TestSymlinksInOutputNotFollowed: links in the output that lead outside
// it (a user's, or an attacker's) are moved as links, never followed, so
// nothing outside the output is deleted or changed, and an output folder
// that is itself a link is refused.
func TestSymlinksInOutputNotFollowed(t *testing.T) {
	dir := site(t)
	out := filepath.Join(dir, "public")
	victim := t.TempDir()
	writeFile(t, filepath.Join(victim, "precious.txt"), "precious")
	writeFile(t, filepath.Join(victim, "index.html"), "victim's index")
	if err := Write(opts(dir, out), files); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(victim, filepath.Join(out, "evil")); err != nil {
		t.Fatal(err)
	}
	// a folder baton writes into, swapped for a link
	if err := os.RemoveAll(filepath.Join(out, "a")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(victim, filepath.Join(out, "a")); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		_ = Write(opts(dir, out), files) // may fail on the swapped folder; must not harm the victim
		if got := snapshot(t, victim); got["precious.txt"] != "precious" || got["index.html"] != "victim's index" || len(got) != 2 {
			t.Fatalf("files outside the output changed: %v", got)
		}
	}
	if fi, err := os.Lstat(filepath.Join(out, "evil")); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the user's link was not carried over as a link: %v", err)
	}

	linked := filepath.Join(dir, "linked-out")
	if err := os.Symlink(victim, linked); err != nil {
		t.Fatal(err)
	}
	if err := Write(opts(dir, linked), files); err == nil {
		t.Errorf("an output folder that is a symbolic link was accepted")
	}
	if got := snapshot(t, victim); len(got) != 2 {
		t.Errorf("the link's target changed: %v", got)
	}
}

// TestForeignFilesKept: what the user put in the output (a .git folder, a
// .git file as git worktree makes, CNAME, .nojekyll, _redirects) survives
// every build byte for byte.
func TestForeignFilesKept(t *testing.T) {
	dir := site(t)
	out := filepath.Join(dir, "public")
	if err := Write(opts(dir, out), files); err != nil {
		t.Fatal(err)
	}
	mine := map[string]string{
		".git":       "gitdir: /elsewhere/.git/worktrees/public\n",
		"CNAME":      "handbook.example.com",
		".nojekyll":  "",
		"_redirects": "/old /new 301",
		".domains":   "example.com",
		".gitignore": "*.log",
		"keep/x":     "kept",
	}
	for p, body := range mine {
		writeFile(t, filepath.Join(out, p), body)
	}
	for i := range 3 {
		next := []render.File{{Path: "index.html", Data: []byte(fmt.Sprint("home ", i))}}
		if err := Write(opts(dir, out), next); err != nil {
			t.Fatal(err)
		}
		got := snapshot(t, out)
		for p, body := range mine {
			if got[p] != body {
				t.Errorf("build %d: %s = %q, want %q", i, p, got[p], body)
			}
		}
		if _, ok := got["a/index.html"]; ok {
			t.Errorf("build %d: a stale file survived", i)
		}
	}
}

// TestReadersNeverSeeHalfFiles reads the output over and over while it is
// rebuilt: every read gives one whole version of the file. (The folder is
// swapped by two renames, so a reader may find it missing for an instant;
// it never finds it truncated or mixed.)
func TestReadersNeverSeeHalfFiles(t *testing.T) {
	dir := site(t)
	out := filepath.Join(dir, "public")
	versions := map[string]bool{}
	big := func(i int) []byte { return bytes.Repeat([]byte(fmt.Sprintf("version %03d\n", i)), 50_000) }
	for i := range 30 {
		versions[string(big(i))] = true
	}
	if err := Write(opts(dir, out), []render.File{{Path: "index.html", Data: big(0)}}); err != nil {
		t.Fatal(err)
	}
	var stop atomic.Bool
	var bad, reads, missing atomic.Int32
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for !stop.Load() {
			data, err := os.ReadFile(filepath.Join(out, "index.html"))
			if err != nil {
				missing.Add(1)
				continue
			}
			reads.Add(1)
			if !versions[string(data)] {
				bad.Add(1)
			}
		}
	}()
	for i := 1; i < 30; i++ {
		if err := Write(opts(dir, out), []render.File{{Path: "index.html", Data: big(i)}}); err != nil {
			t.Fatal(err)
		}
	}
	stop.Store(true)
	wg.Wait()
	if bad.Load() != 0 {
		t.Errorf("%d of %d reads saw a file that is no whole version", bad.Load(), reads.Load())
	}
	// Where folders can be exchanged in one step, the output never goes
	// missing either.
	if exchange(t.TempDir(), t.TempDir()) == nil && missing.Load() != 0 {
		t.Errorf("%d reads found no output during the swaps", missing.Load())
	}
	if !strings.HasPrefix(snapshot(t, out)["index.html"], "version 029") {
		t.Errorf("last version not in place")
	}
}

// TestFailedCarryOverKeepsForeignFiles: when one of the user's files in
// the output cannot be carried over (here a link where baton writes a
// folder), the build fails and every other file of the user's is still in
// the output, including those carried before the failure.
func TestFailedCarryOverKeepsForeignFiles(t *testing.T) {
	dir := site(t)
	out := filepath.Join(dir, "public")
	if err := Write(opts(dir, out), files); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(out, "0-first.txt"), "mine")
	writeFile(t, filepath.Join(out, "0-folder", "x.txt"), "mine too")
	if err := os.RemoveAll(filepath.Join(out, "a")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(t.TempDir(), filepath.Join(out, "a")); err != nil {
		t.Fatal(err)
	}
	if err := Write(opts(dir, out), files); err == nil {
		t.Fatal("carrying a link over a folder baton writes succeeded")
	}
	got := snapshot(t, out)
	if got["0-first.txt"] != "mine" || got["0-folder/x.txt"] != "mine too" {
		t.Errorf("the user's files are gone after a failed build: %v", got)
	}
}

// TestLinkedOutputRefused: an output folder that is a symbolic link to an
// earlier baton output (marker and all, with the user's CNAME, .git and
// .gitignore in it) is refused, and nothing in the link's target or beside
// the link changes: replacing the folder whole would replace the link.
func TestLinkedOutputRefused(t *testing.T) {
	dir := site(t)
	target := filepath.Join(t.TempDir(), "srv", "handbook")
	if err := Write(opts(dir, target), files); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(target, "CNAME"), "handbook.example.com")
	writeFile(t, filepath.Join(target, ".git", "config"), "[core]")
	writeFile(t, filepath.Join(target, ".gitignore"), "*.log\n")
	out := filepath.Join(dir, "public")
	if err := os.Symlink(target, out); err != nil {
		t.Fatal(err)
	}
	beforeTarget := snapshot(t, filepath.Dir(target))
	beforeSite := snapshot(t, dir)
	err := Write(opts(dir, out), []render.File{{Path: "index.html", Data: []byte("new")}})
	if err == nil || !strings.Contains(err.Error(), "symbolic link") || !strings.Contains(err.Error(), target) {
		t.Errorf("Write into a linked output = %v, want a refusal that says it is a link to %s", err, target)
	}
	if info, err := os.Lstat(out); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v, %v", info, err)
	}
	if got := snapshot(t, filepath.Dir(target)); fmt.Sprint(got) != fmt.Sprint(beforeTarget) {
		t.Errorf("the link's target changed:\n%v\nwant\n%v", got, beforeTarget)
	}
	if got := snapshot(t, dir); fmt.Sprint(got) != fmt.Sprint(beforeSite) {
		t.Errorf("the folder beside the link changed:\n%v\nwant\n%v", got, beforeSite)
	}
}

// TestOutputUnderLinkedFolder: an output whose parent folder is a link
// (site/deploy -> /srv/www) is built in the folder the link leads to, with
// everything baton keeps beside it (the previous output, the lock) there
// too; the link stays a link and the user's files stay in the output.
func TestOutputUnderLinkedFolder(t *testing.T) {
	dir := site(t)
	www := filepath.Join(t.TempDir(), "www")
	if err := os.MkdirAll(www, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(www, "other", "keep.txt"), "someone else's")
	if err := os.Symlink(www, filepath.Join(dir, "deploy")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "deploy", "public")
	if err := Write(opts(dir, out), files); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(out, "CNAME"), "handbook.example.com")
	writeFile(t, filepath.Join(out, ".git", "config"), "[core]")
	for i := range 3 {
		next := []render.File{{Path: "index.html", Data: []byte(fmt.Sprint("home ", i))}}
		if err := Write(opts(dir, out), next); err != nil {
			t.Fatal(err)
		}
		got := withoutMarker(snapshot(t, filepath.Join(www, "public")))
		sameFiles(t, fmt.Sprint("build ", i), got, map[string]string{
			"index.html": fmt.Sprint("home ", i), "CNAME": "handbook.example.com", filepath.Join(".git", "config"): "[core]",
		})
	}
	if info, err := os.Lstat(filepath.Join(dir, "deploy")); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the parent link was replaced: %v, %v", info, err)
	}
	entries, _ := os.ReadDir(www)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got, want := strings.Join(names, " "), ".public.prev other public"; got != want {
		t.Errorf("beside the output: %s, want %s", got, want)
	}
	if got := snapshot(t, filepath.Join(www, "other"))["keep.txt"]; got != "someone else's" {
		t.Errorf("a folder beside the output changed: %q", got)
	}
}

// TestOneBuildAtATime: while a build writes an output, a second build of
// the same output fails at once, naming the lock and the process that
// holds it, and touches nothing of the first's; once the first is done,
// the lock is gone and the next build runs.
func TestOneBuildAtATime(t *testing.T) {
	dir, out := built(t, 2)
	first, err := Begin(opts(dir, out))
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Write(render.File{Path: "index.html", Data: []byte("first")}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, first.tmp)
	_, err = Begin(opts(dir, out))
	var locked *LockedError
	if !errors.As(err, &locked) || locked.PID != os.Getpid() || !strings.Contains(err.Error(), filepath.Join(dir, ".public.lock")) {
		t.Fatalf("a second Begin while the first writes = %v, want a LockedError naming .public.lock and this process", err)
	}
	if got := snapshot(t, first.tmp); fmt.Sprint(got) != fmt.Sprint(before) {
		t.Errorf("the second build changed the first's folder: %v", got)
	}
	if err := first.Write(render.File{Path: "a/index.html", Data: []byte("a")}); err != nil {
		t.Fatalf("the first build cannot go on: %v", err)
	}
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(filepath.Join(dir, ".public.lock")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the lock is left after Commit: %v", err)
	}
	second, err := Begin(opts(dir, out))
	if err != nil {
		t.Fatalf("a build after the first: %v", err)
	}
	second.Abort()
	if _, err := os.Lstat(filepath.Join(dir, ".public.lock")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the lock is left after Abort: %v", err)
	}
	// A lock file left by a process that was killed holds no lock.
	writeFile(t, filepath.Join(dir, ".public.lock"), "123456\n")
	if err := Write(opts(dir, out), files); err != nil {
		t.Errorf("a lock file without a process: %v", err)
	}
}

// TestEmptyLeftoverRemoved: a build killed between making its temporary
// folder and marking it leaves the folder empty; one killed just after
// leaves only the marker. Both are baton's beyond doubt (no build is
// running: the lock says so), and the next build removes them; a
// look-alike holding anything else is left alone.
func TestEmptyLeftoverRemoved(t *testing.T) {
	dir, out := built(t, 2)
	empty := filepath.Join(dir, ".public.tmp-111")
	if err := os.Mkdir(empty, 0o700); err != nil {
		t.Fatal(err)
	}
	marked := filepath.Join(dir, ".public.tmp-222")
	writeFile(t, filepath.Join(marked, Marker), freshHeader)
	other := filepath.Join(dir, ".public.tmp-333")
	writeFile(t, filepath.Join(other, "notes.txt"), "not baton's")
	if err := Write(opts(dir, out), files); err != nil {
		t.Fatal(err)
	}
	if got := tmpFolders(t, out); len(got) != 1 || got[0] != other {
		t.Errorf("temporary folders left: %v, want only %s", got, other)
	}
	if got := snapshot(t, other)["notes.txt"]; got != "not baton's" {
		t.Errorf("a folder baton did not make changed: %q", got)
	}
}
