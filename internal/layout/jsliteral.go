package layout

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A Docusaurus site's sidebars file is JavaScript, which baton does not
// run; most are one literal (an object of arrays of strings and objects),
// and a _category_.json is JSON, which is one too. jsLiteral reads such a
// literal and nothing else: an expression (a variable, a spread, a call, a
// template with ${}) is an error at its offset, so the caller falls back
// to the folders' order rather than guess.

// jsObject is an object literal, its keys in the order written.
type jsObject struct {
	keys []string
	vals []any
}

// get is the value of key k, or nil.
func (o *jsObject) get(k string) any {
	for i, key := range o.keys {
		if key == k {
			return o.vals[i]
		}
	}
	return nil
}

// str is the string value of key k, or "".
func (o *jsObject) str(k string) string {
	s, _ := o.get(k).(string)
	return s
}

// jsError is where and why a literal could not be read.
type jsError struct {
	offset int
	msg    string
}

func (e *jsError) Error() string { return e.msg }

// jsMaxDepth bounds how deep literals nest, so a hostile file cannot
// exhaust the stack.
const jsMaxDepth = 64

type jsReader struct {
	src   string
	i     int
	depth int
}

// parseJSLiteral reads the literal that starts at offset i of src.
func parseJSLiteral(src string, i int) (any, error) {
	r := &jsReader{src: src, i: i}
	return r.value()
}

func (r *jsReader) fail(format string, args ...any) error {
	return &jsError{offset: r.i, msg: fmt.Sprintf(format, args...)}
}

// space skips blanks and comments.
func (r *jsReader) space() {
	for r.i < len(r.src) {
		switch {
		case strings.ContainsRune(" \t\r\n\ufeff", rune(r.src[r.i])):
			r.i++
		case strings.HasPrefix(r.src[r.i:], "//"):
			end := strings.IndexByte(r.src[r.i:], '\n')
			if end < 0 {
				end = len(r.src) - r.i
			}
			r.i += end
		case strings.HasPrefix(r.src[r.i:], "/*"):
			end := strings.Index(r.src[r.i+2:], "*/")
			if end < 0 {
				r.i = len(r.src)
				return
			}
			r.i += end + 4
		default:
			return
		}
	}
}

func (r *jsReader) value() (any, error) {
	r.space()
	if r.i >= len(r.src) {
		return nil, r.fail("the file ends where a value should be")
	}
	switch c := r.src[r.i]; {
	case c == '{' || c == '[':
		if r.depth++; r.depth > jsMaxDepth {
			return nil, r.fail("literals nest deeper than %d", jsMaxDepth)
		}
		defer func() { r.depth-- }()
		if c == '{' {
			return r.object()
		}
		return r.array()
	case c == '"' || c == '\'' || c == '`':
		return r.str()
	case c == '-' || c >= '0' && c <= '9':
		start := r.i
		for r.i++; r.i < len(r.src) && strings.IndexByte("0123456789.eE+-", r.src[r.i]) >= 0; r.i++ {
		}
		text := r.src[start:r.i]
		f, err := strconv.ParseFloat(text, 64)
		if err != nil {
			r.i = start
			return nil, r.fail("%q is not a number", text)
		}
		return f, nil
	}
	start := r.i
	switch id := r.ident(); id {
	case "true", "false":
		return id == "true", nil
	case "null", "undefined":
		return nil, nil
	case "":
		if strings.HasPrefix(r.src[r.i:], "...") {
			return nil, r.fail("a spread (...) is an expression, not a literal")
		}
		return nil, r.fail("%q is not a literal", string(r.rune()))
	default:
		r.i = start
		return nil, r.fail("%s is an expression, not a literal", id)
	}
}

func (r *jsReader) rune() rune {
	c, _ := utf8.DecodeRuneInString(r.src[r.i:])
	return c
}

// ident reads a name, or "".
func (r *jsReader) ident() string {
	start := r.i
	for r.i < len(r.src) {
		c := r.src[r.i]
		if !(c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || r.i > start && c >= '0' && c <= '9') {
			break
		}
		r.i++
	}
	return r.src[start:r.i]
}

// str reads a quoted string; a template literal only without ${}.
func (r *jsReader) str() (string, error) {
	q := r.src[r.i]
	start := r.i
	var b strings.Builder
	for r.i++; r.i < len(r.src); r.i++ {
		c := r.src[r.i]
		switch {
		case c == q:
			r.i++
			return b.String(), nil
		case c == '\n' && q != '`':
			r.i = start
			return "", r.fail("a string is not closed on its line")
		case q == '`' && strings.HasPrefix(r.src[r.i:], "${"):
			return "", r.fail("a template with ${} is an expression, not a literal")
		case c == '\\' && r.i+1 < len(r.src):
			r.i++
			b.WriteString(unescape(r.src[r.i]))
		default:
			b.WriteByte(c)
		}
	}
	r.i = start
	return "", r.fail("a string is not closed")
}

// unescape is what a backslash and c stand for (\u escapes are left as
// the letter: no label baton reads needs them).
func unescape(c byte) string {
	switch c {
	case 'n':
		return "\n"
	case 't':
		return "\t"
	}
	return string(c)
}

func (r *jsReader) object() (any, error) {
	o := &jsObject{}
	r.i++ // {
	for {
		r.space()
		if r.i < len(r.src) && r.src[r.i] == '}' {
			r.i++
			return o, nil
		}
		var key string
		switch {
		case r.i < len(r.src) && strings.IndexByte("\"'`", r.src[r.i]) >= 0:
			k, err := r.str()
			if err != nil {
				return nil, err
			}
			key = k
		default:
			if key = r.ident(); key == "" {
				return nil, r.fail("an object's key should be here")
			}
		}
		r.space()
		if r.i >= len(r.src) || r.src[r.i] != ':' {
			return nil, r.fail("%s has no value after a colon (a shorthand or a method is an expression)", key)
		}
		r.i++
		v, err := r.value()
		if err != nil {
			return nil, err
		}
		o.keys, o.vals = append(o.keys, key), append(o.vals, v)
		if err := r.next('}'); err != nil {
			return nil, err
		}
	}
}

func (r *jsReader) array() (any, error) {
	var a []any
	r.i++ // [
	for {
		r.space()
		if r.i < len(r.src) && r.src[r.i] == ']' {
			r.i++
			return a, nil
		}
		v, err := r.value()
		if err != nil {
			return nil, err
		}
		a = append(a, v)
		if err := r.next(']'); err != nil {
			return nil, err
		}
	}
}

// next reads the comma after an item, or sees the close that ends the
// list (left for the caller).
func (r *jsReader) next(close byte) error {
	r.space()
	switch {
	case r.i < len(r.src) && r.src[r.i] == ',':
		r.i++
		return nil
	case r.i < len(r.src) && r.src[r.i] == close:
		return nil
	}
	return r.fail("a comma or %q should be here", string(close))
}
