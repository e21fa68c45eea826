package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCheckLanguages wants baton check to check every language of a
// multilingual handbook, naming each problem's file in its language's
// folder, and baton build to write each language's site.
func TestCheckLanguages(t *testing.T) {
	site := t.TempDir()
	write(t, site, "content/handbook.yaml", "title: Handbook\nlanguages: [en, fr]\n")
	write(t, site, "content/en/_index.md", "---\ntitle: Home\n---\nSee [the guide](guide.md).\n")
	write(t, site, "content/en/guide.md", "---\ntitle: Guide\n---\nText.\n")
	write(t, site, "content/fr/_index.md", "---\ntitle: Accueil\n---\nVoir [le guide](guide.md).\n")
	r := runIn(t, "check", site)
	want := "content/fr/_index.md:4:6: link to content/fr/guide.md, which does not exist\n"
	if diff := cmp.Diff(want, r.stdout); r.code != exitContent || diff != "" {
		t.Errorf("check: exit %d, stdout (-want +got):\n%s\nstderr:\n%s", r.code, diff, r.stderr)
	}
	write(t, site, "content/fr/guide.md", "---\ntitle: Guide\n---\nTexte.\n")
	if r := runIn(t, "check", site); r.code != exitOK || r.stdout != "ok: 4 pages, 0 roles, 0 responsibilities, 0 paths in 2 languages\n" {
		t.Errorf("check after the fix: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	out := filepath.Join(t.TempDir(), "public")
	if r := runIn(t, "build", site, "--out", out); r.code != exitOK {
		t.Fatalf("build: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, p := range []string{"index.html", "guide/index.html", "fr/index.html", "fr/guide/index.html"} {
		data, err := os.ReadFile(filepath.Join(out, p))
		if err != nil || !strings.Contains(string(data), "Français") {
			t.Errorf("%s has no switcher naming Français", p)
		}
	}
}
