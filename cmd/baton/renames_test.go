package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestRenamesRedirect builds a handbook in a git repository where a page
// was moved with git mv: its old URL redirects to the new one with no
// alias written, also for an MkDocs site, whose pages are in docs/.
func TestRenamesRedirect(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	body := strings.Repeat("Words enough for git to see the file moved.\n", 20)
	for _, c := range []struct {
		name        string
		files       map[string]string
		from, to    string // before and after git mv
		oldOut, url string // the redirect page, and where it leads
	}{
		{"baton", map[string]string{
			"content/handbook.yaml":   "title: H\n",
			"content/_index.md":       "---\ntitle: H\n---\n[setup](guide/setup.md)\n",
			"content/guide/_index.md": "---\ntitle: Guide\n---\n",
			"content/guide/setup.md":  "---\ntitle: Setup\n---\n" + body,
		}, "content/guide/setup.md", "content/guide/install.md", "guide/setup/index.html", "../install/"},
		{"mkdocs", map[string]string{
			"mkdocs.yml":    "site_name: H\n",
			"docs/index.md": "# H\n",
			"docs/faq.md":   "# FAQ\n\n" + body,
		}, "docs/faq.md", "docs/help/questions.md", "faq/index.html", "../help/questions/"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, text := range c.files {
				write(t, dir, name, text)
			}
			git := func(args ...string) {
				t.Helper()
				cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
				cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
					"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir)
				if out, err := cmd.CombinedOutput(); err != nil {
					t.Fatalf("git %v: %v\n%s", args, err, out)
				}
			}
			git("init", "-q")
			git("add", "-A")
			git("commit", "-q", "-m", "first")
			if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, c.to)), 0o755); err != nil {
				t.Fatal(err)
			}
			git("mv", c.from, c.to)
			if c.name == "baton" {
				write(t, dir, "content/_index.md", "---\ntitle: H\n---\n[setup](guide/install.md)\n")
			}
			git("commit", "-q", "-am", "move")
			if r := runIn(t, "build", dir); r.code != exitOK {
				t.Fatalf("build: exit %d\n%s%s", r.code, r.stdout, r.stderr)
			}
			page, err := os.ReadFile(filepath.Join(dir, "public", filepath.FromSlash(c.oldOut)))
			if err != nil {
				t.Fatalf("no redirect at the old URL: %v", err)
			}
			if !strings.Contains(string(page), `<a href="`+c.url+`">`) {
				t.Errorf("the redirect at %s does not lead to %s:\n%s", c.oldOut, c.url, page)
			}
		})
	}
}
