package layout

import (
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/strictyaml"
	"go.yaml.in/yaml/v3"
)

// Jupyter Book 1 keeps a book in one folder: _config.yml (its title) and
// _toc.yml, the table of contents that sphinx-external-toc reads. The
// toc's root: is the book's first page; its entries name files by their
// path from that folder, usually without the extension, and nest in one
// of three vocabularies: format jb-book (parts with a caption and
// chapters, chapters with sections), jb-article (sections), or the
// generic one (subtrees with a caption and entries). Each entry is a
// file:, a url: with a title:, or a glob: (which gives no order here).
// Books older than 0.11 wrote the toc as a list, whose items are files
// with sections, or part: captions with chapters.

// tocNames are the names of a Jupyter Book's table of contents.
var tocNames = []string{"_toc.yml", "_toc.yaml"}

// tocPageExts are the extensions a toc entry's file may have left out,
// in the order tried: the pages baton reads, then Jupyter's notebooks and
// Sphinx's reStructuredText, which stand in the order but are no pages.
var tocPageExts = []string{".md", ".markdown", ".mdx", ".ipynb", ".rst"}

// jupyterBookDirs lists the folders, in order, that may hold the book of
// a repository: the repository itself, then docs/ and book/, then any
// other folder at the top.
func jupyterBookDirs(fsys fs.FS) []string {
	dirs := []string{"docs", "book"}
	entries, _ := fs.ReadDir(fsys, ".")
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") && !slices.Contains(dirs, e.Name()) {
			dirs = append(dirs, e.Name())
		}
	}
	return dirs
}

// readJupyterBook reads the Jupyter Book whose folder is dir: its pages
// are there, in its toc's order, its root page is the home page, and its
// title is _config.yml's. It reports false when dir holds no toc, or one
// that is not a Jupyter Book's (the file name alone says little).
func readJupyterBook(fsys fs.FS, dir string) (Layout, bool) {
	file := ""
	for _, name := range tocNames {
		if exists(fsys, path.Join(dir, name)) {
			file = path.Join(dir, name)
			break
		}
	}
	if file == "" {
		return Layout{}, false
	}
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		return Layout{}, false
	}
	root, diags := strictyaml.Parse(file, src)
	if !isJupyterToc(root) {
		return Layout{}, false
	}
	l := Layout{Kind: JupyterBook, Root: dir, NavFile: file}
	l.Diags.Append(diags)
	for _, cfg := range jekyllConfigs {
		var s siteSettings
		if readSettings(fsys, path.Join(dir, cfg), &s) {
			l.Title = s.Title
			break
		}
	}
	t := toc{fsys: fsys, file: file, dir: dir, diags: &l.Diags}
	if root.Kind == yaml.SequenceNode {
		l.Nav = t.oldEntries(root)
	} else {
		l.Nav = t.entries(root)
	}
	if len(l.Nav) > 0 && IsPage(l.Nav[0].Path) {
		l.Home = l.Nav[0].Path
	}
	return l, true
}

// isJupyterToc reports whether a parsed _toc.yml is a Jupyter Book's: a
// mapping with a root: and either a jb-book or jb-article format or
// entries in one of the toc's vocabularies, or an older book's list whose
// first item is a file:.
func isJupyterToc(root *yaml.Node) bool {
	switch {
	case root == nil:
		return false
	case root.Kind == yaml.SequenceNode:
		return len(root.Content) > 0 && value(root.Content[0], "file") != nil
	}
	if r := value(root, "root"); r == nil || r.Kind != yaml.ScalarNode {
		return false
	}
	if f := value(root, "format"); f != nil && strings.HasPrefix(f.Value, "jb-") {
		return true
	}
	return slices.ContainsFunc([]string{"chapters", "parts", "sections", "subtrees", "entries"}, func(k string) bool { return value(root, k) != nil })
}

// toc reads the entries of a _toc.yml.
type toc struct {
	fsys  fs.FS
	file  string
	dir   string
	diags *diag.List
}

// entries reads a toc's mapping: its root page first, then what follows.
func (t toc) entries(root *yaml.Node) []Entry {
	home := t.entry(root, "root")
	return append([]Entry{home}, t.children(root)...)
}

// children reads the entries under a toc item, whatever its vocabulary
// calls them: parts or subtrees (captioned groups), chapters, sections or
// entries (pages, nesting).
func (t toc) children(item *yaml.Node) []Entry {
	var out []Entry
	for _, key := range []string{"parts", "subtrees"} {
		for _, part := range t.list(value(item, key), key) {
			e := Entry{Part: true, Pos: strictyaml.Pos(t.file, part)}
			if c := value(part, "caption"); c != nil && c.Kind == yaml.ScalarNode {
				e.Title = c.Value
			}
			e.Children = t.children(part)
			out = append(out, e)
		}
	}
	for _, key := range []string{"chapters", "sections", "entries"} {
		for _, item := range t.list(value(item, key), key) {
			e := t.entry(item, "file")
			e.Children = t.children(item)
			out = append(out, e)
		}
	}
	return out
}

// list is the items of a toc list, warning of one that is not a list.
func (t toc) list(n *yaml.Node, key string) []*yaml.Node {
	if n == nil {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		t.diags.Warnf(strictyaml.Pos(t.file, n), "%s is not a list; its pages keep the order of their files", key)
		return nil
	}
	return n.Content
}

// entry reads one item: the page its key (file:, or root:) names, or a
// url: with a title:; a glob: names no one page.
func (t toc) entry(item *yaml.Node, key string) Entry {
	e := Entry{Pos: strictyaml.Pos(t.file, item)}
	if title := value(item, "title"); title != nil && title.Kind == yaml.ScalarNode {
		e.Title = title.Value
	}
	if u := value(item, "url"); u != nil && u.Kind == yaml.ScalarNode {
		e.External = strings.TrimSpace(u.Value)
		return e
	}
	if f := value(item, key); f != nil && f.Kind == yaml.ScalarNode {
		e.Pos = strictyaml.Pos(t.file, f)
		e.Path = t.page(f)
	}
	return e
}

// page is the path, from the book's folder, of the file a toc entry
// names: as written when there is such a file, else with the first of
// tocPageExts that there is, else with any extension (jupytext reads
// notebooks from .Rmd and .py files too). A file that is not there is
// warned of, and stands in the order under its Markdown name.
func (t toc) page(f *yaml.Node) string {
	name := strings.TrimPrefix(path.Clean(strings.TrimSpace(f.Value)), "./")
	if !fs.ValidPath(name) || name == "." {
		t.diags.Warnf(strictyaml.Pos(t.file, f), "%q is not a file inside the book's folder", f.Value)
		return ""
	}
	if exists(t.fsys, path.Join(t.dir, name)) {
		return name
	}
	for _, ext := range tocPageExts {
		if exists(t.fsys, path.Join(t.dir, name+ext)) {
			return name + ext
		}
	}
	entries, _ := fs.ReadDir(t.fsys, path.Join(t.dir, path.Dir(name)))
	for _, e := range entries {
		if stem, _, ok := strings.Cut(e.Name(), "."); ok && stem == path.Base(name) && !e.IsDir() {
			return path.Join(path.Dir(name), e.Name())
		}
	}
	t.diags.Warnf(strictyaml.Pos(t.file, f), "%s names %s, which is not in %s", path.Base(t.file), name, t.dir)
	return name + ".md"
}

// oldEntries reads the toc of a book older than Jupyter Book 0.11: a list
// of files, each with its sections, and part: captions with chapters.
func (t toc) oldEntries(list *yaml.Node) []Entry {
	var out []Entry
	for _, item := range list.Content {
		if p := value(item, "part"); p != nil {
			e := Entry{Title: p.Value, Part: true, Pos: strictyaml.Pos(t.file, p)}
			for _, c := range t.list(value(item, "chapters"), "chapters") {
				ce := t.entry(c, "file")
				ce.Children = t.oldEntries(&yaml.Node{Kind: yaml.SequenceNode, Content: t.list(value(c, "sections"), "sections")})
				e.Children = append(e.Children, ce)
			}
			out = append(out, e)
			continue
		}
		e := t.entry(item, "file")
		e.Children = t.oldEntries(&yaml.Node{Kind: yaml.SequenceNode, Content: t.list(value(item, "sections"), "sections")})
		out = append(out, e)
	}
	return out
}
