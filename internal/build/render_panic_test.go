package build

import (
	"context"
	"strings"
	"testing"

	"github.com/batonhq/baton"
	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/render"
	"github.com/batonhq/baton/internal/source"
)

// TestRenderPanicIsADiagnostic: a panic while rendering one page (a bug in
// baton; here a page with fewer resolved links than its document has, as
// a link in a heading once caused) is an error diagnostic on the page's
// source file, from rendering and from the lazily rendered print view the
// dev server reads; the process goes on.
func TestRenderPanicIsADiagnostic(t *testing.T) {
	md := markdown.New(false)
	var parsed []*handbook.Parsed
	for _, f := range []source.File{
		{Path: "content/a.md", Data: []byte("---\ntitle: A\n---\nSee [b](b.md).\n")},
		{Path: "content/b.md", Data: []byte("---\ntitle: B\n---\nB.\n")},
	} {
		parsed = append(parsed, handbook.Parse(f, md))
	}
	site, diags := handbook.Resolve(config.Default(), parsed, handbook.Options{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, p := range site.Pages {
		if p.File == "content/a.md" {
			p.Hrefs = nil
		}
	}
	theme, err := render.LoadTheme(baton.Layouts())
	if err != nil {
		t.Fatal(err)
	}
	rdr, diags := render.New(theme)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, lazy := range []bool{false, true} {
		mem := &memory{}
		r := &run{b: New(Options{Lazy: lazy}), sink: mem, mem: mem, keep: lazy}
		diags := r.renderAll(context.Background(), rdr.Jobs(site), nil)
		files := mem.files
		var onPage []string
		for _, d := range diags.Errors() {
			if d.Pos.File == "content/a.md" {
				onPage = append(onPage, d.String())
			}
		}
		want := 2 // the page and the print view
		if lazy {
			want = 1
			for _, f := range files {
				// handbook.json, lazy too, shows no page's links.
				if f.Lazy == nil || !strings.HasPrefix(f.Path, "print/") {
					continue
				}
				if _, err := f.Bytes(); err == nil || !strings.Contains(err.Error(), "content/a.md") {
					t.Errorf("reading the lazy %s: %v, want an error naming content/a.md", f.Path, err)
				}
			}
		}
		if len(onPage) != want || len(diags.Errors()) != want {
			t.Errorf("lazy %v: %d errors on content/a.md, want %d; all:\n%s", lazy, len(onPage), want, diags)
		}
	}
}
