package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/batonhq/baton"
	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/corpus"
)

// TestNativeThemeSum: writeNative stands for the default theme's files as
// they are. When one of them changes, nativeSum no longer matches and
// every page goes through the templates (correct, and slower): change
// native.go to print what the templates now print, run
// TestNativeMatchesTemplate, then set nativeSum.
func TestNativeThemeSum(t *testing.T) {
	theme, err := LoadTheme(baton.Layouts())
	if err != nil {
		t.Fatal(err)
	}
	if got := themeSum(theme, nativeFiles); got != nativeSum {
		t.Fatalf("the default theme's %s changed (sum %s): make native.go print what the templates print, check it with TestNativeMatchesTemplate, then set nativeSum to it", strings.Join(nativeFiles, ", "), got)
	}
	if got := themeSum(theme, printFiles); got != nativePrintSum {
		t.Fatalf("the default theme's %s changed (sum %s): make native.go's print print what the template prints, check it with TestNativeMatchesTemplate, then set nativePrintSum to it", strings.Join(printFiles, ", "), got)
	}
	r, diags := New(theme)
	if diags.HasErrors() || !r.native || !r.nativePrint {
		t.Fatalf("the default theme is not written natively (%v)", diags)
	}
	own := maps.Clone(theme)
	own["print.html"] = append(slices.Clone(own["print.html"]), '\n')
	if r, _ := New(own); !r.native || r.nativePrint {
		t.Errorf("a theme with its own print.html: pages native %v (want true), print views native %v (want false)", r.native, r.nativePrint)
	}
	theme["page.html"] = append(theme["page.html"], '\n')
	if r, _ := New(theme); r.native || r.nativePrint {
		t.Error("a theme with its own page.html is written natively")
	}
}

// nativeSites are handbooks with every part of a Markdown page the
// default theme prints, and hostile text in each: titles, summaries,
// ledes, headings, tags, roles, owners, reading paths, questions to
// reflect on, edit links, descriptions, an absolute base URL.
func nativeSites(t *testing.T) map[string][]corpus.File {
	sites := map[string][]corpus.File{
		"reader":   readerSite("title: T\n"),
		"balanced": corpus.Baton(corpus.Options{Pages: 300, Seed: 5}),
		"real":     corpus.Baton(corpus.Options{Pages: 300, Seed: 7, Shape: corpus.Real}),
		"content":  contentFiles(t),
	}
	odd := `Odd <b>&'"+ ` + "\x00 `c` ü"
	hostile := []corpus.File{
		{Path: config.File, Data: fmt.Appendf(nil, "title: %q\ndescription: %q\nbase_url: https://x.example/a b/\nno_index: true\nedit_url: https://git.example/edit/{path}\nhistory_url: javascript:alert(1)/{path}\nreview_every: 30d\n", odd, odd)},
		{Path: "content/_index.md", Data: []byte("---\ntitle: Home\n---\nx\n")},
		{Path: "content/roles/r.yaml", Data: fmt.Appendf(nil, "title: %q\nsummary: s\nresponsibilities:\n  - id: a-b\n    title: %q\n    kind: output\n    stage: define\n    summary: x\n", "Role "+odd, "Do "+odd)},
		{Path: "content/paths/p1.yaml", Data: fmt.Appendf(nil, "title: %q\nsteps:\n  - page: s/one.md\n  - page: s/two.md\n  - role: r\n", "Path "+odd)},
		{Path: "content/paths/p2.yaml", Data: fmt.Appendf(nil, "title: %q\nsteps:\n  - page: s/two.md\n  - page: s/one.md\n", "Other "+odd)},
		{Path: "content/s/_index.md", Data: fmt.Appendf(nil, "---\ntitle: %q\nsummary: %q\nowners: [r]\nreviewed: 2020-01-02\n---\n", "Section "+odd, "Lede "+odd)},
		{Path: "content/empty/_index.md", Data: []byte("---\ntitle: Empty\n---\n")},
		{Path: "content/s/one.md", Data: fmt.Appendf(nil, "---\ntitle: %q\nsummary: %q\nroles: [r]\nresponsibilities: [a-b]\ntags: [%q, \"x y\"]\nowners: [r]\nreviewed: 2026-01-01\nreflect: [%q, \"plain?\"]\n---\n## Heading %s\n\ntext\n\n### Sub ?#\n\nmore\n", "One "+odd, "Sum "+odd, "t"+odd, "Q "+odd, odd)},
		{Path: "content/s/two.md", Data: fmt.Appendf(nil, "---\ntitle: %q\ndescription: plain\ntags: [\"x y\"]\n---\nNo headings.\n", "Two "+odd)},
		{Path: "content/s/three.md", Data: []byte("---\ntitle: Three\nsummary: \"\"\n---\n")},
	}
	sites["hostile"] = hostile
	// A handbook of pages at its root: no sections, no sidebar, and no
	// description anywhere.
	sites["bare"] = []corpus.File{
		{Path: config.File, Data: []byte("title: Bare\n")},
		{Path: "content/_index.md", Data: []byte("---\ntitle: Home\n---\n")},
		{Path: "content/a.md", Data: []byte("---\ntitle: A\n---\n")},
		{Path: "content/b.md", Data: []byte("---\ntitle: B\nsummary: \"\"\n---\n")},
		{Path: "content/c.md", Data: []byte("---\ntitle: C\n---\n")},
	}
	return sites
}

// contentFiles are the default handbook's files.
func contentFiles(t *testing.T) []corpus.File {
	var files []corpus.File
	err := fs.WalkDir(baton.Content(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(baton.Content(), p)
		files = append(files, corpus.File{Path: p, Data: data})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestNativeMatchesTemplate renders every file of handbooks with every
// part of a page (nativeSites) in Go and through the templates: every
// byte is the same, and most pages were written in Go.
func TestNativeMatchesTemplate(t *testing.T) {
	theme, err := LoadTheme(baton.Layouts())
	if err != nil {
		t.Fatal(err)
	}
	for name, files := range nativeSites(t) {
		t.Run(name, func(t *testing.T) { matchNative(t, theme, files, false) })
		// Every handbook with a part printed in parts: each part's
		// print view is written in Go.
		t.Run(name+"/parts", func(t *testing.T) { matchNative(t, theme, files, true) })
	}
}

// matchNative renders the handbook of files in Go and through the
// templates, the print view in parts when parts is set, and compares
// every file.
func matchNative(t *testing.T, theme Theme, files []corpus.File, parts bool) {
	if parts {
		old := printSplitBytes
		printSplitBytes = 0
		t.Cleanup(func() { printSplitBytes = old })
	}
	{
		{
			site := ResolveFiles(t, files)
			// The dates of commits and the reviews due, which come from
			// git and the day of the build.
			for i, p := range site.Pages {
				if i%2 == 0 {
					p.Updated = 1700000000 + int64(i)*86400
				}
				p.Overdue = p.Due != ""
			}
			native, diags := New(theme)
			if diags.HasErrors() || !native.native {
				t.Fatalf("not native: %v", diags)
			}
			tmpl, _ := New(theme)
			tmpl.native, tmpl.nativePrint = false, false
			want := map[string]string{}
			for _, j := range tmpl.Jobs(site) {
				var b strings.Builder
				if err := j.Run(&b); err != nil {
					t.Fatal(err)
				}
				want[j.Path] = b.String()
			}
			written, printed := 0, 0
			// One buffer for every page, as the build pools them: a page
			// is written in the room the last one left (writeNative).
			var b bytes.Buffer
			for _, j := range native.Jobs(site) {
				b.Reset()
				if err := j.Run(&b); err != nil {
					t.Fatal(err)
				}
				if got := b.String(); got != want[j.Path] {
					t.Fatalf("%s differs from the template's:\n%s", j.Path, firstDiff(got, want[j.Path]))
				}
				if strings.Contains(b.String(), `class="kind-page"`) || strings.Contains(b.String(), `class="kind-section"`) {
					written++
				}
				if j.Path != "print/index.html" && strings.Contains(b.String(), `class="kind-print"`) {
					printed++
				}
			}
			if written < 3 {
				t.Errorf("only %d pages of Markdown rendered", written)
			}
			if parts && len(printSections(site)) > 0 && printed == 0 {
				t.Error("no part's print view rendered")
			}
		}
	}
}

// TestAttrHTMLMatchesTemplate: attrHTML prints HTML into a quoted
// attribute as html/template does, tags and entities included.
func TestAttrHTMLMatchesTemplate(t *testing.T) {
	tpl := template.Must(template.New("").Parse(`<p aria-label="{{.}}">`))
	for _, s := range []string{"", "plain", `a "q" & 'b' + <c> &amp; &#34;`, "x <code>y</code> z", "\x00\xff ü", "<b title=\"1>2\">t</b> <3", "a < b"} {
		var want strings.Builder
		if err := tpl.Execute(&want, template.HTML(s)); err != nil {
			t.Fatal(err)
		}
		if got := `<p aria-label="` + attrHTML(template.HTML(s)) + `">`; got != want.String() {
			t.Errorf("%q:\n got %s\nwant %s", s, got, want.String())
		}
	}
}
