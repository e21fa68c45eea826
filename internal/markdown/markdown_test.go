package markdown

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func render(t testing.TB, r *Renderer, src string) (*Doc, string) {
	t.Helper()
	d, err := r.Prepare([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	d.Resolve(&b, func(i int) string { return "L" + d.Links[i].Dest }, "", nil)
	return d, b.String()
}

func TestFeatures(t *testing.T) {
	r := New(false)
	tests := []struct{ name, src, want string }{
		{"callout", "> [!WARNING]\n> Mind the gap.", `<div class="callout callout-warning" role="note">` + "\n" + `<p class="callout-title">Warning</p>` + "\n<p>Mind the gap.</p>\n</div>"},
		{"callout alone", "> [!NOTE]", `<p class="callout-title">Note</p>`},
		{"callout text on the marker line", "> [!NOTE] Read *this* [now](a.md).\n> More.", "<p class=\"callout-title\">Note</p>\n<p>Read <em>this</em> <a href=\"La.md\">now</a>.\nMore.</p>\n</div>"},
		{"callout word on the marker line", "> [!TIP] x", "<p class=\"callout-title\">Tip</p>\n<p>x</p>"},
		{"plain quote", "> [!NOPE]\n> x", "<blockquote>"},
		{"heading id", "## Why “CEO of the product” misleads", `id="why-ceo-of-the-product-misleads"`},
		{"repeat heading", "## A\n\n## A", `id="a-1"`},
		{"table", "| a |\n|---|\n| b |", "<table>"},
		// A task's box is named by its item's text (axe-core: label), an
		// empty header cell is a td (axe-core: empty-table-header).
		{"task", "- [x] done *now* & [then](a.md)", `<li><input checked="" disabled="" type="checkbox" aria-label="done now &amp; then"> done`},
		{"task open", "- [ ] to do\n  more", `<input disabled="" type="checkbox" aria-label="to do more"> to do`},
		{"table empty header", "|   | a |\n|:-:|---|\n| x | y |", "<thead>\n<tr>\n<td style=\"text-align:center\"></td>\n<th>a</th>"},
		{"table header", "| b | a |\n|:-:|---|\n| | y |", "<th style=\"text-align:center\">b</th>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td style=\"text-align:center\"></td>"},
		{"footnote", "x[^1]\n\n[^1]: n", `id="fn:1"`},
		{"deflist", "Term\n: Def", "<dl>\n<dt>Term</dt>\n<dd>Def</dd>"},
		{"typographer", `"quoted" -- yes...`, "<p>“quoted” – yes…</p>"},
		{"highlight", "```go\nfunc f() {}\n```", `<span class="kd">func</span>`},
		{"link placeholder", "[x](a.md#b)", `<a href="La.md#b">x</a>`},
		{"raw html sanitised", "<script>alert(1)</script>\n\nok <b onclick=x>b</b>", "<p>ok <b>b</b></p>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, got := render(t, r, tt.src); !strings.Contains(got, tt.want) {
				t.Errorf("got\n%s\nwant it to contain\n%s", got, tt.want)
			}
		})
	}
}

func TestUnsafeKeepsHTML(t *testing.T) {
	_, got := render(t, New(true), "<div class=x>kept</div>\n\n<script>x()</script>\n\nok <b onclick=x>b</b> <a href=\"a.md\" class=y>a</a>")
	for _, want := range []string{"<div class=x>kept</div>", "<script>x()</script>", "<b onclick=x>b</b>", `<a href="La.md" class="y">a</a>`} {
		if !strings.Contains(got, want) {
			t.Errorf("unsafe did not keep %s in\n%s", want, got)
		}
	}
}

func TestPrefixAndLinks(t *testing.T) {
	d, err := New(false).Prepare([]byte("## Top\n\nSee [a](one.md) and ![i](x.png)[^n].\n\n[^n]: note"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Links) != 2 || d.Links[0].Dest != "one.md" || !d.Links[1].Image {
		t.Fatalf("links = %+v", d.Links)
	}
	if d.Links[0].Offset != strings.Index("## Top\n\nSee [a]", "[a]") {
		t.Errorf("link offset %d", d.Links[0].Offset)
	}
	var b bytes.Buffer
	d.Resolve(&b, func(i int) string { return []string{"../one/", "../x.png"}[i] }, "p-", nil)
	got := b.String()
	for _, want := range []string{`id="p-top"`, `href="#p-top"`, `id="p-fnref:1"`, `href="../one/"`, `src="../x.png"`} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in\n%s", want, got)
		}
	}
	if strings.ContainsRune(got, 0) {
		t.Errorf("a placeholder survived")
	}
}

func TestNULCannotForgePlaceholders(t *testing.T) {
	_, got := render(t, New(false), "a\x00L0\x00b \x00P\x00")
	if strings.ContainsRune(got, 0) || strings.Contains(got, "La") {
		t.Errorf("NUL in source reached output: %q", got)
	}
}

// FuzzNoScript renders arbitrary Markdown without unsafe_html, with every
// link pointing at a harmless URL as the resolver ensures, parses the result
// as a browser would, and checks that no element, event attribute or URL
// that runs script survives, and, now that raw HTML is kept, that nothing
// outside the allow-list does either: no style but a table cell's
// alignment, no frame, form, object, inline SVG or MathML, and no URL that
// is not one of the checked links' or a fragment of the page.
func FuzzNoScript(f *testing.F) {
	for _, s := range []string{
		"<script>x</script>", "<img src=x onerror=alert(1)>", "[a](javascript:x)", "<a href='javascript:x'>a</a>", "```html\n<script>\n```", "`<script>`", "> [!NOTE]\n> <b onclick=x>", "![a](x \"t\" onload=x)", "# on x=1",
		"<details open ontoggle=alert(1)><summary>x</summary>\n\n**md**\n\n</details>",
		"<table>\n<tr>\n<td style=\"background:url(javascript:x)\">a</td>\n</tr>\n</table>",
		"<div title=\"\n\nx\" onclick=\"alert(1)\" [l](b.md)",
		"<svg><script>alert(1)</script></svg><math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
		"<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
		"<textarea><img src=x onerror=alert(1)></textarea> <title><img src=x onerror=x></title>",
		"<!--><img src=x onerror=alert(1)>-->", "<style><img src=x onerror=alert(1)></style>",
		"<a href=\"&#106;avascript:x\">j</a> <img srcset=\"javascript:x 2x, a.png\"> <a href=\"//evil.example\">e</a>",
		"<form action=x><input type=submit formaction=javascript:x><button>b</button></form><iframe srcdoc=\"<script>x</script>\"></iframe>",
		"!!! note \"<img src=x onerror=x>\"\n    <b onclick=x>b</b>\n\n{% hint style=\"info\" %}\n<script>x</script>\n{% endhint %}",
		"<div class=\"callout\" style=\"position:fixed\" role=note id=a name=b>x</div> <a name=\"x\" id=\"y\">z</a>",
		"<picture><source srcset=\"a.png 2x\" type=\"image/webp\"><img src=\"b.png\"></picture>",
		"<input type=checkbox checked> <input type=text value=x>",
	} {
		f.Add(s)
	}
	r := New(false)
	f.Fuzz(func(t *testing.T, src string) {
		d, err := r.Prepare([]byte(src))
		if err != nil {
			return
		}
		var b bytes.Buffer
		d.Resolve(&b, func(int) string { return "safe.html" }, "", nil)
		out := b.String()
		z := html.NewTokenizer(&b)
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				return
			}
			if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
				continue
			}
			tok := z.Token()
			switch tok.Data {
			case "script", "iframe", "object", "embed", "style", "base", "form", "svg", "math", "frame", "frameset",
				"textarea", "button", "select", "meta", "link", "template", "noscript", "title", "xmp", "plaintext", "applet", "audio", "video":
				t.Fatalf("<%s> survived in:\n%s\nfrom:\n%s", tok.Data, out, src)
			}
			for _, a := range tok.Attr {
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if strings.HasPrefix(a.Key, "on") || strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") || strings.HasPrefix(v, "data:") {
					t.Fatalf("attribute %s=%q survived in:\n%s\nfrom:\n%s", a.Key, a.Val, out, src)
				}
				ok := true
				switch a.Key {
				case "href", "src":
					ok = a.Val == "safe.html" || strings.HasPrefix(a.Val, "#")
				case "srcset":
					for c := range strings.SplitSeq(a.Val, ",") {
						u, _, _ := strings.Cut(strings.TrimSpace(c), " ")
						ok = ok && u == "safe.html"
					}
				case "style":
					ok = (tok.Data == "th" || tok.Data == "td") && styleRE.MatchString(a.Val)
				case "action", "formaction", "srcdoc", "cite", "background", "poster", "xlink:href":
					ok = false
				case "type":
					ok = tok.Data != "input" || a.Val == "checkbox"
				}
				if !ok {
					t.Fatalf("<%s %s=%q> survived in:\n%s\nfrom:\n%s", tok.Data, a.Key, a.Val, out, src)
				}
			}
		}
	})
}

// TestLeadSkipsTemplateTags: a page that opens with a paragraph of
// another tool's template tags alone (a Hugo shortcode, a Liquid tag) is
// summed up by the paragraph after it; a paragraph with words beside a
// tag is still the lead.
func TestLeadSkipsTemplateTags(t *testing.T) {
	r := New(false)
	for _, c := range []struct{ src, want string }{
		{"{{< badge text=\"Beta\" >}}\n\nWhat the team does.\n", "What the team does."},
		{"{{% note %}}\n{{< x >}}\n\nSecond.\n", "Second."},
		{"{% include banner.html %}\n\nAfter Liquid.\n", "After Liquid."},
		{"Words and {{< tag >}} together.\n\nNext.\n", "Words and {{< tag >}} together."},
		{"Plain first.\n\nNext.\n", "Plain first."},
	} {
		d, err := r.Prepare([]byte(c.src))
		if err != nil {
			t.Fatal(err)
		}
		if d.Lead != c.want {
			t.Errorf("%q: Lead %q, want %q", c.src, d.Lead, c.want)
		}
	}
}

// TestLeadTitle finds the title a page gives as its first heading, and
// takes it out of the body once the page uses it.
func TestLeadTitle(t *testing.T) {
	r := New(false)
	d, err := r.Prepare([]byte("# Team [handbook](a.md)\n\nIntro.\n\n## First\n\nText.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := d.LeadTitle(); got != "Team handbook" {
		t.Fatalf("LeadTitle = %q", got)
	}
	u := d.WithoutLeadTitle()
	var b strings.Builder
	u.Resolve(&b, func(int) string { return "x/" }, "", nil)
	if html := b.String(); strings.Contains(html, "<h1") || !strings.HasPrefix(html, "<p>Intro.</p>") || !strings.Contains(html, `id="first"`) {
		t.Errorf("without the title:\n%s", html)
	}
	if len(u.Headings) != 1 || u.Headings[0].ID != "first" || len(u.Links) != 1 {
		t.Errorf("headings %v, links %v", u.Headings, u.Links)
	}
	if u.Sections[0].Heading != -1 || u.Sections[1].Heading != 0 {
		t.Errorf("sections %+v: the intro is the top, Text under heading 0", u.Sections)
	}
	if d.LeadTitle() != "Team handbook" || u.LeadTitle() != "" {
		t.Errorf("the original changed, or the copy still has a title")
	}
	for _, src := range []string{"Intro.\n\n# Late title\n", "## Second level first\n", ""} {
		d, _ := r.Prepare([]byte(src))
		if d.LeadTitle() != "" || d.WithoutLeadTitle() != d {
			t.Errorf("%q: LeadTitle %q", src, d.LeadTitle())
		}
	}
	// A page with raw HTML is printed again after sanitising: its title
	// comes out all the same.
	d, _ = r.Prepare([]byte("# Raw <kbd>title</kbd>\n\n<details><summary>More</summary>\n\nText.\n\n</details>\n"))
	var raw strings.Builder
	d.WithoutLeadTitle().Resolve(&raw, func(int) string { return "" }, "", nil)
	if d.LeadTitle() != "Raw title" || strings.Contains(raw.String(), "<h1") || !strings.Contains(raw.String(), "<details>") {
		t.Errorf("with raw HTML: title %q, body\n%s", d.LeadTitle(), raw.String())
	}
}

// styleRE matches the only style baton writes: a table cell's alignment.
var styleRE = regexp.MustCompile(`^text-align: ?(left|right|center);?$`)
