package strictyaml

import (
	"bytes"
	"fmt"

	"go.yaml.in/yaml/v3"
)

// SetKey sets the top-level key of the YAML mapping in src to value, a
// plain scalar, changing nothing else: comments, key order, quoting and
// spacing stay byte for byte. A key already set on one line has its value
// replaced where it stands (a comment after it kept); a key not set is
// added on a line of its own at the end. It refuses a document that is
// not a block mapping, and a value of the key that is not a one-line
// scalar.
func SetKey(src []byte, key, value string) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, fmt.Errorf("cannot read YAML: %v", err)
	}
	if len(doc.Content) == 0 {
		return appendLine(src, key+": "+value), nil
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode || m.Style&yaml.FlowStyle != 0 {
		return nil, fmt.Errorf("the YAML is not a block mapping of keys")
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Value != key {
			continue
		}
		if v.Kind != yaml.ScalarNode || v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			return nil, fmt.Errorf("%s (line %d) is not a one-line value", key, v.Line)
		}
		start := lineStart(src, v.Line) + v.Column - 1
		end := scalarEnd(src, start, v)
		if end < 0 {
			return nil, fmt.Errorf("%s (line %d) is not a one-line value", key, v.Line)
		}
		out := append([]byte{}, src[:start]...)
		if end == start && start > 0 && src[start-1] == ':' {
			out = append(out, ' ') // "key:" with no value yet
		}
		out = append(out, value...)
		return append(out, src[end:]...), nil
	}
	return appendLine(src, key+": "+value), nil
}

// appendLine adds line at the end of src, on a line of its own.
func appendLine(src []byte, line string) []byte {
	out := append([]byte{}, src...)
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	return append(out, line+"\n"...)
}

// lineStart is the offset of the first byte of line n (from 1) of src.
func lineStart(src []byte, n int) int {
	off := 0
	for ; n > 1; n-- {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return len(src)
		}
		off += i + 1
	}
	return off
}

// scalarEnd is the offset just past the scalar v that starts at start, or
// -1 when it does not end on its line.
func scalarEnd(src []byte, start int, v *yaml.Node) int {
	eol := bytes.IndexByte(src[start:], '\n')
	if eol < 0 {
		eol = len(src) - start
	}
	line := src[start : start+eol]
	switch {
	case v.Style&yaml.DoubleQuotedStyle != 0:
		for i := 1; i < len(line); i++ {
			switch line[i] {
			case '\\':
				i++
			case '"':
				return start + i + 1
			}
		}
		return -1
	case v.Style&yaml.SingleQuotedStyle != 0:
		for i := 1; i < len(line); i++ {
			if line[i] == '\'' {
				if i+1 < len(line) && line[i+1] == '\'' {
					i++
					continue
				}
				return start + i + 1
			}
		}
		return -1
	}
	// A plain scalar runs to a comment or the end of the line.
	end := len(line)
	if i := bytes.Index(line, []byte(" #")); i >= 0 {
		end = i
	}
	end = len(bytes.TrimRight(line[:end], " \t\r"))
	if v.Value == "" && end == 0 {
		return start
	}
	return start + end
}
