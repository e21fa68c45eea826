package markdown

import (
	"bufio"
	"bytes"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/yuin/goldmark/ast"
)

// placeholderRE finds the link indices Resolve is asked for, in the order
// the links appear in the output.
var placeholderRE = regexp.MustCompile(`(?:href|src)="checked-(\d+)"`)

// TestEveryLinkIsListed puts links and images wherever Markdown allows
// them and wants each in Doc.Links, with the destination as written, and
// each rendered once with its own index: a link in a heading used to get
// no index, render as the page's first link (or panic the build when the
// page had no other) and go unchecked.
func TestEveryLinkIsListed(t *testing.T) {
	tests := []struct {
		name, src string
		dests     []string // Doc.Links, in document order
		rendered  []int    // the indices that appear in the output, in order
	}{
		{"empty link in a heading", "# []()", []string{""}, []int{0}},
		{"heading only", "## See [Design](design.md)", []string{"design.md"}, []int{0}},
		{"heading before body", "## See [Design](design.md)\n\nBody [a](a.md).", []string{"design.md", "a.md"}, []int{0, 1}},
		{"script URL in a heading", "[first](a.md)\n\n## [x](javascript:alert(1))", []string{"a.md", "javascript:alert(1)"}, []int{0, 1}},
		{"emphasis and code in a heading", "### *[a](a.md)* and `c` [b](b.md)", []string{"a.md", "b.md"}, []int{0, 1}},
		{"setext heading", "[x](x.md)\n===", []string{"x.md"}, []int{0}},
		{"autolink in a heading", "## <https://example.com>", []string{"https://example.com"}, []int{0}},
		{"image in a heading", "## ![logo](logo.png) Title", []string{"logo.png"}, []int{0}},
		{"table cell", "| a | b |\n|---|---|\n| [c](c.md) | ![d](d.png) |", []string{"c.md", "d.png"}, []int{0, 1}},
		{"footnote", "Text[^1].\n\n[^1]: See [f](f.md).", []string{"f.md"}, []int{0}},
		{"definition list", "Term [t](t.md)\n: Definition [d](d.md)", []string{"t.md", "d.md"}, []int{0, 1}},
		{"callout", "> [!NOTE]\n> Read [n](n.md).", []string{"n.md"}, []int{0}},
		{"link in image alt text", "![see [x](x.md)](i.png)", []string{"i.png", "x.md"}, []int{0}},
		{"reference definitions", "[a][r] and [b][r]\n\n[r]: r.md", []string{"r.md", "r.md"}, []int{0, 1}},
		{"raw HTML in a heading", "## <img src=\"logo.png\"> Title <a href=\"a.md\">a</a>", []string{"logo.png", "a.md"}, []int{0, 1}},
		{"raw HTML in a table cell and a footnote", "| <a href=\"c.md\">c</a> |\n|---|\n\nx[^1]\n\n[^1]: <img src=\"f.png\">", []string{"c.md", "f.png"}, []int{0, 1}},
		{"raw HTML between Markdown links", "[a](a.md) <a href=\"b.md\">b</a> [c](c.md)\n\n<div><img src=\"d.png\" srcset=\"e.png 2x\"></div>", []string{"a.md", "b.md", "c.md", "d.png", "e.png"}, []int{0, 1, 2, 3}},
	}
	r := New(false)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := r.Prepare([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			var dests []string
			for _, l := range d.Links {
				dests = append(dests, l.Dest)
			}
			if !slices.Equal(dests, tt.dests) {
				t.Errorf("links %q, want %q", dests, tt.dests)
			}
			var b bytes.Buffer
			d.Resolve(&b, func(i int) string {
				if i < 0 || i >= len(d.Links) {
					t.Fatalf("Resolve asked for link %d of %d", i, len(d.Links))
				}
				return "checked-" + strconv.Itoa(i)
			}, "", nil)
			var got []int
			for _, m := range placeholderRE.FindAllStringSubmatch(b.String(), -1) {
				n, _ := strconv.Atoi(m[1])
				got = append(got, n)
			}
			if !slices.Equal(got, tt.rendered) {
				t.Errorf("rendered link indices %v, want %v, in\n%s", got, tt.rendered, b.String())
			}
		})
	}
}

// TestLinkWithoutIndexIsAnError: the renderer refuses a link node that the
// collecting pass did not number, rather than writing index 0 (another
// link's destination).
func TestLinkWithoutIndexIsAnError(t *testing.T) {
	var out bytes.Buffer
	w := bufio.NewWriter(&out)
	nr := &nodeRenderer{}
	for _, n := range []ast.Node{ast.NewLink(), ast.NewImage(ast.NewLink()), ast.NewAutoLink(ast.AutoLinkURL, ast.NewText())} {
		var err error
		switch n.(type) {
		case *ast.Link:
			_, err = nr.link(w, nil, n, true)
		case *ast.Image:
			_, err = nr.image(w, nil, n, true)
		case *ast.AutoLink:
			_, err = nr.autoLink(w, nil, n, true)
		}
		if err == nil {
			t.Errorf("%s without an index rendered without error", n.Kind())
		}
	}
}
