package handbook

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/source"
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

// TestLooseFragments: in a handbook written for another tool, a fragment
// that names a heading the way that tool makes ids (VitePress and Sphinx
// keep a hyphen where GitHub drops a dot) leads to the heading, on the
// page and on another; one that two anchors could be, or none, is still a
// broken anchor; a baton handbook (Strict) keeps GitHub's ids alone.
func TestLooseFragments(t *testing.T) {
	files := map[string]string{
		"content/a.md": "# A\n\n## build.assetsInlineLimit\n\n[self](#build-assetsinlinelimit) [b](b.md#server-Proxy) [two](b.md#a_b) [none](b.md#nothing-here)\n",
		"content/b.md": "# B\n\n## server.proxy\n\n## a b\n\n## a.b\n",
	}
	md := markdown.New(false)
	var parsed []*Parsed
	for _, p := range slices.Sorted(maps.Keys(files)) {
		parsed = append(parsed, ParseWith(source.File{Path: p, Data: []byte(files[p])}, md, ParseOptions{Lenient: true}))
	}
	site, diags := Resolve(config.Default(), parsed, Options{})
	var got []string
	for _, h := range pageAt(t, site, "content/a.md").Hrefs {
		got = append(got, h.URL+"#"+h.Fragment)
	}
	if want := []string{"/a/#buildassetsinlinelimit", "/b/#serverproxy", "/b/#a_b", "/b/#nothing-here"}; !slices.Equal(got, want) {
		t.Errorf("hrefs %q, want %q", got, want)
	}
	var warned []string
	for _, d := range diags.Sort() {
		warned = append(warned, d.String())
	}
	if len(warned) != 2 || !strings.Contains(warned[0], "no heading #a_b") || !strings.Contains(warned[1], "no heading #nothing-here") {
		t.Errorf("diagnostics %q, want two: no heading #a_b (a-b or ab), no heading #nothing-here", warned)
	}

	strict := map[string]string{
		"content/a.md": "---\ntitle: A\n---\n## build.assetsInlineLimit\n\n[self](#build-assetsinlinelimit)\n",
	}
	_, diags = resolveFiles(t, strict)
	if len(diags) != 1 || !strings.Contains(diags[0].String(), "no heading #build-assetsinlinelimit") {
		t.Errorf("a baton handbook's loose fragment: %v, want a broken anchor", diags)
	}
}

// TestEmailLinkHint: a link to an e-mail address written without mailto:
// is a link to a file that does not exist, as on GitHub; the message says
// how to write it.
func TestEmailLinkHint(t *testing.T) {
	_, diags := resolveFiles(t, map[string]string{
		"content/a.md": "---\ntitle: A\n---\nWrite to [the team](team.lead@example.co.uk) or [b](b.md).\n",
	})
	if len(diags) != 2 || !strings.Contains(diags[0].String(), "write mailto:team.lead@example.co.uk") || strings.Contains(diags[1].String(), "mailto") {
		t.Errorf("diagnostics %v, want the e-mail address's with a mailto: hint, then b.md's without", diags)
	}
}
