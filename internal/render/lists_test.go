package render

import (
	"fmt"
	"html/template"
	"strings"
	"testing"

	baton "github.com/batonhq/baton"
	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/corpus"
)

// templateLists are the list partials and loops as the theme wrote them
// before they moved to Go: the oracle for TestListsMatchTemplate.
var templateLists = map[string][][2]string{
	"partials.html": {
		{`{{.CrumbItems}}`, `{{range $i, $c := .Crumbs}}<li>{{if .URL}}<a href="{{$.Rel .URL}}">{{.Title}}</a>{{else if eq $i (len (slice $.Crumbs 1))}}<span aria-current="page">{{.Title}}</span>{{else}}<span>{{.Title}}</span>{{end}}</li>{{end}}`},
		{`{{.PageItems}}`, "{{range .Pages}}\n  <li class=\"card\"><a href=\"{{$.View.Rel .URL}}\"><span class=\"card-title\">{{.Title}}</span>{{with .Summary}}<span class=\"card-summary\">{{.}}</span>{{end}}</a></li>\n{{end}}"},
		{`{{.RoleItems}}`, `{{range .Roles}}<li><a class="chip chip-role" href="{{$.View.Rel .URL}}">{{.Title}}</a></li>{{end}}`},
	},
	"page.html": {
		{`{{$.ChipItems .}}`, `{{range .}}<li><a class="chip chip-{{.Kind}}" href="{{$.Rel .URL}}">{{.Title}}</a></li>{{end}}`},
		{`{{$.TagLinks .}}`, `{{range $i, $t := .}}{{if $i}}, {{end}}<a href="{{$.Rel $t.URL}}">{{$t.Name}}</a>{{end}}`},
		{`{{$.TOCItems}}`, `{{range .}}<li class="toc-l{{.Level}}"><a href="#{{.ID}}">{{.Text}}</a></li>{{end}}`},
	},
}

// TestListsMatchTemplate renders every file of two handbooks (a generated
// one, and one of hostile titles, tags, headings and summaries) with the
// theme as shipped and with its lists written as templates again: every
// byte is the same.
func TestListsMatchTemplate(t *testing.T) {
	theme, err := LoadTheme(baton.Layouts())
	if err != nil {
		t.Fatal(err)
	}
	old := Theme{}
	for name, data := range theme {
		s := string(data)
		for _, r := range templateLists[name] {
			if !strings.Contains(s, r[0]) {
				t.Fatalf("%s no longer calls %s", name, r[0])
			}
			s = strings.ReplaceAll(s, r[0], r[1])
		}
		old[name] = []byte(s)
	}
	goLists, diags := New(theme)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	tmplLists, diags := New(old)
	if diags.HasErrors() {
		t.Fatal(diags)
	}

	hostile := []corpus.File{
		{Path: config.File, Data: []byte("title: Odd\n")},
		{Path: "content/_index.md", Data: []byte("---\ntitle: Home <&>\n---\nx\n")},
		{Path: "content/roles/r.yaml", Data: []byte("title: \"Role <b>&'\\\" +\"\nsummary: s\nresponsibilities:\n  - id: a-b\n    title: \"Do <this> & 'that'\"\n    kind: output\n    stage: define\n    summary: x\n")},
	}
	names := []string{`a b`, `plus+sign`, `ünï`, `x:y`, `quote'd`, `amp&er`, `lt<gt>`, `javascript:alert(1)`}
	for i, n := range names {
		title := fmt.Sprintf("Title %d <b>&'\"+ \x00 %s", i, n)
		hostile = append(hostile,
			corpus.File{Path: fmt.Sprintf("content/%d%s/_index.md", i, n), Data: fmt.Appendf(nil, "---\ntitle: %q\nsummary: %q\n---\nx\n", title, "sum "+title)},
			corpus.File{Path: fmt.Sprintf("content/%d%s/%s.md", i, n, n), Data: fmt.Appendf(nil,
				"---\ntitle: %q\nsummary: %q\nroles: [r]\nresponsibilities: [a-b]\ntags: [%q, \"x y\"]\n---\n## Heading %s <&>\n\ntext\n\n### Ünïcode %s ?#\n\nmore\n\n## %s\n",
				"page "+title, title, n, n, n, title)},
		)
	}
	for _, files := range [][]corpus.File{hostile, corpus.Baton(corpus.Options{Pages: 400, Seed: 3})} {
		site := ResolveFiles(t, files)
		want := map[string]string{}
		for _, j := range tmplLists.Jobs(site) {
			var b strings.Builder
			if err := j.Run(&b); err != nil {
				t.Fatal(err)
			}
			want[j.Path] = b.String()
		}
		checked := 0
		for _, j := range goLists.Jobs(site) {
			var b strings.Builder
			if err := j.Run(&b); err != nil {
				t.Fatal(err)
			}
			if got := b.String(); got != want[j.Path] {
				t.Fatalf("%s differs from the template's:\n%s", j.Path, firstDiff(got, want[j.Path]))
			}
			if strings.Contains(want[j.Path], `class="chip`) || strings.Contains(want[j.Path], `toc-l`) {
				checked++
			}
		}
		if checked < 8 {
			t.Errorf("only %d files with chips or a table of contents: the lists were not exercised", checked)
		}
	}
}

// firstDiff shows where two strings part.
func firstDiff(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	lo := max(0, i-80)
	return fmt.Sprintf("got:  …%q\nwant: …%q", got[lo:min(len(got), i+80)], want[lo:min(len(want), i+80)])
}

// TestURLPartEscapingMatchesTemplate: writeURLPart escapes every byte as
// html/template does after the "#" of a quoted href.
func TestURLPartEscapingMatchesTemplate(t *testing.T) {
	tpl := template.Must(template.New("").Parse(`<a href="#{{.}}">`))
	var all strings.Builder
	for c := range 256 {
		all.WriteByte(byte(c))
	}
	for _, s := range []string{"", "plain-id_1.2~", all.String(), "ünï côdé", "a b?c#d&e=f%41", "\x00\xff"} {
		var want strings.Builder
		if err := tpl.Execute(&want, s); err != nil {
			t.Fatal(err)
		}
		got := newHTMLBuilder(nil, 0)
		got.WriteString(`<a href="#`)
		writeURLPart(&got, s)
		got.WriteString(`">`)
		if g := string(got.html()); g != want.String() {
			t.Errorf("%q:\n got %s\nwant %s", s, g, want.String())
		}
	}
}
