package layout

import (
	"io/fs"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/batonhq/baton/internal/source"
)

func loaded(t *testing.T, fsys fs.FS) []string {
	t.Helper()
	tree, err := source.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range tree.Content {
		got = append(got, f.Path)
	}
	for _, f := range tree.Layouts {
		got = append(got, f.Path)
	}
	return got
}

// TestFS shows the build a site's folder of pages as content/, wherever it
// is, without the output folder, the navigation file, Docusaurus'
// partials and another tool's not-found pages; of the rest, the resolver publishes only assets and what pages
// link to.
func TestFS(t *testing.T) {
	tests := []struct {
		name    string
		files   map[string]string
		exclude []string
		want    []string
	}{
		{"mkdocs", map[string]string{
			"mkdocs.yml": "docs_dir: handbook\n", "handbook/index.md": "", "handbook/team/a.md": "",
			"handbook/img/a.png": "", "handbook/data.yml": "", "handbook/x.py": "", "README.md": "", "site/index.html": "",
			"layouts/page.html": "",
		}, nil, []string{"content/data.yml", "content/img/a.png", "content/index.md", "content/team/a.md", "content/x.py"}},
		{"gitbook at the root", map[string]string{
			"SUMMARY.md": "* [A](a.md)\n", "README.md": "", "a.md": "", "b/c.md": "", "b/d.png": "",
			"public/index.html": "", "public/x.md": "", "package.json": "", "src/main.go": "", "layouts/x.html": "",
		}, []string{"public"}, []string{"content/README.md", "content/a.md", "content/b/c.md", "content/b/d.png", "content/layouts/x.html", "content/package.json", "content/src/main.go"}},
		{"baton", map[string]string{
			"content/handbook.yaml": "title: T\n", "content/roles/pm.yaml": "", "content/a.md": "", "layouts/page.html": "", "other.md": "",
		}, nil, []string{"content/a.md", "content/handbook.yaml", "content/roles/pm.yaml", "layouts/page.html"}},
		{"hugo", map[string]string{
			"hugo.toml": "", "content/a.md": "", "content/data.yaml": "", "layouts/_default/single.html": "",
		}, nil, []string{"content/a.md", "content/data.yaml"}},
		{"hugo's static", map[string]string{
			"hugo.toml": "", "content/a.md": "", "static/img/a.png": "", "static/favicon.ico": "", "assets/x.css": "",
		}, nil, []string{"content/a.md", "content/static/favicon.ico", "content/static/img/a.png"}},
		{"starlight's public", map[string]string{
			"docs/astro.config.mjs": "", "docs/src/content/docs/index.mdx": "", "docs/public/logo.svg": "", "docs/src/assets/x.png": "",
		}, nil, []string{"content/index.mdx", "content/static/logo.svg"}},
		{"starlight's public at the root, left out as an output", map[string]string{
			"astro.config.ts": "", "src/content/docs/index.md": "", "public/robots.txt": "",
		}, []string{"public"}, []string{"content/index.md"}},
		{"a static folder of the pages' own wins", map[string]string{
			"hugo.toml": "", "content/a.md": "", "content/static/x.png": "", "static/y.png": "",
		}, nil, []string{"content/a.md", "content/static/x.png"}},
		{"docusaurus' partials", map[string]string{
			"docusaurus.config.js": "", "docs/a.md": "", "docs/_snippet.mdx": "", "docs/_common/x.md": "", "docs/_common/x.png": "",
			"docs/guide/_part.md": "", "docs/guide/b_c.md": "", "docs/guide/_category_.json": "{}",
		}, nil, []string{"content/_common/x.png", "content/a.md", "content/guide/_category_.json", "content/guide/b_c.md"}},
		{"docusaurus' partials from the root", map[string]string{
			"docusaurus.config.js": "", "README.md": "", "_notes.md": "", "docs/a.md": "", "docs/_b.md": "", "blog/_draft/x.md": "",
		}, nil, []string{"content/README.md", "content/docs/a.md", "content/docusaurus.config.js"}},
		{"starlight's not-found pages", map[string]string{
			"astro.config.mjs": "", "src/content/docs/index.md": "", "src/content/docs/404.md": "", "src/content/docs/es/404.md": "",
			"src/content/docs/es/index.md": "", "src/content/docs/guides/404.md": "", "src/content/docs/errors/404.mdx": "",
		}, nil, []string{"content/errors/404.mdx", "content/es/index.md", "content/guides/404.md", "content/index.md"}},
		{"jekyll's not-found page, from the root", map[string]string{
			"_config.yml": "", "index.md": "", "404.md": "", "404.html": "", "pt-br/404.md": "",
		}, nil, []string{"content/404.html", "content/_config.yml", "content/index.md"}},
		{"a baton handbook's page named 404 is a page", map[string]string{
			"content/handbook.yaml": "title: T\n", "content/404.md": "",
		}, nil, []string{"content/404.md", "content/handbook.yaml"}},
		{"an underscore is no partial elsewhere", map[string]string{
			"_config.yml": "", "index.md": "", "_posts/x.md": "", "a/_b.md": "",
		}, nil, []string{"content/_config.yml", "content/_posts/x.md", "content/a/_b.md", "content/index.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := files(tt.files)
			l := Detect(site)
			got := loaded(t, l.FS(site, tt.exclude...))
			if !slices.Equal(got, tt.want) {
				t.Errorf("%s read as %s: %q, want %q", tt.name, l.Kind, got, tt.want)
			}
			for _, p := range got {
				if v, ok := l.Virtual(l.Real(p)); !ok || v != p {
					t.Errorf("Virtual(Real(%q)) = %q, %v", p, v, ok)
				}
			}
		})
	}
}

func TestRealAndVirtual(t *testing.T) {
	docs := Layout{Kind: MkDocs, Root: "docs"}
	root := Layout{Kind: Markdown, Root: "."}
	baton := Layout{Kind: Baton, Root: "content", Theme: true}
	de := baton.Language("de")
	hugo := Layout{Kind: Hugo, Root: "content/en", Static: "static"}
	for _, c := range []struct {
		l          Layout
		real, virt string
		shown      bool
	}{
		{docs, "docs/a/b.md", "content/a/b.md", true},
		{docs, "docs", "content", true},
		{docs, "mkdocs.yml", "", false},
		{docs, "docsx/a.md", "", false},
		{root, "a/b.md", "content/a/b.md", true},
		{baton, "content/a.md", "content/a.md", true},
		{baton, "layouts/page.html", "layouts/page.html", true},
		{baton, "README.md", "README.md", false},
		{de, "content/de/a/b.md", "content/a/b.md", true},
		{de, "content/handbook.yaml", "content/handbook.yaml", true},
		{de, "content/static/img/x.png", "content/static/img/x.png", true},
		{de, "content/en/a.md", "", false},
		{de, "layouts/page.html", "layouts/page.html", true},
		{hugo, "static/img/x.png", "content/static/img/x.png", true},
		{hugo, "static", "content/static", true},
		{hugo, "content/en/a.md", "content/a.md", true},
		{hugo, "staticx/a.png", "", false},
	} {
		v, ok := c.l.Virtual(c.real)
		if ok != c.shown || ok && v != c.virt {
			t.Errorf("%s: Virtual(%q) = %q, %v; want %q, %v", c.l.Kind, c.real, v, ok, c.virt, c.shown)
		}
		if ok && c.l.Real(v) != c.real {
			t.Errorf("%s: Real(%q) = %q, want %q", c.l.Kind, v, c.l.Real(v), c.real)
		}
	}
}

// TestLanguageFS shows one language of a multilingual handbook as a
// handbook of its own: its folder as content/, with the shared
// handbook.yaml and static/ beside its pages, and nothing of the other
// languages.
func TestLanguageFS(t *testing.T) {
	site := fstest.MapFS{
		"content/handbook.yaml":        {Data: []byte("title: T\n")},
		"content/static/img/x.png":     {Data: []byte("png")},
		"content/en/_index.md":         {Data: []byte("# Home\n")},
		"content/en/guide.md":          {Data: []byte("# Guide\n")},
		"content/de/_index.md":         {Data: []byte("# Start\n")},
		"content/de/roles/design.yaml": {Data: []byte("title: Design\n")},
		"layouts/page.html":            {Data: []byte("x")},
	}
	l := Layout{Kind: Baton, Root: "content", Theme: true}.Language("de")
	got := loaded(t, l.FS(site))
	want := []string{"content/_index.md", "content/handbook.yaml", "content/roles/design.yaml", "content/static/img/x.png", "layouts/page.html"}
	if !slices.Equal(got, want) {
		t.Errorf("loaded %q; want %q", got, want)
	}
}
