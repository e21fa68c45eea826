// Package layout recognises how an existing handbook is laid out, so that
// baton can build it as it is: baton's own content/ folder, a Hugo site,
// MkDocs (mkdocs.yml), mdBook (book.toml and SUMMARY.md), GitBook
// (SUMMARY.md and README.md), Eleventy (its config's input folder), Jekyll
// (_config.yml's source folder), Jupyter Book (_toc.yml), Sphinx with
// MyST (conf.py and the toctrees of its index.md), Middleman
// (config.rb, or the tech docs template's config/tech-docs.yml, and
// source/), VitePress (.vitepress/config's srcDir), Astro Starlight
// (src/content/docs), Docusaurus (its pages' number prefixes),
// or any folder of Markdown.
//
// Detect looks only at the files that name a layout and at the navigation
// file, never at the pages: it is cheap, and the build reads the pages
// through the Root it returns. A navigation file that cannot be read is a
// diagnostic with its position, and the layout is still returned, without
// the order.
package layout

import (
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/batonhq/baton/internal/diag"
)

// Kind names a layout.
type Kind string

const (
	Baton       Kind = "baton"
	Hugo        Kind = "Hugo"
	MkDocs      Kind = "MkDocs"
	MdBook      Kind = "mdBook"
	GitBook     Kind = "GitBook"
	Eleventy    Kind = "Eleventy"
	Jekyll      Kind = "Jekyll"
	Middleman   Kind = "Middleman"
	VitePress   Kind = "VitePress"
	Docusaurus  Kind = "Docusaurus"
	JupyterBook Kind = "Jupyter Book"
	Sphinx      Kind = "Sphinx (MyST)"
	Starlight   Kind = "Starlight"
	NuxtContent Kind = "Nuxt Content"
	Markdown    Kind = "a folder of Markdown"
)

// PublishesFolders reports whether the tool publishes each page as a
// folder of its own (x.md at x/), so that a link ending in / is a URL of
// the site (relative to the page's URL) before it is a folder beside the
// page's file, as on a git host and in mdBook.
func (k Kind) PublishesFolders() bool {
	switch k {
	case Hugo, MkDocs, Jekyll, Eleventy, Middleman:
		return true
	}
	return false
}

// Permalinks reports whether the tool publishes a page whose front matter
// gives it a URL (Jekyll's and Eleventy's permalink:, Hugo's url:) at that
// URL, whatever its file's path.
func (k Kind) Permalinks() bool {
	switch k {
	case Hugo, Jekyll, Eleventy:
		return true
	}
	return false
}

// MyST reports whether the tool reads its pages as MyST Markdown
// (Jupyter Book, Sphinx with myst_parser): "(label)=" targets and roles
// such as {ref}`label` are its syntax (markdown.Options.MyST), not text.
func (k Kind) MyST() bool { return k == JupyterBook || k == Sphinx }

// Layout is what Detect found.
type Layout struct {
	Kind Kind
	// Root is the folder that holds the pages, slash-separated and
	// relative to the site folder: "content", "docs", "src", or "." for
	// the site folder itself.
	Root string
	// Title is the site's name where the layout's settings give one
	// (mkdocs.yml site_name, book.toml's title, Hugo's title).
	Title string
	// NavFile is the file that orders the pages (mkdocs.yml, SUMMARY.md),
	// relative to the site folder; "" when there is none. Nav is its
	// entries, in order.
	NavFile string
	Nav     []Entry
	// FolderURLs are the URLs at which the tool publishes the pages of
	// a folder (relative to Root) elsewhere than at its name: a Jekyll
	// collection's permalink (/:path/ puts _articles/x.md at /x/: "/").
	FolderURLs map[string]string
	// Home is the page, relative to Root, that is the site's home page
	// where Root has no index page of its own (Jupyter Book's root:,
	// which it publishes at the site's root however it is named); ""
	// leaves the home page to Root's index.md or README.md.
	Home string
	// Redirects are the old URLs the layout's settings send on
	// (mkdocs.yml's redirects plugin, .gitbook.yaml's redirects).
	Redirects []Redirect
	// Theme reports whether layouts/ holds baton's theme files. A Hugo
	// site's layouts/ holds Hugo's.
	Theme bool
	// Static is the site's folder whose files another tool publishes at
	// the site's root (Hugo's and Docusaurus' static/, Astro's public/),
	// outside Root: FS shows it as content/static/, which baton publishes
	// so. "" when there is none, or Root has a static/ of its own.
	Static string
	// WikiLinks reports that the pages link to each other as a vault of
	// notes does, [[Note]]: a plain folder of Markdown, such as an
	// Obsidian vault, where no other tool's settings say otherwise.
	WikiLinks bool
	// NumberPrefixes reports that a number prefix of a file or folder
	// name (01_intro.md, 2-guides/) orders it and is not part of its URL,
	// as in Docusaurus.
	NumberPrefixes bool
	// Folders are what a folder's settings say of it (Docusaurus'
	// _category_ files), by its path from Root. Where Kind is Docusaurus,
	// Nav's paths are doc ids, not files (docusaurus.go).
	Folders map[string]Folder
	// BaseURL is the path of the URL at which the tool publishes the
	// site (Docusaurus' baseUrl), with a slash at both ends, which links
	// written as URLs of the site may start with; "" for the domain's root.
	BaseURL string
	// RootURL is the URL at which the tool publishes the pages of Root,
	// where baton publishes them at the site's root (a Docusaurus site's
	// docs, Root, at its routeBasePath, /docs/): links written from it
	// are read from the site's root. "" for the site's root.
	RootURL string
	// LinkRoot is the folder, relative to Root, from which the tool reads
	// a link to a file that starts with / (Docusaurus' docs folder:
	// [x](/guide/x.md) is docs/guide/x.md); "" for Root itself.
	LinkRoot string
	// Diags are the problems of the files Detect read.
	Diags diag.List
	// Shared, in the layout of one language of a multilingual handbook
	// (Root is content/<code>), are the files and folders of content/
	// that every language shares (content/handbook.yaml,
	// content/static): FS shows them at their own place, beside the
	// language's pages, in place of any of the same name there.
	Shared []string
}

// Language is the layout of language code's site in a multilingual
// handbook laid out as l: its pages in content/<code>/, handbook.yaml and
// static/ shared.
func (l Layout) Language(code string) Layout {
	return Layout{Kind: l.Kind, Root: "content/" + code, Theme: l.Theme, Shared: []string{"content/handbook.yaml", "content/static"}}
}

// shared reports whether p is, or is in, a path every language shares.
func (l Layout) shared(p string) bool {
	return slices.ContainsFunc(l.Shared, func(s string) bool { return p == s || strings.HasPrefix(p, s+"/") })
}

// Entry is one item of a navigation file.
type Entry struct {
	// Title is the title the navigation gives, or "" to take the page's.
	Title string
	// Path is the page, relative to Root and slash-separated; "" for an
	// entry without a page (a part heading, a group of pages).
	Path string
	// External is a link to another site, kept as written.
	External string
	// Part marks a part heading (mdBook's "# Part", a GitBook group).
	Part     bool
	Children []Entry
	Pos      diag.Pos
}

// Detect reads the layout of the site in fsys.
func Detect(fsys fs.FS) Layout {
	switch {
	case isDir(fsys, "content") && exists(fsys, "content/handbook.yaml"):
		return Layout{Kind: Baton, Root: "content", Theme: true}
	case isDir(fsys, "content"):
		if cfg := firstExisting(fsys, hugoConfigs...); cfg != "" || isDir(fsys, "config/_default") {
			return withStatic(fsys, readHugo(fsys, cfg), "static")
		}
		if l, ok := readNuxtContent(fsys, "."); ok {
			return l
		}
		return Layout{Kind: Baton, Root: "content", Theme: true}
	case exists(fsys, "mkdocs.yml") || exists(fsys, "mkdocs.yaml"):
		return readMkDocs(fsys, firstExisting(fsys, "mkdocs.yml", "mkdocs.yaml"))
	case exists(fsys, "book.toml"):
		return readMdBook(fsys)
	}
	if l, ok := readGitBook(fsys); ok {
		return l
	}
	if cfg := firstExisting(fsys, eleventyConfigs...); cfg != "" {
		return readEleventy(fsys, cfg)
	}
	for _, dir := range []string{".", "docs"} {
		if l, ok := readVitePress(fsys, dir); ok {
			return l
		}
		if l, ok := readStarlight(fsys, dir); ok {
			return withStatic(fsys, l, path.Join(dir, "public"))
		}
		if l, ok := readNuxtContent(fsys, dir); ok {
			return l
		}
	}
	// A Jupyter Book's folder has a _config.yml as Jekyll's has: its
	// _toc.yml tells them apart. A book in a folder of a repository that
	// is a Jekyll site is not the site.
	if l, ok := readJupyterBook(fsys, "."); ok {
		return l
	}
	if cfg := firstExisting(fsys, jekyllConfigs...); cfg != "" {
		return readJekyll(fsys, cfg)
	}
	for _, dir := range jupyterBookDirs(fsys) {
		if l, ok := readJupyterBook(fsys, dir); ok {
			return l
		}
	}
	for _, dir := range []string{".", "docs", "doc"} {
		if l, ok := readSphinx(fsys, dir); ok {
			return l
		}
	}
	if firstExisting(fsys, docusaurusConfigs...) != "" {
		return readDocusaurus(fsys, ".")
	}
	if firstExisting(fsys, prefixed("website", docusaurusConfigs)...) != "" && isDir(fsys, "docs") {
		return readDocusaurus(fsys, "website")
	}
	// The GOV.UK tech docs template's publisher image brings its own
	// config.rb: a site built with it has only config/tech-docs.yml.
	if (exists(fsys, "config.rb") || exists(fsys, "config/tech-docs.yml")) && isDir(fsys, "source") {
		return readMiddleman(fsys)
	}
	if f := nestedMkDocs(fsys); f != "" {
		return readMkDocs(fsys, f)
	}
	return Layout{Kind: Markdown, Root: markdownRoot(fsys), WikiLinks: true}
}

// withStatic is l with dir as its Static folder, when dir is a folder of
// the site outside l.Root, and l.Root has no static/ of its own.
func withStatic(fsys fs.FS, l Layout, dir string) Layout {
	inRoot := l.Root == "." || dir == l.Root || strings.HasPrefix(dir, l.Root+"/")
	if isDir(fsys, dir) && !inRoot && !isDir(fsys, path.Join(l.Root, "static")) {
		l.Static = dir
	}
	return l
}

// eleventyConfigs are the files that make a folder an Eleventy site.
var eleventyConfigs = []string{"eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs", ".eleventy.js"}

// eleventyInput finds the input folder in an Eleventy config: a script,
// which baton does not run, so only a literal `input: "pages"` is read.
var eleventyInput = regexp.MustCompile(`(?m)^[^/\n]*\binput\s*:\s*["'\x60]([^"'\x60\n]+)["'\x60]`)

// readEleventy reads an Eleventy site: the pages are in its config's input
// folder (the site folder by default).
func readEleventy(fsys fs.FS, file string) Layout {
	l := Layout{Kind: Eleventy, Root: "."}
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		return l
	}
	if m := eleventyInput.FindSubmatch(src); m != nil {
		if dir, ok := cleanRoot(string(m[1])); ok && isDir(fsys, dir) {
			l.Root = dir
		}
	}
	return l
}

// markdownRoot is the folder of a plain Markdown site: the site folder
// when it holds Markdown itself, else the one of docs/, src/ or pages/
// that does.
func markdownRoot(fsys fs.FS) string {
	if hasMarkdown(fsys, ".") {
		return "."
	}
	for _, dir := range []string{"docs", "src", "pages", "doc", "handbook"} {
		if isDir(fsys, dir) && hasMarkdown(fsys, dir) {
			return dir
		}
	}
	return "."
}

// hasMarkdown reports whether dir holds a Markdown file (not in a
// subfolder).
func hasMarkdown(fsys fs.FS, dir string) bool {
	entries, _ := fs.ReadDir(fsys, dir)
	return slices.ContainsFunc(entries, func(e fs.DirEntry) bool { return !e.IsDir() && IsPage(e.Name()) })
}

// IsPage reports whether a file name is a page: Markdown, MDX, or
// Markdown through ERB (Middleman's x.html.md.erb).
func IsPage(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".markdown", ".mdx":
		return true
	case ".erb":
		return strings.HasSuffix(strings.ToLower(name), ".md.erb")
	}
	return false
}

func exists(fsys fs.FS, name string) bool {
	info, err := fs.Stat(fsys, name)
	return err == nil && info.Mode().IsRegular()
}

func isDir(fsys fs.FS, name string) bool {
	info, err := fs.Stat(fsys, name)
	return err == nil && info.IsDir()
}

func firstExisting(fsys fs.FS, names ...string) string {
	for _, n := range names {
		if exists(fsys, n) {
			return n
		}
	}
	return ""
}

// cleanRoot turns a folder a settings file names ("./docs/", "docs") into
// a Root, or reports that it leaves the site.
func cleanRoot(dir string) (string, bool) {
	dir = path.Clean(strings.TrimSpace(strings.ReplaceAll(dir, "\\", "/")))
	if dir == "" || dir == "." {
		return ".", true
	}
	if !fs.ValidPath(dir) {
		return "", false
	}
	return dir, true
}
