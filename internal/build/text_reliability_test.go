package build_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/batonhq/baton/internal/search"
)

var (
	// entityInHTML is a character reference escaped a second time: what a
	// reader sees as "&ldquo;" instead of a quote.
	entityInHTML = regexp.MustCompile(`&amp;#?[0-9A-Za-z]+;`)
	// entityInData is any character reference in the search index (whose
	// JSON writes "&" as \u0026), which is shown as text: it must hold the
	// characters themselves.
	entityInData = regexp.MustCompile(`(&|\\u0026)#?[0-9A-Za-z]+;`)
)

// TestTypographyEscapedOnce builds a site whose headings, first paragraphs
// (the summaries) and titles use quotes, apostrophes, dashes and ellipses,
// which the typographer turns into curly quotes and dashes. Each must be a
// character escaped exactly once wherever it lands: page bodies, the table
// of contents, the heading anchors' labels, summaries in lists and meta
// tags, the search index. (The typographer's HTML entities were written
// into plain text and escaped again: readers saw "&ldquo;".)
func TestTypographyEscapedOnce(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"content/handbook.yaml": "title: Quotes\n",
		"content/_index.md":     "It's the \"product\" -- not the project...\n",
		"content/guide/_index.md": "---\ntitle: Guide\n---\n" +
			"The team's \"guide\" --- read it...\n",
		"content/guide/ceo.md": "---\ntitle: \"Why \\\"CEO\\\" isn't right\"\n---\n" +
			"It's the \"product\" -- not the project... users' needs --- always.\n\n" +
			"## Why \"CEO of the product\" misleads\n\nUsers' needs come first -- really...\n\n" +
			"### Don't 'guess' -- ask...\n\nText.\n",
	})
	res, diags := buildDir(t, dir)
	if res == nil {
		t.Fatalf("build failed:\n%s", joinDiags(diags))
	}
	out := files(t, os.DirFS(dir), res)
	want := map[string][]string{
		"guide/ceo/index.html": {
			"Why “CEO of the product” misleads</a>",                                // table of contents
			`aria-label="Link to this section: Why “CEO of the product” misleads"`, // anchor label
			`content="It’s the “product” – not the project… users’ needs — always."`,
			"Don’t ‘guess’ – ask…</h3>",
		},
		"guide/index.html": {"It’s the “product” – not the project… users’ needs — always."},
		"index.html":       {"The team’s “guide” — read it…"},
	}
	searchHas := []string{"users’ needs", "Why “CEO of the product” misleads", "Don’t ‘guess’ – ask…"}
	var index strings.Builder
	for p, data := range out {
		if strings.HasPrefix(p, search.Dir+"/") {
			if m := entityInData.Find(data); m != nil {
				t.Errorf("%s holds the character reference %s", p, m)
			}
			index.Write(data)
			continue
		}
		if strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".xml") {
			if m := entityInHTML.Find(data); m != nil {
				t.Errorf("%s escapes a character reference twice: %s", p, m)
			}
		}
		for _, w := range want[p] {
			if !strings.Contains(string(data), w) {
				t.Errorf("%s does not show %q", p, w)
			}
		}
	}
	for _, w := range searchHas {
		if !strings.Contains(index.String(), w) {
			t.Errorf("the search index does not hold %q", w)
		}
	}
}
