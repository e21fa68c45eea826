package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestBringYourHandbook builds a handbook of each layout baton reads as it
// is, with no baton settings: the first line names the layout, the build
// succeeds with its broken links as warnings, every page is published at
// the URL its tool gives it, the navigation file's order is the
// sidebar's, and nothing but pages and their images is published.
func TestBringYourHandbook(t *testing.T) {
	cases := []struct {
		name   string
		files  map[string]string
		line   string   // in the first line
		pages  []string // output files that must exist
		absent []string // output files that must not
		order  []string // titles, in the home page's sidebar order
	}{
		{"mkdocs", map[string]string{
			"mkdocs.yml":            "site_name: Ops handbook\nnav:\n  - index.md\n  - Zebra first: z.md\n  - a.md\nplugins:\n  - redirects:\n      redirect_maps:\n        old/alpha.md: a.md\n",
			"docs/index.md":         "# Welcome\n\nSee [A](a.md) and [gone](gone.md).\n",
			"docs/a.md":             "---\ndescription: About A.\nhide: [toc]\n---\n# Alpha\n\n![x](img/x.png)\n",
			"docs/z.md":             "Zed.\n",
			"docs/img/x.png":        "png",
			"docs/requirements.txt": "mkdocs",
			"README.md":             "# Repo readme, not a page\n",
		}, "as MkDocs: pages in docs/, order from mkdocs.yml", []string{"index.html", "a/index.html", "z/index.html", "img/x.png", "old/alpha/index.html"}, []string{"readme/index.html", "mkdocs.yml"}, []string{"Zebra first", "Alpha"}},
		{"mdbook", map[string]string{
			"book.toml":      "[book]\ntitle = \"The book\"\n",
			"src/SUMMARY.md": "# Summary\n\n[Intro](intro.md)\n\n- [Second](second.md)\n- [First](first.md)\n",
			"src/intro.md":   "# Intro\n",
			"src/first.md":   "# First\n",
			"src/second.md":  "# Second\n",
		}, "as mdBook: pages in src/, order from src/SUMMARY.md", []string{"intro/index.html", "first/index.html", "second/index.html"}, []string{"summary/index.html"}, []string{"Intro", "Second", "First"}},
		{"gitbook", map[string]string{
			"SUMMARY.md":                "# Table of contents\n\n* [Home](README.md)\n* [Team](team/README.md)\n  * [Rituals](team/rituals.md)\n",
			"README.md":                 "# Our handbook\n\n[Team](team/) and [rituals](team/rituals.md#weekly).\n",
			"team/README.md":            "# Team\n",
			"team/rituals.md":           "# Rituals\n\n## Weekly\n\n![board](../.gitbook/assets/board.png)\n",
			".gitbook/assets/board.png": "png",
			"package.json":              "{}",
			".gitbook.yaml":             "redirects:\n  people/rituals: team/rituals.md\n",
		}, "as GitBook: pages in the folder itself, order from SUMMARY.md", []string{"index.html", "team/index.html", "team/rituals/index.html", "gitbook/assets/board.png", "people/rituals/index.html"}, []string{"package.json", "summary/index.html"}, []string{"Team"}},
		{"eleventy", map[string]string{
			"README.md":        "# How to contribute, not a page\n",
			".eleventy.js":     "module.exports = function () {\n  return { dir: { input: \"pages\", output: \"_site\" } };\n};\n",
			"pages/index.md":   "---\ntitle: Handbook\n---\n[Leave](leave/)\n",
			"pages/leave.md":   "---\ntitle: Leave\nredirect_from:\n  - /time-off/\n---\nText.\n",
			"pages/old-pto.md": "---\ntitle: PTO\nredirect_to: /leave/\n---\n",
		}, "as Eleventy: pages in pages/", []string{"index.html", "leave/index.html", "time-off/index.html", "old-pto/index.html"}, []string{"readme/index.html", "pages/leave/index.html"}, nil},
		{"hugo", map[string]string{
			"hugo.toml":                    "title = 'Ops'\n[module]\n[[module.mounts]]\nsource = 'content/en'\ntarget = 'content'\n",
			"content/en/_index.md":         "# Ops\n\n![diagram](/img/flow.png) [Setup](/guide/setup/)\n",
			"content/en/guide/setup.md":    "# Setup\n",
			"static/img/flow.png":          "png",
			"layouts/_default/single.html": "{{ .Content }}",
		}, "as Hugo: pages in content/en/", []string{"index.html", "guide/setup/index.html", "img/flow.png"}, []string{"en/index.html", "static/img/flow.png"}, nil},
		{"hugo languages", map[string]string{
			"hugo.yaml":                "title: Ops\ndefaultContentLanguage: en\nlanguages:\n  en: {label: English}\n  ja: {label: 日本語}\n",
			"content/en/_index.md":     "# Ops\n\n[Setup](/docs/setup/)\n",
			"content/en/docs/setup.md": "# Setup\n\n[Home](/)\n",
			"content/ja/_index.md":     "# 運用\n\n[Setup](/docs/setup/) [設定](/ja/docs/setup/)\n",
			"content/ja/docs/setup.md": "# 設定\n",
		}, "as Hugo: pages in content/", []string{"index.html", "docs/setup/index.html", "ja/index.html", "ja/docs/setup/index.html"}, []string{"en/index.html", "en/docs/setup/index.html"}, nil},
		{"docusaurus", map[string]string{
			"docusaurus.config.js":         "module.exports = {};\n",
			"package.json":                 "{}",
			"docs/intro.mdx":               "---\nslug: /\ntitle: Welcome\n---\n\nSee [setup](guide/02_setup.markdown) and [again](guide/setup).\n",
			"docs/guide/index.mdx":         "---\nslug: /guide\n---\n# Guide\n",
			"docs/guide/02_setup.markdown": "# Setup\n",
			"docs/guide/_category_.json":   "{\"label\": \"Guide\"}\n",
			"docs/guide/deploy.md":         "---\nid: ship\nsidebar_label: Ship it\n---\n# Deploying\n",
			"docs/later/_category_.yml":    "label: Later on\nposition: 1\nlink:\n  type: generated-index\n  title: What comes later\n",
			"docs/later/x.md":              "# X\n",
			"sidebars.js":                  "module.exports = {\n  docs: [\n    'intro',\n    {type: 'category', label: 'Guide', link: {type: 'doc', id: 'guide/index'}, items: ['guide/ship', 'guide/setup']},\n  ],\n};\n",
		}, "as Docusaurus: pages in docs/, order from sidebars.js", []string{"index.html", "guide/index.html", "guide/setup/index.html", "guide/ship/index.html", "later/index.html"}, []string{"intro/index.html", "intro.mdx", "guide/index.mdx", "guide/02_setup.markdown", "guide/02_setup/index.html", "guide/deploy/index.html"}, []string{"Guide", "Later on"}},
		{"nuxt content", map[string]string{
			"README.md":             "# How to run the app, not a page\n",
			"docs/nuxt.config.ts":   "export default defineNuxtConfig({ modules: ['@nuxt/content'] })\n",
			"docs/content/index.md": "# Home\n\n[Install](/docs/getting-started/installation)\n",
			"docs/content/docs/1.getting-started/1.index.md":        "# Getting started\n",
			"docs/content/docs/1.getting-started/3.zeta.md":         "# Zeta\n",
			"docs/content/docs/1.getting-started/2.installation.md": "# Installation\n\n[Zeta](./zeta)\n",
			"docs/public/logo.svg":                                  "<svg/>",
		}, "as Nuxt Content: pages in docs/content/", []string{"index.html", "docs/getting-started/index.html", "docs/getting-started/installation/index.html", "docs/getting-started/zeta/index.html", "logo.svg"}, []string{"readme/index.html", "docs/getting-started/index/index.html", "docs/1.getting-started/index.html"}, nil},
		{"middleman", map[string]string{
			"README.md":                       "# How to run the site, not a page\n",
			"config.rb":                       "require 'govuk_tech_docs'\n",
			"config/tech-docs.yml":            "service_name: The Way\n",
			"source/index.html.md.erb":        "---\ntitle: The Way\n---\n[Go](/standards/go.html)\n",
			"source/standards/go.html.md.erb": "# Go\n",
			"source/images/x.png":             "png",
		}, "as Middleman: pages in source/", []string{"index.html", "standards/go/index.html", "images/x.png"}, []string{"readme/index.html", "standards/go.html.md.erb"}, nil},
		{"jekyll", map[string]string{
			"README.md":           "# How to run the site, not a page\n",
			"_config.yml":         "title: Playbook\nsource: src\npermalink: /:title/\n",
			"src/index.md":        "# Playbook\n\n[Values](/about/values/#ours)\n",
			"src/about/values.md": "# Values\n\n## Ours\n",
		}, "as Jekyll: pages in src/", []string{"index.html", "about/values/index.html"}, []string{"readme/index.html", "src/index.html"}, nil},
		{"jekyll collection", map[string]string{
			"README.md":               "# How to run the site, not a page\n",
			"_config.yml":             "title: Guides\ncollections:\n  articles:\n    output: true\n    permalink: /:path/\n",
			"index.html":              "---\nlayout: home\n---\n",
			"_articles/start.md":      "---\ntitle: Start\n---\n## Plan\n",
			"_articles/grow.md":       "---\ntitle: Grow\n---\n[Plan](../start/#plan)\n",
			"_articles/es/start.md":   "---\ntitle: Empezar\n---\n## Plan\n",
			"_articles/es/grow.md":    "---\ntitle: Crecer\n---\n[Plan](../start/#plan)\n",
			"_articles/es/nowhere.md": "---\ntitle: Nada\n---\n[Nada](../nada/)\n",
		}, "as Jekyll: pages in the folder itself", []string{"start/index.html", "grow/index.html", "es/start/index.html", "es/grow/index.html"}, []string{"_articles/start/index.html", "readme/index.html"}, nil},
		{"jupyter book", map[string]string{
			"README.md":             "# How to build the book, not a page\n",
			"CHANGELOG.md":          "# Changes, not a page\n",
			"docs/_config.yml":      "title: Field guide\nexecute:\n  execute_notebooks: off\n",
			"docs/_toc.yml":         "format: jb-book\nroot: intro\nparts:\n- caption: Basics\n  chapters:\n  - file: zeta\n  - file: alpha\n    sections:\n    - file: alpha/more\n",
			"docs/intro.md":         "# Welcome\n\n[Zeta](zeta.md)\n",
			"docs/zeta.md":          "# Zeta\n\n[Home](intro.md)\n",
			"docs/alpha.md":         "# Alpha\n",
			"docs/alpha/more.md":    "# More\n",
			"docs/notebook.ipynb":   "{}",
			"docs/images/chart.png": "png",
		}, "as Jupyter Book: pages in docs/, order from docs/_toc.yml", []string{"index.html", "zeta/index.html", "alpha/index.html", "alpha/more/index.html"}, []string{"intro/index.html", "readme/index.html", "changelog/index.html", "docs/index.html"}, []string{"Zeta", "Alpha"}},
		{"sphinx with myst", map[string]string{
			"README.md":         "# How to build the docs, not a page\n",
			"tests/fixture.md":  "# A test's input, not a page\n",
			"docs/conf.py":      "project = \"Team handbook\"\nextensions = [\"myst_parser\"]\n",
			"docs/index.md":     "# Welcome\n\nSee {ref}`the process <process>` and {numref}`fig-flow`.\n\n```{toctree}\n:caption: Team\n\nzeta\nalpha\n```\n",
			"docs/zeta.md":      "(process)=\n# Zeta\n\n```{figure} flow.png\n:name: fig-flow\n\nThe flow.\n```\n",
			"docs/alpha.md":     "# Alpha\n",
			"docs/images/x.png": "png",
		}, "as Sphinx (MyST): pages in docs/, order from docs/index.md", []string{"index.html", "zeta/index.html", "alpha/index.html"}, []string{"readme/index.html", "tests/fixture/index.html", "conf.py"}, []string{"Zeta", "Alpha"}},
		{"markdown", map[string]string{
			"README.md":         "# Company handbook\n\n* [Benefits](benefits.md)\n* [Working hours](working-hours)\n",
			"benefits.md":       "# Benefits\n\nText.\n",
			"working-hours.md":  "Hours.\n",
			"scripts/deploy.sh": "#!/bin/sh\n",
		}, "as a folder of Markdown: pages in the folder itself", []string{"index.html", "benefits/index.html", "working-hours/index.html"}, []string{"scripts/deploy.sh"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, text := range c.files {
				write(t, dir, name, text)
			}
			r := runIn(t, "build", dir)
			if r.code != exitOK {
				t.Fatalf("build: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
			}
			if first, _, _ := strings.Cut(r.stdout, "\n"); !strings.Contains(first, c.line) {
				t.Errorf("first line %q, want it to say %q", first, c.line)
			}
			out := filepath.Join(dir, "public")
			for _, p := range c.pages {
				if _, err := os.Stat(filepath.Join(out, p)); err != nil {
					t.Errorf("no %s in the output", p)
				}
			}
			for _, p := range c.absent {
				if _, err := os.Stat(filepath.Join(out, p)); err == nil {
					t.Errorf("%s was published", p)
				}
			}
			if c.order != nil {
				home, _ := os.ReadFile(filepath.Join(out, "index.html"))
				side := string(home)
				if i := strings.Index(side, `id="sidebar"`); i >= 0 {
					side, _, _ = strings.Cut(side[i:], "</nav>")
				}
				var titles []string
				for _, m := range regexp.MustCompile(`<a href="[^"]*"[^>]*>([^<]*)</a>`).FindAllStringSubmatch(side, -1) {
					for _, want := range c.order {
						if m[1] == want {
							titles = append(titles, m[1])
						}
					}
				}
				if strings.Join(titles, ",") != strings.Join(c.order, ",") {
					t.Errorf("sidebar order %q, want %q", titles, c.order)
				}
			}
		})
	}
}

// TestAstroPublic builds an Astro site whose public/ holds the files it
// publishes as they are: read, not taken for baton's output, which goes
// to dist/ unless told where; an output in public/ is refused, and
// check and serve read it too.
func TestAstroPublic(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "astro.config.mjs", "export default {};\n")
	write(t, dir, "src/content/docs/index.md", "# Docs\n\n![logo](/img/logo.svg)\n")
	write(t, dir, "public/img/logo.svg", "<svg/>")
	write(t, dir, "public/robots.txt", "User-agent: *\n")
	if r := runIn(t, "build", dir); r.code != exitOK {
		t.Fatalf("build: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, p := range []string{"dist/index.html", "dist/img/logo.svg", "dist/robots.txt"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			t.Errorf("no %s", p)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "public", ".baton-output")); err == nil {
		t.Errorf("the build wrote into public/")
	}
	if r := runIn(t, "build", dir, "--out", filepath.Join(dir, "public")); r.code != exitUsage {
		t.Errorf("build --out public: exit %d, want %d\n%s%s", r.code, exitUsage, r.stdout, r.stderr)
	}
	if r := runIn(t, "check", dir); r.code != exitOK {
		t.Errorf("check: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestMigrationReport ends check of a handbook written for another tool
// with what moving it leaves to do, in text and as JSON; a baton
// handbook's check has no report.
func TestMigrationReport(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "mkdocs.yml", "site_name: H\n")
	write(t, dir, "docs/index.md", "# Home\n\n[a](a.md) [b](b.md) [c](index.md#nope)\n")
	r := runIn(t, "check", dir)
	if r.code != exitOK || !strings.Contains(r.stdout, "Moving to baton: read as MkDocs, pages in docs/; 1 pages, 0 errors, 3 warnings.") ||
		!strings.Contains(r.stdout, "broken links: 2, in 1 file: docs/index.md (2)") || !strings.Contains(r.stdout, "links to missing headings: 1") {
		t.Errorf("check: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = runIn(t, "check", dir, "--format", "json")
	last := strings.TrimSpace(r.stdout)
	last = last[strings.LastIndex(last, "\n")+1:]
	if !strings.HasPrefix(last, `{"report":{"layout":"MkDocs, pages in docs/","pages":1,"errors":0,"warnings":3,"kinds":[{"code":"broken-link"`) {
		t.Errorf("check --format json ends with %s", last)
	}
	if r := runIn(t, "check", "--strict", dir); r.code != exitContent {
		t.Errorf("check --strict: exit %d, want 1", r.code)
	}
	baton := t.TempDir()
	write(t, baton, "content/handbook.yaml", "title: H\n")
	write(t, baton, "content/_index.md", "---\ntitle: H\n---\n")
	if r := runIn(t, "check", baton); strings.Contains(r.stdout, "Moving to baton") {
		t.Errorf("a baton handbook's check has a report:\n%s", r.stdout)
	}
}

// TestLayoutWarnings: the problems of a layout's own files (mkdocs.yml
// here) are reported like a page's, with their position.
func TestLayoutWarnings(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "mkdocs.yml", "site_name: H\nnav: index.md\n")
	write(t, dir, "docs/index.md", "# Home\n")
	r := runIn(t, "build", dir)
	if r.code != exitOK || !strings.Contains(r.stdout+r.stderr, "mkdocs.yml:2:6: warning: nav is not a list; the pages keep the order of their files") {
		t.Errorf("build: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
