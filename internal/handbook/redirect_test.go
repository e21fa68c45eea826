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

// resolveWith parses files (path → text) as a baton handbook (strict) or
// one written for another tool, and resolves them with opts.
func resolveWith(t *testing.T, strict bool, files map[string]string, opts Options) (*Site, []string) {
	t.Helper()
	md := markdown.New(false)
	var parsed []*Parsed
	for _, p := range slices.Sorted(maps.Keys(files)) {
		data := []byte(files[p])
		static := !IsPageFile(p) && !isYAML(p)
		parsed = append(parsed, ParseWith(source.File{Path: p, Data: data, Size: int64(len(data)), Static: static}, md, ParseOptions{Lenient: !strict}))
	}
	cfg := config.Default()
	if strict {
		cfg = strictConfig()
	}
	site, diags := Resolve(cfg, parsed, opts)
	var got []string
	for _, d := range diags.Sort() {
		got = append(got, d.String())
	}
	return site, got
}

// redirects lists a site's redirects as "from → to (title)".
func redirects(site *Site) []string {
	var out []string
	for _, rd := range site.Redirects {
		out = append(out, fmt.Sprintf("%s → %s (%s)", rd.From, rd.To, rd.Title))
	}
	return out
}

// TestAliases: a page's old URLs become redirects to it, read from the
// site's root with a leading slash and from the page's parent URL
// without; an .html path is a file, any other a folder. A link to an old
// URL leads straight to the page.
func TestAliases(t *testing.T) {
	site, diags := resolveWith(t, true, map[string]string{
		"content/_index.md":      "---\ntitle: Home\n---\nSee [old](/old-setup/), [older](/guide/install/#step) and [oldest](/Legacy/Setup.html).\n",
		"content/guide/setup.md": "---\ntitle: Setup\naliases: [/old-setup/, install, /Legacy/Setup.html, \"/caf%C3%A9\", /guide/setup/]\n---\n## Step\n",
	}, Options{})
	want := []string{`content/guide/setup.md:3:67: warning: alias "/guide/setup/" is the page's own URL`}
	if !slices.Equal(diags, want) {
		t.Errorf("diagnostics:\n%s\nwant\n%s", strings.Join(diags, "\n"), strings.Join(want, "\n"))
	}
	wantRd := []string{
		"/Legacy/Setup.html → /guide/setup/ (Setup)",
		"/café/ → /guide/setup/ (Setup)",
		"/guide/install/ → /guide/setup/ (Setup)",
		"/old-setup/ → /guide/setup/ (Setup)",
	}
	if got := redirects(site); !slices.Equal(got, wantRd) {
		t.Errorf("redirects:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantRd, "\n"))
	}
	var hrefs []string
	for _, h := range pageAt(t, site, "content/_index.md").Hrefs {
		hrefs = append(hrefs, h.URL+h.Fragment)
	}
	if got := strings.Join(hrefs, " "); got != "/guide/setup/ /guide/setup/step /guide/setup/" {
		t.Errorf("links to old URLs lead to %s, want the page itself", got)
	}
}

// TestAliasProblems: an alias that is not a path of this site, or whose
// URL something else has, is an error at its position in a baton
// handbook, and a warning (no redirect) in one written for another tool.
func TestAliasProblems(t *testing.T) {
	files := map[string]string{
		"content/_index.md":       "---\ntitle: Home\n---\n",
		"content/guide/_index.md": "---\ntitle: Guide\n---\n",
		"content/guide/setup.md":  "---\ntitle: Setup\n---\n",
		"content/static/logo.png": "not a folder",
		"content/a.md":            "---\ntitle: A\naliases:\n  - https://example.com/a/\n  - /a?x=1\n  - /../up/\n  - \"\"\n  - /guide/\n  - /tags/old/\n  - /logo.png/inside/\n  - javascript:alert(1)\n  - /shared/\n---\n",
		"content/b.md":            "---\ntitle: B\naliases: [/shared/]\nredirect_from: [/jekyll/]\n---\n",
	}
	_, strict := resolveWith(t, true, files, Options{})
	want := []string{
		`content/a.md:4:5: alias "https://example.com/a/" is not a path of this site: write the old URL's path, like /old/page/`,
		`content/a.md:5:5: alias "/a?x=1" has a query or fragment: a static host finds a page by its path alone`,
		`content/a.md:6:5: alias "/../up/" is not a path that stays in place: no empty, . or .. segment, and no \, %, ? or #`,
		`content/a.md:7:5: an alias must not be empty`,
		`content/a.md:8:5: an alias in content/a.md and content/guide/_index.md both map to the URL /guide/`,
		`content/a.md:9:5: the old URL /tags/old/ is under /tags/, whose pages baton makes`,
		`content/a.md:10:5: the old URL /logo.png/inside/ is inside content/static/logo.png, a file of the site`,
		`content/a.md:11:5: alias "javascript:alert(1)" is not a path of this site: write the old URL's path, like /old/page/`,
		`content/b.md:3:11: an alias in content/b.md and an alias in content/a.md both map to the URL /shared/`,
		`content/b.md:4:17: redirect_from is Jekyll's key for a page's old URLs; baton's is aliases`,
	}
	if !slices.Equal(strict, want) {
		t.Errorf("baton handbook:\n%s\nwant\n%s", strings.Join(strict, "\n"), strings.Join(want, "\n"))
	}
	site, lenient := resolveWith(t, false, files, Options{})
	for _, d := range lenient {
		if !strings.Contains(d, ": warning: ") {
			t.Errorf("another tool's handbook: %s is not a warning", d)
		}
	}
	if len(lenient) != len(want)-1 { // redirect_from is read there
		t.Errorf("another tool's handbook: %d diagnostics, want %d:\n%s", len(lenient), len(want)-1, strings.Join(lenient, "\n"))
	}
	wantRd := []string{"/jekyll/ → /b/ (B)", "/shared/ → /a/ (A)"}
	if got := redirects(site); !slices.Equal(got, wantRd) {
		t.Errorf("another tool's redirects: %q, want %q", got, wantRd)
	}
}

// TestRedirectTo: a page with redirect_to (Jekyll's) is no page but a
// redirect at its URL, to a page of the site (as a link on it would lead)
// or another site; a link to its file leads to that redirect.
func TestRedirectTo(t *testing.T) {
	site, diags := resolveWith(t, false, map[string]string{
		"content/index.md":      "# Home\n\n[moved](moved.md) [away](away.md)\n",
		"content/moved.md":      "---\ntitle: Moved\nredirect_to: /guide/new/#part\n---\n",
		"content/away.md":       "---\ntitle: Away\nredirect_to: https://example.com/benefits\n---\n",
		"content/gone.md":       "---\ntitle: Gone\nredirect_to: /nowhere/\n---\n",
		"content/guide/new.md":  "---\ntitle: New\n---\n## Part\n",
		"content/guide/self.md": "---\ntitle: Self\nredirect_to: self.md\n---\n",
	}, Options{})
	want := []string{
		`content/gone.md:3:14: warning: redirect_to "/nowhere/" leads to no other page of the handbook, nor to an http(s) address; it is not redirected`,
		`content/guide/self.md:3:14: warning: redirect_to "self.md" leads to no other page of the handbook, nor to an http(s) address; it is not redirected`,
	}
	if !slices.Equal(diags, want) {
		t.Errorf("diagnostics:\n%s\nwant\n%s", strings.Join(diags, "\n"), strings.Join(want, "\n"))
	}
	wantRd := []string{"/away/ → https://example.com/benefits (Away)", "/moved/ → /guide/new/#part (New)"}
	if got := redirects(site); !slices.Equal(got, wantRd) {
		t.Errorf("redirects: %q, want %q", got, wantRd)
	}
	for _, p := range site.Pages {
		if p.File == "content/moved.md" || p.File == "content/away.md" {
			t.Errorf("%s is a page too", p.File)
		}
	}
	var hrefs []string
	for _, h := range pageAt(t, site, "content/index.md").Hrefs {
		hrefs = append(hrefs, h.URL)
	}
	if got := strings.Join(hrefs, " "); got != "/moved/ /away/" {
		t.Errorf("links to the redirects' files lead to %s", got)
	}
}

// TestMoves: the redirects a layout's settings declare lead to the page
// they name (a source path from the content root, with its fragment) or
// another site; one that names no page is reported where it is declared.
func TestMoves(t *testing.T) {
	pos := func(line int) diag.Pos { return diag.Pos{File: "mkdocs.yml", Line: line, Col: 5} }
	site, diags := resolveWith(t, false, map[string]string{
		"content/index.md":           "# Home\n\n[old](user-guide/plugins/)\n",
		"content/dev-guide/plug.md":  "# Plugins\n\n## Hooks\n",
		"content/dev-guide/index.md": "# Developer guide\n",
	}, Options{Moves: []Move{
		{From: "/user-guide/plugins/", To: "/dev-guide/plug.md#hooks", Pos: pos(1)},
		{From: "/user-guide/dev/", To: "/dev-guide/", Pos: pos(2)},
		{From: "/ext/", To: "https://example.com/x", Pos: pos(3)},
		{From: "/lost/", To: "/dev-guide/lost.md", Pos: pos(4)},
	}})
	want := []string{`mkdocs.yml:4:5: warning: the redirect from /lost/ leads to /dev-guide/lost.md, which is not in the handbook; it is not redirected`}
	if !slices.Equal(diags, want) {
		t.Errorf("diagnostics:\n%s\nwant\n%s", strings.Join(diags, "\n"), strings.Join(want, "\n"))
	}
	wantRd := []string{
		"/ext/ → https://example.com/x (https://example.com/x)",
		"/user-guide/dev/ → /dev-guide/ (Developer guide)",
		"/user-guide/plugins/ → /dev-guide/plug/#hooks (Plugins)",
	}
	if got := redirects(site); !slices.Equal(got, wantRd) {
		t.Errorf("redirects:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantRd, "\n"))
	}
	if h := pageAt(t, site, "content/index.md").Hrefs[0]; h.URL != "/dev-guide/plug/" {
		t.Errorf("a link to an old URL leads to %s", h.URL)
	}
}

// FuzzAliasURL: whatever an author writes, an alias that is accepted is a
// path of this site that stays in place: from the root, no "." or ".."
// segment, no query, fragment, escape or backslash, and a folder or an
// HTML file.
func FuzzAliasURL(f *testing.F) {
	for _, s := range []string{"/old/", "old", "/a/b.html", "../x", "/caf%C3%A9", "https://x.y/", "//host/p", "javascript:alert(1)", "/a?b", "/%2e%2e/x", "a/./b", "/x.HTM", "\\evil"} {
		f.Add(s, "/guide/")
	}
	f.Fuzz(func(t *testing.T, s, base string) {
		if !strings.HasPrefix(base, "/") || !strings.HasSuffix(base, "/") || !safeURLPath(strings.Trim(base, "/")) && base != "/" {
			return
		}
		u, err := aliasURL(s, base)
		if err != nil {
			return
		}
		rel := strings.Trim(u, "/")
		if !strings.HasPrefix(u, "/") || !safeURLPath(rel) || strings.Contains(u, "//") {
			t.Fatalf("aliasURL(%q, %q) = %q, not a path that stays in place", s, base, u)
		}
		if ext := strings.ToLower(path.Ext(u)); !strings.HasSuffix(u, "/") && ext != ".html" && ext != ".htm" {
			t.Fatalf("aliasURL(%q, %q) = %q, neither a folder nor an HTML file", s, base, u)
		}
	})
}

// TestRenamed: the old URL of each page, role and path file git saw
// renamed redirects to where it is now, through later renames, unless
// something else has that URL; renamed static files, deleted files and
// renames back and forth make none.
func TestRenamed(t *testing.T) {
	files := map[string]string{
		"content/_index.md":           "---\ntitle: Home\n---\n[old](/setup/)\n",
		"content/guide/_index.md":     "---\ntitle: Guide\n---\n",
		"content/guide/install.md":    "---\ntitle: Install\n---\n",
		"content/faq.md":              "---\ntitle: FAQ\nroles: [designer]\n---\n",
		"content/again.md":            "---\ntitle: Again\n---\n",
		"content/static/new.png":      "png",
		"content/Team/README.md":      "---\ntitle: Team\n---\n",
		"content/roles/designer.yaml": "title: Designer\nsummary: Designs.\n",
	}
	site, diags := resolveWith(t, true, files, Options{Renames: []Rename{
		{"content/guide/setup.md", "content/guide/install.md"}, // newest first
		{"content/setup.md", "content/guide/setup.md"},
		{"content/questions.md", "content/faq.md"},
		{"content/faq.md", "content/questions.md"}, // faq.md is back: its URL is a page's
		{"content/static/old.png", "content/static/new.png"},
		{"content/gone.md", "content/deleted.md"},
		{"content/staff/index.md", "content/Team/README.md"},
		{"content/roles/design.yaml", "content/roles/designer.yaml"},
		{"content/again.md", "content/again.md"},
	}})
	if len(diags) != 0 {
		t.Errorf("diagnostics: %q", diags)
	}
	want := []string{
		"/guide/setup/ → /guide/install/ (Install)",
		"/questions/ → /faq/ (FAQ)",
		"/roles/design/ → /roles/designer/ (Designer)",
		"/setup/ → /guide/install/ (Install)",
		"/staff/ → /team/ (Team)",
	}
	if got := redirects(site); !slices.Equal(got, want) {
		t.Errorf("redirects:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if h := pageAt(t, site, "content/_index.md").Hrefs[0]; h.URL != "/guide/install/" {
		t.Errorf("a link to a renamed page's old URL leads to %s", h.URL)
	}
}

// TestUpdates: git's newest changes become the site's updates, newest
// first, for pages, roles and paths as they are named now; changes to
// static files, files gone and pages that are only redirects are left
// out, and a long subject is shortened.
func TestUpdates(t *testing.T) {
	files := map[string]string{
		"content/_index.md":           "---\ntitle: Home\n---\n",
		"content/guide.md":            "---\ntitle: Guide\nroles: [designer]\n---\n",
		"content/moved.md":            "---\ntitle: Moved\nredirect_to: guide.md\n---\n",
		"content/static/x.png":        "png",
		"content/roles/designer.yaml": "title: Designer\nsummary: Designs.\n",
		"content/paths/start.yaml":    "title: Start here\nsteps:\n  - page: guide.md\n",
	}
	long := strings.Repeat("word ", 60)
	site, diags := resolveWith(t, true, files, Options{Changes: []Change{
		{"content/guide.md", 300, "c300", "Guide: say why"},
		{"content/static/x.png", 300, "c300", "Guide: say why"},
		{"content/moved.md", 250, "c250", "Move"},
		{"content/paths/start.yaml", 200, "c200", long},
		{"content/gone.md", 150, "c150", "Gone"},
		{"content/roles/designer.yaml", 100, "c100", "Designer"},
	}})
	if len(diags) != 0 {
		t.Errorf("diagnostics: %q", diags)
	}
	var got []string
	for _, u := range site.Updates {
		got = append(got, fmt.Sprintf("%d %s %s %d", u.When, u.URL, u.Title, len(u.Subject)))
	}
	want := []string{"300 /guide/ Guide 14", "200 /paths/start/ Start here 162", "100 /roles/designer/ Designer 8"}
	if !slices.Equal(got, want) {
		t.Errorf("updates:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
