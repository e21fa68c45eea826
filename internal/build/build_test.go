package build_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/batonhq/baton"
	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/corpus"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/layout"
	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/publish"
	"github.com/batonhq/baton/internal/render"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

func newBuilder(t testing.TB, opts build.Options) *build.Builder {
	t.Helper()
	theme, err := render.LoadTheme(baton.Layouts())
	if err != nil {
		t.Fatal(err)
	}
	opts.Theme = theme
	return build.New(opts)
}

// files returns a build's output as path → bytes, reading copied files.
func files(t testing.TB, src fs.FS, res *build.Result) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, f := range res.Files {
		data, err := f.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		if f.From != "" {
			var err error
			if data, err = fs.ReadFile(src, f.From); err != nil {
				t.Fatal(err)
			}
		}
		out[f.Path] = data
	}
	return out
}

func mustBuild(t testing.TB, b *build.Builder, src fs.FS) map[string][]byte {
	t.Helper()
	res, diags := b.Build(context.Background(), src)
	if res == nil {
		t.Fatalf("build failed:\n%v", diags)
	}
	if len(diags) > 0 {
		t.Errorf("unexpected diagnostics:\n%v", diags)
	}
	return files(t, src, res)
}

// TestGolden builds testdata/site and compares every output file with
// testdata/golden, and testdata/site-de (a small handbook in German, with
// strings: of its own) with testdata/golden-de. Run with -update to
// rewrite; a golden file that no output matches fails the test.
func TestGolden(t *testing.T) {
	for _, c := range []struct{ site, golden string }{{"testdata/site", "testdata/golden"}, {"testdata/site-de", "testdata/golden-de"}, {"testdata/raci", "testdata/golden-raci"}} {
		t.Run(c.site, func(t *testing.T) {
			got := mustBuild(t, newBuilder(t, build.Options{}), os.DirFS(c.site))
			checkGolden(t, got, c.golden)
		})
	}
}

// TestGoldenNavSections builds handbooks written for MkDocs and mdBook,
// each read through its layout, whose navigation files group pages under
// captions that are no folders: the sidebar, breadcrumbs and previous and
// next follow them.
func TestGoldenNavSections(t *testing.T) {
	for _, c := range []struct{ site, golden string }{{"testdata/mkdocs-sections", "testdata/golden-mkdocs-sections"}, {"testdata/mdbook-parts", "testdata/golden-mdbook-parts"}} {
		t.Run(c.site, func(t *testing.T) {
			site := os.DirFS(c.site)
			l := layout.Detect(site)
			got := mustBuild(t, newBuilder(t, build.Options{Layout: l}), l.FS(site))
			checkGolden(t, got, c.golden)
		})
	}
}

// checkGolden compares a build's output with the folder golden, or
// rewrites the folder with -update. The theme's own files (its script,
// styles and icon, straight under a _baton folder) are the same bytes in
// every site's output: they are kept once, in sharedGolden, and every
// other site's are compared with that copy.
func checkGolden(t *testing.T, got map[string][]byte, golden string) {
	t.Helper()
	if *update {
		if err := os.RemoveAll(golden); err != nil {
			t.Fatal(err)
		}
		for p, data := range got {
			if _, ok := sharedThemeFile(golden, p); ok {
				continue
			}
			dst := filepath.Join(golden, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(dst, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	want := map[string][]byte{}
	err := fs.WalkDir(os.DirFS(golden), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		want[p], err = os.ReadFile(filepath.Join(golden, p))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for p := range want {
		if _, ok := got[p]; !ok {
			t.Errorf("golden file %s is not produced by the build (stale: run go test -update)", p)
		}
	}
	for p, data := range got {
		w, ok := want[p]
		if shared, isShared := sharedThemeFile(golden, p); isShared {
			w, ok = shared, true
		}
		if !ok {
			t.Errorf("output %s has no golden file (run go test -update)", p)
			continue
		}
		if !bytes.Equal(data, w) {
			t.Errorf("output %s differs from golden (-want +got; the theme's files are %s's, updated by TestGolden -update):\n%s", p, sharedGolden, cmp.Diff(string(w), string(data)))
		}
	}
}

// sharedGolden is the golden folder that keeps the theme's files.
const sharedGolden = "testdata/golden"

// goldenSite serves golden as the site it is: its files, and the theme's
// that sharedGolden keeps for it.
type goldenSite string

func (g goldenSite) Open(name string) (http.File, error) {
	f, err := http.Dir(g).Open(name)
	if errors.Is(err, fs.ErrNotExist) && path.Base(path.Dir(name)) == "_baton" {
		return http.Dir(sharedGolden).Open("/_baton/" + path.Base(name))
	}
	return f, err
}

// sharedThemeFile is sharedGolden's copy of the theme file that output
// path p of another golden site is (a file straight under a _baton
// folder that sharedGolden has too), and whether it is one.
func sharedThemeFile(golden, p string) ([]byte, bool) {
	if golden == sharedGolden || path.Base(path.Dir(p)) != "_baton" {
		return nil, false
	}
	data, err := os.ReadFile(filepath.Join(sharedGolden, "_baton", path.Base(p)))
	return data, err == nil
}

// TestDeterministic builds the same site with one and with many threads and
// with a warm cache, and wants identical bytes.
func TestDeterministic(t *testing.T) {
	for _, dir := range []string{"testdata/site", "../.."} {
		src := os.DirFS(dir)
		prev := runtime.GOMAXPROCS(1)
		one := mustBuild(t, newBuilder(t, build.Options{}), src)
		runtime.GOMAXPROCS(max(4, prev))
		b := newBuilder(t, build.Options{})
		many := mustBuild(t, b, src)
		again := mustBuild(t, b, src)
		runtime.GOMAXPROCS(prev)
		if diff := cmp.Diff(one, many); diff != "" {
			t.Errorf("%s: GOMAXPROCS changes the output:\n%s", dir, diff)
		}
		if diff := cmp.Diff(many, again); diff != "" {
			t.Errorf("%s: a cached rebuild changes the output:\n%s", dir, diff)
		}
		// A second builder takes every code block from the first one's
		// code cache, and writes the same bytes.
		code := markdown.NewCodeCache()
		mustBuild(t, newBuilder(t, build.Options{Code: code}), src)
		if _, made := code.Stats(); made == 0 {
			t.Fatalf("%s: the build highlighted no code", dir)
		}
		cached := mustBuild(t, newBuilder(t, build.Options{Code: code}), src)
		if reused, made := code.Stats(); reused == 0 {
			t.Errorf("%s: the second build took nothing from the code cache (%d made)", dir, made)
		}
		if diff := cmp.Diff(one, cached); diff != "" {
			t.Errorf("%s: code from the cache changes the output:\n%s", dir, diff)
		}
	}
}

// TestDiagnostics builds each broken site under testdata/errors and
// compares the diagnostics with its diagnostics.golden, line for line.
func TestDiagnostics(t *testing.T) {
	cases, err := os.ReadDir("testdata/errors")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Name(), func(t *testing.T) {
			dir := filepath.Join("testdata/errors", c.Name())
			res, diags := newBuilder(t, build.Options{}).Build(context.Background(), os.DirFS(dir))
			if res != nil {
				t.Fatalf("build succeeded; want errors")
			}
			var got strings.Builder
			for _, d := range diags {
				got.WriteString(d.String() + "\n")
			}
			file := filepath.Join(dir, "diagnostics.golden")
			if *update {
				if err := os.WriteFile(file, []byte(got.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), got.String()); diff != "" {
				t.Errorf("diagnostics differ (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDefaultHandbook builds the repository's own content/ with zero
// diagnostics and crawls every internal link and anchor of the output.
func TestDefaultHandbook(t *testing.T) {
	src := os.DirFS("../..")
	out := mustBuild(t, newBuilder(t, build.Options{}), src)
	crawl(t, out)
	for _, want := range []string{"index.html", "roles/index.html", "responsibilities/index.html", "paths/index.html", "print/index.html", "404.html", "robots.txt", "tags/index.html"} {
		if _, ok := out[want]; !ok {
			t.Errorf("default handbook has no %s", want)
		}
	}
}

// TestGoldenLinks crawls the golden site's output too.
func TestGoldenLinks(t *testing.T) {
	crawl(t, mustBuild(t, newBuilder(t, build.Options{}), os.DirFS("testdata/site")))
}

// TestIncremental applies edits through one Builder and compares each result
// with a fresh build of the same sources.
func TestIncremental(t *testing.T) { incremental(t, nil) }

// ownPage and ownSection are layouts of a site's own: they print what the
// default theme does not (the page's file, its owners and tags in other
// markup, every step of its reading paths, the previous page's summary,
// the sidebar's titles; a section's children with their summaries), so a
// cached rebuild that missed any of it would differ from a fresh build.
const (
	ownPage = `{{template "layouts/baseof.html" .}}{{define "main"}}{{$p := .Page}}
<article><h1>{{$p.Title}}</h1><p class="own">{{$p.File}} · {{$p.Minutes}} · {{len $p.Related}} related</p>
<ul class="own-tags">{{range $p.Tags}}<li><a href="{{$.Rel .URL}}">#{{.Name}}</a></li>{{end}}</ul>
<p class="own-owners">{{range $i, $o := $p.Review.Owners}}{{if $i}} and {{end}}<a href="{{$.Rel $o.URL}}">{{$o.Title}}</a>{{end}}</p>
{{range $p.Paths}}<p>{{.Path.Title}}: {{range .Path.Steps}}{{.Title}}; {{end}}</p>{{end}}
{{with $p.Prev}}<p class="own-prev">{{.Summary}}</p>{{end}}
<div class="prose">{{.Body}}</div><p class="own-nav">{{range .Nav}}{{.Title}} {{end}}</p></article>{{end}}
`
	ownSection = `{{template "layouts/baseof.html" .}}{{define "main"}}<h1>{{.Page.Title}}</h1>{{.Body}}
<dl>{{range .Page.Section.Children}}<dt><a href="{{$.Rel .URL}}">{{.Title}}</a></dt><dd>{{.Summary}}</dd>{{end}}</dl>{{end}}
`
)

// TestIncrementalOwnLayouts runs TestIncremental's edits on the site with
// a page.html and a section.html of its own: its cached rebuilds equal
// fresh builds, and reuse the pages whose views did not change.
func TestIncrementalOwnLayouts(t *testing.T) {
	incremental(t, map[string]string{"layouts/page.html": ownPage, "layouts/section.html": ownSection})
}

// incremental applies edits through one Builder, to testdata/site with
// the layouts given, and compares each result with a fresh build of the
// same sources.
func incremental(t *testing.T, layouts map[string]string) {
	t.Helper()
	src := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("testdata/site"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join("testdata/site", p))
		src[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range layouts {
		src[name] = &fstest.MapFile{Data: []byte(data)}
	}
	// One builder reads everything each time; the other is told what
	// changed, patches where it can, and renders the print view lazily, as
	// the dev server does.
	full := newBuilder(t, build.Options{})
	told := newBuilder(t, build.Options{Lazy: true})
	mustBuild(t, full, src)
	mustBuild(t, told, src)
	appendTo := func(name, text string) func() []string {
		return func() []string {
			f := src[name]
			f.Data = append(slices.Clone(f.Data), []byte(text)...)
			return []string{name}
		}
	}
	edits := []struct {
		name  string
		edit  func() []string
		patch bool // whether the told builder may patch
	}{
		{"body", appendTo("content/notes.md", "\nA new paragraph.\n"), true},
		{"body of a page with links", appendTo("content/playbooks/basics/start.md", "\nMore on [the second page](second.md).\n"), false},
		{"the same body again", appendTo("content/playbooks/basics/start.md", "\nAnd *more*.\n"), true},
		{"home body", appendTo("content/_index.md", "\nA closing line.\n"), true},
		{"section body", appendTo("content/playbooks/_index.md", "\nAbout this section.\n"), true},
		{"two bodies", func() []string {
			return append(appendTo("content/notes.md", "\nTwo.\n")(), appendTo("content/playbooks/basics/second.md", "\nTwo.\n")()...)
		}, true},
		{"nothing", func() []string { return []string{"content/notes.md"} }, true},
		{"a glossary definition, which each page that uses the term shows", func() []string {
			f := src["content/glossary.yaml"]
			f.Data = bytes.Replace(f.Data, []byte("every player reads from"), []byte("the orchestra plays from"), 1)
			return []string{"content/glossary.yaml"}
		}, false},
		{"a new glossary term, which marks pages that were built", func() []string {
			f := src["content/glossary.yaml"]
			f.Data = append(slices.Clone(f.Data), []byte("  - term: Plain page\n    definition: A page at the root.\n")...)
			return []string{"content/glossary.yaml"}
		}, false},
		{"a body that uses a term again", appendTo("content/notes.md", "\nAnother plain page.\n"), true},
		{"a body that uses a term first", appendTo("content/playbooks/basics/second.md", "\nThe tempo, again.\n"), false},
		{"a page that opts out of the glossary", func() []string {
			f := src["content/notes.md"]
			f.Data = bytes.Replace(f.Data, []byte("weight: 50\n"), []byte("weight: 50\nglossary: false\n"), 1)
			return []string{"content/notes.md"}
		}, false},
		{"title", func() []string {
			f := src["content/playbooks/basics/second.md"]
			f.Data = bytes.Replace(f.Data, []byte("title: The second page"), []byte("title: Page two, renamed"), 1)
			return []string{"content/playbooks/basics/second.md"}
		}, false},
		{"role", func() []string {
			f := src["content/roles/design.yaml"]
			f.Data = bytes.Replace(f.Data, []byte("title: Design"), []byte("title: Product design"), 1)
			return []string{"content/roles/design.yaml"}
		}, false},
		{"a path's step before a page, which the page's foot names", func() []string {
			f := src["content/roles/conductor.yaml"]
			f.Data = bytes.Replace(f.Data, []byte("title: Writing the score"), []byte("title: Scoring"), 1)
			return []string{"content/roles/conductor.yaml"}
		}, false},
		{"a page's owner, which its header names", func() []string {
			f := src["content/notes.md"]
			f.Data = bytes.Replace(f.Data, []byte("owners: [conductor]"), []byte("owners: [design]"), 1)
			return []string{"content/notes.md"}
		}, false},
		{"the owner's title", func() []string {
			f := src["content/roles/design.yaml"]
			f.Data = bytes.Replace(f.Data, []byte("title: Product design"), []byte("title: Design and research"), 1)
			return []string{"content/roles/design.yaml"}
		}, false},
		{"new page in new folder", func() []string {
			src["content/playbooks/more/deep/new.md"] = &fstest.MapFile{Data: []byte("---\ntitle: New\n---\nSee [start](../../basics/start.md).\n")}
			return []string{"content/playbooks/more"}
		}, false},
		{"body of the new page", appendTo("content/playbooks/more/deep/new.md", "\nMore.\n"), true},
		{"delete", func() []string {
			delete(src, "content/playbooks/more/deep/new.md")
			return []string{"content/playbooks/more/deep/new.md"}
		}, false},
		{"rename", func() []string {
			src["content/renamed.md"] = src["content/notes.md"]
			delete(src, "content/notes.md")
			f := src["content/playbooks/basics/start.md"]
			f.Data = bytes.Replace(f.Data, []byte("../../notes.md"), []byte("../../renamed.md"), 1)
			return []string{"content/renamed.md", "content/notes.md", "content/playbooks/basics/start.md"}
		}, false},
		{"a new reading path, which the sidebar of every path lists", func() []string {
			src["content/paths/second.yaml"] = &fstest.MapFile{Data: []byte("title: Second steps\nsteps:\n  - page: playbooks/basics/second.md\n")}
			return []string{"content/paths/second.yaml"}
		}, false},
		{"a new tag, which the sidebar of every tag lists", func() []string {
			f := src["content/playbooks/basics/second.md"]
			f.Data = bytes.Replace(f.Data, []byte("tags: [influence]"), []byte("tags: [influence, fresh]"), 1)
			return []string{"content/playbooks/basics/second.md"}
		}, false},
		{"a new top section, which every page's header lists", func() []string {
			src["content/guides/first.md"] = &fstest.MapFile{Data: []byte("---\ntitle: First guide\n---\nG.\n")}
			return []string{"content/guides"}
		}, false},
		{"strings: in handbook.yaml", appendTo("content/handbook.yaml", "strings:\n  toc.title: In this page\n  page.minutes: \"{count} minutes\"\n"), false},
		{"the language", func() []string {
			f := src["content/handbook.yaml"]
			f.Data = bytes.Replace(f.Data, []byte("language: en"), []byte("language: de"), 1)
			return []string{"content/handbook.yaml"}
		}, false},
		{"theme", func() []string {
			src["layouts/partials.html"] = &fstest.MapFile{Data: bytes.Replace(mustRead(t, "layouts/partials.html"), []byte(`{{t "footer.built"}}`), []byte("Made here"), 1)}
			return []string{"layouts/partials.html"}
		}, false},
		{"body, with a theme of the site's own", appendTo("content/renamed.md", "\nThemed.\n"), true},
	}
	// The full rebuilds after these edits must reuse some pages' last
	// output: each changes what only some pages show.
	reuse := map[string]bool{"body of a page with links": true, "title": true, "role": true,
		"a page's owner, which its header names": true, "a new tag, which the sidebar of every tag lists": true}
	for _, e := range edits {
		changed := e.edit()
		want := mustBuild(t, newBuilder(t, build.Options{}), src)
		if diff := cmp.Diff(want, mustBuild(t, full, src)); diff != "" {
			t.Errorf("after %s: incremental build differs from a fresh one:\n%s", e.name, diff)
		}
		res, diags := told.Rebuild(context.Background(), src, changed)
		if res == nil || len(diags) > 0 {
			t.Fatalf("after %s: rebuild failed:\n%v", e.name, diags)
		}
		if diff := cmp.Diff(want, files(t, src, res)); diff != "" {
			t.Errorf("after %s: rebuild told of %q differs from a fresh build:\n%s", e.name, changed, diff)
		}
		if res.Patched != e.patch {
			t.Errorf("after %s: patched %v; want %v", e.name, res.Patched, e.patch)
		}
		if reuse[e.name] && res.Reused == 0 {
			t.Errorf("after %s: the rebuild reused no page", e.name)
		}
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	data, err := fs.ReadFile(baton.Layouts(), strings.TrimPrefix(name, "layouts/"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestPublishFailedBuildKeepsOutput writes a site, then fails a build, and
// checks the output is untouched.
func TestPublishFailedBuildKeepsOutput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	src := os.DirFS("testdata/site")
	res, _ := newBuilder(t, build.Options{}).Build(context.Background(), src)
	opts := publish.Options{Out: out, Source: src}
	if err := publish.Write(opts, res.Files); err != nil {
		t.Fatal(err)
	}
	before := tree(t, out)
	broken := fstest.MapFS{"content/handbook.yaml": {Data: []byte("title: Handbook\n")}, "content/x.md": {Data: []byte("---\ntitle: x\n---\n[gone](nowhere.md)\n")}}
	res2, diags := newBuilder(t, build.Options{}).Build(context.Background(), broken)
	if res2 != nil || !diags.HasErrors() {
		t.Fatalf("broken build succeeded")
	}
	if diff := cmp.Diff(before, tree(t, out)); diff != "" {
		t.Errorf("output changed after a failed build:\n%s", diff)
	}
}

func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		m[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

var _ = path.Join

// TestBuildToEqualsBuild writes the test site as `baton build` does
// (streaming into a publish transaction, the print view through
// WriteStream, the pages waiting in a scratch file) and wants the same
// files as an in-memory build, and nothing left in the scratch folder.
func TestBuildToEqualsBuild(t *testing.T) {
	src := os.DirFS("testdata/site")
	want := map[string]string{}
	for p, data := range mustBuild(t, newBuilder(t, build.Options{}), src) {
		want[p] = string(data)
	}
	for _, scratch := range []string{"", t.TempDir()} {
		out := filepath.Join(t.TempDir(), "public")
		tx, err := publish.Begin(publish.Options{Out: out, Source: src})
		if err != nil {
			t.Fatal(err)
		}
		if res, diags := newBuilder(t, build.Options{ScratchDir: scratch}).BuildTo(context.Background(), src, tx); res == nil {
			tx.Abort()
			t.Fatalf("build failed:\n%v", diags)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		got := tree(t, out)
		delete(got, publish.Marker)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("BuildTo (scratch folder %q) wrote other files than Build makes (-Build +BuildTo):\n%s", scratch, diff)
		}
		if left, _ := os.ReadDir(scratch); scratch != "" && len(left) != 0 {
			t.Errorf("the build left %d files in its scratch folder", len(left))
		}
	}
}

// TestDefaultThemeCopyIsNotOwnLayouts builds a site whose layouts/ is a
// copy of the default theme, as baton's own repository is: it patches body
// edits like a site without layouts, until a layout really differs.
func TestDefaultThemeCopyIsNotOwnLayouts(t *testing.T) {
	src := fstest.MapFS{
		"content/a.md": {Data: []byte("---\ntitle: A\nsummary: Fixed.\n---\nFirst.\n")},
		"content/b.md": {Data: []byte("---\ntitle: B\n---\nSee [a](a.md).\n")},
	}
	err := fs.WalkDir(baton.Layouts(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(baton.Layouts(), p)
		src["layouts/"+p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	b := newBuilder(t, build.Options{Lazy: true})
	mustBuild(t, b, src)
	rebuild := func(name, text string) *build.Result {
		t.Helper()
		src[name] = &fstest.MapFile{Data: []byte(text)}
		res, diags := b.Rebuild(context.Background(), src, []string{name})
		if res == nil {
			t.Fatalf("rebuild failed:\n%v", diags)
		}
		if diff := cmp.Diff(mustBuild(t, newBuilder(t, build.Options{}), src), files(t, src, res)); diff != "" {
			t.Errorf("rebuild after editing %s differs from a fresh build:\n%s", name, diff)
		}
		return res
	}
	if res := rebuild("content/a.md", "---\ntitle: A\nsummary: Fixed.\n---\nFirst.\n\nSecond.\n"); !res.Patched {
		t.Errorf("a body edit with the default theme's copy in layouts/ was not patched")
	}
	css := string(src["layouts/assets/style.css"].Data) + "\n/* the site's own */\n"
	if res := rebuild("layouts/assets/style.css", css); res.Patched {
		t.Errorf("a theme edit was patched")
	}
	if res := rebuild("content/a.md", "---\ntitle: A\nsummary: Fixed.\n---\nFirst.\n\nThird.\n"); !res.Patched {
		t.Errorf("a body edit was not patched with layouts of the site's own")
	}
}

// failingSink refuses the files under one folder.
type failingSink struct{ under string }

func (s failingSink) Write(f render.File) error {
	if strings.HasPrefix(f.Path, s.under) {
		return errors.New("disk full")
	}
	return nil
}

func (s failingSink) WriteStream(p string, write func(io.Writer) error) error {
	return write(io.Discard)
}

// TestBuildToReportsSearchWriteError: the search index is written while it
// is made; a write that fails ends the build with the error, not a panic
// or a silent gap in the output.
func TestBuildToReportsSearchWriteError(t *testing.T) {
	res, diags := newBuilder(t, build.Options{}).BuildTo(context.Background(), os.DirFS("testdata/site"), failingSink{under: "_baton/search/"})
	if res != nil || !strings.Contains(fmt.Sprint(diags), "writing the search index: disk full") {
		t.Errorf("got result %v and diagnostics:\n%v\nwant a failed build that names the search index", res != nil, diags)
	}
}

// unreadable is a site whose file at path can be listed but not read, as
// when it is removed or its permissions change after the build walked
// the folder.
type unreadable struct {
	fstest.MapFS
	path string
}

func (u unreadable) Open(name string) (fs.File, error) {
	if name == u.path {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return u.MapFS.Open(name)
}

// TestBuildToUnreadablePage: a one-off build reads each page when it
// parses it, not when it walks the folder; a page that cannot be read by
// then fails the build with an error at the page, and no files.
func TestBuildToUnreadablePage(t *testing.T) {
	src := manyPages(20)
	res, diags := newBuilder(t, build.Options{}).BuildTo(context.Background(), unreadable{src, "content/p007.md"}, failingSink{})
	if res != nil || !diags.HasErrors() {
		t.Fatalf("got a result (%v) and diagnostics:\n%v\nwant a failed build", res != nil, diags)
	}
	if d := diags[0]; d.Pos.File != "content/p007.md" || !strings.Contains(d.Message, "permission denied") {
		t.Errorf("got %v, want an error at content/p007.md that says why it could not be read", d)
	}
}

// TestCachedPartialErrorPosition: a theme error inside a partial printed
// with cached is reported at the partial's line, not at the cached call.
func TestCachedPartialErrorPosition(t *testing.T) {
	partials, err := fs.ReadFile(baton.Layouts(), "partials.html")
	if err != nil {
		t.Fatal(err)
	}
	src := fstest.MapFS{
		"content/a.md":          {Data: []byte("---\ntitle: A\n---\nA page.\n")},
		"content/roles/pm.yaml": {Data: []byte("title: PM\nsummary: S.\n")}, // the header links to roles
		"layouts/partials.html": {Data: []byte(strings.Replace(string(partials), `href="{{.Root}}roles/"`, `href="{{.Rel "/roles/"}}"`, 1))},
	}
	res, diags := newBuilder(t, build.Options{}).Build(context.Background(), src)
	if res != nil || len(diags) == 0 {
		t.Fatalf("the build passed: %v", diags)
	}
	if errs := diags.Errors(); len(errs) == 0 || errs[0].Pos.File != "layouts/partials.html" || errs[0].Pos.Line == 0 {
		t.Errorf("errors %v, want one at a line of layouts/partials.html", errs)
	}
}

// TestPageTemplateReadsItsView: a page.html of the site's own that reads
// more of the site than a Markdown page's view holds (docs/architecture.md,
// the theme contract) fails the build with an error at its line that
// names what it read, not a panic and not a page rendered from stale data;
// and so does a layout of the other kinds whose views are data (the tags'
// index, a reading path's page, a person's, the glossary's, the home
// page's, the matrix's).
func TestPageTemplateReadsItsView(t *testing.T) {
	for _, c := range []struct{ layout, main, want string }{
		{"page", `{{range .Site.Roles}}{{.Title}}{{end}}`, "range can't iterate over true"},
		{"page", `{{len .Site.Pages}}`, "can't evaluate field Pages in type *render.SiteView"},
		{"page", `{{.Page.Section.Parent.Title}}`, "can't evaluate field Parent in type *render.SectionData"},
		{"page", `{{(index .Page.Roles 0).Responsibilities}}`, "can't evaluate field Responsibilities in type render.Link"},
		{"tags", `{{range .Site.Tags}}{{.Name}}{{end}}`, "range can't iterate over true"},
		{"tags", `{{range .Tags}}{{len .Pages}}{{end}}`, "can't evaluate field Pages in type render.TagCount"},
		{"path", `{{range .Path.Steps}}{{.Page.Title}}{{end}}`, "can't evaluate field Title in type *render.StepPage"},
		{"person", `{{range .Person.Roles}}{{.Responsibilities}}{{end}}`, "can't evaluate field Responsibilities in type render.RoleCard"},
		{"glossary", `{{range .Glossary.Terms}}{{.Definition.Doc}}{{end}}`, "can't evaluate field Doc in type template.HTML"},
		{"home", `{{range .Site.Pages}}{{.Doc.Words}}{{end}}`, "can't evaluate field Pages in type *render.SiteView"},
		{"responsibilities", `{{range .Stages}}{{range .Responsibilities}}{{.Involved}}{{end}}{{end}}`, "can't evaluate field Involved in type render.MatrixRow"},
	} {
		src := fstest.MapFS{
			"content/a.md":                  {Data: []byte("---\ntitle: A\nroles: [pm]\ntags: [t]\n---\nA page.\n")},
			"content/roles/pm.yaml":         {Data: []byte("title: PM\nsummary: S.\n")},
			"content/people/ann.yaml":       {Data: []byte("name: Ann\nroles: [pm]\n")},
			"content/paths/start.yaml":      {Data: []byte("title: Start\nsteps:\n  - page: a.md\n")},
			"content/glossary.yaml":         {Data: []byte("terms:\n  - term: Plan\n    definition: A plan.\n")},
			"layouts/" + c.layout + ".html": {Data: []byte("{{template \"layouts/baseof.html\" .}}\n{{define \"main\"}}" + c.main + "{{end}}\n")},
		}
		if c.layout != "page" {
			// A baton handbook's, which reads glossary.yaml, with a row
			// in the matrix.
			src["content/handbook.yaml"] = &fstest.MapFile{Data: []byte("title: H\n")}
			src["content/roles/pm.yaml"] = &fstest.MapFile{Data: []byte("title: PM\nsummary: S.\nresponsibilities:\n  - id: plan\n    title: Planning\n    kind: activity\n    stage: discover\n")}
		}
		res, diags := newBuilder(t, build.Options{}).Build(context.Background(), src)
		errs := diags.Errors()
		if res != nil || len(errs) != 1 {
			t.Errorf("%s: built %v with errors %v, want one error", c.main, res != nil, errs)
			continue
		}
		file := "layouts/" + c.layout + ".html"
		if e := errs[0]; e.Pos.File != file || e.Pos.Line != 2 || e.Pos.Col == 0 || !strings.Contains(e.Message, c.want) || strings.Contains(e.Message, "internal error") {
			t.Errorf("%s: error %v, want one at %s:2 that says %q", c.main, e, file, c.want)
		}
	}
}

// TestParamsInLayouts: in a handbook written for another tool, a page's
// front matter that baton does not know is kept for the site's layouts
// (.Page.Params), and a rebuild after a change to it shows the change.
func TestParamsInLayouts(t *testing.T) {
	src := fstest.MapFS{
		"content/guide.md":  {Data: []byte("---\ntitle: Guide\nlayout: docs\nmenu:\n  main: [a, b]\n---\nA guide.\n")},
		"content/other.md":  {Data: []byte("---\ntitle: Other\n---\nAnother page.\n")},
		"layouts/page.html": {Data: []byte(`{{template "layouts/baseof.html" .}}{{define "main"}}<p id="params">{{.Page.Params.layout}} {{with .Page.Params.menu}}{{index .main 1}}{{end}}</p>{{end}}`)},
	}
	b := newBuilder(t, build.Options{Lazy: true})
	mustBuild(t, b, src)
	for _, c := range []struct{ from, to, want string }{
		{"main: [a, b]", "main: [a, c]", `<p id="params">docs c</p>`},
		{"layout: docs", "layout: wide", `<p id="params">wide c</p>`},
	} {
		src["content/guide.md"].Data = bytes.Replace(src["content/guide.md"].Data, []byte(c.from), []byte(c.to), 1)
		res, diags := b.Rebuild(context.Background(), src, []string{"content/guide.md"})
		if res == nil {
			t.Fatalf("rebuild: %v", diags)
		}
		got := files(t, src, res)
		if page := string(got["guide/index.html"]); !strings.Contains(page, c.want) {
			t.Errorf("after %s: the page does not show %s", c.to, c.want)
		}
		if diff := cmp.Diff(mustBuild(t, newBuilder(t, build.Options{}), src), got); diff != "" {
			t.Errorf("after %s: the rebuild differs from a fresh build:\n%s", c.to, diff)
		}
	}
}

// TestIncludes builds pages with mdBook's {{#include}}: the included text
// is in the page, a problem in it is reported in the included file, and
// a rebuild after the included file changes shows the change.
func TestIncludes(t *testing.T) {
	src := fstest.MapFS{
		"content/handbook.yaml":  {Data: []byte("title: H\n")},
		"content/guide.md":       {Data: []byte("---\ntitle: Guide\n---\n```go\n{{#include code/main.go:hello}}\n```\n\n{{#include parts/note.txt}}\n")},
		"content/code/main.go":   {Data: []byte("package main\n\n// ANCHOR: hello\nfunc hello() { println(\"first\") }\n// ANCHOR_END: hello\n")},
		"content/parts/note.txt": {Data: []byte("A shared note.\n\nSee [setup](gone.md).\n")},
		"content/parts/other.md": {Data: []byte("---\ntitle: Other\n---\nx\n")},
	}
	b := newBuilder(t, build.Options{Lazy: true})
	res, diags := b.Build(context.Background(), src)
	if res != nil || len(diags) != 1 || diags[0].String() != "content/parts/note.txt:3:5: link to content/gone.md, which does not exist" {
		t.Fatalf("diagnostics %v, want the broken link in the included file, at its line", diags)
	}
	src["content/parts/note.txt"].Data = []byte("A shared note.\n")
	res, diags = b.Rebuild(context.Background(), src, []string{"content/parts/note.txt"})
	if res == nil {
		t.Fatalf("rebuild: %v", diags)
	}
	page := string(files(t, src, res)["guide/index.html"])
	if !strings.Contains(page, "first") || !strings.Contains(page, "A shared note.") || strings.Contains(page, "ANCHOR") {
		t.Errorf("the page lacks the included text:\n%s", page)
	}
	src["content/code/main.go"].Data = []byte(strings.Replace(string(src["content/code/main.go"].Data), "first", "second", 1))
	res, _ = b.Rebuild(context.Background(), src, []string{"content/code/main.go"})
	if page := string(files(t, src, res)["guide/index.html"]); !strings.Contains(page, "second") || strings.Contains(page, "first") {
		t.Errorf("after the included file changed, the page shows:\n%s", page)
	}
}

// TestLinkPos: a build says where each link of a page is written, in the
// order of the page's Hrefs, in an included file at that file's line, and
// with the layout's own file names (docs/, not content/).
func TestLinkPos(t *testing.T) {
	for _, c := range []struct {
		name  string
		root  string
		files fstest.MapFS
		page  string
		want  []string
	}{
		{"baton", "content", fstest.MapFS{
			"content/handbook.yaml":  {Data: []byte("title: H\n")},
			"content/guide.md":       {Data: []byte("---\ntitle: Guide\n---\nSee [a](https://a.example/) and\n![b](https://b.example/x.png).\n\n{{#include parts/note.txt}}\n")},
			"content/parts/note.txt": {Data: []byte("A note.\n\n  <a href=\"https://c.example/\">c</a> [guide](guide.md)\n")},
		}, "content/guide.md", []string{
			"https://a.example/ content/guide.md:4:5",
			"https://b.example/x.png content/guide.md:5:1",
			"https://c.example/ content/parts/note.txt:3:6",
			"/guide/ content/parts/note.txt:3:38",
		}},
		{"mkdocs", "docs", fstest.MapFS{
			"mkdocs.yml":    {Data: []byte("site_name: M\n")},
			"docs/index.md": {Data: []byte("# M\n\n[x](https://x.example/)\n")},
		}, "content/index.md", []string{"https://x.example/ docs/index.md:3:1"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			l := layout.Detect(c.files)
			if l.Root != c.root {
				t.Fatalf("layout root %q, want %q", l.Root, c.root)
			}
			res, diags := newBuilder(t, build.Options{Layout: l}).Build(context.Background(), l.FS(c.files))
			if res == nil {
				t.Fatalf("build failed: %v", diags)
			}
			i := slices.IndexFunc(res.Site.Pages, func(p *handbook.Page) bool { return p.File == c.page })
			if i < 0 {
				t.Fatalf("no page %s", c.page)
			}
			p := res.Site.Pages[i]
			pos := res.LinkPos(p)
			var got []string
			for j, h := range p.Hrefs {
				if j < len(pos) {
					got = append(got, h.URL+" "+pos[j].String())
				}
			}
			if len(pos) != len(p.Hrefs) {
				t.Errorf("%d positions for %d links", len(pos), len(p.Hrefs))
			}
			if diff := cmp.Diff(got, c.want); diff != "" {
				t.Errorf("links and positions (-got +want):\n%s", diff)
			}
		})
	}
}

// TestIncrementalFolder edits a generated handbook of folders of 30 pages
// (more than a sidebar's window of siblings) in the ways that change what
// other pages show: a title, a summary, tags, the order, a section's
// title, an edit undone, two edits at once, a page that is other pages'
// related page and a reading path's step, and an edit that breaks another
// page's link. After each, the dev server's rebuild equals a fresh build
// file for file, and those that move no page reuse the last search index
// (only the changed pages re-indexed) and make the views of only the
// pages that could show the change.
func TestIncrementalFolder(t *testing.T) { incrementalFolder(t, nil) }

// TestIncrementalFolderOwnLayouts runs TestIncrementalFolder's edits on
// the handbook with TestIncrementalOwnLayouts' page.html and section.html,
// which print more of other pages than the default theme.
func TestIncrementalFolderOwnLayouts(t *testing.T) {
	incrementalFolder(t, map[string]string{"layouts/page.html": ownPage, "layouts/section.html": ownSection})
}

func incrementalFolder(t *testing.T, layouts map[string]string) {
	t.Helper()
	src := fstest.MapFS{}
	for _, f := range corpus.Baton(corpus.Options{Pages: 600, Seed: 7, Shape: corpus.Flat}) {
		src[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	for name, data := range layouts {
		src[name] = &fstest.MapFile{Data: []byte(data)}
	}
	told := newBuilder(t, build.Options{Lazy: true})
	first, diags := told.Build(context.Background(), src)
	if first == nil {
		t.Fatal(diags)
	}
	site := first.Site
	folder := site.Pages[len(site.Pages)/2].Section
	if len(folder.Children) < 30 {
		t.Fatalf("the folder %s has %d pages; the test wants more than a sidebar's window", folder.URL, len(folder.Children))
	}
	mid := folder.Children[len(folder.Children)/2]
	other := site.Pages[len(site.Pages)/4]
	related := relatedElsewhere(t, site)
	step := site.Paths[0].Steps[0].Page
	linked, anchored := anchoredLink(t, site)
	replace := func(file, old, new string) func() []string {
		return func() []string {
			f := src[file]
			if !bytes.Contains(f.Data, []byte(old)) {
				t.Fatalf("%s holds no %q", file, old)
			}
			f.Data = bytes.Replace(slices.Clone(f.Data), []byte(old), []byte(new), 1)
			return []string{file}
		}
	}
	title := func(p *handbook.Page, to string) func() []string {
		return replace(p.File, "title: "+p.Title, "title: "+to)
	}
	undo := map[string][]byte{mid.File: src[mid.File].Data}
	edits := []struct {
		name string
		edit func() []string
		// index: the last search index serves, with the pages whose
		// documents changed re-indexed; views: only the views of the
		// pages that could show the change are made.
		index, views bool
	}{
		{"a title in a folder of 30", title(mid, "A title of its own"), true, true},
		{"a summary", replace(mid.File, "summary: ", "summary: Newly summarised. "), true, true},
		{"a new tag and an old one", replace(mid.File, "tags: [", "tags: [fresh-tag, "+site.Tags[0].Name+", "), true, true},
		{"the order", replace(mid.File, fmt.Sprintf("weight: %d\n", mid.Weight), "weight: 1000\n"), true, true},
		{"the title undone, with the rest", func() []string {
			src[mid.File] = &fstest.MapFile{Data: undo[mid.File]}
			return []string{mid.File}
		}, true, true},
		{"two titles at once", func() []string {
			return append(title(mid, "Again renamed")(), title(other, "Also renamed")()...)
		}, true, true},
		{"the title of other pages' related page", title(related, "Related, renamed"), true, true},
		// Every page's sidebar lists the folders of the one top section.
		{"a section's title", title(folder.Page, "A renamed folder"), true, false},
		// A reading path's search document lists its steps' titles.
		{"the title of a reading path's step", title(step, "A step, renamed"), false, true},
		{"a heading another page links to", replace(linked.File, "## "+anchored, "## Renamed heading"), false, false},
		{"the heading back", replace(linked.File, "## Renamed heading", "## "+anchored), false, false},
	}
	// full reads everything each time: it builds afresh, but for the
	// parse of the files that did not change.
	full := newBuilder(t, build.Options{})
	for _, e := range edits {
		changed := e.edit()
		want, wantDiags := full.Build(context.Background(), src)
		res, diags := told.Rebuild(context.Background(), src, changed)
		if want == nil || res == nil {
			if res != nil || want != nil || diags.Err().Error() != wantDiags.Err().Error() {
				t.Fatalf("after %s: rebuild gave %v; a fresh build %v", e.name, diags, wantDiags)
			}
			continue
		}
		sameOutput(t, "after "+e.name, files(t, src, res), files(t, src, want))
		if res.Patched {
			t.Errorf("after %s: patched; the edit changes what other pages show", e.name)
		}
		n := len(res.Site.Pages)
		if got := res.Indexed < n; got != e.index {
			t.Errorf("after %s: indexed %d pages of %d; want the last index updated %v", e.name, res.Indexed, n, e.index)
		}
		if got := res.Keyed < n/4; got != e.views {
			t.Errorf("after %s: made %d views of %d pages; want only those that show the change %v", e.name, res.Keyed, n, e.views)
		}
	}
	// The last rebuild equals a build by a Builder that never built before.
	sameOutput(t, "at the end", mustBuild(t, told, src), mustBuild(t, newBuilder(t, build.Options{}), src))
}

// sameOutput compares two builds' files; cmp.Diff would take minutes over
// a handbook of this size.
func sameOutput(t *testing.T, when string, got, want map[string][]byte) {
	t.Helper()
	for _, p := range slices.Sorted(maps.Keys(want)) {
		g, ok := got[p]
		switch {
		case !ok:
			t.Fatalf("%s: the rebuild has no %s", when, p)
		case !bytes.Equal(g, want[p]):
			t.Fatalf("%s: the rebuild's %s differs from a fresh build's:\n%s", when, p, cmp.Diff(string(want[p]), string(g)))
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Fatalf("%s: the rebuild has %s, which a fresh build has not", when, p)
		}
	}
}

// relatedElsewhere is a page that a page of another folder lists among
// its related pages.
func relatedElsewhere(t *testing.T, site *handbook.Site) *handbook.Page {
	t.Helper()
	for _, p := range site.Pages {
		for _, q := range p.Related {
			if q.Section != p.Section && !q.IsSection {
				return q
			}
		}
	}
	t.Fatal("no page is related to a page of another folder")
	return nil
}

// anchoredLink is a page that another page links to at one of its
// headings, and that heading's text.
func anchoredLink(t *testing.T, site *handbook.Site) (*handbook.Page, string) {
	t.Helper()
	byURL := map[string]*handbook.Page{}
	for _, p := range site.Pages {
		byURL[p.URL] = p
	}
	word := regexp.MustCompile(`^[a-z0-9-]+$`)
	for _, p := range site.Pages {
		for _, h := range p.Hrefs {
			q := byURL[h.URL]
			if q == nil || q == p || h.Fragment == "" || !word.MatchString(h.Fragment) {
				continue
			}
			for _, hd := range q.Doc.Headings {
				if hd.ID == h.Fragment && !strings.ContainsAny(hd.Text, "*_`[") {
					return q, hd.Text
				}
			}
		}
	}
	t.Fatal("no link to another page's heading")
	return nil, ""
}
