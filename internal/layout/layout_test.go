package layout

import (
	"testing"
	"testing/fstest"

	"github.com/batonhq/baton/internal/diag"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func files(m map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for k, v := range m {
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return fsys
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		kind  Kind
		root  string
		title string
		nav   string // the file the order comes from
		theme bool
	}{
		{"baton", map[string]string{"content/handbook.yaml": "title: T\n", "content/_index.md": "", "mkdocs.yml": "site_name: x\n"}, Baton, "content", "", "", true},
		{"content without settings", map[string]string{"content/a.md": ""}, Baton, "content", "", "", true},
		{"hugo", map[string]string{"content/_index.md": "", "hugo.toml": "title = 'Ops handbook'\n", "layouts/_default/single.html": ""}, Hugo, "content", "Ops handbook", "", false},
		{"hugo, config folder", map[string]string{"content/_index.md": "", "config/_default/config.yaml": "title: Y\n"}, Hugo, "content", "Y", "", false},
		{"hugo, contentDir", map[string]string{"content/en/_index.md": "", "hugo.toml": "title = 'D'\ncontentDir = 'content/en'\n"}, Hugo, "content/en", "D", "", false},
		{"hugo, a mount of content", map[string]string{"content/en/_index.md": "", "hugo.toml": "[module]\n[[module.mounts]]\nsource = 'assets'\ntarget = 'assets'\n[[module.mounts]]\nsource = 'content/en'\ntarget = 'content'\n"}, Hugo, "content/en", "", "", false},
		{"hugo, a mount in config/", map[string]string{"content/ja/_index.md": "", "config/_default/hugo.yaml": "title: J\n", "config/_default/module.yaml": "mounts:\n  - source: content/ja\n    target: content\n"}, Hugo, "content/ja", "J", "", false},
		{"hugo, a mount that is not there", map[string]string{"content/_index.md": "", "hugo.yaml": "module:\n  mounts:\n    - {source: content/fr, target: content}\n"}, Hugo, "content", "", "", false},
		{"hugo, broken settings", map[string]string{"content/_index.md": "", "hugo.toml": "title = \n"}, Hugo, "content", "", "", false},
		{"mkdocs", map[string]string{"mkdocs.yml": "site_name: Team handbook\ndocs_dir: handbook/\n", "handbook/index.md": ""}, MkDocs, "handbook", "Team handbook", "mkdocs.yml", false},
		{"mkdocs default docs", map[string]string{"mkdocs.yml": "site_name: H\n", "docs/index.md": ""}, MkDocs, "docs", "H", "mkdocs.yml", false},
		{"mkdocs docs_dir outside", map[string]string{"mkdocs.yml": "docs_dir: ../x\n"}, MkDocs, "docs", "", "mkdocs.yml", false},
		{"mdbook", map[string]string{"book.toml": "[book]\ntitle = \"The book\"\nsrc = \"pages\"\n", "pages/SUMMARY.md": "# Summary\n\n- [A](a.md)\n"}, MdBook, "pages", "The book", "pages/SUMMARY.md", false},
		{"mdbook default src", map[string]string{"book.toml": "[book]\n", "src/SUMMARY.md": "- [A](a.md)\n"}, MdBook, "src", "", "src/SUMMARY.md", false},
		{"gitbook", map[string]string{"SUMMARY.md": "# Table of contents\n\n* [Home](README.md)\n", "README.md": ""}, GitBook, ".", "", "SUMMARY.md", false},
		{"gitbook with root", map[string]string{".gitbook.yaml": "root: ./docs/\nstructure:\n  summary: toc.md\n", "docs/toc.md": "* [A](a.md)\n"}, GitBook, "docs", "", "docs/toc.md", false},
		{"jekyll with a source", map[string]string{"README.md": "", "_config.yml": "title: Playbook\nsource: src\n", "src/a.md": ""}, Jekyll, "src", "Playbook", "", false},
		{"jekyll at the root", map[string]string{"index.md": "", "_config.yml": "theme: minima\n"}, Jekyll, ".", "", "", false},
		{"jekyll, source outside", map[string]string{"README.md": "", "_config.yml": "source: ../x\n"}, Jekyll, ".", "", "", false},
		{"jekyll, broken settings", map[string]string{"docs/a.md": "", "_config.yml": "title: [\n"}, Jekyll, "docs", "", "", false},
		{"gitbook, book.json", map[string]string{"README.md": "", "book.json": "{\n\t\"title\": \"Primer\",\n\t\"root\": \"./source/\",\n\t\"structure\": {\"readme\": \"index.md\", \"summary\": \"README.md\"}\n}\n", "source/README.md": "- [A](a.md)\n", "source/index.md": ""}, GitBook, "source", "Primer", "source/README.md", false},
		{"gitbook, book.json not JSON", map[string]string{"SUMMARY.md": "- [A](a.md)\n", "book.json": "{root: x\n"}, GitBook, ".", "", "SUMMARY.md", false},
		{"jupyter book at the root", map[string]string{"_config.yml": "title: Field notes\n", "_toc.yml": "format: jb-book\nroot: intro\nchapters:\n- file: a\n", "intro.md": "", "a.md": ""}, JupyterBook, ".", "Field notes", "_toc.yml", false},
		{"jupyter book in docs", map[string]string{"README.md": "", "CHANGELOG.md": "", "docs/_config.yml": "title: Guide\n", "docs/_toc.yml": "root: index\nparts:\n- caption: P\n  chapters:\n  - file: a\n", "docs/index.md": ""}, JupyterBook, "docs", "Guide", "docs/_toc.yml", false},
		{"jupyter book in another folder", map[string]string{"README.md": "", "book/_toc.yml": "format: jb-article\nroot: index\n", "book/index.md": ""}, JupyterBook, "book", "", "book/_toc.yml", false},
		{"jupyter book, the old list", map[string]string{"_config.yml": "title: Old\n", "_toc.yml": "- file: intro\n- part: One\n  chapters:\n  - file: a\n", "intro.md": ""}, JupyterBook, ".", "Old", "_toc.yml", false},
		{"_toc.yml of another tool", map[string]string{"_config.yml": "title: Site\n", "_toc.yml": "- name: A\n  href: a.md\n", "index.md": ""}, Jekyll, ".", "Site", "", false},
		{"_toc.yml without a root", map[string]string{"README.md": "", "docs/_toc.yml": "chapters: []\n", "docs/a.md": ""}, Markdown, ".", "", "", false},
		{"middleman", map[string]string{"README.md": "", "config.rb": "activate :x\n", "config/tech-docs.yml": "service_name: The Way\n", "source/index.html.md.erb": ""}, Middleman, "source", "The Way", "", false},
		{"tech docs without config.rb", map[string]string{"README.md": "", "makefile": "", "config/tech-docs.yml": "service_name: User Guide\n", "source/index.html.md.erb": "", "source/a/b.html.md.erb": ""}, Middleman, "source", "User Guide", "", false},
		{"tech-docs.yml without source", map[string]string{"README.md": "", "config/tech-docs.yml": "", "docs/a.md": ""}, Markdown, ".", "", "", false},
		{"config.rb without source", map[string]string{"README.md": "", "config.rb": ""}, Markdown, ".", "", "", false},
		{"vitepress with srcDir", map[string]string{"README.md": "", ".vitepress/config.ts": "export default defineConfig({\n  // srcDir: 'nope',\n  srcDir: 'src',\n})\n", "src/index.md": ""}, VitePress, "src", "", "", false},
		{"vitepress in docs", map[string]string{"README.md": "", "docs/.vitepress/config.mts": "export default {}\n", "docs/index.md": ""}, VitePress, "docs", "", "", false},
		{"vitepress srcDir missing", map[string]string{"index.md": "", ".vitepress/config.js": "export default { srcDir: './pages' }\n"}, VitePress, ".", "", "", false},
		{"starlight in docs", map[string]string{"README.md": "", "docs/astro.config.mjs": "export default {}\n", "docs/src/content/docs/index.mdx": ""}, Starlight, "docs/src/content/docs", "", "", false},
		{"mkdocs in docs", map[string]string{"README.md": "", "docs/mkdocs.yml": "site_name: In docs\ndocs_dir: pages\n", "docs/pages/index.md": ""}, MkDocs, "docs/pages", "In docs", "docs/mkdocs.yml", false},
		{"mkdocs of one language", map[string]string{"README.md": "", "docs/en/mkdocs.yml": "site_name: En\n", "docs/en/docs/index.md": "", "docs/es/docs/index.md": "", "docs/de/mkdocs.yml": "INHERIT: ../en/mkdocs.yml\n"}, MkDocs, "docs/en/docs", "En", "docs/en/mkdocs.yml", false},
		{"mkdocs at the root wins", map[string]string{"mkdocs.yml": "site_name: Root\n", "docs/index.md": "", "docs/en/mkdocs.yml": "site_name: En\n"}, MkDocs, "docs", "Root", "mkdocs.yml", false},
		{"nuxt content in docs", map[string]string{"README.md": "", "docs/nuxt.config.ts": "export default defineNuxtConfig({ extends: ['docus'] })\n", "docs/content/1.guide/1.index.md": ""}, NuxtContent, "docs/content", "", "", false},
		{"nuxt content's settings", map[string]string{"nuxt.config.ts": "export default defineNuxtConfig({})\n", "content.config.ts": "", "content/index.md": ""}, NuxtContent, "content", "", "", false},
		{"nuxt without content", map[string]string{"README.md": "", "nuxt.config.ts": "export default defineNuxtConfig({ modules: ['@nuxt/ui'] })\n", "content/a.md": ""}, Baton, "content", "", "", true},
		{"astro without starlight's folder", map[string]string{"README.md": "", "astro.config.mjs": "export default {}\n", "src/pages/index.md": ""}, Markdown, ".", "", "", false},
		{"docusaurus", map[string]string{"README.md": "", "docusaurus.config.ts": "export default {}\n", "docs/01_intro.mdx": ""}, Docusaurus, ".", "", "", false},
		{"docusaurus's title", map[string]string{"README.md": "", "docusaurus.config.js": "// title: 'Not this'\nconst config = {\n  title: \"Acme Docs\", // the site\n  themeConfig: {\n    navbar: {\n      title: 'Acme',\n    },\n  },\n};\n", "docs/a.md": ""}, Docusaurus, ".", "Acme Docs", "", false},
		{"docusaurus's title in website/", map[string]string{"README.md": "", "website/docusaurus.config.ts": "export default {\n  title: 'Redux-like',\n  tagline: 'x',\n}\n", "docs/a.md": ""}, Docusaurus, "docs", "Redux-like", "", false},
		{"docusaurus's title not a literal", map[string]string{"README.md": "", "docusaurus.config.js": "module.exports = {\n  title: siteConfig.title,\n  navbar: { title: `${x}` },\n}\n", "docs/a.md": ""}, Docusaurus, ".", "", "", false},
		{"vitepress's title", map[string]string{"README.md": "", ".vitepress/config.ts": "export default defineConfig({\n  title: 'Vue-like',\n  themeConfig: {\n    nav: [{ text: 'Guide', link: '/g' }],\n  },\n})\n", "index.md": ""}, VitePress, ".", "Vue-like", "", false},
		{"starlight's title", map[string]string{"README.md": "", "astro.config.mjs": "export default defineConfig({\n\tintegrations: [\n\t\tstarlight({\n\t\t\ttitle: 'My Docs',\n\t\t\tsidebar: [{ label: 'Guides', items: [{ label: 'x', link: '/x/' }] }],\n\t\t}),\n\t],\n});\n", "src/content/docs/index.mdx": ""}, Starlight, "src/content/docs", "My Docs", "", false},
		{"markdown at the root", map[string]string{"README.md": "", "guide.md": ""}, Markdown, ".", "", "", false},
		{"markdown in docs", map[string]string{"LICENSE": "", "docs/a.md": ""}, Markdown, "docs", "", "", false},
		{"nothing", map[string]string{"LICENSE": ""}, Markdown, ".", "", "", false},
		{"eleventy", map[string]string{"README.md": "", ".eleventy.js": "module.exports = function (config) {\n  // input: \"nope\"\n  return {\n    dir: {\n      input: \"pages\",\n      output: \"_site\",\n    },\n  };\n};\n", "pages/a.md": ""}, Eleventy, "pages", "", "", false},
		{"eleventy, input missing", map[string]string{"README.md": "", "eleventy.config.mjs": "export default { dir: { input: 'src' } };\n"}, Eleventy, ".", "", "", false},
		{"eleventy default", map[string]string{"index.md": "", "eleventy.config.js": "export default function () {}\n"}, Eleventy, ".", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := Detect(files(tt.files))
			if l.Kind != tt.kind || l.Root != tt.root || l.Title != tt.title || l.NavFile != tt.nav || l.Theme != tt.theme {
				t.Errorf("Detect = %s, root %q, title %q, nav %q, theme %v; want %s, %q, %q, %q, %v",
					l.Kind, l.Root, l.Title, l.NavFile, l.Theme, tt.kind, tt.root, tt.title, tt.nav, tt.theme)
			}
		})
	}
}

func TestMkDocsNav(t *testing.T) {
	l := Detect(files(map[string]string{"mkdocs.yml": `site_name: H
theme:
  name: material
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
nav:
  - index.md
  - Getting started: start/index.md
  - Teams:
      - Design: teams/design.md
      - ./teams/eng.md
      - Status page: https://status.example.com/
  - Empty: {}
`}))
	want := []Entry{
		{Path: "index.md", Pos: diag.Pos{File: "mkdocs.yml", Line: 8, Col: 5}},
		{Title: "Getting started", Path: "start/index.md", Pos: diag.Pos{File: "mkdocs.yml", Line: 9, Col: 5}},
		{Title: "Teams", Pos: diag.Pos{File: "mkdocs.yml", Line: 10, Col: 5}, Children: []Entry{
			{Title: "Design", Path: "teams/design.md", Pos: diag.Pos{File: "mkdocs.yml", Line: 11, Col: 9}},
			{Path: "teams/eng.md", Pos: diag.Pos{File: "mkdocs.yml", Line: 12, Col: 9}},
			{Title: "Status page", External: "https://status.example.com/", Pos: diag.Pos{File: "mkdocs.yml", Line: 13, Col: 9}},
		}},
	}
	if diff := cmp.Diff(want, l.Nav); diff != "" {
		t.Errorf("nav (-want +got):\n%s", diff)
	}
	if len(l.Diags) != 1 || l.Diags[0].Pos.Line != 14 {
		t.Errorf("diagnostics = %v, want one warning at line 14 (Empty: {})", l.Diags)
	}
}

func TestMkDocsBroken(t *testing.T) {
	for name, src := range map[string]string{
		"syntax":   "site_name: [\n",
		"merge":    "a: &x [1]\nb:\n  <<: *x\n",
		"nav list": "nav: index.md\n",
	} {
		l := Detect(files(map[string]string{"mkdocs.yml": src}))
		if l.Kind != MkDocs || len(l.Diags) == 0 || l.Diags[0].Pos.File != "mkdocs.yml" || l.Diags[0].Pos.Line == 0 {
			t.Errorf("%s: %s, diagnostics %v; want MkDocs with a positioned diagnostic", name, l.Kind, l.Diags)
		}
	}
}

func TestSummaryNav(t *testing.T) {
	src := "# Summary\n\n[Introduction](README.md)\n\n# User guide\n\n- [Installing](guide/install.md)\n- [Reading `books`](guide/reading%20books.md)\n    - [Nested](guide/nested.md)\n- [Draft]()\n- Plain \\(group\\) &amp; co\n  - [In group](g/a.md)\n\n---\n\n[Contributors](misc/contributors.md)\n"
	got := summaryEntries("src/SUMMARY.md", []byte(src))
	p := func(line, col int) diag.Pos { return diag.Pos{File: "src/SUMMARY.md", Line: line, Col: col} }
	want := []Entry{
		{Title: "Introduction", Path: "README.md", Pos: p(3, 2)},
		{Title: "User guide", Part: true, Pos: p(5, 3), Children: []Entry{
			{Title: "Installing", Path: "guide/install.md", Pos: p(7, 4)},
			{Title: "Reading books", Path: "guide/reading books.md", Pos: p(8, 4), Children: []Entry{
				{Title: "Nested", Path: "guide/nested.md", Pos: p(9, 8)},
			}},
			{Title: "Draft", Pos: p(10, 4)},
			{Title: "Plain (group) & co", Pos: p(11, 3), Children: []Entry{{Title: "In group", Path: "g/a.md", Pos: p(12, 6)}}},
		}},
		{Title: "Contributors", Path: "misc/contributors.md", Pos: p(16, 2)},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("SUMMARY.md entries (-want +got):\n%s", diff)
	}
}

// TestRedirects: mkdocs.yml's redirects plugin maps old pages to new ones
// (old pages at the URLs MkDocs gave them), .gitbook.yaml maps old paths
// to pages; an old path with a fragment cannot be redirected by a page
// and is left out with a warning.
func TestRedirects(t *testing.T) {
	l := Detect(files(map[string]string{
		"mkdocs.yml":    "site_name: H\nplugins:\n  - search\n  - redirects:\n      redirect_maps:\n        user-guide/plugins.md: dev-guide/plugins.md#hooks\n        old/index.md: https://example.com/\n        ./README.md: new.md\n",
		"docs/index.md": "",
	}))
	want := []Redirect{
		{From: "/user-guide/plugins/", To: "/dev-guide/plugins.md#hooks", Pos: diag.Pos{File: "mkdocs.yml", Line: 6, Col: 9}},
		{From: "/old/", To: "https://example.com/", Pos: diag.Pos{File: "mkdocs.yml", Line: 7, Col: 9}},
		{From: "/", To: "/new.md", Pos: diag.Pos{File: "mkdocs.yml", Line: 8, Col: 9}},
	}
	if diff := cmp.Diff(want, l.Redirects); diff != "" || len(l.Diags) != 0 {
		t.Errorf("mkdocs redirects (-want +got):\n%s%v", diff, l.Diags)
	}
	l = Detect(files(map[string]string{
		".gitbook.yaml": "root: ./\nredirects:\n  company/old-page: /company/new-page.md\n  team/old#anchor: ./team/README.md#anchor\n  people/: ./people/README.md\n",
		"SUMMARY.md":    "* [Home](README.md)\n",
	}))
	want = []Redirect{
		{From: "/company/old-page/", To: "/company/new-page.md", Pos: diag.Pos{File: ".gitbook.yaml", Line: 3, Col: 3}},
		{From: "/people/", To: "/people/README.md", Pos: diag.Pos{File: ".gitbook.yaml", Line: 5, Col: 3}},
	}
	if diff := cmp.Diff(want, l.Redirects); diff != "" {
		t.Errorf("gitbook redirects (-want +got):\n%s", diff)
	}
	if len(l.Diags) != 1 || l.Diags[0].String() != ".gitbook.yaml:4:3: warning: the redirect from team/old#anchor names a fragment, which a browser never sends to the host: a static page cannot redirect it; left out" {
		t.Errorf("gitbook diagnostics = %v", l.Diags)
	}
}

// TestWikiLinks reads [[Note]] as a link in a plain folder of Markdown
// (an Obsidian vault), and in no site another tool's settings describe,
// whose [[x]] may be TOML a page shows.
func TestWikiLinks(t *testing.T) {
	for name, want := range map[string]bool{"notes/a.md": true, "hugo.toml": false, "mkdocs.yml": false} {
		l := Detect(files(map[string]string{name: "", "content/a.md": "", "docs/a.md": ""}))
		if name == "notes/a.md" {
			l = Detect(files(map[string]string{"Home.md": "", name: ""}))
		}
		if l.WikiLinks != want {
			t.Errorf("%s: %s, WikiLinks %v; want %v", name, l.Kind, l.WikiLinks, want)
		}
	}
}

// TestJupyterBookToc reads a Jupyter Book's table of contents in each of
// its vocabularies: the root page first (the home page), then parts'
// captions, chapters and their sections, in order, a file found with the
// extension the toc leaves out (a page's, a notebook's, any), a url: with
// its title; a file that is not there is warned of at its line.
func TestJupyterBookToc(t *testing.T) {
	p := func(line, col int) diag.Pos { return diag.Pos{File: "book/_toc.yml", Line: line, Col: col} }
	for _, tt := range []struct {
		name, toc string
		want      []Entry
		diags     []string
	}{
		{"jb-book with parts", `format: jb-book
root: intro
parts:
- caption: Start here
  chapters:
  - file: start/index
    title: Getting started
    sections:
    - file: start/install.md
    - file: start/notebook
      sections:
      - file: start/deep
- caption: Elsewhere
  chapters:
  - url: https://example.com/
    title: Example
  - glob: extra/*
  - file: missing
`, []Entry{
			{Path: "intro.md", Pos: p(2, 7)},
			{Title: "Start here", Part: true, Pos: p(4, 3), Children: []Entry{
				{Title: "Getting started", Path: "start/index.md", Pos: p(6, 11), Children: []Entry{
					{Path: "start/install.md", Pos: p(9, 13)},
					{Path: "start/notebook.ipynb", Pos: p(10, 13), Children: []Entry{{Path: "start/deep.Rmd", Pos: p(12, 15)}}},
				}},
			}},
			{Title: "Elsewhere", Part: true, Pos: p(13, 3), Children: []Entry{
				{Title: "Example", External: "https://example.com/", Pos: p(15, 5)},
				{Pos: p(17, 5)},
				{Path: "missing.md", Pos: p(18, 11)},
			}},
		}, []string{"book/_toc.yml:18:11: warning: _toc.yml names missing, which is not in book"}},
		{"jb-article", "format: jb-article\nroot: intro\nsections:\n- file: start/install\n", []Entry{
			{Path: "intro.md", Pos: p(2, 7)}, {Path: "start/install.md", Pos: p(4, 9)},
		}, nil},
		{"generic subtrees", "root: intro\nsubtrees:\n- caption: C\n  entries:\n  - file: start/install\n", []Entry{
			{Path: "intro.md", Pos: p(1, 7)},
			{Title: "C", Part: true, Pos: p(3, 3), Children: []Entry{{Path: "start/install.md", Pos: p(5, 11)}}},
		}, nil},
		{"the old list", "- file: intro\n- part: P\n  chapters:\n  - file: start/index\n    sections:\n    - file: start/install\n", []Entry{
			{Path: "intro.md", Pos: p(1, 9)},
			{Title: "P", Part: true, Pos: p(2, 9), Children: []Entry{
				{Path: "start/index.md", Pos: p(4, 11), Children: []Entry{{Path: "start/install.md", Pos: p(6, 13)}}},
			}},
		}, nil},
		{"chapters not a list", "format: jb-book\nroot: intro\nchapters: intro\n", []Entry{{Path: "intro.md", Pos: p(2, 7)}},
			[]string{"book/_toc.yml:3:11: warning: chapters is not a list; its pages keep the order of their files"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l := Detect(files(map[string]string{
				"README.md": "", "book/_toc.yml": tt.toc, "book/intro.md": "", "book/start/index.md": "", "book/start/install.md": "",
				"book/start/notebook.ipynb": "{}", "book/start/deep.Rmd": "",
			}))
			if l.Kind != JupyterBook || l.Home != "intro.md" {
				t.Fatalf("Detect = %s, home %q; want Jupyter Book, intro.md", l.Kind, l.Home)
			}
			if diff := cmp.Diff(tt.want, l.Nav); diff != "" {
				t.Errorf("entries (-want +got):\n%s", diff)
			}
			var got []string
			for _, d := range l.Diags {
				got = append(got, d.String())
			}
			if diff := cmp.Diff(tt.diags, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}

// TestJekyllCollections: a Jekyll site publishes a collection's documents
// at its permalink, /:collection/:path:output_ext by default: the folder's
// URL is what comes before :path, where that is literal segments and
// :collection; a permalink of other placeholders, a collection without
// its folder, and posts (whose URLs are dates) are left where they are.
func TestJekyllCollections(t *testing.T) {
	l := Detect(files(map[string]string{
		"_config.yml": `title: Guides
source: site
collections_dir: coll
collections:
  articles:
    output: true
    permalink: /:path/
  recipes:
    output: true
  people:
    permalink: /team/:collection/:path.html
  talks:
    permalink: /:year/:title/
  posts:
    permalink: /:path/
  missing:
    permalink: /:path/
`,
		"site/index.md": "", "site/coll/_articles/a.md": "", "site/coll/_recipes/r.md": "", "site/coll/_people/p.md": "",
		"site/coll/_talks/t.md": "", "site/coll/_posts/2020-01-01-x.md": "",
	}))
	want := map[string]string{"coll/_articles": "/", "coll/_recipes": "/recipes/", "coll/_people": "/team/people/"}
	if l.Kind != Jekyll || l.Root != "site" || !l.Kind.PublishesFolders() {
		t.Fatalf("Detect = %s, root %q", l.Kind, l.Root)
	}
	if diff := cmp.Diff(want, l.FolderURLs); diff != "" {
		t.Errorf("FolderURLs (-want +got):\n%s", diff)
	}
	for _, k := range []Kind{Baton, MdBook, GitBook, Markdown, JupyterBook} {
		if k.PublishesFolders() {
			t.Errorf("%s publishes folders: a link ending in / is a folder there", k)
		}
	}
	for k, want := range map[Kind]bool{Jekyll: true, Hugo: true, Eleventy: true, MkDocs: false, Baton: false, Markdown: false, Docusaurus: false} {
		if k.Permalinks() != want {
			t.Errorf("%s: Permalinks() = %v, want %v (a page published at its permalink:)", k, !want, want)
		}
	}
}

// TestMkDocsSectionIndexes: with Material's navigation.indexes, a section
// whose first entry is an index page listed without a title is that page
// (a caption over the rest otherwise); with navigation.sections, the top
// sections are captions always open.
func TestMkDocsSectionIndexes(t *testing.T) {
	nav := func(features string) []Entry {
		l := Detect(files(map[string]string{"mkdocs.yml": "site_name: H\ntheme:\n  name: material\n  features: [" + features + "]\nnav:\n" +
			"  - Setup:\n    - setup/index.md\n    - Laptop: setup/laptop.md\n  - Team:\n    - team/a.md\n"}))
		for i := range l.Nav {
			l.Nav[i].Pos = diag.Pos{}
			for j := range l.Nav[i].Children {
				l.Nav[i].Children[j].Pos = diag.Pos{}
			}
		}
		return l.Nav
	}
	for _, c := range []struct {
		features string
		want     []Entry
	}{
		{"", []Entry{
			{Title: "Setup", Children: []Entry{{Path: "setup/index.md"}, {Title: "Laptop", Path: "setup/laptop.md"}}},
			{Title: "Team", Children: []Entry{{Path: "team/a.md"}}},
		}},
		{"navigation.indexes, navigation.sections", []Entry{
			{Title: "Setup", Path: "setup/index.md", Children: []Entry{{Title: "Laptop", Path: "setup/laptop.md"}}},
			{Title: "Team", Part: true, Children: []Entry{{Path: "team/a.md"}}},
		}},
	} {
		if diff := cmp.Diff(c.want, nav(c.features), cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("features [%s]: nav (-want +got):\n%s", c.features, diff)
		}
	}
}
