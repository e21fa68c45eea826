package strictyaml

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Most front matter is the plainest YAML there is: one "key: value" a
// line, the values words and lists of words ("title: Onboarding",
// "tags: [hiring, remote]"). yaml.v3 reads it through a scanner, a parser
// and an event per token, a tenth of a build's parse of its pages
// (docs/performance.md, nineteenth session). plainMapping reads exactly
// that shape into the nodes yaml.v3 makes of it, and gives up on
// anything else (a quote, a colon or a hash in a value, a nested
// mapping, a block list, a comment), which yaml.v3 then reads.
// FuzzPlainMapping holds the two to the same nodes.

// maxPlainKey is the longest key plainMapping reads: YAML lets a key
// written without "?" be at most 1,024 characters.
const maxPlainKey = 64

// plainMapping returns the root node yaml.v3 makes of src when src is a
// mapping of plain keys to plain scalars and flow lists of them, one a
// line; ok is false when src is anything else.
func plainMapping(src []byte) (root *yaml.Node, ok bool) {
	lines := bytes.Split(src, []byte("\n"))
	root = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for i := 0; i < len(lines); i++ {
		l, line := lines[i], i+1
		if len(l) == 0 {
			continue
		}
		k := plainKey(l)
		if k == 0 || k >= len(l) || l[k] != ':' {
			return nil, false
		}
		key := scalarNode(string(l[:k]), line, 1)
		var val *yaml.Node
		if k+1 == len(l) {
			var n int
			val, n = blockList(lines[i+1:], line+1)
			i += n
		} else if l[k+1] == ' ' {
			val = inlineValue(l, k+2, line)
		}
		if val == nil {
			return nil, false
		}
		if len(root.Content) == 0 {
			root.Line, root.Column = line, 1
		}
		root.Content = append(root.Content, key, val)
	}
	return root, len(root.Content) > 0
}

// inlineValue is the node of the value on line l after its key, from
// byte v: a scalar or a flow list; nil for anything else.
func inlineValue(l []byte, v, line int) *yaml.Node {
	for v < len(l) && l[v] == ' ' {
		v++
	}
	if v < len(l) && l[v] == '[' {
		return flowList(l, v, line)
	}
	return scalar(l[v:], line, v+1, false) // the key is ASCII: bytes are columns
}

// blockList is the node of a block list of scalars on lines, each "- x"
// at the same indentation, which is a key's value when the key ends its
// line, and how many lines it takes; nil when lines do not start with
// one.
func blockList(lines [][]byte, line int) (*yaml.Node, int) {
	var seq *yaml.Node
	indent := -1
	n := 0
	for ; n < len(lines); n++ {
		l := lines[n]
		d := len(l) - len(bytes.TrimLeft(l, " "))
		if d+1 >= len(l) || l[d] != '-' || l[d+1] != ' ' {
			break
		}
		if indent >= 0 && d != indent {
			return nil, 0
		}
		indent = d
		if seq == nil {
			seq = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: line, Column: d + 1}
		}
		item := scalar(l[d+2:], line+n, d+3, false)
		if item == nil {
			return nil, 0
		}
		seq.Content = append(seq.Content, item)
	}
	return seq, n
}

// scalar is the node of a plain scalar, or of one in quotes with no
// escape in it, that starts at column col of line and ends b; nil when
// b is anything else.
func scalar(b []byte, line, col int, inFlow bool) *yaml.Node {
	if len(b) >= 2 && (b[0] == '"' || b[0] == '\'') && b[len(b)-1] == b[0] {
		inner := b[1 : len(b)-1]
		if !quotedText(inner, b[0]) {
			return nil
		}
		style := yaml.DoubleQuotedStyle
		if b[0] == '\'' {
			style = yaml.SingleQuotedStyle
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: style, Value: string(inner), Line: line, Column: col}
	}
	if !plainScalar(b, inFlow) {
		return nil
	}
	return scalarNode(string(b), line, col)
}

// quotedText reports whether b, between quotes q, is text plainMapping
// reads: no q, no backslash (an escape in double quotes), no tab or
// control character, and nothing YAML refuses.
func quotedText(b []byte, q byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c < ' ' || c == 0x7f || c == q || c == '\\' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if !plainRune(r) {
			return false
		}
		i += n
	}
	return true
}

// scalarNode is a plain scalar's node, tagged as yaml.v3 resolves it.
func scalarNode(value string, line, col int) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Value: value, Line: line, Column: col}
	n.Tag = n.ShortTag()
	return n
}

// plainKey is the length of the key l starts with: a letter or _, then
// letters, digits, _ and -; 0 for none.
func plainKey(l []byte) int {
	i := 0
	for i < len(l) && i <= maxPlainKey {
		c := l[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || i > 0 && ('0' <= c && c <= '9' || c == '-')) {
			break
		}
		i++
	}
	if i > maxPlainKey {
		return 0
	}
	return i
}

// flowList is the node of a flow list of plain scalars, "[a, b c]", that
// starts at l[v] and ends l, or nil when that is not what is there.
func flowList(l []byte, v, line int) *yaml.Node {
	if l[len(l)-1] != ']' {
		return nil
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle, Line: line, Column: v + 1}
	inner := l[v+1 : len(l)-1]
	col := v + 2 // the column inner starts at
	for len(inner) > 0 {
		item, rest, more := bytes.Cut(inner, []byte(","))
		if !plainScalar(item, true) {
			return nil
		}
		seq.Content = append(seq.Content, scalarNode(string(item), line, col))
		if !more {
			break
		}
		col += utf8.RuneCount(item) + 1
		n := len(rest)
		rest = bytes.TrimLeft(rest, " ")
		if n == len(rest) || len(rest) == 0 {
			return nil // "[a,b]" and "[a, ]": yaml.v3's to read
		}
		col += n - len(rest)
		inner = rest
	}
	return seq
}

// plainScalar reports whether b is a plain scalar plainMapping reads: it
// starts with a letter or digit, ends with anything but a space, and
// holds none of the characters that could make it something else in
// YAML (":", "#", quotes, brackets, braces, "|", ">"), no tab or control
// character, and, in a flow list (inFlow), no comma either (which ends
// an item). YAML's line breaks other than "\n" (U+0085, U+2028, U+2029)
// and the characters it refuses are refused too.
func plainScalar(b []byte, inFlow bool) bool {
	if len(b) == 0 || b[len(b)-1] == ' ' {
		return false
	}
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			case i == 0 && (c == '/' || c == '(' || c == '_' || c == '.' || c == '$' || c == '+') && len(b) > 1:
			case i == 0, c < ' ', c == 0x7f:
				return false
			case c == ':', c == '#', c == '"', c == '\'' && inFlow, c == '`' && inFlow,
				c == '[', c == ']', c == '{', c == '}', c == '|', c == '>', c == ',' && inFlow:
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if !plainRune(r) || i == 0 && !unicode.IsLetter(r) {
			return false
		}
		i += n
	}
	return true
}

// plainRune reports whether YAML takes r, not ASCII, as a character of a
// plain scalar: printable, and not a line break.
func plainRune(r rune) bool {
	switch {
	case r == utf8.RuneError, r == 0x85, r == 0x2028, r == 0x2029, r == 0xfeff:
		return false
	}
	return 0xa0 <= r && r <= 0xd7ff || 0xe000 <= r && r <= 0xfffd || 0x10000 <= r && r <= 0x10ffff
}
