package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestBareAddressesStillLink: each kind of text GFM makes a link of
// without brackets is still a link, alone on its page (render shows a
// link's destination after an L).
func TestBareAddressesStillLink(t *testing.T) {
	r := New(false)
	for src, want := range map[string]string{
		"See https://example.com/a now.":   `<a href="Lhttps://example.com/a">https://example.com/a</a>`,
		"Try www.example.com today.":       `<a href="Lhttp://www.example.com">www.example.com</a>`,
		"Files at ftp://files.example.org": `<a href="Lftp://files.example.org">ftp://files.example.org</a>`,
		"Write to team@example.com.":       `<a href="Lmailto:team@example.com">team@example.com</a>`,
	} {
		if !mayAutolink([]byte(src)) {
			t.Errorf("mayAutolink(%q) = false", src)
		}
		if _, got := render(t, r, src); !strings.Contains(got, want) {
			t.Errorf("%q renders\n%s\nwant %s in it", src, got, want)
		}
	}
}

// TestPlainParserSamePages prepares every page of the default handbook
// and the golden fixtures twice, once as a build does (without the
// autolinker where a page cannot hold an autolink) and once always with
// it, and wants the same Doc: the AST's text is cut in other places
// without it (the autolinker is asked at every space), which nothing
// built on it may show.
func TestPlainParserSamePages(t *testing.T) {
	var pages []string
	for _, root := range []string{"../../content", "../build/testdata"} {
		_ = filepath.WalkDir(root, func(p string, e os.DirEntry, err error) error {
			if err == nil && !e.IsDir() && strings.HasSuffix(p, ".md") {
				pages = append(pages, p)
			}
			return nil
		})
	}
	if len(pages) < 50 {
		t.Fatalf("found %d pages to try, want the default handbook's and the fixtures'", len(pages))
	}
	fast, full := New(false), New(false)
	full.plain = full.md.Parser()
	plain := 0
	for _, p := range pages {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !mayAutolink(src) {
			plain++
		}
		samePrepared(t, fast, full, p, src)
	}
	if plain < 10 {
		t.Errorf("only %d pages parsed without the autolinker", plain)
	}
}

// FuzzPlainParser: whatever the page, preparing it as a build does
// gives the Doc that the parser with the autolinker gives. A page whose
// autolink the gate missed (mayAutolink false) fails: a seed has each
// kind.
func FuzzPlainParser(f *testing.F) {
	for _, s := range []string{
		"[a](https://example.com) `code` <a href=\"https://x.org\">x</a>\n\n```\nwww.x.org a@b.co\n```",
		"www....com and a--b@c.com", "[www.x.org](y.md) ![a@b.co](i.png)",
		"a@b.co", "*www.example.com*", "two   \nhard    \nbreaks www.x.org", "(https://example.com)", "~ftp://x.org~", "_x@y.org_",
		"A product **manager** and the product\nmanager, *twice*  \nover.",
		"| a | b |\n|---|---|\n| product | ~~x~~ |\n\n- [ ] task\n\n> [!NOTE]\n> text www",
		"Term: definition\n: what it means\n\n[^1]: a note\n\nSee[^1] and :smile: -- \"quoted\"...",
	} {
		f.Add(s)
	}
	fast, full := New(false), New(false)
	full.plain = full.md.Parser()
	f.Fuzz(func(t *testing.T, src string) {
		samePrepared(t, fast, full, "fuzz", []byte(src))
	})
}

// samePrepared fails unless fast and full prepare src into equal Docs.
func samePrepared(t *testing.T, fast, full *Renderer, name string, src []byte) {
	t.Helper()
	a, errA := fast.PrepareWith(src, testTerms())
	b, errB := full.PrepareWith(src, testTerms())
	if (errA == nil) != (errB == nil) {
		t.Fatalf("%s: errors %v and %v", name, errA, errB)
	}
	if errA != nil {
		return
	}
	if !reflect.DeepEqual(a, b) {
		var ha, hb bytes.Buffer
		a.Resolve(&ha, func(i int) string { return a.Links[i].Dest }, "", nil)
		b.Resolve(&hb, func(i int) string { return b.Links[i].Dest }, "", nil)
		t.Errorf("%s: prepared differently without the autolinker (mayAutolink %v):\n%s\nwith it:\n%s", name, mayAutolink(src), ha.String(), hb.String())
	}
}
