// Package render turns a resolved Site into output files with html/template.
//
// The theme is a folder of templates and assets (the embedded default, with
// any file of the site's own layouts/ replacing the one of the same name).
// Templates are parsed once per Renderer; Jobs returns one job per output
// file, each independent of the others, so the build can run them in any
// order on any number of goroutines and still write identical bytes.
package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/i18n"
	"github.com/batonhq/baton/internal/markdown"
)

// pageKinds are the templates that render a whole page; each is parsed
// together with baseof.html and partials.html.
var pageKinds = []string{
	"home", "page", "section", "roles", "role", "responsibilities", "responsibility",
	"paths", "path", "tags", "tag", "print", "search", "404", "changes", "people", "person", "levels",
	"glossary",
}

// Asset is a theme file copied to _baton/.
type Asset struct {
	Name string // "style.css"
	Data []byte
	// URL is the site-absolute URL with a content hash query, so browsers
	// never keep a stale copy.
	URL string
}

// Renderer holds the parsed theme.
type Renderer struct {
	// pages are the parsed templates, never executed: each language's
	// set is cloned from them with its own words (html/template clones
	// only what has not run).
	pages map[string]*template.Template
	// mu guards langs, the sets made so far, by i18n.Strings.Key.
	mu     sync.Mutex
	langs  map[string]map[string]*template.Template
	assets []Asset
	urls   map[string]string
	// uncached makes cached print its partial every time: tests compare
	// the two.
	uncached bool
	// native is set where the theme's pages of Markdown are the
	// default's, which writeNative prints in Go; nativePrint where its
	// print view is too (a part's own view). Tests unset them to compare.
	native, nativePrint bool
	// keys are buffers for the pages' keys (PageView.writeKey).
	keys sync.Pool
	// scratches are the pages' scratch memory (scratch).
	scratches sync.Pool
}

// Theme maps a theme file's name ("page.html", "assets/style.css") to its
// bytes.
type Theme map[string][]byte

// LoadTheme reads a theme folder with its files at the root.
func LoadTheme(fsys fs.FS) (Theme, error) {
	t := Theme{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		t[p], err = fs.ReadFile(fsys, p)
		return err
	})
	return t, err
}

// New parses a theme.
func New(theme Theme) (*Renderer, diag.List) {
	var diags diag.List
	// Mermaid's URL hashes its 2.7 MB once, not on each page that draws.
	r := &Renderer{pages: map[string]*template.Template{}, langs: map[string]map[string]*template.Template{},
		urls: map[string]string{mermaidPath: mermaidURL()}}
	read := func(name string) string {
		b, ok := theme[name]
		if !ok {
			diags.Errorf(diag.Pos{File: "layouts/" + name}, "theme file %s is missing", name)
		}
		return string(b)
	}
	base := template.New("layouts/baseof.html").Funcs(langFuncs(i18n.English()))
	if _, err := base.Parse(read("baseof.html")); err != nil {
		diags.Errorf(errorPos(err, "layouts/baseof.html"), "%v", err)
		return nil, diags
	}
	if _, err := base.New("layouts/partials.html").Parse(read("partials.html")); err != nil {
		diags.Errorf(errorPos(err, "layouts/partials.html"), "%v", err)
		return nil, diags
	}
	// The language switcher, a file of its own so that a site whose
	// partials.html predates it still builds.
	if _, err := base.New("layouts/languages.html").Parse(read("languages.html")); err != nil {
		diags.Errorf(errorPos(err, "layouts/languages.html"), "%v", err)
		return nil, diags
	}
	for _, kind := range pageKinds {
		name := "layouts/" + kind + ".html"
		t, err := base.Clone()
		if err == nil {
			_, err = t.New(name).Parse(read(kind + ".html"))
		}
		if err != nil {
			diags.Errorf(errorPos(err, name), "%v", err)
			continue
		}
		r.pages[kind] = t
	}
	for name, data := range theme {
		if rest, ok := strings.CutPrefix(name, "assets/"); ok && !strings.Contains(rest, "/") {
			r.addAsset(rest, data)
		}
	}
	r.addAsset("chroma.css", chromaCSS())
	r.native = themeSum(theme, nativeFiles) == nativeSum
	r.nativePrint = r.native && themeSum(theme, printFiles) == nativePrintSum
	return r, diags
}

// templates are the page templates that speak ui's language, made on
// first use.
func (r *Renderer) templates(ui *i18n.Strings) (map[string]*template.Template, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if set, ok := r.langs[ui.Key()]; ok {
		return set, nil
	}
	set := make(map[string]*template.Template, len(r.pages))
	fm := langFuncs(ui)
	for kind, t := range r.pages {
		c, err := t.Clone()
		if err != nil {
			return nil, err
		}
		set[kind] = c.Funcs(fm)
	}
	r.langs[ui.Key()] = set
	return set, nil
}

// page is the template of a page kind in the site's language.
func (r *Renderer) page(v *PageView) (*template.Template, error) {
	set, err := r.templates(v.Site.ui)
	if err != nil {
		return nil, err
	}
	t := set[v.Kind]
	if t == nil {
		return nil, fmt.Errorf("no template for %s", v.Kind)
	}
	return t, nil
}

func (r *Renderer) addAsset(name string, data []byte) {
	sum := sha256.Sum256(data)
	a := Asset{Name: name, Data: data, URL: "/_baton/" + name + "?v=" + hex.EncodeToString(sum[:4])}
	r.assets = append(r.assets, a)
	r.urls[name] = a.URL
	slices.SortStableFunc(r.assets, func(a, b Asset) int { return strings.Compare(a.Name, b.Name) })
}

// chromaCSS is the highlighting theme: a light style, and a dark one that
// applies with the system preference or the toggle.
func chromaCSS() []byte {
	var b bytes.Buffer
	f := chromahtml.New(chromahtml.WithClasses(true))
	write := func(style *chroma.Style, scope string) {
		var s bytes.Buffer
		_ = f.WriteCSS(&s, style)
		for _, line := range strings.Split(strings.TrimSpace(s.String()), "\n") {
			if scope != "" && strings.HasPrefix(line, "/*") {
				if _, rest, ok := strings.Cut(line, "*/ "); ok {
					line = rest
				}
			}
			if scope != "" {
				line = scope + " " + line
			}
			b.WriteString(line)
			b.WriteByte('\n')
		}
	}
	write(styles.Get("github"), "")
	write(styles.Get("github-dark"), `:root[data-theme="dark"]`)
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	write(styles.Get("github-dark"), `:root:not([data-theme="light"])`)
	b.WriteString("}\n")
	return b.Bytes()
}

// Job renders one output file.
type Job struct {
	// Path is the output path, slash-separated, relative to the output
	// folder ("roles/design/index.html").
	Path string
	Run  func(w io.Writer) error
	// Key, when set, writes into h every input of the job, so that a
	// rebuild with the same Renderer may reuse the job's last output when
	// its key is the same, and returns what renders the job from the
	// inputs it hashed (Run, without making them again). The jobs of
	// every page but the print views have one: their views are data, and
	// the key is the hash of the view (PageView).
	Key func(h markdown.KeyWriter) func(io.Writer) error
	// Page is the page the job shows, for the home, section and page
	// jobs. Bodies marks the jobs that show every page's body (the print
	// views). An edit that handbook.Patch takes (a new Site whose edited
	// pages' bodies differ, read through Site.Body; the last Site is
	// never changed) changes the output of only the edited pages' jobs
	// and the print views': no view holds anything else a patch changes.
	Page   *handbook.Page
	Bodies bool
	// OnDemand marks a file that no page of the site loads (the model as
	// JSON): a build held in memory may make it when it is first read,
	// as it may the print view (build.Options.Lazy).
	OnDemand bool
}

// Assets returns the theme's assets.
func (r *Renderer) Assets() []Asset { return r.assets }

// outPath turns a site-absolute URL into an output path.
func outPath(u string) string {
	p := strings.TrimPrefix(u, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return p
}

// Rel returns the relative link from the page at from to the URL to; both
// are site-absolute paths.
func Rel(from, to string) string {
	dir := from[:strings.LastIndexByte(from, '/')+1]
	if strings.HasPrefix(to, dir) {
		rest := to[len(dir):]
		if rest == "" {
			return "./"
		}
		// A first segment with a colon reads as a scheme
		// ("javascript:x/"); "./" keeps it a path (RFC 3986, 4.2).
		if seg, _, _ := strings.Cut(rest, "/"); strings.Contains(seg, ":") {
			return "./" + rest
		}
		return rest
	}
	up := strings.Count(dir, "/") - 1
	common := "/"
	for i := 1; i < len(dir); i++ {
		if dir[i] == '/' && strings.HasPrefix(to, dir[:i+1]) {
			common = dir[:i+1]
		}
	}
	up -= strings.Count(common, "/") - 1
	rest := to[len(common):]
	if rest == "" && up == 0 {
		return "./"
	}
	return strings.Repeat("../", up) + rest
}

// NoSitemap is why a site has no sitemap.xml, or "" when it has one.
func NoSitemap(site *handbook.Site) string {
	if site.Config.Absolute() {
		return ""
	}
	return "no sitemap.xml, since base_url " + site.Config.BaseURL + " is not an absolute URL (--base-url https://… gives one)"
}

// sitemap lists every page with its last commit date where known, at
// absolute locations: it is written only when the base URL names its host.
func sitemap(w io.Writer, site *handbook.Site) error {
	base := strings.TrimSuffix(site.Config.BaseURL, "/")
	io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?>`+"\n")
	if len(site.Languages) > 1 {
		io.WriteString(w, `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">`+"\n")
	} else {
		io.WriteString(w, `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`+"\n")
	}
	var urls []string
	dates := map[string]int64{}
	for _, p := range site.Pages {
		urls = append(urls, p.URL)
		dates[p.URL] = p.Updated
	}
	for _, r := range site.Roles {
		urls = append(urls, r.URL)
		dates[r.URL] = r.Updated
	}
	for _, r := range site.Responsibilities {
		urls = append(urls, r.URL)
		dates[r.URL] = r.Lead.Updated
	}
	for _, p := range site.Paths {
		urls = append(urls, p.URL)
		dates[p.URL] = p.Updated
	}
	for _, t := range site.Tags {
		urls = append(urls, t.URL)
	}
	for _, p := range site.People {
		urls = append(urls, p.URL)
	}
	urls = append(urls, "/roles/", "/responsibilities/", "/paths/", "/tags/")
	slices.Sort(urls)
	for _, u := range urls {
		io.WriteString(w, "  <url><loc>")
		template.HTMLEscape(w, []byte(base+u))
		io.WriteString(w, "</loc>")
		if d := dates[u]; d != 0 {
			io.WriteString(w, "<lastmod>"+time.Unix(d, 0).UTC().Format("2006-01-02")+"</lastmod>")
		}
		sitemapAlternates(w, site, u)
		io.WriteString(w, "</url>\n")
	}
	io.WriteString(w, "</urlset>\n")
	return nil
}

// sitemapAlternates writes the page at u in every language that has it,
// in a multilingual handbook: an xhtml:link each, itself included.
func sitemapAlternates(w io.Writer, site *handbook.Site, u string) {
	twins := site.Twins[u]
	if len(twins) == 0 {
		return
	}
	own := site.Languages[site.Lang].Prefix
	root := strings.TrimSuffix(site.Config.BaseURL, own)
	for i, l := range site.Languages {
		if twins[i] == "" {
			continue
		}
		io.WriteString(w, `<xhtml:link rel="alternate" hreflang="`+l.Code+`" href="`)
		template.HTMLEscape(w, []byte(root+l.Prefix+strings.TrimPrefix(twins[i], "/")))
		io.WriteString(w, `"/>`)
	}
}

// robots lets crawlers in and names the sitemap, or, for a site with
// noindex, keeps every one out.
func robots(w io.Writer, site *handbook.Site) error {
	if site.Config.NoIndex {
		io.WriteString(w, "User-agent: *\nDisallow: /\n")
		return nil
	}
	io.WriteString(w, "User-agent: *\nAllow: /\n")
	if site.Config.Absolute() {
		io.WriteString(w, "Sitemap: "+site.Config.BaseURL+"sitemap.xml\n")
		for _, l := range site.Languages[min(1, len(site.Languages)):] {
			io.WriteString(w, "Sitemap: "+site.Config.BaseURL+l.Prefix+"sitemap.xml\n")
		}
	}
	return nil
}
