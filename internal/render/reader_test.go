package render

import (
	"regexp"
	"strings"
	"testing"

	"github.com/batonhq/baton"
	"github.com/batonhq/baton/internal/corpus"
)

// readerSite is a small handbook with one of everything a reader sees: a
// role with a responsibility, a section with pages, a reading path, tags.
func readerSite(config string) []corpus.File {
	return []corpus.File{
		{Path: "content/handbook.yaml", Data: []byte(config)},
		{Path: "content/_index.md", Data: []byte("---\ntitle: Home\n---\nWelcome.\n")},
		{Path: "content/roles/pm.yaml", Data: []byte("title: Product Manager\nsummary: Leads by influence.\nresponsibilities:\n  - id: plan\n    title: Planning\n    kind: activity\n    stage: define\n    summary: Plans the quarter.\n")},
		{Path: "content/roles/eng.yaml", Data: []byte("title: Engineering\nsummary: Builds it.\n")},
		{Path: "content/guide/_index.md", Data: []byte("---\ntitle: Guide\nsummary: How we work.\n---\nThe guide.\n")},
		{Path: "content/guide/start.md", Data: []byte("---\ntitle: Start here\nsummary: The first page to read.\ntags: [basics]\nroles: [pm]\n---\n## First\n\n- [ ] one\n- [x] two\n\n```sh\necho hi\n```\n")},
		{Path: "content/guide/next.md", Data: []byte("---\ntitle: Next\n---\nNo summary here.\n")},
		{Path: "content/paths/onboarding.yaml", Data: []byte("title: Onboarding\nsummary: Your first days.\nsteps:\n  - page: guide/start.md\n  - role: pm\n  - page: guide/next.md\n")},
	}
}

// renderSite renders every file of a handbook with the default theme.
func renderSite(t *testing.T, files []corpus.File) (map[string]string, *Renderer) {
	t.Helper()
	theme, err := LoadTheme(baton.Layouts())
	if err != nil {
		t.Fatal(err)
	}
	r, diags := New(theme)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	out := map[string]string{}
	for _, j := range r.Jobs(ResolveFiles(t, files)) {
		var b strings.Builder
		if err := j.Run(&b); err != nil {
			t.Fatalf("%s: %v", j.Path, err)
		}
		out[j.Path] = b.String()
	}
	return out, r
}

var iconRE = regexp.MustCompile(`<link rel="icon" href="([^"]*)" type="image/svg\+xml">`)

// TestFaviconOnEveryPage: every page links the theme's icon, relative like
// every link (404.html from the base path), so that no browser asks for a
// /favicon.ico the site does not have.
func TestFaviconOnEveryPage(t *testing.T) {
	for _, base := range []string{"/", "https://x.example/hb/"} {
		out, r := renderSite(t, readerSite("title: T\nbase_url: "+base+"\n"))
		var icon string
		for _, a := range r.Assets() {
			if a.Name == "favicon.svg" {
				icon = a.URL
				if !strings.Contains(string(a.Data), "<svg") {
					t.Errorf("favicon.svg is not an SVG: %.40q", a.Data)
				}
			}
		}
		if icon == "" {
			t.Fatal("the theme has no favicon.svg")
		}
		pages := 0
		for p, html := range out {
			if !strings.HasSuffix(p, ".html") {
				continue
			}
			pages++
			m := iconRE.FindStringSubmatch(html)
			if m == nil {
				t.Errorf("%s links no icon", p)
				continue
			}
			want := Rel("/"+p, icon)
			if p == "404.html" {
				want = basePath(base) + strings.TrimPrefix(icon, "/")
			}
			if got := strings.ReplaceAll(m[1], "&amp;", "&"); got != want {
				t.Errorf("%s links its icon at %q, want %q", p, got, want)
			}
		}
		if pages < 12 {
			t.Errorf("only %d pages", pages)
		}
	}
}

