package handbook

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/source"
)

// resolveFiles parses and resolves a site made of files (path → text),
// sorted by path as Resolve wants them.
func resolveFiles(t *testing.T, files map[string]string) (*Site, diag.List) {
	t.Helper()
	md := markdown.New(false)
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	var parsed []*Parsed
	for _, p := range paths {
		data := []byte(files[p])
		parsed = append(parsed, Parse(source.File{Path: p, Data: data, Size: int64(len(data))}, md))
	}
	return Resolve(strictConfig(), parsed, Options{})
}

// strictConfig is the configuration of a baton handbook, with
// handbook.yaml: broken links are errors.
func strictConfig() config.Config {
	cfg := config.Default()
	cfg.Strict, cfg.Links = true, config.LinksError
	return cfg
}

// pageAt returns the page made from file.
func pageAt(t *testing.T, site *Site, file string) *Page {
	t.Helper()
	for _, p := range site.Pages {
		if p.File == file {
			return p
		}
	}
	t.Fatalf("no page from %s", file)
	return nil
}

// TestLinksToSections: a link to a folder reaches its section page in
// every spelling a git host or another generator accepts, and a fragment
// names a heading of the folder's _index.md (folder/#heading never
// resolved: the anchors were looked up on the folder, which has none).
func TestLinksToSections(t *testing.T) {
	links := []struct {
		dest string
		want Href
	}{
		{"guide/", Href{URL: "/guide/"}},
		{"guide", Href{URL: "/guide/"}},
		{"guide/#setup", Href{URL: "/guide/", Fragment: "setup"}},
		{"guide#setup", Href{URL: "/guide/", Fragment: "setup"}},
		{"guide/_index.md#setup", Href{URL: "/guide/", Fragment: "setup"}},
		{"./guide/#setup", Href{URL: "/guide/", Fragment: "setup"}},
		{"/guide/#setup", Href{URL: "/guide/", Fragment: "setup"}},
		{"guide/deep/#inner", Href{URL: "/guide/deep/", Fragment: "inner"}},
	}
	var body strings.Builder
	for _, l := range links {
		body.WriteString("[x](" + l.dest + ")\n\n")
	}
	site, diags := resolveFiles(t, map[string]string{
		"content/a.md":                  "---\ntitle: A\n---\n" + body.String(),
		"content/guide/_index.md":       "---\ntitle: Guide\n---\n## Setup\n",
		"content/guide/page.md":         "---\ntitle: Page\n---\nBack to [the guide](./#setup) and [up](../guide/#setup).\n",
		"content/guide/deep/_index.md":  "---\ntitle: Deep\n---\n## Inner\n",
		"content/guide/deep/child.md":   "---\ntitle: Child\n---\nSee [parent](../#setup).\n",
		"content/plain/page.md":         "---\ntitle: Plain\n---\nText.\n",
		"content/plain/another.md":      "---\ntitle: Another\n---\n[folder](./)\n",
		"content/guide/deep/sibling.md": "---\ntitle: Sibling\n---\n[here](#top)\n\n## Top\n",
	})
	if diags.HasErrors() {
		t.Fatalf("links to sections do not resolve:\n%v", diags)
	}
	a := pageAt(t, site, "content/a.md")
	for i, l := range links {
		if got := a.Hrefs[i]; got != l.want {
			t.Errorf("[x](%s) resolves to %+v, want %+v", l.dest, got, l.want)
		}
	}

	_, diags = resolveFiles(t, map[string]string{
		"content/a.md":            "---\ntitle: A\n---\n[x](guide/#setpu)\n\n[y](plain/#intro)\n",
		"content/guide/_index.md": "---\ntitle: Guide\n---\n## Setup\n",
		"content/plain/page.md":   "---\ntitle: Plain\n---\n## Intro\n",
	})
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	want := []string{
		`content/a.md:4:1: no heading #setpu in content/guide/_index.md (did you mean "setup"?)`,
		`content/a.md:6:1: no heading #intro in content/plain`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestBrokenLinkSuggestions: a link to a file that does not exist suggests
// the obvious fix, from an index built once (a build with thousands of
// broken links spent most of its time scanning every page for each):
// a near name in the same folder however large the folder, a missing
// extension, the same name in another folder when few folders have it.
func TestBrokenLinkSuggestions(t *testing.T) {
	files := map[string]string{
		"content/guide/setup.md":    "---\ntitle: Setup\n---\nS.\n",
		"content/guide/intro.md":    "---\ntitle: Intro\n---\nI.\n",
		"content/other/unique.md":   "---\ntitle: Unique\n---\nU.\n",
		"content/roles/design.yaml": "title: Design\nsummary: S.\n",
	}
	for i := range 300 {
		files[fmt.Sprintf("content/big/page-%03d.md", i)] = "---\ntitle: P\n---\nP.\n"
	}
	for _, d := range []string{"a", "b", "c", "d", "e"} {
		files["content/many/"+d+"/common.md"] = "---\ntitle: C\n---\nC.\n"
	}
	tests := []struct{ dest, want string }{
		{"guide/setpu.md", " (did you mean content/guide/setup.md?)"},
		{"guide/setpu", " (did you mean content/guide/setup.md?)"},
		{"roles/design", " (did you mean content/roles/design.yaml?)"},
		{"unique.md", " (did you mean content/other/unique.md?)"},
		{"guide/unique.md", " (did you mean content/other/unique.md?)"},
		{"big/pgae-042.md", " (did you mean content/big/page-042.md?)"},
		{"big/page-42.md", " (did you mean content/big/page-042.md?)"},
		{"big/page-042x.md", " (did you mean content/big/page-042.md?)"},
		{"big/zzz.md", ""},
		{"common.md", ""},
		{"nothing/like/it.md", ""},
	}
	var body strings.Builder
	for _, tt := range tests {
		body.WriteString("[x](" + tt.dest + ")\n\n")
	}
	files["content/a.md"] = "---\ntitle: A\n---\n" + body.String()
	_, diags := resolveFiles(t, files)
	got := map[int]string{}
	for _, d := range diags.Errors() {
		if d.Pos.File == "content/a.md" {
			got[d.Pos.Line] = d.Message
		}
	}
	for i, tt := range tests {
		line := 4 + 2*i
		file := path.Join("content", tt.dest)
		want := "link to " + file + ", which does not exist" + tt.want
		if got[line] != want {
			t.Errorf("[x](%s):\n got %q\nwant %q", tt.dest, got[line], want)
		}
	}
}

// TestLinkForms resolves a link in every form the tools handbooks come
// from accept, to the page it means on those tools' own sites.
func TestLinkForms(t *testing.T) {
	md := markdown.New(false)
	files := map[string]string{
		"content/guide/_index.md":       "---\ntitle: Guide\n---\n## Top\n",
		"content/guide/setup.md":        "---\ntitle: Setup\n---\n## Install\n",
		"content/guide/intro.md":        "---\ntitle: Intro\n---\nI.\n",
		"content/notes.markdown":        "---\ntitle: Notes\n---\nN.\n",
		"content/static/img/x.png":      "",
		"content/.gitbook/assets/y.png": "",
		"content/roles/design.yaml":     "title: Design\nsummary: S.\n",
	}
	links := []struct{ dest, want string }{
		{".gitbook/assets/y.png", "/gitbook/assets/y.png"},
		{"guide/setup.md", "/guide/setup/"},
		{"guide/setup", "/guide/setup/"},
		{"guide/setup.html", "/guide/setup/"},
		{"guide/setup.md/", "/guide/setup/"},
		{"guide/setup.md#install", "/guide/setup/#install"},
		{"guide/", "/guide/"},
		{"guide", "/guide/"},
		{"guide/#top", "/guide/#top"},
		{"guide/index.html", "/guide/"},
		{"/guide/setup", "/guide/setup/"},
		{"/guide/setup/", "/guide/setup/"},
		{"notes", "/notes/"},
		{"/img/x.png", "/img/x.png"},
		{"static/img/x.png", "/img/x.png"},
		{"/roles/design/", "/roles/design/"},
		{"roles/design.yaml", "/roles/design/"},
		{"/pm/guide/setup/", "/guide/setup/"},
	}
	var body strings.Builder
	for _, l := range links {
		body.WriteString("[x](" + l.dest + ")\n\n")
	}
	files["content/a.md"] = "---\ntitle: A\n---\n" + body.String()
	// A link written relative to the page's URL, as MkDocs and Hugo read
	// it: from /guide/setup/, ../intro/ is /guide/intro/.
	files["content/guide/setup.md"] += "\n[intro](../intro/)\n"
	paths := slices.Sorted(maps.Keys(files))
	var parsed []*Parsed
	for _, p := range paths {
		f := source.File{Path: p, Data: []byte(files[p]), Static: strings.HasSuffix(p, ".png")}
		parsed = append(parsed, Parse(f, md))
	}
	cfg := strictConfig()
	cfg.BaseURL = "https://x.example/pm/"
	site, diags := Resolve(cfg, parsed, Options{})
	if len(diags) != 0 {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	a := pageAt(t, site, "content/a.md")
	for i, l := range links {
		if got := a.Hrefs[i].URL + hashed(a.Hrefs[i].Fragment); got != l.want {
			t.Errorf("[x](%s) leads to %q, want %q", l.dest, got, l.want)
		}
	}
	if got := pageAt(t, site, "content/guide/setup.md").Hrefs[0].URL; got != "/guide/intro/" {
		t.Errorf("[intro](../intro/) from /guide/setup/ leads to %q, want /guide/intro/", got)
	}
}

func hashed(frag string) string {
	if frag == "" {
		return ""
	}
	return "#" + frag
}

// TestLenientPages reads a handbook written for another tool, without
// handbook.yaml: pages need no front matter, take their title from their
// first heading or their file name, their summary from description, keep
// keys baton does not know, and a folder's README.md or index.md is its
// page; a broken link is a warning, a typo of a known key still an error,
// and an empty title a warning (the heading's or file name's is used).
func TestLenientPages(t *testing.T) {
	md := markdown.New(false)
	files := map[string]string{
		"content/README.md":         "# Team handbook\n\nWelcome.\n",
		"content/how-we-work.md":    "Plain text, no title.\n\n[gone](nowhere.md)\n",
		"content/guide/index.md":    "---\ndescription: How to start.\nlayout: docs\nmenu: {main: {weight: 2}}\n---\n# Getting started\n\nText.\n",
		"content/guide/README.md":   "# Read me\n",
		"content/guide/step-one.md": "---\ntitle: Step one\n---\n# Step one\n\nBody.\n",
		"content/other/_index.md":   "---\ntitle: Other\n---\n",
		"content/other/index.md":    "# Index page\n",
		"content/typo.md":           "---\ntitel: Typo\n---\nT.\n",
		"content/hugo.md":           "+++\ntitle = \"From Hugo\"\ndescription = \"In TOML.\"\nweight = 3\n[menu.main]\nparent = \"x\"\n+++\nBody.\n",
		"content/bad-toml.md":       "+++\ntitle = \n+++\nBody.\n",
		"content/bad-yaml.md":       "---\ndescription: Use it when: asked\n---\n# Still a page\n",
		"content/latin1.md":         "# Caf\xe9 notes\n",
		"content/no-title.md":       "---\ntitle: # left for a linter\n---\n# From the heading\n",
		"content/empty-title.md":    "---\ntitle: \"\"\n---\nNo heading.\n",
	}
	paths := slices.Sorted(maps.Keys(files))
	var parsed []*Parsed
	for _, p := range paths {
		parsed = append(parsed, ParseWith(source.File{Path: p, Data: []byte(files[p])}, md, ParseOptions{Lenient: true}))
	}
	site, diags := Resolve(config.Default(), parsed, Options{})
	want := []string{
		`content/bad-toml.md:2:1: warning: invalid TOML front matter: toml: line 1 (last key "title"): expected value but found '\n' instead; the page is built without its front matter`,
		`content/bad-yaml.md:2:1: warning: invalid YAML: mapping values are not allowed in this context; the page is built without its front matter`,
		`content/empty-title.md:2:8: warning: title is empty; the page's heading or file name is its title`,
		`content/how-we-work.md:3:1: warning: link to content/nowhere.md, which does not exist`,
		`content/latin1.md:1:6: warning: invalid UTF-8 (shown as �; save the file as UTF-8)`,
		`content/no-title.md:2:7: warning: title is empty; the page's heading or file name is its title`,
		`content/typo.md:2:1: warning: unknown key "titel" (did you mean "title"?)`,
	}
	var got []string
	for _, d := range diags.Sort() {
		got = append(got, d.String())
	}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, c := range []struct{ file, url, title, summary string }{
		{"content/README.md", "/", "Team handbook", "Welcome."},
		{"content/how-we-work.md", "/how-we-work/", "How we work", "Plain text, no title."},
		{"content/guide/index.md", "/guide/", "Getting started", "How to start."},
		{"content/guide/README.md", "/guide/readme/", "Read me", ""},
		{"content/guide/step-one.md", "/guide/step-one/", "Step one", "Body."},
		{"content/other/_index.md", "/other/", "Other", ""},
		{"content/other/index.md", "/other/index/", "Index page", ""},
		{"content/hugo.md", "/hugo/", "From Hugo", "In TOML."},
		{"content/bad-yaml.md", "/bad-yaml/", "Still a page", ""},
		{"content/latin1.md", "/latin1/", "Caf� notes", ""},
		{"content/no-title.md", "/no-title/", "From the heading", ""},
		{"content/empty-title.md", "/empty-title/", "Empty title", "No heading."},
	} {
		p := pageAt(t, site, c.file)
		if p.URL != c.url || p.Title != c.title || c.summary != "" && p.Summary != c.summary {
			t.Errorf("%s: %s %q %q; want %s %q %q", c.file, p.URL, p.Title, p.Summary, c.url, c.title, c.summary)
		}
		if p.Doc.LeadTitle() != "" {
			t.Errorf("%s: its title is still in its body", c.file)
		}
	}
	if strict := ParseWith(source.File{Path: "content/no-title.md", Data: []byte(files["content/no-title.md"])}, md, ParseOptions{}); strict.Diags.Err() == nil {
		t.Errorf("an empty title in a baton handbook: %v, want an error", strict.Diags)
	}
	if p := pageAt(t, site, "content/guide/index.md"); p.Params["layout"] != "docs" || p.Params["menu"] == nil || p.Params["description"] != nil {
		t.Errorf("params = %v", p.Params)
	}
}

// TestNavOrder orders pages as the navigation file lists them (mkdocs.yml,
// SUMMARY.md), pages it does not list after, and gives a page without a
// title of its own the title the file gives.
func TestNavOrder(t *testing.T) {
	md := markdown.New(false)
	files := map[string]string{
		"content/README.md":   "# Home\n",
		"content/a.md":        "# Alpha\n",
		"content/b.md":        "No title here.\n",
		"content/z/x.md":      "# Deep\n",
		"content/unlisted.md": "# Aardvark\n",
	}
	var parsed []*Parsed
	for _, p := range slices.Sorted(maps.Keys(files)) {
		parsed = append(parsed, ParseWith(source.File{Path: p, Data: []byte(files[p])}, md, ParseOptions{Lenient: true}))
	}
	nav := map[string]NavEntry{
		"content/README.md": {Order: 1},
		"content/b.md":      {Order: 2, Title: "Bee"},
		"content/z/x.md":    {Order: 3, Title: "Ignored: x has its own"},
		"content/a.md":      {Order: 4},
	}
	site, diags := Resolve(config.Default(), parsed, Options{Nav: nav})
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	var got []string
	for _, p := range site.Root.Children {
		got = append(got, p.Title)
	}
	if want := []string{"Bee", "Z", "Alpha", "Aardvark"}; !slices.Equal(got, want) {
		t.Errorf("order %q, want %q", got, want)
	}
	if p := pageAt(t, site, "content/z/x.md"); p.Title != "Deep" {
		t.Errorf("z/x.md title %q", p.Title)
	}
}

// TestHomePage: the page a navigation file names first as the book's
// root (Jupyter Book's root: intro) is the home page, in place of a
// README.md (published as a page of its own), and links to it lead to the
// site's root; an index.md beside it stays the home page, and a home page
// that is not there, or not in content/ itself, leaves it to them.
func TestHomePage(t *testing.T) {
	md := markdown.New(false)
	for _, tt := range []struct {
		name  string
		files []string
		home  string
		want  string // the home page's file
	}{
		{"root page", []string{"content/intro.md", "content/a.md"}, "content/intro.md", "content/intro.md"},
		{"root page and a README", []string{"content/README.md", "content/intro.md", "content/a.md"}, "content/intro.md", "content/intro.md"},
		{"an index.md", []string{"content/index.md", "content/intro.md", "content/a.md"}, "content/intro.md", "content/index.md"},
		{"no such page", []string{"content/README.md", "content/a.md"}, "content/intro.md", "content/README.md"},
		{"in a folder", []string{"content/README.md", "content/x/intro.md", "content/a.md"}, "content/x/intro.md", "content/README.md"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var parsed []*Parsed
			for _, p := range slices.Sorted(slices.Values(tt.files)) {
				src := []byte("# " + path.Base(p) + "\n\n[root](/" + strings.TrimPrefix(tt.home, "content/") + ")\n")
				parsed = append(parsed, ParseWith(source.File{Path: p, Data: src}, md, ParseOptions{Lenient: true}))
			}
			site, diags := Resolve(config.Default(), parsed, Options{Home: tt.home})
			if site.Home == nil || site.Home.File != tt.want || site.Home.URL != "/" {
				t.Fatalf("home = %+v, want %s at /", site.Home, tt.want)
			}
			if a := pageAt(t, site, "content/a.md"); tt.want == tt.home && (len(a.Hrefs) != 1 || a.Hrefs[0].URL != "/") {
				t.Errorf("a.md's link to %s = %+v, want /; %v", tt.home, a.Hrefs, diags)
			}
			if slices.Contains(tt.files, "content/README.md") && tt.want != "content/README.md" {
				if p := pageAt(t, site, "content/README.md"); p.URL != "/readme/" {
					t.Errorf("README.md at %s, want /readme/", p.URL)
				}
			}
		})
	}
}

// TestUnlinkedFilesNotPublished publishes, of the files beside the pages
// of a handbook written for another tool, the assets and what a page links
// to, not the rest of its repository; a baton handbook publishes all of
// content/.
func TestUnlinkedFilesNotPublished(t *testing.T) {
	md := markdown.New(false)
	files := map[string]string{
		"content/README.md":      "# H\n\n[sample](code/sample.rb) ![x](img/x.png)\n",
		"content/code/sample.rb": "puts 1\n",
		"content/code/other.rb":  "puts 2\n",
		"content/img/x.png":      "png",
		"content/img/unused.png": "png",
		"content/mkdocs.yml":     "site_name: x\n",
	}
	for _, strict := range []bool{false, true} {
		var parsed []*Parsed
		for _, p := range slices.Sorted(maps.Keys(files)) {
			f := source.File{Path: p, Data: []byte(files[p]), Static: !strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, ".yml")}
			parsed = append(parsed, ParseWith(f, md, ParseOptions{Lenient: !strict}))
		}
		cfg := config.Default()
		if strict {
			cfg = strictConfig()
		}
		site, _ := Resolve(cfg, parsed, Options{})
		var got []string
		for _, s := range site.Static {
			got = append(got, s.URL)
		}
		want := []string{"/code/sample.rb", "/img/unused.png", "/img/x.png"}
		if strict {
			want = []string{"/code/other.rb", "/code/sample.rb", "/img/unused.png", "/img/x.png"}
		}
		if !slices.Equal(got, want) {
			t.Errorf("strict %v: published %q, want %q", strict, got, want)
		}
	}
}

// TestPageBeforeFileOfItsName keeps a page at its URL where a file beside
// it has the same name but for case (OWNERS beside owners.md, as in
// kubernetes/community): the page is published and in its folder's list;
// a page that loses its URL to another is in no list (the print view took
// it, with no links resolved, and failed).
func TestPageBeforeFileOfItsName(t *testing.T) {
	md := markdown.New(false)
	files := map[string]string{
		"content/guide/OWNERS":    "approvers: [a]\n",
		"content/guide/owners.md": "# Owners\n\nSee [the guide](README.md).\n",
		"content/guide/README.md": "# Guide\n",
		"content/x.md":            "# X\n",
		"content/x/README.md":     "# X folder\n",
	}
	var parsed []*Parsed
	for _, p := range slices.Sorted(maps.Keys(files)) {
		parsed = append(parsed, ParseWith(source.File{Path: p, Data: []byte(files[p]), Static: p == "content/guide/OWNERS"}, md, ParseOptions{Lenient: true}))
	}
	site, _ := Resolve(config.Default(), parsed, Options{})
	owners := pageAt(t, site, "content/guide/owners.md")
	if owners.URL != "/guide/owners/" || len(owners.Hrefs) != 1 || owners.Hrefs[0].URL != "/guide/" {
		t.Errorf("owners.md: %s %v", owners.URL, owners.Hrefs)
	}
	for _, p := range site.Order {
		if p.File == "content/x/README.md" {
			t.Errorf("x/README.md lost its URL to x.md, yet is in the reading order")
		}
	}
}

// TestLenientNames builds a handbook written for another tool whose names
// baton cannot take as they are: a slug on a folder's page and a slug
// that is a whole path (as Docusaurus writes them), a page and a folder
// named with characters a URL gives a meaning of its own (a page called
// %.md), and a file beside them so named. Each is a warning and the page
// or file is published; in a baton handbook each is an error.
func TestLenientNames(t *testing.T) {
	files := map[string]string{
		"content/README.md":         "# Home\n\n[percent](cmd/%25.md) [hash](odd%23dir/page.md)\n",
		"content/guide/index.md":    "---\nslug: /guide\n---\n# Guide\n",
		"content/guide/setup.md":    "---\nslug: /guide/install/setup\n---\n# Setup\n",
		"content/guide/renamed.md":  "---\nslug: moved\n---\n# Renamed\n",
		"content/cmd/%.md":          "# %\n",
		"content/odd#dir/page.md":   "# In an odd folder\n",
		"content/odd#dir/deeper.md": "# Deeper\n",
		"content/odd#dir/a%b#c.txt": "a fixture",
	}
	parsed := parseLenient(files)
	site, diags := Resolve(config.Default(), parsed, Options{})
	want := []string{
		`content/cmd/%.md: warning: file name "%.md" cannot be a URL; the page is at /cmd/-/`,
		`content/guide/index.md:2:7: warning: slug is for pages; a section's URL comes from its folder name; the page keeps the URL of its file`,
		`content/guide/setup.md:2:7: warning: slug "/guide/install/setup" must be one URL segment of letters, digits, hyphens, underscores or dots, not . or ..; the page keeps the URL of its file`,
		`content/odd#dir: warning: folder name "odd#dir" cannot be a URL; its pages are at /odd-dir/`,
		`content/odd#dir/a%b#c.txt: warning: file name "odd#dir/a%b#c.txt" cannot be a URL; the file is at /odd-dir/a-b-c.txt`,
	}
	var got []string
	for _, d := range diags.Sort() {
		got = append(got, d.String())
	}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for file, url := range map[string]string{
		"content/guide/index.md":    "/guide/",
		"content/guide/setup.md":    "/guide/setup/",
		"content/guide/renamed.md":  "/guide/moved/",
		"content/cmd/%.md":          "/cmd/-/",
		"content/odd#dir/page.md":   "/odd-dir/page/",
		"content/odd#dir/deeper.md": "/odd-dir/deeper/",
	} {
		if p := pageAt(t, site, file); p.URL != url {
			t.Errorf("%s: URL %s, want %s", file, p.URL, url)
		}
	}
	var hrefs []string
	for _, h := range pageAt(t, site, "content/README.md").Hrefs {
		hrefs = append(hrefs, h.URL)
	}
	if want := []string{"/cmd/-/", "/odd-dir/page/"}; !slices.Equal(hrefs, want) {
		t.Errorf("links lead to %q, want %q", hrefs, want)
	}

	cfg := config.Default()
	cfg.Strict = true
	_, diags = Resolve(cfg, parsed, Options{})
	got = got[:0]
	for _, d := range diags.Sort() {
		if d.Severity == diag.Error {
			got = append(got, d.String())
		}
	}
	want = []string{
		`content/cmd/%.md: file name "%.md" cannot be a URL`,
		`content/guide/index.md:2:7: slug is for pages; a section's URL comes from its folder name`,
		`content/guide/setup.md:2:7: slug "/guide/install/setup" must be one URL segment of letters, digits, hyphens, underscores or dots, not . or ..`,
		`content/odd#dir/a%b#c.txt: file name "odd#dir/a%b#c.txt" cannot be published safely`,
		`content/odd#dir/deeper.md: folder name "odd#dir" cannot be a URL`,
		`content/odd#dir/page.md: folder name "odd#dir" cannot be a URL`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("strict errors:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestTemplateLinks: a link whose destination another tool's template
// makes (Hugo's shortcodes, Liquid's tags) says so, where it said the
// destination was not a valid path ("invalid URL escape").
func TestTemplateLinks(t *testing.T) {
	files := map[string]string{
		"content/README.md": "# Home\n\n[a] [b]({{site.baseurl}}/x.md) [x](x.md)\n\n[a]: <{{% eturl alias %}}>\n\n<p><a href=\"<%= x.url %>\">c</a></p>\n",
		"content/x.md":      "# X\n",
	}
	parsed := parseLenient(files)
	_, diags := Resolve(config.Default(), parsed, Options{})
	want := []string{
		`content/README.md:3:1: warning: link "{{% eturl alias %}}" is made by a template tag, which baton does not run; the link leads nowhere`,
		`content/README.md:7:7: warning: link "<%= x.url %>" is made by a template tag, which baton does not run; the link leads nowhere`,
	}
	var got []string
	for _, d := range diags.Sort() {
		if strings.Contains(d.Message, "link") {
			got = append(got, d.String())
			if d.Code != diag.Unrendered {
				t.Errorf("%s: code %q, want %q", d, d.Code, diag.Unrendered)
			}
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCrossReferences: in a handbook written for another tool, a link
// that reads as a URL of an unknown scheme without // after the colon is
// a MyST or Sphinx label (content:figures), or with inv: an intersphinx
// reference, and is warned of as such, not as a scheme; a real scheme
// (javascript:, data:, or one with //) stays refused as one, and in a
// baton handbook every unknown scheme is.
func TestCrossReferences(t *testing.T) {
	files := map[string]string{
		"content/README.md": "# Home\n\n[a](content:figures) [b](inv:sphinx#usage) [c](javascript:alert%281%29) [d](data:text/html,x) [e](hhttps://x.example) [f](pdf:latex#part) [g](Mailto:a@example.com)\n",
	}
	want := []struct {
		code diag.Code
		text string
	}{
		{diag.Unrendered, `content/README.md:3:1: warning: link "content:figures" is a label (a MyST or Sphinx cross-reference to a target written (label)= before a heading), which baton does not resolve; the link leads nowhere`},
		{diag.Unrendered, `content/README.md:3:22: warning: link "inv:sphinx#usage" is an intersphinx reference (MyST's inv:, a page of another project's documentation), which baton does not resolve; the link leads nowhere`},
		{diag.BrokenLink, `content/README.md:3:44: warning: link uses the URL scheme "javascript:"; only http, https, mailto, tel are allowed`},
		{diag.BrokenLink, `content/README.md:3:73: warning: link uses the URL scheme "data:"; only http, https, mailto, tel are allowed`},
		{diag.BrokenLink, `content/README.md:3:95: warning: link uses the URL scheme "hhttps:"; only http, https, mailto, tel are allowed`},
		{diag.Unrendered, `content/README.md:3:119: warning: link "pdf:latex#part" is a label (a MyST or Sphinx cross-reference to a target written (label)= before a heading), which baton does not resolve; the link leads nowhere`},
	}
	_, diags := Resolve(config.Default(), parseLenient(files), Options{})
	diags = diags.Sort()
	if len(diags) != len(want) {
		t.Fatalf("diagnostics:\n%v\nwant %d", diags, len(want))
	}
	for i, d := range diags {
		if d.String() != want[i].text || d.Code != want[i].code {
			t.Errorf("got %s (%s)\nwant %s (%s)", d, d.Code, want[i].text, want[i].code)
		}
	}
	_, diags = resolveFiles(t, map[string]string{"content/README.md": "---\ntitle: Home\n---\n" + files["content/README.md"]})
	if len(diags) != 6 {
		t.Errorf("in a baton handbook: %v, want 6 errors", diags)
	}
	for _, d := range diags {
		if !strings.Contains(d.Message, "URL scheme") || d.Severity != diag.Error {
			t.Errorf("in a baton handbook: %s, want a URL scheme error", d)
		}
	}
}

// TestJekyllSiteRootAndPermalinks: in a handbook written for Jekyll, a
// link that starts with {{ site.baseurl }} (or {{ site.url }}) is a link
// from the site's root, and a page's literal permalink is a URL of it
// (links to it lead to the page, and it redirects there), taken only
// where nothing else is: a pattern (/:path/) and the home page's / are
// left alone, without a word. In a baton handbook neither is read.
func TestJekyllSiteRootAndPermalinks(t *testing.T) {
	files := map[string]string{
		"content/index.md":        "# Home\n\n[b]({{site.baseurl}}/b/) [c]({{ site.url }}{{ site.baseurl }}/c/#part) [d]({{ site.baseurl }}/nowhere/) [e]({{site.title}}/x) [f][f] [root]({{site.baseurl}})\n\n[f]: {{ site.baseurl }}/_pages/b/\n",
		"content/_pages/b.md":     "---\ntitle: B\npermalink: /b/\n---\nB.\n",
		"content/_pages/c.md":     "---\ntitle: C\npermalink: /c/\n---\n## Part\n",
		"content/_pages/p.md":     "---\ntitle: P\npermalink: /:path/\n---\nP.\n",
		"content/_pages/index.md": "---\ntitle: Pages\npermalink: /\n---\nAll.\n",
	}
	site, diags := Resolve(config.Default(), parseLenient(files), Options{})
	var got []string
	for _, d := range diags.Sort() {
		got = append(got, d.String())
	}
	want := []string{
		`content/index.md:3:72: warning: link to content/nowhere, which does not exist`,
		`content/index.md:3:105: warning: link "{{site.title}}/x" is made by a template tag, which baton does not run; the link leads nowhere`,
		`content/index.md:3:109: warning: 1 template tag ({% … %} or {{ … }}, as Liquid and Jekyll write them), which baton does not render (shown as text); the first is here`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var hrefs []string
	for _, h := range pageAt(t, site, "content/index.md").Hrefs {
		hrefs = append(hrefs, h.URL+"#"+h.Fragment)
	}
	if want := "/_pages/b/# /_pages/c/#part # # /_pages/b/# /#"; strings.Join(hrefs, " ") != want {
		t.Errorf("links = %s, want %s", strings.Join(hrefs, " "), want)
	}
	var redirects []string
	for _, rd := range site.Redirects {
		redirects = append(redirects, rd.From+" "+rd.To)
	}
	if want := "/b/ /_pages/b/,/c/ /_pages/c/"; strings.Join(redirects, ",") != want {
		t.Errorf("redirects = %s, want %s", strings.Join(redirects, ","), want)
	}

	strict := config.Default()
	strict.Strict = true
	site, diags = Resolve(strict, parseLenient(files), Options{})
	if !strings.Contains(fmt.Sprint(diags), `link "{{site.baseurl}}/b/" is made by a template tag`) || len(site.Redirects) != 0 {
		t.Errorf("strict: diagnostics %v and redirects %v, want the template tag and none", diags, site.Redirects)
	}
}

// TestMiddlemanPages reads pages named as Middleman names them, for the
// file they become and the template language run over them: the URL is
// the name without either, index.html.md.erb is its folder's page, and a
// link to the published x.html, or to the source, finds the page; an
// opening heading that only printed the title through a template is no
// title, and is left out.
func TestMiddlemanPages(t *testing.T) {
	files := map[string]string{
		"content/index.html.md.erb":                "---\ntitle: The Way\n---\n[Go](standards/go.html) [Ruby](/standards/ruby.html#style) [Tools](standards/tools.html.md) [All](standards/)\n",
		"content/standards/index.html.md.erb":      "# Standards\n",
		"content/standards/go.html.md.erb":         "# Go\n",
		"content/standards/ruby.html.md.erb":       "# Ruby\n\n## Style\n",
		"content/standards/tools.html.md":          "# Tools\n",
		"content/standards/Legacy.MD.ERB":          "# Legacy\n",
		"content/standards/go/modules.html.md.erb": "# Modules\n",
		"content/standards/layout.html.erb":        "<%= yield %>\n",
		"content/standards/erb.html.md.erb":        "---\ntitle: From front matter\n---\n# <%= current_page.data.title %>\n\nBody.\n",
		"content/standards/liquid.md":              "# {{ page.title }}\n\nBody.\n",
	}
	parsed := parseLenient(files)
	site, diags := Resolve(config.Default(), parsed, Options{})
	for _, d := range diags {
		if d.Code != diag.Unrendered {
			t.Errorf("diagnostic: %s", d)
		}
	}
	for file, url := range map[string]string{
		"content/index.html.md.erb":                "/",
		"content/standards/index.html.md.erb":      "/standards/",
		"content/standards/go.html.md.erb":         "/standards/go/",
		"content/standards/tools.html.md":          "/standards/tools/",
		"content/standards/Legacy.MD.ERB":          "/standards/legacy/",
		"content/standards/go/modules.html.md.erb": "/standards/go/modules/",
	} {
		if p := pageAt(t, site, file); p.URL != url {
			t.Errorf("%s: URL %s, want %s", file, p.URL, url)
		}
	}
	var hrefs []string
	for _, h := range pageAt(t, site, "content/index.html.md.erb").Hrefs {
		hrefs = append(hrefs, h.URL+"#"+h.Fragment)
	}
	if want := []string{"/standards/go/#", "/standards/ruby/#style", "/standards/tools/#", "/standards/#"}; !slices.Equal(hrefs, want) {
		t.Errorf("links lead to %q, want %q", hrefs, want)
	}
	for file, title := range map[string]string{"content/standards/erb.html.md.erb": "From front matter", "content/standards/liquid.md": "Liquid"} {
		if p := pageAt(t, site, file); p.Title != title || p.Doc.LeadTitle() != "" {
			t.Errorf("%s: title %q, lead heading %q; want %q and none", file, p.Title, p.Doc.LeadTitle(), title)
		}
	}
	if IsPageFile("content/standards/layout.html.erb") {
		t.Error("an ERB template that is not Markdown is a page")
	}
}

// TestSidebarPosition orders the pages of a Docusaurus docs folder by
// their sidebar_position, as its sidebars do when no file lists them; a
// weight of the page's own, and a baton handbook, go by weight alone.
func TestSidebarPosition(t *testing.T) {
	files := map[string]string{
		"content/README.md":     "# Docs\n",
		"content/alpha.md":      "---\nsidebar_position: 3\n---\n# Alpha\n",
		"content/beta.mdx":      "---\nsidebar_position: 1\n---\n# Beta\n",
		"content/gamma.md":      "---\nsidebar_position: 2.4\n---\n# Gamma\n",
		"content/delta.md":      "---\nsidebar_position: 9\nweight: 4\n---\n# Delta\n",
		"content/epsilon.md":    "---\nsidebar_position: first\n---\n# Epsilon\n",
		"content/zeta/index.md": "---\nsidebar_position: 5\n---\n# Zeta\n",
	}
	parsed := parseLenient(files)
	site, diags := Resolve(config.Default(), parsed, Options{})
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	var got []string
	for _, p := range site.Root.Children {
		got = append(got, p.Title)
	}
	if want := []string{"Epsilon", "Beta", "Gamma", "Alpha", "Delta", "Zeta"}; !slices.Equal(got, want) {
		t.Errorf("order %q, want %q", got, want)
	}
}

// TestWikiLinks resolves an Obsidian vault's links between notes: by the
// note's name, in any case, anywhere in the vault (the one nearest the root when two
// share it), with folders that end its path, to a heading by its text,
// an embedded image by its name, an embedded note as a link to it; one to
// no note is a broken link.
func TestWikiLinks(t *testing.T) {
	files := map[string]string{
		"content/Home.md":                       "# Home\n\n[[Meeting notes]] [[Team/Meeting notes|the team's]] [[Guide#Getting Started]] [[Home#Links]] ![[diagram.png]] [[Nowhere]] ![[Meeting notes]] [[guide]]\n\n## Links\n",
		"content/Meeting notes.md":              "# Meeting notes\n",
		"content/Team/Meeting notes.md":         "# Team meeting notes\n",
		"content/Deep/Er/Guide.md":              "# Guide\n\n## Getting started\n",
		"content/attachments/diagram.png":       "png",
		"content/Other/Deeper/Meeting notes.md": "# Deeper\n",
	}
	parsed := parseLenientWith(files, markdown.NewWith(markdown.Options{WikiLinks: true}))
	site, diags := Resolve(config.Default(), parsed, Options{})
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	if want := []string{`content/Home.md:3:111: warning: link to content/Nowhere, which does not exist`}; !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var hrefs []string
	for _, h := range pageAt(t, site, "content/Home.md").Hrefs {
		hrefs = append(hrefs, h.URL+"#"+h.Fragment)
	}
	want := []string{"/meeting notes/#", "/team/meeting notes/#", "/deep/er/guide/#getting-started", "/home/#links", "/attachments/diagram.png#", "#", "/meeting notes/#", "/deep/er/guide/#"}
	if !slices.Equal(hrefs, want) {
		t.Errorf("links lead to %q, want %q", hrefs, want)
	}
}

// TestNumberPrefixes reads a Docusaurus docs folder's number prefixes:
// 01_intro.md is at /intro/ and first, a folder's prefix orders the
// folder, a link finds the page by its file or by its URL (from the
// page's URL, or from its file's folder, as Docusaurus reads a relative
// link from a URL without its final slash); a name that is
// a number alone keeps it. Without the option the names are kept whole.
func TestNumberPrefixes(t *testing.T) {
	files := map[string]string{
		"content/README.md":             "# Docs\n\n[by file](02-guides/10_setup.md) [by URL](guides/setup)\n",
		"content/02-guides/2_first.md":  "# First\n\n[next](../guides/setup) [sibling](setup)\n",
		"content/01_intro.md":           "# Intro\n",
		"content/02-guides/index.md":    "# Guides\n",
		"content/02-guides/10_setup.md": "# Setup\n",
		"content/3. faq.md":             "# FAQ\n",
		"content/2019.md":               "# The year\n",
	}
	parsed := parseLenient(files)
	site, diags := Resolve(config.Default(), parsed, Options{NumberPrefixes: true})
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	for file, url := range map[string]string{
		"content/01_intro.md": "/intro/", "content/02-guides/index.md": "/guides/", "content/02-guides/10_setup.md": "/guides/setup/",
		"content/02-guides/2_first.md": "/guides/first/", "content/3. faq.md": "/faq/", "content/2019.md": "/2019/",
	} {
		if p := pageAt(t, site, file); p.URL != url {
			t.Errorf("%s: URL %s, want %s", file, p.URL, url)
		}
	}
	var order []string
	for _, p := range site.Root.Children {
		order = append(order, p.Title)
	}
	for _, p := range pageAt(t, site, "content/02-guides/index.md").Section.Children {
		order = append(order, p.Title)
	}
	if want := []string{"The year", "Intro", "Guides", "FAQ", "First", "Setup"}; !slices.Equal(order, want) {
		t.Errorf("order %q, want %q", order, want)
	}
	var hrefs []string
	for _, h := range pageAt(t, site, "content/README.md").Hrefs {
		hrefs = append(hrefs, h.URL)
	}
	for _, h := range pageAt(t, site, "content/02-guides/2_first.md").Hrefs {
		hrefs = append(hrefs, h.URL)
	}
	if want := []string{"/guides/setup/", "/guides/setup/", "/guides/setup/", "/guides/setup/"}; !slices.Equal(hrefs, want) {
		t.Errorf("links lead to %q, want %q", hrefs, want)
	}
	site, _ = Resolve(config.Default(), parsed, Options{})
	if p := pageAt(t, site, "content/02-guides/10_setup.md"); p.URL != "/02-guides/10_setup/" {
		t.Errorf("without the option: URL %s, want the name whole", p.URL)
	}
}

// parseLenient parses files (path → text) as a handbook written for
// another tool has them, sorted by path; a file that is no page is static.
func parseLenient(files map[string]string) []*Parsed {
	return parseLenientWith(files, markdown.New(false))
}

// parseLenientWith is parseLenient with the Markdown renderer md.
func parseLenientWith(files map[string]string, md *markdown.Renderer) []*Parsed {
	var parsed []*Parsed
	for _, p := range slices.Sorted(maps.Keys(files)) {
		f := source.File{Path: p, Data: []byte(files[p]), Static: !IsPageFile(p)}
		parsed = append(parsed, ParseWith(f, md, ParseOptions{Lenient: true}))
	}
	return parsed
}

// TestLinksEndingInSlash: where the tool publishes each page as a folder
// (Jekyll, Hugo, MkDocs: Options.URLFirst), a link that ends in / is a
// URL relative to the page's URL before it is a source folder: from a
// translation, ../intro/ is the translation's sibling, not the page of
// that name beside the translations' folder, as the source path reads. A
// link the URL does not find, or whose URL lacks the heading it names and
// its source path has it (../#x from a page of a folder without a page of
// its own, written for the git host), is read as a source path; where a
// link ending in / is a folder (a git host, mdBook), the source path wins.
func TestLinksEndingInSlash(t *testing.T) {
	files := map[string]string{
		"content/guide/intro.md":    "# Intro\n\n## Start\n",
		"content/guide/de/intro.md": "# Einführung\n\n## Anfang\n",
		"content/guide/de/more.md":  "# Mehr\n\n[a](../intro/#anfang) [b](../intro/) [c](../../guide/intro.md) [d](../../other/)\n",
		"content/other/index.md":    "# Other\n\n## Only here\n",
		"content/other/sub/page.md": "# Page\n\n[e](../#only-here) [f](../#nowhere)\n",
	}
	for _, tt := range []struct {
		urlFirst bool
		want     []string
	}{
		{true, []string{"/guide/de/intro/#anfang", "/guide/de/intro/", "/guide/intro/", "/other/", "/other/#only-here", "/other/sub/#nowhere"}},
		{false, []string{"/guide/intro/#anfang", "/guide/intro/", "/guide/intro/", "/other/", "/other/#only-here", "/other/#nowhere"}},
	} {
		site, diags := Resolve(config.Default(), parseLenient(files), Options{URLFirst: tt.urlFirst})
		var got []string
		for _, file := range []string{"content/guide/de/more.md", "content/other/sub/page.md"} {
			for _, h := range pageAt(t, site, file).Hrefs {
				got = append(got, strings.TrimSuffix(h.URL+"#"+h.Fragment, "#"))
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("URLFirst %v: links %q, want %q", tt.urlFirst, got, tt.want)
		}
		if n := len(diags); tt.urlFirst && n != 1 || !tt.urlFirst && n != 2 {
			t.Errorf("URLFirst %v: diagnostics %v", tt.urlFirst, diags)
		}
	}
}

// TestFolderURLs publishes the pages of a folder where its tool does (a
// Jekyll collection's permalink, Options.FolderURLs): at the site's root,
// its subfolders beside the site's own, or under a URL of its own; links
// to its files and to its URLs find them.
func TestFolderURLs(t *testing.T) {
	files := map[string]string{
		"content/index.md":           "# Home\n\n[a](_articles/a.md) [b](/de/a/) [c](/notes/n/) [d](_notes/n.md)\n",
		"content/_articles/a.md":     "# A\n",
		"content/_articles/de/a.md":  "# A, de\n\n[home](../../index.md) [a](../a/)\n",
		"content/_notes/n.md":        "# N\n",
		"content/_notes/deep/x.md":   "# X\n",
		"content/_drafts/unmoved.md": "# U\n",
	}
	site, diags := Resolve(config.Default(), parseLenient(files), Options{URLFirst: true,
		FolderURLs: map[string]string{"content/_articles": "/", "content/_notes": "/notes/"}})
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	for file, want := range map[string]string{
		"content/_articles/a.md": "/a/", "content/_articles/de/a.md": "/de/a/", "content/_notes/n.md": "/notes/n/",
		"content/_notes/deep/x.md": "/notes/deep/x/", "content/_drafts/unmoved.md": "/_drafts/unmoved/",
	} {
		if got := pageAt(t, site, file).URL; got != want {
			t.Errorf("%s at %s, want %s", file, got, want)
		}
	}
	var got []string
	for _, h := range append(pageAt(t, site, "content/index.md").Hrefs, pageAt(t, site, "content/_articles/de/a.md").Hrefs...) {
		got = append(got, h.URL)
	}
	if want := []string{"/a/", "/de/a/", "/notes/n/", "/notes/n/", "/", "/de/a/"}; !slices.Equal(got, want) {
		t.Errorf("links %q, want %q", got, want)
	}
	if site.Home == nil || site.Home.File != "content/index.md" {
		t.Errorf("home %+v", site.Home)
	}
}

// TestPublishedAtPermalink: where the handbook's tool publishes a page at
// its front matter's URL (Options.Permalinks: Jekyll's permalink:, Hugo's
// url:), baton does too, and the URL it would have given the page
// redirects there; links written as URLs are read from the permalink,
// and links to the file lead to it. A folder's page moves with its folder
// (whose other pages keep theirs), the home page does not, and neither
// does a page whose permalink is a pattern, a file (.html), a URL
// something else has, or one under the folders baton makes. Without the
// option, the permalink only redirects to the page.
func TestPublishedAtPermalink(t *testing.T) {
	files := map[string]string{
		"content/index.md":              "---\ntitle: Home\npermalink: /home/\n---\n[a](_pages/about.md) [g](/guide/)\n",
		"content/_pages/about.md":       "---\ntitle: About\npermalink: /about\n---\n[g](../guide/steps/) [r](../research/)\n",
		"content/_pages/guide/index.md": "---\ntitle: Guide\npermalink: /guide/\n---\n",
		"content/_pages/guide/steps.md": "---\ntitle: Steps\npermalink: /guide/steps/\n---\n",
		"content/_pages/guide/other.md": "---\ntitle: Other\n---\n",
		"content/_pages/pattern.md":     "---\ntitle: Pattern\npermalink: /:path/\n---\n",
		"content/_pages/file.md":        "---\ntitle: File\npermalink: /file.html\n---\n",
		"content/_pages/taken.md":       "---\ntitle: Taken\npermalink: /research/\n---\n",
		"content/_pages/tagged.md":      "---\ntitle: Tagged\nurl: /tags/x/\n---\n",
		"content/research/index.md":     "---\ntitle: Research\n---\n",
		"content/_pages/hugo.md":        "---\ntitle: Hugo\nurl: /commands/hugo/\n---\n",
	}
	site, diags := Resolve(config.Default(), parseLenient(files), Options{Permalinks: true, URLFirst: true})
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	for file, want := range map[string]string{
		"content/index.md": "/", "content/_pages/about.md": "/about/", "content/_pages/guide/index.md": "/guide/",
		"content/_pages/guide/steps.md": "/guide/steps/", "content/_pages/guide/other.md": "/_pages/guide/other/",
		"content/_pages/pattern.md": "/_pages/pattern/", "content/_pages/file.md": "/_pages/file/",
		"content/_pages/taken.md": "/_pages/taken/", "content/_pages/tagged.md": "/_pages/tagged/", "content/_pages/hugo.md": "/commands/hugo/",
	} {
		if got := pageAt(t, site, file).URL; got != want {
			t.Errorf("%s at %s, want %s", file, got, want)
		}
	}
	var links []string
	for _, file := range []string{"content/index.md", "content/_pages/about.md"} {
		for _, h := range pageAt(t, site, file).Hrefs {
			links = append(links, h.URL)
		}
	}
	if want := "/about/ /guide/ /guide/steps/ /research/"; strings.Join(links, " ") != want {
		t.Errorf("links %s, want %s", strings.Join(links, " "), want)
	}
	var redirects []string
	for _, rd := range site.Redirects {
		redirects = append(redirects, rd.From+" "+rd.To)
	}
	if want := "/_pages/about/ /about/,/_pages/guide/ /guide/,/_pages/guide/steps/ /guide/steps/,/_pages/hugo/ /commands/hugo/,/file.html /_pages/file/,/home/ /"; strings.Join(redirects, ",") != want {
		t.Errorf("redirects\n%s\nwant\n%s", strings.Join(redirects, ","), want)
	}

	site, _ = Resolve(config.Default(), parseLenient(files), Options{URLFirst: true})
	if got := pageAt(t, site, "content/_pages/about.md").URL; got != "/_pages/about/" {
		t.Errorf("without Permalinks: about.md at %s, want /_pages/about/", got)
	}
}

// TestDocusaurus reads a Docusaurus docs folder as Docusaurus does: id:
// names a page's URL, a slug: may be a path (from the root or from the
// page's folder), slug / makes a page the home page, sidebar_label is the
// sidebar's title, a folder's settings give its label, position, page and
// generated index, a page named as its folder is its page, pages without
// a position come after those with one, and links by file and by URL
// reach the moved pages.
func TestDocusaurus(t *testing.T) {
	files := map[string]string{
		"content/intro.md":          "---\nslug: /\n---\n# Introduction\n",
		"content/faq.md":            "# FAQ\n\n[a](guides/setup.md) [b](./guides/deploy.md) [c](/ship-it) [d](guides/install) [e](ref/api.mdx)\n",
		"content/another.md":        "---\nsidebar_position: 3\n---\n# Another\n",
		"content/guides/guides.md":  "# All about guides\n",
		"content/guides/setup.md":   "---\nid: install\nsidebar_label: Set up\nsidebar_position: 2\n---\n# Setting up\n",
		"content/guides/deploy.md":  "---\nslug: /ship-it\nsidebar_position: 1\n---\n# Deploying\n",
		"content/ref/overview.md":   "# Reference overview\n",
		"content/ref/api.mdx":       "---\nslug: deep/api\n---\n# API\n",
		"content/gen/02-x.md":       "# X\n",
		"content/gen/01-y.md":       "# Y\n",
		"content/gen/z.md":          "# Z\n",
		"content/gen/unknown-id.md": "# W\n",
	}
	folders := map[string]Folder{
		"content/guides": {Label: "Guides", Weight: 2},
		"content/ref":    {Index: "ref/overview", Label: "Reference"},
		"content/gen":    {Title: "Generated", Summary: "All of gen", Label: "Gen", Weight: 1},
		"content/none":   {Index: "missing", Pos: diag.Pos{File: "content/none/_category_.json", Line: 3, Col: 5}},
	}
	site, diags := Resolve(config.Default(), parseLenient(files), Options{Docusaurus: true, NumberPrefixes: true, Folders: folders})
	var msgs []string
	for _, d := range diags {
		msgs = append(msgs, d.String())
	}
	if want := []string{`content/none/_category_.json:3:5: warning: link id "missing" names no page in content/none; the folder keeps its own page`}; !slices.Equal(msgs, want) {
		t.Errorf("diagnostics:\n%s\nwant\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
	for file, url := range map[string]string{
		"content/intro.md": "/", "content/guides/setup.md": "/guides/install/", "content/guides/deploy.md": "/ship-it/",
		"content/guides/guides.md": "/guides/", "content/ref/overview.md": "/ref/", "content/ref/api.mdx": "/ref/deep/api/",
	} {
		if p := pageAt(t, site, file); p.URL != url {
			t.Errorf("%s: URL %s, want %s", file, p.URL, url)
		}
	}
	if p := pageAt(t, site, "content/guides/setup.md"); p.NavTitle != "Set up" || p.Title != "Setting up" {
		t.Errorf("setup: nav title %q, title %q; want Set up, Setting up", p.NavTitle, p.Title)
	}
	if s := pageAt(t, site, "content/guides/guides.md").Section; s.Title != "Guides" {
		t.Errorf("guides/: title %q (its breadcrumb), want its label Guides", s.Title)
	}
	if p := pageAt(t, site, "content/ref/overview.md"); p.NavTitle != "Reference" || p.Title != "Reference overview" {
		t.Errorf("ref: nav title %q, title %q; want Reference, Reference overview", p.NavTitle, p.Title)
	}
	gen := site.Root.Children[0]
	if gen.Title != "Generated" || gen.NavTitle != "Gen" || gen.Summary != "All of gen" {
		t.Errorf("first of the root: %q (%q, %q), want the generated index Generated (Gen, All of gen)", gen.Title, gen.NavTitle, gen.Summary)
	}
	var order []string
	for _, p := range site.Order {
		order = append(order, p.URL)
	}
	want := []string{"/gen/", "/gen/y/", "/gen/x/", "/gen/unknown-id/", "/gen/z/", "/guides/", "/ship-it/", "/guides/install/", "/another/", "/faq/", "/ref/", "/ref/deep/api/"}
	if !slices.Equal(order, want) {
		t.Errorf("order\n%q, want\n%q", order, want)
	}
	var hrefs []string
	for _, h := range pageAt(t, site, "content/faq.md").Hrefs {
		hrefs = append(hrefs, h.URL)
	}
	if want := []string{"/guides/install/", "/ship-it/", "/ship-it/", "/guides/install/", "/ref/deep/api/"}; !slices.Equal(hrefs, want) {
		t.Errorf("links lead to %q, want %q", hrefs, want)
	}
}

// TestDocusaurusSidebars orders a Docusaurus site by its sidebars file,
// whose entries name doc ids (a page's id: or its path without number
// prefixes), not files.
func TestDocusaurusSidebars(t *testing.T) {
	files := map[string]string{
		"content/index.md":         "# Home\n",
		"content/01-start.md":      "# Start\n",
		"content/guides/setup.md":  "---\nid: install\n---\n# Setting up\n",
		"content/guides/deploy.md": "# Deploying\n",
		"content/other.md":         "# Other\n",
	}
	tree := []NavSource{{File: "content/guides/install"}, {Title: "More", Children: []NavSource{{File: "content/start"}, {File: "content/guides/deploy"}}}}
	nav := map[string]NavEntry{"content/guides/install": {Order: 1}, "content/start": {Order: 2}, "content/guides/deploy": {Order: 3}}
	site, diags := Resolve(config.Default(), parseLenient(files), Options{Docusaurus: true, NumberPrefixes: true, Nav: nav, NavTree: tree})
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	var order []string
	for _, p := range site.Order {
		order = append(order, p.Title)
	}
	if want := []string{"Setting up", "Start", "Deploying", "Other", "Guides"}; !slices.Equal(order, want) {
		t.Errorf("order %q, want %q", order, want)
	}
	if n := pageAt(t, site, "content/01-start.md").Nav; n == nil || n.Parent == nil || n.Parent.Title != "More" {
		t.Errorf("start is not under the caption More")
	}
	if tree[0].File != "content/guides/install" {
		t.Errorf("the caller's tree was changed: %q", tree[0].File)
	}
}

// TestDocusaurusRoutes: the docs of a Docusaurus site published at the
// site's root (its routeBasePath /, Options.FolderURLs) beside the
// repository's README.md, whose slug-/ page is the home page; links to a
// file from the docs folder (/guide/y.md, Options.LinkRoot) and to a URL
// written with the site's baseUrl or the docs' routeBasePath
// (Options.URLPrefixes) lead to their pages.
func TestDocusaurusRoutes(t *testing.T) {
	files := map[string]string{
		"content/README.md":       "# The repository\n",
		"content/docs/intro.md":   "---\nslug: /\n---\n# Introduction\n",
		"content/docs/guide/x.md": "# X\n\n[a](/guide/y.md) [b](/site/guide/y) [c](/site/docs/guide/y/) [d](/blog/p.md)\n",
		"content/docs/guide/y.md": "# Y\n",
		"content/blog/p.md":       "# Post\n",
	}
	opts := Options{Docusaurus: true, FolderURLs: map[string]string{"content/docs": "/"}, LinkRoot: "content/docs", URLPrefixes: []string{"/site/", "/docs/"}}
	site, diags := Resolve(config.Default(), parseLenient(files), opts)
	if len(diags) > 0 {
		t.Errorf("diagnostics: %v", diags)
	}
	if site.Home == nil || site.Home.File != "content/docs/intro.md" {
		t.Errorf("home page %v, want content/docs/intro.md", site.Home)
	}
	for file, url := range map[string]string{
		"content/docs/intro.md": "/", "content/README.md": "/readme/", "content/docs/guide/x.md": "/guide/x/", "content/blog/p.md": "/blog/p/",
	} {
		if p := pageAt(t, site, file); p.URL != url {
			t.Errorf("%s: URL %s, want %s", file, p.URL, url)
		}
	}
	var hrefs []string
	for _, h := range pageAt(t, site, "content/docs/guide/x.md").Hrefs {
		hrefs = append(hrefs, h.URL)
	}
	if want := []string{"/guide/y/", "/guide/y/", "/guide/y/", "/blog/p/"}; !slices.Equal(hrefs, want) {
		t.Errorf("links lead to %q, want %q", hrefs, want)
	}
}
