package markdown

import (
	"bytes"
	"regexp"
)

// A page written for Jekyll, Eleventy or GitBook may loop over its site's
// data in Liquid or Nunjucks: {% for item in collections.guides %}, a
// card of {{ item.data.title }}, {% endfor %}. baton runs no templates,
// and a loop shown as text reads as one card of placeholders: the loop is
// left out instead, and a warning says so. Only a loop whose tags stand
// alone on their lines, outside fenced code and {% raw %}, is: one inside
// a line or a table's row stays text, warned as any template tag.

var (
	loopOpenRE  = regexp.MustCompile(`^[ ]{0,3}\{%-?[ \t]*for[ \t][^\n]*?-?%\}[ \t]*$`)
	loopCloseRE = regexp.MustCompile(`^[ ]{0,3}\{%-?[ \t]*endfor[ \t]*-?%\}[ \t]*$`)
	rawOpenRE   = regexp.MustCompile(`^[ ]{0,3}\{%-?[ \t]*raw[ \t]*-?%\}`)
	rawCloseRE  = regexp.MustCompile(`\{%-?[ \t]*endraw[ \t]*-?%\}`)
)

// templateLoops blanks each template loop of src (every byte but line
// ends made a space, so offsets after it stay where they were) and returns
// the offset of the first, or -1 when there is none. src is changed in
// place: the caller's copy.
func templateLoops(src []byte) int {
	first := -1
	var fence []byte // the fence of the code block being read, if any
	raw := false
	depth, start := 0, 0
	for off := 0; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off
		}
		line := bytes.TrimRight(src[off:end], "\r")
		switch {
		case raw:
			raw = !rawCloseRE.Match(line)
		case fence != nil:
			if bytes.HasPrefix(bytes.TrimLeft(line, " "), fence) {
				fence = nil
			}
		case depth == 0 && codeFence(line) != nil:
			fence = codeFence(line)
		case depth == 0 && rawOpenRE.Match(line):
			raw = !rawCloseRE.Match(line)
		case loopOpenRE.Match(line):
			if depth == 0 {
				start = off
			}
			depth++
		case depth > 0 && loopCloseRE.Match(line):
			depth--
			if depth == 0 {
				blank(src[start:end])
				if first < 0 {
					first = start
				}
			}
		}
		off = end + 1
	}
	return first
}

// codeFence is the fence a line opens a fenced code block with (``` or
// ~~~, three or more, after at most three spaces), or nil.
func codeFence(line []byte) []byte {
	t := bytes.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || len(t) < 3 || t[0] != '`' && t[0] != '~' {
		return nil
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 {
		return nil
	}
	return t[:n]
}

// blank makes every byte of b but a line end a space.
func blank(b []byte) {
	for i, c := range b {
		if c != '\n' && c != '\r' {
			b[i] = ' '
		}
	}
}
