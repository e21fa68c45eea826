package layout

import (
	"io/fs"
	"path"
	"strings"

	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/strictyaml"
	"go.yaml.in/yaml/v3"
)

// readMkDocs reads an MkDocs site's settings: docs_dir (default docs,
// beside the file), site_name, and nav (or the older pages), whose entries
// are a page path, {Title: path or URL}, or {Title: [entries]}.
func readMkDocs(fsys fs.FS, file string) Layout {
	l := readMkDocsFile(fsys, file)
	l.Root = path.Join(path.Dir(file), l.Root)
	return l
}

// nestedMkDocs is the settings file of an MkDocs site kept below the
// repository's root, where the root has none: docs/mkdocs.yml, or
// docs/<x>/mkdocs.yml (a site of one language among folders of others,
// as FastAPI's docs/en/mkdocs.yml), the one in docs/en/ where there are
// several; "" where there is none.
func nestedMkDocs(fsys fs.FS) string {
	if f := firstExisting(fsys, "docs/mkdocs.yml", "docs/mkdocs.yaml"); f != "" {
		return f
	}
	var found []string
	entries, _ := fs.ReadDir(fsys, "docs")
	for _, e := range entries {
		if f := firstExisting(fsys, path.Join("docs", e.Name(), "mkdocs.yml"), path.Join("docs", e.Name(), "mkdocs.yaml")); e.IsDir() && f != "" {
			found = append(found, f)
		}
	}
	for _, f := range found {
		if len(found) == 1 || path.Base(path.Dir(f)) == "en" {
			return f
		}
	}
	return ""
}

// readMkDocsFile is readMkDocs with Root relative to the file's folder.
func readMkDocsFile(fsys fs.FS, file string) Layout {
	l := Layout{Kind: MkDocs, Root: "docs", NavFile: file}
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		l.Diags.Errorf(diag.Pos{File: file}, "cannot read %s: %v", file, err)
		return l
	}
	root, diags := strictyaml.Parse(file, src)
	l.Diags.Append(diags)
	if root == nil || root.Kind != yaml.MappingNode {
		return l
	}
	var nav *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "site_name":
			if v.Kind == yaml.ScalarNode {
				l.Title = v.Value
			}
		case "docs_dir":
			dir, ok := cleanRoot(v.Value)
			if v.Kind != yaml.ScalarNode || !ok {
				l.Diags.Warnf(strictyaml.Pos(file, v), "docs_dir %q is not a folder inside the site; reading docs/", v.Value)
				continue
			}
			l.Root = dir
		case "plugins":
			l.Redirects = mkdocsRedirects(file, v, &l.Diags)
		case "nav", "pages":
			if nav == nil || k.Value == "nav" {
				nav = v
			}
		}
	}
	if nav != nil {
		l.Nav = mkdocsEntries(file, nav, &l.Diags)
		features := value(value(root, "theme"), "features")
		if hasFeature(features, "navigation.indexes") {
			l.Nav = sectionIndexes(l.Nav)
		}
		if hasFeature(features, "navigation.sections") {
			for i := range l.Nav {
				l.Nav[i].Part = l.Nav[i].Path == "" && l.Nav[i].External == ""
			}
		}
	}
	return l
}

// hasFeature reports whether Material for MkDocs' theme features list
// name.
func hasFeature(features *yaml.Node, name string) bool {
	if features == nil || features.Kind != yaml.SequenceNode {
		return false
	}
	for _, f := range features.Content {
		if f.Kind == yaml.ScalarNode && f.Value == name {
			return true
		}
	}
	return false
}

// sectionIndexes makes a section whose first entry is an index page
// listed without a title (index.md or README.md) that page, with the
// rest under it, as Material for MkDocs' navigation.indexes shows it.
func sectionIndexes(entries []Entry) []Entry {
	for i := range entries {
		e := &entries[i]
		e.Children = sectionIndexes(e.Children)
		if e.Path != "" || e.External != "" || len(e.Children) == 0 {
			continue
		}
		first := e.Children[0]
		if base := path.Base(first.Path); first.Title == "" && len(first.Children) == 0 && (base == "index.md" || base == "README.md") {
			e.Path, e.Pos, e.Children = first.Path, first.Pos, e.Children[1:]
		}
	}
	return entries
}

// mkdocsEntries reads a nav list.
func mkdocsEntries(file string, list *yaml.Node, diags *diag.List) []Entry {
	if list.Kind != yaml.SequenceNode {
		diags.Warnf(strictyaml.Pos(file, list), "nav is not a list; the pages keep the order of their files")
		return nil
	}
	var out []Entry
	for _, item := range list.Content {
		switch item.Kind {
		case yaml.ScalarNode:
			out = append(out, target(Entry{Pos: strictyaml.Pos(file, item)}, item.Value))
		case yaml.MappingNode:
			for i := 0; i+1 < len(item.Content); i += 2 {
				k, v := item.Content[i], item.Content[i+1]
				e := Entry{Title: k.Value, Pos: strictyaml.Pos(file, k)}
				switch v.Kind {
				case yaml.ScalarNode:
					e = target(e, v.Value)
				case yaml.SequenceNode:
					e.Children = mkdocsEntries(file, v, diags)
				default:
					diags.Warnf(strictyaml.Pos(file, v), "nav entry %q is neither a page nor a list", k.Value)
					continue
				}
				out = append(out, e)
			}
		default:
			diags.Warnf(strictyaml.Pos(file, item), "nav entry is neither a page nor a titled entry")
		}
	}
	return out
}

// target sets what an entry leads to: a page, as a path relative to the
// root, or another site.
func target(e Entry, dest string) Entry {
	dest = strings.TrimSpace(dest)
	if strings.Contains(dest, "://") || strings.HasPrefix(dest, "mailto:") {
		e.External = dest
		return e
	}
	e.Path = strings.TrimPrefix(dest, "./")
	return e
}
