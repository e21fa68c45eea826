package gitdate

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// commit commits every change in dir at the Unix time when.
func commit(t *testing.T, dir string, when string) {
	t.Helper()
	for _, args := range [][]string{{"add", "-A"}, {"commit", "-q", "-m", "edit", "--date", "@" + when}} {
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_COMMITTER_DATE=@"+when, "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
			"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
}

func TestDatesAndCache(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", dir).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/a.md", "a")
	write("content/b.md", "b")
	commit(t, dir, "1700000000")
	write("content/b.md", "b, edited")
	commit(t, dir, "1700000100")
	files := []string{"content/a.md", "content/b.md", "content/new.md"}

	got := Dates(dir, "content", files)
	if got["content/a.md"] != 1700000000 || got["content/b.md"] != 1700000100 || len(got) != 2 {
		t.Errorf("Dates = %v; want a at 1700000000, b at 1700000100, nothing for the uncommitted file", got)
	}
	c := NewCache(dir, "content")
	if got := c.Dates(files); got["content/b.md"] != 1700000100 {
		t.Errorf("Cache.Dates = %v", got)
	}
	// A commit moves HEAD: the cache reads the log again.
	write("content/a.md", "a, edited")
	commit(t, dir, "1700000200")
	if got := c.Dates(files); got["content/a.md"] != 1700000200 {
		t.Errorf("after a commit, Cache.Dates gives a %d; want 1700000200", got["content/a.md"])
	}
	// SOURCE_DATE_EPOCH dates what git does not know, and clamps the rest.
	t.Setenv("SOURCE_DATE_EPOCH", "1700000150")
	got = c.Dates(files)
	if got["content/new.md"] != 1700000150 || got["content/a.md"] != 1700000150 || got["content/b.md"] != 1700000100 {
		t.Errorf("with SOURCE_DATE_EPOCH, dates are %v", got)
	}
	if got := Dates(t.TempDir(), "content", files); len(got) != 3 || got["content/a.md"] != 1700000150 || got["content/new.md"] != 1700000150 {
		t.Errorf("outside a git work tree, dates are %v; want only the epoch for every file", got)
	}
}

// TestRenamesAndRoot: the log is read in the folder of pages the layout
// names (docs/ here, not content/), and files git saw renamed or moved are
// listed newest first, with the date of the rename for the new name.
func TestRenamesAndRoot(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", dir).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mv := func(from, to string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, to)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(filepath.Join(dir, from), filepath.Join(dir, to)); err != nil {
			t.Fatal(err)
		}
	}
	body := strings.Repeat("A page long enough for git to see it moved.\n", 20)
	write("docs/setup.md", body)
	write("README.md", "not a page")
	commit(t, dir, "1700000000")
	mv("docs/setup.md", "docs/guide/setup.md")
	commit(t, dir, "1700000100")
	mv("docs/guide/setup.md", "docs/guide/install.md")
	write("docs/guide/install.md", body+"One more line.\n")
	commit(t, dir, "1700000200")

	c := NewCache(dir, "docs")
	want := []Rename{{"docs/guide/setup.md", "docs/guide/install.md"}, {"docs/setup.md", "docs/guide/setup.md"}}
	if got := c.Renames(); !slices.Equal(got, want) {
		t.Errorf("Renames = %v, want %v", got, want)
	}
	var got []string
	for _, ch := range c.Changes() {
		got = append(got, fmt.Sprintf("%s %d %d %s", ch.File, ch.When, len(ch.Commit), ch.Subject))
	}
	wantChanges := []string{"docs/guide/install.md 1700000200 40 edit", "docs/guide/setup.md 1700000100 40 edit", "docs/setup.md 1700000000 40 edit"}
	if !slices.Equal(got, wantChanges) {
		t.Errorf("Changes = %q, want %q", got, wantChanges)
	}
	if got := c.Dates([]string{"docs/guide/install.md"}); got["docs/guide/install.md"] != 1700000200 || got["README.md"] != 0 {
		t.Errorf("Dates = %v, want install.md at 1700000200 and nothing outside docs/", got)
	}
}
