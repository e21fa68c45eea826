package build_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/batonhq/baton/internal/build"
	"github.com/google/go-cmp/cmp"
)

// multilang reads testdata/multilang, a handbook in English and German,
// into memory, for tests that edit it.
func multilang(t *testing.T) fstest.MapFS {
	t.Helper()
	src := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("testdata/multilang"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join("testdata/multilang", p))
		src[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// TestGoldenLanguages builds testdata/multilang and compares every output
// file with testdata/golden-multilang: English at the root, German under
// de/, each with its own search index, sitemap, feed, handbook.json and
// print views, and a switcher and hreflang links on every page.
func TestGoldenLanguages(t *testing.T) {
	got := mustBuild(t, newBuilder(t, build.Options{}), os.DirFS("testdata/multilang"))
	checkGolden(t, got, "testdata/golden-multilang")
	crawl(t, got)
}

// switcherRE matches what links one language's pages to the others': the
// header's switcher and the head's hreflang links.
var switcherRE = regexp.MustCompile(`(?s)<details class="lang-switch">.*?</details>|<link rel="alternate" hreflang="[^"]*" href="[^"]*">`)

// TestLanguagesStayApart holds every link of a language's pages, but the
// switcher's, inside its own folder, and its search index free of the
// other language's pages.
func TestLanguagesStayApart(t *testing.T) {
	out := mustBuild(t, newBuilder(t, build.Options{}), os.DirFS("testdata/multilang"))
	for p, data := range out {
		if !strings.HasSuffix(p, ".html") || strings.HasSuffix(p, "404.html") {
			continue
		}
		german := strings.HasPrefix(p, "de/")
		for _, m := range linkRE.FindAllSubmatch(switcherRE.ReplaceAll(data, nil), -1) {
			u := string(m[1])
			if strings.Contains(u, ":") || strings.HasPrefix(u, "#") {
				continue
			}
			target := path.Join(path.Dir(p), strings.SplitN(u, "?", 2)[0])
			if inGerman := strings.HasPrefix(target+"/", "de/"); inGerman != german {
				t.Errorf("%s links to %s (%s), in the other language", p, u, target)
			}
		}
	}
	for p, data := range out {
		if !strings.Contains(p, "_baton/search/d/") {
			continue
		}
		others := []string{"Besprechungen", "Dirigent"}
		if strings.HasPrefix(p, "de/") {
			others = []string{"Meetings", "Only in English", "Conductor"}
		}
		for _, w := range others {
			if bytes.Contains(data, []byte(w)) {
				t.Errorf("%s holds %q, of the other language's pages:\n%s", p, w, data)
			}
		}
	}
	for _, p := range []string{"de/_baton/search/index.js", "de/sitemap.xml", "de/handbook.json", "de/print/index.html", "de/404.html", "robots.txt"} {
		if _, ok := out[p]; !ok {
			t.Errorf("no %s", p)
		}
	}
	if _, ok := out["de/robots.txt"]; ok {
		t.Errorf("de/robots.txt written: crawlers read only the root's")
	}
	if !bytes.Contains(out["robots.txt"], []byte("Sitemap: https://handbook.example.com/de/sitemap.xml")) {
		t.Errorf("robots.txt does not name the German sitemap:\n%s", out["robots.txt"])
	}
	if !bytes.Contains(out["de/handbook.json"], []byte("Besprechungen")) || bytes.Contains(out["de/handbook.json"], []byte("Meetings")) {
		t.Errorf("de/handbook.json is not the German handbook's")
	}
}

// TestLanguageSwitcher checks where each page's switcher leads: to the
// same page in the other language, paired by path or by translation_key,
// else to that language's home, marked.
func TestLanguageSwitcher(t *testing.T) {
	out := mustBuild(t, newBuilder(t, build.Options{}), os.DirFS("testdata/multilang"))
	for _, c := range []struct{ page, want string }{
		{"playbooks/start/index.html", `<a href="../../de/playbooks/start/" hreflang="de" lang="de">Deutsch</a>`},
		{"de/playbooks/start/index.html", `<a href="../../../playbooks/start/" hreflang="en" lang="en">English</a>`},
		{"playbooks/meetings/index.html", `<a href="../../de/playbooks/besprechungen/" hreflang="de" lang="de">Deutsch</a>`},
		{"de/playbooks/besprechungen/index.html", `<a href="../../../playbooks/meetings/" hreflang="en" lang="en">English</a>`},
		{"playbooks/only-english/index.html", `<a href="../../de/" hreflang="de" lang="de">Deutsch <span class="lang-home">(home)</span></a>`},
		{"de/roles/conductor/index.html", `<a href="../../../roles/conductor/" hreflang="en" lang="en">English</a>`},
		{"de/responsibilities/set-tempo/index.html", `<a href="../../../responsibilities/set-tempo/" hreflang="en" lang="en">English</a>`},
		{"index.html", `<a href="./" hreflang="en" lang="en" aria-current="page">English</a>`},
		{"playbooks/start/index.html", `<link rel="alternate" hreflang="de" href="https://handbook.example.com/de/playbooks/start/">`},
		{"de/playbooks/start/index.html", `<link rel="alternate" hreflang="x-default" href="https://handbook.example.com/playbooks/start/">`},
		{"de/404.html", `<a href="/" hreflang="en" lang="en">English <span class="lang-home">(Startseite)</span></a>`},
		{"de/sitemap.xml", `<url><loc>https://handbook.example.com/de/playbooks/besprechungen/</loc><xhtml:link rel="alternate" hreflang="en" href="https://handbook.example.com/playbooks/meetings/"/><xhtml:link rel="alternate" hreflang="de" href="https://handbook.example.com/de/playbooks/besprechungen/"/></url>`},
	} {
		if !bytes.Contains(out[c.page], []byte(c.want)) {
			t.Errorf("%s lacks %s", c.page, c.want)
		}
	}
	if bytes.Contains(out["playbooks/only-english/index.html"], []byte(`hreflang="de" href=`)) {
		t.Errorf("an untranslated page names a German alternate")
	}
	if !bytes.Contains(out["de/index.html"], []byte(`<html lang="de"`)) || !bytes.Contains(out["index.html"], []byte(`<html lang="en"`)) {
		t.Errorf("each site does not say its own language")
	}
}

// TestIncrementalLanguages applies edits to a two-language handbook
// through one Builder told what changed, as the dev server does, and
// compares each result with a fresh build: an edit to one language's page
// body patches it, and an added or removed page re-renders the other
// language's switchers.
func TestIncrementalLanguages(t *testing.T) {
	src := multilang(t)
	told := newBuilder(t, build.Options{Lazy: true})
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
		patch bool
	}{
		{"a German body", appendTo("content/de/playbooks/start.md", "\nNoch ein Absatz.\n"), true},
		{"an English body", appendTo("content/en/playbooks/meetings.md", "\nOne more.\n"), true},
		{"a German title", func() []string {
			f := src["content/de/playbooks/start.md"]
			f.Data = bytes.Replace(f.Data, []byte("title: Erste Schritte"), []byte("title: Der Anfang"), 1)
			return []string{"content/de/playbooks/start.md"}
		}, false},
		{"the German translation of a page", func() []string {
			src["content/de/playbooks/only-english.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Nicht mehr nur Englisch\n---\nÜbersetzt.\n")}
			return []string{"content/de/playbooks/only-english.md"}
		}, false},
		{"its body", appendTo("content/de/playbooks/only-english.md", "\nMehr.\n"), true},
		{"a translation_key", func() []string {
			f := src["content/de/playbooks/besprechungen.md"]
			f.Data = bytes.Replace(f.Data, []byte("translation_key: meetings"), []byte("translation_key: treffen"), 1)
			return []string{"content/de/playbooks/besprechungen.md"}
		}, false},
		{"a page deleted", func() []string {
			delete(src, "content/de/playbooks/only-english.md")
			return []string{"content/de/playbooks/only-english.md"}
		}, false},
		{"a shared static file", func() []string {
			src["content/static/img/dot.svg"] = &fstest.MapFile{Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)}
			return []string{"content/static/img/dot.svg"}
		}, false},
		{"handbook.yaml", func() []string {
			f := src["content/handbook.yaml"]
			f.Data = bytes.Replace(f.Data, []byte("title: Test Handbook"), []byte("title: Two Languages"), 1)
			return []string{"content/handbook.yaml"}
		}, false},
		{"bodies in both languages", func() []string {
			return append(appendTo("content/de/_index.md", "\nZwei.\n")(), appendTo("content/en/_index.md", "\nTwo.\n")()...)
		}, false},
	}
	for _, e := range edits {
		changed := e.edit()
		want := mustBuild(t, newBuilder(t, build.Options{}), src)
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
	}
}

// TestLanguagesAddedWhileServing turns a handbook of one language into
// one of two and back through a Builder told what changed, as the dev
// server does, and wants each result equal to a fresh build's.
func TestLanguagesAddedWhileServing(t *testing.T) {
	page := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\n---\nText.\n")}
	}
	src := fstest.MapFS{
		"content/handbook.yaml": {Data: []byte("title: T\n")},
		"content/en/_index.md":  page("Home"),
		"content/en/a.md":       page("A"),
		"content/de/_index.md":  page("Start"),
		"content/de/a.md":       page("A auf Deutsch"),
	}
	told := newBuilder(t, build.Options{Lazy: true})
	mustBuild(t, told, src)
	for _, cfg := range []string{"title: T\nlanguages: [en, de]\n", "title: T\n", "title: T\nlanguages: [de, en]\n"} {
		src["content/handbook.yaml"].Data = []byte(cfg)
		want := mustBuild(t, newBuilder(t, build.Options{}), src)
		res, diags := told.Rebuild(context.Background(), src, []string{"content/handbook.yaml"})
		if res == nil || len(diags) > 0 {
			t.Fatalf("%q: rebuild failed:\n%v", cfg, diags)
		}
		if diff := cmp.Diff(want, files(t, src, res)); diff != "" {
			t.Errorf("%q: rebuild differs from a fresh build:\n%s", cfg, diff)
		}
	}
}

// TestLanguageProblems gives each problem of a multilingual handbook's
// layout and links its message at its place.
func TestLanguageProblems(t *testing.T) {
	cases := []struct {
		name string
		edit func(fstest.MapFS)
		want []string
	}{
		{"not a tag", func(src fstest.MapFS) {
			src["content/handbook.yaml"].Data = bytes.Replace(src["content/handbook.yaml"].Data, []byte("languages: [en, {code: de, title: Test-Handbuch}]"), []byte("languages: [en, de, 'fr FR', xx]"), 1)
		}, []string{
			`content/handbook.yaml:5:21: languages: "fr FR" is not a language tag like en, de or pt-BR`,
			`content/handbook.yaml:5:30: languages: "xx" is not a language baton knows (language: subtag "xx" is well-formed but unknown); write a language tag like en, de or pt-BR`,
		}},
		{"listed twice", func(src fstest.MapFS) {
			src["content/handbook.yaml"].Data = bytes.Replace(src["content/handbook.yaml"].Data, []byte("languages: [en, {code: de, title: Test-Handbuch}]"), []byte("languages: [en, de, DE]"), 1)
		}, []string{`content/handbook.yaml:5:21: languages: DE is listed twice (first at line 5)`}},
		{"no folder", func(src fstest.MapFS) {
			src["content/handbook.yaml"].Data = bytes.Replace(src["content/handbook.yaml"].Data, []byte("languages: [en, {code: de, title: Test-Handbuch}]"), []byte("languages: [en, de, fr]"), 1)
		}, []string{`content/handbook.yaml:5:21: languages: fr has no folder content/fr/: a multilingual handbook's pages are in content/<language>/`}},
		{"a page outside", func(src fstest.MapFS) {
			src["content/stray.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Stray\n---\n")}
		}, []string{`content/stray.md: a multilingual handbook's pages are in its language folders (content/en/, content/de/): move this into one, or a file every language shows into content/static/`}},
		{"static in a language", func(src fstest.MapFS) {
			src["content/de/static/x.png"] = &fstest.MapFile{Data: []byte("png")}
		}, []string{`content/de/static: every language shares content/static: move this into it`}},
		{"a link to another language", func(src fstest.MapFS) {
			src["content/en/_index.md"].Data = append(bytes.Clone(src["content/en/_index.md"].Data), []byte("\nIn [German](../de/_index.md).\n")...)
		}, []string{`content/en/_index.md:7:4: link "../de/_index.md" goes to content/de/_index.md, in another language's folder: a page links only inside its own language (the language switcher links each page to its translations)`}},
		{"language: against languages:", func(src fstest.MapFS) {
			src["content/handbook.yaml"].Data = append(bytes.Clone(src["content/handbook.yaml"].Data), []byte("language: de\n")...)
		}, []string{`content/handbook.yaml:6:11: language de is not the first of languages (en), which is the default: leave language: out, or list de first`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := multilang(t)
			c.edit(src)
			res, diags := newBuilder(t, build.Options{}).Build(context.Background(), src)
			if res != nil {
				t.Fatalf("build succeeded; want errors %q", c.want)
			}
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}

// TestOneLanguage builds testdata/site with languages: [en] in place of
// language: en, and wants today's output byte for byte: a handbook of one
// language reads content/ as it is.
func TestOneLanguage(t *testing.T) {
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
	want := mustBuild(t, newBuilder(t, build.Options{}), src)
	cfg := src["content/handbook.yaml"]
	if !bytes.Contains(cfg.Data, []byte("language: en\n")) {
		t.Fatal("testdata/site's handbook.yaml no longer says language: en")
	}
	cfg.Data = bytes.Replace(cfg.Data, []byte("language: en\n"), []byte("languages: [en]\n"), 1)
	if diff := cmp.Diff(want, mustBuild(t, newBuilder(t, build.Options{}), src)); diff != "" {
		t.Errorf("languages: [en] changes the output:\n%s", diff)
	}
}
