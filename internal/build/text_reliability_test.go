package build_test

import (
	"context"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/markdown"
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

// TestSlowHighlightIsReportedAndNotKept: a code block whose highlighting
// runs past the bound (10 s; here 1 ms, for a block that takes far
// longer) is a warning at its fence, the page is built with the block
// plain, and nothing keeps that result: not the code cache, not the parse
// cache (the next build parses the page again), not the dev server's
// patching of the last build. Once the lexer has finished, a build shows
// the block coloured. (It used to render plain, silently, and stay so in
// the dev server until the page was edited.)
func TestSlowHighlightIsReportedAndNotKept(t *testing.T) {
	block := "```python\n" + strings.Repeat("def f(x):\n    return x + \"s\" + 'r'  # c\n", 1000) + "```\n"
	dir := writeSite(t, map[string]string{
		"content/handbook.yaml": "title: Slow\n",
		"content/a.md":          "---\ntitle: A\n---\nCode:\n\n" + block,
		"content/b.md":          "---\ntitle: B\n---\nB.\n",
	})
	code := markdown.NewCodeCache()
	b := newBuilder(t, build.Options{HighlightTimeout: time.Millisecond, Code: code})
	want := "content/a.md:6:4: warning: highlighting this python block took over 1ms, so it is shown without colours"
	plain := `<pre><code class="language-python">def f(x)`
	check := func(what string, res *build.Result, diags diag.List, parsed int) {
		t.Helper()
		if res == nil {
			t.Fatalf("%s failed:\n%s", what, joinDiags(diags))
		}
		if len(diags) != 1 || !strings.HasPrefix(diags[0].String(), want) {
			t.Errorf("%s: diagnostics\n%s\nwant one starting %q", what, joinDiags(diags), want)
		}
		if res.Parsed != parsed {
			t.Errorf("%s parsed %d files, want %d", what, res.Parsed, parsed)
		}
		if out := files(t, os.DirFS(dir), res); !strings.Contains(string(out["a/index.html"]), plain) {
			t.Errorf("%s: the block is not shown plain", what)
		}
		if _, made := code.Stats(); made != 0 || code.Changed() {
			t.Errorf("%s: the code cache took the block", what)
		}
	}
	res, diags := b.Build(context.Background(), os.DirFS(dir))
	check("the first build", res, diags, 3)
	// The next builds parse the page again, and show the block plain while
	// the lexer runs, coloured once it has finished. (The bound is a guard
	// against a hang.)
	res, diags = b.Rebuild(context.Background(), os.DirFS(dir), []string{"content/b.md"})
	if res == nil || res.Parsed != 1 {
		t.Fatalf("a rebuild after another page's save did not parse the page again: %v", diags)
	}
	for deadline := time.Now().Add(time.Minute); len(diags) > 0; {
		if time.Now().After(deadline) {
			t.Fatalf("the block never came out coloured: %d diagnostics:\n%s", len(diags), joinDiags(diags))
		}
		check("a build while the lexer runs", res, diags, 1)
		time.Sleep(10 * time.Millisecond)
		res, diags = b.Build(context.Background(), os.DirFS(dir))
	}
	if out := files(t, os.DirFS(dir), res); !strings.Contains(string(out["a/index.html"]), `<span class="k">def</span>`) {
		t.Errorf("the block is not coloured once the lexer has finished")
	}
	if _, made := code.Stats(); made != 1 {
		t.Errorf("the finished block is not in the code cache")
	}
}
