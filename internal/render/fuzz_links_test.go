package render_test

import (
	"bytes"
	"path"
	"strconv"
	"strings"
	"testing"

	"github.com/batonhq/baton"
	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/render"
	"github.com/batonhq/baton/internal/source"
	"golang.org/x/net/html"
)

// siteURL reports whether u is a URL the resolver can give a page or file:
// site-absolute, and no segment empty, "." or "..".
func siteURL(u string) bool {
	if !strings.HasPrefix(u, "/") || strings.ContainsAny(u, "?#\\\x00") {
		return false
	}
	segs := strings.Split(u[1:], "/")
	for i, s := range segs {
		if s == "" && i == len(segs)-1 {
			continue // the trailing slash of a folder URL
		}
		if s == "" || s == "." || s == ".." {
			return false
		}
	}
	return true
}

// FuzzRel checks the one function that writes every internal link: for
// any two site URLs, the link from one leads to the other when a browser
// resolves it, and never reads as a URL with a scheme.
func FuzzRel(f *testing.F) {
	for _, s := range [][2]string{
		{"/", "/"}, {"/a/", "/a/"}, {"/a/b/", "/a/"}, {"/a/", "/a/b/"}, {"/a/b/c/", "/x/y/"},
		{"/404.html", "/_baton/style.css"}, {"/a/", "/a/javascript:alert(1)/"}, {"/", "/mailto:x"},
		{"/roles/design/", "/roles/"}, {"/a/b", "/a/b/c"}, {"/ab/", "/a/"}, {"/a/", "/ab/"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, from, to string) {
		if !siteURL(from) || !siteURL(to) {
			return
		}
		rel := render.Rel(from, to)
		if strings.HasPrefix(rel, "/") {
			t.Fatalf("Rel(%q, %q) = %q, not relative", from, to, rel)
		}
		if seg, _, _ := strings.Cut(rel, "/"); strings.Contains(seg, ":") {
			t.Fatalf("Rel(%q, %q) = %q reads as a URL with a scheme", from, to, rel)
		}
		got := path.Join(from[:strings.LastIndexByte(from, '/')+1], rel)
		if strings.HasSuffix(rel, "/") && got != "/" {
			got += "/"
		}
		if got != to {
			t.Fatalf("Rel(%q, %q) = %q, which leads to %q", from, to, rel, got)
		}
	})
}

// FuzzLinks resolves and renders a page whose Markdown is arbitrary, in a
// small site with pages, a role, a path and an image to link to. When the
// site resolves without errors (only then is anything written), every URL
// in the rendered page must use an allowed scheme or none, and every
// relative one must stay inside the site; and every URL in the page's body
// must come from a link the resolver checked, each from its own (checkedHrefs).
func FuzzLinks(f *testing.F) {
	for _, s := range []string{
		"[a](../a.md) [b](b.md#intro) ![i](../static/img/x.png) [r](../roles/design.yaml#owns)",
		"[x](javascript:alert(1)) [y](JAVASCRIPT:alert(1)) [z](jav&#x09;ascript:alert(1)) [w](&#106;avascript:alert(1))",
		"[x](<  javascript:alert(1)>) ![d](data:image/png;base64,AAAA) [v](vbscript:x) [f](file:///etc/passwd)",
		"[x](\\\\evil.com) [y](//evil.com/x) [z](/\\evil.com) [w](https://example.com/?q=<script>)",
		"<javascript:alert(1)> <https://ok.example> <me@example.com> [ref]\n\n[ref]: javascript&colon;alert(1)",
		"[a](../../../etc/passwd) [b](%2e%2e/%2e%2e/x) [c](..%2f..%2fx) [d](/a.md) [e](#intro)",
		"# H {onclick=\"x\" style=\"position:fixed\" id=\"a\\\"b\"}\n[t](b.md \"\\\"><script>x</script>\")",
		"[a](../a.md)\n\n## See [b](b.md#intro) and <https://example.com>\n\n| [t](b.md) |\n|---|\n\nx[^1]\n\n[^1]: [f](../a.md)\n\nTerm [d](b.md)\n: def\n\n> [!NOTE]\n> [n](b.md)",
	} {
		f.Add(s)
	}
	theme, err := render.LoadTheme(baton.Layouts())
	if err != nil {
		f.Fatal(err)
	}
	rdr, diags := render.New(theme)
	if diags.HasErrors() {
		f.Fatal(diags)
	}
	md := markdown.New(false)
	fixed := []source.File{
		{Path: "content/a.md", Data: []byte("---\ntitle: A\nroles: [design]\n---\nA.\n")},
		{Path: "content/docs/b.md", Data: []byte("---\ntitle: B\n---\n## Intro\nB.\n")},
		{Path: "content/paths/p.yaml", Data: []byte("title: P\nsteps:\n  - page: a.md\n")},
		{Path: "content/roles/design.yaml", Data: []byte("title: Design\nsummary: S.\n")},
		{Path: "content/static/img/x.png", Static: true, Size: 3},
	}
	f.Fuzz(func(t *testing.T, body string) {
		files := append([]source.File{{Path: "content/docs/c.md", Data: []byte("---\ntitle: C\n---\n" + body)}}, fixed...)
		var parsed []*handbook.Parsed
		for _, sf := range files {
			parsed = append(parsed, handbook.Parse(sf, md))
		}
		// Resolve wants the files sorted by path.
		for i := 1; i < len(parsed); i++ {
			for j := i; j > 0 && parsed[j].File < parsed[j-1].File; j-- {
				parsed[j], parsed[j-1] = parsed[j-1], parsed[j]
			}
		}
		site, diags := handbook.Resolve(config.Default(), parsed, handbook.Options{})
		if diags.HasErrors() {
			return
		}
		for _, p := range site.Pages {
			if p.File == "content/docs/c.md" {
				checkedHrefs(t, p, body)
			}
		}
		for _, j := range rdr.Jobs(site) {
			if j.Path != "docs/c/index.html" && j.Path != "print/index.html" {
				continue
			}
			var b bytes.Buffer
			if err := j.Run(&b); err != nil {
				t.Fatalf("rendering %s: %v", j.Path, err)
			}
			checkURLs(t, "/"+strings.TrimSuffix(j.Path, "index.html"), b.Bytes(), body)
		}
	})
}

// checkedHrefs renders the page's body with a token for each link the
// resolver checked, and wants every URL in it to be one of those tokens,
// each used at most once (a link node renders once), or a fragment of the
// page itself (heading anchors, footnotes): no URL in a body may come from
// anywhere but a checked link, and no link may show another's.
func checkedHrefs(t *testing.T, p *handbook.Page, src string) {
	t.Helper()
	if len(p.Hrefs) != len(p.Doc.Links) {
		t.Fatalf("%d links resolved of %d, from:\n%s", len(p.Hrefs), len(p.Doc.Links), src)
	}
	var b bytes.Buffer
	p.Doc.Resolve(&b, func(i int) string {
		if i < 0 || i >= len(p.Doc.Links) {
			t.Fatalf("the body asks for link %d of %d, from:\n%s", i, len(p.Doc.Links), src)
		}
		return "checked:" + strconv.Itoa(i)
	}, "", nil)
	used := map[string]bool{}
	z := html.NewTokenizer(&b)
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		for _, a := range z.Token().Attr {
			if a.Key != "href" && a.Key != "src" && a.Key != "action" && a.Key != "formaction" {
				continue
			}
			switch {
			case strings.HasPrefix(a.Val, "#"):
			case strings.HasPrefix(a.Val, "checked:"):
				if used[a.Val] {
					t.Fatalf("link %s rendered twice, from:\n%s", a.Val, src)
				}
				used[a.Val] = true
			default:
				t.Fatalf("%s=%q in the body comes from no checked link, from:\n%s", a.Key, a.Val, src)
			}
		}
	}
}

// checkURLs parses a page as a browser would and checks every URL in it.
func checkURLs(t *testing.T, pageURL string, page []byte, src string) {
	t.Helper()
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		for _, a := range tok.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Fatalf("event attribute %s=%q from:\n%s", a.Key, a.Val, src)
			}
			if a.Key != "href" && a.Key != "src" && a.Key != "action" && a.Key != "formaction" {
				continue
			}
			u := browserURL(a.Val)
			if scheme, ok := schemeOf(u); ok {
				switch strings.ToLower(scheme) {
				case "http", "https", "mailto", "tel":
				default:
					t.Fatalf("%s=%q uses the scheme %q, from:\n%s", a.Key, a.Val, scheme, src)
				}
				continue
			}
			if strings.HasPrefix(u, "//") || strings.HasPrefix(u, "/\\") || strings.HasPrefix(u, "\\") {
				t.Fatalf("%s=%q reads as another host, from:\n%s", a.Key, a.Val, src)
			}
			if strings.HasPrefix(u, "/") {
				t.Fatalf("%s=%q is not relative, from:\n%s", a.Key, a.Val, src)
			}
			if leaves(pageURL, u) {
				t.Fatalf("%s=%q on %s leaves the site, from:\n%s", a.Key, a.Val, pageURL, src)
			}
		}
	}
}

// browserURL prepares an attribute value as the URL standard does before
// parsing it: leading and trailing C0 controls and spaces go, and so do
// tabs and newlines anywhere.
func browserURL(v string) string {
	v = strings.Trim(v, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	return strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(v)
}

// schemeOf returns the scheme a browser would read in u.
func schemeOf(u string) (string, bool) {
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case c == ':' && i > 0:
			return u[:i], true
		default:
			return "", false
		}
	}
	return "", false
}

// leaves reports whether the relative URL u, on the page at pageURL, goes
// above the site's root folder.
func leaves(pageURL, u string) bool {
	p, _, _ := strings.Cut(u, "#")
	p, _, _ = strings.Cut(p, "?")
	depth := strings.Count(pageURL, "/") - 1
	for _, seg := range strings.Split(p, "/") {
		switch seg {
		case "..":
			depth--
			if depth < 0 {
				return true
			}
		case ".", "":
		default:
			depth++
		}
	}
	return false
}
