package buildcache

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	baton "github.com/batonhq/baton"
	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/buildid"
	"github.com/batonhq/baton/internal/corpus"
	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/publish"
	"github.com/batonhq/baton/internal/render"
	"github.com/google/go-cmp/cmp"
)

// built is a build's output, file by file, and its diagnostics.
type built struct {
	files map[string]string
	diags string
}

// buildTo builds the site in dir into a folder, as baton build does (the
// pages' HTML out of memory, in a scratch file or the cache's), with docs
// as its prepared pages' cache (nil: none).
func buildTo(t *testing.T, dir string, docs *markdown.DocCache) built {
	t.Helper()
	return buildWith(t, dir, build.Options{Docs: docs})
}

// buildWith is buildTo with the caches opts gives.
func buildWith(t *testing.T, dir string, opts build.Options) built {
	t.Helper()
	theme, err := render.LoadTheme(baton.Layouts())
	if err != nil {
		t.Fatal(err)
	}
	opts.Theme, opts.ScratchDir = theme, t.TempDir()
	src := os.DirFS(dir)
	out := filepath.Join(t.TempDir(), "public")
	tx, err := publish.Begin(publish.Options{Out: out, Source: src})
	if err != nil {
		t.Fatal(err)
	}
	res, diags := build.New(opts).BuildTo(context.Background(), src, tx)
	if res == nil {
		tx.Abort()
		t.Fatalf("%s does not build:\n%v", dir, diags)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(out, p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return built{files, fmt.Sprint(diags)}
}

// sameBuild fails unless got is want, file for file and diagnostic for
// diagnostic.
func sameBuild(t *testing.T, what string, got, want built) {
	t.Helper()
	if diff := cmp.Diff(want.files, got.files); diff != "" {
		t.Errorf("%s: other files than a build without the cache (-want +got):\n%s", what, diff)
	}
	if got.diags != want.diags {
		t.Errorf("%s: diagnostics\n%s\nwant\n%s", what, got.diags, want.diags)
	}
}

// corpusSite writes a generated handbook of the real shape (code, tables
// of raw HTML kept with unsafe_html, images, Japanese pages) with a
// glossary whose terms its pages use, a page with includes and one with
// a diagram, and returns its folder.
func corpusSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := corpus.WriteDir(dir, corpus.Baton(corpus.Options{Pages: 240, Seed: 7, Shape: corpus.Real})); err != nil {
		t.Fatal(err)
	}
	extra := map[string]string{
		"content/glossary.yaml": "terms:\n  - term: Roadmap\n    definition: Where the product is going, *roughly*.\n" +
			"  - term: Backlog\n    aliases: [backlogs]\n    definition: What waits.\n  - term: Cohort\n    definition: A group that started together.\n",
		"content/included.md":       "---\ntitle: Included\n---\nThe roadmap, with code:\n\n```go\n{{#include snippets/main.go}}\n```\n\n{{#include snippets/note.txt}}\n",
		"content/snippets/main.go":  "package main\n\nfunc main() { println(\"hi\") }\n",
		"content/snippets/note.txt": "A note about the backlog, <kbd>raw</kbd>.\n",
		"content/diagram.md":        "---\ntitle: Diagram\n---\n```mermaid\ngraph TD; A-->B\n```\n\n> [!TIP]\n> A cohort [tip](included.md).\n",
	}
	for name, data := range extra {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestDocsGiveWhatPreparingGives builds the test sites and a generated
// handbook without the cache, then twice with it (the first fills it, the
// second takes every page from it), then from damaged, foreign and
// stale cache files: every build writes the same bytes and diagnostics.
func TestDocsGiveWhatPreparingGives(t *testing.T) {
	if buildid.Executable() == "" {
		t.Skip("this system does not say where the program is")
	}
	sites := []string{"../build/testdata/site", "../build/testdata/site-de", "../build/testdata/multilang", "../build/testdata/raci", corpusSite(t)}
	for _, site := range sites {
		want := buildTo(t, site, nil)
		dir := t.TempDir()
		first := LoadDocs(dir)
		sameBuild(t, site+", filling the cache", buildTo(t, site, first), want)
		_, made := first.Stats()
		if err := SaveDocs(dir, first); err != nil {
			t.Fatal(err)
		}
		next := LoadDocs(dir)
		sameBuild(t, site+", from the cache", buildTo(t, site, next), want)
		if reused, again := next.Stats(); made == 0 || reused != made || again != 0 || next.Changed() {
			t.Errorf("%s: the second build reused %d documents and prepared %d; the first prepared %d; changed %v", site, reused, again, made, next.Changed())
		}
		next.Close()
		data, err := os.ReadFile(filepath.Join(dir, docsFile))
		if err != nil {
			t.Fatal(err)
		}
		id := []byte(buildid.Executable())
		for name, bad := range map[string][]byte{
			"cut":             data[:len(data)*2/3],
			"flipped":         flipped(data, len(data)/2),
			"another program": bytes.Replace(data, id, bytes.Repeat([]byte("f"), len(id)), 1),
		} {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, docsFile), bad, 0o644); err != nil {
				t.Fatal(err)
			}
			docs := LoadDocs(dir)
			sameBuild(t, site+", "+name, buildTo(t, site, docs), want)
			if reused, _ := docs.Stats(); reused != 0 {
				t.Errorf("%s, %s: %d documents taken from the file", site, name, reused)
			}
		}
	}
}

// TestDocsFollowEdits: after a page's edit and a glossary's, the cache
// gives the pages that did not change, and the build is a fresh one's.
func TestDocsFollowEdits(t *testing.T) {
	if buildid.Executable() == "" {
		t.Skip("this system does not say where the program is")
	}
	site, dir := corpusSite(t), t.TempDir()
	docs := LoadDocs(dir)
	buildTo(t, site, docs)
	if err := SaveDocs(dir, docs); err != nil {
		t.Fatal(err)
	}
	for _, edit := range []struct{ file, add string }{
		{"content/included.md", "\nA new line about the roadmap.\n"},
		{"content/snippets/note.txt", "\nAn included line.\n"},
		{"content/glossary.yaml", "  - term: Sprint\n    definition: A short cycle.\n"},
	} {
		name := filepath.Join(site, edit.file)
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, append(data, edit.add...), 0o644); err != nil {
			t.Fatal(err)
		}
		want := buildTo(t, site, nil)
		docs := LoadDocs(dir)
		sameBuild(t, "after an edit of "+edit.file, buildTo(t, site, docs), want)
		if reused, made := docs.Stats(); made == 0 || (edit.file != "content/glossary.yaml" && reused == 0) {
			t.Errorf("after an edit of %s: %d documents reused, %d prepared", edit.file, reused, made)
		}
		if err := SaveDocs(dir, docs); err != nil {
			t.Fatal(err)
		}
	}
}

func flipped(data []byte, i int) []byte {
	bad := bytes.Clone(data)
	bad[i] ^= 0x40
	return bad
}
