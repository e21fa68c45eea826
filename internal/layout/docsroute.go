package layout

import (
	"path"
	"regexp"
	"strings"
)

// A Docusaurus config is a script baton does not run, so where its docs
// are published is read as its title is (scriptTitle): from a literal. The
// docs plugin's options are an object, the classic preset's docs: {…} or
// the one after '@docusaurus/plugin-content-docs'; its routeBasePath is
// the URL of the docs, /docs/ when none is given.

// docsOptions finds where an object of the docs plugin's options opens.
var docsOptions = regexp.MustCompile(`(?:(?:^|[\s{,])docs\s*:\s*|['"]@docusaurus/plugin-content-docs['"]\s*,\s*\(?\s*)\{`)

// ownKey finds a key of an object set to a literal string, at the
// object's own level (ownLevel).
func ownKey(key string) *regexp.Regexp {
	return regexp.MustCompile(`(?:^|[\s{,])` + key + `\s*:\s*(?:"([^"\\\n]*)"|'([^'\\\n]*)'|\x60([^\x60\\$\n]*)\x60)`)
}

var (
	routeBasePathKey = ownKey("routeBasePath")
	pluginIDKey      = ownKey("id")
)

// docsRoute is the URL at which a Docusaurus config publishes its docs,
// with a slash at each end: the first literal routeBasePath of the docs
// plugin's options (not of another instance, whose id is not default),
// else /docs/. One that is not a path of the site ("https://…", "..")
// is left out.
func docsRoute(src []byte) string {
	s := string(src)
	for _, m := range docsOptions.FindAllStringIndex(s, -1) {
		own := ownLevel(s, m[1]-1)
		if id := literal(pluginIDKey.FindStringSubmatch(own)); id != "" && id != "default" {
			continue
		}
		sub := routeBasePathKey.FindStringSubmatch(own)
		if sub == nil {
			continue
		}
		if r := routePath(literal(sub)); r != "" {
			return r
		}
	}
	return "/docs/"
}

// routePath is a path of the site written in a config (/docs, docs/, /),
// with a slash at both ends; "" for one that is not (https://…, ../x).
func routePath(s string) string {
	r := strings.Trim(strings.TrimSpace(s), "/")
	if r == "" {
		return "/"
	}
	if c := path.Clean(r); c == r && !strings.Contains(r, ":") && !strings.HasPrefix(r, "..") && !strings.Contains(r, "//") {
		return "/" + r + "/"
	}
	return ""
}

// literal is the string a match of ownKey holds.
func literal(m []string) string {
	if m == nil {
		return ""
	}
	return m[1] + m[2] + m[3]
}

// ownLevel is the text of the object that opens at src[open] ('{') at its
// own level: what its nested objects, arrays and calls hold is blanked,
// as are comments, so only its own keys are found in it. Strings are
// kept, since its values are.
func ownLevel(src string, open int) string {
	var b strings.Builder
	depth := 0
	for i := open; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '"' || c == '\'' || c == '`':
			end := stringEnd(src, i)
			if end < 0 {
				return b.String()
			}
			if depth == 1 {
				b.WriteString(src[i : end+1])
			}
			i = end
			continue
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			if end := strings.IndexByte(src[i:], '\n'); end >= 0 {
				i += end
				c = '\n'
			} else {
				return b.String()
			}
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			end := strings.Index(src[i+2:], "*/")
			if end < 0 {
				return b.String()
			}
			i += end + 3
			c = ' '
		case c == '{' || c == '[' || c == '(':
			depth++
		case c == '}' || c == ']' || c == ')':
			depth--
			if depth == 0 {
				return b.String()
			}
		}
		if depth == 1 {
			b.WriteByte(c)
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// stringEnd is the offset of the quote that ends the string literal
// opening at src[i], past escaped ones, or -1.
func stringEnd(src string, i int) int {
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			j++
		case src[i]:
			return j
		}
	}
	return -1
}
