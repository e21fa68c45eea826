package render

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
	"text/template/parse"
	"unicode"

	"github.com/batonhq/baton"
	"github.com/batonhq/baton/internal/i18n"
	"github.com/batonhq/baton/internal/strictyaml"
	"golang.org/x/net/html"
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

// TestTemplatesSayNothing: the default theme's templates hold no words of
// their own, outside the catalog: no letter in an element's text, and
// none in an attribute a reader meets (aria-label, placeholder, title,
// alt), but in template actions. Scripts, styles and comments are not
// text a reader sees.
func TestTemplatesSayNothing(t *testing.T) {
	theme, err := LoadTheme(baton.Layouts())
	if err != nil {
		t.Fatal(err)
	}
	for name, src := range theme {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, found := range wordsIn(t, name, string(src)) {
			t.Errorf("layouts/%s has words outside the catalog: %q", name, found)
		}
	}
}

// wordsIn returns the text of a template that holds letters where a
// reader would see them: the template's own text, with each action as a
// NUL, read as HTML.
func wordsIn(t *testing.T, name, src string) []string {
	t.Helper()
	trees, err := parse.Parse(name, src, "{{", "}}", map[string]any{}, builtinStubs())
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var b strings.Builder
	for _, tree := range trees {
		collectText(&b, tree.Root)
	}
	return wordsInHTML(b.String())
}

// wordsInHTML returns the text and reader-facing attributes of s that
// hold letters; a noscript's content is read as HTML too.
func wordsInHTML(s string) []string {
	var found []string
	z := html.NewTokenizer(strings.NewReader(s))
	skip, noscript := 0, false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return found
		case html.TextToken:
			text := string(z.Text())
			switch {
			case noscript:
				found = append(found, wordsInHTML(text)...)
			case skip == 0 && strings.ContainsFunc(text, unicode.IsLetter):
				found = append(found, strings.TrimSpace(text))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.Data {
			case "script", "style":
				skip++
			case "noscript":
				noscript = true
			}
			for _, a := range tok.Attr {
				switch a.Key {
				case "aria-label", "placeholder", "title", "alt":
					if strings.ContainsFunc(a.Val, unicode.IsLetter) {
						found = append(found, a.Key+"="+a.Val)
					}
				}
			}
		case html.EndTagToken:
			switch z.Token().Data {
			case "script", "style":
				skip--
			case "noscript":
				noscript = false
			}
		}
	}
}

// collectText writes a template's text nodes, each action as a NUL.
func collectText(b *strings.Builder, n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			collectText(b, c)
		}
	case *parse.TextNode:
		b.Write(n.Text)
	case *parse.IfNode:
		b.WriteByte(0)
		collectText(b, n.List)
		collectText(b, n.ElseList)
	case *parse.RangeNode:
		b.WriteByte(0)
		collectText(b, n.List)
		collectText(b, n.ElseList)
	case *parse.WithNode:
		b.WriteByte(0)
		collectText(b, n.List)
		collectText(b, n.ElseList)
	default:
		b.WriteByte(0)
	}
}

// builtinStubs are the theme's functions and text/template's, for parsing
// only.
func builtinStubs() map[string]any {
	m := map[string]any{}
	for _, k := range strings.Fields("and call eq ge gt html index js le len lt ne not or print printf println slice urlquery") {
		m[k] = func() {}
	}
	for k := range langFuncs(i18n.English()) {
		m[k] = func() {}
	}
	return m
}
