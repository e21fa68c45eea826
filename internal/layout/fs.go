package layout

import (
	"io/fs"
	"path"
	"slices"
	"strings"
)

// FS presents the site in site as baton reads a site: its pages under
// content/ (the layout's Root, wherever it is) and, when the layout's
// layouts/ is baton's theme, layouts/. Nothing else of the site folder is
// visible, nor the output folders named in exclude (slash paths relative
// to the site), nor the navigation file. Of the other files beside the
// pages, a handbook written for another tool publishes only assets and
// what a page links to (handbook.Resolve). Paths in and out are
// slash-separated, as fs.FS wants.
//
// The build reads through it and never learns where the pages really are;
// Real turns a path it reports (a diagnostic's, an edit link's) back into
// the site's own.
func (l Layout) FS(site fs.FS, exclude ...string) fs.FS {
	if l.NavFile != "" {
		// The navigation file orders the pages; it is not one.
		exclude = append(slices.Clip(exclude), l.NavFile)
	}
	return view{site: site, l: l, exclude: exclude}
}

// Real is the site's own path of a path FS shows: content/x.md is
// docs/x.md when the pages are in docs/.
func (l Layout) Real(p string) string {
	if rest, ok := strings.CutPrefix(p, "content/static"); ok && l.Static != "" && (rest == "" || rest[0] == '/') {
		return l.Static + rest
	}
	rest, ok := strings.CutPrefix(p, "content")
	if !ok || rest != "" && rest[0] != '/' || l.Root == "content" || l.Root == "" || l.shared(p) {
		return p
	}
	if l.Root == "." {
		return strings.TrimPrefix(rest, "/")
	}
	return l.Root + rest
}

// Virtual is the path FS shows for a path of the site's own, and whether
// FS shows it: docs/x.md is content/x.md when the pages are in docs/.
func (l Layout) Virtual(p string) (string, bool) {
	switch {
	case l.Static != "" && (p == l.Static || strings.HasPrefix(p, l.Static+"/")):
		return "content/static" + strings.TrimPrefix(p, l.Static), true
	case l.shared(p):
		return p, true
	case l.Root == "content" || l.Root == "":
		return p, strings.HasPrefix(p+"/", "content/") || l.Theme && strings.HasPrefix(p+"/", "layouts/")
	case l.Root == ".":
		return path.Join("content", p), true
	case p == l.Root || strings.HasPrefix(p, l.Root+"/"):
		return "content" + strings.TrimPrefix(p, l.Root), true
	case l.Theme && strings.HasPrefix(p+"/", "layouts/"):
		return p, true
	}
	return "", false
}

type view struct {
	site    fs.FS
	l       Layout
	exclude []string
}

var (
	_ fs.ReadDirFS  = view{}
	_ fs.StatFS     = view{}
	_ fs.ReadLinkFS = view{}
)

// real maps a path of the view to the site's, or reports that the view
// does not show it.
func (v view) real(name string) (string, bool) {
	if !fs.ValidPath(name) {
		return "", false
	}
	top, _, _ := strings.Cut(name, "/")
	switch {
	case top == "content":
		r := v.l.Real(name)
		if r == "" {
			r = "."
		}
		return r, v.shows(r, name)
	case top == "layouts" && v.l.Theme:
		return name, true
	}
	return "", false
}

// shows reports whether the view shows the site's path r (the view's
// name): every folder on the way must be shown too.
func (v view) shows(r, name string) bool {
	if r == "." {
		return true
	}
	for p := r; p != "." && p != v.l.Root; p = path.Dir(p) {
		if slices.Contains(v.exclude, p) {
			return false
		}
	}
	return true
}

// hidden reports whether an entry of a folder of pages is left out: an
// output folder, the navigation file, a partial or the tool's not-found
// page.
func (v view) hidden(dir string, e fs.DirEntry) bool {
	return !v.visible(path.Join(dir, e.Name()))
}

// partial reports whether the site's file r is a partial, which the tool
// does not publish: in Docusaurus, a page whose name, or the name of a
// folder it is in below Root, starts with _ (docs/_common/x.mdx,
// _snippet.md), which MDX pages import. Other files there (images) are
// published as linked, as Docusaurus' bundler does.
func (l Layout) partial(r string) bool {
	if l.Kind != Docusaurus || !IsPage(path.Base(r)) {
		return false
	}
	rel := r
	if l.Root != "." {
		var ok bool
		if rel, ok = strings.CutPrefix(r, l.Root+"/"); !ok {
			return false
		}
	}
	return strings.HasPrefix(rel, "_") || strings.Contains(rel, "/_")
}

func (v view) Open(name string) (fs.File, error) {
	if name == "." {
		return v.site.Open(".") // never walked: Load starts at content/ and layouts/
	}
	r, ok := v.real(name)
	if !ok || !v.visible(r) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return v.site.Open(r)
}

// visible reports whether the file or folder at r is shown by the folder
// that holds it: whether it is not one of those left out, nor a partial,
// nor the tool's not-found page (notFoundPage). It asks
// nothing of the file system: every file the build reads is opened
// through it.
func (v view) visible(r string) bool {
	return !slices.Contains(v.exclude, r) && !v.l.partial(r) && !v.l.notFoundPage(r)
}

func (v view) ReadDir(name string) ([]fs.DirEntry, error) {
	r, ok := v.real(name)
	if !ok {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	entries, err := fs.ReadDir(v.site, r)
	if err != nil {
		return nil, err
	}
	if !strings.HasPrefix(name+"/", "content/") {
		return entries, nil
	}
	entries = slices.DeleteFunc(entries, func(e fs.DirEntry) bool { return v.hidden(r, e) })
	if name == "content" && len(v.l.Shared) > 0 {
		entries = v.withShared(entries)
	}
	if name == "content" && v.l.Static != "" {
		entries = v.withStatic(entries)
	}
	return entries, nil
}

// withStatic adds to the entries of content/ the layout's Static folder,
// named static, sorted by name as fs.ReadDir sorts.
func (v view) withStatic(entries []fs.DirEntry) []fs.DirEntry {
	info, err := fs.Stat(v.site, v.l.Static)
	if err != nil || !v.shows(v.l.Static, "") {
		// Not there, or left out (an output folder): not listed, or the
		// walk would fail to read what it lists.
		return entries
	}
	entries = slices.DeleteFunc(entries, func(e fs.DirEntry) bool { return e.Name() == "static" })
	entries = append(entries, staticEntry{fs.FileInfoToDirEntry(info)})
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries
}

// staticEntry is the layout's Static folder as content/ lists it.
type staticEntry struct{ fs.DirEntry }

func (staticEntry) Name() string { return "static" }

// withShared adds to the entries of a language's content/ the shared
// files and folders that exist, sorted by name as fs.ReadDir sorts.
func (v view) withShared(entries []fs.DirEntry) []fs.DirEntry {
	entries = slices.DeleteFunc(entries, func(e fs.DirEntry) bool { return v.l.shared(path.Join("content", e.Name())) })
	for _, s := range v.l.Shared {
		if info, err := fs.Lstat(v.site, s); err == nil {
			entries = append(entries, fs.FileInfoToDirEntry(info))
		}
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries
}

func (v view) Stat(name string) (fs.FileInfo, error) {
	r, ok := v.real(name)
	if !ok || !v.visible(r) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
	}
	return fs.Stat(v.site, r)
}

func (v view) Lstat(name string) (fs.FileInfo, error) {
	r, ok := v.real(name)
	if !ok || !v.visible(r) {
		return nil, &fs.PathError{Op: "lstat", Path: name, Err: fs.ErrNotExist}
	}
	return fs.Lstat(v.site, r)
}

func (v view) ReadLink(name string) (string, error) {
	r, ok := v.real(name)
	if !ok {
		return "", &fs.PathError{Op: "readlink", Path: name, Err: fs.ErrNotExist}
	}
	return fs.ReadLink(v.site, r)
}
