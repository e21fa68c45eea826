package render

import (
	"fmt"
	"html/template"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/batonhq/baton"
	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/corpus"
	"github.com/batonhq/baton/internal/handbook"
)

// navTemplate is the sidebar as a template would print it from Nav: what
// the Go-written Sidebar must equal, escaping included.
var navTemplate = template.Must(template.New("navlist").Parse(`<ul>
{{range .}}{{if .Caption}}<li class="nav-caption">{{if .Children}}<details{{if .Open}} open{{end}}><summary>{{.Title}}</summary>
{{template "navlist" .Children}}</details></li>
{{else}}<span>{{.Title}}</span></li>
{{end}}{{else}}<li{{if .More}} class="nav-more"{{else if .Section}} class="nav-section{{if .Open}} open{{end}}"{{end}}><a href="{{.Href}}"{{if .Current}} aria-current="page"{{end}}>{{.Title}}</a>{{if .Children}}
{{template "navlist" .Children}}{{end}}</li>
{{end}}{{end}}</ul>
`))

// TestSidebarMatchesTemplate: for every page of a generated handbook and of
// one whose titles and slugs hold every character the escapers treat
// specially, Sidebar prints exactly what html/template prints from Nav.
func TestSidebarMatchesTemplate(t *testing.T) {
	odd := []corpus.File{
		{Path: config.File, Data: []byte("title: Odd\n")},
		{Path: "content/_index.md", Data: []byte("---\ntitle: Home <&>\n---\nx\n")},
	}
	names := []string{`a b`, `plus+sign`, `ünï`, `x:y`, `quote'd`, `amp&er`, `lt<gt>`, `semi;colon`, `javascript:alert(1)`}
	for i, n := range names {
		title := fmt.Sprintf("Title %d <b>&'\"+ \x00 %s", i, n)
		odd = append(odd,
			corpus.File{Path: fmt.Sprintf("content/%d%s/_index.md", i, n), Data: fmt.Appendf(nil, "---\ntitle: %q\n---\nx\n", title)},
			corpus.File{Path: fmt.Sprintf("content/%d%s/%s.md", i, n, n), Data: fmt.Appendf(nil, "---\ntitle: %q\n---\nx\n", "page "+title)},
			corpus.File{Path: fmt.Sprintf("content/%d%s/deeper/_index.md", i, n), Data: fmt.Appendf(nil, "---\ntitle: %q\n---\nx\n", "deeper "+n)},
			corpus.File{Path: fmt.Sprintf("content/%d%s/deeper/%s.md", i, n, n), Data: fmt.Appendf(nil, "---\ntitle: %q\n---\nx\n", "q "+n)},
		)
	}
	for _, site := range []*handbook.Site{
		ResolveFiles(t, odd),
		ResolveFiles(t, corpus.Baton(corpus.Options{Pages: 400, Seed: 3})),
		oddNav(t, odd),
	} {
		views := []*PageView{sideView(site, "", "/roles/", nil, ""), sideView(site, "404", "/404.html", nil, "/docs/")}
		for _, p := range site.Pages {
			views = append(views, sideView(site, "page", p.URL, p, ""))
		}
		for _, r := range site.Roles {
			views = append(views, sideView(site, "role", r.URL, nil, ""))
		}
		for _, tag := range site.Tags {
			views = append(views, sideView(site, "tag", tag.URL, nil, ""))
		}
		for _, v := range views {
			var want strings.Builder
			if err := navTemplate.Execute(&want, v.Nav); err != nil {
				t.Fatal(err)
			}
			if got := string(v.Sidebar()); got != want.String() {
				t.Fatalf("sidebar of %s:\n%s\nwant (html/template):\n%s", v.URL, got, want.String())
			}
		}
	}
	if got := sideView(ResolveFiles(t, odd[:2]), "", "/", nil, "").Sidebar(); got != "" {
		t.Errorf("a handbook without sections has sidebar %q, want none", got)
	}
}

// sideView is the view of the page of that kind at url, with its sidebar
// made as a build makes it: p is its Markdown page, or nil; base, when
// set, is the base URL's path its links are made from, as 404.html's.
func sideView(site *handbook.Site, kind, url string, p *handbook.Page, base string) *PageView {
	v := &PageView{Site: siteView(site), Kind: kind, URL: url, Absolute: base != "", BasePath: base}
	if p != nil {
		v.nav = navSource{site, p}
		v.finish()
		return v
	}
	v.navigate(site)
	return v
}

// TestURLEscapingMatchesTemplate: writeAttrURL and htmlEscape escape random
// strings (ASCII, multi-byte, invalid UTF-8, schemes, escapes) exactly as
// html/template does in a quoted href and in text.
func TestURLEscapingMatchesTemplate(t *testing.T) {
	tpl := template.Must(template.New("").Parse(`<a href="{{.}}">{{.}}</a>`))
	alphabet := []string{"a", "Z", "0", "/", ":", "%", "4", "f", "G", " ", "+", "&", "'", `"`, "<", ">", "#", "?", "=", "(", ")", "\x00", "\t", "é", "\xff", "\xc3", "\uFFFD", "\ufdd0", "javascript:", "http:", "MAILTO:", "../", "~", "!", "[", "\\", "`"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		var want strings.Builder
		if err := tpl.Execute(&want, s); err != nil {
			t.Fatal(err)
		}
		got := newHTMLBuilder(nil, 0)
		got.WriteString(`<a href="`)
		writeAttrURL(&got, s)
		got.WriteString(`">`)
		htmlEscape.WriteString(&got, s)
		got.WriteString("</a>")
		if g := string(got.html()); g != want.String() {
			t.Fatalf("%q: got %s, html/template %s", s, g, want.String())
		}
	}
}

// TestCachedPartialsKeyed: the default theme's cached header and footer
// read nothing but their keys: every page of a generated handbook (with
// roles, tags and paths at every depth) renders to the same bytes with the
// partials cached as without.
func TestCachedPartialsKeyed(t *testing.T) {
	site := ResolveFiles(t, corpus.Baton(corpus.Options{Pages: 300, Seed: 5}))
	theme, err := LoadTheme(baton.Layouts())
	if err != nil {
		t.Fatal(err)
	}
	r, diags := New(theme)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	render := func(jobs []Job) map[string]string {
		out := map[string]string{}
		for _, j := range jobs {
			var b strings.Builder
			if err := j.Run(&b); err != nil {
				t.Fatal(err)
			}
			out[j.Path] = b.String()
		}
		return out
	}
	cachedOut := render(r.Jobs(site))
	r.uncached = true
	plain := render(r.Jobs(site))
	if len(plain) < 300 {
		t.Fatalf("only %d files", len(plain))
	}
	for p, want := range plain {
		if cachedOut[p] != want {
			t.Errorf("%s differs when its partials are cached", p)
		}
	}
}

// TestCachedPartialRefusesRel: a header printed with cached that links
// with .Rel (as an older copy of the theme's partials.html does) fails
// with a message that names the fix, instead of printing one page's
// relative links on every page of the same depth.
func TestCachedPartialRefusesRel(t *testing.T) {
	site := ResolveFiles(t, corpus.Baton(corpus.Options{Pages: 30, Seed: 2}))
	for _, c := range []struct{ call, method string }{
		{`{{.Rel "/roles/"}}`, ".Rel"},
		{`{{.CrumbItems}}`, ".CrumbItems"}, // the lists link with .Rel's rule
	} {
		theme, err := LoadTheme(baton.Layouts())
		if err != nil {
			t.Fatal(err)
		}
		theme["partials.html"] = []byte(strings.Replace(string(theme["partials.html"]), `href="{{.Root}}roles/"`, `href="`+c.call+`"`, 1))
		r, diags := New(theme)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		ran := false
		for _, j := range r.Jobs(site) {
			if j.Page == nil {
				continue
			}
			err := j.Run(io.Discard)
			if err == nil || !strings.Contains(err.Error(), c.method+" in a partial printed with cached") || !strings.Contains(err.Error(), "{{.Root}}roles/") {
				t.Fatalf("%s with %s: got %v, want the %s-in-cached error", j.Path, c.call, err, c.method)
			}
			ran = true
			break
		}
		if !ran {
			t.Fatal("no page job")
		}
	}
}

// TestSidebarBounded lists, at each level of a page's sidebar, a window of
// its siblings around it and links to the folder's page for the rest: a
// page in a folder of 600 has no more sidebar than one in a folder of 30.
func TestSidebarBounded(t *testing.T) {
	files := []corpus.File{{Path: config.File, Data: []byte("title: Big\n")}, {Path: "content/big/_index.md", Data: []byte("---\ntitle: Big folder\n---\n")}}
	for i := range 600 {
		files = append(files, corpus.File{Path: fmt.Sprintf("content/big/p%03d.md", i), Data: fmt.Appendf(nil, "---\ntitle: P%03d\n---\nx\n", i)})
	}
	for i := range 30 {
		files = append(files, corpus.File{Path: fmt.Sprintf("content/small/p%03d.md", i), Data: fmt.Appendf(nil, "---\ntitle: S%03d\n---\nx\n", i)})
	}
	site := ResolveFiles(t, files)
	sizes := map[string]int{}
	for _, file := range []string{"content/big/p000.md", "content/big/p300.md", "content/big/p599.md", "content/small/p015.md"} {
		var p *handbook.Page
		for _, q := range site.Pages {
			if q.File == file {
				p = q
			}
		}
		v := sideView(site, "page", p.URL, p, "")
		var level []NavItem
		for _, it := range v.Nav {
			if it.Open {
				level = it.Children
			}
		}
		listed, current, more := 0, false, 0
		for _, it := range level {
			if it.More > 0 {
				more += it.More
				if it.URL != p.Section.URL {
					t.Errorf("%s: the more link leads to %s, not the folder's page", file, it.URL)
				}
				continue
			}
			listed++
			current = current || it.Current
		}
		if listed > maxSiblings || !current || listed+more != len(p.Section.Children) {
			t.Errorf("%s: %d listed (current %v), %d more, of %d siblings", file, listed, current, more, len(p.Section.Children))
		}
		sizes[file] = len(v.Sidebar())
	}
	if big, small := sizes["content/big/p300.md"], sizes["content/small/p015.md"]; big > small+200 {
		t.Errorf("sidebar in a folder of 600: %d bytes; in a folder of 30: %d", big, small)
	}
}

// oddNav is the handbook of files with a navigation of its own over them:
// each page under a caption of its own, most in a part with a draft
// chapter, the last three in a section that folds.
func oddNav(t *testing.T, files []corpus.File) *handbook.Site {
	t.Helper()
	part := handbook.NavSource{Title: "Part <&>'\"+", Part: true}
	var pages []corpus.File
	for _, f := range files {
		if f.Path == config.File {
			continue
		}
		pages = append(pages, f)
		part.Children = append(part.Children, handbook.NavSource{Title: "caption " + f.Path, Children: []handbook.NavSource{{File: f.Path}}})
	}
	folded := handbook.NavSource{Title: "Folded & <i>", Children: part.Children[len(part.Children)-3:]}
	part.Children = append(part.Children[:len(part.Children)-3], handbook.NavSource{Title: "draft <b>"})
	return ResolveNav(t, pages, []handbook.NavSource{part, folded})
}
