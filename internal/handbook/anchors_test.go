package handbook

import (
	"slices"
	"strings"
	"testing"
)

// TestRawHTMLLinksAndAnchors: links in a page's raw HTML are checked and
// resolved like Markdown links, and a fragment may name the ids and names
// of raw HTML as well as headings (an id given with {#id} too), with a
// did-you-mean over both.
func TestRawHTMLLinksAndAnchors(t *testing.T) {
	site, diags := resolveFiles(t, map[string]string{
		"content/a.md": "---\ntitle: A\n---\n[old](b.md#old) [box](b.md#box) [setup](b.md#setup)\n\n" +
			"<a href=\"b.md#box\">raw</a> <a href=\"https://example.com/x\">out</a>\n",
		"content/b.md": "---\ntitle: B\n---\n<a name=\"old\"></a>\n\n## Install {#setup}\n\n<div id=\"box\">\n\nText\n\n</div>\n\n[self](#box)\n",
	})
	if diags.HasErrors() {
		t.Fatalf("links to raw HTML anchors do not resolve:\n%v", diags)
	}
	a := pageAt(t, site, "content/a.md")
	var got []string
	for _, h := range a.Hrefs {
		got = append(got, h.URL+"#"+h.Fragment)
	}
	if want := []string{"/b/#old", "/b/#box", "/b/#setup", "/b/#box", "https://example.com/x#"}; !slices.Equal(got, want) {
		t.Errorf("hrefs %q, want %q", got, want)
	}

	_, diags = resolveFiles(t, map[string]string{
		"content/a.md": "---\ntitle: A\n---\n[x](b.md#olt)\n\n<a href=\"b.md#nope\">n</a> <img src=\"missing.png\">\n",
		"content/b.md": "---\ntitle: B\n---\n<a name=\"old\"></a>\n\n## Intro\n",
	})
	got = nil
	for _, d := range diags {
		got = append(got, d.String())
	}
	want := []string{
		`content/a.md:4:1: no heading #olt in content/b.md (did you mean "old"?)`,
		`content/a.md:6:4: no heading #nope in content/b.md`,
		`content/a.md:6:32: link to content/missing.png, which does not exist`,
	}
	if len(got) != len(want) {
		t.Fatalf("diagnostics\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("diagnostic %q, want it to start %q", got[i], want[i])
		}
	}
}
