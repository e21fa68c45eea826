package build_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/gitdate"
	"github.com/batonhq/baton/internal/i18n"
	"github.com/batonhq/baton/internal/strictyaml"
	"golang.org/x/net/html"
)

// recordNames finds a search record's section name and its sections'
// headings.
var recordNames = regexp.MustCompile(`"section":"([^"]*)"|\["[^"]*","([^"]*)",`)

// TestNoEnglishLeft builds testdata/site, which uses every feature, in
// German, and finds none of the English catalog's words in its pages,
// feed or search results' records, but where the German words hold them too ("Playbooks"), or the
// handbook's own files do (then the words cannot tell).
func TestNoEnglishLeft(t *testing.T) {
	src := readSite(t, "testdata/site")
	var sources bytes.Buffer
	for _, f := range src {
		sources.Write(f.Data)
		sources.WriteByte(0)
	}
	f := *src["content/handbook.yaml"]
	f.Data = bytes.Replace(slices.Clone(f.Data), []byte("language: en"), []byte("language: de"), 1)
	src["content/handbook.yaml"] = &f
	dates := func(files []string) map[string]int64 {
		m := map[string]int64{}
		for _, f := range files {
			m[f] = 1796083200 // 2026-12-01
		}
		return m
	}
	changes := func() []gitdate.Change {
		return []gitdate.Change{{File: "content/notes.md", When: 1796083200, Commit: "abc123", Subject: "Note the notes"}}
	}
	german := mustBuild(t, newBuilder(t, build.Options{BaseURL: "https://example.com/hb/", Dates: dates, Changes: changes}), src)
	for _, p := range []string{"changes/index.html", "feed.xml", "print/index.html", "responsibilities/index.html"} {
		if german[p] == nil {
			t.Fatalf("the build has no %s to look at", p)
		}
	}
	said := map[string]string{}
	for p, data := range german {
		if strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".xml") {
			said[p] = readerText(data)
		}
		if strings.HasPrefix(p, "_baton/search/d/") {
			// The search results' records: the names of their
			// sections and headings show beside each result.
			var names []string
			for _, m := range recordNames.FindAllSubmatch(data, -1) {
				names = append(names, string(m[1])+string(m[2]))
			}
			said[p] = strings.Join(names, "\n")
		}
	}
	en, _ := i18n.For(strictyaml.Str{Value: "en"}, nil)
	de, _ := i18n.For(strictyaml.Str{Value: "de"}, nil)
	var germanWords strings.Builder
	for _, k := range i18n.Keys() {
		germanWords.WriteString(de.T(k) + "\n")
	}
	checked := 0
	for _, k := range i18n.Keys() {
		for _, frag := range fragments(en.T(k)) {
			if strings.Contains(germanWords.String(), frag) || bytes.Contains(sources.Bytes(), []byte(frag)) {
				continue
			}
			checked++
			for p, text := range said {
				if strings.Contains(text, frag) {
					t.Errorf("%s says %q (%s) in German", p, frag, k)
				}
			}
		}
	}
	if checked < 150 {
		t.Errorf("checked only %d English words", checked)
	}
}

// readerText is what a page says to its reader: its text (a script's only
// when it is the words the theme's scripts show) and the attributes a
// reader meets, one to a line.
func readerText(page []byte) string {
	var b strings.Builder
	z := html.NewTokenizer(bytes.NewReader(page))
	hidden := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			if !hidden {
				b.Write(z.Text())
				b.WriteByte('\n')
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if tok.Data == "script" || tok.Data == "style" {
				hidden = !slices.Contains(tok.Attr, html.Attribute{Key: "id", Val: "baton-strings"})
			}
			for _, a := range tok.Attr {
				switch a.Key {
				case "aria-label", "placeholder", "title", "alt", "content":
					b.WriteString(a.Val + "\n")
				}
			}
		case html.EndTagToken:
			hidden = false
		}
	}
}

// fragments are the parts of an English string between its placeholders
// that a reader would know for English: some letters, and not a mark.
func fragments(v string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(i18n.Fill(v, func(string) string { return "\x00" }), func(r rune) bool { return r == 0 }) {
		part = strings.TrimSpace(part)
		n := 0
		for _, r := range part {
			if unicode.IsLetter(r) {
				n++
			}
		}
		if n >= 3 {
			out = append(out, part)
		}
	}
	return out
}

// readSite reads a test site into memory.
func readSite(t *testing.T, dir string) fstest.MapFS {
	t.Helper()
	src := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join(dir, p))
		src[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return src
}
