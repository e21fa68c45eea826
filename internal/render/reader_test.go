package render

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
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

// meta returns the content of the page's meta element with that name or
// property, and whether it has one.
func meta(html, key string) (string, bool) {
	m := regexp.MustCompile(`<meta (?:name|property)="` + regexp.QuoteMeta(key) + `" content="([^"]*)"`).FindStringSubmatch(html)
	if m == nil {
		return "", false
	}
	return m[1], true
}

// TestMetadata: every page describes itself to search engines and to the
// previews of chat apps and social sites: its summary (or the site's
// description), Open Graph and Twitter card tags, a theme colour for each
// scheme; its absolute address only when the base URL gives one; and
// noindex in handbook.yaml keeps the whole site out of search engines.
func TestMetadata(t *testing.T) {
	const desc = "How we build products."
	for _, c := range []struct {
		base    string
		noindex bool
	}{{"/", false}, {"https://x.example/hb/", false}, {"https://x.example/hb/", true}} {
		cfg := "title: The Handbook\ndescription: " + desc + "\nbase_url: " + c.base + "\n"
		if c.noindex {
			cfg += "noindex: true\n"
		}
		out, _ := renderSite(t, readerSite(cfg))
		for _, want := range []struct{ path, title, desc, typ string }{
			{"index.html", "The Handbook", desc, "website"},
			{"guide/start/index.html", "Start here", "The first page to read.", "article"},
			{"guide/index.html", "Guide", "How we work.", "website"},
			{"roles/pm/index.html", "Product Manager", "Leads by influence.", "website"},
			{"responsibilities/plan/index.html", "Planning", "Plans the quarter.", "website"},
			{"paths/onboarding/index.html", "Onboarding", "Your first days.", "website"},
			{"tags/index.html", "Tags", desc, "website"},
			{"roles/index.html", "Roles", desc, "website"},
			{"search/index.html", "Search", desc, "website"},
		} {
			html := out[want.path]
			for key, v := range map[string]string{
				"description": want.desc, "og:description": want.desc, "twitter:description": want.desc,
				"og:title": want.title, "twitter:title": want.title, "og:site_name": "The Handbook",
				"og:type": want.typ, "twitter:card": "summary",
			} {
				if got, _ := meta(html, key); got != v {
					t.Errorf("%s (base %s): %s = %q, want %q", want.path, c.base, key, got, v)
				}
			}
			url, hasURL := meta(html, "og:url")
			canonical := regexp.MustCompile(`<link rel="canonical" href="([^"]*)">`).FindStringSubmatch(html)
			if abs := c.base != "/"; abs {
				want := c.base + strings.TrimSuffix(want.path, "index.html")
				if url != want || canonical == nil || canonical[1] != want {
					t.Errorf("%s: og:url %q, canonical %q, want both %q", want, url, canonical, want)
				}
			} else if hasURL || canonical != nil {
				t.Errorf("%s: og:url %q, canonical %q with a relative base URL: a preview would show a wrong address", want.path, url, canonical)
			}
			for _, scheme := range []string{"light", "dark"} {
				if !strings.Contains(html, `<meta name="theme-color" content="#`) || !strings.Contains(html, `media="(prefers-color-scheme: `+scheme+`)"`) {
					t.Errorf("%s: no theme-color for %s", want.path, scheme)
				}
			}
			robots, has := meta(html, "robots")
			if c.noindex != has || has && robots != "noindex" {
				t.Errorf("%s: noindex %v, robots meta %q", want.path, c.noindex, robots)
			}
		}
		robots := out["robots.txt"]
		if c.noindex != strings.Contains(robots, "Disallow: /\n") || c.noindex == strings.Contains(robots, "Allow: /\n") {
			t.Errorf("noindex %v: robots.txt is\n%s", c.noindex, robots)
		}
		if c.noindex && strings.Contains(robots, "Sitemap") {
			t.Errorf("noindex: robots.txt names a sitemap:\n%s", robots)
		}
		if _, has := meta(out["404.html"], "og:url"); has {
			t.Error("404.html has an og:url: it is shown at any address")
		}
	}
}

// TestPagesNameTheirHandbook: every page carries the handbook's title and
// its root, from which the theme's script keys what a reader keeps in the
// browser (TestStoragePerHandbook shows the behaviour).
func TestPagesNameTheirHandbook(t *testing.T) {
	out, _ := renderSite(t, readerSite("title: \"Ops & <Eng>\"\nbase_url: /hb/\n"))
	for p, html := range out {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		root := Rel("/"+p, "/")
		if p == "404.html" {
			root = "/hb/"
		}
		if want := `<html lang="en" data-root="` + root + `" data-handbook="Ops &amp; &lt;Eng&gt;">`; !strings.Contains(html, want) {
			t.Errorf("%s does not start with %s", p, want)
		}
	}
}

var footRE = regexp.MustCompile(`(?s)<nav class="path-foot"[^>]*data-path="onboarding"[^>]*>(.*?)</nav>`)

// TestPathFootLeadsOn: the foot of every step's page (a playbook, a role,
// a responsibility) leads to the path's previous and next steps, not the
// section's, and the last step's back to the path; the theme's script
// shows it to a reader following the path.
func TestPathFootLeadsOn(t *testing.T) {
	out, _ := renderSite(t, readerSite("title: T\n"))
	for _, c := range []struct {
		path string
		want []string
	}{
		{"guide/start/index.html", []string{`href="../../paths/onboarding/">Onboarding</a>`, `Step 1 of 3`, `rel="next" href="../../roles/pm/"><span>Next step</span>Product Manager</a>`}},
		{"roles/pm/index.html", []string{`Step 2 of 3`, `rel="prev" href="../../guide/start/"><span>Previous step</span>Start here</a>`, `rel="next" href="../../guide/next/"><span>Next step</span>Next</a>`}},
		{"guide/next/index.html", []string{`Step 3 of 3`, `rel="prev" href="../../roles/pm/"><span>Previous step</span>Product Manager</a>`, `href="../../paths/onboarding/"><span>Last step</span>Back to the path</a>`}},
	} {
		m := footRE.FindStringSubmatch(out[c.path])
		if m == nil {
			t.Errorf("%s has no foot for its reading path", c.path)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(m[1], w) {
				t.Errorf("%s: the path's foot lacks %s:\n%s", c.path, w, m[1])
			}
		}
	}
	if !strings.Contains(out["index.html"], `class="continue"`) || !strings.Contains(out["paths/onboarding/index.html"], `class="path-continue"`) {
		t.Error("the home page or the path's page has no place to continue from")
	}
}

// TestLevelsPages: a role with a career ladder shows it as a table on its
// page, and the levels page compares the ladders of every role that has
// one, row by row; a site without ladders has no levels page.
func TestLevelsPages(t *testing.T) {
	files := readerSite("title: T\n")
	for i, f := range files {
		switch f.Path {
		case "content/roles/pm.yaml":
			files[i].Data = append(f.Data, []byte("levels:\n  - id: apm\n    title: Associate PM\n    summary: A feature.\n    expectations: [Runs interviews.]\n  - id: pm\n    title: Product manager\n")...)
		case "content/roles/eng.yaml":
			files[i].Data = append(f.Data, []byte("levels:\n  - id: engineer\n    title: Engineer\n")...)
		}
	}
	out, _ := renderSite(t, files)
	if role := out["roles/pm/index.html"]; !strings.Contains(role, `<tr id="level-apm"><th scope="row">Associate PM</th><td><p>A feature.</p><ul><li>Runs interviews.</li></ul></td></tr>`) ||
		!strings.Contains(role, `href="../../levels/">Compare the levels of every role</a>`) {
		t.Errorf("the role's page lacks its levels:\n%s", role)
	}
	levels := out["levels/index.html"]
	for _, want := range []string{`<th scope="row">1</th><td><strong>Engineer</strong></td><td><strong>Associate PM</strong><br>A feature.</td>`, `<th scope="row">2</th><td></td><td><strong>Product manager</strong></td>`} {
		if !strings.Contains(levels, want) {
			t.Errorf("the levels page lacks %s:\n%s", want, levels)
		}
	}
	if out, _ := renderSite(t, readerSite("title: T\n")); out["levels/index.html"] != "" {
		t.Error("a site without ladders has a levels page")
	}
}

// sidebarOf returns the sidebar of a rendered page.
func sidebarOf(t *testing.T, html string) string {
	t.Helper()
	m := regexp.MustCompile(`(?s)<nav id="sidebar"[^>]*>(.*?)</nav>`).FindStringSubmatch(html)
	if m == nil {
		return ""
	}
	return m[1]
}

// TestKindSidebars: the sidebar of a role, responsibility, path or tag
// page, and of their index, lists that kind's pages with the current one
// marked, under its index; not the playbooks' folders.
func TestKindSidebars(t *testing.T) {
	files := append(readerSite("title: T\n"),
		corpus.File{Path: "content/paths/second.yaml", Data: []byte("title: Second path\nsteps:\n  - page: guide/next.md\n")},
		corpus.File{Path: "content/guide/more.md", Data: []byte("---\ntitle: More\ntags: [advanced]\n---\nx\n")},
	)
	out, _ := renderSite(t, files)
	for _, c := range []struct {
		path, index, current string
		others               []string
	}{
		{"roles/pm/index.html", `href="../">Roles</a>`, `href="./" aria-current="page">Product Manager</a>`, []string{`href="../eng/">Engineering</a>`}},
		{"roles/index.html", `href="./" aria-current="page">Roles</a>`, "", []string{`href="pm/">Product Manager</a>`, `href="eng/">Engineering</a>`}},
		{"responsibilities/plan/index.html", `href="../">Responsibilities</a>`, `href="./" aria-current="page">Planning</a>`, nil},
		{"paths/onboarding/index.html", `href="../">Reading paths</a>`, `href="./" aria-current="page">Onboarding</a>`, []string{`href="../second/">Second path</a>`}},
		{"paths/index.html", `href="./" aria-current="page">Reading paths</a>`, "", []string{`href="onboarding/">Onboarding</a>`}},
		{"tags/basics/index.html", `href="../">Tags</a>`, `href="./" aria-current="page">basics</a>`, []string{`href="../advanced/">advanced</a>`}},
	} {
		side := sidebarOf(t, out[c.path])
		for _, want := range append([]string{c.index, c.current}, c.others...) {
			if !strings.Contains(side, want) {
				t.Errorf("the sidebar of %s lacks %s:\n%s", c.path, want, side)
			}
		}
		if strings.Contains(side, ">Guide</a>") {
			t.Errorf("the sidebar of %s lists the playbooks' folders:\n%s", c.path, side)
		}
	}
	if side := sidebarOf(t, out["guide/start/index.html"]); !strings.Contains(side, ">Guide</a>") || strings.Contains(side, ">Product Manager</a>") {
		t.Errorf("a playbook's sidebar is no longer its folders:\n%s", side)
	}
}

// TestKindSidebarWindow: with more roles than the sidebar lists at one
// level, a role's sidebar lists a window around it and links to the
// roles' page for the rest, as a folder's does.
func TestKindSidebarWindow(t *testing.T) {
	files := readerSite("title: T\n")
	for i := range 40 {
		files = append(files, corpus.File{Path: fmt.Sprintf("content/roles/r%02d.yaml", i), Data: fmt.Appendf(nil, "title: Role %02d\nsummary: s\nweight: %d\n", i, i+10)})
	}
	out, _ := renderSite(t, files)
	side := sidebarOf(t, out["roles/r20/index.html"])
	if got := strings.Count(side, "<li>"); got != maxSiblings {
		t.Errorf("the sidebar of a role among 42 lists %d roles, want %d:\n%s", got, maxSiblings, side)
	}
	for _, want := range []string{`aria-current="page">Role 20</a>`, `more in Roles</a>`, `>Role 15</a>`, `>Role 25</a>`} {
		if !strings.Contains(side, want) {
			t.Errorf("the sidebar of role 20 lacks %s:\n%s", want, side)
		}
	}
}

// TestPrintViews: the whole handbook's print view holds the reading paths,
// their steps in order and linked within the view, and the matrix; each
// part of the handbook (the top folders, or the folders in the only one)
// and the roles are a part of the print view, linked from their page,
// holding only their pages, and no page is printed twice; the print view
// is not in the sitemap.
func TestPrintViews(t *testing.T) {
	out, _ := renderSite(t, append(readerSite("title: T\nbase_url: https://x.example/\n"),
		corpus.File{Path: "content/guide/deep/_index.md", Data: []byte("---\ntitle: Deep\n---\nA chapter.\n")},
		corpus.File{Path: "content/guide/deep/deeper/page.md", Data: []byte("---\ntitle: Deeper page\n---\nx\n")},
	))
	all := out["print/index.html"]
	paths := regexp.MustCompile(`(?s)<section class="print-page" id="p-paths">(.*?)</section>\s*</section>`).FindStringSubmatch(all)
	if paths == nil {
		t.Fatalf("the print view has no reading paths:\n%s", all)
	}
	steps := regexp.MustCompile(`<li><a href="#([^"]+)">([^<]+)</a>`).FindAllStringSubmatch(paths[1], -1)
	var got []string
	for _, s := range steps {
		got = append(got, s[2]+" #"+s[1])
		if !strings.Contains(all, ` id="`+s[1]+`"`) {
			t.Errorf("the step %s links to #%s, which the print view does not have", s[2], s[1])
		}
	}
	if want := []string{"Start here #p-guide-start", "Product Manager #p-roles-pm", "Next #p-guide-next"}; !slices.Equal(got, want) {
		t.Errorf("the path's steps in the print view: %q, want %q", got, want)
	}
	matrix := regexp.MustCompile(`(?s)<table class="print-matrix">(.*?)</table>`).FindStringSubmatch(all)
	if matrix == nil {
		t.Fatal("the print view has no matrix")
	}
	for _, want := range []string{`>Product Manager<`, `>Engineering<`, `id="p-responsibilities-plan"`, `>Planning `, `mark-lead`} {
		if !strings.Contains(matrix[1], want) {
			t.Errorf("the print view's matrix lacks %s:\n%s", want, matrix[1])
		}
	}

	// One top folder: its folders are the parts, printed from the one view.
	for file := range out {
		if strings.HasPrefix(file, "print/") && file != "print/index.html" {
			t.Errorf("%s: a part printed from a copy of its own prints its pages a second time", file)
		}
	}
	if got, want := partsOfView(all), []string{
		"part-guide-deep: p-guide-deep p-guide-deep-deeper p-guide-deep-deeper-page",
	}; !slices.Equal(got, want) {
		t.Errorf("the print view's parts: %q, want %q", got, want)
	}
	if !strings.Contains(all, `<section class="print-page print-part" id="p-roles"`) {
		t.Error("the roles are not a part the print view shows alone")
	}
	for page, link := range map[string]string{"guide/deep/index.html": `href="../../print/#part-guide-deep"`, "roles/index.html": `href="../print/#p-roles"`} {
		if !strings.Contains(out[page], link) {
			t.Errorf("%s has no print link (%s)", page, link)
		}
	}
	if strings.Contains(out["guide/index.html"], `print/#`) {
		t.Error("the only top folder links to a part of its own: it is the whole handbook")
	}

	// Two top folders: each is a part, and the folders in them none.
	two, _ := renderSite(t, append(readerSite("title: T\n"),
		corpus.File{Path: "content/guide/deep/_index.md", Data: []byte("---\ntitle: Deep\n---\nA chapter.\n")},
		corpus.File{Path: "content/more/page.md", Data: []byte("---\ntitle: More\n---\nx\n")},
	))
	if got, want := partsOfView(two["print/index.html"]), []string{
		"part-guide: p-guide p-guide-deep p-guide-next p-guide-start",
		"part-more: p-more p-more-page",
	}; !slices.Equal(got, want) {
		t.Errorf("the print view's parts: %q, want %q", got, want)
	}
	if !strings.Contains(two["guide/index.html"], `href="../print/#part-guide"`) || !strings.Contains(two["more/index.html"], `href="../print/#part-more"`) {
		t.Error("a top folder's page has no print link")
	}
	if strings.Contains(out["sitemap.xml"], "/print/") {
		t.Errorf("the sitemap lists a print view:\n%s", out["sitemap.xml"])
	}
}

// partsOfView lists a print view's parts, each as its id and the ids of
// the pages it holds.
func partsOfView(view string) []string {
	var parts []string
	for _, m := range regexp.MustCompile(`(?s)<section class="print-part" id="([^"]+)"(.*?)</div>\s*</section>\s*</section>`).FindAllStringSubmatch(view, -1) {
		part := m[1] + ":"
		for _, page := range regexp.MustCompile(`<section class="print-page" id="([^"]+)"`).FindAllStringSubmatch(m[2], -1) {
			part += " " + page[1]
		}
		parts = append(parts, part)
	}
	return parts
}

// TestPrintInParts: a handbook whose pages are too big to print in one
// file prints each part in a view of its own, which the whole view lists;
// no page is printed twice, and every link between them stays in the
// print views: the reading path's steps and a page's link into another
// part lead to the page in its part's view.
func TestPrintInParts(t *testing.T) {
	big := strings.Repeat("A long paragraph of words for the printed page. ", printSplitBytes/2/48+1)
	out, _ := renderSite(t, append(readerSite("title: T\n"),
		corpus.File{Path: "content/guide/long.md", Data: []byte("---\ntitle: Long\n---\n" + big + "\n\nSee [more](../more/page.md).\n")},
		corpus.File{Path: "content/more/page.md", Data: []byte("---\ntitle: More\n---\n" + big + "\n")},
	))
	all, guide, more := out["print/index.html"], out["print/guide/index.html"], out["print/more/index.html"]
	if guide == "" || more == "" {
		t.Fatalf("a part of a big handbook has no print view of its own: %v", slices.Sorted(maps.Keys(out)))
	}
	for _, id := range []string{"p-guide-start", "p-guide-long", "p-more-page"} {
		n := strings.Count(all+guide+more, `<section class="print-page" id="`+id+`"`)
		if n != 1 {
			t.Errorf("%s is printed %d times in the print views, want once", id, n)
		}
	}
	if !strings.Contains(guide, `id="p-guide-long"`) || strings.Contains(all, `id="p-guide-long"`) {
		t.Error("the guide's page is not in the guide's view alone")
	}
	for _, want := range []string{`<a href="guide/">Guide</a> (printed on its own)`, `<a href="more/">More</a> (printed on its own)`, `<a href="guide/#p-guide-start">Start here</a>`, `id="p-roles"`, `class="print-matrix"`} {
		if !strings.Contains(all, want) {
			t.Errorf("the whole view lacks %s", want)
		}
	}
	if !strings.Contains(guide, `href="../more/#p-more-page"`) {
		t.Error("a link into another part does not lead to the page in that part's view")
	}
	if strings.Contains(guide, `class="print-matrix"`) || strings.Contains(guide, `id="p-roles"`) {
		t.Error("a part's view holds the matrix or the roles, which the whole view holds")
	}
	if !strings.Contains(out["guide/index.html"], `href="../print/guide/"`) {
		t.Error("the guide's page does not link to its print view")
	}
}
