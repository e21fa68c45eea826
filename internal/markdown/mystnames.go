package markdown

import (
	"bytes"
	"cmp"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// A MyST directive baton does not render ({figure}, {table},
// {code-block}, {list-table}) is a code block, but its :name: option
// (or name: in its block of YAML options) is a target as a "(label)="
// line is: {ref} and {numref} name it. mystNames puts a mystTarget before
// each such block for each name it or a directive nested in it gives
// (an {example} shows the figure in it), so the name is an anchor where
// the block stands and a Target whose text is the directive's caption.

// mystYAMLNameRE matches the name in a directive's YAML options.
var mystYAMLNameRE = regexp.MustCompile(`^[ \t]*name:[ \t]*(\S.*?)[ \t]*$`)

// codeFenceRE matches the fence that opens a block of code.
var codeFenceRE = regexp.MustCompile("^(`{3,}|~{3,})")

// listMarkersRE matches the markers of list items that open a line.
var listMarkersRE = regexp.MustCompile(`^(?:[*+-][ \t]+)+`)

// mystNames is the AST transformer; it is registered only for MyST.
type mystNames struct{}

func (mystNames) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var blocks []*ast.FencedCodeBlock
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if b, ok := n.(*ast.FencedCodeBlock); ok && entering {
			if _, ok := mystDirective(b.Language(src)); ok && b.Info != nil {
				blocks = append(blocks, b)
			}
			return ast.WalkSkipChildren, nil
		}
		return blocksOnly(n), nil
	})
	for _, b := range blocks {
		for _, t := range directiveTargets(b, src) {
			b.Parent().InsertBefore(b.Parent(), b, t)
		}
	}
}

// directiveScan follows the directives of one code block, line by line.
type directiveScan struct {
	name, arg string // the directive being read
	options   bool   // at its option lines
	yaml      bool   // inside its block of YAML options
	// caption is the target whose text is still to come; captionOpt
	// is the directive's :caption: option.
	caption    *mystTarget
	captionOpt string
	// fence is the fence of a block of code inside, while in it.
	fence string
	out   []*mystTarget
}

// directiveTargets are the targets of block b's directive and of those
// nested in it.
func directiveTargets(b *ast.FencedCodeBlock, src []byte) []*mystTarget {
	info := strings.TrimSpace(string(b.Info.Segment.Value(src)))
	name, arg, _ := strings.Cut(info, "}")
	s := &directiveScan{name: strings.ToLower(strings.TrimPrefix(name, "{")), arg: strings.TrimSpace(arg), options: true}
	lines := b.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		s.line(bytes.TrimRight(seg.Value(src), "\r\n"), seg.Start)
	}
	return s.out
}

func (s *directiveScan) line(line []byte, offset int) {
	trimmed := bytes.TrimSpace(line)
	if s.options {
		switch {
		case s.yaml && string(trimmed) == "---":
			s.yaml, s.options = false, false
		case s.yaml:
			if m := mystYAMLNameRE.FindSubmatch(line); m != nil {
				s.add(string(m[1]), offset)
			}
		case string(trimmed) == "---":
			s.yaml = true
		default:
			m := mystOptionRE.FindSubmatch(line)
			if m == nil {
				s.options = false
				break
			}
			switch string(m[1]) {
			case "name":
				s.add(string(m[2]), offset)
			case "caption":
				s.captionOpt = string(m[2])
				if s.caption != nil && s.name != "figure" {
					s.caption.text = s.captionOpt
				}
			}
		}
		if s.options || len(trimmed) == 0 || string(trimmed) == "---" {
			return
		}
	}
	if len(trimmed) == 0 {
		return
	}
	trimmed = listMarkersRE.ReplaceAll(trimmed, nil) // a list-table's cells
	if s.fence != "" {
		if fenceOnly(trimmed, s.fence[0]) >= len(s.fence) {
			s.fence = ""
		}
		return
	}
	if m := mystOpenRE.FindSubmatch(trimmed); m != nil && !mystCodeNames[s.name] {
		*s = directiveScan{name: strings.ToLower(string(m[2])), arg: string(m[3]), options: true, out: s.out}
		return
	}
	if m := codeFenceRE.FindSubmatch(trimmed); m != nil {
		// Code written in the directive (an example of the syntax):
		// what it shows is no target.
		s.fence, s.caption = string(m[1]), nil
		return
	}
	if s.caption != nil && s.caption.text == "" && s.name == "figure" {
		s.caption.text = string(trimmed) // a figure's caption is its body's first line
	}
	s.caption = nil
}

// add records a name given at offset; a figure's caption comes after,
// any other directive's is its argument.
func (s *directiveScan) add(name string, offset int) {
	name = strings.TrimSpace(name)
	if len(name) > 1 && (name[0] == '"' || name[0] == '\'') && name[len(name)-1] == name[0] {
		name = name[1 : len(name)-1] // a YAML value, quoted
	}
	if name == "" {
		return
	}
	t := &mystTarget{label: name, offset: offset}
	if s.name != "figure" {
		t.text = cmp.Or(s.captionOpt, s.arg)
	}
	s.caption = t
	s.out = append(s.out, t)
}
