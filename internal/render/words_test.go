package render

import (
	"bytes"
	"html/template"
	"strings"
	"testing"

	"github.com/batonhq/baton/internal/i18n"
	"github.com/batonhq/baton/internal/strictyaml"
)

// TestWordsMatchTemplate holds words.go's escaping to html/template's: a
// string with a placeholder, printed by t in an element's text or in an
// attribute, gives the bytes the same words written into the template
// beside {{.}} gave, for hostile values; link gives what an a element
// written in the template gives; and an override's markup is text.
func TestWordsMatchTemplate(t *testing.T) {
	values := []string{`plain`, `<b>&'"+ x`, "nul \x00 byte", `ünï “q”`, "bad \xff utf8", `&amp; already`, `{count}`, "`tick`"}
	hrefs := []string{`../roles/`, `a b/`, `plus+sign/`, `ünï/`, `javascript:alert(1)`, `x:y/`, `quote'd/`, `%41 %zz`}
	pairs := []struct{ words, tmpl string }{
		{`<p>{{t "reflect.notes_on" "question" .V}}</p>`, `<p>Your notes on: {{.V}}</p>`},
		{`<p title="{{t "reflect.notes_on" "question" .V}}">x</p>`, `<p title="Your notes on: {{.V}}">x</p>`},
		{`<p>{{t "source.in_role" "role" .V}}</p>`, `<p>(written in the role {{.V}})</p>`},
		{`<p>{{link "path-name" .H .V}}</p>`, `<p><a class="path-name" href="{{.H}}">{{.V}}</a></p>`},
		{`<p>{{t "roles.none"}}</p>`, `<p>This handbook has no roles yet. Add one as <code>content/roles/ID.yaml</code>.</p>`},
		{`<p>{{t "print.hint"}}</p>`, `<p>Use your browser's print command to save this page as a PDF.</p>`},
	}
	fm := langFuncs(i18n.English())
	for _, p := range pairs {
		a := template.Must(template.New("a").Funcs(fm).Parse(p.words))
		b := template.Must(template.New("b").Funcs(fm).Parse(p.tmpl))
		for _, v := range values {
			for _, h := range hrefs {
				data := struct{ V, H string }{v, h}
				var got, want bytes.Buffer
				if err := a.Execute(&got, data); err != nil {
					t.Fatal(err)
				}
				if err := b.Execute(&want, data); err != nil {
					t.Fatal(err)
				}
				if got.String() != want.String() {
					t.Errorf("%s with %q, %q:\n got %q\nwant %q", p.words, v, h, got.String(), want.String())
				}
			}
		}
	}
	ui, diags := i18n.For(strictyaml.Str{Value: "en"}, strictyaml.Pairs{
		{Key: strictyaml.Str{Value: "search.placeholder"}, Value: strictyaml.Str{Value: `<script>x</script> & "q" 'a' {`}},
	})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	tm := template.Must(template.New("o").Funcs(langFuncs(ui)).Parse(`<p>{{t "search.placeholder"}}</p><input placeholder="{{t "search.placeholder"}}">`))
	var out bytes.Buffer
	if err := tm.Execute(&out, nil); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "<script>") || !strings.Contains(out.String(), "&lt;script&gt;") || !strings.Contains(out.String(), `&#34;q&#34;`) {
		t.Errorf("an override's markup is not text: %s", out.String())
	}
}
