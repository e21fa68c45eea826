package markdown

import (
	"bytes"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestRawHTMLIsKeptAndSanitised: without unsafe_html, raw HTML a page on
// GitHub shows is kept (split over HTML blocks and Markdown, as GitHub
// reads it), and what GitHub's allow-list drops is dropped here too.
func TestRawHTMLIsKeptAndSanitised(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // in the output, in order
		not       []string // nowhere in the output
	}{
		{"details around Markdown", "<details><summary>x</summary>\n\n**md**\n\n</details>",
			[]string{"<details><summary>x</summary>", "<p><strong>md</strong></p>", "</details>"}, nil},
		{"multi-line table", "<table>\n  <tr>\n    <th align=\"left\">Key</th>\n    <td colspan=\"2\">Value</td>\n  </tr>\n</table>",
			[]string{"<table>", `<th align="left">Key</th>`, `<td colspan="2">Value</td>`, "</table>"}, nil},
		{"inline tags", "Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O, x<sup>2</sup>, <abbr title=\"as soon as possible\">ASAP</abbr><br>\n<mark>m</mark> <ins>i</ins> <del>d</del>",
			[]string{"<kbd>Ctrl</kbd>+<kbd>C</kbd>", "<sub>2</sub>", "<sup>2</sup>", `<abbr title="as soon as possible">ASAP</abbr><br/>`, "<mark>m</mark>", "<ins>i</ins>", "<del>d</del>"}, nil},
		{"centred block", "<p align=\"center\">\n  <img src=\"logo.png\" width=\"120\" height=\"40\" alt=\"Logo\">\n</p>",
			[]string{`<p align="center">`, `<img src="Llogo.png" width="120" height="40" alt="Logo"/>`}, nil},
		{"figure", "<figure><img src=\"a.png\"><figcaption>Cap</figcaption></figure>",
			[]string{"<figure>", "<figcaption>Cap</figcaption></figure>"}, nil},
		{"script block", "<script>alert(1)</script>\n\nText", []string{"<p>Text</p>"}, []string{"script", "alert"}},
		{"inline script", "a <script>alert(1)</script> b", []string{"<p>a  b</p>"}, []string{"script", "alert"}},
		{"event handler", "<img src=\"x.png\" onerror=\"alert(1)\"> <b onclick=\"x()\">b</b>", []string{`<img src="Lx.png"/>`, "<b>b</b>"}, []string{"onerror", "onclick"}},
		{"style", "<div style=\"position:fixed;inset:0\">d</div>\n\n<style>p{}</style>", []string{"<div>d</div>"}, []string{"style", "fixed"}},
		{"frames, forms, objects", "<iframe src=\"https://x.example\"></iframe>\n<form action=\"/x\"><input type=\"text\" name=\"q\"><button>b</button></form>\n<object data=\"x\"></object><embed src=\"x\">",
			nil, []string{"iframe", "form", "input", "object", "embed", "x.example", "action"}},
		{"class and unknown attributes", "<div class=\"modal\" data-x=\"1\" hidden>d</div>", []string{"<div>d</div>"}, []string{"modal", "data-x", "hidden"}},
		{"comment", "<!-- hidden -->\n\ntext <!-- also -->", []string{"<p>text </p>"}, []string{"hidden", "also", "<!--"}},
		{"unclosed details", "<details>\n\nopen to the end", []string{"<details>", "<p>open to the end</p>\n</details>"}, nil},
		{"stray closing tags", "a\n\n</div></div></article>\n\nb", []string{"<p>a</p>", "<p>b</p>"}, []string{"</div>", "article"}},
		{"formatting elements left open", "<a href=\"x.md\" id=\"i\">link\n\n<b name=\"n\">bold\n\nnext", []string{`<p><a href="Lx.md" id="i">link</a></p><a>`, "<p><b>bold</b></p><b>", "<p>next</p>"}, nil},
		{"quote left open", "<div title=\"\n\nx\" onclick=\"alert(1)\" [link](b.md)", []string{"<div"}, []string{`onclick="`, "Lb.md"}},
	}
	r := New(false)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := render(t, r, tt.src)
			rest := got
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("got\n%s\nwant, in order, %q", got, tt.want)
				}
				rest = rest[i+len(w):]
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("got\n%s\nwith %q in it", got, n)
				}
			}
			// An element the parser reopens (a formatting element left
			// open) is a copy: its link and id are not written again.
			seen := map[string]bool{}
			z := html.NewTokenizer(strings.NewReader(got))
			for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
				for _, a := range z.Token().Attr {
					if k := a.Key + "=" + a.Val; (a.Key == "href" || a.Key == "src" || a.Key == "id") && seen[k] {
						t.Errorf("got\n%s\nwith %s twice", got, k)
					} else {
						seen[k] = true
					}
				}
			}
			if depth := balance(got); depth != 0 {
				t.Errorf("got\n%s\nwhose elements do not close (depth %d)", got, depth)
			}
		})
	}
}

// balance is the depth of elements left open in s (negative when more
// close than open), void elements aside.
func balance(s string) int {
	depth := 0
	z := html.NewTokenizer(strings.NewReader(s))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		name, _ := z.TagName()
		switch a := atom.Lookup(name); {
		case a == atom.Br || a == atom.Img || a == atom.Hr || a == atom.Input || a == atom.Source || a == atom.Wbr || a == atom.Col:
		case tt == html.StartTagToken:
			depth++
		case tt == html.EndTagToken:
			depth--
		}
		if depth < 0 {
			return depth
		}
	}
	return depth
}

// kitchenSink has every kind of markup baton's renderer writes.
const kitchenSink = "# H\n\n> [!NOTE]\n> n\n\n!!! tip \"T\"\n    t\n\n??? warning\n    w\n\n- [x] done\n- [ ] todo\n\n| a | b | c |\n|:--|--:|:-:|\n| c | d | e |\n\nx[^1] <https://e.com> ![i](x.png \"t\") [l](a.md \"t\") ~~s~~ \"q\" :tada:\n\nTerm\n: def\n\n```go\nfunc f() { return \"s\" }\n```\n\n```\nplain <b>\n```\n\n    indented\n\n---\n\n[^1]: note\n"

// TestSanitisingKeepsBatonsMarkup: the sanitiser sees the whole body, so
// it must keep all that baton's renderer writes. A page with raw HTML
// renders everything else as the same page without it does.
func TestSanitisingKeepsBatonsMarkup(t *testing.T) {
	r := New(false)
	d0, plain := render(t, r, kitchenSink)
	d1, withRaw := render(t, r, kitchenSink+"\n<kbd>k</kbd>\n")
	if d0.Transient || d1.Transient {
		t.Skip("highlighting ran out of time")
	}
	got, want := normalise(t, strings.Replace(withRaw, "<p><kbd>k</kbd></p>\n", "", 1)), normalise(t, plain)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sanitising changed baton's markup (-without raw HTML +with):\n%s", diff)
	}
	if !strings.Contains(withRaw, "<kbd>k</kbd>") {
		t.Errorf("the raw HTML is gone:\n%s", withRaw)
	}
}

// normalise parses s as a browser would and writes it back with each
// element's attributes sorted and spaces out of style declarations, so
// that the same markup compares equal however it was spelt.
func normalise(t *testing.T, s string) string {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		sort.Slice(n.Attr, func(i, j int) bool { return n.Attr[i].Key < n.Attr[j].Key })
		for i, a := range n.Attr {
			if a.Key == "style" {
				n.Attr[i].Val = strings.ReplaceAll(a.Val, " ", "")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
		if err := html.Render(&b, n); err != nil {
			t.Fatal(err)
		}
	}
	return strings.TrimSpace(b.String())
}

// TestRawHTMLLinks: the href of an a, and the src and srcset of an img or
// source, in raw HTML are links of the Doc like Markdown's, at the
// attribute's place, with or without unsafe_html; each is written as the
// resolver says.
func TestRawHTMLLinks(t *testing.T) {
	src := "Intro\n\n<img src=\"images/x.png\" alt=\"x\">\n\nSee <a href=\"other.md#part\">other</a> and <a href=\"https://example.com/\">there</a>.\n\n" +
		"<figure><img src=\".gitbook/assets/y.png\"></figure>\n\n<picture><source media=\"(prefers-color-scheme: dark)\" srcset=\"d.png 2x, e.png\"><img srcset=\"l.png 1x\" src=\"l.png\"></picture>\n\n" +
		"> <a href=\"../q.md\">q</a>\n\n<a href=\"\">empty</a> <a href=\"#top\">top</a>"
	want := []Link{
		{Dest: "images/x.png", Image: true, Offset: strings.Index(src, `src="images`)},
		{Dest: "other.md#part", Offset: strings.Index(src, `href="other`)},
		{Dest: "https://example.com/", Offset: strings.Index(src, `href="https`)},
		{Dest: ".gitbook/assets/y.png", Image: true, Offset: strings.Index(src, `src=".gitbook`)},
		{Dest: "d.png", Image: true, Offset: strings.Index(src, `srcset=`)},
		{Dest: "e.png", Image: true, Offset: strings.Index(src, `srcset=`)},
		{Dest: "l.png", Image: true, Offset: strings.Index(src, `srcset="l.png`)},
		{Dest: "l.png", Image: true, Offset: strings.Index(src, `src="l.png`)},
		{Dest: "../q.md", Offset: strings.Index(src, `href="../q`)},
		{Dest: "#top", Offset: strings.Index(src, `href="#top`)},
	}
	for _, unsafe := range []bool{false, true} {
		d, err := New(unsafe).Prepare([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, d.Links); diff != "" {
			t.Errorf("unsafe=%v: links (-want +got):\n%s", unsafe, diff)
		}
		var b bytes.Buffer
		d.Resolve(&b, func(i int) string { return "/out/" + d.Links[i].Dest }, "", nil)
		got := b.String()
		for _, w := range []string{`src="/out/images/x.png"`, `href="/out/other.md#part"`, `href="/out/https://example.com/"`, `src="/out/.gitbook/assets/y.png"`, `srcset="/out/d.png 2x, /out/e.png"`, `srcset="/out/l.png 1x" src="/out/l.png"`, `href="/out/../q.md"`, `href="/out/#top"`} {
			if !strings.Contains(got, w) {
				t.Errorf("unsafe=%v: no %s in\n%s", unsafe, w, got)
			}
		}
	}
}

// TestRawHTMLAnchors: the ids of raw HTML, and an a's name, are anchors a
// link may name, and take the print view's prefix like heading ids;
// without unsafe_html, only those still on the page after sanitising.
func TestRawHTMLAnchors(t *testing.T) {
	src := "## Head\n\n<a name=\"old-name\"></a>\n\nText <a id=\"inline\">x</a> <span id=\"s\">s</span>\n\n<div id=\"block\">\n\nMore\n\n</div>\n\n<iframe id=\"frame\"></iframe> <a id=\"inline\">again</a>"
	tests := []struct {
		unsafe  bool
		anchors []string
	}{
		{false, []string{"old-name", "inline", "s", "block"}},
		{true, []string{"old-name", "inline", "s", "block", "frame"}},
	}
	for _, tt := range tests {
		d, err := New(tt.unsafe).Prepare([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(d.Anchors, tt.anchors) {
			t.Errorf("unsafe=%v: anchors %q, want %q", tt.unsafe, d.Anchors, tt.anchors)
		}
		var b bytes.Buffer
		d.Resolve(&b, func(int) string { return "x" }, "p-", nil)
		got := b.String()
		for _, w := range []string{`id="p-head"`, `name="p-old-name"`, `id="p-inline"`, `id="p-s"`, `id="p-block"`} {
			if !strings.Contains(got, w) {
				t.Errorf("unsafe=%v: no %s in\n%s", tt.unsafe, w, got)
			}
		}
	}
}

// TestNoRawHTMLNoSanitising: a page without raw HTML is written as the
// renderer wrote it, not through the sanitiser's parse and print.
func TestNoRawHTMLNoSanitising(t *testing.T) {
	_, got := render(t, New(false), "Tom &amp; \"Jerry\" <https://e.com>")
	if want := "<p>Tom &amp; “Jerry” <a href=\"Lhttps://e.com\">https://e.com</a></p>\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
