package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMySTReferencesEndToEnd: a Jupyter Book's cross-references are links
// on its pages, built as the book is, with no settings: a (label)= target
// is an anchor at its heading, {ref} and [](label) lead there from
// another page with the heading's text, {doc} shows the page's title,
// {download} publishes its file; an unknown label is a warning at its
// place. In a baton handbook the same Markdown is text.
func TestMySTReferencesEndToEnd(t *testing.T) {
	files := map[string]string{
		"docs/_config.yml":    "title: Field guide\n",
		"docs/_toc.yml":       "format: jb-book\nroot: intro\nchapters:\n- file: alpha\n",
		"docs/intro.md":       "# Welcome\n\nSee {ref}`alpha-start`, [](alpha-start), {doc}`alpha` and {download}`data/table.csv`.\n\nAlso {ref}`missing`.\n",
		"docs/alpha.md":       "# Alpha\n\n(alpha-start)=\n## Starting out\n\nText.\n",
		"docs/data/table.csv": "a,b\n",
	}
	dir := t.TempDir()
	for name, text := range files {
		write(t, dir, name, text)
	}
	r := runIn(t, "build", dir)
	if r.code != exitOK {
		t.Fatalf("build: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	home, err := os.ReadFile(filepath.Join(dir, "public", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`See <a href="alpha/#alpha-start">Starting out</a>, <a href="alpha/#alpha-start">Starting out</a>, <a href="alpha/">Alpha</a> and <a href="data/table.csv">data/table.csv</a>.`,
	} {
		if !strings.Contains(string(home), want) {
			t.Errorf("the home page lacks\n%s", want)
		}
	}
	alpha, _ := os.ReadFile(filepath.Join(dir, "public", "alpha", "index.html"))
	if !strings.Contains(string(alpha), `<span id="alpha-start"></span>Starting out</h2>`) || strings.Contains(string(alpha), "(alpha-start)=") {
		t.Errorf("the target is not an anchor at its heading:\n%s", alpha)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "data", "table.csv")); err != nil {
		t.Errorf("the {download} file is not published: %v", err)
	}
	if want := "docs/intro.md:5:6: warning: {ref}`missing`: no target (label)= of that name in the site"; !strings.Contains(r.stderr+r.stdout, want) {
		t.Errorf("output lacks %q:\n%s%s", want, r.stdout, r.stderr)
	}

	baton := t.TempDir()
	write(t, baton, "content/handbook.yaml", "title: Handbook\n")
	write(t, baton, "content/_index.md", "---\ntitle: Home\n---\n(label)=\n## Heading\n\nSee {ref}`label`.\n")
	if r := runIn(t, "build", baton); r.code != exitOK {
		t.Fatalf("baton handbook: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	page, _ := os.ReadFile(filepath.Join(baton, "public", "index.html"))
	if !strings.Contains(string(page), "<p>(label)=</p>") || !strings.Contains(string(page), "See {ref}<code>label</code>.") {
		t.Errorf("in a baton handbook, MyST's syntax is not text as before:\n%s", page)
	}
}
