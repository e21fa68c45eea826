package search

import (
	"hash/maphash"
	"math"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// The tokeniser below has a twin in layouts/assets/search.js; the two must
// split text the same way, or a query misses words the index holds.
// TestBrowserStemParity runs both on the same text, and
// TestTokenizeMatchesReference holds this one to its first, plainer form.

const (
	minTokenRunes = 2
	maxTokenRunes = 40
)

// A scanner splits text into tokens, reusing its buffers: each token is
// lower-cased into them, so a string is made only for a word its caller
// keeps (a string of its own: the index keeps it, see intern), and ASCII
// text is walked byte by byte.
type scanner struct {
	part  []byte // the part of a compound being read, lower-cased
	whole []byte // a compound's parts so far, joined, without apostrophes
	runes runeTable
}

// tokenize calls emit with each token of text, in order. w is the
// scanner's memory: it is only valid until emit returns.
func (s *scanner) tokenize(text string, emit func(w []byte, whole bool)) {
	i := 0
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if !asciiWord(c) && c != '\'' && c != '-' && c != '_' {
				i++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(text[i:]); s.runes.info(r).class&(classWord|classApostrophe) == 0 {
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
			if s.runes.info(r).class&(classWord|classApostrophe) == 0 {
				break
			}
			plain = false
			j += n
		}
		if !plain {
			s.split(text[i:j], emit)
		} else if n := j - i; n >= minTokenRunes && n <= maxTokenRunes {
			// One word, at most its first letter upper case.
			w := append(s.part[:0], text[i:j]...)
			if c := w[0]; 'A' <= c && c <= 'Z' {
				w[0] = c + 'a' - 'A'
			}
			s.part = w
			emit(w, false)
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

// split splits one compound into its parts: at hyphens and underscores,
// and where a camelCase hump starts; an apostrophe (of any kind) stays
// only between two word runes. Each part is emitted lower-cased (a final
// sigma as σ: JavaScript lowers a capital sigma at a word's end to ς, Go
// to σ), as terms of their own where it holds runes of a script written
// without spaces; then, when there are several parts and none of those,
// the parts joined without apostrophes.
func (s *scanner) split(chunk string, emit func(w []byte, whole bool)) {
	var c compound
	s.part, s.whole = s.part[:0], s.whole[:0]
	var prev runeInfo
	r, n := decodeRune(chunk)
	cur := s.runes.info(r)
	for k := 0; k < len(chunk); {
		next, nn := decodeRune(chunk[k+n:])
		ni := s.runes.info(next)
		switch {
		case r == '-' || r == '_':
			s.endPart(&c, emit)
		case cur.class&classApostrophe != 0:
			// ʼ is a letter, but not after an apostrophe: all of them
			// are one.
			if c.runes == 0 || ni.class&(classApostrophe|classWord) != classWord {
				s.endPart(&c, emit)
			} else {
				s.part = append(s.part, '\'')
				c.runes++
				c.quotes++
			}
			cur = runeInfo{class: classApostrophe}
		default:
			if c.runes > 0 && cur.class&classUpper != 0 &&
				(prev.class&(classLower|classDigit) != 0 || prev.class&classUpper != 0 && ni.class&classLower != 0) {
				s.endPart(&c, emit)
			}
			s.part = utf8.AppendRune(s.part, cur.lower)
			c.runes++
			c.spaceless = c.spaceless || cur.class&classLowerSpaceless != 0
		}
		prev = cur
		k += n
		r, n, cur = next, nn, ni
	}
	s.endPart(&c, emit)
	if c.parts > 1 && !c.anySpaceless && keepRunes(c.wholeRunes) {
		emit(s.whole, true)
	}
}

// compound is what split knows of the compound it reads.
type compound struct {
	runes, quotes int  // of the part being read (in scanner.part)
	spaceless     bool // the part holds a rune of a script without spaces
	parts         int
	anySpaceless  bool
	wholeRunes    int
}

// endPart emits the part being read, if any, and adds it to the whole.
func (s *scanner) endPart(c *compound, emit func(w []byte, whole bool)) {
	if c.runes == 0 {
		return
	}
	switch {
	case c.spaceless:
		c.anySpaceless = true
		s.emitSpaceless(s.part, emit)
	case keepRunes(c.runes):
		emit(s.part, false)
	}
	for _, b := range s.part {
		if b != '\'' {
			s.whole = append(s.whole, b)
		}
	}
	c.wholeRunes += c.runes - c.quotes
	c.parts++
	c.runes, c.quotes, c.spaceless = 0, 0, false
	s.part = s.part[:0]
}

// decodeRune is the first rune of s and its width; (0, 0) for none.
func decodeRune(s string) (rune, int) {
	switch {
	case s == "":
		return 0, 0
	case s[0] < utf8.RuneSelf:
		return rune(s[0]), 1
	}
	return utf8.DecodeRuneInString(s)
}

func keepRunes(n int) bool { return n >= minTokenRunes && n <= maxTokenRunes }

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

// occurrence is what one document says about one variant: the field it
// counts most in, its frequency in headings and body, and its best
// section (for a word of the body, the body section it is in most).
type occurrence struct {
	word  string
	tf    int32
	sec   int32
	field int8
	// seen is the word's number in the tokenizer that listed it, in its
	// epoch (see listing): good only while the document is fresh.
	seen int32
}

// tokenizer lists the words of one document at a time, reusing its
// memory; each goroutine that lists words has its own.
type tokenizer struct {
	scan scanner
	// table numbers the words the tokenizer has seen, in seen, so a
	// word of a document costs one lookup, and a string only the first
	// time: most words of a handbook are in many of its documents.
	table wordTable
	seen  []seenWord
	stop  map[string]bool // the language's stop words; read only
	limit int             // how many words it remembers (maxSeen)
	doc   uint32          // the document being listed, counted from 1
	epoch uint32          // how many times it forgot the words it had seen
	field int8            // what the text being listed is of
	sec   int32
	count []counting // the document's words, in order of first sight
	out   []occurrence
	buf   []byte // wordKeyOf's bytes
	text  []byte // a display file's
}

// seenWord is a word a tokenizer has seen, and its place in the
// document being listed, if it is in it.
type seenWord struct {
	word string
	stop bool
	doc  uint32 // the last document it was in
	slot int32  // its place in that document's count, or stopSlot
}

const stopSlot = -1

// maxSeen bounds the words a tokenizer remembers: past it, it forgets
// them all before the next document.
const maxSeen = 1 << 16

// counting is what the document being listed says about one word so far.
type counting struct {
	word               string
	seen               int32
	field              int8
	tf, sec            int32
	bodySec, bodyCount int32 // the body section with the most occurrences so far
	curSec, curCount   int32
}

// words lists each word of d once, in order of first sight (see
// occurrence), in the tokenizer's memory: it is valid until its next call.
func (t *tokenizer) words(d Document) []occurrence {
	t.out = t.appendWords(t.out[:0], d)
	return t.out
}

// appendWords appends what words lists to dst.
func (t *tokenizer) appendWords(dst []occurrence, d Document) []occurrence {
	if len(t.seen) >= t.limit || t.doc == math.MaxUint32 {
		t.table.clear()
		t.seen, t.doc = t.seen[:0], 0
		t.epoch++
	}
	t.doc++
	t.count = t.count[:0]
	t.see(d.Title, fieldTitle, 0)
	for i, s := range d.Sections {
		if s.Heading != "" {
			t.see(s.Heading, fieldHeading, i)
		}
	}
	for _, m := range d.Meta {
		t.see(m, fieldMeta, 0)
	}
	for i, s := range d.Sections {
		t.see(s.Text, fieldBody, i)
	}
	for _, c := range t.count {
		sec := c.sec
		if c.field == fieldBody {
			sec = c.bodySec
		}
		dst = append(dst, occurrence{word: c.word, tf: c.tf, sec: sec, field: c.field, seen: c.seen})
	}
	return dst
}

func (t *tokenizer) see(text string, field, sec int) {
	t.field, t.sec = int8(field), int32(sec)
	t.scan.tokenize(text, t.token)
}

// token counts one token of the text being listed.
func (t *tokenizer) token(w []byte, _ bool) {
	k := t.find(w)
	e := &t.seen[k]
	if e.doc != t.doc {
		e.doc = t.doc
		if t.field != fieldTitle && e.stop {
			e.slot = stopSlot
			return
		}
		e.slot = int32(len(t.count))
		t.count = append(t.count, counting{word: e.word, seen: k, field: t.field, sec: t.sec, curSec: -1})
	} else if e.slot == stopSlot {
		return
	}
	o := &t.count[e.slot]
	if t.field < o.field {
		o.field, o.sec = t.field, t.sec
	}
	if t.field == fieldHeading || t.field == fieldBody {
		o.tf++
	}
	if t.field == fieldBody {
		if o.curSec != t.sec {
			o.curSec, o.curCount = t.sec, 0
		}
		o.curCount++
		if o.curCount > o.bodyCount {
			o.bodySec, o.bodyCount = o.curSec, o.curCount
		}
	}
}

// A wordTable finds a word's number in tokenizer.seen by its bytes: an
// open-addressed table of the words' hashes and numbers, which a token
// looks up with no string made, and no more than a hash and, mostly, one
// comparison.
type wordTable struct {
	seed  maphash.Seed
	slots []uint64 // a word's hash's high half << 32 | its number + 1; 0 is free
}

func (t *wordTable) clear() { clear(t.slots) }

// find returns the number of word w in t.seen, adding it if it is new.
func (t *tokenizer) find(w []byte) int32 {
	tab := &t.table
	if 2*(len(t.seen)+1) > len(tab.slots) {
		t.grow()
	}
	h := maphash.Bytes(tab.seed, w)
	mask := uint64(len(tab.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := tab.slots[i]
		if s == 0 {
			k := int32(len(t.seen))
			word := string(w)
			t.seen = append(t.seen, seenWord{word: word, stop: t.stop[word]})
			tab.slots[i] = h>>32<<32 | uint64(k+1)
			return k
		}
		if s>>32 == h>>32 {
			if k := int32(uint32(s)) - 1; t.seen[k].word == string(w) {
				return k
			}
		}
	}
}

// grow doubles the table, keeping it at most half full.
func (t *tokenizer) grow() {
	tab := &t.table
	if len(tab.slots) == 0 {
		tab.seed = maphash.MakeSeed()
	}
	tab.slots = make([]uint64, max(1024, 2*len(tab.slots)))
	mask := uint64(len(tab.slots) - 1)
	for k, sw := range t.seen {
		h := maphash.String(tab.seed, sw.word)
		i := h & mask
		for tab.slots[i] != 0 {
			i = (i + 1) & mask
		}
		tab.slots[i] = h>>32<<32 | uint64(k+1)
	}
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
func (s *scanner) emitSpaceless(p []byte, emit func(w []byte, whole bool)) {
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRune(p[i:])
		in := s.runes.info(r).class&classSpaceless != 0
		j, runes, last := i+n, 1, i // last: where the run's last rune starts
		for j < len(p) {
			r, n := utf8.DecodeRune(p[j:])
			if s.runes.info(r).class&classSpaceless != 0 != in {
				break
			}
			if in {
				emit(p[last:j+n], false)
			}
			last, j, runes = j, j+n, runes+1
		}
		if !in && keepRunes(runes) || in && runes == 1 {
			emit(p[i:j], false)
		}
		i = j
	}
}
