package handbook

import (
	"path"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/source"
	"github.com/batonhq/baton/internal/strictyaml"
)

// FuzzURLs gives pages, static files and tags arbitrary names and slugs,
// and checks every URL the resolver hands out: it stays inside the output
// folder as a path (filepath.IsLocal), holds no character a browser or a
// file system would read differently, and no two things share a URL up to
// case and Unicode normal form (URLKey) without a diagnostic.
func FuzzURLs(f *testing.F) {
	for _, s := range [][4]string{
		{"Guide", "guide", "", ""},
		{"caf\u00e9", "cafe\u0301", "", "Caf\u00e9"},
		{"a", "b", "../x", "..%2f..%2fx"},
		{"x", "y", "%2e%2e", "a/../../x"},
		{"p", "q", "/abs/../../x", "C:\\x"},
		{"p", "q", "x\\..\\..\\y", "\x00"},
		{"p", "q", "//host/x", "API"},
		{"api", "p", "", "api"},
		{"search", "404", "", "."},
		{"sitemap.xml", "robots.txt", "..", "x"},
		{"a?b", "a#b", "", "a b"},
		{"\xff", "trailing.", "", "CON"},
		{"sub/Dir", "SUB/dir", "", ""},
		{"_baton/x", "static/_baton/style.css", "", ""},
	} {
		f.Add(s[0], s[1], s[2], s[3])
	}
	md := markdown.New(false)
	empty, err := md.Prepare(nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, name1, name2, slug, tag string) {
		if strings.Contains(name1, "\n") || strings.Contains(name2, "\n") {
			return // file names in diagnostics are single lines; nothing else depends on it
		}
		page := func(file, slug string) *Parsed {
			return &Parsed{File: file, Kind: KindPage, Page: &ParsedPage{
				FrontMatter: FrontMatter{
					Title: strictyaml.Str{Value: "T"},
					Slug:  strictyaml.Str{Value: slug},
					Tags:  []strictyaml.Str{{Value: tag}},
				},
				Doc: empty,
			}}
		}
		files := []*Parsed{
			page("content/"+name1+".md", slug),
			page("content/"+name2+".md", ""),
			page("content/s/"+name1+".md", ""),
			Parse(source.File{Path: "content/static/" + name2, Static: true}, md),
			Parse(source.File{Path: "content/" + name1 + "/x.png", Static: true}, md),
		}
		for i := 1; i < len(files); i++ {
			for j := i; j > 0 && files[j].File < files[j-1].File; j-- {
				files[j], files[j-1] = files[j-1], files[j]
			}
		}
		for i := 1; i < len(files); i++ {
			if files[i].File == files[i-1].File {
				return // one file system path cannot hold two files
			}
		}
		site, _ := Resolve(config.Default(), files, Options{})
		seen := map[string]string{}
		check := func(u, what string) {
			if !strings.HasPrefix(u, "/") || !utf8.ValidString(u) {
				t.Fatalf("%s: URL %q", what, u)
			}
			out := strings.TrimPrefix(u, "/")
			if out == "" || strings.HasSuffix(out, "/") {
				out += "index.html"
			}
			if !filepath.IsLocal(filepath.FromSlash(out)) || strings.ContainsAny(out, "\\?#%\x00\r\n") {
				t.Fatalf("%s: URL %q gives the output path %q", what, u, out)
			}
			for _, seg := range strings.Split(out, "/") {
				if seg == "" || seg == "." || seg == ".." {
					t.Fatalf("%s: URL %q has the segment %q", what, u, seg)
				}
			}
			key := URLKey(u)
			if prev, ok := seen[key]; ok {
				t.Fatalf("%s and %s share the URL %s", what, prev, u)
			}
			seen[key] = what
		}
		for _, p := range site.Pages {
			check(p.URL, p.File)
		}
		for _, s := range site.Static {
			check(s.URL, s.File)
		}
		for _, tg := range site.Tags {
			check(tg.URL, "tag "+tg.Name)
		}
	})
}

// TestJoinLink: joinLink joins a link's path to a page's folder as
// path.Join does, on its fast path and off it.
func TestJoinLink(t *testing.T) {
	for _, dir := range []string{"content", "content/a", "content/a/b", "content/a/b/c", "."} {
		for _, rel := range []string{"x.md", "b/x.md", "../x.md", "../../x.md", "../../../x.md", "../../../../x.md",
			"./x.md", "a/./x.md", "a//x.md", "a/../x.md", "x/", "..", "../", "../..", ".", "", "/x.md", "a/..", "a/.",
			"../a/../x.md", ".../x.md", "..x/y.md", "x..md", "../diagram.png", "../../roles/pm.yaml"} {
			if got, want := joinLink(dir, rel), path.Join(dir, rel); got != want {
				t.Errorf("joinLink(%q, %q) = %q, want %q", dir, rel, got, want)
			}
		}
	}
}

// FuzzJoinLink holds joinLink to path.Join for a page's folder and any
// link.
func FuzzJoinLink(f *testing.F) {
	for _, s := range [][2]string{{"content/a/b", "../../x.md"}, {"content", "../x"}, {"content/a", "b/./c"}, {"content/a", "b//c/"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, dir, rel string) {
		dir = path.Clean(dir)
		if got, want := joinLink(dir, rel), path.Join(dir, rel); got != want {
			t.Errorf("joinLink(%q, %q) = %q, want %q", dir, rel, got, want)
		}
	})
}
