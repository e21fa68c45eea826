package render

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/batonhq/baton"
	"github.com/batonhq/baton/internal/corpus"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/i18n"
)

// TestRelNeverReadsAsScheme: a page or file whose name holds a colon
// ("javascript:alert(1).md") must not become a link a browser reads as a
// URL with that scheme (regression: Rel returned "javascript:alert(1)/").
func TestRelNeverReadsAsScheme(t *testing.T) {
	for _, c := range []struct{ from, to, want string }{
		{"/a/", "/a/javascript:alert(1)/", "./javascript:alert(1)/"},
		{"/", "/javascript:alert(1)/", "./javascript:alert(1)/"},
		{"/", "/mailto:x/y/", "./mailto:x/y/"},
		{"/a/b/", "/a/x:y/", "../x:y/"},
		{"/a/", "/a/b/c:d/", "b/c:d/"},
	} {
		if got := Rel(c.from, c.to); got != c.want {
			t.Errorf("Rel(%q, %q) = %q, want %q", c.from, c.to, got, c.want)
		}
	}
}

// TestFuncMapAllowlist: templates get exactly these functions: none reads
// files, the environment, or runs anything.
func TestFuncMapAllowlist(t *testing.T) {
	var got []string
	for k := range langFuncs(i18n.English()) {
		got = append(got, k)
	}
	slices.Sort(got)
	want := []string{"add", "byDay", "cached", "date", "glossaryLetters", "holders", "initials", "join", "jsWords", "kindTitle", "levelRows", "link", "nav", "pages", "people", "personTeams", "review", "roles", "siteRel", "stageTitle", "steps", "t", "tn", "topSections"}
	if !slices.Equal(got, want) {
		t.Errorf("template functions %v, want %v: review any new one for file, environment or process access, then add it here", got, want)
	}
}

// TestOneTrustedHTMLBoundary: the only strings marked as safe HTML are the
// rendered Markdown bodies (a page's, a glossary term's definition and
// handbook.yaml's theme footer),
// the diagram and handbook.yaml's theme head (pages.go), the sidebar, whose
// escaping TestSidebarMatchesTemplate holds to html/template's
// (sidebar.go), the repeated lists, held to it by TestListsMatchTemplate
// (lists.go), the UI strings with their placeholders, held to it by
// TestWordsMatchTemplate (words.go), and html/template's own output of a cached partial
// (cached.go); any other template.HTML conversion would bypass
// html/template's escaping. The fragments written in Go are made safe by
// htmlBuilder.html (scratch.go), so each newHTMLBuilder counts as a
// conversion where it is called; so does any conversion to another of
// html/template's trusted types (words.go's is html/template's own
// printing of the scripts' strings, made once). Beside these, native.go
// writes the default theme's pages of Markdown whole, in Go, with no
// conversion: TestNativeMatchesTemplate holds every byte of them to what
// the templates print.
func TestOneTrustedHTMLBoundary(t *testing.T) {
	allowed := map[string]int{"internal/render/pages.go": 6, "internal/render/sidebar.go": 1, "internal/render/lists.go": 1, "internal/render/cached.go": 1, "internal/render/words.go": 4, "internal/render/scratch.go": 2}
	found := map[string]int{}
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".") && p != root) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n := strings.Count(string(data), "newHTMLBuilder(")
		for _, trusted := range []string{"HTML", "HTMLAttr", "JS", "JSStr", "CSS", "URL", "Srcset"} {
			n += strings.Count(string(data), "template."+trusted+"(")
		}
		if n > 0 {
			rel, _ := filepath.Rel(root, p)
			found[filepath.ToSlash(rel)] = n
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for f, n := range found {
		if allowed[f] != n {
			t.Errorf("%s converts to template.HTML %d times; allowed %d", f, n, allowed[f])
		}
	}
}

var (
	remoteRE = regexp.MustCompile(`(?i)(src|href|action)\s*=\s*["']?\s*(https?:)?//|url\(\s*["']?\s*(https?:)?//|@import|fetch\(\s*["']https?:`)
	sinkRE   = regexp.MustCompile(`\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|\beval\(|new Function\(`)
)

// TestThemeLoadsNothingRemote: no theme file loads a script, style, font
// or image from another site (no CDN, no web fonts), and no theme script
// writes HTML from strings (innerHTML and kin), which is how search boxes
// and banners in other themes became XSS.
func TestThemeLoadsNothingRemote(t *testing.T) {
	theme, err := LoadTheme(baton.Layouts())
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range theme {
		if m := remoteRE.Find(data); m != nil {
			t.Errorf("%s loads from another site: %q", name, m)
		}
		if strings.HasSuffix(name, ".js") {
			if m := sinkRE.Find(data); m != nil {
				t.Errorf("%s uses an HTML sink: %q", name, m)
			}
		}
	}
}

// TestPanicInAJobNamesThePage: a panic while rendering a page (a bug in
// baton; here, as a link in a heading once caused, a page with fewer
// resolved links than its document has) comes back from the job as a
// *PanicError naming the page's source file, from the page's own job and
// from the print view's, and never reaches the caller, where it would end
// a build's goroutine and the whole process, the dev server included.
func TestPanicInAJobNamesThePage(t *testing.T) {
	site := ResolveFiles(t, []corpus.File{
		{Path: "content/a.md", Data: []byte("---\ntitle: A\n---\nSee [b](b.md).\n")},
		{Path: "content/b.md", Data: []byte("---\ntitle: B\n---\nB.\n")},
	})
	var page *handbook.Page
	for _, p := range site.Pages {
		if p.File == "content/a.md" {
			page = p
		}
	}
	page.Hrefs = nil
	theme, err := LoadTheme(baton.Layouts())
	if err != nil {
		t.Fatal(err)
	}
	r, diags := New(theme)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	tried := 0
	for _, j := range r.Jobs(site) {
		if j.Page != page && !j.Bodies {
			continue
		}
		tried++
		err := func() (err error) {
			defer func() {
				if v := recover(); v != nil {
					t.Fatalf("%s panicked: %v", j.Path, v)
				}
			}()
			return j.Run(io.Discard)
		}()
		var pe *PanicError
		if !errors.As(err, &pe) || pe.File != "content/a.md" {
			t.Errorf("%s: error %v, want a *PanicError naming content/a.md", j.Path, err)
		}
	}
	if tried != 2 {
		t.Errorf("ran %d jobs, want the page's and the print view's", tried)
	}
}
