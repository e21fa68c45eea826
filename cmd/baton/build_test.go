package main

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildBrokenReferenceKeepsOutput builds a handbook, breaks one
// reference of each kind in turn, and checks that each build exits 1 with
// the exact position and leaves the previous output byte for byte.
func TestBuildBrokenReferenceKeepsOutput(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"content/handbook.yaml":       "title: T\n",
		"content/roles/pm.yaml":       "title: PM\nsummary: s\ncollaborates_with: [eng]\nresponsibilities:\n  - id: plan\n    title: Plan\n    kind: output\n    stage: define\n    partners: [eng]\n",
		"content/roles/eng.yaml":      "title: Eng\nsummary: s\n",
		"content/playbooks/a.md":      "---\ntitle: A\nroles: [pm]\nresponsibilities: [plan]\n---\n## Top\n\nSee [B](b.md#end).\n",
		"content/playbooks/b.md":      "---\ntitle: B\n---\n## End\n",
		"content/paths/start.yaml":    "title: Start\nsteps:\n  - page: playbooks/a.md\n  - role: eng\n",
		"content/static/logo.txt":     "logo",
		"content/playbooks/_index.md": "---\ntitle: Playbooks\n---\n",
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"build", dir, "--quiet"}, &stdout, &stderr); code != 0 {
		t.Fatalf("first build: exit %d\n%s", code, stderr.String())
	}
	out := filepath.Join(dir, "public")
	before := snapshot(t, out)
	breaks := []struct {
		file, from, to, want string
	}{
		{"content/roles/pm.yaml", "[eng]\nresp", "[egn]\nresp", "content/roles/pm.yaml:3:21: unknown role \"egn\" in collaborates_with (did you mean \"eng\"?)"},
		{"content/roles/pm.yaml", "partners: [eng]", "partners: [en]", "content/roles/pm.yaml:9:16: unknown role \"en\" in partners (did you mean \"eng\"?)"},
		{"content/playbooks/a.md", "roles: [pm]", "roles: [p]", "content/playbooks/a.md:3:9: unknown role \"p\" in roles (did you mean \"pm\"?)"},
		{"content/playbooks/a.md", "[plan]", "[plna]", "content/playbooks/a.md:4:20: unknown responsibility \"plna\" in responsibilities (did you mean \"plan\"?)"},
		{"content/playbooks/a.md", "(b.md#end)", "(c.md#end)", "content/playbooks/a.md:8:5: link to content/playbooks/c.md, which does not exist (did you mean content/playbooks/a.md?)"},
		{"content/playbooks/a.md", "(b.md#end)", "(b.md#ending)", "content/playbooks/a.md:8:5: no heading #ending in content/playbooks/b.md (did you mean \"end\"?)"},
		{"content/paths/start.yaml", "role: eng", "role: eg", "content/paths/start.yaml:4:11: unknown role \"eg\" in the path (did you mean \"eng\"?)"},
		{"content/paths/start.yaml", "playbooks/a.md", "playbooks/z.md", "content/paths/start.yaml:3:11: no page content/playbooks/z.md (did you mean \"playbooks/a.md\"?)"},
	}
	for _, b := range breaks {
		p := filepath.Join(dir, b.file)
		orig, _ := os.ReadFile(p)
		if !strings.Contains(string(orig), b.from) {
			t.Fatalf("%s lacks %q", b.file, b.from)
		}
		os.WriteFile(p, []byte(strings.Replace(string(orig), b.from, b.to, 1)), 0o644)
		stdout.Reset()
		stderr.Reset()
		code := run(context.Background(), []string{"build", dir}, &stdout, &stderr)
		os.WriteFile(p, orig, 0o644)
		if code != 1 {
			t.Errorf("%s → %s: exit %d, want 1", b.from, b.to, code)
		}
		if !strings.Contains(stderr.String(), b.want+"\n") {
			t.Errorf("%s → %s: stderr lacks\n%s\ngot:\n%s", b.from, b.to, b.want, stderr.String())
		}
		if after := snapshot(t, out); !equalMaps(before, after) {
			t.Errorf("%s → %s: public/ changed after a failed build", b.from, b.to)
		}
	}
}

func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		m[p] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestBuildSaysWhyNoSitemap builds with a base URL that is a path, and then
// with one that names its host: the first says once why it wrote no
// sitemap.xml, the second writes one and says nothing of it.
func TestBuildSaysWhyNoSitemap(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "_index.md"), []byte("---\ntitle: Home\n---\nHello.\n"), 0o644)
	for _, c := range []struct {
		args    []string
		notes   int
		sitemap bool
	}{
		{[]string{"build", dir}, 1, false},
		{[]string{"build", dir, "--base-url", "/pm/"}, 1, false},
		{[]string{"build", dir, "--quiet"}, 0, false},
		{[]string{"build", dir, "--base-url", "https://x.example/pm/"}, 0, true},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), c.args, &stdout, &stderr); code != 0 {
			t.Fatalf("%v: exit %d\n%s", c.args, code, stderr.String())
		}
		if got := strings.Count(stdout.String(), "no sitemap.xml"); got != c.notes {
			t.Errorf("%v: %d notes of no sitemap, want %d:\n%s", c.args, got, c.notes, stdout.String())
		}
		if _, err := os.Stat(filepath.Join(dir, "public", "sitemap.xml")); (err == nil) != c.sitemap {
			t.Errorf("%v: sitemap.xml written: %v, want %v", c.args, err == nil, c.sitemap)
		}
	}
}
