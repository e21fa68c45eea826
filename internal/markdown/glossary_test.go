package markdown

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// testTerms is a glossary with names that overlap ("product" and
// "product manager"), one of several words across punctuation, and one
// that is not ASCII.
func testTerms() *Terms {
	return NewTerms([]Term{
		{ID: "product", Names: []string{"product"}, Tip: "What we sell."},
		{ID: "pm", Names: []string{"product manager", "PM"}, Tip: "Owns the <why>."},
		{ID: "ab-test", Names: []string{"A/B test"}, Tip: "Two versions, one winner."},
		{ID: "okr", Names: []string{"OKR", "OKRs"}, Tip: "Objectives and key results."},
		{ID: "uberblick", Names: []string{"Überblick"}, Tip: "Overview."},
	})
}

// marked renders src with testTerms and returns the words of each marked
// term, in order, as "id:words".
func marked(t *testing.T, r *Renderer, src string) ([]string, string) {
	t.Helper()
	d, err := r.PrepareWith([]byte(src), testTerms())
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	d.Resolve(&b, func(i int) string { return d.Links[i].Dest }, "", nil)
	out := b.String()
	var got []string
	// The sanitiser of a page with raw HTML orders attributes by name.
	re := regexp.MustCompile(`(?s)<span class="term"><a ([^>]*)>(.*?)</a><span class="term-tip" role="tooltip" id="term-tip-([^"]+)">`)
	for _, m := range re.FindAllStringSubmatch(out, -1) {
		attrs := strings.Fields(m[1])
		slices.Sort(attrs)
		if want := []string{`aria-describedby="term-tip-` + m[3] + `"`, `class="term-link"`, `href="/glossary/#term-` + m[3] + `"`}; !slices.Equal(attrs, want) {
			t.Errorf("a mark's link has %q, want %q", attrs, want)
		}
		got = append(got, m[3]+":"+m[2])
	}
	var terms []string
	for _, l := range d.Links {
		if l.Term != "" {
			terms = append(terms, l.Term)
		}
	}
	if len(terms) != len(got) {
		t.Errorf("links of terms %v, marks %v in\n%s", terms, got, out)
	}
	return got, out
}

func TestMarkTerms(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"first use only", "A product is a product.", []string{"product:product"}},
		{"any case", "Every PRODUCT ships.", []string{"product:PRODUCT"}},
		{"longest first", "Our product manager owns the product.", []string{"pm:product manager", "product:product"}},
		{"alias is the same term", "The PM is a product manager.", []string{"pm:PM"}},
		{"used term still hides shorter", "The PM, a product manager, and the product.", []string{"pm:PM", "product:product"}},
		{"across a line break", "Ask the product\nmanager first.", []string{"pm:product\nmanager"}},
		{"punctuation in a name", "Run an A/B test, not an A/B tests.", []string{"ab-test:A/B test"}},
		{"whole words", "Productive products are not product-led.", nil},
		{"plural as alias", "Set OKRs.", []string{"okr:OKRs"}},
		{"word boundary before", "XPM and PMs.", nil},
		{"non-ASCII", "Ein Überblick; ÜBERBLICK.", []string{"uberblick:Überblick"}},
		{"non-ASCII boundary", "Überblicke und Überblickß.", nil},
		{"inside emphasis", "It is *the product*.", []string{"product:product"}},
		{"not in headings", "# The product\n\nA product.", []string{"product:product"}},
		{"not in links", "[product](x.md) and product.", []string{"product:product"}},
		{"not in code", "`product` and\n\n```\nproduct\n```\n\nproduct.", []string{"product:product"}},
		{"not in raw HTML", "<b title=\"product\">x</b> then product.", []string{"product:product"}},
		{"not in autolinks", "<https://product.example> product", []string{"product:product"}},
		{"in lists and tables", "- a PM\n\n| x |\n|---|\n| product |", []string{"pm:PM", "product:product"}},
		{"emoji and quotes around", "“product” :smile:", []string{"product:product"}},
	}
	r := New(false)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, out := marked(t, r, tt.src)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q in\n%s", got, tt.want, out)
			}
		})
	}
}

func TestMarkedTermEscapesAndKeepsText(t *testing.T) {
	r := New(false)
	_, out := marked(t, r, "The product manager & the product.\n\n<b>raw</b>")
	if !strings.Contains(out, `id="term-tip-pm">Owns the &lt;why&gt;.</span></span>`) {
		t.Errorf("the definition is not written escaped, after its link, in\n%s", out)
	}
	d, _ := r.PrepareWith([]byte("The product manager & the product."), testTerms())
	if got, want := d.Sections[0].Text, "The product manager & the product."; got != want {
		t.Errorf("section text %q, want %q: a definition is not the page's text", got, want)
	}
	if d.Words != 5 {
		t.Errorf("got %d words, want 5", d.Words)
	}
}

func TestNoTermsNoMarks(t *testing.T) {
	r := New(false)
	a, _ := r.Prepare([]byte("A product manager."))
	b, _ := r.PrepareWith([]byte("A product manager."), nil)
	if string(a.html) != string(b.html) || strings.Contains(string(a.html), "term") {
		t.Errorf("without terms: %q and %q", a.html, b.html)
	}
	if NewTerms(nil) != nil {
		t.Error("no terms made a Terms")
	}
	if testTerms().Sum() == NewTerms([]Term{{ID: "x", Names: []string{"x"}}}).Sum() || testTerms().Sum() != testTerms().Sum() {
		t.Error("Sum does not tell glossaries apart")
	}
}
