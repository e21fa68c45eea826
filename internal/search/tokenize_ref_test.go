package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// referenceTokenize is the tokeniser as it was written first, rune by
// rune with a string for every part: slow, but plain to read. The index's
// tokeniser must split every text exactly as it does
// (TestTokenizeMatchesReference, FuzzTokenize), so that making it faster
// never changes an index byte, nor its agreement with search.js.
func referenceTokenize(text string, emit func(w string, whole bool)) {
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !chunkRune(r) {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !chunkRune(r) {
				break
			}
			j += n
		}
		referenceSplit(text[i:j], emit)
		i = j
	}
}

func referenceSplit(chunk string, emit func(w string, whole bool)) {
	rs := []rune(chunk)
	for k, r := range rs {
		if isApostrophe(r) {
			rs[k] = '\''
		}
	}
	var parts []string
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		p := strings.Trim(string(rs[start:end]), "'")
		if p != "" {
			parts = append(parts, strings.ReplaceAll(strings.ToLower(p), "ς", "σ"))
		}
		start = -1
	}
	for k, r := range rs {
		switch {
		case r == '-' || r == '_':
			flush(k)
			continue
		case r == '\'':
			if start < 0 || k+1 >= len(rs) || !wordRune(rs[k+1]) {
				flush(k)
			}
			continue
		}
		if start >= 0 && k > start && unicode.IsUpper(r) {
			prev := rs[k-1]
			next := rune(0)
			if k+1 < len(rs) {
				next = rs[k+1]
			}
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && unicode.IsLower(next)) {
				flush(k)
			}
		}
		if start < 0 {
			start = k
		}
	}
	flush(len(rs))
	spaceless := false
	for _, p := range parts {
		if !strings.ContainsFunc(p, isSpaceless) {
			if referenceKeep(p) {
				emit(p, false)
			}
			continue
		}
		spaceless = true
		referenceSpaceless(p, emit)
	}
	if len(parts) > 1 && !spaceless {
		whole := strings.ReplaceAll(strings.Join(parts, ""), "'", "")
		if referenceKeep(whole) {
			emit(whole, true)
		}
	}
}

func referenceKeep(w string) bool {
	n := utf8.RuneCountInString(w)
	return n >= minTokenRunes && n <= maxTokenRunes
}

func referenceSpaceless(p string, emit func(w string, whole bool)) {
	rs := []rune(p)
	for i := 0; i < len(rs); {
		j := i + 1
		for j < len(rs) && isSpaceless(rs[j]) == isSpaceless(rs[i]) {
			j++
		}
		run := rs[i:j]
		switch {
		case !isSpaceless(run[0]):
			if w := string(run); referenceKeep(w) {
				emit(w, false)
			}
		case len(run) == 1:
			emit(string(run), false)
		default:
			for k := 0; k+1 < len(run); k++ {
				emit(string(run[k:k+2]), false)
			}
		}
		i = j
	}
}

// chunkRune says whether r belongs to a compound: a word rune or a joiner.
func chunkRune(r rune) bool { return wordRune(r) || isApostrophe(r) || r == '-' || r == '_' }
