package build_test

import (
	"bytes"
	"context"
	"maps"
	"slices"
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

// TestNoPatchUnderLayoutsReadingBodies edits a page's body on a site
// whose own print view (the one page whose template still receives the
// whole site, render.View) lists every page's word count off the model
// (.Doc.Words): a patch would render it from the bodies Resolve made, so
// the edit builds in full, and the print view shows the new count. (A
// home page of the site's own that reads .Site.Pages fails with a
// template error: TestPageTemplateReadsItsView.)
func TestNoPatchUnderLayoutsReadingBodies(t *testing.T) {
	ctx := context.Background()
	src := readSite(t, "testdata/site")
	src["layouts/print.html"] = &fstest.MapFile{Data: []byte(`{{template "layouts/baseof.html" .}}{{define "main"}}<ul>
{{range .Site.Pages}}<li>{{.URL}}: {{with .Doc}}{{.Words}}{{end}} words</li>{{end}}</ul>{{end}}
`)}
	b := newBuilder(t, build.Options{Lazy: true})
	mustBuild(t, b, src)
	src["content/notes.md"] = &fstest.MapFile{Data: append(slices.Clone(src["content/notes.md"].Data), "\nSix more words for the count.\n"...)}
	res, diags := b.Rebuild(ctx, src, []string{"content/notes.md"})
	if res == nil {
		t.Fatalf("rebuild failed:\n%v", diags)
	}
	if res.Patched {
		t.Errorf("a body edit was patched under a layout that reads pages' bodies off the model")
	}
	if diff := cmp.Diff(mustBuild(t, newBuilder(t, build.Options{}), src)["print/index.html"], files(t, src, res)["print/index.html"]); diff != "" {
		t.Errorf("the print view differs from a fresh build's:\n%s", diff)
	}
}
