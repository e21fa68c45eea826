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

// TestPercentEncodedFragments: a fragment written percent-encoded, as an
// address bar shows a heading's id of letters beyond ASCII and authors
// copy it, names that heading, on the page and on another; one that
// decodes to no heading is still broken.
func TestPercentEncodedFragments(t *testing.T) {
	site, diags := resolveFiles(t, map[string]string{
		"content/a.md": "---\ntitle: A\n---\n## Katkıda bulunmak\n\n[self](#katk%C4%B1da-bulunmak) [b](b.md#%C3%BCber-uns) [raw](b.md#über-uns) [bad](b.md#%C3%BCber-euch) [odd](b.md#%zz)\n",
		"content/b.md": "---\ntitle: B\n---\n## Über uns\n",
	})
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	want := []string{
		`content/a.md:6:78: no heading #%C3%BCber-euch in content/b.md`,
		`content/a.md:6:105: no heading #%zz in content/b.md`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var hrefs []string
	for _, h := range pageAt(t, site, "content/a.md").Hrefs {
		hrefs = append(hrefs, h.URL+"#"+h.Fragment)
	}
	if want := "/a/#katk%C4%B1da-bulunmak /b/#%C3%BCber-uns /b/#über-uns "; !strings.HasPrefix(strings.Join(hrefs, " "), want) {
		t.Errorf("hrefs %q, want them to start %q", hrefs, want)
	}
}
