package layout

import (
	"bytes"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"github.com/batonhq/baton/internal/diag"
)

// A Sphinx project whose pages are MyST Markdown keeps conf.py (with
// myst_parser or myst_nb among its extensions) beside its root document,
// index.md by default. Its order is the tree of {toctree} directives: the
// root document's toctrees list the top pages, each page's own toctrees
// its children. conf.py is Python, which baton does not run: only its
// literal project, root_doc and master_doc are read.

// sphinxMyST finds the MyST extensions in a conf.py.
var sphinxMyST = regexp.MustCompile(`["'](myst_parser|myst_nb)["']`)

// sphinxSetting finds a literal string setting in a conf.py.
func sphinxSetting(src []byte, name string) string {
	m := regexp.MustCompile(`(?m)^` + name + `\s*=\s*["']([^"'\n]+)["']`).FindSubmatch(src)
	if m == nil {
		return ""
	}
	return strings.TrimSpace(string(m[1]))
}

// sphinxMaxDocs bounds how many documents the toctrees are read from.
const sphinxMaxDocs = 10000

// readSphinx reads the Sphinx project whose conf.py is in dir, when it
// reads MyST and its root document is Markdown.
func readSphinx(fsys fs.FS, dir string) (Layout, bool) {
	src, err := fs.ReadFile(fsys, path.Join(dir, "conf.py"))
	if err != nil || !sphinxMyST.Match(src) {
		return Layout{}, false
	}
	root := sphinxSetting(src, "root_doc")
	if root == "" {
		root = sphinxSetting(src, "master_doc")
	}
	if root == "" {
		root = "index"
	}
	t := toctrees{fsys: fsys, dir: dir, seen: map[string]bool{}}
	home := t.find(root)
	if home == "" || !strings.HasSuffix(home, ".md") {
		return Layout{}, false
	}
	l := Layout{Kind: Sphinx, Root: dir, Title: sphinxSetting(src, "project"), Home: home, NavFile: path.Join(dir, home)}
	t.diags = &l.Diags
	l.Nav = append([]Entry{{Path: home, Pos: diag.Pos{File: path.Join(dir, home)}}}, t.read(home)...)
	if len(l.Nav) == 1 {
		l.Nav, l.NavFile = nil, ""
	}
	return l, true
}

// toctrees reads the tree of a project's toctree directives.
type toctrees struct {
	fsys  fs.FS
	dir   string
	seen  map[string]bool
	diags *diag.List
}

// find is the file, from the project's folder, of the document name
// names (as written, or with the extension a toctree leaves out), or "".
func (t *toctrees) find(name string) string {
	for _, ext := range append([]string{""}, tocPageExts...) {
		if exists(t.fsys, path.Join(t.dir, name+ext)) {
			return name + ext
		}
	}
	return ""
}

// tocOpenRE matches a toctree directive's first line, and its fence.
var tocOpenRE = regexp.MustCompile("^[ \t]*(`{3,}|~{3,}|:{3,})\\{toctree\\}")

// codeOpenRE matches the fence that opens a block of code: not a
// directive, whose name is in braces.
var codeOpenRE = regexp.MustCompile("^[ \t]*(`{3,}|~{3,})[ \t]*(?:[^{ \t`][^`]*)?$")

// directiveOpenRE matches the fence that opens a directive.
var directiveOpenRE = regexp.MustCompile("^[ \t]*(`{3,}|~{3,}|:{3,})\\{")

// tocEntryRE matches "Title <target>".
var tocEntryRE = regexp.MustCompile(`^(.*?)\s*<([^<>]+)>$`)

// read is the entries of the toctrees in document doc (a Markdown file),
// each with the entries of its own; a document is read once.
func (t *toctrees) read(doc string) []Entry {
	if t.seen[doc] || len(t.seen) >= sphinxMaxDocs || !strings.HasSuffix(doc, ".md") {
		return nil
	}
	t.seen[doc] = true
	src, err := fs.ReadFile(t.fsys, path.Join(t.dir, doc))
	if err != nil {
		return nil
	}
	var out []Entry
	lines := bytes.Split(src, []byte("\n"))
	var open [][]byte // the fences of the directives around the line
	for i := 0; i < len(lines); i++ {
		if n := len(open); n > 0 && closes(lines[i], open[n-1]) {
			open = open[:n-1]
			continue
		}
		if c := codeOpenRE.FindSubmatch(lines[i]); c != nil {
			// Code, such as the syntax of a toctree shown: no toctree.
			for i++; i < len(lines) && !closes(lines[i], c[1]); i++ {
			}
			continue
		}
		m := tocOpenRE.FindSubmatch(lines[i])
		if m == nil {
			if d := directiveOpenRE.FindSubmatch(lines[i]); d != nil {
				open = append(open, d[1])
			}
			continue
		}
		var caption string
		var entries []Entry
		options := true
		for i++; i < len(lines) && !closes(lines[i], m[1]); i++ {
			line := strings.TrimSpace(string(lines[i]))
			if o := tocOptionRE.FindStringSubmatch(line); options && o != nil {
				if o[1] == "caption" {
					caption = o[2]
				}
				continue
			}
			options = options && line == ""
			if e, ok := t.entry(doc, line, i+1); ok {
				entries = append(entries, e)
			}
		}
		if caption != "" {
			entries = []Entry{{Title: caption, Part: true, Children: entries, Pos: diag.Pos{File: path.Join(t.dir, doc)}}}
		}
		out = append(out, entries...)
	}
	return out
}

// tocOptionRE matches a directive's option line, ":name: value".
var tocOptionRE = regexp.MustCompile(`^:([\w-]+):(?:[ \t]+(.*?))?[ \t]*$`)

// entry reads one line of a toctree in doc: a document (from doc's
// folder, or from the project's with a leading /), with its title if
// written "Title <doc>", or a link to another site; self, globs and
// blank lines are none.
func (t *toctrees) entry(doc, line string, n int) (Entry, bool) {
	pos := diag.Pos{File: path.Join(t.dir, doc), Line: n, Col: 1}
	title, target := "", line
	if m := tocEntryRE.FindStringSubmatch(line); m != nil {
		title, target = m[1], strings.TrimSpace(m[2])
	}
	switch {
	case target == "" || target == "self" || strings.ContainsAny(target, "*?["):
		return Entry{}, false
	case strings.Contains(target, "://"):
		return Entry{Title: title, External: target, Pos: pos}, true
	}
	name := path.Join(path.Dir(doc), target)
	if strings.HasPrefix(target, "/") {
		name = strings.TrimPrefix(path.Clean(target), "/")
	}
	if !fs.ValidPath(name) {
		t.diags.Warnf(pos, "%q is not a document inside the project's folder", target)
		return Entry{}, false
	}
	file := t.find(name)
	if file == "" {
		t.diags.Warnf(pos, "the toctree names %s, which is not in %s", name, t.dir)
		return Entry{}, false
	}
	return Entry{Title: title, Path: file, Pos: pos, Children: t.read(file)}, true
}

// closes reports whether line is a fence that closes one opened by fence:
// the same character, at least as many, alone on the line.
func closes(line, fence []byte) bool {
	line = bytes.TrimSpace(line)
	return len(line) >= len(fence) && len(bytes.Trim(line, string(fence[:1]))) == 0
}
