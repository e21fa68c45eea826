package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// The tokeniser below has a twin in layouts/assets/search.js; the two must
// split text the same way, or a query misses words the index holds.
// TestBrowserTokenizeParity runs both on the same text.

const (
	minTokenRunes = 2
	maxTokenRunes = 40
)

// tokenize calls emit for each token of text, without allocating for the
// common case of a plain ASCII word.
func tokenize(text string, emit func(w string, whole bool)) {
	i := 0
	for i < len(text) {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		if !chunkRune(r) {
			i += n
			continue
		}
		j, plain := i, true
		for j < len(text) {
			c := text[j]
			if c < utf8.RuneSelf {
				if !asciiWord(c) && c != '\'' && c != '-' && c != '_' {
					break
				}
				if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || j == i && 'A' <= c && c <= 'Z') {
					plain = false
				}
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[j:])
			if !chunkRune(r) {
				break
			}
			plain = false
			j += n
		}
		chunk := text[i:j]
		if plain {
			// One word, at most its first letter upper case.
			if n := len(chunk); n >= minTokenRunes && n <= maxTokenRunes {
				emit(strings.ToLower(chunk), false)
			}
		} else {
			splitChunk(chunk, emit)
		}
		i = j
	}
}

func asciiWord(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '\u2019' || r == '\u2018' || r == '\u02bc' || r == '\u201b'
}

func wordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// chunkRune says whether r belongs to a compound: a word rune or a joiner.
func chunkRune(r rune) bool { return wordRune(r) || isApostrophe(r) || r == '-' || r == '_' }

// splitChunk splits one compound into its parts.
func splitChunk(chunk string, emit func(w string, whole bool)) {
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
			// JavaScript lowers a final capital sigma to ς, Go to σ: both
			// sides use σ.
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
			// Kept only between two word runes.
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
			if keep(p) {
				emit(p, false)
			}
			continue
		}
		spaceless = true
		emitSpaceless(p, emit)
	}
	if len(parts) > 1 && !spaceless {
		whole := strings.ReplaceAll(strings.Join(parts, ""), "'", "")
		if keep(whole) {
			emit(whole, true)
		}
	}
}

func keep(w string) bool {
	n := utf8.RuneCountInString(w)
	return n >= minTokenRunes && n <= maxTokenRunes
}

// Stem is a word's English stem (Porter2, from the Snowball project), of
// its American spelling (spelling.go), so "colour" and "color" meet. Only
// words of ASCII letters and apostrophes are stemmed; others, numbers and
// words in other scripts, are their own stem. The client script has a port
// of the same stemmer, and TestBrowserStemParity holds them equal.
func Stem(word string) string {
	for i := 0; i < len(word); i++ {
		c := word[i]
		if (c < 'a' || c > 'z') && c != '\'' {
			return word
		}
	}
	return english.Stem(american(word), true)
}

// stopWords are left out of the index except in titles, and dropped from
// queries that have other words: they are in nearly every page, so their
// postings would be the largest shards and rank nothing. The list is
// Snowball's English one without "own" (who owns a decision matters in a
// handbook) plus common contractions.
var stopWords = []string{
	"a", "about", "above", "after", "again", "against", "all", "am", "an",
	"and", "any", "are", "aren't", "as", "at", "be", "because", "been", "before",
	"being", "below", "between", "both", "but", "by", "can", "can't", "did", "didn't", "do",
	"does", "doesn't", "doing", "don", "don't", "down", "during", "each", "few", "for", "from",
	"further", "had", "has", "have", "having", "he", "her", "here", "hers",
	"herself", "him", "himself", "his", "how", "i", "i'm", "if", "in", "into", "is", "isn't",
	"it", "it's", "its", "itself", "just", "me", "more", "most", "my", "myself",
	"no", "nor", "not", "now", "of", "off", "on", "once", "only", "or",
	"other", "our", "ours", "ourselves", "out", "over", "s", "same",
	"she", "should", "so", "some", "such", "t", "than", "that", "that's", "the", "their",
	"theirs", "them", "themselves", "then", "there", "these", "they", "they're",
	"this", "those", "through", "to", "too", "under", "until", "up",
	"very", "was", "we", "we're", "were", "what", "when", "where", "which", "while",
	"who", "whom", "why", "will", "with", "won't", "you", "you're", "your", "yours", "yourself",
	"yourselves",
}

var stopSet = func() map[string]bool {
	m := make(map[string]bool, len(stopWords))
	for _, w := range stopWords {
		m[w] = true
	}
	return m
}()

// occurrence is what one document says about one variant.
type occurrence struct {
	word      string
	field     int8
	tf        int32 // occurrences in headings and body
	sec       int32
	bodySec   int32 // the body section with the most occurrences so far
	bodyCount int32
	curSec    int32
	curCount  int32
}

// tokenizer lists the words of one document at a time, reusing its
// memory; each goroutine that lists words has its own.
type tokenizer struct {
	slot map[string]int32 // word → slot in occ, or stopSlot
	stop map[string]bool  // the language's stop words; read only
	occ  []occurrence
	buf  []byte // wordKeyOf's bytes
}

const stopSlot = -1

// words lists each word of d once, in order of first sight, with the
// field it counts most in, its frequency and its best section.
func (t *tokenizer) words(d Document) []occurrence {
	clear(t.slot)
	t.occ = t.occ[:0]
	see := func(text string, field, sec int) {
		tokenize(text, func(w string, _ bool) {
			k, ok := t.slot[w]
			if !ok {
				if field != fieldTitle && t.stop[w] {
					t.slot[w] = stopSlot
					return
				}
				k = int32(len(t.occ))
				t.slot[w] = k
				t.occ = append(t.occ, occurrence{word: w, field: int8(field), sec: int32(sec), curSec: -1})
			} else if k == stopSlot {
				return
			}
			o := &t.occ[k]
			if int8(field) < o.field {
				o.field, o.sec = int8(field), int32(sec)
			}
			if field == fieldHeading || field == fieldBody {
				o.tf++
			}
			if field == fieldBody {
				if o.curSec != int32(sec) {
					o.curSec, o.curCount = int32(sec), 0
				}
				o.curCount++
				if o.curCount > o.bodyCount {
					o.bodySec, o.bodyCount = o.curSec, o.curCount
				}
			}
		})
	}
	see(d.Title, fieldTitle, 0)
	for i, s := range d.Sections {
		if s.Heading != "" {
			see(s.Heading, fieldHeading, i)
		}
	}
	for _, m := range d.Meta {
		see(m, fieldMeta, 0)
	}
	for i, s := range d.Sections {
		see(s.Text, fieldBody, i)
	}
	return t.occ
}

// isSpaceless reports whether r is of a script written without spaces
// between words (Chinese, Japanese, Thai, Lao, Khmer, Burmese): a run of
// them is indexed as the pairs of characters in it, not as one word, so a
// query finds a word anywhere in a sentence, and a handbook's index holds
// a bounded number of distinct terms.
func isSpaceless(r rune) bool {
	return r >= 0x0e00 && (r == 'ー' || unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Myanmar, unicode.Khmer))
}

// emitSpaceless emits the terms of a part that holds runes of scripts
// written without spaces: each run of them as its overlapping pairs of
// characters (one character alone as itself), the rest as words.
func emitSpaceless(p string, emit func(w string, whole bool)) {
	rs := []rune(p)
	for i := 0; i < len(rs); {
		j := i + 1
		for j < len(rs) && isSpaceless(rs[j]) == isSpaceless(rs[i]) {
			j++
		}
		run := rs[i:j]
		switch {
		case !isSpaceless(run[0]):
			if w := string(run); keep(w) {
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
