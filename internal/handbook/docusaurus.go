package handbook

import (
	"cmp"
	"path"
	"strings"

	"github.com/batonhq/baton/internal/diag"
)

// Docusaurus names a doc by its id: its path in the docs folder without
// the extension and the number prefixes, the last segment replaced by the
// front matter's id:. Its sidebars name docs by id, its _category_ files
// link a folder to one, and its pages are published at the id's name
// unless a slug: says otherwise. These functions read those, where
// Options.Docusaurus is set; nothing here applies to other layouts.

// Folder is what a layout's settings say of a folder of pages
// (Docusaurus' _category_.json).
type Folder struct {
	// Label is the sidebar's title for the folder (Page.NavTitle of its
	// page); "" leaves it to its page's title.
	Label string
	// Weight orders the folder among its siblings; 0 for none given.
	Weight int
	// Index is the doc id of the page that is the folder's page, where
	// the settings link the folder to one; "" for the usual index.md.
	Index string
	// Title and Summary are those of the page baton makes for a folder
	// with no page of its own (a generated index).
	Title, Summary string
	// Pos is where the settings say it, for a warning.
	Pos diag.Pos
}

// unplacedWeight is the weight of a Docusaurus page or folder whose
// position nothing gives: after every one given (Docusaurus lists those
// first), and before the pages a navigation file leaves out (navWeight).
const unplacedWeight = 1 << 20

// unplaced is weight w, or unplacedWeight for none in a Docusaurus site.
func (r *resolver) unplaced(w int) int {
	if w == 0 && r.opts.Docusaurus {
		return unplacedWeight
	}
	return w
}

// frontParam is the string a front matter key baton does not know gives,
// trimmed, or "".
func frontParam(fm FrontMatter, key string) string {
	for _, e := range fm.Params {
		if v, ok := e.Value.(string); ok && e.Key == key {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// docID is the id Docusaurus gives the page of file f.
func (r *resolver) docID(f *Parsed) string {
	dir, base := path.Split(strings.TrimPrefix(f.File, "content/"))
	var segs []string
	for _, s := range strings.Split(dir, "/") {
		if s != "" {
			name, _ := r.numbered(s)
			segs = append(segs, name)
		}
	}
	stem, _ := r.numbered(pageStem(base, false))
	if id := frontParam(f.Page.FrontMatter, "id"); id != "" && !strings.Contains(id, "/") {
		stem = id
	}
	return path.Join(append(segs, stem)...)
}

// docusaurus reads, before the pages are added, what Docusaurus names by
// doc id: the navigation's entries (a sidebars file's) become the pages'
// source paths, and a folder linked to a doc has it as its page, as has a
// folder with a page of its own name inside it (guides/guides.md) and no
// index.md. A page at the top whose slug is / is the home page where the docs
// folder has no index.md.
func (r *resolver) docusaurus(pages []*Parsed) {
	if !r.opts.Docusaurus {
		return
	}
	ids := make(map[string]string, len(pages))
	for _, f := range pages {
		if f.Page != nil {
			if id := "content/" + r.docID(f); ids[id] == "" {
				ids[id] = f.File
			}
		}
	}
	byID := func(key string) string {
		if file, ok := ids[key]; ok {
			return file
		}
		return key
	}
	if r.opts.Nav != nil {
		nav := make(map[string]NavEntry, len(r.opts.Nav))
		for k, e := range r.opts.Nav {
			if _, listed := nav[byID(k)]; !listed || e.Order < nav[byID(k)].Order {
				nav[byID(k)] = e
			}
		}
		r.opts.Nav = nav
	}
	r.opts.NavTree = navByID(r.opts.NavTree, byID)
	r.folderIndexes(pages, ids)
}

// navByID is a copy of tree whose entries name files, not doc ids.
func navByID(tree []NavSource, byID func(string) string) []NavSource {
	if tree == nil {
		return nil
	}
	out := make([]NavSource, len(tree))
	for i, n := range tree {
		out[i] = NavSource{Title: n.Title, File: n.File, Part: n.Part, Children: navByID(n.Children, byID)}
		if n.File != "" {
			out[i].File = byID(n.File)
		}
	}
	return out
}

// folderIndexes gives each folder the page its settings link it to, or
// the page named as the folder inside it, where it has no index.md; and
// the site the page whose slug is / as its home page, in place of the
// repository's README.md.
func (r *resolver) folderIndexes(pages []*Parsed, ids map[string]string) {
	for dir, f := range r.opts.Folders {
		if f.Index == "" {
			continue
		}
		file := ids["content/"+f.Index]
		if file == "" {
			file = ids[path.Join(dir, f.Index)]
		}
		if file == "" || path.Dir(file) != dir {
			r.diags.Warnf(f.Pos, "link id %q names no page in %s; the folder keeps its own page", f.Index, r.show(dir))
			continue
		}
		r.index[dir] = file
	}
	for dir, u := range r.opts.FolderURLs {
		if u == "/" && r.index[dir] != "" && r.homeFree() {
			r.index["content"] = r.index[dir] // the docs' index.md
		}
	}
	for _, f := range pages {
		dir := path.Dir(f.File)
		stem, _ := r.numbered(pageStem(path.Base(f.File), false))
		folder, _ := r.numbered(path.Base(dir))
		if r.index[dir] == "" && dir != "content" && strings.EqualFold(stem, folder) {
			r.index[dir] = f.File
		}
		if f.Page != nil && f.Page.FrontMatter.Slug.Value == "/" && r.atRoot(dir) && r.homeFree() {
			r.index["content"] = f.File
		}
	}
}

// atRoot reports whether the pages of source folder dir are published
// at the site's root: content/, or the docs folder beside a README
// where the config's routeBasePath is / (Options.FolderURLs).
func (r *resolver) atRoot(dir string) bool {
	return dir == "content" || r.opts.FolderURLs[dir] == "/"
}

// homeFree reports whether a page whose slug is / may be the home page:
// the site has none, or only the repository's README.md, which
// Docusaurus does not publish.
func (r *resolver) homeFree() bool {
	h := r.index["content"]
	return h == "" || strings.EqualFold(path.Base(h), "README.md")
}

// folderPage applies the settings of page p's folder, where p is its page:
// the sidebar's label, and the folder's position over the page's own.
func (r *resolver) folderPage(p *Page) {
	f, ok := r.opts.Folders[p.Section.Dir]
	if !ok || !p.IsSection {
		return
	}
	if p.NavTitle == "" {
		p.NavTitle = f.Label
	}
	if f.Weight != 0 {
		p.Weight = f.Weight
	}
	if p.Doc == nil {
		p.Title, p.Summary = cmp.Or(f.Title, p.Title), cmp.Or(f.Summary, p.Summary)
	}
}

// slugURL is the URL a Docusaurus page's slug: gives it where it names
// more than a file's name (which placePage reads): from the site's root
// when it starts with /, else from the page's folder; a section's page's
// slug is always read here.
func (r *resolver) slugURL(p *Page, fm FrontMatter) (string, bool) {
	s := strings.TrimSpace(fm.Slug.Value)
	if !r.opts.Docusaurus || s == "" || !p.IsSection && !strings.Contains(s, "/") {
		return "", false
	}
	folder := p.Section.URL
	if sec, ok := r.dirs[path.Dir(p.File)]; ok {
		folder = sec.URL
	}
	u, err := aliasURL(s, folder)
	if err != nil {
		return "", false
	}
	return u, true
}
