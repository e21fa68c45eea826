package handbook

import (
	"bytes"
	"regexp"

	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/markdown"
)

// FastAPI's MkDocs build runs a hook of its own that replaces a line
// holding only "{* ../../docs_src/app.py hl[3] *}" with the file's code.
// baton runs no hook: in a page written for another tool, includeLines
// leaves such lines out of the page (their bytes made blanks, so every
// offset after them stays where it was), with one warning, rather than
// showing them as a paragraph of text.

// includeLineRE is a line that holds only such an include, indented or
// not (inside a list item or a PyMdown block).
var includeLineRE = regexp.MustCompile(`^[ \t]*\{\*[^\n]*\*\}[ \t]*\r?$`)

// includeLines blanks the include lines of body outside fenced code in a
// copy of body it returns, with the warning to give; body itself is
// never changed.
func includeLines(body []byte) ([]byte, []bodyWarning) {
	if !bytes.Contains(body, []byte("{*")) {
		return body, nil
	}
	var out []byte
	var n mdxCount
	var fence []byte
	for off := 0; off < len(body); off = lineEnd(body, off) + 1 {
		end := lineEnd(body, off)
		line := body[off:end]
		switch f := fenceOf(line); {
		case fence != nil:
			if f != nil && f[0] == fence[0] && len(f) >= len(fence) {
				fence = nil
			}
		case f != nil:
			fence = f
		case includeLineRE.Match(line):
			out = markdown.BlankOut(out, body, off, end)
			n.add(off + len(line) - len(bytes.TrimLeft(line, " \t")))
		}
	}
	if out == nil {
		return body, nil
	}
	return out, []bodyWarning{{n.first, counted(n.n, "line that includes a file", "lines that include a file") + " ({* file *}, which FastAPI's MkDocs hook replaces with the file's code), which baton does not run, left out of the page; the first is here", diag.Unrendered}}
}
