package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/batonhq/baton/internal/corpus"
	"github.com/batonhq/baton/internal/handbook"
)

// navBook is a handbook whose tool's navigation groups pages under
// captions that are no folders: a caption over pages of two folders, a
// folding section with a section in it, a part title over a chapter with
// sub-chapters, a draft chapter, and a page the navigation leaves out.
func navBook(t *testing.T) *handbook.Site {
	t.Helper()
	page := func(path, title string) corpus.File {
		return corpus.File{Path: path, Data: fmt.Appendf(nil, "# %s\n\nText.\n", title)}
	}
	files := []corpus.File{
		page("content/README.md", "Welcome"),
		page("content/install.md", "Install"),
		page("content/guide/first.md", "First steps"),
		page("content/guide/extra.md", "Extra"),
		page("content/ref/x.md", "X"),
		page("content/ref/y.md", "Y"),
		page("content/ref/deep/z.md", "Z"),
		page("content/chapter.md", "Chapter"),
		page("content/chapter-1.md", "Chapter one"),
		page("content/chapter-2.md", "Chapter two"),
	}
	nav := []handbook.NavSource{
		{File: "content/README.md"},
		{Title: "Getting started", Children: []handbook.NavSource{{File: "content/install.md"}, {File: "content/guide/first.md"}}},
		{Title: "Reference", Children: []handbook.NavSource{
			{File: "content/ref/x.md"}, {File: "content/ref/y.md"},
			{Title: "Deeper", Children: []handbook.NavSource{{File: "content/ref/deep/z.md"}}},
		}},
		{Title: "Part two", Part: true, Children: []handbook.NavSource{
			{File: "content/chapter.md", Children: []handbook.NavSource{{File: "content/chapter-1.md"}, {File: "content/chapter-2.md"}}},
			{Title: "Coming soon"},
		}},
	}
	return ResolveNav(t, files, nav)
}

// navOutline writes a sidebar as an outline: a line per item, indented by
// depth, with its marks: a caption in [ ], open +, current *, a section
// /, a link to more >.
func navOutline(items []NavItem, depth int, b *strings.Builder) {
	for _, it := range items {
		b.WriteString(strings.Repeat("  ", depth))
		switch {
		case it.Caption:
			b.WriteString("[" + it.Title + "]")
		case it.More > 0:
			b.WriteString("> " + it.Title + " " + it.URL)
		default:
			b.WriteString(it.Title + " " + it.URL)
		}
		for _, m := range []struct {
			on   bool
			mark string
		}{{it.Open, " +"}, {it.Current, " *"}, {it.Section, " /"}} {
			if m.on {
				b.WriteString(m.mark)
			}
		}
		b.WriteByte('\n')
		navOutline(it.Children, depth+1, b)
	}
}

func pageAt(t *testing.T, site *handbook.Site, file string) *handbook.Page {
	t.Helper()
	for _, p := range site.Pages {
		if p.File == file {
			return p
		}
	}
	t.Fatalf("no page %s", file)
	return nil
}

// TestNavSections: the sidebar follows the tool's navigation: its
// captions are headings, not links, open on the way to the page (and a
// part title always), folded elsewhere with a preview of their pages; a
// page stands under its caption whatever its folder, at its own URL; the
// pages the navigation leaves out stay under their folders' pages; the
// breadcrumbs and previous and next follow the same tree.
func TestNavSections(t *testing.T) {
	site := navBook(t)
	for _, tc := range []struct {
		file, sidebar, crumbs, prev, next string
	}{{
		file: "content/guide/first.md",
		sidebar: `Welcome /
[Getting started] +
  Install /install/
  First steps /guide/first/ *
[Reference]
  X /ref/x/
  Y /ref/y/
  Deeper /ref/deep/z/ /
[Part two] +
  Chapter /chapter/ /
  [Coming soon]
Guide /guide/ /
`,
		crumbs: "Home / > Getting started > First steps", prev: "/install/", next: "/ref/x/",
	}, {
		file: "content/chapter-2.md",
		sidebar: `Welcome /
[Getting started]
  Install /install/
  First steps /guide/first/
[Reference]
  X /ref/x/
  Y /ref/y/
  Deeper /ref/deep/z/ /
[Part two] +
  Chapter /chapter/ + /
    Chapter one /chapter-1/
    Chapter two /chapter-2/ *
  [Coming soon]
Guide /guide/ /
`,
		crumbs: "Home / > Part two > Chapter /chapter/ > Chapter two", prev: "/chapter-1/", next: "/guide/",
	}, {
		file: "content/guide/extra.md",
		sidebar: `Welcome /
[Getting started]
  Install /install/
  First steps /guide/first/
[Reference]
  X /ref/x/
  Y /ref/y/
  Deeper /ref/deep/z/ /
[Part two] +
  Chapter /chapter/ /
  [Coming soon]
Guide /guide/ + /
  Extra /guide/extra/ *
`,
		crumbs: "Home / > Guide /guide/ > Extra", prev: "/guide/", next: "/ref/", // then the folders of baton's making
	}} {
		p := pageAt(t, site, tc.file)
		var got strings.Builder
		navOutline(sidebar(site, p), 0, &got)
		if got.String() != tc.sidebar {
			t.Errorf("sidebar of %s:\n%s\nwant:\n%s", tc.file, got.String(), tc.sidebar)
		}
		v := (&Renderer{}).pageView(site, siteView(site), p, "page", nil)
		var crumbs []string
		for _, c := range v.Crumbs {
			crumbs = append(crumbs, strings.TrimSpace(c.Title+" "+c.URL))
		}
		if got := strings.Join(crumbs, " > "); got != tc.crumbs {
			t.Errorf("crumbs of %s: %s, want %s", tc.file, got, tc.crumbs)
		}
		url := func(p *handbook.Page) string {
			if p == nil {
				return ""
			}
			return p.URL
		}
		if url(p.Prev) != tc.prev || url(p.Next) != tc.next {
			t.Errorf("%s: previous %q, next %q; want %q, %q", tc.file, url(p.Prev), url(p.Next), tc.prev, tc.next)
		}
	}
}

// TestNavSectionBounded: a caption of 600 pages lists a window of them
// around the page, with links to the nearest pages it leaves out, and off
// the way to the page only a preview: a page's sidebar is no bigger in a
// caption of 600 than in one of 30.
func TestNavSectionBounded(t *testing.T) {
	var files []corpus.File
	big := handbook.NavSource{Title: "Big"}
	small := handbook.NavSource{Title: "Small", Part: true}
	for i := range 600 {
		f := fmt.Sprintf("content/big/p%03d.md", i)
		files = append(files, corpus.File{Path: f, Data: fmt.Appendf(nil, "# P%03d\n", i)})
		big.Children = append(big.Children, handbook.NavSource{File: f})
	}
	for i := range 30 {
		f := fmt.Sprintf("content/s%03d.md", i)
		files = append(files, corpus.File{Path: f, Data: fmt.Appendf(nil, "# S%03d\n", i)})
		small.Children = append(small.Children, handbook.NavSource{File: f})
	}
	site := ResolveNav(t, files, []handbook.NavSource{big, small})
	sizes := map[string]int{}
	for _, file := range []string{"content/big/p000.md", "content/big/p300.md", "content/big/p599.md", "content/s015.md"} {
		p := pageAt(t, site, file)
		v := sideView(site, "page", p.URL, p, "")
		var open []NavItem
		for _, it := range v.Nav {
			if it.Open && it.Title == "Big" {
				open = it.Children
			}
			if !it.Open && len(it.Children) > previewSiblings+1 {
				t.Errorf("%s: the folded caption %s lists %d items", file, it.Title, len(it.Children))
			}
		}
		if open != nil {
			listed, current, more := 0, false, 0
			for _, it := range open {
				if it.More > 0 {
					more += it.More
					continue
				}
				listed++
				current = current || it.Current
			}
			if listed > maxSiblings || !current || listed+more != 600 {
				t.Errorf("%s: %d listed (current %v), %d more, of 600", file, listed, current, more)
			}
		}
		sizes[file] = len(v.Sidebar())
	}
	if big, small := sizes["content/big/p300.md"], sizes["content/s015.md"]; big > small+400 {
		t.Errorf("sidebar in a caption of 600: %d bytes; in one of 30: %d", big, small)
	}
	// The more links lead to the nearest page left out, whose own sidebar
	// shows it.
	p := pageAt(t, site, "content/big/p300.md")
	for _, it := range sidebar(site, p)[0].Children {
		if it.More > 0 && it.URL != "/big/p289/" && it.URL != "/big/p311/" {
			t.Errorf("a more link leads to %s, not the nearest page it leaves out", it.URL)
		}
	}
}

// TestCaptionCrumbs: a caption of the navigation above a page is a crumb
// that links nowhere and is not the current page; only the last crumb is.
func TestCaptionCrumbs(t *testing.T) {
	v := &PageView{URL: "/guide/first/", Crumbs: []Crumb{{Title: "Home", URL: "/"}, {Title: "Getting <started>"}, {Title: "First steps"}}}
	got, err := v.CrumbItems()
	if err != nil {
		t.Fatal(err)
	}
	want := `<li><a href="../../">Home</a></li><li><span>Getting &lt;started&gt;</span></li><li><span aria-current="page">First steps</span></li>`
	if string(got) != want {
		t.Errorf("crumbs:\n got %s\nwant %s", got, want)
	}
}
