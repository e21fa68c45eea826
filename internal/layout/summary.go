package layout

import (
	"encoding/json"
	"io/fs"
	"net/url"
	"path"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/strictyaml"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"go.yaml.in/yaml/v3"
)

// readMdBook reads an mdBook: book.toml's [book] title and src (default
// src), and src/SUMMARY.md.
func readMdBook(fsys fs.FS) Layout {
	l := Layout{Kind: MdBook, Root: "src"}
	var cfg struct {
		Book struct {
			Title string `toml:"title"`
			Src   string `toml:"src"`
		} `toml:"book"`
	}
	if src, err := fs.ReadFile(fsys, "book.toml"); err == nil {
		if _, err := toml.Decode(string(src), &cfg); err != nil {
			l.Diags.Warnf(tomlPos("book.toml", err), "cannot read book.toml: %v", err)
		}
	}
	l.Title = cfg.Book.Title
	if cfg.Book.Src != "" {
		if dir, ok := cleanRoot(cfg.Book.Src); ok {
			l.Root = dir
		} else {
			l.Diags.Warnf(diag.Pos{File: "book.toml"}, "src %q is not a folder inside the book; reading src/", cfg.Book.Src)
		}
	}
	l.NavFile = path.Join(l.Root, "SUMMARY.md")
	if src, err := fs.ReadFile(fsys, l.NavFile); err == nil {
		l.Nav = summaryEntries(l.NavFile, src)
	} else {
		l.NavFile = ""
	}
	return l
}

// tomlPos is where a TOML error stands, from its structured position.
func tomlPos(file string, err error) diag.Pos {
	if pe, ok := err.(toml.ParseError); ok {
		return diag.Pos{File: file, Line: pe.Position.Line, Col: pe.Position.Col}
	}
	return diag.Pos{File: file}
}

// readGitBook reads a GitBook: SUMMARY.md at the root, or where
// .gitbook.yaml's root and structure.summary put it.
func readGitBook(fsys fs.FS) (Layout, bool) {
	l := Layout{Kind: GitBook, Root: "."}
	summary := "SUMMARY.md"
	if src, err := fs.ReadFile(fsys, ".gitbook.yaml"); err == nil {
		root, diags := strictyaml.Parse(".gitbook.yaml", src)
		l.Diags.Append(diags)
		if r := value(root, "root"); r != nil {
			if dir, ok := cleanRoot(r.Value); ok {
				l.Root = dir
			}
		}
		if s := value(value(root, "structure"), "summary"); s != nil && s.Value != "" {
			summary = strings.TrimPrefix(path.Clean(s.Value), "./")
		}
		l.Redirects = gitbookRedirects(".gitbook.yaml", value(root, "redirects"), &l.Diags)
	} else if src, err := fs.ReadFile(fsys, "book.json"); err == nil {
		summary = readBookJSON(src, &l, summary)
	}
	l.NavFile = path.Join(l.Root, summary)
	src, err := fs.ReadFile(fsys, l.NavFile)
	if err != nil {
		return Layout{}, false
	}
	l.Nav = summaryEntries(l.NavFile, src)
	return l, true
}

// readBookJSON reads the settings of a GitBook of before .gitbook.yaml
// (GitBook 2 and 3, still common for books in Chinese and Japanese): its
// title, root folder and summary file (which may be README.md, the page
// of its intro then being index.md). It returns the summary file,
// relative to the root. A book.json that is not JSON is read as absent,
// since it says only what the book would otherwise be taken to be.
func readBookJSON(src []byte, l *Layout, summary string) string {
	var book struct {
		Title     string `json:"title"`
		Root      string `json:"root"`
		Structure struct {
			Summary string `json:"summary"`
		} `json:"structure"`
	}
	if json.Unmarshal(src, &book) != nil {
		return summary
	}
	l.Title = book.Title
	if dir, ok := cleanRoot(book.Root); ok {
		l.Root = dir
	}
	if s := strings.TrimPrefix(path.Clean(book.Structure.Summary), "./"); book.Structure.Summary != "" && fs.ValidPath(s) {
		summary = s
	}
	return summary
}

// value is the value of key in a mapping node, or nil.
func value(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// summaryEntries reads a SUMMARY.md (mdBook's or GitBook's): links, in
// lists that nest, with headings that start parts. The first heading names
// the file itself ("Summary", "Table of contents") and is skipped.
func summaryEntries(file string, src []byte) []Entry {
	doc := goldmark.New().Parser().Parse(text.NewReader(src))
	s := summary{file: file, src: src}
	var out []Entry
	var part *Entry
	first := true
	add := func(es ...Entry) {
		if part != nil {
			part.Children = append(part.Children, es...)
		} else {
			out = append(out, es...)
		}
	}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			if first {
				first = false
				continue
			}
			out = append(out, Entry{Title: s.text(n), Part: true, Pos: s.pos(n)})
			part = &out[len(out)-1]
		case *ast.List:
			first = false
			add(s.list(n)...)
		case *ast.Paragraph:
			first = false
			add(s.links(n)...)
		case *ast.ThematicBreak:
			part = nil // mdBook's suffix chapters stand outside the last part
		}
	}
	return out
}

type summary struct {
	file string
	src  []byte
}

func (s summary) list(l *ast.List) []Entry {
	var out []Entry
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		var e Entry
		found := false
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.List:
				e.Children = append(e.Children, s.list(c)...)
			case *ast.TextBlock, *ast.Paragraph:
				if found {
					continue
				}
				found = true
				if links := s.links(c); len(links) > 0 {
					e.Title, e.Path, e.External, e.Pos = links[0].Title, links[0].Path, links[0].External, links[0].Pos
				} else {
					e.Title, e.Pos = s.text(c), s.pos(c)
				}
			}
		}
		if found || len(e.Children) > 0 {
			out = append(out, e)
		}
	}
	return out
}

// links lists the links of a block as entries.
func (s summary) links(n ast.Node) []Entry {
	var out []Entry
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := c.(*ast.Link); ok && entering {
			dest := string(l.Destination)
			if u, err := url.PathUnescape(dest); err == nil && !strings.Contains(dest, "://") {
				dest = u
			}
			out = append(out, target(Entry{Title: s.text(l), Pos: s.pos(l)}, dest))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// text is the plain text of an inline container.
func (s summary) text(n ast.Node) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch c := c.(type) {
			case *ast.Text:
				// As goldmark renders text: backslash escapes and character
				// references resolved.
				b.Write(util.UnescapePunctuations(util.ResolveNumericReferences(util.ResolveEntityNames(c.Segment.Value(s.src)))))
				if c.SoftLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(c.Value)
			}
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// pos is where n starts: the first text in it, or its block's first line.
func (s summary) pos(n ast.Node) diag.Pos {
	off := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			off = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if off < 0 {
		for p := n; p != nil; p = p.Parent() {
			if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
				off = p.Lines().At(0).Start
				break
			}
		}
	}
	if off < 0 {
		return diag.Pos{File: s.file}
	}
	line, col := diag.LineCol(s.src, off)
	return diag.Pos{File: s.file, Line: line, Col: col}
}
