package handbook

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// TitleFromName makes a title from a file or folder name or an id: words
// split at hyphens, underscores and spaces, the first one capitalised, or
// every one with every (as role titles are written): "product-ops" gives
// "Product ops", or "Product Ops".
func TitleFromName(name string, every bool) string {
	words := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || r == ' ' })
	for i, w := range words {
		if i == 0 || every {
			r, n := utf8.DecodeRuneInString(w)
			words[i] = string(unicode.ToTitle(r)) + w[n:]
		}
	}
	return strings.Join(words, " ")
}

// Shorten cuts s to about n bytes at a word boundary, or, in a long word
// or a script written without spaces, at a character boundary, and marks
// the cut.
func Shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return strings.TrimRight(s[:cut], " ,;:.") + "…"
}
