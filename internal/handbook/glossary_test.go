package handbook

import (
	"bytes"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/source"
)

// resolveGlossary parses files as the build does, the glossary first and
// every page with its terms, and resolves them in a baton handbook.
func resolveGlossary(t *testing.T, files map[string]string) (*Site, []string) {
	t.Helper()
	md := markdown.New(false)
	file := func(p string) source.File {
		data := []byte(files[p])
		return source.File{Path: p, Data: data, Size: int64(len(data)), Static: !IsPageFile(p) && !isYAML(p)}
	}
	var terms *markdown.Terms
	if _, ok := files[GlossaryPath]; ok {
		if g := Parse(file(GlossaryPath), md).Glossary; g != nil {
			terms = g.Marks
		}
	}
	var parsed []*Parsed
	for _, p := range slices.Sorted(maps.Keys(files)) {
		parsed = append(parsed, ParseWith(file(p), md, ParseOptions{Terms: terms}))
	}
	site, diags := Resolve(strictConfig(), parsed, Options{})
	var got []string
	for _, d := range diags.Sort() {
		got = append(got, d.String())
	}
	return site, got
}

// TestGlossaryDiagnostics: every problem of the glossary is an error at
// its place: keys and types, ids, names two terms share (naming both
// places, in any case and spacing), references that lead nowhere (with
// the nearest id), a page at the glossary's URL.
func TestGlossaryDiagnostics(t *testing.T) {
	base := map[string]string{
		"content/_index.md":           "---\ntitle: Home\nroles: [pm]\nresponsibilities: [roadmap]\n---\n",
		"content/playbooks/launch.md": "---\ntitle: Launch\n---\n",
		"content/roles/pm.yaml":       "title: PM\nsummary: Leads.\nresponsibilities:\n  - id: roadmap\n    title: Roadmap\n    kind: output\n    stage: define\n",
	}
	tests := []struct {
		name, glossary string
		extra          map[string]string
		want           []string
	}{
		{"fine", "terms:\n  - term: MVP\n    definition: Smallest thing.\n    related:\n      - page: playbooks/launch.md\n      - role: pm\n      - responsibility: roadmap\n", nil, nil},
		{"unknown key", "terms:\n  - term: MVP\n    definiton: x\n", nil, []string{
			"content/glossary.yaml:2:5: missing required key \"definition\" in terms",
			"content/glossary.yaml:3:5: unknown key \"definiton\" in terms (did you mean \"definition\"?)"}},
		{"not a list", "terms: MVP\n", nil, []string{"content/glossary.yaml:1:8: \"terms\" must be a list, not \"MVP\""}},
		{"duplicate term, other case", "terms:\n  - term: MVP\n    definition: a\n  - term: mvp \n    id: mvp2\n    definition: b\n", nil, []string{
			"content/glossary.yaml:4:11: term \"mvp\" is already a term or alias at content/glossary.yaml:2:11: a name may stand for one term only"}},
		{"alias equals another term", "terms:\n  - term: Product manager\n    definition: a\n  - term: PM\n    definition: b\n    aliases: [product  Manager]\n", nil, []string{
			"content/glossary.yaml:6:15: alias \"product  Manager\" is already a term or alias at content/glossary.yaml:2:11: a name may stand for one term only"}},
		{"alias equals another alias", "terms:\n  - term: A\n    definition: a\n    aliases: [x]\n  - term: B\n    definition: b\n    aliases: [y, X]\n", nil, []string{
			"content/glossary.yaml:7:18: alias \"X\" is already a term or alias at content/glossary.yaml:4:15: a name may stand for one term only"}},
		{"duplicate id", "terms:\n  - term: A/B test\n    definition: a\n  - term: A B test\n    aliases: [AB]\n    definition: b\n", nil, []string{
			"content/glossary.yaml:4:11: term id \"a-b-test\" is already the id of the term at content/glossary.yaml:2:11; give one of them another with id:"}},
		{"bad id", "terms:\n  - term: X\n    id: X_1\n    definition: a\n", nil, []string{
			"content/glossary.yaml:3:9: term id \"X_1\" must be lower-case words joined by hyphens, like north-star-metric"}},
		{"no id from the term", "terms:\n  - term: 用户\n    definition: a\n", nil, []string{
			"content/glossary.yaml:2:11: term \"用户\" makes no id (its anchor): give it one with id:, like id: mvp"}},
		{"no letters", "terms:\n  - term: x\n    definition: a\n    aliases: [\"--\"]\n", nil, []string{
			"content/glossary.yaml:4:15: alias \"--\" has no letters or digits"}},
		{"wrong references", "terms:\n  - term: X\n    definition: a\n    related:\n      - page: playbooks/lanch.md\n      - role: pn\n      - responsibility: roadmp\n      - {role: pm, page: playbooks/launch.md}\n", nil, []string{
			"content/glossary.yaml:5:15: no page content/playbooks/lanch.md (did you mean \"playbooks/launch.md\"?)",
			"content/glossary.yaml:6:15: unknown role \"pn\" in related (did you mean \"pm\"?)",
			"content/glossary.yaml:7:25: unknown responsibility \"roadmp\" in related (did you mean \"roadmap\"?)",
			"content/glossary.yaml:8:9: each of related must name exactly one of page, role or responsibility"}},
		{"broken link in a definition", "terms:\n  - term: X\n    definition: See [launch](playbooks/lunch.md).\n", nil, []string{
			"content/glossary.yaml:3:17: link to content/playbooks/lunch.md, which does not exist (did you mean content/playbooks/launch.md?)"}},
		{"page at the glossary's URL", "terms:\n  - term: X\n    definition: a\n", map[string]string{"content/glossary.md": "---\ntitle: Words\n---\n"}, []string{
			"content/glossary.md:2:1: content/glossary.md and content/glossary.yaml both map to the URL /glossary/"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := maps.Clone(base)
			maps.Copy(files, tt.extra)
			files[GlossaryPath] = tt.glossary
			_, got := resolveGlossary(t, files)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestGlossary: terms are sorted and grouped by letter, their related
// references and definitions' links resolve, the glossary's old URL is
// a redirect, a page links to its entry, and pages mark the first use
// of each term but one that opts out; a link to a term's anchor is
// checked.
func TestGlossary(t *testing.T) {
	files := map[string]string{
		GlossaryPath: "aliases: [/reference/glossary/]\nterms:\n" +
			"  - term: Roadmap\n    definition: A plan of *outcomes*; see [launch](playbooks/launch.md).\n    related:\n      - role: pm\n" +
			"  - term: Überblick\n    definition: An overview.\n" +
			"  - term: MVP\n    aliases: [minimum viable product]\n    definition: The smallest test.\n    related:\n      - page: playbooks/launch.md\n",
		"content/_index.md":           "---\ntitle: Home\nroles: [pm]\n---\nOur roadmap and our MVP. See [the MVP](glossary.yaml#term-mvp) and [words](/glossary/#term-roadmap).\n",
		"content/playbooks/launch.md": "---\ntitle: Launch\nglossary: false\n---\nThe MVP ships.\n",
		"content/roles/pm.yaml":       "title: PM\nsummary: Leads.\n",
	}
	site, diags := resolveGlossary(t, files)
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %q", diags)
	}
	g := site.Glossary
	var got []string
	for _, l := range GlossaryLetters(g.Terms) {
		for _, term := range l.Terms {
			got = append(got, l.ID+":"+term.ID+" "+term.URL())
		}
	}
	if want := []string{"letter-m:mvp /glossary/#term-mvp", "letter-r:roadmap /glossary/#term-roadmap", "letter-u:uberblick /glossary/#term-uberblick"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	mvp, roadmap := g.Terms[0], g.Terms[1]
	if len(mvp.Related) != 1 || mvp.Related[0].URL() != "/playbooks/launch/" || len(roadmap.Related) != 1 || roadmap.Related[0].URL() != "/roles/pm/" {
		t.Errorf("related: %+v, %+v", mvp.Related, roadmap.Related)
	}
	if h := roadmap.Definition.Hrefs; len(h) != 1 || h[0].URL != "/playbooks/launch/" || roadmap.Tip != "A plan of outcomes; see launch." {
		t.Errorf("roadmap's definition: %+v, tip %q", h, roadmap.Tip)
	}
	if got := redirects(site); !slices.Equal(got, []string{"/reference/glossary/ → /glossary/ (Glossary)"}) {
		t.Errorf("redirects %q", got)
	}
	home := pageAt(t, site, "content/_index.md")
	var hrefs []string
	for _, h := range home.Hrefs {
		hrefs = append(hrefs, h.URL+"#"+h.Fragment)
	}
	if want := []string{"/glossary/#term-roadmap", "/glossary/#term-mvp", "/glossary/#term-mvp", "/glossary/#term-roadmap"}; !slices.Equal(hrefs, want) {
		t.Errorf("home's links %q, want %q", hrefs, want)
	}
	var b bytes.Buffer
	launch := pageAt(t, site, "content/playbooks/launch.md")
	launch.Doc.Resolve(&b, func(int) string { return "" }, "", nil)
	if strings.Contains(b.String(), "term") {
		t.Errorf("a page with glossary: false is marked: %s", b.String())
	}
	files["content/_index.md"] = "---\ntitle: Home\nroles: [pm]\n---\n[x](/glossary/#term-mvpp)\n"
	if _, diags := resolveGlossary(t, files); !slices.Equal(diags, []string{`content/_index.md:5:1: no heading #term-mvpp in content/glossary.yaml (did you mean "term-mvp"?)`}) {
		t.Errorf("a link to no term: %q", diags)
	}
}

// TestNoGlossaryNoURL: without glossary.yaml, /glossary/ is a page's like
// any other URL.
func TestNoGlossaryNoURL(t *testing.T) {
	site, diags := resolveGlossary(t, map[string]string{"content/_index.md": "---\ntitle: Home\n---\n", "content/glossary.md": "---\ntitle: Words\n---\nA word."})
	if len(diags) != 0 || site.Glossary != nil || pageAt(t, site, "content/glossary.md").URL != "/glossary/" {
		t.Errorf("diagnostics %q, glossary %v", diags, site.Glossary)
	}
}

// TestLenientGlossaryIsAFile: in a handbook written for another tool,
// content/glossary.yaml is that tool's file, copied if a page links to it.
func TestLenientGlossaryIsAFile(t *testing.T) {
	site, diags := resolveWith(t, false, map[string]string{"content/index.md": "# Home\n\nSee [words](glossary.yaml).\n", GlossaryPath: "words: [a, b]\n"}, Options{})
	if len(diags) != 0 || site.Glossary != nil || len(site.Static) != 1 || site.Static[0].URL != "/glossary.yaml" {
		t.Errorf("diagnostics %q, glossary %v, static %v", diags, site.Glossary, site.Static)
	}
}
