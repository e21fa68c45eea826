package corpus

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Hugo returns the same corpus as a Hugo site with a minimal theme that
// does what baton's does for a page: a sidebar of the current branch (the
// path from the root with the siblings at each level), breadcrumbs, a table
// of contents, previous and next, and the page's roles and tags. Roles,
// responsibilities and tags are Hugo taxonomies, so their pages list the
// pages that reference them, as baton's do. Links are written as the
// relative URLs Hugo publishes, since Hugo does not rewrite links to .md
// files; code is highlighted by chroma with classes, as in baton.
//
// The sidebar is the same for every page of a section but for which link
// is the current page, so the theme renders it once per section with
// partialCached, and marks the current page with a per-page style rule:
// Hugo is not made to redo per page what it can cache. Images in
// content/static go to Hugo's static/, those beside pages stay there (a
// section's resources, published beside its pages as baton publishes
// them); the real shape turns on goldmark's unsafe for its raw HTML, as
// its handbook.yaml turns on unsafe_html.
func Hugo(opts Options) []File {
	g := newGen(opts)
	var files []File
	add := func(p string, data []byte) { files = append(files, File{Path: p, Data: data}) }
	config := hugoConfig
	if g.opts.Shape == Real {
		config = strings.Replace(config, "unsafe = false", "unsafe = true", 1)
		for k := range siteImages {
			add("static/"+siteImage(k), pngImage(k))
		}
	}
	add("hugo.toml", []byte(config))
	for _, name := range slices.Sorted(maps.Keys(hugoLayouts)) {
		add(name, []byte(hugoLayouts[name]))
	}
	add("static/style.css", []byte(hugoCSS))
	add("content/_index.md", []byte("---\ntitle: Synthetic Handbook\n---\n\nA generated handbook for benchmarks.\n"))
	add("content/playbooks/_index.md", []byte("---\ntitle: Playbooks\nweight: 1\n---\n\nEvery playbook.\n"))
	for i, r := range g.roles {
		var b bytes.Buffer
		fmt.Fprintf(&b, "---\ntitle: %s\nsummary: What %s does, in one sentence.\nweight: %d\n---\n\n", r.title, strings.ToLower(r.title), i)
		fmt.Fprintf(&b, "## Owns\n\n- %s\n\n## Influences\n\n- %s\n\n## Needs\n\n- %s\n\n## Responsibilities\n\n", title(g.words(4)), title(g.words(4)), title(g.words(4)))
		for _, rs := range r.resps {
			fmt.Fprintf(&b, "- [%s](../../responsibilities/%s/) (%s, %s): %s.\n", rs.title, rs.id, rs.kind, rs.stage, title(g.words(8)))
		}
		add("content/roles/"+r.id+"/_index.md", b.Bytes())
		// Each responsibility has its page, as in baton, even when no
		// page names it (the role page links to it).
		for _, rs := range r.resps {
			add("content/responsibilities/"+rs.id+"/_index.md", fmt.Appendf(nil, "---\ntitle: %s\nsummary: A %s of the %s stage, led by %s.\n---\n", rs.title, rs.kind, rs.stage, strings.ToLower(r.title)))
		}
	}
	for k := range 3 {
		var b bytes.Buffer
		fmt.Fprintf(&b, "---\ntitle: Reading path %d\nsummary: A generated path.\n---\n\n", k+1)
		for s := range min(6, len(g.pages)) {
			j := (k*97 + s*31) % len(g.pages)
			fmt.Fprintf(&b, "%d. [%s](%s): Step %d.\n", s+1, g.pages[j].title, relURL(fmt.Sprintf("/paths/path-%d/", k+1), g.pages[j].url), s+1)
		}
		add(fmt.Sprintf("content/paths/path-%d.md", k+1), b.Bytes())
	}
	g.writePages(add, true)
	return files
}

const hugoConfig = `baseURL = "/"
title = "Synthetic Handbook"
languageCode = "en"
disableKinds = ["RSS"]

[taxonomies]
  tag = "tags"
  role = "roles"
  responsibility = "responsibilities"

[markup.highlight]
  noClasses = false
  guessSyntax = false

[markup.goldmark.renderer]
  unsafe = false

[markup.goldmark.extensions]
  definitionList = true
  footnote = true
  typographer = true

[markup.tableOfContents]
  startLevel = 2
  endLevel = 3
`

var hugoLayouts = map[string]string{
	"layouts/_default/baseof.html": `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ .Site.Title }}{{ else }}{{ .Title }} · {{ .Site.Title }}{{ end }}</title>
{{ with .Params.summary }}<meta name="description" content="{{ . }}">{{ end }}
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
<style>.sidebar a[href="{{ .RelPermalink }}"]{font-weight:700}</style>
</head>
<body>
{{ partialCached "header.html" . }}
<div class="layout">
<nav class="sidebar" aria-label="Sections">{{ partialCached "sidebar.html" .CurrentSection .CurrentSection.RelPermalink }}</nav>
<main>
<nav class="crumbs"><ol>{{ range .Ancestors.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}<li><span aria-current="page">{{ .Title }}</span></li></ol></nav>
{{ block "main" . }}{{ end }}
</main>
</div>
<footer class="site-footer"><p>{{ .Site.Title }}</p></footer>
</body>
</html>
`,
	"layouts/partials/header.html": `<header class="site-header"><a class="brand" href="{{ "/" | relURL }}">{{ site.Title }}</a>
<nav><a href="{{ "/roles/" | relURL }}">Roles</a> <a href="{{ "/responsibilities/" | relURL }}">Responsibilities</a> <a href="{{ "/tags/" | relURL }}">Tags</a></nav></header>`,
	// sidebar.html gets a section and lists the path from the root to it
	// with the siblings at each level, and its own pages: what every page
	// of the section shows.
	"layouts/partials/sidebar.html": `{{ partial "nav.html" (dict "sec" site.Home "cur" .) }}`,
	"layouts/partials/nav.html":     `<ul>{{ range .sec.Pages }}<li{{ if .IsSection }} class="nav-section"{{ end }}><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ if and .IsSection (or (eq . $.cur) ($.cur.IsDescendant .)) }}{{ partial "nav.html" (dict "sec" . "cur" $.cur) }}{{ end }}</li>{{ end }}</ul>`,
	"layouts/_default/single.html": `{{ define "main" }}
<div class="page-grid">
<article class="doc">
<h1>{{ .Title }}</h1>
{{ with .Params.summary }}<p class="lede">{{ . }}</p>{{ end }}
<p class="doc-meta">{{ .ReadingTime }} min read</p>
{{ with .GetTerms "roles" }}<ul class="chips">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
<div class="prose">{{ .Content }}</div>
{{ with .GetTerms "responsibilities" }}<h2>Responsibilities</h2><ul class="chips">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
{{ with .GetTerms "tags" }}<p class="tags">Tags: {{ range $i, $t := . }}{{ if $i }}, {{ end }}<a href="{{ $t.RelPermalink }}">{{ $t.LinkTitle }}</a>{{ end }}</p>{{ end }}
<nav class="prev-next">{{ with .NextInSection }}<a class="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ with .PrevInSection }}<a class="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
</article>
<nav class="toc" aria-label="On this page"><p class="toc-title">On this page</p>{{ .TableOfContents }}</nav>
</div>
{{ end }}
`,
	"layouts/_default/list.html": `{{ define "main" }}
<article class="doc">
<h1>{{ .Title }}</h1>
{{ with .Params.summary }}<p class="lede">{{ . }}</p>{{ end }}
{{ with .Content }}<div class="prose">{{ . }}</div>{{ end }}
<ul class="card-list">{{ range .Pages }}<li class="card"><a href="{{ .RelPermalink }}"><span class="card-title">{{ .Title }}</span>{{ with .Params.summary }}<span class="card-summary">{{ . }}</span>{{ end }}</a></li>{{ end }}</ul>
</article>
{{ end }}
`,
}

const hugoCSS = `body{font:16px/1.5 system-ui,sans-serif;margin:0}
.layout{display:grid;grid-template-columns:16rem 1fr;gap:2rem}
.sidebar ul{list-style:none;padding-left:1rem}
.page-grid{display:grid;grid-template-columns:1fr 14rem;gap:2rem}
.crumbs ol{list-style:none;display:flex;gap:.5rem;padding:0}
pre{overflow:auto;padding:1rem}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem}
`
