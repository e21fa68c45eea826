package main

import (
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestChangesAndFeed builds a handbook in a git repository: the recently
// updated page lists each commit's subject once with the pages it
// touched, newest first, and the footer links to it; with an absolute
// base URL an Atom feed of the same changes is written and every page's
// head names it; without one there is no feed. Only git's data counts:
// two builds of one commit are the same.
func TestChangesAndFeed(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t",
			"GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir, "GIT_COMMITTER_DATE=@1700000000 +0000", "GIT_AUTHOR_DATE=@1700000000 +0000")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write(t, dir, "content/handbook.yaml", "title: H\n")
	write(t, dir, "content/_index.md", "---\ntitle: H\n---\n[a](a.md) [b](b.md)\n")
	write(t, dir, "content/a.md", "---\ntitle: Alpha\n---\nA.\n")
	write(t, dir, "content/b.md", "---\ntitle: Beta\n---\nB.\n")
	git("init", "-q")
	git("add", "-A")
	git("commit", "-q", "-m", "Start the handbook")
	write(t, dir, "content/b.md", "---\ntitle: Beta\n---\nB, <edited>.\n")
	git("commit", "-q", "-am", "Beta: say why & how")

	out := filepath.Join(dir, "public")
	read := func(name string) string {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	if r := runIn(t, "build", dir); r.code != exitOK {
		t.Fatalf("build: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	changes := read("changes/index.html")
	beta, start := strings.Index(changes, "Beta: say why &amp; how"), strings.Index(changes, "Start the handbook")
	if beta < 0 || start < beta || strings.Count(changes, "Start the handbook") != 1 || !strings.Contains(changes[start:], `href="../a/">Alpha</a>`) {
		t.Errorf("the recently updated page lists:\n%s", changes)
	}
	if !strings.Contains(read("a/index.html"), `href="../changes/">Recently updated</a>`) {
		t.Error("the footer does not link to the recently updated page")
	}
	if _, err := os.Stat(filepath.Join(out, "feed.xml")); err == nil || strings.Contains(read("index.html"), "application/atom+xml") {
		t.Error("a feed without an absolute base URL")
	}

	if r := runIn(t, "build", dir, "--base-url", "https://example.com/hb/"); r.code != exitOK {
		t.Fatalf("build: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(read("a/index.html"), `<link rel="alternate" type="application/atom+xml" title="H: recently updated" href="../feed.xml">`) {
		t.Error("a page's head does not name the feed")
	}
	first := read("feed.xml")
	var feed struct {
		ID      string `xml:"id"`
		Entries []struct {
			Title   string `xml:"title"`
			ID      string `xml:"id"`
			Summary string `xml:"summary"`
			Link    struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(first), &feed); err != nil {
		t.Fatalf("feed.xml: %v\n%s", err, first)
	}
	if len(feed.Entries) != 4 || feed.Entries[0].Title != "Beta" || feed.Entries[0].Summary != "Beta: say why & how" ||
		feed.Entries[0].Link.Href != "https://example.com/hb/b/" || feed.Entries[0].ID == feed.Entries[3].ID {
		t.Errorf("feed entries: %+v", feed.Entries)
	}
	if r := runIn(t, "build", dir, "--base-url", "https://example.com/hb/"); r.code != exitOK || read("feed.xml") != first {
		t.Error("a second build of the same commit wrote another feed")
	}
}
