package layout

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// TestSphinx reads a Sphinx project that reads MyST: conf.py's project
// and root document, and the tree of its toctrees (captions, titles,
// paths from the document's folder or the project's, links, a page's own
// toctree under it), leaving out self, globs, toctrees shown as code and
// a document read twice; one naming no document is a warning. A conf.py
// without MyST, or a root document that is not Markdown, is no such project.
func TestSphinx(t *testing.T) {
	index := "# Handbook\n\n```{toctree}\n:hidden:\n:maxdepth: 2\n\nteam/index\nself\n```\n\n" +
		"````{div} row\n```{button-ref} x\n```\n````\n\n" +
		"```{toctree}\n:caption: Guides\n\nHow we work <guides/work>\n/guides/glob*\nhttps://example.com/\nmissing\n```\n\n" +
		"````md\n```{toctree}\nshown\n```\n````\n"
	fsys := fstest.MapFS{
		"README.md":           {Data: []byte("# Not a page\n")},
		"docs/conf.py":        {Data: []byte("project = 'Team Compass'\nroot_doc = \"start\"\nextensions = [\n    \"myst_parser\",\n]\n")},
		"docs/start.md":       {Data: []byte(index)},
		"docs/team/index.md":  {Data: []byte("# Team\n\n:::{toctree}\nroles\n../start\n:::\n")},
		"docs/team/roles.md":  {},
		"docs/guides/work.md": {Data: []byte("```{toctree}\n/team/roles\n```\n")},
		"docs/shown.md":       {},
	}
	l := Detect(fsys)
	if l.Kind != Sphinx || l.Root != "docs" || l.Title != "Team Compass" || l.Home != "start.md" || l.NavFile != "docs/start.md" {
		t.Fatalf("detected %s in %q titled %q, home %q, nav %q", l.Kind, l.Root, l.Title, l.Home, l.NavFile)
	}
	for i := range l.Nav {
		clearPos(&l.Nav[i])
	}
	want := []Entry{
		{Path: "start.md"},
		{Path: "team/index.md", Children: []Entry{{Path: "team/roles.md"}, {Path: "start.md"}}},
		{Title: "Guides", Part: true, Children: []Entry{
			{Title: "How we work", Path: "guides/work.md", Children: []Entry{{Path: "team/roles.md"}}},
			{External: "https://example.com/"},
		}},
	}
	if diff := cmp.Diff(want, l.Nav); diff != "" {
		t.Errorf("nav (-want +got):\n%s", diff)
	}
	var got []string
	for _, d := range l.Diags {
		got = append(got, d.String())
	}
	if want := []string{"docs/start.md:22:1: warning: the toctree names missing, which is not in docs"}; strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics %q, want %q", got, want)
	}
	for name, files := range map[string]fstest.MapFS{
		"no MyST":    {"conf.py": {Data: []byte("extensions = ['sphinx.ext.autodoc']\n")}, "index.md": {}},
		"rst root":   {"conf.py": {Data: []byte("extensions = ['myst_parser']\n")}, "index.rst": {}, "other.md": {}},
		"no conf.py": {"index.md": {Data: []byte("```{toctree}\nother\n```\n")}, "other.md": {}},
	} {
		if l := Detect(files); l.Kind == Sphinx {
			t.Errorf("%s: read as %s", name, l.Kind)
		}
	}
}
