package build_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/gitdate"
)

// TestEveryKindHasItsSource builds a handbook kept in a real git
// repository, its files committed on different days, with the dates the
// command reads (gitdate): a role's and a path's page link to edit their
// own YAML file and show its last commit date, as a playbook does; a
// responsibility, written in its role's file, links to that file and
// shows its date.
func TestEveryKindHasItsSource(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	git := func(when string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_COMMITTER_DATE=@"+when, "GIT_AUTHOR_DATE=@"+when, "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
			"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git("0", "init", "-q")
	write("content/handbook.yaml", "title: T\nbase_url: https://x.example/\nedit_url: https://git.example/hb/edit/main/{path}\n")
	write("content/_index.md", "---\ntitle: Home\n---\nWelcome.\n")
	write("content/guide/start.md", "---\ntitle: Start\nroles: [pm]\nresponsibilities: [plan]\n---\nText.\n")
	write("content/roles/pm.yaml", "title: Product Manager\nsummary: Leads.\nresponsibilities:\n  - id: plan\n    title: Planning\n    kind: activity\n    stage: define\n    summary: Plans.\n")
	write("content/paths/onboarding.yaml", "title: Onboarding\nsteps:\n  - page: guide/start.md\n  - role: pm\n")
	git("1704067200", "add", "-A") // 1 January 2024
	git("1704067200", "commit", "-q", "-m", "first")
	write("content/roles/pm.yaml", "title: Product Manager\nsummary: Leads by influence.\nresponsibilities:\n  - id: plan\n    title: Planning\n    kind: activity\n    stage: define\n    summary: Plans.\n")
	git("1710115200", "commit", "-q", "-am", "role") // 11 March 2024
	write("content/paths/onboarding.yaml", "title: Onboarding\nsummary: First days.\nsteps:\n  - page: guide/start.md\n  - role: pm\n")
	git("1719792000", "commit", "-q", "-am", "path") // 1 July 2024

	res, diags := newBuilder(t, build.Options{Dates: gitdate.NewCache(dir, "content").Dates}).Build(context.Background(), os.DirFS(dir))
	if res == nil {
		t.Fatal(diags)
	}
	out := files(t, os.DirFS(dir), res)
	edit := regexp.MustCompile(`<a href="([^"]*)"[^>]*>Edit this page</a>`)
	updated := regexp.MustCompile(`Updated <time datetime="[0-9-]+">([^<]*)</time>|Updated ([0-9]+ [A-Z][a-z]+ [0-9]+)`)
	for _, c := range []struct{ page, file, date string }{
		{"guide/start/index.html", "content/guide/start.md", "1 January 2024"},
		{"roles/pm/index.html", "content/roles/pm.yaml", "11 March 2024"},
		{"responsibilities/plan/index.html", "content/roles/pm.yaml", "11 March 2024"},
		{"paths/onboarding/index.html", "content/paths/onboarding.yaml", "1 July 2024"},
	} {
		html := out[c.page]
		if m := edit.FindSubmatch(html); m == nil || string(m[1]) != "https://git.example/hb/edit/main/"+c.file {
			t.Errorf("%s: edit link %q, want one to %s", c.page, m, c.file)
		}
		m := updated.FindSubmatch(html)
		if m == nil || string(m[1])+string(m[2]) != c.date {
			t.Errorf("%s: updated %q, want %s", c.page, m, c.date)
		}
	}
	// The sitemap gives each of them the same date.
	for _, want := range []string{
		"<loc>https://x.example/guide/start/</loc><lastmod>2024-01-01</lastmod>",
		"<loc>https://x.example/roles/pm/</loc><lastmod>2024-03-11</lastmod>",
		"<loc>https://x.example/responsibilities/plan/</loc><lastmod>2024-03-11</lastmod>",
		"<loc>https://x.example/paths/onboarding/</loc><lastmod>2024-07-01</lastmod>",
	} {
		if !bytes.Contains(out["sitemap.xml"], []byte(want)) {
			t.Errorf("sitemap.xml lacks %s:\n%s", want, out["sitemap.xml"])
		}
	}
}
