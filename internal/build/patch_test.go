package build_test

import (
	"bytes"
	"context"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/reachtest"
	"github.com/google/go-cmp/cmp"
)

// TestPatchLeavesLastResult holds the Result of one build while the next
// patches it, as the dev server does (it serves the last build until the
// next one is swapped in). A reader goes through everything the held
// Result reaches (its Site, pages, resolver, files) all through the
// rebuild: under -race, a write to any of it is reported, even one that
// leaves a value as it was. Then the held Result's files, the model as
// JSON and the edited page among them, have the bytes they had, and its
// print view, made only when first asked, shows its own build's bodies:
// it equals a fresh build of the sources before the edit, file for file.
func TestPatchLeavesLastResult(t *testing.T) {
	ctx := context.Background()
	src := readSite(t, "testdata/site")
	before := maps.Clone(src)
	b := newBuilder(t, build.Options{Lazy: true})
	last, diags := b.Build(ctx, src)
	if last == nil {
		t.Fatalf("build failed:\n%v", diags)
	}
	sum := reachtest.Sum(last)
	kept := map[string][]byte{}
	for _, f := range last.Files {
		if f.Lazy == nil && f.From == "" {
			kept[f.Path] = bytes.Clone(f.Data)
		}
	}
	// handbook.json, like the print view, is made when first asked for
	// (render.Job.OnDemand): the comparison with a fresh build below holds it.
	if kept["notes/index.html"] == nil {
		t.Fatal("the build has no notes/index.html to hold")
	}

	var (
		stop    = make(chan struct{})
		wg      sync.WaitGroup
		changed atomic.Bool
		walks   atomic.Int64
	)
	wg.Go(func() {
		for {
			select {
			case <-stop:
				return
			default:
			}
			if reachtest.Sum(last) != sum {
				changed.Store(true)
			}
			walks.Add(1)
		}
	})
	const added = "A paragraph that the patch adds."
	src["content/notes.md"] = &fstest.MapFile{Data: append(slices.Clone(src["content/notes.md"].Data), "\n"+added+"\n"...)}
	next, diags := b.Rebuild(ctx, src, []string{"content/notes.md"})
	close(stop)
	wg.Wait()
	if next == nil || !next.Patched {
		t.Fatalf("the body edit was not patched: %v", diags)
	}
	if changed.Load() || reachtest.Sum(last) != sum {
		t.Errorf("the patch wrote into what the last Result reaches (after %d walks of it)", walks.Load())
	}
	if !bytes.Contains(files(t, src, next)["notes/index.html"], []byte(added)) {
		t.Fatalf("the patched build's page does not show the edit")
	}
	held := files(t, before, last)
	for p, data := range kept {
		if !bytes.Equal(held[p], data) {
			t.Errorf("%s of the last Result changed in the rebuild", p)
		}
	}
	if bytes.Contains(held["print/index.html"], []byte(added)) {
		t.Errorf("the last Result's print view, made after the patch, shows the patched body")
	}
	if diff := cmp.Diff(mustBuild(t, newBuilder(t, build.Options{}), before), held); diff != "" {
		t.Errorf("the last Result differs from a fresh build of its sources:\n%s", diff)
	}
}

// TestLayoutReadingBodiesFails: no view holds the model or a page's
// prepared Markdown, so a layout of the site's own that reads the pages'
// bodies off them (.Site.Pages, .Doc, .Hrefs) fails the build with a
// template error at its file, line and column that names what it read,
// rather than showing the bodies Resolve made where a patch gave new ones
// (such a layout once made every edit build in full).
func TestLayoutReadingBodiesFails(t *testing.T) {
	for _, c := range []struct{ layout, main, want string }{
		{"print", `{{range .Site.Pages}}{{.URL}}: {{with .Doc}}{{.Words}}{{end}}{{end}}`, "can't evaluate field Pages in type *render.SiteView"},
		{"print", `{{range .Print}}{{.Page.Doc.Words}}{{end}}`, "can't evaluate field Doc in type render.PrintPage"},
		{"home", `{{.Page.Doc.Words}}`, "can't evaluate field Doc in type *render.PageData"},
		{"page", `{{.Body.Hrefs}}`, "can't evaluate field Hrefs in type template.HTML"},
	} {
		src := readSite(t, "testdata/site")
		file := "layouts/" + c.layout + ".html"
		src[file] = &fstest.MapFile{Data: []byte("{{template \"layouts/baseof.html\" .}}\n{{define \"main\"}}<ul>" + c.main + "</ul>{{end}}\n")}
		res, diags := newBuilder(t, build.Options{}).Build(context.Background(), src)
		errs := diags.Errors()
		if res != nil || len(errs) == 0 {
			t.Errorf("%s: built %v with errors %v, want an error", c.main, res != nil, errs)
			continue
		}
		if e := errs[0]; e.Pos.File != file || e.Pos.Line != 2 || e.Pos.Col == 0 || !strings.Contains(e.Message, c.want) {
			t.Errorf("%s: error %v, want one at %s:2 that says %q", c.main, e, file, c.want)
		}
	}
}
